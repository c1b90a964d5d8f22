import { TIER_IDS, loadRubric, RubricLoadError } from '../../src/domain';
import { checkShippedRubrics } from '../../src/domain/rubrics/check';
import { SHIPPED_RUBRICS } from '../../src/domain/rubrics';
import { J } from '../fixtures/jiangsu';

describe('jiangsu-2025 rubric data', () => {
  it('has the 10 indicators of 附件3 in order, 1–6 and 8–10 level-scored, 7 two amounts', () => {
    expect(J.indicators.map((i) => i.id)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    const seven = J.indicators[6]!;
    expect(seven.kind).toBe('amounts');
    expect(seven.kind === 'amounts' && seven.amounts.map((a) => a.key)).toEqual(['investmentTotal', 'investment2024']);
    for (const ind of J.indicators) if (ind.id !== '7') expect(ind.kind).toBe('level');
  });

  it('allows 不涉及 on indicators 1, 5 and 6 only', () => {
    const na = J.indicators.filter((i) => i.kind === 'level' && i.naAllowed).map((i) => i.id);
    expect(na).toEqual(['1', '5', '6']);
  });

  it('has six non-empty level texts per level indicator, without PDF debris', () => {
    for (const ind of J.indicators) {
      if (ind.kind !== 'level') continue;
      expect(ind.levels).toHaveLength(6);
      for (const text of ind.levels) {
        expect(text.trim()).not.toBe('');
        expect(text).not.toMatch(/\n|□|等级为|打分为|— \d+ —/);
        expect(text).not.toMatch(/[\u4e00-\u9fff] [\u4e00-\u9fff]/); // no layout space between two Chinese characters
      }
    }
  });

  it('pins the band table of 表3', () => {
    const b = J.bands.map((x) => [x.level, x.range.min, x.range.max, x.range.minInclusive, x.range.maxInclusive]);
    expect(b).toEqual([
      [1, 0, 0, true, true],
      [2, 0, 20, false, false],
      [3, 20, 40, true, false],
      [4, 40, 60, true, false],
      [5, 60, 80, true, false],
      [6, 80, 100, true, false],
    ]);
    expect(J.bands[0]!.fits).toBeNull();
    expect(J.bands[1]!.fits).toEqual({
      low: { min: 0, max: 7, minInclusive: false, maxInclusive: false },
      medium: { min: 7, max: 14, minInclusive: true, maxInclusive: false },
      high: { min: 14, max: 20, minInclusive: true, maxInclusive: false },
    });
    for (const band of J.bands.slice(2)) {
      const lo = band.range.min;
      expect(band.fits).toEqual({
        low: { min: lo, max: lo + 7, minInclusive: true, maxInclusive: false },
        medium: { min: lo + 7, max: lo + 14, minInclusive: true, maxInclusive: false },
        high: { min: lo + 14, max: lo + 20, minInclusive: true, maxInclusive: false },
      });
    }
  });

  it('has the 40 scenarios of 附件4 with exactly the unavailable tiers of RULES §2', () => {
    expect(J.scenarios.map((s) => s.id)).toEqual(Array.from({ length: 40 }, (_, i) => String(i + 1)));
    const fromAdvanced = J.scenarios.filter((s) => s.tiers.basic === null && s.tiers.advanced !== null).map((s) => s.id);
    const fromExcellent = J.scenarios.filter((s) => s.tiers.advanced === null).map((s) => s.id);
    expect(fromAdvanced).toEqual(['1', '2', '4', '8', '11', '23', '39']);
    expect(fromExcellent).toEqual(['28', '29', '34', '35', '36', '37', '38', '40']);
    for (const s of J.scenarios) {
      expect(s.tiers.excellent).not.toBeNull();
      expect(s.tiers.leading).not.toBeNull();
      if (!fromAdvanced.includes(s.id) && !fromExcellent.includes(s.id)) expect(s.tiers.basic).not.toBeNull();
    }
  });

  it('maps scenarios to the 建设环节 of RULES §2', () => {
    const seg = (ids: number[]) => ids.map(String);
    const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);
    const bySegment = (id: string | null) => J.scenarios.filter((s) => s.segment === id).map((s) => s.id);
    expect(bySegment('工厂建设')).toEqual(seg([1, 2, 31, 32, 33]));
    expect(bySegment('研发设计')).toEqual(seg(range(3, 6)));
    expect(bySegment('生产作业')).toEqual(seg(range(9, 13)));
    expect(bySegment('生产管理')).toEqual(seg([7, 8, ...range(14, 24)]));
    expect(bySegment('运营管理')).toEqual(seg(range(25, 30)));
    expect(bySegment(null)).toEqual(seg(range(34, 40)));
    expect(J.scenarios.find((s) => s.id === '20')!.name.zh).toBe('安全一体化管控');
    expect(J.scenarios.find((s) => s.id === '21')!.name.zh).toBe('危险作业自动化');
    expect(J.scenarios.find((s) => s.id === '29')!.name.zh).toBe('供应链物流智能配送');
    expect(J.scenarios.find((s) => s.id === '30')!.name.zh).toBe('供应商数智化管理');
  });

  it('has no empty or garbled scenario text', () => {
    for (const s of J.scenarios) {
      for (const text of [s.guidance, ...TIER_IDS.map((t) => s.tiers[t]).filter((x): x is string => x !== null)]) {
        expect(text.trim()).not.toBe('');
        expect(text).not.toMatch(/\n|— \d+ —/);
        expect(text).not.toMatch(/[\u4e00-\u9fff] [\u4e00-\u9fff]/);
      }
      expect(s.guidance.startsWith('面向')).toBe(true);
    }
  });

  it('pins the tier rules of RULES §3', () => {
    expect(J.tiers.map((t) => [t.id, t.compositeAbove, t.minScenarios, t.requiredSegments, t.minMaturity])).toEqual([
      ['basic', 60, 8, ['生产作业'], 2],
      ['advanced', 70, 15, ['生产作业', '生产管理', '运营管理'], 2],
      ['excellent', 80, 20, ['工厂建设', '研发设计', '生产作业', '生产管理', '运营管理'], 3],
      ['leading', 90, 25, ['工厂建设', '研发设计', '生产作业', '生产管理', '运营管理'], 4],
    ]);
    for (const t of J.tiers) expect(t.description.length).toBeGreaterThan(50);
  });

  it('has the four 基础要求 declarations and the GB/T 39116 levels', () => {
    expect(J.declarations.map((d) => d.key)).toEqual(['scale', 'compliance', 'secureControllable', 'organization']);
    for (const d of J.declarations) expect(d.text.length).toBeGreaterThan(10);
    expect(J.maturityLevels.map((m) => m.label.zh)).toEqual(['一级 规划级', '二级 规范级', '三级 集成级', '四级 优化级', '五级 引领级']);
  });

  it('rejects a data file that breaks the schema, naming the path', () => {
    const broken = JSON.parse(JSON.stringify(J));
    broken.indicators[2].levels.pop();
    broken.tiers[1].requiredSegments.push('不存在');
    expect(() => loadRubric(broken)).toThrow(RubricLoadError);
    try {
      loadRubric(broken);
    } catch (e) {
      const msg = (e as Error).message;
      expect(msg).toContain('indicators.2.levels');
      expect(msg).toContain('tiers.1.requiredSegments');
    }
  });
});

describe('shipped rubrics', () => {
  it('parse under the schema to themselves, so the CLI and the pane may use them without parsing', () => {
    expect(checkShippedRubrics()).toEqual([]);
  });

  it('the check catches data the schema would change', () => {
    const data = SHIPPED_RUBRICS.get('jiangsu-2025') as { title: { zh: string } };
    const before = data.title.zh;
    data.title.zh = ` ${before} `; // the schema trims texts
    try {
      expect(checkShippedRubrics().join('\n')).toContain('jiangsu-2025');
    } finally {
      data.title.zh = before;
    }
  });
});
