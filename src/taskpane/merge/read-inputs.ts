// Reads the picked files one at a time and reports each one as it is done. Where the browser has Web Workers
// the files are parsed in one (worker-client.ts: a time limit per file, and the pane's thread stays free);
// elsewhere (jsdom in the tests, a host that cannot start the worker) on this thread, yielding to the browser
// between files (a macrotask, so React paints the progress bar and the pane stays responsive).
import type { Lang } from '../../domain/i18n/lang';
import type { MergeInput } from '../../domain/merge/types';
import { getRubric } from '../../domain/rubrics';
import type { PaneStrings } from '../strings';
import { fileBytes } from './file-bytes';
import type { NamedFile } from './pick-files';
import { readMergeInput } from './read-input';
import { sha256Hex } from './sha256';
import { MERGE_FILE_TIMEOUT_MS, MergeWorkerClient, type MergeFileReader } from './worker-client';

/** Lets the browser render and handle input before the next file is parsed. */
export const yieldToUi = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** The reader of one batch: the merge worker where there is one, else this thread. */
async function batchReader(s: PaneStrings): Promise<MergeFileReader> {
  const inThread: MergeFileReader = { read: (file, bytes, lang) => readMergeInput(file, bytes, lang, s), close: () => undefined };
  if (typeof Worker === 'undefined') return inThread;
  try {
    const { spawnMergeWorker } = await import('./spawn-merge-worker');
    return new MergeWorkerClient(spawnMergeWorker, {
      timeoutMs: MERGE_FILE_TIMEOUT_MS,
      texts: { timeout: s.merge.readTimeout, crashed: s.merge.readCrashed },
      fallback: inThread.read,
    });
  } catch {
    return inThread; // the chunk that starts the worker did not load
  }
}

/** A file as picked, or with the name 合并明细 gives it (its path inside a folder picked or dropped). */
export type MergeSource = File | NamedFile;
const named = (f: MergeSource): NamedFile => ('file' in f ? f : { file: f, name: f.name });

export async function readMergeInputs(
  files: readonly MergeSource[],
  lang: Lang,
  s: PaneStrings,
  onProgress: (done: number, total: number) => void,
): Promise<MergeInput[]> {
  const reader = await batchReader(s);
  const inputs: MergeInput[] = [];
  try {
    for (const [i, source] of files.entries()) {
      const { file, name } = named(source);
      const picked = { name, lastModified: file.lastModified };
      let bytes: Uint8Array | null = null;
      try {
        bytes = await fileBytes(file);
      } catch (e) {
        inputs.push({ file: name, modified: file.lastModified, rubric: getRubric()!, failure: s.merge.cannotRead((e as Error).message) });
      }
      if (bytes) {
        // Hashed before reading: the bytes may be handed over to the worker.
        const sha256 = await sha256Hex(bytes);
        const input = await reader.read(picked, bytes, lang);
        inputs.push(sha256 !== undefined && input.failure === undefined ? { ...input, sha256 } : input);
      }
      onProgress(i + 1, files.length);
      await yieldToUi();
    }
  } finally {
    reader.close();
  }
  return inputs;
}
