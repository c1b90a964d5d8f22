// Excel.Range: values, formulas and number formats as 2-D arrays of the range's exact shape (InvalidArgument
// otherwise; null leaves a cell as it is), what Excel keeps of each entry (coercion.ts) with references to
// missing sheets bound to #REF! (references.ts), protection (protection.ts), clear/merge/select.
// https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-set-get-values
// https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-blank-null-values
// https://learn.microsoft.com/javascript/api/excel/excel.range
import type { SimContext } from './context';
import { storeEntry, type Via } from './coercion';
import { SimError } from './errors';
import { conditionalFormatsOf, formatOf, type ForCells } from './format';
import { Loadable, propsOf } from './loadable';
import { addressOf, parseBounds, type Bounds, type SimSheet, type SimValue } from './model';
import { assertAllowed, type ProtectedAction } from './protection';
import { bindSheetReferences } from './references';
import { dataValidationOf, overlaps } from './validation';

const MAX_ROW = 1048576;
const MAX_COL = 16384;
const SCALARS = ['values', 'formulas', 'numberFormat', 'address', 'rowCount', 'columnCount'] as const;

export type Resolved = { sheet: SimSheet; bounds: Bounds } | undefined;

export class RangeProxy extends Loadable {
  constructor(
    private readonly ctx: SimContext,
    readonly resolve: () => Resolved,
    private readonly label = '',
    nullable = false,
  ) {
    super();
    this.nullable = nullable;
    if (nullable) ctx.onSettle(() => this.settle('isNullObject', !this.resolve()));
  }

  /** Reached through an *OrNullObject call: a load on a missing target loads nothing instead of failing. */
  private readonly nullable: boolean;

  /** RangeAreas (getRanges): format setters apply to every area in one call. */
  areas?: () => Resolved[];

  private must(): NonNullable<Resolved> {
    const r = this.resolve();
    if (!r) throw new SimError('ItemNotFound', `range ${this.label}`);
    return r;
  }

  /** Every cell of every area, after the protection check for `action`. */
  private readonly forCells: ForCells = (call, args, action, op) => {
    this.ctx.record(
      `Range(${this.label}).${call}`,
      () => {
        for (const r of this.areas ? this.areas() : [this.must()]) {
          if (!r) continue;
          const { sheet, bounds: b } = r;
          assertAllowed(this.ctx.model, sheet, action, b);
          const { rows, cols } = this.ctx.model.extent(sheet);
          const r2 = b.r2 >= MAX_ROW ? rows : b.r2;
          const c2 = b.c2 >= MAX_COL ? cols : b.c2;
          for (let row = b.r1; row <= r2; row++) for (let col = b.c1; col <= c2; col++) op(this.ctx.model.cell(sheet, row, col), sheet, row, col);
        }
      },
      { args },
    );
  };

  /** A 2-D write: the grid must have the range's shape; null entries leave their cell alone. */
  private writeGrid(call: string, grid: unknown[][], action: ProtectedAction, op: (sheet: SimSheet, row: number, col: number, v: unknown) => void): void {
    this.ctx.record(
      `Range(${this.label}).${call}`,
      () => {
        const { sheet, bounds: b } = this.must();
        const h = b.r2 - b.r1 + 1;
        const w = b.c2 - b.c1 + 1;
        if (grid.length !== h || grid.some((row) => row.length !== w))
          throw new SimError('InvalidArgument', `${call} needs ${h}×${w} for ${addressOf(sheet, b)}`);
        assertAllowed(this.ctx.model, sheet, action, b, (row, col) => grid[row - b.r1]![col - b.c1] !== null);
        grid.forEach((rowVals, i) => rowVals.forEach((v, j) => v !== null && op(sheet, b.r1 + i, b.c1 + j, v)));
      },
      { args: grid },
    );
  }

  private enter(via: Via) {
    const m = this.ctx.model;
    const bind = (f: string) => bindSheetReferences(f, (name) => !!m.sheet(name));
    return (sheet: SimSheet, row: number, col: number, x: unknown) => storeEntry(m.cell(sheet, row, col), x as SimValue, via, bind);
  }

