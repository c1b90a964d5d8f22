// What-if: apply changes to an assessment without touching the original, and rank every single change
// (raise one indicator a level, one scenario a tier, the maturity a level) by its effect.
import { SCENARIO_TIER_VALUES, TIER_IDS, type Rubric, type ScenarioTier, type TierId } from '../rubric/schema';
import type { Assessment, LevelAnswer } from '../assessment/types';
import { whatIfMessages } from '../i18n/messages';
import { textsFor } from '../i18n/texts';
import type { Lang } from '../i18n/lang';
import { fitForScore, bandOf, isValidLevel, scoreOneLevelUp } from './bands';
import { evaluate, tierRank, type Evaluation } from './evaluate';
import { COMPOSITE_PLACES, toUnits, unitsToNumber } from './decimal';

export type Change =
  | { kind: 'indicator'; id: string; level: number | 'na'; score?: number }
  | { kind: 'scenario'; id: string; tier: ScenarioTier }
  | { kind: 'maturity'; level: number };

/** A new assessment with the changes applied; the input is not modified. */
export function applyChanges(rubric: Rubric, a: Assessment, changes: Change[]): Assessment {
  if (changes.length === 0) return a;
  const out: Assessment = { ...a, indicators: { ...a.indicators }, scenarios: { ...a.scenarios } };
  for (const c of changes) {
    if (c.kind === 'indicator') {
      const prev = (a.indicators?.[c.id] ?? {}) as LevelAnswer;
      const next: LevelAnswer = { level: c.level };
      if (c.score !== undefined) next.score = c.score;
      // A stated 符合程度 follows the score into the new level's sub-band.
      if (prev.fit !== undefined && typeof c.level === 'number' && c.score !== undefined) {
        const band = bandOf(rubric, c.level);
        const fit = band ? fitForScore(band, c.score) : undefined;
        if (fit) next.fit = fit;
      }
      out.indicators![c.id] = next;
    } else if (c.kind === 'scenario') {
      out.scenarios![c.id] = c.tier;
    } else {
      out.maturityLevel = c.level;
    }
  }
  return out;
}

export interface WhatIfOption {
  change: Change;
  /** The change in words: "将场景 12「先进过程控制」从基础级提升到先进级". */
  label: string;
  /** Its effect in words: "先进级场景 +1（13/15）；综合得分 +2.22". */
  effect: string;
  tierBefore: TierId | null;
  tierAfter: TierId | null;
  compositeBefore: number | null;
  compositeAfter: number | null;
  /** Conditions of the target tier still unmet after the change (fewer is better). */
  unmetAfter: number;
}

export interface SweepResult {
  /** The tier the ranking works toward: the lowest tier not met, or null when all are met. */
  target: TierId | null;
  options: WhatIfOption[];
}

/** Every single one-step raise, ranked: a higher tier first, then fewer unmet conditions, then composite. */
export function sweep(rubric: Rubric, a: Assessment, lang: Lang = 'zh'): SweepResult {
  const t = textsFor(rubric, lang);
  const before = evaluate(rubric, a, lang);
  const target = TIER_IDS.find((id) => !before.tiers[id].met) ?? null;
  const options: (WhatIfOption & { shortfall: number })[] = [];
  for (const change of singleRaises(rubric, a)) {
    const after = evaluate(rubric, applyChanges(rubric, a, [change]), lang);
    options.push({
      change,
      label: whatIfMessages.change(change, a, t),
      effect: whatIfMessages.effect(diff(rubric, before, after, target), t),
      tierBefore: before.tier,
      tierAfter: after.tier,
      compositeBefore: before.composite,
      compositeAfter: after.composite,
      unmetAfter: target ? after.tiers[target].unmet.length : 0,
      shortfall: target ? shortfall(rubric, after, target) : 0,
    });
  }
  options.sort(
    (x, y) =>
      rankOf(y.tierAfter) - rankOf(x.tierAfter) ||
      x.unmetAfter - y.unmetAfter ||
      x.shortfall - y.shortfall ||
      (y.compositeAfter ?? -1) - (x.compositeAfter ?? -1),
  );
  return { target, options: options.map(({ shortfall: _s, ...o }) => o) };
}

const rankOf = (t: TierId | null) => (t === null ? 0 : tierRank(t));

/** How far the target tier's scenario and 环节 conditions still are, in scenarios. */
function shortfall(rubric: Rubric, e: Evaluation, target: TierId): number {
  const rule = rubric.tiers.find((r) => r.id === target)!;
  const missingSegments = rule.requiredSegments.filter((s) => !e.coverage[target].includes(s)).length;
  return Math.max(0, rule.minScenarios - e.scenarioCounts[target]) + missingSegments;
}

/** The one-step raises that are valid for this assessment. */
export function singleRaises(rubric: Rubric, a: Assessment): Change[] {
  const changes: Change[] = [];
  for (const ind of rubric.indicators) {
    if (ind.kind !== 'level') continue;
    const ans = (a.indicators?.[ind.id] ?? {}) as LevelAnswer;
    if (typeof ans.level !== 'number' || !isValidLevel(rubric, ans.level)) continue;
    const score = scoreOneLevelUp(rubric, ans.level, ans.score);
    if (score !== undefined) changes.push({ kind: 'indicator', id: ind.id, level: ans.level + 1, score });
  }
  for (const s of rubric.scenarios) {
    const cur = a.scenarios?.[s.id] ?? 'none';
    const next = SCENARIO_TIER_VALUES.slice(tierRank(cur) + 1).find((tier) => tier !== 'none' && s.tiers[tier] !== null);
    if (next) changes.push({ kind: 'scenario', id: s.id, tier: next });
  }
  const m = a.maturityLevel;
  if (m !== undefined && Number.isInteger(m) && m >= 1 && m < rubric.maturityLevels.length) changes.push({ kind: 'maturity', level: m + 1 });
  return changes;
}

export interface EffectDiff {
  tierBefore: TierId | null;
  tierAfter: TierId | null;
  target: TierId | null;
  countBefore: number;
  countAfter: number;
  need: number;
  newSegments: string[];
  compositeDelta: number | null;
  unmetBefore: number;
  unmetAfter: number;
}

function diff(rubric: Rubric, before: Evaluation, after: Evaluation, target: TierId | null): EffectDiff {
  const rule = target ? rubric.tiers.find((r) => r.id === target)! : undefined;
  return {
    tierBefore: before.tier,
    tierAfter: after.tier,
    target,
    countBefore: target ? before.scenarioCounts[target] : 0,
    countAfter: target ? after.scenarioCounts[target] : 0,
    need: rule?.minScenarios ?? 0,
    newSegments: target ? after.coverage[target].filter((s) => !before.coverage[target].includes(s) && rule!.requiredSegments.includes(s)) : [],
    compositeDelta:
      before.composite !== null && after.composite !== null
        ? unitsToNumber(toUnits(after.composite, COMPOSITE_PLACES) - toUnits(before.composite, COMPOSITE_PLACES), COMPOSITE_PLACES)
        : null,
    unmetBefore: target ? before.tiers[target].unmet.length : 0,
    unmetAfter: target ? after.tiers[target].unmet.length : 0,
  };
}
