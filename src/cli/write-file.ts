// Writes a file atomically: to a temporary file beside it, flushed to disk, then renamed into place, so an
// interrupted run (or a power cut) never leaves a half-written file and never destroys the one that was there.
// The caller holds the target's lock (file-lock.ts): temporary files of this target that are not ours were
// left by a run that was killed before its rename, and are removed.
import { open, readdir, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

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

export async function writeFileAtomic(path: string, data: Buffer | string): Promise<void> {
  await removeStaleTemps(path);
  const tmp = join(dirname(path), tempName(path));
  try {
    const fh = await open(tmp, 'wx');
    try {
      await fh.writeFile(data);
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