  get isNullObject(): boolean {
    return this.get('isNullObject');
  }
  get values(): (string | number | boolean)[][] {
    return this.get('values');
  }
  set values(v: unknown[][]) {
    this.writeGrid('values', v, 'edit', this.enter('values'));
  }
  get formulas(): (string | number | boolean)[][] {
    return this.get('formulas');
  }
  set formulas(v: unknown[][]) {
    this.writeGrid('formulas', v, 'edit', this.enter('formulas'));
  }
  get numberFormat(): string[][] {
    return this.get('numberFormat');
  }
  set numberFormat(v: unknown[][]) {
    this.writeGrid('numberFormat', v, 'formatCells', (sheet, row, col, x) => (this.ctx.model.cell(sheet, row, col).numberFormat = String(x)));
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

  load(props?: string | string[]): this {
    this.ctx.record(
      `Range(${this.label}).load(${String(props ?? '')})`,
      () => {
        const r = this.resolve();
        if (!r) {
          if (this.nullable) return;
          throw new SimError('ItemNotFound', `range ${this.label}`);
        }
        const m = this.ctx.model;
        const peek = (i: number, j: number) => m.peek(r.sheet, r.bounds.r1 + i, r.bounds.c1 + j);
        const values = () => m.values(r.sheet, r.bounds);
        const get: Record<(typeof SCALARS)[number], () => unknown> = {
          values,
          formulas: () => values().map((row, i) => row.map((v, j) => peek(i, j)?.formula ?? v)),
          numberFormat: () => values().map((row, i) => row.map((_, j) => peek(i, j)?.numberFormat ?? 'General')),
          address: () => addressOf(r.sheet, r.bounds),
          rowCount: () => r.bounds.r2 - r.bounds.r1 + 1,
          columnCount: () => r.bounds.c2 - r.bounds.c1 + 1,
        };
        for (const p of propsOf(props, SCALARS)) {
          const f = get[p as (typeof SCALARS)[number]];
          if (!f) throw new SimError('InvalidArgument', `Range has no property ${p}`);
          const v = f();
          this.settle(p, v);
          this.ctx.respond(v);
        }
      },
      { write: false, args: props },
    );
    return this;
  }

  set columnHidden(h: boolean) {
    this.ctx.record(
      `Range(${this.label}).columnHidden=${h}`,
      () => {
        const r = this.must();
        assertAllowed(this.ctx.model, r.sheet, 'formatColumns');
        const c2 = Math.min(r.bounds.c2, MAX_COL);
        if (h) for (let c = r.bounds.c1; c <= c2; c++) r.sheet.hiddenColumns.add(c);
        else for (const c of [...r.sheet.hiddenColumns]) if (c >= r.bounds.c1 && c <= c2) r.sheet.hiddenColumns.delete(c);
      },
      { args: h },
    );
  }

  get format() {
    return formatOf(this.ctx, () => this.must(), this.label, this.forCells);
  }
  get dataValidation() {
    return dataValidationOf(this.ctx, () => this.resolve(), this.label);
  }
  get conditionalFormats() {
    return conditionalFormatsOf(this.ctx, () => this.resolve(), this.label);
  }

  merge(across = false): void {
    this.ctx.record(
      `Range(${this.label}).merge`,
      () => {
        const r = this.must();
        assertAllowed(this.ctx.model, r.sheet, 'merge');
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
      },
      { args: across },
    );
  }
  unmerge(): void {
    this.ctx.record(`Range(${this.label}).unmerge`, () => {
      const r = this.must();
      assertAllowed(this.ctx.model, r.sheet, 'merge');
      r.sheet.merges = r.sheet.merges.filter((m) => !overlaps(parseBounds(m), r.bounds));
    });
  }
  /** Range.clear(applyTo): contents, formats or both; charts and hidden columns are not cell contents. */
  clear(applyTo: 'All' | 'Formats' | 'Contents' = 'All'): void {
    this.ctx.record(
      `Range(${this.label}).clear(${applyTo})`,
      () => {
        const r = this.must();
        if (applyTo !== 'Contents') assertAllowed(this.ctx.model, r.sheet, 'formatCells');
        if (applyTo !== 'Formats') assertAllowed(this.ctx.model, r.sheet, 'edit', r.bounds);
        for (const [k, c] of [...r.sheet.cells]) {
          const [row, col] = k.split(',').map(Number) as [number, number];
          if (row < r.bounds.r1 || row > r.bounds.r2 || col < r.bounds.c1 || col > r.bounds.c2) continue;
          if (applyTo === 'All') r.sheet.cells.delete(k);
          else if (applyTo === 'Contents') ((c.value = null), (c.formula = undefined));
          else Object.assign(c, { numberFormat: 'General', locked: true, style: {} });
        }
      },
      { args: applyTo },
    );
  }
  select(): void {
    this.ctx.record(
      `Range(${this.label}).select`,
      () => {
        const r = this.must();
        this.ctx.model.selection = { sheet: r.sheet.name, address: addressOf(r.sheet, r.bounds).split('!')[1]! };
      },
      { write: false },
    );
  }
  getCell(row: number, col: number): RangeProxy {
    return new RangeProxy(
      this.ctx,
      () => {
        const r = this.resolve();
        if (!r) return undefined;
        const c = r.bounds.c1 + col;
        const rr = r.bounds.r1 + row;
        return { sheet: r.sheet, bounds: { c1: c, r1: rr, c2: c, r2: rr } };
      },
      `${this.label}[${row},${col}]`,
    );
  }
}
