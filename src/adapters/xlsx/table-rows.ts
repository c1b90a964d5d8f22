// The rows of a long table written as worksheet XML here, not by ExcelJS. ExcelJS keeps an object per cell (and
// one per cell of every defined name over the table): a province round's 推荐汇总表, 审核 and 合并明细 (20,000
// enterprises) cost it over a gigabyte. So ExcelJS renders each such sheet only down to the table's first row,
// whose cells give the style (the xf ExcelJS chose) of every column, and the rows below are appended to its
// output as it writes rows: the same cell types (shared strings, numbers, booleans, styled blanks), the row
// heights of row-heights.ts, the spans and the sheet's dimension. Only literal values: a formula in a streamed
// row is a programming error.
import { colLetter, parseCell, rangeBounds, splitRef } from '../../workbook/a1';
import { cleanText } from '../../domain/text/sanitise';
import type { Block, CellValue, SheetSpec } from '../../workbook/types';
import { rowHeights } from '../../workbook/row-heights';

/**
 * A sheet whose rows after `from` (the table's first row) are written here; `pieces`, when given, makes the sheet
 * once per run of the table's rows as they are written (the layout's own copy then holds only the first row).
 */
export interface StreamedSheet {
  sheet: string;
  from: number;
  pieces?: () => Iterable<SheetSpec>;
  /** Called once its rows are written (what they were made from may then be let go). */
  done?: () => void;
}

/** The sheet as ExcelJS renders it: every block cut after row `from`. */
export function clipSheet(spec: SheetSpec, from: number): SheetSpec {
  const blocks = spec.blocks.flatMap((b) => {
    const r1 = parseCell(b.at).row;
    if (r1 > from) return [];
    const keep = from - r1 + 1;
    return b.rows.length > keep ? [{ ...b, rows: b.rows.slice(0, keep) }] : [b];
  });
  return { ...spec, blocks };
}

/** A defined name as ExcelJS is given it: cut after row `from` of its sheet (ExcelJS expands a name to its cells). */
export function clipRef(ref: string, from: ReadonlyMap<string, number>): string {
  const { sheet, range } = splitRef(ref);
  const cut = from.get(sheet);
  const b = rangeBounds(range);
  if (cut === undefined || b.r2 <= cut) return ref;
  return `${ref.slice(0, ref.length - ref.split('!').pop()!.length)}$${colLetter(b.c1)}$${b.r1}:$${colLetter(b.c2)}$${Math.max(b.r1, cut)}`;
}

/** What decides a cell's xf: two blocks with the same key render alike (see renderSheet in ./write.ts). */
const renderKey = (b: Block) => `${b.style ?? ''}\u0001${b.numFmt ?? ''}\u0001${b.input ? 1 : 0}`;

/** ExcelJS's text escaping (utils.xmlEncode): the five XML entities. */
export const xmlText = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
const unescape = (s: string) => s.replace(/&(lt|gt|quot|apos|amp);/g, (_m, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e]!);

/**
 * How many distinct strings the streamed rows add to the shared strings; the later ones are written in their
 * cells (inline strings, ECMA-376 Part 1 §18.3.1.4 t="inlineStr", read by Excel, WPS, LibreOffice and openpyxl).
 * The shared strings are written last, so every string added is held until the package is done: a province
 * round's 120,000 (names, files, messages) were ~12 MB of the write's peak. The first ones are the texts that
 * repeat (statuses, clusters, the same message for many files), and keep being shared; 1,000 enterprises add
 * ~6,000, all shared as before.
 */
export const SHARED_STRINGS_ADDED_MAX = 16_384;

/**
 * xl/sharedStrings.xml as ExcelJS wrote it, with up to `maxAdded` strings of the streamed rows added
 * (deduplicated as it does). An added string is held once, as a key of the id map (whose order is the order of the ids).
 */
