// Reads the files of a merge in a worker thread with a time and memory limit per file. The reader's own
// limits bound what we know of; this bounds what we do not: a file that still makes the reader hang or
// balloon is reported as one line, the worker is replaced, and the batch goes on. Two reads are kept in
// flight, so the worker never waits for the next file while the main thread handles the last one.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Assessment, Issue, Lang } from '../domain';
import { getRubric } from '../domain/rubrics';
import type { LoadedAssessment } from './load-assessment';
import type { ReadReply, ReadRequest } from './read-worker';
import type { FileIdentity } from './input-file';

export interface IsolatedReadLimits {
  timeoutMs: number;
  /** The worker's old-generation heap. */
  heapMb: number;
}

export class FileReadError extends Error {}

interface Job {
  id: number;
  file: string;
  lang: Lang;
  expect?: FileIdentity;
  shown?: string;
  resolve: (r: LoadedAssessment) => void;
  reject: (e: Error) => void;
  timer?: ReturnType<typeof setTimeout>;
  posted: boolean;
}

const IN_FLIGHT = 2;
const YOUNG_MB = 16;

export class IsolatedReader {
  private worker: Worker | undefined;
  private readonly script = join(__dirname, 'read-worker.js');
  private readonly jobs: Job[] = [];
  private nextId = 0;
  /** After a crash with several files in flight, the next ones run alone until the culprit is known. */
  private solo = 0;

  constructor(
    private readonly limits: IsolatedReadLimits,
    private readonly texts: { timeout: (s: number) => string; memory: (mb: number) => string; crashed: (why: string) => string },
  ) {}

  /** False when running from TypeScript sources (tests), where there is no compiled worker to start. */
  get available(): boolean {
    return existsSync(this.script);
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    // A young generation smaller than V8's default (three 16 MB semi-spaces, ~25 MB more RSS while reading) but
    // not too small: a 1,000-file merge took 12.0–12.9 s of CPU with 16 MB and 14.4–18.2 s with 8 MB in runs
    // interleaved on one machine (peak RSS ~160 vs ~155 MB; later, under other load, 15.0–17.4 vs 16.2–17.6 s).
    // The worker is closed before the summary is written, where a large merge peaks.
    const w = new Worker(this.script, { resourceLimits: { maxOldGenerationSizeMb: this.limits.heapMb, maxYoungGenerationSizeMb: YOUNG_MB } });
    w.unref(); // a pending read's timer keeps the process alive, an idle worker does not
    w.on('message', (r: ReadReply) => this.settle(r));
    w.on('error', (e: Error & { code?: string }) =>
      this.crash(w, e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? this.texts.memory(this.limits.heapMb) : this.texts.crashed(e.message)),
    );
    w.on('exit', (code) => this.crash(w, this.texts.crashed(`exit ${code}`)));
    this.worker = w;
    return w;
  }

  /** Reads one file; calls may overlap (the merge keeps two in flight), replies keep their own file. */
  read(file: string, lang: Lang, expect?: FileIdentity, shown?: string): Promise<LoadedAssessment> {
    return new Promise((resolve, reject) => {
      this.jobs.push({ id: this.nextId++, file, lang, expect, shown, resolve, reject, posted: false });
      this.pump();
    });
  }

  private pump() {
    const limit = this.solo > 0 ? 1 : IN_FLIGHT;
    let inFlight = this.jobs.filter((j) => j.posted).length;
    for (const job of this.jobs) {
      if (inFlight >= limit) break;
      if (job.posted) continue;
      job.posted = true;
      inFlight++;
      job.timer = setTimeout(() => this.timeout(job), this.limits.timeoutMs);
      this.start().postMessage({ id: job.id, file: job.file, lang: job.lang, expect: job.expect, shown: job.shown } satisfies ReadRequest);
    }
  }

  private take(id: number): Job | undefined {
    const at = this.jobs.findIndex((j) => j.id === id);
    if (at < 0) return undefined;
    const [job] = this.jobs.splice(at, 1);
    clearTimeout(job!.timer);
    return job;
  }

  private settle(r: ReadReply) {
    const job = this.take(r.id);
    if (!job) return;
    if (this.solo > 0) this.solo--;
    if (!r.ok) job.reject(new FileReadError(r.message));
    else
      job.resolve({
        rubric: getRubric(r.rubricId)!,
        assessment: r.assessment as Assessment,
        readErrors: r.readErrors as Issue[],
        ...(r.cached ? { cached: r.cached } : {}),
        ...(r.sha256 ? { sha256: r.sha256 } : {}),
      });
    this.pump();
  }

  /** Stops the worker; the files it still had are read again by a new one. */
  private replace() {
    const w = this.worker;
    this.worker = undefined;
    if (w) {
      w.removeAllListeners('message').removeAllListeners('exit');
      w.on('error', () => undefined);
      void w.terminate();
    }
    for (const j of this.jobs) {
      clearTimeout(j.timer);
      j.posted = false;
    }
  }

  private timeout(job: Job) {
    this.replace();
    this.take(job.id)?.reject(new FileReadError(this.texts.timeout(this.limits.timeoutMs / 1000)));
    this.pump();
  }

  private crash(w: Worker, why: string) {
    if (w !== this.worker) return;
    const inFlight = this.jobs.filter((j) => j.posted);
    this.replace();
    if (inFlight.length === 1) this.take(inFlight[0]!.id)?.reject(new FileReadError(why));
    else this.solo = inFlight.length; // one of them did it: read each alone to know which
    this.pump();
  }

  async close(): Promise<void> {
    const w = this.worker;
    this.worker = undefined;
    if (w) {
      w.removeAllListeners('exit');
      await w.terminate();
    }
  }
}

/**
 * `read` over `items` in order, with up to `window` reads in flight: yields each item with its result (or
 * the error it threw) as soon as it and every earlier one are done.
 */
export async function* readInOrder<T, R>(
  items: readonly T[],
  read: (item: T) => Promise<R>,
  window = IN_FLIGHT,
): AsyncGenerator<{ item: T; index: number; result?: R; error?: unknown }> {
  const pending: Promise<{ result?: R; error?: unknown }>[] = [];
  const launch = (i: number) =>
    read(items[i]!).then(
      (result) => ({ result }),
      (error: unknown) => ({ error }),
    );
  let next = 0;
  for (; next < Math.min(window, items.length); next++) pending.push(launch(next));
  for (let i = 0; i < items.length; i++) {
    const done = await pending.shift()!;
    if (next < items.length) pending.push(launch(next++));
    yield { item: items[i]!, index: i, ...done };
  }
}
