// Exact arithmetic (RULES §1): a mean that is mathematically T is T, thresholds are strict on that value, and
// every display rounds half up to two decimals. The score lists below are ones whose float sum in indicator
// order is off by one ulp (70.00000000000001 and the like): they fail on a float mean.
import { fmt2, score, type Assessment } from '../../src/domain';
import { format2, meanUnits, roundTo, scoreUnits, toUnits, unitsToPlain, unitsToString } from '../../src/domain/scoring/decimal';
import { advancedAssessment, indicatorsFromScores, J, LEVEL_IDS } from '../fixtures/jiangsu';
import { conditionMessage } from '../../src/domain/i18n/messages';
import { textsFor } from '../../src/domain/i18n/texts';

const withScores = (list: number[]): Assessment => ({
  ...advancedAssessment(),
  indicators: indicatorsFromScores(Object.fromEntries(LEVEL_IDS.map((id, i) => [id, list[i]!]))),
});
const floatMean = (list: number[]) => list.reduce((x, y) => x + y, 0) / list.length;

/** Nine two-decimal scores whose exact mean is T but whose float mean is not. */
const EXACT: Record<number, number[]> = {
  60: [49.16, 70.83, 45.31, 66.35, 63.02, 59.17, 53.09, 65.12, 67.95],
  70: [80.85, 83.95, 67.8, 84.41, 55.7, 61.42, 59.62, 81.68, 54.57],
  80: [70.01, 71.84, 85.78, 92.99, 83.57, 79.94, 65.59, 70.33, 99.95],
  90: [90.75, 84.9, 95.41, 95.62, 87.63, 85.63, 88.51, 93.35, 88.2],
};
const TIER_ABOVE: Record<number, string> = { 60: 'basic', 70: 'advanced', 80: 'excellent', 90: 'leading' };

/** The assessment with enough scenarios and maturity for every tier, so the composite alone decides. */
function allButComposite(list: number[]): Assessment {
  const a = withScores(list);
  a.scenarios = Object.fromEntries(Array.from({ length: 25 }, (_, i) => [String(i + 1), 'leading' as const]));
  a.maturityLevel = 4;
  return a;
}
const tierBelow = (T: number) => ({ 60: null, 70: 'basic', 80: 'advanced', 90: 'excellent' })[T as 60];

describe.each([60, 70, 80, 90])('the threshold %d', (T) => {
  const list = EXACT[T]!;
  it('the case is one a float mean gets wrong', () => {
    expect(floatMean(list)).not.toBe(T);
  });
  it(`a mean of exactly ${T} is ${T} and does not meet 高于 ${T}`, () => {
    const r = score(J, allButComposite(list));
    expect(r.composite).toBe(T);
    expect(r.tier).toBe(tierBelow(T));
    expect(r.tiers[TIER_ABOVE[T] as 'basic'].met).toBe(false);
    expect(r.tiers[TIER_ABOVE[T] as 'basic'].unmet).toContain(`综合得分 ${T}.00 未高于 ${T}`);
  });
  it(`${T} + 0.01 on one score meets it; ${T} − 0.01 does not`, () => {
    const up = [...list];
    up[0] = roundTo(up[0]! + 0.09, 2); // +0.09 on one of nine: the mean is T + 0.01
    const down = [...list];
    down[0] = roundTo(down[0]! - 0.09, 2);
    const ru = score(J, allButComposite(up));
    const rd = score(J, allButComposite(down));
    expect(ru.composite).toBe(T + 0.01);
    expect(ru.tier).toBe(TIER_ABOVE[T]);
    expect(rd.composite).toBe(T - 0.01);
    expect(rd.tier).toBe(tierBelow(T));
  });
  it('long decimals: a mean 10^-7 above T meets it, one exactly T from six-decimal scores does not', () => {
    const six = [...list];
    six[0] = roundTo(six[0]! + 0.000009, 6);
    six[1] = roundTo(six[1]! - 0.000009, 6);
    expect(score(J, allButComposite(six)).composite).toBe(T);
    expect(score(J, allButComposite(six)).tier).toBe(tierBelow(T));
    const above = [...list];
    above[0] = roundTo(above[0]! + 0.0000009, 7); // rounds to +0.000001 at six decimals: the mean is T + 1/9·10^-6
    const r = score(J, allButComposite(above));
    expect(r.composite).toBe(roundTo(T + 0.000001 / 9, 10));
    expect(r.tier).toBe(TIER_ABOVE[T]);
  });
});

describe('precision of scores with more than two decimals', () => {
  it('each score counts to six decimals (half away from zero), the mean to ten', () => {
    expect(scoreUnits(33.3333335)).toBe(33333334n);
    expect(scoreUnits(33.3333334)).toBe(33333333n);
    expect(meanUnits(scoreUnits(100) + scoreUnits(0) + scoreUnits(0), 3)).toBe(333333333333n);
    const r = score(J, withScores([33.3333335, 66.6666664, 50, 50, 50, 50, 50, 50, 50]));
    expect(r.composite).toBe(50);
    // 66.6666665 rounds up to 66.666667: the mean is then 10^-6/9 above 50.
    expect(score(J, withScores([33.3333335, 66.6666665, 50, 50, 50, 50, 50, 50, 50])).composite).toBe(50.0000001111);
  });
});

describe('display: half up to two decimals (the one function every display uses)', () => {
  it.each([
    [71.695, '71.70'],
    [71.694999, '71.69'],
    [0.005, '0.01'],
    [1.005, '1.01'],
    [2.675, '2.68'],
    [70, '70.00'],
    [-0.005, '-0.01'],
    [-0.004, '0.00'],
    [99.995, '100.00'],
    [1e-7, '0.00'],
    [123456789.125, '123456789.13'],
  ])('%p → %s', (x, s) => {
    expect(format2(x)).toBe(s);
    expect(fmt2(x)).toBe(s);
  });
  it('the engine says 71.70 for a composite of 71.695 (toFixed said 71.69)', () => {
    const list = [71.695, 71.695, 71.695, 71.695, 71.695, 71.695, 71.695, 71.695, 71.695];
    const r = score(J, withScores(list));
    expect(r.composite).toBe(71.695);
    const t = textsFor(J, 'zh');
    expect(conditionMessage({ kind: 'composite', composite: r.composite!, above: 80 }, t)).toBe('综合得分 71.70 未高于 80');
  });
  it('units print exactly', () => {
    expect(toUnits(71.695, 2)).toBe(7170n);
    expect(toUnits(1.5e21, 0)).toBe(1500000000000000000000n);
    expect(unitsToString(-5n, 3)).toBe('-0.005');
    expect(unitsToPlain(70_000_000n, 6)).toBe('70');
    expect(unitsToPlain(10_000n, 6)).toBe('0.01');
  });
});
