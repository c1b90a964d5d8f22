// Where a field of the assessment lives in the workbook: `indicators.3.score` → 数字化转型自评!G5. Used to
// select the cell of an error in the pane and to name the cell of every problem in the merge details.
import type { Rubric } from '../domain/rubric/schema';
import { cell, rangeBounds, splitRef } from './a1';
import { NAMES } from './names';
import { PROFILE_LAYOUT } from './profile-layout';
import type { WorkbookLayout } from './types';
import { getApplicationRubric } from '../domain/rubrics/applications';
import { applicationCellForPath } from './application/paths';

export interface CellLocation {
  sheet: string;
  cell: string;
}

function at(layout: WorkbookLayout, name: string, index: number): CellLocation | undefined {
  const n = layout.names.find((x) => x.name === name);
  if (!n) return undefined;
  const { sheet, range } = splitRef(n.ref);
  const b = rangeBounds(range);
  if (index < 0 || index > b.r2 - b.r1) return undefined;
  return { sheet, cell: cell(b.c1, b.r1 + index) };
}

export function cellForPath(layout: WorkbookLayout, rubric: Rubric, path: string): CellLocation | undefined {
  const [head, id, field] = path.split('.');
  switch (head) {
    case 'profile':
      if (id === 'recognition') return at(layout, NAMES.recognition, 0);
      return at(layout, NAMES.profile, PROFILE_LAYOUT.indexOf(id as (typeof PROFILE_LAYOUT)[number]));
    case 'declarations':
      return at(
        layout,
        NAMES.declarations,
        rubric.declarations.findIndex((d) => d.key === id),
      );
    case 'maturityLevel':
      return at(layout, NAMES.maturity, 0);
    case 'scenarios':
      return at(
        layout,
        NAMES.scenarioTiers,
        rubric.scenarios.findIndex((s) => s.id === id),
      );
    case 'indicators': {
      const i = rubric.indicators.findIndex((x) => x.id === id);
      const ind = rubric.indicators[i];
      if (!ind) return undefined;
      if (ind.kind === 'amounts') {
        let offset = 0;
        for (const other of rubric.indicators.slice(0, i)) if (other.kind === 'amounts') offset += other.amounts.length;
        return at(layout, NAMES.indicatorAmounts, offset + ind.amounts.findIndex((a) => a.key === field));
      }
      const name = field === 'level' ? NAMES.indicatorLevels : field === 'fit' ? NAMES.indicatorFits : NAMES.indicatorScores;
      return at(layout, name, i);
    }
    case 'application': {
      const app = getApplicationRubric(rubric.id);
      return app ? applicationCellForPath(layout, app, rubric, path) : undefined;
    }
    default:
      return undefined;
  }
}
