// `sfa merge <files or folders…> -o 推荐汇总表.xlsx [--unit … --contact … --phone …] [--into existing.xlsx]
// [--strict] [--json]`: many enterprise workbooks (and .json assessments) into one 推荐汇总表 + 合并明细.
// Files are read one at a time (memory does not grow with the batch); the output is written atomically.
import { relative, resolve } from 'node:path';
import {
  digestInput,
  inputOf,
  keptInput,
  localIsoDate,
  MergePlan,
  planEntry,
  type FileDigest,
  type KeptInput,
  type InputAt,
  type MergeInput,
  type MergeOptions,
  type PlanEntry,
  type SummaryRow,
} from '../domain';
import { mergedTables, type MergedTables } from '../domain/bureau/merge';
import { SpillError, SpillFile } from './spill-file';
import { mergeJson } from './merge-json';
import { tmpdir } from 'node:os';
import { formatStats } from './format-stats';
import { getRubric } from '../domain/rubrics';
import { UsageError, type CliIO } from './io';
import { loadAssessmentFile } from './load-assessment';
import { IsolatedReader, readInOrder } from './isolated-reader';
import { collectInputs, NamedPathError, type CollectedFile, type CollectResult } from './collect-inputs';
import { InputFileError, readInputFile } from './input-file';
import { readFailureText } from '../domain/text/error-text';
import { cliText } from '../domain/i18n/cli';
import { fsErrorMessage } from './fs-errors';
import { writeOutput, type OutputOptions } from './output-options';
import { setFlagsFromString } from 'node:v8';
import { ownCopy } from '../domain/text/pool';
import type { ByteProducer } from './write-file';

export interface MergeCommandOptions extends OutputOptions {
  output: string;
  unit?: string;
  contact?: string;
  phone?: string;
  into?: string;
  strict?: boolean;
  json?: boolean;
  /** Print the statistics of 统计 as text after the summary line. */
  stats?: boolean;
  /** Progress on a TTY (bar), else plain lines. */
  tty?: boolean;
  /** Seconds one file may take to read before it is reported and skipped. */
  fileTimeout?: number;
  /** How long to wait for another sfa writing the same output (tests shorten it). */
  lockWaitMs?: number;
  /** Where the merge keeps each file's digest while it runs (default: the temporary folder, TMPDIR). */
  tempDir?: string;
}

/**
 * How far V8 lets a heap grow past what its last full collection kept, in percent, while a merge runs. When
 * collecting is cheap V8 lets it grow to several times that: writing a 20,000-enterprise summary (the merge's
 * rows, their layout, the table rows made and let go) then took the heap from 135 to 205 MB without one full
 * collection, and the process to ~340 MB. At 15 % while reading and 5 % from the merge on (a few seconds) the
 * same write peaks ~80 MB lower for about a second more CPU (bench/merge-phases.ts, npm run bench:scale). The
 * flag is read at each collection, so it can be set while running.
 */
export const HEAP_GROWING_PERCENT = { reading: 15, writing: 5 };
const heapGrowing = (percent: number) => setFlagsFromString(`--heap-growing-percent=${percent}`);

/**
 * How many times V8 grows a young generation each time it grows one (its default is 2, up to 16 MB a
 * semi-space). While merging, this thread keeps much of what it allocates (a digest per file, then the summary's
 * rows), and V8 grows its young generation to the largest, ~30 MB of RSS beside what is kept; 1 holds it where it
 * is. --max-semi-space-size would say so for this thread alone but is fixed when V8 starts; this flag is read
 * as the heap grows, so it can be set while running. It is process-wide, and starting a Worker sets it back to
 * V8's default (measured, Node 20): so it is set again as each read returns, when the read worker's young
 * generation has grown to its own limit (IsolatedReader's YOUNG_MB, which its CPU needs), and for the write.
 * 1,000 files: 112–117 MB peak RSS against 143–147 MB, the same CPU (README, Memory).
 */
export const YOUNG_GROWTH = { merging: 1, v8Default: 2 };
const youngGrowth = (factor: number) => setFlagsFromString(`--semi-space-growth-factor=${factor}`);

