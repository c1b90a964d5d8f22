// The one sanitiser every text the project writes passes through (cells of both renderers, file names in
// 合并明细, console lines). Two things break a workbook for good if written raw:
// - characters XML 1.0 forbids (C0 controls other than tab/LF/CR, lone surrogates, U+FFFE, U+FFFF): written into
//   sharedStrings.xml they make openpyxl refuse the file and LibreOffice drop every later string;
// - text longer than a cell holds (Excel: 32,767 characters; longer text is cut or refused on open).
// Pure: the caller decides whom to warn (the message names the field or cell).

/** Excel's limit on the characters of one cell ("Total number of characters that a cell can contain"). */
export const EXCEL_CELL_MAX_CHARS = 32_767;

/** What a forbidden character becomes: visible, so the reader sees that something was there. */
export const REPLACEMENT_CHAR = '\uFFFD';

/**
 * Everything outside XML 1.0's Char production (#x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] |
 * [#x10000-#x10FFFF]). With the `u` flag a lone surrogate is one code point D800–DFFF and so matches.
 */
const FORBIDDEN = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const HAS_FORBIDDEN = new RegExp(FORBIDDEN.source, 'u');

export interface SanitisedText {
  text: string;
  /** Forbidden characters replaced by U+FFFD. */
  replaced: number;
  /** Characters (UTF-16 units) cut off at the end to fit `max`. */
  truncated: number;
}

/**
 * The text with every character XML 1.0 forbids replaced by U+FFFD, then cut to `max` UTF-16 units (Excel
 * counts a character outside the BMP as two) without splitting a surrogate pair.
 */
export function sanitiseText(s: string, max: number = EXCEL_CELL_MAX_CHARS): SanitisedText {
  let replaced = 0;
  let text = s.replace(FORBIDDEN, () => {
    replaced++;
    return REPLACEMENT_CHAR;
  });
  let truncated = 0;
  if (text.length > max) {
    let end = max;
    const last = text.charCodeAt(end - 1);
    if (last >= 0xd800 && last <= 0xdbff) end--; // do not keep half of a pair
    truncated = text.length - end;
    text = text.slice(0, end);
  }
  return { text, replaced, truncated };
}

/** The sanitised text alone (renderers: a cell's string; the console: a line). */
export const cleanText = (s: string, max?: number): string => sanitiseText(s, max).text;

/** Whether a text would change when sanitised (so a caller can warn before writing it). */
export function needsSanitising(s: string, max: number = EXCEL_CELL_MAX_CHARS): boolean {
  return s.length > max || HAS_FORBIDDEN.test(s);
}
