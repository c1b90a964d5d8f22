// 评估结果: composite, scenario counts and 环节 coverage per tier, each tier's conditions, the reference tier
// and the open problems — all native formulas over the other sheets, so the workbook stays live without us.
import { TIER_IDS, type Rubric } from '../domain/rubric/schema';
import type { Lang } from '../domain/i18n/lang';
import { COMPOSITE_PLACES } from '../domain/scoring/decimal';
import { absRange, cell, colLetter, sheetRef, str } from './a1';
import { workbookLabels } from './labels';
import type { IndicatorRefs } from './indicators-sheet';
import type { ProfileRefs } from './profile-sheet';
import type { ProblemSource } from './problems';
import type { ScenarioRefs } from './scenarios-sheet';
import { SheetBuilder } from './sheet-builder';
import type { ChartSpec, SheetSpec } from './types';

export const RESULT_SHEET = '评估结果';
/**
 * Rows of the open-problems list: as many as fit on the one printed page below the chart (the pane and
 * `sfa score` list them all; the sheet says how many more).
 */
const PROBLEM_ROWS = 8;

export interface ResultRefs {
  composite: string;
  tier: string;
  size: string;
  errors: string;
  missing: string;
  /** Indicator inputs missing (levels and scores): the 'incomplete' condition. */
  indicatorMissing: string;
  /** Scenario counts per tier (4 cells, basic…leading). */
  counts: string;
  /** Coverage block: one row per tier, one column per 建设环节, "✓" or "". */
  coverage: string;
  /** Per tier (rows) the conditions as 1/0: composite, count, segments, maturity, declarations, clean, met. */
  conditions: string;
  met: string;
  /** Cells for the 推荐汇总表 备注: per condition of 先进级, 1/0. */
  tierRow: (tier: (typeof TIER_IDS)[number]) => number;
}

