// The 申报书 sheets (layout 2): built from the application rubric, every input found through a new defined name,
// the example round-trips JSON → workbook → JSON, unreadable cells are reported by sheet and cell, and the
// sheets' own check formulas (evaluated by HyperFormula here, by LibreOffice in the parity suite) flag what the
// domain checks flag.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildLayout, LAYOUT_VERSION } from '../../src/workbook/layout';
import { inputsFromAssessment } from '../../src/workbook/inputs';
import { INPUT_NAMES, NAMES } from '../../src/workbook/names';
import { applicationInputNames, APP_RESULT_NAMES } from '../../src/workbook/application/names';
import { cellForPath } from '../../src/workbook/paths';
import { writeWorkbook } from '../../src/adapters/xlsx/write';
import { readAssessmentWorkbook } from '../../src/adapters/xlsx/read';
import { getApplicationRubric } from '../../src/domain/rubrics/applications';
import type { Assessment } from '../../src/domain';
import { J } from '../fixtures/jiangsu';
import { HyperFormulaWorkbook } from '../parity/hyperformula-workbook';
import { applicationLabels } from '../../src/workbook/application/labels';

const app = getApplicationRubric('jiangsu-2025')!;
const layout = buildLayout(J);
const example: Assessment = JSON.parse(readFileSync(join(__dirname, '../../examples/application.json'), 'utf8'));
const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x));

describe('the 申报书 sheets', () => {
  test('layout 2 adds the nine sheets of annex 5 after 推荐汇总表, and a hidden options sheet', () => {
    expect(LAYOUT_VERSION).toBeGreaterThanOrEqual(2); // 3 added 企业信息's 直接认定类别 below every input
    const names = layout.sheets.map((s) => s.name);
    expect(names.slice(5)).toEqual([
      '申报书-基本信息',
      '申报书-工厂',
      '建设成效',
      '申报书-正文',
      '场景实例',
      '附1-2',
      '附1-3至1-7',
      '真实性承诺',
      '附件清单',
      '申报书选项',
      '规则',
    ]);
    expect(layout.sheets.find((s) => s.name === '申报书选项')!.hidden).toBe(true);
  });

  test('every application input has its own defined name, kept on re-inject, and no name is used twice', () => {
    const inputs = applicationInputNames(app, J).map((n) => n.name);
    expect(inputs.length).toBeGreaterThan(90);
    for (const n of inputs) {
      expect(layout.names.some((x) => x.name === n)).toBe(true);
      expect(INPUT_NAMES).toContain(n);
    }
    const all = layout.names.map((n) => n.name.toUpperCase());
    expect(new Set(all).size).toBe(all.length);
    expect(layout.names.find((n) => n.name === APP_RESULT_NAMES.errors)).toBeDefined();
    // The layout-1 names still point where they did.
    expect(layout.names.find((n) => n.name === NAMES.profile)!.ref).toBe("'企业信息'!$B$3:$B$17");
    expect(layout.names.find((n) => n.name === NAMES.scenarioTiers)!.ref).toBe("'场景自评'!$E$3:$E$42");
  });

  test('examples/application.json round-trips JSON → workbook → JSON', async () => {
    const file = await writeWorkbook(layout, inputsFromAssessment(J, example));
    const back = await readAssessmentWorkbook(file);
    expect(back.problems).toEqual([]);
    expect(back.assessment.application).toEqual(example.application);
  });

  test('an unreadable cell is reported by sheet, cell and path; the rest is read', async () => {
    const bad = clone(example);
    const inputs = inputsFromAssessment(J, bad);
    inputs.set('SFA_APP_BASIC_OWNERSHIP', [['外资']]);
    inputs.get('SFA_APP_FINANCE')![1]![2] = '四十七';
    inputs.get('SFA_APP_EQUIPMENT')![0]![0] = '99 不存在';
    inputs.set('SFA_APP_RATINGS_PROVINCIALDEMO', [['也许']]);
    const back = await readAssessmentWorkbook(await writeWorkbook(layout, inputs));
    expect(back.problems.map((p) => [p.sheet, p.cell, p.path])).toEqual(
      expect.arrayContaining([
        ['申报书-基本信息', cellForPath(layout, J, 'application.basic.ownership')!.cell, 'application.basic.ownership'],
        ['申报书-基本信息', cellForPath(layout, J, 'application.finance.2024.debtRatio')!.cell, 'application.finance.2024.debtRatio'],
        ['附1-2', cellForPath(layout, J, 'application.equipment.0.scenario')!.cell, 'application.equipment.0.scenario'],
        ['申报书-基本信息', cellForPath(layout, J, 'application.ratings.provincialDemo')!.cell, 'application.ratings.provincialDemo'],
      ]),
    );
    expect(back.problems).toHaveLength(4);
    expect(back.assessment.application!.cover).toEqual(example.application!.cover);
  });

  test('a number typed as text is refused by the reader as the sheet refuses it (应为数字), not read as a number', async () => {
    const inputs = inputsFromAssessment(J, clone(example));
    inputs.set('SFA_APP_RATINGS_NATIONALEXCELLENTYEAR', [['2024']]);
    const back = await readAssessmentWorkbook(await writeWorkbook(layout, inputs));
    const at = cellForPath(layout, J, 'application.ratings.nationalExcellentYear')!;
    expect(back.problems.map((p) => [p.sheet, p.cell, p.message])).toEqual([[at.sheet, at.cell, expect.stringMatching(/^应为数字，填写的是文本「2024」/)]]);
    expect((back.assessment.application!.ratings as Record<string, unknown>).nationalExcellentYear).toBeUndefined();
    const wb = new HyperFormulaWorkbook(layout, inputs);
    const m = /^([A-Z]+)(\d+)$/.exec(at.cell)!;
    expect(wb.at(at.sheet, m[1]!.charCodeAt(0) - 64 + 2, Number(m[2]))).toBe(applicationLabels('zh').number);
    wb.destroy();
  });

  test('cellForPath finds each kind of application field', () => {
    expect(cellForPath(layout, J, 'application.instances.10.description')).toEqual({ sheet: '场景实例', cell: expect.stringMatching(/^B\d+$/) });
    expect(cellForPath(layout, J, 'application.outcomes.cncRate.after')).toEqual({ sheet: '建设成效', cell: 'E4' });
    expect(cellForPath(layout, J, 'application.outcomes.custom.0.label')).toEqual({ sheet: '建设成效', cell: 'A25' });
    expect(cellForPath(layout, J, 'application.attachments.license.provided')).toEqual({ sheet: '附件清单', cell: expect.stringMatching(/^C\d+$/) });
    expect(cellForPath(layout, J, 'application.pledge.date')).toEqual({ sheet: '真实性承诺', cell: expect.stringMatching(/^B\d+$/) });
  });
});

