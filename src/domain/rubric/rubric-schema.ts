// The zod schemas of a rubric data file: loaded only where data is validated (tests, the build's check of the
// shipped rubrics, a rubric given at run time), so bundles that only use shipped rubrics carry no zod.
import * as z from 'zod';
import { TIER_IDS } from './schema';

const text = z.string().trim().min(1);
const bilingual = z.object({ zh: text, en: text }).strict();

/** A numeric interval with open or closed ends, e.g. level 2's (0, 20) or level 6's [80, 100). */
export const intervalSchema = z
  .object({
    min: z.number(),
    max: z.number(),
    minInclusive: z.boolean(),
    maxInclusive: z.boolean(),
  })
  .strict()
  .refine((i) => i.min < i.max || (i.min === i.max && i.minInclusive && i.maxInclusive), {
    message: 'an interval must not be empty',
  });

export const bandSchema = z
  .object({
    level: z.number().int().min(1),
    range: intervalSchema,
    /** Sub-bands by 符合程度; null where the level has none (level 1: exactly 0). */
    fits: z.object({ low: intervalSchema, medium: intervalSchema, high: intervalSchema }).strict().nullable(),
  })
  .strict();

export const amountSchema = z
  .object({
    key: z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/),
    label: bilingual,
    unit: z.string().min(1),
  })
  .strict();

export const indicatorSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('level'),
      id: z.string().regex(/^\d+$/),
      group: bilingual,
      name: bilingual,
      description: text,
      /** The six level texts of 表2, index 0 = level 1. */
      levels: z.array(text),
      /** 「不涉及此环节」 may be chosen. */
      naAllowed: z.boolean(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('amounts'),
      id: z.string().regex(/^\d+$/),
      group: bilingual,
      name: bilingual,
      description: text,
      /** The amounts asked for; recorded and shown, not scored. */
      amounts: z.array(amountSchema).min(1),
    })
    .strict(),
]);

export const tierRuleSchema = z
  .object({
    id: z.enum(TIER_IDS),
    label: bilingual,
    /** The composite must be strictly above this. */
    compositeAbove: z.number(),
    minScenarios: z.number().int().min(0),
    /** 建设环节 ids that need at least one scenario at this tier or higher. */
    requiredSegments: z.array(text),
    minMaturity: z.number().int().min(1),
    /** 附件2's description of a factory at this tier, shown as guidance. */
    description: text,
  })
  .strict();

export const scenarioSchema = z
  .object({
    id: z.string().regex(/^\d+$/),
    name: bilingual,
    /** The 环节 group of 附件4's table (e.g. 计划调度). */
    group: text,
    /** The 建设环节 of 附件2 the scenario counts toward, or null (多环节模式创新). */
    segment: text.nullable(),
    /** 附件4's description per tier; null where the table has 「/」 (the tier cannot be claimed). */
    tiers: z.object({ basic: text.nullable(), advanced: text.nullable(), excellent: text.nullable(), leading: text.nullable() }).strict(),
    /** The scenario's paragraph in 附件1. */
    guidance: text,
  })
  .strict();

/**
 * A class of the notice's item 二（二）4: enterprises already recognised by an earlier programme. `recognised`
 * ones are listed in the 推荐汇总表 with their 备注 rather than ranked by score; `expertReview` ones are ranked
 * as usual and their 备注 says they go straight to expert review; `none` is the explicit "none of these".
 */
export const recognitionSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    /** The dropdown text of 企业信息 (zh) and its English for the pane. */
    label: bilingual,
    effect: z.enum(['none', 'recognised', 'expertReview']),
    /** The notice's wording, shown beside the cell. */
    text: text,
    /** 备注 in the 推荐汇总表 (absent for `none`). */
    remark: bilingual.optional(),
  })
  .strict();

export const sizeClassSchema = z.object({ id: text, label: bilingual, minEmployees: z.number().min(0), minRevenue: z.number().min(0) }).strict();

