// Reading never loads ExcelJS (it stays for writing): the pane's merge worker, `sfa score` and `sfa export`
// read through the bounded reader alone, so the worker no longer fetches the ExcelJS chunk.
let excelLoads = 0;
jest.mock('exceljs', () => {
  excelLoads++;
  return jest.requireActual('exceljs');
});

import { enterpriseAssessment, enterpriseWorkbook } from '../../corpus/make-corpus';

it('reads a workbook in the pane and for sfa without loading ExcelJS', async () => {
  const bytes = await enterpriseWorkbook(enterpriseAssessment({ name: '样本企业有限公司', aim: 'advanced', score: 75 }));
  excelLoads = 0;
  await jest.isolateModulesAsync(async () => {
    const { readMergeInput } = await import('../../../src/taskpane/merge/read-input');
    const { paneStrings } = await import('../../../src/taskpane/strings');
    const input = await readMergeInput({ name: 'a.xlsx', lastModified: 1 }, bytes, 'zh', paneStrings('zh'));
    expect(input.failure).toBeUndefined();
    expect(input.assessment?.profile?.enterpriseName).toBe('样本企业有限公司');
    const { loadAssessmentFile } = await import('../../../src/cli/load-assessment');
    expect(loadAssessmentFile).toBeDefined();
  });
  expect(excelLoads).toBe(0);
});
