// The input grammar (src/domain/input/grammar.ts) and the reader built on it: each defect of issue 11 that a
// reader caused, as a case that failed before.
import { normalizeTyped, parseDate, parseLevel, parseNumber, parseYesNo } from '../../src/domain/input/grammar';
import { assessmentFromInputs, inputsFromAssessment, problemsAsIssues, type NamedValues } from '../../src/workbook/inputs';
import { buildLayout } from '../../src/workbook/layout';
import { NAMES } from '../../src/workbook/names';
import { PROFILE_LAYOUT } from '../../src/workbook/profile-layout';
import { resolveName } from '../parity/named-values';
import { score } from '../../src/domain';
import { advancedAssessment, J } from '../fixtures/jiangsu';

describe('numbers', () => {
  it.each([
    ['85', 85],
    ['８５', 85],
    ['85 ', 85],
    ['\u00a085\u3000', 85],
    ['1,234', 1234],
    ['1,234,567.5', 1234567.5],
    ['-5', -5],
    ['+0.25', 0.25],
  ])('%j is %p', (t, n) => expect(parseNumber(t)).toEqual({ kind: 'ok', value: n }));
  it.each(['1,5', '1999,5', '12,34', ',123', '1,23,456', '520人', '5 20', '1e3', '.5', '5.', 'abc', '١٢'])('%j is outside the grammar', (t) =>
    expect(parseNumber(t)).toEqual({ kind: 'bad' }),
  );
  it('blank and spaces are blank; true/false is not a number', () => {
    expect(parseNumber('\u3000 ')).toEqual({ kind: 'blank' });
    expect(parseNumber(true)).toEqual({ kind: 'bad' });
  });
});

describe('choices, 是/否, dates', () => {
  it('dropdown texts with stray spaces of any kind', () => {
    expect(normalizeTyped('\u3000五级\u00a0 ')).toBe('五级');
    expect(
      parseLevel(
        ' 五级 ',
        J.levelLabels.map((l) => l.zh),
        ['不涉及'],
      ),
    ).toEqual({ kind: 'ok', value: 5 });
    expect(
      parseLevel(
        '２',
        J.levelLabels.map((l) => l.zh),
        ['不涉及'],
      ),
    ).toEqual({ kind: 'ok', value: 2 });
  });
  it('是/否 variants', () => {
    for (const y of ['是 ', 'Y', 'yes', 'True', true]) expect(parseYesNo(y)).toEqual({ kind: 'ok', value: true });
    for (const n of ['否\u3000', 'n', 'NO', false]) expect(parseYesNo(n)).toEqual({ kind: 'ok', value: false });
    expect(parseYesNo('对')).toEqual({ kind: 'bad' });
  });
  it('the usual Chinese date forms read as YYYY-MM-DD; impossible dates are outside', () => {
    for (const d of ['2025/3/10', '2025年3月10日', '2025.3.10', '2025-03-10', '２０２５/３/１０'])
      expect(parseDate(d)).toEqual({ kind: 'ok', value: '2025-03-10' });
    for (const d of ['2025/2/30', '3/10/2025', '20250310', '2025/13/1']) expect(parseDate(d)).toEqual({ kind: 'bad' });
  });
});

describe('the reader (inputs.ts) on typed cells', () => {
  const layout = buildLayout(J);
  /** The advanced fixture's inputs as a reader delivers them, with one cell replaced. */
  function read(name: string, index: number, typed: string | number | boolean) {
    const inputs = inputsFromAssessment(J, advancedAssessment());
    inputs.get(name)![index]![0] = typed;
    const ranges = new Map<string, NamedValues>();
    for (const [n, values] of inputs) {
      const { sheet, c1, r1 } = resolveName(layout, n);
      ranges.set(n, { sheet, col: c1, row: r1, values });
    }
    const { assessment, problems } = assessmentFromInputs(J, ranges);
    return { assessment, problems, report: score(J, assessment, { extraErrors: problemsAsIssues(problems) }) };
  }
  const iScore = (id: string) => J.indicators.findIndex((x) => x.id === id);
  it("'1,5' in a level-2 score is an error, not 15; '1999,5' 万元 is an error, not 19995", () => {
    const s = read(NAMES.indicatorScores, iScore('8'), '1,5');
    expect(s.assessment.indicators!['8']).toEqual({ level: 5 });
    expect(s.problems.map((p) => p.message)).toEqual(['应为数字，填写的是「1,5」']);
    const r = read(NAMES.profile, PROFILE_LAYOUT.indexOf('revenue'), '1999,5');
    expect(r.assessment.profile!.revenue).toBeUndefined();
    expect(r.problems).toHaveLength(1);
  });
  it('an unreadable score is said once: 「应为数字」 and no 「得分未填写」', () => {
    const { report } = read(NAMES.indicatorScores, iScore('3'), '75分');
    expect(report.errors.filter((e) => e.path === 'indicators.3.score').map((e) => e.message)).toEqual(['数字化转型自评!G5：应为数字，填写的是「75分」']);
    expect(report.warnings.filter((w) => w.path === 'indicators.3.score')).toEqual([]);
    expect(report.composite).toBeNull();
  });
  it('a date typed 2025/3/10 reads as 2025-03-10; 2025/2/30 is quoted back as typed', () => {
    const i = PROFILE_LAYOUT.indexOf('fillDate');
    expect(read(NAMES.profile, i, '2025/3/10').assessment.profile!.fillDate).toBe('2025-03-10');
    expect(read(NAMES.profile, i, '2025/2/30').problems[0]!.message).toContain('「2025/2/30」');
  });
  it('what the sheet accepts the reader accepts, and no more: English level labels and 「无」 are not dropdown texts', () => {
    expect(read(NAMES.indicatorLevels, iScore('3'), 'Level 5').problems).toHaveLength(1);
    expect(read(NAMES.scenarioTiers, 0, '无').problems).toHaveLength(1);
    expect(read(NAMES.maturity, 0, '2').assessment.maturityLevel).toBe(2);
  });
});
