// The bureau's merged workbook as a file: write it from a merge result, and read an earlier one back
// (rows with their hidden keys, the bureau's 推荐顺序 and the header fields) for `sfa merge --into`, with
// limits sized for a province round (README: 20,000 enterprises and more).
import type { Lang } from '../../domain/i18n/lang';
import { workbookReadText } from '../../domain/i18n/workbook-read';
import type { MergeResult, SummaryRow } from '../../domain/merge/types';
import type { MergedTables } from '../../domain/bureau/merge';
import type { Rubric } from '../../domain/rubric/schema';
import { cachedValue } from '../../workbook/inputs';
import { buildMergedWorkbook, summaryRowsFromValues, type SummaryHeader } from '../../workbook/merged-summary';
import { NAMES } from '../../workbook/names';
import { showArea } from './layout-names';
import { MERGED_NAMES } from './merged-names';
import type { Area } from './parts';
import { readWorkbookNames, verifyNames, WorkbookReadError, type OpenOptions } from './read';
import type { NamedRead, ReadLimits } from './workbook-reader';
import { writeWorkbook } from './write';
import type { ByteSink } from './zip-writer';
import { getRubric } from '../../domain/rubrics';
import { withEarlierReviews } from '../../domain/bureau/review';
import { reviewsFromValues } from '../../workbook/merged-review';
import { ownCopy } from '../../domain/text/pool';

/**
 * The merged workbook as a file. Each long table is made from `result` a piece at a time as it is written (from a
 * plan's MergedTables, made then; a MergeResult is held until the last is written). With a `sink` (the file being
 * written), the bytes are given to it part by part and not returned. `sharedStrings`: how many strings the long
 * tables may add to the shared strings, the rest written in their cells (SHARED_STRINGS_ADDED_MAX; tests lower it).
 */
export async function writeMergedSummary(
  rubric: Rubric,
  result: MergeResult | MergedTables,
  header: SummaryHeader,
  lang: Lang,
  sink?: ByteSink,
  sharedStrings?: number,
): Promise<Buffer> {
  // ExcelJS writes each long table down to its first row, all the layout holds of it; the rest is made a piece at
  // a time as it is appended.
  const { sheets, names, charts, tables, longTables } = buildMergedWorkbook(rubric, result, header, lang, { streamed: true });
  return writeWorkbook({ rubricId: rubric.id, layoutVersion: 1, sheets, names, charts, tables }, undefined, { streamed: longTables, sink, sharedStrings });
}

/** Rows a merged summary may hold (the table and rows typed under it): five times a province round. */
export const MAX_SUMMARY_ROWS = 100_000;

/**
 * A merged summary: ~17 cells and ~12 strings per enterprise in 推荐汇总表; 合并明细 and the other sheets are
 * never inflated. 100,000 rows fit these with room; a 20,000-enterprise summary reads ~15 MB of XML.
 */
export const MERGED_LIMITS: ReadLimits = {
  maxEntries: 2000,
  maxInflatedBytes: 256 * 1024 * 1024,
  maxCells: 2_000_000,
  maxSharedStrings: 4_000_000,
  maxNames: 10_000,
  maxSheets: 1000,
};

/** A column area growing with the table: its sheet, columns and first row are fixed, its last row is the table's. */
function checkColumns(
  name: string,
  got: Area,
  want: { sheet: string; c1: number; c2: number; r1: number },
  lastRow: number,
  t: ReturnType<typeof workbookReadText>,
) {
  if (got.sheet === want.sheet && got.c1 === want.c1 && got.c2 === want.c2 && got.r1 === want.r1 && got.r2 === lastRow) return;
  throw new WorkbookReadError(t.nameMoved(name, showArea(got), showArea({ ...want, r2: lastRow }), MERGED_NAMES.version));
}

