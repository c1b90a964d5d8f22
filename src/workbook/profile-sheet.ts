// 企业信息: the 附件5 profile fields, the four 基础要求 declarations, the GB/T 39116 maturity level, 企业类型.
import type { Rubric } from '../domain/rubric/schema';
import type { Lang } from '../domain/i18n/lang';
import { PROFILE_NUMBER_KEYS, PROFILE_TEXT_KEYS, type ProfileKey } from '../domain/assessment/types';
import { REQUIRED_PROFILE_KEYS } from '../domain/scoring/evaluate';
import { profileFieldLabel } from '../domain/i18n/messages';
import { textsFor } from '../domain/i18n/texts';
import { absCell, absRange, sheetRef, str } from './a1';
import { workbookLabels } from './labels';
import { runningCount, type ProblemSource } from './problems';
import { NO, YES, type RubricRefs } from './rubric-sheet';
import { SheetBuilder } from './sheet-builder';
import type { SheetSpec } from './types';

export const PROFILE_SHEET = '企业信息';

/** The order of profile fields on the sheet (and in the SFA_PROFILE name). */
export const PROFILE_LAYOUT: readonly ProfileKey[] = [
  ...PROFILE_TEXT_KEYS.filter((k) => k !== 'fillDate'),
  ...PROFILE_NUMBER_KEYS,
  'fillDate', // last: it dates the form rather than describing the enterprise
];

const TEXT_FORMAT_KEYS: ProfileKey[] = ['creditCode', 'contactMobile'];

export interface ProfileRefs {
  /** Absolute (sheet-qualified) reference of each field's input cell. */
  field: Record<ProfileKey, string>;
  fields: string;
  size: string;
  declarations: string;
  declarationCells: string[];
  maturity: string;
  /** The maturity level as a number 1…5, or "" when not chosen or not valid. */
  maturityNumber: string;
  errorFlags: string;
  /** 1 for each tier input (declaration, maturity) not given. */
  missingFlags: string;
  problems: ProblemSource;
}

