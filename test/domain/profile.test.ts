import { checkCreditCode, creditCodeCheckDigit, enterpriseSize, isMobile, score } from '../../src/domain';
import { advancedAssessment, J, validCreditCode } from '../fixtures/jiangsu';

describe('统一社会信用代码 (RULES §4)', () => {
  it('accepts the GB 32100-2015 example code', () => {
    expect(checkCreditCode('91350100M000100Y43')).toBe('ok');
  });
  it('computes the check digit with weights 3^i mod 31', () => {
    expect(creditCodeCheckDigit('91350100M000100Y4')).toBe('3');
    const code = validCreditCode('91320100MA1ABCDE0');
    expect(checkCreditCode(code)).toBe('ok');
  });
  it('a wrong check digit is a warning, not an error', () => {
    const good = validCreditCode();
    const wrong = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const a = advancedAssessment();
    a.profile!.creditCode = wrong;
    const r = score(J, a);
    expect(r.errors).toEqual([]);
    expect(r.warnings.map((w) => [w.path, w.code])).toEqual([['profile.creditCode', 'credit-code-check-digit']]);
    expect(r.tier).toBe('advanced');
  });
  it('a wrong length or character is an error', () => {
    for (const bad of ['91320100MA1XXXXX0', '91320100MA1XXXXX0AB', '91320100MA1XXXXXIO', '91320100ma1xxxxxio']) {
      expect(checkCreditCode(bad)).toBe('format');
      const a = advancedAssessment();
      a.profile!.creditCode = bad;
      expect(score(J, a).errors.map((e) => [e.path, e.code])).toEqual([['profile.creditCode', 'credit-code-format']]);
    }
  });
});

describe('codes are read by the input grammar, from JSON as from a sheet', () => {
  it('a lower-case or full-width credit code with spaces is the upper-case code', () => {
    const a = advancedAssessment();
    a.profile!.creditCode = ` ${a.profile!.creditCode!.toLowerCase()}\u3000`;
    expect(score(J, a).errors).toEqual([]);
    a.profile!.contactMobile = '１３９１２３４５６７８';
    expect(score(J, a).errors).toEqual([]);
  });
  it('a fill date in a usual Chinese form is a date; a date that does not exist is an error', () => {
    const a = advancedAssessment();
    for (const d of ['2025/3/10', '2025年3月10日', '2025.03.10', '2025-3-1']) {
      a.profile!.fillDate = d;
      expect(score(J, a).errors).toEqual([]);
    }
    a.profile!.fillDate = '2025/2/30';
    expect(score(J, a).errors.map((e) => e.code)).toEqual(['date-invalid']);
  });
});

describe('mobile (RULES §4)', () => {
  it('is 11 digits starting 13–19', () => {
    for (const ok of ['13912345678', '19900000000', '15012345678']) expect(isMobile(ok)).toBe(true);
    for (const bad of ['12912345678', '1391234567', '139123456789', '025-69652756', '+8613912345678']) expect(isMobile(bad)).toBe(false);
  });
  it('a landline in the mobile field is an error that says where landlines go', () => {
    const a = advancedAssessment();
    a.profile!.contactMobile = '025-69652756';
    const [e] = score(J, a).errors;
    expect(e).toMatchObject({ path: 'profile.contactMobile', code: 'mobile-format' });
    expect(e!.message).toContain('座机');
  });
});

describe('企业类型 (RULES §4)', () => {
  it.each([
    [1000, 40000, '大型'],
    [999, 40000, '中型'],
    [1000, 39999, '中型'],
    [300, 2000, '中型'],
    [299, 2000, '小型'],
    [300, 1999, '小型'],
    [20, 300, '小型'],
    [19, 300, '微型'],
    [20, 299, '微型'],
    [5000, 100, '微型'],
  ])('%i people and %i 万元 is %s', (employees, revenue, size) => {
    expect(enterpriseSize(J, employees, revenue)).toBe(size);
  });
  it('is null until both figures are known', () => {
    const a = advancedAssessment();
    delete a.profile!.revenue;
    expect(score(J, a).enterpriseSize).toBeNull();
    expect(score(J, advancedAssessment()).enterpriseSize).toBe('中型');
  });
  it('employees must be a whole number ≥ 0 and revenue ≥ 0', () => {
    const a = advancedAssessment();
    a.profile!.employees = 12.5;
    a.profile!.revenue = -1;
    expect(score(J, a).errors.map((e) => [e.path, e.code])).toEqual([
      ['profile.employees', 'count-invalid'],
      ['profile.revenue', 'amount-negative'],
    ]);
  });
});
