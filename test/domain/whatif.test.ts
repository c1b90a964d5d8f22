import { applyChanges, score, sweep, type Assessment } from '../../src/domain';
import { advancedAssessment, J } from '../fixtures/jiangsu';

describe('what-if', () => {
  it('applyChanges leaves the input untouched', () => {
    const a = advancedAssessment();
    const copy = JSON.parse(JSON.stringify(a));
    const b = applyChanges(J, a, [
      { kind: 'scenario', id: '30', tier: 'advanced' },
      { kind: 'indicator', id: '3', level: 6, score: 90 },
      { kind: 'maturity', level: 3 },
    ]);
    expect(a).toEqual(copy);
    expect(b.scenarios!['30']).toBe('advanced');
    expect(b.indicators!['3']).toEqual({ level: 6, score: 90 });
    expect(b.maturityLevel).toBe(3);
  });

  it('a stated fit follows the score into the new level', () => {
    const a = advancedAssessment();
    a.indicators!['3'] = { level: 3, fit: 'medium', score: 28 };
    const b = applyChanges(J, a, [{ kind: 'indicator', id: '3', level: 4, score: 48 }]);
    expect(b.indicators!['3']).toEqual({ level: 4, score: 48, fit: 'medium' });
  });

  it('ranks the change that reaches the next tier first', () => {
    const a = advancedAssessment();
    delete a.scenarios!['25'];
    a.scenarios!['26'] = 'basic'; // one raise of 26 restores 先进级
    const { target, options } = sweep(J, a);
    expect(target).toBe('advanced');
    expect(options[0]!.change).toEqual({ kind: 'scenario', id: '26', tier: 'advanced' });
    expect(options[0]!.tierAfter).toBe('advanced');
    expect(options[0]!.effect).toContain('参考等级：基础级 → 先进级');
    expect(options[0]!.label).toBe('将场景 26「产品智能运维」从基础级调整到先进级');
  });

  it('offers only valid one-step raises: next offered tier, next level, next maturity', () => {
    const a = advancedAssessment();
    const { options } = sweep(J, a);
    const s28 = options.find((o) => o.change.kind === 'scenario' && o.change.id === '28');
    expect(s28!.change).toEqual({ kind: 'scenario', id: '28', tier: 'excellent' }); // 28 starts at 卓越级
    const ind = options.find((o) => o.change.kind === 'indicator' && o.change.id === '1');
    expect(ind!.change).toEqual({ kind: 'indicator', id: '1', level: 6, score: 95 });
    expect(options.some((o) => o.change.kind === 'maturity' && o.change.level === 3)).toBe(true);
    for (const o of options) expect(score(J, applyChanges(J, a, [o.change])).errors).toEqual([]);
  });

  it('states each effect toward the target tier in words', () => {
    const a: Assessment = advancedAssessment();
    const { target, options } = sweep(J, a, 'en');
    expect(target).toBe('excellent');
    const s3 = options.find((o) => o.change.kind === 'scenario' && o.change.id === '3')!;
    expect(s3.effect).toBe('Excellent+ scenarios +1 (1/20); covers R&D and design; Excellent unmet conditions 8 → 7');
    const s30 = options.find((o) => o.change.kind === 'scenario' && o.change.id === '30')!;
    expect(s30.change).toEqual({ kind: 'scenario', id: '30', tier: 'basic' });
    expect(s30.effect).toBe('no effect on the reference tier yet');
    // Changes that bring the target closer rank above those that do not.
    expect(options.indexOf(s3)).toBeLessThan(options.indexOf(s30));
  });
});
