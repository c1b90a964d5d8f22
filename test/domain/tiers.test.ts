import { score, TIER_IDS, type Assessment } from '../../src/domain';
import { advancedAssessment, allScores, indicatorsFromScores, J } from '../fixtures/jiangsu';

/** Nine scores whose mean is exactly m (eight at m, one at m as well). */
const withComposite = (a: Assessment, scores: Record<string, number>) => ({ ...a, indicators: indicatorsFromScores(scores) });

describe('composite (RULES §1)', () => {
  it('is the exact mean of the nine level-scored indicators, to ten decimals', () => {
    const scores = { '1': 21, '2': 45, '3': 62, '4': 81, '5': 33, '6': 47, '8': 66, '9': 70, '10': 99 };
    const r = score(J, withComposite(advancedAssessment(), scores));
    expect(r.composite).toBe(58.2222222222); // 524 / 9
  });
  it('is null while any applicable indicator has no score, and says which', () => {
    const a = advancedAssessment();
    delete (a.indicators!['4'] as { score?: number }).score;
    const r = score(J, a);
    expect(r.composite).toBeNull();
    expect(r.complete).toBe(false);
    expect(r.tier).toBeNull();
    expect(r.errors).toEqual([]);
    expect(r.warnings.map((w) => [w.path, w.code])).toContainEqual(['indicators.4.score', 'required']);
    expect(r.tiers.basic.unmet[0]).toContain('指标 4');
  });
  it('counts an out-of-band score (so what-if works) but withholds the tier', () => {
    const a = advancedAssessment();
    a.indicators!['3'] = { level: 3, score: 75 };
    const r = score(J, a);
    expect(r.composite).toBe(75);
    expect(r.errors).toHaveLength(1);
    expect(r.tier).toBeNull();
    for (const t of TIER_IDS) expect(r.tiers[t].met).toBe(false);
    expect(r.tiers.basic.unmet).toEqual(['有 1 处错误，须先更正']);
  });
  it('indicator 7 is recorded, not scored', () => {
    const a = advancedAssessment();
    a.indicators!['7'] = { investmentTotal: 99999, investment2024: 0 };
    expect(score(J, a).composite).toBe(75);
  });
});

describe('composite thresholds are strict (RULES §3)', () => {
  const at = (m: number) => score(J, withComposite(advancedAssessment(), allScores(m)));
  it('exactly 60 is not 基础级', () => {
    const r = at(60);
    expect(r.composite).toBe(60);
    expect(r.tier).toBeNull();
    expect(r.tiers.basic.unmet).toEqual(['综合得分 60.00 未高于 60']);
  });
  it('just above 60 is 基础级', () => {
    expect(at(60.01).tier).toBe('basic');
  });
  it('exactly 70 is 基础级, not 先进级', () => {
    const r = at(70);
    expect(r.tier).toBe('basic');
    expect(r.tiers.advanced.unmet).toEqual(['综合得分 70.00 未高于 70']);
  });
  it('70.01 is 先进级', () => {
    expect(at(70.01).tier).toBe('advanced');
  });
  it('a mean of exactly 60 from mixed scores is still not above 60', () => {
    const scores = { '1': 40, '2': 80, '3': 40, '4': 80, '5': 60, '6': 60, '8': 60, '9': 50, '10': 70 };
    const r = score(J, withComposite(advancedAssessment(), scores));
    expect(r.composite).toBe(60);
    expect(r.tier).toBeNull();
  });
});

