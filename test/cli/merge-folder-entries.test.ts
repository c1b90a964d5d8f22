// Issue 14 item 2: odd folder entries. Inputs are regular files inside the folders given; symbolic links are
// followed only to what lies inside the folder; FIFOs and devices are refused without being opened; sizes
// are checked before reading; every refusal is one line in 合并明细 and on stderr, and the batch goes on.
import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, renameSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collectInputs } from '../../src/cli/collect-inputs';
import { loadAssessmentFile } from '../../src/cli/load-assessment';
import { InputFileError, MAX_INPUT_BYTES, readInputFile } from '../../src/cli/input-file';
import { advancedAssessment, validCreditCode } from '../fixtures/jiangsu';
import { runCli } from './run-cli';

const assessmentJson = (name: string, code17: string) => {
  const a = advancedAssessment();
  a.profile = { ...a.profile, enterpriseName: name, creditCode: validCreditCode(code17) };
  return JSON.stringify({ rubric: 'jiangsu-2025', ...a });
};

async function detailsText(file: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
  const lines: string[] = [];
  wb.getWorksheet('合并明细')!.eachRow((row) => lines.push((row.values as unknown[]).filter((v) => v !== undefined && v !== null).join(' | ')));
  return lines.join('\n');
}

describe('sfa merge over odd folder entries', () => {
  const root = mkdtempSync(join(tmpdir(), 'sfa-entries-'));
  const folder = join(root, '批次');
  const outside = join(root, 'outside');
  mkdirSync(folder);
  mkdirSync(outside);
  writeFileSync(join(folder, '甲.json'), assessmentJson('甲企业', '91320500MA1AAAAA0'));
  writeFileSync(join(outside, 'secret.json'), assessmentJson('机密企业不该出现', '91320500MA1SSSSS0'));
  symlinkSync(join(folder, 'missing.json'), join(folder, '断链.json'));
  symlinkSync(join(outside, 'secret.json'), join(folder, '外链.json'));
  symlinkSync('/etc/passwd', join(folder, 'passwd.json'));
  symlinkSync(outside, join(folder, '外部文件夹'));
  symlinkSync(join(folder, '甲.json'), join(folder, '内链.json')); // inside: followed
  for (let i = 0; i < 4; i++) execFileSync('mkfifo', [join(folder, `管道${i}.json`)]);
  writeFileSync(join(folder, '巨大.xlsx'), '');
  truncateSync(join(folder, '巨大.xlsx'), MAX_INPUT_BYTES + 1); // sparse: no disk used
  const out = join(root, '汇总.xlsx');

  it('four FIFOs, links out of the folder, a dangling link and a huge file: one line each, the batch goes on', async () => {
    const r = await runCli(['merge', folder, '-o', out]);
    expect(r.code).toBe(1);
    const lines = r.err.trim().split('\n');
    const line = (f: string) => lines.filter((l) => l.includes(f));
    for (let i = 0; i < 4; i++) expect(line(`管道${i}.json`)).toEqual([expect.stringContaining('不是普通文件，而是命名管道（FIFO），未打开')]);
    expect(line('断链.json')).toEqual([expect.stringContaining('符号链接指向的文件不存在')]);
    expect(line('外链.json')).toEqual([expect.stringContaining('指向所给文件夹之外')]);
    expect(line('passwd.json')).toEqual([expect.stringContaining('指向所给文件夹之外')]);
    expect(line('外部文件夹')).toEqual([expect.stringContaining('指向所给文件夹之外')]);
    expect(line('巨大.xlsx')).toEqual([expect.stringContaining('文件过大')]);
    expect(r.out).toMatch(/共 1 家企业/);
    const details = await detailsText(out);
    expect(details).not.toContain('机密企业');
    expect(details).not.toContain('root:');
    for (const f of ['管道0.json', '断链.json', '外链.json', 'passwd.json', '巨大.xlsx']) expect(details).toContain(f);
  });

  it('a device named on the command line is refused without reading it (sfa merge and sfa score)', async () => {
    const r = await runCli(['merge', '/dev/zero', join(folder, '甲.json'), '-o', join(root, 'dev.xlsx')]);
    expect(r.err).toMatch(/\/dev\/zero: 不是普通文件，而是设备文件，未打开/);
    expect(r.code).toBe(1);
    const s = await runCli(['score', '/dev/zero']);
    expect(s).toMatchObject({ code: 2 });
    expect(s.err).toMatch(/设备文件/);
    const fifo = await runCli(['score', join(folder, '管道0.json')]);
    expect(fifo.err).toMatch(/命名管道/);
  });

  it('a file swapped for a FIFO between the walk and the open is caught on the descriptor', async () => {
    const dir = join(root, 'swap');
    mkdirSync(dir);
    writeFileSync(join(dir, 'a.json'), assessmentJson('乙企业', '91320500MA1BBBBB0'));
    const { files } = await collectInputs([dir], root);
    expect(files).toHaveLength(1);
    renameSync(join(dir, 'a.json'), join(dir, 'old.json'));
    execFileSync('mkfifo', [join(dir, 'a.json')]);
    await expect(readInputFile(files[0]!.open, files[0]!.identity)).rejects.toEqual(new InputFileError({ kind: 'changed' }));
    await expect(loadAssessmentFile(files[0]!.open, 'zh', { expect: files[0]!.identity, shown: 'a.json' })).rejects.toThrow('a.json: 文件在检查之后被替换');
  });

  it('a file replaced by another regular file after the walk is caught by its identity', async () => {
    const dir = join(root, 'swap2');
    mkdirSync(dir);
    writeFileSync(join(dir, 'a.json'), assessmentJson('乙企业', '91320500MA1BBBBB0'));
    const { files } = await collectInputs([dir], root);
    writeFileSync(join(dir, 'b.json'), assessmentJson('丙企业', '91320500MA1CCCCC0'));
    renameSync(join(dir, 'b.json'), join(dir, 'a.json'));
    await expect(readInputFile(files[0]!.open, files[0]!.identity)).rejects.toEqual(new InputFileError({ kind: 'changed' }));
  });
});
