// Row heights from the wrapped text, so a printed sheet shows every line: neither Excel nor LibreOffice grows
// a row for wrapped text in a file that stores no height, and LibreOffice prints such text on one line, cut.
// The estimate counts a CJK (full-width) character as two character widths and anything else as one, in the
// unit of column widths (the width of "0" in the body font), scaled by the font size; merged cells wrap
// across the width of all their columns. It errs on the generous side: a spare line prints as white space,
// a missing one cuts text off.
import { rangeBounds } from './a1';
import { FONT, STYLES } from './styles';
import type { CellValue, SheetSpec } from './types';

/** Points per line of text at a font size (微软雅黑 and Noto Sans CJK have tall line metrics: ≈ 1.32 em). */
const lineHeight = (size: number) => size * 1.36;
/** Padding above and below the text in a cell, in points. */
const PADDING = 4;
/** Characters lost to the cell's side padding, in column-width units. */
const SIDE = 0.8;
/** Excel's default column width, for a column the layout gives no width. */
const DEFAULT_WIDTH = 8.43;

const WIDE = /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u3000-\u303F]/u;

/**
 * Width of a text in column-width units at the body font size. Column widths count the digit width of the
 * file's default font (Calibri 11: 7 px); a CJK character of 微软雅黑 11 pt is ≈ 14.7 px (2.1 units), its Latin
 * letters and digits ≈ 8 px, capitals and wide signs more.
 */
export function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += WIDE.test(ch) ? 2.1 : /[A-Z%@#&WMmw]/.test(ch) ? 1.4 : /[ il.,:;!|'()[\]]/.test(ch) ? 0.6 : 1.1;
  return w;
}

/** Lines a text takes when wrapped at `width` column units in a font of `size` points. */
export function wrappedLines(text: string, width: number, size: number = FONT.size): number {
  const usable = Math.max(1, width - SIDE);
  const scale = size / FONT.size;
  return text.split(/\r?\n/).reduce((n, para) => n + Math.max(1, Math.ceil((textWidth(para) * scale) / usable)), 0);
}

/** The height in points a row needs for `lines` lines at `size` points. */
export const heightFor = (lines: number, size: number = FONT.size) => Math.ceil(lines * lineHeight(size) + PADDING);

/** The longest of some texts: a formula cell's `fit`, so its row is tall enough whichever text it shows. */
export const longest = (texts: readonly (string | null)[]) => texts.reduce<string>((a, t) => (t !== null && t.length > a.length ? t : a), '');

/** The default height of a row of body text (one line). */
export const DEFAULT_ROW_HEIGHT = heightFor(1);

/**
 * The height of every row with text, by row number (at least one line of body text: Excel's default 15 pt
 * row is too tight for 微软雅黑 and Noto Sans CJK). `values` adds text that
 * is not in the layout (inputs written into a filled workbook), by A1 address.
 */
export function rowHeights(spec: SheetSpec, values: Map<string, CellValue | Date> = new Map()): Map<number, number> {
  const width = (c: number) => spec.columns[c - 1] ?? DEFAULT_WIDTH;
  // Each merged range's top-left cell wraps across all its columns; a merge over several rows is left out
  // (its text shares those rows' height).
  const span = new Map<string, { cols: number; rows: number }>();
  for (const m of spec.merges) {
    const b = rangeBounds(m);
    let w = 0;
    for (let c = b.c1; c <= b.c2; c++) w += width(c);
    span.set(`${b.c1},${b.r1}`, { cols: w, rows: b.r2 - b.r1 + 1 });
  }
  const hidden = new Set(spec.hiddenColumns.map((l) => rangeBounds(`${l}1`).c1));
  const need = new Map<number, number>();
  // A number never wraps (Excel shows ### when it does not fit) and prints formatted, not as its 17 digits.
  const shown = (v: CellValue) => (v === null ? '' : typeof v === 'number' ? '0' : String(v));
  const consider = (col: number, row: number, text: string, size: number, wrap: boolean) => {
    if (hidden.has(col) || text === '') return;
    const s = span.get(`${col},${row}`);
    if (s && s.rows > 1) return;
    const w = s ? s.cols : width(col);
    const lines = wrap ? wrappedLines(text, w, size) : 1;
    need.set(row, Math.max(need.get(row) ?? 0, heightFor(lines, size)));
  };
  for (const b of spec.blocks) {
    const style = b.style ? STYLES[b.style] : undefined;
    const size = style?.size ?? FONT.size;
    const wrap = style?.wrap ?? false;
    const top = rangeBounds(b.at);
    b.rows.forEach((row, i) =>
      row.forEach((content, j) => {
        // A formula shows one line unless the layout says how long its text can be ('' : leave the row alone);
        // an empty cell can reserve room the same way (the seal on 真实性承诺).
        const text = typeof content === 'object' && content !== null ? (b.fit ?? '0') : content === null ? (b.fit ?? '') : shown(content);
        consider(top.c1 + j, top.r1 + i, text, size, wrap);
      }),
    );
  }
  if (values.size) {
    const styleAt = new Map<string, { size: number; wrap: boolean }>();
    for (const b of spec.blocks) {
      const style = b.style ? STYLES[b.style] : undefined;
      const top = rangeBounds(b.at);
      b.rows.forEach((row, i) =>
        row.forEach((_, j) => styleAt.set(`${top.c1 + j},${top.r1 + i}`, { size: style?.size ?? FONT.size, wrap: style?.wrap ?? false })),
      );
    }
    for (const [at, v] of values) {
      if (v === null || v instanceof Date) continue;
      const p = rangeBounds(at);
      const st = styleAt.get(`${p.c1},${p.r1}`) ?? { size: FONT.size, wrap: false };
      consider(p.c1, p.r1, shown(v), st.size, st.wrap);
    }
  }
  return need;
}
