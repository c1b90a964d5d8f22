// Worksheet.charts (ExcelApi 1.1; getItemOrNullObject 1.4). Charts are objects on the sheet, not cell
// contents: Range.clear() — whatever it applies to — leaves them, so a re-render must delete its own.
// https://learn.microsoft.com/javascript/api/excel/excel.chartcollection
// https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-clear-member(1)
import type { SimContext } from './context';
import { SimError } from './errors';
import { Loadable, propsOf } from './loadable';
import { addressOf, type SimChart, type SimSheet } from './model';
import { assertAllowed } from './protection';
import type { RangeProxy } from './range';

type SheetOf = () => SimSheet | undefined;

export class ChartProxy extends Loadable {
  constructor(
    private readonly ctx: SimContext,
    private readonly find: () => SimChart | undefined,
    private readonly sheet: SheetOf,
    private readonly label: string,
    nullable = false,
  ) {
    super();
    if (nullable) ctx.onSettle(() => this.settle('isNullObject', !this.find()));
  }
  private onChart(call: string, args: unknown, op: (c: SimChart) => void): void {
    this.ctx.record(
      `Chart(${this.label}).${call}`,
      () => {
        const c = this.find();
        if (!c) throw new SimError('ItemNotFound', `chart ${this.label}`);
        op(c);
      },
      { args },
    );
  }
  get isNullObject(): boolean {
    return this.get('isNullObject');
  }
  get name(): string {
    return this.get('name');
  }
  set name(v: string) {
    this.onChart('name', v, (c) => (c.name = v));
  }
  readonly title = ((self: ChartProxy) => ({
    set text(t: string) {
      self.onChart('title.text', t, (c) => (c.title = t));
    },
  }))(this);
  readonly legend = ((self: ChartProxy) => ({
    set visible(v: boolean) {
      self.onChart('legend.visible', v, () => undefined);
    },
  }))(this);
  setPosition(from: string, to?: string): void {
    this.onChart('setPosition', [from, to], (c) => (c.position = [from, to]));
  }
  delete(): void {
    this.ctx.record(`Chart(${this.label}).delete`, () => {
      const s = this.sheet();
      const c = this.find();
      if (!s || !c) throw new SimError('ItemNotFound', `chart ${this.label}`);
      assertAllowed(this.ctx.model, s, 'editObjects');
      s.charts.splice(s.charts.indexOf(c), 1);
    });
  }
  load(props?: string | string[]): this {
    this.ctx.record(
      `Chart(${this.label}).load`,
      () => {
        const c = this.find();
        if (!c) return;
        for (const p of propsOf(props, ['name'])) if (p === 'name') this.settle('name', c.name);
        this.ctx.respond(c.name);
      },
      { write: false, args: props },
    );
    return this;
  }
}

export class ChartCollectionProxy extends Loadable {
  constructor(
    private readonly ctx: SimContext,
    private readonly sheet: SheetOf,
    private readonly sheetName: string,
  ) {
    super();
  }
  get items(): ChartProxy[] {
    return this.get('items');
  }
  load(props?: string | string[]): this {
    this.ctx.record(
      `Worksheet(${this.sheetName}).charts.load`,
      () => {
        const s = this.sheet();
        const items = (s?.charts ?? []).map((c) => {
          const p = new ChartProxy(this.ctx, () => s!.charts.find((x) => x === c), this.sheet, c.name);
          if (propsOf(props?.toString().replace(/items\//g, ''), ['name']).includes('name')) p.settle('name', c.name);
          return p;
        });
        this.settle('items', items);
        this.ctx.respond(items.length);
      },
      { write: false, args: props },
    );
    return this;
  }
  add(type: string, source: RangeProxy, seriesBy?: string): ChartProxy {
    let made: SimChart | undefined;
    this.ctx.record(
      `Worksheet(${this.sheetName}).charts.add(${type})`,
      () => {
        const s = this.sheet();
        if (!s) throw new SimError('ItemNotFound', `worksheet ${this.sheetName}`);
        assertAllowed(this.ctx.model, s, 'editObjects');
        const r = source.resolve();
        if (!r) throw new SimError('InvalidArgument', 'chart source');
        // Excel names new charts "Chart n" with the next free number.
        let n = 1;
        while (s.charts.some((c) => c.name === `Chart ${n}`)) n++;
        made = { name: `Chart ${n}`, type, source: addressOf(r.sheet, r.bounds) };
        s.charts.push(made);
      },
      { args: [type, seriesBy] },
    );
    return new ChartProxy(this.ctx, () => made, this.sheet, `${this.sheetName}/new`);
  }
  getItemOrNullObject(name: string): ChartProxy {
    return new ChartProxy(this.ctx, () => this.sheet()?.charts.find((c) => c.name === name), this.sheet, name, true);
  }
  getItem(name: string): ChartProxy {
    return new ChartProxy(this.ctx, () => this.sheet()?.charts.find((c) => c.name === name), this.sheet, name);
  }
}
