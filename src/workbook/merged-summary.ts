// The bureau's merged workbook: the official 推荐汇总表 (values, in priority order, printable on A4 landscape)
// with the merge's hidden keys beside it, and 合并明细 listing every input file and every problem with its
// cell. Pure layout data, rendered by the .xlsx adapter (sfa merge) and the Office adapter (the pane).
import { SUMMARY_COLUMNS, type MergeResult, type StreamedReport, type SummaryRow, type Windowed } from '../domain/merge/types';
import type { MergedTables } from '../domain/bureau/merge';
import type { Lang } from '../domain/i18n/lang';
import type { Rubric, TierId } from '../domain/rubric/schema';
import { fmt2 } from '../domain/i18n/texts';
import { absRange, colNumber } from './a1';
import { parsePriority } from '../domain/merge/priority';
import { bureauLabels } from './merged-labels';
import { NAMES } from './names';
import { PRINT } from './styles';
import { SheetBuilder } from './sheet-builder';
import { SUMMARY_SHEET, summaryHeading } from './summary-sheet';
import type { CellValue, ChartSpec, NameSpec, SheetSpec, TableSpec } from './types';
import { bureauStats, type BureauStats } from '../domain/bureau/stats';
import { reviewRows, type ReviewRow } from '../domain/bureau/review';
import { buildReviewSheet, REVIEW_FIRST_ROW, REVIEW_SHEET } from './merged-review';
import { factsFromText, factsToText } from '../domain/bureau/facts';
import { buildStatsSheet } from './merged-stats';

export const DETAILS_SHEET = '合并明细';
/** Identifies a merged summary workbook (as SFA_LAYOUT_VERSION identifies an assessment workbook). */
export const MERGED_KIND = 'merged-summary';
export const MERGED_VERSION = 1;

/** Hidden columns after the nine printed ones: what a later merge needs to match and order rows. */
export const HIDDEN_KEYS = ['creditCode', 'tier', 'composite', 'fillDate', 'modified', 'source'] as const;

export interface SummaryHeader {
  unit: string;
  contact: string;
  phone: string;
}

const TABLE_FIRST_ROW = 4;
const DETAILS_FIRST_ROW = 3;
/** 推荐顺序, the bureau's column: after the hidden keys and the marker column P, so it shows beside 备注. */
export const PRIORITY_COLUMN = 'Q';
/** The facts of each row (factsToText), hidden under the kind marker of P1. */
const FACTS_COLUMN = 'P';

function rowValues(r: SummaryRow): CellValue[] {
  return [
    r.seq,
    r.enterpriseName,
    r.factoryName,
    r.cluster,
    r.industryChain,
    r.industry,
    r.contactName,
    r.contactMobile,
    r.remark,
    r.creditCode ?? null,
    r.tier ?? null,
    r.composite ?? null,
    r.fillDate ?? null,
    r.modified ?? null,
    r.source ?? null,
  ];
}

/** Items [from, to) of a long table: enterprises, review rows, or rows of 合并明细. */
interface Window {
  from: number;
  to: number;
}

/** Items per piece of a long table made for a writer that streams it: a piece is made, written and let go. */
export const PIECE_ITEMS = 1000;

/** How a long table is written by an adapter that streams it: its sheet, its first row, and its rows in pieces. */
export interface LongTable {
  sheet: string;
  /** The table's first row: every row after it is made like it. */
  from: number;
  /**
   * The sheet again for each run of the table's rows, in order, each with only that run's rows in its table (the
   * same sheet otherwise), from the table's first row to its last.
   */
  pieces: () => Iterable<SheetSpec>;
  /** The writer is done with this table: what its pieces are made from is let go (pieces() then throws). */
  done: () => void;
}

