// The zod schema of an assessment, built from a rubric: the indicator and scenario ids, the amounts of
// indicator 7 and the declaration keys all come from the rubric. Types and enums are checked here; ranges
// and business rules (bands, 「/」 tiers, formats) are checked by the scorer so that every problem of an
// input is reported at once with its path.
import * as z from 'zod';
import { FIT_IDS, SCENARIO_TIER_VALUES, type Rubric } from '../rubric/schema';
import { PROFILE_NUMBER_KEYS, PROFILE_TEXT_KEYS, type Assessment } from './types';
import type { Lang } from '../i18n/lang';
import { getApplicationRubric } from '../rubrics/applications';
import { applicationSchema } from '../application/schema';
import { unknownKeysMessage } from './unknown-keys';

const cache = new WeakMap<Rubric, { full?: z.ZodType<Assessment>; bare?: z.ZodType<Assessment> }>();

/**
 * The schema of an assessment of `rubric`. `{ application: false }` leaves the 申报书 out, for data that has
 * none: zod builds a lazy member's schema on the first parse whether the data has that key or not, and the
 * 申报书's is large (~10 ms of a `sfa score x.json`).
 */
export function assessmentSchema(rubric: Rubric, options: { application?: boolean } = {}): z.ZodType<Assessment> {
  let schemas = cache.get(rubric);
  if (!schemas) cache.set(rubric, (schemas = {}));
  return options.application === false ? (schemas.bare ??= buildSchema(rubric, false)) : (schemas.full ??= buildSchema(rubric, true));
}

function buildSchema(rubric: Rubric, withApplication: boolean): z.ZodType<Assessment> {
  const num = z.number();
  const profileShape: Record<string, z.ZodType> = {};
  for (const k of PROFILE_TEXT_KEYS) profileShape[k] = z.string().optional();
  for (const k of PROFILE_NUMBER_KEYS) profileShape[k] = num.optional();
  const recognitions = rubric.recognitions?.map((x) => x.id) ?? [];
  if (recognitions.length) profileShape.recognition = z.enum(recognitions as [string, ...string[]]).optional();

  const indicatorShape: Record<string, z.ZodType> = {};
  for (const ind of rubric.indicators) {
    if (ind.kind === 'level') {
      indicatorShape[ind.id] = z
        .strictObject({
          level: z.union([num, z.literal('na')]).optional(),
          fit: z.enum(FIT_IDS).optional(),
          score: num.optional(),
        })
        .optional();
    } else {
      const shape: Record<string, z.ZodType> = {};
      for (const a of ind.amounts) shape[a.key] = num.optional();
      indicatorShape[ind.id] = z.strictObject(shape).optional();
    }
  }
  const scenarioShape: Record<string, z.ZodType> = {};
  for (const s of rubric.scenarios) scenarioShape[s.id] = z.enum(SCENARIO_TIER_VALUES).optional();
  const app = withApplication ? getApplicationRubric(rubric.id) : undefined;
  const declarationShape: Record<string, z.ZodType> = {};
  for (const d of rubric.declarations) declarationShape[d.key] = z.boolean().optional();

  return z.strictObject({
    rubric: z.string().optional(),
    profile: z.strictObject(profileShape).optional(),
    declarations: z.strictObject(declarationShape).optional(),
    maturityLevel: num.optional(),
    indicators: z.strictObject(indicatorShape).optional(),
    scenarios: z.strictObject(scenarioShape).optional(),
    ...(app ? { application: z.lazy(() => applicationSchema(app, rubric)).optional() } : {}),
  }) as unknown as z.ZodType<Assessment>;
}

export interface SchemaProblem {
  path: string;
  message: string;
  /** The message names its place in words (企业信息中没有…): said without the path before it. */
  inWords?: boolean;
}

export type ParseResult = { ok: true; assessment: Assessment } | { ok: false; problems: SchemaProblem[] };

/** Parses untrusted data (a JSON file, a message) into an assessment, or says what is wrong where. */
export function parseAssessment(rubric: Rubric, data: unknown, lang: Lang = 'zh'): ParseResult {
  // Most assessments carry no 申报书: theirs is parsed without building its schema (the result is the same).
  const application = typeof data === 'object' && data !== null && Object.hasOwn(data, 'application');
  // Without zod's compiled fast path: generating it costs ~7 ms on the first parse, and it measured slower
  // than the plain parse even over 10,000 parses of examples/advanced.json.
  const r = assessmentSchema(rubric, { application }).safeParse(data, { jitless: true });
  if (r.success) return { ok: true, assessment: r.data };
  return { ok: false, problems: r.error.issues.map((i) => describeIssue(rubric, i, valueAt(data, i.path), lang)) };
}

const typeNames: Record<Lang, Record<string, string>> = {
  zh: { number: '数字', string: '文本', boolean: '布尔值（true/false）', object: '对象', array: '数组', null: 'null', undefined: '空' },
  en: { number: 'a number', string: 'text', boolean: 'true or false', object: 'an object', array: 'an array', null: 'null', undefined: 'nothing' },
};

function kindOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}

/** The value at a path of the input (zod does not keep the input in its issues unless asked). */
function valueAt(data: unknown, path: PropertyKey[]): unknown {
  let v = data;
  for (const k of path) v = typeof v === 'object' && v !== null ? (v as Record<PropertyKey, unknown>)[k] : undefined;
  return v;
}

function describeIssue(rubric: Rubric, issue: z.core.$ZodIssue, input: unknown, lang: Lang): SchemaProblem {
  const path = issue.path.map(String).join('.') || '(root)';
  const names = typeNames[lang];
  const zh = lang === 'zh';
  switch (issue.code) {
    case 'unrecognized_keys':
      return { path, message: unknownKeysMessage(rubric, getApplicationRubric(rubric.id), issue.path, issue.keys, lang), inWords: true };
    case 'invalid_type': {
      // 1e400 in a file parses as Infinity: a number, but not one that any field can hold.
      if (typeof input === 'number' && !Number.isFinite(input))
        return {
          path,
          message: zh ? '数值超出范围（如 1e400），应为普通大小的数字' : 'the number is out of range (such as 1e400); expected an ordinary number',
        };
      const expected = (Object.hasOwn(names, issue.expected) ? names[issue.expected] : undefined) ?? issue.expected;
      const got = names[kindOf(input)] ?? kindOf(input);
      return { path, message: zh ? `应为${expected}，实为${got}` : `expected ${expected}, got ${got}` };
    }
    case 'invalid_value':
      return {
        path,
        message: zh
          ? `取值应为 ${issue.values.map((v) => JSON.stringify(v)).join('、')} 之一`
          : `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`,
      };
    case 'invalid_union':
      return { path, message: zh ? '应为 1–6 的等级数字或 "na"' : 'expected a level number or "na"' };
    default:
      return { path, message: issue.message };
  }
}
