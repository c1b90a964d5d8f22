// Every command that writes a file protects it as `sfa merge` does (merge-output.test.ts): an existing file is
// replaced only with --force, the output is never a file the command reads, and its name has the extension of
// what is written. One table, one row per command; merge's own cases (folders, links, --into) are in merge-output.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './run-cli';

const ROOT = join(__dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'sfa-protect-'));
const at = (name: string) => join(dir, name);
const MINE = '手工编辑过的文件';

beforeAll(async () => {
  copyFileSync(join(ROOT, 'examples', 'application.json'), at('申报.json'));
  expect((await runCli(['template', '--from', at('申报.json'), '-o', at('企业.xlsx')])).code).toBe(0);
  expect((await runCli(['merge', at('企业.xlsx'), '-o', at('汇总.xlsx')])).code).toBe(0);
  // The same summary under a .docx name: the letter's output could then be its input.
  copyFileSync(at('汇总.xlsx'), at('汇总.docx'));
});

/** Per command: its arguments before -o, a new output's name, and an -o that names a file it reads. */
const COMMANDS: [string, string[], string, string][] = [
  ['template', ['template', '--from', '企业.xlsx'], '新表.xlsx', '企业.xlsx'],
  ['export', ['export', '企业.xlsx'], '导出.json', '企业.xlsx'],
  ['letter', ['letter', '汇总.docx'], '推荐函.docx', '汇总.docx'],
  ['application', ['application', '申报.json'], '申报书.docx', '申报.json'],
];
const args = (a: string[]) => a.map((x) => (x.includes('.') ? at(x) : x));

describe.each(COMMANDS)('sfa %s protects its output', (_name, before, fresh, input) => {
  it('refuses an existing output without --force and leaves it as it was; writes it with --force', async () => {
    const out = at(`已有-${fresh}`);
    writeFileSync(out, MINE);
    const r = await runCli([...args(before), '-o', out]);
    expect([r.code, r.err]).toEqual([2, expect.stringMatching(/^sfa: .*已有-.* 已存在；要覆盖请加 --force\n$/)]);
    expect(readFileSync(out, 'utf8')).toBe(MINE);
    const e = await runCli([...args(before), '-o', out, '--lang', 'en']);
    expect(e.err).toMatch(/exists; add --force to overwrite it/);
    const f = await runCli([...args(before), '-o', out, '--force']);
    expect(f.code).toBeLessThanOrEqual(1);
    expect(f.out).toBe(`已写入 ${out}\n`);
    expect(readFileSync(out, 'utf8')).not.toBe(MINE);
  });

  it('refuses an output that is the file it reads, even with --force', async () => {
    const was = readFileSync(at(input));
    // The template and the letter read files of the output's kind; export and application could only be
    // pointed at their input with another extension, which is refused as such.
    const sameKind = input.endsWith(fresh.slice(fresh.lastIndexOf('.')));
    const r = await runCli([...args(before), '-o', at(input), '--force']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(sameKind ? /就是要读取的文件 .*；请换一个输出文件名，以免覆盖它/ : /文件名应以 \.\w+ 结尾/);
    expect(readFileSync(at(input)).equals(was)).toBe(true);
    if (sameKind)
      expect((await runCli([...args(before), '-o', at(input), '--force', '--lang', 'en'])).err).toMatch(/is the file read, .*choose another output name/);
  });

  it('refuses a folder as the output, asking for a file name ending in what it writes, in both languages', async () => {
    const ext = fresh.slice(fresh.lastIndexOf('.'));
    const folder = at(`文件夹-${_name}`);
    mkdirSync(folder, { recursive: true });
    const r = await runCli([...args(before), '-o', folder, '--force']);
    expect([r.code, r.err]).toEqual([2, `sfa: ${folder} 是一个文件夹；请给出要写入的文件名（以 ${ext} 结尾）\n`]);
    expect((await runCli([...args(before), '-o', folder, '--lang', 'en'])).err).toBe(
      `sfa: ${folder} is a folder; give the name of the file to write (ending in ${ext})\n`,
    );
  });

  it('refuses an output whose name has another extension than what it writes, in both languages', async () => {
    const ext = fresh.slice(fresh.lastIndexOf('.'));
    const wrong = at(`错的扩展名${ext === '.json' ? '.xlsx' : '.json'}`);
    const r = await runCli([...args(before), '-o', wrong]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(new RegExp(`要写入的是.+，文件名应以 \\${ext} 结尾`));
    expect((await runCli([...args(before), '-o', wrong, '--lang', 'en'])).err).toMatch(new RegExp(`its name must end in \\${ext}`));
  });
});

describe('--output and --force are declared once', () => {
  it.each(['template', 'export', 'letter', 'application', 'merge'])('sfa %s --help shows -o and --force in the chosen language', async (cmd) => {
    const zh = (await runCli([cmd, '--help'])).out;
    expect(zh).toMatch(/-o, --output <文件> +(输出文件（默认：|要写入的推荐汇总表)/);
    expect(zh).toMatch(/--force +覆盖已存在的/);
    const en = (await runCli([cmd, '--help', '--lang', 'en'])).out;
    expect(en).toMatch(/-o, --output <file> +(output file \(default: |the merged workbook)/);
    expect(en).toMatch(/--force +overwrite an existing/);
  });
});