/**
 * The merged workbook: 推荐汇总表, 审核, 统计 and 合并明细. Given a plain merge result (no bureauMerge), 审核 and
 * 统计 are computed from the rows alone (what the files said is then unknown).
 *
 * `streamed` (for a writer that streams the long tables, ./table-rows.ts): the sheets returned hold only the first
 * row of each long table (validations, print areas and names still cover the whole table), and
 * `longTables[i].pieces()` makes the rest a thousand rows at a time as the writer takes them. A province round's
 * long tables are then never held whole, nor beside ExcelJS while it writes (bench/merge-phases.ts).
 */
export function buildMergedWorkbook(
  rubric: Rubric,
  given: MergedTables | (MergeResult & { stats?: BureauStats; review?: ReviewRow[] }),
  header: SummaryHeader,
  lang: Lang,
  options: { streamed?: boolean; pieceItems?: number } = {},
): {
  sheets: SheetSpec[];
  names: NameSpec[];
  charts: ChartSpec[];
  tables: TableSpec[];
  longTables: LongTable[];
} {
  const footed = (sheet: SheetSpec) => ((sheet.print.footer = PRINT.footer[lang]), sheet);
  const size = options.pieceItems ?? PIECE_ITEMS;
  const head = (total: number): Window => ({ from: 0, to: options.streamed ? Math.min(1, total) : total });
  const result = tablesOf(rubric, given, lang);
  const n = result.rows.length;
  // What each long table is made from, let go when the writer is done with that table (no closure here holds
  // `result` itself, so a caller that lets go of it frees each table's rows once they are written).
  let rows: Windowed<SummaryRow> | undefined = result.rows;
  let reviews: Windowed<ReviewRow> | undefined = result.review;
  let report: StreamedReport | undefined = result.report;
  const reviewCount = reviews.length;
  const need = <T>(source: T | undefined, sheet: string): T => {
    if (source === undefined) throw new Error(`${sheet}: its rows were asked for after the writer was done with them`);
    return source;
  };
  const summary = (w: Window) => footed(summarySheet(rubric, need(rows, SUMMARY_SHEET), header, lang, w));
  const review = (w: Window) => buildReviewSheet(need(reviews, REVIEW_SHEET), lang, w);
  const detailCount = detailRowCount(result.report);
  const details = (piece: CellValue[][], first: number, total = detailCount) => footed(detailsSheet(lang, piece, first, total));
  const reviewed = review(head(reviewCount));
  footed(reviewed.sheet);
  const stats = buildStatsSheet(rubric, result.stats, lang);
  footed(stats.sheet);
  const last = summaryLastRow(n);
  const names: NameSpec[] = [
    { name: NAMES.mergedKind, ref: absRange(SUMMARY_SHEET, 16, 1, 16, 1) },
    { name: NAMES.summaryUnit, ref: absRange(SUMMARY_SHEET, 3, 2, 3, 2) },
    { name: NAMES.summaryContact, ref: absRange(SUMMARY_SHEET, 6, 2, 6, 2) },
    { name: NAMES.summaryPhone, ref: absRange(SUMMARY_SHEET, 8, 2, 8, 2) },
    { name: NAMES.mergedTable, ref: absRange(SUMMARY_SHEET, 1, TABLE_FIRST_ROW, 9 + HIDDEN_KEYS.length, last) },
    { name: NAMES.mergedFacts, ref: absRange(SUMMARY_SHEET, colNumber(FACTS_COLUMN), TABLE_FIRST_ROW, colNumber(FACTS_COLUMN), last) },
    { name: NAMES.mergedOrder, ref: absRange(SUMMARY_SHEET, colNumber(PRIORITY_COLUMN), TABLE_FIRST_ROW, colNumber(PRIORITY_COLUMN), last) },
  ];
  const headDetails = [...take(detailRows(rubric, result.report, lang), head(detailCount).to)];
  // Whole, the sheet counts the rows it holds: the streamed sheets' count (detailRowCount) is then checked against
  // it by every comparison of the two files (test/adapters/xlsx/table-rows.test.ts).
  return {
    sheets: [summary(head(n)), reviewed.sheet, stats.sheet, details(headDetails, 0, options.streamed ? detailCount : headDetails.length)],
    names: [...names, ...reviewed.names],
    charts: stats.charts,
    tables: [reviewed.table],
    longTables: [
      { sheet: SUMMARY_SHEET, from: TABLE_FIRST_ROW, pieces: () => mapWindows(n, size, summary), done: () => (rows = undefined) },
      {
        sheet: REVIEW_SHEET,
        from: REVIEW_FIRST_ROW,
        pieces: () => mapWindows(reviewCount, size, (w) => footed(review(w).sheet)),
        done: () => (reviews = undefined),
      },
      {
        sheet: DETAILS_SHEET,
        from: DETAILS_FIRST_ROW,
        pieces: () => detailPieces(detailRows(rubric, need(report, DETAILS_SHEET), lang), size, details),
        done: () => (report = undefined),
      },
    ],
  };
}

