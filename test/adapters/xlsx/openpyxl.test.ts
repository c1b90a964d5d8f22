// openpyxl (Debian's python3-openpyxl, what pandas scripts use) as an independent reader: it opens every file
// the project writes and, through the defined names, reads the same values our reader reads, so the
// assessment and the merged table it yields are the ones the engine gets.
import { execFileSync } from 'node:child_process';
import JSZip from 'jszip';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readAssessmentWorkbook } from '../../../src/adapters/xlsx/read';
import { ASSESSMENT_LIMITS, readNamedRanges, type NamedRead } from '../../../src/adapters/xlsx/workbook-reader';
import { readMergedSummary } from '../../../src/adapters/xlsx/merged';
import { nodeInflater } from '../../../src/adapters/xlsx/inflate-node';
import { rangeBounds } from '../../../src/workbook/a1';
import { assessmentFromInputs, type NamedValues, type RawCell } from '../../../src/workbook/inputs';
import { summaryRowsFromValues } from '../../../src/workbook/merged-summary';
import { withEarlierReviews } from '../../../src/domain/bureau/review';
import { reviewsFromValues } from '../../../src/workbook/merged-review';
import { NAMES } from '../../../src/workbook/names';
import { writtenFiles, type WrittenFile } from '../../support/written-files';
import { J } from '../../fixtures/jiangsu';

const PYTHON = '/usr/bin/python3'; // Debian's, which has openpyxl (the pyenv python3 on PATH has not)
type PyCell = string | number | boolean | null | { f: string } | { date: string };
interface PyBook {
  error?: string;
  names: Record<string, { sheet: string; ref: string; values: PyCell[][] }[]>;
  sheets: { name: string; state: string }[];
  warnings: string[];
}

let files: WrittenFile[];
let books: Map<string, PyBook>;
let dir: string;

