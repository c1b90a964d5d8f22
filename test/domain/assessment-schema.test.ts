import { parseAssessment } from '../../src/domain';
import { advancedAssessment, J } from '../fixtures/jiangsu';

describe('assessment schema (ASSESSMENT-JSON.md)', () => {
  it('accepts the spec example shape and an empty document', () => {
    expect(parseAssessment(J, advancedAssessment()).ok).toBe(true);
    expect(parseAssessment(J, {}).ok).toBe(true);
  });
  it.each([
    [{ indicators: 5 }, 'indicators', '应为对象'],
    [{ bogus: 1 }, '(root)', '自评数据的最外层中没有“bogus”这一项；请删除或改正（自评数据的最外层可填：评价标准编号（rubric）、企业信息（profile）'],
    [{ indicators: { '11': { level: 1 } } }, 'indicators', '11'],
    [{ indicators: { '7': { level: 3 } } }, 'indicators.7', 'level'],
    [{ indicators: { '3': { level: 3, score: '28' } } }, 'indicators.3.score', '应为数字'],
    [{ indicators: { '3': { level: 'three' } } }, 'indicators.3.level', ''],
    [{ indicators: { '3': { fit: 'great' } } }, 'indicators.3.fit', '"low"'],
    [{ scenarios: { '41': 'basic' } }, 'scenarios', '41'],
    [{ scenarios: { '1': 'gold' } }, 'scenarios.1', '"advanced"'],
    [{ profile: { nickname: 'x' } }, 'profile', 'nickname'],
    [{ profile: { employees: '520' } }, 'profile.employees', '应为数字'],
    [{ declarations: { scale: 'yes' } }, 'declarations.scale', '布尔值'],
    [{ maturityLevel: '二级' }, 'maturityLevel', '应为数字'],
  ])('rejects %j at %s', (data, path, words) => {
    const r = parseAssessment(J, data);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems[0]!.path).toBe(path);
    expect(r.problems[0]!.message).toContain(words);
  });
  it('explains problems in English too', () => {
    const r = parseAssessment(J, { indicators: 5 }, 'en');
    expect(r.ok || r.problems[0]).toEqual({ path: 'indicators', message: 'expected an object, got a number' });
  });
});
