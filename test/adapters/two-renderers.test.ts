// One layout, two renderers: the workbook the add-in injects through Office.js holds the same cells,
// formulas, validations and names as the .xlsx file `sfa template` writes.
import ExcelJS from 'exceljs';
import { buildLayout } from '../../src/workbook/layout';
import { writeWorkbook } from '../../src/adapters/xlsx/write';
import { injectLayout } from '../../src/adapters/office/inject';
import { colLetter, rangeBounds } from '../../src/workbook/a1';
import { ALL_FEATURES, simWorkbook } from './office/sim';
import { J } from '../fixtures/jiangsu';

const layout = buildLayout(J);

/** The cells of an A1 range ('C25:C34' or 'C25'), as A1 addresses. */
function cellsOf(range: string): string[] {
  const b = rangeBounds(range);
  const out: string[] = [];
  for (let r = b.r1; r <= b.r2; r++) for (let c = b.c1; c <= b.c2; c++) out.push(`${colLetter(c)}${r}`);
  return out;
}
const older = {
  ...layout,
  layoutVersion: layout.layoutVersion - 1,
  sheets: layout.sheets.map((s) => (s.name === '企业信息' ? { ...s, hiddenColumns: [...s.hiddenColumns, 'Z'] } : s)),
};

/** On the strict host: a first injection, one repeated three times, an upgrade from an older layout. */
const histories: [string, (context: Excel.RequestContext) => Promise<void>][] = [
  ['injected', async (c) => void (await injectLayout(c, layout, ALL_FEATURES))],
  [
    're-injected',
    async (c) => {
      for (let i = 0; i < 3; i++) await injectLayout(c, layout, ALL_FEATURES);
    },
  ],
  [
    'upgraded',
    async (c) => {
      await injectLayout(c, older, ALL_FEATURES);
      await injectLayout(c, layout, ALL_FEATURES);
    },
  ],
];

describe('one layout, two renderers', () => {
  it.each(histories)('the %s workbook and the .xlsx file hold the same cells, formats, validations, names and charts', async (_, history) => {
    const { model, context } = simWorkbook([]);
    await history(context);
    const file = new ExcelJS.Workbook();
    await file.xlsx.load((await writeWorkbook(layout)) as unknown as ArrayBuffer);

    expect(model.sheets.map((s) => s.name)).toEqual(file.worksheets.map((w) => w.name));
    let compared = 0;
    for (const sheet of model.sheets) {
      const ws = file.getWorksheet(sheet.name)!;
      for (const [k, c] of sheet.cells) {
        const [r, col] = k.split(',').map(Number) as [number, number];
        const cell = ws.getCell(r, col);
        const x = cell.isMerged && cell.master !== cell ? null : cell.value; // ExcelJS shows the master's value in merged cells
        const fromFile = x !== null && typeof x === 'object' && 'formula' in x ? `=${x.formula}` : (x ?? null);
        expect([sheet.name, `${colLetter(col)}${r}`, c.formula ?? c.value]).toEqual([sheet.name, `${colLetter(col)}${r}`, fromFile]);
        if (!cell.isMerged || cell.master === cell) expect([sheet.name, k, c.locked]).toEqual([sheet.name, k, cell.protection?.locked !== false]);
        // A text cell of the file is a text cell here (what is typed there later stays text).
        if ((!cell.isMerged || cell.master === cell) && cell.numFmt === '@') expect([sheet.name, k, c.numberFormat]).toEqual([sheet.name, k, cell.numFmt]);
        compared++;
      }
      // Compared cell by cell: ExcelJS may store one rule per cell where Office.js keeps one per range.
      const fileRules = (ws as unknown as { dataValidations: { model: Record<string, { type: string; formulae?: unknown[] }> } }).dataValidations.model;
      const fileByCell = new Map<string, { type: string; formulae?: unknown[] }>();
      for (const [range, rule] of Object.entries(fileRules)) for (const k of cellsOf(range)) fileByCell.set(k, rule);
      const hostCells = sheet.validations.flatMap((v) => cellsOf(v.range));
      expect([sheet.name, [...hostCells].sort()]).toEqual([sheet.name, [...fileByCell.keys()].sort()]);
      for (const v of sheet.validations) {
        const list = (v.rule as { list?: { source: string } }).list;
        if (!list) continue;
        for (const k of cellsOf(v.range)) {
          const f = fileByCell.get(k)!;
          expect([sheet.name, k, f.type, `=${String(f.formulae?.[0])}`.replace(/^==/, '=')]).toEqual([sheet.name, k, 'list', list.source]);
        }
      }
      expect([sheet.name, [...sheet.hiddenColumns].sort((a, b) => a - b)]).toEqual([
        sheet.name,
        (ws.columns ?? []).flatMap((c, i) => (c.hidden ? [i + 1] : [])),
      ]);
      expect([sheet.name, [...sheet.merges].sort()]).toEqual([sheet.name, [...(ws.model as unknown as { merges: string[] }).merges].sort()]);
    }
    expect(compared).toBeGreaterThan(1500);
    for (const [name, ref] of model.names) expect(file.definedNames.getRanges(name).ranges).toEqual([ref.replace(/^=/, '')]);
    expect(model.names.size).toBe(layout.names.length);
    // ExcelJS writes no charts: the layout's are the reference.
    expect(model.sheets.flatMap((s) => s.charts.map((c) => [s.name, c.source]))).toEqual(layout.charts.map((c) => [c.sheet, `'${c.sheet}'!${c.source}`]));
  });
});
