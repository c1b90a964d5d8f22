// Form sections (one row per field) and tables (a row per entry), laid out on a 申报书 sheet. Columns of a
// form: A label, B input (or the 自动导入 value), C 字数, D check, E note; hidden J error flag, K missing flag.
import type { AppField, FormSection, TableSection } from '../../domain/application/rubric';
import { absCell, absRange, cell, colLetter, sheetRef, str } from '../a1';
import { YES } from '../choices';
import type { SheetBuilder } from '../sheet-builder';
import type { StyleId } from '../types';
import type { AppContext } from './context';
import { charCount, dateSerial, fieldFormulas } from './field-checks';
import { appName, tableColumns } from './names';
import { RECOGNITION_COL_LETTER, recognitionChecksOn } from './recognition';

// Portrait A4 prints about 125 column units at 80 % (≈ 9 pt text); wider columns shrink the whole form
// (30/64/10/34/40 printed at 6 pt). Long inputs wrap: their rows grow with the text (row-heights.ts).
const FORM_WIDTHS = [24, 46, 10, 22, 26];
const TABLE_WIDTHS = [6, 24, 20, 20, 16, 18, 14, 10, 14, 18, 34];
export const formWidths = () => FORM_WIDTHS;
export const tableWidths = () => TABLE_WIDTHS;
/** Tables keep each column's problem in hidden helper cells from this column (M) on. */
export const HELPER_COL = 13;
/** A form's date field keeps its parsed serial number in this hidden column (Z), beside the X/Y flags. */
const DATE_SERIAL_COL = 26;
export const DATE_SERIAL_COL_LETTER = colLetter(DATE_SERIAL_COL);

function numFmtOf(f: AppField): string | undefined {
  switch (f.kind) {
    case 'date':
      return 'yyyy-mm-dd';
    case 'number':
      return '#,##0.00';
    case 'percent':
      return '0.00';
    case 'integer':
    case 'year':
      return '0';
    case 'auto':
      return undefined;
    default:
      return '@';
  }
}

/** The formula of an 自动导入 cell. */
function autoFormula(ctx: AppContext, f: AppField): { f: string; numFmt?: string } {
  const a = f.auto!;
  if ('profile' in a) {
    const ref = ctx.P.field[a.profile as keyof typeof ctx.P.field];
    return { f: ref ? `IF(${ref}="","",${ref})` : '""' };
  }
  switch (a.computed) {
    case 'size':
      return { f: `IF(${ctx.P.size}="","",${ctx.P.size}&"企业")` };
    case 'composite':
      return { f: `IF(ISNUMBER(${ctx.Res.composite}),${ctx.Res.composite},"")`, numFmt: '0.00' };
    case 'tier':
      return { f: `IF(${ctx.Res.tier}="","",${ctx.Res.tier})` };
    case 'maturity':
      return { f: `IF(TRIM(${ctx.P.maturity})="","",${ctx.P.maturity})` };
  }
}

/** The condition under which a field is asked (its `when`), as a formula, or TRUE. */
function askedWhen(ctx: AppContext, section: string, f: AppField): string {
  if (!f.when) return 'TRUE()';
  const other = ctx.fieldCell.get(`${section}.${f.when.field}`)!;
  return `TRIM(${other})=${str(f.when.equals)}`;
}

export interface FormExtras {
  /** More error text for a field: a formula giving "" or a sentence (e.g. 须已建设完成). */
  extraError?: (field: AppField, v: string) => string | undefined;
  /** Whether an optional field is required after all (e.g. a 环节 section while its scenarios are claimed). */
  requiredWhen?: (field: AppField) => { formula: string; message: string } | undefined;
}

