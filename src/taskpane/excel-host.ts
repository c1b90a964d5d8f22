// The pane's only door to Excel: every Excel.run lives here, components receive these actions as props.
import type { Rubric } from '../domain/rubric/schema';
import type { Assessment } from '../domain/assessment/types';
import type { Change } from '../domain/scoring/whatif';
import type { Lang } from '../domain/i18n/lang';
import { getRubric, DEFAULT_RUBRIC_ID } from '../domain/rubrics';
import { LAYOUT_VERSION } from '../workbook/version';
import type { InjectResult } from '../adapters/office/inject';
import { readWorkbookState, type WorkbookState } from '../adapters/office/read';
import { runOptions, withCellEditRetry } from '../adapters/office/retry';
import { cellForRecognition, cellsForChanges, selectCell, writeCells, writeSummaryHeader } from '../adapters/office/write-inputs';
import { subscribeToChanges } from '../adapters/office/live';
import type { HostFeatures } from '../adapters/office/features';
import type { MergeTarget } from '../adapters/office/merged';
import type { MergeResult, SummaryRow } from '../domain/merge/types';
import type { SummaryHeader } from '../workbook/merged-summary';

export interface ExcelActions {
  features: HostFeatures;
  layoutVersion: number;
  readState(): Promise<WorkbookState>;
  insert(): Promise<InjectResult>;
  selectCell(sheet: string, cell: string): Promise<void>;
  /** Writes the what-if changes over the sheet's answers `base` as the pane scored them (level, 符合程度, score). */
  applyChanges(rubric: Rubric, base: Assessment, changes: Change[]): Promise<void>;
  fillSummary(header: { unit: string; contact: string; phone: string }): Promise<void>;
  /** Writes 企业信息's 直接认定类别 (a class id of the rubric, or undefined to clear it). */
  setRecognition(rubric: Rubric, id: string | undefined): Promise<void>;
  /** What the workbook is for a bureau merge, with the rows and header of an earlier merged summary. */
  readMergeTarget(): Promise<MergeTarget>;
  /**
   * Reads the rows already there, merges them with `merge` and writes 推荐汇总表 and 合并明细, in one Excel.run;
   * `merge` returns null when there is nothing to write. Refuses an assessment workbook (AssessmentWorkbookError).
   */
  mergeInto(merge: (target: MergeTarget) => MergeResult | null, header: SummaryHeader, onWriting?: (done: number, total: number) => void): Promise<void>;
  /** Writes the printable 申报书 (.docx) of this assessment and hands it to the browser as a download; returns its file name. */
  saveApplication(rubric: Rubric, assessment: Assessment): Promise<string>;
  /**
   * Writes the bureau's cover letter (推荐函, as `sfa letter`) for the merged summary's rows and header, dated
   * today, and hands it to the browser as a download; returns its file name.
   */
  saveLetter(header: SummaryHeader, rows: readonly SummaryRow[]): Promise<string>;
  /** Calls `onChange` (already debounced by the caller) on edits; returns the unsubscribe. */
  subscribe(onChange: () => void): Promise<() => Promise<void>>;
}

type Run = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** Every Excel.run: delayed while the user edits a cell (or retried where the host cannot delay), never lost. */
const run: Run = (batch) =>
  withCellEditRetry(() =>
    Excel.run(
      runOptions((n, v) => Office.context.requirements.isSetSupported(n, v)),
      batch,
    ),
  );

export function createExcelActions(features: HostFeatures, lang: Lang): ExcelActions {
  return {
    features,
    layoutVersion: LAYOUT_VERSION,
    readState: () => run((ctx) => readWorkbookState(ctx, (id) => getRubric(id), lang)),
    insert: async () => {
      const state = await run((ctx) => readWorkbookState(ctx, (id) => getRubric(id), lang));
      const rubric = getRubric(state.rubricId ?? DEFAULT_RUBRIC_ID)!;
      // The layout builders and the injection code load on the first insert or upgrade, not with the pane.
      const [{ injectLayout }, { cachedLayout }] = await Promise.all([import('../adapters/office/inject'), import('../workbook/layout')]);
      return run((ctx) => injectLayout(ctx, cachedLayout(rubric, lang), features));
    },
    selectCell: (sheet, cell) => run((ctx) => selectCell(ctx, sheet, cell)),
    applyChanges: (rubric, base, changes) => run((ctx) => writeCells(ctx, cellsForChanges(rubric, base, changes))),
    fillSummary: (header) => run((ctx) => writeSummaryHeader(ctx, header)),
    setRecognition: (rubric, id) => run((ctx) => writeCells(ctx, [cellForRecognition(rubric, id)])),
    // The bureau merge's code is loaded when a bureau uses it, not with the first screen.
    readMergeTarget: async () => {
      const { readMergeTarget } = await import('../adapters/office/merged');
      return run((ctx) => readMergeTarget(ctx));
    },
    mergeInto: async (merge, header, onWriting) => {
      const [{ mergeIntoWorkbook }, { buildMergedWorkbook }] = await Promise.all([import('../adapters/office/merged'), import('../workbook/merged-summary')]);
      await run((ctx) =>
        mergeIntoWorkbook(
          ctx,
          (target) => {
            const result = merge(target);
            return result ? buildMergedWorkbook(getRubric()!, result, header, lang) : null;
          },
          features,
          { onProgress: onWriting },
        ),
      );
    },
    saveApplication: async (rubric, assessment) => {
      // The .docx writer loads only when someone prints the 申报书.
      const [{ applicationDocxBlob }, { getApplicationRubric }] = await Promise.all([
        import('../adapters/docx/application'),
        import('../domain/rubrics/applications'),
      ]);
      const app = getApplicationRubric(rubric.id);
      if (!app) throw new Error(rubric.id);
      const blob = await applicationDocxBlob({ app, rubric, assessment });
      const name = `${assessment.profile?.enterpriseName ?? ''}申报书.docx`.replace(/[\\/:*?"<>|]/g, '_');
      downloadBlob(blob, name);
      return name;
    },
    saveLetter: async (header, rows) => {
      // The .docx writer and the letter's words load only when a bureau saves the letter.
      const [{ letterContent }, { letterDocxBlob }, { localIsoDate }] = await Promise.all([
        import('../domain/bureau/letter'),
        import('../adapters/docx/letter'),
        import('../domain/profile/checks'),
      ]);
      const date = localIsoDate(new Date());
      const blob = await letterDocxBlob(letterContent(getRubric()!, { ...header, date, rows }));
      const name = `推荐函-${date}.docx`;
      downloadBlob(blob, name);
      return name;
    },
    subscribe: async (onChange) => {
      let context: Excel.RequestContext | undefined;
      const off = await run(async (ctx) => {
        context = ctx;
        return subscribeToChanges(ctx, onChange);
      });
      // The handlers are removed in their own context (events guide); the same retry path as every batch.
      return () => withCellEditRetry(() => Excel.run(context!, async () => off()));
    },
  };
}

/** Hands a file to the browser as a download (an object URL on a temporary link). */
function downloadBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
