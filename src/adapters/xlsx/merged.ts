// The bureau's merged workbook as a file: write it from a merge result, and read an earlier one back
// (rows with their hidden keys, and the header fields) for `sfa merge --into`, with limits sized for a
// province round (README: 20,000 enterprises and more).
import type { Lang } from '../../domain/i18n/lang';
import { workbookReadText } from '../../domain/i18n/workbook-read';
import type { MergeResult, SummaryRow } from '../../domain/merge/types';
import type { Rubric } from '../../domain/rubric/schema';
import { cachedValue } from '../../workbook/inputs';
import { buildMergedWorkbook, summaryRowsFromValues, type SummaryHeader } from '../../workbook/merged-summary';
import { NAMES } from '../../workbook/names';
import { MERGED_NAMES, showArea } from './layout-names';
import { readWorkbookNames, verifyNames, WorkbookReadError, type OpenOptions } from './read';
import type { ReadLimits } from './workbook-reader';
import { writeWorkbook } from './write';

export async function writeMergedSummary(rubric: Rubric, result: MergeResult, header: SummaryHeader, lang: Lang): Promise<Buffer> {
  const { sheets, names } = buildMergedWorkbook(rubric, result, header, lang);
  return writeWorkbook({ rubricId: rubric.id, layoutVersion: 1, sheets, names, charts: [] });
}

/** Rows a merged summary may hold (the table and rows typed under it): five times a province round. */
export const MAX_SUMMARY_ROWS = 100_000;

/**
 * A merged summary: ~16 cells and ~12 strings per enterprise in 推荐汇总表, and 合并明细 (never inflated).
 * 100,000 rows of 16 cells, their strings and XML fit these with room; a real 20,000-enterprise summary
 * inflates to about 15 MB of the parts read.
 */
export const MERGED_LIMITS: ReadLimits = {
  maxEntries: 2000,
  maxInflatedBytes: 256 * 1024 * 1024,
  maxCells: 2_000_000,
  maxSharedStrings: 4_000_000,
  maxNames: 10_000,
  maxSheets: 1000,
};

export async function readMergedSummary(data: Uint8Array, lang: Lang = 'zh', options: OpenOptions = {}): Promise<{ rows: SummaryRow[]; header: SummaryHeader }> {
  const t = workbookReadText(lang);
  const { table } = MERGED_NAMES;
  const requests = [
    { name: table.name, maxCells: (table.c2 - table.c1 + 1) * MAX_SUMMARY_ROWS, toLastRow: { maxRows: MAX_SUMMARY_ROWS } },
    ...Object.keys(MERGED_NAMES.fixed).map((name) => ({ name, maxCells: 1 })),
  ];
  const read = await readWorkbookNames(data, requests, lang, options, MERGED_LIMITS);
  const values = read.values.get(table.name);
  const area = read.areas.get(table.name);
  if (!values || !area) throw new WorkbookReadError(t.notMerged);
  // The table grows with its rows: its sheet, columns and first row are fixed.
  if (area.sheet !== table.sheet || area.c1 !== table.c1 || area.c2 !== table.c2 || area.r1 !== table.r1) {
    const want = { sheet: table.sheet, c1: table.c1, r1: table.r1, c2: table.c2, r2: Math.max(table.r1, area.r2) };
    throw new WorkbookReadError(t.nameMoved(table.name, showArea(area), showArea(want), MERGED_NAMES.version));
  }
  verifyNames(read, new Map(Object.entries(MERGED_NAMES.fixed)), MERGED_NAMES.version, t);
  const one = (name: string) => {
    const v = cachedValue(read.values.get(name)?.values[0]?.[0] ?? null);
    return v === null || v === undefined || typeof v === 'object' ? '' : String(v);
  };
  return {
    rows: summaryRowsFromValues(values.values.map((row) => row.map(cachedValue))),
    header: { unit: one(NAMES.summaryUnit), contact: one(NAMES.summaryContact), phone: one(NAMES.summaryPhone) },
  };
}
