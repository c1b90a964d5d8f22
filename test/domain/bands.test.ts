import { score, type Assessment, type FitId } from '../../src/domain';
import { advancedAssessment, J } from '../fixtures/jiangsu';

/** The errors on indicator 3 when it is answered with this level, fit and score. */
function errorsFor(level: number | 'na', scoreValue?: number, fit?: FitId, id = '3') {
  const a: Assessment = advancedAssessment();
  a.indicators![id] = { level, ...(fit ? { fit } : {}), ...(scoreValue === undefined ? {} : { score: scoreValue }) };
  return score(J, a).errors.filter((e) => e.path.startsWith(`indicators.${id}.`));
}
const ok = (level: number, s: number, fit?: FitId) => expect(errorsFor(level, s, fit)).toEqual([]);
const bad = (level: number, s: number, fit?: FitId) =>
  expect(errorsFor(level, s, fit).map((e) => [e.path, e.code])).toEqual([['indicators.3.score', 'score-out-of-band']]);

describe('score bands of 表3 (RULES §1)', () => {
  it('level 1 is exactly 0', () => {
    ok(1, 0);
    bad(1, 0.5);
  });
  it('level 2 is (0, 20): 0 and 20 are out', () => {
    bad(2, 0);
    ok(2, 0.01);
    ok(2, 19.99);
    bad(2, 20);
  });
  it('level 6 is [80, 100): 100 is out of band', () => {
    ok(6, 80);
    ok(6, 99.9);
    bad(6, 100);
  });
  it('40 belongs to level 4, not 3', () => {
    bad(3, 40);
    ok(4, 40);
    ok(3, 39.99);
  });
  it('every level k ≥ 3 is [20(k−2), 20(k−2)+20)', () => {
    for (let k = 3; k <= 6; k++) {
      const lo = 20 * (k - 2);
      ok(k, lo);
      bad(k, lo - 0.001);
      bad(k, lo + 20);
    }
  });
  it('level 2 sub-bands: 基本符合 (0,7), 比较符合 [7,14), 非常符合 [14,20)', () => {
    ok(2, 6.99, 'low');
    bad(2, 7, 'low');
    bad(2, 0, 'low');
    ok(2, 7, 'medium');
    bad(2, 14, 'medium');
    ok(2, 14, 'high');
    bad(2, 20, 'high');
    bad(2, 13.99, 'high');
  });
  it('level 3–6 sub-bands [lo,lo+7), [lo+7,lo+14), [lo+14,lo+20)', () => {
    for (let k = 3; k <= 6; k++) {
      const lo = 20 * (k - 2);
      ok(k, lo, 'low');
      bad(k, lo + 7, 'low');
      ok(k, lo + 7, 'medium');
      bad(k, lo + 6.99, 'medium');
      bad(k, lo + 14, 'medium');
      ok(k, lo + 14, 'high');
      bad(k, lo + 20, 'high');
    }
  });
  it('decimals are allowed', () => {
    ok(3, 28.5, 'medium');
  });
  it('the error names the band and the sub-band in Chinese and English', () => {
    const [e] = errorsFor(3, 40);
    expect(e!.message).toContain('三级要求 20 ≤ 得分 < 40，填写的是 40');
    expect(e!.message).not.toMatch(/[[(]\d/); // no bracket notation
    const [f] = errorsFor(3, 35, 'medium');
    expect(f!.message).toContain('比较符合');
    expect(f!.message).toContain('27 ≤ 得分 < 34');
    const a = advancedAssessment();
    a.indicators!['3'] = { level: 3, score: 40 };
    const en = score(J, a, { lang: 'en' }).errors[0]!.message;
    expect(en).toContain('needs 20 ≤ score < 40; got 40');
  });
  it('a fit on level 1 has no meaning: a warning, not an error', () => {
    const a = advancedAssessment();
    a.indicators!['3'] = { level: 1, fit: 'high', score: 0 };
    const r = score(J, a);
    expect(r.errors).toEqual([]);
    expect(r.warnings.map((w) => [w.path, w.code])).toContainEqual(['indicators.3.fit', 'fit-not-applicable']);
  });
  it('a level that is not a whole number 1–6 is an error on the level', () => {
    for (const level of [0, 7, 2.5, -1]) expect(errorsFor(level, 30).map((e) => [e.path, e.code])).toEqual([['indicators.3.level', 'level-invalid']]);
  });
  it('a score without a level must still lie in [0, 100)', () => {
    const a = advancedAssessment();
    a.indicators!['3'] = { score: 120 };
    const r = score(J, a);
    expect(r.errors.map((e) => [e.path, e.code])).toEqual([['indicators.3.score', 'score-out-of-range']]);
    expect(r.warnings.map((w) => w.path)).toContain('indicators.3.level');
  });
});

describe('不涉及 (RULES §1)', () => {
  it('is allowed on 1, 5 and 6', () => {
    for (const id of ['1', '5', '6']) expect(errorsFor('na', undefined, undefined, id)).toEqual([]);
  });
  it('is an error on the other level indicators', () => {
    for (const id of ['2', '3', '4', '8', '9', '10'])
      expect(errorsFor('na', undefined, undefined, id).map((e) => [e.path, e.code])).toEqual([[`indicators.${id}.level`, 'na-not-allowed']]);
  });
  it('drops the indicator from the composite: the mean of the rest', () => {
    const a = advancedAssessment();
    a.indicators!['1'] = { level: 'na' };
    a.indicators!['2'] = { level: 3, score: 21 };
    // 8 indicators left: 7 × 75 + 21
    expect(score(J, a).composite).toBeCloseTo((7 * 75 + 21) / 8, 12);
  });
  it('a score given with 不涉及 is ignored, with a warning', () => {
    const a = advancedAssessment();
    a.indicators!['5'] = { level: 'na', score: 10 };
    const r = score(J, a);
    expect(r.composite).toBe(75);
    expect(r.warnings.map((w) => [w.path, w.code])).toContainEqual(['indicators.5.score', 'score-ignored']);
  });
});
