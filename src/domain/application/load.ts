// Validates application rubric data at load: a bad data file fails loudly with the path of every problem. It is
// checked against the assessment rubric it belongs to (the direct-recognition classes it names must be that
// rubric's).
import { RubricLoadError } from '../rubric/load';
import type { Rubric } from '../rubric/schema';
import { applicationRubricSchemaFor, type ApplicationRubric } from './rubric';

export function loadApplicationRubric(data: unknown, rubric: Pick<Rubric, 'id' | 'recognitions'>): ApplicationRubric {
  const r = applicationRubricSchemaFor(rubric).safeParse(data);
  if (r.success) return r.data;
  const id = typeof data === 'object' && data !== null && 'id' in data ? String((data as { id: unknown }).id) : '(unknown)';
  throw new RubricLoadError(
    id,
    r.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`),
  );
}
