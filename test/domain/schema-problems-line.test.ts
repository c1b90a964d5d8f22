import { schemaProblemsLine } from '../../src/domain/assessment/json';

describe('schemaProblemsLine', () => {
  const problems = [
    { path: 'indicators.1', message: '应为对象', inWords: false },
    { path: 'profile', message: '企业信息中没有“projectName”这一项', inWords: true },
    { path: 'a', message: 'x', inWords: false },
    { path: 'b', message: 'y', inWords: false },
  ];
  it('joins problems with Chinese punctuation in Chinese, English in English, and counts the rest', () => {
    expect(schemaProblemsLine(problems, 'zh')).toEqual({ line: 'indicators.1：应为对象；企业信息中没有“projectName”这一项；a：x', more: 1 });
    expect(schemaProblemsLine(problems, 'en').line).toBe('indicators.1: 应为对象; 企业信息中没有“projectName”这一项; a: x');
  });
});