export function buildResultSheet(
  rubric: Rubric,
  P: ProfileRefs,
  I: IndicatorRefs,
  Sc: ScenarioRefs,
  lang: Lang,
): { sheet: SheetSpec; refs: ResultRefs; chart: ChartSpec } {
  const L = workbookLabels(lang);
  const S = RESULT_SHEET;
  const q = sheetRef(S);
  const b = new SheetBuilder('result', S).tab('C0392B');
  const segs = rubric.segments;
  const lastCol = Math.max(8, 3 + segs.length);
  b.set('A1', L.resultTitle, 'title').merge(`A1:${colLetter(lastCol)}1`);

  // The mean rounded as the engine's (COMPOSITE_PLACES): a mean that is exactly 70 is 70, not 70.00000000000001.
  const composite = `IF(OR(SUM(${I.missingScore})>0,SUM(${I.unreadableScore})>0,SUM(${I.inComposite})=0),"",ROUND(SUM(${I.scoreUsed})/SUM(${I.inComposite}),${COMPOSITE_PLACES}))`;
  const errors = `SUM(${P.errorFlags})+SUM(${I.errorFlags})+SUM(${Sc.errorFlags})`;
  b.set('A3', L.composite, 'label').set('B3', { f: composite }, 'outputStrong', { numFmt: '0.00' });
  b.set('A5', L.size, 'label').set('B5', { f: `IF(${P.size}="","",${P.size})` }, 'output');
  b.set('A6', L.errors, 'label').set('B6', { f: errors }, 'output');
  // Every required input not given, counted as the engine counts its 「未填写」 prompts (the pane shows the same number).
  b.set('A7', L.missingCount, 'label').set(
    'B7',
    { f: `SUM(${I.missingScore})+SUM(${I.missingLevel})+SUM(${P.missingFlags})+SUM(${I.amountsMissing})` },
    'output',
  );
  b.set('K7', { f: `SUM(${I.missingScore})+SUM(${I.missingLevel})` }, 'helper');

  // Counts and coverage, one row per tier.
  b.set('A9', L.countsTitle, 'subtitle').merge(`A9:${colLetter(lastCol)}9`);
  b.row('A10', [L.tierCol, L.countCol, L.needCol, ...segs.map((s) => s.label[lang])], 'header');
  const countRow = 11;
  rubric.tiers.forEach((t, i) => {
    const r = countRow + i;
    const k = i + 1;
    b.set(`A${r}`, t.label[lang], 'label');
    b.set(`B${r}`, { f: `COUNTIF(${Sc.ranks},">=${k}")` }, 'output');
    b.set(`C${r}`, t.minScenarios, 'text');
    b.row(
      `D${r}`,
      segs.map((s) => ({ f: `IF(COUNTIFS(${Sc.segments},${str(s.id)},${Sc.ranks},">=${k}")>0,${str(L.yesMark)},"")` })),
      'output',
    );
  });

  // Conditions per tier: hidden K…Q hold 1/0, B…H show ✓/✗.
  b.set('A16', L.conditionsTitle, 'subtitle').merge(`A16:${colLetter(lastCol)}16`);
  b.row('A17', [L.tierCol, L.condComposite, L.condCount, L.condSegments, L.condMaturity, L.condDeclarations, L.condClean, L.condMet], 'header');
  const condRow = 18;
  const tierRow = (id: (typeof TIER_IDS)[number]) => condRow + TIER_IDS.indexOf(id);
  const nDecl = rubric.declarations.length;
  rubric.tiers.forEach((t, i) => {
    const r = condRow + i;
    const covRow = countRow + i;
    const segOk = t.requiredSegments.length
      ? `IF(AND(${t.requiredSegments.map((s) => `${cell(4 + segs.findIndex((x) => x.id === s), covRow)}=${str(L.yesMark)}`).join(',')}),1,0)`
      : '1';
    const conds = [
      `IF(ISNUMBER($B$3),IF($B$3>${t.compositeAbove},1,0),0)`,
      `IF(B${covRow}>=${t.minScenarios},1,0)`,
      segOk,
      `IF(ISNUMBER(${P.maturityNumber}),IF(${P.maturityNumber}>=${t.minMaturity},1,0),0)`,
      `IF(COUNTIF(${P.declarationValues},1)=${nDecl},1,0)`,
      `IF(AND($B$6=0,$K$7=0),1,0)`,
    ];
    b.set(`A${r}`, t.label[lang], 'label');
    b.row(
      `K${r}`,
      conds.map((f) => ({ f })),
      'helper',
    );
    b.set(`Q${r}`, { f: `IF(AND(K${r}=1,L${r}=1,M${r}=1,N${r}=1,O${r}=1,P${r}=1),1,0)` }, 'helper');
    b.row(
      `B${r}`,
      ['K', 'L', 'M', 'N', 'O', 'P', 'Q'].map((c) => ({ f: `IF(${c}${r}=1,${str(L.yesMark)},${str(L.noMark)})` })),
      'output',
    );
  });
  const lastCond = condRow + rubric.tiers.length - 1;
  const tierFormula = rubric.tiers.reduce((otherwise, t, i) => `IF($Q$${condRow + i}=1,${str(t.label.zh)},${otherwise})`, str(rubric.tierLabelNone.zh));
  b.set('A4', L.tier, 'label').set('B4', { f: tierFormula }, 'outputStrong');
  // Green or red on each ✓/✗.
  b.paint(`B${condRow}:H${lastCond}`, `B${condRow}=${str(L.yesMark)}`, 'ok');
  b.paint(`B${condRow}:H${lastCond}`, `B${condRow}=${str(L.noMark)}`, 'invalid');
  b.paint('B6', 'B6>0', 'invalid');

  // The ten indicator scores, the data of the radar chart (blanks as 0, 不涉及 marked).
  const chartTitle = lastCond + 2;
  b.set(`A${chartTitle}`, L.radarTitle, 'subtitle').merge(`A${chartTitle}:${colLetter(lastCol)}${chartTitle}`);
  const levelIndicators = rubric.indicators.filter((x) => x.kind === 'level');
  const chartFirst = chartTitle + 1;
  // 不涉及 is not 0: its axis is marked in the label and its value cell says 不涉及.
  levelIndicators.forEach((ind, i) => {
    const ref = I.scoreValue.get(ind.id)!;
    const na = `${I.levelCode.get(ind.id)!}=-2`;
    const label = `${ind.id} ${ind.name[lang]}`;
    // The label is a formula: its row is sized for the longer text it can show (fit).
    b.set(`A${chartFirst + i}`, { f: `${str(label)}&IF(${na},${str(`（${L.naShort}）`)},"")` }, 'text', { fit: `${label}（${L.naShort}）` });
    b.set(`B${chartFirst + i}`, { f: `IF(${na},${str(L.naShort)},IF(ISNUMBER(${ref}),${ref},0))` }, 'text');
  });
  const chartLast = chartFirst + levelIndicators.length - 1;
  // Taller than its table beside it (a row a label in Chinese), so the radar and its axis labels have room.
  const chartEnd = chartLast + 5;
  const chart: ChartSpec = {
    sheet: S,
    type: 'radar',
    source: `A${chartFirst}:B${chartLast}`,
    title: L.radarTitle,
    from: `D${chartFirst}`,
    to: `${colLetter(lastCol)}${chartEnd}`,
  };

  // Open problems: the k-th non-empty check over 企业信息, 数字化转型自评, 场景自评, in that order. They come
  // last, so the rows a short list leaves unused print as the end of the page, not a blank middle.
  const pTitle = chartEnd + 1;
  b.set(`A${pTitle}`, L.problemsTitle, 'subtitle').merge(`A${pTitle}:${colLetter(lastCol)}${pTitle}`);
  const sources: ProblemSource[] = [P.problems, I.problems, Sc.problems];
  for (let k = 1; k <= PROBLEM_ROWS; k++) {
    const r = pTitle + k;
    let offset = '0';
    let f = '""';
    const parts: { before: string; src: ProblemSource }[] = [];
    for (const src of sources) {
      parts.push({ before: offset, src });
      offset = `${offset}+${src.total}`;
    }
    // Build from the last source backwards so the first source is tested first.
    for (const { before, src } of parts.reverse()) {
      const idx = `${k}-(${before})`;
      const m = `MATCH(${idx},${src.run},0)`;
      f = `IF(${k}<=${before}+${src.total},${str(src.prefix)}&INDEX(${src.labels},${m})&" — "&INDEX(${src.checks},${m}),${f})`;
    }
    // The first row says so when there is none, so the printed list is not a blank space.
    if (k === 1) f = `IF(${sources.map((x) => x.total).join('+')}=0,${str(L.noProblems)},${f})`;
    // Numbered only when there is a problem, and without borders, so a workbook with few problems does not
    // print a column of empty numbered rows.
    b.set(`A${r}`, { f: `IF(OR(B${r}="",B${r}=${str(L.noProblems)}),"",${k})` }, 'problemNo', { fit: '' })
      .set(`B${r}`, { f }, 'problem', { fit: '' })
      .merge(`B${r}:${colLetter(lastCol)}${r}`);
  }
  const totalProblems = sources.map((s) => s.total).join('+');
  const moreRow = pTitle + PROBLEM_ROWS + 1;
  b.set(`B${moreRow}`, { f: `IF(${totalProblems}>${PROBLEM_ROWS},"… +"&(${totalProblems}-${PROBLEM_ROWS}),"")` }, 'note');

  // Column A wide enough for an indicator's label on one line (「1 研发设计数字化水平（不涉及）」), so the table beside
  // the chart leaves room on the page for the problems.
  b.widths(32, 12, 12, 12, 12, 12, 12, 12, 12, 2).hideColumns('J', 'K', 'L', 'M', 'N', 'O', 'P', 'Q').freeze(1);
  b.print(`A1:${colLetter(lastCol)}${moreRow}`, 'portrait', '1:1');
  const sheet = b.build();
  // One page, whatever the list holds: no second page with only 「待解决问题（无）」 on it, and a list never apart
  // from its title. In Chinese it fits as it is (print-pages.test.ts); English labels wrap and print a little smaller.
  sheet.print.pagesTall = 1;

  const refs: ResultRefs = {
    composite: `${q}$B$3`,
    tier: `${q}$B$4`,
    size: `${q}$B$5`,
    errors: `${q}$B$6`,
    missing: `${q}$B$7`,
    indicatorMissing: `${q}$K$7`,
    counts: absRange(S, 2, countRow, 2, countRow + rubric.tiers.length - 1),
    coverage: absRange(S, 4, countRow, 3 + segs.length, countRow + rubric.tiers.length - 1),
    conditions: absRange(S, 11, condRow, 17, lastCond),
    met: absRange(S, 17, condRow, 17, lastCond),
    tierRow,
  };
  return { sheet, refs, chart };
}
