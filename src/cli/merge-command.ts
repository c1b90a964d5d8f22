// `sfa merge <files or folders…> -o 推荐汇总表.xlsx [--unit … --contact … --phone …] [--into existing.xlsx]
// [--strict] [--json]`: many enterprise workbooks (and .json assessments) into one 推荐汇总表 + 合并明细.
// Files are read one at a time (memory does not grow with the batch); the output is written atomically.
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { extname, join, relative, resolve } from 'node:path';
import { localIsoDate, mergeSummary, type Lang, type MergeInput, type SummaryRow } from '../domain';
import { getRubric } from '../domain/rubrics';
import { shownPath, UsageError, type CliIO } from './io';
import { loadAssessmentFile } from './load-assessment';
import { IsolatedReader, readInOrder } from './isolated-reader';
import { cliText } from '../domain/i18n/cli';
import { writeFileAtomic } from './write-file';
import { fsErrorMessage } from './fs-errors';
import { withFileLocks } from './file-lock';
import { checkMergeOutput, lockProblem } from './output-guard';

export interface MergeCommandOptions {
  output: string;
  unit?: string;
  contact?: string;
  phone?: string;
  into?: string;
  /** Overwrite an existing output that is not the `--into` summary. */
  force?: boolean;
  strict?: boolean;
  json?: boolean;
  lang: Lang;
  /** Progress on a TTY (bar), else plain lines. */
  tty?: boolean;
  /** Seconds one file may take to read before it is reported and skipped. */
  fileTimeout?: number;
  /** How long to wait for another sfa writing the same output (tests shorten it). */
  lockWaitMs?: number;
}

/** Per file: the guard keeps a real workbook far below these. */
const DEFAULT_FILE_TIMEOUT_S = 60;
const WORKER_HEAP_MB = 384;

// Every spreadsheet-like file found in a folder is an input, so that one sfa cannot read is listed in 合并明细
// with the reason rather than passed over in silence (.xlsm is read as .xlsx, its macros ignored).
const INPUT_EXT = new Set(['.xlsx', '.xlsm', '.json', '.xls', '.et', '.csv', '.xlsb', '.ods', '.numbers']);

/**
 * Files named, and files found (recursively) in folders named, in a stable order. Links are followed once
 * (a folder already walked is skipped, so a link loop ends); a folder that cannot be read is reported as a
 * line of its own and the batch goes on.
 */
async function collect(paths: string[], cwd: string, lang: Lang): Promise<{ files: string[]; unreadable: { path: string; error: unknown }[] }> {
  const files: string[] = [];
  const unreadable: { path: string; error: unknown }[] = [];
  const seen = new Set<string>();
  const walk = async (p: string) => {
    let entries: string[];
    try {
      const real = await realpath(p);
      if (seen.has(real)) return;
      seen.add(real);
      entries = (await readdir(p)).sort((a, b) => a.localeCompare(b));
    } catch (e) {
      unreadable.push({ path: p, error: e });
      return;
    }
    for (const e of entries) {
      if (e.startsWith('.') || e.startsWith('~$')) continue;
      const full = join(p, e);
      const s = await stat(full).catch(() => undefined);
      if (s?.isDirectory()) await walk(full);
      else if (INPUT_EXT.has(extname(e).toLowerCase())) files.push(full);
    }
  };
  for (const p of paths) {
    const abs = resolve(cwd, p);
    const s = await stat(abs).catch((e: unknown) => {
      throw new UsageError(fsErrorMessage(e, p, 'read', lang));
    });
    if (s.isFile()) files.push(abs);
    else await walk(abs);
  }
  return { files, unreadable };
}

