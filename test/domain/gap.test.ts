import { nextTierGap, score, type Assessment } from '../../src/domain';
import { advancedAssessment, allScores, indicatorsFromScores, J } from '../fixtures/jiangsu';

describe('next-tier gap', () => {
  it('is null when every tier is met', () => {
    const a: Assessment = {
      ...advancedAssessment(),
      maturityLevel: 4,
      indicators: indicatorsFromScores(allScores(95)),
      scenarios: Object.fromEntries(Array.from({ length: 33 }, (_, i) => [String(i + 1), 'leading' as const])),
    };
    expect(score(J, a).tier).toBe('leading');
    expect(nextTierGap(J, a)).toBeNull();
  });

  it('targets the lowest tier not met and lists concrete changes that meet it', () => {
    const a = advancedAssessment(); // 先进级 met
    const gap = nextTierGap(J, a)!;
    expect(gap.tier).toBe('excellent');
    const kinds = gap.actions.map((x) => x.action.kind);
    expect(kinds).toContain('composite');
    expect(kinds).toContain('maturity');
    expect(kinds).toContain('scenarios');
    // Apply every raise the gap proposes: the tier must then be met.
    const applied: Assessment = JSON.parse(JSON.stringify(a));
    for (const { action } of gap.actions) {
      if (action.kind === 'raise-indicator') applied.indicators![action.indicator] = { level: action.toLevel, score: action.toScore };
      if (action.kind === 'raise-scenario') applied.scenarios![action.scenario] = action.to;
      if (action.kind === 'maturity') applied.maturityLevel = action.to;
    }
    expect(score(J, applied).tiers.excellent.met).toBe(true);
  });

  it('covers a missing 环节 with a scenario of that 环节, then adds the closest scenarios', () => {
    const a = advancedAssessment();
    delete a.scenarios!['25']; // 运营管理 uncovered, 14 at 先进级
    a.scenarios!['26'] = 'basic';
    const gap = nextTierGap(J, a)!;
    expect(gap.tier).toBe('advanced');
    const raises = gap.actions.filter((x) => x.action.kind === 'raise-scenario');
    expect(raises).toHaveLength(1);
    expect(raises[0]!.action).toMatchObject({ scenario: '26', segment: '运营管理', from: 'basic', to: 'advanced', forSegment: true });
    expect(raises[0]!.message).toBe('覆盖运营管理环节：将场景 26「产品智能运维」从基础级提升到先进级');
    expect(gap.actions.find((x) => x.action.kind === 'scenarios')!.message).toBe('还需 1 个先进级及以上场景（需 15 个，现有 14 个）');
  });

  it('proposes the fewest indicator raises that lift the composite strictly above the threshold', () => {
    const a = advancedAssessment();
    a.indicators = indicatorsFromScores(allScores(65)); // 65 → need > 70: 45+ points over 9 indicators
    const gap = nextTierGap(J, a)!;
    expect(gap.tier).toBe('advanced');
    const comp = gap.actions.find((x) => x.action.kind === 'composite')!;
    expect(comp.action).toMatchObject({ from: 65, above: 70, points: 45 });
    const raises = gap.actions.filter((x) => x.action.kind === 'raise-indicator');
    expect(raises).toHaveLength(3); // 2 × 20 = 40 is not more than 45; 3 × 20 = 60 is
    const applied: Assessment = JSON.parse(JSON.stringify(a));
    for (const { action } of raises) if (action.kind === 'raise-indicator') applied.indicators![action.indicator] = { level: action.toLevel, score: action.toScore };
    expect(score(J, applied).tier).toBe('advanced');
  });

  it('asks to fix errors and fill what is missing first, in English too', () => {
    const a = advancedAssessment();
    a.indicators!['3'] = { level: 3, score: 50 };
    delete a.maturityLevel;
    const gap = nextTierGap(J, a, 'en')!;
    expect(gap.tier).toBe('basic');
    expect(gap.actions[0]!.message).toMatch(/^correct 1 error first: indicator 3/);
    expect(gap.actions.map((x) => x.message)).toContain('give the maturity level (Level 2 Standardized or above)');
  });
});