/** Lays out a form section from row `row`; returns the next free row. */
export function layoutForm(ctx: AppContext, b: SheetBuilder, s: FormSection, row: number, extras: FormExtras = {}): number {
  const L = ctx.L;
  const q = sheetRef(b.name);
  let r = row;
  for (const f of s.fields) {
    if (f.heading) {
      b.set(`A${r}`, f.heading[ctx.lang], 'subtitle').merge(`A${r}:E${r}`);
      r++;
      if (f.headingNote) {
        b.set(`A${r}`, f.headingNote, 'note').merge(`A${r}:E${r}`);
        r++;
      }
    }
    const v = `B${r}`;
    ctx.fieldCell.set(`${s.key}.${f.key}`, `${q}${absCell(2, r)}`);
    b.set(`A${r}`, f.label[ctx.lang] + (f.required ? L.required : ''), 'label');
    if (f.kind === 'auto') {
      const a = autoFormula(ctx, f);
      b.set(v, { f: a.f }, 'output', a.numFmt ? { numFmt: a.numFmt } : {});
      b.set(`E${r}`, L.autoNote, 'note');
      b.set(`X${r}`, 0, 'helper').set(`Y${r}`, 0, 'helper');
      r++;
      continue;
    }
    const numFmt = numFmtOf(f);
    b.set(v, null, f.kind === 'longText' ? 'inputWrap' : 'input', { input: true, ...(numFmt ? { numFmt } : {}) });
    ctx.names.push({ name: appName(s.key, f.key), ref: `${q}${absCell(2, r)}` });
    let serial: string | undefined;
    if (f.kind === 'date') {
      serial = cell(DATE_SERIAL_COL, r);
      b.set(serial, { f: dateSerial(v) }, 'helper');
      ctx.dateSerialCell.set(`${s.key}.${f.key}`, `${q}${absCell(DATE_SERIAL_COL, r)}`);
    }
    const ff = fieldFormulas(f, v, ctx.checks, L, serial);
    const extra = extras.extraError?.(f, v);
    const error = extra ? `IF(${ff.error}<>"",${ff.error},${extra})` : ff.error;
    const asked = askedWhen(ctx, s.key, f);
    const late = extras.requiredWhen?.(f);
    const missingText = f.required ? `IF(${asked},${str(L.missing)},"")` : late ? `IF(${late.formula},${str(late.message)},"")` : '""';
    // 企业信息's 直接认定 may imply this field's value (./recognition.ts): its warning, in a hidden cell, comes after
    // the field's own error and warning, and instead of 未填写 (it says what to fill in).
    const recognition = recognitionChecksOn(ctx, `${s.key}.${f.key}`);
    const rc = recognition.length ? `${RECOGNITION_COL_LETTER}${r}` : undefined;
    const whenEmpty = rc ? `IF(${rc}<>"",${rc},${missingText})` : missingText;
    const warning = !rc ? ff.warning : ff.warning === '""' ? rc : `IF(${ff.warning}<>"",${ff.warning},${rc})`;
    // The row is sized for the longest text the check can show (a formula cell's text is not known when writing).
    const fit = [f.required ? L.missing : '', late?.message ?? '', ...recognition.map((x) => x.message)].reduce((a, b) => (b.length > a.length ? b : a), '');
    b.set(`D${r}`, { f: `IF(${ff.empty},${whenEmpty},IF(${error}<>"",${error},${warning}))` }, 'check', fit ? { fit } : {});
    b.set(`X${r}`, { f: `IF(${ff.empty},0,IF(${error}<>"",1,0))` }, 'helper');
    b.set(`Y${r}`, { f: `IF(${ff.empty},IF(${missingText}<>"",1,0),0)` }, 'helper');
    if (f.kind === 'longText') b.set(`C${r}`, { f: `${charCount(v)}&" / "&${f.limit}` }, 'output');
    if (f.note) b.set(`E${r}`, f.note, 'note');
    if (f.kind === 'choice') b.validate(v, { kind: 'list', source: ctx.checks.list(f.choices!), allowBlank: true, error: L.pick });
    if (f.kind === 'yesNo') b.validate(v, { kind: 'list', source: ctx.checks.yesNo, allowBlank: true, error: L.yesNo });
    b.paint(v, `$X${r}=1`, 'invalid');
    if (rc) b.paint(v, `AND($X${r}=0,$${rc}<>"")`, 'warning');
    r++;
  }
  return r;
}

/**
 * A check for the completion date: not after the 申报日期 (today when none), and not before the start. The
 * arguments are the date fields' serial cells (a number, or "" when the cell holds no date).
 */
export function completionCheck(ctx: AppContext, start: string | undefined, end: string, appDate: string | undefined): string {
  const limit = appDate ? `IF(ISNUMBER(${appDate}),${appDate},TODAY())` : 'TODAY()';
  const late = `IF(ISNUMBER(${end}),IF(${end}>${limit},${str(ctx.L.notCompleted)},""),"")`;
  if (!start) return late;
  return `IF(AND(ISNUMBER(${start}),ISNUMBER(${end})),IF(${start}>${end},${str(ctx.L.startAfterEnd)},${late}),${late})`;
}

/**
 * Lays out a table from row `row`: title, note, header, then `rows` entry rows (序号 in A, inputs from B, the
 * row's check in the column after them). Returns the next free row. `width`: the sheet's columns from B the
 * table may use (a form sheet's B…E); columns it leaves spare widen its last input, merged over them (on a form
 * sheet 省智能制造示范类项目's 项目名称 spans C:D instead of C's ten characters). The input stays in the merge's
 * first cell, so the table's defined name covers the same cells whatever the width.
 */
