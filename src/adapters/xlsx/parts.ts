// The SpreadsheetML parts the reader needs, each parsed in one bounded pass of the XML scanner: package and
// workbook relationships, workbook.xml (sheets and defined names), the worksheets the names point at (only
// the cells inside the named areas are kept) and the shared strings those cells use (only those are kept).
import { MAX_CELL_CHARS, type CellXml } from './cells';
import type { NamedArea } from '../../workbook/paths';
import { decodeEntities, END, EOF, scannerOf, START, XmlError, type XmlScanner } from './xml';

export const MAIN_NS = ['http://schemas.openxmlformats.org/spreadsheetml/2006/main', 'http://purl.oclc.org/ooxml/spreadsheetml/main'];
const REL_NS = ['http://schemas.openxmlformats.org/officeDocument/2006/relationships', 'http://purl.oclc.org/ooxml/officeDocument/relationships'];
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
export const REL_TYPE = {
  officeDocument: REL_NS.map((n) => `${n}/officeDocument`),
  worksheet: REL_NS.map((n) => `${n}/worksheet`),
  sharedStrings: REL_NS.map((n) => `${n}/sharedStrings`),
};

/** Limits a hostile part could otherwise push without end; `kind` names the message. */
export class LimitError extends Error {
  constructor(
    readonly kind: 'tooManyCells' | 'tooManyStrings' | 'tooManyNames' | 'tooManySheets',
    readonly limit: number,
  ) {
    super(kind);
    this.name = 'LimitError';
  }
}

const COL_MAX = 16_384;
const ROW_MAX = 1_048_576;
/** Excel's limit on a formula's length (a defined name's text is a formula). */
const MAX_FORMULA_CHARS = 8_192;

// An element's namespace is the same string object as long as the bindings stay the same, so the last answer
// is kept: comparing the URI's characters for every element was 3 % of a workbook's read.
let lastNs: string | undefined;
let lastMain = false;
const isMain = (x: XmlScanner) => {
  if (x.ns !== lastNs) {
    lastNs = x.ns;
    lastMain = MAIN_NS.includes(x.ns);
  }
  return lastMain;
};
/** The element just started or ended is SpreadsheetML's `local` (a call, so TypeScript does not narrow x.local). */
const el = (x: XmlScanner, local: string) => x.local === local && isMain(x);

export interface Relationship {
  id: string;
  type: string;
  /** The part name it points at, resolved against the source part (no leading slash), or null if external. */
  target: string | null;
}

/** Resolves a relationship target against the folder of its source part (OPC §9.3, part names without `/`). */
function resolveTarget(source: string, target: string): string {
  let path: string;
  try {
    path = decodeURI(target);
  } catch {
    throw new XmlError(`a relationship target that is not a valid URI: ${target}`);
  }
  const base = path.startsWith('/') ? [] : source.split('/').slice(0, -1);
  for (const seg of path.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') base.pop();
    else base.push(seg);
  }
  return base.join('/');
}

/** `_rels/.rels` or `xl/_rels/workbook.xml.rels`: the relationships of `source` (the package root is ''). */
export function parseRelationships(xml: string | Uint8Array, source: string, maxCount: number): Relationship[] {
  const x = scannerOf(xml);
  const out: Relationship[] = [];
  for (let t = x.next(); t !== EOF; t = x.next()) {
    if (t !== START) continue;
    if (x.depth === 1 && !(x.ns === PKG_REL_NS && x.local === 'Relationships')) throw new XmlError('a relationships part without <Relationships>');
    if (x.depth === 2 && x.ns === PKG_REL_NS && x.local === 'Relationship') {
      const id = x.attr('Id');
      const type = x.attr('Type');
      const target = x.attr('Target');
      if (id === undefined || type === undefined || target === undefined) throw new XmlError('a relationship without Id, Type or Target');
      if (out.length >= maxCount) throw new LimitError('tooManySheets', maxCount);
      out.push({ id, type, target: x.attr('TargetMode') === 'External' ? null : resolveTarget(source, target) });
    }
  }
  return out;
}

export interface SheetEntry {
  name: string;
  relId: string;
}

export interface DefinedName {
  name: string;
  /** The name's formula text as written. */
  formula: string;
  /** Set for a name local to one sheet (by its index in <sheets>). */
  localSheetId: string | undefined;
}

