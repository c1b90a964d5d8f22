// The input grammar: which typed forms a workbook input accepts, decided once. The workbook's own formulas
// implement the same grammar (src/workbook/typed-formulas.ts) with functions Excel 2010+, WPS and LibreOffice
// share, so the engine and the sheet agree on every cell. Anything outside it is an error that quotes what
// was typed; nothing here guesses (no units stripped, no decimal commas).
//
// - Spaces: U+3000 and NBSP count as spaces; control characters are dropped (CLEAN); full-width ASCII
//   (U+FF01–U+FF5E: digits, letters, punctuation) is half-width (ASC); outer spaces go and inner runs of
//   spaces become one (TRIM).
// - Numbers: a number cell, or text `[+-]digits[.digits]` where the integer digits may be grouped by commas
//   exactly as 1,234,567 (so '1,5' and '1999,5' are errors, never 15 or 19995); at most NUMBER_MAX_CHARS
//   characters. A true/false or error cell is not a number.
// - Choices (levels, 符合程度, tiers, maturity): the dropdown texts as the sheet lists them, after the
//   normalising above; letters compare case-insensitively.
// - 是/否: 是/否, Y/N, YES/NO, TRUE/FALSE (any case) or a true/false cell.
// - Dates: a date cell (serial 1…2958465, 9999-12-31), or text Y-M-D, Y/M/D, Y.M.D or Y年M月D日 (the
//   separators may be mixed) with a four-digit year ≥ 100 and one- or two-digit month and day, a real
//   calendar date; always read as YYYY-MM-DD (2025/3/10 is 2025-03-10).

export type Typed = string | number | boolean | Date | null | undefined;

export type Parsed<T> = { kind: 'blank' } | { kind: 'ok'; value: T } | { kind: 'bad' };

const BLANK = { kind: 'blank' } as const;
const BAD = { kind: 'bad' } as const;
const ok = <T>(value: T): Parsed<T> => ({ kind: 'ok', value });

/** The longest number text accepted (the workbook's formulas inspect this many characters). */
export const NUMBER_MAX_CHARS = 40;
/** Texts the sheet takes as 不涉及 besides the rubric's own label: 附件3's wording. */
export const NA_ALIASES = ['不涉及此环节'] as const;
export const YES_TEXTS = ['是', 'Y', 'YES', 'TRUE'] as const;
export const NO_TEXTS = ['否', 'N', 'NO', 'FALSE'] as const;
/** Excel's serial of 9999-12-31, the last date a spreadsheet holds. */
export const LAST_SERIAL = 2958465;

/** SUBSTITUTE U+3000 and NBSP by spaces, CLEAN, ASC, TRIM — in that order, as the formulas do. */
export function normalizeTyped(s: string): string {
  return (
    s
      .replace(/[\u3000\u00a0]/g, ' ')
      // eslint-disable-next-line no-control-regex -- control characters are what this removes
      .replace(/[\u0000-\u001f]/g, '')
      .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
      .replace(/ +/g, ' ')
      .replace(/^ | $/g, '')
  );
}

/** The text of a cell as the grammar sees it ('' for a blank). */
const textOf = (v: Typed): string | undefined => (typeof v === 'string' ? normalizeTyped(v) : undefined);

export function isBlank(v: Typed): boolean {
  return v === null || v === undefined || (typeof v === 'string' && normalizeTyped(v) === '');
}

const NUMBER_TEXT = /^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/;

/** A number: a number cell, or number text in the grammar's form. */
export function parseNumber(v: Typed): Parsed<number> {
  if (isBlank(v)) return BLANK;
  if (typeof v === 'number') return Number.isFinite(v) ? ok(v) : BAD;
  const t = textOf(v);
  if (t === undefined || t.length > NUMBER_MAX_CHARS || !NUMBER_TEXT.test(t)) return BAD;
  return ok(Number(t.replace(/,/g, '')));
}

