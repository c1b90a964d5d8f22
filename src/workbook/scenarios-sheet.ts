// 场景自评: the 40 scenarios of 附件4 grouped by 环节, each with a dropdown of only the tiers it offers, the
// chosen tier's description, an evidence column and a check. Hidden J…N: tier rank, offered, error flag,
// running problem count, 建设环节 id.
import type { Rubric } from '../domain/rubric/schema';
import type { Lang } from '../domain/i18n/lang';
import { absCell, absRange, sheetRef, str } from './a1';
import { workbookLabels } from './labels';
import { runningCount, type ProblemSource } from './problems';
import type { RubricRefs } from './rubric-sheet';
import { SheetBuilder } from './sheet-builder';
import { choiceTexts } from './choices';
import { choiceIndex, normText, quoted } from './typed-formulas';
import { longest } from './row-heights';
import type { SheetSpec } from './types';

export const SCENARIOS_SHEET = '场景自评';

export interface ScenarioRefs {
  tiers: string;
  evidence: string;
  /** Tier rank per scenario: 0 none, 1…4 basic…leading, −1 not a tier. */
  ranks: string;
  segments: string;
  errorFlags: string;
  problems: ProblemSource;
}

export function buildScenariosSheet(rubric: Rubric, R: RubricRefs, lang: Lang): { sheet: SheetSpec; refs: ScenarioRefs } {
  const L = workbookLabels(lang);
  const S = SCENARIOS_SHEET;
  const b = new SheetBuilder('scenarios', S).tab('8F5F2F');
  b.set('A1', L.scenariosTitle, 'title').merge('A1:H1');
  b.row('A2', L.scenHeaders, 'header');
  const first = 3;
  const last = first + rubric.scenarios.length - 1;
  const segLabel = (id: string | null) => (id === null ? L.noSegment : (rubric.segments.find((s) => s.id === id)?.label[lang] ?? id));

  // Merge the 环节 group cells of consecutive scenarios, as 附件4's table does.
  let groupStart = first;
  const choices = choiceTexts(rubric);
  rubric.scenarios.forEach((s, i) => {
    const r = first + i;
    const E = `E${r}`;
    // The 环节 group is written once per group: its cells are merged below, and a merge keeps only the top-left value.
    const firstOfGroup = i === 0 || rubric.scenarios[i - 1]!.group !== s.group;
    b.row(`A${r}`, [Number(s.id), firstOfGroup ? s.group : null, segLabel(s.segment), s.name[lang]], 'wrap');
    b.set(E, null, 'input', { input: true });
    b.set(`G${r}`, null, 'inputWrap', { input: true, numFmt: '@' });
    // O: the tier text as the grammar normalises it; J: 0 none/blank (未建设, or 未达到 of older workbooks), 1…4 the
    // tier, −1 not a tier.
    const T = `O${r}`;
    b.set(T, { f: normText(E) }, 'helper');
    const noneOrNot = `IF(OR(${choices.none.map((n) => `${T}=${str(n)}`).join(',')}),0,-1)`;
    b.set(`J${r}`, { f: `IF(ISERROR(${E}),-1,IF(ISTEXT(${E}),IF(${T}="",0,${choiceIndex(T, choices.tiers, noneOrNot)}),IF(ISBLANK(${E}),0,-1)))` }, 'helper');
    b.set(`K${r}`, { f: `IF(J${r}<=0,1,IF(COUNTIF(${R.offered.get(s.id)!},${T})>0,1,0))` }, 'helper');
    b.set(`L${r}`, { f: `IF(OR(J${r}=-1,K${r}=0),1,0)` }, 'helper');
    b.set(`N${r}`, s.segment, 'helper');
    b.set(`F${r}`, { f: `IF(AND(J${r}>0,K${r}=1),INDEX(${R.tierTexts.get(s.id)!},1,J${r}),"")` }, 'wrap', { fit: longest(Object.values(s.tiers)) });
    b.set(
      `H${r}`,
      { f: `IF(ISERROR(${E}),${str(L.cellError)},IF(J${r}=-1,${str(L.notAChoice)}&${quoted(E)}&${str(L.typedEnd)},IF(K${r}=0,${str(L.tierUnavailable)},"")))` },
      'check',
    );
    b.validate(E, { kind: 'list', source: R.offered.get(s.id)!, allowBlank: true, error: L.tierRule });
    const next = rubric.scenarios[i + 1];
    if (!next || next.group !== s.group) {
      if (r > groupStart) b.merge(`B${groupStart}:B${r}`);
      groupStart = r + 1;
    }
  });
  for (let r = first; r <= last; r++) b.set(`M${r}`, { f: runningCount('H', first, r, 'M') }, 'helper');
  const noteRow = last + 2;
  b.set(`A${noteRow}`, L.tierRule, 'note').merge(`A${noteRow}:H${noteRow}`);

  b.paint(`E${first}:E${last}`, `$L${first}=1`, 'invalid');
  b.widths(6, 12, 12, 20, 10, 56, 36, 26).hideColumns('I', 'J', 'K', 'L', 'M', 'N', 'O').freeze(2, 4);
  b.print(`A1:H${noteRow}`, 'landscape', '1:2');

  const col = (c: number) => absRange(S, c, first, c, last);
  const refs: ScenarioRefs = {
    tiers: col(5),
    evidence: col(7),
    ranks: col(10),
    segments: col(14),
    errorFlags: col(12),
    problems: { labels: col(4), checks: col(8), run: col(13), total: `${sheetRef(S)}${absCell(13, last)}`, prefix: `${S}：` },
  };
  return { sheet: b.build(), refs };
}
