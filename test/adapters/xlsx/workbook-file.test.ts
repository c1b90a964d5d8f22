import ExcelJS from 'exceljs';
import { mkdtempSync, writeFileSync, existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { buildLayout } from '../../../src/workbook/layout';
import { inputsFromAssessment } from '../../../src/workbook/inputs';
import { writeWorkbook } from '../../../src/adapters/xlsx/write';
import { readAssessmentWorkbook, WorkbookReadError } from '../../../src/adapters/xlsx/read';
import { score, type Assessment } from '../../../src/domain';
import { advancedAssessment, J } from '../../fixtures/jiangsu';
import { validAssessmentArb } from '../../fixtures/arbitraries';
import { runCli } from '../../cli/run-cli';

const layout = buildLayout(J);
const ROOT = join(__dirname, '..', '..', '..');
const load = async (buf: Buffer) => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
};
/** Scenarios left out and "none" are the same answer (ASSESSMENT-JSON.md). */
function normal(a: Assessment): Assessment {
  const scenarios = Object.fromEntries(Object.entries(a.scenarios ?? {}).filter(([, t]) => t !== 'none'));
  return { ...a, scenarios };
}

describe('the .xlsx file', () => {
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    wb = await load(await writeWorkbook(layout));
  });

  it('has the sheets in order (the assessment, then the 申报书), the rubric and options sheets hidden', () => {
    const app = ['申报书-基本信息', '申报书-工厂', '建设成效', '申报书-正文', '场景实例', '附1-2', '附1-3至1-7', '真实性承诺', '附件清单'].map((n) => [
      n,
      'visible',
    ]);
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
      ['企业信息', 'visible'],
      ['数字化转型自评', 'visible'],
      ['场景自评', 'visible'],
      ['评估结果', 'visible'],
      ['推荐汇总表', 'visible'],
      ...app,
      ['申报书选项', 'hidden'],
      ['规则', 'hidden'],
    ]);
  });

  it('carries every defined name of the layout, pointing where the layout says', () => {
    for (const n of layout.names) expect(wb.definedNames.getRanges(n.name).ranges).toEqual([n.ref]);
  });

  it('has the real validations on the cells: level lists, a scenario’s own tiers, the band rule', () => {
    const ind = wb.getWorksheet('数字化转型自评')!;
    expect(ind.getCell('E3').dataValidation).toMatchObject({ type: 'list', formulae: ["'规则'!$D$2:$D$8"] }); // 1 allows 不涉及
    expect(ind.getCell('E4').dataValidation).toMatchObject({ type: 'list', formulae: ["'规则'!$D$2:$D$7"] });
    expect(ind.getCell('G5').dataValidation).toMatchObject({ type: 'custom', showErrorMessage: true });
    expect(String(ind.getCell('G5').dataValidation.error)).toContain('20 ≤ 得分 < 40');
    const scen = wb.getWorksheet('场景自评')!;
    expect(scen.getCell('E3').dataValidation).toMatchObject({ type: 'list', formulae: ["'规则'!$AA$2:$AD$2"] }); // scenario 1: 未建设, 先进级…
    expect(['AA2', 'AB2', 'AD2'].map((c) => wb.getWorksheet('规则')!.getCell(c).value)).toEqual(['未建设', '先进级', '领航级']);
    expect(wb.getWorksheet('企业信息')!.getCell('B4').dataValidation).toMatchObject({ type: 'textLength', formulae: [18] });
  });

  it('is protected without a password; inputs unlocked, formulas locked', () => {
    for (const w of wb.worksheets)
      expect((w as unknown as { sheetProtection: { sheet: boolean; hashValue?: string } }).sheetProtection).toMatchObject({ sheet: true });
    for (const w of wb.worksheets) expect((w as unknown as { sheetProtection: { hashValue?: string } }).sheetProtection.hashValue).toBeUndefined();
    const ind = wb.getWorksheet('数字化转型自评')!;
    expect(ind.getCell('G5').protection).toMatchObject({ locked: false });
    expect(ind.getCell('H5').protection?.locked).not.toBe(false);
    expect(ind.getCell('H5').value).toMatchObject({ formula: expect.stringContaining('INDEX(') });
    expect((ind.getCell('H5').value as { result?: unknown }).result).toBeUndefined(); // no cached value
  });

  it('prints on A4, 推荐汇总表 landscape, fit to width, with print areas and title rows', () => {
    for (const spec of layout.sheets) {
      const ps = wb.getWorksheet(spec.name)!.pageSetup;
      expect([spec.name, ps.paperSize, ps.orientation, ps.fitToWidth, ps.printArea]).toEqual([spec.name, 9, spec.print.orientation, 1, spec.print.area]);
      // As many pages tall as it takes (0), but 评估结果: one page.
      expect([spec.name, ps.fitToHeight]).toEqual([spec.name, spec.key === 'result' ? 1 : 0]);
    }
    expect(wb.getWorksheet('推荐汇总表')!.pageSetup.orientation).toBe('landscape');
  });

  it('paints invalid inputs with conditional formats', () => {
    const cfs = (wb.getWorksheet('数字化转型自评') as unknown as { conditionalFormattings: { ref: string; rules: { formulae: string[] }[] }[] })
      .conditionalFormattings;
    expect(cfs.map((c) => [c.ref, c.rules[0]!.formulae[0]])).toContainEqual(['E3:G12', '$Y3=1']);
  });
});

