// `sfa score` with a 申报书: its checks follow the report (text and JSON), its errors make the exit code 1, and
// they never change the self-assessment's tier.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './run-cli';
import { writeWorkbook } from '../../src/adapters/xlsx/write';
import { buildLayout } from '../../src/workbook/layout';
import { inputsFromAssessment } from '../../src/workbook/inputs';
import { cellForPath } from '../../src/workbook/paths';
import { J } from '../fixtures/jiangsu';

const ROOT = join(__dirname, '..', '..');
const example = join(ROOT, 'examples', 'application.json');

describe('sfa score with an application', () => {
  test('the complete example: the 申报书 is complete, exit 0', async () => {
    const r = await runCli(['score', example]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/申报书（附件5）：已完整/);
    expect(r.out).toMatch(/✓ 附1-1 每个场景实例描述 {2}112\/112/);
    const j = await runCli(['score', example, '--json']);
    const report = JSON.parse(j.out);
    expect(report.tier).toBe('advanced');
    expect(report.application).toMatchObject({ complete: true, errors: [], warnings: [] });
  });

  test('a scenario without its instance: the error and its path are printed, exit 1, tier unchanged', async () => {
    const a = JSON.parse(readFileSync(example, 'utf8'));
    delete a.application.instances['10'];
    const dir = mkdtempSync(join(tmpdir(), 'sfa-app-'));
    const file = join(dir, 'a.json');
    writeFileSync(file, JSON.stringify(a));
    const r = await runCli(['score', file]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/申报书错误（1）\n {2}✗ application\.instances\.10 {2}场景「10 人机协同制造」自评为先进级，附1-1 缺少该场景实例的描述/);
    const j = JSON.parse((await runCli(['score', file, '--json'])).out);
    expect(j.tier).toBe('advanced');
    expect(j.errors).toEqual([]);
    expect(j.application.errors.map((e: { code: string }) => e.code)).toEqual(['instance-missing']);
  });

  test('企业信息’s 直接认定 against the 申报书: a warning, exit 0, named by its path (JSON) or 工作表!单元格 (workbook)', async () => {
    const a = JSON.parse(readFileSync(example, 'utf8'));
    a.profile.recognition = 'national-excellent-2024';
    const dir = mkdtempSync(join(tmpdir(), 'sfa-app-'));
    const json = join(dir, 'a.json');
    writeFileSync(json, JSON.stringify(a));
    const sentence = '企业信息选了直接认定“2024 年国家卓越级智能工厂”，「国家卓越级智能工厂（年度）」应为「2024」（现未填写）';
    const r = await runCli(['score', json]);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`申报书提示（1）\n  ! application.ratings.nationalExcellentYear  ${sentence}`);
    const layout = buildLayout(J);
    const xlsx = join(dir, 'a.xlsx');
    writeFileSync(xlsx, await writeWorkbook(layout, inputsFromAssessment(J, a)));
    const at = cellForPath(layout, J, 'application.ratings.nationalExcellentYear')!;
    const w = await runCli(['score', xlsx]);
    expect(w.code).toBe(0);
    expect(w.out).toContain(`  ! ${at.sheet}!${at.cell}  ${sentence}`);
  });

  test('an assessment without an application has no application report', async () => {
    const j = JSON.parse((await runCli(['score', join(ROOT, 'examples', 'advanced.json'), '--json'])).out);
    expect(j.application).toBeUndefined();
  });
});
