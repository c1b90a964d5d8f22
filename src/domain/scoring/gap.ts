// The next-tier gap: for the lowest tier not yet met, the smallest concrete changes that would meet it.
import { TIER_IDS, type Rubric, type ScenarioTier, type TierId } from '../rubric/schema';
import type { Assessment, LevelAnswer } from '../assessment/types';
import { gapMessage } from '../i18n/messages';
import { textsFor } from '../i18n/texts';
import type { Lang } from '../i18n/lang';
import { scoreOneLevelUp, isValidLevel } from './bands';
import { COMPOSITE_PLACES, meanUnits, SCORE_PLACES, scoreUnits, unitsToNumber } from './decimal';
import { evaluate, tierRank, type Evaluation } from './evaluate';

export type GapAction =
  | { kind: 'fix-errors'; paths: string[] }
  | { kind: 'fill'; paths: string[] }
  | { kind: 'composite'; from: number; above: number; points: number; count: number }
  | { kind: 'raise-indicator'; indicator: string; fromLevel: number; toLevel: number; fromScore: number; toScore: number }
  /** Even every raisable indicator at the top level leaves the composite at `best`, not above `above`. */
  | { kind: 'composite-out-of-reach'; best: number; above: number; count: number }
  /** No scenario of this 环节 can be raised to the tier. */
  | { kind: 'segment-out-of-reach'; tier: TierId; segment: string }
  | { kind: 'scenarios'; tier: TierId; have: number; need: number }
  | { kind: 'raise-scenario'; scenario: string; segment: string | null; from: ScenarioTier; to: TierId; forSegment: boolean }
  | { kind: 'maturity'; from: number | null; to: number }
  | { kind: 'declaration'; key: string; value: false | undefined };

export interface Gap {
  /** The tier the actions lead to. */
  tier: TierId;
  /**
   * Whether the actions, applied, meet the tier: false when it is out of reach this way (an out-of-reach
   * action says what is missing). Fixing errors and filling in are actions a person must take first.
   */
  reachable: boolean;
  actions: { action: GapAction; message: string }[];
}

/** The gap to the lowest tier not met, or null when every tier is met. */
export function nextTierGap(rubric: Rubric, a: Assessment, lang: Lang = 'zh', e: Evaluation = evaluate(rubric, a, lang)): Gap | null {
  const target = TIER_IDS.find((id) => !e.tiers[id].met);
  if (!target) return null;
  const t = textsFor(rubric, lang);
  const rule = rubric.tiers.find((r) => r.id === target)!;
  const actions: GapAction[] = [];
  for (const c of e.tiers[target].unmet) {
    switch (c.kind) {
      case 'errors':
        actions.push({ kind: 'fix-errors', paths: e.errors.map((x) => x.path) });
        break;
      case 'incomplete':
        actions.push({ kind: 'fill', paths: c.missing });
        break;
      case 'composite':
        if (c.composite !== null) actions.push(...compositeActions(rubric, a, e, c.composite, c.above));
        break;
      case 'scenarios':
        break; // planned together with the segments below
      case 'maturity':
        actions.push({ kind: 'maturity', from: c.have, to: c.need });
        break;
      case 'declaration':
        actions.push({ kind: 'declaration', key: c.key, value: c.value });
        break;
      default:
        break;
    }
  }
  actions.push(...scenarioActions(rubric, a, e, target, rule.minScenarios, rule.requiredSegments));
  const reachable = !actions.some((x) => x.kind === 'composite-out-of-reach' || x.kind === 'segment-out-of-reach');
  return { tier: target, reachable, actions: actions.map((action) => ({ action, message: gapMessage(action, t) })) };
}

/** An indicator raised by `levels` levels, each step as scoreOneLevelUp moves it (the same step as the what-if). */
function raisedBy(rubric: Rubric, level: number, score: number, levels: number): number | undefined {
  let s: number | undefined = score;
  for (let k = 0; k < levels && s !== undefined; k++) s = scoreOneLevelUp(rubric, level + k, s);
  return s;
}

/**
 * Points the composite lacks, and the shortest set of indicator raises (fewest levels in all, one indicator
 * possibly several levels) that lifts it strictly above the threshold, found exactly over score units. When
 * even every indicator at the top level is not enough, says so with the best composite this way.
 */
