// Reads the picked files one at a time, yielding to the browser between files (a macrotask, so React paints
// the progress bar and the pane stays responsive), and reports each one as it is done.
import type { Lang } from '../../domain/i18n/lang';
import type { MergeInput } from '../../domain/merge/types';
import { getRubric } from '../../domain/rubrics';
import type { PaneStrings } from '../strings';
import { fileBytes } from './file-bytes';
import { readMergeInput } from './read-input';

/** Lets the browser render and handle input before the next file is parsed. */
export const yieldToUi = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export async function readMergeInputs(files: readonly File[], lang: Lang, s: PaneStrings, onProgress: (done: number, total: number) => void): Promise<MergeInput[]> {
  const inputs: MergeInput[] = [];
  for (const [i, file] of files.entries()) {
    const picked = { name: file.name, lastModified: file.lastModified };
    let bytes: Uint8Array | null = null;
    try {
      bytes = await fileBytes(file);
    } catch (e) {
      inputs.push({ file: file.name, modified: file.lastModified, rubric: getRubric()!, failure: s.merge.cannotRead((e as Error).message) });
    }
    if (bytes) inputs.push(await readMergeInput(picked, bytes, lang, s));
    onProgress(i + 1, files.length);
    await yieldToUi();
  }
  return inputs;
}
