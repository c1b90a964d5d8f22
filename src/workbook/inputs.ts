// Inputs between an assessment and the workbook's named input ranges, shared by both adapters. Reading is
// tolerant of what people type (numbers stored as text, full-width digits, surrounding spaces, the dropdown
// texts) and strict about the rest: every cell it cannot read is reported with sheet, cell and field path.
import { FIT_IDS, type Rubric, type ScenarioTier } from '../domain/rubric/schema';
import type { Assessment, LevelAnswer, ProfileKey } from '../domain/assessment/types';
import { PROFILE_NUMBER_KEYS } from '../domain/assessment/types';
import type { Lang } from '../domain/i18n/lang';
import type { Issue } from '../domain/scoring/types';
import { cell } from './a1';
import { NAMES } from './names';
import { PROFILE_LAYOUT } from './profile-sheet';
import { NO, YES } from './rubric-sheet';
import type { CellValue } from './types';
import { getApplicationRubric } from '../domain/rubrics/applications';
import { applicationFromInputs, inputsFromApplication } from './application-inputs';

/**
 * A cell as an adapter reads it. Readers deliver what the file holds, typed as ECMA-376 types it; this module
 * alone decides what a person's typing means (one input grammar). Two variants are for readers of files:
 * - `{ formula, cached }`: the cell holds a formula (its cached result, if any, is `cached`). An input cell
 *   with a formula is an error naming the cell; result cells are read for their cached value.
 * - `{ malformed, type }`: the cell's XML says one type but holds text that is not that type (e.g. `t="b"`
 *   with `abc`, a `<v>` that is not an xsd:double); `malformed` is the raw text, shown to the user.
 */
export type RawCell =
  | string
  | number
  | boolean
  | Date
  | null
  | undefined
  | { error: string }
  | { formula: string; cached: RawCell }
  | { malformed: string; type: string };

/** The value a reader should use for a result cell: a formula's cached result, else the cell itself. */
export function cachedValue(v: RawCell): RawCell {
  return typeof v === 'object' && v !== null && 'formula' in v ? v.cached : v;
}

/** Why a cell cannot be an input, whatever it holds (error value, formula, malformed XML), or undefined. */
export function unreadableCell(v: RawCell, lang: Lang): string | undefined {
  if (typeof v !== 'object' || v === null || v instanceof Date) return undefined;
  if ('formula' in v) return zhOrEn(lang, `输入单元格不应含公式（=${v.formula}），请填写数值或从下拉列表中选择`, `an input cell must not hold a formula (=${v.formula}); type the value or pick it from the list`);
  if ('malformed' in v) return zhOrEn(lang, `单元格内容「${v.malformed}」与其类型（${v.type}）不符，无法读取：请重新填写`, `the cell's content “${v.malformed}” does not match its type (${v.type}); type it again`);
  return zhOrEn(lang, `单元格有错误值 ${v.error}`, `the cell holds the error ${v.error}`);
}

/** A named range as read: where it starts and its values row by row. */
export interface NamedValues {
  sheet: string;
  col: number;
  row: number;
  values: RawCell[][];
}

export interface ReadProblem {
  sheet: string;
  cell: string;
  path: string;
  message: string;
}

const zhOrEn = (lang: Lang, zh: string, en: string) => (lang === 'zh' ? zh : en);

/** Full-width digits, letters and punctuation to ASCII, and outer spaces (also U+3000) trimmed. */
export function normalizeText(s: string): string {
  return s
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .trim();
}

const NUMBER_RE = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const isEmpty = (v: RawCell) => v === null || v === undefined || (typeof v === 'string' && normalizeText(v) === '');

/** Excel's serial date → YYYY-MM-DD (1900 date system). */
export function serialToIso(n: number): string {
  const ms = Math.round((n - 25569) * 86400 * 1000);
  return new Date(ms).toISOString().slice(0, 10);
}

