// The bureau's merged workbook: the official 推荐汇总表 (values, in priority order, printable on A4 landscape)
// with the merge's hidden keys beside it, and 合并明细 listing every input file and every problem with its
// cell. Pure layout data, rendered by the .xlsx adapter (sfa merge) and the Office adapter (the pane).
import { SUMMARY_COLUMNS, type MergeResult, type SummaryRow } from '../domain/merge/types';
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

/**
 * The merged workbook: 推荐汇总表, 审核, 统计 and 合并明细. Given a plain merge result (no bureauMerge), 审核 and
 * 统计 are computed from the rows alone (what the files said is then unknown).
 */
export function buildMergedWorkbook(
  rubric: Rubric,
  result: MergeResult & { stats?: BureauStats; review?: ReviewRow[] },
  header: SummaryHeader,
  lang: Lang,
): {
  sheets: SheetSpec[];
  names: NameSpec[];
  charts: ChartSpec[];
  tables: TableSpec[];
  /** The first row of each sheet's table, one row per enterprise or file: every row after it is made like it. */
  longTables: { sheet: string; from: number }[];
} {
  const B = bureauLabels(lang);
  const tierLabel = (t: TierId | null | undefined) => (t ? rubric.tiers.find((x) => x.id === t)!.label[lang] : rubric.tierLabelNone[lang]);

  // 推荐汇总表
  const s = new SheetBuilder('summary', SUMMARY_SHEET).tab('7F3F9F');
  summaryHeading(s, lang, header);
  s.row('A3', [...SUMMARY_COLUMNS.map((c) => c.label.zh), ...HIDDEN_KEYS.map((k) => B.hiddenHeaders[k])], 'header');
  const last = TABLE_FIRST_ROW + Math.max(result.rows.length, 1) - 1;
  if (result.rows.length) {
    // Text columns are '@' so nothing typed later turns into a number or a formula; 序号 and the hidden
    // composite and file time stay numbers (an Office.js value written into '@' would become text).
    const values = result.rows.map(rowValues);
    const cols = (from: number, to: number) => values.map((r) => r.slice(from, to));
    s.block(`A${TABLE_FIRST_ROW}`, cols(0, 1), 'wrap', { numFmt: '0' });
    s.block(`B${TABLE_FIRST_ROW}`, cols(1, 11), 'wrap', { numFmt: '@' });
    s.block(`L${TABLE_FIRST_ROW}`, cols(11, 12), 'wrap', { numFmt: '0.00' });
    s.block(`M${TABLE_FIRST_ROW}`, cols(12, 13), 'wrap', { numFmt: '@' });
    s.block(`N${TABLE_FIRST_ROW}`, cols(13, 14), 'wrap', { numFmt: '0' });
    s.block(`O${TABLE_FIRST_ROW}`, cols(14, 15), 'wrap', { numFmt: '@' });
  }
  // 推荐顺序: the bureau's own input (unlocked, a number ≥ 1); the next merge orders the rows by it.
  s.set(`${PRIORITY_COLUMN}3`, B.priority, 'header');
  s.column(
    `${PRIORITY_COLUMN}${TABLE_FIRST_ROW}`,
    result.rows.map((r) => r.priority ?? null),
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
    `${FACTS_COLUMN}${TABLE_FIRST_ROW}`,
    result.rows.map((r) => (r.facts ? factsToText(r.facts) : null)),
    'wrap',
    { numFmt: '@' },
  );
  s.widths(6, 28, 28, 14, 14, 18, 10, 14, 30, 20, 10, 10, 12, 14, 30, 4, 10).hideColumns('J', 'K', 'L', 'M', 'N', 'O').freeze(3);
  s.print(`A1:I${last}`, 'landscape', '1:3');
  const summary = s.build();
  summary.protect = false; // the bureau edits and stamps it

  // 合并明细
  const d = new SheetBuilder('result', DETAILS_SHEET).tab('C0392B');
  d.set('A1', B.detailsTitle, 'title').merge('A1:I1');
  d.row('A2', B.detailsHeaders, 'header');
  const statusText = B.detailsStatus;
  const rows: CellValue[][] = [];
  for (const f of result.report.files) {
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
    if (issues.length === 0) rows.push([...head, '', '']);
    issues.forEach((i, k) => {
      const cell = i.sheet && i.cell ? `${i.sheet}!${i.cell}` : i.path;
      const text = B.detailsIssue(i.kind, i.message);
      rows.push(k === 0 ? [...head, cell, text] : ['', '', '', '', '', '', '', cell, text]);
    });
  }
  for (const e of result.report.existing) {
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
    if (flags.length === 0) rows.push([...head, '', '']);
    flags.forEach((text, k) => rows.push(k === 0 ? [...head, '', text] : ['', '', '', '', '', '', '', '', text]));
  }
  if (rows.length) d.block(`A${DETAILS_FIRST_ROW}`, rows, 'wrap', { numFmt: '@' });
  d.widths(22, 8, 24, 22, 20, 9, 9, 18, 50).freeze(2);
  d.print(`A1:I${Math.max(3, 2 + rows.length)}`, 'landscape', '1:2');
  const details = d.build();
  details.protect = false;

  const names: NameSpec[] = [
    { name: NAMES.mergedKind, ref: absRange(SUMMARY_SHEET, 16, 1, 16, 1) },
    { name: NAMES.summaryUnit, ref: absRange(SUMMARY_SHEET, 3, 2, 3, 2) },
    { name: NAMES.summaryContact, ref: absRange(SUMMARY_SHEET, 6, 2, 6, 2) },
    { name: NAMES.summaryPhone, ref: absRange(SUMMARY_SHEET, 8, 2, 8, 2) },
    { name: NAMES.mergedTable, ref: absRange(SUMMARY_SHEET, 1, TABLE_FIRST_ROW, 9 + HIDDEN_KEYS.length, last) },
    { name: NAMES.mergedFacts, ref: absRange(SUMMARY_SHEET, colNumber(FACTS_COLUMN), TABLE_FIRST_ROW, colNumber(FACTS_COLUMN), last) },
    { name: NAMES.mergedOrder, ref: absRange(SUMMARY_SHEET, colNumber(PRIORITY_COLUMN), TABLE_FIRST_ROW, colNumber(PRIORITY_COLUMN), last) },
  ];
  // The kind marker lives in a hidden cell of the summary sheet (P1).
  summary.blocks.push({ at: 'P1', rows: [[`${MERGED_KIND}:${MERGED_VERSION}`]] });
  summary.hiddenColumns.push('P');
  const stats = buildStatsSheet(rubric, result.stats ?? bureauStats(rubric, result.rows, (r) => r.facts, lang), lang);
  const review = buildReviewSheet(result.review ?? reviewRows(rubric, result, [], lang), lang);
  for (const sheet of [summary, review.sheet, stats.sheet, details]) sheet.print.footer = PRINT.footer[lang];
  return {
    sheets: [summary, review.sheet, stats.sheet, details],
    names: [...names, ...review.names],
    charts: stats.charts,
    tables: [review.table],
    longTables: [
      { sheet: SUMMARY_SHEET, from: TABLE_FIRST_ROW },
      { sheet: REVIEW_SHEET, from: REVIEW_FIRST_ROW },
      { sheet: DETAILS_SHEET, from: DETAILS_FIRST_ROW },
    ],
  };
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
