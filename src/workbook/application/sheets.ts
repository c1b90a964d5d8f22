// The 申报书 (附件5) sheets, built from the application rubric: each section on the sheet the rubric names,
// in the rubric's order; a hidden options sheet for the dropdowns; the defined name of every input; and the
// totals of the application checks (SFA_APP_ERRORS, SFA_APP_MISSING).
import { TIER_IDS, type Rubric } from '../../domain/rubric/schema';
import type { ApplicationRubric, AppSection, AttachmentsSection, PledgeSection, YearlySection } from '../../domain/application/rubric';
import type { Lang } from '../../domain/i18n/lang';
import { absCell, absRange, colLetter, sheetRef, str } from '../a1';
import type { ProfileRefs } from '../profile-sheet';
import type { ResultRefs } from '../result-sheet';
import { YES } from '../choices';
import type { RubricRefs } from '../rubric-sheet';
import type { ScenarioRefs } from '../scenarios-sheet';
import { SheetBuilder } from '../sheet-builder';
import type { NameSpec, SheetSpec } from '../types';
import { sheetName, type AppContext } from './context';
import { fieldFormulas } from './field-checks';
import { completionCheck, DATE_SERIAL_COL_LETTER, formWidths, HELPER_COL, layoutForm, layoutTable, tableWidths } from './form';
import { applicationLabels } from './labels';
import { appName, APP_RESULT_NAMES, scenarioOption } from './names';
import { buildInstancesSheet } from './instances-sheet';
import { buildOutcomesSheet } from './outcomes-sheet';
import { RECOGNITION_COL_LETTER, writeRecognitionChecks } from './recognition';

export const APP_OPTIONS_SHEET = '申报书选项';

export interface ApplicationSheets {
  sheets: SheetSpec[];
  names: NameSpec[];
}

/** The hidden options sheet: one column per choice list, then the scenarios as 「id 名称」. */
function buildOptionsSheet(app: ApplicationRubric, rubric: Rubric) {
  const S = APP_OPTIONS_SHEET;
  const b = new SheetBuilder('app-options', S).hide();
  const lists = new Map<string, string>();
  Object.entries(app.choices).forEach(([id, options], i) => {
    const c = i + 1;
    b.set(`${colLetter(c)}1`, id).column(`${colLetter(c)}2`, options);
    lists.set(id, absRange(S, c, 2, c, 1 + options.length));
  });
  const sc = Object.keys(app.choices).length + 1;
  b.set(`${colLetter(sc)}1`, 'scenarios').column(
    `${colLetter(sc)}2`,
    rubric.scenarios.map((s) => scenarioOption(s.id, s.name.zh)),
  );
  b.print('A1:B2', 'portrait');
  return { sheet: b.build(), lists, scenarioList: absRange(S, sc, 2, sc, 1 + rubric.scenarios.length) };
}

/** Lines of body text the seal row of 真实性承诺 is tall. */
export const SEAL_LINES = 8;

function sectionsOn(app: ApplicationRubric, sheet: string): AppSection[] {
  return app.sections.filter((s) => s.sheet === sheet);
}

function layoutYearly(ctx: AppContext, b: SheetBuilder, s: YearlySection, row: number): number {
  const L = ctx.L;
  const last = 1 + s.years.length;
  b.set(`A${row}`, s.title[ctx.lang], 'subtitle').merge(`A${row}:${colLetter(Math.max(5, last + 1))}${row}`);
  b.row(`A${row + 1}`, [L.field, ...s.years.map((y) => L.year(y)), L.check], 'header');
  const first = row + 2;
  s.metrics.forEach((m, i) => {
    const r = first + i;
    b.set(`A${r}`, m.label[ctx.lang] + (m.required ? L.required : ''), 'label');
    let check = '""';
    let error = '0';
    let missing = '0';
    s.years.forEach((_, j) => {
      const v = `${colLetter(2 + j)}${r}`;
      b.set(v, null, 'input', { input: true, numFmt: m.kind === 'percent' ? '0.00' : '#,##0.00' });
      const ff = fieldFormulas(m, v, ctx.checks, L);
      const here = `IF(${ff.empty},${m.required ? str(L.missing) : '""'},IF(${ff.error}<>"",${ff.error},${ff.warning}))`;
      check = j === 0 ? here : `IF(${here}<>"",${here},${check})`;
      error = `${error}+IF(${ff.empty},0,IF(${ff.error}<>"",1,0))`;
      if (m.required) missing = `${missing}+IF(${ff.empty},1,0)`;
      b.paint(v, `NOT(${ff.empty})*(${ff.error}<>"")`, 'invalid');
    });
    b.set(`${colLetter(last + 1)}${r}`, { f: check }, 'check');
    b.set(`X${r}`, { f: `IF(${error}>0,1,0)` }, 'helper').set(`Y${r}`, { f: `IF(${missing}>0,1,0)` }, 'helper');
  });
  const lastRow = first + s.metrics.length - 1;
  ctx.names.push({ name: appName(s.key), ref: absRange(b.name, 2, first, last, lastRow) });
  return lastRow + 1;
}

