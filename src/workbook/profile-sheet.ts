// 企业信息: the 附件5 profile fields, the four 基础要求 declarations, the GB/T 39116 maturity level, 企业类型.
import type { Rubric } from '../domain/rubric/schema';
import type { Lang } from '../domain/i18n/lang';
import type { ProfileKey } from '../domain/assessment/types';
import { PROFILE_LAYOUT } from './profile-layout';
import { REQUIRED_PROFILE_KEYS } from '../domain/scoring/evaluate';
import { profileFieldLabel } from '../domain/i18n/messages';
import { textsFor } from '../domain/i18n/texts';
import { absCell, absRange, sheetRef, str } from './a1';
import { workbookLabels } from './labels';
import { runningCount, type ProblemSource } from './problems';
import { type RubricRefs } from './rubric-sheet';
import { LAST_SERIAL, NO_TEXTS, YES_TEXTS } from '../domain/input/grammar';
import { choiceTexts } from './choices';
import { BAD, dateTextHelpers, isBlankCell, normText, numberHelpers, quoted, type NumberCols } from './typed-formulas';
import { SheetBuilder } from './sheet-builder';
import type { SheetSpec } from './types';

export const PROFILE_SHEET = '企业信息';

const TEXT_FORMAT_KEYS: ProfileKey[] = ['creditCode', 'contactMobile'];