/** The tables of a merge; of a plain merge result (no bureauMerge), 审核 and 统计 from its rows alone. */
function tablesOf(rubric: Rubric, given: MergedTables | (MergeResult & { stats?: BureauStats; review?: ReviewRow[] }), lang: Lang): MergedTables {
  if (given.stats !== undefined && given.review !== undefined) return given as MergedTables;
  const plain = given as MergeResult & { stats?: BureauStats; review?: ReviewRow[] };
  return {
    rows: plain.rows,
    report: plain.report,
    review: plain.review ?? reviewRows(rubric, plain, [], lang),
    stats: plain.stats ?? bureauStats(rubric, plain.rows, (r) => r.facts, lang),
  };
}

/** make(w) for each window of `size` items of `total` (one, empty, when there are none). */
function* mapWindows(total: number, size: number, make: (w: Window) => SheetSpec): Generator<SheetSpec> {
  if (total === 0) yield make({ from: 0, to: 0 });
  for (let from = 0; from < total; from += size) yield make({ from, to: Math.min(total, from + size) });
}

/** The first `n` items. */
function* take<T>(items: Iterable<T>, n: number): Generator<T> {
  if (n <= 0) return;
  let i = 0;
  for (const x of items) {
    yield x;
    if (++i >= n) return;
  }
}

/** 合并明细 made for each `size` of its rows (one sheet, with no rows, when there are none). */
function* detailPieces(rows: Iterable<CellValue[]>, size: number, make: (rows: CellValue[][], first: number) => SheetSpec): Generator<SheetSpec> {
  let piece: CellValue[][] = [];
  let first = 0;
  let made = false;
  for (const row of rows) {
    piece.push(row);
    if (piece.length === size) {
      yield make(piece, first);
      made = true;
      first += piece.length;
      piece = [];
    }
  }
  if (piece.length || !made) yield make(piece, first);
}

/** The last row of 推荐汇总表's table of n enterprises (its first row when there are none). */
const summaryLastRow = (n: number) => TABLE_FIRST_ROW + Math.max(n, 1) - 1;

const tierLabelOf = (rubric: Rubric, lang: Lang) => (t: TierId | null | undefined) =>
  t ? rubric.tiers.find((x) => x.id === t)!.label[lang] : rubric.tierLabelNone[lang];

