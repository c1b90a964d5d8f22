// The sheet's 待填项数 (SFA_MISSING) is the number of 「未填写」 prompts the engine gives, which the pane shows:
// an empty workbook once said 23 in the sheet and 35 in the pane (profile fields and indicator 7's amounts
// were not counted by the sheet).
import { score, type Assessment } from '../../src/domain';
import { buildLayout } from '../../src/workbook/layout';
import { inputsFromAssessment } from '../../src/workbook/inputs';
import { NAMES } from '../../src/workbook/names';
import { advancedAssessment, J } from '../fixtures/jiangsu';
import { HyperFormulaWorkbook } from './hyperformula-workbook';

const layout = buildLayout(J);
const required = (a: Assessment) => score(J, a).warnings.filter((w) => w.code === 'required').length;
const sheetCount = (a: Assessment) => new HyperFormulaWorkbook(layout, inputsFromAssessment(J, a)).named(NAMES.missing).values[0]![0];

describe('待填项数 in the sheet = the engine’s 未填写 prompts', () => {
  it.each<[string, () => Assessment]>([
    ['an empty workbook', () => ({ rubric: J.id })],
    ['a complete assessment', advancedAssessment],
    [
      'profile fields, one amount and one level missing',
      () => {
        const a = advancedAssessment();
        a.profile = { ...a.profile, enterpriseName: undefined, contactMobile: undefined };
        const seven = a.indicators!['7'] as Record<string, unknown>;
        a.indicators!['7'] = { ...seven, investment2024: undefined } as never;
        a.indicators!['2'] = { score: 50 } as never;
        return a;
      },
    ],
  ])('%s', (_name, make) => {
    const a = make();
    expect(sheetCount(a)).toBe(required(a));
  });

  it('an empty workbook asks for 35 inputs in both', () => {
    expect(required({ rubric: J.id })).toBe(35);
  });
});
