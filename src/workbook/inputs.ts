// Inputs between an assessment and the workbook's named input ranges, shared by every reader. Reading follows
// the one input grammar (src/domain/input/grammar.ts), which the workbook's formulas implement too: every
// cell outside it is reported once with sheet, cell and field path, quoting what was typed.
import { FIT_IDS, type Rubric, type ScenarioTier } from '../domain/rubric/schema';
import type { Assessment, LevelAnswer, ProfileKey } from '../domain/assessment/types';
import { PROFILE_NUMBER_KEYS } from '../domain/assessment/types';
import type { Lang } from '../domain/i18n/lang';
import type { Issue } from '../domain/scoring/types';
import { cell } from './a1';
import { NAMES } from './names';
import { PROFILE_LAYOUT } from './profile-layout';
import { NO, YES } from './choices';
import type { CellValue } from './types';
import { getApplicationRubric } from '../domain/rubrics/applications';
import { applicationFromInputs, inputsFromApplication } from './application-inputs';
import { choiceTexts } from './choices';
import {
  parseChoice,
  parseCode,
  parseDate,
  parseLevel,
  parseNumber,
  parseText,
  parseYesNo,
  quoteTyped,
  type Parsed,
  type Typed,
} from '../domain/input/grammar';
import { zhOrEn } from '../domain/i18n/catalogue';

/**
 * A cell as an adapter reads it. Readers deliver what the file holds, typed as ECMA-376 types it; this module
 * alone decides what a person's typing means (one input grammar). Two variants are for readers of files:
 * - `{ formula, cached }`: the cell holds a formula (its cached result, if any, is `cached`). An input cell
 *   with a formula is an error naming the cell; result cells are read for their cached value.
 * - `{ malformed, type }`: the cell's XML says one type but holds text that is not that type (e.g. `t="b"`
 *   with `abc`, a `<v>` that is not an xsd:double); `malformed` is the raw text, shown to the user.
 */
export type RawCell =
  string | number | boolean | Date | null | undefined | { error: string } | { formula: string; cached: RawCell } | { malformed: string; type: string };

/** The value a reader should use for a result cell: a formula's cached result, else the cell itself. */
export function cachedValue(v: RawCell): RawCell {
  return typeof v === 'object' && v !== null && 'formula' in v ? v.cached : v;
}

/** LibreOffice saves a typed TRUE/FALSE as the formula TRUE()/FALSE(): that is the boolean typed, not a formula. */
function typedBoolean(v: RawCell): RawCell {
  if (typeof v !== 'object' || v === null || !('formula' in v)) return v;
  const m = /^(TRUE|FALSE)\(\)$/i.exec(v.formula.trim());
  return m ? m[1]!.toUpperCase() === 'TRUE' : v;
}

