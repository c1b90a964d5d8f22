// Every tie between the 申报书 and the self-assessment, one test each: what the checks say, where, and how bad.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applicationTotals, checkApplication, type ApplicationReport } from '../../../src/domain/application/checks';
import { getApplicationRubric } from '../../../src/domain/rubrics/applications';
import type { Assessment } from '../../../src/domain';
import { J } from '../../fixtures/jiangsu';

const app = getApplicationRubric('jiangsu-2025')!;
const example: Assessment = JSON.parse(readFileSync(join(__dirname, '../../../examples/application.json'), 'utf8'));
/** A copy of the example with its application changed by `edit`. */
const variant = (edit: (a: Record<string, any>, whole: Assessment) => void): Assessment => {
  const a: Assessment = JSON.parse(JSON.stringify(example));
  edit(a.application as Record<string, any>, a);
  return a;
};
const check = (a: Assessment, lang: 'zh' | 'en' = 'zh') => checkApplication(app, J, a, { lang, today: '2025-03-20' });
const codes = (r: ApplicationReport) => [...r.errors.map((e) => `E ${e.code} ${e.path}`), ...r.warnings.map((w) => `W ${w.code} ${w.path}`)];

describe('checkApplication', () => {
  test('the complete example is complete, without errors or warnings', () => {
    const r = check(example);
    expect(codes(r)).toEqual([]);
    expect(r.complete).toBe(true);
    expect(r.sections.every((s) => s.filled === s.required)).toBe(true);
    expect(r.sections.find((s) => s.key === 'instances')!.required).toBe(16 * 7);
  });

  test('a scenario claimed at 先进级 or higher without an instance description is an error', () => {
    const r = check(variant((a) => delete a.instances['10']));
    expect(codes(r)).toEqual(['E instance-missing application.instances.10']);
    expect(r.errors[0]!.message).toBe('场景「10 人机协同制造」自评为先进级，附1-1 缺少该场景实例的描述');
    expect(r.complete).toBe(false);
  });

  test('an instance of a scenario that is not claimed (or only at 基础级) is an error', () => {
    const r = check(
      variant((a, whole) => {
        a.instances['2'] = { name: '数字孪生工厂' };
        whole.scenarios!['3'] = 'basic';
      }),
    );
    expect(codes(r)).toEqual(expect.arrayContaining(['E instance-unclaimed application.instances.2', 'E instance-unclaimed application.instances.3']));
  });

  test('a required instance field left empty is a warning naming the scenario', () => {
    const r = check(variant((a) => delete a.instances['14'].economics));
    expect(codes(r)).toEqual(['W required application.instances.14.economics']);
    expect(r.warnings[0]!.message).toMatch(/^14 在线智能检测：经济性和可推广性/);
  });

  test('a 环节 section left empty while a scenario of that 环节 is claimed is an error; without one it may stay empty', () => {
    expect(codes(check(variant((a) => delete a.narrative.rnd)))).toEqual(['E segment-empty application.narrative.rnd']);
    const noRnd = variant((a, whole) => {
      delete a.narrative.rnd;
      delete a.instances['3'];
      delete a.instances['5'];
      a.software = a.software.filter((x: { scenario: string }) => x.scenario !== '3');
      a.dataModels = a.dataModels.filter((x: { scenario: string }) => x.scenario !== '3');
      whole.scenarios!['3'] = 'basic';
      whole.scenarios!['5'] = 'basic';
      delete a.ratings.selfTier; // 14 scenarios at 先进级 no longer reach it: the imported tier would differ
    });
    expect(codes(check(noRnd))).toEqual([]);
  });

  test('a narrative over its limit is an error saying the limit and the count (spaces and line breaks not counted)', () => {
    const r = check(variant((a) => (a.narrative.goals = '目'.repeat(500) + ' \n' + '标')));
    expect(codes(r)).toEqual(['E over-limit application.narrative.goals']);
    expect(r.errors[0]!.message).toBe('（一）预期目标超过 500 字：现为 501 字');
    expect(codes(check(variant((a) => (a.narrative.goals = '目'.repeat(500) + ' \n　'))))).toEqual([]);
    expect(codes(check(variant((a) => (a.instances['9'].description = '描'.repeat(501)))))).toEqual(['E over-limit application.instances.9.description']);
  });

  test('建成后 worse than 建设前 is a warning, in the direction the indicator should move', () => {
    const r = check(
      variant((a) => {
        a.outcomes.defectRate = { before: 1.5, after: 2.3 }; // should fall
        a.outcomes.oee = { before: 79, after: 68 }; // should rise
        a.outcomes.devCycle = { before: 180, after: 120 }; // fell: better
        a.outcomes.custom.push({ label: '能耗', direction: 'down', before: 1, after: 2 });
      }),
    );
    expect(codes(r)).toEqual([
      'W outcome-worse application.outcomes.defectRate.after',
      'W outcome-worse application.outcomes.oee.after',
      'W outcome-worse application.outcomes.custom.1.after',
    ]);
  });

  test('a factory not yet completed (after the 申报日期, or today without one) is an error', () => {
    expect(codes(check(variant((a) => (a.factory.endDate = '2025-03-16'))))).toEqual(['E not-completed application.factory.endDate']);
    const noDate = variant((a) => {
      delete a.cover.applicationDate;
      a.factory.endDate = '2025-03-19';
    });
    expect(codes(check(noDate))).toEqual(['W required application.cover.applicationDate']);
    expect(codes(check(variant((a) => (a.factory.startDate = '2024-11-01'))))).toEqual(['E not-completed application.factory.startDate']);
  });

  test('a missing required attachment is an error; 荣誉证明 only when an honour is claimed', () => {
    expect(codes(check(variant((a) => (a.attachments.license = { provided: false }))))).toEqual([
      'E attachment-missing application.attachments.license.provided',
    ]);
    expect(codes(check(variant((a) => delete a.attachments.honours)))).toEqual(['E attachment-missing application.attachments.honours.provided']);
    const noHonours = variant((a) => {
      delete a.attachments.honours;
      a.ratings.provincialDemo = false;
      delete a.provincialProjects;
    });
    expect(codes(check(noHonours))).toEqual([]);
    expect(codes(check(variant((a) => delete a.attachments.ip.file)))).toEqual(['W required application.attachments.ip.file']);
  });

  test('企业类型, 自评得分, 成熟度等级 and 自评等级 must equal what the assessment computes', () => {
    const r = check(
      variant((a) => {
        a.basic.enterpriseType = '大型';
        a.ratings.selfScore = 75;
        a.ratings.selfTier = 'excellent';
        a.ratings.maturityLevel = 3;
      }),
    );
    expect(codes(r)).toEqual([
      'E auto-mismatch application.basic.enterpriseType',
      'E auto-mismatch application.ratings.selfScore',
      'E auto-mismatch application.ratings.maturityLevel',
      'E auto-mismatch application.ratings.selfTier',
    ]);
    expect(r.errors[1]!.message).toBe('江苏企业数字化转型通用能力自评得分（分）应与自评结果一致（自动导入）：填写的是「75.00」，自评结果为「70.50」');
    expect(r.errors[3]!.message).toMatch(/「卓越级」，自评结果为「先进级」/);
    // Equal to two decimals, and 「中型企业」 for 中型, are the same.
    expect(codes(check(variant((a) => ((a.ratings.selfScore = 70.5), (a.basic.enterpriseType = '中型企业')))))).toEqual([]);
  });

  test('附1-2 rows must belong to a claimed scenario; half-filled rows name the missing column', () => {
    const r = check(
      variant((a) => {
        a.equipment[0].scenario = '2';
        delete a.software[0].scenario;
        delete a.processes[0].name;
      }),
    );
    expect(codes(r)).toEqual([
      'E resource-scenario application.equipment.0.scenario',
      'E resource-scenario application.software.0.scenario',
      'E required application.processes.0.name',
    ]);
  });

  test('conditional fields are asked only when their condition holds; numbers outside their bounds', () => {
    expect(codes(check(variant((a) => (a.ratings.nationalProject = true))))).toEqual(['W required application.ratings.nationalProjectName']);
    expect(codes(check(variant((a) => (a.finance['2023'].debtRatio = 120))))).toEqual(['W check-value application.finance.2023.debtRatio']);
    expect(codes(check(variant((a) => (a.finance['2023'].totalAssets = -1))))).toEqual(['E out-of-range application.finance.2023.totalAssets']);
    expect(codes(check(variant((a) => (a.basic.legalPhone = '电话'))))).toEqual(['E phone-invalid application.basic.legalPhone']);
  });

  test('an unconfirmed pledge is a warning; completeness counts it', () => {
    const r = check(variant((a) => (a.pledge.confirmed[3] = false)));
    expect(codes(r)).toEqual(['W pledge-not-confirmed application.pledge.confirmed.3']);
    const p = r.sections.find((s) => s.key === 'pledge')!;
    expect([p.filled, p.required]).toEqual([5, 6]);
    expect(r.complete).toBe(false);
  });

  test('messages in English with lang en', () => {
    const r = check(
      variant((a) => delete a.instances['10']),
      'en',
    );
    expect(r.errors[0]!.message).toBe('scenario “10 Human-robot collaborative manufacturing” is self-assessed at Advanced but 附1-1 has no instance for it');
  });

  test('no application: nothing is required yet beyond what the sections ask, and nothing crashes', () => {
    const r = check({ ...example, application: undefined });
    expect(r.complete).toBe(false);
    expect(r.errors.filter((e) => e.code === 'instance-missing')).toHaveLength(16);
  });
});

