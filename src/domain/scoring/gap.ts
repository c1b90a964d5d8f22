// The next-tier gap: for the lowest tier not yet met, the smallest concrete changes that would meet it.
import { TIER_IDS, type Rubric, type ScenarioTier, type TierId } from '../rubric/schema';
import type { Assessment, LevelAnswer } from '../assessment/types';
import { gapMessage } from '../i18n/messages';
import { textsFor } from '../i18n/texts';
import type { Lang } from '../i18n/lang';
import { scoreOneLevelUp, isValidLevel } from './bands';
import { SCORE_PLACES, scoreUnits, unitsToNumber } from './decimal';
import { evaluate, tierRank, type Evaluation } from './evaluate';

export type GapAction =
  | { kind: 'fix-errors'; paths: string[] }
  | { kind: 'fill'; paths: string[] }
  | { kind: 'composite'; from: number; above: number; points: number; count: number }
  | { kind: 'raise-indicator'; indicator: string; fromLevel: number; toLevel: number; fromScore: number; toScore: number }
  | { kind: 'scenarios'; tier: TierId; have: number; need: number }
  | { kind: 'raise-scenario'; scenario: string; segment: string | null; from: ScenarioTier; to: TierId; forSegment: boolean }
  | { kind: 'maturity'; from: number | null; to: number }
  | { kind: 'declaration'; key: string; value: false | undefined };

export interface Gap {
  /** The tier the actions lead to. */
  tier: TierId;
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
  return { tier: target, actions: actions.map((action) => ({ action, message: gapMessage(action, t) })) };
}

/** Points the composite lacks, and the fewest one-level indicator raises that would make it up. */
function compositeActions(rubric: Rubric, a: Assessment, e: Evaluation, composite: number, above: number): GapAction[] {
  // The sum must end up strictly above this many points more (exact: units of 10^-SCORE_PLACES).
  const points = unitsToNumber(scoreUnits(above) * BigInt(e.scoredCount) - e.scoreUnits, SCORE_PLACES);
  const out: GapAction[] = [{ kind: 'composite', from: composite, above, points, count: e.scoredCount }];
  const raises: Extract<GapAction, { kind: 'raise-indicator' }>[] = [];
  for (const ind of rubric.indicators) {
    if (ind.kind !== 'level') continue;
    const ans = (a.indicators?.[ind.id] ?? {}) as LevelAnswer;
    if (typeof ans.level !== 'number' || ans.score === undefined || !isValidLevel(rubric, ans.level)) continue;
    const toScore = scoreOneLevelUp(rubric, ans.level, ans.score);
    if (toScore === undefined) continue;
    raises.push({ kind: 'raise-indicator', indicator: ind.id, fromLevel: ans.level, toLevel: ans.level + 1, fromScore: ans.score, toScore });
  }
  raises.sort((x, y) => y.toScore - y.fromScore - (x.toScore - x.fromScore) || x.fromLevel - y.fromLevel || +x.indicator - +y.indicator);
  let gained = 0;
  for (const r of raises) {
    if (gained > points) break;
    out.push(r);
    gained += r.toScore - r.fromScore;
  }
  return out;
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
    if (!pick) continue;
    used.add(pick.id);
    chosen.push({ kind: 'raise-scenario', scenario: pick.id, segment: pick.segment, from: current(pick.id), to: tier, forSegment: true });
  }
  let have = e.scenarioCounts[tier] + used.size;
  const out: GapAction[] = [];
  if (e.scenarioCounts[tier] < need) out.push({ kind: 'scenarios', tier, have: e.scenarioCounts[tier], need });
  // Prefer scenarios that belong to a 环节: they also build coverage for the tiers above.
  const rest = candidates.filter((s) => !used.has(s.id)).sort((x, y) => tierRank(current(y.id)) - tierRank(current(x.id)) || Number(x.segment === null) - Number(y.segment === null) || +x.id - +y.id);
  for (const s of rest) {
    if (have >= need) break;
    chosen.push({ kind: 'raise-scenario', scenario: s.id, segment: s.segment, from: current(s.id), to: tier, forSegment: false });
    have++;
  }
  return [...out, ...chosen];
}
