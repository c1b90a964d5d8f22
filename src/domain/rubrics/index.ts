// The rubrics this product ships, one JSON data file per rubric id, validated when first asked for.
import jiangsu2025 from './jiangsu-2025.json';
import { loadRubric } from '../rubric/load';
import type { Rubric } from '../rubric/schema';

// A Map, not an object: the id comes from files ("rubric": "__proto__" must find nothing, not Object.prototype).
const DATA = new Map<string, unknown>([['jiangsu-2025', jiangsu2025]]);
export const DEFAULT_RUBRIC_ID = 'jiangsu-2025';
export const RUBRIC_IDS = [...DATA.keys()];

const loaded = new Map<string, Rubric>();

/** The rubric with this id, or undefined when the product does not ship it. */
export function getRubric(id: string = DEFAULT_RUBRIC_ID): Rubric | undefined {
  const hit = loaded.get(id);
  if (hit) return hit;
  const data = DATA.get(id);
  if (data === undefined) return undefined;
  const rubric = loadRubric(data);
  loaded.set(id, rubric);
  return rubric;
}
