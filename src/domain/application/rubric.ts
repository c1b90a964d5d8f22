// The shape of an application rubric: 附件5's 《先进级智能工厂申报书》 as data — its sheets, sections, fields,
// choice lists, word limits, the before/after indicators of 工厂整体建设成效, the 附1-2 category lists, the
// pledges and the attachments. Sheets, checks, the JSON schema and the printed .docx are all built from it.
import * as z from 'zod';

// The functions over a rubric's values (countChars, impliedValues) are in ./rubric-values.ts, without zod.
import { impliedValues } from './rubric-values';

const text = z.string().trim().min(1);
export const bilingualSchema = z.object({ zh: text, en: text }).strict();
export type Bilingual = z.infer<typeof bilingualSchema>;
const key = z.string().regex(/^[a-z][a-zA-Z0-9]*$/);

/** Where an 自动导入 field takes its value: a profile field, or what the assessment computes. */
export const AUTO_COMPUTED = ['size', 'composite', 'tier', 'maturity'] as const;
export type AutoComputed = (typeof AUTO_COMPUTED)[number];
const autoSource = z.union([z.object({ profile: key }).strict(), z.object({ computed: z.enum(AUTO_COMPUTED) }).strict()]);
export type AutoSource = z.infer<typeof autoSource>;

export const FIELD_KINDS = ['text', 'longText', 'number', 'integer', 'percent', 'date', 'year', 'choice', 'yesNo', 'phone', 'auto'] as const;
export type FieldKind = (typeof FIELD_KINDS)[number];

const fieldSchema = z
  .object({
    key,
    label: bilingualSchema,
    kind: z.enum(FIELD_KINDS),
    /** The id of a choice list (kind `choice`). */
    choices: key.optional(),
    /** Word limit of a long text, in 字 (see countChars). */
    limit: z.number().int().positive().optional(),
    required: z.boolean().default(false),
    /** Guidance printed under the field (the annex's parenthesised instruction). */
    note: text.optional(),
    /** kind `auto`: where the value comes from (自动导入). A `computed` one is carried in JSON and must match. */
    auto: autoSource.optional(),
    /** Only asked when another field of the same section has this value (e.g. 项目名称 when 是). */
    when: z.object({ field: key, equals: text }).strict().optional(),
    /** Lower and upper bounds of a number: outside them is an error. */
    min: z.number().optional(),
    max: z.number().optional(),
    /** 1 past this is a warning rather than an error (e.g. 资产负债率 over 100 %). */
    warnAbove: z.number().optional(),
    /** A heading printed before this field (e.g. 「三、重点方面建设情况」 before its first part), with its guidance. */
    heading: bilingualSchema.optional(),
    headingNote: text.optional(),
  })
  .strict()
  .superRefine((f, ctx) => {
    if (f.kind === 'choice' && !f.choices) ctx.addIssue({ code: 'custom', message: `field ${f.key}: a choice needs a list`, path: ['choices'] });
    if (f.kind === 'longText' && !f.limit) ctx.addIssue({ code: 'custom', message: `field ${f.key}: a long text needs a limit`, path: ['limit'] });
    if (f.kind === 'auto' && !f.auto) ctx.addIssue({ code: 'custom', message: `field ${f.key}: an auto field needs its source`, path: ['auto'] });
  });
export type AppField = z.infer<typeof fieldSchema>;

const sectionBase = {
  key,
  /** The heading as annex 5 prints it, e.g. 「（一）申报单位基本信息」. */
  title: bilingualSchema,
  /** The sheet (id from `sheets`) the section is laid out on. */
  sheet: key,
  note: text.optional(),
};

