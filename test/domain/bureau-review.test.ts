// 审核: every flag a reviewer sees, one test each; the reviewer's columns through a second merge.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  bureauMerge,
  creditCodeCheckDigit,
  digested,
  earlierReviews,
  parseAssessment,
  reviewCells,
  REVIEW_COLUMNS,
  withEarlierReviews,
  type Assessment,
  type MergeInput,
} from '../../src/domain';
import { checkApplication } from '../../src/domain/application/checks';
import { getApplicationRubric } from '../../src/domain/rubrics/applications';
import { J } from '../fixtures/jiangsu';
import { enterprise } from '../fixtures/enterprise-workbooks';

const input = (file: string, a: ReturnType<typeof enterprise>, extra: Partial<MergeInput> = {}, modified = 1000): MergeInput => ({
  file,
  modified,
  rubric: J,
  assessment: a,
  ...extra,
});
const TODAY = '2026-12-01';
const honest = { composite: 75, tier: '先进级', errors: 0 };

describe('审核: what a reviewer checks', () => {
  it('flags a workbook whose saved results claim 领航级 and ranks it by the recomputed tier', () => {
    const r = bureauMerge(
      J,
      [],
      [
        input('甲.xlsx', enterprise('甲企业', '91320500MA1AAAAA0', 75), { cached: { composite: 75, tier: '先进级', errors: 0 }, sha256: 'a'.repeat(64) }),
        input('篡改.xlsx', enterprise('篡改企业', '91320500MA1TTTTT0', 72), { cached: { composite: 95, tier: '领航级', errors: 0 }, sha256: 'b'.repeat(64) }),
      ],
      { today: TODAY },
    );
    // Ranked by the recomputed 先进级 and 72 < 75: second, not first as 领航级 would be.
    expect(r.rows.map((x) => x.enterpriseName)).toEqual(['甲企业', '篡改企业']);
    const [ok, bad] = r.review;
    expect(ok).toMatchObject({
      tampered: false,
      resultCheck: '一致',
      attention: '',
      cachedTier: '先进级',
      cachedComposite: 75,
      tier: '先进级',
      sha256: 'a'.repeat(64),
    });
    expect(bad).toMatchObject({
      tampered: true,
      attention: '需核实',
      cachedTier: '领航级',
      cachedComposite: 95,
      tier: '先进级',
      composite: 72,
      file: '篡改.xlsx',
      sha256: 'b'.repeat(64),
    });
    expect(bad!.resultCheck).toMatch(/^不一致：/);
    expect(bad!.resultCheck).toContain('领航级');
    expect(bad!.resultCheck).toContain('95.00');
  });

  it('says when there is nothing to compare: a JSON file, a workbook that saved no results', () => {
    const r = bureauMerge(
      J,
      [],
      [
        input('甲.json', enterprise('甲企业', '91320500MA1AAAAA0', 75)),
        input('乙.xlsx', enterprise('乙企业', '91320500MA1BBBBB0', 75), { cached: { composite: null, tier: null, errors: null } }),
      ],
    );
    expect(r.review.map((x) => [x.enterpriseName, x.resultCheck, x.tampered])).toEqual([
      ['甲企业', 'JSON 文件，无计算结果可核对', false],
      ['乙企业', '文件未保存计算结果，无法核对', false],
    ]);
  });

  it('checks the credit code’s check digit and format', () => {
    const wrong = '91320500MA1AAAAA0' + (creditCodeCheckDigit('91320500MA1AAAAA0') === '1' ? '2' : '1');
    const r = bureauMerge(
      J,
      [],
      [
        input(
          '甲.xlsx',
          enterprise('甲企业', '91320500MA1AAAAA0', 75, (a) => (a.profile!.creditCode = wrong)),
          { cached: honest },
        ),
        input(
          '乙.xlsx',
          enterprise('乙企业', '91320500MA1BBBBB0', 75, (a) => (a.profile!.creditCode = '无')),
          { cached: honest },
        ),
        input('丙.xlsx', enterprise('丙企业', '91320500MA1CCCCC0', 75), { cached: honest }),
      ],
    );
    const check = (name: string) => r.review.find((x) => x.enterpriseName === name)!;
    expect(check('甲企业').creditCheck).toBe(`校验位不对：按 GB 32100 第 18 位应为 ${creditCodeCheckDigit('91320500MA1AAAAA0')}`);
    expect(check('乙企业').creditCheck).toMatch(/^格式不对/);
    expect(check('丙企业').creditCheck).toBe('通过');
    expect([check('甲企业').attention, check('乙企业').attention, check('丙企业').attention]).toEqual(['需核实', '需核实', '']);
  });

  it('flags one credit code under two names, and one name under two credit codes', () => {
    const r = bureauMerge(
      J,
      [],
      [
        input('甲.xlsx', enterprise('甲企业', '91320500MA1AAAAA0', 75), { cached: honest }),
        input('冒用.xlsx', enterprise('另一家企业', '91320500MA1AAAAA0', 75), { cached: honest }),
        input('乙-1.xlsx', enterprise('乙企业', '91320500MA1BBBBB0', 75), { cached: honest }),
        input(
          '乙-2.xlsx',
          enterprise('乙企业', '91320500MA1EEEEE0', 76, (a) => (a.profile!.factoryName = '乙企业二厂')),
          { cached: honest },
        ),
      ],
    );
    const by = (file: string) => r.review.find((x) => x.file === file)!;
    expect(by('冒用.xlsx').duplicates).toContain('91320500MA1AAAAA0'.slice(0, 17));
    expect(by('甲.xlsx').duplicates).not.toBe('');
    expect(by('乙-1.xlsx').duplicates).toContain('同名企业另有统一社会信用代码');
    expect(by('乙-2.xlsx').duplicates).toContain(by('乙-1.xlsx').creditCode);
    expect(r.review.every((x) => x.attention === '需核实')).toBe(true);
  });

  it('lists missing required profile fields, errors and future dates', () => {
    const r = bureauMerge(
      J,
      [],
      [
        input(
          '甲.xlsx',
          enterprise('甲企业', '91320500MA1AAAAA0', 75, (a) => {
            delete a.profile!.contactMobile;
            a.profile!.industry = ' ';
            a.profile!.fillDate = '2099-01-01';
          }),
          { cached: honest },
        ),
      ],
      { today: TODAY },
    );
    const [row] = r.review;
    expect(row!.missing).toBe('所属行业、联系人手机');
    expect(row!.dateCheck).toContain('2099-01-01');
    expect(row!.problems).toMatch(/^\d+ 个错误，\d+ 个提示$/);
    expect(row!.attention).toBe('需核实');
  });

  it('keeps 审核意见 and 是否推荐 through a second merge with new files, also for an enterprise that sends a newer file', () => {
    const first = bureauMerge(
      J,
      [],
      [
        input('甲.xlsx', enterprise('甲企业', '91320500MA1AAAAA0', 75), { cached: honest }),
        input('乙.xlsx', enterprise('乙企业', '91320500MA1BBBBB0', 78), { cached: { composite: 78, tier: '先进级', errors: 0 }, sha256: 'c'.repeat(64) }),
      ],
    );
    // The reviewer fills in the two columns; the cells come back as the file holds them.
    const cells = first.review.map((x) => [...reviewCells(x), x.key]);
    const col = (c: (typeof REVIEW_COLUMNS)[number]) => REVIEW_COLUMNS.indexOf(c);
    const jia = cells.find((r) => r[col('enterpriseName')] === '甲企业')!;
    const yi = cells.find((r) => r[col('enterpriseName')] === '乙企业')!;
    jia[col('opinion')] = '材料齐全，建议推荐';
    jia[col('recommend')] = '是';
    yi[col('opinion')] = '需补充能耗数据';
    const earlier = earlierReviews(
      cells,
      cells.map((r) => r[REVIEW_COLUMNS.length]),
    );
    const rows = withEarlierReviews(first.rows, earlier);
    const second = bureauMerge(J, rows, [
      input('甲-新.xlsx', enterprise('甲企业', '91320500MA1AAAAA0', 80), { cached: { composite: 80, tier: '先进级', errors: 0 } }, 2000),
      input('丙.xlsx', enterprise('丙企业', '91320500MA1CCCCC0', 70), { cached: honest }),
    ]);
    const by = (name: string) => second.review.find((x) => x.enterpriseName === name)!;
    expect([by('甲企业').opinion, by('甲企业').recommend, by('甲企业').file]).toEqual(['材料齐全，建议推荐', '是', '甲-新.xlsx']);
    // 乙 was not in the second batch: its row and its earlier review (file, hash) are kept as they were.
    expect([by('乙企业').opinion, by('乙企业').recommend, by('乙企业').file, by('乙企业').sha256]).toEqual(['需补充能耗数据', '', '乙.xlsx', 'c'.repeat(64)]);
    expect(by('乙企业').resultCheck).toBe('一致');
    expect([by('丙企业').opinion, by('丙企业').recommend]).toEqual(['', '']);
  });
});

