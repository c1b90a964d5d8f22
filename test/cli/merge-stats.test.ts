// `sfa merge --json` carries the figures of 统计 (the same numbers), `--stats` prints them, and an --into merge
// keeps counting the enterprises it keeps from the earlier summary.
import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BureauStats } from '../../src/domain';
import { basicTier, enterprise, workbookBytes } from '../fixtures/enterprise-workbooks';
import { runCli } from './run-cli';

/** The (label, count) rows of one section of 统计, found by its title. */
function section(ws: ExcelJS.Worksheet, title: string): [string, number][] {
  let r = 1;
  while (r <= ws.rowCount && ws.getCell(r, 1).value !== title) r++;
  const out: [string, number][] = [];
  for (let i = r + 2; typeof ws.getCell(i, 2).value === 'number'; i++) out.push([String(ws.getCell(i, 1).value), ws.getCell(i, 2).value as number]);
  return out;
}

describe('sfa merge: statistics', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sfa-stats-'));
  const out1 = join(dir, '汇总-1.xlsx');
  const out2 = join(dir, '汇总-2.xlsx');
  beforeAll(async () => {
    writeFileSync(join(dir, '甲.xlsx'), await workbookBytes(enterprise('甲企业', '91320500MA1AAAAA0', 75)));
    writeFileSync(
      join(dir, '丙.xlsx'),
      await workbookBytes(
        enterprise('丙企业', '91320500MA1CCCCC0', 85, (a) => {
          basicTier(a);
          a.profile!.cluster = '新能源';
        }),
      ),
    );
    writeFileSync(
      join(dir, '丁.xlsx'),
      await workbookBytes(enterprise('丁企业', '91320500MA1DDDDD0', 95, (a) => Object.assign(a.profile!, { employees: 1500, revenue: 50000 }))),
    );
  });

  it('--json carries under "stats" exactly the numbers the 统计 sheet shows', async () => {
    const r = await runCli(['merge', join(dir, '甲.xlsx'), join(dir, '丙.xlsx'), '-o', out1, '--json']);
    expect(r.code).toBe(0);
    const stats = (JSON.parse(r.out) as { stats: BureauStats }).stats;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(out1) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toContain('统计');
    const ws = wb.getWorksheet('统计')!;
    const pairs = (rows: { label: string; count: number }[]) => rows.map((x) => [x.label, x.count]);
    expect(section(ws, '按参考等级')).toEqual(pairs(stats.byTier));
    expect(section(ws, '综合得分分布')).toEqual(pairs(stats.composite.bins));
    expect(section(ws, '按所属集群')).toEqual(pairs(stats.byCluster));
    expect(section(ws, '按企业类型')).toEqual(pairs(stats.bySize));
    expect(section(ws, '申报最多的场景（前 10）')).toEqual(pairs(stats.mostClaimed));
    expect(section(ws, '建设环节覆盖（至少一个场景已建设）')).toEqual(pairs(stats.segments));
    expect(stats.byCluster).toEqual([
      { key: '高端装备', label: '高端装备', count: 1 },
      { key: '新能源', label: '新能源', count: 1 },
    ]); // ties in pinyin order
  });

  it('an --into merge still counts the kept enterprises’ sizes and scenarios (stored with their rows)', async () => {
    const r = await runCli(['merge', join(dir, '丁.xlsx'), '--into', out1, '-o', out2, '--json']);
    const stats = (JSON.parse(r.out) as { stats: BureauStats }).stats;
    expect([stats.enterprises, stats.withFacts]).toEqual([3, 3]);
    expect(stats.bySize.filter((s) => s.count > 0).map((s) => [s.label, s.count])).toEqual([
      ['大型', 1],
      ['中型', 2],
    ]);
    expect(stats.scenarios.find((s) => s.key === '26')!.count).toBe(1); // only 丙, kept from the first summary
  });

  it('--stats prints the same figures as text', async () => {
    const r = await runCli(['merge', '--into', out2, '-o', join(dir, '汇总-3.xlsx'), '--stats']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/按参考等级\n {2}领航级 +0 +0\.00%\n {2}卓越级 +0 +0\.00%\n {2}先进级 +2 +66\.67%\n {2}基础级 +1 +33\.33%/);
    expect(r.out).toContain('有综合得分的 3 家：平均 85.00，最低 75.00，最高 95.00。');
    expect(r.out).toMatch(/按企业类型\n {2}大型 +1/);
  });
});