export async function readMergedSummary(
  data: Uint8Array,
  lang: Lang = 'zh',
  options: OpenOptions = {},
  rubric: Rubric = getRubric()!,
): Promise<{ rows: SummaryRow[]; header: SummaryHeader }> {
  const t = workbookReadText(lang);
  const { table, order, facts, review } = MERGED_NAMES;
  // Rows typed under the table (the names do not grow with them) are read too, row for row in both names.
  const toLastRow = { maxRows: MAX_SUMMARY_ROWS };
  // Read in two passes, one sheet's names each (推荐汇总表's, then 审核's): a 20,000-enterprise summary is
  // 800,000 cells, over half of them 审核's, and one pass held them all at once (heap 128 MB, peak RSS 257 MB for
  // `--into`); the second pass inflates the shared strings again.
  const read = await readWorkbookNames(
    data,
    [
      { name: table.name, maxCells: (table.c2 - table.c1 + 1) * MAX_SUMMARY_ROWS, toLastRow },
      { name: order.name, maxCells: MAX_SUMMARY_ROWS, toLastRow },
      { name: facts.name, maxCells: MAX_SUMMARY_ROWS, toLastRow },
      ...Object.keys(MERGED_NAMES.fixed).map((name) => ({ name, maxCells: 1 })),
    ],
    lang,
    options,
    MERGED_LIMITS,
  );
  const values = read.values.get(table.name);
  const area = read.areas.get(table.name);
  if (!values || !area) throw new WorkbookReadError(t.notMerged);
  checkColumns(table.name, area, table, Math.max(table.r1, area.r2), t);
  // 推荐顺序 is absent in summaries written before it existed.
  const orderArea = read.areas.get(order.name);
  if (orderArea) checkColumns(order.name, orderArea, order, area.r2, t);
  // The statistics' facts and 审核 are absent in summaries written before them; 审核 has rows of its own.
  const factsArea = read.areas.get(facts.name);
  if (factsArea) checkColumns(facts.name, factsArea, facts, factsArea.r2, t); // row for row from r1; its length may differ
  verifyNames(read, new Map(Object.entries(MERGED_NAMES.fixed)), MERGED_NAMES.version, t);
  const one = (name: string) => {
    const v = cachedValue(read.values.get(name)?.values[0]?.[0] ?? null);
    return v === null || v === undefined || typeof v === 'object' ? '' : String(v);
  };
  const header = { unit: one(NAMES.summaryUnit), contact: one(NAMES.summaryContact), phone: one(NAMES.summaryPhone) };
  // Each name's cells become their cached values in place, and are let go once made into rows: a province
  // summary is hundreds of thousands of cells, never held twice. A text read from the file may be a slice of
  // the whole shared-strings part (V8 keeps the part alive for it): the rows keep copies of their own, one per
  // distinct text (12 MB less for a 20,000-enterprise summary).
  const copies = new Map<string, string>();
  const own = (v: unknown) => {
    if (typeof v !== 'string' || v.length < 13) return v; // V8 copies shorter slices
    let c = copies.get(v);
    if (c === undefined) copies.set(v, (c = ownCopy(v)));
    return c;
  };
  const take = (from: NamedRead, name: string): unknown[][] => {
    const rows = (from.values.get(name)?.values ?? []) as unknown[][];
    from.values.delete(name);
    for (const row of rows) for (let j = 0; j < row.length; j++) row[j] = own(cachedValue(row[j] as never));
    return rows;
  };
  const rows = summaryRowsFromValues(take(read, table.name), take(read, order.name), take(read, facts.name), rubric);

  const second = await readWorkbookNames(data, [{ name: review.name, maxCells: (review.c2 - review.c1 + 1) * MAX_SUMMARY_ROWS }], lang, options, MERGED_LIMITS);
  const reviewArea = second.areas.get(review.name);
  if (reviewArea) checkColumns(review.name, reviewArea, reviewArea.c2 === MERGED_NAMES.reviewBefore.c2 ? MERGED_NAMES.reviewBefore : review, reviewArea.r2, t);
  return { rows: withEarlierReviews(rows, reviewsFromValues(take(second, review.name))), header };
}
