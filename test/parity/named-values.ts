// A workbook's computed values as the parity checks see them, whatever evaluated it (HyperFormula or
// LibreOffice): a defined name resolves, through the layout, to a block of plain cells.
import { rangeBounds, splitRef } from '../../src/workbook/a1';
import type { WorkbookLayout } from '../../src/workbook/types';

/** One computed cell: an error is `{ error: '#DIV/0!' }`, an empty cell null. */
export type Computed = number | string | boolean | null | { error: string };

export interface NamedBlock {
  sheet: string;
  /** Top-left cell, 1-based. */
  col: number;
  row: number;
  values: Computed[][];
}

/** Where a defined name points, from the layout (the source of truth for names). */
export function resolveName(layout: WorkbookLayout, name: string): { sheet: string; c1: number; r1: number; c2: number; r2: number } {
  const spec = layout.names.find((n) => n.name === name);
  if (!spec) throw new Error(`the layout defines no name ${name}`);
  const { sheet, range } = splitRef(spec.ref);
  return { sheet, ...rangeBounds(range) };
}

/** Reads every cell of a named range with `cellAt(sheet, col, row)` (1-based). */
export function readNamed(layout: WorkbookLayout, name: string, cellAt: (sheet: string, col: number, row: number) => Computed): NamedBlock {
  const { sheet, c1, r1, c2, r2 } = resolveName(layout, name);
  const values: Computed[][] = [];
  for (let r = r1; r <= r2; r++) {
    const row: Computed[] = [];
    for (let c = c1; c <= c2; c++) row.push(cellAt(sheet, c, r));
    values.push(row);
  }
  return { sheet, col: c1, row: r1, values };
}
