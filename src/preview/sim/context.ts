// An Office.js-like request context over a SimWorkbook, with the batching semantics of the real API:
// setters and method calls are queued and applied in order at `sync()`, and loaded properties can only be
// read after the sync that loaded them. It counts syncs and records every call so tests can assert on both.
import { addressOf, newSheet as newSheetModel, parseBounds, SimWorkbook, storeEntry, type Bounds, type SimSheet, type SimValue } from './model';

type Op = () => void;
const MAX_ROW = 1048576;
const MAX_COL = 16384;

export class PropertyNotLoadedError extends Error {
  constructor(prop: string) {
    super(`PropertyNotLoaded: ${prop} was read before load() and sync()`);
  }
}

export class SimContext {
  syncs = 0;
  readonly calls: string[] = [];
  /** Approximate request payload: the JSON size of every value, formula and format array sent. */
  payloadBytes = 0;
  private ops: Op[] = [];
  private wrote = false;
  readonly workbook: WorkbookProxy;
  readonly runtime: { enableEvents: boolean };
  readonly application = { suspendScreenUpdatingUntilNextSync: () => this.record('Application.suspendScreenUpdatingUntilNextSync', () => undefined) };

  constructor(readonly model: SimWorkbook) {
    this.workbook = new WorkbookProxy(this);
    const ctx = this;
    this.runtime = {
      get enableEvents() {
        return ctx.model.enableEvents;
      },
      set enableEvents(v: boolean) {
        ctx.record(`Runtime.enableEvents=${v}`, () => {
          ctx.model.enableEvents = v;
        });
      },
    };
  }

  /** Queues an operation; `write` marks that the model changes (for recalculation). */
  record(call: string, op: Op, write = true): void {
    this.calls.push(call);
    this.ops.push(() => {
      op();
      if (write) this.wrote = true;
    });
  }

  /** Whether anything is queued (Excel.run's closing flush costs no round trip when nothing is). */
  get pending(): boolean {
    return this.ops.length > 0;
  }

  async sync(): Promise<void> {
    const ops = this.ops;
    this.ops = [];
    this.syncs++;
    this.wrote = false;
    try {
      for (const op of ops) op();
    } finally {
      if (this.wrote) this.model.onWrite?.();
    }
  }
}

class WorkbookProxy {
  readonly worksheets: WorksheetsProxy;
  readonly names: NamesProxy;
  constructor(private readonly ctx: SimContext) {
    this.worksheets = new WorksheetsProxy(ctx);
    this.names = new NamesProxy(ctx);
  }
  getSelectedRange(): RangeProxy {
    const ctx = this.ctx;
    return new RangeProxy(ctx, () => {
      const s = ctx.model.selection;
      return s ? { sheet: ctx.model.sheet(s.sheet)!, bounds: parseBounds(s.address) } : undefined;
    });
  }
}

class Loadable {
  protected loaded = new Map<string, unknown>();
  protected get<T>(prop: string): T {
    if (!this.loaded.has(prop)) throw new PropertyNotLoadedError(prop);
    return this.loaded.get(prop) as T;
  }
}

class WorksheetsProxy extends Loadable {
  constructor(private readonly ctx: SimContext) {
    super();
  }
  get items(): WorksheetProxy[] {
    return this.get('items');
  }
  load(_props?: string): this {
    this.ctx.record('Worksheets.load', () => this.loaded.set('items', this.ctx.model.sheets.map((s) => new WorksheetProxy(this.ctx, s.name, true))), false);
    return this;
  }
  add(name: string): WorksheetProxy {
    this.ctx.record(`Worksheets.add ${name}`, () => {
      if (this.ctx.model.sheet(name)) throw new Error(`ItemAlreadyExists: ${name}`);
      this.ctx.model.sheets.push(newSheetModel(name));
    });
    return new WorksheetProxy(this.ctx, name, true);
  }
  getItem(name: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, name, true);
  }
  getItemOrNullObject(name: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, name, false);
  }
}


