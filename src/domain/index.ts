// The domain core's public surface. Imports nothing outside src/domain (no Office, React or Node).
export * from './rubric/schema';
export { loadRubric, RubricLoadError } from './rubric/load';
export * from './assessment/types';
export { assessmentSchema, parseAssessment, type ParseResult, type SchemaProblem } from './assessment/schema';
export * from './scoring/types';
export * from './scoring/bands';
export { evaluate, offeredTiers, tierRank, REQUIRED_PROFILE_KEYS, type Evaluation } from './scoring/evaluate';
export { score, toReport, type ScoreOptions } from './scoring/score';
export { nextTierGap, type Gap, type GapAction } from './scoring/gap';
export { sweep, applyChanges, singleRaises, type Change, type WhatIfOption, type SweepResult } from './scoring/whatif';
export * from './profile/checks';
export * from './profile/recognition';
export * from './i18n/lang';
export { textsFor, fmt2, fmtNum, type Texts } from './i18n/texts';
export { conditionMessage, describePath, gapMessage, profileFieldLabel } from './i18n/messages';
export * from './merge';
export * from './bureau';
