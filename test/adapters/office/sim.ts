// A fresh simulated workbook and its Office-like context, typed as Excel.RequestContext for the adapter.
import { SimContext } from '../../../src/preview/sim/context';
import { SimWorkbook, newSheet } from '../../../src/preview/sim/model';

export function simWorkbook(foreignSheets: string[] = ['Sheet1']): { model: SimWorkbook; ctx: SimContext; context: Excel.RequestContext } {
  const model = new SimWorkbook();
  for (const name of foreignSheets) model.sheets.push(newSheet(name));
  const ctx = new SimContext(model);
  return { model, ctx, context: ctx as unknown as Excel.RequestContext };
}

export const ALL_FEATURES = { core: true, pageLayout: true, charts: true };
