/**
 * @jest-environment jsdom
 */
// 不涉及 is not zero: the pane's radar has no axis for it and names it; the workbook's radar data marks it.
import * as React from 'react';
import { render, screen } from '@testing-library/react';
import { Radar } from '../../src/taskpane/components/Radar';
import { buildLayout } from '../../src/workbook/layout';
import { inputsFromAssessment } from '../../src/workbook/inputs';
import { rangeBounds } from '../../src/workbook/a1';
import { HyperFormulaWorkbook } from '../parity/hyperformula-workbook';
import { advancedAssessment, allScores, indicatorsFromScores, J } from '../fixtures/jiangsu';

const withNa = () => ({ ...advancedAssessment(), indicators: indicatorsFromScores({ ...allScores(75), '1': 'na', '5': 'na' }) });

describe('不涉及 on the radar', () => {
  it('the pane draws no axis for it (not a 0) and names it in the caption', () => {
    const { container } = render(<Radar rubric={J} assessment={withNa()} title="十项指标得分" lang="zh" />);
    expect(container.querySelectorAll('line')).toHaveLength(7); // 9 level indicators less 2 不涉及
    expect(screen.getByTestId('radar-na').textContent).toContain('不涉及：1 ');
    const labels = [...container.querySelectorAll('text')].map((t) => t.firstChild?.textContent);
    expect(labels).not.toContain('1');
  });

  it('评估结果 shows 不涉及 for it, in the value and the axis label of the native chart', () => {
    const layout = buildLayout(J);
    const chart = layout.charts[0]!;
    const wb = new HyperFormulaWorkbook(layout, inputsFromAssessment(J, withNa()));
    const b = rangeBounds(chart.source);
    const rows = Array.from({ length: b.r2 - b.r1 + 1 }, (_, i) => [wb.at(chart.sheet, b.c1, b.r1 + i), wb.at(chart.sheet, b.c1 + 1, b.r1 + i)]);
    wb.destroy();
    expect(rows[0]).toEqual([expect.stringMatching(/^1 .*（不涉及）$/), '不涉及']);
    expect(rows[1]).toEqual([expect.not.stringContaining('不涉及'), 75]);
    expect(rows.filter((r) => r[1] === '不涉及')).toHaveLength(2);
  });
});
