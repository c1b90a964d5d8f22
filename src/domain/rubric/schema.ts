// The shape of a rubric data file. Every number and text the engine uses comes from a file of this shape,
// so another year's or province's rubric is a new JSON file, not a code change. This module holds the ids and
// the types only (no zod at run time); the schemas themselves are in rubric-schema.ts.
import type { z } from 'zod';
import type * as S from './rubric-schema';

export const TIER_IDS = ['basic', 'advanced', 'excellent', 'leading'] as const;
export type TierId = (typeof TIER_IDS)[number];
/** A scenario's self-assessed tier: `none` or one of the tiers, in ascending order. */
export const SCENARIO_TIER_VALUES = ['none', ...TIER_IDS] as const;
export type ScenarioTier = (typeof SCENARIO_TIER_VALUES)[number];

export const FIT_IDS = ['low', 'medium', 'high'] as const;
export type FitId = (typeof FIT_IDS)[number];

export type Interval = z.infer<typeof S.intervalSchema>;
export type Band = z.infer<typeof S.bandSchema>;
export type Indicator = z.infer<typeof S.indicatorSchema>;
export type LevelIndicator = Extract<Indicator, { kind: 'level' }>;
export type AmountsIndicator = Extract<Indicator, { kind: 'amounts' }>;
export type TierRule = z.infer<typeof S.tierRuleSchema>;
export type Scenario = z.infer<typeof S.scenarioSchema>;
export type Rubric = z.infer<typeof S.rubricSchema>;
export type Recognition = z.infer<typeof S.recognitionSchema>;