beforeAll(async () => {
  files = await writtenFiles();
  dir = mkdtempSync(join(tmpdir(), 'sfa-openpyxl-'));
  const paths = files.map((f) => {
    const p = join(dir, f.name);
    writeFileSync(p, f.data);
    return p;
  });
  const out = execFileSync(PYTHON, [join(__dirname, '..', '..', 'support', 'openpyxl_names.py'), ...paths], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const parsed = JSON.parse(out) as Record<string, PyBook>;
  books = new Map(files.map((f, i) => [f.name, parsed[paths[i]!]!]));
}, 240_000); // 20+ written files (layout 2 adds the 申报书 sheets) parsed by openpyxl on a shared machine
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Every defined name of a file through our reader (the one the engine uses). */
async function ourNames(data: Uint8Array): Promise<NamedRead> {
  const { definedNames } = await readNamedRanges(data, [], ASSESSMENT_LIMITS, nodeInflater);
  return readNamedRanges(
    data,
    [...definedNames].map((name) => ({ name, maxCells: 1_000_000 })),
    ASSESSMENT_LIMITS,
    nodeInflater,
  );
}

/** openpyxl's cell as the reader interface's RawCell: a formula has no cached result in our files. */
function raw(c: PyCell): RawCell {
  if (c !== null && typeof c === 'object') return 'f' in c ? { formula: c.f, cached: null } : new Date(`${c.date.slice(0, 19)}Z`);
  return c;
}

function pyRanges(book: PyBook): Map<string, NamedValues> {
  const m = new Map<string, NamedValues>();
  for (const [name, [dest]] of Object.entries(book.names)) {
    if (!dest) continue;
    const b = rangeBounds(dest.ref.replace(/\$/g, ''));
    m.set(name, { sheet: dest.sheet, col: b.c1, row: b.r1, values: dest.values.map((r) => r.map(raw)) });
  }
  return m;
}

describe('openpyxl opens every written file', () => {
  it('has python3-openpyxl (scripts/setup-system.sh installs it; CI never skips this)', () => {
    expect(existsSync(PYTHON)).toBe(true);
    expect(execFileSync(PYTHON, ['-c', 'import openpyxl; print(openpyxl.__version__)'], { encoding: 'utf8' })).toMatch(/^\d+\.\d+/);
  });

  it('refuses a file whose data validation says errorStyle="error" (so the check above can fail)', async () => {
    const good = files.find((f) => f.name === 'template-jiangsu-zh.xlsx')!;
    const zip = await JSZip.loadAsync(good.data);
    const sheet = 'xl/worksheets/sheet1.xml';
    const xml = await zip.file(sheet)!.async('string');
    expect(xml).toContain('errorStyle="stop"');
    zip.file(sheet, xml.replace(/errorStyle="stop"/g, 'errorStyle="error"'));
    const bad = join(dir, 'errorStyle-error.xlsx');
    writeFileSync(bad, await zip.generateAsync({ type: 'nodebuffer' }));
    const out = JSON.parse(execFileSync(PYTHON, [join(__dirname, '..', '..', 'support', 'openpyxl_names.py'), bad], { encoding: 'utf8' })) as Record<
      string,
      PyBook
    >;
    expect(out[bad]!.error).toMatch(/Value must be one of \{.*'stop'.*\}/);
  });

  it('opens all of them without an error or a warning, with every sheet the file lists', async () => {
    expect(files.length).toBeGreaterThanOrEqual(20);
    for (const f of files) {
      const book = books.get(f.name)!;
      expect({ file: f.name, error: book.error, warnings: book.warnings }).toEqual({ file: f.name, error: undefined, warnings: [] });
      const workbookXml = await (await JSZip.loadAsync(f.data)).file('xl/workbook.xml')!.async('string');
      const listed = [...workbookXml.matchAll(/<sheet [^>]*name="([^"]*)"[^>]*state="([^"]*)"/g)].map((m) => ({ name: m[1], state: m[2] }));
      expect({ file: f.name, sheets: book.sheets }).toEqual({ file: f.name, sheets: listed });
    }
  });

  it('reads every defined name with the same sheet, range and cells (values and formulas) as our reader', async () => {
    for (const f of files) {
      const book = books.get(f.name)!;
      const ours = await ourNames(f.data);
      expect({ file: f.name, names: Object.keys(book.names).sort() }).toEqual({ file: f.name, names: [...ours.definedNames].sort() });
      for (const name of ours.definedNames) {
        const [dest] = book.names[name]!;
        const area = ours.areas.get(name)!;
        const b = rangeBounds(dest!.ref.replace(/\$/g, ''));
        expect({ file: f.name, name, sheet: dest!.sheet, ...b }).toEqual({ file: f.name, name, ...area });
        // Our reader lists the cells the file holds; openpyxl gives the whole rectangle (None where empty).
        const mine = ours.values.get(name)?.values ?? [];
        const theirs = dest!.values.map((r) => r.map(raw));
        theirs.forEach((row, i) =>
          row.forEach((v, j) => {
            const m = mine[i]?.[j] ?? null;
            // A date is a number in the file (ECMA-376 serial, as our reader reports it); openpyxl applies the
            // date format. Formulas compare by their text; no cached results are written.
            const norm = (x: RawCell) =>
              x instanceof Date
                ? x.getTime() / 86_400_000 + 25_569
                : typeof x === 'object' && x !== null && 'formula' in x
                  ? { formula: x.formula }
                  : x === undefined
                    ? null
                    : x;
            expect({ file: f.name, name, i, j, v: norm(v) }).toEqual({ file: f.name, name, i, j, v: norm(m) });
          }),
        );
      }
    }
  });

  it('yields the same assessment as the engine reads (filled workbooks and empty templates)', async () => {
    for (const f of files.filter((x) => x.kind !== 'merged')) {
      // The shipped rubric through the whole reader; the test rubric (not shipped) through the same input grammar.
      const engine =
        f.rubric.id === J.id
          ? await readAssessmentWorkbook(f.data, f.lang, { inflate: nodeInflater })
          : assessmentFromInputs(f.rubric, (await ourNames(f.data)).values, f.lang);
      const viaOpenpyxl = assessmentFromInputs(f.rubric, pyRanges(books.get(f.name)!), f.lang);
      expect({ file: f.name, ...viaOpenpyxl }).toEqual({ file: f.name, assessment: engine.assessment, problems: engine.problems });
      if (f.assessment) expect(viaOpenpyxl.assessment.profile?.enterpriseName).toBe(f.assessment.profile?.enterpriseName);
    }
  });

  it('yields the same merged table and header as sfa merge --into reads', async () => {
    for (const f of files.filter((x) => x.kind === 'merged')) {
      const engine = await readMergedSummary(f.data, f.lang, { inflate: nodeInflater });
      const names = pyRanges(books.get(f.name)!);
      const plain = (n: string) =>
        (names.get(n)?.values ?? []).map((r) => r.map((c) => (typeof c === 'object' && c !== null && !(c instanceof Date) ? null : c)));
      const one = (n: string) => String(names.get(n)?.values[0]?.[0] ?? '');
      // The table with the bureau's columns beside it (推荐顺序, the statistics' facts) and 审核 by enterprise.
      const rows = withEarlierReviews(
        summaryRowsFromValues(plain(NAMES.mergedTable), plain(NAMES.mergedOrder), plain(NAMES.mergedFacts), f.rubric),
        reviewsFromValues(plain(NAMES.reviewTable)),
      );
      expect({ file: f.name, rows, unit: one(NAMES.summaryUnit), contact: one(NAMES.summaryContact), phone: one(NAMES.summaryPhone) }).toEqual({
        file: f.name,
        rows: engine.rows,
        ...engine.header,
      });
    }
  });
});