/** 推荐汇总表 with the enterprises of window `w` in its table. */
function summarySheet(rubric: Rubric, rows: Windowed<SummaryRow>, header: SummaryHeader, lang: Lang, w: Window): SheetSpec {
  const B = bureauLabels(lang);
  const s = new SheetBuilder('summary', SUMMARY_SHEET).tab('7F3F9F');
  summaryHeading(s, lang, header);
  s.row('A3', [...SUMMARY_COLUMNS.map((c) => c.label.zh), ...HIDDEN_KEYS.map((k) => B.hiddenHeaders[k])], 'header');
  const last = summaryLastRow(rows.length);
  const shown = rows.slice(w.from, w.to);
  const top = TABLE_FIRST_ROW + w.from;
  if (shown.length) {
    // Text columns are '@' so nothing typed later turns into a number or a formula; 序号 and the hidden
    // composite and file time stay numbers (an Office.js value written into '@' would become text).
    const values = shown.map(rowValues);
    const cols = (from: number, to: number) => values.map((r) => r.slice(from, to));
    s.block(`A${top}`, cols(0, 1), 'wrap', { numFmt: '0' });
    s.block(`B${top}`, cols(1, 11), 'wrap', { numFmt: '@' });
    s.block(`L${top}`, cols(11, 12), 'wrap', { numFmt: '0.00' });
    s.block(`M${top}`, cols(12, 13), 'wrap', { numFmt: '@' });
    s.block(`N${top}`, cols(13, 14), 'wrap', { numFmt: '0' });
    s.block(`O${top}`, cols(14, 15), 'wrap', { numFmt: '@' });
  }
  // 推荐顺序: the bureau's own input (unlocked, a number ≥ 1); the next merge orders the rows by it.
  s.set(`${PRIORITY_COLUMN}3`, B.priority, 'header');
  s.column(
    `${PRIORITY_COLUMN}${top}`,
    shown.map((r) => r.priority ?? null),
    'input',
    { input: true, numFmt: '0' },
  );
  s.validate(`${PRIORITY_COLUMN}${TABLE_FIRST_ROW}:${PRIORITY_COLUMN}${last}`, {
    kind: 'decimal',
    min: 1,
    error: B.priorityError,
    prompt: B.priorityPrompt,
  });
  // What the statistics count of each enterprise beyond the printed columns, kept for the next merge (hidden).
  s.column(
    `${FACTS_COLUMN}${top}`,
    shown.map((r) => (r.facts ? factsToText(rubric, r.facts) : null)),
    'wrap',
    { numFmt: '@' },
  );
  s.widths(6, 28, 28, 14, 14, 18, 10, 14, 30, 20, 10, 10, 12, 14, 30, 4, 10).hideColumns('J', 'K', 'L', 'M', 'N', 'O').freeze(3);
  s.print(`A1:I${last}`, 'landscape', '1:3');
  const summary = s.build();
  summary.protect = false; // the bureau edits and stamps it
  // The kind marker lives in a hidden cell of the summary sheet (P1).
  summary.blocks.push({ at: 'P1', rows: [[`${MERGED_KIND}:${MERGED_VERSION}`]] });
  summary.hiddenColumns.push('P');
  return summary;
}

/** The rows of 合并明细 the report gives (a file or an existing row: one, or one per issue), without making them. */
function detailRowCount(report: StreamedReport): number {
  let n = report.existing.reduce((sum, e) => sum + Math.max(1, e.flags.length), 0);
  for (const f of report.files) n += Math.max(1, f.flags.length + f.errors.length + f.warnings.length);
  return n;
}

/** The rows of 合并明细, made one at a time. */
function* detailRows(rubric: Rubric, report: StreamedReport, lang: Lang): Generator<CellValue[]> {
  const B = bureauLabels(lang);
  const tierLabel = tierLabelOf(rubric, lang);
  const statusText = B.detailsStatus;
  for (const f of report.files) {
    // What the bureau must decide comes first (credit-code conflicts, dates, saved results), then the errors.
    const issues = [
      ...f.flags.map((x) => ({ path: x.path ?? '', sheet: x.sheet, cell: x.cell, message: x.message, kind: 'flag' as const })),
      ...f.errors.map((e) => ({ ...e, kind: 'error' as const })),
      ...f.warnings.map((w) => ({ ...w, kind: 'warning' as const })),
    ];
    const head: CellValue[] = [
      f.file,
      statusText[f.status]!,
      f.message,
      f.enterpriseName ?? '',
      f.creditCode ?? '',
      f.composite === null ? '' : fmt2(f.composite),
      f.tier === null ? '' : tierLabel(f.tier),
    ];
    if (issues.length === 0) yield [...head, '', ''];
    for (const [k, i] of issues.entries()) {
      const cell = i.sheet && i.cell ? `${i.sheet}!${i.cell}` : i.path;
      const text = B.detailsIssue(i.kind, i.message);
      yield k === 0 ? [...head, cell, text] : ['', '', '', '', '', '', '', cell, text];
    }
  }
  for (const e of report.existing) {
    const head: CellValue[] = [
      B.detailsExisting,
      e.status === 'kept' ? statusText.kept : statusText.replaced,
      e.message,
      e.row.enterpriseName,
      e.row.creditCode ?? '',
      e.row.composite == null ? '' : fmt2(e.row.composite),
      e.row.tier === undefined ? '' : tierLabel(e.row.tier),
    ];
    const flags = e.flags.map((x) => B.detailsIssue('flag', x.message));
    if (flags.length === 0) yield [...head, '', ''];
    for (const [k, text] of flags.entries()) yield k === 0 ? [...head, '', text] : ['', '', '', '', '', '', '', '', text];
  }
}