export class SharedStrings {
  private readonly ids = new Map<string, number>();
  /** The strings ExcelJS wrote: ids below this are its own, the map's later entries are the added ones. */
  private readonly written: number;
  private count: number;
  private size: number;

  constructor(
    private readonly xml: string,
    private readonly maxAdded = SHARED_STRINGS_ADDED_MAX,
  ) {
    this.count = Number(/<sst\b[^>]*\scount="(\d+)"/.exec(xml)?.[1] ?? 0);
    let i = 0;
    for (const m of xml.matchAll(/<si>(?:<t(?: xml:space="preserve")?>([^<]*)<\/t>|[^]*?)<\/si>/g)) {
      if (m[1] !== undefined && !this.ids.has(unescape(m[1]))) this.ids.set(unescape(m[1]), i);
      i++;
    }
    this.size = i;
    this.written = i;
  }

  /** The shared string's id of `text`; undefined once `maxAdded` strings were added and it is not one of them. */
  id(text: string): number | undefined {
    let id = this.ids.get(text);
    if (id === undefined) {
      if (this.size - this.written >= this.maxAdded) return undefined;
      id = this.size++;
      this.ids.set(text, id);
    }
    this.count++;
    return id;
  }

  /** The part, in pieces (a province round adds a hundred thousand strings): ExcelJS's, then the added ones. */
  *pieces(): Generator<string> {
    const end = this.xml.lastIndexOf('</sst>');
    yield this.xml.slice(0, end).replace(/(<sst\b[^>]*?)\scount="\d+" uniqueCount="\d+"/, `$1 count="${this.count}" uniqueCount="${this.size}"`);
    let part: string[] = [];
    for (const [text, id] of this.ids) {
      if (id < this.written) continue;
      part.push(`<si>${textElement(text)}</si>`);
      if (part.length >= 4096) {
        yield part.join('');
        part = [];
      }
    }
    yield `${part.join('')}</sst>`;
  }

  toXml(): string {
    return [...this.pieces()].join('');
  }
}

/** A text as a <t> element (white space at its ends or a line break kept, as ExcelJS writes it). */
const textElement = (text: string) => (/^\s|\n|\s$/.test(text) ? `<t xml:space="preserve">${xmlText(text)}</t>` : `<t>${xmlText(text)}</t>`);

function cellXml(ref: string, s: string, v: CellValue | { f: string }, sst: SharedStrings): string {
  if (v === null) return `<c r="${ref}" s="${s}"/>`;
  if (typeof v === 'object') throw new Error(`a formula in a streamed table row (${ref})`);
  if (typeof v === 'string') {
    const text = cleanText(v);
    const id = sst.id(text);
    return id === undefined ? `<c r="${ref}" s="${s}" t="inlineStr"><is>${textElement(text)}</is></c>` : `<c r="${ref}" s="${s}" t="s"><v>${id}</v></c>`;
  }
  if (typeof v === 'boolean') return `<c r="${ref}" s="${s}" t="b"><v>${v ? '1' : '0'}</v></c>`;
  return `<c r="${ref}" s="${s}"><v>${String(v)}</v></c>`;
}

/** A piece's blocks that reach below row `from`, with where each starts and how it renders. */
function blocksBelow(spec: SheetSpec, from: number) {
  return spec.blocks
    .map((b) => ({ b, top: parseCell(b.at), key: renderKey(b) }))
    .filter(({ top, b }) => top.row + b.rows.length - 1 > from)
    .sort((x, y) => x.top.row - y.top.row);
}

/**
 * The worksheet XML ExcelJS wrote for clipSheet(spec, from) with the rows of the table after row `from` appended
 * and its dimension widened, in pieces as they are made (a province round's sheet is tens of MB of XML: never one
 * string, never held whole). `pieces()` gives the sheet once per run of the table's rows, from its first row on
 * (or once, whole): it is gone through twice, first for the cells' styles, the last row and the widest row (the
 * dimension comes before the rows), then to write each run's rows, one run held at a time. The rows' strings go to
 * `sst` as the pieces are taken.
 */
