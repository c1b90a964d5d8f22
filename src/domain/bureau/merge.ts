// The bureau's merge: the merge of RULES §5 (mergeSummary) plus what the bureau's desk adds to each row — the
// facts its statistics count (企业类型, district, scenarios) — the statistics of the merged table and 审核.
import { mergeSummary } from '../merge/plan';
import type { MergeInput, MergeOptions, MergeResult, SummaryRow } from '../merge/types';
import type { Rubric } from '../rubric/schema';
import { factsOf } from './facts';
import { bureauStats, type BureauStats } from './stats';
import { reviewRows, type ReviewRow } from './review';

export interface BureauMergeResult extends MergeResult {
  stats: BureauStats;
  /** 审核: one row per enterprise, in the table's order. */
  review: ReviewRow[];
}

/**
 * Each row's facts come from the assessment of the file it came from; a row kept from the earlier summary
 * keeps the facts that summary stored (none for summaries written before they were stored). Set on the rows
 * themselves: they are mergeSummary's own copies (made for their 序号), and a second copy of a province round's
 * rows, beside its digests, was the merge's peak (~4 MB of the 20,000-file one).
 */
function setFacts(rows: SummaryRow[], inputs: readonly MergeInput[]): void {
  const byFile = new Map(inputs.filter((i) => i.digest !== undefined || i.assessment !== undefined).map((i) => [i.file, i]));
  for (const r of rows) {
    const input = r.source !== undefined ? byFile.get(r.source) : undefined;
    if (input) r.facts = input.digest?.facts ?? factsOf(input.rubric, input.assessment!);
  }
}

export function bureauMerge(rubric: Rubric, existingRows: readonly SummaryRow[], inputs: readonly MergeInput[], options: MergeOptions = {}): BureauMergeResult {
  const merged = mergeSummary(existingRows, inputs, { rubric, ...options });
  setFacts(merged.rows, inputs);
  const lang = options.lang ?? 'zh';
  return { ...merged, stats: bureauStats(rubric, merged.rows, (r) => r.facts, lang), review: reviewRows(rubric, merged, inputs, lang, options.today) };
}
