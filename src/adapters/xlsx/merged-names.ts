// Where a merged summary puts the defined names its reader checks. Its own module: it needs the summary's
// and 审核's sheets, which reading an assessment workbook (./layout-names.ts) does not load.
import { NAMES } from '../../workbook/names';
import { MERGED_VERSION } from '../../workbook/merged-summary';
import { SUMMARY_SHEET } from '../../workbook/summary-sheet';
import { REVIEW_SHEET } from '../../workbook/merged-review';
import { REVIEW_COLUMNS, REVIEW_COLUMNS_BEFORE_RECOGNITION } from '../../domain/bureau/review';

/** Where a merged summary (MERGED_VERSION) puts its names; the table's last row grows with the rows. */
export const MERGED_NAMES = {
  version: MERGED_VERSION,
  fixed: {
    [NAMES.summaryUnit]: `'${SUMMARY_SHEET}'!$C$2`,
    [NAMES.summaryContact]: `'${SUMMARY_SHEET}'!$F$2`,
    [NAMES.summaryPhone]: `'${SUMMARY_SHEET}'!$H$2`,
  } as Record<string, string>,
  /** SFA_MERGED_TABLE: columns A:O from row 4 down. */
  table: { name: NAMES.mergedTable, sheet: SUMMARY_SHEET, c1: 1, c2: 15, r1: 4 },
  /** SFA_MERGED_ORDER: the bureau's 推荐顺序, column Q beside the table, row for row. */
  order: { name: NAMES.mergedOrder, sheet: SUMMARY_SHEET, c1: 17, c2: 17, r1: 4 },
  /** SFA_MERGED_FACTS: what 统计 counts of each row (企业类型, district, scenarios), hidden column P, row for row. */
  facts: { name: NAMES.mergedFacts, sheet: SUMMARY_SHEET, c1: 16, c2: 16, r1: 4 },
  /** SFA_REVIEW: 审核's rows, columns A:W (the last one the hidden key) from row 4 down, as many rows as it has. */
  review: { name: NAMES.reviewTable, sheet: REVIEW_SHEET, c1: 1, c2: REVIEW_COLUMNS.length + 1, r1: 4 },
  /** SFA_REVIEW of summaries written before 审核 had 直接认定 and 申报书完整度 (A:U): still read. */
  reviewBefore: { name: NAMES.reviewTable, sheet: REVIEW_SHEET, c1: 1, c2: REVIEW_COLUMNS_BEFORE_RECOGNITION.length + 1, r1: 4 },
};
