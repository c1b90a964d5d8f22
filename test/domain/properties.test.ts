// Property tests (fast-check) over the Jiangsu rubric.
import fc from 'fast-check';
import { roundTo } from '../../src/domain/scoring/decimal';
import { allowedInterval, applyChanges, bandOf, inInterval, score, singleRaises, tierRank, FIT_IDS, type TierId } from '../../src/domain';
import { advancedAssessment, J, LEVEL_IDS } from '../fixtures/jiangsu';
import { validAssessmentArb } from '../fixtures/arbitraries';

const rank = (t: TierId | null) => (t === null ? 0 : tierRank(t));
const scoreArb = fc.oneof(
  fc.double({ min: -5, max: 105, noNaN: true }),
  fc.integer({ min: -1, max: 101 }),
  fc.constantFrom(0, 7, 14, 20, 27, 34, 40, 60, 80, 87, 94, 100),
);

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
        // Each score counts to six decimals (RULES §1 precision), the mean to ten.
        expect(r.composite).toBeCloseTo(scores.map((x) => roundTo(x, 6)).reduce((x, y) => x + y, 0) / scores.length, 9);
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
