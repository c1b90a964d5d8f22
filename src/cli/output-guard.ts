// What sfa may write: a file in a folder that exists, with the extension of what is written, replacing an
// existing file only with --force, and never one of the files being read (compared by file identity, so a folder,
// a symlink, a hard link or another spelling on a case-insensitive disk cannot slip an enterprise's workbook
// through); the `--into` summary of `sfa merge` may be updated in place without --force. Every command writes
// its output through writeOutputFile: under the file's lock, checked, atomically, failures said as one sentence.
import { stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { dirname } from 'node:path';
import type { Lang } from '../domain';
import { UsageError } from './io';
import { errnoCode, fsErrorMessage } from './fs-errors';
import { cliText, type OutputExt } from '../domain/i18n/cli';
import { FileLockError, LockTimeoutError, withFileLocks, type LockHolder } from './file-lock';
import { ProducerError, writeFileAtomic, type ByteProducer } from './write-file';

export interface OutputCheck {
  out: string;
  force: boolean;
  /** How a path is shown to the user (relative to the working folder). */
  display: (path: string) => string;
  lang: Lang;
  /** What the output's name must end in (case-insensitively). */
  ext?: OutputExt;
  /** Files being read that the output must not be. */
  inputs?: readonly string[];
  /** Whether the inputs are enterprises' files being merged (said so when the output is one of them). */
  merging?: boolean;
  /** A file the output may replace without --force (the summary `--into` updates). */
  replaceable?: string;
}

const sameFile = (a: Stats, b: Stats) => a.dev === b.dev && a.ino === b.ino;

async function statOrUndefined(path: string): Promise<Stats | undefined> {
  try {
    return await stat(path);
  } catch (e) {
    if (errnoCode(e) === 'ENOENT') return undefined;
    throw e;
  }
}

const errno = (code: string) => Object.assign(new Error(code), { code });

/** Throws a UsageError saying why `out` must not be written; returns when it may. */
export async function checkOutput(c: OutputCheck): Promise<void> {
  const m = cliText(c.lang);
  const shown = c.display(c.out);
  const fail = (e: unknown): never => {
    throw new UsageError(fsErrorMessage(e, shown, 'write', c.lang));
  };
  const folder = await stat(dirname(c.out)).catch(fail);
  if (!folder.isDirectory()) fail(errno('ENOTDIR'));
  const existing = await statOrUndefined(c.out).catch(fail);
  if (existing?.isDirectory()) {
    if (c.ext !== undefined) throw new UsageError(m.outputIsFolder(shown, c.ext));
    fail(errno('EISDIR'));
  }
  // After "a folder" (the better sentence for `-o 文件夹`), before "exists" (--force would not help).
  if (c.ext !== undefined && !c.out.toLowerCase().endsWith(c.ext)) throw new UsageError(m.outputWrongExt(shown, c.ext));
  if (!existing) return;
  for (const input of c.inputs ?? []) {
    const s = await statOrUndefined(input).catch(() => undefined);
    if (s && sameFile(s, existing)) throw new UsageError(m.outputIsInput(shown, c.display(input), c.merging === true));
  }
  const replaceable = c.replaceable === undefined ? undefined : await statOrUndefined(c.replaceable).catch(() => undefined);
  if (replaceable && sameFile(replaceable, existing)) return;
  if (!c.force) fail(errno('EEXIST'));
}

export interface OutputWrite extends OutputCheck {
  platform?: NodeJS.Platform;
  /** Told when another sfa holds a lock, with who holds it. */
  onWait?: (target: string, holder: LockHolder | undefined) => void;
  /** How long to wait for another sfa's lock (tests shorten it). */
  waitMs?: number;
}

/**
 * Writes one output file: under its lock (a second sfa writing it waits; with `replaceable`, that file is locked
 * too from before it is read), checked as above, atomically, with a file-system failure said as one sentence.
 * `data` is made only once the locks are held and the checks passed.
 */
export async function writeOutputFile(c: OutputWrite, data: () => Promise<Buffer | string | ByteProducer>): Promise<void> {
  const read = c.replaceable === undefined ? [] : [c.replaceable];
  try {
    await withFileLocks([c.out, ...read], { onWait: c.onWait, waitMs: c.waitMs, readOnly: read }, async () => {
      await checkOutput(c);
      const bytes = await data();
      await writeFileAtomic(c.out, bytes).catch((e: unknown) => {
        if (e instanceof ProducerError) throw e.cause; // not a write that failed: the temporary file is gone, the error is the producer's
        throw new UsageError(fsErrorMessage(e, c.display(c.out), 'write', c.lang, c.platform));
      });
    });
  } catch (e) {
    throw lockProblem(e, c.display, c.lang) ?? e;
  }
}

/** A lock that could not be had, as the UsageError to show, or undefined for any other error. */
function lockProblem(e: unknown, display: (p: string) => string, lang: Lang): UsageError | undefined {
  if (e instanceof LockTimeoutError) return new UsageError(cliText(lang).lockTimeout(display(e.target), e.lockFile));
  if (e instanceof FileLockError) return new UsageError(fsErrorMessage(e.reason, display(e.target), 'write', lang));
  return undefined;
}
