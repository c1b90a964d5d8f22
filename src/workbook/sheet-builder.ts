// Collects one sheet's cells, merges, validations and formats while a sheet module lays it out.
import { cell, colNumber, parseCell } from './a1';
import type { Block, CellValue, ConditionalFormatSpec, SheetKey, SheetSpec, StyleId, ValidationSpec } from './types';

type Content = CellValue | { f: string };

export class SheetBuilder {
  private readonly spec: SheetSpec;

  constructor(key: SheetKey, name: string) {
    this.spec = {
      key,
      name,
      hidden: false,
      columns: [],
      hiddenColumns: [],
      blocks: [],
      merges: [],
      validations: [],
      conditionalFormats: [],
      freeze: { rows: 0, columns: 0 },
      print: { area: 'A1', orientation: 'portrait' },
      protect: true,
    };
  }

  get name(): string {
    return this.spec.name;
  }

  /** One cell. */
  set(at: string, content: Content, style?: StyleId, extra: Omit<Block, 'at' | 'rows' | 'style'> = {}): this {
    this.spec.blocks.push({ at, rows: [[content]], ...(style ? { style } : {}), ...extra });
    return this;
  }

  /** A column of cells from `at` downwards, one per item. */
  column(at: string, contents: Content[], style?: StyleId, extra: Omit<Block, 'at' | 'rows' | 'style'> = {}): this {
    if (contents.length === 0) return this;
    this.spec.blocks.push({ at, rows: contents.map((c) => [c]), ...(style ? { style } : {}), ...extra });
    return this;
  }

  /** A row of cells from `at` rightwards. */
  row(at: string, contents: Content[], style?: StyleId, extra: Omit<Block, 'at' | 'rows' | 'style'> = {}): this {
    if (contents.length === 0) return this;
    this.spec.blocks.push({ at, rows: [contents], ...(style ? { style } : {}), ...extra });
    return this;
  }

  /** A rectangular block. */
  block(at: string, rows: Content[][], style?: StyleId, extra: Omit<Block, 'at' | 'rows' | 'style'> = {}): this {
    if (rows.length === 0) return this;
    this.spec.blocks.push({ at, rows, ...(style ? { style } : {}), ...extra });
    return this;
  }

  merge(range: string): this {
    this.spec.merges.push(range);
    return this;
  }

  validate(range: string, rule: ValidationSpec['rule']): this {
    this.spec.validations.push({ range, rule });
    return this;
  }

  paint(range: string, formula: string, style: ConditionalFormatSpec['style']): this {
    this.spec.conditionalFormats.push({ range, formula, style });
    return this;
  }

  widths(...w: number[]): this {
    this.spec.columns = w;
    return this;
  }

  hideColumns(...letters: string[]): this {
    this.spec.hiddenColumns.push(...letters);
    return this;
  }

  freeze(rows: number, columns = 0): this {
    this.spec.freeze = { rows, columns };
    return this;
  }

  print(area: string, orientation: 'portrait' | 'landscape', titleRows?: string): this {
    this.spec.print = { area, orientation, ...(titleRows ? { titleRows } : {}) };
    return this;
  }

  /** A printed page starts at this row. */
  breakBefore(row: number): this {
    this.spec.print.breaks = [...(this.spec.print.breaks ?? []), row];
    return this;
  }

  hide(): this {
    this.spec.hidden = true;
    return this;
  }

  tab(color: string): this {
    this.spec.tabColor = color;
    return this;
  }

  build(): SheetSpec {
    return this.spec;
  }
}

/** The cell `dc` columns and `dr` rows away from `at`. */
export function offset(at: string, dr: number, dc: number): string {
  const p = parseCell(at);
  return cell(p.col + dc, p.row + dr);
}

export { colNumber };
