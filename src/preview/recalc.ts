// Recalculates a SimWorkbook's formulas with HyperFormula, as Excel would. Development only: HyperFormula
// is GPL-3.0, so this module is reachable from the preview page and tests, never from the add-in bundle.
import { DetailedCellError, HyperFormula, type RawCellContent } from 'hyperformula';
import type { SimSheet, SimWorkbook, SimValue } from './sim/model';
import { key, parseBounds } from './sim/model';
import { registerAsc } from './hf-asc';

/**
 * HyperFormula as it ships (its default rounding and comparison epsilon, like a spreadsheet's): the workbook's
 * formulas ROUND where they compare, so they agree with the engine without tuning the evaluator to it.
 */
registerAsc();
export const HF_CONFIG = {
  licenseKey: 'gpl-v3',
  useArrayArithmetic: true,
};

function content(sheet: SimSheet): RawCellContent[][] {
  const grid: RawCellContent[][] = Array.from({ length: sheet.maxRow }, () => Array<RawCellContent>(sheet.maxCol).fill(null));
  for (const [k, c] of sheet.cells) {
    const [r, col] = k.split(',').map(Number) as [number, number];
    // Text is prefixed with ' so digits typed as text ("13912345678") stay text.
    grid[r - 1]![col - 1] = c.formula ?? (typeof c.value === 'string' ? `'${c.value}` : c.value);
  }
  return grid;
}

/** Builds a HyperFormula instance of the workbook and writes every formula's result into its cell. */
export function recalculate(model: SimWorkbook): HyperFormula {
  const sheets: Record<string, RawCellContent[][]> = {};
  for (const s of model.sheets) sheets[s.name] = content(s);
  const hf = HyperFormula.buildFromSheets(sheets, HF_CONFIG);
  for (const [name, ref] of model.names) if (hf.isItPossibleToAddNamedExpression(name, ref)) hf.addNamedExpression(name, ref);
  for (const s of model.sheets) {
    const id = hf.getSheetId(s.name)!;
    for (const [k, c] of s.cells) {
      if (!c.formula) continue;
      const [r, col] = k.split(',').map(Number) as [number, number];
      const v = hf.getCellValue({ sheet: id, row: r - 1, col: col - 1 });
      c.value = v instanceof DetailedCellError ? v.value : (v as SimValue);
    }
  }
  return hf;
}

/** Shifts the relative references of a formula written for the top-left cell to another cell. */
export function shiftFormula(formula: string, dRows: number, dCols: number): string {
  return formula.replace(
    /('[^']*'!|\b[A-Za-z_][\w.]*!)?(\$?)([A-Z]{1,3})(\$?)(\d+)(?![\w(])/g,
    (m, sheet: string | undefined, ca: string, col: string, ra: string, row: string) => {
      if (sheet) return m; // references to other sheets are absolute in our layout
      let c = col;
      if (!ca && dCols) {
        let n = 0;
        for (const ch of col) n = n * 26 + ch.charCodeAt(0) - 64;
        n += dCols;
        c = '';
        for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) c = String.fromCharCode(65 + ((x - 1) % 26)) + c;
      }
      const r = ra ? row : String(Number(row) + dRows);
      return `${ca}${c}${ra}${r}`;
    },
  );
}

/** The conditional-format styles that hold for a cell, evaluated with the workbook's current values. */
export function paintsAt(hf: HyperFormula, sheet: SimSheet, row: number, col: number): string[] {
  const out: string[] = [];
  const id = hf.getSheetId(sheet.name)!;
  for (const cf of sheet.conditionalFormats) {
    const b = parseBounds(cf.range);
    if (row < b.r1 || row > b.r2 || col < b.c1 || col > b.c2) continue;
    const f = shiftFormula(cf.formula.replace(/^=/, ''), row - b.r1, col - b.c1);
    const v = hf.calculateFormula(`=${f}`, id);
    if (v === true || (typeof v === 'number' && v !== 0)) out.push(cf.fill ?? '');
  }
  return out;
}

export { key };
