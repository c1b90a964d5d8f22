// One input grammar, four readings that agree: for every typed variant, the CLI's reader on the file ExcelJS
// saved and on the file after a LibreOffice round trip, the workbook's own formulas as LibreOffice computed
// them, and the pane's reader (the same cells as Office.js hands them over) give the same verdict — and a
// variant outside the grammar is one error naming its cell and quoting what was typed, never an error value.
import { writeWorkbook } from '../../src/adapters/xlsx/write';
import { readAssessmentWorkbook } from '../../src/adapters/xlsx/read';
import { buildLayout } from '../../src/workbook/layout';
import { inputsOfLayout, withoutApplication } from '../fixtures/without-application';
import { assessmentFromInputs, problemsAsIssues, type NamedValues, type RawCell } from '../../src/workbook/inputs';
import { ASSESSMENT_INPUT_NAMES, NAMES } from '../../src/workbook/names';
import { score, type Report } from '../../src/domain';
import { J } from '../fixtures/jiangsu';
import { ComputedWorkbook, findSoffice, recalculate } from './libreoffice';
import { readNamed, resolveName } from './named-values';
import { workbookOutcome } from './outcome';
import { TYPED_VARIANTS } from './typed-variants';

const soffice = findSoffice();
const ci = (process.env.CI ?? '') !== '' && process.env.CI !== 'false';
// Scoring parity: written as sfa template writes them, less the 申报书 sheets (layout 2), which do not feed any
// scoring formula and have suites of their own; with them each file costs LibreOffice several times as long.
const layout = withoutApplication(buildLayout(J));
const fileOf = (i: number) => `typed-${String(i).padStart(3, '0')}.xlsx`;

interface Verdict {
  tier: string | null;
  composite: number | null;
  errors: boolean;
}
const verdictOf = (r: Report): Verdict => ({ tier: r.tier, composite: r.composite, errors: r.errors.length > 0 });

/** The pane's reading: the cells as Office.js returns `values` ("" for an empty cell), through the same reader. */
function paneRead(wb: ComputedWorkbook) {
  const ranges = new Map<string, NamedValues>();
  for (const n of ASSESSMENT_INPUT_NAMES) {
    const { sheet, c1, r1, c2, r2 } = resolveName(layout, n);
    const values: RawCell[][] = [];
    for (let r = r1; r <= r2; r++) {
      const row: RawCell[] = [];
      for (let c = c1; c <= c2; c++) {
        const v = wb.at(sheet, c, r);
        row.push(v === null ? '' : typeof v === 'object' ? v.error : v);
      }
      values.push(row);
    }
    ranges.set(n, { sheet, col: c1, row: r1, values });
  }
  return assessmentFromInputs(J, ranges);
}

(soffice || ci ? describe : describe.skip)('typed variants: CLI, workbook and pane agree', () => {
  const saved: Buffer[] = [];
  const roundTrip = new Map<number, { data: Buffer; wb: ComputedWorkbook }>();

  beforeAll(async () => {
    if (!soffice) throw new Error('soffice is missing under CI: scripts/setup-system.sh must install libreoffice-calc-nogui');
    for (const v of TYPED_VARIANTS) saved.push(await writeWorkbook(layout, inputsOfLayout(layout, v.inputs)));
    const out = await recalculate(
      saved.map((data, i) => ({ name: fileOf(i), data })),
      soffice,
    );
    for (const [i] of TYPED_VARIANTS.entries()) {
      const data = out.get(fileOf(i))!;
      roundTrip.set(i, { data, wb: await ComputedWorkbook.read(data) });
    }
  }, 600_000);

  it('has at least 60 variants, both accepted and refused ones', () => {
    expect(TYPED_VARIANTS.length).toBeGreaterThanOrEqual(60);
    expect(TYPED_VARIANTS.filter((v) => !v.accepted).length).toBeGreaterThanOrEqual(20);
  });

  it.each(TYPED_VARIANTS.map((v, i) => [v.name, i] as const))('%s', async (_name, i) => {
    const v = TYPED_VARIANTS[i]!;
    const { data, wb } = roundTrip.get(i)!;
    const cli = async (file: Uint8Array) => {
      const read = await readAssessmentWorkbook(file);
      return { read, report: score(J, read.assessment, { extraErrors: problemsAsIssues(read.problems) }) };
    };
    const excel = await cli(saved[i]!);
    const lo = await cli(data);
    const pane = paneRead(wb);
    const paneReport = score(J, pane.assessment, { extraErrors: problemsAsIssues(pane.problems) });
    const named = (n: string) => readNamed(layout, n, (s, c, r) => wb.at(s, c, r));
    const sheet = workbookOutcome(J, named);
    const sheetErrors = named(NAMES.errors).values[0]![0];
    const sheetVerdict: Verdict = { tier: sheet.tier, composite: sheet.composite, errors: typeof sheetErrors === 'number' && sheetErrors > 0 };

    const expected = verdictOf(excel.report);
    expect({ lo: verdictOf(lo.report), pane: verdictOf(paneReport), sheet: sheetVerdict }).toEqual({ lo: expected, pane: expected, sheet: expected });
    if (v.accepted) {
      // A variant of a valid answer that the grammar accepts keeps the file valid (declaring 否 or raising a level is not an error).
      expect(excel.report.errors).toEqual([]);
    } else {
      // Refused: one error, on that cell, quoting what was typed — and not also 「未填写」.
      const mine = excel.report.errors.filter((e) => e.path === v.path);
      expect(mine).toHaveLength(1);
      const shown = typeof v.typed === 'boolean' ? (v.typed ? 'TRUE' : 'FALSE') : String(v.typed);
      if (excel.read.problems.length) expect(mine[0]!.message).toContain(`「${shown}」`);
      expect(excel.report.warnings.filter((w) => w.path === v.path && w.code === 'required')).toEqual([]);
      expect(sheetVerdict.errors).toBe(true);
    }
    // No result cell holds an error value, whatever was typed.
    for (const n of [NAMES.composite, NAMES.tier, NAMES.size, NAMES.errors, NAMES.missing, NAMES.counts, NAMES.coverage, NAMES.tierMet, NAMES.summaryRows])
      for (const row of named(n).values) for (const c of row) expect(typeof c === 'object' && c !== null ? `${n}: ${c.error}` : 'ok').toBe('ok');
  });
});
