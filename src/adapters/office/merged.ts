// The bureau's merged summary in the open workbook. `readMergeTarget` says in one sync what the workbook is —
// blank, an enterprise assessment (never written into), or a merged summary with its rows and header, read
// back for a merge that keeps them as `sfa merge --into` does. `writeMergedSheets` writes 推荐汇总表 and
// 合并明细 as the layout describes them: one sync to look, one to write everything, one to restore events.
import type { SummaryRow } from '../../domain/merge/types';
import { DETAILS_SHEET, summaryRowsFromValues, type SummaryHeader } from '../../workbook/merged-summary';
import { NAMES } from '../../workbook/names';
import { rangeBounds, range as a1Range, splitRef } from '../../workbook/a1';
import { SUMMARY_SHEET } from '../../workbook/summary-sheet';
import { STATS_SHEET } from '../../workbook/merged-stats';
import { REVIEW_SHEET, reviewsFromValues } from '../../workbook/merged-review';
import { withEarlierReviews } from '../../domain/bureau/review';
import { getRubric } from '../../domain/rubrics';
import type { ChartSpec, NameSpec, SheetSpec, TableSpec } from '../../workbook/types';
import type { HostFeatures } from './features';
import { SheetNameClashError, writeSheets } from './inject';
import type { WriteBatchOptions } from './batch';
import { queueChart, queueTable } from './render';

/** What a chart's (or a table's) calls add to a request, generously: type, source, name, title, position. */
const CHART_CALL_BYTES = 2000;

/** What buildMergedWorkbook describes: the sheets, their names, the charts of 统计 and the table of 审核. */
export interface MergedSheets {
  sheets: SheetSpec[];
  names: NameSpec[];
  charts?: ChartSpec[];
  tables?: TableSpec[];
}

export type MergeTargetKind = 'blank' | 'assessment' | 'merged';

export interface MergeTarget {
  kind: MergeTargetKind;
  /** The rows already in the merged summary (empty unless `kind` is 'merged'). */
  rows: SummaryRow[];
  header: SummaryHeader;
  /** Sheets named 推荐汇总表 or 合并明细 that are not a merged summary's: never overwritten. */
  clashes: string[];
}

/** The merge refuses an enterprise's assessment workbook: a bureau merges into a new, blank workbook. */
export class AssessmentWorkbookError extends Error {
  constructor() {
    super('this is an enterprise assessment workbook (SFA_LAYOUT_VERSION): merge into a new blank workbook');
    this.name = 'AssessmentWorkbookError';
  }
}

const MERGED_SHEETS = [SUMMARY_SHEET, REVIEW_SHEET, STATS_SHEET, DETAILS_SHEET];

interface Probe {
  sheetNames: Set<string>;
  nameIds: Set<string>;
  kind: MergeTargetKind;
}

const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));

/** Queues what every look at the workbook needs; the returned function reads it after the sync. */
function queueProbe(context: Excel.RequestContext): () => Probe {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name');
  const names = context.workbook.names;
  names.load('items/name');
  return () => {
    const nameIds = new Set(names.items.map((n) => n.name));
    const kind: MergeTargetKind = nameIds.has(NAMES.layoutVersion)
      ? 'assessment'
      : nameIds.has(NAMES.mergedKind) || nameIds.has(NAMES.mergedTable)
        ? 'merged'
        : 'blank';
    return { sheetNames: new Set(sheets.items.map((s) => s.name)), nameIds, kind };
  };
}

const clashesOf = (p: Probe) => (p.kind === 'blank' ? MERGED_SHEETS.filter((n) => p.sheetNames.has(n)) : []);

