// 审核: one row per enterprise of the merged table, as an Excel table (sortable, filterable) with the
// reviewer's own columns 审核意见 and 是否推荐 (unlocked inputs, kept by the next merge through the hidden
// key column). The rows are computed by reviewRows (src/domain/bureau/review.ts); this lays them out.
import type { Windowed } from '../domain/merge/types';
import {
  REVIEW_COLUMNS,
  REVIEW_COLUMNS_BEFORE_RECOGNITION,
  RECOMMEND_CHOICES,
  earlierReviews,
  reviewCells,
  type ReviewColumn,
  type ReviewRow,
} from '../domain/bureau/review';
import type { Lang } from '../domain/i18n/lang';
import { absRange, colLetter } from './a1';
import { bureauLabels } from './merged-labels';
import { NAMES } from './names';
import { firstPageLastColumn } from './print-pages';
import { SheetBuilder } from './sheet-builder';
import type { NameSpec, SheetSpec, TableSpec } from './types';

export const REVIEW_SHEET = '审核';
export const REVIEW_FIRST_ROW = 4;
const FIRST_ROW = REVIEW_FIRST_ROW;
/** The hidden key column after the visible ones. */
const KEY_COL = REVIEW_COLUMNS.length + 1;

const WIDTHS: Record<ReviewColumn, number> = {
  seq: 6,
  enterpriseName: 26,
  creditCode: 21,
  attention: 8,
  tier: 9,
  composite: 9,
  recognition: 20,
  cachedTier: 9,
  cachedComposite: 9,
  resultCheck: 30,
  creditCheck: 22,
  duplicates: 26,
  missing: 18,
  problems: 14,
  application: 24,
  dateCheck: 22,
  file: 24,
  fileDate: 17,
  fillDate: 11,
  sha256: 24,
  opinion: 30,
  recommend: 9,
};
const CHUNK = 200;
const NUMBER_COLUMNS = new Set<ReviewColumn>(['seq', 'composite', 'cachedComposite']);

/**
 * 审核, with the rows [window.from, window.to) of its table in blocks (all of them by default); everything else
 * (validation, paint, print area, the table and its name) covers every row.
 */
