// Worksheet.onChanged / onCalculated (ExcelApi 1.7/1.8): add() registers a handler at sync and returns an
// EventHandlerResult whose remove() must run in a batch of the same context.
// https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-events#remove-an-event-handler
import type { SimContext } from './context';
import { SimError } from './errors';

export type SheetEventKind = 'changed' | 'calculated';

export function sheetEvent(ctx: SimContext, sheet: string, kind: SheetEventKind) {
  return {
    add: (handler: (e: unknown) => unknown) => {
      ctx.record(
        `Worksheet(${sheet}).on${kind}.add`,
        () => {
          if (!ctx.model.sheet(sheet)) throw new SimError('ItemNotFound', `worksheet ${sheet}`);
          const set = ctx.model.handlers[kind].get(sheet) ?? new Set();
          set.add(handler);
          ctx.model.handlers[kind].set(sheet, set);
        },
        { write: false },
      );
      return {
        context: ctx,
        remove: () => ctx.record(`Worksheet(${sheet}).on${kind}.remove`, () => void ctx.model.handlers[kind].get(sheet)?.delete(handler), { write: false }),
      };
    },
  };
}
