import { injectLayout } from '../../src/adapters/office/inject';
import { SimContext } from '../../src/preview/sim/context';
import { SimWorkbook } from '../../src/preview/sim/model';
import { paintsAt, recalculate, shiftFormula } from '../../src/preview/recalc';
import { buildLayout } from '../../src/workbook/layout';
import { inputsFromAssessment } from '../../src/workbook/inputs';
import { NAMES } from '../../src/workbook/names';
import { score } from '../../src/domain';
import { advancedAssessment, J } from '../fixtures/jiangsu';

async function workbook(a = advancedAssessment()) {
  const model = new SimWorkbook();
  await injectLayout(
    new SimContext(model) as unknown as Excel.RequestContext,
    buildLayout(J),
    { core: true, pageLayout: true, charts: true },
    inputsFromAssessment(J, a),
  );
  return model;
}
const named = (model: SimWorkbook, name: string) => {
  const r = model.resolveName(name)!;
  return model.values(r.sheet, r.bounds);
};

describe('preview recalculation', () => {
  it('computes the workbook formulas on the simulated host as the engine does', async () => {
    const model = await workbook();
    recalculate(model);
    const report = score(J, advancedAssessment());
    expect(named(model, NAMES.composite)[0]![0]).toBeCloseTo(report.composite!, 9);
    expect(named(model, NAMES.tier)[0]![0]).toBe('先进级');
    expect(named(model, NAMES.counts).map((r) => r[0])).toEqual([15, 15, 0, 0]);
  });

  it('paints an out-of-band score red through the sheet conditional format', async () => {
    const a = advancedAssessment();
    a.indicators!['3'] = { level: 5, score: 40 };
    const model = await workbook(a);
    const hf = recalculate(model);
    const sheet = model.sheet('数字化转型自评')!;
    expect(paintsAt(hf, sheet, 5, 7)).toContain('#FFC7CE');
    expect(paintsAt(hf, sheet, 6, 7)).not.toContain('#FFC7CE');
  });

  it('shifts relative references only', () => {
    expect(shiftFormula('$Y3=1', 2, 0)).toBe('$Y5=1');
    expect(shiftFormula('B18="✓"', 1, 2)).toBe('D19="✓"');
    expect(shiftFormula("'规则'!$A$1+A1", 1, 1)).toBe("'规则'!$A$1+B2");
  });
});
