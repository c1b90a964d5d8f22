// Excel.Workbook: its worksheets, names, selection and structure protection.
// https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-workbooks
// https://learn.microsoft.com/javascript/api/excel/excel.workbookprotection
import type { SimContext } from './context';
import { SimError } from './errors';
import { NamesProxy } from './names';
import { parseBounds } from './model';
import { RangeProxy } from './range';
import { WorksheetsProxy } from './worksheets';

export class WorkbookProxy {
  readonly worksheets: WorksheetsProxy;
  readonly names: NamesProxy;
  constructor(private readonly ctx: SimContext) {
    this.worksheets = new WorksheetsProxy(ctx);
    this.names = new NamesProxy(ctx);
  }
  readonly protection = ((ctx: SimContext) => ({
    protect: (_password?: string) =>
      ctx.record('Workbook.protection.protect', () => {
        if (ctx.model.structureProtected) throw new SimError('InvalidOperation', 'the workbook is already protected');
        ctx.model.structureProtected = true;
      }),
    unprotect: (_password?: string) => ctx.record('Workbook.protection.unprotect', () => void (ctx.model.structureProtected = false)),
  }))(this.ctx);
  getSelectedRange(): RangeProxy {
    const ctx = this.ctx;
    return new RangeProxy(
      ctx,
      () => {
        const s = ctx.model.selection;
        return s ? { sheet: ctx.model.sheet(s.sheet)!, bounds: parseBounds(s.address) } : undefined;
      },
      'selection',
    );
  }
}
