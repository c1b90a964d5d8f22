// The `application` section of the exchange JSON, as a zod schema built from the application rubric: one key
// per section, whose shape follows the section's kind. Types and choice lists are checked here; limits, dates,
// required fields and the ties to the self-assessment are checked by ./checks.ts so that every problem is
// reported at once with its path.
import * as z from 'zod';
import { SCENARIO_TIER_VALUES, type Rubric } from '../rubric/schema';
import type { AppField, AppSection, ApplicationRubric } from './rubric';
import type { Application } from './types';

const cache = new WeakMap<ApplicationRubric, WeakMap<Rubric, z.ZodType<Application>>>();

const NUMBER_KINDS = new Set<AppField['kind']>(['number', 'integer', 'percent', 'year']);

/** Whether the JSON carries a field: not an auto field taken from the profile (it lives in `profile`). */
export function isCarried(f: AppField): boolean {
  return f.kind !== 'auto' || (f.auto !== undefined && 'computed' in f.auto);
}

/** The JSON value of one field, or undefined for one it does not carry. */
function fieldValue(app: ApplicationRubric, f: AppField): z.ZodType | undefined {
  if (!isCarried(f)) return undefined;
  if (NUMBER_KINDS.has(f.kind)) return z.number();
  if (f.kind === 'yesNo') return z.boolean();
  if (f.kind === 'choice') return z.enum(app.choices[f.choices!] as [string, ...string[]]);
  if (f.kind === 'auto' && f.auto && 'computed' in f.auto) {
    switch (f.auto.computed) {
      case 'composite':
      case 'maturity':
        return z.number();
      case 'tier':
        return z.enum(SCENARIO_TIER_VALUES);
      case 'size':
        return z.string();
    }
  }
  return z.string();
}

function fieldsObject(app: ApplicationRubric, fields: readonly AppField[], extra: Record<string, z.ZodType> = {}) {
  const shape: Record<string, z.ZodType> = { ...extra };
  for (const f of fields) {
    const v = fieldValue(app, f);
    if (v) shape[f.key] = v.optional();
  }
  return z.strictObject(shape);
}

function sectionValue(app: ApplicationRubric, rubric: Rubric, s: AppSection): z.ZodType {
  switch (s.kind) {
    case 'form':
      return fieldsObject(app, s.fields);
    case 'table': {
      const row = fieldsObject(
        app,
        s.columns,
        s.perScenario ? { scenario: z.enum(rubric.scenarios.map((x) => x.id) as [string, ...string[]]).optional() } : {},
      );
      return z.array(row).max(s.rows);
    }
    case 'yearly': {
      const year = fieldsObject(app, s.metrics);
      return z.strictObject(Object.fromEntries(s.years.map((y) => [String(y), year.optional()])));
    }
    case 'outcomes': {
      const pair = z.strictObject({ before: z.number().optional(), after: z.number().optional() });
      const custom = z.strictObject({
        label: z.string(),
        unit: z.string().optional(),
        direction: z.enum(['up', 'down']),
        before: z.number().optional(),
        after: z.number().optional(),
      });
      return z.strictObject({
        ...Object.fromEntries(s.indicators.map((i) => [i.key, pair.optional()])),
        custom: z.array(custom).max(s.customRows).optional(),
      });
    }
    case 'instances': {
      const fields = fieldsObject(app, s.fields);
      return z.strictObject(Object.fromEntries(rubric.scenarios.map((x) => [x.id, fields.optional()])));
    }
    case 'pledge':
      return z.strictObject({ confirmed: z.array(z.boolean()).length(s.statements.length).optional(), date: z.string().optional() });
    case 'attachments': {
      const item = z.strictObject({ provided: z.boolean().optional(), file: z.string().optional() });
      return z.strictObject(Object.fromEntries(s.items.map((i) => [i.key, item.optional()])));
    }
  }
}

/** The schema of `application` for this rubric pair (built once). */
export function applicationSchema(app: ApplicationRubric, rubric: Rubric): z.ZodType<Application> {
  let byRubric = cache.get(app);
  if (!byRubric) cache.set(app, (byRubric = new WeakMap()));
  const hit = byRubric.get(rubric);
  if (hit) return hit;
  const schema = z.strictObject(
    Object.fromEntries(app.sections.map((s) => [s.key, sectionValue(app, rubric, s).optional()])),
  ) as unknown as z.ZodType<Application>;
  byRubric.set(rubric, schema);
  return schema;
}