const sectionSchema = z.discriminatedUnion('kind', [
  /** Named fields, one row each; JSON: an object of field → value. */
  z.object({ ...sectionBase, kind: z.literal('form'), fields: z.array(fieldSchema).min(1) }).strict(),
  /** A list with fixed columns and room for `rows` entries; JSON: an array of row objects. */
  z
    .object({
      ...sectionBase,
      kind: z.literal('table'),
      columns: z.array(fieldSchema).min(1),
      rows: z.number().int().positive(),
      /** Each row belongs to a scenario instance (附1-2): a first column picks the scenario. */
      perScenario: z.boolean().default(false),
      /** Shown only when this field of another section has this value (e.g. the 省示范 project list when 是). */
      when: z.object({ section: key, field: key, equals: text }).strict().optional(),
    })
    .strict(),
  /** The three years of 近三年发展情况: metrics as rows, years as columns; JSON: year → metric → number. */
  z
    .object({
      ...sectionBase,
      kind: z.literal('yearly'),
      years: z.array(z.number().int()).min(1),
      metrics: z.array(fieldSchema).min(1),
    })
    .strict(),
  /** 工厂整体建设成效: each indicator before and after, with the direction it should move, and rows to add. */
  z
    .object({
      ...sectionBase,
      kind: z.literal('outcomes'),
      indicators: z.array(z.object({ key, label: bilingualSchema, unit: text, direction: z.enum(['up', 'down']) }).strict()).min(1),
      customRows: z.number().int().min(0),
    })
    .strict(),
  /** 附1-1: one block of these fields per scenario claimed at `minTier` or higher; JSON: scenario id → fields. */
  z
    .object({
      ...sectionBase,
      kind: z.literal('instances'),
      minTier: z.enum(['basic', 'advanced', 'excellent', 'leading']),
      fields: z.array(fieldSchema).min(1),
    })
    .strict(),
  /** 真实性承诺: statements each confirmed, and the date; JSON: { confirmed: boolean[], date }. */
  z
    .object({ ...sectionBase, kind: z.literal('pledge'), statements: z.array(bilingualSchema).min(1), sealLabel: bilingualSchema, dateLabel: bilingualSchema })
    .strict(),
  /** 相关附件上传: each attachment provided (with its file name) or not; JSON: key → { provided, file }. */
  z
    .object({
      ...sectionBase,
      kind: z.literal('attachments'),
      items: z
        .array(
          z
            .object({
              key,
              label: bilingualSchema,
              /** `always` 必填; `ifHonours`: required when an honour is claimed that the system cannot import. */
              required: z.enum(['always', 'ifHonours', 'optional']),
            })
            .strict(),
        )
        .min(1),
    })
    .strict(),
]);
export type AppSection = z.infer<typeof sectionSchema>;
export type FormSection = Extract<AppSection, { kind: 'form' }>;
export type TableSection = Extract<AppSection, { kind: 'table' }>;
export type YearlySection = Extract<AppSection, { kind: 'yearly' }>;
export type OutcomesSection = Extract<AppSection, { kind: 'outcomes' }>;
export type InstancesSection = Extract<AppSection, { kind: 'instances' }>;
export type PledgeSection = Extract<AppSection, { kind: 'pledge' }>;
export type AttachmentsSection = Extract<AppSection, { kind: 'attachments' }>;

/** A 申报书 field answered with a value (`equals` as the sheet shows it: 是/否, a year's digits, a list's text). */
const fieldValueSchema = z.object({ section: key, field: key, equals: text }).strict();
export type FieldValue = z.infer<typeof fieldValueSchema>;

/**
 * What a direct-recognition class of 企业信息 (the notice's item 二（二）4; `recognition` is an id of the assessment
 * rubric's `recognitions`) says the 申报书 must show: one field with a value, or at least one of several
 * (`anyOf`: 国家示范类 is 原国家智能制造示范工厂揭榜单位、原国家数字领航企业 or 国家 5G 工厂). A 申报书 that
 * disagrees gets a warning on the (first) field.
 */
const recognitionImpliesSchema = z.union([
  z.object({ recognition: z.string().regex(/^[a-z0-9-]+$/), ...fieldValueSchema.shape }).strict(),
  z.object({ recognition: z.string().regex(/^[a-z0-9-]+$/), anyOf: z.array(fieldValueSchema).min(2) }).strict(),
]);
export type RecognitionImplies = z.infer<typeof recognitionImpliesSchema>;

/** A narrative field of 正文 that must not stay empty while a scenario of this 建设环节 is claimed. */
const segmentSectionSchema = z.object({ section: key, field: key, segment: text }).strict();