class WorksheetProxy extends Loadable {
  constructor(
    private readonly ctx: SimContext,
    private readonly sheetName: string,
    private readonly mustExist: boolean,
  ) {
    super();
  }
  private model(): SimSheet | undefined {
    const s = this.ctx.model.sheet(this.sheetName);
    if (!s && this.mustExist) throw new Error(`ItemNotFound: worksheet ${this.sheetName}`);
    return s;
  }
  private onSheet(call: string, op: (s: SimSheet) => void): void {
    this.ctx.record(`Worksheet(${this.sheetName}).${call}`, () => {
      const s = this.model();
      if (s) op(s);
    });
  }
  get name(): string {
    return this.sheetName;
  }
  get isNullObject(): boolean {
    return this.get('isNullObject');
  }
  load(_props?: string): this {
    this.ctx.record(`Worksheet(${this.sheetName}).load`, () => this.loaded.set('isNullObject', !this.ctx.model.sheet(this.sheetName)), false);
    return this;
  }
  activate(): void {
    this.onSheet('activate', (s) => (this.ctx.model.active = s.name));
  }
  get onChanged() {
    return this.event('changed');
  }
  get onCalculated() {
    return this.event('calculated');
  }
  private event(kind: 'changed' | 'calculated') {
    return {
      add: (handler: (e: unknown) => unknown) => {
        const ctx = this.ctx;
        const sheet = this.sheetName;
        ctx.record(`Worksheet(${sheet}).on${kind}.add`, () => {
          const set = ctx.model.handlers[kind].get(sheet) ?? new Set();
          set.add(handler);
          ctx.model.handlers[kind].set(sheet, set);
        }, false);
        return {
          context: ctx,
          remove: () => ctx.record(`Worksheet(${sheet}).on${kind}.remove`, () => ctx.model.handlers[kind].get(sheet)?.delete(handler), false),
        };
      },
    };
  }
  set position(i: number) {
    this.onSheet(`position=${i}`, (s) => {
      const list = this.ctx.model.sheets;
      list.splice(list.indexOf(s), 1);
      list.splice(Math.min(i, list.length), 0, s);
    });
  }
  set tabColor(c: string) {
    this.onSheet(`tabColor=${c}`, (s) => (s.tabColor = c));
  }
  set visibility(v: 'Visible' | 'Hidden' | 'VeryHidden') {
    this.onSheet(`visibility=${v}`, (s) => (s.visibility = v));
  }
  /** RangeAreas: several addresses ("A1:B2,D4") whose formats are set in one call each. */
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
    return new RangeProxy(this.ctx, () => {
      const s = this.model();
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
    }, `${this.sheetName}!usedRange`);
  }
  getRange(address = ''): RangeProxy {
    return new RangeProxy(this.ctx, () => {
      const s = this.model();
      return s ? { sheet: s, bounds: parseBounds(address) } : undefined;
    }, `${this.sheetName}!${address}`);
  }
  readonly protection = {
    protect: (_options?: unknown, _password?: string) => this.onSheet('protection.protect', (s) => (s.protected = true)),
    unprotect: (_password?: string) => this.onSheet('protection.unprotect', (s) => (s.protected = false)),
  };
  readonly freezePanes = {
    freezeAt: (r: RangeProxy | string) =>
      this.onSheet('freezePanes.freezeAt', (s) => {
        const b = typeof r === 'string' ? parseBounds(r) : r.resolve()!.bounds;
        s.frozen = { rows: b.r2, columns: b.c2 };
      }),
    freezeRows: (n: number) => this.onSheet(`freezePanes.freezeRows(${n})`, (s) => (s.frozen = { rows: n, columns: 0 })),
    freezeColumns: (n: number) => this.onSheet(`freezePanes.freezeColumns(${n})`, (s) => (s.frozen = { rows: 0, columns: n })),
  };
  get pageLayout() {
    const ws = this;
    const pl = {
      set orientation(v: string) {
        ws.onSheet(`pageLayout.orientation=${v}`, (s) => (s.page.orientation = v));
      },
      set paperSize(v: string) {
        ws.onSheet(`pageLayout.paperSize=${v}`, (s) => (s.page.paperSize = v));
      },
      set zoom(z: { horizontalFitToPages?: number }) {
        ws.onSheet('pageLayout.zoom', (s) => (s.page.fitToWidth = z.horizontalFitToPages));
      },
      set centerHorizontally(v: boolean) {
        ws.onSheet(`pageLayout.centerHorizontally=${v}`, (s) => (s.page.centered = v));
      },
      headersFooters: {
        defaultForAllPages: {
          set centerFooter(v: string) {
            ws.onSheet(`pageLayout.headersFooters.defaultForAllPages.centerFooter=${v}`, (s) => (s.page.footer = v));
          },
        },
      },
      setPrintArea: (a: string) => ws.onSheet(`pageLayout.setPrintArea(${a})`, (s) => (s.page.printArea = a)),
      setPrintTitleRows: (a: string) => ws.onSheet(`pageLayout.setPrintTitleRows(${a})`, (s) => (s.page.titleRows = a)),
    };
    for (const m of ['leftMargin', 'rightMargin', 'topMargin', 'bottomMargin', 'headerMargin', 'footerMargin'])
      Object.defineProperty(pl, m, {
        set: (v: number) => {
          ws.onSheet(`pageLayout.${m}=${v}`, (s) => ((s.page.margins ??= {})[m] = v));
        },
        enumerable: true,
      });
    return pl;
  }
  readonly charts = {
    add: (type: string, source: RangeProxy, _seriesBy?: string) => {
      const chart = { name: '', title: { text: '' }, legend: { visible: true }, setPosition: (_a: string, _b?: string) => undefined };
      this.onSheet(`charts.add(${type})`, (s) => {
        const r = source.resolve()!;
        s.charts.push({ type, source: addressOf(r.sheet, r.bounds) });
      });
      return chart;
    },
  };
}

