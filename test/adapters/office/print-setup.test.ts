// The Office.js renderer applies the layout's print setup and row heights as the .xlsx file has them; page
// layout only where the host has ExcelApi 1.9.
import { buildLayout } from '../../../src/workbook/layout';
import { injectLayout } from '../../../src/adapters/office/inject';
import { rowHeights } from '../../../src/workbook/row-heights';
import { FONT, PRINT } from '../../../src/workbook/styles';
import { J } from '../../fixtures/jiangsu';
import { miniRubric } from '../../fixtures/mini-rubric';
import { ALL_FEATURES, simWorkbook } from './sim';

describe('print setup through Office.js', () => {
  it('sets A4, centring, margins, the page-number footer, the font and every row height of the layout', async () => {
    for (const lang of ['zh', 'en'] as const) {
      const layout = buildLayout(J, { lang });
      const { model, context } = simWorkbook();
      await injectLayout(context, layout, ALL_FEATURES);
      for (const spec of layout.sheets) {
        const sheet = model.sheet(spec.name)!;
        expect(sheet.page).toMatchObject({ paperSize: 'A4', centered: true, fitToWidth: 1, footer: PRINT.footer[lang].replace(/^&C/, '') });
        expect([spec.name, sheet.page.fitToHeight]).toEqual([spec.name, spec.key === 'result' ? 1 : 0]); // 评估结果: one page tall
        expect(sheet.page.margins).toEqual({ leftMargin: 36, rightMargin: 36, topMargin: 43.2, bottomMargin: 43.2, headerMargin: 21.6, footerMargin: 21.6 });
        expect(new Map(sheet.rowHeights)).toEqual(rowHeights(spec));
        if (!spec.hidden) expect(model.peek(sheet, 1, 1)!.style['font.name']).toBe(FONT.name);
      }
    }
  });

  it('leaves page layout alone on a host without ExcelApi 1.9, but still sizes the rows', async () => {
    // The test rubric has no 申报书 sheets: their per-block formats exceed one request without ExcelApi 1.9.
    const layout = buildLayout(miniRubric);
    const { model, context } = simWorkbook();
    await injectLayout(context, layout, { ...ALL_FEATURES, pageLayout: false });
    const sheet = model.sheet('数字化转型自评')!;
    expect(sheet.page).toEqual({});
    expect(sheet.rowHeights.size).toBeGreaterThan(2);
  });
});
