// 数字化转型自评: the 10 indicators of 附件3 with level and fit dropdowns, the score, its band, the chosen
// level's text and a check column. Hidden helper columns (L…Z) hold the numeric codes formulas compare, so no
// formula ever compares text with a number (spreadsheets disagree on that).
import type { Rubric } from '../domain/rubric/schema';
import { SCORE_PLACES } from '../domain/scoring/decimal';
import type { Lang } from '../domain/i18n/lang';
import { absRange, sheetRef, str, absCell } from './a1';
import { workbookLabels } from './labels';
import { runningCount, type ProblemSource } from './problems';
import type { RubricRefs } from './rubric-sheet';
import { SheetBuilder } from './sheet-builder';
import { longest } from './row-heights';
import type { SheetSpec } from './types';

export const INDICATORS_SHEET = '数字化转型自评';

export interface IndicatorRefs {
  /** One row per rubric indicator (amounts indicators included, their level cells unused). */
  levels: string;
  fits: string;
  scores: string;
  /** One cell per amount of every amounts indicator, in rubric order. */
  amounts: string;
  /** Helper ranges over the indicator rows: score used (or 0), in composite (1/0), missing score, missing level. */
  scoreUsed: string;
  inComposite: string;
  missingScore: string;
  missingLevel: string;
  /** Absolute reference of each level indicator's score cell, by indicator id. */
  scoreCell: Map<string, string>;
  /** Error flags over indicator and amount rows. */
  errorFlags: string;
  problems: ProblemSource;
}

