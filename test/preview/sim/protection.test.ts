// Findings 2 and 7: what a protected sheet refuses (values on locked cells, formats without
// allowFormatCells, validation, merges, structure) and protect() on a protected sheet.
import { host } from './host';

async function protectedSheet(options: Record<string, boolean> = {}) {
  const h = host();
  const ws = h.wb.worksheets.getItem('Sheet1');
  ws.getRange('B2').format.protection.locked = false;
  ws.protection.protect(options);
  await h.context.sync();
  return { ...h, ws };
}

describe('a protected worksheet', () => {
  it('takes values in unlocked cells only', async () => {
    const { ws, context, model } = await protectedSheet();
    ws.getRange('B2').values = [['ok']];
    await context.sync();
    expect(model.peek(model.sheet('Sheet1')!, 2, 2)!.value).toBe('ok');
    ws.getRange('A1').values = [['no']];
    await expect(context.sync()).rejects.toMatchObject({ code: 'AccessDenied' });
  });

  it('refuses a number format, even on an unlocked cell, unless allowFormatCells', async () => {
    const { ws, context } = await protectedSheet({ allowFormatColumns: true });
    ws.getRange('B2').numberFormat = [['@']];
    await expect(context.sync()).rejects.toMatchObject({ code: 'AccessDenied' });
    const allowed = await protectedSheet({ allowFormatCells: true });
    allowed.ws.getRange('B2').numberFormat = [['@']];
    allowed.ws.getRange('B2').format.font.bold = true;
    await allowed.context.sync();
    expect(allowed.model.peek(allowed.model.sheet('Sheet1')!, 2, 2)!.numberFormat).toBe('@');
  });

  it('refuses data validation, merges, conditional formats and clearing', async () => {
    const { ws, context } = await protectedSheet({ allowFormatCells: false });
    const tries: (() => void)[] = [
      () => (ws.getRange('B2').dataValidation.rule = { wholeNumber: { formula1: 0, operator: 'GreaterThan' } }),
      () => ws.getRange('B2').dataValidation.clear(),
      () => ws.getRange('C3:D3').merge(false),
      () => ws.getRange('B2').conditionalFormats.add('Custom' as Excel.ConditionalFormatType),
      () => ws.getRange().clear('All'),
    ];
    for (const t of tries) {
      t();
      await expect(context.sync()).rejects.toMatchObject({ code: 'AccessDenied' });
    }
  });

  it('column widths and hiding need allowFormatColumns', async () => {
    const { ws, context, model } = await protectedSheet();
    ws.getRange('C:C').format.columnWidth = 40;
    await expect(context.sync()).rejects.toMatchObject({ code: 'AccessDenied' });
    const allowed = await protectedSheet({ allowFormatColumns: true });
    allowed.ws.getRange('C:C').columnHidden = true;
    await allowed.context.sync();
    expect([...allowed.model.sheet('Sheet1')!.hiddenColumns]).toEqual([3]);
    expect(model.sheet('Sheet1')!.hiddenColumns.size).toBe(0);
  });

  it('row heights need allowFormatRows, column widths allowFormatColumns, each set on every row or column of the range', async () => {
    const refused = await protectedSheet({ allowFormatColumns: true });
    refused.ws.getRange('A2:B3').format.rowHeight = 30;
    await expect(refused.context.sync()).rejects.toMatchObject({ code: 'AccessDenied' });
    const { ws, context, model } = await protectedSheet({ allowFormatRows: true, allowFormatColumns: true });
    ws.getRange('A2:B3').format.rowHeight = 30;
    ws.getRange('B2:C2').format.columnWidth = 40;
    await context.sync();
    expect([...model.sheet('Sheet1')!.rowHeights]).toEqual([
      [2, 30],
      [3, 30],
    ]);
    expect([...model.sheet('Sheet1')!.columnWidths]).toEqual([
      [2, 40],
      [3, 40],
    ]);
  });

  it('protect() fails on a sheet already protected; unprotect() then protect() works', async () => {
    const { ws, context, model } = await protectedSheet();
    ws.protection.protect();
    await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidOperation' });
    ws.protection.unprotect();
    ws.protection.protect({ allowFormatRows: true });
    await context.sync();
    expect(model.sheet('Sheet1')!.protectionOptions).toEqual({ allowFormatRows: true });
  });

  it('a protected workbook structure refuses adding, moving and hiding sheets', async () => {
    const { wb, context, model } = host(['A', 'B']);
    wb.protection.protect();
    await context.sync();
    for (const t of [() => wb.worksheets.add('C'), () => (wb.worksheets.getItem('B').position = 0), () => (wb.worksheets.getItem('B').visibility = 'Hidden')]) {
      t();
      await expect(context.sync()).rejects.toMatchObject({ code: 'AccessDenied' });
    }
    wb.protection.protect();
    await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidOperation' });
    expect(model.sheets.map((s) => s.name)).toEqual(['A', 'B']);
  });
});