describe('scenario counts and 环节 coverage (RULES §2–§3)', () => {
  it('counts cumulatively: a scenario counts toward every tier up to its own', () => {
    const a = advancedAssessment();
    a.scenarios = { '3': 'basic', '5': 'advanced', '6': 'excellent', '7': 'leading', '9': 'leading', '40': 'none' };
    const r = score(J, a);
    expect(r.scenarioCounts).toEqual({ basic: 5, advanced: 4, excellent: 3, leading: 2 });
    expect(r.coverage).toEqual({
      basic: ['研发设计', '生产作业', '生产管理'],
      advanced: ['研发设计', '生产作业', '生产管理'],
      excellent: ['研发设计', '生产作业', '生产管理'],
      leading: ['生产作业', '生产管理'],
    });
  });
  it('a scenario left out is none', () => {
    const a = advancedAssessment();
    a.scenarios = {};
    expect(score(J, a).scenarioCounts).toEqual({ basic: 0, advanced: 0, excellent: 0, leading: 0 });
  });
  it('34–40 count toward totals but toward no 环节', () => {
    const a = advancedAssessment();
    a.scenarios = { '34': 'leading', '39': 'advanced' };
    const r = score(J, a);
    expect(r.scenarioCounts.advanced).toBe(2);
    expect(r.coverage.advanced).toEqual([]);
  });
  it('基础级 needs 8 scenarios and 生产作业', () => {
    const a = advancedAssessment();
    a.scenarios = Object.fromEntries(['3', '5', '6', '7', '14', '15', '16', '17'].map((id) => [id, 'basic' as const]));
    let r = score(J, a);
    expect(r.tier).toBeNull();
    expect(r.tiers.basic.unmet).toEqual(['生产作业环节没有基础级及以上场景']);
    a.scenarios['9'] = 'basic';
    r = score(J, a);
    expect(r.tier).toBe('basic');
    delete a.scenarios['3'];
    delete a.scenarios['5'];
    r = score(J, a);
    expect(r.tiers.basic.unmet).toEqual(['需要至少 8 个基础级及以上场景，现有 7 个']);
  });
  it('先进级 needs 15 scenarios covering 生产作业, 生产管理 and 运营管理', () => {
    const a = advancedAssessment();
    expect(score(J, a).tier).toBe('advanced');
    delete a.scenarios!['25'];
    a.scenarios!['15'] = 'advanced';
    const r = score(J, a);
    expect(r.tier).toBe('basic');
    expect(r.tiers.advanced.unmet).toEqual(['运营管理环节没有先进级及以上场景']);
    expect(score(J, a, { lang: 'en' }).tiers.advanced.unmet).toEqual(['Operations management has no scenario at Advanced or above']);
  });
  it('says how many scenarios are missing, in both languages', () => {
    const a = advancedAssessment();
    for (const id of ['1', '2', '3']) delete a.scenarios![id];
    expect(score(J, a).tiers.advanced.unmet).toEqual(['需要至少 15 个先进级及以上场景，现有 12 个']);
    expect(score(J, a, { lang: 'en' }).tiers.advanced.unmet).toEqual(['15 scenarios at Advanced or above needed, 12 claimed']);
  });
  it('claiming a tier that is 「/」 in 附件4 is an error (scenarios offered only from 先进级 or 卓越级)', () => {
    const a = advancedAssessment();
    a.scenarios!['1'] = 'basic';
    a.scenarios!['28'] = 'advanced';
    a.scenarios!['34'] = 'basic';
    a.scenarios!['29'] = 'excellent';
    const r = score(J, a);
    expect(r.errors.map((e) => [e.path, e.code])).toEqual([
      ['scenarios.1', 'tier-unavailable'],
      ['scenarios.28', 'tier-unavailable'],
      ['scenarios.34', 'tier-unavailable'],
    ]);
    expect(r.errors[1]!.message).toContain('可选：卓越级、领航级');
    expect(r.tier).toBeNull();
  });
});

