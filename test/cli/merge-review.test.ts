// 审核 in the file sfa merge writes: an Excel table with the reviewer's columns, kept by a later --into merge.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { enterprise, workbookBytes } from '../fixtures/enterprise-workbooks';
import { runCli } from './run-cli';

const header = (ws: ExcelJS.Worksheet) => (ws.getRow(3).values as unknown[]).slice(1).map(String);
const rowOf = (ws: ExcelJS.Worksheet, name: string) => {
  for (let r = 4; r <= ws.rowCount; r++) if (ws.getCell(r, 2).value === name) return r;
  throw new Error(`no row for ${name}`);
};

describe('sfa merge: 审核', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sfa-review-'));
  const out1 = join(dir, '汇总-1.xlsx');
  const out2 = join(dir, '汇总-2.xlsx');
  beforeAll(async () => {
    writeFileSync(join(dir, '甲.xlsx'), await workbookBytes(enterprise('甲企业', '91320500MA1AAAAA0', 75)));
    writeFileSync(join(dir, '乙.xlsx'), await workbookBytes(enterprise('乙企业', '91320500MA1BBBBB0', 78)));
    writeFileSync(join(dir, '丙.xlsx'), await workbookBytes(enterprise('丙企业', '91320500MA1CCCCC0', 70)));
  });

  it('writes one row per enterprise as a sortable, filterable Excel table, with the file name, date and SHA-256 reviewed', async () => {
    expect((await runCli(['merge', join(dir, '甲.xlsx'), join(dir, '乙.xlsx'), '-o', out1])).code).toBe(0);
    const data = readFileSync(out1);
    const zip = await JSZip.loadAsync(data);
    const table = await zip.file('xl/tables/table1.xml')!.async('string');
    expect(table).toMatch(/<table [^>]*name="SFA_Review"[^>]*ref="A3:W5"/);
    expect(table).toContain('<autoFilter ref="A3:W5"/>');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(data as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('审核')!;
    const cols = header(ws);
    expect(cols.slice(0, 4)).toEqual(['序号', '企业名称', '统一社会信用代码', '需核实']);
    expect(cols).toEqual(
      expect.arrayContaining([
        '参考等级（重算）',
        '直接认定',
        '申报书完整度',
        '文件所称等级',
        '计算结果核对',
        '信用代码校验',
        '文件名',
        '文件修改时间',
        '文件 SHA-256',
        '审核意见',
        '是否推荐',
      ]),
    );
    const r = rowOf(ws, '甲企业');
    const at = (c: string) => ws.getCell(r, cols.indexOf(c) + 1);
    expect(at('文件 SHA-256').value).toBe(
      createHash('sha256')
        .update(readFileSync(join(dir, '甲.xlsx')))
        .digest('hex'),
    );
    expect(String(at('文件名').value)).toMatch(/甲\.xlsx$/);
    expect(at('文件修改时间').value).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d$/);
    expect(at('审核意见').protection?.locked).toBe(false);
    expect(at('是否推荐').dataValidation?.formulae).toEqual(['"是,否,待定"']);
  });

  it('keeps 审核意见 and 是否推荐 when new files are merged into the summary', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(out1) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('审核')!;
    const cols = header(ws);
    ws.getCell(rowOf(ws, '甲企业'), cols.indexOf('审核意见') + 1).value = '现场核查通过';
    ws.getCell(rowOf(ws, '甲企业'), cols.indexOf('是否推荐') + 1).value = '是';
    ws.getCell(rowOf(ws, '乙企业'), cols.indexOf('审核意见') + 1).value = '需补材料';
    writeFileSync(out1, Buffer.from(await wb.xlsx.writeBuffer()));

    expect((await runCli(['merge', join(dir, '丙.xlsx'), '--into', out1, '-o', out2])).code).toBe(0);
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(readFileSync(out2) as unknown as ArrayBuffer);
    const ws2 = wb2.getWorksheet('审核')!;
    const cols2 = header(ws2);
    const cell = (name: string, c: string) => ws2.getCell(rowOf(ws2, name), cols2.indexOf(c) + 1).value;
    expect([cell('甲企业', '审核意见'), cell('甲企业', '是否推荐')]).toEqual(['现场核查通过', '是']);
    expect([cell('乙企业', '审核意见'), cell('乙企业', '是否推荐')]).toEqual(['需补材料', null]);
    expect([cell('丙企业', '审核意见'), cell('丙企业', '是否推荐')]).toEqual([null, null]);
    // The kept rows still say which file was reviewed.
    expect(cell('甲企业', '文件 SHA-256')).toBe(
      createHash('sha256')
        .update(readFileSync(join(dir, '甲.xlsx')))
        .digest('hex'),
    );
  });
});
