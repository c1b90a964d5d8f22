// Row heights from wrapped text: the estimate's rules (CJK counts double, merges wrap across their width,
// hidden columns and vertical merges do not count, formula cells use their longest text, typed inputs count).
import { SheetBuilder } from '../../src/workbook/sheet-builder';
import { DEFAULT_ROW_HEIGHT, heightFor, longest, rowHeights, textWidth, wrappedLines } from '../../src/workbook/row-heights';
import { buildLayout } from '../../src/workbook/layout';
import { FONT } from '../../src/workbook/styles';
import { J } from '../fixtures/jiangsu';

const LONG = '企业近三年生产经营正常，诚信守法，近三年未发生重大（含）以上安全、环保、质量事故（事件），未被列入严重失信主体名单。';

describe('text width and wrapping', () => {
  it('counts a CJK or full-width character about twice a digit', () => {
    expect(textWidth('中文')).toBeCloseTo(2 * textWidth('中'), 9);
    expect(textWidth('中')).toBeGreaterThan(1.8 * textWidth('0'));
    expect(textWidth('（）')).toBe(textWidth('中文'));
    expect(textWidth('')).toBe(0);
  });

  it('wraps more lines in a narrower column and counts every line break', () => {
    expect(wrappedLines(LONG, 60)).toBeLessThan(wrappedLines(LONG, 20));
    expect(wrappedLines('短', 20)).toBe(1);
    expect(wrappedLines('一\n二\n三', 20)).toBe(3);
    expect(wrappedLines(LONG, 20, 16)).toBeGreaterThan(wrappedLines(LONG, 20, FONT.size));
  });

  it('picks the longest text', () => {
    expect(longest(['a', null, 'abc', 'ab'])).toBe('abc');
  });
});

describe('rowHeights', () => {
  const sheet = () => new SheetBuilder('profile', 's').widths(10, 10, 10, 40);

  it('makes a row tall enough for its wrapped text, and a short row one body line', () => {
    const b = sheet().set('A1', LONG, 'wrap').set('A2', '短', 'wrap');
    const h = rowHeights(b.build());
    expect(h.get(1)).toBe(heightFor(wrappedLines(LONG, 10)));
    expect(h.get(1)!).toBeGreaterThan(5 * DEFAULT_ROW_HEIGHT);
    expect(h.get(2)).toBe(DEFAULT_ROW_HEIGHT);
    expect(h.has(3)).toBe(false);
  });

  it('wraps a merged cell across all its columns, and leaves a vertical merge to its rows', () => {
    const across = rowHeights(sheet().set('A1', LONG, 'wrap').merge('A1:D1').build()).get(1)!;
    const alone = rowHeights(sheet().set('A1', LONG, 'wrap').build()).get(1)!;
    expect(across).toBeLessThan(alone);
    expect(rowHeights(sheet().set('A1', LONG, 'wrap').merge('A1:A9').build()).has(1)).toBe(false);
  });

  it('sizes a title by its font and a text without wrapping as one line', () => {
    const h = rowHeights(sheet().set('A1', '标题', 'title').set('A2', LONG, 'helper').build());
    expect(h.get(1)).toBe(heightFor(1, 16));
    expect(h.get(2)).toBe(DEFAULT_ROW_HEIGHT);
  });

  it('ignores hidden columns, sizes formulas by their fit text, and counts typed inputs', () => {
    const b = sheet().set('B1', LONG, 'wrap').hideColumns('B').set('A2', { f: 'X1' }, 'wrap', { fit: LONG }).set('A3', null, 'inputWrap');
    const h = rowHeights(b.build(), new Map([['A3', LONG]]));
    expect(h.has(1)).toBe(false);
    expect(h.get(2)).toBe(heightFor(wrappedLines(LONG, 10)));
    expect(h.get(3)).toBe(heightFor(wrappedLines(LONG, 10)));
  });

  it('counts a number as one line whatever its digits (it prints formatted, and Excel never wraps a number)', () => {
    const h = rowHeights(
      sheet()
        .widths(6)
        .set('A1', 1 / 3, 'text', { numFmt: '0.0%' })
        .set('A2', null, 'text')
        .build(),
      new Map([['A2', 2 / 3]]),
    );
    expect(h.get(1)).toBe(DEFAULT_ROW_HEIGHT);
    expect(h.get(2)).toBe(DEFAULT_ROW_HEIGHT);
  });

  it('gives every printed row of the workbook at least one body line, and the titles their size', () => {
    for (const lang of ['zh', 'en'] as const)
      for (const s of buildLayout(J, { lang }).sheets.filter((x) => !x.hidden)) {
        const h = rowHeights(s);
        expect({ sheet: s.name, title: h.get(1)! >= heightFor(1, 16) }).toEqual({ sheet: s.name, title: true });
        for (const v of h.values()) expect(v).toBeGreaterThanOrEqual(DEFAULT_ROW_HEIGHT);
      }
  });
});
