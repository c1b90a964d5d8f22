// Today's read path before the bounded reader, for the bench's baseline only (nothing ships it): the regex zip
// guard that ran before ExcelJS loaded the workbook. Copied unchanged from src/adapters/xlsx/zip-guard.ts.
// Checks an .xlsx (a zip) before ExcelJS opens it, so a hostile or broken file costs a bounded amount of
// memory and time: ExcelJS inflates every part into memory and expands every defined-name, data-validation
// and merge range cell by cell, so a small file can otherwise ask for gigabytes or hang the reader.
// Pure TypeScript over Uint8Array: the same code guards `sfa merge` (Node) and the pane (browser).

export interface ZipLimits {
  /** Sum of every part's uncompressed size. */
  maxUncompressedBytes: number;
  maxEntries: number;
  /** `<c>` cells and `<row>` rows over all parts. */
  maxCells: number;
  /** Cells covered by defined names, data validations and merged ranges (ExcelJS expands each one). */
  maxRangeCells: number;
}

/** Our template is about 0.25 MB and 2,000 cells; these leave room for workbooks people have added to. */
export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxUncompressedBytes: 32 * 1024 * 1024,
  maxEntries: 2000,
  maxCells: 100_000,
  maxRangeCells: 250_000,
};

/**
 * Inflates raw deflate data, refusing to produce more than `maxBytes` (returns null then): the real size is
 * checked, not only what the zip's directory declares.
 */
export type BoundedInflate = (compressed: Uint8Array, maxBytes: number) => Promise<Uint8Array | null>;

export type ZipProblem =
  | { kind: 'corrupt'; detail: string }
  | { kind: 'tooLarge'; limitBytes: number }
  | { kind: 'tooManyEntries'; limit: number }
  | { kind: 'tooManyCells'; limit: number }
  | { kind: 'rangeTooLarge'; limit: number; where: string; cells: number };

export class ZipGuardError extends Error {
  constructor(readonly problem: ZipProblem) {
    super(problem.kind);
    this.name = 'ZipGuardError';
  }
}

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  /** The part's stored bytes, found through its local header as JSZip finds them. */
  compressed: Uint8Array;
}

const corrupt = (detail: string) => new ZipGuardError({ kind: 'corrupt', detail });
const MAX32 = 0xffffffff;

/**
 * The central directory, read strictly: anything where JSZip (which ExcelJS uses) could see other entries,
 * names or data than we check is refused — ZIP64 records (an .xlsx never needs them), entries beyond the
 * declared count or offset by leading bytes, local names that differ from central ones, Unicode-path fields,
 * names JSZip would rewrite (`/x`, `a/./b`, `a//b`, `..`, backslashes).
 */