export function buildReviewSheet(
  rows: Windowed<ReviewRow>,
  lang: Lang,
  window = { from: 0, to: rows.length },
): { sheet: SheetSpec; names: NameSpec[]; table: TableSpec } {
  const B = bureauLabels(lang);
  const s = new SheetBuilder('review', REVIEW_SHEET).tab('548235');
  const lastCol = colLetter(REVIEW_COLUMNS.length);
  // From C: 序号 and 企业名称 (A:B) repeat on the page printed to the right, and a title or note starting in them
  // would print there cut to their width (「参考等级和综合得分由本工具按各项填写重新i」).
  s.set('C1', B.reviewTitle, 'title').merge(`C1:${lastCol}1`);
  s.set('C2', B.reviewNote, 'note').merge(`C2:${lastCol}2`);
  const headers = [...REVIEW_COLUMNS.map((c) => B.reviewHeaders[c]), B.reviewKeyHeader];
  s.row('A3', headers, 'header');
  const last = FIRST_ROW + Math.max(rows.length, 1) - 1;
  if (rows.length) {
    // Runs of columns written alike (numbers stay numbers, every text column is '@', so nothing turns into a
    // formula), one block per run: a province round's 审核 is not an array per cell.
    const runs: { from: number; to: number; style: 'wrap' | 'inputWrap' | 'helper'; numFmt: string; input: boolean }[] = [];
    [...REVIEW_COLUMNS, 'key' as const].forEach((c, j) => {
      const input = c === 'opinion' || c === 'recommend';
      // The key is hidden: never wrapped (LibreOffice prints a hidden column's wrapped text).
      const style = c === 'key' ? 'helper' : input ? 'inputWrap' : 'wrap';
      const numFmt = c === 'seq' ? '0' : c !== 'key' && NUMBER_COLUMNS.has(c) ? '0.00' : '@';
      const run = runs[runs.length - 1];
      if (run && run.style === style && run.numFmt === numFmt && run.to === j) run.to = j + 1;
      else runs.push({ from: j, to: j + 1, style, numFmt, input });
    });
    // In chunks of rows, so that no single block makes an Office.js request too large for a province round.
    const to = Math.min(rows.length, window.to);
    for (let from = window.from; from < to; from += CHUNK) {
      const cells = rows.slice(from, Math.min(from + CHUNK, to)).map((r) => [...reviewCells(r), r.key]);
      for (const run of runs)
        s.block(
          `${colLetter(run.from + 1)}${FIRST_ROW + from}`,
          cells.map((r) => r.slice(run.from, run.to)),
          run.style,
          { numFmt: run.numFmt, ...(run.input ? { input: true } : {}) },
        );
    }
  } else {
    const col = (c: ReviewColumn) => colLetter(REVIEW_COLUMNS.indexOf(c) + 1);
    s.set(`${col('opinion')}${FIRST_ROW}`, null, 'inputWrap', { input: true, numFmt: '@' }).set(`${col('recommend')}${FIRST_ROW}`, null, 'inputWrap', {
      input: true,
      numFmt: '@',
    });
  }
  const recommendCol = colLetter(REVIEW_COLUMNS.indexOf('recommend') + 1);
  s.validate(`${recommendCol}${FIRST_ROW}:${recommendCol}${last}`, {
    kind: 'list',
    source: `"${RECOMMEND_CHOICES[lang].join(',')}"`,
    allowBlank: true,
    error: B.recommendError,
    prompt: B.recommendPrompt,
  });
  const attentionCol = colLetter(REVIEW_COLUMNS.indexOf('attention') + 1);
  s.paint(`${attentionCol}${FIRST_ROW}:${attentionCol}${last}`, `$${attentionCol}${FIRST_ROW}<>""`, 'warning');
  s.widths(...REVIEW_COLUMNS.map((c) => WIDTHS[c]), 24)
    .hideColumns(colLetter(KEY_COL))
    .freeze(3, 2);
  // Only the header row repeats: the title and the note above it span the first page across only, and
  // repeated on the right-hand page they would print cut off.
  s.print(`A1:${lastCol}${last}`, 'landscape', '3:3');
  const sheet = s.build();
  // Two pages across, 序号 and 企业名称 on each: on one page its twenty columns print at 4 pt. The title and
  // the note span the first page only, so neither is split between pages.
  sheet.print.pagesWide = 2;
  sheet.print.titleColumns = 'A:B';
  const onFirstPage = colLetter(firstPageLastColumn(sheet));
  sheet.merges = sheet.merges.map((m) => m.replace(/^C([12]):[A-Z]+\1$/, `C$1:${onFirstPage}$1`));
  sheet.protect = false;
  return {
    sheet,
    names: [{ name: NAMES.reviewTable, ref: absRange(REVIEW_SHEET, 1, FIRST_ROW, KEY_COL, last) }],
    table: { sheet: REVIEW_SHEET, name: 'SFA_Review', range: `A3:${colLetter(KEY_COL)}${last}`, columns: headers },
  };
}

/**
 * What an earlier 审核 held, by enterprise key, from the values of SFA_REVIEW (the key is its last column): of
 * this build's columns, or of a summary written before 直接认定 and 申报书 were added (fewer columns).
 */
export function reviewsFromValues(values: readonly (readonly unknown[])[]): ReturnType<typeof earlierReviews> {
  const older = values.length > 0 && values[0]!.length === REVIEW_COLUMNS_BEFORE_RECOGNITION.length + 1;
  const columns = older ? REVIEW_COLUMNS_BEFORE_RECOGNITION : REVIEW_COLUMNS;
  return earlierReviews(
    values,
    values.map((r) => r[columns.length]),
    columns,
  );
}