export const rubricSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    title: bilingual,
    source: text,
    /** First day this edition can be filled in (YYYY-MM-DD, its year's first day): an earlier 填表日期 is implausible. */
    fillDateFrom: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .optional(),
    levelLabels: z.array(bilingual),
    fitLabels: z.object({ low: bilingual, medium: bilingual, high: bilingual }).strict(),
    naLabel: bilingual,
    indicators: z.array(indicatorSchema).min(1),
    bands: z.array(bandSchema).min(1),
    segments: z.array(z.object({ id: text, label: bilingual }).strict()).min(1),
    scenarios: z.array(scenarioSchema).min(1),
    tierLabelNone: bilingual,
    tiers: z.array(tierRuleSchema).length(TIER_IDS.length),
    declarations: z.array(z.object({ key: z.string().regex(/^[a-zA-Z]+$/), label: bilingual, text: text }).strict()).min(1),
    maturityLevels: z.array(z.object({ level: z.number().int().min(1), label: bilingual }).strict()).min(1),
    /** Size classes from largest to smallest; an enterprise below all of them gets `smallestSize`. */
    sizeClasses: z.array(sizeClassSchema),
    smallestSize: z.object({ id: text, label: bilingual }).strict(),
    /** The direct-recognition classes of the notice, in the order the dropdown lists them (optional). */
    recognitions: z.array(recognitionSchema).optional(),
  })
  .strict()
  .superRefine((r, ctx) => {
    const issue = (message: string, path: (string | number)[]) => ctx.addIssue({ code: 'custom', message, path });
    const unique = (ids: string[], path: string) => {
      const seen = new Set<string>();
      ids.forEach((id, i) => {
        if (seen.has(id)) issue(`duplicate id ${id}`, [path, i, 'id']);
        seen.add(id);
      });
    };
    unique(
      r.indicators.map((i) => i.id),
      'indicators',
    );
    unique(
      r.scenarios.map((s) => s.id),
      'scenarios',
    );
    unique(
      r.segments.map((s) => s.id),
      'segments',
    );
    const levelCount = r.levelLabels.length;
    r.indicators.forEach((ind, i) => {
      if (ind.kind === 'level' && ind.levels.length !== levelCount)
        issue(`indicator ${ind.id} has ${ind.levels.length} level texts, expected ${levelCount}`, ['indicators', i, 'levels']);
    });
    const bandLevels = r.bands.map((b) => b.level).join(',');
    const expected = Array.from({ length: levelCount }, (_, i) => i + 1).join(',');
    if (bandLevels !== expected) issue(`bands must list levels ${expected} in order`, ['bands']);
    r.tiers.forEach((t, i) => {
      if (t.id !== TIER_IDS[i]) issue(`tiers must be ${TIER_IDS.join(', ')} in order`, ['tiers', i, 'id']);
      t.requiredSegments.forEach((s, j) => {
        if (!r.segments.some((seg) => seg.id === s)) issue(`unknown segment ${s}`, ['tiers', i, 'requiredSegments', j]);
      });
    });
    r.scenarios.forEach((s, i) => {
      if (s.segment !== null && !r.segments.some((seg) => seg.id === s.segment)) issue(`unknown segment ${s.segment}`, ['scenarios', i, 'segment']);
      if (TIER_IDS.every((t) => s.tiers[t] === null)) issue(`scenario ${s.id} offers no tier`, ['scenarios', i, 'tiers']);
    });
    r.maturityLevels.forEach((m, i) => {
      if (m.level !== i + 1) issue('maturity levels must be 1, 2, 3… in order', ['maturityLevels', i, 'level']);
    });
    if (r.recognitions) {
      unique(
        r.recognitions.map((x) => x.id),
        'recognitions',
      );
      r.recognitions.forEach((x, i) => {
        if ((x.effect === 'none') !== (x.remark === undefined))
          issue(`recognition ${x.id}: a remark is given exactly when the effect is not none`, ['recognitions', i, 'remark']);
      });
    }
  });
