// Typed variants: the advanced fixture with one input cell typed as a person might (text numbers, full-width
// digits, stray spaces, 是/否 variants, date forms) — what the input grammar accepts and what it refuses.
import type { CellValue } from '../../src/workbook/types';
import { inputsFromAssessment } from '../../src/workbook/inputs';
import { NAMES } from '../../src/workbook/names';
import { PROFILE_LAYOUT } from '../../src/workbook/profile-layout';
import type { ProfileKey } from '../../src/domain';
import { advancedAssessment, J } from '../fixtures/jiangsu';

export interface TypedVariant {
  name: string;
  /** Accepted by the grammar (the verdict is then what the typed value means), or refused (an error). */
  accepted: boolean;
  inputs: Map<string, CellValue[][]>;
  /** The field path of the typed cell. */
  path: string;
  typed: CellValue;
}

const ind = (id: string) => J.indicators.findIndex((x) => x.id === id);
const scen = (id: string) => J.scenarios.findIndex((x) => x.id === id);
const prof = (k: ProfileKey) => PROFILE_LAYOUT.indexOf(k);

/** The base: the advanced fixture, with a 符合程度 on indicator 3 (75 at 五级 is 非常符合). */
function base(): Map<string, CellValue[][]> {
  const a = advancedAssessment();
  a.indicators!['3'] = { level: 5, fit: 'high', score: 75 };
  return inputsFromAssessment(J, a);
}

function variant(name: string, index: number, path: string, typed: CellValue, accepted: boolean): TypedVariant {
  const inputs = base();
  inputs.get(name)![index]![0] = typed;
  return { name: `${path} typed ${JSON.stringify(typed)}`, accepted, inputs, path, typed };
}

const CODE = advancedAssessment().profile!.creditCode!;
const fullWidth = (s: string) => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const many = (name: string, index: number, path: string, values: CellValue[], accepted: boolean) => values.map((v) => variant(name, index, path, v, accepted));

// Not a variant: true/false in a number cell. LibreOffice keeps a boolean only in a cell of General format, so
// in the score column (format 0.##) TRUE is the number 1 there, while Excel and the engine see a boolean.
export const TYPED_VARIANTS: TypedVariant[] = [
  ...many(
    NAMES.indicatorScores,
    ind('3'),
    'indicators.3.score',
    ['75', ' 75 ', '７５', '75\u3000', '\u00a075', '+75', '75.0', '075', '75\t', '７５．０'],
    true,
  ),
  ...many(NAMES.indicatorScores, ind('3'), 'indicators.3.score', ['75分', '7 5', '75,0', 'abc', '75.', '.5', '1e2', '\u221275', '７５分'], false),
  ...many(NAMES.indicatorScores, ind('8'), 'indicators.8.score', ['1,5', '7,5'], false),
  ...many(NAMES.indicatorAmounts, 0, 'indicators.7.investmentTotal', ['1,260', '1260.5', '１,２６０', ' 1,260.00 '], true),
  ...many(NAMES.indicatorAmounts, 0, 'indicators.7.investmentTotal', ['1999,5', '12,60', '1,2600', '1260万元'], false),
  ...many(NAMES.profile, prof('employees'), 'profile.employees', ['520', '５２０', ' 520 ', '1,200'], true),
  ...many(NAMES.profile, prof('employees'), 'profile.employees', ['520人', '5,20', '五百二十'], false),
  ...many(NAMES.profile, prof('revenue'), 'profile.revenue', ['36,000', '36000.00', '３６０００', '45,000'], true),
  ...many(NAMES.profile, prof('revenue'), 'profile.revenue', ['3,6000', '36000万'], false),
  ...many(NAMES.indicatorLevels, ind('3'), 'indicators.3.level', [' 五级 ', '五级\u3000', '5', 5, '５'], true),
  ...many(NAMES.indicatorLevels, ind('3'), 'indicators.3.level', ['五', '5级', 'Level 5'], false),
  ...many(NAMES.indicatorFits, ind('3'), 'indicators.3.fit', ['非常符合 ', '非常符合\u00a0', '\u3000非常符合'], true),
  ...many(NAMES.indicatorFits, ind('3'), 'indicators.3.fit', ['很符合', 3], false),
  ...many(NAMES.declarations, 0, 'declarations.scale', ['是 ', ' 是', 'Y', 'yes', 'TRUE', true, '是\u3000', '否 ', false], true),
  ...many(NAMES.declarations, 0, 'declarations.scale', ['对', '√', 1], false),
  ...many(NAMES.maturity, 0, 'maturityLevel', ['2', 2, '二级', '规范级', ' 二级 规范级 ', '２', '3'], true),
  ...many(NAMES.maturity, 0, 'maturityLevel', ['2级', 'L2', '二'], false),
  ...many(NAMES.scenarioTiers, scen('3'), 'scenarios.3', [' 先进级 ', '先进级\u3000', ' 卓越级'], true),
  ...many(NAMES.scenarioTiers, scen('3'), 'scenarios.3', ['先进', 'advanced', 2], false),
  // A scenario not built: 未建设, and 未达到 as workbooks before the one-term wording held it.
  ...many(NAMES.scenarioTiers, scen('3'), 'scenarios.3', ['未建设', ' 未建设 ', '未达到'], true),
  ...many(NAMES.profile, prof('creditCode'), 'profile.creditCode', [CODE.toLowerCase(), ` ${CODE} `, fullWidth(CODE)], true),
  ...many(NAMES.profile, prof('creditCode'), 'profile.creditCode', ['ABC'], false),
  ...many(NAMES.profile, prof('contactMobile'), 'profile.contactMobile', ['１３９１２３４５６７８', ' 13912345678 '], true),
  ...many(NAMES.profile, prof('fillDate'), 'profile.fillDate', ['2025/3/10', '2025年3月10日', '2025.3.10', '2025-03-10', ' 2025/12/31 '], true),
  ...many(NAMES.profile, prof('fillDate'), 'profile.fillDate', ['2025/2/30', '3/10/2025', '20250310', '2025年13月1日'], false),
];
