// The merged summary as a file, read back for `sfa merge --into`.
import ExcelJS from 'exceljs';
import { mergeSummary, type MergeInput } from '../../../src/domain';
import { readMergedSummary, writeMergedSummary } from '../../../src/adapters/xlsx/merged';
import { nodeInflater } from '../../../src/adapters/xlsx/inflate-node';
import { advancedAssessment, J, validCreditCode } from '../../fixtures/jiangsu';

const header = { unit: '南京市工业和信息化局', contact: '李四', phone: '025-12345678' };
function inputs(n: number): MergeInput[] {
  return Array.from({ length: n }, (_, i) => {
    const a = advancedAssessment();
    a.profile = { ...a.profile, enterpriseName: `企业${i}`, creditCode: validCreditCode(`913201000000${String(i).padStart(5, '0')}`) };
    return { file: `${i}.json`, modified: i, rubric: J, assessment: a };
  });
}

describe('readMergedSummary', () => {
  it('reads back a summary of 1,000 enterprises (the benchmark size), not only small ones', async () => {
    const file = await writeMergedSummary(J, mergeSummary([], inputs(1000)), header, 'zh');
    const back = await readMergedSummary(file, 'zh', { inflate: nodeInflater });
    expect(back.rows).toHaveLength(1000);
    expect(back.header).toEqual(header);
  });

  it('keeps a row a person typed under the table, where the defined name does not reach', async () => {
    const file = await writeMergedSummary(J, mergeSummary([], inputs(2)), header, 'zh');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('推荐汇总表')!;
    ws.getRow(6).values = [3, '手工补录企业', '某厂', '高端装备', '汽车零部件', '通用设备制造业', '王五', '13900000000', '待核'];
    const edited = Buffer.from(await wb.xlsx.writeBuffer());
    const back = await readMergedSummary(edited, 'zh', { inflate: nodeInflater });
    expect(back.rows.map((r) => r.enterpriseName)).toEqual(['企业0', '企业1', '手工补录企业']);
    // and a later merge keeps it
    const again = mergeSummary(back.rows, inputs(1));
    expect(again.rows.map((r) => r.enterpriseName)).toContain('手工补录企业');
  });
});
