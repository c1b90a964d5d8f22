import ExcelJS from 'exceljs';
import { mkdirSync, mkdtempSync, writeFileSync, utimesSync, existsSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildLayout } from '../../src/workbook/layout';
import { inputsFromAssessment } from '../../src/workbook/inputs';
import { writeWorkbook } from '../../src/adapters/xlsx/write';
import { readMergedSummary } from '../../src/adapters/xlsx/merged';
import { readFileSync } from 'node:fs';
import type { Assessment } from '../../src/domain';
import { advancedAssessment, J, validCreditCode } from '../fixtures/jiangsu';
import { spawnSync } from 'node:child_process';
import { runCli } from './run-cli';

const layout = buildLayout(J);
const write = async (path: string, a: Assessment, mtime: number) => {
  writeFileSync(path, await writeWorkbook(layout, inputsFromAssessment(J, a)));
  utimesSync(path, mtime, mtime);
};
const enterprise = (name: string, code17: string, patch: (a: Assessment) => void = () => undefined) => {
  const a = advancedAssessment();
  a.profile = { ...a.profile, enterpriseName: name, creditCode: validCreditCode(code17) };
  patch(a);
  return a;
};

describe('sfa merge', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sfa-merge-'));
  const corpus = join(dir, '苏州 市', '批次一');
  mkdirSync(corpus, { recursive: true });
  const out = join(dir, '推荐汇总表.xlsx');

  beforeAll(async () => {
    await write(join(corpus, '甲.xlsx'), enterprise('甲企业', '91320500MA1AAAAA0'), 1000);
    await write(
      join(corpus, '乙.xlsx'),
      enterprise('乙企业', '91320500MA1BBBBB0', (a) => (a.maturityLevel = 1)),
      1000,
    );
    await write(join(corpus, '甲-旧.xlsx'), enterprise('甲企业', '91320500MA1AAAAA0'), 500);
    writeFileSync(join(corpus, '坏.xlsx'), 'not a workbook');
    writeFileSync(join(corpus, '空.xlsx'), '');
    const foreign = new ExcelJS.Workbook();
    foreign.addWorksheet('Sheet1').getCell('A1').value = '别人的表';
    writeFileSync(join(corpus, '别人的.xlsx'), Buffer.from(await foreign.xlsx.writeBuffer()));
  });

  it('merges a folder into the official table and 合并明细, reporting every bad file; exit 1 when some are skipped', async () => {
    const r = await runCli(['merge', join(dir, '苏州 市'), '-o', out, '--unit', '苏州市工业和信息化局', '--contact', '王五', '--phone', '0512-1']);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/共 2 家企业/);
    for (const f of ['坏.xlsx', '空.xlsx', '别人的.xlsx']) expect(r.err).toContain(f);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['推荐汇总表', '审核', '统计', '合并明细']);
    const s = wb.getWorksheet('推荐汇总表')!;
    expect(s.getCell('C2').value).toBe('苏州市工业和信息化局');
    expect([s.getCell('B4').value, s.getCell('B5').value]).toEqual(['甲企业', '乙企业']); // 先进级 before no tier
    expect(String(s.getCell('I5').value)).toContain('成熟度');
    const details = wb.getWorksheet('合并明细')!;
    const files: unknown[] = [];
    details.eachRow((row) => files.push(row.getCell(1).value));
    expect(files).toEqual(expect.arrayContaining([expect.stringContaining('甲-旧.xlsx'), expect.stringContaining('坏.xlsx')]));
  });

  it('follows a folder link once: a link loop does not stop the batch or merge a file twice', async () => {
    const looped = join(dir, '带环');
    mkdirSync(join(looped, '子'), { recursive: true });
    await write(join(looped, '子', '丙.xlsx'), enterprise('丙企业', '91320500MA1CCCCC0'), 1000);
    symlinkSync('..', join(looped, '子', '上一级'));
    const r = await runCli(['merge', looped, '-o', join(dir, '环.xlsx'), '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).files.map((f: { file: string }) => f.file.split(/[\\/]/).pop())).toEqual(['丙.xlsx']);
  });

  it('the built sfa reads each file in a worker with a time limit: a file that takes too long is one line, the batch goes on', () => {
    const bin = join(__dirname, '..', '..', 'bin', 'sfa.js');
    const ok = spawnSync(process.execPath, [bin, 'merge', corpus, '-o', join(dir, '工作线程.xlsx'), '--json'], { encoding: 'utf8' });
    expect(ok.status).toBe(1); // the bad files of the corpus are skipped, the good ones merged
    expect(JSON.parse(ok.stdout).counts.rows).toBe(2);
    const slow = spawnSync(process.execPath, [bin, 'merge', corpus, '-o', join(dir, '超时.xlsx'), '--file-timeout', '0.001'], { encoding: 'utf8' });
    expect(slow.status).toBe(2);
    expect(slow.stderr).toMatch(/甲\.xlsx: 读取超过 0\.001 秒，已中止/);
    expect(slow.stderr.match(/读取超过/g)!.length).toBeGreaterThanOrEqual(3);
    expect(existsSync(join(dir, '超时.xlsx'))).toBe(false);
    expect(spawnSync(process.execPath, [bin, 'merge', corpus, '-o', join(dir, 'x.xlsx'), '--file-timeout', 'abc'], { encoding: 'utf8' }).stderr).toContain(
      '--file-timeout',
    );
  });

  it('--into with a newer workbook replaces its row and keeps the others', async () => {
    const later = join(dir, 'later');
    mkdirSync(later);
    await write(join(later, '乙-新.xlsx'), enterprise('乙企业', '91320500MA1BBBBB0'), 5000);
    const second = join(dir, '汇总2.xlsx');
    const r = await runCli(['merge', later, '-o', second, '--into', out, '--json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out);
    expect(report.counts).toMatchObject({ merged: 1, existingKept: 1, existingReplaced: 1, rows: 2 });
    const back = await readMergedSummary(readFileSync(second));
    expect(back.rows.map((x) => [x.enterpriseName, x.tier])).toEqual([
      ['甲企业', 'advanced'], // same tier and composite: 企业名称 in pinyin order (jiǎ before yǐ)
      ['乙企业', 'advanced'],
    ]);
    expect(back.header.unit).toBe('苏州市工业和信息化局');
  });

  it('exits 2 when nothing is usable, and leaves no file behind', async () => {
    const bad = join(dir, 'bad-only');
    mkdirSync(bad);
    writeFileSync(join(bad, 'x.xlsx'), 'nope');
    const target = join(dir, 'never.xlsx');
    const r = await runCli(['merge', bad, '-o', target]);
    expect(r.code).toBe(2);
    expect(existsSync(target)).toBe(false);
  });
});
