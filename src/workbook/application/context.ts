// What every 申报书 sheet module needs while it lays out its sheet: the rubrics, the references into the
// assessment sheets, the choice lists, and the registry of field cells, names and check flags it adds to.
import type { ApplicationRubric } from '../../domain/application/rubric';
import type { Lang } from '../../domain/i18n/lang';
import type { Rubric } from '../../domain/rubric/schema';
import { absCell, sheetRef, splitRef, rangeBounds } from '../a1';
import type { ProfileRefs } from '../profile-sheet';
import type { ResultRefs } from '../result-sheet';
import type { RubricRefs } from '../rubric-sheet';
import type { ScenarioRefs } from '../scenarios-sheet';
import type { NameSpec } from '../types';
import type { CheckRefs } from './field-checks';
import type { ApplicationLabels } from './labels';

export interface AppContext {
  app: ApplicationRubric;
  rubric: Rubric;
  lang: Lang;
  L: ApplicationLabels;
  R: RubricRefs;
  P: ProfileRefs;
  Sc: ScenarioRefs;
  Res: ResultRefs;
  checks: CheckRefs;
  /** The tier rank (1 basic … 4 leading) from which a claimed scenario needs an instance (附1-1). */
  minRank: number;
  /** The options sheet's list of scenarios as 「id 名称」. */
  scenarioList: string;
  /** `section.field` → absolute reference of its cell (inputs and 自动导入 cells). */
  fieldCell: Map<string, string>;
  /**
   * `section.field` → absolute reference of a date field's hidden serial cell (column Z): the date parsed once, so
   * the checks that compare dates refer to it instead of repeating the parse (Excel's formulas stop at 8,192 characters).
   */
  dateSerialCell: Map<string, string>;
  names: NameSpec[];
  /** Absolute ranges of 1/0 flag columns: errors, and required inputs still empty. */
  errorFlags: string[];
  missingFlags: string[];
}

export function sheetName(ctx: AppContext, id: string): string {
  return ctx.app.sheets.find((s) => s.id === id)!.name;
}

/** The i-th cell (from 0) of a one-column absolute range, e.g. a scenario's rank on 场景自评, or the cell `dCol` columns beside it. */
export function nthCell(columnRange: string, i: number, dCol = 0): string {
  const { sheet, range } = splitRef(columnRange);
  const b = rangeBounds(range);
  return `${sheetRef(sheet)}${absCell(b.c1 + dCol, b.r1 + i)}`;
}
