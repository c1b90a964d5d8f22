// The pane's bureau merge, start to end, as `sfa merge --into` does it: refuse an assessment workbook before
// reading anything, read the files one at a time, then — in one Excel.run — read the rows already in the
// workbook (so edits made meanwhile count), merge, and write both sheets in one batch.
import type { Lang } from '../../domain/i18n/lang';
import { mergeSummary } from '../../domain/merge/plan';
import { bureauMerge } from '../../domain/bureau/merge';
import type { MergeReport, MergeResult, SummaryRow } from '../../domain/merge/types';
import { getRubric } from '../../domain/rubrics';
import { localIsoDate } from '../../domain/profile/checks';
import { cachedLayout } from '../../workbook/layout';
import { cellForPath } from '../../workbook/paths';
import type { SummaryHeader } from '../../workbook/merged-summary';
import { AssessmentWorkbookError, type MergeTarget } from '../../adapters/office/merged';
import { SheetNameClashError } from '../../adapters/office/inject';
import type { PaneStrings } from '../strings';
import { readMergeInputs, type MergeSource } from './read-inputs';

export interface MergeHost {
  readMergeTarget(): Promise<MergeTarget>;
  mergeInto(merge: (target: MergeTarget) => MergeResult | null, header: SummaryHeader, onWriting?: (done: number, total: number) => void): Promise<void>;
  /** The cover letter (推荐函) of a merged summary as a download; returns the file name. */
  saveLetter(header: SummaryHeader, rows: readonly SummaryRow[]): Promise<string>;
}

export type MergeOutcome =
  { kind: 'refused' } | { kind: 'clash'; sheets: string[] } | { kind: 'nothing'; report: MergeReport } | { kind: 'written'; report: MergeReport };

export interface RunMergeOptions {
  lang: Lang;
  strings: PaneStrings;
  strict: boolean;
  header: SummaryHeader;
  onProgress(done: number, total: number): void;
  /** The write's progress when it takes more than one request (rows written of all). */
  onWriting?(done: number, total: number): void;
}

const refusal = (t: MergeTarget): MergeOutcome | null =>
  t.kind === 'assessment' ? { kind: 'refused' } : t.clashes.length ? { kind: 'clash', sheets: t.clashes } : null;

export async function runMerge(host: MergeHost, files: readonly MergeSource[], o: RunMergeOptions): Promise<MergeOutcome> {
  const early = refusal(await host.readMergeTarget());
  if (early) return early;
  const inputs = await readMergeInputs(files, o.lang, o.strings, o.onProgress);
  const rubric = getRubric()!;
  const layout = cachedLayout(rubric, o.lang);
  let result: MergeResult | undefined;
  try {
    // Merged with the rows in the workbook as it is when written, not as it was before the files were read.
    await host.mergeInto(
      (target) => {
        result = bureauMerge(rubric, target.rows, inputs, {
          strict: o.strict,
          lang: o.lang,
          today: localIsoDate(new Date()),
          locate: (path, input) => cellForPath(layout, input.rubric, path),
        });
        return result.rows.length > 0 ? result : null;
      },
      o.header,
      o.onWriting,
    );
  } catch (e) {
    if (e instanceof AssessmentWorkbookError) return { kind: 'refused' };
    if (e instanceof SheetNameClashError) return { kind: 'clash', sheets: e.sheets };
    throw e;
  }
  if (!result || result.rows.length === 0) return { kind: 'nothing', report: (result ?? mergeSummary([], inputs, { lang: o.lang })).report };
  return { kind: 'written', report: result.report };
}
