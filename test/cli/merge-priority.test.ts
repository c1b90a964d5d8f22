// The bureau's 推荐顺序 through files: typed into the merged workbook, kept by `sfa merge --into`.
import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { basicTier, enterprise, workbookBytes } from '../fixtures/enterprise-workbooks';
import { runCli } from './run-cli';

const column = (ws: ExcelJS.Worksheet, col: string, from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => ws.getCell(`${col}${from + i}`).value);

describe('sfa merge keeps the bureau’s 推荐顺序', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sfa-priority-'));
  const out1 = join(dir, '汇总-1.xlsx');
  const out2 = join(dir, '汇总-2.xlsx');
  const out3 = join(dir, '汇总-3.xlsx');

  beforeAll(async () => {
    writeFileSync(join(dir, '甲.xlsx'), await workbookBytes(enterprise('甲企业', '91320500MA1AAAAA0', 75)));
    writeFileSync(join(dir, '丙.xlsx'), await workbookBytes(enterprise('丙企业', '91320500MA1CCCCC0', 85, basicTier)));
    writeFileSync(join(dir, '丁.xlsx'), await workbookBytes(enterprise('丁企业', '91320500MA1DDDDD0', 95)));
  });

  it('writes an editable 推荐顺序 column beside 备注; the next merge follows it and appends new enterprises after the ranked ones', async () => {
    expect((await runCli(['merge', join(dir, '甲.xlsx'), join(dir, '丙.xlsx'), '-o', out1])).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(out1) as unknown as ArrayBuffer);
    const s = wb.getWorksheet('推荐汇总表')!;
    expect(s.getCell('Q3').value).toBe('推荐顺序');
    expect(s.getCell('Q4').protection?.locked).toBe(false);
    expect(s.getColumn('Q').hidden).toBe(false);
    expect(column(s, 'B', 4, 5)).toEqual(['甲企业', '丙企业']); // default: 先进级 before 基础级
    // The bureau puts 丙 first.
    s.getCell('Q4').value = 2;
    s.getCell('Q5').value = 1;
    writeFileSync(out1, Buffer.from(await wb.xlsx.writeBuffer()));

    expect((await runCli(['merge', join(dir, '丁.xlsx'), '--into', out1, '-o', out2])).code).toBe(0);
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(readFileSync(out2) as unknown as ArrayBuffer);
    const s2 = wb2.getWorksheet('推荐汇总表')!;
    // The printed table (序号, 企业名称) follows the bureau's order; 丁 (先进级, 95) comes after the last ranked row.
    expect(column(s2, 'A', 4, 6)).toEqual([1, 2, 3]);
    expect(column(s2, 'B', 4, 6)).toEqual(['丙企业', '甲企业', '丁企业']);
    expect(column(s2, 'Q', 4, 6)).toEqual([1, 2, null]);
  });

  it('re-sorts a summary by 推荐顺序 with --into alone (no new files)', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(out2) as unknown as ArrayBuffer);
    wb.getWorksheet('推荐汇总表')!.getCell('Q6').value = '１'; // typed as full-width text: 丁 first, ties by the default order
    writeFileSync(out2, Buffer.from(await wb.xlsx.writeBuffer()));
    const r = await runCli(['merge', '--into', out2, '-o', out3]);
    expect(r.code).toBe(0);
    const wb3 = new ExcelJS.Workbook();
    await wb3.xlsx.load(readFileSync(out3) as unknown as ArrayBuffer);
    expect(column(wb3.getWorksheet('推荐汇总表')!, 'B', 4, 6)).toEqual(['丁企业', '丙企业', '甲企业']);
  });

  it('still refuses a merge with neither files nor --into', async () => {
    const r = await runCli(['merge', '-o', join(dir, 'x.xlsx')]);
    expect(r.code).toBe(2);
  });
});