function progressLine(done: number, total: number, startedMs: number): string {
  const elapsed = (Date.now() - startedMs) / 1000;
  const rate = done / Math.max(elapsed, 0.001);
  const eta = rate > 0 ? (total - done) / rate : 0;
  const width = 24;
  const filled = Math.round((done / Math.max(total, 1)) * width);
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total}  ${rate.toFixed(1)} files/s  ETA ${eta.toFixed(0)} s`;
}

export async function mergeCommand(paths: string[], opts: MergeCommandOptions, io: CliIO): Promise<number> {
  const m = cliText(opts.lang);
  if (paths.length === 0 && !opts.into) throw new UsageError(m.noInputs); // --into alone re-sorts by 推荐顺序
  const { files, unreadable } = await collect(paths, io.cwd, opts.lang);
  const out = resolve(io.cwd, opts.output);
  const into = opts.into === undefined ? undefined : resolve(io.cwd, opts.into);
  // Held from reading --into until the output is renamed into place: a second merge into the same summary
  // waits, then reads what this one wrote, so neither batch is lost.
  const locked = [out, ...(into ? [into] : [])];
  const display = (p: string) => shownPath(io.cwd, p);
  const onWait = (target: string, holder?: { pid: number; host: string }) => {
    if (!opts.json) io.err(`sfa: ${m.waitingForLock(target, holder?.pid, holder?.host)}`);
  };
  try {
    return await withFileLocks(locked, { onWait, waitMs: opts.lockWaitMs, readOnly: into ? [into] : [] }, async () => {
      await checkMergeOutput({ out, into, inputs: files, force: opts.force === true, display, lang: opts.lang });
      return await mergeLocked(files, unreadable, out, into, opts, io);
    });
  } catch (e) {
    throw lockProblem(e, display, opts.lang) ?? e;
  }
}

async function mergeLocked(
  files: string[],
  unreadable: { path: string; error: unknown }[],
  out: string,
  into: string | undefined,
  opts: MergeCommandOptions,
  io: CliIO,
): Promise<number> {
  const m = cliText(opts.lang);
  const rubric = getRubric()!;
  const { readMergedSummary, writeMergedSummary } = await import('../adapters/xlsx/merged');
  const { cellForPath } = await import('../workbook/paths');
  const { cachedLayout } = await import('../workbook/layout');

  let existing: SummaryRow[] = [];
  let header = { unit: opts.unit ?? '', contact: opts.contact ?? '', phone: opts.phone ?? '' };
  if (into) {
    const { nodeInflater } = await import('../adapters/xlsx/inflate-node');
    const data = await readFile(into).catch((e: unknown) => {
      throw new UsageError(fsErrorMessage(e, opts.into!, 'read', opts.lang, io.platform));
    });
    const prior = await readMergedSummary(data, opts.lang, { inflate: nodeInflater }).catch((e: Error) => {
      throw new UsageError(`${opts.into}: ${e.message}`);
    });
    existing = prior.rows;
    header = { unit: opts.unit ?? prior.header.unit, contact: opts.contact ?? prior.header.contact, phone: opts.phone ?? prior.header.phone };
  }

  const inputs: MergeInput[] = [];
  for (const u of unreadable) {
    const name = relative(io.cwd, u.path) || u.path;
    const why = m.folderUnreadable(fsErrorMessage(u.error, name, 'list', opts.lang, io.platform));
    inputs.push({ file: name, modified: 0, rubric, failure: why });
    if (!opts.json) io.err(`sfa: ${why}\n`);
  }
  const reader = new IsolatedReader(
    { timeoutMs: (opts.fileTimeout ?? DEFAULT_FILE_TIMEOUT_S) * 1000, heapMb: WORKER_HEAP_MB },
    { timeout: m.readTimeout, memory: m.readMemory, crashed: m.readCrashed },
  );
  // From TypeScript sources (tests) there is no compiled worker: read in process.
  const load = reader.available ? (f: string) => reader.read(f, opts.lang) : (f: string) => loadAssessmentFile(f, opts.lang);
  const started = Date.now();
  try {
    // Two reads in flight: the worker reads the next file while this thread takes the last one.
    const read = async (file: string) => {
      const name = relative(io.cwd, file) || file;
      const s = await stat(file).catch((e: unknown) => {
        throw new UsageError(fsErrorMessage(e, name, 'read', opts.lang, io.platform));
      });
      return { modified: s.mtimeMs, r: await load(file) };
    };
    for await (const { item: file, index: i, result, error } of readInOrder(files, read)) {
      const name = relative(io.cwd, file) || file;
      if (result) {
        const { modified, r } = result;
        inputs.push({ file: name, modified, rubric: r.rubric, assessment: r.assessment, readProblems: r.readErrors.map((e) => ({ path: e.path, message: e.message })) });
      } else {
        const why = (error as Error).message.replace(`${file}: `, '').replace(file, name);
        const modified = (await stat(file).catch(() => undefined))?.mtimeMs ?? 0;
        inputs.push({ file: name, modified, rubric, failure: why });
        if (!opts.json) io.err(`sfa: ${name}: ${why}\n`);
      }
      if (opts.tty) io.err(`\r${progressLine(i + 1, files.length, started)}`);
      else if (!opts.json && (i + 1) % 100 === 0) io.err(`${progressLine(i + 1, files.length, started)}\n`);
    }
  } finally {
    await reader.close();
  }
  if (opts.tty) io.err('\n');

  const layout = cachedLayout(rubric, opts.lang);
  const result = mergeSummary(existing, inputs, {
    strict: opts.strict,
    lang: opts.lang,
    today: localIsoDate(new Date()),
    locate: (path, input) => cellForPath(layout, input.rubric, path),
  });
  if (result.rows.length === 0) {
    if (opts.json) io.out(JSON.stringify(result.report, null, 2) + '\n');
    throw new UsageError(m.nothingUsable);
  }
  const data = await writeMergedSummary(rubric, result, header, opts.lang);
  await writeFileAtomic(out, data).catch((e: unknown) => {
    throw new UsageError(fsErrorMessage(e, out, 'write', opts.lang, io.platform));
  });
  if (opts.json) io.out(JSON.stringify(result.report, null, 2) + '\n');
  else {
    const c = result.report.counts;
    io.out(m.mergeSummary(out, c.rows, c.merged, c.replaced, c.skipped, c.existingKept));
    for (const f of result.report.files) {
      if (f.status === 'skipped' && !f.failure) io.err(`sfa: ${f.file}: ${f.message}\n`);
      for (const x of f.flags) io.err(`sfa: ${f.file}: ${m.toVerify(x.message)}\n`);
    }
    for (const e of result.report.existing) for (const x of e.flags) io.err(`sfa: ${opts.into ?? ''}: ${e.row.enterpriseName}: ${m.toVerify(x.message)}\n`);
    if (c.flagged > 0) io.err(m.flaggedCount(c.flagged));
  }
  // 1: something was skipped or needs the bureau's decision.
  return result.report.counts.skipped > 0 || result.report.counts.flagged > 0 ? 1 : 0;
}
