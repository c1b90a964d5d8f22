import { buildLayout } from '../../src/workbook/layout';
import { cellForPath } from '../../src/workbook/paths';
import { J } from '../fixtures/jiangsu';

describe('cellForPath', () => {
  const layout = buildLayout(J);
  it.each([
    ['profile.enterpriseName', '企业信息', 'B3'],
    ['profile.contactMobile', '企业信息', 'B12'],
    ['indicators.1.level', '数字化转型自评', 'E3'],
    ['indicators.3.score', '数字化转型自评', 'G5'],
    ['indicators.10.fit', '数字化转型自评', 'F12'],
    ['indicators.7.investmentTotal', '数字化转型自评', 'G14'],
    ['indicators.7.investment2024', '数字化转型自评', 'G15'],
    ['scenarios.1', '场景自评', 'E3'],
    ['scenarios.40', '场景自评', 'E42'],
  ])('%s is %s!%s', (path, sheet, cell) => {
    expect(cellForPath(layout, J, path)).toEqual({ sheet, cell });
  });
  it('finds declarations and maturity below the profile', () => {
    const d = cellForPath(layout, J, 'declarations.scale')!;
    const m = cellForPath(layout, J, 'maturityLevel')!;
    expect(d.sheet).toBe('企业信息');
    expect(Number(m.cell.slice(1))).toBeGreaterThan(Number(d.cell.slice(1)));
  });
  it('is undefined for paths it does not know', () => {
    expect(cellForPath(layout, J, 'scenarios.99')).toBeUndefined();
    expect(cellForPath(layout, J, 'rubric')).toBeUndefined();
  });
});
