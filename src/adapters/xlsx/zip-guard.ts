// Checks an .xlsx (a zip) before ExcelJS opens it, so a hostile or broken file costs a bounded amount of
// memory and time: ExcelJS inflates every part into memory and expands every defined-name, data-validation
// and merge range cell by cell, so a small file can otherwise ask for gigabytes or hang the reader.
// Pure TypeScript over Uint8Array: the same code guards `sfa merge` (Node) and the pane (browser).

export interface ZipLimits {
  /** Sum of every part's uncompressed size. */
  maxUncompressedBytes: number;
  maxEntries: number;
  /** `<c>` elements over all worksheet parts. */
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
  localOffset: number;
}

const corrupt = (detail: string) => new ZipGuardError({ kind: 'corrupt', detail });
const MAX32 = 0xffffffff;

function u64(view: DataView, at: number): number {
  const v = view.getBigUint64(at, true);
  if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw corrupt('ZIP64 size out of range');
  return Number(v);
}

/** The central directory, as the zip declares it (ZIP64 records included). */
export function readZipDirectory(data: Uint8Array): ZipEntry[] {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const need = (at: number, n: number) => {
    if (at < 0 || at + n > data.length) throw corrupt('truncated');
  };
  let eocd = -1;
  for (let i = data.length - 22; i >= Math.max(0, data.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw corrupt('no end of central directory (truncated?)');
  let count = view.getUint16(eocd + 10, true);
  let cdOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || cdOffset === MAX32) {
    const loc = eocd - 20;
    need(loc, 20);
    if (view.getUint32(loc, true) !== 0x07064b50) throw corrupt('bad ZIP64 locator');
    const rec = u64(view, loc + 8);
    need(rec, 56);
    if (view.getUint32(rec, true) !== 0x06064b50) throw corrupt('bad ZIP64 record');
    count = u64(view, rec + 32);
    cdOffset = u64(view, rec + 48);
  }
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder();
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    need(p, 46);
    if (view.getUint32(p, true) !== 0x02014b50) throw corrupt('bad central directory entry');
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    need(p + 46, nameLen + extraLen);
    let compressedSize = view.getUint32(p + 20, true);
    let uncompressedSize = view.getUint32(p + 24, true);
    let localOffset = view.getUint32(p + 42, true);
    // ZIP64 extra field: the 64-bit values, in this order, for those the 32-bit fields mark as 0xFFFFFFFF.
    for (let x = p + 46 + nameLen; x + 4 <= p + 46 + nameLen + extraLen; ) {
      const id = view.getUint16(x, true);
      const size = view.getUint16(x + 2, true);
      if (id === 0x0001) {
        let y = x + 4;
        if (uncompressedSize === MAX32) (uncompressedSize = u64(view, y)), (y += 8);
        if (compressedSize === MAX32) (compressedSize = u64(view, y)), (y += 8);
        if (localOffset === MAX32) localOffset = u64(view, y);
      }
      x += 4 + size;
    }
    entries.push({ name: decoder.decode(data.subarray(p + 46, p + 46 + nameLen)), method: view.getUint16(p + 10, true), compressedSize, uncompressedSize, localOffset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

function entryData(data: Uint8Array, e: ZipEntry): Uint8Array {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  if (e.localOffset + 30 > data.length || view.getUint32(e.localOffset, true) !== 0x04034b50) throw corrupt(`bad local header for ${e.name}`);
  const start = e.localOffset + 30 + view.getUint16(e.localOffset + 26, true) + view.getUint16(e.localOffset + 28, true);
  if (start + e.compressedSize > data.length) throw corrupt(`${e.name} is truncated`);
  return data.subarray(start, start + e.compressedSize);
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
const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/i;

function scanXml(name: string, text: string, limits: ZipLimits, counted: { cells: number; ranges: number }) {
  const pieces: { where: string; refs: string }[] = [];
  if (/^xl\/workbook\.xml$/i.test(name)) {
    for (const m of text.matchAll(/<(?:\w+:)?definedName\b[^>]*\bname="([^"]*)"[^>]*>([^<]*)</g)) pieces.push({ where: m[1]!, refs: m[2]!.replace(/'[^']*'!|[^\s'!,():]+!/g, '') });
  } else if (WORKSHEET.test(name)) {
    counted.cells += (text.match(/<(?:\w+:)?c[\s>/]/g) ?? []).length;
    if (counted.cells > limits.maxCells) throw new ZipGuardError({ kind: 'tooManyCells', limit: limits.maxCells });
    const sheet = name.slice(name.lastIndexOf('/') + 1);
    for (const m of text.matchAll(/<(?:\w+:)?mergeCell\b[^>]*\bref="([^"]*)"/g)) pieces.push({ where: sheet, refs: m[1]! });
    for (const m of text.matchAll(/<(?:\w+:)?dataValidation\b[^>]*\bsqref="([^"]*)"/g)) pieces.push({ where: sheet, refs: m[1]! });
  }
  for (const { where, refs } of pieces) {
    const cells = areaCells(refs);
    counted.ranges += cells;
    if (counted.ranges > limits.maxRangeCells) throw new ZipGuardError({ kind: 'rangeTooLarge', limit: limits.maxRangeCells, where, cells });
  }
}

/**
 * Refuses a zip whose parts (as declared, and as they really inflate when `inflate` is given) exceed the
 * limits; with `inflate` it also counts worksheet cells and the ranges ExcelJS would expand.
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
    const raw = entryData(data, e);
    let content: Uint8Array | null;
    if (e.method === 0) content = raw;
    else if (e.method === 8) content = await inflate(raw, e.uncompressedSize).catch((err: Error) => {
        throw corrupt(`${e.name}: ${err.message}`);
      });
    else throw corrupt(`${e.name}: compression method ${e.method}`);
    // More bytes than declared is how a lying zip bomb starts; fewer is a corrupt part.
    if (content === null) throw new ZipGuardError({ kind: 'tooLarge', limitBytes: limits.maxUncompressedBytes });
    if (content.length !== e.uncompressedSize) throw corrupt(`${e.name}: size does not match the directory`);
    if (/\.xml$/i.test(e.name)) scanXml(e.name, latin1.decode(content), limits, counted);
  }
}
