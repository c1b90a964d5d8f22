// A strict simulated host for one test: a workbook, its context, typed as Office's.
import { SimContext, type SimContextOptions } from '../../../src/preview/sim/context';
import { SimWorkbook, newSheet } from '../../../src/preview/sim/model';

export function host(sheets: string[] = ['Sheet1'], options: SimContextOptions = {}) {
  const model = new SimWorkbook();
  for (const name of sheets) model.sheets.push(newSheet(name));
  const ctx = new SimContext(model, options);
  return { model, ctx, context: ctx as unknown as Excel.RequestContext, wb: (ctx as unknown as Excel.RequestContext).workbook };
}
