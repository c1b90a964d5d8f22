// Reads a workbook file back into an assessment: every input is found by its defined name (never by a
// hard-coded address) and converted by the same reader rules as the Office adapter (src/workbook/inputs.ts).
import ExcelJS from 'exceljs';
import type { Rubric } from '../../domain/rubric/schema';
import type { Assessment } from '../../domain/assessment/types';
import type { Lang } from '../../domain/i18n/lang';
import { getRubric, RUBRIC_IDS } from '../../domain/rubrics';
import { rangeBounds, splitRef } from '../../workbook/a1';
import { assessmentFromInputs, type NamedValues, type RawCell, type ReadProblem } from '../../workbook/inputs';
import { LAYOUT_VERSION } from '../../workbook/layout';
import { NAMES } from '../../workbook/names';
import { allApplicationInputNames } from '../../workbook/application/names';
import { isOle, isZip } from './sniff';
import { checkZip, DEFAULT_ZIP_LIMITS, ZipGuardError, type BoundedInflate, type ZipLimits, type ZipProblem } from './zip-guard';

/** A file that is not a workbook we can read: the message is one line a person can act on. */
export class WorkbookReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkbookReadError';
  }
}

const zhOrEn = (lang: Lang, zh: string, en: string) => (lang === 'zh' ? zh : en);

export interface OpenOptions {
  limits?: ZipLimits;
  /** A bounded inflater (nodeInflater, browserInflater): checks real sizes, cells and ranges before loading. */
  inflate?: BoundedInflate;
}


function guardMessage(p: ZipProblem, lang: Lang): string {
  switch (p.kind) {
    case 'corrupt':
      return zhOrEn(lang, `.xlsx 文件已损坏：${p.detail}`, `the .xlsx file is corrupt: ${p.detail}`);
    case 'tooLarge': {
      const mb = Math.round(p.limitBytes / 1024 / 1024);
      return zhOrEn(lang, `解压后超过 ${mb} MB（疑似压缩炸弹），未读取`, `expands to more than ${mb} MB (a zip bomb?); not read`);
    }
    case 'tooManyEntries':
      return zhOrEn(lang, `压缩包内的部件超过 ${p.limit} 个（疑似压缩炸弹），未读取`, `more than ${p.limit} parts in the zip (a zip bomb?); not read`);
    case 'tooManyCells':
      return zhOrEn(lang, `工作表中的单元格超过 ${p.limit} 个，未读取`, `more than ${p.limit} cells in its sheets; not read`);
    case 'rangeTooLarge':
      return zhOrEn(
        lang,
        `区域过大：${p.where} 覆盖 ${p.cells} 个单元格（名称、数据验证和合并区域合计上限 ${p.limit}），未读取`,
        `a range is too large: ${p.where} covers ${p.cells} cells (names, validations and merges may cover ${p.limit} in all); not read`,
      );
  }
}

/** Opens an .xlsx, telling apart the usual wrong files (empty, encrypted or old .xls/.et, not a zip, zip bomb). */
export async function openXlsx(data: Uint8Array, lang: Lang = 'zh', options: OpenOptions = {}): Promise<ExcelJS.Workbook> {
  if (data.length === 0) throw new WorkbookReadError(zhOrEn(lang, '文件是空的', 'the file is empty'));
  if (isOle(data))
    throw new WorkbookReadError(
      zhOrEn(lang, '这是加密（设了密码）的工作簿，或旧的 .xls/.et 文件：请去掉密码并另存为 .xlsx', 'an encrypted (password-protected) workbook or an old .xls/.et file: remove the password and save as .xlsx'),
    );
  if (!isZip(data))
    throw new WorkbookReadError(zhOrEn(lang, '不是 .xlsx 文件（可能是改了扩展名的 .csv 或其他文件）', 'not an .xlsx file (perhaps a renamed .csv or other file)'));
  try {
    await checkZip(data, options.limits ?? DEFAULT_ZIP_LIMITS, options.inflate);
  } catch (e) {
    if (e instanceof ZipGuardError) throw new WorkbookReadError(guardMessage(e.problem, lang));
    throw e;
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch (e) {
    throw new WorkbookReadError(zhOrEn(lang, `.xlsx 文件已损坏：${(e as Error).message}`, `the .xlsx file is corrupt: ${(e as Error).message}`));
  }
  return wb;
}

/** A cell as the shared reader wants it: formulas by their result, rich text and links by their text. */
export function rawCell(v: ExcelJS.CellValue): RawCell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if ('richText' in v) return v.richText.map((r) => r.text).join('');
  if ('error' in v) return { error: String(v.error) };
  if ('formula' in v || 'sharedFormula' in v) {
    const r = (v as { result?: ExcelJS.CellValue }).result;
    return r === undefined ? null : rawCell(r as ExcelJS.CellValue);
  }
  if ('text' in v) return String((v as { text: unknown }).text);
  return null;
}

