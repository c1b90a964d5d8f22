// Names of rubric items in one language, for messages. Built once per rubric and language.
import type { Interval, Rubric, ScenarioTier, TierId } from '../rubric/schema';
import type { Lang } from './lang';
import { format2 } from '../scoring/decimal';

export interface Texts {
  lang: Lang;
  indicator(id: string): string;
  scenario(id: string): string;
  /** A reference tier; `none` is 未达到 (no tier met). */
  tier(t: ScenarioTier): string;
  /** A scenario's claimed tier; `none` is 未建设 (the scenario is not built), never 未达到. */
  scenarioTier(t: ScenarioTier): string;
  /** The label of an amount field of an indicator (indicator 7's 投入总额…), never its key. */
  amount(indicatorId: string, key: string): string;
  segment(id: string): string;
  declaration(key: string): string;
  maturity(level: number): string;
  level(n: number): string;
  fit(f: 'low' | 'medium' | 'high'): string;
  na: string;
  list(items: string[]): string;
}

/** Between clauses of one sentence (「…；…」): the 备注's parts, problems in one line, review findings. */
export const CLAUSE_SEPARATOR: Record<Lang, string> = { zh: '；', en: '; ' };

/** One term per state: a scenario not built is 未建设 (what the what-if and the pane say), a tier not met 未达到. */
export const SCENARIO_NONE: Record<Lang, string> = { zh: '未建设', en: 'not built' };

/**
 * An interval in words a quality manager reads, never in bracket notation: 「20 ≤ 得分 < 40」, 「得分 = 0」.
 * The workbook's interval column and every message use this one function.
 */
export function formatInterval(i: Interval, lang: Lang = 'zh'): string {
  const x = lang === 'zh' ? '得分' : 'score';
  if (i.min === i.max) return `${x} = ${i.min}`;
  return `${i.min} ${i.minInclusive ? '≤' : '<'} ${x} ${i.maxInclusive ? '≤' : '<'} ${i.max}`;
}

const cache = new WeakMap<Rubric, Partial<Record<Lang, Texts>>>();

export function textsFor(rubric: Rubric, lang: Lang): Texts {
  let byLang = cache.get(rubric);
  if (!byLang) cache.set(rubric, (byLang = {}));
  const hit = byLang[lang];
  if (hit) return hit;
  const zh = lang === 'zh';
  const indicators = new Map(rubric.indicators.map((i) => [i.id, i]));
  const scenarios = new Map(rubric.scenarios.map((s) => [s.id, s]));
  const t: Texts = {
    lang,
    indicator: (id) => {
      const name = indicators.get(id)?.name[lang] ?? '';
      return zh ? `指标 ${id}「${name}」` : `indicator ${id} (${name})`;
    },
    scenario: (id) => {
      const name = scenarios.get(id)?.name[lang] ?? '';
      return zh ? `场景 ${id}「${name}」` : `scenario ${id} (${name})`;
    },
    tier: (tier) => (tier === 'none' ? rubric.tierLabelNone[lang] : (rubric.tiers.find((x) => x.id === tier)?.label[lang] ?? tier)),
    scenarioTier: (tier) => (tier === 'none' ? SCENARIO_NONE[lang] : t.tier(tier)),
    amount: (id, key) => {
      const ind = indicators.get(id);
      const a = ind && ind.kind === 'amounts' ? ind.amounts.find((x) => x.key === key) : undefined;
      return a ? a.label[lang] : key;
    },
    segment: (id) => rubric.segments.find((s) => s.id === id)?.label[lang] ?? id,
    declaration: (key) => rubric.declarations.find((d) => d.key === key)?.label[lang] ?? key,
    maturity: (level) => rubric.maturityLevels[level - 1]?.label[lang] ?? String(level),
    level: (n) => rubric.levelLabels[n - 1]?.[lang] ?? String(n),
    fit: (f) => rubric.fitLabels[f][lang],
    na: rubric.naLabel[lang],
    list: (items) => items.join(zh ? '、' : ', '),
  };
  byLang[lang] = t;
  return t;
}

/** Two decimals, rounded half up (71.695 → 71.70): every display of a score or composite (RULES §1). */
export const fmt2 = format2;

/** A number as the user typed it, without float noise (0.1 + 0.2 → 0.3). */
export function fmtNum(n: number): string {
  return String(Number(n.toPrecision(12)));
}

export type { TierId };
