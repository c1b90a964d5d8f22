// 数字化转型自评: the 10 indicators of 附件3 with level and fit dropdowns, the score, its band, the chosen
// level's text and a check column. Hidden helper columns (L…Z) hold the numeric codes formulas compare, so no
// formula ever compares text with a number (spreadsheets disagree on that).
import type { Rubric } from '../domain/rubric/schema';
import { SCORE_PLACES } from '../domain/scoring/decimal';
import type { Lang } from '../domain/i18n/lang';
import { absRange, sheetRef, str, absCell, colNumber } from './a1';
import { choiceTexts } from './choices';
import { BAD, choiceIndex, isBlankCell, normText, numberHelpers, quoted } from './typed-formulas';
import { workbookLabels } from './labels';
import { scoreRuleText } from './score-rule';
import { runningCount, type ProblemSource } from './problems';
import type { RubricRefs } from './rubric-sheet';
import { SheetBuilder } from './sheet-builder';
import { longest } from './row-heights';
import type { SheetSpec } from './types';

export const INDICATORS_SHEET = '数字化转型自评';

// Hidden AA…AL: the input grammar's helper cells (typed-formulas.ts) for the level (AA…AE), the fit (AF),
// the score or amount (AG…AK), and the unreadable-score flag (AL).
const LEVEL_COLS = ['AA', 'AB', 'AC', 'AD', 'AE'] as const;
const FIT_TEXT_COL = 'AF';
const SCORE_COLS = ['AG', 'AH', 'AI', 'AJ', 'AK'] as const;
const UNREADABLE_COL = 'AL';
const HELPER_COLS = [...LEVEL_COLS, FIT_TEXT_COL, ...SCORE_COLS, UNREADABLE_COL];

export interface IndicatorRefs {
  /** One row per rubric indicator (amounts indicators included, their level cells unused). */
  levels: string;
  fits: string;
  scores: string;
  /** One cell per amount of every amounts indicator, in rubric order. */
  amounts: string;
  /** 1 for each amount not given (待填项数; amounts do not block the tier). */
  amountsMissing: string;
  /** Helper ranges over the indicator rows: score used (or 0), in composite (1/0), missing score, missing level. */
  scoreUsed: string;
  inComposite: string;
  missingScore: string;
  missingLevel: string;
  /** Each level indicator's level code (column L: 1…n, 0 missing, −1 not a level, −2 不涉及), by indicator id. */
  levelCode: Map<string, string>;
  /** Each level indicator's score as the grammar reads it (a number, "" or "?"), by indicator id. */
  scoreValue: Map<string, string>;
  /** 1 per applicable indicator whose score is outside the grammar: the composite waits for it. */
  unreadableScore: string;
  /** Absolute reference of each level indicator's score cell, by indicator id. */
  scoreCell: Map<string, string>;
  /** Error flags over indicator and amount rows. */
  errorFlags: string;
  problems: ProblemSource;
}

