// The 申报书 sheets of the filled example, recalculated by LibreOffice: no cell computes an error value, the
// sheets' own totals say 0 errors, and the date fields' serial cells hold the dates typed. Before the date checks
// referred to one parsed serial per field, the completion-date check was 139,859 characters: over Excel's 8,192,
// and LibreOffice gave #N/A (Err:512) in it and in every total depending on it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeWorkbook } from '../../src/adapters/xlsx/write';
import type { Assessment } from '../../src/domain';
import { buildLayout } from '../../src/workbook/layout';
import { inputsFromAssessment } from '../../src/workbook/inputs';
import { J } from '../fixtures/jiangsu';
import { ComputedWorkbook, findSoffice, recalculate } from './libreoffice';

const soffice = findSoffice();
const example: Assessment = JSON.parse(readFileSync(join(__dirname, '../../examples/application.json'), 'utf8'));
const serial = (iso: string) => Math.round((Date.parse(`${iso}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86_400_000);

(soffice ? describe : describe.skip)('the 申报书 recalculated by LibreOffice', () => {
  let wb: ComputedWorkbook;
  const layout = buildLayout(J);
  const appSheets = layout.sheets.filter((s) => s.key.startsWith('app-') && !s.hidden).map((s) => s.name);

  beforeAll(async () => {
    const out = await recalculate([{ name: 'application.xlsx', data: await writeWorkbook(layout, inputsFromAssessment(J, example)) }], soffice);
    wb = await ComputedWorkbook.read(out.get('application.xlsx')!);
  }, 900_000);

  it('computes no error value in any cell of the 申报书 sheets', () => {
    expect(appSheets.length).toBeGreaterThan(5);
    const errors = appSheets.flatMap((s) =>
      wb
        .cellsOf(s)
        .filter(([, , v]) => v !== null && typeof v === 'object' && 'error' in v)
        .map(([c, r, v]) => `${s}!${c},${r}: ${JSON.stringify(v)}`),
    );
    expect(errors).toEqual([]);
  });

  it('says 0 errors in the first sheet’s totals, and parses the dates typed into their serial cells', () => {
    const totals = wb.at(appSheets[0]!, 1, 2);
    expect(String(totals)).toMatch(/错误 0/);
    const factory = layout.sheets.find((s) => s.name === '申报书-工厂')!;
    const serials = factory.blocks.filter((b) => b.at.startsWith('Z')).map((b) => wb.at(factory.name, 26, Number(b.at.slice(1))));
    const typed = Object.values(example.application!.factory as Record<string, unknown>).filter(
      (v): v is string => typeof v === 'string' && /^\d{4}-\d\d-\d\d$/.test(v),
    );
    expect(typed.length).toBeGreaterThan(0);
    expect(serials.sort()).toEqual(typed.map(serial).sort());
  });
});
