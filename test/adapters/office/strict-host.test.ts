// The add-in against the strict simulated host: every finding of issue 12, from the add-in's side.
import { mergeSummary, type MergeInput } from '../../../src/domain';
import { buildMergedWorkbook, DETAILS_SHEET } from '../../../src/workbook/merged-summary';
import { buildLayout, LAYOUT_VERSION } from '../../../src/workbook/layout';
import { NAMES } from '../../../src/workbook/names';
import { inputsFromAssessment } from '../../../src/workbook/inputs';
import { injectLayout } from '../../../src/adapters/office/inject';
import { writeMergedSheets } from '../../../src/adapters/office/merged';
import { writeSummaryHeader } from '../../../src/adapters/office/write-inputs';
import { readWorkbookState } from '../../../src/adapters/office/read';
import { createExcelActions } from '../../../src/taskpane/excel-host';
import { installSimOffice } from '../../../src/preview/sim/office-global';
import { SimContext } from '../../../src/preview/sim/context';
import { SimWorkbook, newSheet } from '../../../src/preview/sim/model';
import { getRubric } from '../../../src/domain/rubrics';
import { advancedAssessment, J } from '../../fixtures/jiangsu';
import { enterprise } from '../../fixtures/enterprise-workbooks';
import { ALL_FEATURES, simWorkbook } from './sim';

const layout = buildLayout(J);
const formulasOf = (model: SimWorkbook) => model.sheets.flatMap((s) => [...s.cells.values()].map((c) => c.formula).filter((f): f is string => !!f));

