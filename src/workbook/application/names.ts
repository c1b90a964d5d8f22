// The defined names of the 申报书 sheets, derived from the application rubric alone: the sheet builder gives
// each one its range, the reader and the writer find every input through them. Names never move once
// published (layout 2); a new field gets a new name.
import type { AppField, AppSection, ApplicationRubric } from '../../domain/application/rubric';
import type { Rubric } from '../../domain/rubric/schema';
import { getApplicationRubric } from '../../domain/rubrics/applications';
import { getRubric, RUBRIC_IDS } from '../../domain/rubrics';

export const APP_NAME_PREFIX = 'SFA_APP_';

/** A defined name of the 申报书, upper case as Excel, openpyxl and our reader compare names (case-insensitively). */
export function appName(...parts: string[]): string {
  return (APP_NAME_PREFIX + parts.join('_')).toUpperCase();
}
/** Results of the application checks (not inputs). */
export const APP_RESULT_NAMES = { errors: 'SFA_APP_ERRORS', missing: 'SFA_APP_MISSING' } as const;

/** What one input name holds. */
export type AppInputName =
  /** One form field (one cell). */
  | { name: string; kind: 'field'; section: string; field: AppField }
  /** A table: rows × (scenario column if per scenario) + columns. */
  | { name: string; kind: 'table'; section: Extract<AppSection, { kind: 'table' }> }
  /** Metrics (rows) × years (columns). */
  | { name: string; kind: 'yearly'; section: Extract<AppSection, { kind: 'yearly' }> }
  /** The listed indicators: before, after. */
  | { name: string; kind: 'outcomes'; section: Extract<AppSection, { kind: 'outcomes' }> }
  /** Rows added by the user: label, unit, direction, before, after. */
  | { name: string; kind: 'outcomesCustom'; section: Extract<AppSection, { kind: 'outcomes' }> }
  /** One scenario's instance fields (one column, one row per field). */
  | { name: string; kind: 'instance'; section: Extract<AppSection, { kind: 'instances' }>; scenario: string }
  /** The confirmations, then the date (one column). */
  | { name: string; kind: 'pledge'; section: Extract<AppSection, { kind: 'pledge' }> }
  /** Per item: provided (是/否), file name. */
  | { name: string; kind: 'attachments'; section: Extract<AppSection, { kind: 'attachments' }> };

export const OUTCOME_CUSTOM_COLUMNS = ['label', 'unit', 'direction', 'before', 'after'] as const;

const cache = new WeakMap<ApplicationRubric, AppInputName[]>();

/** Every input name of the application, in sheet order. */
export function applicationInputNames(app: ApplicationRubric, rubric: Rubric): AppInputName[] {
  const hit = cache.get(app);
  if (hit) return hit;
  const out: AppInputName[] = [];
  const n = appName;
  for (const s of app.sections) {
    switch (s.kind) {
      case 'form':
        for (const f of s.fields) if (f.kind !== 'auto') out.push({ name: n(s.key, f.key), kind: 'field', section: s.key, field: f });
        break;
      case 'table':
        out.push({ name: n(s.key), kind: 'table', section: s });
        break;
      case 'yearly':
        out.push({ name: n(s.key), kind: 'yearly', section: s });
        break;
      case 'outcomes':
        out.push({ name: n(s.key), kind: 'outcomes', section: s });
        if (s.customRows > 0) out.push({ name: n(s.key, 'custom'), kind: 'outcomesCustom', section: s });
        break;
      case 'instances':
        for (const sc of rubric.scenarios) out.push({ name: n(s.key, sc.id), kind: 'instance', section: s, scenario: sc.id });
        break;
      case 'pledge':
        out.push({ name: n(s.key), kind: 'pledge', section: s });
        break;
      case 'attachments':
        out.push({ name: n(s.key), kind: 'attachments', section: s });
        break;
    }
  }
  cache.set(app, out);
  return out;
}

/** The columns of a table's range: the scenario first when rows belong to instances. */
export function tableColumns(s: Extract<AppSection, { kind: 'table' }>): ({ key: 'scenario' } | AppField)[] {
  return s.perScenario ? [{ key: 'scenario' as const }, ...s.columns] : s.columns;
}

/** A scenario as its dropdown shows it, e.g. 「10 人机协同制造」; readers take the leading id. */
export function scenarioOption(id: string, name: string): string {
  return `${id} ${name}`;
}

/** The direction of an indicator of 建设成效 as the sheet writes it. */
export const DIRECTION_TEXT = { up: '提升', down: '下降' } as const;

/** The input names of every shipped application rubric (readers load them before they know the rubric). */
export function allApplicationInputNames(): string[] {
  const out = new Set<string>();
  for (const id of RUBRIC_IDS) {
    const app = getApplicationRubric(id);
    const rubric = getRubric(id);
    if (app && rubric) for (const n of applicationInputNames(app, rubric)) out.add(n.name);
  }
  return [...out];
}
