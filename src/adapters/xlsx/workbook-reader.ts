// The one reader of .xlsx files (sfa score, export, merge, --into, the pane's merge worker): it opens the
// zip, inflates only the package and workbook relationships, workbook.xml, the worksheets the requested
// defined names point at and the shared strings their cells use, and keeps only the cells inside those
// names. Every limit is part of the reading itself (bytes inflated, parts, rows and cells visited, strings,
// names, nesting), so no input can make it allocate or loop beyond them, whatever else the file holds:
// styles, column runs, conditional formats, validations and the sheets nobody names are never inflated.
import { cellValue, sharedIndex, type CellXml, type SharedStrings } from './cells';
import {
  cellKey,
  LimitError,
  parseArea,
  parseRelationships,
  parseSharedStrings,
  parseSheetCells,
  parseWorkbook,
  REL_TYPE,
  type Area,
  type SheetCells,
  type Wanted,
} from './parts';
import { XmlError } from './xml';
import { inflateEntry, readZipDirectory, ZipError, type BoundedInflate, type ZipEntry } from './zip';
import type { NamedValues, RawCell } from '../../workbook/inputs';
import type { ReadLimits } from './read-limits';

export { ASSESSMENT_LIMITS, type ReadLimits } from './read-limits';

export type ReadProblemKind =
  | { kind: 'corrupt'; detail: string }
  | { kind: 'tooLarge'; limitBytes: number }
  | { kind: 'tooManyEntries'; limit: number }
  | { kind: 'tooManyCells'; limit: number }
  | { kind: 'tooManyStrings'; limit: number }
  | { kind: 'tooManyNames'; limit: number }
  | { kind: 'tooManySheets'; limit: number }
  | { kind: 'tooManyRows'; name: string; limit: number }
  | { kind: 'rangeTooLarge'; name: string; cells: number; limit: number }
  | { kind: 'nameNotArea'; name: string; formula: string }
  | { kind: 'nameTwice'; name: string }
  | { kind: 'nameNoSheet'; name: string; sheet: string };

/** A file the reader refuses, with what is wrong as data (read.ts turns it into a sentence). */
export class WorkbookFormatError extends Error {
  constructor(readonly problem: ReadProblemKind) {
    super(problem.kind);
    this.name = 'WorkbookFormatError';
  }
}

export interface NameRequest {
  name: string;
  /** Refuse a name covering more cells than this. */
  maxCells: number;
  /** Also read every row below the name's area that holds a cell in its columns (rows typed under a table). */
  toLastRow?: { maxRows: number };
}

export interface NamedRead {
  /** Every workbook-level defined name of the file, upper-cased. */
  definedNames: Set<string>;
  /** The area each requested name points at, by the request's name. */
  areas: Map<string, Area>;
  /**
   * The cells of each requested name found in the file, row by row from its top-left; for `toLastRow`, the
   * rows below the area that hold a cell follow in order (blank rows left out).
   */
  values: Map<string, NamedValues>;
}

const fail = (p: ReadProblemKind): never => {
  throw new WorkbookFormatError(p);
};

