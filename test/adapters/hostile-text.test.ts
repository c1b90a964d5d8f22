// Issue 14 item 1: one character must not break the bureau's summary for good. Texts with characters XML 1.0
// forbids (and longer than a cell holds) pass the one sanitiser in both renderers; the summary reopens in
// openpyxl (an independent reader) and with `sfa merge --into`, and the change is a warning naming the field.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mergeSummary, type MergeInput } from '../../src/domain';
import { EXCEL_CELL_MAX_CHARS } from '../../src/domain/text/sanitise';
import { readMergedSummary, writeMergedSummary } from '../../src/adapters/xlsx/merged';
import { nodeInflater } from '../../src/adapters/xlsx/inflate-node';
import { buildMergedWorkbook } from '../../src/workbook/merged-summary';
import { sheetGrid } from '../../src/adapters/office/render';
import { advancedAssessment, J, validCreditCode } from '../fixtures/jiangsu';

const HOSTILE = '恶意\uFFFE企业\uFFFF\u0000\u001B[31m\uD800有限公司';
const header = { unit: '南京市\uFFFF工信局', contact: '李四', phone: '025-1' };

function hostileInputs(): MergeInput[] {
  const a = advancedAssessment();
  a.profile = { ...a.profile, enterpriseName: HOSTILE, creditCode: validCreditCode('91320100000000001'), address: '长'.repeat(EXCEL_CELL_MAX_CHARS + 100) };
  const b = advancedAssessment();
  b.profile = { ...b.profile, enterpriseName: '正常企业', creditCode: validCreditCode('91320100000000002') };
  return [
    { file: '文件\uFFFE名\u0007.xlsx', modified: 1, rubric: J, assessment: a },
    { file: 'ok.xlsx', modified: 2, rubric: J, assessment: b },
  ];
}

/** Every string an openpyxl load sees in every sheet, as JSON (fails if openpyxl refuses the file). */
function openpyxlStrings(file: string): string[] {
  const py = `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
out = []
for ws in wb.worksheets:
    for row in ws.iter_rows(values_only=True):
        out.extend(v for v in row if isinstance(v, str))
print(json.dumps(out))`;
  const r = spawnSync('/usr/bin/python3', ['-c', py, file], { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`openpyxl refused ${file}: ${r.stderr}`);
  return JSON.parse(r.stdout) as string[];
}

describe('hostile text in the merged summary', () => {
  const result = mergeSummary([], hostileInputs(), { lang: 'zh' });

  it('warns about each changed field, naming it', () => {
    const f = result.report.files[0]!;
    expect(f.warnings.filter((w) => w.code === 'text').map((w) => [w.path, w.message])).toEqual([
      ['profile.enterpriseName', '企业名称含 5 个工作簿不能保存的字符（控制字符、U+FFFE/U+FFFF 或不成对的代理项），写入时已替换为 �'],
      ['profile.address', `单位地址超过 Excel 单元格上限 32767 个字符，写入时截去末尾 100 个字符`],
    ]);
  });

  it('the .xlsx reopens in openpyxl and with --into, the characters shown as �', async () => {
    const data = await writeMergedSummary(J, result, header, 'zh');
    const dir = mkdtempSync(join(tmpdir(), 'sfa-hostile-text-'));
    const file = join(dir, 'summary.xlsx');
    writeFileSync(file, data);
    const strings = openpyxlStrings(file);
    expect(strings).toContain('恶意�企业���[31m�有限公司');
    expect(strings).toContain('文件�名�.xlsx');
    expect(strings).toContain('南京市�工信局');
    expect(Math.max(...strings.map((s) => s.length))).toBeLessThanOrEqual(EXCEL_CELL_MAX_CHARS);
    const back = await readMergedSummary(data, 'zh', { inflate: nodeInflater });
    expect(back.rows.map((r) => r.enterpriseName).sort()).toEqual(['恶意�企业���[31m�有限公司', '正常企业']);
    expect(back.header.unit).toBe('南京市�工信局');
    // and a later merge into it works again
    const again = mergeSummary(back.rows, hostileInputs());
    expect(again.rows).toHaveLength(2);
  });

  it('the Office renderer writes the same sanitised values', () => {
    const { sheets } = buildMergedWorkbook(J, result, header, 'zh');
    const values = sheets.flatMap((s) => sheetGrid(s)?.formulas.flat() ?? []).filter((v): v is string => typeof v === 'string');
    expect(values).toContain('恶意�企业���[31m�有限公司');
    // eslint-disable-next-line no-control-regex -- the characters the sanitiser must have removed
    expect(values.some((v) => /[\uFFFE\uFFFF\u0000-\u0008\u001B]/u.test(v))).toBe(false);
  });
});
