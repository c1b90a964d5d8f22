// How sheets fall onto printed A4 pages, estimated from the layout (src/workbook/print-pages.ts): every printed
// sheet readable (not shrunk below 70 % to fit the width), no chart of 统计 cut by a page break, 评估结果's
// fixed part on page 1 with its list of open problems after it, 审核's title on its first page.
import { mergeSummary } from '../../src/domain';
import { rangeBounds } from '../../src/workbook/a1';
import { workbookLabels } from '../../src/workbook/labels';
import { buildLayout } from '../../src/workbook/layout';
import { buildMergedWorkbook } from '../../src/workbook/merged-summary';
import { firstPageLastColumn, pageCapacity, printScale, rowsHeight } from '../../src/workbook/print-pages';
import { heightFor, rowHeights } from '../../src/workbook/row-heights';
import { SEAL_LINES } from '../../src/workbook/application/sheets';
import type { SheetSpec } from '../../src/workbook/types';
import { advancedAssessment, J } from '../fixtures/jiangsu';

/** The page (1, 2, …) each row of the print area prints on: a new page at each manual break or when full. */
function pageOfRow(spec: SheetSpec): Map<number, number> {
  const heights = rowHeights(spec);
  const capacity = pageCapacity(spec, heights);
  const b = rangeBounds(spec.print.area);
  const breaks = new Set(spec.print.breaks ?? []);
  // The capacity is below the repeated rows, which page 1 prints in their place.
  const [t1, t2] = spec.print.titleRows?.split(':').map(Number) ?? [0, -1];
  const out = new Map<number, number>();
  let page = 1;
  let used = 0;
  for (let r = b.r1; r <= b.r2; r++) {
    const h = r >= t1! && r <= t2! ? 0 : rowsHeight(heights, r, r);
    if (used > 0 && (breaks.has(r) || used + h > capacity)) {
      page++;
      used = 0;
    }
    used += h;
    out.set(r, page);
  }
  return out;
}

const subtitleRows = (spec: SheetSpec) => spec.blocks.filter((x) => x.style === 'subtitle').map((x) => rangeBounds(x.at).r1);

const merged = () => {
  const a = advancedAssessment();
  const b = { ...advancedAssessment(), profile: { ...advancedAssessment().profile, enterpriseName: '另一家企业', address: '苏州市工业园区某路 1 号' } };
  const result = mergeSummary(
    [],
    [
      { file: 'a.xlsx', modified: 1, assessment: a, rubric: J },
      { file: 'b.xlsx', modified: 2, assessment: b, rubric: J },
    ],
  );
  return buildMergedWorkbook(J, result, { unit: '南京市工信局', contact: '李四', phone: '025-1' }, 'zh').sheets;
};

describe('printed pages (estimated from the layout)', () => {
  it('prints every visible sheet at 70 % or more of its size (body text ≥ 7.7 pt), the 申报书 forms included', () => {
    for (const lang of ['zh', 'en'] as const)
      for (const s of [...buildLayout(J, { lang }).sheets, ...merged()].filter((x) => !x.hidden))
        expect({ sheet: s.name, readable: printScale(s) >= 0.7 }).toEqual({ sheet: s.name, readable: true });
  });

  it('never cuts a section of 统计 (its table and chart) by a page break', () => {
    const stats = merged().find((s) => s.key === 'stats')!;
    const page = pageOfRow(stats);
    const starts = subtitleRows(stats);
    const last = rangeBounds(stats.print.area).r2;
    expect(starts.length).toBeGreaterThan(5);
    expect(Math.max(...page.values())).toBeGreaterThan(1);
    starts.forEach((first, i) => {
      const end = (starts[i + 1] ?? last + 1) - 1;
      expect({ section: first, pages: [page.get(first), page.get(end)] }).toEqual({ section: first, pages: [page.get(first), page.get(first)] });
    });
  });

  it('prints 评估结果 on one page, its open problems last under their title: never a page holding only 「待解决问题（无）」', () => {
    for (const lang of ['zh', 'en'] as const) {
      const result = buildLayout(J, { lang }).sheets.find((s) => s.key === 'result')!;
      const [, , chart, problems] = subtitleRows(result);
      const L = workbookLabels(lang);
      const title = (r: number) => result.blocks.find((x) => rangeBounds(x.at).r1 === r && x.style === 'subtitle')!.rows[0]![0];
      expect([title(chart!), title(problems!)]).toEqual([L.radarTitle, L.problemsTitle]);
      // Fitted to one page tall (Excel, WPS and LibreOffice shrink it if their rows come out taller than
      // estimated), with no manual break, still readable.
      expect({ lang, pagesTall: result.print.pagesTall, breaks: result.print.breaks ?? [] }).toEqual({ lang, pagesTall: 1, breaks: [] });
      expect(printScale(result)).toBeGreaterThanOrEqual(0.75);
      const page = pageOfRow(result);
      expect({ lang, pages: Math.max(...page.values()) }).toEqual({ lang, pages: 1 });
    }
    // In Chinese it fits as the page's width scales it, not shrunk further, with room to spare for rows that
    // print taller than estimated.
    const zh = buildLayout(J).sheets.find((s) => s.key === 'result')!;
    const heights = rowHeights(zh);
    const { r2 } = rangeBounds(zh.print.area);
    expect(printScale(zh)).toBe(printScale({ ...zh, print: { ...zh.print, pagesTall: undefined } }));
    expect(rowsHeight(heights, 2, r2)).toBeLessThan(pageCapacity(zh, heights) - 20);
  });

  it('repeats on the pages across no row or column merged past what repeats (it would print cut off there)', () => {
    for (const s of merged().filter((x) => (x.print.pagesWide ?? 1) > 1)) {
      const [top, bottom] = s.print.titleRows!.split(':').map(Number) as [number, number];
      const keep = rangeBounds(`${s.print.titleColumns!.split(':')[1]}1`).c1;
      const cut = s.merges.map(rangeBounds).filter((m) => m.r1 <= bottom && m.r2 >= top && m.c2 > keep);
      expect({ sheet: s.name, cut }).toEqual({ sheet: s.name, cut: [] });
      // Nor does a repeated column hold the start of a merge that runs past it (it prints cut on every page).
      const across = s.merges.map(rangeBounds).filter((m) => m.c1 <= keep && m.c2 > keep);
      expect({ sheet: s.name, across }).toEqual({ sheet: s.name, across: [] });
    }
  });

  it("keeps 审核's title and note on its first page when it prints two pages across", () => {
    const review = merged().find((s) => s.key === 'review')!;
    expect(review.print.pagesWide).toBe(2);
    const onFirst = firstPageLastColumn(review);
    expect(onFirst).toBeGreaterThan(4);
    for (const m of review.merges.filter((x) => /^C[12]:/.test(x))) expect(rangeBounds(m).c2).toBeLessThanOrEqual(onFirst);
  });
});

describe('the seal on 真实性承诺', () => {
  it('keeps a row about 4 cm tall for the stamp', () => {
    const pledge = buildLayout(J).sheets.find((s) => s.key === 'app-pledge')!;
    const seal = pledge.blocks.find((x) => typeof x.rows[0]![0] === 'string' && (x.rows[0]![0] as string).endsWith('公章：'))!;
    const h = rowHeights(pledge).get(rangeBounds(seal.at).r1)!;
    expect(h).toBe(heightFor(SEAL_LINES));
    expect(h * printScale(pledge)).toBeGreaterThan(80); // points: ≈ 3 cm or more on paper
  });
});