function layoutPledge(ctx: AppContext, b: SheetBuilder, s: PledgeSection, row: number): number {
  const L = ctx.L;
  b.row(`A${row}`, [L.field, L.confirm, null, L.check], 'header');
  const first = row + 1;
  s.statements.forEach((st, i) => {
    const r = first + i;
    const v = `B${r}`;
    b.set(`A${r}`, `${i + 1}. ${st[ctx.lang]}`, 'wrap');
    b.set(v, null, 'input', { input: true });
    b.set(`D${r}`, { f: `IF(TRIM(${v})=${str(YES)},"",${str(L.notConfirmed)})` }, 'check');
    b.set(`X${r}`, { f: `IF(OR(TRIM(${v})="",TRIM(${v})=${str(YES)}),0,1)` }, 'helper').set(`Y${r}`, { f: `IF(TRIM(${v})="",1,0)` }, 'helper');
    b.validate(v, { kind: 'list', source: ctx.checks.yesNo, allowBlank: true, error: L.yesNo });
  });
  const dateRow = first + s.statements.length;
  const d = `B${dateRow}`;
  b.set(`A${dateRow}`, s.dateLabel[ctx.lang] + L.required, 'label');
  b.set(d, null, 'input', { input: true, numFmt: 'yyyy-mm-dd' });
  const ff = fieldFormulas({ key: 'date', label: s.dateLabel, kind: 'date', required: true }, d, ctx.checks, L);
  b.set(`D${dateRow}`, { f: `IF(${ff.empty},${str(L.missing)},${ff.error})` }, 'check');
  b.set(`X${dateRow}`, { f: `IF(${ff.empty},0,IF(${ff.error}<>"",1,0))` }, 'helper').set(`Y${dateRow}`, { f: `IF(${ff.empty},1,0)` }, 'helper');
  const seal = dateRow + 2;
  b.set(`A${seal}`, `${s.sealLabel[ctx.lang]}：`, 'label').merge(`B${seal}:D${seal}`);
  // Room for the seal (a 4.2 cm round stamp): eight lines, ≈ 4 cm printed at 100 %.
  b.set(`B${seal}`, null, 'text', { fit: '\n'.repeat(SEAL_LINES - 1) });
  ctx.names.push({ name: appName(s.key), ref: absRange(b.name, 2, first, 2, dateRow) });
  b.paint(`B${first}:B${dateRow}`, `$X${first}=1`, 'invalid');
  return seal + 1;
}

