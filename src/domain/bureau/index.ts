// The bureau's desk over the merged table: facts per enterprise, statistics.
export { districtOf, factsOf, factsFromText, factsToText, type EnterpriseFacts } from './facts';
export { bureauStats, type BureauStats, type CountRow, type ScenarioCount } from './stats';
export { bureauMerge, withFacts, type BureauMergeResult } from './merge';
