// `sfa template --from x.json` says, per field, what the workbook cannot hold as given: a text longer than a
// cell (32,767 characters) is cut with the field, its cell, the limit and the start of what is cut named; a
// forbidden control character is replaced and said; in Chinese by default and in English with --lang en.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './run-cli';

const dir = mkdtempSync(join(tmpdir(), 'sfa-template-texts-'));
const example = JSON.parse(readFileSync(join(__dirname, '..', '..', 'examples', 'application.json'), 'utf8'));
const long = '甲'.repeat(32_767) + '这一段会被截去'.repeat(3);
example.profile.address = long;
example.profile.factoryName = '某某\u0007智能工厂';
example.application.cover.projectName = 'x'.repeat(32_770);
const from = join(dir, 'long.json');
writeFileSync(from, JSON.stringify(example));

describe('sfa template --from with texts a cell cannot hold', () => {
  it('writes the workbook and warns once per field, naming it, its cell, the limit and what was cut (Chinese)', async () => {
    const out = join(dir, 'zh.xlsx');
    const r = await runCli(['template', '--from', from, '-o', out]);
    expect(r.code).toBe(0);
    const lines = r.err.trim().split('\n');
    expect(lines).toHaveLength(3);
    const address = lines.find((l) => l.includes('地址'))!;
    expect(address).toMatch(
      /^sfa: .*地址（企业信息!B\d+）超过 Excel 单元格上限 32767 个字符，写入时截去末尾 21 个字符（从「这一段会被截去这一段会被截去这一段会被截」起）$/,
    );
    expect(lines.some((l) => /^sfa: .*（企业信息!B\d+）含 1 个工作簿不能保存的字符/.test(l))).toBe(true);
    expect(lines.some((l) => /^sfa: 申报书-基本信息!\w+\d+超过 Excel 单元格上限 32767 个字符，写入时截去末尾 3 个字符（从「xxx」起）$/.test(l))).toBe(true);
    const json = join(dir, 'back.json');
    expect((await runCli(['export', out, '-o', json])).code).toBeLessThanOrEqual(1);
    expect(JSON.parse(readFileSync(json, 'utf8')).profile.address).toBe(long.slice(0, 32_767));
  });

  it('says the same in English with --lang en', async () => {
    const r = await runCli(['template', '--from', from, '-o', join(dir, 'en.xlsx'), '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/is longer than an Excel cell holds \(32767 characters\); the last 21 characters \(from “这一段会被截去.*”\) were cut when written/);
    expect(r.err).toMatch(/holds 1 character a workbook cannot store/);
    expect(r.err).not.toMatch(/超过|字符，/);
  });

  it('says nothing for an assessment whose texts fit', async () => {
    const r = await runCli(['template', '--from', join(__dirname, '..', '..', 'examples', 'advanced.json'), '-o', join(dir, 'ok.xlsx')]);
    expect([r.code, r.err]).toEqual([0, '']);
  });
});
