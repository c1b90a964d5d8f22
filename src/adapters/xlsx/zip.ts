// The zip layer of the workbook reader: the central directory read strictly, and one part at a time
// inflated with a bounded inflater and checked against its CRC-32. Pure TypeScript over Uint8Array, so the
// same code reads for `sfa` (Node, zlib) and the pane (the browser's DecompressionStream).

/**
 * Inflates raw deflate data, refusing to produce more than `maxBytes` (returns null then): the real size is
 * checked, not only what the zip's directory declares.
 */
export interface BoundedInflate {
  (compressed: Uint8Array, maxBytes: number): Promise<Uint8Array | null>;
  /** A native CRC-32 where the host has one (Node's zlib); else the one below. */
  crc32?: (bytes: Uint8Array) => number;
  /** A native UTF-8 check where the host has one (Node's buffer.isUtf8); else a decoder checks. */
  isUtf8?: (bytes: Uint8Array) => boolean;
}

/** Why a zip cannot be read: `detail` is English, for the corrupt-file message. */
export class ZipError extends Error {
  constructor(
    readonly kind: 'corrupt' | 'tooLarge' | 'tooManyEntries',
    readonly detail: string,
  ) {
    super(detail);
    this.name = 'ZipError';
  }
}

export interface ZipEntry {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  uncompressedSize: number;
  /** The part's stored bytes, found through its local header. */
  compressed: Uint8Array;
}

const corrupt = (detail: string) => new ZipError('corrupt', detail);
const MAX16 = 0xffff;
const MAX32 = 0xffffffff;
/** A name a reader could resolve to another part: absolute, `.`/`..` segments, empty segments, backslashes. */
const REWRITTEN_NAME = /\\|^\/|\/\/|(^|\/)\.\.?(\/|$)/;

/**
 * The central directory, read strictly: anything where another zip reader (Excel's, JSZip's) could see other
 * entries, names or data than we read is refused — ZIP64 records (an .xlsx never needs them), entries beyond
 * the declared count or offset by leading bytes, local names that differ from central ones, Unicode-path
 * fields, names a reader would rewrite, two entries whose names differ only in case (OPC part names are
 * case-insensitive), encrypted entries.
 */
export function readZipDirectory(data: Uint8Array, maxEntries: number): ZipEntry[] {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const need = (at: number, n: number) => {
    if (at < 0 || at + n > data.length) throw corrupt('truncated');
  };
  let eocd = -1;
  for (let i = data.length - 22; i >= Math.max(0, data.length - 22 - MAX16); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw corrupt('no end of central directory (truncated?)');
  const [disk, cdDisk, onDisk, count] = [4, 6, 8, 10].map((o) => view.getUint16(eocd + o, true)) as [number, number, number, number];
  const cdSize = view.getUint32(eocd + 12, true);
  const cdOffset = view.getUint32(eocd + 16, true);
  if ([disk, cdDisk, onDisk, count].includes(MAX16) || cdSize === MAX32 || cdOffset === MAX32) throw corrupt('ZIP64 records (not used by .xlsx files)');
  if (disk !== 0 || cdDisk !== 0 || onDisk !== count) throw corrupt('a multi-disk zip');
  if (cdOffset + cdSize !== eocd) throw corrupt('the central directory is not where the end record says');
  if (count > maxEntries) throw new ZipError('tooManyEntries', String(maxEntries));
  const entries: ZipEntry[] = [];
  const seen = new Set<string>();
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const sameBytes = (x: number, y: number, n: number) => {
    for (let i = 0; i < n; i++) if (data[x + i] !== data[y + i]) return false;
    return true;
  };
  const hasUnicodePath = (from: number, len: number) => {
    for (let x = from; x + 4 <= from + len; x += 4 + view.getUint16(x + 2, true)) if (view.getUint16(x, true) === 0x7075) return true;
    return false;
  };
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    need(p, 46);
    if (view.getUint32(p, true) !== 0x02014b50) throw corrupt('bad central directory entry');
    const flags = view.getUint16(p + 8, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    need(p + 46, nameLen + extraLen + commentLen);
    const compressedSize = view.getUint32(p + 20, true);
    const uncompressedSize = view.getUint32(p + 24, true);
    const localOffset = view.getUint32(p + 42, true);
    if (compressedSize === MAX32 || uncompressedSize === MAX32 || localOffset === MAX32) throw corrupt('ZIP64 records (not used by .xlsx files)');
    let name: string;
    try {
      name = decoder.decode(data.subarray(p + 46, p + 46 + nameLen));
    } catch {
      throw corrupt('a part name that is not UTF-8');
    }
    if (REWRITTEN_NAME.test(name)) throw corrupt(`a part name a zip reader would rewrite: ${name}`);
    if (flags & 1) throw corrupt(`${name} is encrypted`);
    const key = name.toLowerCase();
    if (seen.has(key)) throw corrupt(`two parts named ${name}`);
    seen.add(key);
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
    entries.push({
      name,
      method: view.getUint16(p + 10, true),
      crc: view.getUint32(p + 16, true),
      compressedSize,
      uncompressedSize,
      compressed: data.subarray(start, start + compressedSize),
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  if (p !== eocd) throw corrupt('the central directory holds more or fewer entries than declared');
  return entries;
}

let CRC_TABLE: Uint32Array | undefined;

/** CRC-32 (ISO 3309, as zip uses it). */
export function crc32(bytes: Uint8Array): number {
  let table = CRC_TABLE;
  if (!table) {
    table = CRC_TABLE = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = table[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/**
 * A part's bytes: inflated with the bounded inflater (never more than it declares, and never more than the
 * budget left), its size and CRC-32 checked. A part that inflates past what it declares is a zip bomb.
 */
export async function inflateEntry(e: ZipEntry, inflate: BoundedInflate, budget: number): Promise<Uint8Array> {
  if (e.uncompressedSize > budget) throw new ZipError('tooLarge', e.name);
  let content: Uint8Array | null;
  if (e.method === 0) content = e.compressed;
  else if (e.method === 8) {
    try {
      content = await inflate(e.compressed, e.uncompressedSize);
    } catch (err) {
      throw corrupt(`${e.name}: ${(err as Error).message}`);
    }
  } else throw corrupt(`${e.name}: compression method ${e.method}`);
  if (content === null) throw new ZipError('tooLarge', e.name);
  if (content.length !== e.uncompressedSize) throw corrupt(`${e.name}: size does not match the directory`);
  if ((inflate.crc32 ?? crc32)(content) >>> 0 !== e.crc) throw corrupt(`${e.name}: CRC-32 does not match (the part was altered or damaged)`);
  return content;
}
