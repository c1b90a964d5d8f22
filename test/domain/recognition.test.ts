// The notice's item 二（二）4: enterprises already recognised (2024 国家卓越级, 国家示范类 and 原省示范) are marked
// in the profile; the merge lists them first with their 备注 rather than by score, and 审核, 统计, the letter say so.
import {
  bureauMerge,
  factsFromText,
  factsToText,
  NOT_CLAIMED,
  isDirectlyRecognised,
  parseAssessment,
  summaryRemark,
  score,
  type MergeInput,
} from '../../src/domain';
import { letterContent } from '../../src/domain/bureau/letter';
import { J } from '../fixtures/jiangsu';
import { basicTier, enterprise } from '../fixtures/enterprise-workbooks';

const input = (file: string, a: ReturnType<typeof enterprise>, modified = 1000): MergeInput => ({ file, modified, rubric: J, assessment: a });
const recognised = (id: string) => (a: ReturnType<typeof enterprise>) => {
  a.profile = { ...a.profile, recognition: id };
};

describe('直接认定类别 in the exchange JSON', () => {
  it('accepts each class of the rubric and a file without the field, and names the field of an unknown class', () => {
    for (const x of J.recognitions!) {
      const r = parseAssessment(J, { profile: { enterpriseName: '甲', recognition: x.id } });
      expect(r.ok && r.assessment.profile?.recognition).toBe(x.id);
    }
    expect(parseAssessment(J, { profile: { enterpriseName: '甲' } }).ok).toBe(true);
    const bad = parseAssessment(J, { profile: { recognition: '国家卓越级' } });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems[0]).toMatchObject({ path: 'profile.recognition', message: expect.stringContaining('national-excellent-2024') });
  });

  it('the rubric says which classes are recognised directly (the notice: 卓越级 and 国家示范类 yes, 往年省示范 to expert review)', () => {
    expect(J.recognitions!.filter((x) => isDirectlyRecognised(J, x.id)).map((x) => x.id)).toEqual(['national-excellent-2024', 'national-demonstration']);
    expect(J.recognitions!.find((x) => x.id === 'provincial-demonstration')!.effect).toBe('expertReview');
  });
});

