// A lock per file sfa writes (and per `--into` summary it reads then rewrites), so two runs at once cannot lose
// each other's work: the second waits until the first has renamed its output into place, then reads it.
// The lock is a file created exclusively beside the target (`.NAME.sfa-lock`, hidden, so a merge never takes it
// for an input). It holds the owner's pid and host: a lock left by a run that was killed is taken over on the
// same machine; one from another machine (a shared folder) is waited for, then named so the user can remove it.
import { open, readFile, realpath, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';

export interface LockHolder {
  pid: number;
  host: string;
}

export interface LockWaitOptions {
  /** How long to wait for a live holder before giving up (default 30 minutes: a big merge takes minutes). */
  waitMs?: number;
  /** Told once per lock when it has to wait, with the lock file and who holds it. */
  onWait?: (target: string, holder: LockHolder | undefined) => void;
}

/** The lock is not free after waiting: names the lock file so the user can remove a stale one. */
export class LockTimeoutError extends Error {
  constructor(
    readonly target: string,
    readonly lockFile: string,
    readonly holder: LockHolder | undefined,
  ) {
    super(`lock ${lockFile}`);
    this.name = 'LockTimeoutError';
  }
}

/** The lock file could not be created for a reason other than being held (no such folder, no permission…). */
export class FileLockError extends Error {
  constructor(
    readonly target: string,
    readonly reason: unknown,
  ) {
    super(`lock ${target}`);
    this.name = 'FileLockError';
  }
}

const POLL_MS = 150;
/** A file only read (the `--into` summary written elsewhere) in a place nobody may write needs no lock. */
const UNWRITABLE = new Set(['EACCES', 'EPERM', 'EROFS']);

/** Whether a process with this pid runs on this machine (EPERM: it runs, as another user). */
export function pidAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The file a path really names: symlinks resolved, so two spellings of one file share one lock. */
async function canonical(path: string): Promise<string> {
  const abs = resolve(path);
  try {
    return await realpath(abs);
  } catch {
    try {
      return join(await realpath(dirname(abs)), basename(abs));
    } catch {
      return abs;
    }
  }
}

export const lockFileFor = (target: string) => join(dirname(target), `.${basename(target)}.sfa-lock`);

async function readHolder(lockFile: string): Promise<LockHolder | undefined> {
  try {
    const h = JSON.parse(await readFile(lockFile, 'utf8')) as Partial<LockHolder>;
    return typeof h.pid === 'number' && typeof h.host === 'string' ? { pid: h.pid, host: h.host } : undefined;
  } catch {
    return undefined; // being written this instant, or not ours: wait for it like any live lock
  }
}

async function acquire(target: string, opts: LockWaitOptions): Promise<() => Promise<void>> {
  const lockFile = lockFileFor(target);
  const me: LockHolder = { pid: process.pid, host: hostname() };
  const deadline = Date.now() + (opts.waitMs ?? 30 * 60_000);
  let told = false;
  for (;;) {
    try {
      const fh = await open(lockFile, 'wx');
      try {
        await fh.writeFile(JSON.stringify(me));
      } finally {
        await fh.close();
      }
      return async () => {
        await unlink(lockFile).catch(() => undefined);
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw new FileLockError(target, e);
    }
    const holder = await readHolder(lockFile);
    if (holder && holder.host === me.host && !pidAlive(holder.pid)) {
      // Left by a run that was killed: nobody will remove it but us.
      await unlink(lockFile).catch(() => undefined);
      continue;
    }
    if (Date.now() >= deadline) throw new LockTimeoutError(target, lockFile, holder);
    if (!told) {
      told = true;
      opts.onWait?.(target, holder);
    }
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

/**
 * Runs `fn` holding a lock on each path (duplicates and two spellings of one file lock once; locks are taken in
 * a fixed order so two runs locking the same pair cannot deadlock), and releases them however `fn` ends. A path
 * in `readOnly` (also in `paths`) whose folder refuses the lock file is read without one.
 */
export async function withFileLocks<T>(paths: string[], opts: LockWaitOptions & { readOnly?: string[] }, fn: () => Promise<T>): Promise<T> {
  const readOnly = new Set(await Promise.all((opts.readOnly ?? []).map(canonical)));
  const targets = [...new Set(await Promise.all(paths.map(canonical)))].sort();
  const releases: (() => Promise<void>)[] = [];
  try {
    for (const t of targets) {
      try {
        releases.push(await acquire(t, opts));
      } catch (e) {
        const code = e instanceof FileLockError ? (e.reason as NodeJS.ErrnoException).code : undefined;
        if (!(readOnly.has(t) && code && UNWRITABLE.has(code))) throw e;
      }
    }
    return await fn();
  } finally {
    for (const r of releases.reverse()) await r();
  }
}