const totals = (wb: HyperFormulaWorkbook) => ({
  errors: wb.named(APP_RESULT_NAMES.errors).values[0]![0],
  missing: wb.named(APP_RESULT_NAMES.missing).values[0]![0],
});

describe('省智能制造示范类项目 on 申报书-基本信息', () => {
  const basic = layout.sheets.find((s) => s.name === '申报书-基本信息')!;
  const area = layout.names.find((n) => n.name === 'SFA_APP_PROVINCIALPROJECTS')!.ref;
  const [, first, last] = /!\$B\$(\d+):\$C\$(\d+)$/.exec(area)!.map(Number) as [number, number, number];

  test('项目名称 is merged over the form’s C:D (32 characters, not C’s 10), its check in E; the name still covers B:C', () => {
    // Year in B, name in C as in every layout-3 file: the reader finds both where it always did.
    expect(area).toBe(`'申报书-基本信息'!$B$${first}:$C$${last}`);
    for (let r = first - 1; r <= last; r++) expect({ r, merged: basic.merges.includes(`C${r}:D${r}`) }).toEqual({ r, merged: true });
    const header = basic.blocks.find((x) => x.at === `A${first - 1}`)!.rows[0];
    expect(header).toEqual(['序号', '年度 *', '项目名称 *', '', '检查']);
    expect(basic.columns[2]! + basic.columns[3]!).toBeGreaterThanOrEqual(30);
  });

  test('a half-filled row shows its check in E', () => {
    const a = clone(example);
    const A = a.application as Record<string, any>;
    A.provincialProjects = [{ year: 2023 }];
    const wb = new HyperFormulaWorkbook(layout, inputsFromAssessment(J, a));
    expect(wb.at('申报书-基本信息', 5, first)).toBe('「项目名称」未填写');
    expect(wb.at('申报书-基本信息', 4, first)).toBeNull();
    wb.destroy();
  });
});