describe('the add-in on the strict host', () => {
  it('creates every sheet before writing a cell: no formula or name is #REF!, every list validation is set', async () => {
    const { model, context } = simWorkbook();
    await injectLayout(context, layout, ALL_FEATURES);
    expect(formulasOf(model).filter((f) => f.includes('#REF!'))).toEqual([]);
    expect([...model.names.values()].filter((r) => r.includes('#REF!'))).toEqual([]);
    expect(model.sheets.reduce((n, s) => n + s.validations.length, 0)).toBe(layout.sheets.reduce((n, s) => n + s.validations.length, 0));
  });

  it('keeps one chart and shows again the columns an older layout hid, over any number of re-injects', async () => {
    const { model, context } = simWorkbook();
    const older = { ...layout, sheets: layout.sheets.map((s) => (s.name === '企业信息' ? { ...s, hiddenColumns: [...s.hiddenColumns, 'Z'] } : s)) };
    await injectLayout(context, older, ALL_FEATURES);
    expect(model.sheet('企业信息')!.hiddenColumns.has(26)).toBe(true);
    for (let i = 0; i < 3; i++) await injectLayout(context, layout, ALL_FEATURES);
    expect(model.sheet('评估结果')!.charts.map((c) => c.name)).toEqual(['SFA_CHART_1']);
    expect(model.sheet('企业信息')!.hiddenColumns.has(26)).toBe(false);
  });

  it('replaces an unnamed chart an earlier add-in version left', async () => {
    const { model, context } = simWorkbook();
    await injectLayout(context, layout, ALL_FEATURES);
    model.sheet('评估结果')!.charts[0]!.name = 'Chart 1';
    await injectLayout(context, layout, ALL_FEATURES);
    expect(model.sheet('评估结果')!.charts.map((c) => c.name)).toEqual(['SFA_CHART_1']);
  });

  it('keeps digit strings, dates and formula-looking text of the inputs as the text they were', async () => {
    const { model, context } = simWorkbook();
    const a = advancedAssessment();
    a.profile!.enterpriseName = '-某公司';
    a.profile!.factoryName = '0251';
    await injectLayout(context, layout, ALL_FEATURES, inputsFromAssessment(J, a));
    await injectLayout(context, layout, ALL_FEATURES);
    const info = model.sheet('企业信息')!;
    const texts = [...info.cells.values()].filter((c) => c.value === '-某公司' || c.value === '0251');
    expect(texts.map((c) => [c.value, c.numberFormat, c.formula])).toEqual([
      ['-某公司', '@', undefined],
      ['0251', '@', undefined],
    ]);
    expect((await readWorkbookState(context, (id) => getRubric(id), 'zh')).assessment).toEqual(a);
  });

  it('writes the summary header into the protected 推荐汇总表 without a format change, text kept as text', async () => {
    const { model, ctx, context } = simWorkbook();
    await injectLayout(context, layout, ALL_FEATURES);
    expect(model.sheet('推荐汇总表')!.protected).toBe(true);
    const calls = ctx.calls.length;
    await writeSummaryHeader(context, { unit: '=HYPERLINK("http://x","y")', contact: '李四', phone: '02512345678' });
    expect(ctx.calls.slice(calls).filter((c) => c.includes('numberFormat'))).toEqual([]);
    const unit = model.resolveName(NAMES.summaryUnit)!;
    const cell = model.peek(unit.sheet, unit.bounds.r1, unit.bounds.c1)!;
    expect([cell.formula, cell.value]).toEqual([undefined, '=HYPERLINK("http://x","y")']);
    const phone = model.resolveName(NAMES.summaryPhone)!;
    expect(model.peek(phone.sheet, phone.bounds.r1, phone.bounds.c1)!.value).toBe('02512345678');
  });

  it('finishes an injection that stopped half way (our names there, no version yet) from the initial inputs', async () => {
    const { model, context } = simWorkbook();
    await injectLayout(context, layout, ALL_FEATURES);
    const v = model.resolveName(NAMES.layoutVersion)!;
    v.sheet.cells.delete(`${v.bounds.r1},${v.bounds.c1}`);
    const a = advancedAssessment();
    const result = await injectLayout(context, layout, ALL_FEATURES, inputsFromAssessment(J, a));
    expect(result.previousVersion).toBeNull();
    const state = await readWorkbookState(context, (id) => getRubric(id), 'zh');
    expect([state.layoutVersion, state.assessment]).toEqual([LAYOUT_VERSION, a]);
  });

  it('writes a large merged summary in requests each under the limit, all of it', async () => {
    const inputs: MergeInput[] = Array.from({ length: 120 }, (_, i) => ({
      file: `第${i}家企业的自评表（未填完）.xlsx`,
      modified: 1000 + i,
      rubric: J,
      assessment: enterprise(`企业${i}`, `9132050${String(i).padStart(3, '0')}MA1AAAA`.slice(0, 17), 75, (a) => {
        a.indicators = {};
      }),
    }));
    const built = buildMergedWorkbook(J, mergeSummary([], inputs), { unit: '局', contact: '李', phone: '1' }, 'zh');
    const limit = 120_000;
    const model = new SimWorkbook();
    const ctx = new SimContext(model, { limits: { requestBytes: limit } });
    const progress: number[] = [];
    const { requests } = await writeMergedSheets(ctx as unknown as Excel.RequestContext, built, ALL_FEATURES, {
      budgetBytes: limit * 0.7,
      onProgress: (d, t) => progress.push(d / t),
    });
    expect(requests.length).toBeGreaterThan(2);
    expect(Math.max(...ctx.requests)).toBeLessThanOrEqual(limit);
    expect(progress.at(-1)).toBe(1);
    const details = built.sheets.find((s) => s.name === DETAILS_SHEET)!;
    const rows = details.blocks.reduce((n, b) => Math.max(n, Number(/\d+/.exec(b.at)![0]) + b.rows.length - 1), 0);
    expect(model.sheet(DETAILS_SHEET)!.maxRow).toBe(rows);
  });

  it('the pane waits for a cell edit to end (delayForCellEdit), then inserts', async () => {
    const model = new SimWorkbook();
    model.sheets.push(newSheet('Sheet1'));
    installSimOffice(model);
    const actions = createExcelActions(ALL_FEATURES, 'zh');
    model.beginCellEdit();
    let done = false;
    const insert = actions.insert().then(() => (done = true));
    await new Promise((r) => setTimeout(r, 10));
    expect(done).toBe(false);
    model.endCellEdit();
    await insert;
    expect(model.sheet('评估结果')).toBeDefined();
  });
});