export function dateToIso(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** Reader problems as engine errors, each message naming its sheet and cell. */
export function problemsAsIssues(problems: ReadProblem[]): Issue[] {
  return problems.map((p) => ({ path: p.path, code: 'cell-unreadable' as const, message: `${p.sheet}!${p.cell}：${p.message}` }));
}

/** Reads the input ranges of a workbook into an assessment. */
export function assessmentFromInputs(rubric: Rubric, ranges: Map<string, NamedValues>, lang: Lang = 'zh'): { assessment: Assessment; problems: ReadProblem[] } {
  const problems: ReadProblem[] = [];
  const a: Assessment = { rubric: rubric.id };
  const at = (name: string, i: number, j = 0) => {
    const r = ranges.get(name)!;
    return { sheet: r.sheet, cell: cell(r.col + j, r.row + i) };
  };
  const problem = (name: string, i: number, path: string, zh: string, en: string, j = 0) => problems.push({ ...at(name, i, j), path, message: zhOrEn(lang, zh, en) });
  const amountPaths = rubric.indicators.flatMap((ind) => (ind.kind === 'amounts' ? ind.amounts.map((amt) => `indicators.${ind.id}.${amt.key}`) : []));
  const pathOf = (name: string, i: number, j: number): string => {
    switch (name) {
      case NAMES.profile:
        return `profile.${PROFILE_LAYOUT[i] ?? i}`;
      case NAMES.declarations:
        return `declarations.${rubric.declarations[i]?.key ?? i}`;
      case NAMES.maturity:
        return 'maturityLevel';
      case NAMES.indicatorLevels:
        return `indicators.${rubric.indicators[i]?.id ?? i}.level`;
      case NAMES.indicatorFits:
        return `indicators.${rubric.indicators[i]?.id ?? i}.fit`;
      case NAMES.indicatorScores:
        return `indicators.${rubric.indicators[i]?.id ?? i}.score`;
      case NAMES.indicatorAmounts:
        return amountPaths[i] ?? `indicators.amounts.${i}`;
      case NAMES.scenarioTiers:
        return `scenarios.${rubric.scenarios[i]?.id ?? i}`;
      default:
        return `${name}.${i}.${j}`;
    }
  };
  const reported = new Set<string>();
  /** The cell's value; a formula, malformed or error cell is reported once, by its cell, and reads as blank. */
  const get = (name: string, i: number, j = 0): RawCell => {
    const v = ranges.get(name)?.values[i]?.[j] ?? null;
    const why = unreadableCell(v, lang);
    if (why === undefined) return v;
    const where = at(name, i, j);
    const key = `${where.sheet}!${where.cell}`;
    if (!reported.has(key)) {
      reported.add(key);
      problems.push({ ...where, path: pathOf(name, i, j), message: why });
    }
    return null;
  };
  const shown = (v: RawCell) => (v instanceof Date ? dateToIso(v) : typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v));

  const asNumber = (name: string, i: number, path: string, j = 0): number | undefined => {
    const v = get(name, i, j);
    if (isEmpty(v)) return undefined;
    if (typeof v === 'number' && Number.isFinite(v)) return v;
    if (typeof v === 'string') {
      const t = normalizeText(v).replace(/,/g, '');
      if (NUMBER_RE.test(t)) return Number(t);
    }
    problem(name, i, path, `应为数字，填写的是「${shown(v)}」`, `expected a number, got “${shown(v)}”`, j);
    return undefined;
  };
  const asText = (v: RawCell): string | undefined => {
    if (isEmpty(v)) return undefined;
    if (typeof v === 'string') return normalizeText(v) === '' ? undefined : v.trim();
    if (typeof v === 'number') return Number.isInteger(v) ? v.toFixed(0) : String(v);
    if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
    if (v instanceof Date) return dateToIso(v);
    return undefined;
  };

  // 企业信息
  if (ranges.has(NAMES.profile)) {
    const profile: NonNullable<Assessment['profile']> = {};
    PROFILE_LAYOUT.forEach((key: ProfileKey, i) => {
      const path = `profile.${key}`;
      const v = get(NAMES.profile, i);
      if (isEmpty(v)) return;
      if ((PROFILE_NUMBER_KEYS as readonly string[]).includes(key)) {
        const n = asNumber(NAMES.profile, i, path);
        if (n !== undefined) (profile as Record<string, number>)[key] = n;
        return;
      }
      if (key === 'fillDate') {
        const iso = v instanceof Date ? dateToIso(v) : typeof v === 'number' ? serialToIso(v) : normalizeText(String(v)).replace(/[/.]/g, '-');
        (profile as Record<string, string>)[key] = iso;
        return;
      }
      const text = key === 'creditCode' || key === 'contactMobile' ? normalizeText(asText(v) ?? '') : asText(v);
      if (text) (profile as Record<string, string>)[key] = key === 'creditCode' ? text.toUpperCase() : text;
    });
    if (Object.keys(profile).length) a.profile = profile;
  }

  // 基础要求
  if (ranges.has(NAMES.declarations)) {
    const decl: Record<string, boolean> = {};
    rubric.declarations.forEach((d, i) => {
      const v = get(NAMES.declarations, i);
      if (isEmpty(v)) return;
      const t = typeof v === 'string' ? normalizeText(v).toLowerCase() : v;
      if (t === true || t === YES || t === 'true' || t === 'yes' || t === 'y') decl[d.key] = true;
      else if (t === false || t === NO || t === 'false' || t === 'no' || t === 'n') decl[d.key] = false;
      else problem(NAMES.declarations, i, `declarations.${d.key}`, `应为「是」或「否」，填写的是「${shown(v)}」`, `expected 是 (yes) or 否 (no), got “${shown(v)}”`);
    });
    if (Object.keys(decl).length) a.declarations = decl;
  }

  // 成熟度: the dropdown text, the level name alone, or the number.
  if (ranges.has(NAMES.maturity)) {
    const v = get(NAMES.maturity, 0);
    if (!isEmpty(v)) {
      const t = typeof v === 'string' ? normalizeText(v) : v;
      const byLabel = rubric.maturityLevels.find((m) => typeof t === 'string' && (m.label.zh === t || m.label.zh.split(' ').includes(t) || m.label.en === t));
      const n = byLabel ? byLabel.level : typeof t === 'number' ? t : typeof t === 'string' && NUMBER_RE.test(t) ? Number(t) : undefined;
      if (n === undefined) problem(NAMES.maturity, 0, 'maturityLevel', `「${shown(v)}」不是成熟度等级，请从下拉列表中选择`, `“${shown(v)}” is not a maturity level; pick one from the list`);
      else a.maturityLevel = n;
    }
  }

  // 数字化转型自评
  const levelOf = (t: string): number | 'na' | undefined => {
    if (t === rubric.naLabel.zh || t.toLowerCase() === 'na' || t === rubric.naLabel.en || t === '不涉及此环节') return 'na';
    const i = rubric.levelLabels.findIndex((l) => l.zh === t || l.en === t);
    if (i >= 0) return i + 1;
    const m = /^(\d+)\s*级?$/.exec(t);
    return m ? Number(m[1]) : undefined;
  };
  if (ranges.has(NAMES.indicatorLevels)) {
    const indicators: NonNullable<Assessment['indicators']> = {};
    let amountIndex = 0;
    rubric.indicators.forEach((ind, i) => {
      if (ind.kind === 'amounts') {
        const answer: Record<string, number> = {};
        for (const amt of ind.amounts) {
          const n = asNumber(NAMES.indicatorAmounts, amountIndex++, `indicators.${ind.id}.${amt.key}`);
          if (n !== undefined) answer[amt.key] = n;
        }
        if (Object.keys(answer).length) indicators[ind.id] = answer;
        return;
      }
      const answer: LevelAnswer = {};
      const lv = get(NAMES.indicatorLevels, i);
      if (!isEmpty(lv)) {
        const level = typeof lv === 'number' ? lv : typeof lv === 'string' ? levelOf(normalizeText(lv)) : undefined;
        if (level === undefined)
          problem(NAMES.indicatorLevels, i, `indicators.${ind.id}.level`, `「${shown(lv)}」不是等级，请选择一级…六级${ind.naAllowed ? '或不涉及' : ''}`, `“${shown(lv)}” is not a level; pick one from the list`);
        else answer.level = level;
      }
      const fv = get(NAMES.indicatorFits, i);
      if (!isEmpty(fv)) {
        const t = typeof fv === 'string' ? normalizeText(fv) : '';
        const fit = FIT_IDS.find((f) => rubric.fitLabels[f].zh === t || rubric.fitLabels[f].en === t || f === t);
        if (!fit) problem(NAMES.indicatorFits, i, `indicators.${ind.id}.fit`, `「${shown(fv)}」不是符合程度，请选择基本符合、比较符合或非常符合`, `“${shown(fv)}” is not a fit; pick one from the list`);
        else answer.fit = fit;
      }
      const s = asNumber(NAMES.indicatorScores, i, `indicators.${ind.id}.score`);
      if (s !== undefined) answer.score = s;
      if (Object.keys(answer).length) indicators[ind.id] = answer;
    });
    if (Object.keys(indicators).length) a.indicators = indicators;
  }

  // 场景自评: blank means none.
  if (ranges.has(NAMES.scenarioTiers)) {
    const scenarios: Record<string, ScenarioTier> = {};
    rubric.scenarios.forEach((s, i) => {
      const v = get(NAMES.scenarioTiers, i);
      if (isEmpty(v)) return;
      const t = typeof v === 'string' ? normalizeText(v) : String(v);
      if (t === rubric.tierLabelNone.zh || t === rubric.tierLabelNone.en || t === 'none' || t === '无') {
        scenarios[s.id] = 'none';
        return;
      }
      const tier = rubric.tiers.find((x) => x.label.zh === t || x.label.en === t || x.id === t || x.label.zh === `${t}级`);
      if (!tier) {
        problem(NAMES.scenarioTiers, i, `scenarios.${s.id}`, `「${t}」不是场景等级，请从下拉列表中选择`, `“${t}” is not a tier; pick one from the list`);
        return;
      }
      scenarios[s.id] = tier.id;
    });
    if (Object.keys(scenarios).length) a.scenarios = scenarios;
  }
  // 申报书 (附件5): read by its own module with the same grammar.
  const app = getApplicationRubric(rubric.id);
  if (app) {
    const r = applicationFromInputs(app, rubric, ranges, a, lang);
    if (r.application) a.application = r.application;
    problems.push(...r.problems);
  }
  return { assessment: a, problems };
}

