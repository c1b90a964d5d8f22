// Property tests (fast-check) over the Jiangsu rubric.
import fc from 'fast-check';
import {
  allowedInterval,
  applyChanges,
  bandOf,
  inInterval,
  score,
  singleRaises,
  tierRank,
  FIT_IDS,
  SCENARIO_TIER_VALUES,
  type Assessment,
  type TierId,
} from '../../src/domain';
import { advancedAssessment, J, LEVEL_IDS } from '../fixtures/jiangsu';

const rank = (t: TierId | null) => (t === null ? 0 : tierRank(t));
const scoreArb = fc.oneof(
  fc.double({ min: -5, max: 105, noNaN: true }),
  fc.integer({ min: -1, max: 101 }),
  fc.constantFrom(0, 7, 14, 20, 27, 34, 40, 60, 80, 87, 94, 100),
);

/** A valid, complete assessment: every score inside its level's (and fit's) band, every claim offered. */
const validAssessmentArb: fc.Arbitrary<Assessment> = fc
  .record({
    levels: fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 9, maxLength: 9 }),
    positions: fc.array(fc.double({ min: 0.01, max: 0.99, noNaN: true }), { minLength: 9, maxLength: 9 }),
    na: fc.subarray(['1', '5', '6']),
    scenarios: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 40, maxLength: 40 }),
    maturity: fc.integer({ min: 1, max: 5 }),
  })
  .map(({ levels, positions, na, scenarios, maturity }) => {
    const a = advancedAssessment();
    a.maturityLevel = maturity;
    a.indicators = { '7': { investmentTotal: 10, investment2024: 1 } };
    LEVEL_IDS.forEach((id, i) => {
      if (na.includes(id)) a.indicators![id] = { level: 'na' };
      else {
        const r = bandOf(J, levels[i]!)!.range;
        a.indicators![id] = { level: levels[i]!, score: r.min === r.max ? r.min : r.min + positions[i]! * (r.max - r.min) };
      }
    });
    a.scenarios = {};
    J.scenarios.forEach((s, i) => {
      const want = SCENARIO_TIER_VALUES[scenarios[i]!]!;
      // the nearest offered tier at or below the wanted one, else none
      const offered = SCENARIO_TIER_VALUES.slice(1, scenarios[i]! + 1).filter((t) => t !== 'none' && s.tiers[t] !== null);
      a.scenarios![s.id] = want === 'none' || offered.length === 0 ? 'none' : offered[offered.length - 1]!;
    });
    return a;
  });

describe('properties', () => {
  it('a score is valid for a level (and fit) exactly when it lies in that band', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.option(fc.constantFrom(...FIT_IDS), { nil: undefined }), scoreArb, (level, fit, s) => {
        const a = advancedAssessment();
        a.indicators!['2'] = { level, score: s, ...(fit ? { fit } : {}) };
        const bad = score(J, a).errors.some((e) => e.path === 'indicators.2.score');
        const band = bandOf(J, level)!;
        return bad === !inInterval(s, allowedInterval(band, fit));
      }),
    );
  });

  it('the composite with 不涉及 equals the mean of the rest', () => {
    fc.assert(
      fc.property(validAssessmentArb, (a) => {
        const scores = LEVEL_IDS.map((id) => a.indicators![id] as { level: number | 'na'; score?: number })
          .filter((x) => x.level !== 'na')
          .map((x) => x.score!);
        const r = score(J, a);
        expect(r.errors).toEqual([]);
        expect(r.composite).toBeCloseTo(scores.reduce((x, y) => x + y, 0) / scores.length, 9);
      }),
    );
  });

  it('moving any valid input to a higher valid value never lowers the tier', () => {
    fc.assert(
      fc.property(validAssessmentArb, fc.nat(), (a, pick) => {
        const raises = singleRaises(J, a);
        if (raises.length === 0) return;
        const change = raises[pick % raises.length]!;
        const before = score(J, a);
        const after = score(J, applyChanges(J, a, [change]));
        expect(after.errors).toEqual([]);
        expect(rank(after.tier)).toBeGreaterThanOrEqual(rank(before.tier));
      }),
    );
  });

  it('a reported tier meets every rule of RULES §3 checked independently', () => {
    fc.assert(
      fc.property(validAssessmentArb, (a) => {
        const r = score(J, a);
        for (const rule of J.tiers) {
          const claims = Object.entries(a.scenarios!).filter(([, t]) => tierRank(t) >= tierRank(rule.id));
          const segs = new Set(claims.map(([id]) => J.scenarios.find((s) => s.id === id)!.segment));
          const met =
            r.composite! > rule.compositeAbove &&
            claims.length >= rule.minScenarios &&
            rule.requiredSegments.every((s) => segs.has(s)) &&
            a.maturityLevel! >= rule.minMaturity;
          expect(r.tiers[rule.id].met).toBe(met);
        }
      }),
    );
  });
});