export function buildIndicatorsSheet(rubric: Rubric, R: RubricRefs, revenueValue: string, lang: Lang): { sheet: SheetSpec; refs: IndicatorRefs } {
  const L = workbookLabels(lang);
  const scoreRule = scoreRuleText(rubric, lang);
  const intervalText = lang === 'en' ? R.intervalTextEn : R.intervalText;
  const S = INDICATORS_SHEET;
  const b = new SheetBuilder('indicators', S).tab('3F8F4F');
  b.set('A1', L.indicatorsTitle, 'title').merge('A1:J1');
  b.row('A2', L.indHeaders, 'header');

  const first = 3;
  const last = first + rubric.indicators.length - 1;
  const levelsWithoutFits = rubric.bands.filter((x) => x.fits === null).map((x) => x.level);
  const amountsFirst = last + 2;
  let amountRow = amountsFirst;
  const amountValue: string[] = [];

  rubric.indicators.forEach((ind, i) => {
    const r = first + i;
    const [E, F, G] = [`E${r}`, `F${r}`, `G${r}`];
    b.row(`A${r}`, [Number(ind.id), ind.group[lang], ind.name[lang], ind.description], 'wrap');
    if (ind.kind === 'amounts') {
      b.row(`E${r}`, ['—', '—', '—'], 'output');
      b.set(`H${r}`, L.amountsNote, 'note');
      b.row(`L${r}`, Array(13).fill(0), 'helper');
      b.set(`J${r}`, null, 'check');
      ind.amounts.forEach((amt, j) => {
        const ar = amountRow++;
        const g = `G${ar}`;
        if (j === 0) b.set(`A${ar}`, Number(ind.id), 'text');
        b.set(`C${ar}`, `${amt.label[lang]}（${amt.unit}）`, 'label').merge(`C${ar}:F${ar}`);
        b.set(g, null, 'input', { input: true, numFmt: '#,##0.00' });
        const n = numberHelpers(b, g, ar, SCORE_COLS, R.positions).value;
        amountValue.push(n);
        b.set(`H${ar}`, { f: `IF(AND(ISNUMBER(${n}),ISNUMBER(${revenueValue})),IF(${revenueValue}>0,${n}/${revenueValue},""),"")` }, 'output', {
          numFmt: '0.00%',
        });
        b.set(`I${ar}`, L.shareOfRevenue, 'note');
        const total = j > 0 ? amountValue[amountValue.length - 1 - j] : undefined;
        const warn = total ? `IF(AND(ISNUMBER(${n}),ISNUMBER(${total})),IF(${n}>${total},${str(L.amount2024TooBig)},""),"")` : '""';
        b.set(
          `J${ar}`,
          {
            f: `IF(ISERROR(${g}),${str(L.cellError)},IF(${n}="",${str(L.missing)},IF(${n}=${BAD},${str(L.notANumber)}&${quoted(g)}&${str(L.typedEnd)},IF(${n}>=0,${warn},${str(L.nonNegative)}))))`,
          },
          'check',
        );
        b.set(`Y${ar}`, { f: `IF(${n}="",0,IF(${n}=${BAD},1,IF(${n}>=0,0,1)))` }, 'helper');
        b.set(`W${ar}`, { f: `IF(${n}="",1,0)` }, 'helper'); // 待填项数
        b.validate(g, { kind: 'decimal', min: 0, error: L.nonNegative });
      });
      return;
    }
    const texts = R.levelTexts.get(ind.id)!;
    b.set(E, null, 'input', { input: true });
    b.set(F, null, 'input', { input: true });
    b.set(G, null, 'input', { input: true, numFmt: '0.##' });
    const n = rubric.bands.length;
    const c = (col: string) => `${col}${r}`;
    // The input grammar's helpers: the level and the score as numbers (or "" / "?"), the fit's normalised text.
    const lv = numberHelpers(b, E, r, LEVEL_COLS, R.positions);
    const ft = c(FIT_TEXT_COL);
    b.set(ft, { f: normText(F) }, 'helper');
    const sv = numberHelpers(b, G, r, SCORE_COLS, R.positions).value;
    const choices = choiceTexts(rubric);
    const levelBlank = isBlankCell(E, lv.text);
    const formulas: [string, string][] = [
      // L: level 1…n, 0 missing, −1 not a level, −2 不涉及
      [
        'L',
        `IF(ISERROR(${E}),-1,IF(${levelBlank},0,IF(OR(${choices.na.map((x) => `${lv.text}=${str(x)}`).join(',')}),-2,IF(ISNUMBER(${lv.value}),IF(AND(${lv.value}>=1,${lv.value}<=${n},${lv.value}=INT(${lv.value})),${lv.value},-1),${choiceIndex(lv.text, choices.levels, '-1')}))))`,
      ],
      // M: fit 1…3, 0 none, −1 not a fit
      ['M', `IF(ISERROR(${F}),-1,IF(ISTEXT(${F}),IF(${ft}="",0,${choiceIndex(ft, choices.fits, '-1')}),IF(ISBLANK(${F}),0,-1)))`],
      // N: the interval-table row the score must lie in (0: none)
      ['N', `IF(${c('L')}>0,(${c('L')}-1)*4+MAX(${c('M')},0)+1,IF(${c('L')}=0,${R.overallRow},0))`],
      ['O', `IF(${c('N')}>0,INDEX(${R.intervalMin},${c('N')}),0)`],
      ['P', `IF(${c('N')}>0,INDEX(${R.intervalMax},${c('N')}),0)`],
      ['Q', `IF(${c('N')}>0,INDEX(${R.intervalMinInc},${c('N')}),0)`],
      ['R', `IF(${c('N')}>0,INDEX(${R.intervalMaxInc},${c('N')}),0)`],
      // S: 1 in band, 0 out of band, 2 nothing to check
      [
        'S',
        `IF(AND(ISNUMBER(${sv}),${c('N')}>0),IF(AND(IF(${c('Q')}=1,${sv}>=${c('O')},${sv}>${c('O')}),IF(${c('R')}=1,${sv}<=${c('P')},${sv}<${c('P')})),1,0),2)`,
      ],
      ['T', `IF(${c('L')}=-2,0,1)`],
      // U: the score as it counts in the composite, to SCORE_PLACES decimals (domain/scoring/decimal.ts)
      ['U', `IF(${c('V')}=1,ROUND(${sv},${SCORE_PLACES}),0)`],
      ['V', `IF(AND(${c('T')}=1,ISNUMBER(${sv})),1,0)`],
      // W: score missing (blank); a score outside the grammar is an error instead, and withholds the composite (AL)
      ['W', `IF(AND(${c('T')}=1,${sv}=""),1,0)`],
      ['X', `IF(${c('L')}=0,1,0)`],
      ['Y', `IF(OR(${c('L')}=-1,${c('M')}=-1,${ind.naAllowed ? 'FALSE()' : `${c('L')}=-2`},${c('S')}=0,${sv}=${BAD}),1,0)`],
      [UNREADABLE_COL, `IF(AND(${c('T')}=1,${sv}=${BAD}),1,0)`],
    ];
    for (const [col, f] of formulas) b.set(`${col}${r}`, { f }, 'helper');
    b.set(`H${r}`, { f: `IF(${c('L')}>0,INDEX(${intervalText},${c('N')}),"")` }, 'output');
    b.set(`I${r}`, { f: `IF(${c('L')}>0,INDEX(${texts},1,${c('L')}),IF(${c('L')}=-2,${str(L.naText)},""))` }, 'wrap', { fit: longest(ind.levels) });
    const fitNoMeaning = levelsWithoutFits.length
      ? `IF(AND(${c('M')}>0,OR(${levelsWithoutFits.map((lv) => `${c('L')}=${lv}`).join(',')})),${str(L.fitNoMeaning)},"")`
      : '""';
    const naBranch = ind.naAllowed ? `IF(ISNUMBER(${sv}),${str(L.naScoreIgnored)},"")` : str(L.naNotAllowed);
    const typed = (x: string, lead: string) => `${lead}&${quoted(x)}&${str(L.typedEnd)}`;
    b.set(
      `J${r}`,
      {
        f:
          `IF(OR(ISERROR(${E}),ISERROR(${F}),ISERROR(${G})),${str(L.cellError)},` +
          `IF(${c('L')}=-1,${typed(E, str(L.notAChoice))},IF(${c('M')}=-1,${typed(F, str(L.notAChoice))},IF(${sv}=${BAD},${typed(G, str(L.notANumber))},IF(${c('L')}=-2,${naBranch},` +
          `IF(${c('L')}=0,IF(ISNUMBER(${sv}),IF(${c('S')}=0,${str(L.scoreOutOfRange)}&INDEX(${intervalText},${R.overallRow}),${str(L.chooseLevel)}),${str(L.chooseLevelAndScore)}),` +
          `IF(NOT(ISNUMBER(${sv})),${str(L.fillScore)},IF(${c('S')}=0,${str(L.scoreOutOfBand)}&INDEX(${intervalText},${c('N')}),${fitNoMeaning}))))))))`,
      },
      'check',
    );
    b.validate(E, { kind: 'list', source: ind.naAllowed ? R.levelLabelsWithNa : R.levelLabels, allowBlank: true, error: L.pickFromList });
    b.validate(F, { kind: 'list', source: R.fitLabels, allowBlank: true, error: L.pickFromList });
    b.validate(G, {
      kind: 'custom',
      formula: `AND(ISNUMBER(${G}),OR($N${r}=0,AND(IF($Q${r}=1,${G}>=$O${r},${G}>$O${r}),IF($R${r}=1,${G}<=$P${r},${G}<$P${r}))))`,
      error: scoreRule,
    });
  });
  const amountsLast = amountRow - 1;
  for (let r = first; r <= amountsLast; r++) b.set(`Z${r}`, { f: runningCount('J', first, r, 'Z') }, 'helper');
  const noteRow = amountsLast + 2;
  b.set(`A${noteRow}`, scoreRule, 'note').merge(`A${noteRow}:J${noteRow}`);

  b.paint(`E${first}:G${last}`, `$Y${first}=1`, 'invalid');
  b.paint(`G${amountsFirst}:G${amountsLast}`, `$Y${amountsFirst}=1`, 'invalid');
  b.paint(`E${first}:E${last}`, `$X${first}=1`, 'warning');
  b.paint(`G${first}:G${last}`, `$W${first}=1`, 'warning');

  b.widths(6, 12, 16, 28, 10, 10, 10, 12, 48, 30)
    .hideColumns(...'KLMNOPQRSTUVWXYZ'.split(''), ...HELPER_COLS)
    .freeze(2, 3);
  b.print(`A1:J${noteRow}`, 'landscape', '1:2');

  const col = (c: number, r1: number, r2: number) => absRange(S, c, r1, c, r2);
  const q = sheetRef(S);
  const refs: IndicatorRefs = {
    levels: col(5, first, last),
    fits: col(6, first, last),
    scores: col(7, first, last),
    amounts: col(7, amountsFirst, amountsLast),
    amountsMissing: col(23, amountsFirst, amountsLast),
    scoreCell: new Map(rubric.indicators.filter((x) => x.kind === 'level').map((x) => [x.id, `${q}${absCell(7, first + rubric.indicators.indexOf(x))}`])),
    scoreUsed: col(21, first, last),
    levelCode: new Map(rubric.indicators.filter((x) => x.kind === 'level').map((x) => [x.id, `${q}${absCell(12, first + rubric.indicators.indexOf(x))}`])),
    scoreValue: new Map(
      rubric.indicators.filter((x) => x.kind === 'level').map((x) => [x.id, `${q}${absCell(colNumber(SCORE_COLS[4]), first + rubric.indicators.indexOf(x))}`]),
    ),
    unreadableScore: col(colNumber(UNREADABLE_COL), first, last),
    inComposite: col(22, first, last),
    missingScore: col(23, first, last),
    missingLevel: col(24, first, last),
    errorFlags: col(25, first, amountsLast),
    problems: {
      labels: col(3, first, amountsLast),
      checks: col(10, first, amountsLast),
      run: col(26, first, amountsLast),
      total: `${q}${absCell(26, amountsLast)}`,
      prefix: `${S}：`,
    },
  };
  return { sheet: b.build(), refs };
}