/** The values to write into each named input range for this assessment (blank where it has no answer). */
export function inputsFromAssessment(rubric: Rubric, a: Assessment): Map<string, CellValue[][]> {
  const out = new Map<string, CellValue[][]>();
  const p = a.profile ?? {};
  out.set(
    NAMES.profile,
    PROFILE_LAYOUT.map((k) => [p[k] ?? null]),
  );
  out.set(
    NAMES.declarations,
    rubric.declarations.map((d) => [a.declarations?.[d.key] === undefined ? null : a.declarations[d.key] ? YES : NO]),
  );
  const m = a.maturityLevel;
  out.set(NAMES.maturity, [[m === undefined ? null : (rubric.maturityLevels[m - 1]?.label.zh ?? m)]]);
  const levels: CellValue[][] = [];
  const fits: CellValue[][] = [];
  const scores: CellValue[][] = [];
  const amounts: CellValue[][] = [];
  for (const ind of rubric.indicators) {
    const ans = a.indicators?.[ind.id];
    if (ind.kind === 'amounts') {
      levels.push([null]);
      fits.push([null]);
      scores.push([null]);
      for (const amt of ind.amounts) amounts.push([(ans as Record<string, number> | undefined)?.[amt.key] ?? null]);
      continue;
    }
    const la = (ans ?? {}) as LevelAnswer;
    levels.push([la.level === undefined ? null : la.level === 'na' ? rubric.naLabel.zh : (rubric.levelLabels[la.level - 1]?.zh ?? la.level)]);
    fits.push([la.fit === undefined ? null : rubric.fitLabels[la.fit].zh]);
    scores.push([la.score ?? null]);
  }
  out.set(NAMES.indicatorLevels, levels);
  out.set(NAMES.indicatorFits, fits);
  out.set(NAMES.indicatorScores, scores);
  out.set(NAMES.indicatorAmounts, amounts);
  out.set(
    NAMES.scenarioTiers,
    rubric.scenarios.map((s) => {
      const t = a.scenarios?.[s.id];
      // A scenario left out is none: the cell stays blank.
      if (t === undefined || t === 'none') return [null];
      return [rubric.tiers.find((x) => x.id === t)!.label.zh];
    }),
  );
  const app = getApplicationRubric(rubric.id);
  if (app) for (const [name, values] of inputsFromApplication(app, rubric, a.application)) out.set(name, values);
  return out;
}

