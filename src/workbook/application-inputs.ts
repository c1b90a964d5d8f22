// The 申报书 between the exchange JSON's `application` section and the workbook's named input ranges, both
// ways, with the input grammar of ./inputs.ts: what people type (numbers stored as text, full-width digits,
// dates typed or as text, the dropdown texts) is read, anything else is reported by its sheet, cell and path.
import type { Assessment } from '../domain/assessment/types';
import type { Application, AttachmentsValue, CustomOutcome, FormValue, OutcomesValue, PledgeValue, TableRow } from '../domain/application/types';
import type { AppField, ApplicationRubric } from '../domain/application/rubric';
import type { Lang } from '../domain/i18n/lang';
import type { Rubric } from '../domain/rubric/schema';
import { fmt2 } from '../domain/i18n/texts';
import { evaluate } from '../domain/scoring/evaluate';
import { cell } from './a1';
import {
  allApplicationInputNames,
  applicationInputNames,
  DIRECTION_TEXT,
  OUTCOME_CUSTOM_COLUMNS,
  scenarioOption,
  tableColumns,
  type AppInputName,
} from './application/names';
import { unreadableCell, type NamedValues, type ReadProblem } from './inputs';
import {
  isBlank,
  normalizeTyped,
  parseChoice,
  parseDate,
  parseNumber,
  parseText,
  parseYesNo,
  quoteTyped,
  type Parsed,
  type Typed,
} from '../domain/input/grammar';
import { NO, YES } from './choices';
import type { CellValue } from './types';
import { zhOrEn } from '../domain/i18n/catalogue';

const NUMBER_KINDS = new Set<AppField['kind']>(['number', 'integer', 'percent', 'year']);
export { allApplicationInputNames };

