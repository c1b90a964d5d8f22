// Installs `Excel.run` and a small `Office` stub over a SimWorkbook, so the real pane code runs unchanged in
// jest (jsdom) and in the preview page.
import { SimContext } from './context';
import type { SimWorkbook } from './model';

export interface SimOfficeOptions {
  displayLanguage?: string;
  /** Highest ExcelApi minor version the simulated host supports (default 1.9). */
  excelApi?: number;
}

export interface SimOffice {
  /** Every context handed to a batch, so tests can count syncs across actions. */
  contexts: SimContext[];
  totalSyncs(): number;
}

export function installSimOffice(model: SimWorkbook, options: SimOfficeOptions = {}): SimOffice {
  const contexts: SimContext[] = [];
  const g = globalThis as unknown as Record<string, unknown>;
  const run = async (a: unknown, b?: unknown) => {
    const batch = (typeof a === 'function' ? a : b) as (ctx: SimContext) => Promise<unknown>;
    const ctx = typeof a === 'function' ? new SimContext(model) : (a as SimContext);
    if (typeof a === 'function') contexts.push(ctx);
    const result = await batch(ctx);
    if (ctx.pending) await ctx.sync(); // Excel.run flushes whatever the batch queued last
    return result;
  };
  const api = options.excelApi ?? 9;
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