export function buildIndicatorsSheet(rubric: Rubric, R: RubricRefs, revenueCell: string, lang: Lang): { sheet: SheetSpec; refs: IndicatorRefs } {
  const L = workbookLabels(lang);
  const S = INDICATORS_SHEET;
  const b = new SheetBuilder('indicators', S).tab('3F8F4F');
  b.set('A1', L.indicatorsTitle, 'title').merge('A1:J1');
  b.row('A2', L.indHeaders, 'header');

  const first = 3;
  const last = first + rubric.indicators.length - 1;
  const levelsWithoutFits = rubric.bands.filter((x) => x.fits === null).map((x) => x.level);
  const amountsFirst = last + 2;
  let amountRow = amountsFirst;

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
        b.set(`H${ar}`, { f: `IF(AND(ISNUMBER(${g}),ISNUMBER(${revenueCell})),IF(${revenueCell}>0,${g}/${revenueCell},""),"")` }, 'output', { numFmt: '0.00%' });
        b.set(`I${ar}`, L.shareOfRevenue, 'note');
        const total = j > 0 ? `G${amountRow - 1 - j}` : undefined;
        const warn = total ? `IF(AND(ISNUMBER(${g}),ISNUMBER(${total})),IF(${g}>${total},${str(L.amount2024TooBig)},""),"")` : '""';
        b.set(`J${ar}`, { f: `IF(${g}="",${str(L.missing)},IF(AND(ISNUMBER(${g}),${g}>=0),${warn},${str(L.nonNegative)}))` }, 'check');
        b.set(`Y${ar}`, { f: `IF(${g}="",0,IF(AND(ISNUMBER(${g}),${g}>=0),0,1))` }, 'helper');
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
    const formulas: [string, string][] = [
      // L: level 1…n, 0 missing, −1 not a level, −2 不涉及
      ['L', `IF(TRIM(${E})="",0,IF(TRIM(${E})=${str(rubric.naLabel.zh)},-2,IF(ISNUMBER(${E}),IF(AND(${E}>=1,${E}<=${n},${E}=INT(${E})),${E},-1),IFERROR(MATCH(TRIM(${E}),${R.levelLabels},0),-1))))`],
      // M: fit 1…3, 0 none, −1 not a fit
      ['M', `IF(TRIM(${F})="",0,IFERROR(MATCH(TRIM(${F}),${R.fitLabels},0),-1))`],
      // N: the interval-table row the score must lie in (0: none)
      ['N', `IF(${c('L')}>0,(${c('L')}-1)*4+MAX(${c('M')},0)+1,IF(${c('L')}=0,${R.overallRow},0))`],
      ['O', `IF(${c('N')}>0,INDEX(${R.intervalMin},${c('N')}),0)`],
      ['P', `IF(${c('N')}>0,INDEX(${R.intervalMax},${c('N')}),0)`],
      ['Q', `IF(${c('N')}>0,INDEX(${R.intervalMinInc},${c('N')}),0)`],
      ['R', `IF(${c('N')}>0,INDEX(${R.intervalMaxInc},${c('N')}),0)`],
      // S: 1 in band, 0 out of band, 2 nothing to check
      ['S', `IF(AND(ISNUMBER(${G}),${c('N')}>0),IF(AND(IF(${c('Q')}=1,${G}>=${c('O')},${G}>${c('O')}),IF(${c('R')}=1,${G}<=${c('P')},${G}<${c('P')})),1,0),2)`],
      ['T', `IF(${c('L')}=-2,0,1)`],
      // U: the score as it counts in the composite, to SCORE_PLACES decimals (domain/scoring/decimal.ts)
      ['U', `IF(${c('V')}=1,ROUND(${G},${SCORE_PLACES}),0)`],
      ['V', `IF(AND(${c('T')}=1,ISNUMBER(${G})),1,0)`],
      ['W', `IF(AND(${c('T')}=1,NOT(ISNUMBER(${G}))),1,0)`],
      ['X', `IF(${c('L')}=0,1,0)`],
      ['Y', `IF(OR(${c('L')}=-1,${c('M')}=-1,${ind.naAllowed ? 'FALSE()' : `${c('L')}=-2`},${c('S')}=0),1,0)`],
    ];
    for (const [col, f] of formulas) b.set(`${col}${r}`, { f }, 'helper');
    b.set(`H${r}`, { f: `IF(${c('L')}>0,INDEX(${R.intervalText},${c('N')}),"")` }, 'output');
    b.set(`I${r}`, { f: `IF(${c('L')}>0,INDEX(${texts},1,${c('L')}),IF(${c('L')}=-2,${str(L.naText)},""))` }, 'wrap', { fit: longest(ind.levels) });
    const fitNoMeaning = levelsWithoutFits.length
      ? `IF(AND(${c('M')}>0,OR(${levelsWithoutFits.map((lv) => `${c('L')}=${lv}`).join(',')})),${str(L.fitNoMeaning)},"")`
      : '""';
    const naBranch = ind.naAllowed ? `IF(ISNUMBER(${G}),${str(L.naScoreIgnored)},"")` : str(L.naNotAllowed);
    b.set(
      `J${r}`,
      {
        f:
          `IF(OR(${c('L')}=-1,${c('M')}=-1),${str(L.pickFromList)},IF(${c('L')}=-2,${naBranch},` +
          `IF(${c('L')}=0,IF(ISNUMBER(${G}),IF(${c('S')}=0,${str(L.scoreOutOfRange)}&INDEX(${R.intervalText},${R.overallRow})&${str(L.between)},${str(L.chooseLevel)}),${str(L.chooseLevelAndScore)}),` +
          `IF(NOT(ISNUMBER(${G})),${str(L.fillScore)},IF(${c('S')}=0,${str(L.scoreOutOfBand)}&INDEX(${R.intervalText},${c('N')}),${fitNoMeaning})))))`,
      },
      'check',
    );
    b.validate(E, { kind: 'list', source: ind.naAllowed ? R.levelLabelsWithNa : R.levelLabels, allowBlank: true, error: L.pickFromList });
    b.validate(F, { kind: 'list', source: R.fitLabels, allowBlank: true, error: L.pickFromList });
    b.validate(G, {
      kind: 'custom',
      formula: `AND(ISNUMBER(${G}),OR($N${r}=0,AND(IF($Q${r}=1,${G}>=$O${r},${G}>$O${r}),IF($R${r}=1,${G}<=$P${r},${G}<$P${r}))))`,
      error: L.scoreRule,
    });
  });
  const amountsLast = amountRow - 1;
  for (let r = first; r <= amountsLast; r++) b.set(`Z${r}`, { f: runningCount('J', first, r, 'Z') }, 'helper');
  const noteRow = amountsLast + 2;
  b.set(`A${noteRow}`, L.scoreRule, 'note').merge(`A${noteRow}:J${noteRow}`);

  b.paint(`E${first}:G${last}`, `$Y${first}=1`, 'invalid');
  b.paint(`G${amountsFirst}:G${amountsLast}`, `$Y${amountsFirst}=1`, 'invalid');
  b.paint(`E${first}:E${last}`, `$X${first}=1`, 'warning');
  b.paint(`G${first}:G${last}`, `$W${first}=1`, 'warning');

  b.widths(6, 12, 16, 28, 10, 10, 10, 12, 48, 30).hideColumns(...'KLMNOPQRSTUVWXYZ'.split('')).freeze(2, 3);
  b.print(`A1:J${noteRow}`, 'landscape', '1:2');

  const col = (c: number, r1: number, r2: number) => absRange(S, c, r1, c, r2);
  const q = sheetRef(S);
  const refs: IndicatorRefs = {
    levels: col(5, first, last),
    fits: col(6, first, last),
    scores: col(7, first, last),
    amounts: col(7, amountsFirst, amountsLast),
    scoreCell: new Map(rubric.indicators.filter((x) => x.kind === 'level').map((x) => [x.id, `${q}${absCell(7, first + rubric.indicators.indexOf(x))}`])),
    scoreUsed: col(21, first, last),
    inComposite: col(22, first, last),
    missingScore: col(23, first, last),
    missingLevel: col(24, first, last),
    errorFlags: col(25, first, amountsLast),
    problems: { labels: col(3, first, amountsLast), checks: col(10, first, amountsLast), run: col(26, first, amountsLast), total: `${q}${absCell(26, amountsLast)}`, prefix: `${S}：` },
  };
  return { sheet: b.build(), refs };
}
