// Opening one input file without trusting it: it must be a regular file no larger than a workbook can be, and
// still the file that was checked. A FIFO, a device or /dev/zero is refused before anything is opened (a
// blocked open would hold a libuv thread for good, and four of them stall every file operation); the open
// itself uses O_NOFOLLOW | O_NONBLOCK and the descriptor is checked with fstat, so a file swapped for a FIFO
// or a link between the check and the open is caught; the read stops one byte past the limit.
import { constants, type Stats } from 'node:fs';
import { open, realpath } from 'node:fs/promises';
import { ASSESSMENT_LIMITS } from '../adapters/xlsx/read-limits';
import type { InputRefusal, SpecialKind } from '../domain/i18n/cli';

export type { InputRefusal, SpecialKind };

/** No input may be larger than the reader lets a workbook inflate to (a JSON file neither). */
export const MAX_INPUT_BYTES = ASSESSMENT_LIMITS.maxInflatedBytes;

/** A file refused before or while opening it; `refusal` says why (the CLI words it). */
export class InputFileError extends Error {
  constructor(readonly refusal: InputRefusal) {
    super(refusal.kind);
    this.name = 'InputFileError';
  }
}

export function specialKind(s: Stats): SpecialKind | undefined {
  if (s.isFile()) return undefined;
  if (s.isFIFO()) return 'fifo';
  if (s.isCharacterDevice() || s.isBlockDevice()) return 'device';
  if (s.isSocket()) return 'socket';
  return 'other';
}

/** The file identity the open must find again (from the walk's stat). */
export interface FileIdentity {
  dev: number;
  ino: number;
}

// O_NOFOLLOW and O_NONBLOCK do not exist on Windows (constants are undefined there): 0 leaves them out, and
// Windows has no FIFOs to block on.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

/**
 * Reads a whole input file, at most `limit` bytes. `path` should be a real path (links resolved by the caller);
 * without `expect`, it is resolved here. Throws InputFileError for anything but a regular file of that size,
 * and Node's own errors (ENOENT, EACCES…) for the caller to word.
 */
export async function readInputFile(path: string, expect?: FileIdentity, limit = MAX_INPUT_BYTES): Promise<Buffer> {
  const target = expect ? path : await realpath(path);
  const fh = await open(target, OPEN_FLAGS).catch((e: NodeJS.ErrnoException) => {
    // O_NOFOLLOW on a link (swapped in after the walk) fails with ELOOP (Linux) or EMLINK (BSD).
    if (e.code === 'ELOOP' || e.code === 'EMLINK') throw new InputFileError({ kind: 'changed' });
    throw e;
  });
  try {
    const s = await fh.stat();
    // A folder opens (read-only) on POSIX: say so as the file system would.
    if (s.isDirectory()) throw Object.assign(new Error('EISDIR'), { code: 'EISDIR' });
    const special = specialKind(s);
    if (special) throw new InputFileError(expect ? { kind: 'changed' } : { kind: 'not-regular', what: special });
    if (expect && (s.dev !== expect.dev || s.ino !== expect.ino)) throw new InputFileError({ kind: 'changed' });
    if (s.size > limit) throw new InputFileError({ kind: 'too-large', bytes: s.size, limit });
    // Read one byte past the size fstat gave, never more: a file still growing is not read half.
    const buf = Buffer.allocUnsafe(s.size + 1);
    let got = 0;
    for (;;) {
      const { bytesRead } = await fh.read(buf, got, buf.length - got, got);
      if (bytesRead === 0) break;
      got += bytesRead;
      if (got === buf.length) break;
    }
    if (got > s.size) throw new InputFileError({ kind: 'changed' });
    return buf.subarray(0, got);
  } finally {
    await fh.close();
  }
}