/** The 1-based position of the text among the choices (compared after normalising, letters in any case). */
export function parseChoice(v: Typed, choices: readonly string[]): Parsed<number> {
  if (isBlank(v)) return BLANK;
  const t = textOf(v);
  if (t === undefined) return BAD;
  const i = choices.findIndex((c) => c.toUpperCase() === t.toUpperCase());
  return i >= 0 ? ok(i + 1) : BAD;
}

/** 是/否 and their variants; a true/false cell. */
export function parseYesNo(v: Typed): Parsed<boolean> {
  if (isBlank(v)) return BLANK;
  if (typeof v === 'boolean') return ok(v);
  const t = textOf(v)?.toUpperCase();
  if (t === undefined) return BAD;
  if ((YES_TEXTS as readonly string[]).includes(t)) return ok(true);
  if ((NO_TEXTS as readonly string[]).includes(t)) return ok(false);
  return BAD;
}

/**
 * A level 1…max, 不涉及 ('na'), or bad: the dropdown text, or a whole number (cell or text). A number that is
 * not a whole 1…max is returned as it is, for the engine to report with its rule (level-invalid).
 */
export function parseLevel(v: Typed, labels: readonly string[], naTexts: readonly string[]): Parsed<number | 'na'> {
  if (isBlank(v)) return BLANK;
  const t = textOf(v);
  if (t !== undefined && naTexts.some((n) => n.toUpperCase() === t.toUpperCase())) return ok('na');
  const n = parseNumber(v);
  if (n.kind === 'ok') return n;
  return parseChoice(v, labels);
}

/** After '/', '.', '年', '月' became '-' and '日' was dropped (as the sheet's SUBSTITUTE chain does). */
const DATE_TEXT = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

const pad2 = (n: number) => String(n).padStart(2, '0');

function daysIn(y: number, m: number): number {
  return [31, y % 400 === 0 || (y % 4 === 0 && y % 100 !== 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
}

/** Excel's serial date → YYYY-MM-DD (1900 date system; a time of day is dropped). */
export function serialToIso(n: number): string {
  const ms = Math.round((Math.floor(n) - 25569) * 86400 * 1000);
  return new Date(ms).toISOString().slice(0, 10);
}

/** A date as YYYY-MM-DD. */
export function parseDate(v: Typed): Parsed<string> {
  if (isBlank(v)) return BLANK;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? BAD : ok(v.toISOString().slice(0, 10));
  if (typeof v === 'number') return v >= 1 && v < LAST_SERIAL + 1 ? ok(serialToIso(v)) : BAD;
  const t = textOf(v);
  const m = t === undefined ? null : DATE_TEXT.exec(t.replace(/[/.年月]/g, '-').replace(/日/g, ''));
  if (!m) return BAD;
  const [y, mo, d] = [m[1], m[2], m[3]].map(Number) as [number, number, number];
  // Years before 100 are refused: JavaScript's Date (and so the engine's date check) reads them as 19xx.
  if (y < 100 || mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo)) return BAD;
  return ok(`${String(y).padStart(4, '0')}-${pad2(mo)}-${pad2(d)}`);
}

/** Free text (names): kept as typed but for outer spaces; a number cell as its digits. Codes: see parseCode. */
export function parseText(v: Typed): Parsed<string> {
  if (isBlank(v)) return BLANK;
  if (typeof v === 'string') return ok(v.replace(/^[\s\u3000]+|[\s\u3000]+$/g, ''));
  if (typeof v === 'number') return ok(Number.isInteger(v) ? BigInt(v).toString() : String(v));
  if (typeof v === 'boolean') return ok(v ? 'TRUE' : 'FALSE');
  return v instanceof Date ? ok(v.toISOString().slice(0, 10)) : BLANK;
}

/** A code (credit code, mobile): normalised as above and upper-cased, as UPPER(TRIM(ASC(…))) in the sheet. */
export function parseCode(v: Typed): Parsed<string> {
  const t = parseText(v);
  return t.kind === 'ok' ? ok(normalizeTyped(t.value).toUpperCase()) : t;
}

/** What was typed, for a message: the text as it is (not normalised), a number in its shortest form. */
export function quoteTyped(v: Typed): string {
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return v === null || v === undefined ? '' : String(v);
}
