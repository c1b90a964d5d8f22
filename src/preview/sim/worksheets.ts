// Workbook.worksheets and Excel.Worksheet: add() refuses a name in use (ItemAlreadyExists); getItem() of a
// missing sheet fails when the batch runs (ItemNotFound), getItemOrNullObject() gives a null object whose
// isNullObject is known after the sync; a sheet's name, like every property, is read only after load().
// Adding, moving, hiding sheets needs an unprotected workbook structure (protection.ts).
// https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-worksheets
// https://learn.microsoft.com/javascript/api/excel/excel.worksheetcollection
// https://learn.microsoft.com/javascript/api/excel/excel.worksheet
import { ChartCollectionProxy } from './charts';
import type { SimContext } from './context';
import { SimError } from './errors';
import { sheetEvent } from './events';
import { Loadable, propsOf } from './loadable';
import { newSheet as newSheetModel, parseBounds, type SimSheet } from './model';
import { assertStructureUnlocked, protectSheet, unprotectSheet } from './protection';
import { RangeProxy } from './range';

const SHEET_SCALARS = ['name', 'position', 'visibility', 'tabColor'] as const;

export class WorksheetsProxy extends Loadable {
  constructor(private readonly ctx: SimContext) {
    super();
  }
  get items(): WorksheetProxy[] {
    return this.get('items');
  }
  load(props?: string | string[]): this {
    this.ctx.record(
      'Worksheets.load',
      () => {
        const wanted = typeof props === 'string' ? props.replace(/items\//g, '') : props;
        const items = this.ctx.model.sheets.map((s) => new WorksheetProxy(this.ctx, s.name, true).fill(s, wanted));
        this.settle('items', items);
        this.ctx.respond(this.ctx.model.sheets.map((s) => s.name));
      },
      { write: false, args: props },
    );
    return this;
  }
  add(name: string): WorksheetProxy {
    this.ctx.record(
      `Worksheets.add ${name}`,
      () => {
        assertStructureUnlocked(this.ctx.model, `adding ${name}`);
        if (this.ctx.model.sheet(name)) throw new SimError('ItemAlreadyExists', `worksheet ${name}`);
        this.ctx.model.sheets.push(newSheetModel(name));
      },
      { args: name },
    );
    return new WorksheetProxy(this.ctx, name, true);
  }
  getItem(name: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, name, true);
  }
  getItemOrNullObject(name: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, name, false);
  }
}

export class WorksheetProxy extends Loadable {
  constructor(
    private readonly ctx: SimContext,
    private readonly sheetName: string,
    private readonly mustExist: boolean,
  ) {
    super();
    if (!mustExist) ctx.onSettle(() => this.settle('isNullObject', !ctx.model.sheet(sheetName)));
  }

  /** Settles the properties a collection load asked for. */
  fill(s: SimSheet, props: string | string[] | undefined): this {
    for (const p of propsOf(props, SHEET_SCALARS)) {
      if (p === 'name') this.settle('name', s.name);
      else if (p === 'position') this.settle('position', this.ctx.model.sheets.indexOf(s));
      else if (p === 'visibility') this.settle('visibility', s.visibility);
      else if (p === 'tabColor') this.settle('tabColor', s.tabColor);
    }
    return this;
  }

