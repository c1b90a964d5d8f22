// 企业信息's 直接认定 (the notice's item 二（二）4) against the 申报书, as checkRecognition (domain/application/checks.ts)
// says it: each class's implied fields (`recognitionImplies`) should show their value, else a warning in the check
// cell of the implication's first field. The sentence goes into a hidden helper cell beside that field (column
// AA); its formula is written once every 申报书 field has its cell, since an implication may name fields laid out
// after the one its warning is on.
import type { FieldValue } from '../../domain/application/rubric';
import { impliedValues } from '../../domain/application/rubric-values';
import { quotedValue } from '../../domain/i18n/application-messages';
import { str } from '../a1';
import { choiceTexts } from '../choices';
import type { SheetSpec } from '../types';
import type { AppContext } from './context';

/** The hidden column of a form row's 直接认定 warning. */
export const RECOGNITION_COL_LETTER = 'AA';

interface Implication {
  /** The recognition cell's normalised text of the class (as withRecognition compares it). */
  text: string;
  values: FieldValue[];
  message: string;
}

/** The implications whose warning is on this field (`section.field`), with their sentences; none without a recognition cell. */
export function recognitionChecksOn(ctx: AppContext, at: string): Implication[] {
  if (!ctx.P.recognitionText) return [];
  const texts = choiceTexts(ctx.rubric).recognitions;
  const classes = ctx.rubric.recognitions ?? [];
  const label = (v: FieldValue) => {
    const s = ctx.app.sections.find((x) => x.key === v.section);
    return (s?.kind === 'form' ? s.fields.find((f) => f.key === v.field)?.label[ctx.lang] : undefined) ?? v.field;
  };
  return (ctx.app.recognitionImplies ?? []).flatMap((x) => {
    const values = impliedValues(x);
    const first = values[0]!;
    const i = classes.findIndex((c) => c.id === x.recognition);
    if (i < 0 || `${first.section}.${first.field}` !== at) return [];
    const name = classes[i]!.label[ctx.lang];
    const message =
      values.length === 1
        ? ctx.L.recognitionField(name, quotedValue(ctx.lang, first.equals))
        : ctx.L.recognitionAnyOf(
            name,
            values
              .map((v, j) =>
                j === 0 ? ctx.L.recognitionThis(quotedValue(ctx.lang, v.equals)) : ctx.L.recognitionOther(label(v), quotedValue(ctx.lang, v.equals)),
              )
              .join(ctx.L.or),
          );
    return [{ text: texts[i]!, values, message }];
  });
}

/** The helper cells' formulas: "" or the warning, for every form field an implication puts its warning on. */
export function writeRecognitionChecks(ctx: AppContext, sheets: SheetSpec[]): void {
  const P = ctx.P.recognitionText;
  if (!P) return;
  const seen = new Set<string>();
  for (const x of ctx.app.recognitionImplies ?? []) {
    const first = impliedValues(x)[0]!;
    const at = `${first.section}.${first.field}`;
    if (seen.has(at)) continue;
    seen.add(at);
    const list = recognitionChecksOn(ctx, at);
    const ref = ctx.fieldCell.get(at);
    if (!list.length || !ref) continue;
    const m = /^'?(.*?)'?!\$B\$(\d+)$/.exec(ref)!;
    const sheet = sheets.find((s) => s.name === m[1])!;
    const formula = list.reduceRight((otherwise, imp) => {
      const shown = imp.values.map((v) => `TRIM(${ctx.fieldCell.get(`${v.section}.${v.field}`)!})=${str(v.equals)}`);
      const ok = shown.length === 1 ? shown[0]! : `OR(${shown.join(',')})`;
      return `IF(${P}=${str(imp.text)},IF(${ok},"",${str(imp.message)}),${otherwise})`;
    }, '""');
    sheet.blocks.push({ at: `${RECOGNITION_COL_LETTER}${m[2]}`, rows: [[{ f: formula }]], style: 'helper' });
  }
}