export interface ProfileRefs {
  /** Absolute (sheet-qualified) reference of each field's input cell. */
  field: Record<ProfileKey, string>;
  fields: string;
  size: string;
  declarations: string;
  /** Each declaration as the grammar reads it: 1 是, 0 否, "" blank, −1 unreadable. */
  declarationValues: string;
  declarationCells: string[];
  maturity: string;
  /** 直接认定类别's input cell (layout 3), absent when the rubric has no recognitions. */
  recognition?: string;
  /** The same cell as the typed-choice grammar normalises it (hidden J), to compare with the class labels. */
  recognitionText?: string;
  /** The maturity level as a number 1…5, or "" when not chosen or not valid. */
  maturityNumber: string;
  /** 营业收入 as the grammar reads it (a number, "" or "?"), for the investment share. */
  revenueValue: string;
  errorFlags: string;
  /** 1 for each required input of this sheet not given (profile fields, declarations, maturity). */
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
  // Hidden J…N: the input grammar's helpers (typed-formulas.ts) — normalised text, then per kind the pieces of
  // a number (unsigned, integer part, fraction, value) or of a date (dashed text, second dash, valid).
  const helperCols: NumberCols = ['J', 'K', 'L', 'M', 'N'];
  const numberValue = {} as Record<ProfileKey, string>;
  PROFILE_LAYOUT.forEach((k, i) => {
    const r = first + i;
    const v = `B${r}`;
    field[k] = `${q}${absCell(2, r)}`;
    b.set(`A${r}`, profileFieldLabel(k, t) + (required.has(k) ? ' *' : ''), 'label');
    const numFmt = TEXT_FORMAT_KEYS.includes(k) ? '@' : k === 'fillDate' ? 'yyyy-mm-dd' : k === 'revenue' ? '#,##0.00' : k === 'employees' ? '0' : '@';
    b.set(v, null, 'input', { input: true, numFmt });
    const missing = required.has(k) ? str(L.missing) : '""';
    const T = `J${r}`;
    const blank = isBlankCell(v, T);
    let check: string;
    let error = '0';
    switch (k) {
      case 'creditCode':
      case 'contactMobile': {
        // The code as the grammar reads it: normalised and upper-cased (a number cell as its digits).
        b.set(T, { f: normText(v) }, 'helper');
        const c = `K${r}`;
        b.set(c, { f: `IF(ISERROR(${v}),"",IF(ISTEXT(${v}),UPPER(${T}),IF(ISBLANK(${v}),"",${v}&"")))` }, 'helper');
        if (k === 'creditCode') {
          const fmtBad = `OR(LEN(${c})<>18,SUMPRODUCT(--ISNUMBER(FIND(MID(${c},${R.positions18},1),${R.creditAlphabet})))<>18)`;
          const digit = `MID(${R.creditAlphabet},MOD(31-MOD(SUMPRODUCT((FIND(MID(${c},${R.positions17},1),${R.creditAlphabet})-1)*${R.creditWeights}),31),31)+1,1)`;
          check = `IF(${c}="",${missing},IF(${fmtBad},${str(L.creditFormat)},IF(${digit}<>RIGHT(${c},1),${str(L.creditCheck)}&${digit},"")))`;
          error = `IF(${c}="",0,IF(${fmtBad},1,0))`;
          b.validate(v, { kind: 'textLength', exactly: 18, error: L.creditFormat });
        } else {
          const ok = `AND(LEN(${c})=11,LEFT(${c},1)="1",ISNUMBER(FIND(MID(${c},2,1),"3456789")),SUMPRODUCT(--ISNUMBER(FIND(MID(${c},${R.positions11},1),"0123456789")))=11)`;
          check = `IF(${c}="",${missing},IF(${ok},"",${str(L.mobileFormat)}))`;
          error = `IF(${c}="",0,IF(${ok},0,1))`;
          b.validate(v, { kind: 'textLength', exactly: 11, error: L.mobileFormat });
        }
        break;
      }
      case 'contactEmail':
        b.set(T, { f: normText(v) }, 'helper');
        check = `IF(${blank},"",IF(AND(ISNUMBER(FIND("@",${T})),ISERROR(FIND(" ",${T})),ISNUMBER(FIND(".",${T},IFERROR(FIND("@",${T}),1)+2))),"",${str(L.emailFormat)}))`;
        break;
      case 'employees':
      case 'revenue': {
        const n = numberHelpers(b, v, r, helperCols, R.positions).value;
        numberValue[k] = n;
        const good = k === 'employees' ? `AND(${n}>=0,${n}=INT(${n}))` : `${n}>=0`;
        const rule = str(k === 'employees' ? L.wholeNumber : L.nonNegative);
        check = `IF(${n}="",${missing},IF(${n}=${BAD},${str(L.notANumber)}&${quoted(v)}&${str(L.typedEnd)},IF(${good},"",${rule})))`;
        error = `IF(${n}="",0,IF(${n}=${BAD},1,IF(${good},0,1)))`;
        b.validate(v, k === 'employees' ? { kind: 'whole', min: 0, error: L.wholeNumber } : { kind: 'decimal', min: 0, error: L.nonNegative });
        break;
      }
      case 'fillDate': {
        // A date cell (serial 1…LAST_SERIAL) or date text in the grammar's forms.
        b.set(T, { f: normText(v) }, 'helper');
        dateTextHelpers(b, T, `K${r}`, `L${r}`, `M${r}`, R.positions);
        const ok = `IF(ISNUMBER(${v}),AND(${v}>=1,${v}<${LAST_SERIAL + 1}),M${r}=1)`;
        check = `IF(${blank},"",IF(${ok},"",${str(L.dateFormat)}&"："&${quoted(v)}))`;
        error = `IF(${blank},0,IF(${ok},0,1))`;
        break;
      }
      default:
        b.set(T, { f: normText(v) }, 'helper');
        check = `IF(${blank},${missing},"")`;
    }
    // An error value in any input is an error, said as such (and never passed on into a result).
    b.set(`C${r}`, { f: `IF(ISERROR(${v}),${str(L.cellError)},${check})` }, 'check');
    b.set(`F${r}`, { f: `IF(ISERROR(${v}),1,${error})` }, 'helper');
    // 待填项数 counts every required field the engine asks for, not only those that block the tier.
    if (required.has(k)) b.set(`G${r}`, { f: `IF(ISERROR(${v}),0,IF(TRIM(${v})="",1,0))` }, 'helper');
    if (L.hints[k]) b.set(`D${r}`, L.hints[k]!, 'note');
  });
  const last = first + PROFILE_LAYOUT.length - 1;

