// A zip package written entry by entry, each entry deflated as its text is produced: a province round's long
// sheets (tens of MB of worksheet XML) are never held whole, only their deflated bytes (a tenth of that).
// An entry's text is deflated in pieces of PIECE bytes, each ending with a sync flush and the last with the
// final block, so the pieces join into one valid deflate stream (RFC 1951 §3.2.3: a stream is a series of
// blocks, the last one marked). What .xlsx needs only: no zip64 (parts and package under 4 GB), no encryption.
import { constants, crc32, deflateRawSync } from 'node:zlib';

/** Text gathered before it is deflated: large enough that the restarted dictionary costs nothing visible. */
const PIECE = 256 * 1024;
const MAX_ZIP32 = 0xffffffff;

interface Written {
  name: Buffer;
  crc: number;
  size: number;
  compressed: number;
  offset: number;
}

/** DOS time and date of a moment (local time, as zip tools show it), two seconds' resolution. */
function dosTime(d: Date): { time: number; date: number } {
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
    date: (((d.getFullYear() - 1980) & 0x7f) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

/** General-purpose flag bit 11: the name is UTF-8 (set, as JSZip does, only for a name beyond ASCII). */
const utf8Flag = (name: string) => (/[^\x20-\x7e]/.test(name) ? 0x0800 : 0);

/** Where a package's bytes go as each entry is done (a file being written), in order. */
export type ByteSink = (bytes: Buffer) => void;

export class ZipWriter {
  private readonly out: Buffer[] = [];
  private readonly entries: Written[] = [];
  private offset = 0;
  private readonly stamp: { time: number; date: number };

  /**
   * With a `sink`, each entry's bytes are given to it once the entry is deflated and let go: a province round's
   * package (5 MB at 20,000 enterprises) is then never held whole, nor joined into one buffer at the end.
   */
  constructor(
    date = new Date(),
    private readonly pieceBytes = PIECE,
    private readonly sink?: ByteSink,
  ) {
    this.stamp = dosTime(date);
  }

  private emit(bytes: readonly Buffer[]): void {
    if (this.sink) for (const b of bytes) this.sink(b);
    else this.out.push(...bytes);
  }

  /** One entry from its text (or bytes), given whole or as pieces in order (a generator, never joined). */
  add(name: string, content: string | Buffer | Iterable<string | Buffer>): void {
    const pieces: Buffer[] = [];
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    let crc = 0;
    let size = 0;
    let compressed = 0;
    const deflate = (last: boolean) => {
      const raw = pending.length === 1 ? pending[0]! : Buffer.concat(pending, pendingBytes);
      pending = [];
      pendingBytes = 0;
      crc = crc32(raw, crc);
      size += raw.length;
      const d = deflateRawSync(raw, last ? {} : { finishFlush: constants.Z_SYNC_FLUSH });
      compressed += d.length;
      pieces.push(d);
    };
    const take = (piece: string | Buffer) => {
      const b = typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece;
      if (b.length === 0) return;
      pending.push(b);
      pendingBytes += b.length;
      if (pendingBytes >= this.pieceBytes) deflate(false);
    };
    if (typeof content === 'string' || Buffer.isBuffer(content)) take(content);
    else for (const piece of content) take(piece);
    deflate(true);
    if (size > MAX_ZIP32 || this.offset + compressed > MAX_ZIP32) throw new Error(`${name}: the package would need zip64`);

    const nameBytes = Buffer.from(name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed: deflate
    local.writeUInt16LE(utf8Flag(name), 6);
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(this.stamp.time, 10);
    local.writeUInt16LE(this.stamp.date, 12);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(compressed, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(0, 28);
    this.entries.push({ name: nameBytes, crc: crc >>> 0, size, compressed, offset: this.offset });
    this.emit([local, nameBytes, ...pieces]);
    this.offset += local.length + nameBytes.length + compressed;
  }

  /** The package: the entries, their central directory and its end record (with a sink: given to it; nothing is returned). */
  finish(): Buffer {
    const start = this.offset;
    let length = 0;
    const directory: Buffer[] = [];
    for (const e of this.entries) {
      const c = Buffer.alloc(46);
      c.writeUInt32LE(0x02014b50, 0);
      c.writeUInt16LE(20, 4); // made by: MS-DOS attributes, spec 2.0
      c.writeUInt16LE(20, 6);
      c.writeUInt16LE(utf8Flag(e.name.toString('utf8')), 8);
      c.writeUInt16LE(8, 10);
      c.writeUInt16LE(this.stamp.time, 12);
      c.writeUInt16LE(this.stamp.date, 14);
      c.writeUInt32LE(e.crc, 16);
      c.writeUInt32LE(e.compressed, 20);
      c.writeUInt32LE(e.size, 24);
      c.writeUInt16LE(e.name.length, 28);
      c.writeUInt32LE(e.offset, 42);
      directory.push(c, e.name);
      length += c.length + e.name.length;
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(length, 12);
    end.writeUInt32LE(start, 16);
    directory.push(end);
    if (this.entries.length > 0xffff) throw new Error('the package would need zip64 (over 65,535 parts)');
    this.emit(directory);
    return this.sink ? Buffer.alloc(0) : Buffer.concat(this.out);
  }
}
