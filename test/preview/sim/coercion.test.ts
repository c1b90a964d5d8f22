// Finding 4: what Excel keeps of a value written through `values` (Range.values: a leading = + - makes a
// formula; ISO strings are dates; number-like text becomes a number; a text cell keeps text).
import { host } from './host';

async function written(values: unknown[], format?: string) {
  const { model, wb, context } = host();
  const r = wb.worksheets.getItem('Sheet1').getRange(`A1:A${values.length}`);
  if (format) r.numberFormat = values.map(() => [format]);
  r.values = values.map((v) => [v]);
  await context.sync();
  return values.map((_, i) => model.peek(model.sheet('Sheet1')!, i + 1, 1)!);
}

describe('values as Excel keeps them', () => {
  it('= + - start a formula', async () => {
    const [a, b, c] = await written(['=1+1', '+A2', '-A3']);
    expect([a!.formula, b!.formula, c!.formula]).toEqual(['=1+1', '=+A2', '=-A3']);
  });

  it('digit strings become numbers (leading zeros lost), TRUE/FALSE booleans, ISO dates date serials', async () => {
    const cells = await written(['0251234', '-5', '12.5%', 'true', '2025-01-31', '2025-02-30', '甲']);
    expect(cells.map((c) => c.value)).toEqual([251234, -5, 0.125, true, 45688, '2025-02-30', '甲']);
    expect(cells[4]!.numberFormat).toBe('yyyy-mm-dd');
  });

  it("a text ('@') cell keeps text as text and turns numbers into text", async () => {
    const cells = await written(['=1+1', '0251234', 42, '2025-01-31'], '@');
    expect(cells.map((c) => [c.formula, c.value])).toEqual([
      [undefined, '=1+1'],
      [undefined, '0251234'],
      [undefined, '42'],
      [undefined, '2025-01-31'],
    ]);
  });

  it('a leading apostrophe keeps text and is not kept', async () => {
    const [a] = await written(['\'=HYPERLINK("x")']);
    expect([a!.formula, a!.value, a!.quotePrefix]).toEqual([undefined, '=HYPERLINK("x")', true]);
  });

  it('a grid of the wrong shape is InvalidArgument; null leaves a cell alone', async () => {
    const { model, wb, context } = host();
    const r = wb.worksheets.getItem('Sheet1').getRange('A1:B1');
    r.values = [['x', 'y']];
    await context.sync();
    r.values = [[null, 'z']];
    await context.sync();
    expect(model.values(model.sheet('Sheet1')!, { r1: 1, c1: 1, r2: 1, c2: 2 })).toEqual([['x', 'z']]);
    r.values = [['only one']];
    await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
  });
});
