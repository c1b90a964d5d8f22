// Cell display as Excel would show it, for the number formats the layout uses.
import type { SimValue } from '../sim/model';
import { format2, toUnits } from '../../domain/scoring/decimal';

export function displayValue(v: SimValue, numberFormat: string): string {
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'string') return v;
  switch (numberFormat) {
    case '0.00':
      return format2(v);
    case '0.00%':
      return `${format2(v * 100)}%`;
    case '#,##0.00':
      return v.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    case 'yyyy-mm-dd':
      return new Date(Math.round((v - 25569) * 86400000)).toISOString().slice(0, 10);
    case '0':
      return toUnits(v, 0).toString();
    default:
      return String(Number(v.toPrecision(12)));
  }
}

/** What a person typed, as Excel would store it: numbers as numbers unless the cell is formatted as text. */
export function parseTyped(text: string, numberFormat: string): string | number | null {
  const t = text.trim();
  if (t === '') return null;
  if (numberFormat !== '@' && /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(t)) return Number(t);
  return text;
}