export function buildProfileSheet(rubric: Rubric, R: RubricRefs, lang: Lang): { sheet: SheetSpec; refs: ProfileRefs } {
  const L = workbookLabels(lang);
  const t = textsFor(rubric, lang);
  const S = PROFILE_SHEET;
  const b = new SheetBuilder('profile', S).tab('2F6F9F');
  const q = sheetRef(S);
  // Columns: A label, B input, C check, D notes; hidden F error flag, G missing flag, H problem running count, I maturity number.
  b.set('A1', L.profileTitle, 'title').merge('A1:D1');
  b.row('A2', [L.item, L.value, L.check, L.hint], 'header');

  const first = 3;
  const field = {} as Record<ProfileKey, string>;
  const rowOf = (k: ProfileKey) => first + PROFILE_LAYOUT.indexOf(k);
  const required = new Set<string>(REQUIRED_PROFILE_KEYS);
  PROFILE_LAYOUT.forEach((k, i) => {
    const r = first + i;
    const v = `B${r}`;
    field[k] = `${q}${absCell(2, r)}`;
    b.set(`A${r}`, profileFieldLabel(k, t) + (required.has(k) ? ' *' : ''), 'label');
    const numFmt = TEXT_FORMAT_KEYS.includes(k) ? '@' : k === 'fillDate' ? 'yyyy-mm-dd' : k === 'revenue' ? '#,##0.00' : k === 'employees' ? '0' : '@';
    b.set(v, null, 'input', { input: true, numFmt });
    const missing = required.has(k) ? str(L.missing) : '""';
    let check: string;
    let error = '0';
    switch (k) {
      case 'creditCode': {
        const fmtBad = `OR(LEN(${v})<>18,SUMPRODUCT(--ISNUMBER(FIND(MID(${v},${R.positions18},1),${R.creditAlphabet})))<>18)`;
        const digit = `MID(${R.creditAlphabet},MOD(31-MOD(SUMPRODUCT((FIND(MID(${v},${R.positions17},1),${R.creditAlphabet})-1)*${R.creditWeights}),31),31)+1,1)`;
        check = `IF(TRIM(${v})="",${missing},IF(${fmtBad},${str(L.creditFormat)},IF(${digit}<>RIGHT(${v},1),${str(L.creditCheck)}&${digit},"")))`;
        error = `IF(TRIM(${v})="",0,IF(${fmtBad},1,0))`;
        b.validate(v, { kind: 'textLength', exactly: 18, error: L.creditFormat });
        break;
      }
      case 'contactMobile': {
        const ok = `AND(LEN(${v})=11,LEFT(${v},1)="1",ISNUMBER(FIND(MID(${v},2,1),"3456789")),SUMPRODUCT(--ISNUMBER(FIND(MID(${v},${R.positions11},1),"0123456789")))=11)`;
        check = `IF(TRIM(${v})="",${missing},IF(${ok},"",${str(L.mobileFormat)}))`;
        error = `IF(TRIM(${v})="",0,IF(${ok},0,1))`;
        b.validate(v, { kind: 'textLength', exactly: 11, error: L.mobileFormat });
        break;
      }
      case 'contactEmail':
        check = `IF(TRIM(${v})="","",IF(AND(ISNUMBER(FIND("@",${v})),ISERROR(FIND(" ",TRIM(${v}))),ISNUMBER(FIND(".",${v},IFERROR(FIND("@",${v}),1)+2))),"",${str(L.emailFormat)}))`;
        break;
      case 'employees':
        check = `IF(${v}="",${missing},IF(AND(ISNUMBER(${v}),${v}>=0,${v}=INT(${v})),"",${str(L.wholeNumber)}))`;
        error = `IF(${v}="",0,IF(AND(ISNUMBER(${v}),${v}>=0,${v}=INT(${v})),0,1))`;
        b.validate(v, { kind: 'whole', min: 0, error: L.wholeNumber });
        break;
      case 'revenue':
        check = `IF(${v}="",${missing},IF(AND(ISNUMBER(${v}),${v}>=0),"",${str(L.nonNegative)}))`;
        error = `IF(${v}="",0,IF(AND(ISNUMBER(${v}),${v}>=0),0,1))`;
        b.validate(v, { kind: 'decimal', min: 0, error: L.nonNegative });
        break;
      case 'fillDate': {
        // A date typed in (a serial number) or YYYY-MM-DD text that is a real calendar date, as the engine wants.
        const ok = `OR(ISNUMBER(${v}),${isoDateText(v, R.positions10)})`;
        check = `IF(${v}="","",IF(${ok},"",${str(L.dateFormat)}))`;
        error = `IF(${v}="",0,IF(${ok},0,1))`;
        break;
      }
      default:
        check = `IF(TRIM(${v})="",${missing},"")`;
    }
    b.set(`C${r}`, { f: check }, 'check');
    b.set(`F${r}`, { f: error }, 'helper');
    if (L.hints[k]) b.set(`D${r}`, L.hints[k]!, 'note');
  });
  const last = first + PROFILE_LAYOUT.length - 1;

  // 企业类型 from the rubric's size classes, largest first.
  const sizeRow = last + 1;
  const emp = `B${rowOf('employees')}`;
  const rev = `B${rowOf('revenue')}`;
  const sizeFormula = rubric.sizeClasses.reduceRight(
    (otherwise, c) => `IF(AND(${emp}>=${c.minEmployees},${rev}>=${c.minRevenue}),${str(c.id)},${otherwise})`,
    str(rubric.smallestSize.id),
  );
  b.set(`A${sizeRow}`, L.size, 'label');
  b.set(`B${sizeRow}`, { f: `IF(AND(ISNUMBER(${emp}),ISNUMBER(${rev})),${sizeFormula},"")` }, 'output');
  b.set(`F${sizeRow}`, { f: '0' }, 'helper');

  // 基础要求: 是/否 with the wording of 附件2.
  const dTitle = sizeRow + 2;
  b.set(`A${dTitle}`, L.declarationsTitle, 'subtitle').merge(`A${dTitle}:D${dTitle}`);
  const dFirst = dTitle + 1;
  const declarationCells: string[] = [];
  rubric.declarations.forEach((d, i) => {
    const r = dFirst + i;
    const v = `B${r}`;
    declarationCells.push(`${q}${absCell(2, r)}`);
    b.set(`A${r}`, d.label[lang] + ' *', 'label');
    b.set(v, null, 'input', { input: true });
    b.set(`C${r}`, { f: `IF(TRIM(${v})="",${str(L.notDeclared)},IF(${v}=${str(YES)},"",IF(${v}=${str(NO)},${str(L.notMet)},${str(L.pickFromList)})))` }, 'check');
    b.set(`D${r}`, d.text, 'wrap');
    b.set(`F${r}`, { f: `IF(TRIM(${v})="",0,IF(OR(${v}=${str(YES)},${v}=${str(NO)}),0,1))` }, 'helper');
    b.set(`G${r}`, { f: `IF(TRIM(${v})="",1,0)` }, 'helper');
    b.validate(v, { kind: 'list', source: R.yesNo, allowBlank: true, error: L.pickFromList });
  });
  const dLast = dFirst + rubric.declarations.length - 1;

  // GB/T 39116 maturity.
  const mTitle = dLast + 2;
  const mRow = mTitle + 1;
  const m = `B${mRow}`;
  b.set(`A${mTitle}`, L.maturityTitle, 'subtitle').merge(`A${mTitle}:D${mTitle}`);
  b.set(`A${mRow}`, L.maturity + ' *', 'label');
  b.set(m, null, 'input', { input: true });
  const maxM = rubric.maturityLevels.length;
  b.set(`I${mRow}`, { f: `IFERROR(MATCH(${m},${R.maturityLabels},0),IF(AND(ISNUMBER(${m}),${m}>=1,${m}<=${maxM}),IF(${m}=INT(${m}),${m},""),""))` }, 'helper');
  b.set(`C${mRow}`, { f: `IF(TRIM(${m})="",${str(L.missing)},IF(ISNUMBER(I${mRow}),"",${str(L.pickFromList)}))` }, 'check');
  b.set(`F${mRow}`, { f: `IF(TRIM(${m})="",0,IF(ISNUMBER(I${mRow}),0,1))` }, 'helper');
  b.set(`G${mRow}`, { f: `IF(TRIM(${m})="",1,0)` }, 'helper');
  b.validate(m, { kind: 'list', source: R.maturityLabels, allowBlank: true, error: L.pickFromList });

  // Running count of problems over every row with a check (blank rows count as 0).
  for (let r = first; r <= mRow; r++) b.set(`H${r}`, { f: runningCount('C', first, r, 'H') }, 'helper');

  // Red paint on invalid inputs, amber on missing tier inputs.
  b.paint(`B${first}:B${mRow}`, `$F${first}=1`, 'invalid');
  b.paint(`B${dFirst}:B${mRow}`, `$G${dFirst}=1`, 'warning');

  b.widths(26, 30, 26, 44, 2, 6, 6, 6, 6).hideColumns('E', 'F', 'G', 'H', 'I').freeze(2);
  b.print(`A1:D${mRow}`, 'portrait', '1:2');

  const refs: ProfileRefs = {
    field,
    fields: absRange(S, 2, first, 2, last),
    size: `${q}${absCell(2, sizeRow)}`,
    declarations: absRange(S, 2, dFirst, 2, dLast),
    declarationCells,
    maturity: `${q}${absCell(2, mRow)}`,
    maturityNumber: `${q}${absCell(9, mRow)}`,
    errorFlags: absRange(S, 6, first, 6, mRow),
    missingFlags: absRange(S, 7, dFirst, 7, mRow),
    problems: { labels: absRange(S, 1, first, 1, mRow), checks: absRange(S, 3, first, 3, mRow), run: absRange(S, 8, first, 8, mRow), total: `${q}${absCell(8, mRow)}`, prefix: `${S}：` },
  };
  return { sheet: b.build(), refs };
}

