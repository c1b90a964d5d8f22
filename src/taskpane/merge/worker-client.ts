// Reads the picked files of a merge in a dedicated Web Worker with a time limit per file, as `sfa merge` does
// with a worker thread (src/cli/isolated-reader.ts). The zip guard bounds what we know of; this bounds what we
// do not: a file that still makes the reader hang becomes one failed input, the worker is replaced, and the
// batch goes on — while the pane's own thread only waits, so it keeps painting and answering clicks.
import { readFailureText } from '../../domain/text/error-text';
import type { Lang } from '../../domain/i18n/lang';
import type { MergeInput } from '../../domain/merge/types';
import { getRubric } from '../../domain/rubrics';
import type { PickedFile } from './read-input';
import { fromWire, type MergeReadRequest, type MergeWorkerMessage } from './worker-protocol';

/** What the client needs of a Worker (a real one satisfies it; the tests pass a fake). */
export interface MergeWorkerLike {
  onmessage: ((e: MessageEvent) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
  onmessageerror: ((e: MessageEvent) => void) | null;
  postMessage(message: MergeReadRequest, transfer: Transferable[]): void;
  terminate(): void;
}

/** Reads one picked file into a MergeInput; never rejects (an unreadable file is `{ failure }`). */
export interface MergeFileReader {
  read(file: PickedFile, bytes: Uint8Array, lang: Lang): Promise<MergeInput>;
  close(): void;
}

/** As `sfa merge --file-timeout` defaults to: far beyond what a real assessment workbook takes. */
export const MERGE_FILE_TIMEOUT_MS = 60_000;

export interface MergeWorkerOptions {
  timeoutMs: number;
  texts: { timeout(seconds: number): string; crashed(why: string): string };
  /** Reads on this thread: used when no worker can be started at all (its script failed to load). */
  fallback(file: PickedFile, bytes: Uint8Array, lang: Lang): Promise<MergeInput>;
}

/** The whole buffer of a view, transferable without copying when the view is the whole of it. */
function ownBuffer(bytes: Uint8Array): ArrayBuffer {
  const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer;
  return whole ? (bytes.buffer as ArrayBuffer) : (bytes.slice().buffer as ArrayBuffer);
}

export class MergeWorkerClient implements MergeFileReader {
  /** One long-lived worker, replaced after a time-out or a crash. */
  private worker: MergeWorkerLike | undefined;
  /** The current worker has said it is running (so a later error is the file's fault, not the script's). */
  private ready = false;
  /** The worker cannot start here (spawn threw, or its script failed before it ran): read on this thread. */
  private unavailable = false;
  private lastId = 0;

  constructor(
    private readonly spawn: () => MergeWorkerLike,
    private readonly o: MergeWorkerOptions,
  ) {}

  read(file: PickedFile, bytes: Uint8Array, lang: Lang): Promise<MergeInput> {
    if (this.unavailable) return this.o.fallback(file, bytes, lang);
    let worker: MergeWorkerLike;
    try {
      worker = this.worker ??= this.spawn();
    } catch {
      this.unavailable = true;
      return this.o.fallback(file, bytes, lang);
    }
    const id = ++this.lastId;
    const failed = (failure: string): MergeInput => ({ file: file.name, modified: file.lastModified, rubric: getRubric()!, failure });

    return new Promise<MergeInput>((resolve) => {
      let sent = false;
      const finish = (input: MergeInput | Promise<MergeInput>) => {
        clearTimeout(timer);
        worker.onmessage = worker.onerror = worker.onmessageerror = null;
        resolve(input);
      };
      const replace = (input: MergeInput | Promise<MergeInput>) => {
        if (this.worker === worker) {
          this.worker = undefined;
          this.ready = false;
        }
        worker.terminate();
        finish(input);
      };
      // The bytes are posted only once the worker runs: until then they are still ours, for the fallback.
      const send = () => {
        sent = true;
        const buffer = ownBuffer(bytes);
        worker.postMessage({ id, name: file.name, lastModified: file.lastModified, lang, bytes: buffer }, [buffer]);
      };
      worker.onmessage = ({ data }: MessageEvent<MergeWorkerMessage>) => {
        if (data.kind === 'ready') {
          this.ready = true;
          if (!sent) send();
        } else if (data.id === id) finish(fromWire(data.input));
      };
      worker.onerror = (e: ErrorEvent) => {
        e.preventDefault?.(); // reported as the file's failure, not as an uncaught error in the console
        if (!this.ready && !sent) {
          this.unavailable = true;
          replace(this.o.fallback(file, bytes, lang));
        } else replace(failed(this.o.texts.crashed(readFailureText(e.error, lang))));
      };
      worker.onmessageerror = () => replace(failed(this.o.texts.crashed('messageerror')));
      // Counted from the request, so a worker that never starts cannot hang the batch either.
      const timer = setTimeout(() => replace(failed(this.o.texts.timeout(this.o.timeoutMs / 1000))), this.o.timeoutMs);
      if (this.ready) send();
    });
  }

  close(): void {
    this.worker?.terminate();
    this.worker = undefined;
    this.ready = false;
  }
}