export function layoutTable(ctx: AppContext, b: SheetBuilder, s: TableSection, row: number, width?: number): number {
  const L = ctx.L;
  const cols = tableColumns(s);
  const spare = Math.max(0, (width ?? 0) - cols.length - 1);
  const checkCol = 2 + cols.length + spare;
  const lastLetter = colLetter(checkCol);
  /** The last input's cell and the spare cells it is merged over, on row `at` (nothing when none spare). */
  const widen = (at: number) => (spare ? b.merge(`${colLetter(1 + cols.length)}${at}:${colLetter(checkCol - 1)}${at}`) : b);
  let r = row;
  b.set(`A${r}`, s.title[ctx.lang], 'subtitle').merge(`A${r}:${lastLetter}${r}`);
  r++;
  if (s.note) {
    b.set(`A${r}`, s.note, 'note').merge(`A${r}:${lastLetter}${r}`);
    r++;
  }
  const labels = cols.map((c) => ('label' in c ? c.label[ctx.lang] + (c.required ? L.required : '') : L.scenario));
  b.row(`A${r}`, [L.seq, ...labels, ...Array<string>(spare).fill(''), L.check], 'header');
  widen(r);
  r++;
  const first = r;
  const last = first + s.rows - 1;
  const when = s.when ? `TRIM(${ctx.fieldCell.get(`${s.when.section}.${s.when.field}`)})=${str(s.when.equals)}` : undefined;
  for (let i = 0; i < s.rows; i++, r++) {
    b.set(`A${r}`, i + 1, 'text');
    const cellsOfRow = cols.map((_, j) => cell(2 + j, r));
    const filled = `SUMPRODUCT(--(LEN(TRIM(${cellsOfRow[0]}:${cellsOfRow[cellsOfRow.length - 1]}))>0))>0`;
    // Each column's problem in a hidden helper cell (from column M), the row's check is the first of them.
    const helpers: string[] = [];
    cols.forEach((c, j) => {
      const v = cellsOfRow[j]!;
      const h = cell(HELPER_COL + j, r);
      helpers.push(h);
      if (!('label' in c)) {
        const rank = `IFERROR(INDEX(${ctx.Sc.ranks},MATCH(TRIM(${v}),${ctx.scenarioList},0)),-1)`;
        b.set(
          h,
          {
            f: `IF(TRIM(${v})="",${str(L.scenarioPick)},IF(COUNTIF(${ctx.scenarioList},TRIM(${v}))=0,${str(L.scenarioPick)},IF(${rank}>=${ctx.minRank},"",${str(L.scenarioNotClaimed)})))`,
          },
          'helper',
        );
        return;
      }
      const ff = fieldFormulas(c, v, ctx.checks, L);
      b.set(h, { f: `IF(${ff.empty},${c.required ? str(L.rowMissing(c.label[ctx.lang])) : '""'},${ff.error})` }, 'helper');
    });
    const check = helpers.reduceRight((otherwise, h) => `IF(${h}<>"",${h},${otherwise})`, '""');
    b.set(`${lastLetter}${r}`, { f: `IF(${filled},${check},"")` }, 'check');
    // A wrong scenario is an error; the rest of an entry's problems too (a half-filled row is not an entry).
    b.set(`X${r}`, { f: `IF(${lastLetter}${r}="",0,1)` }, 'helper');
    b.set(`Y${r}`, 0, 'helper');
    cols.forEach((c, j) => {
      const at = cellsOfRow[j]!;
      const fmt = 'label' in c ? numFmtOf(c) : '@';
      const style: StyleId = 'input';
      b.set(at, null, style, { input: true, ...(fmt ? { numFmt: fmt } : {}) });
    });
    // The cells under the merge take its style, so its borders and fill are drawn across.
    for (let k = 1; k <= spare; k++) b.set(cell(1 + cols.length + k, r), null, 'input');
    widen(r);
  }
  cols.forEach((c, j) => {
    const rng = `${colLetter(2 + j)}${first}:${colLetter(2 + j)}${last}`;
    if (!('label' in c)) b.validate(rng, { kind: 'list', source: ctx.scenarioList, allowBlank: true, error: L.scenarioPick });
    else if (c.kind === 'choice') b.validate(rng, { kind: 'list', source: ctx.checks.list(c.choices!), allowBlank: true, error: L.pick });
    else if (c.kind === 'yesNo') b.validate(rng, { kind: 'list', source: ctx.checks.yesNo, allowBlank: true, error: L.yesNo });
  });
  b.paint(`B${first}:${colLetter(1 + cols.length)}${last}`, `$X${first}=1`, 'invalid');
  if (when) b.paint(`B${first}:${colLetter(1 + cols.length)}${last}`, `NOT(${when})`, 'muted');
  ctx.names.push({ name: appName(s.key), ref: absRange(b.name, 2, first, 1 + cols.length, last) });
  return r;
}

export { YES };
