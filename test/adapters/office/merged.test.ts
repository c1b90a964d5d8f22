import { mergeSummary, type MergeInput } from '../../../src/domain';
import { buildMergedWorkbook, DETAILS_SHEET } from '../../../src/workbook/merged-summary';
import { NAMES } from '../../../src/workbook/names';
import { buildLayout } from '../../../src/workbook/layout';
import { inputsFromAssessment } from '../../../src/workbook/inputs';
import { injectLayout, SheetNameClashError } from '../../../src/adapters/office/inject';
import { AssessmentWorkbookError, mergeIntoWorkbook, readMergeTarget, writeMergedSheets } from '../../../src/adapters/office/merged';
import { readWorkbookState } from '../../../src/adapters/office/read';
import { getRubric } from '../../../src/domain/rubrics';
import { advancedAssessment, J } from '../../fixtures/jiangsu';
import { enterprise } from '../../fixtures/enterprise-workbooks';
import { ALL_FEATURES, simWorkbook } from './sim';

const HEADER = { unit: '南京市工业和信息化局', contact: '李四', phone: '025-12345678' };
const input = (file: string, a = advancedAssessment(), modified = 1000): MergeInput => ({ file, modified, rubric: J, assessment: a });
const built = (inputs: MergeInput[], existing = mergeSummary([], []).rows) => buildMergedWorkbook(J, mergeSummary(existing, inputs), HEADER, 'zh');