/** workbook.xml: its sheets in order and its defined names (every one counted, bounded in number and length). */
export function parseWorkbook(xml: string | Uint8Array, limits: { maxNames: number; maxSheets: number }): { sheets: SheetEntry[]; names: DefinedName[] } {
  const x = scannerOf(xml);
  const sheets: SheetEntry[] = [];
  const names: DefinedName[] = [];
  let inSheets = false;
  let inNames = false;
  for (let t = x.next(); t !== EOF; t = x.next()) {
    if (t === END) {
      if (x.depth === 1) inSheets = inNames = false;
      continue;
    }
    if (t !== START) continue;
    if (x.depth === 1) {
      if (!el(x, 'workbook')) throw new XmlError('workbook.xml without <workbook>');
    } else if (x.depth === 2) {
      inSheets = el(x, 'sheets');
      inNames = el(x, 'definedNames');
      if (!inSheets && !inNames) x.skip();
    } else if (x.depth === 3 && inSheets && el(x, 'sheet')) {
      const name = x.attr('name');
      const relId = REL_NS.map((ns) => x.attr('id', ns)).find((v) => v !== undefined);
      if (name === undefined || relId === undefined) throw new XmlError('a <sheet> without name or r:id');
      if (sheets.length >= limits.maxSheets) throw new LimitError('tooManySheets', limits.maxSheets);
      sheets.push({ name, relId });
      x.skip();
    } else if (x.depth === 3 && inNames && el(x, 'definedName')) {
      const name = x.attr('name');
      if (name === undefined) throw new XmlError('a <definedName> without a name');
      const localSheetId = x.attr('localSheetId');
      if (names.length >= limits.maxNames) throw new LimitError('tooManyNames', limits.maxNames);
      const formula = x.textContent(MAX_FORMULA_CHARS);
      names.push({ name, formula: formula ?? '', localSheetId });
    } else x.skip();
  }
  return { sheets, names };
}

/** A rectangle of a sheet, 1-based. */
export type Area = NamedArea;

/** "$B$3" → { col, row } inside the sheet's bounds, or undefined (a hand-written scan: it runs for every cell). */
export function parseCellRef(ref: string): { col: number; row: number } | undefined {
  let i = 0;
  if (ref.charCodeAt(i) === 0x24) i++;
  let col = 0;
  const c0 = i;
  for (let c = ref.charCodeAt(i); c >= 0x41 && c <= 0x5a; c = ref.charCodeAt(++i)) col = col * 26 + (c - 64);
  if (i === c0 || i - c0 > 3) return undefined;
  if (ref.charCodeAt(i) === 0x24) i++;
  let row = 0;
  const r0 = i;
  for (let c = ref.charCodeAt(i); c >= 0x30 && c <= 0x39; c = ref.charCodeAt(++i)) row = row * 10 + (c - 48);
  if (i === r0 || i - r0 > 7 || i !== ref.length || ref.charCodeAt(r0) === 0x30) return undefined;
  return col <= COL_MAX && row >= 1 && row <= ROW_MAX ? { col, row } : undefined;
}

/**
 * A defined name's formula when it is one area of one sheet (`'企业信息'!$B$3:$B$17`, `Sheet1!A1`), or
 * undefined for anything else (several areas, functions, #REF!, whole rows or columns).
 */