class NamesProxy extends Loadable {
  constructor(private readonly ctx: SimContext) {
    super();
  }
  get items(): { name: string }[] {
    return this.get('items');
  }
  load(_props?: string): this {
    this.ctx.record('Names.load', () => this.loaded.set('items', [...this.ctx.model.names.keys()].map((name) => ({ name }))), false);
    return this;
  }
  add(name: string, reference: string): void {
    this.ctx.record(`Names.add ${name}`, () => {
      if (this.ctx.model.names.has(name)) throw new Error(`ItemAlreadyExists: name ${name}`);
      this.ctx.model.names.set(name, reference.startsWith('=') ? reference : `=${reference}`);
    });
  }
  getItem(name: string): NamedItemProxy {
    return new NamedItemProxy(this.ctx, name, true);
  }
  getItemOrNullObject(name: string): NamedItemProxy {
    return new NamedItemProxy(this.ctx, name, false);
  }
}

class NamedItemProxy {
  constructor(
    private readonly ctx: SimContext,
    private readonly nameId: string,
    private readonly mustExist: boolean,
  ) {}
  delete(): void {
    this.ctx.record(`Name(${this.nameId}).delete`, () => {
      if (!this.ctx.model.names.delete(this.nameId) && this.mustExist) throw new Error(`ItemNotFound: name ${this.nameId}`);
    });
  }
  getRange(): RangeProxy {
    return this.range(true);
  }
  getRangeOrNullObject(): RangeProxy {
    return this.range(false);
  }
  private range(mustExist: boolean): RangeProxy {
    return new RangeProxy(this.ctx, () => {
      const r = this.ctx.model.resolveName(this.nameId);
      if (!r && (mustExist || this.mustExist)) throw new Error(`ItemNotFound: name ${this.nameId}`);
      return r;
    }, `name ${this.nameId}`);
  }
}

type Resolved = { sheet: SimSheet; bounds: Bounds } | undefined;

