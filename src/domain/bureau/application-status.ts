// How complete an enterprise's 申报书 is, for 审核: the pane's 申报书 tab's count (checkApplication, section by
// section) summed. Made when a file is scored (digestInput), so a merge that drops the assessment still has it.
import type { Assessment } from '../assessment/types';
import type { Lang } from '../i18n/lang';
import type { Rubric } from '../rubric/schema';
import { getApplicationRubric } from '../rubrics/applications';
import { applicationTotals, checkApplication } from '../application/checks';

export type ApplicationStatus = ReturnType<typeof applicationTotals>;

/** The 申报书's totals, or undefined when the file has none (a layout-1 workbook, a JSON without `application`). */
export function applicationStatus(rubric: Rubric, a: Assessment, lang: Lang, today?: string): ApplicationStatus | undefined {
  const app = getApplicationRubric(rubric.id);
  if (!app || !a.application) return undefined;
  return applicationTotals(checkApplication(app, rubric, a, { lang, ...(today ? { today } : {}) }));
}
