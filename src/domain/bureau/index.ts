// The bureau's desk over the merged table: facts per enterprise, statistics.
export { claimedScenarios, claimedTierAt, districtOf, factsOf, factsFromText, factsToText, NOT_CLAIMED, type EnterpriseFacts } from './facts';
export { bureauStats, type BureauStats, type CountRow, type ScenarioCount } from './stats';
export { bureauMerge, type BureauMergeResult } from './merge';
export {
  REVIEW_COLUMNS,
  RECOMMEND_CHOICES,
  reviewRows,
  reviewCells,
  reviewKey,
  earlierReviews,
  withEarlierReviews,
  fileTime,
  type ReviewColumn,
  type ReviewRow,
  type ReviewerInputs,
  type EarlierReview,
} from './review';