export function* tableRowPieces(sheetXml: string, pieces: () => Iterable<SheetSpec>, from: number, sst: SharedStrings): Generator<string> {
  // The xf of each kind of cell, from the table's first row as ExcelJS wrote it.
  const protoRow = new RegExp(`<row r="${from}"[^>]*>([^]*?)</row>`).exec(sheetXml)?.[1] ?? '';
  const xfAt = new Map<number, string>();
  for (const m of protoRow.matchAll(/<c r="([A-Z]+)\d+" s="(\d+)"/g)) xfAt.set(parseCell(`${m[1]!}1`).col, m[2]!);
  const xfOf = new Map<string, string>();
  let last = from;
  // The last column any appended row has a cell in, for the dimension.
  let maxCol = 0;
  const keys = new Map<string, string>();
  let name = '';
  for (const spec of pieces()) {
    name = spec.name;
    for (const b of spec.blocks) {
      const top = parseCell(b.at);
      if (top.row <= from && top.row + b.rows.length - 1 >= from)
        b.rows[from - top.row]!.forEach((_, j) => {
          const xf = xfAt.get(top.col + j);
          if (xf !== undefined) xfOf.set(renderKey(b), xf);
        });
    }
    for (const { b, top, key } of blocksBelow(spec, from)) {
      keys.set(key, b.at);
      last = Math.max(last, top.row + b.rows.length - 1);
      b.rows.forEach((row, i) => {
        if (top.row + i > from && row.length > 0) maxCol = Math.max(maxCol, top.col + row.length - 1);
      });
    }
  }
  for (const [key, at] of keys) if (!xfOf.has(key)) throw new Error(`${name}!${at}: a block styled unlike any cell of row ${from}`);

  const at = sheetXml.lastIndexOf('</sheetData>');
  // The dimension ExcelJS wrote covers row `from` at most.
  yield sheetXml.slice(0, at).replace(/<dimension ref="([A-Z]+\d+):([A-Z]+)(\d+)"\/>/, (_m, tl: string, c2: string, r2: string) => {
    const col = Math.max(parseCell(`${c2}1`).col, maxCol);
    return `<dimension ref="${tl}:${colLetter(col)}${Math.max(Number(r2), last)}"/>`;
  });
  let part: string[] = [];
  let r = from + 1;
  for (const spec of pieces()) {
    const below = blocksBelow(spec, from);
    if (below.length === 0) continue;
    const heights = rowHeights(spec);
    const end = below.reduce((n, { top, b }) => Math.max(n, top.row + b.rows.length - 1), from);
    let active: typeof below = [];
    let next = 0;
    for (; r <= end; r++) {
      while (next < below.length && Math.max(below[next]!.top.row, from + 1) <= r) active.push(below[next++]!);
      active = active.filter(({ top, b }) => top.row + b.rows.length - 1 >= r);
      const cells = new Map<number, string>();
      for (const { top, b, key } of active) {
        if (top.row > r) continue;
        const xf = xfOf.get(key)!;
        b.rows[r - top.row]!.forEach((v, j) => {
          const col = top.col + j;
          cells.set(col, cellXml(`${colLetter(col)}${r}`, xf, v, sst));
        });
      }
      const cols = [...cells.keys()].sort((a, b) => a - b);
      const h = heights.get(r);
      if (cols.length === 0 && h === undefined) continue;
      const spans = cols.length ? ` spans="${cols[0]}:${cols[cols.length - 1]}"` : '';
      part.push(`<row r="${r}"${h !== undefined ? ` ht="${h}" customHeight="1"` : ''}${spans} x14ac:dyDescent="0.25">`);
      for (const c of cols) part.push(cells.get(c)!);
      part.push('</row>');
      if (part.length > 4096) {
        yield part.join('');
        part = [];
      }
    }
  }
  yield part.join('');
  yield sheetXml.slice(at);
}
