// `sfa application` of a file with no 申报书 data: one line saying so and what to fill in, exit 2 (as every
// file sfa cannot use), and no document written.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './run-cli';

const ROOT = join(__dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'sfa-app-none-'));

describe('sfa application without 申报书 data', () => {
  const noApp = join(ROOT, 'examples', 'with-errors.json');

  test('a JSON without its application section: one sentence on stderr, exit 2, nothing written', async () => {
    const out = join(dir, '申报书.docx');
    const r = await runCli(['application', noApp, '-o', out]);
    expect([r.code, r.out]).toEqual([2, '']);
    expect(r.err).toBe(
      `sfa: ${noApp} 中没有申报书（附件5）的内容，未生成申报书：请先在自评表的申报书各工作表（申报书-基本信息 至 附件清单）中填写，` +
        '或在 JSON 中填写 application 部分（示例见 examples/application.json）\n',
    );
    expect(existsSync(out)).toBe(false);
    const e = await runCli(['application', noApp, '-o', out, '--lang', 'en']);
    expect(e.code).toBe(2);
    expect(e.err).toMatch(
      /^sfa: .*with-errors\.json holds no 申报书 \(application, annex 5\) data, so no document was written: fill in .*examples\/application\.json\)\n$/,
    );
    expect(existsSync(out)).toBe(false);
  });

  test('an empty template (its 申报书 sheets blank) is refused alike', async () => {
    const xlsx = join(dir, '空白.xlsx');
    expect((await runCli(['template', '-o', xlsx])).code).toBe(0);
    const out = join(dir, '空白.docx');
    const r = await runCli(['application', xlsx, '-o', out]);
    expect([r.code, r.out]).toEqual([2, '']);
    expect(r.err).toMatch(/^sfa: .*空白\.xlsx 中没有申报书（附件5）的内容/);
    expect(r.err.split('\n')).toHaveLength(2);
    expect(existsSync(out)).toBe(false);
  });

  test('the complete example still writes its document, exit 0', async () => {
    const out = join(dir, '完整.docx');
    const r = await runCli(['application', join(ROOT, 'examples', 'application.json'), '-o', out]);
    expect([r.code, r.err, r.out]).toEqual([0, '', `已写入 ${out}\n`]);
    expect(existsSync(out)).toBe(true);
  });
});
