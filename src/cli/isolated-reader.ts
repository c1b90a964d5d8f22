// Reads the files of a merge in a worker thread with a time and memory limit per file. The zip guard bounds
// what we know of; this bounds what we do not: a file that still makes the reader hang or balloon is reported
// as one line, the worker is replaced, and the batch goes on.
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

export class IsolatedReader {
  private worker: Worker | undefined;
  private readonly script = join(__dirname, 'read-worker.js');

  constructor(
    private readonly limits: IsolatedReadLimits,
    private readonly texts: { timeout: (s: number) => string; memory: (mb: number) => string; crashed: (why: string) => string },
  ) {}

  /** False when running from TypeScript sources (tests), where there is no compiled worker to start. */
  get available(): boolean {
    return existsSync(this.script);
  }

  private start(): Worker {
    if (!this.worker) {
      this.worker = new Worker(this.script, { resourceLimits: { maxOldGenerationSizeMb: this.limits.heapMb } });
      this.worker.unref(); // a pending read's timer keeps the process alive, an idle worker does not
    }
    return this.worker;
  }

  read(file: string, lang: Lang, expect?: FileIdentity, shown?: string): Promise<LoadedAssessment> {
    const worker = this.start();
    return new Promise((resolve, reject) => {
      const done = (fn: () => void) => {
        clearTimeout(timer);
        worker.off('message', onMessage).off('error', onError).off('exit', onExit);
        fn();
      };
      const replace = (why: Error) => {
        this.worker = undefined;
        void worker.terminate();
        done(() => reject(why));
      };
      const onMessage = (r: ReadReply) =>
        done(() => {
          if (!r.ok) return reject(new FileReadError(r.message));
          resolve({ rubric: getRubric(r.rubricId)!, assessment: r.assessment as Assessment, readErrors: r.readErrors as Issue[] });
        });
      const onError = (e: Error & { code?: string }) =>
        replace(new FileReadError(e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? this.texts.memory(this.limits.heapMb) : this.texts.crashed(e.message)));
      const onExit = (code: number) => replace(new FileReadError(this.texts.crashed(`exit ${code}`)));
      const timer = setTimeout(() => replace(new FileReadError(this.texts.timeout(this.limits.timeoutMs / 1000))), this.limits.timeoutMs);
      worker.on('message', onMessage).on('error', onError).on('exit', onExit);
      worker.postMessage({ file, lang, expect, shown } satisfies ReadRequest);
    });
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
    this.worker = undefined;
  }
}