describe('the 申报书 sheets check themselves (HyperFormula)', () => {
  const checkAt = (wb: HyperFormulaWorkbook, path: string, dCol: number) => {
    const at = cellForPath(layout, J, path)!;
    const m = /^([A-Z]+)(\d+)$/.exec(at.cell)!;
    const col = m[1]!.charCodeAt(0) - 64 + dCol;
    return wb.at(at.sheet, col, Number(m[2]));
  };

  test('the complete example has no open problem', () => {
    const wb = new HyperFormulaWorkbook(layout, inputsFromAssessment(J, example));
    expect(totals(wb)).toEqual({ errors: 0, missing: 0 });
    wb.destroy();
  });

  test('each broken part shows its check beside it and counts in the totals', () => {
    const a = clone(example);
    const A = a.application as Record<string, any>;
    A.intro.text = '字'.repeat(501);
    A.factory.endDate = '2025-06-30'; // after the 申报日期 2025-03-15
    delete A.instances['10']; // claimed at 先进级
    A.instances['2'] = { name: '数字孪生' }; // not claimed
    A.narrative.production = ''; // 生产作业 scenarios are claimed
    A.outcomes.defectRate = { before: 1.5, after: 2.3 }; // should fall
    A.attachments.license = { provided: false };
    A.equipment[0].scenario = '2';
    const wb = new HyperFormulaWorkbook(layout, inputsFromAssessment(J, a));
    expect(checkAt(wb, 'application.intro.text', 2)).toBe('超过 500 字：现为 501 字');
    expect(checkAt(wb, 'application.factory.endDate', 2)).toMatch(/建设尚未完成/);
    expect(checkAt(wb, 'application.narrative.production', 2)).toMatch(/不能为空/);
    expect(checkAt(wb, 'application.outcomes.defectRate.after', 2)).toMatch(/建成后比建设前差/);
    expect(checkAt(wb, 'application.outcomes.defectRate.after', 1)).toBeCloseTo(-0.5333, 3);
    expect(checkAt(wb, 'application.attachments.license.provided', 2)).toMatch(/必填附件未准备/);
    expect(checkAt(wb, 'application.equipment.0.scenario', 9)).toMatch(/未自评为先进级及以上/);
    // The status line of an instance block is two rows above its first field, in column D.
    const status = (id: string) => {
      const at = cellForPath(layout, J, `application.instances.${id}.name`)!;
      return wb.at('场景实例', 4, Number(at.cell.slice(1)) - 3);
    };
    expect(status('10')).toMatch(/须填写本场景实例/);
    expect(status('2')).toMatch(/未自评为先进级及以上/);
    expect(status('3')).toBe('');
    // Errors: the long text, the completion date, the unclaimed instance, the 附1-2 row; missing: instance 10,
    // the 生产作业 section, the licence. A worse indicator is a warning only.
    expect(totals(wb)).toEqual({ errors: 4, missing: 3 });
    wb.destroy();
  });
});

describe('企业信息’s 直接认定 against the 申报书 in the sheets (HyperFormula)', () => {
  const L = applicationLabels('zh');
  const cellOf = (path: string) => {
    const at = cellForPath(layout, J, path)!;
    return { sheet: at.sheet, row: Number(/\d+$/.exec(at.cell)![0]) };
  };
  /** The check column (D) and the error/missing flags (X, Y) of a 评价评估与荣誉 field. */
  const row = (wb: HyperFormulaWorkbook, field: string) => {
    const at = cellOf(`application.ratings.${field}`);
    return { check: wb.at(at.sheet, 4, at.row), error: wb.at(at.sheet, 24, at.row), missing: wb.at(at.sheet, 25, at.row) };
  };
  const withRecognition = (id: string, edit: (r: Record<string, unknown>) => void = () => {}) => {
    const a = clone(example);
    a.profile = { ...a.profile, recognition: id };
    edit((a.application as Record<string, any>).ratings);
    return new HyperFormulaWorkbook(layout, inputsFromAssessment(J, a));
  };

  test('the field’s check cell says what the class implies, as a warning: no error, no total moves', () => {
    const wb = withRecognition('national-excellent-2024');
    expect(row(wb, 'nationalExcellentYear')).toEqual({ check: L.recognitionField('2024 年国家卓越级智能工厂', '「2024」'), error: 0, missing: 0 });
    expect(totals(wb)).toEqual({ errors: 0, missing: 0 });
    wb.destroy();
    const ok = withRecognition('national-excellent-2024', (r) => (r.nationalExcellentYear = 2024));
    expect(row(ok, 'nationalExcellentYear').check).toBe('');
    ok.destroy();
  });

  test('its own error first; 未填写 gives way to the sentence that says what to fill in', () => {
    const wb = withRecognition('national-excellent-2024', (r) => (r.nationalExcellentYear = 2024.5));
    expect(row(wb, 'nationalExcellentYear')).toEqual({ check: L.integer, error: 1, missing: 0 });
    wb.destroy();
    const blank = withRecognition('national-demonstration', (r) => delete r.nationalProject);
    expect(row(blank, 'nationalProject')).toMatchObject({
      check: expect.stringMatching(/^提示：企业信息选了直接认定“国家示范类且为原省智能制造示范工厂”，应至少有一项：本项为「是」，或「是否入选过国家 5G 工厂/),
      error: 0,
      missing: 1,
    });
    blank.destroy();
  });

  test('the helper column is hidden and every formula of it stays within Excel’s limit', () => {
    const basic = layout.sheets.find((s) => s.name === '申报书-基本信息')!;
    expect(basic.hiddenColumns).toContain('AA');
    const helpers = basic.blocks.filter((b) => b.at.startsWith('AA'));
    expect(helpers.map((b) => b.at).sort()).toEqual(
      ['nationalExcellentYear', 'provincialDemo', 'nationalProject'].map((f) => `AA${cellOf(`application.ratings.${f}`).row}`).sort(),
    );
    expect(Math.max(...helpers.map((b) => (b.rows[0]![0] as { f: string }).f.length))).toBeLessThan(8192);
    // The input is painted amber while its warning shows (and it has no error, which paints it red).
    const year = cellOf('application.ratings.nationalExcellentYear').row;
    expect(basic.conditionalFormats).toContainEqual({ range: `B${year}`, formula: `AND($X${year}=0,$AA${year}<>"")`, style: 'warning' });
  });
});
