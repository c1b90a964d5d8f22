// The records `sfa merge` keeps on disk while it runs (src/cli/spill-file.ts): each read back as it was put, in
// any order, however many; a private folder removed at the end; a folder it cannot write named in the error, and
// the merge then says so in words naming TMPDIR, leaving no output behind.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SpillError, SpillFile } from '../../src/cli/spill-file';
import { mergeCommand } from '../../src/cli/merge-command';
import { UsageError, type CliIO } from '../../src/cli/io';
import { advancedAssessment } from '../fixtures/jiangsu';

const root = mkdtempSync(join(tmpdir(), 'sfa-spill-test-'));

describe('SpillFile', () => {
  it('gives each record back as it was put, in any order, past its first thousand', () => {
    const parent = join(root, 'a');
    mkdirSync(parent);
    const spill = new SpillFile<{ i: number; text: string; list: (string | null)[] }>(parent);
    const record = (i: number) => ({ i, text: `企业${i}「引号"\\」\n${'长'.repeat(i % 50)}`, list: [String(i), null] });
    for (let i = 0; i < 2500; i++) expect(spill.put(record(i))).toBe(i);
    expect(spill.length).toBe(2500);
    for (const i of [2499, 0, 1024, 1023, 7, 2048]) expect(spill.get(i)).toEqual(record(i));
    // A copy each time: changing what was given back changes nothing kept.
    spill.get(5).list.push('x');
    expect(spill.get(5)).toEqual(record(5));
    expect(() => spill.get(2500)).toThrow(RangeError);
    expect(() => spill.get(-1)).toThrow(RangeError);
    // Private to the user, and gone once closed (closing twice is harmless).
    const [dir] = readdirSync(parent);
    expect(statSync(join(parent, dir!)).mode & 0o077).toBe(0);
    spill.close();
    spill.close();
    expect(readdirSync(parent)).toEqual([]);
  });

  it('names the folder it cannot write in', () => {
    const missing = join(root, 'no', 'such', 'folder');
    expect(() => new SpillFile(missing)).toThrow(/ENOENT/);
  });

  it('a read that fails names the file', () => {
    const spill = new SpillFile<number>(root);
    spill.put(1);
    const path = spill.path;
    spill.close();
    let error: unknown;
    try {
      spill.get(0);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SpillError);
    expect((error as SpillError).path).toBe(path);
  });
});

describe('sfa merge with a temporary folder it cannot write in', () => {
  it('says so in words, naming the folder and TMPDIR, and writes no output', async () => {
    const dir = join(root, 'merge');
    mkdirSync(dir);
    writeFileSync(join(dir, '甲.json'), JSON.stringify(advancedAssessment()));
    // A file where the folder should be: refused even to root (a folder without write permission is not).
    const locked = join(root, 'not-a-folder');
    writeFileSync(locked, '');
    const errs: string[] = [];
    const io: CliIO = { cwd: dir, platform: process.platform, out: () => undefined, err: (s) => void errs.push(s) };
    const run = mergeCommand([dir], { output: join(dir, '推荐汇总表.xlsx'), lang: 'zh', tempDir: locked }, io);
    const error = await run.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UsageError);
    const message = (error as Error).message;
    expect(message).toContain('临时文件夹');
    expect(message).toContain(locked);
    expect(message).toContain('TMPDIR');
    expect(message).not.toMatch(/ENOTDIR:|at .*\.ts/u); // in words, not Node's
    expect(existsSync(join(dir, '推荐汇总表.xlsx'))).toBe(false);
  });
});
