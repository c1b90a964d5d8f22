// Every file-system failure the CLI meets is one sentence naming the path and what to do: never Node's raw text
// (ENOENT: …, EISDIR: …) and never a stack trace. Windows' wording for a file held open by Excel is checked by
// making the call fail as Windows makes it fail (EBUSY/EPERM/EACCES) with the platform set to win32.
import { mkdirSync, mkdtempSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { advancedAssessment } from '../fixtures/jiangsu';
import { runCli } from './run-cli';

const dir = mkdtempSync(join(tmpdir(), 'sfa-fs-'));
const file = (name: string, content: string) => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};
const assessment = file('a.json', JSON.stringify(advancedAssessment()));
mkdirSync(join(dir, '文件夹'));
/** The next call of a file-system function fails with this error code, as the OS would make it fail. */
const mockFailNext: Record<string, string | undefined> = {};
jest.mock('node:fs/promises', () => {
  const actual = jest.requireActual('node:fs/promises');
  const failing =
    (name: string) =>
    (...args: unknown[]) => {
      const code = mockFailNext[name];
      if (code) {
        mockFailNext[name] = undefined;
        return Promise.reject(Object.assign(new Error(`${code}: raw node text`), { code }));
      }
      return actual[name](...args);
    };
  return { ...actual, rename: failing('rename'), readFile: failing('readFile'), open: failing('open') };
});
const failNext = (fn: 'rename' | 'readFile' | 'open', code: string) => (mockFailNext[fn] = code);

const RAW = /E[A-Z]{3,}:|\bat \w+ \(|node:internal|Unexpected token|JSON at position/;

async function oneLine(args: string[], pattern: RegExp, opts: { platform?: NodeJS.Platform } = {}) {
  const r = await runCli(args, opts);
  expect(r.code).toBe(2);
  expect(r.err).toMatch(pattern);
  expect(r.err).not.toMatch(RAW);
  expect(r.err.trim().split('\n')).toHaveLength(1);
  return r;
}

describe('file-system errors are one sentence with what to do', () => {
  it.each([
    [
      'an output in a folder that does not exist',
      ['template', '-o', '/nonexistent/dir/a.xlsx'],
      /无法写入 \/nonexistent\/dir\/a\.xlsx：文件夹 \/nonexistent\/dir 不存在，请先建立该文件夹或换一个位置/,
    ],
    ['an output that is a folder', ['template', '-o', join(dir, '文件夹')], /文件夹 是一个文件夹；请给出要写入的文件名/],
    ['an output that exists', ['template', '-o', file('已有.xlsx', 'mine')], /已有\.xlsx 已存在；要覆盖请加 --force/],
    ['an output named for another kind of file', ['template', '-o', assessment], /a\.json：要写入的是工作簿，文件名应以 \.xlsx 结尾/],
    ['an output below a file', ['template', '-o', join(assessment, 'x.xlsx')], /路径中有一段是文件而不是文件夹/],
    ['export of a workbook that does not exist', () => ['export', '/nowhere.xlsx', '-o', '/nonexistent/a.json'], /\/nowhere\.xlsx 不存在，请检查文件名和路径/],
    ['a missing input', ['score', join(dir, 'nope.json')], /nope\.json 不存在，请检查文件名和路径/],
    ['an input that is a folder', ['score', join(dir, '文件夹')], /文件夹 是一个文件夹，不是文件/],
    ['a merge of a folder that does not exist', ['merge', '/nonexistent/收到的申报', '-o', join(dir, 'm.xlsx')], /\/nonexistent\/收到的申报 不存在/],
    ['a merge written into a folder that does not exist', ['merge', assessment, '-o', '/nonexistent/m.xlsx'], /文件夹 \/nonexistent 不存在/],
    ['a text file given to score', ['score', file('说明.txt', 'not a workbook\n')], /说明\.txt 既不是 \.xlsx 工作簿，也不是 JSON 格式的自评数据/],
    ['a JSON file cut short', ['score', file('cut.json', '{"indicators": ')], /cut\.json 不是有效的 JSON：内容在结尾处不完整/],
    ['a JSON file with a syntax error', ['score', file('comma.json', '{\n  "a": 1,\n}')], /comma\.json 不是有效的 JSON：第 3 行第 1 列不符合 JSON 格式/],
  ])('%s', async (_name, args, pattern) => {
    await oneLine(typeof args === 'function' ? args() : args, pattern);
  });

  it('says the same in English', async () => {
    await oneLine(
      ['template', '-o', '/nonexistent/dir/a.xlsx', '--lang', 'en'],
      /cannot write \/nonexistent\/dir\/a\.xlsx: the folder \/nonexistent\/dir does not exist; create it first/,
    );
    await oneLine(['score', file('readme.txt', 'hello'), '--lang', 'en'], /readme\.txt is neither an \.xlsx workbook nor an assessment in JSON/);
  });

  it.each(['EBUSY', 'EPERM', 'EACCES'])('a file held open by Excel or WPS on Windows (%s on rename) says to close it', async (code) => {
    failNext('rename', code);
    const out = join(dir, `打开着-${code}.xlsx`);
    await oneLine(['template', '-o', out, '--force'], /打开着-\w+\.xlsx：文件正被其他程序占用（可能在 Excel 或 WPS 中打开着），请关闭后重试/, {
      platform: 'win32',
    });
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]); // the temporary file is removed
  });

  it.each([
    ['EACCES', /没有权限写入 .*\.xlsx；请换一个位置，或请管理员开放权限/],
    ['EPERM', /没有权限写入/],
    ['EBUSY', /文件正被其他程序占用/],
    ['EROFS', /所在位置是只读的/],
    ['ENOSPC', /磁盘空间不足/],
    ['EIO', /无法写入 .*（系统错误 EIO）/],
  ])('%s when writing elsewhere', async (code, pattern) => {
    failNext('rename', code);
    await oneLine(['template', '-o', join(dir, `w-${code}.xlsx`)], pattern, { platform: 'linux' });
  });

  it('an input held open by Excel (EBUSY on open) says to close it, in both languages', async () => {
    failNext('open', 'EBUSY');
    await oneLine(['score', assessment], /无法读取 .*a\.json：文件正被其他程序占用（可能在 Excel 或 WPS 中打开着），请关闭后重试/);
    failNext('open', 'EBUSY');
    await oneLine(
      ['score', assessment, '--lang', 'en'],
      /cannot read .*a\.json: another program holds the file \(open in Excel or WPS\?\); close it and try again/,
    );
  });

  it.each(['EPERM', 'EACCES'])('an input Excel holds open on Windows (%s on open) says to close it', async (code) => {
    failNext('open', code);
    await oneLine(['score', assessment], /无法读取 .*a\.json：文件正被其他程序占用/, { platform: 'win32' });
  });

  it('no permission to read an input', async () => {
    failNext('open', 'EACCES'); // inputs are opened (O_NOFOLLOW | O_NONBLOCK), then read from the descriptor
    await oneLine(['score', assessment], /没有权限读取 .*a\.json/, { platform: 'linux' });
  });

  it('the built sfa prints no stack trace for a write into a missing folder', () => {
    const r = spawnSync(process.execPath, [join(__dirname, '..', '..', 'bin', 'sfa.js'), 'template', '-o', '/nonexistent/dir/a.xlsx'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('sfa: 无法写入 /nonexistent/dir/a.xlsx：文件夹 /nonexistent/dir 不存在，请先建立该文件夹或换一个位置\n');
  });
});
