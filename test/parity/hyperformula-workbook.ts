// Evaluates a WorkbookLayout's own formulas with HyperFormula, in process. Test-only: HyperFormula is GPL-3.0
// and a devDependency; nothing under src/ may import it.
import { DetailedCellError, HyperFormula, type RawCellContent } from 'hyperformula';
import { parseCell } from '../../src/workbook/a1';
import { INPUT_NAMES } from '../../src/workbook/names';
import type { CellValue, WorkbookLayout } from '../../src/workbook/types';
import { HF_CONFIG as CONFIG } from '../../src/preview/recalc';
import { readNamed, resolveName, type Computed, type NamedBlock } from './named-values';

/** A literal as HyperFormula must receive it: text is prefixed with ' so "13912345678" stays text. */
function literal(v: CellValue | Date): RawCellContent {
  return typeof v === 'string' ? `'${v}` : v;
}

export class HyperFormulaWorkbook {
  private readonly hf: HyperFormula;

  /** Loads every sheet of the layout (values and formulas), then the given inputs. */
  constructor(
    private readonly layout: WorkbookLayout,
    inputs?: Map<string, (CellValue | Date)[][]>,
  ) {
    const sheets: Record<string, RawCellContent[][]> = {};
    for (const s of layout.sheets) {
      const grid: RawCellContent[][] = [];
      for (const block of s.blocks) {
        const at = parseCell(block.at);
        block.rows.forEach((cells, i) =>
          cells.forEach((c, j) => {
            const row = (grid[at.row - 1 + i] ??= []);
            row[at.col - 1 + j] = c !== null && typeof c === 'object' ? `=${c.f}` : literal(c);
          }),
        );
      }
      // Sparse rows and cells become null, as HyperFormula wants dense arrays.
      sheets[s.name] = Array.from(grid, (row) => Array.from(row ?? [], (c) => c ?? null));
    }
    this.hf = HyperFormula.buildFromSheets(sheets, CONFIG);
    if (inputs) this.fill(inputs);
  }

  /** Sets every named input range: the given values, and blanks where an input is not given. */
  fill(inputs: Map<string, (CellValue | Date)[][]>): void {
    for (const name of inputs.keys()) if (!(INPUT_NAMES as readonly string[]).includes(name)) throw new Error(`${name} is not an input name`);
    this.hf.batch(() => {
      for (const name of INPUT_NAMES) {
        const { sheet, c1, r1, c2, r2 } = resolveName(this.layout, name);
        const given = inputs.get(name);
        const block: RawCellContent[][] = [];
        for (let r = r1; r <= r2; r++) {
          const row: RawCellContent[] = [];
          for (let c = c1; c <= c2; c++) row.push(literal(given?.[r - r1]?.[c - c1] ?? null));
          block.push(row);
        }
        this.hf.setCellContents({ sheet: this.sheetId(sheet), col: c1 - 1, row: r1 - 1 }, block);
      }
    });
  }

  /** The computed cells of a defined name. */
  named(name: string): NamedBlock {
    return readNamed(this.layout, name, (sheet, col, row) => this.at(sheet, col, row));
  }

  /** One computed cell, 1-based. */
  at(sheet: string, col: number, row: number): Computed {
    const v = this.hf.getCellValue({ sheet: this.sheetId(sheet), col: col - 1, row: row - 1 });
    if (v instanceof DetailedCellError) return { error: v.value };
    return v;
  }

  destroy(): void {
    this.hf.destroy();
  }

  private sheetId(name: string): number {
    const id = this.hf.getSheetId(name);
    if (id === undefined) throw new Error(`no sheet ${name}`);
    return id;
  }
}