export class RangeProxy extends Loadable {
  constructor(
    private readonly ctx: SimContext,
    readonly resolve: () => Resolved,
    private readonly label = '',
  ) {
    super();
  }

  /** RangeAreas (getRanges): format setters apply to every area in one call. */
  areas?: () => Resolved[];

  private each(call: string, op: (sheet: SimSheet, row: number, col: number, i: number, j: number) => void, checkLocked = false): void {
    this.ctx.record(`Range(${this.label}).${call}`, () => {
      for (const r of this.areas ? this.areas() : [this.resolve()]) if (r) this.eachOne(r, op, checkLocked);
    });
  }

  private eachOne(r: NonNullable<Resolved>, op: (sheet: SimSheet, row: number, col: number, i: number, j: number) => void, checkLocked: boolean): void {
    {
      const { sheet, bounds: b } = r;
      if (checkLocked && sheet.protected) {
        for (let row = b.r1; row <= b.r2; row++)
          for (let col = b.c1; col <= b.c2; col++)
            if (this.ctx.model.peek(sheet, row, col)?.locked ?? true) throw new Error(`AccessDenied: ${sheet.name} is protected`);
      }
      // Whole rows, columns or sheets reach only as far as the used cells.
      const { rows, cols } = this.ctx.model.extent(sheet);
      const r2 = b.r2 >= MAX_ROW ? rows : b.r2;
      const c2 = b.c2 >= MAX_COL ? cols : b.c2;
      for (let row = b.r1; row <= r2; row++) for (let col = b.c1; col <= c2; col++) op(sheet, row, col, row - b.r1, col - b.c1);
    }
  }

  private eachIn(call: string, grid: unknown[][], op: (sheet: SimSheet, row: number, col: number, v: unknown) => void, checkLocked = false): void {
    this.ctx.payloadBytes += JSON.stringify(grid).length;
    this.ctx.record(`Range(${this.label}).${call}`, () => {
      const r = this.resolve();
      if (!r) return;
      const { sheet, bounds: b } = r;
      const h = b.r2 - b.r1 + 1;
      const w = b.c2 - b.c1 + 1;
      if (grid.length !== h || grid.some((row) => row.length !== w)) throw new Error(`InvalidArgument: ${call} needs ${h}×${w} for ${addressOf(sheet, b)}`);
      grid.forEach((rowVals, i) =>
        rowVals.forEach((v, j) => {
          if (v === null) return; // null leaves the cell as it is, as in Office.js
          if (checkLocked && sheet.protected && (this.ctx.model.peek(sheet, b.r1 + i, b.c1 + j)?.locked ?? true))
            throw new Error(`AccessDenied: ${sheet.name} is protected`);
          op(sheet, b.r1 + i, b.c1 + j, v);
        }),
      );
    });
  }

  get isNullObject(): boolean {
    return this.get('isNullObject');
  }
  get values(): (string | number | boolean)[][] {
    return this.get('values');
  }
  get formulas(): (string | number | boolean)[][] {
    return this.get('formulas');
  }
  get address(): string {
    return this.get('address');
  }
  get rowCount(): number {
    return this.get('rowCount');
  }
  get columnCount(): number {
    return this.get('columnCount');
  }

  load(props = 'values'): this {
    this.ctx.record(
      `Range(${this.label}).load(${props})`,
      () => {
        const r = this.resolve();
        this.loaded.set('isNullObject', !r);
        if (!r) return;
        const m = this.ctx.model;
        this.loaded.set('values', m.values(r.sheet, r.bounds));
        this.loaded.set(
          'formulas',
          m.values(r.sheet, r.bounds).map((row, i) => row.map((v, j) => m.peek(r.sheet, r.bounds.r1 + i, r.bounds.c1 + j)?.formula ?? v)),
        );
        this.loaded.set('address', addressOf(r.sheet, r.bounds));
        this.loaded.set('rowCount', r.bounds.r2 - r.bounds.r1 + 1);
        this.loaded.set('columnCount', r.bounds.c2 - r.bounds.c1 + 1);
      },
      false,
    );
    return this;
  }