describe('reading workbooks back', () => {
  it('JSON → xlsx → JSON is the identity for valid assessments', async () => {
    await fc.assert(
      fc.asyncProperty(validAssessmentArb, async (a) => {
        const back = await readAssessmentWorkbook(await writeWorkbook(layout, inputsFromAssessment(J, a)));
        expect(back.problems).toEqual([]);
        expect(normal(back.assessment)).toEqual(normal(a));
      }),
      { numRuns: 15 },
    );
  });

  it('is tolerant of what people type and names every bad cell', async () => {
    const inputs = inputsFromAssessment(J, advancedAssessment());
    inputs.get('SFA_IND_SCORE')![0] = [' ７５ ']; // full-width digits and spaces
    inputs.get('SFA_IND_SCORE')![1] = ['75'];
    inputs.get('SFA_IND_LEVEL')![2] = ['高级'];
    inputs.get('SFA_SCENARIO_TIER')![4] = ['顶级'];
    inputs.get('SFA_DECLARATIONS')![0] = ['是 '];
    inputs.get('SFA_PROFILE')![12] = ['五百'];
    const r = await readAssessmentWorkbook(await writeWorkbook(layout, inputs));
    expect((r.assessment.indicators!['1'] as { score: number }).score).toBe(75);
    expect((r.assessment.indicators!['2'] as { score: number }).score).toBe(75);
    expect(r.assessment.declarations!.scale).toBe(true);
    expect(r.problems.map((p) => [p.sheet, p.cell, p.path])).toEqual([
      ['企业信息', 'B15', 'profile.employees'],
      ['数字化转型自评', 'E5', 'indicators.3.level'],
      ['场景自评', 'E7', 'scenarios.5'],
    ]);
  });

  it('keeps formula-looking text literal', async () => {
    const a = advancedAssessment();
    a.profile!.enterpriseName = '=HYPERLINK("http://evil","x")';
    a.profile!.factoryName = '@SUM(1)';
    const buf = await writeWorkbook(layout, inputsFromAssessment(J, a));
    const cell = (await load(buf)).getWorksheet('企业信息')!.getCell('B3');
    expect(cell.value).toBe('=HYPERLINK("http://evil","x")');
    expect((await readAssessmentWorkbook(buf)).assessment.profile!.factoryName).toBe('@SUM(1)');
  });

  it('refuses files that are not ours, with one clear message', async () => {
    const other = new ExcelJS.Workbook();
    other.addWorksheet('Sheet1').getCell('A1').value = 1;
    const cases: [Buffer, RegExp][] = [
      [Buffer.alloc(0), /空/],
      [Buffer.from('a,b,c\n1,2,3\n'), /不是 .xlsx/],
      [Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0]), /加密|\.xls/],
      [Buffer.concat([Buffer.from('PK'), Buffer.alloc(100)]), /损坏/],
      [Buffer.from(await other.xlsx.writeBuffer()), /不是智能工厂自评工作簿/],
    ];
    for (const [buf, msg] of cases) await expect(readAssessmentWorkbook(buf)).rejects.toThrow(msg);
    await expect(readAssessmentWorkbook(Buffer.alloc(0))).rejects.toBeInstanceOf(WorkbookReadError);
  });

  it('tells a merged summary given as an input apart from a foreign workbook', async () => {
    const { writeMergedSummary } = await import('../../../src/adapters/xlsx/merged');
    const { mergeSummary } = await import('../../../src/domain');
    const merged = await writeMergedSummary(
      J,
      mergeSummary([], [{ file: 'a.json', modified: 0, rubric: J, assessment: advancedAssessment() }]),
      { unit: '', contact: '', phone: '' },
      'zh',
    );
    await expect(readAssessmentWorkbook(merged)).rejects.toThrow(/合并生成的推荐汇总表.*--into/);
    await expect(readAssessmentWorkbook(merged, 'en')).rejects.toThrow(/merged summary.*--into/);
  });

  it('refuses a newer layout', async () => {
    const newer = { ...layout, sheets: layout.sheets.map((s) => (s.key === 'rubric' ? { ...s, blocks: [...s.blocks, { at: 'B2', rows: [[99]] }] } : s)) };
    await expect(readAssessmentWorkbook(await writeWorkbook(newer))).rejects.toThrow(/第 99 版/);
  });
});

