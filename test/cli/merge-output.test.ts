// sfa merge never overwrites by surprise: an existing output needs --force, an input is never the output (by
// path, folder, symlink or hard link), the output is a .xlsx, and two merges into one summary keep both batches.
import { mkdirSync, mkdtempSync, writeFileSync, readFileSync, existsSync, symlinkSync, linkSync, readdirSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { buildLayout } from '../../src/workbook/layout';
import { inputsFromAssessment } from '../../src/workbook/inputs';
import { writeWorkbook } from '../../src/adapters/xlsx/write';
import { readMergedSummary } from '../../src/adapters/xlsx/merged';
import { mergeCommand } from '../../src/cli/merge-command';
import { UsageError } from '../../src/cli/io';
import { lockFileFor } from '../../src/cli/file-lock';
import type { Assessment } from '../../src/domain';
import { advancedAssessment, J, validCreditCode } from '../fixtures/jiangsu';
import { runCli } from './run-cli';

const layout = buildLayout(J);
const BIN = join(__dirname, '..', '..', 'bin', 'sfa.js');
const enterprise = (name: string, code17: string): Assessment => {
  const a = advancedAssessment();
  a.profile = { ...a.profile, enterpriseName: name, creditCode: validCreditCode(code17) };
  return a;
};
const workbook = async (path: string, a: Assessment) => {
  writeFileSync(path, await writeWorkbook(layout, inputsFromAssessment(J, a)));
  utimesSync(path, 1000, 1000);
};
const rowsOf = async (path: string) => (await readMergedSummary(readFileSync(path))).rows.map((r) => r.enterpriseName).sort();
/** A pid that ran and has ended: no process holds it now. */
const deadPid = () => spawnSync(process.execPath, ['-e', '0']).pid!;

describe('sfa merge output protection', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sfa-out-'));
  const batch = join(dir, '批次');
  mkdirSync(batch);
  const input = join(batch, '甲.xlsx');

  beforeAll(async () => {
    await workbook(input, enterprise('甲企业', '91320500MA1AAAAA0'));
    await workbook(join(batch, '乙.xlsx'), enterprise('乙企业', '91320500MA1BBBBB0'));
  });

  it('refuses an existing output without --force and leaves it as it was; --force replaces it', async () => {
    const out = join(dir, '已有.xlsx');
    writeFileSync(out, '手工编辑过的汇总表');
    const r = await runCli(['merge', batch, '-o', out]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^sfa: .*已有\.xlsx 已存在；要覆盖请加 --force\n$/);
    expect(readFileSync(out, 'utf8')).toBe('手工编辑过的汇总表');
    expect((await runCli(['merge', batch, '-o', out, '--force'])).code).toBe(0);
    expect(await rowsOf(out)).toEqual(['乙企业', '甲企业']);
  });

  it.each([
    ['the input named as a file', () => input],
    ['an input found in a named folder', () => input],
    [
      'a symlink to an input',
      () => {
        const l = join(dir, '链接.xlsx');
        if (!existsSync(l)) symlinkSync(input, l);
        return l;
      },
    ],
    [
      'a hard link to an input',
      () => {
        const l = join(dir, '硬链接.xlsx');
        if (!existsSync(l)) linkSync(input, l);
        return l;
      },
    ],
  ])('refuses an output that is one of the inputs (%s), even with --force', async (name, target) => {
    const before = readFileSync(input);
    const args = name.includes('file') ? [input, join(batch, '乙.xlsx')] : [batch];
    const r = await runCli(['merge', ...args, '-o', target(), '--force']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/就是要合并的文件 .*甲\.xlsx；请换一个输出文件名/);
    expect(readFileSync(input).equals(before)).toBe(true);
  });

  it('refuses an output that is not a .xlsx (a JSON input stays a JSON), in both languages', async () => {
    const json = join(dir, 'x.json');
    writeFileSync(json, JSON.stringify(enterprise('丙企业', '91320500MA1CCCCC0')));
    const r = await runCli(['merge', json, '-o', json, '--force']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/文件名应以 \.xlsx 结尾/);
    expect(JSON.parse(readFileSync(json, 'utf8')).profile.enterpriseName).toBe('丙企业');
    expect((await runCli(['merge', json, '-o', join(dir, 'x.csv'), '--lang', 'en'])).err).toMatch(/must end in \.xlsx/);
  });

  it('updates the --into summary in place without --force', async () => {
    const s = join(dir, '就地.xlsx');
    expect((await runCli(['merge', input, '-o', s])).code).toBe(0);
    const r = await runCli(['merge', join(batch, '乙.xlsx'), '--into', s, '-o', s]);
    expect(r.code).toBe(0);
    expect(await rowsOf(s)).toEqual(['乙企业', '甲企业']);
  });

  it('two merges into one summary at the same time keep both batches (two processes)', async () => {
    const a = join(dir, 'A');
    const b = join(dir, 'B');
    mkdirSync(a);
    mkdirSync(b);
    for (let i = 0; i < 3; i++) {
      await workbook(join(a, `a${i}.xlsx`), enterprise(`A企业${i}`, `91320500MA1AA00${i}0`));
      await workbook(join(b, `b${i}.xlsx`), enterprise(`B企业${i}`, `91320500MA1BB00${i}0`));
    }
    const s = join(dir, '并发.xlsx');
    expect((await runCli(['merge', input, '-o', s])).code).toBe(0);
    const runOne = (folder: string) =>
      new Promise<{ code: number | null; err: string }>((done) => {
        const p = spawn(process.execPath, [BIN, 'merge', folder, '--into', s, '-o', s], { stdio: ['ignore', 'ignore', 'pipe'] });
        let err = '';
        p.stderr.on('data', (d) => (err += d));
        p.on('close', (code) => done({ code, err }));
      });
    const [ra, rb] = await Promise.all([runOne(a), runOne(b)]);
    expect([ra.code, rb.code]).toEqual([0, 0]);
    expect(await rowsOf(s)).toEqual(['A企业0', 'A企业1', 'A企业2', 'B企业0', 'B企业1', 'B企业2', '甲企业'].sort());
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp') || f.endsWith('.sfa-lock'))).toEqual([]);
  });

  it('a lock and temporary files left by a killed run are removed by the next run', async () => {
    const s = join(dir, '残留.xlsx');
    const dead = deadPid();
    writeFileSync(lockFileFor(s), JSON.stringify({ pid: dead, host: require('node:os').hostname() }));
    const staleTmp = join(dir, `.残留.xlsx.${dead}.1700000000000.tmp`);
    writeFileSync(staleTmp, 'half a zip');
    const r = await runCli(['merge', input, '-o', s]);
    expect(r.code).toBe(0);
    expect(existsSync(staleTmp)).toBe(false);
    expect(existsSync(lockFileFor(s))).toBe(false);
    expect(await rowsOf(s)).toEqual(['甲企业']);
  });

  it('waits for a live holder of the lock, says so, and after the wait names the lock file to remove', async () => {
    const s = join(dir, '占用.xlsx');
    writeFileSync(lockFileFor(s), JSON.stringify({ pid: process.pid, host: 'another-machine' }));
    let err = '';
    const io = { out: () => undefined, err: (t: string) => (err += t), cwd: dir };
    const p = mergeCommand([input], { output: s, lang: 'zh', lockWaitMs: 400 }, io);
    await expect(p).rejects.toThrow(UsageError);
    await expect(p).rejects.toThrow(/一直被另一个 sfa 占用；如确认没有别的合并在运行，删除 .*\.占用\.xlsx\.sfa-lock 后重试/);
    expect(err).toMatch(/另一个 sfa（another-machine 上的进程 \d+）正在写入 .*占用\.xlsx，等待它完成/);
    expect(existsSync(s)).toBe(false);
  });
});
