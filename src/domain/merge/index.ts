// The bureau merge of RULES §5: existing 推荐汇总表 rows + parsed files → the new table and a report.
export * from './types';
export {
  digestInput,
  digested,
  compareSummaryRows,
  recognisedFirst,
  compareAge,
  ageMode,
  type Stamp,
  enterpriseKey,
  normaliseCreditCode,
  keyCreditCode,
  normaliseNameKey,
  summaryRemark,
  parseRemark,
} from './merge';
export {
  mergeSummary,
  MergePlan,
  planOf,
  planEntry,
  keptInput,
  inputOf,
  type KeptInput,
  digestKeys,
  type DigestKeys,
  type PlanEntry,
  type InputAt,
} from './plan';
export { parsePriority, compareWithPriority } from './priority';
export { basisText, mergeMessages, tierRemark, CONFLICT_MARK, withoutConflictMark } from './messages';
