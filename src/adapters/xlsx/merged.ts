// The bureau's merged workbook as a file: write it from a merge result, and read an earlier one back
// (rows with their hidden keys, and the header fields) for `sfa merge --into`.
import type { Lang } from '../../domain/i18n/lang';
import type { MergeResult, SummaryRow } from '../../domain/merge/types';
import type { Rubric } from '../../domain/rubric/schema';
import { buildMergedWorkbook, summaryRowsFromValues, type SummaryHeader } from '../../workbook/merged-summary';
import { NAMES } from '../../workbook/names';
import { namedValues, openXlsx, WorkbookReadError, type OpenOptions } from './read';
import { writeWorkbook } from './write';
import { DEFAULT_ZIP_LIMITS } from './zip-guard';

export async function writeMergedSummary(rubric: Rubric, result: MergeResult, header: SummaryHeader, lang: Lang): Promise<Buffer> {
  const { sheets, names } = buildMergedWorkbook(rubric, result, header, lang);
  return writeWorkbook({ rubricId: rubric.id, layoutVersion: 1, sheets, names, charts: [] });
}

export async function readMergedSummary(data: Uint8Array, lang: Lang = 'zh', options: OpenOptions = {}): Promise<{ rows: SummaryRow[]; header: SummaryHeader }> {
  const wb = await openXlsx(data, lang, options);
  // Rows typed under the table (the name does not grow with them) are read too; the guard bounds the size.
  const table = namedValues(wb, NAMES.mergedTable, lang, { maxCells: DEFAULT_ZIP_LIMITS.maxRangeCells, toLastRow: true });
  if (!table)
    throw new WorkbookReadError(lang === 'zh' ? '不是 sfa merge 生成的推荐汇总表（没有 SFA_MERGED_TABLE 名称）' : 'not a summary written by sfa merge (no SFA_MERGED_TABLE name)');
  // The bureau's 推荐顺序 beside it, read down as far (absent in summaries written before it had one).
  const order = namedValues(wb, NAMES.mergedOrder, lang, { maxCells: DEFAULT_ZIP_LIMITS.maxRangeCells, toLastRow: true });
  const one = (name: string) => {
    const v = namedValues(wb, name, lang)?.values[0]?.[0];
    return v === null || v === undefined || typeof v === 'object' ? '' : String(v);
  };
  return {
    rows: summaryRowsFromValues(table.values, order?.row === table.row ? order.values : []),
    header: { unit: one(NAMES.summaryUnit), contact: one(NAMES.summaryContact), phone: one(NAMES.summaryPhone) },
  };
}
