import { mergeSummary, score } from '../../src/domain';
import { buildMergedWorkbook, summaryRowsFromValues, HIDDEN_KEYS } from '../../src/workbook/merged-summary';
import { parseCell } from '../../src/workbook/a1';
import type { SheetSpec } from '../../src/workbook/types';
import { advancedAssessment, J, validCreditCode } from '../fixtures/jiangsu';

function cellsOf(sheet: SheetSpec): Map<string, unknown> {
  const m = new Map<string, unknown>();
  for (const b of sheet.blocks) {
    const p = parseCell(b.at);
    b.rows.forEach((r, i) => r.forEach((v, j) => m.set(`${p.row + i},${p.col + j}`, v)));
  }
  return m;
}

describe('merged summary workbook', () => {
  const a = advancedAssessment();
  const b = {
    ...advancedAssessment(),
    profile: { ...advancedAssessment().profile, enterpriseName: '=HYPERLINK("x")', creditCode: validCreditCode('91320100MA1ZZZZZ0') },
  };
  b.indicators!['3'] = { level: 3, score: 50 };
  const result = mergeSummary(
    [],
    [
      { file: 'a.xlsx', modified: 1, assessment: a, rubric: J },
      { file: 'b.xlsx', modified: 2, assessment: b, rubric: J },
      { file: 'broken.xlsx', modified: 3, rubric: J, failure: '不是 Excel 文件' },
    ],
  );
  const { sheets, names } = buildMergedWorkbook(J, result, { unit: '南京市工信局', contact: '李四', phone: '025-1' }, 'zh');

  it('has the official table in priority order with the header fields, landscape A4', () => {
    const [summary] = sheets;
    const cells = cellsOf(summary!);
    expect(summary!.name).toBe('推荐汇总表');
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9].map((c) => cells.get(`3,${c}`))).toEqual([
      '序号',
      '企业名称',
      '工厂名称',
      '所属集群',
      '所属产业链',
      '所属行业',
      '联系人',
      '手机',
      '备注',
    ]);
    expect(cells.get('2,3')).toBe('南京市工信局');
    expect(cells.get('4,2')).toBe('江苏某某精密机械有限公司'); // 先进级 first
    expect(cells.get('4,9')).toBe(`先进级，综合得分 ${score(J, a).composite!.toFixed(2)}`);
    expect(cells.get('5,2')).toBe('=HYPERLINK("x")'); // text, never a formula
    // 序号 and the composite stay numbers; every text column is '@' so nothing turns into a formula.
    const fmtAt = (col: string) => summary!.blocks.find((b) => b.at === `${col}4`)?.numFmt;
    expect([fmtAt('A'), fmtAt('B'), fmtAt('L'), fmtAt('N')]).toEqual(['0', '@', '0.00', '0']);
    expect([cells.get('4,1'), cells.get('5,1')]).toEqual([1, 2]);
    expect(typeof cells.get('4,12')).toBe('number');
    expect(summary!.print.orientation).toBe('landscape');
    expect(summary!.hiddenColumns).toEqual(expect.arrayContaining(['J', 'K', 'L', 'M', 'N', 'O']));
    // A clerk who unhides them reads what they hold, not a field key.
    expect(['J', 'K', 'L', 'M', 'N', 'O'].map((_, i) => cells.get(`3,${10 + i}`))).toEqual([
      '统一社会信用代码（合并用）',
      '参考等级（合并用）',
      '综合得分（合并用）',
      '填表日期（合并用）',
      '文件修改时间（合并用）',
      '来源文件（合并用）',
    ]);
  });

  it('lists every file in 合并明细, errors with their cells when located', () => {
    const details = sheets.find((s) => s.name === '合并明细')!;
    const texts = [...cellsOf(details).values()].map(String);
    expect(details.name).toBe('合并明细');
    expect(texts).toContain('broken.xlsx');
    expect(texts.filter((t) => t.includes('不是 Excel 文件'))).toEqual(['无法读取：不是 Excel 文件']); // said once
    expect(texts.some((t) => t.startsWith('错误：') && t.includes('指标 3'))).toBe(true);
  });

  it('writes 合并明细 in English with English punctuation (「error: …」, never 「error：…」)', () => {
    const en = mergeSummary([], [{ file: 'b.xlsx', modified: 2, assessment: b, rubric: J }], { lang: 'en' });
    const details = buildMergedWorkbook(J, en, { unit: 'x', contact: 'y', phone: '1' }, 'en').sheets.find((s) => s.name === '合并明细')!;
    const texts = [...cellsOf(details).values()].map(String);
    expect(texts).toContain('Merge details (one row per input file, every problem listed)');
    expect(texts.some((t) => t.startsWith('error: ') && t.includes('indicator 3'))).toBe(true);
    expect(texts.filter((t) => /^(error|warning|to verify)：/.test(t))).toEqual([]);
  });

  it('reads its own table back with the hidden keys, so a later merge can match rows', () => {
    const table = names.find((n) => n.name === 'SFA_MERGED_TABLE')!;
    expect(table.ref).toMatch(/^'推荐汇总表'!\$A\$4:\$O\$5$/);
    const cells = cellsOf(sheets[0]!);
    const values = [4, 5].map((r) => Array.from({ length: 9 + HIDDEN_KEYS.length }, (_, c) => cells.get(`${r},${c + 1}`) ?? null));
    const back = summaryRowsFromValues(values);
    expect(back.map((r) => ({ ...r }))).toEqual(result.rows.map((r) => ({ ...r })));
  });
});
