// What a value becomes when Office.js writes it, apart from the renderer: the pane's first chunk writes answers
// (write-inputs.ts) and must not load the layout renderer (row heights, styles) to do it.
import { cleanText } from '../../domain/text/sanitise';
import type { CellValue } from '../../workbook/types';

/**
 * Text Excel would not keep as typed in a General cell: a leading = + - @ or ' (formula, apostrophe prefix),
 * anything number-, date- or time-like (digits with . , : / - % e or a currency sign: "0251", "1/2", "3-4"),
 * TRUE/FALSE, error literals. Range.values: "If the returned value starts with a plus ("+"), minus ("-"), or
 * equal sign ("="), Excel interprets this value as a formula"; ISO strings are stored as dates.
 * https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-values-member
 */
export function excelWouldChange(text: string): boolean {
  const t = text.trim();
  return /^[=+\-@'#]/.test(t) || /^(true|false)$/i.test(t) || (/\d/.test(t) && /^[\d\s.,:/\-+%eE$¥￥€£]+$/.test(t));
}

/**
 * The one place a value becomes what Office.js writes into a cell: null becomes "" (empty), a string passes
 * the text sanitiser (no character XML 1.0 forbids, at most 32,767 characters: Excel refuses longer values).
 */
export const officeValue = (v: CellValue): string | number | boolean => (v === null ? '' : typeof v === 'string' ? cleanText(v) : v);