describe('the merged summary through Office.js', () => {
  it('writes 推荐汇总表 and 合并明细 in one write batch (3 syncs), events off while writing, foreign sheets kept', async () => {
    const { model, ctx, context } = simWorkbook(['Sheet1']);
    const wrote: boolean[] = [];
    model.onWrite = () => wrote.push(model.enableEvents);
    const { syncs } = await writeMergedSheets(
      context,
      built([input('甲.xlsx', enterprise('甲企业', '91320500MA1AAAAA0', 75)), input('乙.xlsx', enterprise('乙企业', '91320500MA1BBBBB0', 78))]),
      ALL_FEATURES,
    );
    expect(syncs).toBe(3);
    expect(ctx.syncs).toBe(3);
    expect(wrote[0]).toBe(false); // the write batch ran with events off
    expect(model.enableEvents).toBe(true);
    expect(model.sheets.map((s) => s.name)).toEqual(['推荐汇总表', '审核', '统计', DETAILS_SHEET, 'Sheet1']);
    expect(model.active).toBe('推荐汇总表');
    const s = model.sheet('推荐汇总表')!;
    expect(model.values(s, { c1: 1, r1: 4, c2: 2, r2: 5 })).toEqual([
      [1, '乙企业'],
      [2, '甲企业'],
    ]);
    expect(model.peek(s, 2, 3)!.value).toBe(HEADER.unit);
    expect([...s.hiddenColumns].sort((a, b) => a - b)).toEqual([10, 11, 12, 13, 14, 15, 16]);
    expect(s.page.orientation).toBe('Landscape');
    expect(model.names.get(NAMES.mergedTable)).toBe("='推荐汇总表'!$A$4:$O$5");
    // One write of the whole grid per sheet: values (not formulas), after their formats.
    expect(ctx.calls.filter((c) => /\.(values|formulas)$/.test(c))).toEqual([
      'Range(推荐汇总表!A1:Q5).values',
      'Range(审核!A1:W5).values',
      'Range(统计!A1:F155).values',
      `Range(${DETAILS_SHEET}!A1:I4).values`,
    ]);
  });

  it('reads back what it wrote: rows with their hidden keys, and the header', async () => {
    const { context } = simWorkbook([]);
    const result = mergeSummary([], [input('甲.xlsx', enterprise('甲企业', '91320500MA1AAAAA0', 75), 1234)]);
    await writeMergedSheets(context, buildMergedWorkbook(J, result, HEADER, 'zh'), ALL_FEATURES);
    const target = await readMergeTarget(context);
    expect(target.kind).toBe('merged');
    expect(target.header).toEqual(HEADER);
    expect(target.rows.map(({ review: _r, ...r }) => r)).toEqual(result.rows);
    expect((await readWorkbookState(context, (id) => getRubric(id), 'zh')).mergedSummary).toBe(true);
  });

  it('reads rows a person typed under the table too (the defined name does not grow with them)', async () => {
    const { model, context } = simWorkbook([]);
    await writeMergedSheets(context, built([input('甲.xlsx', enterprise('甲企业', '91320500MA1AAAAA0', 75))]), ALL_FEATURES);
    const s = model.sheet('推荐汇总表')!;
    ['2', '手工补录企业', '某厂'].forEach((v, i) => (model.cell(s, 5, i + 1).value = v));
    const target = await readMergeTarget(context);
    expect(target.rows.map((r) => r.enterpriseName)).toEqual(['甲企业', '手工补录企业']);
  });

  it('reads the bureau’s 推荐顺序 row for row, also for rows typed under the table', async () => {
    const { model, context } = simWorkbook([]);
    await writeMergedSheets(
      context,
      built([input('甲.xlsx', enterprise('甲企业', '91320500MA1AAAAA0', 75)), input('乙.xlsx', enterprise('乙企业', '91320500MA1BBBBB0', 78))]),
      ALL_FEATURES,
    );
    expect(model.names.get(NAMES.mergedOrder)).toBe("='推荐汇总表'!$Q$4:$Q$5");
    const s = model.sheet('推荐汇总表')!;
    model.cell(s, 4, 17).value = 2; // 乙
    ['3', '手工补录企业', '某厂'].forEach((v, i) => (model.cell(s, 6, i + 1).value = v));
    model.cell(s, 6, 17).value = 1;
    const target = await readMergeTarget(context);
    expect(target.rows.map((r) => [r.enterpriseName, r.priority])).toEqual([
      ['乙企业', 2],
      ['甲企业', undefined],
      ['手工补录企业', 1],
    ]);
    const again = mergeSummary(target.rows, []);
    expect(again.rows.map((r) => r.enterpriseName)).toEqual(['手工补录企业', '乙企业', '甲企业']);
  });

  it('draws 统计’s charts through Office.js, and a second merge replaces them rather than adding more', async () => {
    const { model, context } = simWorkbook([]);
    const first = built([input('甲.xlsx', enterprise('甲企业', '91320500MA1AAAAA0', 75))]);
    await writeMergedSheets(context, first, ALL_FEATURES);
    const stats = () => model.sheet('统计')!;
    expect(stats().charts.length).toBe(first.charts.length);
    expect(stats().charts[0]).toMatchObject({ type: 'ColumnClustered', source: `'统计'!${first.charts[0]!.source}` });
    expect(stats().charts.map((c) => c.type)).toEqual(expect.arrayContaining(['BarClustered', 'Pie']));
    await writeMergedSheets(context, built([input('乙.xlsx', enterprise('乙企业', '91320500MA1BBBBB0', 78))]), ALL_FEATURES);
    expect(stats().charts.length).toBe(first.charts.length);
    expect(model.sheets.map((x) => x.name)).toEqual(['推荐汇总表', '审核', '统计', DETAILS_SHEET]);
  });

  it('mergeIntoWorkbook merges with the rows in the workbook at write time, and writes nothing when told so', async () => {
    const { model, context } = simWorkbook([]);
    await writeMergedSheets(context, built([input('甲.xlsx', enterprise('甲企业', '91320500MA1AAAAA0', 75))]), ALL_FEATURES);
    let seen: string[] = [];
    const { written } = await mergeIntoWorkbook(
      context,
      (target) => {
        seen = target.rows.map((r) => r.enterpriseName);
        return built([input('乙.xlsx', enterprise('乙企业', '91320500MA1BBBBB0', 78))], target.rows);
      },
      ALL_FEATURES,
    );
    expect(written).toBe(true);
    expect(seen).toEqual(['甲企业']);
    const s = model.sheet('推荐汇总表')!;
    expect(model.values(s, { c1: 2, r1: 4, c2: 2, r2: 5 })).toEqual([['乙企业'], ['甲企业']]);
    const blank = simWorkbook(['Sheet1']);
    expect(await mergeIntoWorkbook(blank.context, () => null, ALL_FEATURES)).toEqual({ written: false });
    expect(blank.model.sheets.map((x) => x.name)).toEqual(['Sheet1']);
  });

  it('a second write replaces the sheets of an earlier merged summary', async () => {
    const { model, context } = simWorkbook([]);
    await writeMergedSheets(context, built([input('甲.xlsx'), input('乙.xlsx', enterprise('乙企业', '91320500MA1BBBBB0', 78))]), ALL_FEATURES);
    await writeMergedSheets(context, built([input('丙.xlsx', enterprise('丙企业', '91320500MA1CCCCC0', 80))]), ALL_FEATURES);
    const s = model.sheet('推荐汇总表')!;
    expect(model.values(s, { c1: 2, r1: 4, c2: 2, r2: 5 })).toEqual([['丙企业'], ['']]);
    expect(model.sheets.map((x) => x.name)).toEqual(['推荐汇总表', '审核', '统计', DETAILS_SHEET]);
  });

  it('keeps a name that looks like a formula as text', async () => {
    const { model, context } = simWorkbook([]);
    const name = '=HYPERLINK("http://x","y")';
    await writeMergedSheets(context, built([input('x.xlsx', enterprise(name, '91320500MA1AAAAA0', 75))]), ALL_FEATURES);
    const cell = model.peek(model.sheet('推荐汇总表')!, 4, 2)!;
    expect(cell).toMatchObject({ value: name, numberFormat: '@' });
    expect(cell.formula).toBeUndefined();
  });

  it('refuses an enterprise assessment workbook and writes nothing', async () => {
    const { model, ctx, context } = simWorkbook([]);
    await injectLayout(context, buildLayout(J), ALL_FEATURES, inputsFromAssessment(J, advancedAssessment()));
    const before = JSON.stringify(model.sheets.map((s) => [s.name, [...s.cells]]));
    const calls = ctx.calls.length;
    expect((await readMergeTarget(context)).kind).toBe('assessment');
    await expect(writeMergedSheets(context, built([input('甲.xlsx')]), ALL_FEATURES)).rejects.toBeInstanceOf(AssessmentWorkbookError);
    expect(ctx.calls.slice(calls).filter((c) => !/load/.test(c))).toEqual([]);
    expect(JSON.stringify(model.sheets.map((s) => [s.name, [...s.cells]]))).toBe(before);
    expect(model.sheet(DETAILS_SHEET)).toBeUndefined();
  });

  it('refuses to overwrite a foreign sheet named 推荐汇总表', async () => {
    const { model, context } = simWorkbook(['推荐汇总表']);
    model.cell(model.sheets[0]!, 1, 1).value = '别人的表';
    expect((await readMergeTarget(context)).clashes).toEqual(['推荐汇总表']);
    await expect(writeMergedSheets(context, built([input('甲.xlsx')]), ALL_FEATURES)).rejects.toBeInstanceOf(SheetNameClashError);
    expect(model.peek(model.sheets[0]!, 1, 1)!.value).toBe('别人的表');
  });
});