export async function readMergeTarget(context: Excel.RequestContext): Promise<MergeTarget> {
  const probe = queueProbe(context);
  const names = context.workbook.names;
  const value = (name: string) => {
    const r = names.getItemOrNullObject(name).getRangeOrNullObject();
    r.load('values');
    return r;
  };
  const table = value(NAMES.mergedTable);
  table.load('address');
  const order = value(NAMES.mergedOrder);
  order.load('address');
  const facts = value(NAMES.mergedFacts);
  facts.load('address');
  const review = value(NAMES.reviewTable);
  review.load('address');
  const [unit, contact, phone] = [NAMES.summaryUnit, NAMES.summaryContact, NAMES.summaryPhone].map(value);
  const used = context.workbook.worksheets.getItemOrNullObject(SUMMARY_SHEET).getUsedRangeOrNullObject(true);
  used.load('address');
  await context.sync();
  const p = probe();
  const one = (r: Excel.Range) => (r.isNullObject ? '' : text(r.values[0]?.[0]));
  if (p.kind !== 'merged') return { kind: p.kind, rows: [], header: { unit: '', contact: '', phone: '' }, clashes: clashesOf(p) };
  const values = table.isNullObject ? [] : [...table.values];
  // The bureau's 推荐顺序, row for row beside the table (absent in summaries written before it had one).
  const besideTable = (r: Excel.Range) =>
    !table.isNullObject && !r.isNullObject && rangeBounds(splitRef(r.address).range).r1 === rangeBounds(splitRef(table.address).range).r1;
  const orderValues = besideTable(order) ? [...order.values] : [];
  const factValues = besideTable(facts) ? [...facts.values] : [];
  // Rows a person typed under the table: the name does not grow with them, so read on to the last used row.
  if (!table.isNullObject && !used.isNullObject) {
    const t = rangeBounds(splitRef(table.address).range);
    const lastUsed = rangeBounds(splitRef(used.address).range).r2;
    if (splitRef(table.address).sheet === SUMMARY_SHEET && lastUsed > t.r2) {
      const ws = context.workbook.worksheets.getItem(SUMMARY_SHEET);
      const below = ws.getRange(a1Range(t.c1, t.r2 + 1, t.c2, lastUsed));
      below.load('values');
      const columnBelow = (r: Excel.Range) => {
        const o = besideTable(r) ? rangeBounds(splitRef(r.address).range) : undefined;
        const more = o && o.r2 === t.r2 ? ws.getRange(a1Range(o.c1, o.r2 + 1, o.c1, lastUsed)) : undefined;
        more?.load('values');
        return more;
      };
      const orderBelow = columnBelow(order);
      const factsBelow = columnBelow(facts);
      await context.sync();
      values.push(...below.values);
      if (orderBelow) orderValues.push(...orderBelow.values);
      if (factsBelow) factValues.push(...factsBelow.values);
    }
  }
  return {
    kind: 'merged',
    rows: withEarlierReviews(summaryRowsFromValues(values, orderValues, factValues, getRubric()), reviewsFromValues(review.isNullObject ? [] : review.values)),
    header: { unit: one(unit!), contact: one(contact!), phone: one(phone!) },
    clashes: [],
  };
}

/**
 * Writes the merged workbook's sheets and names (from buildMergedWorkbook) into a blank workbook or over an
 * earlier merged summary. Refuses an assessment workbook and foreign sheets of the same names, untouched.
 */
export async function writeMergedSheets(
  context: Excel.RequestContext,
  built: MergedSheets,
  features: HostFeatures,
  batch: WriteBatchOptions = {},
): Promise<{ syncs: number; requests: number[] }> {
  const probe = queueProbe(context);
  await context.sync();
  const p = probe();
  if (p.kind === 'assessment') throw new AssessmentWorkbookError();
  const clashes = clashesOf(p);
  if (clashes.length) throw new SheetNameClashError(clashes);
  // A sheet with charts or a table is replaced, not emptied: an emptied sheet keeps both. Their calls go through
  // the write batch, so that no request grows past Excel's limit however many there are.
  const charts = features.charts ? (built.charts ?? []) : [];
  const tables = built.tables ?? [];
  const replaced = new Set([...charts, ...tables].map((x) => x.sheet));
  for (const name of replaced) if (p.sheetNames.has(name)) context.workbook.worksheets.getItem(name).delete();
  const existing = { ...p, sheetNames: new Set([...p.sheetNames].filter((n) => !replaced.has(n))) };
  const sheetOf = (name: string) => context.workbook.worksheets.getItem(name);
  const written = await writeSheets(context, { ...built, charts: [] }, existing, features, {
    literal: true,
    batch,
    more: (b) => {
      charts.forEach((c, i) => b.addCall(CHART_CALL_BYTES, () => queueChart(sheetOf(c.sheet), c, i)));
      for (const t of tables) b.addCall(CHART_CALL_BYTES, () => queueTable(sheetOf(t.sheet), t));
    },
    last: (sheets) => sheets[0]?.ws.activate(),
  });
  return { syncs: 1 + written.syncs, requests: written.requests };
}

/**
 * Reads the target, lets `compute` merge with its rows, and writes the result, in one Excel.run: the rows a
 * merge keeps are the ones in the workbook a moment before it is written. `compute` returns null to write
 * nothing (no usable rows).
 */
export async function mergeIntoWorkbook(
  context: Excel.RequestContext,
  compute: (target: MergeTarget) => MergedSheets | null,
  features: HostFeatures,
  batch: WriteBatchOptions = {},
): Promise<{ written: boolean }> {
  const target = await readMergeTarget(context);
  if (target.kind === 'assessment') throw new AssessmentWorkbookError();
  if (target.clashes.length) throw new SheetNameClashError(target.clashes);
  const built = compute(target);
  if (!built) return { written: false };
  await writeMergedSheets(context, built, features, batch);
  return { written: true };
}
