// Finding 7: charts are not cell contents — Range.clear('All') leaves them; columns hidden stay hidden.
import { host } from './host';

describe('what clear() leaves', () => {
  it('charts survive clear("All"); a second add makes a second chart', async () => {
    const { model, wb, context } = host();
    const ws = wb.worksheets.getItem('Sheet1');
    ws.getRange('A1:B2').values = [
      ['a', 1],
      ['b', 2],
    ];
    ws.charts.add('RadarMarkers' as Excel.ChartType, ws.getRange('A1:B2'));
    ws.getRange('C:C').columnHidden = true;
    await context.sync();
    ws.getRange().clear('All');
    await context.sync();
    expect(model.sheet('Sheet1')!.charts).toHaveLength(1);
    expect([...model.sheet('Sheet1')!.hiddenColumns]).toEqual([3]);
    ws.charts.add('RadarMarkers' as Excel.ChartType, ws.getRange('A1:B2'));
    await context.sync();
    expect(model.sheet('Sheet1')!.charts.map((c) => c.name)).toEqual(['Chart 1', 'Chart 2']);
  });

  it('a chart found by name can be deleted; on a protected sheet only with allowEditObjects', async () => {
    const { model, wb, context } = host();
    const ws = wb.worksheets.getItem('Sheet1');
    ws.charts.add('RadarMarkers' as Excel.ChartType, ws.getRange('A1:B2')).name = 'R';
    ws.protection.protect();
    await context.sync();
    ws.charts.getItem('R').delete();
    await expect(context.sync()).rejects.toMatchObject({ code: 'AccessDenied' });
    ws.protection.unprotect();
    const c = ws.charts.getItemOrNullObject('R');
    await context.sync();
    expect(c.isNullObject).toBe(false);
    c.delete();
    await context.sync();
    expect(model.sheet('Sheet1')!.charts).toEqual([]);
  });
});
