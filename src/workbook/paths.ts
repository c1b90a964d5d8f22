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

/** The sheet and the bounds (1-based columns and rows) a defined name covers. */
export interface NamedArea {
  sheet: string;
  c1: number;
  r1: number;
  c2: number;
  r2: number;
}

/** Where a defined name points, or undefined for a name the workbook does not have. */
export type NameLookup = (name: string) => NamedArea | undefined;

/** The names of a layout this module builds, as a lookup. */
export function layoutNames(layout: WorkbookLayout): NameLookup {
  return (name) => {
    const n = layout.names.find((x) => x.name === name);
    if (!n) return undefined;
    const { sheet, range } = splitRef(n.ref);
    return { sheet, ...rangeBounds(range) };
  };
}

function at(names: NameLookup, name: string, index: number): CellLocation | undefined {
  const b = names(name);
  if (!b) return undefined;
  if (index < 0 || index > b.r2 - b.r1) return undefined;
  return { sheet: b.sheet, cell: cell(b.c1, b.r1 + index) };
}

export function cellForPath(layout: WorkbookLayout, rubric: Rubric, path: string): CellLocation | undefined {
  return cellForName(layoutNames(layout), rubric, path);
}

/**
 * The cell of `path` through a lookup of the defined names: a layout's (cellForPath), or the areas a reader
 * found in the file itself (`sfa score x.xlsx`, without building the layout).
 */
export function cellForName(names: NameLookup, rubric: Rubric, path: string): CellLocation | undefined {
  const [head, id, field] = path.split('.');
  switch (head) {
    case 'profile':
      if (id === 'recognition') return at(names, NAMES.recognition, 0);
      return at(names, NAMES.profile, PROFILE_LAYOUT.indexOf(id as (typeof PROFILE_LAYOUT)[number]));
    case 'declarations':
      return at(
        names,
        NAMES.declarations,
        rubric.declarations.findIndex((d) => d.key === id),
      );
    case 'maturityLevel':
      return at(names, NAMES.maturity, 0);
    case 'scenarios':
      return at(
        names,
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
        return at(names, NAMES.indicatorAmounts, offset + ind.amounts.findIndex((a) => a.key === field));
      }
      const name = field === 'level' ? NAMES.indicatorLevels : field === 'fit' ? NAMES.indicatorFits : NAMES.indicatorScores;
      return at(names, name, i);
    }
    case 'application': {
      const app = getApplicationRubric(rubric.id);
      return app ? applicationCellForPath(names, app, rubric, path) : undefined;
    }
    default:
      return undefined;
  }
}