/** No name of an assessment covers more than a few hundred cells; a larger one is not our workbook. */
const MAX_NAMED_CELLS = 10_000;

export interface NamedValuesOptions {
  /** Refuse a larger range (the guard has already bounded what ExcelJS loaded). */
  maxCells?: number;
  /** Read on below the range down to the sheet's last row (rows a person added under a table). */
  toLastRow?: boolean;
}

/** The values of a defined name as the file itself defines it, or undefined when the name is absent. */
export function namedValues(wb: ExcelJS.Workbook, name: string, lang: Lang = 'zh', options: NamedValuesOptions = {}): NamedValues | undefined {
  const ref = wb.definedNames.getRanges(name)?.ranges?.[0];
  if (!ref) return undefined;
  const { sheet, range } = splitRef(ref);
  const ws = wb.getWorksheet(sheet);
  if (!ws) return undefined;
  const b = rangeBounds(range);
  const cells = (b.r2 - b.r1 + 1) * (b.c2 - b.c1 + 1);
  if (cells > (options.maxCells ?? MAX_NAMED_CELLS))
    throw new WorkbookReadError(zhOrEn(lang, `区域过大：名称 ${name} 覆盖 ${cells} 个单元格，不是本工具生成的工作簿`, `a range is too large: the name ${name} covers ${cells} cells; not a workbook of this tool`));
  const values: RawCell[][] = [];
  const lastRow = options.toLastRow ? Math.max(b.r2, ws.actualRowCount && ws.lastRow ? ws.lastRow.number : b.r2) : b.r2;
  for (let r = b.r1; r <= lastRow; r++) {
    const row: RawCell[] = [];
    for (let c = b.c1; c <= b.c2; c++) row.push(rawCell(ws.getCell(r, c).value));
    values.push(row);
  }
  return { sheet, col: b.c1, row: b.r1, values };
}

export interface WorkbookAssessment {
  rubric: Rubric;
  assessment: Assessment;
  problems: ReadProblem[];
  layoutVersion: number;
}

const READ_NAMES = [NAMES.profile, NAMES.declarations, NAMES.maturity, NAMES.indicatorLevels, NAMES.indicatorFits, NAMES.indicatorScores, NAMES.indicatorAmounts, NAMES.scenarioTiers, ...allApplicationInputNames()];

/** Reads an assessment workbook; refuses, with a clear message, one that is not ours or is of a newer layout. */
export async function readAssessmentWorkbook(data: Uint8Array, lang: Lang = 'zh', options: OpenOptions = {}): Promise<WorkbookAssessment> {
  const wb = await openXlsx(data, lang, options);
  const version = namedValues(wb, NAMES.layoutVersion, lang)?.values[0]?.[0];
  const rubricId = namedValues(wb, NAMES.rubricId, lang)?.values[0]?.[0];
  if ((version === null || version === undefined) && namedValues(wb, NAMES.mergedTable, lang))
    throw new WorkbookReadError(
      zhOrEn(
        lang,
        '这是合并生成的推荐汇总表，不是企业自评工作簿：要保留其中的各行，命令行用 --into，加载项请在这张汇总表中合并',
        'this is a merged summary, not an enterprise workbook: to keep its rows use --into (command line) or merge inside it (add-in)',
      ),
    );
  if (version === null || version === undefined)
    throw new WorkbookReadError(zhOrEn(lang, '不是智能工厂自评工作簿（没有 SFA_LAYOUT_VERSION 名称）', 'not a smart-factory self-assessment workbook (no SFA_LAYOUT_VERSION name)'));
  const v = Number(version);
  if (!Number.isInteger(v) || v > LAYOUT_VERSION)
    throw new WorkbookReadError(zhOrEn(lang, `工作簿版式为第 ${String(version)} 版，本工具只认识到第 ${LAYOUT_VERSION} 版：请更新 sfa`, `the workbook has layout version ${String(version)}; this tool knows up to ${LAYOUT_VERSION}: update sfa`));
  const rubric = typeof rubricId === 'string' ? getRubric(rubricId) : undefined;
  if (!rubric) throw new WorkbookReadError(zhOrEn(lang, `评价标准 ${String(rubricId)} 未知（可用：${RUBRIC_IDS.join('、')}）`, `unknown rubric ${String(rubricId)} (known: ${RUBRIC_IDS.join(', ')})`));
  const ranges = new Map<string, NamedValues>();
  for (const n of READ_NAMES) {
    const nv = namedValues(wb, n, lang);
    if (nv) ranges.set(n, nv);
  }
  const { assessment, problems } = assessmentFromInputs(rubric, ranges, lang);
  return { rubric, assessment, problems, layoutVersion: v };
}
