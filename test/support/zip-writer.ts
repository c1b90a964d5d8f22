// A minimal zip writer for tests that need zips no spreadsheet program would write (bombs, lying sizes).
import { constants, crc32, deflateRawSync } from 'node:zlib';

export interface ZipPart {
  name: string;
  data: Buffer;
  /** Store instead of deflate. */
  stored?: boolean;
  /** Write this in the directory instead of the real uncompressed size (a lying zip). */
  declaredSize?: number;
  /** Already deflated bytes (for parts too large to hold inflated); needs `declaredSize` and `crc`. */
  deflated?: Buffer;
  crc?: number;
}

export function zipParts(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name, 'utf8');
    const body = p.deflated ?? (p.stored ? p.data : deflateRawSync(p.data));
    const size = p.declaredSize ?? p.data.length;
    const crc = p.crc ?? crc32(p.data);
    const method = p.stored ? 0 : 8;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, body);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(0x0800, 8);
    c.writeUInt16LE(method, 10);
    c.writeUInt32LE(crc >>> 0, 16);
    c.writeUInt32LE(body.length, 20);
    c.writeUInt32LE(size, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt32LE(offset, 42);
    central.push(c, name);
    offset += 30 + name.length + body.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/** Deflates `chunk` repeated `times` without holding the whole inflated text (for bombs). */
export function deflateRepeated(chunk: Buffer, times: number): { deflated: Buffer; size: number; crc: number } {
  // Built in 1 MB blocks, so memory stays at one block while the output stays small.
  const block = Buffer.concat(Array.from({ length: Math.max(1, Math.floor((1 << 20) / chunk.length)) }, () => chunk));
  const blocks = Math.ceil((chunk.length * times) / block.length);
  let crc = 0;
  for (let i = 0; i < blocks; i++) crc = crc32(block, crc);
  // Raw deflate output concatenates when every block but the last ends with a full flush instead of a finish.
  const parts: Buffer[] = [];
  for (let i = 0; i < blocks; i++) parts.push(deflateRawSync(block, { finishFlush: i === blocks - 1 ? constants.Z_FINISH : constants.Z_FULL_FLUSH }));
  return { deflated: Buffer.concat(parts), size: block.length * blocks, crc };
}
