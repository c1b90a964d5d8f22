// The application rubrics (附件5's 申报书 as data) this product ships, keyed by the assessment rubric they
// belong to. Like ./index.ts, shipped data is checked before it ships (build and tests: ./check.ts), so using
// it needs no zod at run time.
import jiangsu2025 from './jiangsu-2025-application.json';
import type { ApplicationRubric } from '../application/rubric';
import { shipped } from './shipped';

export const SHIPPED_APPLICATION_RUBRICS = shipped<ApplicationRubric>('application rubric', [['jiangsu-2025', jiangsu2025]]);

/** The application rubric of an assessment rubric, or undefined when it has none. */
export function getApplicationRubric(rubricId: string): ApplicationRubric | undefined {
  return SHIPPED_APPLICATION_RUBRICS.get(rubricId);
}
