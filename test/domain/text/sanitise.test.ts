// The one text sanitiser (issue 14 item 1): what XML 1.0 forbids is replaced visibly, length capped at a cell's.
import fc from 'fast-check';
import { EXCEL_CELL_MAX_CHARS, REPLACEMENT_CHAR, needsSanitising, sanitiseText } from '../../../src/domain/text/sanitise';

/** XML 1.0 Char, code point by code point, written independently of the sanitiser's pattern. */
const xmlChar = (cp: number) =>
  cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
const allXml = (s: string) => {
  for (let i = 0; i < s.length; i++) {
    const c = s.codePointAt(i)!;
    if (c >= 0xd800 && c <= 0xdfff) return false; // a lone surrogate (a pair gives the full code point)
    if (!xmlChar(c)) return false;
    if (c > 0xffff) i++;
  }
  return true;
};

describe('sanitiseText', () => {
  it('replaces U+FFFE, U+FFFF, lone surrogates and C0 controls (but tab, LF, CR) with U+FFFD', () => {
    expect(sanitiseText('甲\uFFFE乙\uFFFF丙\uD800丁\uDC00戊\u0000\u0007\u001B\t\n\r')).toEqual({
      text: `甲${REPLACEMENT_CHAR}乙${REPLACEMENT_CHAR}丙${REPLACEMENT_CHAR}丁${REPLACEMENT_CHAR}戊${REPLACEMENT_CHAR.repeat(3)}\t\n\r`,
      replaced: 7,
      truncated: 0,
    });
  });

  it('keeps pairs outside the BMP, CJK and markup characters as they are', () => {
    const s = '𠀀企业 <&>"\' =SUM(A1) 😀';
    expect(sanitiseText(s)).toEqual({ text: s, replaced: 0, truncated: 0 });
    expect(needsSanitising(s)).toBe(false);
  });

  it('cuts to 32,767 characters and never leaves half a surrogate pair', () => {
    const long = 'a'.repeat(EXCEL_CELL_MAX_CHARS + 10);
    expect(sanitiseText(long)).toMatchObject({ truncated: 10 });
    expect(sanitiseText(long).text).toHaveLength(EXCEL_CELL_MAX_CHARS);
    const pair = 'a'.repeat(EXCEL_CELL_MAX_CHARS - 1) + '😀';
    const r = sanitiseText(pair);
    expect(r.text).toHaveLength(EXCEL_CELL_MAX_CHARS - 1);
    expect(r.truncated).toBe(2);
    expect(needsSanitising(long)).toBe(true);
  });

  it('any string comes out as XML 1.0 text no longer than the cap, and a clean one is unchanged', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), fc.integer({ min: 1, max: 40 }), (s, max) => {
        const r = sanitiseText(s, max);
        expect(allXml(r.text)).toBe(true);
        expect(r.text.length).toBeLessThanOrEqual(max);
        if (allXml(s) && s.length <= max) expect(r.text).toBe(s);
        expect(needsSanitising(s, max)).toBe(r.text !== s);
      }),
      { numRuns: 500 },
    );
  });
});
