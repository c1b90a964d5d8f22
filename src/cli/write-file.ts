// Writes a file atomically: to a temporary file beside it, flushed to disk, then renamed into place, so an
// interrupted run (or a power cut) never leaves a half-written file and never destroys the one that was there.
// The caller holds the target's lock (file-lock.ts): temporary files of this target that are not ours were
// left by a run that was killed before its rename, and are removed.
import { writeSync } from 'node:fs';
import { open, readdir, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { ByteSink } from '../adapters/xlsx/zip-writer';

/**
 * Output made straight into the file, given a sink that writes the next bytes (synchronously): a province
 * round's summary is written part by part as it is made, never held whole.
 */
export type ByteProducer = (sink: ByteSink) => Promise<void>;

/** The producer itself failed (not the file system): its error, unchanged, is `cause`. */
export class ProducerError extends Error {
  constructor(override readonly cause: unknown) {
    super('the output could not be made');
    this.name = 'ProducerError';
  }
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `.NAME.PID.MS.tmp`: hidden (a merge never takes it for an input) and traceable to the run that wrote it. */
const tempName = (target: string) => `.${basename(target)}.${process.pid}.${Date.now()}.tmp`;

async function removeStaleTemps(target: string): Promise<void> {
  const re = new RegExp(`^\\.${escapeRe(basename(target))}\\.(\\d+)\\.\\d+\\.tmp$`);
  const names = await readdir(dirname(target)).catch(() => [] as string[]);
  for (const n of names) {
    const m = re.exec(n);
    if (m && Number(m[1]) !== process.pid) await unlink(join(dirname(target), n)).catch(() => undefined);
  }
}

/** fsync of the folder makes the rename itself durable (POSIX); Windows cannot open a folder for this. */
async function syncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const fh = await open(dir, 'r').catch(() => undefined);
  if (!fh) return;
  try {
    await fh.sync();
  } catch {
    // some file systems (network shares) refuse fsync on a folder; the file itself is already flushed
  } finally {
    await fh.close();
  }
}

export async function writeFileAtomic(path: string, data: Buffer | string | ByteProducer): Promise<void> {
  await removeStaleTemps(path);
  const tmp = join(dirname(path), tempName(path));
  try {
    const fh = await open(tmp, 'wx');
    try {
      if (typeof data === 'function') await produce(fh.fd, data);
      else await fh.writeFile(data);
      await fh.sync();
    } finally {
      await fh.close();
    }
    await rename(tmp, path);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
  await syncDir(dirname(path));
}

/**
 * Runs the producer into the open file; an error of a write is the file system's, any other the producer's. Once a
 * write failed the file is incomplete: every later write fails with it, and so does the run, even if the producer
 * went on.
 */
async function produce(fd: number, producer: ByteProducer): Promise<void> {
  let failed: { error: unknown } | undefined;
  const sink: ByteSink = (bytes) => {
    if (failed) throw failed.error;
    try {
      for (let at = 0; at < bytes.length;) at += writeSync(fd, bytes, at, bytes.length - at);
    } catch (e) {
      failed = { error: e };
      throw e;
    }
  };
  try {
    await producer(sink);
  } catch (e) {
    throw failed ? failed.error : new ProducerError(e);
  }
  if (failed) throw failed.error;
}
