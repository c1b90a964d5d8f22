import { gapMessage, textsFor } from '../../src/domain';
import { J } from '../fixtures/jiangsu';

describe('the list of what to fill in', () => {
  const zh = textsFor(J, 'zh');
  const en = textsFor(J, 'en');
  const paths = ['indicators.1.score', 'indicators.1.level', 'indicators.2.score', 'indicators.2.level', 'maturityLevel'];

  it('says an indicator once with its fields together, level before score', () => {
    expect(gapMessage({ kind: 'fill', paths }, zh)).toBe(
      '填写：指标 1「研发设计数字化水平」等级和得分、指标 2「生产作业数字化水平」等级和得分、智能制造能力成熟度等级',
    );
    expect(gapMessage({ kind: 'fill', paths }, en)).toContain('indicator 1 (');
    expect(gapMessage({ kind: 'fill', paths }, en)).toContain(') level and score, indicator 2 (');
  });

  it('counts every item when it lists only the first five entries', () => {
    const many = Array.from({ length: 9 }, (_, i) => [`indicators.${i + 1}.score`, `indicators.${i + 1}.level`]).flat();
    const said = gapMessage({ kind: 'fill', paths: many }, zh);
    expect(said).toMatch(/指标 5「[^」]+」等级和得分等 18 项$/);
    expect(said).not.toContain('指标 6');
    expect(gapMessage({ kind: 'fill', paths: many }, en)).toMatch(/ and 8 more$/);
  });
});
