// A minimal zip reader and writer for the bad-input corpus: enough to take a workbook ExcelJS wrote apart,
// change or add a part, and put it back together — including parts no honest writer would produce (a part
// that inflates far beyond what its headers declare, or a huge deflated part written in a streaming way).
// Only what .xlsx files use: no zip64, no encryption, methods 0 (stored) and 8 (deflate).
import { crc32, createDeflateRaw, inflateRawSync, deflateRawSync } from 'node:zlib';

export interface ZipEntry {
  name: string;
  /** The uncompressed bytes (for entries read from a file or small enough to hold). */
  data?: Buffer;
  /** Already deflated bytes with their CRC and true uncompressed size (for parts too big to hold inflated). */
  deflated?: { bytes: Buffer; crc: number; size: number };
  /** Write this uncompressed size into the headers instead of the true one (a lying central directory). */
  declaredSize?: number;
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;

/** Reads every entry of a zip file through its central directory, inflating each. */
export function readZip(buf: Buffer): ZipEntry[] {
  let end = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--)
    if (buf.readUInt32LE(i) === SIG_END) {
      end = i;
      break;
    }
  if (end < 0) throw new Error('not a zip file: no end of central directory');
  const count = buf.readUInt16LE(end + 10);
  let p = buf.readUInt32LE(end + 16);
  const out: ZipEntry[] = [];
  for (let k = 0; k < count; k++) {
    if (buf.readUInt32LE(p) !== SIG_CENTRAL) throw new Error('bad central directory');
    const method = buf.readUInt16LE(p + 10);
    const csize = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    if (buf.readUInt32LE(local) !== SIG_LOCAL) throw new Error(`bad local header for ${name}`);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(start, start + csize);
    out.push({ name, data: method === 0 ? Buffer.from(raw) : inflateRawSync(raw) });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

/** Writes entries as a zip file (every entry deflated, sizes in the local headers, no data descriptors). */
export function writeZip(entries: readonly ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    let bytes: Buffer;
    let crc: number;
    let size: number;
    if (e.deflated) ({ bytes, crc, size } = e.deflated);
    else {
      const data = e.data ?? Buffer.alloc(0);
      bytes = deflateRawSync(data, { level: 9 });
      crc = crc32(data);
      size = data.length;
    }
    const declared = e.declaredSize ?? size;
    const flags = /[^\x20-\x7e]/.test(e.name) ? 0x0800 : 0; // bit 11: UTF-8 names
    const head = Buffer.alloc(30);
    head.writeUInt32LE(SIG_LOCAL, 0);
    head.writeUInt16LE(20, 4); // version needed
    head.writeUInt16LE(flags, 6);
    head.writeUInt16LE(8, 8); // deflate
    head.writeUInt16LE(0, 10); // time
    head.writeUInt16LE(0x21, 12); // date: 1980-01-01
    head.writeUInt32LE(crc >>> 0, 14);
    head.writeUInt32LE(bytes.length, 18);
    head.writeUInt32LE(declared, 22);
    head.writeUInt16LE(name.length, 26);
    head.writeUInt16LE(0, 28);
    locals.push(head, name, bytes);
    const cen = Buffer.alloc(46);
    cen.writeUInt32LE(SIG_CENTRAL, 0);
    cen.writeUInt16LE(20, 4); // made by
    cen.writeUInt16LE(20, 6);
    cen.writeUInt16LE(flags, 8);
    cen.writeUInt16LE(8, 10);
    cen.writeUInt16LE(0, 12);
    cen.writeUInt16LE(0x21, 14);
    cen.writeUInt32LE(crc >>> 0, 16);
    cen.writeUInt32LE(bytes.length, 20);
    cen.writeUInt32LE(declared, 24);
    cen.writeUInt16LE(name.length, 28);
    cen.writeUInt32LE(offset, 42);
    centrals.push(cen, name);
    offset += head.length + name.length + bytes.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(SIG_END, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/**
 * Deflates `head`, then `unit` repeated until at least `bytes` bytes, then `tail`, without ever holding the
 * inflated text: the repeated part is fed to the compressor in ~1 MB chunks of one reused buffer, and the
 * CRC is computed chunk by chunk. Returns what `ZipEntry.deflated` wants.
 */
export async function deflateRepeated(head: string, unit: string, bytes: number, tail: string): Promise<{ bytes: Buffer; crc: number; size: number }> {
  const chunk = Buffer.from(unit.repeat(Math.max(1, Math.floor((1 << 20) / Buffer.byteLength(unit)))), 'utf8');
  const z = createDeflateRaw({ level: 9, memLevel: 9 });
  const out: Buffer[] = [];
  z.on('data', (b: Buffer) => out.push(b));
  const done = new Promise<void>((resolve, reject) => {
    z.on('end', resolve);
    z.on('error', reject);
  });
  const write = (b: Buffer) => new Promise<void>((resolve, reject) => z.write(b, (err) => (err ? reject(err) : resolve())));
  let crc = 0;
  let size = 0;
  const feed = async (b: Buffer) => {
    crc = crc32(b, crc);
    size += b.length;
    await write(b);
  };
  await feed(Buffer.from(head, 'utf8'));
  while (size < bytes) await feed(chunk);
  await feed(Buffer.from(tail, 'utf8'));
  z.end();
  await done;
  return { bytes: Buffer.concat(out), crc, size };
}