/** 合并明细 with `rows` as its table's rows from row `first` (0: the table's first row), of `total`. */
function detailsSheet(lang: Lang, rows: CellValue[][], first: number, total: number): SheetSpec {
  const B = bureauLabels(lang);
  const d = new SheetBuilder('result', DETAILS_SHEET).tab('C0392B');
  d.set('A1', B.detailsTitle, 'title').merge('A1:I1');
  d.row('A2', B.detailsHeaders, 'header');
  if (rows.length) d.block(`A${DETAILS_FIRST_ROW + first}`, rows, 'wrap', { numFmt: '@' });
  d.widths(22, 8, 24, 22, 20, 9, 9, 18, 50).freeze(2);
  d.print(`A1:I${Math.max(3, 2 + total)}`, 'landscape', '1:2');
  const details = d.build();
  details.protect = false;
  return details;
}

/**
 * Rows of an existing merged summary read back through SFA_MERGED_TABLE (blank rows dropped), with the
 * bureau's 推荐顺序 from SFA_MERGED_ORDER and the statistics' facts from SFA_MERGED_FACTS when given (row for row;
 * absent in summaries written before them).
 */
export function summaryRowsFromValues(values: unknown[][], order: unknown[][] = [], facts: unknown[][] = [], rubric?: Rubric): SummaryRow[] {
  const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));
  const out: SummaryRow[] = [];
  for (const [i, row] of values.entries()) {
    const [
      seq,
      enterpriseName,
      factoryName,
      cluster,
      industryChain,
      industry,
      contactName,
      contactMobile,
      remark,
      creditCode,
      tier,
      composite,
      fillDate,
      modified,
      source,
    ] = row;
    if (text(enterpriseName).trim() === '' && text(creditCode).trim() === '') continue;
    const r: SummaryRow = {
      seq: Number(seq) || 0,
      enterpriseName: text(enterpriseName),
      factoryName: text(factoryName),
      cluster: text(cluster),
      industryChain: text(industryChain),
      industry: text(industry),
      contactName: text(contactName),
      contactMobile: text(contactMobile),
      remark: text(remark),
    };
    if (text(creditCode)) r.creditCode = text(creditCode);
    const t = text(tier);
    r.tier = (['basic', 'advanced', 'excellent', 'leading'] as const).find((x) => x === t) ?? null;
    const c = text(composite);
    r.composite = c === '' ? null : Number.isFinite(Number(c)) ? Number(c) : null;
    if (text(fillDate)) r.fillDate = text(fillDate);
    if (text(modified) && Number.isFinite(Number(modified))) r.modified = Number(modified);
    if (text(source)) r.source = text(source);
    const priority = parsePriority(order[i]?.[0]);
    if (priority !== undefined) r.priority = priority;
    const f = facts[i]?.[0];
    const parsed = rubric && typeof f === 'string' ? factsFromText(rubric, f) : undefined;
    if (parsed) r.facts = parsed;
    if (parsed?.recognition) r.recognition = parsed.recognition;
    out.push(r);
  }
  return out;
}
