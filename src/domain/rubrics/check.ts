// The build-time (and test-time) check of the shipped rubrics: each parses under the schema, and to itself —
// so using the data as it is, without parsing it at run time, gives exactly what the schema would give.
import { loadRubric } from '../rubric/load';
import { loadApplicationRubric } from '../application/load';
import { SHIPPED_APPLICATION_RUBRICS } from './applications';
import { SHIPPED_RUBRICS } from './index';
import type { Shipped } from './shipped';

/** Structural equality of JSON values (key order aside). */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** The shipped assessment rubric an application rubric names (`rubric`), as it would be loaded. */
function assessmentRubricOf(data: unknown) {
  const id = typeof data === 'object' && data !== null && 'rubric' in data ? String((data as { rubric: unknown }).rubric) : '';
  const rubric = SHIPPED_RUBRICS.get(id);
  if (!rubric) throw new Error(`application rubric: rubric ${id || '(none)'} is not shipped`);
  return loadRubric(rubric);
}

/** Each kind of shipped data with the loader that parses it as data from anywhere else would be parsed. */
const SHIPPED: readonly [Shipped<unknown>, (data: unknown) => unknown][] = [
  [SHIPPED_RUBRICS, loadRubric],
  [SHIPPED_APPLICATION_RUBRICS, (data) => loadApplicationRubric(data, assessmentRubricOf(data))],
];

/** Problems with the shipped rubric data, one line each; empty when all of it may ship. */
export function checkShippedRubrics(): string[] {
  const problems: string[] = [];
  for (const [set, load] of SHIPPED)
    for (const [id, data] of set.entries()) {
      try {
        if (!sameJson(load(data), data))
          problems.push(`${set.kind} ${id}: the schema changes the data as it parses it (trim, defaults…); write the data in its parsed form`);
      } catch (e) {
        problems.push((e as Error).message);
      }
    }
  return problems;
}
