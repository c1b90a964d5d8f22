// The application rubrics (附件5's 申报书 as data) this product ships, keyed by the assessment rubric they
// belong to. Like ./index.ts, shipped data is checked before it ships (build and tests: ./check.ts), so using
// it needs no zod at run time.
import jiangsu2025 from './jiangsu-2025-application.json';
import type { ApplicationRubric } from '../application/rubric';

/** Shipped data by assessment rubric id; a Map so an id such as `__proto__` finds nothing. */
export const SHIPPED_APPLICATION_RUBRICS: ReadonlyMap<string, unknown> = new Map<string, unknown>([['jiangsu-2025', jiangsu2025]]);

/** The application rubric of an assessment rubric, or undefined when it has none. */
export function getApplicationRubric(rubricId: string): ApplicationRubric | undefined {
  return SHIPPED_APPLICATION_RUBRICS.get(rubricId) as ApplicationRubric | undefined;
}