export const applicationRubricSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    /** The assessment rubric this application belongs to. */
    rubric: z.string().regex(/^[a-z0-9-]+$/),
    title: bilingualSchema,
    source: text,
    /** Cover page: the fields in print order (some 自动导入) and the compiler line. */
    cover: z.object({ section: key, compiler: text, year: text }).strict(),
    /** 填报说明, in order. */
    instructions: z.array(text).min(1),
    sheets: z.array(z.object({ id: key, name: text, title: bilingualSchema }).strict()).min(1),
    choices: z.record(key, z.array(text).min(1)),
    sections: z.array(sectionSchema).min(1),
    segmentSections: z.array(segmentSectionSchema),
    /** Honour fields (section.field) that, when answered with `equals`, make an `ifHonours` attachment required. */
    honours: z.array(z.object({ section: key, field: key, equals: text }).strict()),
    /** The annex's footnotes, printed under the field they are attached to. */
    footnotes: z.array(z.object({ section: key, field: key, text }).strict()),
    /** The 申报书 fields each direct-recognition class implies (optional: a rubric without recognitions has none). */
    recognitionImplies: z.array(recognitionImpliesSchema).optional(),
  })
  .strict()
  .superRefine((r, ctx) => {
    const issue = (message: string, path: (string | number)[]) => ctx.addIssue({ code: 'custom', message, path });
    const sheetIds = new Set(r.sheets.map((s) => s.id));
    const seen = new Set<string>();
    r.sections.forEach((s, i) => {
      if (seen.has(s.key)) issue(`duplicate section ${s.key}`, ['sections', i, 'key']);
      seen.add(s.key);
      if (!sheetIds.has(s.sheet)) issue(`unknown sheet ${s.sheet}`, ['sections', i, 'sheet']);
      const fields = s.kind === 'form' || s.kind === 'instances' ? s.fields : s.kind === 'table' ? s.columns : s.kind === 'yearly' ? s.metrics : [];
      const keys = new Set<string>();
      fields.forEach((f, j) => {
        if (keys.has(f.key)) issue(`duplicate field ${f.key}`, ['sections', i, 'fields', j]);
        keys.add(f.key);
        if (f.choices && !r.choices[f.choices]) issue(`unknown choice list ${f.choices}`, ['sections', i, 'fields', j, 'choices']);
        if (f.when && !fields.some((g) => g.key === f.when!.field)) issue(`unknown field ${f.when.field}`, ['sections', i, 'fields', j, 'when']);
      });
    });
    const field = (section: string, f: string) => {
      const s = r.sections.find((x) => x.key === section);
      return s && s.kind === 'form' ? s.fields.find((x) => x.key === f) : undefined;
    };
    r.segmentSections.forEach((g, i) => {
      if (!field(g.section, g.field)) issue(`unknown field ${g.section}.${g.field}`, ['segmentSections', i]);
    });
    r.footnotes.forEach((n, i) => {
      if (!field(n.section, n.field)) issue(`unknown field ${n.section}.${n.field}`, ['footnotes', i]);
    });
    r.honours.forEach((h, i) => {
      if (!field(h.section, h.field)) issue(`unknown field ${h.section}.${h.field}`, ['honours', i]);
    });
    (r.recognitionImplies ?? []).forEach((x, i) => {
      const values = impliedValues(x);
      values.forEach((v, j) => {
        const at = 'anyOf' in x ? ['recognitionImplies', i, 'anyOf', j] : ['recognitionImplies', i];
        const f = field(v.section, v.field);
        const bad = f ? impliedValueProblem(f, v.equals, r.choices) : undefined;
        if (!f) issue(`unknown field ${v.section}.${v.field}`, at);
        else if (bad) issue(`${v.section}.${v.field}: ${bad}`, [...at, 'equals']);
      });
    });
    if (!r.sections.some((s) => s.key === r.cover.section && s.kind === 'form')) issue(`unknown cover section ${r.cover.section}`, ['cover', 'section']);
  });

/** Why `equals` can never be what this field shows (a 是/否 field answered 「有」, a year 2024.5, a text not in its list), or undefined. */
function impliedValueProblem(f: AppField, equals: string, choices: Record<string, string[]>): string | undefined {
  switch (f.kind) {
    case 'auto':
      return "an 自动导入 field is not the enterprise's to answer";
    case 'yesNo':
      return equals === '是' || equals === '否' ? undefined : `a 是/否 field cannot equal ${equals}`;
    case 'choice':
      return choices[f.choices!]?.includes(equals) ? undefined : `${equals} is not in the list ${f.choices}`;
    case 'number':
    case 'percent':
    case 'integer':
    case 'year': {
      if (!/^-?\d+(\.\d+)?$/.test(equals)) return `${equals} is not a number`;
      const n = Number(equals);
      if ((f.kind === 'integer' || f.kind === 'year') && !Number.isInteger(n)) return `${equals} is not a whole number`;
      if ((f.min !== undefined && n < f.min) || (f.max !== undefined && n > f.max)) return `${equals} is out of the field's range`;
      return undefined;
    }
    default:
      return undefined;
  }
}

/**
 * The schema of an application rubric belonging to this assessment rubric: the rubric id must be the one it
 * names, and every class a `recognitionImplies` names must be one of that rubric's direct-recognition classes.
 */
export function applicationRubricSchemaFor(rubric: { id: string; recognitions?: readonly { id: string }[] | undefined }) {
  return applicationRubricSchema.superRefine((r, ctx) => {
    if (r.rubric !== rubric.id) ctx.addIssue({ code: 'custom', message: `belongs to rubric ${r.rubric}, checked against ${rubric.id}`, path: ['rubric'] });
    const ids = new Set((rubric.recognitions ?? []).map((x) => x.id));
    (r.recognitionImplies ?? []).forEach((x, i) => {
      if (!ids.has(x.recognition))
        ctx.addIssue({
          code: 'custom',
          message: `unknown recognition ${x.recognition} (rubric ${rubric.id} has ${[...ids].join(', ') || 'none'})`,
          path: ['recognitionImplies', i, 'recognition'],
        });
    });
  });
}

export type ApplicationRubric = z.infer<typeof applicationRubricSchema>;