  // 企业类型 from the rubric's size classes, largest first, on the values as the grammar reads them.
  const sizeRow = last + 1;
  const emp = numberValue.employees;
  const rev = numberValue.revenue;
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
  const yesNo = (x: string) => `OR(${x.split('|').join(',')})`;
  rubric.declarations.forEach((d, i) => {
    const r = dFirst + i;
    const v = `B${r}`;
    const T = `J${r}`;
    const val = `K${r}`;
    declarationCells.push(`${q}${absCell(2, r)}`);
    b.set(`A${r}`, d.label[lang] + ' *', 'label');
    b.set(v, null, 'input', { input: true });
    // K: 1 是, 0 否, "" blank, −1 outside the grammar (是/否, Y/N, YES/NO, TRUE/FALSE in any case, a true/false cell).
    b.set(T, { f: normText(v) }, 'helper');
    const yes = yesNo(YES_TEXTS.map((y) => `${T}=${str(y)}`).join('|'));
    const no = yesNo(NO_TEXTS.map((y) => `${T}=${str(y)}`).join('|'));
    b.set(
      val,
      { f: `IF(ISERROR(${v}),-1,IF(ISLOGICAL(${v}),IF(${v},1,0),IF(ISTEXT(${v}),IF(${T}="","",IF(${yes},1,IF(${no},0,-1))),IF(ISBLANK(${v}),"",-1))))` },
      'helper',
    );
    b.set(
      `C${r}`,
      { f: `IF(${val}="",${str(L.notDeclared)},IF(${val}=1,"",IF(${val}=0,${str(L.notMet)},${str(L.notAChoice)}&${quoted(v)}&${str(L.typedEnd)})))` },
      'check',
    );
    b.set(`D${r}`, d.text, 'wrap');
    b.set(`F${r}`, { f: `IF(${val}=-1,1,0)` }, 'helper');
    b.set(`G${r}`, { f: `IF(${val}="",1,0)` }, 'helper');
    b.validate(v, { kind: 'list', source: R.yesNo, allowBlank: true, error: L.pickFromList });
  });
  const dLast = dFirst + rubric.declarations.length - 1;

  // GB/T 39116 maturity: the dropdown text, one of its words, or a whole number 1…max (cell or text).
  const mTitle = dLast + 2;
  const mRow = mTitle + 1;
  const m = `B${mRow}`;
  b.set(`A${mTitle}`, L.maturityTitle, 'subtitle').merge(`A${mTitle}:D${mTitle}`);
  b.set(`A${mRow}`, L.maturity + ' *', 'label');
  b.set(m, null, 'input', { input: true });
  const maxM = rubric.maturityLevels.length;
  const mv = numberHelpers(b, m, mRow, helperCols, R.positions);
  const byText = choiceTexts(rubric).maturity.reduceRight(
    (rest, texts, i) => `IF(OR(${texts.map((x) => `${mv.text}=${str(x)}`).join(',')}),${i + 1},${rest})`,
    '""',
  );
  const mBlank = isBlankCell(m, mv.text);
  b.set(
    `I${mRow}`,
    { f: `IF(ISNUMBER(${mv.value}),IF(AND(${mv.value}>=1,${mv.value}<=${maxM},${mv.value}=INT(${mv.value})),${mv.value},""),${byText})` },
    'helper',
  );
  b.set(
    `C${mRow}`,
    {
      f: `IF(ISERROR(${m}),${str(L.cellError)},IF(${mBlank},${str(L.missing)},IF(ISNUMBER(I${mRow}),"",${str(L.notAChoice)}&${quoted(m)}&${str(L.typedEnd)})))`,
    },
    'check',
  );
  b.set(`F${mRow}`, { f: `IF(ISERROR(${m}),1,IF(${mBlank},0,IF(ISNUMBER(I${mRow}),0,1)))` }, 'helper');
  b.set(`G${mRow}`, { f: `IF(ISERROR(${m}),0,IF(${mBlank},1,0))` }, 'helper');
  b.validate(m, { kind: 'list', source: R.maturityLabels, allowBlank: true, error: L.pickFromList });