function compositeActions(rubric: Rubric, a: Assessment, e: Evaluation, composite: number, above: number): GapAction[] {
  const pointsUnits = scoreUnits(above) * BigInt(e.scoredCount) - e.scoreUnits; // the sum must gain more than this
  const out: GapAction[] = [{ kind: 'composite', from: composite, above, points: unitsToNumber(pointsUnits, SCORE_PLACES), count: e.scoredCount }];
  const top = rubric.bands.length;
  // Per raisable indicator, the gain (in units) of raising it by 1…(top − level) levels.
  const options: { indicator: string; level: number; score: number; gains: bigint[]; scores: number[] }[] = [];
  for (const ind of rubric.indicators) {
    if (ind.kind !== 'level') continue;
    const ans = (a.indicators?.[ind.id] ?? {}) as LevelAnswer;
    if (typeof ans.level !== 'number' || ans.score === undefined || !isValidLevel(rubric, ans.level)) continue;
    const gains: bigint[] = [];
    const scores: number[] = [];
    for (let k = 1; ans.level + k <= top; k++) {
      const to = raisedBy(rubric, ans.level, ans.score, k);
      if (to === undefined) break;
      scores.push(to);
      gains.push(scoreUnits(to) - scoreUnits(ans.score));
    }
    if (gains.length) options.push({ indicator: ind.id, level: ans.level, score: ans.score, gains, scores });
  }
  // best[L]: the largest gain with L levels in all, and how many levels each indicator takes for it.
  type Plan = { gain: bigint; take: number[] };
  let best: (Plan | undefined)[] = [{ gain: 0n, take: [] }];
  for (const [i, o] of options.entries()) {
    const next: (Plan | undefined)[] = [...best];
    best.forEach((p, L) => {
      if (!p) return;
      o.gains.forEach((g, j) => {
        const q = next[L + j + 1];
        const gain = p.gain + g;
        if (!q || gain > q.gain) next[L + j + 1] = { gain, take: [...p.take.slice(0, i), ...Array(i - p.take.length).fill(0), j + 1] };
      });
    });
    best = next;
  }
  const plan = best.find((p) => p !== undefined && p.gain > pointsUnits);
  if (!plan) {
    const most = best.reduce<bigint>((m, p) => (p && p.gain > m ? p.gain : m), 0n);
    const bestComposite = unitsToNumber(meanUnits(e.scoreUnits + most, e.scoredCount), COMPOSITE_PLACES);
    out.push({ kind: 'composite-out-of-reach', best: bestComposite, above, count: e.scoredCount });
    return out;
  }
  const raises = plan.take
    .map((levels, i) => ({ levels, o: options[i]! }))
    .filter((x) => x.levels > 0)
    .map(({ levels, o }): GapAction => ({
      kind: 'raise-indicator',
      indicator: o.indicator,
      fromLevel: o.level,
      toLevel: o.level + levels,
      fromScore: o.score,
      toScore: o.scores[levels - 1]!,
    }));
  return [...out, ...raises];
}

/** Scenarios to raise: first one per uncovered 环节, then the closest ones until the count is reached. */
function scenarioActions(rubric: Rubric, a: Assessment, e: Evaluation, tier: TierId, need: number, segments: string[]): GapAction[] {
  const rank = tierRank(tier);
  const current = (id: string): ScenarioTier => a.scenarios?.[id] ?? 'none';
  const candidates = rubric.scenarios
    .filter((s) => s.tiers[tier] !== null && tierRank(current(s.id)) < rank)
    .sort((x, y) => tierRank(current(y.id)) - tierRank(current(x.id)) || +x.id - +y.id);
  const chosen: GapAction[] = [];
  const used = new Set<string>();
  for (const seg of segments) {
    if (e.coverage[tier].includes(seg)) continue;
    const pick = candidates.find((s) => s.segment === seg && !used.has(s.id));
    if (!pick) {
      chosen.push({ kind: 'segment-out-of-reach', tier, segment: seg });
      continue;
    }
    used.add(pick.id);
    chosen.push({ kind: 'raise-scenario', scenario: pick.id, segment: pick.segment, from: current(pick.id), to: tier, forSegment: true });
  }
  let have = e.scenarioCounts[tier] + used.size;
  const out: GapAction[] = [];
  if (e.scenarioCounts[tier] < need) out.push({ kind: 'scenarios', tier, have: e.scenarioCounts[tier], need });
  // Prefer scenarios that belong to a 环节: they also build coverage for the tiers above.
  const rest = candidates
    .filter((s) => !used.has(s.id))
    .sort((x, y) => tierRank(current(y.id)) - tierRank(current(x.id)) || Number(x.segment === null) - Number(y.segment === null) || +x.id - +y.id);
  for (const s of rest) {
    if (have >= need) break;
    chosen.push({ kind: 'raise-scenario', scenario: s.id, segment: s.segment, from: current(s.id), to: tier, forSegment: false });
    have++;
  }
  return [...out, ...chosen];
}
