import { formatInterval } from '../../src/domain/i18n/texts';
import { workbookLabels } from '../../src/workbook/labels';
import { scoreRuleText } from '../../src/workbook/score-rule';
import { advancedAssessment, J } from '../fixtures/jiangsu';
import { buildLayout } from '../../src/workbook/layout';
import { inputsFromAssessment } from '../../src/workbook/inputs';
import { HyperFormulaWorkbook } from '../parity/hyperformula-workbook';

describe('the score rule text', () => {
  it.each(['zh', 'en'] as const)('states every band of the rubric in words (%s), no bracket notation', (lang) => {
    const text = scoreRuleText(J, lang);
    for (const b of J.bands) expect(text).toContain(formatInterval(b.range, lang));
    expect(text).not.toMatch(/[[(]\d+\s*,\s*\d+[\])]/);
  });

  it('reads as the quality manager expects in Chinese', () => {
    expect(scoreRuleText(J, 'zh')).toContain('一级：得分 = 0；二级：0 < 得分 < 20；三级：20 ≤ 得分 < 40');
  });

  it('follows the rubric, not a copy of its numbers', () => {
    const shifted = { ...J, bands: J.bands.map((b) => (b.level === 3 ? { ...b, range: { ...b.range, min: 25 } } : b)) };
    expect(scoreRuleText(shifted, 'zh')).toContain('三级：25 ≤ 得分 < 40');
  });

  it.each(['zh', 'en'] as const)('leaves no interval in bracket notation in any workbook text (%s)', (lang) => {
    const texts = Object.entries(workbookLabels(lang)).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => [k, x]) : [[k, v]]));
    const bracketed = texts.filter(([, v]) => typeof v === 'string' && /[[(]\s*\d+\s*,\s*\d+\s*[\])]/.test(v));
    expect(bracketed).toEqual([]);
  });
});

describe('the band column in the language of the workbook', () => {
  it.each([
    ['zh', '得分'],
    ['en', 'score'],
  ] as const)('%s: the chosen level’s band says %s, and the check names it the same way', (lang, word) => {
    const layout = buildLayout(J, { lang });
    const a = advancedAssessment();
    a.indicators!['3'] = { level: 3, score: 45 }; // outside 20 ≤ score < 40
    const wb = new HyperFormulaWorkbook(layout, inputsFromAssessment(J, a));
    try {
      const band = String(wb.at('数字化转型自评', 8, 5)); // H5: indicator 3's band
      expect(band).toBe(`20 ≤ ${word} < 40`);
      expect(String(wb.at('数字化转型自评', 10, 5))).toContain(band); // J5: its check
    } finally {
      wb.destroy();
    }
  });
});