  // 直接认定类别 (the notice's item 二（二）4): optional, one of the rubric's classes. Below every earlier input,
  // so no cell of layout 2 moved (the reader still finds a layout-2 workbook's names where they were).
  const recognitions = choiceTexts(rubric).recognitions;
  let lastRow = mRow;
  let recognition: string | undefined;
  let recognitionText: string | undefined;
  if (recognitions.length) {
    const rTitle = mRow + 2;
    const rRow = rTitle + 1;
    const v = `B${rRow}`;
    const T = `J${rRow}`;
    b.set(`A${rTitle}`, L.recognitionTitle, 'subtitle').merge(`A${rTitle}:D${rTitle}`);
    b.set(`A${rRow}`, L.recognition, 'label');
    b.set(v, null, 'input', { input: true, numFmt: '@' });
    b.set(T, { f: normText(v) }, 'helper');
    const blank = isBlankCell(v, T);
    const ok = `OR(${recognitions.map((x) => `${T}=${str(x)}`).join(',')})`;
    b.set(
      `C${rRow}`,
      { f: `IF(ISERROR(${v}),${str(L.cellError)},IF(${blank},"",IF(${ok},"",${str(L.notAChoice)}&${quoted(v)}&${str(L.typedEnd)})))` },
      'check',
    );
    b.set(`F${rRow}`, { f: `IF(ISERROR(${v}),1,IF(${blank},0,IF(${ok},0,1)))` }, 'helper');
    b.set(`D${rRow}`, L.recognitionHint, 'wrap');
    b.validate(v, { kind: 'list', source: R.recognitionLabels, allowBlank: true, error: L.pickFromList });
    recognition = `${q}${absCell(2, rRow)}`;
    recognitionText = `${q}${absCell(10, rRow)}`;
    lastRow = rRow;
  }

  // Running count of problems over every row with a check (blank rows count as 0).
  for (let r = first; r <= lastRow; r++) b.set(`H${r}`, { f: runningCount('C', first, r, 'H') }, 'helper');

  // Red paint on invalid inputs, amber on missing tier inputs.
  b.paint(`B${first}:B${lastRow}`, `$F${first}=1`, 'invalid');
  b.paint(`B${dFirst}:B${mRow}`, `$G${dFirst}=1`, 'warning');

  b.widths(26, 30, 26, 44, 2, 6, 6, 6, 6).hideColumns('E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N').freeze(2);
  b.print(`A1:D${lastRow}`, 'portrait', '1:2');

  const refs: ProfileRefs = {
    field,
    fields: absRange(S, 2, first, 2, last),
    size: `${q}${absCell(2, sizeRow)}`,
    declarations: absRange(S, 2, dFirst, 2, dLast),
    declarationValues: absRange(S, 11, dFirst, 11, dLast),
    declarationCells,
    maturity: `${q}${absCell(2, mRow)}`,
    ...(recognition ? { recognition } : {}),
    ...(recognitionText ? { recognitionText } : {}),
    maturityNumber: `${q}${absCell(9, mRow)}`,
    revenueValue: `${q}${absCell(14, rowOf('revenue'))}`,
    errorFlags: absRange(S, 6, first, 6, lastRow),
    missingFlags: absRange(S, 7, first, 7, mRow),
    problems: {
      labels: absRange(S, 1, first, 1, lastRow),
      checks: absRange(S, 3, first, 3, lastRow),
      run: absRange(S, 8, first, 8, lastRow),
      total: `${q}${absCell(8, lastRow)}`,
      prefix: `${S}：`,
    },
  };
  return { sheet: b.build(), refs };
}
