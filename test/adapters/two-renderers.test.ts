// One layout, two renderers: the workbook the add-in injects through Office.js holds the same cells,
// formulas, validations and names as the .xlsx file `sfa template` writes.
import ExcelJS from 'exceljs';
import { buildLayout } from '../../src/workbook/layout';
import { writeWorkbook } from '../../src/adapters/xlsx/write';
import { injectLayout } from '../../src/adapters/office/inject';
import { colLetter } from '../../src/workbook/a1';
import { ALL_FEATURES, simWorkbook } from './office/sim';
import { J } from '../fixtures/jiangsu';

describe('one layout, two renderers', () => {
  it('the injected workbook and the .xlsx file hold the same cells, validations and names', async () => {
    const layout = buildLayout(J);
    const { model, context } = simWorkbook([]);
    await injectLayout(context, layout, ALL_FEATURES);
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
        compared++;
      }
      const fileValidations = Object.keys((ws as unknown as { dataValidations: { model: Record<string, unknown> } }).dataValidations.model).sort();
      expect([sheet.name, sheet.validations.map((v) => v.range).sort()]).toEqual([sheet.name, fileValidations]);
      expect([sheet.name, [...sheet.merges].sort()]).toEqual([sheet.name, [...(ws.model as unknown as { merges: string[] }).merges].sort()]);
    }
    expect(compared).toBeGreaterThan(1500);
    for (const [name, ref] of model.names) expect(file.definedNames.getRanges(name).ranges).toEqual([ref.replace(/^=/, '')]);
  });
});
