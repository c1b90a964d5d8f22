// Validates application rubric data at load: a bad data file fails loudly with the path of every problem.
import { RubricLoadError } from '../rubric/load';
import { applicationRubricSchema, type ApplicationRubric } from './rubric';

export function loadApplicationRubric(data: unknown): ApplicationRubric {
  const r = applicationRubricSchema.safeParse(data);
  if (r.success) return r.data;
  const id = typeof data === 'object' && data !== null && 'id' in data ? String((data as { id: unknown }).id) : '(unknown)';
  throw new RubricLoadError(
    id,
    r.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`),
  );
}
