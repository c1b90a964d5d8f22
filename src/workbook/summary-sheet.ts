// 推荐汇总表: the official summary of 附件5, filled with this enterprise's row by formulas. The bureau merge
// writes many rows into the same layout.
import type { Rubric } from '../domain/rubric/schema';
import type { Lang } from '../domain/i18n/lang';
import { absRange, sheetRef, str } from './a1';
import { choiceTexts } from './choices';
import { workbookLabels } from './labels';
import type { ProfileRefs } from './profile-sheet';
import type { ResultRefs } from './result-sheet';
import { SheetBuilder } from './sheet-builder';
import type { SheetSpec } from './types';
import { CLAUSE_SEPARATOR } from '../domain/i18n/texts';

export const SUMMARY_SHEET = '推荐汇总表';
/** The tier whose conditions 备注 explains when the enterprise does not meet it. */
const REMARK_TIER = 'advanced';

export interface SummaryRefs {
  unit: string;
  contact: string;
  phone: string;
  /** The header row and the data rows of the table. */
  header: string;
  rows: string;
}

/**
 * Rows 1–2 of 附件5's table, as the annex lays them out: the centred title, then 「推荐单位名称（加盖单位公章）：」
 * with the unit, 联系人 and 联系电话 (the cells SFA_SUMMARY_UNIT, _CONTACT and _PHONE name). Shared by the
 * enterprise's sheet and the bureau's merged summary.
 */
export function summaryHeading(b: SheetBuilder, lang: Lang, values: { unit: string; contact: string; phone: string } | null): void {
  const L = workbookLabels(lang);
  b.set('A1', L.summaryTitle, 'title').merge('A1:I1');
  b.set('A2', L.unitStamped, 'label').merge('A2:B2');
  b.set('C2', values?.unit ?? null, 'input', { input: true, numFmt: '@' }).merge('C2:D2');
  b.set('E2', L.contact, 'label');
  b.set('F2', values?.contact ?? null, 'input', { input: true, numFmt: '@' });
  b.set('G2', L.phone, 'label');
  b.set('H2', values?.phone ?? null, 'input', { input: true, numFmt: '@' }).merge('H2:I2');
}

/**
 * 备注 as summaryRemark (src/domain/merge/merge.ts) says it for a directly recognised enterprise (the notice's
 * item 二（二）4): a class that is recognised outright has its remark instead of the scored one, a class that goes
 * straight to expert review has its remark in front of it. `text` is the recognition cell as normalised.
 */
function withRecognition(rubric: Rubric, text: string, scored: string, lang: Lang): string {
  const labels = choiceTexts(rubric).recognitions;
  const sep = CLAUSE_SEPARATOR[lang];
  return (rubric.recognitions ?? []).reduceRight((otherwise, r, i) => {
    if (!r.remark || r.effect === 'none') return otherwise;
    const then = r.effect === 'recognised' ? str(r.remark[lang]) : `${str(r.remark[lang] + sep)}&${scored}`;
    return `IF(${text}=${str(labels[i]!)},${then},${otherwise})`;
  }, scored);
}

export function buildSummarySheet(rubric: Rubric, P: ProfileRefs, Res: ResultRefs, lang: Lang): { sheet: SheetSpec; refs: SummaryRefs } {
  const L = workbookLabels(lang);
  const S = SUMMARY_SHEET;
  const b = new SheetBuilder('summary', S).tab('7F3F9F');
  summaryHeading(b, lang, null);
  b.row('A3', L.summaryHeaders, 'header');

  const text = (ref: string) => ({ f: `IF(ISERROR(${ref}),"",IF(TRIM(${ref})="","",${ref}))` });
  const f = P.field;
  const remarkTier = rubric.tiers.findIndex((t) => t.id === REMARK_TIER);
  const rule = rubric.tiers[remarkTier]!;
  const r = Res.tierRow(REMARK_TIER);
  const R = sheetRef('评估结果');
  const metAtOrAbove = `OR(${rubric.tiers
    .slice(remarkTier)
    .map((t) => `${R}$Q$${Res.tierRow(t.id)}=1`)
    .join(',')})`;
  const missingSegment = rule.requiredSegments.reduceRight(
    (otherwise, seg) =>
      `IF(COUNTIFS(${sheetRef('场景自评')}$N$3:$N$${2 + rubric.scenarios.length},${str(seg)},${sheetRef('场景自评')}$J$3:$J$${2 + rubric.scenarios.length},">=${remarkTier + 1}")=0,${str(seg)},${otherwise})`,
    '""',
  );
  const reason =
    `IF(${Res.errors}>0,${str(L.remarkErrors)},IF(${Res.indicatorMissing}>0,${str(L.remarkIncomplete)},` +
    `IF(${R}$K$${r}=0,${str(L.remarkComposite2)}&${rule.compositeAbove},` +
    `IF(${R}$L$${r}=0,${str(L.remarkCount)}&${R}$B$${11 + remarkTier}&"/"&${rule.minScenarios},` +
    `IF(${R}$M$${r}=0,${str(L.remarkSegment)}&${missingSegment},` +
    `IF(${R}$N$${r}=0,${str(L.remarkMaturity)}&${str(rubric.maturityLevels[rule.minMaturity - 1]!.label.zh)},${str(L.remarkDeclarations)}))))))`;
  const scored = `IF(${metAtOrAbove},${Res.tier}&${str(L.remarkComposite)}&TEXT(ROUND(${Res.composite},2),"0.00"),${reason})`;
  const remark = P.recognitionText ? withRecognition(rubric, P.recognitionText, scored, lang) : scored;
  b.row(
    'A4',
    [
      1,
      text(f.enterpriseName),
      text(f.factoryName),
      text(f.cluster),
      text(f.industryChain),
      text(f.industry),
      text(f.contactName),
      text(f.contactMobile),
      { f: remark },
    ],
    'wrap',
  );
  b.widths(6, 28, 28, 14, 14, 18, 10, 14, 30).freeze(3);
  b.print('A1:I4', 'landscape', '1:3');
  const refs: SummaryRefs = {
    unit: absRange(S, 3, 2, 3, 2),
    contact: absRange(S, 6, 2, 6, 2),
    phone: absRange(S, 8, 2, 8, 2),
    header: absRange(S, 1, 3, 9, 3),
    rows: absRange(S, 1, 4, 9, 4),
  };
  return { sheet: b.build(), refs };
}
