// Installs `Excel.run` and a small `Office` stub over a SimWorkbook, so the real pane code runs unchanged in
// jest (jsdom) and in the preview page. Excel.run(batch), Excel.run(options, batch) with RunOptions
// (delayForCellEdit, ExcelApi 1.5) and Excel.run(context, batch) as documented:
// https://learn.microsoft.com/javascript/api/excel#excel-excel-run-function(1)
// https://learn.microsoft.com/javascript/api/excel/excel.runoptions
import { SimContext, type SimContextOptions } from './context';
import type { RequestLimits } from './limits';
import type { SimWorkbook } from './model';

export interface SimOfficeOptions {
  displayLanguage?: string;
  /** Highest ExcelApi minor version the simulated host supports (default 1.9). */
  excelApi?: number;
  limits?: Partial<RequestLimits>;
}

export interface SimOffice {
  /** Every context handed to a batch, so tests can count syncs across actions. */
  contexts: SimContext[];
  totalSyncs(): number;
}

export function installSimOffice(model: SimWorkbook, options: SimOfficeOptions = {}): SimOffice {
  const contexts: SimContext[] = [];
  const g = globalThis as unknown as Record<string, unknown>;
  const api = options.excelApi ?? 9;
  const run = async (a: unknown, b?: unknown) => {
    const batch = (typeof a === 'function' ? a : b) as (ctx: SimContext) => Promise<unknown>;
    let ctx: SimContext;
    if (a instanceof SimContext) ctx = a;
    else {
      const opts = (typeof a === 'object' && a !== null ? a : {}) as { delayForCellEdit?: boolean };
      const o: SimContextOptions = { limits: options.limits, delayForCellEdit: api >= 5 && opts.delayForCellEdit === true };
      ctx = new SimContext(model, o);
      contexts.push(ctx);
    }
    const result = await batch(ctx);
    if (ctx.pending) await ctx.sync(); // Excel.run flushes whatever the batch queued last
    return result;
  };
  g.Excel = { run };
  g.Office = {
    onReady: (cb?: () => void) => {
      cb?.();
      return Promise.resolve({ host: 'Excel', platform: 'OfficeOnline' });
    },
    context: {
      displayLanguage: options.displayLanguage ?? 'zh-CN',
      requirements: { isSetSupported: (name: string, version: string) => name === 'ExcelApi' && Number(version.split('.')[1] ?? 0) <= api },
    },
  };
  return { contexts, totalSyncs: () => contexts.reduce((n, c) => n + c.syncs, 0) };
}
