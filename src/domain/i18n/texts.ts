// Names of rubric items in one language, for messages. Built once per rubric and language.
import type { Rubric, ScenarioTier, TierId } from '../rubric/schema';
import type { Lang } from './lang';
import { format2 } from '../scoring/decimal';

export interface Texts {
  lang: Lang;
  indicator(id: string): string;
  scenario(id: string): string;
  tier(t: ScenarioTier): string;
  segment(id: string): string;
  declaration(key: string): string;
  maturity(level: number): string;
  level(n: number): string;
  fit(f: 'low' | 'medium' | 'high'): string;
  na: string;
  list(items: string[]): string;
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
    tier: (tier) =>
      tier === 'none' ? rubric.tierLabelNone[lang] : (rubric.tiers.find((x) => x.id === tier)?.label[lang] ?? tier),
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
