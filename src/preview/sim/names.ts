// Workbook.names (NamedItemCollection, ExcelApi 1.4): add(name, reference) refuses a name that exists
// (ItemAlreadyExists); a reference to a sheet that does not exist is bound to #REF! as formulas are
// (references.ts), and getRange() of such a name fails. Names are read only through load().
// https://learn.microsoft.com/javascript/api/excel/excel.nameditemcollection#excel-excel-nameditemcollection-add-member(1)
// https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-named-items
import type { SimContext } from './context';
import { SimError } from './errors';
import { Loadable, propsOf } from './loadable';
import { RangeProxy } from './range';
import { bindSheetReferences } from './references';

export class NamedItemProxy extends Loadable {
  constructor(
    private readonly ctx: SimContext,
    readonly nameId: string,
    private readonly mustExist: boolean,
  ) {
    super();
    if (!mustExist) ctx.onSettle(() => this.settle('isNullObject', !ctx.model.names.has(nameId)));
  }
  get isNullObject(): boolean {
    return this.get('isNullObject');
  }
  get name(): string {
    return this.get('name');
  }
  delete(): void {
    this.ctx.record(`Name(${this.nameId}).delete`, () => {
      if (!this.ctx.model.names.delete(this.nameId)) throw new SimError('ItemNotFound', `name ${this.nameId}`);
    });
  }
  getRange(): RangeProxy {
    return this.range(false);
  }
  getRangeOrNullObject(): RangeProxy {
    return this.range(true);
  }
  private range(nullable: boolean): RangeProxy {
    return new RangeProxy(
      this.ctx,
      () => {
        const r = this.ctx.model.resolveName(this.nameId);
        if (!r && !nullable) throw new SimError(this.ctx.model.names.has(this.nameId) ? 'InvalidReference' : 'ItemNotFound', `name ${this.nameId}`);
        return r;
      },
      `name ${this.nameId}`,
      nullable,
    );
  }
}

export class NamesProxy extends Loadable {
  constructor(private readonly ctx: SimContext) {
    super();
  }
  get items(): NamedItemProxy[] {
    return this.get('items');
  }
  load(props?: string | string[]): this {
    this.ctx.record(
      'Names.load',
      () => {
        const wanted = propsOf(typeof props === 'string' ? props.replace(/items\//g, '') : props, ['name']);
        const items = [...this.ctx.model.names.keys()].map((name) => {
          const item = new NamedItemProxy(this.ctx, name, true);
          if (wanted.includes('name')) item.settle('name', name);
          return item;
        });
        this.settle('items', items);
        this.ctx.respond([...this.ctx.model.names.keys()]);
      },
      { write: false, args: props },
    );
    return this;
  }
  add(name: string, reference: string): NamedItemProxy {
    this.ctx.record(
      `Names.add ${name}`,
      () => {
        if (this.ctx.model.names.has(name)) throw new SimError('ItemAlreadyExists', `name ${name}`);
        const ref = reference.startsWith('=') ? reference : `=${reference}`;
        this.ctx.model.names.set(
          name,
          bindSheetReferences(ref, (s) => !!this.ctx.model.sheet(s)),
        );
      },
      { args: [name, reference] },
    );
    return new NamedItemProxy(this.ctx, name, true);
  }
  getItem(name: string): NamedItemProxy {
    return new NamedItemProxy(this.ctx, name, true);
  }
  getItemOrNullObject(name: string): NamedItemProxy {
    return new NamedItemProxy(this.ctx, name, false);
  }
}
