// Excel refuses (or "repairs" away) a formula longer than 8,192 characters: "Length of formula contents: 8,192
// characters" (Microsoft, "Excel specifications and limits",
// https://support.microsoft.com/office/excel-specifications-and-limits-1672b34d-7043-467e-8e27-269d656771c3).
// Every formula of every layout, in both languages, cells, validations and conditional formats, stays under it.
import { buildLayout } from '../../src/workbook/layout';
import { J } from '../fixtures/jiangsu';

const EXCEL_FORMULA_LIMIT = 8192;

function longest(layout: ReturnType<typeof buildLayout>): { at: string; length: number }[] {
  const over: { at: string; length: number }[] = [];
  const check = (at: string, f: string | undefined) => {
    if (f !== undefined && f.length + 1 > EXCEL_FORMULA_LIMIT) over.push({ at, length: f.length + 1 });
  };
  for (const s of layout.sheets) {
    for (const b of s.blocks)
      b.rows.forEach((row, i) =>
        row.forEach((c, j) => {
          if (c && typeof c === 'object' && 'f' in c) check(`${s.name}!${b.at}+(${i},${j})`, (c as { f: string }).f);
        }),
      );
    for (const v of s.validations) if (v.rule.kind === 'custom') check(`${s.name}!${v.range} (validation)`, v.rule.formula);
    for (const c of s.conditionalFormats) check(`${s.name}!${c.range} (conditional format)`, c.formula);
  }
  return over;
}

describe('formula length', () => {
  it.each(['zh', 'en'] as const)('keeps every formula of the %s workbook within Excel’s 8,192 characters', (lang) => {
    expect(longest(buildLayout(J, { lang }))).toEqual([]);
  });
});