export function readZipDirectory(data: Uint8Array): ZipEntry[] {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const need = (at: number, n: number) => {
    if (at < 0 || at + n > data.length) throw corrupt('truncated');
  };
  let eocd = -1;
  for (let i = data.length - 22; i >= 0; i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw corrupt('no end of central directory (truncated?)');
  const [disk, cdDisk, onDisk, count] = [4, 6, 8, 10].map((o) => view.getUint16(eocd + o, true)) as [number, number, number, number];
  const cdSize = view.getUint32(eocd + 12, true);
  const cdOffset = view.getUint32(eocd + 16, true);
  if ([disk, cdDisk, onDisk, count].includes(0xffff) || cdSize === MAX32 || cdOffset === MAX32) throw corrupt('ZIP64 records (not used by .xlsx files)');
  if (disk !== 0 || cdDisk !== 0 || onDisk !== count) throw corrupt('a multi-disk zip');
  if (cdOffset + cdSize !== eocd) throw corrupt('the central directory is not where the end record says');
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder();
  const sameBytes = (x: number, y: number, n: number) => data.subarray(x, x + n).every((b, i) => b === data[y + i]);
  const hasUnicodePath = (from: number, len: number) => {
    for (let x = from; x + 4 <= from + len; x += 4 + view.getUint16(x + 2, true)) if (view.getUint16(x, true) === 0x7075) return true;
    return false;
  };
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    need(p, 46);
    if (view.getUint32(p, true) !== 0x02014b50) throw corrupt('bad central directory entry');
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    need(p + 46, nameLen + extraLen);
    const compressedSize = view.getUint32(p + 20, true);
    const uncompressedSize = view.getUint32(p + 24, true);
    const localOffset = view.getUint32(p + 42, true);
    if (compressedSize === MAX32 || uncompressedSize === MAX32 || localOffset === MAX32) throw corrupt('ZIP64 records (not used by .xlsx files)');
    const name = decoder.decode(data.subarray(p + 46, p + 46 + nameLen));
    if (/\\|^\/|\/\/|(^|\/)\.\.?(\/|$)/.test(name)) throw corrupt(`a part name a zip reader would rewrite: ${name}`);
    need(localOffset, 30);
    if (view.getUint32(localOffset, true) !== 0x04034b50) throw corrupt(`bad local header for ${name}`);
    const localNameLen = view.getUint16(localOffset + 26, true);
    need(localOffset + 30, localNameLen);
    if (localNameLen !== nameLen || !sameBytes(localOffset + 30, p + 46, nameLen)) throw corrupt(`local and central names differ for ${name}`);
    const localExtraLen = view.getUint16(localOffset + 28, true);
    if (hasUnicodePath(p + 46 + nameLen, extraLen) || hasUnicodePath(localOffset + 30 + nameLen, localExtraLen))
      throw corrupt(`a Unicode path field on ${name}`);
    const start = localOffset + 30 + nameLen + localExtraLen;
    if (start + compressedSize > data.length) throw corrupt(`${name} is truncated`);
    entries.push({ name, method: view.getUint16(p + 10, true), compressedSize, uncompressedSize, compressed: data.subarray(start, start + compressedSize) });
    p += 46 + nameLen + extraLen + commentLen;
  }
  if (p !== eocd) throw corrupt('the central directory holds more or fewer entries than declared');
  return entries;
}

const COL_MAX = 16384;
const ROW_MAX = 1048576;

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/**
 * Cells covered by the A1 references in a defined name, an sqref or a merge ref (`A1`, `$A$1:$B$9`, whole
 * columns `A:C`, whole rows `1:3`, several areas).
 */
export function areaCells(refs: string): number {
  let total = 0;
  const re = /(?<![\w.])\$?([A-Za-z]{1,3})?\$?(\d+)?(?::\$?([A-Za-z]{1,3})?\$?(\d+)?)?(?![\w(])/g;
  for (const m of refs.matchAll(re)) {
    const [all, c1, r1, c2, r2] = m;
    if (!all || !all.trim()) continue;
    const hasColon = all.includes(':');
    if (c1 && r1 && !hasColon) total += 1;
    else if (c1 && r1 && c2 && r2) total += (Math.abs(colNumber(c2) - colNumber(c1)) + 1) * (Math.abs(Number(r2) - Number(r1)) + 1);
    else if (c1 && !r1 && c2 && !r2) total += (Math.abs(colNumber(c2) - colNumber(c1)) + 1) * ROW_MAX;
    else if (!c1 && r1 && !c2 && r2) total += (Math.abs(Number(r2) - Number(r1)) + 1) * COL_MAX;
  }
  return total;
}

const latin1 = new TextDecoder('latin1');

/** A start tag's attributes: quoted values may hold '>' (XML forbids '<' there). */
const ATTRS = `((?:[^>"']|"[^"]*"|'[^']*')*)`;
const startTag = (name: string) => new RegExp(`<(?:[\\w.-]+:)?${name}(?=[\\s/>])${ATTRS}>`, 'g');
const MERGE_CELL = startTag('mergeCell');
const DATA_VALIDATION = startTag('dataValidation');
const COL = startTag('col');
const DEFINED_NAME = new RegExp(`<(?:[\\w.-]+:)?definedName(?=[\\s/>])${ATTRS}>([\\s\\S]*?)</(?:[\\w.-]+:)?definedName\\s*>`, 'g');
/** `<c>` cells and `<row>` rows: ExcelJS makes an object of each. */
const CELL_OR_ROW = /<(?:[\w.-]+:)?(?:c|row)[\s>/]/g;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
/** Text as an XML parser hands it over: character references and the five entities decoded. */
export function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (_, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : ENTITIES[e]!,
  );
}

