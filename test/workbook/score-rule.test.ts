import { formatInterval } from '../../src/domain/i18n/texts';
import { workbookLabels } from '../../src/workbook/labels';
import { scoreRuleText } from '../../src/workbook/score-rule';
import { J } from '../fixtures/jiangsu';

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
