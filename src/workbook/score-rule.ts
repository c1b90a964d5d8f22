// The score rule as the sheet's note, the score cell's validation message and the what-if's refusal say it:
// every level's band in words from the rubric (「20 ≤ 得分 < 40」), never bracket notation a quality manager
// does not read, and never a copy of the numbers that could drift from the rubric.
import type { Rubric } from '../domain/rubric/schema';
import type { Lang } from '../domain/i18n/lang';
import { formatInterval, textsFor, CLAUSE_SEPARATOR } from '../domain/i18n/texts';
import { workbookLabels } from './labels';

export function scoreRuleText(rubric: Rubric, lang: Lang): string {
  const L = workbookLabels(lang);
  const t = textsFor(rubric, lang);
  const bands = rubric.bands.map((b) => `${t.level(b.level)}${lang === 'zh' ? '：' : ': '}${formatInterval(b.range, lang)}`);
  return L.scoreRuleLead + bands.join(CLAUSE_SEPARATOR[lang]) + L.scoreRuleTail;
}