  private model(): SimSheet | undefined {
    const s = this.ctx.model.sheet(this.sheetName);
    if (!s && this.mustExist) throw new SimError('ItemNotFound', `worksheet ${this.sheetName}`);
    return s;
  }
  private onSheet(call: string, args: unknown, op: (s: SimSheet) => void): void {
    this.ctx.record(
      `Worksheet(${this.sheetName}).${call}`,
      () => {
        const s = this.model();
        if (!s) throw new SimError('ItemNotFound', `worksheet ${this.sheetName}`);
        op(s);
      },
      { args },
    );
  }
  get name(): string {
    return this.get('name');
  }
  get visibility(): string {
    return this.get('visibility');
  }
  set visibility(v: 'Visible' | 'Hidden' | 'VeryHidden') {
    this.onSheet(`visibility=${v}`, v, (s) => {
      if (s.visibility !== v) assertStructureUnlocked(this.ctx.model, `hiding ${s.name}`);
      s.visibility = v;
    });
  }
  get isNullObject(): boolean {
    return this.get('isNullObject');
  }
  load(props?: string | string[]): this {
    this.ctx.record(
      `Worksheet(${this.sheetName}).load`,
      () => {
        const s = this.model();
        if (s) this.fill(s, props);
        this.ctx.respond(this.sheetName);
      },
      { write: false, args: props },
    );
    return this;
  }
  activate(): void {
    this.onSheet('activate', undefined, (s) => (this.ctx.model.active = s.name));
  }
  /** Worksheet.delete (ExcelApi 1.1): the sheet goes, with its charts and tables. */
  delete(): void {
    this.onSheet('delete', undefined, (s) => this.ctx.model.sheets.splice(this.ctx.model.sheets.indexOf(s), 1));
  }
  /** PageBreakCollection.add (ExcelApi 1.9): recorded; the simulated sheet does not paginate. */
  get horizontalPageBreaks() {
    return { add: (address: string) => this.onSheet(`horizontalPageBreaks.add(${address})`, address, () => undefined) };
  }
  /** TableCollection.add (ExcelApi 1.1): a table over a range whose first row is its header; no two overlap. */
  get tables() {
    const ws = this;
    return {
      add: (address: string, _hasHeaders: boolean) => {
        const table = { name: '' };
        ws.onSheet(`tables.add(${address})`, address, (s) => {
          if (s.tables.some((t) => t.address === address)) throw new Error(`InvalidArgument: a table already covers ${address}`);
          s.tables.push({ name: '', address });
        });
        ws.onSheet('table.name', undefined, (s) => {
          const t = s.tables[s.tables.length - 1];
          if (t) t.name = table.name;
        });
        return table;
      },
    };
  }
  get onChanged() {
    return sheetEvent(this.ctx, this.sheetName, 'changed');
  }
  get onCalculated() {
    return sheetEvent(this.ctx, this.sheetName, 'calculated');
  }
  set position(i: number) {
    this.onSheet(`position=${i}`, i, (s) => {
      const list = this.ctx.model.sheets;
      if (list.indexOf(s) === Math.min(i, list.length - 1)) return;
      assertStructureUnlocked(this.ctx.model, `moving ${s.name}`);
      list.splice(list.indexOf(s), 1);
      list.splice(Math.min(i, list.length), 0, s);
    });
  }
  set tabColor(c: string) {
    this.onSheet(`tabColor=${c}`, c, (s) => (s.tabColor = c));
  }
  private rangeOf(address: string): RangeProxy {
    return new RangeProxy(
      this.ctx,
      () => {
        const s = this.model();
        return s ? { sheet: s, bounds: parseBounds(address) } : undefined;
      },
      `${this.sheetName}!${address}`,
    );
  }
  /** RangeAreas (ExcelApi 1.9): several addresses ("A1:B2,D4") whose formats are set in one call each. */
  getRanges(addresses: string): RangeProxy {
    const list = addresses.split(',').map((a) => a.trim());
    const areas = () => {
      const s = this.model();
      return s ? list.map((a) => ({ sheet: s, bounds: parseBounds(a) })) : [];
    };
    const r = new RangeProxy(this.ctx, () => areas()[0], `${this.sheetName}!${addresses.length > 40 ? `${addresses.slice(0, 40)}…` : addresses}`);
    r.areas = areas;
    return r;
  }
  /** The rectangle from A1 to the last cell holding a value (or anything, without valuesOnly); null when empty. */
  getUsedRangeOrNullObject(valuesOnly = false): RangeProxy {
    return new RangeProxy(
      this.ctx,
      () => {
        const s = this.ctx.model.sheet(this.sheetName);
        if (!s) return undefined;
        let rows = 0;
        let cols = 0;
        for (const [k, c] of s.cells) {
          if (valuesOnly && (c.value === null || c.value === '') && !c.formula) continue;
          const [r, col] = k.split(',').map(Number) as [number, number];
          rows = Math.max(rows, r);
          cols = Math.max(cols, col);
        }
        return rows === 0 ? undefined : { sheet: s, bounds: { r1: 1, c1: 1, r2: rows, c2: cols } };
      },
      `${this.sheetName}!usedRange`,
      true,
    );
  }
  getRange(address = ''): RangeProxy {
    return this.rangeOf(address);
  }
  readonly protection = ((ws: WorksheetProxy) => ({
    protect: (options?: Record<string, boolean>, _password?: string) => ws.onSheet('protection.protect', options, (s) => protectSheet(s, options)),
    unprotect: (_password?: string) => ws.onSheet('protection.unprotect', undefined, (s) => unprotectSheet(s)),
  }))(this);
  readonly freezePanes = ((ws: WorksheetProxy) => ({
    freezeAt: (r: RangeProxy | string) =>
      ws.onSheet('freezePanes.freezeAt', typeof r === 'string' ? r : undefined, (s) => {
        const b = typeof r === 'string' ? parseBounds(r) : r.resolve()!.bounds;
        s.frozen = { rows: b.r2, columns: b.c2 };
      }),
    freezeRows: (n: number) => ws.onSheet(`freezePanes.freezeRows(${n})`, n, (s) => (s.frozen = { rows: n, columns: 0 })),
    freezeColumns: (n: number) => ws.onSheet(`freezePanes.freezeColumns(${n})`, n, (s) => (s.frozen = { rows: 0, columns: n })),
  }))(this);
  /** PageLayout (ExcelApi 1.9). */
  get pageLayout() {
    const ws = this;
    const pl = {
      set orientation(v: string) {
        ws.onSheet(`pageLayout.orientation=${v}`, v, (s) => (s.page.orientation = v));
      },
      set paperSize(v: string) {
        ws.onSheet(`pageLayout.paperSize=${v}`, v, (s) => (s.page.paperSize = v));
      },
      set zoom(z: { horizontalFitToPages?: number; verticalFitToPages?: number }) {
        ws.onSheet('pageLayout.zoom', z, (s) => {
          s.page.fitToWidth = z.horizontalFitToPages;
          s.page.fitToHeight = z.verticalFitToPages;
        });
      },
      set centerHorizontally(v: boolean) {
        ws.onSheet(`pageLayout.centerHorizontally=${v}`, v, (s) => (s.page.centered = v));
      },
      headersFooters: {
        defaultForAllPages: {
          set centerFooter(v: string) {
            ws.onSheet(`pageLayout.headersFooters.defaultForAllPages.centerFooter=${v}`, v, (s) => (s.page.footer = v));
          },
        },
      },
      setPrintArea: (a: string) => ws.onSheet(`pageLayout.setPrintArea(${a})`, a, (s) => (s.page.printArea = a)),
      setPrintTitleRows: (a: string) => ws.onSheet(`pageLayout.setPrintTitleRows(${a})`, a, (s) => (s.page.titleRows = a)),
      setPrintTitleColumns: (a: string) => ws.onSheet(`pageLayout.setPrintTitleColumns(${a})`, a, (s) => (s.page.titleColumns = a)),
    };
    for (const m of ['leftMargin', 'rightMargin', 'topMargin', 'bottomMargin', 'headerMargin', 'footerMargin'])
      Object.defineProperty(pl, m, {
        set: (v: number) => {
          ws.onSheet(`pageLayout.${m}=${v}`, v, (s) => ((s.page.margins ??= {})[m] = v));
        },
        enumerable: true,
      });
    return pl;
  }
  get charts(): ChartCollectionProxy {
    return new ChartCollectionProxy(this.ctx, () => this.ctx.model.sheet(this.sheetName), this.sheetName);
  }
}
