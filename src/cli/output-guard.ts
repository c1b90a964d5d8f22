// What sfa may write: a file in a folder that exists, replacing an existing file only with --force; for
// `sfa merge -o`, a .xlsx that is none of the inputs (compared by file identity, so a folder, a symlink, a hard
// link or another spelling on a case-insensitive disk cannot slip an enterprise's workbook through), and the
// `--into` summary itself may be updated in place without --force.
import { stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { dirname } from 'node:path';
import type { Lang } from '../domain';
import { UsageError } from './io';
import { errnoCode, fsErrorMessage } from './fs-errors';
import { cliText } from '../domain/i18n/cli';
import { FileLockError, LockTimeoutError, withFileLocks } from './file-lock';
import { writeFileAtomic } from './write-file';

export interface OutputCheck {
  out: string;
  force: boolean;
  /** How a path is shown to the user (relative to the working folder). */
  display: (path: string) => string;
  lang: Lang;
  /** Files being read that the output must not be. */
  inputs?: readonly string[];
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
  if (!existing) return;
  if (existing.isDirectory()) fail(errno('EISDIR'));
  for (const input of c.inputs ?? []) {
    const s = await statOrUndefined(input).catch(() => undefined);
    if (s && sameFile(s, existing)) throw new UsageError(m.outputIsInput(shown, c.display(input)));
  }
  const replaceable = c.replaceable === undefined ? undefined : await statOrUndefined(c.replaceable).catch(() => undefined);
  if (replaceable && sameFile(replaceable, existing)) return;
  if (!c.force) fail(errno('EEXIST'));
}

/** `sfa merge`: the output and `--into` are workbooks, then the checks of every output. */
export async function checkMergeOutput(c: OutputCheck & { into: string | undefined }): Promise<void> {
  const m = cliText(c.lang);
  if (!/\.xlsx$/i.test(c.out)) throw new UsageError(m.outputNotXlsx(c.display(c.out)));
  if (c.into !== undefined && !/\.xlsx$/i.test(c.into)) throw new UsageError(m.intoNotXlsx(c.display(c.into)));
  await checkOutput({ ...c, replaceable: c.into });
}

/**
 * Writes one output file as every command should: under its lock (a second sfa writing it waits), checked as
 * above, atomically, with a file-system failure said as one sentence. `data` is made only once the lock is held.
 */
export async function writeOutputFile(
  c: OutputCheck & { platform?: NodeJS.Platform; onWait?: (target: string) => void },
  data: () => Promise<Buffer | string>,
): Promise<void> {
  try {
    await withFileLocks([c.out], { onWait: c.onWait }, async () => {
      await checkOutput(c);
      const bytes = await data();
      await writeFileAtomic(c.out, bytes).catch((e: unknown) => {
        throw new UsageError(fsErrorMessage(e, c.display(c.out), 'write', c.lang, c.platform));
      });
    });
  } catch (e) {
    throw lockProblem(e, c.display, c.lang) ?? e;
  }
}

/** A lock that could not be had, as the UsageError to show, or undefined for any other error. */
export function lockProblem(e: unknown, display: (p: string) => string, lang: Lang): UsageError | undefined {
  if (e instanceof LockTimeoutError) return new UsageError(cliText(lang).lockTimeout(display(e.target), e.lockFile));
  if (e instanceof FileLockError) return new UsageError(fsErrorMessage(e.reason, display(e.target), 'write', lang));
  return undefined;
}
