// The application rubrics (附件5's 申报书 as data) this product ships, keyed by the assessment rubric they
// belong to, validated when first asked for — like ./index.ts does for assessment rubrics.
import jiangsu2025 from './jiangsu-2025-application.json';
import { loadApplicationRubric } from '../application/load';
import type { ApplicationRubric } from '../application/rubric';

const DATA: Record<string, unknown> = { 'jiangsu-2025': jiangsu2025 };
const loaded = new Map<string, ApplicationRubric>();

/** The application rubric of an assessment rubric, or undefined when it has none. */
export function getApplicationRubric(rubricId: string): ApplicationRubric | undefined {
  const hit = loaded.get(rubricId);
  if (hit) return hit;
  const data = DATA[rubricId];
  if (data === undefined) return undefined;
  const app = loadApplicationRubric(data);
  loaded.set(rubricId, app);
  return app;
}
