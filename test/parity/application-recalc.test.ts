// The 申报书 sheets of the filled example, recalculated by LibreOffice: no cell computes an error value, the
// sheets' own totals say 0 errors, and the date fields' serial cells hold the dates typed. Before the date checks
// referred to one parsed serial per field, the completion-date check was 139,859 characters: over Excel's 8,192,
// and LibreOffice gave #N/A (Err:512) in it and in every total depending on it. Then 企业信息's 直接认定 against
// the 申报书: in variants of the example (class × answers), a check cell shows the recognition's warning exactly
// where checkApplication puts one, and the error total is the engine's error count (a warning is no error).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeWorkbook } from '../../src/adapters/xlsx/write';
import type { Assessment } from '../../src/domain';
import { checkApplication } from '../../src/domain/application/checks';
import { getApplicationRubric } from '../../src/domain/rubrics/applications';
import { buildLayout } from '../../src/workbook/layout';
import { cellForPath } from '../../src/workbook/paths';
import { colLetter } from '../../src/workbook/a1';
import { inputsFromAssessment } from '../../src/workbook/inputs';
import { J } from '../fixtures/jiangsu';
import { ComputedWorkbook, findSoffice, recalculate } from './libreoffice';

const soffice = findSoffice();
const example: Assessment = JSON.parse(readFileSync(join(__dirname, '../../examples/application.json'), 'utf8'));
const app = getApplicationRubric('jiangsu-2025')!;

/** 评价评估与荣誉 answers: each implied field right, wrong, empty, or with an error of its own. */
const ANSWERS: Record<string, Record<string, unknown>> = {
  empty: { nationalExcellentYear: undefined, provincialDemo: undefined, nationalProject: false, national5g: false },
  agrees: { nationalExcellentYear: 2024, provincialDemo: true, nationalProject: true, national5g: false },
  disagrees: { nationalExcellentYear: 2023, provincialDemo: false, nationalProject: false, national5g: true },
  ownError: { nationalExcellentYear: 2024.5, provincialDemo: true, nationalProject: false, national5g: false },
  requiredEmpty: { nationalExcellentYear: undefined, provincialDemo: true, nationalProject: undefined, national5g: false },
};
const VARIANTS: [string | undefined, string][] = [
  ...['national-excellent-2024', 'national-demonstration', 'provincial-demonstration'].flatMap((id) =>
    Object.keys(ANSWERS).map((k): [string, string] => [id, k]),
  ),
  ['none', 'disagrees'],
  [undefined, 'empty'],
];
const variantOf = (recognition: string | undefined, answers: string): Assessment => {
  const a: Assessment = JSON.parse(JSON.stringify(example));
  if (recognition) a.profile = { ...a.profile, recognition };
  const ratings = (a.application as Record<string, Record<string, unknown>>).ratings!;
  for (const [k, v] of Object.entries(ANSWERS[answers]!)) {
    if (v === undefined) delete ratings[k];
    else ratings[k] = v;
  }
  // A national project or 5G factory answered 是 names it (else that is a warning of its own, not this test's).
  if (ratings.nationalProject === true) ratings.nationalProjectName = '智能制造示范工厂揭榜';
  if (ratings.national5g === true) ratings.national5gName = '5G 工厂';
  return a;
};
const fileOf = (recognition: string | undefined, answers: string) => `recognition-${recognition ?? 'unset'}-${answers}.xlsx`;

const serial = (iso: string) => Math.round((Date.parse(`${iso}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86_400_000);

(soffice ? describe : describe.skip)('the 申报书 recalculated by LibreOffice', () => {
  let wb: ComputedWorkbook;
  const layout = buildLayout(J);
  const appSheets = layout.sheets.filter((s) => s.key.startsWith('app-') && !s.hidden).map((s) => s.name);

  const variants = new Map<string, ComputedWorkbook>();

  beforeAll(async () => {
    // One soffice call for the example and every variant.
    const files = [{ name: 'application.xlsx', data: await writeWorkbook(layout, inputsFromAssessment(J, example)) }];
    for (const [id, answers] of VARIANTS)
      files.push({ name: fileOf(id, answers), data: await writeWorkbook(layout, inputsFromAssessment(J, variantOf(id, answers))) });
    const out = await recalculate(files, soffice);
    wb = await ComputedWorkbook.read(out.get('application.xlsx')!);
    for (const [id, answers] of VARIANTS) variants.set(fileOf(id, answers), await ComputedWorkbook.read(out.get(fileOf(id, answers))!));
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

  it('the variants exercise the check: some warn on one field, some on two, some not at all', () => {
    const counts = VARIANTS.map(
      ([id, answers]) =>
        checkApplication(app, J, variantOf(id, answers), { lang: 'zh', today: '2025-03-20' }).warnings.filter((w) => w.code === 'recognition-mismatch').length,
    );
    expect(new Set(counts)).toEqual(new Set([0, 1, 2]));
  });

  it.each(VARIANTS)('直接认定 %s with answers %s: the warning in the cells where the engine warns, and no more errors than it counts', (id, answers) => {
    const computed = variants.get(fileOf(id, answers))!;
    const report = checkApplication(app, J, variantOf(id, answers), { lang: 'zh', today: '2025-03-20' });
    const engine = report.warnings
      .filter((w) => w.code === 'recognition-mismatch')
      .map((w) => {
        const at = cellForPath(layout, J, w.path)!;
        return `${at.sheet}!D${/\d+$/.exec(at.cell)![0]}`;
      })
      .sort();
    // Every visible cell saying it (the helper column holding the sentence is hidden).
    const hidden = (sheet: string) => new Set(layout.sheets.find((x) => x.name === sheet)!.hiddenColumns);
    const shown = appSheets
      .flatMap((sh) =>
        computed
          .cellsOf(sh)
          .filter(([c, , v]) => !hidden(sh).has(colLetter(c)) && typeof v === 'string' && v.startsWith('提示：企业信息选了直接认定'))
          .map(([c, r]) => `${sh}!${colLetter(c)}${r}`),
      )
      .sort();
    expect(shown).toEqual(engine);
    const totals = String(computed.at(appSheets[0]!, 1, 2));
    expect(totals).toMatch(new RegExp(`错误 ${report.errors.length}，`));
  });
});