/** Why a cell cannot be an input, whatever it holds (error value, formula, malformed XML), or undefined. */
export function unreadableCell(v: RawCell, lang: Lang): string | undefined {
  if (typeof v !== 'object' || v === null || v instanceof Date) return undefined;
  if ('formula' in v)
    return zhOrEn(
      lang,
      `输入单元格不应含公式（=${v.formula}），请填写数值或从下拉列表中选择`,
      `an input cell must not hold a formula (=${v.formula}); type the value or pick it from the list`,
    );
  if ('malformed' in v)
    return zhOrEn(
      lang,
      `单元格内容「${v.malformed}」与其类型（${v.type}）不符，无法读取：请重新填写`,
      `the cell's content “${v.malformed}” does not match its type (${v.type}); type it again`,
    );
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

/** Reader problems as engine errors, each message naming its sheet and cell. */
export function problemsAsIssues(problems: ReadProblem[]): Issue[] {
  return problems.map((p) => ({ path: p.path, code: 'cell-unreadable' as const, message: `${p.sheet}!${p.cell}：${p.message}` }));
}

/**
 * Reads the input ranges of a workbook into an assessment, by the input grammar (src/domain/input/grammar.ts):
 * every cell outside it is one problem naming its sheet and cell and quoting what was typed, and reads as blank.
 */
export function assessmentFromInputs(rubric: Rubric, ranges: Map<string, NamedValues>, lang: Lang = 'zh'): { assessment: Assessment; problems: ReadProblem[] } {
  const problems: ReadProblem[] = [];
  const a: Assessment = { rubric: rubric.id };
  const C = choiceTexts(rubric);
  const at = (name: string, i: number, j = 0) => {
    const r = ranges.get(name)!;
    return { sheet: r.sheet, cell: cell(r.col + j, r.row + i) };
  };
  const amountPaths = rubric.indicators.flatMap((ind) => (ind.kind === 'amounts' ? ind.amounts.map((amt) => `indicators.${ind.id}.${amt.key}`) : []));
  const pathOf = (name: string, i: number, j: number): string => {
    switch (name) {
      case NAMES.profile:
        return `profile.${PROFILE_LAYOUT[i] ?? i}`;
      case NAMES.declarations:
        return `declarations.${rubric.declarations[i]?.key ?? i}`;
      case NAMES.maturity:
        return 'maturityLevel';
      case NAMES.recognition:
        return 'profile.recognition';
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
  /** One problem per cell, whatever else is wrong with it. */
  const report = (name: string, i: number, j: number, message: string) => {
    const where = at(name, i, j);
    const key = `${where.sheet}!${where.cell}`;
    if (reported.has(key)) return;
    reported.add(key);
    problems.push({ ...where, path: pathOf(name, i, j), message });
  };
  /** The cell's value; a formula, malformed or error cell is reported once, by its cell, and reads as blank. */
  const get = (name: string, i: number, j = 0): Typed => {
    const v = typedBoolean(ranges.get(name)?.values[i]?.[j] ?? null);
    const why = unreadableCell(v, lang);
    if (why === undefined) return v as Typed;
    report(name, i, j, why);
    return null;
  };
  /** The parsed value of a cell, or undefined (blank, or reported as outside the grammar). */
  const read = <T>(name: string, i: number, parse: (v: Typed) => Parsed<T>, zh: (q: string) => string, en: (q: string) => string, j = 0): T | undefined => {
    const v = get(name, i, j);
    const r = parse(v);
    if (r.kind === 'ok') return r.value;
    if (r.kind === 'bad') report(name, i, j, zhOrEn(lang, zh(quoteTyped(v)), en(quoteTyped(v))));
    return undefined;
  };
  const numberZh = (q: string) => `应为数字，填写的是「${q}」`;
  const numberEn = (q: string) => `expected a number, got “${q}”`;
  const asNumber = (name: string, i: number) => read(name, i, parseNumber, numberZh, numberEn);

  // 企业信息
  if (ranges.has(NAMES.profile)) {
    const profile: NonNullable<Assessment['profile']> = {};
    PROFILE_LAYOUT.forEach((key: ProfileKey, i) => {
      let v: string | number | undefined;
      if ((PROFILE_NUMBER_KEYS as readonly string[]).includes(key)) v = asNumber(NAMES.profile, i);
      else if (key === 'fillDate')
        v = read(
          NAMES.profile,
          i,
          parseDate,
          (q) => `应为日期（如 2025-03-10、2025/3/10 或 2025年3月10日），填写的是「${q}」`,
          (q) => `expected a date (e.g. 2025-03-10, 2025/3/10), got “${q}”`,
        );
      else v = read(NAMES.profile, i, key === 'creditCode' || key === 'contactMobile' ? parseCode : parseText, numberZh, numberEn);
      if (v !== undefined) (profile as Record<string, string | number>)[key] = v;
    });
    if (Object.keys(profile).length) a.profile = profile;
  }

  // 直接认定类别 (layout 3 on; older workbooks have no such cell): the dropdown text → the class's id.
  if (ranges.has(NAMES.recognition) && rubric.recognitions?.length) {
    const k = read(
      NAMES.recognition,
      0,
      (v) => parseChoice(v, C.recognitions),
      (q) => `「${q}」不是直接认定类别，请从下拉列表中选择`,
      (q) => `“${q}” is not a direct-recognition class; pick one from the list`,
    );
    if (k !== undefined) a.profile = { ...a.profile, recognition: rubric.recognitions[k - 1]!.id };
  }

  // 基础要求
  if (ranges.has(NAMES.declarations)) {
    const decl: Record<string, boolean> = {};
    rubric.declarations.forEach((d, i) => {
      const v = read(
        NAMES.declarations,
        i,
        parseYesNo,
        (q) => `应为「是」或「否」，填写的是「${q}」`,
        (q) => `expected 是 (yes) or 否 (no), got “${q}”`,
      );
      if (v !== undefined) decl[d.key] = v;
    });
    if (Object.keys(decl).length) a.declarations = decl;
  }

  // 成熟度: the dropdown text, one of its words, or the number.
  if (ranges.has(NAMES.maturity)) {
    const parseMaturity = (v: Typed): Parsed<number> => {
      const n = parseNumber(v);
      if (n.kind !== 'bad') return n;
      const i = C.maturity.findIndex((texts) => parseChoice(v, texts).kind === 'ok');
      return i >= 0 ? { kind: 'ok', value: i + 1 } : n;
    };
    const m = read(
      NAMES.maturity,
      0,
      parseMaturity,
      (q) => `「${q}」不是成熟度等级，请从下拉列表中选择`,
      (q) => `“${q}” is not a maturity level; pick one from the list`,
    );
    if (m !== undefined) a.maturityLevel = m;
  }

  // 数字化转型自评
  if (ranges.has(NAMES.indicatorLevels)) {
    const indicators: NonNullable<Assessment['indicators']> = {};
    let amountIndex = 0;
    rubric.indicators.forEach((ind, i) => {
      if (ind.kind === 'amounts') {
        const answer: Record<string, number> = {};
        for (const amt of ind.amounts) {
          const n = asNumber(NAMES.indicatorAmounts, amountIndex++);
          if (n !== undefined) answer[amt.key] = n;
        }
        if (Object.keys(answer).length) indicators[ind.id] = answer;
        return;
      }
      const answer: LevelAnswer = {};
      const level = read(
        NAMES.indicatorLevels,
        i,
        (v) => parseLevel(v, C.levels, C.na),
        (q) => `「${q}」不是等级，请选择一级…六级${ind.naAllowed ? '或不涉及' : ''}`,
        (q) => `“${q}” is not a level; pick one from the list`,
      );
      if (level !== undefined) answer.level = level;
      const fit = read(
        NAMES.indicatorFits,
        i,
        (v) => parseChoice(v, C.fits),
        (q) => `「${q}」不是符合程度，请选择基本符合、比较符合或非常符合`,
        (q) => `“${q}” is not a fit; pick one from the list`,
      );
      if (fit !== undefined) answer.fit = FIT_IDS[fit - 1]!;
      const s = asNumber(NAMES.indicatorScores, i);
      if (s !== undefined) answer.score = s;
      if (Object.keys(answer).length) indicators[ind.id] = answer;
    });
    if (Object.keys(indicators).length) a.indicators = indicators;
  }

  // 场景自评: blank means none.
  if (ranges.has(NAMES.scenarioTiers)) {
    const scenarios: Record<string, ScenarioTier> = {};
    rubric.scenarios.forEach((s, i) => {
      const k = read(
        NAMES.scenarioTiers,
        i,
        (v) => parseChoice(v, [...C.none, ...C.tiers]),
        (q) => `「${q}」不是场景等级，请从下拉列表中选择`,
        (q) => `“${q}” is not a tier; pick one from the list`,
      );
      if (k === undefined) return;
      scenarios[s.id] = k <= C.none.length ? 'none' : rubric.tiers[k - C.none.length - 1]!.id;
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
  if (rubric.recognitions?.length) {
    const label = rubric.recognitions.find((x) => x.id === p.recognition)?.label.zh;
    out.set(NAMES.recognition, [[label ?? null]]);
  }
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
