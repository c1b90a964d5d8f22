// The application rubric is annex 5 as data: its lists and limits as the annex prints them, checked at load.
import { getApplicationRubric } from '../../../src/domain/rubrics/applications';
import { loadApplicationRubric } from '../../../src/domain/application/load';
import type { AppSection } from '../../../src/domain/application/rubric';
import { countChars } from '../../../src/domain/application/rubric-values';
import data from '../../../src/domain/rubrics/jiangsu-2025-application.json';
import { J } from '../../fixtures/jiangsu';

const app = getApplicationRubric('jiangsu-2025')!;
const section = <K extends AppSection['kind']>(key: string, kind: K) => {
  const s = app.sections.find((x) => x.key === key);
  if (!s || s.kind !== kind) throw new Error(`no ${kind} section ${key}`);
  return s as Extract<AppSection, { kind: K }>;
};

describe('application rubric jiangsu-2025', () => {
  test('belongs to the assessment rubric and lists every choice as annex 5 gives it', () => {
    expect(app.rubric).toBe('jiangsu-2025');
    expect(app.choices.ownership).toEqual(['中央企业', '地方国企', '民营', '三资']);
    expect(app.choices.manufacturing).toEqual(['离散型', '流程型']);
    expect(app.choices.equipment).toHaveLength(7);
    expect(app.choices.equipment).toContain('智能物流与仓储装备');
    expect(app.choices.software).toEqual(['研发设计类', '生产制造类', '经营管理类', '控制执行类', '行业专用类', '新型软件']);
    expect(app.choices.level4!.at(-1)).toBe('未评估');
    expect(app.choices.level5).toHaveLength(6);
    expect(app.choices.securityProtection).toEqual(['一星级', '二星级', '三星级', '四星级', '五星级', '未定级']);
    expect(app.choices.cloudStar).toEqual(['三星', '四星', '五星', '未认定']);
    expect(app.choices.platform).toEqual(['企业', '行业', '区域', '双跨', '未认定']);
    expect(app.choices.smeGrade).toHaveLength(4);
    expect(app.choices.dataModel).toHaveLength(7);
    expect(app.choices.urgency).toEqual(['急缺', '重要', '一般']);
    expect(app.choices.patentType).toEqual(['发明', '实用新型', '外观', '软著']);
  });

  test('word limits: 500 for 企业简介, 工厂简述, plans and instance fields; 1,000 for the main sections', () => {
    const narrative = section('narrative', 'form');
    const limits = Object.fromEntries(narrative.fields.map((f) => [f.key, f.limit]));
    expect(limits).toMatchObject({
      overall: 1000,
      factoryBuild: 1000,
      operations: 1000,
      multiSegment: 1000,
      integration: 1000,
      advancement: 1000,
      results: 1000,
      goals: 500,
      nextSteps: 500,
      growth: 500,
      promotion: 500,
    });
    expect(section('intro', 'form').fields[0]!.limit).toBe(500);
    expect(section('factory', 'form').fields.find((f) => f.key === 'summary')!.limit).toBe(500);
    const instance = section('instances', 'instances');
    expect(instance.minTier).toBe('advanced');
    expect(instance.fields.filter((f) => f.kind === 'longText').every((f) => f.limit === 500)).toBe(true);
    expect(instance.fields.filter((f) => !f.required).map((f) => f.key)).toEqual(['safeguards', 'other']);
  });

  test("工厂整体建设成效 lists the annex's 20 indicators, each with a direction, and room for 10 more", () => {
    const o = section('outcomes', 'outcomes');
    expect(o.indicators).toHaveLength(20);
    expect(o.indicators[0]!.label.zh).toBe('关键设备数控化率');
    expect(o.indicators.find((i) => i.key === 'defectRate')!.direction).toBe('down');
    expect(o.indicators.find((i) => i.key === 'oee')!.direction).toBe('up');
    expect(o.customRows).toBe(10);
  });

  test('three years of five figures, five pledges, six attachments of which two always required', () => {
    const f = section('finance', 'yearly');
    expect(f.years).toEqual([2022, 2023, 2024]);
    expect(f.metrics.map((m) => m.label.zh)).toEqual(['资产总额（万元）', '资产负债率（%）', '主营业务收入（万元）', '利润率（%）', '实缴税金（万元）']);
    expect(section('pledge', 'pledge').statements).toHaveLength(5);
    const att = section('attachments', 'attachments').items;
    expect(att).toHaveLength(6);
    expect(att.filter((i) => i.required === 'always').map((i) => i.key)).toEqual(['license', 'financials']);
  });

  test('自动导入 fields name their source', () => {
    const autos = app.sections.flatMap((s) => (s.kind === 'form' ? s.fields.filter((f) => f.kind === 'auto') : []));
    expect(autos.filter((f) => f.auto && 'computed' in f.auto).map((f) => f.key)).toEqual(['enterpriseType', 'selfScore', 'maturityLevel', 'selfTier']);
  });

  test('a data file with a bad reference fails at load with its path', () => {
    const bad = JSON.parse(JSON.stringify(data));
    bad.sections.find((s: { key: string }) => s.key === 'equipment').columns[0].choices = 'nosuchlist';
    expect(() => loadApplicationRubric(bad, J)).toThrow(/unknown choice list nosuchlist/);
    const noLimit = JSON.parse(JSON.stringify(data));
    delete noLimit.sections.find((s: { key: string }) => s.key === 'intro').fields[0].limit;
    expect(() => loadApplicationRubric(noLimit, J)).toThrow(/sections\.\d+\.fields\.0\.limit/);
  });

  test('each direct-recognition class implies what the notice says of it in the 申报书 (item 二（二）4)', () => {
    const implied = (id: string) => (app.recognitionImplies ?? []).filter((x) => x.recognition === id);
    // 2024 年国家卓越级智能工厂: 国家卓越级智能工厂（年度） is 2024.
    expect(implied('national-excellent-2024')).toEqual([
      { recognition: 'national-excellent-2024', section: 'ratings', field: 'nationalExcellentYear', equals: '2024' },
    ]);
    // 原国家示范工厂揭榜单位、原国家数字领航企业、国家 5G 工厂 且为原省智能制造示范工厂: the provincial one, and a national one.
    expect(implied('national-demonstration')).toEqual([
      { recognition: 'national-demonstration', section: 'ratings', field: 'provincialDemo', equals: '是' },
      {
        recognition: 'national-demonstration',
        anyOf: [
          { section: 'ratings', field: 'nationalProject', equals: '是' },
          { section: 'ratings', field: 'national5g', equals: '是' },
        ],
      },
    ]);
    // 往年入选省智能制造示范工厂、省 5G 工厂、省工业互联网标杆工厂等: 省智能制造示范类 is 是.
    expect(implied('provincial-demonstration')).toEqual([
      { recognition: 'provincial-demonstration', section: 'ratings', field: 'provincialDemo', equals: '是' },
    ]);
    expect(implied('none')).toEqual([]);
    // Every class named is one of the assessment rubric's.
    expect(new Set((app.recognitionImplies ?? []).map((x) => x.recognition))).toEqual(
      new Set(J.recognitions!.filter((x) => x.effect !== 'none').map((x) => x.id)),
    );
  });

  test('an implication naming an unknown class, an unknown field or a value the field cannot show fails at load with its path', () => {
    const withImplies =
      (implies: unknown[], rubric = J) =>
      () =>
        loadApplicationRubric({ ...JSON.parse(JSON.stringify(data)), recognitionImplies: implies }, rubric);
    const ok = { recognition: 'national-excellent-2024', section: 'ratings', field: 'nationalExcellentYear', equals: '2024' };
    expect(withImplies([ok])).not.toThrow();
    expect(withImplies([{ ...ok, recognition: 'national-excellent-2023' }])).toThrow(
      /recognitionImplies\.0\.recognition: unknown recognition national-excellent-2023/,
    );
    expect(withImplies([ok], { ...J, recognitions: undefined })).toThrow(/unknown recognition national-excellent-2024 \(rubric jiangsu-2025 has none\)/);
    expect(withImplies([{ ...ok, field: 'nationalExcellent' }])).toThrow(/recognitionImplies\.0: unknown field ratings\.nationalExcellent/);
    expect(withImplies([{ ...ok, section: 'provincialProjects', field: 'year' }])).toThrow(/unknown field provincialProjects\.year/);
    expect(withImplies([{ ...ok, equals: '2024.5' }])).toThrow(/recognitionImplies\.0\.equals: .*not a whole number/);
    expect(withImplies([{ ...ok, equals: '1999' }])).toThrow(/out of the field's range/);
    expect(withImplies([{ ...ok, field: 'provincialDemo', equals: '有' }])).toThrow(/a 是\/否 field cannot equal 有/);
    expect(withImplies([{ ...ok, field: 'cloudStar', equals: '六星' }])).toThrow(/六星 is not in the list cloudStar/);
    expect(withImplies([{ ...ok, field: 'selfTier', equals: '先进级' }])).toThrow(/自动导入/);
    expect(withImplies([{ ...ok, extra: 1 }])).toThrow(/recognitionImplies\.0/);
    expect(withImplies([{ recognition: 'national-demonstration', anyOf: [{ section: 'ratings', field: 'nationalProject', equals: '是' }] }])).toThrow(
      /recognitionImplies\.0/,
    );
    expect(
      withImplies([
        {
          recognition: 'national-demonstration',
          anyOf: [
            { section: 'ratings', field: 'nationalProject', equals: '是' },
            { section: 'ratings', field: 'national6g', equals: '是' },
          ],
        },
      ]),
    ).toThrow(/recognitionImplies\.0\.anyOf\.1: unknown field ratings\.national6g/);
    expect(() => loadApplicationRubric(data, { id: 'zhejiang-2025', recognitions: J.recognitions })).toThrow(
      /rubric: belongs to rubric jiangsu-2025, checked against zhejiang-2025/,
    );
  });

  test('字 are counted without spaces and line breaks', () => {
    expect(countChars('智能 工厂\n建设　成效 ab')).toBe(10);
  });
});