function attr(attrs: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attrs);
  return m ? decodeXml(m[1] ?? m[2] ?? '') : undefined;
}

/**
 * Counts what ExcelJS would build from one part. Every part is read, whatever its name: ExcelJS finds sheets
 * by an unanchored pattern, so a part's name is no proof that it is ignored.
 */
function scanPart(part: string, text: string, limits: ZipLimits, counted: { cells: number; ranges: number }) {
  counted.cells += (text.match(CELL_OR_ROW) ?? []).length;
  if (counted.cells > limits.maxCells) throw new ZipGuardError({ kind: 'tooManyCells', limit: limits.maxCells });
  const pieces: { where: string; refs: string }[] = [];
  const where = part.slice(part.lastIndexOf('/') + 1);
  for (const m of text.matchAll(DEFINED_NAME)) {
    const body = decodeXml(m[2]!.replace(/<!--[\s\S]*?-->/g, '').replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1'));
    pieces.push({ where: attr(m[1]!, 'name') ?? where, refs: body.replace(/'(?:[^']|'')*'!|[^\s'!,():]+!/g, '') });
  }
  for (const m of text.matchAll(MERGE_CELL)) pieces.push({ where, refs: attr(m[1]!, 'ref') ?? '' });
  for (const m of text.matchAll(DATA_VALIDATION)) pieces.push({ where, refs: attr(m[1]!, 'sqref') ?? '' });
  for (const m of text.matchAll(COL)) {
    // ExcelJS makes a column object for every index from min to max.
    const min = Number(attr(m[1]!, 'min') ?? 1);
    const max = Number(attr(m[1]!, 'max') ?? min);
    if (!(max <= COL_MAX) || !(min >= 1))
      throw new ZipGuardError({ kind: 'rangeTooLarge', limit: COL_MAX, where: `${where} <col>`, cells: Number.isFinite(max) ? max : Infinity });
  }
  for (const { where: w, refs } of pieces) {
    const cells = areaCells(refs);
    counted.ranges += cells;
    if (counted.ranges > limits.maxRangeCells) throw new ZipGuardError({ kind: 'rangeTooLarge', limit: limits.maxRangeCells, where: w, cells });
  }
}

/**
 * Refuses a zip whose parts (as declared, and as they really inflate when `inflate` is given) exceed the
 * limits; with `inflate` it also counts the cells, rows, columns and ranges ExcelJS would build.
 */
export async function checkZip(data: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS, inflate?: BoundedInflate): Promise<void> {
  const entries = readZipDirectory(data);
  if (entries.length > limits.maxEntries) throw new ZipGuardError({ kind: 'tooManyEntries', limit: limits.maxEntries });
  let declared = 0;
  for (const e of entries) {
    declared += e.uncompressedSize;
    if (declared > limits.maxUncompressedBytes) throw new ZipGuardError({ kind: 'tooLarge', limitBytes: limits.maxUncompressedBytes });
  }
  if (!inflate) return;
  const counted = { cells: 0, ranges: 0 };
  for (const e of entries) {
    if (e.name.endsWith('/')) continue;
    const raw = e.compressed;
    let content: Uint8Array | null;
    if (e.method === 0) content = raw;
    else if (e.method === 8)
      content = await inflate(raw, e.uncompressedSize).catch((err: Error) => {
        throw corrupt(`${e.name}: ${err.message}`);
      });
    else throw corrupt(`${e.name}: compression method ${e.method}`);
    // More bytes than declared is how a lying zip bomb starts; fewer is a corrupt part.
    if (content === null) throw new ZipGuardError({ kind: 'tooLarge', limitBytes: limits.maxUncompressedBytes });
    if (content.length !== e.uncompressedSize) throw corrupt(`${e.name}: size does not match the directory`);
    scanPart(e.name, latin1.decode(content), limits, counted);
  }
}
