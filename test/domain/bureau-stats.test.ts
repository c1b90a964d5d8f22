import {
  bureauMerge,
  claimedScenarios,
  districtOf,
  factsFromText,
  factsOf,
  factsToText,
  NOT_CLAIMED,
  type EnterpriseFacts,
  type MergeInput,
} from '../../src/domain';
import { J } from '../fixtures/jiangsu';
import { basicTier, enterprise } from '../fixtures/enterprise-workbooks';

const input = (file: string, a: ReturnType<typeof enterprise>): MergeInput => ({ file, modified: 1000, rubric: J, assessment: a });
const count = (rows: { key: string; count: number }[], key: string) => rows.find((r) => r.key === key)?.count;
/** Facts with their claims as id → tier. */
const readable = (f: EnterpriseFacts | undefined) => {
  if (f === undefined) return undefined;
  const { claims: _c, ...rest } = f;
  return { ...rest, scenarios: claimedScenarios(J, f) };
};

describe('the bureau’s statistics (统计, --json, --stats)', () => {
  const batch = [
    input(
      '甲.xlsx',
      enterprise('甲企业', '91320500MA1AAAAA0', 75, (a) => (a.profile!.address = '江苏省苏州市昆山市玉山镇某路1号')),
    ),
    input(
      '乙.xlsx',
      enterprise('乙企业', '91320500MA1BBBBB0', 60, (a) => {
        a.profile!.cluster = '  新能源 '; // counted as typed, trimmed
        a.profile!.employees = 1200;
        a.profile!.revenue = 50000;
        a.profile!.address = '南京市江宁区秣陵街道';
      }),
    ),
    input(
      '丙.xlsx',
      enterprise('丙企业', '91320500MA1CCCCC0', 85, (a) => {
        basicTier(a);
        a.profile!.cluster = '';
        delete a.profile!.employees;
        a.scenarios!['40'] = 'leading';
      }),
    ),
  ];
  const { stats, rows } = bureauMerge(J, [], batch);

  it('counts enterprises by reference tier, highest first, 未达到 last', () => {
    expect(stats.enterprises).toBe(3);
    expect(stats.byTier.map((r) => r.key)).toEqual(['leading', 'excellent', 'advanced', 'basic', 'none']);
    // 甲 先进级 (75); 乙 has composite 60, not above 60: no tier; 丙 基础级 by its scenarios.
    expect([count(stats.byTier, 'advanced'), count(stats.byTier, 'basic'), count(stats.byTier, 'none')]).toEqual([1, 1, 1]);
  });

  it('bins the composite by the tier thresholds, strictly above each (60 is in 「60 及以下」)', () => {
    expect(stats.composite.bins.map((b) => [b.label, b.count])).toEqual([
      ['60 及以下', 1],
      ['高于 60 至 70', 0],
      ['高于 70 至 80', 1],
      ['高于 80 至 90', 1],
      ['高于 90', 0],
      ['无综合得分', 0],
    ]);
    expect([stats.composite.scored, stats.composite.min, stats.composite.max, stats.composite.mean]).toEqual([3, 60, 85, (60 + 75 + 85) / 3]);
  });

  it('counts 所属集群 trimmed, a blank one as 「（未填写）」, most first', () => {
    expect(stats.byCluster.map((r) => [r.label, r.count])).toEqual([
      ['高端装备', 1],
      ['新能源', 1],
      ['（未填写）', 1],
    ]);
    expect(stats.byIndustry).toEqual([{ key: '通用设备制造业', label: '通用设备制造业', count: 3 }]);
  });

  it('counts 企业类型 and districts from the assessments, unknown ones apart', () => {
    expect(stats.withFacts).toBe(3);
    expect(stats.bySize.map((r) => [r.label, r.count])).toEqual([
      ['大型', 1],
      ['中型', 1],
      ['小型', 0],
      ['微型', 0],
      ['（无法判定）', 1],
    ]);
    expect(stats.byDistrict.map((r) => [r.label, r.count])).toEqual([
      ['江宁区', 1],
      ['昆山市', 1],
      ['（地址未写明）', 1],
    ]); // ties in pinyin order
  });

  it('ranks scenarios by how many enterprises claim them, with the tiers claimed; least claimed from 0 up', () => {
    // All three claim 1–14; 25 only 甲 and 乙 (丙 dropped it), 26 only 丙 at 基础级, 40 only 丙 at 领航级.
    expect(stats.mostClaimed[0]).toMatchObject({ key: '1', count: 3, byTier: { basic: 0, advanced: 3, excellent: 0, leading: 0 } });
    expect(stats.scenarios.find((s) => s.key === '26')).toMatchObject({ count: 1, byTier: { basic: 1, advanced: 0 } });
    expect(stats.scenarios.find((s) => s.key === '40')).toMatchObject({ count: 1, byTier: { leading: 1 } });
    expect(stats.leastClaimed[0]).toMatchObject({ key: '15', count: 0 });
    expect(stats.leastClaimed.every((s, i, a) => i === 0 || a[i - 1]!.count <= s.count)).toBe(true);
  });

  it('counts 建设环节 coverage: enterprises with at least one scenario of the segment built', () => {
    const seg = (id: string) => stats.segments.find((s) => s.key === id)!.count;
    expect(stats.segments.map((s) => s.key)).toEqual(J.segments.map((s) => s.id));
    expect(seg('工厂建设')).toBe(3);
    const segOf40 = J.scenarios.find((s) => s.id === '40')!.segment;
    if (segOf40 !== null) expect(seg(segOf40)).toBeGreaterThanOrEqual(1);
  });

  it('keeps the facts of rows kept from an earlier summary (stored as text), and says how many rows it knows', () => {
    const again = bureauMerge(
      J,
      rows.map((r) => ({ ...r, facts: factsFromText(J, factsToText(J, r.facts!)) })),
      [],
    );
    expect(again.stats).toEqual(stats);
    const without = bureauMerge(
      J,
      rows.map(({ facts: _f, ...r }) => r),
      [input('丁.xlsx', enterprise('丁企业', '91320500MA1DDDDD0', 95))],
    );
    expect([without.stats.enterprises, without.stats.withFacts]).toEqual([4, 1]);
    expect(without.stats.bySize.reduce((n, r) => n + r.count, 0)).toBe(1);
  });

  it('reads a district from a Jiangsu address, or none', () => {
    expect(districtOf('江苏省苏州市昆山市玉山镇某路1号')).toBe('昆山市');
    expect(districtOf('南京市江宁区秣陵街道')).toBe('江宁区');
    expect(districtOf('江苏省无锡市滨湖区')).toBe('滨湖区');
    expect(districtOf('江苏省南通市海安县')).toBe('海安县');
    expect(districtOf('某工业园')).toBeUndefined();
    expect(districtOf(undefined)).toBeUndefined();
  });

  it('stores facts as one line of text and reads back only what the rubric knows', () => {
    const f = factsOf(J, batch[2]!.assessment!);
    expect(factsFromText(J, factsToText(J, f))).toEqual(f);
    expect(readable(factsFromText(J, '巨型|某区|1:advanced,99:leading,2:none,3:x'))).toEqual({ district: '某区', scenarios: { '1': 'advanced' } });
    expect(factsFromText(J, '=cmd|x')).toBeUndefined();
  });

  it('never lets an address break the facts text: a district is Chinese characters only, and one with 「|」 is not stored', () => {
    const addresses = ['江苏省苏州市a|b区某路', '江苏省苏州市昆|山市', '江苏省苏州市昆｜山市', '南京市江宁,区', '南京市江:宁区', '南京市Jiangning区'];
    for (const address of addresses) expect([address, districtOf(address)]).toEqual([address, undefined]);
    const a = batch[2]!.assessment!;
    for (const address of addresses) {
      const f = factsOf(J, { ...a, profile: { ...a.profile, address } });
      expect(factsFromText(J, factsToText(J, f))).toEqual(f);
    }
    // Facts made elsewhere (an older summary's, a caller's) with a separator in the district: the rest survives.
    const f = { size: factsOf(J, a).size, district: '某|区', claims: '1' + NOT_CLAIMED.repeat(J.scenarios.length - 1) };
    expect(factsToText(J, f).split('|')).toHaveLength(3);
    expect(readable(factsFromText(J, factsToText(J, f)))).toEqual({ size: f.size, scenarios: { '1': 'advanced' } });
  });

  it('holds the claims as one character per scenario of the rubric, the same claims the assessment makes', () => {
    const a = batch[2]!.assessment!;
    const f = factsOf(J, a);
    expect(f.claims).toHaveLength(J.scenarios.length);
    const claimed = Object.fromEntries(Object.entries(a.scenarios!).filter(([, t]) => t !== 'none'));
    expect(claimedScenarios(J, f)).toEqual(claimed);
    expect(Object.keys(claimed).length).toBeGreaterThan(10); // 丙 claims scenarios at several tiers, 40 at 领航
    expect(claimedScenarios(J, f)['40']).toBe('leading');
    // The text stored for the next merge lists them by id, in the rubric's order.
    expect(factsToText(J, f).split('|')[2]).toBe(
      Object.entries(claimed)
        .map(([id, t]) => `${id}:${t}`)
        .join(','),
    );
  });
});