const utf8 = new TextDecoder('utf-8', { fatal: true });
/** The UTF-8 check where the host has no native one (the browser): a fatal decode. */
function decodesAsUtf8(bytes: Uint8Array): boolean {
  try {
    utf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Reads the requested defined names of an .xlsx; refuses (WorkbookFormatError) what it cannot read within the limits. */
export async function readNamedRanges(data: Uint8Array, requests: readonly NameRequest[], limits: ReadLimits, inflate: BoundedInflate): Promise<NamedRead> {
  try {
    return await read(data, requests, limits, inflate);
  } catch (e) {
    if (e instanceof WorkbookFormatError) throw e;
    if (e instanceof ZipError) {
      if (e.kind === 'tooLarge') fail({ kind: 'tooLarge', limitBytes: limits.maxInflatedBytes });
      if (e.kind === 'tooManyEntries') fail({ kind: 'tooManyEntries', limit: limits.maxEntries });
      fail({ kind: 'corrupt', detail: e.detail });
    }
    if (e instanceof LimitError) fail({ kind: e.kind, limit: e.limit } as ReadProblemKind);
    throw e;
  }
}

async function read(data: Uint8Array, requests: readonly NameRequest[], limits: ReadLimits, inflate: BoundedInflate): Promise<NamedRead> {
  const isUtf8 = inflate.isUtf8 ?? decodesAsUtf8;
  const entries = new Map<string, ZipEntry>();
  for (const e of readZipDirectory(data, limits.maxEntries)) entries.set(e.name.toLowerCase(), e);
  let budget = limits.maxInflatedBytes;
  // A part's bytes, checked to be UTF-8 text; the scanner reads them without decoding the whole (xml.ts).
  const part = async (name: string): Promise<Uint8Array | undefined> => {
    const e = entries.get(name.toLowerCase());
    if (!e) return undefined;
    const bytes = await inflateEntry(e, inflate, budget);
    budget -= bytes.length;
    if (!isUtf8(bytes)) fail({ kind: 'corrupt', detail: `${name}: not UTF-8 text` });
    return bytes;
  };
  const xml = <T>(name: string, parse: () => T): T => {
    try {
      return parse();
    } catch (e) {
      if (e instanceof XmlError) fail({ kind: 'corrupt', detail: `${name}: ${e.message}` });
      throw e;
    }
  };
  const relsOf = async (source: string) => {
    const at = source.lastIndexOf('/');
    const name = `${source.slice(0, at + 1)}_rels/${source.slice(at + 1)}.rels`;
    const text = await part(name);
    return text === undefined ? [] : xml(name, () => parseRelationships(text, source, limits.maxSheets));
  };

  const root = (await relsOf('')).find((r) => REL_TYPE.officeDocument.includes(r.type) && r.target !== null);
  const workbookName = root?.target ?? fail({ kind: 'corrupt', detail: 'no workbook in the package (_rels/.rels)' });
  const workbookXml = (await part(workbookName)) ?? fail({ kind: 'corrupt', detail: `${workbookName} is missing` });
  const workbook = xml(workbookName, () => parseWorkbook(workbookXml, limits));
  const rels = await relsOf(workbookName);
  const relById = new Map(rels.map((r) => [r.id, r]));

  const definedNames = new Set<string>();
  const global = new Map<string, string>();
  const localNames = new Set<string>();
  for (const n of workbook.names) {
    const key = n.name.toUpperCase();
    if (n.localSheetId !== undefined) {
      localNames.add(key);
      continue;
    }
    if (global.has(key)) {
      if (requests.some((r) => r.name.toUpperCase() === key)) fail({ kind: 'nameTwice', name: n.name });
      continue;
    }
    global.set(key, n.formula);
    definedNames.add(key);
  }

  // Which cells of which worksheet part each name wants.
  const sheetPart = new Map<string, string>();
  for (const s of workbook.sheets) {
    const rel = relById.get(s.relId);
    if (rel && rel.target !== null && REL_TYPE.worksheet.includes(rel.type)) sheetPart.set(s.name.toUpperCase(), rel.target);
  }
  const areas = new Map<string, Area>();
  const wantedByPart = new Map<string, Wanted[]>();
  const wantOf = new Map<string, { part: string; w: Wanted }>();
  for (const req of requests) {
    const key = req.name.toUpperCase();
    const formula = global.get(key);
    if (formula === undefined) continue;
    // A sheet-level definition of the same name would make the workbook's own formulas read other cells.
    if (localNames.has(key)) fail({ kind: 'nameTwice', name: req.name });
    const area = parseArea(formula) ?? fail({ kind: 'nameNotArea', name: req.name, formula: formula.slice(0, 80) });
    const cells = (area.c2 - area.c1 + 1) * (area.r2 - area.r1 + 1);
    if (cells > req.maxCells) fail({ kind: 'rangeTooLarge', name: req.name, cells, limit: req.maxCells });
    const target = sheetPart.get(area.sheet.toUpperCase()) ?? fail({ kind: 'nameNoSheet', name: req.name, sheet: area.sheet });
    areas.set(req.name, area);
    const w: Wanted = { c1: area.c1, r1: area.r1, c2: area.c2, r2: area.r2, toLastRow: req.toLastRow !== undefined };
    const list = wantedByPart.get(target) ?? [];
    list.push(w);
    wantedByPart.set(target, list);
    wantOf.set(req.name, { part: target, w });
  }

  const counter = { cells: 0, limit: limits.maxCells };
  const sheets = new Map<string, SheetCells>();
  for (const [target, wanted] of wantedByPart) {
    const text = (await part(target)) ?? fail({ kind: 'corrupt', detail: `${target} is missing` });
    sheets.set(
      target,
      xml(target, () => parseSheetCells(text, wanted, counter)),
    );
  }

  // Only the shared strings the wanted cells use are kept.
  const wantedStrings = new Set<number>();
  for (const s of sheets.values())
    for (const c of s.cells.values()) {
      const i = sharedIndex(c);
      if (i !== undefined) wantedStrings.add(i);
    }
  let sst: SharedStrings | null = null;
  const sstRel = rels.find((r) => REL_TYPE.sharedStrings.includes(r.type) && r.target !== null);
  if (wantedStrings.size > 0 && sstRel) {
    const name = sstRel.target!;
    const text = await part(name);
    if (text !== undefined) {
      const { count, strings } = xml(name, () => parseSharedStrings(text, wantedStrings, limits.maxSharedStrings));
      sst = { count, get: (i) => strings.get(i) };
    }
  }

  const values = new Map<string, NamedValues>();
  for (const req of requests) {
    const want = wantOf.get(req.name);
    if (!want) continue;
    const { w } = want;
    const sheet = sheets.get(want.part)!;
    const rowOf = (r: number): RawCell[] => {
      const row: RawCell[] = [];
      for (let c = w.c1; c <= w.c2; c++) {
        const x: CellXml | undefined = sheet.cells.get(cellKey(r, c));
        row.push(x === undefined ? null : cellValue(x, sst));
      }
      return row;
    };
    const rows: RawCell[][] = [];
    for (let r = w.r1; r <= w.r2; r++) rows.push(rowOf(r));
    if (req.toLastRow) {
      // The same rows for every such name of the sheet, so names read side by side stay row for row.
      const growing = (wantedByPart.get(want.part) ?? []).filter((a) => a.toLastRow);
      const below = sheet.rowsWithCells.filter((r) => r > w.r2 && growing.some((a) => r > a.r2 && hasCellIn(sheet, r, a)));
      if (rows.length + below.length > req.toLastRow.maxRows) fail({ kind: 'tooManyRows', name: req.name, limit: req.toLastRow.maxRows });
      for (const r of below) rows.push(rowOf(r));
    }
    values.set(req.name, { sheet: areas.get(req.name)!.sheet, col: w.c1, row: w.r1, values: rows });
  }
  return { definedNames, areas, values };
}

function hasCellIn(sheet: SheetCells, row: number, w: Wanted): boolean {
  for (let c = w.c1; c <= w.c2; c++) if (sheet.cells.has(cellKey(row, c))) return true;
  return false;
}
