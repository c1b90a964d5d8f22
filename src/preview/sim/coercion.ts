// What Excel keeps of a value written through `values` (or typed, or a constant written through
// `formulas`): Range.values — "If the returned value starts with a plus ("+"), minus ("-"), or equal sign
// ("="), Excel interprets this value as a formula", and ISO (YYYY-MM-DD) strings are stored as dates.
// https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-values-member
// Text that looks like a number becomes a number (leading zeros lost), TRUE/FALSE booleans, as typing does;
// a cell formatted as text ('@') keeps everything as text, numbers and formulas included (written through
// `formulas` too); a leading apostrophe marks
// text and is not kept (github.com/OfficeDev/office-js/issues/6687).
import type { SimCell, SimValue } from './model';

export type Via = 'typed' | 'values' | 'formulas';

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?%?$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Excel's date serial of an ISO date (1900 date system), or null when it is not a real date. */
export function isoDateSerial(text: string): number | null {
  const m = ISO_DATE.exec(text);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || y < 1900) return null;
  return Math.round((t - Date.UTC(1899, 11, 30)) / 86400000);
}

type Kept = { formula: string } | { value: SimValue; numberFormat?: string; quotePrefix?: boolean };

/** How Excel reads one entry into a cell of number format `format`. */
export function coerceEntry(x: SimValue, format: string, via: Via): Kept {
  if (x === null || x === '') return { value: null };
  // A text cell keeps what it is given as text, a formula too (Excel shows it instead of computing it).
  const text = format === '@';
  if (typeof x !== 'string') return text ? { value: typeof x === 'boolean' ? (x ? 'TRUE' : 'FALSE') : String(x) } : { value: x };
  if (via !== 'formulas' && x.startsWith("'")) return { value: x.slice(1), quotePrefix: true };
  if (x.startsWith('=') && !text) return { formula: x };
  if (text) return { value: x };
  if (NUMBER.test(x)) return { value: x.endsWith('%') ? Number(x.slice(0, -1)) / 100 : Number(x) };
  if ((x.startsWith('+') || x.startsWith('-')) && x.length > 1) return { formula: `=${x}` };
  if (/^(true|false)$/i.test(x)) return { value: x.toUpperCase() === 'TRUE' };
  const serial = isoDateSerial(x);
  if (serial !== null) return { value: serial, numberFormat: format === 'General' ? 'yyyy-mm-dd' : undefined };
  return { value: x };
}

/** Stores an entry into a cell; `bind` fixes a formula's references as it is entered (references.ts). */
export function storeEntry(c: SimCell, x: SimValue, via: Via, bind: (formula: string) => string = (f) => f): void {
  const kept = coerceEntry(x, c.numberFormat, via);
  c.quotePrefix = undefined;
  if ('formula' in kept) {
    c.formula = bind(kept.formula);
    c.value = null;
    return;
  }
  c.formula = undefined;
  c.value = kept.value;
  if (kept.numberFormat) c.numberFormat = kept.numberFormat;
  if (kept.quotePrefix) c.quotePrefix = true;
}
