// How a sheet falls onto A4 pages when it prints one page wide (PRINT in ./styles.ts): the scale that fit
// gives and the height of sheet one page holds, estimated from the layout's column widths and computed row
// heights. A section with a chart beside its table starts a new page when it would not fit on the current one,
// so no page break runs through a chart (LibreOffice and Excel cut a chart at the break and print the rest
// on the next page).
import { colNumber, rangeBounds } from './a1';
import { rowHeights } from './row-heights';
import { PRINT } from './styles';
import type { SheetSpec } from './types';

/** ISO 216 A4 in points. */
const A4 = { short: 595.3, long: 841.9 };
/** Excel's column width: w units of the default font's digit (Calibri 11: 7 px) plus 5 px of padding. */
const columnPoints = (w: number) => Math.trunc(w * 7 + 5) * 0.75;
const DEFAULT_WIDTH = 8.43;

/**
 * A row with no text and so no stored height: the sheet's default, 15 pt as ExcelJS writes it (Excel prints
 * that; LibreOffice its own 12.8 pt, so a page there holds a little more than estimated, never less).
 */
const EMPTY_ROW = 15;

/** Height in points of rows r1…r2 as written. */
export function rowsHeight(heights: Map<number, number>, r1: number, r2: number): number {
  let h = 0;
  for (let r = r1; r <= r2; r++) h += heights.get(r) ?? EMPTY_ROW;
  return h;
}

/** Points of paper a page gives the sheet's rows (between the top and bottom margins). */
const usableHeight = (spec: SheetSpec) => (spec.print.orientation === 'portrait' ? A4.long : A4.short) - 72 * (PRINT.margins.top + PRINT.margins.bottom);

/** Height of the rows repeated on every page. */
const titlesHeight = (spec: SheetSpec, heights: Map<number, number>) => {
  const titles = spec.print.titleRows?.split(':').map(Number);
  return titles ? rowsHeight(heights, titles[0]!, titles[1]!) : 0;
};

/**
 * The factor the print area is shrunk by to fit the page's width, and its height too for a sheet fitted to
 * `pagesTall` pages (1: it fits as it is). `heights`: the rows as written (rowHeights).
 */
export function printScale(spec: SheetSpec, heights: Map<number, number> = rowHeights(spec)): number {
  const b = rangeBounds(spec.print.area);
  const hidden = new Set(spec.hiddenColumns.map(colNumber));
  let width = 0;
  for (let c = b.c1; c <= b.c2; c++) if (!hidden.has(c)) width += columnPoints(spec.columns[c - 1] ?? DEFAULT_WIDTH);
  const paper = spec.print.orientation === 'portrait' ? A4.short : A4.long;
  const across = ((spec.print.pagesWide ?? 1) * (paper - 72 * (PRINT.margins.left + PRINT.margins.right))) / width;
  const tall = spec.print.pagesTall;
  if (!tall) return Math.min(1, across);
  // Every page but the first repeats the title rows above its share of the rows.
  const down = (tall * usableHeight(spec)) / (rowsHeight(heights, b.r1, b.r2) + (tall - 1) * titlesHeight(spec, heights));
  return Math.min(1, across, down);
}

/** Points of sheet (before scaling) one printed page holds below the rows repeated on every page. */
export function pageCapacity(spec: SheetSpec, heights: Map<number, number>): number {
  return usableHeight(spec) / printScale(spec, heights) - titlesHeight(spec, heights);
}

/**
 * Rows before which a new page starts so that no section (its first and last row, each shorter than a page)
 * is cut: a section that does not fit below the previous ones starts the next page. Rows above the first
 * section count as the start of page 1.
 */
export function sectionBreaks(spec: SheetSpec, heights: Map<number, number>, sections: readonly { first: number; last: number }[]): number[] {
  const capacity = pageCapacity(spec, heights);
  const breaks: number[] = [];
  let used = sections.length ? rowsHeight(heights, 1, sections[0]!.first - 1) : 0;
  for (const s of sections) {
    const h = rowsHeight(heights, s.first, s.last);
    if (used > 0 && used + h > capacity) {
      breaks.push(s.first);
      used = 0;
    }
    used += h;
  }
  return breaks;
}

/**
 * The last column (number) that prints on the first page of a sheet printed several pages across: a title
 * merged over more columns would be split between pages. Conservative: a column that may not fit is left out.
 */
export function firstPageLastColumn(spec: SheetSpec): number {
  const b = rangeBounds(spec.print.area);
  const hidden = new Set(spec.hiddenColumns.map(colNumber));
  const paper = spec.print.orientation === 'portrait' ? A4.short : A4.long;
  const room = (0.95 * (paper - 72 * (PRINT.margins.left + PRINT.margins.right))) / printScale(spec);
  let used = 0;
  let last = b.c1;
  for (let c = b.c1; c <= b.c2; c++) {
    if (hidden.has(c)) continue;
    used += columnPoints(spec.columns[c - 1] ?? DEFAULT_WIDTH);
    if (used > room) break;
    last = c;
  }
  return last;
}
