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

/** The names whose cells are the user's inputs (read back into an assessment, kept on re-inject). */
export const INPUT_NAMES: readonly string[] = [
  NAMES.profile,
  NAMES.declarations,
  NAMES.maturity,
  NAMES.recognition,
  NAMES.indicatorLevels,
  NAMES.indicatorFits,
  NAMES.indicatorScores,
  NAMES.indicatorAmounts,
  NAMES.scenarioTiers,
  NAMES.scenarioEvidence,
  NAMES.summaryUnit,
  NAMES.summaryContact,
  NAMES.summaryPhone,
  // The 申报书 sheets (layout 2).
  ...allApplicationInputNames(),
];