describe('审核: how complete the 申报书 is', () => {
  const example = parseAssessment(J, JSON.parse(readFileSync(join(__dirname, '..', '..', 'examples', 'application.json'), 'utf8')));
  if (!example.ok) throw new Error('examples/application.json does not parse');
  const full = example.assessment;
  const named = (a: Assessment, name: string): Assessment => ({ ...a, profile: { ...a.profile, enterpriseName: name, creditCode: undefined } });

  it('counts the required entries filled as the pane’s 申报书 tab does, and names the sections not complete', () => {
    const noNarrative = structuredClone(full);
    delete noNarrative.application!.narrative;
    const r = bureauMerge(
      J,
      [],
      [input('全.json', full), input('缺正文.json', named(noNarrative, '乙企业')), input('无.json', named({ ...full, application: undefined }, '丙企业'))],
      {
        today: '2025-03-15',
      },
    );
    const byName = new Map(r.review.map((x) => [x.enterpriseName, x.application]));
    // the same figures the pane shows section by section (checkApplication), summed
    const sum = (a: Assessment): [number, number] => {
      const rep = checkApplication(getApplicationRubric(J.id)!, J, a, { today: '2025-03-15' });
      return [rep.sections.reduce((n, s) => n + s.filled, 0), rep.sections.reduce((n, s) => n + s.required, 0)];
    };
    const [f, req] = sum(full);
    expect(f).toBe(req);
    expect(byName.get(full.profile!.enterpriseName!)).toBe(`已填 ${f}/${req} 项`);
    const [f2] = sum(noNarrative);
    expect(f2).toBeLessThan(req);
    expect(byName.get('乙企业')).toMatch(new RegExp(`^已填 ${f2}/${req} 项；未完成：申报书正文；[1-9]\\d* 个错误$`));
    expect(byName.get('丙企业')).toBe('无申报书');
    const cells = reviewCells(r.review[0]!);
    expect(cells[REVIEW_COLUMNS.indexOf('application')]).toBe(r.review[0]!.application);
    // The CLI keeps only each file's digest (the assessment dropped once scored): the column says the same.
    const batch = [input('全.json', full), input('缺正文.json', named(noNarrative, '乙企业'))].map((x) => digested(x, { today: '2025-03-15' }));
    expect(batch.every((x) => x.assessment === undefined)).toBe(true);
    const fromDigests = bureauMerge(J, [], batch, { today: '2025-03-15' });
    expect(fromDigests.review.map((x) => x.application)).toEqual(r.review.filter((x) => x.enterpriseName !== '丙企业').map((x) => x.application));
  });
});