/** Per file: the guard keeps a real workbook far below these. */
const DEFAULT_FILE_TIMEOUT_S = 60;
const WORKER_HEAP_MB = 384;

function progressLine(done: number, total: number, startedMs: number): string {
  const elapsed = (Date.now() - startedMs) / 1000;
  const rate = done / Math.max(elapsed, 0.001);
  const eta = rate > 0 ? (total - done) / rate : 0;
  const width = 24;
  const filled = Math.round((done / Math.max(total, 1)) * width);
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total}  ${rate.toFixed(1)} files/s  ETA ${eta.toFixed(0)} s`;
}

export async function mergeCommand(paths: string[], opts: MergeCommandOptions, io: CliIO): Promise<number> {
  // From the walk on: listing 20,000 files alone grew the young generation to 16 MB a semi-space before the
  // first read (measured), and it never shrinks back. Both holds last until the summary is in its file: it is
  // written after the merge callback returns (its bytes go into the file as they are made), and written under
  // V8's own heuristics a 20,000-enterprise summary took the process from 144 to 299 MB (measured).
  youngGrowth(YOUNG_GROWTH.merging);
  heapGrowing(HEAP_GROWING_PERCENT.reading);
  try {
    return await mergeCommandHeld(paths, opts, io);
  } finally {
    // V8's own heuristics again (a host running merges in process)
    youngGrowth(YOUNG_GROWTH.v8Default);
    heapGrowing(0);
  }
}

async function mergeCommandHeld(paths: string[], opts: MergeCommandOptions, io: CliIO): Promise<number> {
  const m = cliText(opts.lang);
  if (paths.length === 0 && !opts.into) throw new UsageError(m.noInputs); // --into alone re-sorts by 推荐顺序
  const collected = await collectInputs(paths, io.cwd).catch((e: unknown) => {
    throw e instanceof NamedPathError ? new UsageError(fsErrorMessage(e.error, e.given, 'read', opts.lang, io.platform)) : e;
  });
  const into = opts.into === undefined ? undefined : resolve(io.cwd, opts.into);
  if (into !== undefined && !/\.xlsx$/i.test(into)) throw new UsageError(m.intoNotXlsx(opts.into!));
  let spill: SpillFile<KeptInput> | undefined;
  try {
    // Each file's digest, from when it is read until the summary and the report are written.
    spill = new SpillFile<KeptInput>(opts.tempDir ?? tmpdir());
    // The guard holds the output's lock and the --into summary's from reading it until the output is renamed into
    // place: a second merge into the same summary waits, then reads what this one wrote, so neither batch is lost.
    let report: ((out: string) => number) | undefined;
    const inputPaths = collected.files.map((f) => f.path);
    const out = await writeOutput('merge', opts, io, { inputs: inputPaths, replaceable: into, quiet: opts.json, waitMs: opts.lockWaitMs }, async () => {
      // The guard has checked the output is none of the inputs (it does so once, before this): its list is not held
      // through a province round's write (the walk's own goes once the files are read, in mergeLocked).
      inputPaths.length = 0;
      const merged = await mergeLocked(collected, into, spill!, opts, io);
      report = merged.report;
      return merged.data;
    });
    return report!(out);
  } catch (e) {
    throw e instanceof SpillError ? new UsageError(m.spillFailed(fsErrorMessage(e.error, e.path, 'write', opts.lang, io.platform))) : e;
  } finally {
    spill?.close();
  }
}

/**
 * Reads and plans the merge (with the locks held); `data` then writes the summary into the output file as it is
 * made, and `report` says what was written. Each file is scored as it is read and its digest goes into `spill`:
 * what stays in memory is the plan (a few keys a file), and each table's rows and each report entry are made
 * from the spilled digests as they are written.
 */
async function mergeLocked(
  { files, refused, unreadable }: CollectResult,
  into: string | undefined,
  spill: SpillFile<KeptInput>,
  opts: MergeCommandOptions,
  io: CliIO,
): Promise<{ data: ByteProducer; report: (out: string) => number }> {
  const m = cliText(opts.lang);
  const rubric = getRubric()!;
  const { readMergedSummary, writeMergedSummary, MERGED_LIMITS } = await import('../adapters/xlsx/merged');
  const { cellForPath } = await import('../workbook/paths');
  const { cachedLayout } = await import('../workbook/layout');

  let existing: SummaryRow[] = [];
  let header = { unit: opts.unit ?? '', contact: opts.contact ?? '', phone: opts.phone ?? '' };
  if (into) {
    const { nodeInflater } = await import('../adapters/xlsx/inflate-node');
    // The summary is opened as carefully as any input: a FIFO or /dev/zero named --into is refused, not read.
    const data = await readInputFile(into, undefined, MERGED_LIMITS.maxInflatedBytes).catch((e: unknown) => {
      throw new UsageError(
        e instanceof InputFileError ? `${opts.into}: ${m.refused(e.refusal)}` : fsErrorMessage(e, opts.into!, 'read', opts.lang, io.platform),
      );
    });
    const prior = await readMergedSummary(data, opts.lang, { inflate: nodeInflater }).catch((e: unknown) => {
      throw new UsageError(`${opts.into}: ${readFailureText(e, opts.lang)}`);
    });
    existing = prior.rows;
    header = { unit: opts.unit ?? prior.header.unit, contact: opts.contact ?? prior.header.contact, phone: opts.phone ?? prior.header.phone };
  }

  const layout = cachedLayout(rubric, opts.lang);
  const mergeOptions: MergeOptions = {
    strict: opts.strict,
    lang: opts.lang,
    today: localIsoDate(new Date()),
    locate: (path, input) => cellForPath(layout, input.rubric, path),
    rubric,
  };
  // Per input, in order: the plan's keys; the rest of it is in the spill under the same number.
  const entries: PlanEntry[] = [];
  const keep = (input: MergeInput, digest?: FileDigest) => {
    spill.put(keptInput(input, digest));
    entries.push(planEntry(input, digest));
  };
  for (const u of unreadable) {
    const name = relative(io.cwd, u.path) || u.path;
    const why = m.folderUnreadable(fsErrorMessage(u.error, name, 'list', opts.lang, io.platform));
    keep({ file: name, modified: 0, rubric, failure: why });
    if (!opts.json) io.err(`sfa: ${why}\n`);
  }
  const reader = new IsolatedReader(
    { timeoutMs: (opts.fileTimeout ?? DEFAULT_FILE_TIMEOUT_S) * 1000, heapMb: WORKER_HEAP_MB },
    { timeout: m.readTimeout, memory: m.readMemory, crashed: m.readCrashed },
  );
  // Entries refused by the walk (links out of the folder, FIFOs, devices, huge files): one line each.
  for (const r of refused) {
    const name = relative(io.cwd, r.path) || r.path;
    const why = m.refused(r.refusal);
    keep({ file: name, modified: 0, rubric, failure: why });
    if (!opts.json) io.err(`sfa: ${name}: ${why}\n`);
  }
  // From TypeScript sources (tests) there is no compiled worker: read in process.
  const load = (f: CollectedFile, name: string) =>
    reader.available
      ? reader.read(f.open, opts.lang, f.identity, name)
      : loadAssessmentFile(f.open, opts.lang, { expect: f.identity, shown: name, hash: true });
  const started = Date.now();
  try {
    // Two reads in flight: the worker reads the next file while this thread takes the last one.
    // Each file's name, made once: a string of its own, held by the plan and each row and report made from it
    // (path.relative's is a rope over the absolute path).
    const named = files.map((file) => ({ file, name: ownCopy(relative(io.cwd, file.path) || file.path) }));
    const read = async ({ file, name }: (typeof named)[number]) => ({ modified: file.mtimeMs, r: await load(file, name) });
    for await (const { item, index: i, result, error } of readInOrder(named, read)) {
      const { file, name } = item;
      youngGrowth(YOUNG_GROWTH.merging);
      if (result) {
        const { modified, r } = result;
        // Scored now: the assessment is not held, its digest goes to the spill.
        const input: MergeInput = {
          file: name,
          modified,
          rubric: r.rubric,
          assessment: r.assessment,
          readProblems: r.readErrors.map((e) => ({ path: e.path, message: e.message })),
          ...(r.cached ? { cached: r.cached } : {}),
          // The hash of the file reviewed, for 审核.
          ...(r.sha256 !== undefined ? { sha256: r.sha256 } : {}),
        };
        keep(input, digestInput(input, mergeOptions));
      } else {
        // Ours say what is wrong; JavaScript's own text never reaches 合并明细 or the console.
        const why = readFailureText(error, opts.lang).replace(`${name}: `, '');
        keep({ file: name, modified: file.mtimeMs, rubric, failure: why });
        if (!opts.json) io.err(`sfa: ${name}: ${why}\n`);
      }
      if (opts.tty) io.err(`\r${progressLine(i + 1, files.length, started)}`);
      else if (!opts.json && (i + 1) % 100 === 0) io.err(`${progressLine(i + 1, files.length, started)}\n`);
    }
  } finally {
    await reader.close();
  }
  files.length = 0; // the walk's list (collected.files): each file's name is in its entry now
  if (opts.tty) io.err('\n');

  heapGrowing(HEAP_GROWING_PERCENT.writing);
  youngGrowth(YOUNG_GROWTH.merging);
  // Each input again as the merge was given it: its entry, and what the spill kept of it.
  const inputAt: InputAt = (i) => inputOf(entries[i]!, spill.get(i));
  const plan = new MergePlan(existing, entries, inputAt, mergeOptions);
  for (const e of entries) e.keys = undefined; // the plan holds what it needs of them
  existing = [];
  const tables = mergedTables(rubric, plan, inputAt, mergeOptions);
  // What is reported once written: the report (its entries made again from the spill), with the statistics the
  // 统计 sheet shows (the same numbers).
  const { report, stats } = tables;
  const json = () => {
    for (const chunk of mergeJson(report, stats)) io.out(chunk);
  };
  if (plan.rowCount === 0) {
    if (opts.json) json();
    throw new UsageError(m.nothingUsable);
  }
  // The long tables are made from the plan and the spill as they are written, a piece at a time; the package goes
  // into the output file part by part (5 MB at 20,000 enterprises, never held whole).
  const data: ByteProducer = (sink) => writeMergedSummary(rubric, tables, header, opts.lang, sink).then(() => undefined);
  return { data, report: (out) => reported({ report, stats }, out, opts, io, json) };
}

function reported(result: Pick<MergedTables, 'report' | 'stats'>, out: string, opts: MergeCommandOptions, io: CliIO, json: () => void): number {
  const m = cliText(opts.lang);
  if (opts.json) json();
  else {
    const c = result.report.counts;
    io.out(m.mergeSummary(out, c.rows, c.merged, c.replaced, c.skipped, c.existingKept));
    if (opts.stats) io.out(formatStats(result.stats, opts.lang));
    for (const f of result.report.files) {
      if (f.status === 'skipped' && !f.failure) io.err(`sfa: ${f.file}: ${f.message}\n`);
      for (const x of f.flags) io.err(`sfa: ${f.file}: ${m.toVerify(x.message)}\n`);
      // A text changed to be written (forbidden characters, over a cell's limit): said here too, naming the field.
      for (const w of f.warnings) if (w.code === 'text') io.err(`sfa: ${f.file}: ${w.sheet && w.cell ? `${w.sheet}!${w.cell}：` : ''}${w.message}\n`);
    }
    for (const e of result.report.existing) for (const x of e.flags) io.err(`sfa: ${opts.into ?? ''}: ${e.row.enterpriseName}: ${m.toVerify(x.message)}\n`);
    if (c.flagged > 0) io.err(m.flaggedCount(c.flagged));
  }
  // 1: something was skipped or needs the bureau's decision.
  return result.report.counts.skipped > 0 || result.report.counts.flagged > 0 ? 1 : 0;
}
