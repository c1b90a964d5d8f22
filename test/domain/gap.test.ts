import { nextTierGap, score, type Assessment } from '../../src/domain';
import fc from 'fast-check';
import { advancedAssessment, allScores, indicatorsFromScores, J } from '../fixtures/jiangsu';
import { validAssessmentArb } from '../fixtures/arbitraries';

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
    for (const { action } of raises)
      if (action.kind === 'raise-indicator') applied.indicators![action.indicator] = { level: action.toLevel, score: action.toScore };
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

describe('a gap that holds (issue 11)', () => {
  /** Applies every change a gap proposes (not fixing errors or filling in: those are the person's). */
  function apply(a: Assessment, gap: NonNullable<ReturnType<typeof nextTierGap>>): Assessment {
    const out: Assessment = JSON.parse(JSON.stringify(a));
    for (const { action } of gap.actions) {
      if (action.kind === 'raise-indicator') out.indicators![action.indicator] = { level: action.toLevel, score: action.toScore };
      if (action.kind === 'raise-scenario') out.scenarios = { ...out.scenarios, [action.scenario]: action.to };
      if (action.kind === 'maturity') out.maturityLevel = action.to;
      if (action.kind === 'declaration') out.declarations = { ...out.declarations, [action.key]: true };
    }
    return out;
  }

  it('applied, reaches the tier it names, or says it is out of reach — on 300 valid assessments', () => {
    let reached = 0;
    let outOfReach = 0;
    fc.assert(
      fc.property(validAssessmentArb, (a) => {
        const gap = nextTierGap(J, a);
        if (!gap) return;
        const met = score(J, apply(a, gap)).tiers[gap.tier].met;
        if (gap.reachable) {
          expect(met).toBe(true);
          reached++;
        } else {
          expect(gap.actions.some((x) => x.action.kind === 'composite-out-of-reach' || x.action.kind === 'segment-out-of-reach')).toBe(true);
          outOfReach++;
        }
      }),
      { numRuns: 300 },
    );
    expect(reached).toBeGreaterThan(0);
    void outOfReach;
  });

  it('says plainly when raising every indicator to the top is not enough (and what it would give)', () => {
    const a = advancedAssessment();
    a.indicators = indicatorsFromScores({ ...allScores(85), '1': 'na' }); // all at 六级 already: 85 cannot rise by levels
    a.maturityLevel = 4;
    a.scenarios = Object.fromEntries(Array.from({ length: 25 }, (_, i) => [String(i + 1), 'leading' as const]));
    const gap = nextTierGap(J, a)!;
    expect(gap.tier).toBe('leading');
    expect(gap.reachable).toBe(false);
    expect(gap.actions.map((x) => x.message)).toContain('即使把可提升的指标都提高到最高等级，综合得分最多为 85.00，仍未高于 90：还需提高其他指标的得分');
  });

  it('raises one indicator several levels when that is the shortest way', () => {
    const a = advancedAssessment();
    a.indicators = indicatorsFromScores({ ...allScores(70), '1': 5 }); // composite 62.78 → above 70 needs > 65 points
    a.scenarios = { ...a.scenarios };
    const gap = nextTierGap(J, a)!;
    expect(gap.tier).toBe('advanced');
    const raises = gap.actions.filter((x) => x.action.kind === 'raise-indicator').map((x) => x.action);
    expect(raises).toHaveLength(1);
    expect(raises[0]).toMatchObject({ indicator: '1', fromLevel: 2, toLevel: 6 });
    expect(score(J, apply(a, gap)).tier).toBe('advanced');
  });

  it('no float noise: 89.999 is not shown as 90.00, and the points are exact', () => {
    const a = advancedAssessment();
    a.indicators = indicatorsFromScores({ ...allScores(90), '10': 89.991 });
    a.maturityLevel = 4;
    a.scenarios = Object.fromEntries(Array.from({ length: 25 }, (_, i) => [String(i + 1), 'leading' as const]));
    const gap = nextTierGap(J, a)!;
    expect(gap.tier).toBe('leading');
    const msg = gap.actions.find((x) => x.action.kind === 'composite')!.message;
    expect(msg).toBe('综合得分需从 89.999 提高到高于 90：9 项指标得分合计需再增加超过 0.009 分');
    expect(score(J, a).tiers.leading.unmet).toContain('综合得分 89.999 未高于 90');
  });
});
