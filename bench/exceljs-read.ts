// The baseline for `npm run bench`: the workbook reader as it was before the bounded reader (the regex zip
// guard, then ExcelJS loads the whole workbook and the defined names are looked up in its object model).
// Bench only: nothing ships it.
import ExcelJS from 'exceljs';
import { getRubric } from '../src/domain/rubrics';
import { rangeBounds, splitRef } from '../src/workbook/a1';
import { assessmentFromInputs, type NamedValues, type RawCell } from '../src/workbook/inputs';
import { ASSESSMENT_INPUT_NAMES, NAMES } from '../src/workbook/names';
import { nodeInflater } from '../src/adapters/xlsx/inflate-node';
import { checkZip, DEFAULT_ZIP_LIMITS } from './old-zip-guard';

function rawCell(v: ExcelJS.CellValue): RawCell {
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

function namedValues(wb: ExcelJS.Workbook, name: string): NamedValues | undefined {
  const ref = wb.definedNames.getRanges(name)?.ranges?.[0];
  if (!ref) return undefined;
  const { sheet, range } = splitRef(ref);
  const ws = wb.getWorksheet(sheet);
  if (!ws) return undefined;
  const b = rangeBounds(range);
  const values: RawCell[][] = [];
  for (let r = b.r1; r <= b.r2; r++) {
    const row: RawCell[] = [];
    for (let c = b.c1; c <= b.c2; c++) row.push(rawCell(ws.getCell(r, c).value));
    values.push(row);
  }
  return { sheet, col: b.c1, row: b.r1, values };
}

/**
 * The old guard's budget of range cells counted each print-title row as 16,384 cells; layout 3 repeats header
 * rows on every printed sheet, which put our own workbooks over it. The baseline measures the read's cost, so
 * that budget is lifted; every other limit is the old one.
 */
const LIMITS = { ...DEFAULT_ZIP_LIMITS, maxRangeCells: 10_000_000 };

export async function readWithExcelJS(data: Uint8Array) {
  await checkZip(data, LIMITS, nodeInflater);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  const rubric = getRubric(String(namedValues(wb, NAMES.rubricId)?.values[0]?.[0]))!;
  const ranges = new Map<string, NamedValues>();
  for (const n of ASSESSMENT_INPUT_NAMES) {
    const nv = namedValues(wb, n);
    if (nv) ranges.set(n, nv);
  }
  return { rubric, ...assessmentFromInputs(rubric, ranges, 'zh') };
}
