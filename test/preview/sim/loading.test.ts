// Finding 6: nothing is readable before load() and sync() — sheet names included; isNullObject of an
// *OrNullObject proxy after the next sync.
import { host } from './host';

describe('load before read', () => {
  it('a sheet name is PropertyNotLoaded until loaded', async () => {
    const { wb, context } = host(['数据']);
    const ws = wb.worksheets.getItem('数据');
    expect(() => ws.name).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    ws.load('name');
    expect(() => ws.name).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' })); // loaded, not yet synced
    await context.sync();
    expect(ws.name).toBe('数据');
  });

  it('a collection load gives the items only what it asked for', async () => {
    const { wb, context } = host(['A', 'B']);
    const sheets = wb.worksheets;
    sheets.load('items/name');
    await context.sync();
    expect(sheets.items.map((s) => s.name)).toEqual(['A', 'B']);
    expect(() => sheets.items[0]!.visibility).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
  });

  it('a range gives only the loaded properties', async () => {
    const { wb, context } = host();
    const r = wb.worksheets.getItem('Sheet1').getRange('A1:B2');
    r.load('address');
    await context.sync();
    expect(r.address).toBe('Sheet1!A1:B2');
    expect(() => r.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
  });

  it('isNullObject is known after the sync, without a load', async () => {
    const { wb, context } = host();
    const missing = wb.worksheets.getItemOrNullObject('无');
    const there = wb.worksheets.getItemOrNullObject('Sheet1');
    expect(() => missing.isNullObject).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    await context.sync();
    expect([missing.isNullObject, there.isNullObject]).toEqual([true, false]);
  });

  it('getItem of a missing sheet fails when the batch runs', async () => {
    const { wb, context } = host();
    wb.worksheets.getItem('无').getRange('A1').values = [[1]];
    await expect(context.sync()).rejects.toMatchObject({ code: 'ItemNotFound' });
  });
});
