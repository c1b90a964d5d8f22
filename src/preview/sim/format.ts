// Range.format (fonts, fill, borders, alignment, wrap, row height, column width, cell locking) and
// Range.conditionalFormats. On a protected sheet formats need allowFormatCells, column widths
// allowFormatColumns, row heights allowFormatRows (protection.ts).
// https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-set-format
// https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-conditional-formatting
import type { SimContext } from './context';
import { SimError } from './errors';
import { addressOf, parseBounds, type Bounds, type SimCell, type SimSheet } from './model';
import { assertAllowed, type ProtectedAction } from './protection';
import { overlaps } from './validation';

type Resolved = { sheet: SimSheet; bounds: Bounds } | undefined;

/** Applies `op` to every cell of the range's areas (whole rows/columns reach as far as the used cells). */
export type ForCells = (call: string, args: unknown, action: ProtectedAction, op: (cell: SimCell, sheet: SimSheet, row: number, col: number) => void) => void;

export function formatOf(ctx: SimContext, resolve: () => Resolved, label: string, forCells: ForCells) {
  const style = (path: string) => (v: unknown) => forCells(`format.${path}=${String(v)}`, v, 'formatCells', (c) => (c.style[path] = v));
  const obj = (paths: string[], prefix: string) => {
    const o: Record<string, unknown> = {};
    for (const p of paths) Object.defineProperty(o, p, { set: style(`${prefix}${p}`), enumerable: true });
    return o;
  };
  /** A row height or column width: set on every row or column of the range; each axis has its own protection option. */
  const size = (axis: 'rows' | 'columns', v: number) =>
    ctx.record(
      `Range(${label}).format.${axis === 'rows' ? 'rowHeight' : 'columnWidth'}=${v}`,
      () => {
        const r = resolve();
        if (!r) throw new SimError('ItemNotFound', `range ${label}`);
        assertAllowed(ctx.model, r.sheet, axis === 'rows' ? 'formatRows' : 'formatColumns');
        const [from, to, sizes] = axis === 'rows' ? [r.bounds.r1, r.bounds.r2, r.sheet.rowHeights] : [r.bounds.c1, r.bounds.c2, r.sheet.columnWidths];
        for (let i = from; i <= to; i++) sizes.set(i, v);
      },
      { args: v },
    );
  return {
    font: obj(['name', 'bold', 'size', 'color', 'italic'], 'font.'),
    fill: obj(['color'], 'fill.'),
    protection: {
      set locked(v: boolean) {
        forCells(`format.protection.locked=${v}`, v, 'formatCells', (c) => (c.locked = v));
      },
    },
    borders: { getItem: (edge: string) => obj(['style', 'color'], `border.${edge}.`) },
    set wrapText(v: boolean) {
      style('wrapText')(v);
    },
    set horizontalAlignment(v: string) {
      style('horizontalAlignment')(v);
    },
    set verticalAlignment(v: string) {
      style('verticalAlignment')(v);
    },
    set rowHeight(h: number) {
      size('rows', h);
    },
    set columnWidth(w: number) {
      size('columns', w);
    },
  };
}

export function conditionalFormatsOf(ctx: SimContext, resolve: () => Resolved, label: string) {
  const target = () => {
    const r = resolve();
    if (!r) throw new SimError('ItemNotFound', `range ${label}`);
    assertAllowed(ctx.model, r.sheet, 'conditionalFormat');
    return r;
  };
  return {
    add: (type: string) => {
      const cf = { formula: '', fill: '', fontColor: '' };
      ctx.record(
        `Range(${label}).conditionalFormats.add`,
        () => {
          const r = target();
          // The rule's properties are set after add() in the same batch; the entry reads them at sync.
          r.sheet.conditionalFormats.push({ range: addressOf(r.sheet, r.bounds).split('!')[1]!, formula: cf.formula, fill: cf.fill, fontColor: cf.fontColor });
        },
        { args: type },
      );
      const set = (call: string, v: string, f: () => void) => ctx.record(`Range(${label}).conditionalFormat.${call}`, f, { args: v });
      return {
        custom: {
          rule: {
            set formula(f: string) {
              cf.formula = f;
              set('formula', f, () => undefined);
            },
          },
          format: {
            fill: {
              set color(c: string) {
                cf.fill = c;
                set('fill', c, () => undefined);
              },
            },
            font: {
              set color(c: string) {
                cf.fontColor = c;
                set('font', c, () => undefined);
              },
            },
          },
        },
      };
    },
    clearAll: () =>
      ctx.record(`Range(${label}).conditionalFormats.clearAll`, () => {
        const r = target();
        r.sheet.conditionalFormats = r.sheet.conditionalFormats.filter((c) => !overlaps(parseBounds(c.range), r.bounds));
      }),
  };
}