/** Reads the 申报书 inputs; `application` is undefined when none of them is filled. */
export function applicationFromInputs(
  app: ApplicationRubric,
  rubric: Rubric,
  ranges: Map<string, NamedValues>,
  assessment: Assessment,
  lang: Lang = 'zh',
): { application: Application | undefined; problems: ReadProblem[] } {
  const problems: ReadProblem[] = [];
  const out: Application = {};
  const scenarioIds = new Set(rubric.scenarios.map((s) => s.id));

  const read = (n: AppInputName, i: number, j: number, path: string, kind: AppField['kind'] | 'scenario' | 'direction', f?: AppField): unknown => {
    const r = ranges.get(n.name);
    const v = r?.values[i]?.[j] ?? null;
    const where = r ? { sheet: r.sheet, cell: cell(r.col + j, r.row + i) } : { sheet: '', cell: '' };
    const bad = (zh: string, en: string) => {
      problems.push({ ...where, path, message: zhOrEn(lang, zh, en) });
      return undefined;
    };
    const why = unreadableCell(v, lang);
    if (why !== undefined) return bad(why, why);
    const typed = v as Typed;
    if (isBlank(typed)) return undefined;
    const q = quoteTyped(typed);
    const take = <T>(r: Parsed<T>, zh: string, en: string): T | undefined => (r.kind === 'ok' ? r.value : r.kind === 'bad' ? bad(zh, en) : undefined);
    if (kind === 'scenario') {
      const id = /^(\d+)/.exec(normalizeTyped(String(q)))?.[1];
      return id && scenarioIds.has(id) ? id : bad(`「${q}」不是场景，请从下拉列表中选择`, `“${q}” is not a scenario; pick one from the list`);
    }
    if (kind === 'direction') {
      const i = take(
        parseChoice(typed, [DIRECTION_TEXT.up, DIRECTION_TEXT.down, 'up', 'down']),
        `「${q}」应为「提升」或「下降」`,
        `“${q}” must be 提升 (rise) or 下降 (fall)`,
      );
      return i === undefined ? undefined : i % 2 === 1 ? 'up' : 'down';
    }
    // A number typed as text ("2024" in a cell formatted as text, or pasted) is refused, as the sheet's own
    // check (ISNUMBER) refuses it: the 申报书 cells are number cells, and the pane must not call complete what
    // the sheet marks 应为数字. (企业信息's fields take number text too, through the grammar's helper columns.)
    if (NUMBER_KINDS.has(kind))
      return typeof typed === 'number'
        ? take(parseNumber(typed), `应为数字，填写的是「${q}」`, `expected a number, got “${q}”`)
        : bad(
            `应为数字，填写的是文本「${q}」（请输入数字，单元格不要设为文本格式）`,
            `expected a number, got the text “${q}” (type a number; do not format the cell as text)`,
          );
    if (kind === 'date')
      return take(
        parseDate(typed),
        `应为日期（如 2025-03-10、2025/3/10 或 2025年3月10日），填写的是「${q}」`,
        `expected a date (e.g. 2025-03-10, 2025/3/10), got “${q}”`,
      );
    if (kind === 'yesNo') return take(parseYesNo(typed), `应为「是」或「否」，填写的是「${q}」`, `expected 是 (yes) or 否 (no), got “${q}”`);
    if (kind === 'choice') {
      const list = app.choices[f!.choices!]!;
      const i = take(parseChoice(typed, list), `「${q}」不在下拉列表中，请从列表中选择`, `“${q}” is not in the list; pick one from it`);
      return i === undefined ? undefined : list[i - 1];
    }
    return take(parseText(typed), q, q);
  };
  const put = (o: Record<string, unknown>, k: string, x: unknown) => {
    if (x !== undefined) o[k] = x;
  };

  for (const n of applicationInputNames(app, rubric)) {
    if (!ranges.has(n.name)) continue;
    switch (n.kind) {
      case 'field': {
        const x = read(n, 0, 0, `application.${n.section}.${n.field.key}`, n.field.kind, n.field);
        if (x !== undefined) put(((out[n.section] as FormValue | undefined) ??= {}) as Record<string, unknown>, n.field.key, x);
        break;
      }
      case 'table': {
        const cols = tableColumns(n.section);
        const rows: TableRow[] = [];
        for (let i = 0; i < n.section.rows; i++) {
          const row: Record<string, unknown> = {};
          cols.forEach((c, j) =>
            put(
              row,
              c.key,
              read(n, i, j, `application.${n.section.key}.${rows.length}.${c.key}`, 'label' in c ? c.kind : 'scenario', 'label' in c ? c : undefined),
            ),
          );
          if (Object.keys(row).length) rows.push(row as TableRow);
        }
        if (rows.length) out[n.section.key] = rows;
        break;
      }
      case 'yearly': {
        const years: Record<string, FormValue> = {};
        n.section.years.forEach((y, j) => {
          const o: Record<string, unknown> = {};
          n.section.metrics.forEach((m, i) => put(o, m.key, read(n, i, j, `application.${n.section.key}.${y}.${m.key}`, m.kind, m)));
          if (Object.keys(o).length) years[String(y)] = o as FormValue;
        });
        if (Object.keys(years).length) out[n.section.key] = years;
        break;
      }
      case 'outcomes': {
        const o = ((out[n.section.key] as OutcomesValue | undefined) ?? {}) as OutcomesValue;
        n.section.indicators.forEach((ind, i) => {
          const pair: Record<string, unknown> = {};
          put(pair, 'before', read(n, i, 0, `application.${n.section.key}.${ind.key}.before`, 'number'));
          put(pair, 'after', read(n, i, 1, `application.${n.section.key}.${ind.key}.after`, 'number'));
          if (Object.keys(pair).length) o[ind.key] = pair;
        });
        if (Object.keys(o).length) out[n.section.key] = o;
        break;
      }
      case 'outcomesCustom': {
        const custom: CustomOutcome[] = [];
        for (let i = 0; i < n.section.customRows; i++) {
          const row: Record<string, unknown> = {};
          const kinds = { label: 'text', unit: 'text', direction: 'direction', before: 'number', after: 'number' } as const;
          OUTCOME_CUSTOM_COLUMNS.forEach((c, j) => put(row, c, read(n, i, j, `application.${n.section.key}.custom.${custom.length}.${c}`, kinds[c])));
          if (Object.keys(row).length) custom.push({ label: '', direction: 'up', ...row } as CustomOutcome);
        }
        if (custom.length) {
          const o = ((out[n.section.key] as OutcomesValue | undefined) ?? {}) as OutcomesValue;
          o.custom = custom;
          out[n.section.key] = o;
        }
        break;
      }
      case 'instance': {
        const o: Record<string, unknown> = {};
        n.section.fields.forEach((f, i) => put(o, f.key, read(n, i, 0, `application.${n.section.key}.${n.scenario}.${f.key}`, f.kind, f)));
        if (Object.keys(o).length)
          ((out[n.section.key] as Record<string, FormValue> | undefined) ??= {}) &&
            ((out[n.section.key] as Record<string, FormValue>)[n.scenario] = o as FormValue);
        break;
      }
      case 'pledge': {
        const p: PledgeValue = {};
        const confirmed = n.section.statements.map((_, i) => read(n, i, 0, `application.${n.section.key}.confirmed.${i}`, 'yesNo') as boolean | undefined);
        if (confirmed.some((c) => c !== undefined)) p.confirmed = confirmed.map((c) => c === true);
        const date = read(n, n.section.statements.length, 0, `application.${n.section.key}.date`, 'date') as string | undefined;
        if (date !== undefined) p.date = date;
        if (Object.keys(p).length) out[n.section.key] = p;
        break;
      }
      case 'attachments': {
        const o: AttachmentsValue = {};
        n.section.items.forEach((it, i) => {
          const item: Record<string, unknown> = {};
          put(item, 'provided', read(n, i, 0, `application.${n.section.key}.${it.key}.provided`, 'yesNo'));
          put(item, 'file', read(n, i, 1, `application.${n.section.key}.${it.key}.file`, 'text'));
          if (Object.keys(item).length) o[it.key] = item;
        });
        if (Object.keys(o).length) out[n.section.key] = o;
        break;
      }
    }
  }
  if (!Object.keys(out).length) return { application: undefined, problems };
  fillComputed(app, rubric, out, assessment);
  return { application: out, problems };
}

