import { buildLayout, LAYOUT_VERSION } from '../../../src/workbook/layout';
import { NAMES } from '../../../src/workbook/names';
import { inputsFromAssessment } from '../../../src/workbook/inputs';
import { blockRange } from '../../../src/adapters/office/render';
import { injectLayout, NewerLayoutError, SheetNameClashError } from '../../../src/adapters/office/inject';
import { readWorkbookState } from '../../../src/adapters/office/read';
import { getRubric } from '../../../src/domain/rubrics';
import { parseCell } from '../../../src/workbook/a1';
import { advancedAssessment, J } from '../../fixtures/jiangsu';
import { newSheet } from '../../../src/preview/sim/model';
import { ALL_FEATURES, simWorkbook } from './sim';

const layout = buildLayout(J);

describe('injecting the layout through Office.js', () => {
  it('writes every sheet in order, in 3 syncs, leaving foreign sheets alone', async () => {
    const { model, ctx, context } = simWorkbook(['Sheet1']);
    const foreign = model.sheets[0]!;
    model.cell(foreign, 1, 1).value = '用户自己的数据';
    const result = await injectLayout(context, layout, ALL_FEATURES);
    expect(result.syncs).toBe(3);
    expect(ctx.syncs).toBe(3);
    expect(model.sheets.map((s) => s.name)).toEqual([...layout.sheets.map((s) => s.name), 'Sheet1']);
    expect(model.peek(foreign, 1, 1)!.value).toBe('用户自己的数据');
    expect(model.sheet('规则')!.visibility).toBe('Hidden');
    expect(model.enableEvents).toBe(true);
    expect(model.sheet('评估结果')!.charts).toMatchObject([{ type: 'RadarMarkers', source: `'评估结果'!${layout.charts[0]!.source}` }]);
  });

  it('renders exactly the cells, formulas, validations, formats and names of the layout', async () => {
    const { model, context } = simWorkbook();
    await injectLayout(context, layout, ALL_FEATURES);
    for (const spec of layout.sheets) {
      const sheet = model.sheet(spec.name)!;
      for (const b of spec.blocks) {
        const { col, row } = parseCell(b.at);
        b.rows.forEach((r, i) =>
          r.forEach((c, j) => {
            const cell = model.peek(sheet, row + i, col + j);
            if (typeof c === 'object' && c !== null) expect(cell?.formula).toBe(`=${c.f}`);
            else expect(cell?.value ?? null).toBe(c === '' ? null : c);
            if (b.input) expect(cell!.locked).toBe(false);
          }),
        );
      }
      expect(sheet.validations.map((v) => v.range).sort()).toEqual(spec.validations.map((v) => v.range).sort());
      expect(sheet.conditionalFormats.map((c) => [c.range, c.formula])).toEqual(spec.conditionalFormats.map((c) => [c.range, `=${c.formula}`]));
      expect(sheet.merges.sort()).toEqual([...spec.merges].sort());
      expect(sheet.protected).toBe(spec.protect);
      expect(sheet.page.printArea).toBe(spec.print.area);
      expect(sheet.page.orientation).toBe(spec.print.orientation === 'landscape' ? 'Landscape' : 'Portrait');
      expect(sheet.page.paperSize).toBe('A4');
    }
    expect([...model.names.keys()].sort()).toEqual(layout.names.map((n) => n.name).sort());
    for (const n of layout.names) expect(model.names.get(n.name)).toBe(`=${n.ref}`);
    // a scenario offered only from 先进级 gets 未建设 and exactly its tiers as the list
    const v = model.sheet('场景自评')!.validations.find((x) => x.range === 'E3')!;
    expect(v.rule).toEqual({ list: { inCellDropDown: true, source: "='规则'!$AA$2:$AD$2" } });
    const rules = model.sheet('规则')!;
    expect([27, 28, 29, 30, 31].map((c) => model.peek(rules, 2, c)?.value ?? null)).toEqual(['未建设', '先进级', '卓越级', '领航级', null]);
    expect(v.errorAlert?.showAlert).toBe(true);
  });

  it('writes pre-filled inputs and reads them back as the same assessment', async () => {
    const { context } = simWorkbook();
    const a = advancedAssessment();
    await injectLayout(context, layout, ALL_FEATURES, inputsFromAssessment(J, a));
    const state = await readWorkbookState(context, (id) => getRubric(id), 'zh');
    expect(state.layoutVersion).toBe(LAYOUT_VERSION);
    expect(state.problems).toEqual([]);
    expect(state.assessment).toEqual(a);
  });

  it('re-injecting keeps every input, evidence included, and keeps formula-looking text literal', async () => {
    const { model, ctx, context } = simWorkbook();
    const a = advancedAssessment();
    a.profile!.enterpriseName = '=HYPERLINK("http://x","y")';
    await injectLayout(context, layout, ALL_FEATURES, inputsFromAssessment(J, a));
    const scen = model.sheet('场景自评')!;
    scen.protected = false;
    ctx.workbook.worksheets.getItem('场景自评').getRange('G5').values = [['MES 上线验收报告']];
    await ctx.sync();
    const result = await injectLayout(context, layout, ALL_FEATURES, undefined);
    expect(result.previousVersion).toBe(LAYOUT_VERSION);
    expect(model.peek(scen, 5, 7)!.value).toBe('MES 上线验收报告');
    const name = model.peek(model.sheet('企业信息')!, 3, 2)!;
    expect(name.formula).toBeUndefined();
    expect(name.value).toBe('=HYPERLINK("http://x","y")');
    const state = await readWorkbookState(context, (id) => getRubric(id), 'zh');
    expect(state.assessment).toEqual(a);
  });

  it('reports a clash with a foreign sheet of the same name and touches nothing', async () => {
    const { model, ctx, context } = simWorkbook([]);
    model.sheets.push(newSheet('企业信息'));
    model.cell(model.sheets[0]!, 2, 2).value = '别人的表';
    await expect(injectLayout(context, layout, ALL_FEATURES)).rejects.toEqual(new SheetNameClashError(['企业信息']));
    expect(model.sheets.map((s) => s.name)).toEqual(['企业信息']);
    expect(model.peek(model.sheets[0]!, 2, 2)!.value).toBe('别人的表');
    expect(ctx.syncs).toBe(1);
  });

  it('upgrades a workbook of an older layout version, keeping every input', async () => {
    const { model, context } = simWorkbook();
    const older = {
      ...layout,
      layoutVersion: LAYOUT_VERSION - 1,
      sheets: layout.sheets.map((s) => (s.key === 'rubric' ? { ...s, blocks: [...s.blocks, { at: 'B2', rows: [[LAYOUT_VERSION - 1]] }] } : s)),
    };
    const a = advancedAssessment();
    await injectLayout(context, older, ALL_FEATURES, inputsFromAssessment(J, a));
    expect((await readWorkbookState(context, (id) => getRubric(id), 'zh')).layoutVersion).toBe(LAYOUT_VERSION - 1);
    const result = await injectLayout(context, layout, ALL_FEATURES);
    expect(result.previousVersion).toBe(LAYOUT_VERSION - 1);
    expect(result.keptInputs).toBeGreaterThan(30);
    const state = await readWorkbookState(context, (id) => getRubric(id), 'zh');
    expect([state.layoutVersion, state.assessment]).toEqual([LAYOUT_VERSION, a]);
    expect(model.sheets.filter((x) => x.name === '企业信息')).toHaveLength(1);
  });

  it('refuses a workbook of a newer layout', async () => {
    const { context } = simWorkbook();
    await injectLayout(context, layout, ALL_FEATURES);
    await expect(injectLayout(context, { ...layout, layoutVersion: LAYOUT_VERSION - 1 }, ALL_FEATURES)).rejects.toBeInstanceOf(NewerLayoutError);
  });

  it('switches events back on even when the write fails', async () => {
    const { model, context } = simWorkbook();
    const broken = { ...layout, names: [...layout.names, layout.names[0]!] }; // a duplicate name fails in Excel
    await expect(injectLayout(context, broken, ALL_FEATURES)).rejects.toThrow(/ItemAlreadyExists/);
    expect(model.enableEvents).toBe(true);
  });

  it('skips page layout below ExcelApi 1.9 and formats block by block there', async () => {
    const { model, context } = simWorkbook();
    await injectLayout(context, layout, { core: true, pageLayout: false, charts: true });
    const sheet = model.sheet('企业信息')!;
    expect(sheet.page).toEqual({});
    expect(model.peek(sheet, 2, 1)!.style['font.bold']).toBe(true); // header row
    expect(model.peek(sheet, 3, 2)!.style['fill.color']).toBe('#FFF9E6'); // input fill
  });

  it('formats whole style groups at once with RangeAreas on ExcelApi 1.9', async () => {
    const { model, ctx, context } = simWorkbook();
    await injectLayout(context, layout, ALL_FEATURES);
    const sheet = model.sheet('企业信息')!;
    expect(model.peek(sheet, 2, 1)!.style['font.bold']).toBe(true);
    expect(model.peek(sheet, 3, 2)!.style['fill.color']).toBe('#FFF9E6');
    expect(model.peek(sheet, 3, 3)!.style['font.color']).toBe('#C00000'); // check column
    // One set of calls per style group, not per block: far fewer calls than the block-by-block path.
    const perBlock = simWorkbook();
    await injectLayout(perBlock.context, layout, { core: true, pageLayout: false, charts: true });
    expect(ctx.calls.length).toBeLessThan(perBlock.ctx.calls.length / 2);
  });

  it('blocks are addressed as the layout says', () => {
    expect(blockRange({ at: 'B3', rows: [[1, 2], [3]] })).toBe('B3:C4');
    expect(NAMES.composite).toBe('SFA_COMPOSITE');
  });
});
