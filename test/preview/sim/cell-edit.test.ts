// Finding 5: while a person edits a cell, a batch fails (InvalidOperationInCellEditMode) unless it runs with
// Excel.run({ delayForCellEdit: true }) (ExcelApi 1.5), which waits for the edit to end.
import { installSimOffice } from '../../../src/preview/sim/office-global';
import { SimWorkbook, newSheet } from '../../../src/preview/sim/model';

const write = (context: Excel.RequestContext) => {
  context.workbook.worksheets.getItem('Sheet1').getRange('A1').values = [['ours']];
  return context.sync();
};

describe('cell-edit mode', () => {
  function setup(excelApi?: number) {
    const model = new SimWorkbook();
    model.sheets.push(newSheet('Sheet1'));
    installSimOffice(model, { excelApi });
    return model;
  }

  it('a batch fails while the user edits a cell', async () => {
    const model = setup();
    model.beginCellEdit();
    await expect(Excel.run(write)).rejects.toMatchObject({ code: 'InvalidOperationInCellEditMode' });
    expect(model.peek(model.sheets[0]!, 1, 1)).toBeUndefined();
  });

  it('with delayForCellEdit the batch waits for the edit to end, then runs', async () => {
    const model = setup();
    model.beginCellEdit();
    let done = false;
    const run = Excel.run({ delayForCellEdit: true }, write).then(() => (done = true));
    await new Promise((r) => setTimeout(r, 0));
    expect(done).toBe(false);
    model.endCellEdit();
    await run;
    expect(model.peek(model.sheets[0]!, 1, 1)!.value).toBe('ours');
  });

  it('below ExcelApi 1.5 the option does nothing', async () => {
    const model = setup(4);
    model.beginCellEdit();
    await expect(Excel.run({ delayForCellEdit: true }, write)).rejects.toMatchObject({ code: 'InvalidOperationInCellEditMode' });
  });
});
