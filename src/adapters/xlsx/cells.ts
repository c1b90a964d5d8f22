// The value of one `<c>` element as ECMA-376 Part 1 (§18.3.1.4 c, §18.18.11 ST_CellType) types it, delivered
// as a RawCell. Nothing here interprets what a person typed (that is src/workbook/inputs.ts): a text stays
// text, a number is exactly an xsd:double, a boolean exactly an xsd:boolean, a date exactly ISO 8601; a cell
// whose text is not of its declared type is `{ malformed, type }`.
import type { RawCell } from '../../workbook/inputs';

/** Excel's limit on the characters of one cell. */
export const MAX_CELL_CHARS = 32_767;
/** How much of a malformed cell's text is shown back to the user. */
const SHOWN_CHARS = 60;

/** What the scanner found inside a `<c>`: its type attribute and its children's text. */
export interface CellXml {
  t: string | undefined;
  /** `<v>` text, or null without `<v>`, or undefined when longer than MAX_CELL_CHARS. */
  v: string | null | undefined;
  /** `<is>` text (inline string), or null without `<is>`, or undefined when too long. */
  inline: string | null | undefined;
  /** `<f>` text, or null without `<f>`. */
  formula: string | null;
}

/** The shared-strings part as far as cells need it: how many strings it holds, and the ones wanted. */
export interface SharedStrings {
  count: number;
  /** The string, or undefined when it is longer than a cell can hold. */
  get(index: number): string | undefined;
}

const malformed = (text: string, type: string): RawCell => ({ malformed: text.length > SHOWN_CHARS ? `${text.slice(0, SHOWN_CHARS)}…` : text, type });

const isXmlSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
/** xsd's whiteSpace="collapse" for the simple types (boolean, double, dateTime): outer white space dropped. */
function collapse(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && isXmlSpace(s.charCodeAt(a))) a++;
  while (b > a && isXmlSpace(s.charCodeAt(b - 1))) b--;
  return a === 0 && b === s.length ? s : s.slice(a, b);
}

const DOUBLE = /^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/;
/** xsd:double (finite: Excel has no INF or NaN cells), or undefined. */
export function xsdDouble(text: string): number | undefined {
  const s = collapse(text);
  if (s.length > 400 || !DOUBLE.test(s)) return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
}

/** xsd:boolean: true, false, 1, 0. */
function xsdBoolean(text: string): boolean | undefined {
  const s = collapse(text);
  return s === 'true' || s === '1' ? true : s === 'false' || s === '0' ? false : undefined;
}

const ISO = /^([0-9]{4})-([0-9]{2})-([0-9]{2})(?:T([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:\.([0-9]{1,9}))?)?)?(?:Z|[+-][0-9]{2}:[0-9]{2})?$/;
/**
 * An ISO 8601 date or date-time (`t="d"`), as the wall-clock time it names: Excel cells have no time zone,
 * so an offset is not applied (2025-03-01T00:00+08:00 is 1 March, not 28 February).
 */
export function isoDate(text: string): Date | undefined {
  const m = ISO.exec(collapse(text));
  if (!m) return undefined;
  const [y, mo, d, h = 0, mi = 0, s = 0] = m.slice(1, 7).map((x) => (x === undefined ? undefined : Number(x))) as number[];
  const ms = m[7] ? Math.round(Number(`0.${m[7]}`) * 1000) : 0;
  if (mo! < 1 || mo! > 12 || d! < 1 || h > 24 || mi > 59 || s > 59 || (h === 24 && (mi > 0 || s > 0 || ms > 0))) return undefined;
  const date = new Date(Date.UTC(y!, mo! - 1, d!, h, mi, s, ms));
  date.setUTCFullYear(y!); // years 0–99 are not 1900–1999
  if (date.getUTCDate() !== d && h !== 24) return undefined; // 2025-02-30
  return date;
}

const SHARED_INDEX = /^[0-9]{1,9}$/;

/** The shared-string index a `t="s"` cell refers to (to read only the strings wanted), or undefined. */
export function sharedIndex(x: CellXml): number | undefined {
  if (x.t !== 's' || typeof x.v !== 'string') return undefined;
  const s = collapse(x.v);
  return SHARED_INDEX.test(s) ? Number(s) : undefined;
}

/**
 * The RawCell of one cell. A formula cell is `{ formula, cached }` whatever its cached result holds. A shared
 * string needs the shared-strings part (`sst`, null when the workbook has none) and an index inside it.
 */
export function cellValue(x: CellXml, sst: SharedStrings | null): RawCell {
  const value = typedValue(x, sst);
  return x.formula === null ? value : { formula: x.formula, cached: value };
}

function typedValue(x: CellXml, sst: SharedStrings | null): RawCell {
  const { t, v, inline } = x;
  const type = t ?? 'n';
  if (v === undefined) return malformed('…', type); // longer than a cell can be
  switch (type) {
    case 'n':
      if (v === null) return null;
      return xsdDouble(v) ?? malformed(v, 'n');
    case 'b': {
      if (v === null) return null;
      const b = xsdBoolean(v);
      return b === undefined ? malformed(v, 'b') : b;
    }
    case 'd': {
      if (v === null) return null;
      return isoDate(v) ?? malformed(v, 'd');
    }
    case 'e':
      return v === null ? null : { error: collapse(v) };
    case 's': {
      if (v === null) return null;
      const i = sharedIndex(x);
      if (i === undefined || sst === null || i >= sst.count) return malformed(v, 's');
      return sst.get(i) ?? malformed('…', 's');
    }
    case 'str':
      return v ?? '';
    case 'inlineStr':
      if (inline === undefined) return malformed('…', type);
      return inline ?? v ?? null;
    default:
      return malformed(v ?? '', type);
  }
}