describe('sfa template / export / score on workbooks', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sfa-xlsx-'));
  it('template --from each example, then score, gives the report of the JSON', async () => {
    for (const name of ['advanced', 'leading', 'with-errors']) {
      const out = join(dir, `${name}.xlsx`);
      expect((await runCli(['template', '--from', join(ROOT, 'examples', `${name}.json`), '-o', out])).code).toBe(0);
      const fromXlsx = await runCli(['score', out, '--json']);
      const fromJson = await runCli(['score', join(ROOT, 'examples', `${name}.json`), '--json']);
      expect([name, fromXlsx.code, JSON.parse(fromXlsx.out)]).toEqual([name, fromJson.code, JSON.parse(fromJson.out)]);
    }
  });

  it('refuses to overwrite without --force, and writes the default Chinese name', async () => {
    const out = join(dir, 'exists.xlsx');
    writeFileSync(out, 'mine');
    const r = await runCli(['template', '-o', out]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/已存在；要覆盖请加 --force/);
    expect(readFileSync(out, 'utf8')).toBe('mine');
    expect((await runCli(['template', '-o', out, '--force'])).code).toBe(0);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
  });

  it('export writes the exchange JSON of a workbook', async () => {
    const out = join(dir, 'adv.json');
    const a = JSON.parse(readFileSync(join(ROOT, 'examples', 'advanced.json'), 'utf8'));
    expect((await runCli(['export', join(dir, 'advanced.xlsx'), '-o', out])).code).toBe(0);
    expect(normal(JSON.parse(readFileSync(out, 'utf8')))).toEqual(normal(a));
    expect(existsSync(out)).toBe(true);
  });

  it('score names the cell of an unreadable value and exits 1; a corrupt file exits 2', async () => {
    const inputs = inputsFromAssessment(J, advancedAssessment());
    inputs.get('SFA_SCENARIO_TIER')![4] = ['顶级'];
    const f = join(dir, 'bad-cell.xlsx');
    writeFileSync(f, await writeWorkbook(layout, inputs));
    const r = await runCli(['score', f, '--json']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out);
    expect(report.errors[0]).toMatchObject({ path: 'scenarios.5', code: 'cell-unreadable' });
    expect(report.errors[0].message).toMatch(/^场景自评!E7：/);
    expect(report.tier).toBeNull();
    const corrupt = join(dir, 'corrupt.xlsx');
    writeFileSync(corrupt, 'a,b,c');
    const c = await runCli(['score', corrupt]);
    expect(c.code).toBe(2);
    expect(c.err).toMatch(/corrupt\.xlsx: 不是 .xlsx 文件/);
    expect(score(J, advancedAssessment()).tier).toBe('advanced');
  });
});