function layoutAttachments(ctx: AppContext, b: SheetBuilder, s: AttachmentsSection, row: number): number {
  const L = ctx.L;
  b.row(`A${row}`, [L.attachment, L.requiredCol, L.provided, L.fileName, L.check], 'header');
  const honours = ctx.app.honours.map((h) => `TRIM(${ctx.fieldCell.get(`${h.section}.${h.field}`)})=${str(h.equals)}`);
  const honoured = honours.length ? `OR(${honours.join(',')})` : 'FALSE()';
  const first = row + 1;
  s.items.forEach((it, i) => {
    const r = first + i;
    const [p, file] = [`C${r}`, `D${r}`];
    b.set(`A${r}`, it.label[ctx.lang], 'wrap');
    b.set(`B${r}`, it.required === 'always' ? L.requiredAlways : it.required === 'ifHonours' ? L.requiredIfHonours : L.optional, 'text');
    b.set(p, null, 'input', { input: true }).set(file, null, 'input', { input: true, numFmt: '@' });
    const needed = it.required === 'always' ? 'TRUE()' : it.required === 'ifHonours' ? honoured : 'FALSE()';
    const message = it.required === 'ifHonours' ? L.honoursRequired : L.mustProvide;
    const check = `IF(TRIM(${p})=${str(YES)},IF(TRIM(${file})="",${str(L.fileMissing)},""),IF(AND(TRIM(${p})<>"",COUNTIF(${ctx.checks.yesNo},TRIM(${p}))=0),${str(L.yesNo)},IF(${needed},${str(message)},"")))`;
    b.set(`E${r}`, { f: check }, 'check');
    b.set(`X${r}`, { f: `IF(AND(TRIM(${p})<>"",COUNTIF(${ctx.checks.yesNo},TRIM(${p}))=0),1,0)` }, 'helper');
    b.set(`Y${r}`, { f: `IF(AND(${needed},TRIM(${p})<>${str(YES)}),1,IF(AND(TRIM(${p})=${str(YES)},TRIM(${file})=""),1,0))` }, 'helper');
    b.validate(p, { kind: 'list', source: ctx.checks.yesNo, allowBlank: true, error: L.yesNo });
  });
  const last = first + s.items.length - 1;
  ctx.names.push({ name: appName(s.key), ref: absRange(b.name, 3, first, 4, last) });
  return last + 1;
}

/** A form-like sheet (基本信息, 工厂, 正文, 附1-2, 附1-3…1-7, 承诺, 附件) with its sections one after another. */
function buildFormSheet(ctx: AppContext, sheetId: string, tab: string, landscape = false): SheetSpec {
  const S = sheetName(ctx, sheetId);
  const meta = ctx.app.sheets.find((x) => x.id === sheetId)!;
  const b = new SheetBuilder(`app-${sheetId}`, S).tab(tab);
  // The title is centred over the printed width: A:E on a form, A:K on a landscape sheet of tables.
  const lastPrinted = landscape ? 'K' : 'E';
  /** A table on a form may use the form's B…E (its spare columns widen its last input). */
  const tableWidth = landscape ? undefined : 4;
  b.set('A1', meta.title[ctx.lang], 'title').merge(`A1:${lastPrinted}1`);
  // Row 2: this sheet's open problems; the totals of every sheet on the first one.
  let r = 4;
  let header = false;
  const first = r;
  const segmentFields = new Map(ctx.app.segmentSections.map((g) => [`${g.section}.${g.field}`, g.segment]));
  for (const s of sectionsOn(ctx.app, sheetId)) {
    if (s.kind === 'form') {
      if (!header) {
        b.row(`A3`, [ctx.L.field, ctx.L.value, ctx.L.count, ctx.L.check, ctx.L.note], 'header');
        header = true;
      }
      if (s.fields.length > 1 && !s.fields[0]!.heading && s.key !== 'narrative') {
        b.set(`A${r}`, s.title[ctx.lang], 'subtitle').merge(`A${r}:E${r}`);
        r++;
      }
      const serial = (section: string, field: string) => ctx.dateSerialCell.get(`${section}.${field}`);
      r = layoutForm(ctx, b, s, r, {
        extraError: (f) =>
          f.key === 'endDate'
            ? completionCheck(ctx, serial(s.key, 'startDate'), serial(s.key, 'endDate')!, serial(ctx.app.cover.section, 'applicationDate'))
            : undefined,
        requiredWhen: (f) => {
          const seg = segmentFields.get(`${s.key}.${f.key}`);
          if (!seg) return undefined;
          return { formula: `COUNTIFS(${ctx.Sc.segments},${str(seg)},${ctx.Sc.ranks},">=${ctx.minRank}")>0`, message: ctx.L.segmentEmpty };
        },
      });
    } else if (s.kind === 'table') r = layoutTable(ctx, b, s, r, tableWidth);
    else if (s.kind === 'yearly') r = layoutYearly(ctx, b, s, r);
    else if (s.kind === 'pledge') r = layoutPledge(ctx, b, s, r);
    else if (s.kind === 'attachments') r = layoutAttachments(ctx, b, s, r);
    r++;
  }
  const last = r - 1;
  ctx.errorFlags.push(absRange(S, 24, first, 24, last));
  ctx.missingFlags.push(absRange(S, 25, first, 25, last));
  b.set('A2', { f: `${str(ctx.L.sheetProblems)}&(SUM(X${first}:X${last})+SUM(Y${first}:Y${last}))` }, 'note').merge(`A2:${lastPrinted}2`);
  b.widths(...(landscape ? tableWidths() : formWidths()))
    .hideColumns(...Array.from({ length: 10 }, (_, i) => colLetter(HELPER_COL + i)), 'X', 'Y', DATE_SERIAL_COL_LETTER, RECOGNITION_COL_LETTER)
    .freeze(3);
  // A form's header row (项目 / 填写内容 / 字数 / 检查 / 说明) repeats on every page, so a form that runs on
  // (基本信息 takes two) is not read headless; a sheet of tables only has a header per table instead.
  b.print(`A1:${lastPrinted}${last}`, landscape ? 'landscape' : 'portrait', header ? '3:3' : undefined);
  return b.build();
}

