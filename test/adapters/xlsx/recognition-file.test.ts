// 直接认定类别 in the workbook: a dropdown cell of 企业信息 with its own defined name (layout 3), read back by
// the reader; layout-2 workbooks (no such cell) are still read; the merged summary keeps the class for the next
// merge, and a summary written before 审核 had its new columns still gives back the reviewer's columns.
import ExcelJS from 'exceljs';
import { buildLayout, LAYOUT_VERSION } from '../../../src/workbook/layout';
import { inputsFromAssessment } from '../../../src/workbook/inputs';
import { NAMES } from '../../../src/workbook/names';
import { writeWorkbook } from '../../../src/adapters/xlsx/write';
import { readAssessmentWorkbook } from '../../../src/adapters/xlsx/read';
import { readMergedSummary, writeMergedSummary } from '../../../src/adapters/xlsx/merged';
import { nodeInflater } from '../../../src/adapters/xlsx/inflate-node';
import { expectedNames } from '../../../src/adapters/xlsx/layout-names';
import { reviewsFromValues } from '../../../src/workbook/merged-review';
import { bureauMerge, REVIEW_COLUMNS, type Assessment, type MergeInput } from '../../../src/domain';
import { J } from '../../fixtures/jiangsu';
import { enterprise } from '../../fixtures/enterprise-workbooks';
import type { WorkbookLayout } from '../../../src/workbook/types';
import { SimWorkbook } from '../../../src/preview/sim/model';
import { SimContext } from '../../../src/preview/sim/context';
import { injectLayout } from '../../../src/adapters/office/inject';
import { recalculate } from '../../../src/preview/recalc';

const layout = buildLayout(J);
const read = (b: Buffer) => readAssessmentWorkbook(new Uint8Array(b), 'zh', { inflate: nodeInflater });
const withClass = (id: string): Assessment => {
  const a = enterprise('卓越企业', '91320500MA1EEEEE0', 72);
  a.profile = { ...a.profile, recognition: id };
  return a;
};

describe('企业信息: 直接认定类别', () => {
  it('is a dropdown of the rubric’s classes under its own name, below every earlier input (layout 3)', async () => {
    expect(LAYOUT_VERSION).toBe(3);
    expect(layout.names.find((n) => n.name === NAMES.recognition)?.ref).toBe("'企业信息'!$B$30");
    expect((await expectedNames(2, J))!.has(NAMES.recognition)).toBe(false);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await writeWorkbook(layout)) as unknown as ArrayBuffer);
    const cell = wb.getWorksheet('企业信息')!.getCell('B30');
    expect(cell.dataValidation).toMatchObject({ type: 'list', formulae: ["'规则'!$I$2:$I$5"] });
    expect(wb.getWorksheet('规则')!.getCell('I3').value).toBe('2024 年国家卓越级智能工厂');
  });

  it('is written from the JSON and read back as the class id', async () => {
    for (const x of J.recognitions!) {
      const r = await read(await writeWorkbook(layout, inputsFromAssessment(J, withClass(x.id))));
      expect([x.id, r.assessment.profile?.recognition, r.problems]).toEqual([x.id, x.id, []]);
    }
    const none = await read(await writeWorkbook(layout, inputsFromAssessment(J, enterprise('甲', '91320500MA1AAAAA0', 75))));
    expect(none.assessment.profile).not.toHaveProperty('recognition');
  });

  it('names the cell of a typed text that is no class', async () => {
    const inputs = inputsFromAssessment(J, withClass('none'));
    inputs.set(NAMES.recognition, [['国家级']]);
    const r = await read(await writeWorkbook(layout, inputs));
    expect(r.problems).toEqual([{ sheet: '企业信息', cell: 'B30', path: 'profile.recognition', message: '「国家级」不是直接认定类别，请从下拉列表中选择' }]);
  });

  it('a layout-2 workbook, which has no such cell, is still read', async () => {
    const v2: WorkbookLayout = {
      ...layout,
      layoutVersion: 2,
      names: layout.names.filter((n) => n.name !== NAMES.recognition),
      sheets: layout.sheets.map((s) => (s.key === 'rubric' ? { ...s, blocks: [...s.blocks, { at: 'B2', rows: [[2]] }] } : s)),
    };
    const a = enterprise('甲', '91320500MA1AAAAA0', 75);
    const inputs = inputsFromAssessment(J, a);
    inputs.delete(NAMES.recognition);
    const r = await read(await writeWorkbook(v2, inputs));
    expect(r.layoutVersion).toBe(2);
    expect(r.assessment.profile).toEqual(a.profile);
  });
});