describe('checkApplication: 企业信息’s 直接认定 against the 申报书 (the notice’s item 二（二）4)', () => {
  /** The example with this 直接认定 class and its 评价评估与荣誉 changed by `edit`. */
  const recognised = (id: string | undefined, edit: (ratings: Record<string, unknown>) => void = () => {}) =>
    variant((a, whole) => {
      whole.profile = { ...whole.profile, ...(id ? { recognition: id } : {}) };
      edit(a.ratings);
    });

  test('2024 年国家卓越级智能工厂 with 国家卓越级智能工厂（年度） empty or another year is a warning saying what it should be', () => {
    const empty = check(recognised('national-excellent-2024'));
    expect(codes(empty)).toEqual(['W recognition-mismatch application.ratings.nationalExcellentYear']);
    expect(empty.warnings[0]!.message).toBe('企业信息选了直接认定“2024 年国家卓越级智能工厂”，「国家卓越级智能工厂（年度）」应为「2024」（现未填写）');
    const other = check(recognised('national-excellent-2024', (r) => (r.nationalExcellentYear = 2023)));
    expect(other.warnings.map((w) => w.message)).toEqual([
      '企业信息选了直接认定“2024 年国家卓越级智能工厂”，「国家卓越级智能工厂（年度）」应为「2024」（现为「2023」）',
    ]);
    expect(codes(check(recognised('national-excellent-2024', (r) => (r.nationalExcellentYear = 2024))))).toEqual([]);
  });

  test('a warning, not an error: the 申报书 stays complete and its error count does not move', () => {
    const r = check(recognised('national-excellent-2024'));
    expect(r.errors).toEqual([]);
    expect(r.complete).toBe(true);
    const ratings = r.sections.find((s) => s.key === 'ratings')!;
    expect([ratings.errors, ratings.warnings]).toEqual([0, 1]);
    expect(applicationTotals(r).errors).toBe(0);
  });

  test('a field with an error of its own shows that error only (it is fixed first)', () => {
    const r = check(recognised('national-excellent-2024', (r) => (r.nationalExcellentYear = 2024.5)));
    expect(codes(r)).toEqual(['E out-of-range application.ratings.nationalExcellentYear']);
  });

  test('往年省示范类 and 国家示范类 want 省智能制造示范类 是; 国家示范类 also a national project or a national 5G factory', () => {
    // The example answers 省智能制造示范类 是, 国家智能制造相关项目 否, 国家 5G 工厂 否.
    expect(codes(check(recognised('provincial-demonstration')))).toEqual([]);
    const no = check(recognised('provincial-demonstration', (r) => (r.provincialDemo = false)));
    expect(codes(no)).toEqual(['W recognition-mismatch application.ratings.provincialDemo']);
    expect(no.warnings[0]!.message).toMatch(/^企业信息选了直接认定“往年省示范类（直接进入专家评审）”，「省智能制造示范类（.*）」应为「是」（现为「否」）$/);
    const national = check(recognised('national-demonstration', (r) => delete r.provincialDemo));
    expect(codes(national)).toEqual([
      'W recognition-mismatch application.ratings.provincialDemo',
      'W recognition-mismatch application.ratings.nationalProject',
    ]);
    expect(national.warnings[1]!.message).toBe(
      '企业信息选了直接认定“国家示范类且为原省智能制造示范工厂”，应至少有一项：「是否入选过国家智能制造相关项目」为「是」，或「是否入选过国家 5G 工厂等相关新技术应用类工厂」为「是」',
    );
    for (const yes of ['nationalProject', 'national5g'])
      expect(codes(check(recognised('national-demonstration', (r) => (r[yes] = true))))).toEqual([`W required application.ratings.${yes}Name`]);
  });

  test('a required field left empty: 未填写 and the recognition’s warning, both warnings', () => {
    expect(codes(check(recognised('national-demonstration', (r) => delete r.nationalProject)))).toEqual([
      'W required application.ratings.nationalProject',
      'W recognition-mismatch application.ratings.nationalProject',
    ]);
  });

  test('no class, 无, or a 申报书 that agrees: nothing to say', () => {
    const disagreeing = (r: Record<string, unknown>) => {
      r.provincialDemo = false;
      delete r.nationalExcellentYear;
    };
    expect(codes(check(recognised(undefined, disagreeing)))).toEqual([]);
    expect(codes(check(recognised('none', disagreeing)))).toEqual([]);
  });

  test('in English', () => {
    const r = check(
      recognised('national-excellent-2024', (r) => (r.nationalExcellentYear = 2023)),
      'en',
    );
    expect(r.warnings[0]!.message).toBe(
      '企业信息 gives the direct recognition “2024 national Excellent smart factory”, so “National excellent-tier smart factory (year)” should be “2024” (now “2023”)',
    );
    const n = check(recognised('national-demonstration'), 'en');
    expect(n.warnings[0]!.message).toBe(
      '企业信息 gives the direct recognition “National demonstration and former provincial demonstration factory”, so “Selected for a national smart-manufacturing project” should be “是” (yes), or “Selected as a national 5G (or similar) factory” should be “是” (yes)',
    );
  });
});
