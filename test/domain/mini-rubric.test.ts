// The engine takes the rubric as input: a made-up rubric with other bands and thresholds gives other results
// from the same code.
import { nextTierGap, score, sweep } from '../../src/domain';
import { miniRubric as R } from '../fixtures/mini-rubric';
import { J } from '../fixtures/jiangsu';

const base = {
  declarations: { ok: true },
  maturityLevel: 1,
  indicators: { '1': { level: 2, score: 65 }, '2': { level: 2, score: 65 } },
  scenarios: { '1': 'advanced' as const, '2': 'advanced' as const },
};

describe('a second rubric, no code change', () => {
  it('uses its own bands: 50 is level 1 there, level 4 in Jiangsu', () => {
    const a = { ...base, indicators: { '1': { level: 1, score: 50 }, '2': { level: 2, score: 65 } } };
    expect(score(R, a).errors).toEqual([]);
    expect(score(J, { indicators: { '3': { level: 1, score: 50 } } }).errors.map((e) => e.code)).toEqual(['score-out-of-band']);
    const b = { ...base, indicators: { '1': { level: 2, score: 50 }, '2': { level: 2, score: 65 } } };
    expect(score(R, b).errors[0]!.message).toContain('50 < 得分 ≤ 80');
  });
  it('uses its own thresholds, segments and maturity', () => {
    const r = score(R, base);
    expect(r.rubric).toBe('mini-test');
    expect(r.composite).toBe(65);
    expect(r.tier).toBe('advanced');
    expect(r.tiers.excellent.unmet).toEqual([
      '综合得分 65.00 未高于 75',
      '需要至少 3 个高及以上场景，现有 0 个',
      'A段环节没有高及以上场景',
      'B段环节没有高及以上场景',
      '智能制造能力成熟度需达到二及以上，当前为一',
    ]);
  });
  it('its own 不涉及 and size classes', () => {
    const r = score(R, { ...base, indicators: { '1': { level: 2, score: 65 }, '2': { level: 'na' } }, profile: { employees: 100, revenue: 100 } });
    expect(r.composite).toBe(65);
    expect(r.enterpriseSize).toBe('大');
    expect(score(R, { indicators: { '1': { level: 'na' } } }).errors.map((e) => e.code)).toEqual(['na-not-allowed']);
  });
  it('its own gap and sweep', () => {
    const gap = nextTierGap(R, base)!;
    expect(gap.tier).toBe('excellent');
    expect(sweep(R, base).options.length).toBeGreaterThan(0);
  });
});