describe('企业信息 checks its 直接认定类别 by formula (HyperFormula, as the preview computes the sheet)', () => {
  // One workbook computed once; then only the cell changes (a full recalculation per value is minutes on CI).
  let set: (value: string | null) => { check: unknown; errors: unknown };
  beforeAll(async () => {
    const model = new SimWorkbook();
    const inputs = inputsFromAssessment(J, enterprise('甲', '91320500MA1AAAAA0', 75));
    await injectLayout(new SimContext(model) as unknown as Excel.RequestContext, layout, { core: true, pageLayout: true, charts: true }, inputs);
    const hf = recalculate(model);
    const profile = hf.getSheetId('企业信息')!;
    const result = hf.getSheetId('评估结果')!;
    set = (value) => {
      hf.setCellContents({ sheet: profile, row: 29, col: 1 }, [[value]]); // B30
      return { check: hf.getCellValue({ sheet: profile, row: 29, col: 2 }), errors: hf.getCellValue({ sheet: result, row: 5, col: 1 }) }; // C30, SFA_ERRORS (B6)
    };
  });

  it('accepts each dropdown text (its full-width brackets typed either way) and blank; a typo is an error of the sheet', () => {
    expect(layout.names.find((n) => n.name === NAMES.errors)?.ref).toBe("'评估结果'!$B$6");
    expect(set('往年省示范类（直接进入专家评审）')).toEqual({ check: '', errors: 0 });
    expect(set('往年省示范类(直接进入专家评审)')).toEqual({ check: '', errors: 0 });
    expect(set(null)).toEqual({ check: '', errors: 0 });
    expect(set('国家级')).toEqual({ check: '不在下拉列表中，填写的是「国家级」', errors: 1 });
  });
});

describe('the merged summary keeps the class', () => {
  const header = { unit: '苏州市工业和信息化局', contact: '', phone: '' };
  const inputs: MergeInput[] = [
    { file: '甲.json', modified: 1, rubric: J, assessment: enterprise('甲企业', '91320500MA1AAAAA0', 80) },
    { file: '卓越.json', modified: 2, rubric: J, assessment: withClass('national-excellent-2024') },
  ];

  it('through the file: a re-merge with no files lists the recognised enterprise first again', async () => {
    const first = bureauMerge(J, [], inputs);
    expect(first.rows.map((r) => r.enterpriseName)).toEqual(['卓越企业', '甲企业']);
    const file = await writeMergedSummary(J, first, header, 'zh');
    const back = await readMergedSummary(file, 'zh', { inflate: nodeInflater });
    expect(back.rows.map((r) => [r.enterpriseName, r.recognition])).toEqual([
      ['卓越企业', 'national-excellent-2024'],
      ['甲企业', undefined],
    ]);
    const again = bureauMerge(J, [...back.rows].reverse(), []);
    expect(again.rows.map((r) => [r.enterpriseName, r.remark])).toEqual([
      ['卓越企业', '直接认定：2024 年国家卓越级智能工厂'],
      ['甲企业', '先进级，综合得分 80.00'],
    ]);
    expect(again.review.map((r) => r.recognition)).toEqual(['直接认定：2024 年国家卓越级智能工厂', '否']);
  });

  it('a 审核 of the columns before 直接认定 and 申报书完整度 still gives back the reviewer’s columns', () => {
    const before = REVIEW_COLUMNS.filter((c) => c !== 'recognition' && c !== 'application');
    const row = before.map((c) => (c === 'opinion' ? '材料齐全' : c === 'recommend' ? '是' : c === 'sha256' ? 'ab'.repeat(32) : null));
    const got = reviewsFromValues([[...row, 'code:91320500MA1AAAAA0X']]);
    expect(got.get('code:91320500MA1AAAAA0X')).toMatchObject({ inputs: { opinion: '材料齐全', recommend: '是' }, earlier: { sha256: 'ab'.repeat(32) } });
  });
});