/**
 * Whether the text in `v` is YYYY-MM-DD and a real date, by arithmetic only (DATE() differs between Excel and
 * LibreOffice before 1900): digits and dashes in place, month 1–12, day within the month (leap years
 * Gregorian), year ≥ 100 as JavaScript's Date, which the engine uses, reads years 0–99 as 1900–1999.
 */
export function isoDateText(v: string, positions10: string): string {
  const shape = `AND(LEN(${v})=10,MID(${v},5,1)="-",MID(${v},8,1)="-",SUMPRODUCT(--ISNUMBER(FIND(MID(${v},${positions10},1),"0123456789")))=8)`;
  const [y, m, d] = [`VALUE(LEFT(${v},4))`, `VALUE(MID(${v},6,2))`, `VALUE(MID(${v},9,2))`];
  const leap = `IF(OR(MOD(${y},400)=0,AND(MOD(${y},4)=0,MOD(${y},100)<>0)),1,0)`;
  const days = `CHOOSE(${m},31,28+${leap},31,30,31,30,31,31,30,31,30,31)`;
  return `IF(ISTEXT(${v}),IF(${shape},IFERROR(AND(${y}>=100,${m}>=1,${m}<=12,${d}>=1,${d}<=${days}),FALSE()),FALSE()),FALSE())`;
}