  set values(v: unknown[][]) {
    this.eachIn('values', v, (sheet, row, col, x) => storeEntry(this.ctx.model.cell(sheet, row, col), x as SimValue, 'typed'), true);
  }
  set formulas(v: unknown[][]) {
    this.eachIn('formulas', v, (sheet, row, col, x) => storeEntry(this.ctx.model.cell(sheet, row, col), x as SimValue, 'formulas'), true);
  }
  set numberFormat(v: unknown[][]) {
    this.eachIn('numberFormat', v, (sheet, row, col, x) => (this.ctx.model.cell(sheet, row, col).numberFormat = String(x)));
  }
  set columnHidden(h: boolean) {
    this.ctx.record(`Range(${this.label}).columnHidden=${h}`, () => {
      const r = this.resolve();
      if (!r) return;
      for (let c = r.bounds.c1; c <= r.bounds.c2; c++) (h ? r.sheet.hiddenColumns.add(c) : r.sheet.hiddenColumns.delete(c));
    });
  }

  private styleSetter(path: string) {
    return (v: unknown) => this.each(`format.${path}=${String(v)}`, (sheet, row, col) => (this.ctx.model.cell(sheet, row, col).style[path] = v));
  }

  get format() {
    const self = this;
    const setter = (path: string) => self.styleSetter(path);
    const obj = (paths: string[], prefix: string) => {
      const o: Record<string, unknown> = {};
      for (const p of paths) Object.defineProperty(o, p, { set: setter(`${prefix}${p}`), enumerable: true });
      return o;
    };
    return {
      font: obj(['name', 'bold', 'size', 'color', 'italic'], 'font.'),
      fill: obj(['color'], 'fill.'),
      protection: {
        set locked(v: boolean) {
          self.each(`format.protection.locked=${v}`, (sheet, row, col) => (self.ctx.model.cell(sheet, row, col).locked = v));
        },
      },
      borders: { getItem: (edge: string) => obj(['style', 'color'], `border.${edge}.`) },
      set wrapText(v: boolean) {
        setter('wrapText')(v);
      },
      set horizontalAlignment(v: string) {
        setter('horizontalAlignment')(v);
      },
      set verticalAlignment(v: string) {
        setter('verticalAlignment')(v);
      },
      set rowHeight(h: number) {
        self.ctx.record(`Range(${self.label}).format.rowHeight=${h}`, () => {
          const r = self.resolve();
          if (!r) return;
          for (let row = r.bounds.r1; row <= r.bounds.r2; row++) r.sheet.rowHeights.set(row, h);
        });
      },
      set columnWidth(w: number) {
        self.ctx.record(`Range(${self.label}).format.columnWidth=${w}`, () => {
          const r = self.resolve();
          if (!r) return;
          for (let c = r.bounds.c1; c <= r.bounds.c2; c++) r.sheet.columnWidths.set(c, w);
        });
      },
    };
  }

  get dataValidation() {
    const self = this;
    const update = (call: string, f: (v: { rule: Record<string, unknown> } & Record<string, unknown>) => void) =>
      self.ctx.record(`Range(${self.label}).dataValidation.${call}`, () => {
        const r = self.resolve();
        if (!r) return;
        const addr = addressOf(r.sheet, r.bounds).split('!')[1]!;
        let v = r.sheet.validations.find((x) => x.range === addr);
        if (!v) r.sheet.validations.push((v = { range: addr, rule: {} }));
        f(v as never);
      });
    return {
      clear: () =>
        self.ctx.record(`Range(${self.label}).dataValidation.clear`, () => {
          const r = self.resolve();
          if (!r) return;
          r.sheet.validations = r.sheet.validations.filter((v) => !overlaps(parseBounds(v.range), r.bounds));
        }),
      set rule(rule: Record<string, unknown>) {
        update('rule', (v) => (v.rule = rule));
      },
      set errorAlert(e: Record<string, unknown>) {
        update('errorAlert', (v) => (v.errorAlert = e));
      },
      set prompt(p: Record<string, unknown>) {
        update('prompt', (v) => (v.prompt = p));
      },
      set ignoreBlanks(b: boolean) {
        update('ignoreBlanks', (v) => (v.ignoreBlanks = b));
      },
    };
  }

