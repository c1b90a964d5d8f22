// Help, usage errors and every message follow --lang on every command, Chinese by default; a workbook's problems
// are named by 工作表!单元格; .xlsm is read like .xlsx; an old .xls and an encrypted workbook are told apart.
import { mkdtempSync, writeFileSync, readFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildLayout } from '../../src/workbook/layout';
import { inputsFromAssessment } from '../../src/workbook/inputs';
import { writeWorkbook } from '../../src/adapters/xlsx/write';
import { oleKind } from '../../src/adapters/xlsx/sniff';
import { advancedAssessment, J } from '../fixtures/jiangsu';
import type { Assessment } from '../../src/domain';
import { oleFile } from '../corpus/make-corpus';
import JSZip from 'jszip';
import { runCli } from './run-cli';

const dir = mkdtempSync(join(tmpdir(), 'sfa-lang-'));
const COMMANDS = ['score', 'template', 'export', 'letter', 'application', 'merge'];
/** Commander's own English that must not reach a Chinese user. */
const COMMANDER_EN =
  /Usage:|Options:|Commands:|Arguments:|display help|output the version|error:|unknown option|missing required|too many arguments|Did you mean/;

describe('help and usage errors follow --lang, Chinese by default', () => {
  it.each([[[] as string[]], ...COMMANDS.map((c) => [[c]])])('sfa %s --help is Chinese, and English with --lang en', async (cmd) => {
    const zh = await runCli([...cmd, '--help']);
    expect(zh.code).toBe(0);
    expect(zh.out).toMatch(/^用法： sfa/);
    expect(zh.out).toContain('选项：');
    expect(zh.out).toContain('显示帮助');
    expect(zh.out).toContain('提示语言：zh（中文，默认）或 en（英文）');
    expect(zh.out).not.toMatch(COMMANDER_EN);
    expect(zh.out).not.toMatch(/\[options\]|\[command\]/);
    expect(zh.out).toMatch(/^用法： sfa.*\[选项\]/);
    const en = await runCli([...cmd, '--help', '--lang', 'en']);
    expect(en.out).toMatch(/^Usage: sfa/);
    expect(en.out).toContain('display help');
    expect(en.out).not.toMatch(/[选项用法显示]/);
  });

  it.each([[[] as string[]], ...COMMANDS.map((c) => [[c]])])(
    'sfa %s --help names arguments and option values in Chinese, its columns aligned; English keeps its names',
    async (cmd) => {
      const zh = (await runCli([...cmd, '--help'])).out;
      // Every <…> and […] but the date format a user types (YYYY-MM-DD) is Chinese.
      const names = [...zh.matchAll(/[<[]([^>\]]+)[>\]]/g)].map((m) => m[1]!).filter((n) => n !== 'YYYY-MM-DD');
      expect(names.filter((n) => /[A-Za-z]/.test(n))).toEqual([]);
      expect(names.length).toBeGreaterThan(0);
      // Each section's descriptions start in one terminal column (a Chinese character takes two).
      const columns = (a: string) => [...a].reduce((w, ch) => w + (/[\u2E80-\uA4CF\uFF00-\uFF60]/u.test(ch) ? 2 : 1), 0);
      for (const section of zh.split(/\n\n/).filter((p) => /^(选项|参数|命令|通用选项)：/.test(p))) {
        const starts = section
          .split('\n')
          .slice(1)
          .map((l) => /^( {2}\S+(?: \S+)*? {2,})\S/.exec(l)?.[1])
          .filter((t): t is string => t !== undefined)
          .map(columns);
        expect([section.split('\n')[0], new Set(starts).size]).toEqual([section.split('\n')[0], 1]);
      }
      const en = (await runCli([...cmd, '--help', '--lang', 'en'])).out;
      expect(en).not.toMatch(/[<[][^>\]]*[\u4E00-\u9FFF][^>\]]*[>\]]/);
      expect(en).toMatch(/--lang <lang> /);
    },
  );

  it('English help keeps commander names: <file>, <summary>, [paths...], <name>, <phone>, <seconds>', async () => {
    const en = (await runCli(['--help', '--lang', 'en'])).out;
    expect(en).toMatch(/score \[options\] <file> +score an assessment/);
    expect(en).toMatch(/letter \[options\] <summary> /);
    expect(en).toMatch(/merge \[options\] \[paths\.\.\.\] +merge enterprise workbooks/);
    const merge = (await runCli(['merge', '--help', '--lang', 'en'])).out;
    expect(merge).toMatch(/^Usage: sfa merge \[options\] \[paths\.\.\.\]\n/);
    for (const o of ['-o, --output <file>', '--unit <name>', '--contact <name>', '--phone <phone>', '--into <file>', '--file-timeout <seconds>'])
      expect(merge).toContain(`  ${o}  `);
    const letter = (await runCli(['letter', '--help', '--lang', 'en'])).out;
    expect(letter).toMatch(/^Usage: sfa letter \[options\] <summary>\n/);
    expect(letter).toContain('--date <YYYY-MM-DD>');
  });

  it('COMMANDS above is every command sfa has (a new one is checked here too)', async () => {
    const listed = (await runCli(['--help', '--lang', 'en'])).out
      .split('Commands:')[1]!
      .match(/^ {2}([a-z]+) /gm)!
      .map((l) => l.trim());
    expect([...listed].sort()).toEqual([...COMMANDS, 'help'].sort());
  });

  it('sfa --help lists every command with its Chinese description', async () => {
    const r = await runCli(['--help']);
    expect(r.out).toMatch(/score \[选项\] <文件> +为自评数据（\.json）或自评表（\.xlsx）评分并输出报告/);
    expect(r.out).toMatch(/merge \[选项\] \[路径\.\.\.\] +把多家企业的自评表/);
  });

  it.each([
    [['score'], /^sfa: 缺少参数 <文件>\n运行 sfa score --help 查看用法\n$/, /^sfa: missing argument <file>\nrun sfa score --help for usage\n$/],
    [
      ['score', '--jsn', 'x.json'],
      /^sfa: 没有 --jsn 这个选项（是否想用 --json？）\n运行 sfa score --help 查看用法\n$/,
      /unknown option --jsn \(did you mean --json\?\)/,
    ],
    [
      ['scor'],
      /^sfa: 没有 scor 这个命令（是否想用 score？）；可用的命令：score、template、export、letter、application、merge/,
      /unknown command scor \(did you mean score\?\); the commands are score, template, export, letter, application, merge/,
    ],
    [['merge', 'x'], /^sfa: 必须给出选项 -o, --output <文件>\n运行 sfa merge --help/, /option -o, --output <file> is required/],
    [['merge', 'x', '-o'], /^sfa: 选项 -o, --output <文件> 后面需要一个值/, /option -o, --output <file> needs a value/],
    [['score', 'a', 'b'], /^sfa: 参数太多：应为 1 个，给出了 2 个/, /too many arguments: expected 1, got 2/],
    [['letter'], /^sfa: 缺少参数 <汇总表>\n运行 sfa letter --help 查看用法\n$/, /^sfa: missing argument <summary>\nrun sfa letter --help for usage\n$/],
    [['letter', 'x.xlsx', '--date', '4/3'], /^sfa: --date 4\/3：日期应为 YYYY-MM-DD/, /^sfa: --date 4\/3: the date must be YYYY-MM-DD/],
    [
      ['merge', 'x', '-o', 'y.xlsx', '--bogus'],
      /^sfa: 没有 --bogus 这个选项\n运行 sfa merge --help/,
      /^sfa: unknown option --bogus\nrun sfa merge --help for usage\n$/,
    ],
    [
      ['merge', 'x', '-o', 'y.xlsx', '--file-timeout', 'abc'],
      /^sfa: --file-timeout 应为大于 0 的数（秒），而不是 abc\n$/,
      /--file-timeout must be a number above 0 \(seconds\), not abc/,
    ],
  ])('sfa %j: a usage error in words, exit 2', async (args, zh, en) => {
    const r = await runCli(args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(zh);
    expect(r.err).not.toMatch(COMMANDER_EN);
    const e = await runCli([...args, '--lang', 'en']);
    expect(e.code).toBe(2);
    expect(e.err).toMatch(en);
  });

  it('a bad --lang value is refused in Chinese, before anything runs', async () => {
    const r = await runCli(['merge', 'x', '-o', 'y.xlsx', '--lang', 'fr']);
    expect(r.code).toBe(2);
    expect(r.err).toBe('sfa: --lang 应为 zh 或 en，而不是 fr\n');
    expect((await runCli(['score', 'x.json', '--lang=de'])).err).toBe('sfa: --lang 应为 zh 或 en，而不是 de\n');
  });
});

