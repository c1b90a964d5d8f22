import { allApplicationInputNames } from './application/names';
// The defined names of the workbook. Readers find every input and result through these, never by address.
export const NAMES = {
  rubricId: 'SFA_RUBRIC_ID',
  layoutVersion: 'SFA_LAYOUT_VERSION',
  profile: 'SFA_PROFILE',
  declarations: 'SFA_DECLARATIONS',
  maturity: 'SFA_MATURITY',
  /** 企业信息's 直接认定类别 (the notice's item 二（二）4), layout 3 on. */
  recognition: 'SFA_RECOGNITION',
  indicatorLevels: 'SFA_IND_LEVEL',
  indicatorFits: 'SFA_IND_FIT',
  indicatorScores: 'SFA_IND_SCORE',
  indicatorAmounts: 'SFA_IND_AMOUNTS',
  scenarioTiers: 'SFA_SCENARIO_TIER',
  scenarioEvidence: 'SFA_SCENARIO_EVIDENCE',
  composite: 'SFA_COMPOSITE',
  tier: 'SFA_TIER',
  size: 'SFA_SIZE',
  errors: 'SFA_ERRORS',
  missing: 'SFA_MISSING',
  counts: 'SFA_COUNTS',
  coverage: 'SFA_COVERAGE',
  tierMet: 'SFA_TIER_MET',
  profileFlags: 'SFA_FLAGS_PROFILE',
  indicatorFlags: 'SFA_FLAGS_INDICATORS',
  scenarioFlags: 'SFA_FLAGS_SCENARIOS',
  summaryUnit: 'SFA_SUMMARY_UNIT',
  summaryContact: 'SFA_SUMMARY_CONTACT',
  summaryPhone: 'SFA_SUMMARY_PHONE',
  summaryHeader: 'SFA_SUMMARY_HEADER',
  summaryRows: 'SFA_SUMMARY_ROWS',
  /** A merged bureau summary (not an assessment workbook): its marker and its table with hidden keys. */
  mergedKind: 'SFA_MERGED_KIND',
  mergedTable: 'SFA_MERGED_TABLE',
  /** The bureau's 推荐顺序 column of the merged summary, row for row beside SFA_MERGED_TABLE. */
  mergedOrder: 'SFA_MERGED_ORDER',
  /** Hidden facts of each row (企业类型, district, scenarios) the 统计 sheet counts, beside SFA_MERGED_TABLE. */
  mergedFacts: 'SFA_MERGED_FACTS',
  /** The rows of 审核 (every column and the hidden key), for the reviewer's columns on the next merge. */
  reviewTable: 'SFA_REVIEW',
} as const;

/**
 * The inputs an assessment is made of, in the workbook's order. Both readers read them (the pane's and the
 * .xlsx reader, which also checks where each points: src/adapters/xlsx/layout-names.ts) and injection keeps
 * them: a new input of the assessment is one line here.
 */
export const ASSESSMENT_INPUT_NAMES: readonly string[] = [
  NAMES.profile,
  NAMES.declarations,
  NAMES.maturity,
  NAMES.recognition,
  NAMES.indicatorLevels,
  NAMES.indicatorFits,
  NAMES.indicatorScores,
  NAMES.indicatorAmounts,
  NAMES.scenarioTiers,
];

/** What a reader reads back: the assessment's inputs and the 申报书's (layout 2; absent from layout-1 files). */
export const READ_INPUT_NAMES: readonly string[] = [...ASSESSMENT_INPUT_NAMES, ...allApplicationInputNames()];

/** The names whose cells are the user's inputs: what is read, plus what injection keeps but no reader scores. */
export const INPUT_NAMES: readonly string[] = [
  ...ASSESSMENT_INPUT_NAMES,
  NAMES.scenarioEvidence,
  NAMES.summaryUnit,
  NAMES.summaryContact,
  NAMES.summaryPhone,
  // The 申报书 sheets (layout 2).
  ...allApplicationInputNames(),
];