  get conditionalFormats() {
    const self = this;
    return {
      add: (_type: string) => {
        const cf = { formula: '', fill: '', fontColor: '' };
        self.ctx.record(`Range(${self.label}).conditionalFormats.add`, () => {
          const r = self.resolve();
          if (!r) return;
          r.sheet.conditionalFormats.push({ range: addressOf(r.sheet, r.bounds).split('!')[1]!, formula: cf.formula, fill: cf.fill, fontColor: cf.fontColor });
        });
        // The rule's properties are set after add() in the same batch; the pushed entry reads them at sync.
        const entry = cf;
        return {
          custom: {
            rule: {
              set formula(f: string) {
                entry.formula = f;
              },
            },
            format: {
              fill: {
                set color(c: string) {
                  entry.fill = c;
                },
              },
              font: {
                set color(c: string) {
                  entry.fontColor = c;
                },
              },
            },
          },
        };
      },
      clearAll: () =>
        self.ctx.record(`Range(${self.label}).conditionalFormats.clearAll`, () => {
          const r = self.resolve();
          if (!r) return;
          r.sheet.conditionalFormats = r.sheet.conditionalFormats.filter((c) => !overlaps(parseBounds(c.range), r.bounds));
        }),
    };
  }

  merge(_across = false): void {
    this.ctx.record(`Range(${this.label}).merge`, () => {
      const r = this.resolve();
      if (!r) return;
      r.sheet.merges.push(addressOf(r.sheet, r.bounds).split('!')[1]!);
      // As in Excel, a merged range keeps only its top-left value.
      const b = r.bounds;
      for (let row = b.r1; row <= b.r2; row++)
        for (let col = b.c1; col <= b.c2; col++) {
          const c = (row !== b.r1 || col !== b.c1) && this.ctx.model.peek(r.sheet, row, col);
          if (c) {
            c.value = null;
            c.formula = undefined;
          }
        }
    });
  }
  unmerge(): void {
    this.ctx.record(`Range(${this.label}).unmerge`, () => {
      const r = this.resolve();
      if (r) r.sheet.merges = r.sheet.merges.filter((m) => !overlaps(parseBounds(m), r.bounds));
    });
  }
  clear(_applyTo?: string): void {
    this.ctx.record(`Range(${this.label}).clear`, () => {
      const r = this.resolve();
      if (!r) return;
      for (const k of [...r.sheet.cells.keys()]) {
        const [row, col] = k.split(',').map(Number) as [number, number];
        if (row >= r.bounds.r1 && row <= r.bounds.r2 && col >= r.bounds.c1 && col <= r.bounds.c2) r.sheet.cells.delete(k);
      }
    });
  }
  select(): void {
    this.ctx.record(`Range(${this.label}).select`, () => {
      const r = this.resolve();
      if (r) this.ctx.model.selection = { sheet: r.sheet.name, address: addressOf(r.sheet, r.bounds).split('!')[1]! };
    }, false);
  }
  getCell(row: number, col: number): RangeProxy {
    return new RangeProxy(this.ctx, () => {
      const r = this.resolve();
      if (!r) return undefined;
      const c = r.bounds.c1 + col;
      const rr = r.bounds.r1 + row;
      return { sheet: r.sheet, bounds: { c1: c, r1: rr, c2: c, r2: rr } };
    }, `${this.label}[${row},${col}]`);
  }
}

function overlaps(a: Bounds, b: Bounds): boolean {
  return a.c1 <= b.c2 && b.c1 <= a.c2 && a.r1 <= b.r2 && b.r1 <= a.r2;
}