/** The 自动导入 fields the assessment computes (企业类型, 自评得分, 成熟度等级, 自评等级), as the workbook shows them. */
function fillComputed(app: ApplicationRubric, rubric: Rubric, out: Application, a: Assessment): void {
  const e = evaluate(rubric, a);
  for (const s of app.sections) {
    if (s.kind !== 'form') continue;
    for (const f of s.fields) {
      if (f.kind !== 'auto' || !f.auto || !('computed' in f.auto)) continue;
      const v =
        f.auto.computed === 'size'
          ? e.enterpriseSize
          : f.auto.computed === 'composite'
            ? e.composite === null
              ? null
              : Number(fmt2(e.composite))
            : f.auto.computed === 'tier'
              ? (e.tier ?? 'none')
              : (a.maturityLevel ?? null);
      if (v === null || v === undefined) continue;
      ((out[s.key] as FormValue | undefined) ??= {})[f.key] = v;
    }
  }
}

/** The values to write into each 申报书 input range (blank where the application has nothing). */
export function inputsFromApplication(app: ApplicationRubric, rubric: Rubric, application: Application | undefined): Map<string, CellValue[][]> {
  const out = new Map<string, CellValue[][]>();
  const A = application ?? {};
  const cellOf = (x: unknown): CellValue => (x === undefined || x === null ? null : x === true ? YES : x === false ? NO : (x as CellValue));
  const name = (id: string) => scenarioOption(id, rubric.scenarios.find((s) => s.id === id)?.name.zh ?? '');
  for (const n of applicationInputNames(app, rubric)) {
    switch (n.kind) {
      case 'field':
        out.set(n.name, [[cellOf((A[n.section] as FormValue | undefined)?.[n.field.key])]]);
        break;
      case 'table': {
        const rows = (A[n.section.key] as TableRow[] | undefined) ?? [];
        out.set(
          n.name,
          Array.from({ length: n.section.rows }, (_, i) =>
            tableColumns(n.section).map((c) =>
              c.key === 'scenario' ? (rows[i]?.scenario ? name(String(rows[i]!.scenario)) : null) : cellOf(rows[i]?.[c.key]),
            ),
          ),
        );
        break;
      }
      case 'yearly': {
        const v = (A[n.section.key] as Record<string, FormValue> | undefined) ?? {};
        out.set(
          n.name,
          n.section.metrics.map((m) => n.section.years.map((y) => cellOf(v[String(y)]?.[m.key]))),
        );
        break;
      }
      case 'outcomes': {
        const v = (A[n.section.key] as OutcomesValue | undefined) ?? {};
        out.set(
          n.name,
          n.section.indicators.map((ind) => [cellOf(v[ind.key]?.before), cellOf(v[ind.key]?.after)]),
        );
        break;
      }
      case 'outcomesCustom': {
        const custom = ((A[n.section.key] as OutcomesValue | undefined)?.custom ?? []) as CustomOutcome[];
        out.set(
          n.name,
          Array.from({ length: n.section.customRows }, (_, i) => {
            const c = custom[i];
            return c ? [cellOf(c.label), cellOf(c.unit), DIRECTION_TEXT[c.direction], cellOf(c.before), cellOf(c.after)] : [null, null, null, null, null];
          }),
        );
        break;
      }
      case 'instance': {
        const v = (A[n.section.key] as Record<string, FormValue> | undefined)?.[n.scenario] ?? {};
        out.set(
          n.name,
          n.section.fields.map((f) => [cellOf(v[f.key])]),
        );
        break;
      }
      case 'pledge': {
        const v = (A[n.section.key] as PledgeValue | undefined) ?? {};
        out.set(n.name, [...n.section.statements.map((_, i) => [cellOf(v.confirmed?.[i])]), [cellOf(v.date)]]);
        break;
      }
      case 'attachments': {
        const v = (A[n.section.key] as AttachmentsValue | undefined) ?? {};
        out.set(
          n.name,
          n.section.items.map((it) => [cellOf(v[it.key]?.provided), cellOf(v[it.key]?.file)]),
        );
        break;
      }
    }
  }
  return out;
}
