// Finding 1: a reference to a sheet that does not exist yet is bound to #REF! for good; a list validation
// whose source does not resolve is refused when it is set. The lenient host recalculated at the end.
import { recalculate } from '../../../src/preview/recalc';
import { host } from './host';

describe('references to sheets are bound when written', () => {
  it('a formula pointing at a sheet added later in the batch stays #REF!', async () => {
    const { model, wb, context } = host();
    wb.worksheets.getItem('Sheet1').getRange('A1').formulas = [["='规则'!A1+1"]];
    wb.worksheets.add('规则').getRange('A1').values = [[41]];
    await context.sync();
    const cell = model.peek(model.sheet('Sheet1')!, 1, 1)!;
    expect(cell.formula).toBe('=#REF!+1');
    recalculate(model);
    expect(String(cell.value)).toMatch(/^#/);
  });

  it('the same formula written after the sheet exists computes', async () => {
    const { model, wb, context } = host();
    wb.worksheets.add('规则').getRange('A1').values = [[41]];
    wb.worksheets.getItem('Sheet1').getRange('A1').formulas = [["='规则'!A1+1"]];
    await context.sync();
    recalculate(model);
    expect(model.peek(model.sheet('Sheet1')!, 1, 1)!.value).toBe(42);
  });

  it('text inside a formula string is not a reference', async () => {
    const { model, wb, context } = host();
    wb.worksheets.getItem('Sheet1').getRange('A1').formulas = [['="见\'规则\'!A1"']];
    await context.sync();
    expect(model.peek(model.sheet('Sheet1')!, 1, 1)!.formula).toBe('="见\'规则\'!A1"');
  });

  it('a defined name to a missing sheet is #REF! and its range cannot be had', async () => {
    const { model, wb, context } = host();
    wb.names.add('X', "='规则'!$A$1");
    await context.sync();
    expect(model.names.get('X')).toBe('=#REF!');
    const r = wb.names.getItem('X').getRange();
    r.load('values');
    await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidReference' });
  });

  it('a list validation whose source sheet is missing is refused (InvalidArgument) and the batch stops', async () => {
    const { model, wb, context } = host();
    const r = wb.worksheets.getItem('Sheet1').getRange('B2');
    r.dataValidation.rule = { list: { inCellDropDown: true, source: "='规则'!$A$1:$A$3" } };
    r.values = [['after']];
    await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    expect(model.sheet('Sheet1')!.validations).toEqual([]);
    expect(model.peek(model.sheet('Sheet1')!, 2, 2)).toBeUndefined();
  });

  it('a list validation over an existing sheet, a defined name or a literal list is accepted', async () => {
    const { model, wb, context } = host(['Sheet1', '规则']);
    wb.names.add('LIST', "='规则'!$A$1:$A$2");
    const ws = wb.worksheets.getItem('Sheet1');
    ws.getRange('A1').dataValidation.rule = { list: { inCellDropDown: true, source: "='规则'!$A$1:$A$3" } };
    ws.getRange('A2').dataValidation.rule = { list: { inCellDropDown: true, source: '=LIST' } };
    ws.getRange('A3').dataValidation.rule = { list: { inCellDropDown: true, source: '是,否' } };
    await context.sync();
    expect(model.sheet('Sheet1')!.validations.map((v) => v.range)).toEqual(['A1', 'A2', 'A3']);
  });
});