export function parseArea(formula: string): Area | undefined {
  const f = formula.trim();
  let sheet: string;
  let rest: string;
  if (f.startsWith("'")) {
    let i = 1;
    let name = '';
    for (;;) {
      const q = f.indexOf("'", i);
      if (q < 0) return undefined;
      name += f.slice(i, q);
      if (f[q + 1] === "'") {
        name += "'";
        i = q + 2;
        continue;
      }
      i = q + 1;
      break;
    }
    if (f[i] !== '!') return undefined;
    sheet = name;
    rest = f.slice(i + 1);
  } else {
    const bang = f.indexOf('!');
    if (bang <= 0) return undefined;
    sheet = f.slice(0, bang);
    if (/[\s'![\]:*?/\\(),]/.test(sheet)) return undefined;
    rest = f.slice(bang + 1);
  }
  const parts = rest.split(':');
  if (parts.length > 2) return undefined;
  const p = parseCellRef(parts[0]!);
  const q = parseCellRef(parts[1] ?? parts[0]!);
  if (!p || !q) return undefined;
  return { sheet, c1: Math.min(p.col, q.col), r1: Math.min(p.row, q.row), c2: Math.max(p.col, q.col), r2: Math.max(p.row, q.row) };
}

/** An area of a sheet whose cells are wanted; `toLastRow` also wants every row below it. */
export interface Wanted {
  c1: number;
  r1: number;
  c2: number;
  r2: number;
  toLastRow: boolean;
}

export interface SheetCells {
  /** The wanted cells present in the sheet, by `cellKey`. */
  cells: Map<number, CellXml>;
  /** Rows that hold a wanted cell, in order. */
  rowsWithCells: number[];
}

export const cellKey = (row: number, col: number) => row * 16_385 + col;

const ROW_NUMBER = /^[0-9]{1,7}$/;

/**
 * The wanted cells of one worksheet. Rows must come in ascending order inside the sheet's bounds, and in the
 * rows read the cells too, each on its row (ECMA-376 §18.3.1.73, what Excel requires); every `<row>` and
 * `<c>` counts against `counter` whether wanted or not.
 */
export function parseSheetCells(xml: string | Uint8Array, wanted: readonly Wanted[], counter: { cells: number; limit: number }): SheetCells {
  const x = scannerOf(xml);
  const cells = new Map<number, CellXml>();
  const rowsWithCells: number[] = [];
  const count = () => {
    if (++counter.cells > counter.limit) throw new LimitError('tooManyCells', counter.limit);
  };
  let inData = false;
  let row = 0;
  let col = 0;
  const rowWanted: Wanted[] = [];
  /** The last column any wanted area of this row reaches. */
  let rowLastCol = 0;
  let rowMarked = false;
  for (let t = x.next(); t !== EOF; t = x.next()) {
    if (t === END) {
      if (x.depth === 1) inData = false;
      continue;
    }
    if (t !== START) continue;
    const depth = x.depth;
    if (depth === 1) {
      if (!el(x, 'worksheet')) throw new XmlError('a worksheet part without <worksheet>');
      continue;
    }
    if (depth === 2) {
      inData = el(x, 'sheetData');
      if (!inData) x.skip();
      continue;
    }
    if (depth === 3 && inData && el(x, 'row')) {
      count();
      const r = x.attr('r');
      let next = row + 1;
      if (r !== undefined) {
        if (!ROW_NUMBER.test(r)) throw new XmlError(`a row number that is not a row: r="${r.slice(0, 20)}"`);
        next = Number(r);
      }
      if (next < 1 || next > ROW_MAX) throw new XmlError(`row ${next} outside the sheet`);
      if (next <= row) throw new XmlError(`row ${next} after row ${row} (rows out of order)`);
      row = next;
      col = 0;
      rowMarked = false;
      // The areas this row is in (an array reused row after row: a sheet has thousands of rows).
      rowWanted.length = 0;
      rowLastCol = 0;
      for (const w of wanted)
        if (row >= w.r1 && (row <= w.r2 || w.toLastRow)) {
          rowWanted.push(w);
          if (w.c2 > rowLastCol) rowLastCol = w.c2;
        }
      if (rowWanted.length === 0) {
        // Its cells still count against the limit; nothing in them is read.
        counter.cells += x.skip('c');
        if (counter.cells > counter.limit) throw new LimitError('tooManyCells', counter.limit);
      }
      continue;
    }
    if (depth === 4 && inData && el(x, 'c')) {
      count();
      col = cellColumn(x, row, col);
      let inArea = false;
      if (col <= rowLastCol) for (let i = 0; i < rowWanted.length && !inArea; i++) inArea = col >= rowWanted[i]!.c1 && col <= rowWanted[i]!.c2;
      if (!inArea) {
        x.skip();
        if (col > rowLastCol) {
          // Cells come in column order: none after this one is wanted. The rest of the row is skipped as
          // unwanted rows are, its cells counted (the sheets' hidden helper columns are most of their cells).
          // Their references are still checked, so no cell can hide out of order past the wanted ones.
          let prev = col;
          counter.cells += x.skip('c', { attr: 'r', see: (r) => (prev = nextColumn(r === undefined ? undefined : decodeEntities(r), row, prev)) });
          if (counter.cells > counter.limit) throw new LimitError('tooManyCells', counter.limit);
        }
        continue;
      }
      cells.set(cellKey(row, col), readCell(x));
      if (!rowMarked) {
        rowsWithCells.push(row);
        rowMarked = true;
      }
      continue;
    }
    x.skip();
  }
  return { cells, rowsWithCells };
}

/** The column of the `<c>` just started: its `r` (on this row, after the previous cell) or the next one. */
function cellColumn(x: XmlScanner, row: number, prev: number): number {
  return nextColumn(x.attr('r'), row, prev);
}

/** The column of a cell whose `r` is `r` (entities decoded), after the cell in column `prev` of `row`. */
function nextColumn(r: string | undefined, row: number, prev: number): number {
  if (r === undefined) {
    if (prev + 1 > COL_MAX) throw new XmlError(`a cell past column XFD in row ${row}`);
    return prev + 1;
  }
  const p = parseCellRef(r);
  if (!p) throw new XmlError(`a cell reference that is not a cell: r="${r.slice(0, 20)}"`);
  if (p.row !== row) throw new XmlError(`cell ${r} inside row ${row}`);
  if (p.col <= prev) throw new XmlError(`cell ${r} out of order in row ${row}`);
  return p.col;
}

/** The children of a wanted `<c>`: `<v>`, `<f>`, `<is>`. */
function readCell(x: XmlScanner): CellXml {
  const cell: CellXml = { t: x.attr('t'), v: null, inline: null, formula: null };
  const depth = x.depth;
  for (let t = x.next(); !(t === END && x.depth < depth); t = x.next()) {
    if (t === EOF) throw new XmlError('the part ends inside a cell (truncated?)');
    if (t !== START) continue;
    if (!isMain(x)) {
      x.skip();
      continue;
    }
    if (x.local === 'v') cell.v = x.textContent(MAX_CELL_CHARS) ?? undefined;
    else if (x.local === 'f') cell.formula = x.textContent(MAX_FORMULA_CHARS) ?? '…';
    else if (x.local === 'is') cell.inline = richText(x);
    else x.skip();
  }
  return cell;
}

/**
 * The text of a `<si>` or `<is>` just started: its `<t>`, or the `<t>` of each run `<r>`; phonetic runs
 * (`<rPh>`, the furigana of Japanese text) are not part of the value. Undefined when too long for a cell.
 */
function richText(x: XmlScanner): string | undefined {
  const depth = x.depth;
  let out = '';
  let over = false;
  for (let t = x.next(); !(t === END && x.depth < depth); t = x.next()) {
    if (t === EOF) throw new XmlError('the part ends inside a string (truncated?)');
    if (t !== START) continue;
    const inRun = x.depth === depth + 2;
    if (el(x, 't') && (x.depth === depth + 1 || inRun)) {
      const s = x.textContent(MAX_CELL_CHARS);
      if (s === null || out.length + s.length > MAX_CELL_CHARS) over = true;
      else out += s;
    } else if (el(x, 'r') && x.depth === depth + 1) continue;
    else x.skip();
  }
  return over ? undefined : out;
}

/** sharedStrings.xml: how many strings it holds, and the text of the wanted ones. */
export function parseSharedStrings(
  xml: string | Uint8Array,
  wanted: ReadonlySet<number>,
  maxCount: number,
): { count: number; strings: Map<number, string | undefined> } {
  const x = scannerOf(xml);
  const strings = new Map<number, string | undefined>();
  let count = 0;
  for (let t = x.next(); t !== EOF; t = x.next()) {
    if (t !== START) continue;
    if (x.depth === 1) {
      if (!el(x, 'sst')) throw new XmlError('a shared-strings part without <sst>');
      continue;
    }
    if (x.depth === 2 && el(x, 'si')) {
      if (count >= maxCount) throw new LimitError('tooManyStrings', maxCount);
      if (wanted.has(count)) strings.set(count, richText(x));
      else x.skip();
      count++;
      continue;
    }
    x.skip();
  }
  return { count, strings };
}