describe('the merge lists directly recognised enterprises by their class, not by score', () => {
  const batch = [
    input('甲.xlsx', enterprise('甲企业', '91320500MA1AAAAA0', 78)),
    // 基础级 by its scenarios, yet recognised as 2024 国家卓越级: listed first, with that 备注.
    input(
      '卓越.xlsx',
      enterprise('卓越企业', '91320500MA1EEEEE0', 72, (a) => (basicTier(a), recognised('national-excellent-2024')(a))),
    ),
    input('示范.xlsx', enterprise('示范企业', '91320500MA1DDDDD0', 71, recognised('national-demonstration'))),
    input('省示范.xlsx', enterprise('省示范企业', '91320500MA1PPPPP0', 76, recognised('provincial-demonstration'))),
    input('无.xlsx', enterprise('无认定企业', '91320500MA1NNNNN0', 80, recognised('none'))),
  ];
  const r = bureauMerge(J, [], batch, { today: '2026-12-01' });

  it('puts the recognised first (in the notice’s order), then the others by tier and composite', () => {
    expect(r.rows.map((x) => [x.seq, x.enterpriseName])).toEqual([
      [1, '卓越企业'],
      [2, '示范企业'],
      [3, '无认定企业'],
      [4, '甲企业'],
      [5, '省示范企业'],
    ]);
  });

  it('gives 备注 the class for the recognised, and 「直接进入专家评审」 before the usual 备注 for 往年省示范', () => {
    const remark = (name: string) => r.rows.find((x) => x.enterpriseName === name)!.remark;
    expect(remark('卓越企业')).toBe('直接认定：2024 年国家卓越级智能工厂');
    expect(remark('示范企业')).toBe('直接认定（经信用审查）：国家示范类且为原省智能制造示范工厂');
    expect(remark('省示范企业')).toBe('直接进入专家评审：往年省示范类；先进级，综合得分 76.00');
    expect(remark('无认定企业')).toBe('先进级，综合得分 80.00');
    expect(summaryRemark(J, score(J, batch[1]!.assessment!, { lang: 'en' }), 'en', 'national-excellent-2024')).toBe(
      'Recognised directly: 2024 national Excellent smart factory',
    );
    // none is no class: nothing stored
    expect(r.rows.find((x) => x.enterpriseName === '无认定企业')!.recognition).toBeUndefined();
    // each file's report (what `sfa merge --json` prints) names its class
    expect(r.report.files.map((f) => [f.file, f.recognition])).toEqual([
      ['甲.xlsx', undefined],
      ['卓越.xlsx', 'national-excellent-2024'],
      ['示范.xlsx', 'national-demonstration'],
      ['省示范.xlsx', 'provincial-demonstration'],
      ['无.xlsx', undefined],
    ]);
  });

  it('lets the bureau’s 推荐顺序 decide over the class', () => {
    const ranked = r.rows.map((x) => (x.enterpriseName === '甲企业' ? { ...x, priority: 1 } : x));
    const again = bureauMerge(J, ranked, [], {});
    expect(again.rows.map((x) => x.enterpriseName)).toEqual(['甲企业', '卓越企业', '示范企业', '无认定企业', '省示范企业']);
  });

  it('keeps the class through the hidden facts, so a re-merge with no files still lists them first', () => {
    const back = r.rows.map((x) => {
      const facts = factsFromText(J, factsToText(J, x.facts!))!;
      return { ...x, facts, recognition: facts.recognition, tier: x.tier, composite: x.composite };
    });
    expect(back.find((x) => x.enterpriseName === '卓越企业')!.recognition).toBe('national-excellent-2024');
    // an older summary's facts (three parts) still read, with no class
    const oneClaim = '1' + NOT_CLAIMED.repeat(J.scenarios.length - 1);
    expect(factsFromText(J, '中型||1:advanced')).toEqual({ size: '中型', claims: oneClaim });
    expect(factsFromText(J, '中型||1:advanced|made-up')).toEqual({ size: '中型', claims: oneClaim });
    const shuffled = [...back].reverse().map((x) => ({ ...x, remark: x.remark }));
    expect(bureauMerge(J, shuffled, []).rows.map((x) => x.enterpriseName)).toEqual(r.rows.map((x) => x.enterpriseName));
  });

  it('shows the class in 审核, counts it in 统计 and in the cover letter', () => {
    const review = (name: string) => r.review.find((x) => x.enterpriseName === name)!;
    expect(review('卓越企业').recognition).toBe('直接认定：2024 年国家卓越级智能工厂');
    expect(review('甲企业').recognition).toBe('否');
    expect(r.stats.byRecognition).toEqual([
      { key: 'national-excellent-2024', label: '2024 年国家卓越级智能工厂', count: 1 },
      { key: 'national-demonstration', label: '国家示范类且为原省智能制造示范工厂', count: 1 },
      { key: 'provincial-demonstration', label: '往年省示范类（直接进入专家评审）', count: 1 },
      { key: '', label: '其余（按自评结果推荐）', count: 2 },
    ]);
    expect(bureauMerge(J, [], [batch[0]!]).stats.byRecognition).toEqual([]);
    const letter = letterContent(J, { unit: '苏州市工业和信息化局', contact: '', phone: '', date: '2025-04-03', rows: r.rows });
    expect(letter.paragraphs[1]).toContain(
      '推荐 5 家企业的智能工厂申报江苏省先进级智能工厂（直接认定 2 家：2024 年国家卓越级智能工厂 1 家、国家示范类且为原省智能制造示范工厂 1 家；自评参考等级：先进级 3 家）',
    );
  });
});