describe('maturity and declarations (RULES §3)', () => {
  it('maturity 1 meets no tier; 2 meets 基础级 and 先进级; 卓越级 needs 3 and 领航级 4', () => {
    const a = advancedAssessment();
    a.maturityLevel = 1;
    const r = score(J, a);
    expect(r.tier).toBeNull();
    expect(r.tiers.basic.unmet).toEqual(['智能制造能力成熟度需达到二级 规范级及以上，当前为一级 规划级']);
    const top: Assessment = {
      ...advancedAssessment(),
      indicators: indicatorsFromScores(allScores(95)),
      scenarios: Object.fromEntries(Array.from({ length: 27 }, (_, i) => [String(i + 1), 'leading' as const])),
    };
    expect(score(J, { ...top, maturityLevel: 2 }).tier).toBe('advanced');
    expect(score(J, { ...top, maturityLevel: 3 }).tier).toBe('excellent');
    expect(score(J, { ...top, maturityLevel: 4 }).tier).toBe('leading');
    expect(score(J, { ...top, maturityLevel: 5 }).tier).toBe('leading');
  });
  it('a maturity level outside 1–5 is an error', () => {
    for (const m of [0, 6, 2.5]) {
      const r = score(J, { ...advancedAssessment(), maturityLevel: m });
      expect(r.errors.map((e) => [e.path, e.code])).toEqual([['maturityLevel', 'maturity-invalid']]);
    }
  });
  it('a missing maturity level withholds the tier', () => {
    const a = advancedAssessment();
    delete a.maturityLevel;
    const r = score(J, a);
    expect(r.tier).toBeNull();
    expect(r.complete).toBe(false);
    expect(r.tiers.basic.unmet).toEqual(['智能制造能力成熟度等级未填写（需达到二级 规范级及以上）']);
  });
  it('every declaration must be true: false or missing withholds the tier', () => {
    const a = advancedAssessment();
    a.declarations = { scale: true, compliance: false, secureControllable: true };
    const r = score(J, a);
    expect(r.tier).toBeNull();
    expect(r.errors).toEqual([]);
    expect(r.tiers.basic.unmet).toHaveLength(2);
    expect(r.tiers.basic.unmet[0]).toMatch(/不满足$/);
    expect(r.tiers.basic.unmet[1]).toMatch(/未声明$/);
    expect(r.warnings.map((w) => w.path)).toContain('declarations.organization');
  });
});

describe('reporting', () => {
  it('reports every unmet condition of every tier, not only the first', () => {
    const a: Assessment = { ...advancedAssessment(), maturityLevel: 1, scenarios: { '9': 'basic' }, indicators: indicatorsFromScores(allScores(50)) };
    const r = score(J, a);
    expect(r.tiers.basic.unmet).toEqual([
      '综合得分 50.00 未高于 60',
      '需要至少 8 个基础级及以上场景，现有 1 个',
      '智能制造能力成熟度需达到二级 规范级及以上，当前为一级 规划级',
    ]);
    expect(r.tiers.excellent.unmet.length).toBe(8); // composite, count, five 环节, maturity
  });
  it('an empty assessment has no errors, no composite and no tier, and lists what is missing', () => {
    const r = score(J, {});
    expect(r.errors).toEqual([]);
    expect(r.composite).toBeNull();
    expect(r.tier).toBeNull();
    expect(r.complete).toBe(false);
    expect(r.warnings.filter((w) => w.code === 'required').length).toBeGreaterThan(20);
  });
  it('reports every problem of an input, not only the first', () => {
    const a = advancedAssessment();
    a.indicators!['2'] = { level: 'na', score: 5 };
    a.indicators!['3'] = { level: 4, fit: 'low', score: 59 };
    a.profile!.contactMobile = '025-69652756';
    a.profile!.creditCode = '123';
    a.scenarios!['2'] = 'basic';
    const r = score(J, a);
    expect(r.errors.map((e) => e.path)).toEqual(['profile.creditCode', 'profile.contactMobile', 'indicators.2.level', 'indicators.3.score', 'scenarios.2']);
  });
  it('rejects an assessment of another rubric', () => {
    const r = score(J, { ...advancedAssessment(), rubric: 'zhejiang-2026' });
    expect(r.errors.map((e) => e.code)).toEqual(['rubric-mismatch']);
  });
});