export function buildApplicationSheets(
  app: ApplicationRubric,
  rubric: Rubric,
  refs: { R: RubricRefs; P: ProfileRefs; Sc: ScenarioRefs; Res: ResultRefs },
  lang: Lang,
): ApplicationSheets {
  const options = buildOptionsSheet(app, rubric);
  const instances = app.sections.find((s) => s.kind === 'instances');
  const ctx: AppContext = {
    app,
    rubric,
    lang,
    L: applicationLabels(lang),
    ...refs,
    checks: { list: (id) => options.lists.get(id)!, yesNo: refs.R.yesNo },
    minRank: instances && instances.kind === 'instances' ? TIER_IDS.indexOf(instances.minTier) + 1 : 2,
    scenarioList: options.scenarioList,
    fieldCell: new Map(),
    dateSerialCell: new Map(),
    names: [],
    errorFlags: [],
    missingFlags: [],
  };
  const tabs: Record<string, string> = {
    basic: '1F4E79',
    factory: '1F4E79',
    outcomes: '4F7F3F',
    text: '1F4E79',
    instances: '7F3F6F',
    resources: '7F3F6F',
    lists: '7F3F6F',
    pledge: '595959',
    attachments: '595959',
  };
  const sheets: SheetSpec[] = [];
  for (const meta of app.sheets) {
    const own = sectionsOn(app, meta.id);
    const only = own.length === 1 ? own[0]! : undefined;
    if (only?.kind === 'outcomes') sheets.push(buildOutcomesSheet(ctx, only));
    else if (only?.kind === 'instances') sheets.push(buildInstancesSheet(ctx, only));
    else sheets.push(buildFormSheet(ctx, meta.id, tabs[meta.id] ?? '1F4E79', meta.id === 'resources' || meta.id === 'lists'));
  }
  writeRecognitionChecks(ctx, sheets);
  // The totals, on the first sheet's row 2 beside its own count.
  const first = sheets[0]!;
  const q = sheetRef(first.name);
  const errors = ctx.errorFlags.map((x) => `SUM(${x})`).join('+');
  const missing = ctx.missingFlags.map((x) => `SUM(${x})`).join('+');
  first.blocks.push({ at: 'X2', rows: [[{ f: errors }, { f: missing }]], style: 'helper' });
  const a2 = first.blocks.find((x) => x.at === 'A2')!;
  const own = (a2.rows[0]![0] as { f: string }).f;
  a2.rows = [[{ f: `${str(ctx.L.appProblems)}&X2&${str(ctx.L.appMissing)}&Y2&"；"&${own}` }]];
  a2.style = 'check';
  ctx.names.push({ name: APP_RESULT_NAMES.errors, ref: `${q}${absCell(24, 2)}` }, { name: APP_RESULT_NAMES.missing, ref: `${q}${absCell(25, 2)}` });
  return { sheets: [...sheets, options.sheet], names: ctx.names };
}
