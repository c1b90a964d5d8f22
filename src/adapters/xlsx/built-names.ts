// Where buildLayout puts the names the reader checks: for a rubric whose layout has no frozen table yet
// (layout-names.ts). Its own module, so that reading a shipped rubric's workbook does not load the layout.
import type { Rubric } from '../../domain/rubric/schema';
import { cachedLayout } from '../../workbook/layout';
import { ASSESSMENT_READ_NAMES } from './layout-names';

/** Where buildLayout puts each name the reader checks. */
export function builtNames(rubric: Rubric): Map<string, string> {
  const checked = new Set(ASSESSMENT_READ_NAMES);
  return new Map(
    cachedLayout(rubric)
      .names.filter((n) => checked.has(n.name))
      .map((n) => [n.name, n.ref]),
  );
}
