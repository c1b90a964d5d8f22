// Validates rubric data at load: a bad data file fails loudly with the path of every problem.
import { rubricSchema } from './rubric-schema';
import type { Rubric } from './schema';

export class RubricLoadError extends Error {
  constructor(
    readonly rubricId: string,
    readonly problems: string[],
  ) {
    super(`rubric ${rubricId} is invalid: ${problems.join('; ')}`);
    this.name = 'RubricLoadError';
  }
}

export function loadRubric(data: unknown): Rubric {
  const r = rubricSchema.safeParse(data);
  if (r.success) return r.data;
  const id = typeof data === 'object' && data !== null && 'id' in data ? String((data as { id: unknown }).id) : '(unknown)';
  throw new RubricLoadError(
    id,
    r.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`),
  );
}
