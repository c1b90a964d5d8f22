// The rubrics this product ships, one JSON data file per rubric id. Shipped data is validated before it ships,
// not on every start: `scripts/build-cli.js` (and the pane's build) refuse to build unless every file here
// parses under the rubric schema to itself (`checkShippedRubrics`), and test/domain/rubric-data.test.ts
// asserts the same. So the CLI and the pane load no zod to use a shipped rubric. A rubric from anywhere else
// goes through loadRubric (src/domain/rubric/load.ts).
import jiangsu2025 from './jiangsu-2025.json';
import type { Rubric } from '../rubric/schema';
import { shipped } from './shipped';

export const SHIPPED_RUBRICS = shipped<Rubric>('rubric', [['jiangsu-2025', jiangsu2025]]);
export const DEFAULT_RUBRIC_ID = 'jiangsu-2025';
export const RUBRIC_IDS = SHIPPED_RUBRICS.ids;

/** The rubric with this id, or undefined when the product does not ship it. */
export function getRubric(id: string = DEFAULT_RUBRIC_ID): Rubric | undefined {
  return SHIPPED_RUBRICS.get(id);
}