describe('--lang works on every command', () => {
  const json = join(dir, 'a.json');
  writeFileSync(json, JSON.stringify(advancedAssessment()));

  it('merge prints its summary and its file problems in English with --lang en', async () => {
    writeFileSync(join(dir, 'bad.xlsx'), 'not a workbook');
    const r = await runCli(['merge', json, join(dir, 'bad.xlsx'), '-o', join(dir, 'm.xlsx'), '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^wrote .*m\.xlsx: 1 enterprise \(1 file merged,/);
    expect(r.err).toMatch(/bad\.xlsx: not an \.xlsx file/);
    expect(r.err).not.toMatch(/不是|文件|已写入/);
  });

  it('template and export say what they wrote in English with --lang en', async () => {
    const x = join(dir, 't.xlsx');
    expect((await runCli(['template', '--from', json, '-o', x, '--lang', 'en'])).out).toBe(`wrote ${x}\n`);
    expect((await runCli(['export', x, '-o', join(dir, 'e.json'), '--lang', 'en'])).out).toMatch(/^wrote .*e\.json\n$/);
    expect((await runCli(['template', '-o', x, '--lang', 'en'])).err).toMatch(/t\.xlsx exists; add --force to overwrite it/);
  });
});

describe('what sfa reads from workbooks', () => {
  const layout = buildLayout(J);

  it('sfa score of a workbook names each problem by 工作表!单元格, not by JSON path', async () => {
    const a = advancedAssessment();
    a.indicators!['3'] = { level: 3, score: 40 };
    a.profile = { ...a.profile, contactMobile: '025-1234567' };
    const x = join(dir, 'errors.xlsx');
    writeFileSync(x, await writeWorkbook(layout, inputsFromAssessment(J, a)));
    const r = await runCli(['score', x]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/✗ 数字化转型自评!G5 {2}指标 3/);
    expect(r.out).toMatch(/✗ 企业信息!B12 {2}手机号/);
    expect(r.out).not.toMatch(/indicators\.3|profile\.contactMobile/);
    // A JSON file has no cells: its problems keep their field path.
    const j = join(dir, 'errors.json');
    writeFileSync(j, JSON.stringify(a));
    expect((await runCli(['score', j])).out).toMatch(/✗ indicators\.3\.score {2}指标 3/);
  });

  it('export and application name an unreadable cell by 工作表!单元格, not by JSON path', async () => {
    // With a 申报书 (application refuses a file without one).
    const withApplication = JSON.parse(readFileSync(join(__dirname, '..', '..', 'examples', 'application.json'), 'utf8')) as Assessment;
    const inputs = inputsFromAssessment(J, withApplication);
    inputs.get('SFA_SCENARIO_TIER')![4] = ['顶级'];
    const x = join(dir, 'bad-cell.xlsx');
    writeFileSync(x, await writeWorkbook(layout, inputs));
    for (const [cmd, out] of [
      ['export', 'bad-cell.json'],
      ['application', 'bad-cell.docx'],
    ]) {
      const r = await runCli([cmd!, x, '-o', join(dir, out!)]);
      expect([cmd, r.code]).toEqual([cmd, 1]);
      expect(r.err).toMatch(/^sfa: 场景自评!E7：/);
      expect(r.err).not.toMatch(/scenarios\.5/);
    }
  });

  it('an .xlsm is read like the .xlsx it is (macros ignored) and merged', async () => {
    const x = join(dir, 'good.xlsx');
    writeFileSync(x, await writeWorkbook(layout, inputsFromAssessment(J, advancedAssessment())));
    copyFileSync(x, join(dir, '启用宏.xlsm'));
    const r = await runCli(['score', join(dir, '启用宏.xlsm'), '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).tier).toBe('advanced');
    // Merged, and its line in 合并明细 says so.
    const out = join(dir, '含宏汇总.xlsx');
    const m = await runCli(['merge', join(dir, '启用宏.xlsm'), '-o', out, '--json']);
    expect(m.code).toBe(0);
    expect(JSON.parse(m.out).files.map((f: { file: string; status: string }) => [f.file.replace(/^.*[\\/]/, ''), f.status])).toEqual([
      ['启用宏.xlsm', 'merged'],
    ]);
    const zip = await JSZip.loadAsync(readFileSync(out));
    const book = await zip.file('xl/workbook.xml')!.async('string');
    const sheets = [...book.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((x) => x[1]);
    const details = await zip.file(`xl/worksheets/sheet${sheets.indexOf('合并明细') + 1}.xml`)!.async('string');
    const shared = await zip.file('xl/sharedStrings.xml')!.async('string');
    const strings = [...shared.matchAll(/<si>(?:<t[^>]*>([^<]*)<\/t>)?/g)].map((x) => x[1] ?? '');
    const cells = [...details.matchAll(/<c [^>]*t="s"[^>]*><v>(\d+)<\/v>/g)].map((x) => strings[Number(x[1])]);
    expect(cells.find((t) => t?.endsWith('启用宏.xlsm'))).toBeDefined();
    expect(cells).toContain('已合并');
  });

  it.each([
    ['an encrypted workbook', ['EncryptionInfo', 'EncryptedPackage'], 'encrypted', /设了打开密码的（加密的）工作簿.*去掉打开密码/],
    ['an old .xls (BIFF8 Workbook stream)', ['Workbook'], 'xls', /旧的 \.xls\/\.et 格式工作簿.*另存为 \.xlsx/],
    ['an old .et (BIFF5 Book stream)', ['Book'], 'xls', /旧的 \.xls\/\.et 格式工作簿/],
    ['an OLE file that is no workbook', ['WordDocument'], 'other', /Office 旧格式的文件，不是 \.xlsx 工作簿/],
  ])('%s is told apart, with what to do', async (_name, streams, kind, pattern) => {
    const data = oleFile(streams);
    expect(oleKind(data)).toBe(kind);
    const f = join(dir, `ole-${kind}-${streams[0]}.xlsx`);
    writeFileSync(f, data);
    const r = await runCli(['score', f]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(pattern);
    expect(readFileSync(f).equals(data)).toBe(true);
  });
});
