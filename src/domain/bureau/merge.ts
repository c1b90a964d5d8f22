// The bureau's merge: the merge of RULES §5 (its plan, ../merge/plan.ts) plus what the bureau's desk adds to each
// row — the facts its statistics count (企业类型, district, scenarios) — the statistics of the merged table and
// 审核. `mergedTables` makes the long tables a window at a time from the plan; bureauMerge makes them whole.
import { planOf, type InputAt, type MergePlan } from '../merge/plan';
import type { MergeInput, MergeOptions, MergeResult, StreamedReport, SummaryRow, Windowed } from '../merge/types';
import type { Rubric } from '../rubric/schema';
import { bureauStats, type BureauStats, type StatsRow } from './stats';
import { finishReview, reviewRowMaker, type ReviewRow } from './review';
import { textPool } from '../text/pool';

export interface BureauMergeResult extends MergeResult {
  stats: BureauStats;
  /** 审核: one row per enterprise, in the table's order. */
  review: ReviewRow[];
}

/** The merged summary's tables, each long one made a window at a time as it is taken. */
export interface MergedTables {
  rows: Windowed<SummaryRow>;
  /** 审核: one row per enterprise, in the table's order. */
  review: Windowed<ReviewRow>;
  report: StreamedReport;
  stats: BureauStats;
}

const range = (from: number, to: number) => Array.from({ length: Math.max(0, to - from) }, (_, j) => from + j);

/**
 * The tables of a merge from its plan, `inputAt` giving each input (with its digest) again as the plan was made
 * from it. A row from a file carries the facts of that file's assessment; a row kept from the earlier summary
 * keeps the facts that summary stored (none for summaries written before they were stored). Nothing here holds a
 * row or a report: each window and each pass over the report makes them again.
 */
export function mergedTables(rubric: Rubric, plan: MergePlan, inputAt: InputAt, options: MergeOptions = {}): MergedTables {
  const lang = options.lang ?? 'zh';
  const n = plan.rowCount;
  /** The table's k-th row, with its file's input when it comes from one. */
  const made = (k: number): { row: SummaryRow; from?: { input: MergeInput; i: number } } => {
    const o = plan.origin(k);
    if (o.kind !== 'file') return { row: plan.row(k) };
    const input = inputAt(o.input);
    const row = plan.row(k, input);
    row.facts = input.digest!.facts;
    return { row, from: { input, i: o.input } };
  };
  const rows: Windowed<SummaryRow> = { length: n, slice: (from, to) => range(from, Math.min(to, n)).map((k) => made(k).row) };
  const review: Windowed<ReviewRow> = {
    length: n,
    slice: (from, to) => {
      const make = reviewRowMaker(rubric, lang, options.today);
      return range(from, Math.min(to, n)).map((k) => {
        const { row, from: f } = made(k);
        return finishReview(make(row, f && { input: f.input, report: plan.fileReport(f.i, f.input) }), plan.sameNameCodes, lang);
      });
    },
  };
  return {
    rows,
    review,
    report: { files: { [Symbol.iterator]: () => plan.fileReports() }, existing: plan.existing, counts: plan.counts },
    stats: bureauStats(rubric, statsRows(rows), (r) => r.facts, lang),
  };
}

/** What the statistics count of each row, its texts held once per value (a province round's rows are not held). */
function statsRows(rows: Windowed<SummaryRow>): StatsRow[] {
  const same = textPool();
  const out: StatsRow[] = [];
  for (let from = 0; from < rows.length; from += STATS_WINDOW)
    for (const r of rows.slice(from, from + STATS_WINDOW)) {
      const s: StatsRow = { tier: r.tier, composite: r.composite, cluster: same(r.cluster), industryChain: same(r.industryChain), industry: same(r.industry) };
      if (r.recognition !== undefined) s.recognition = r.recognition;
      if (r.facts !== undefined) s.facts = r.facts.district === undefined ? r.facts : { ...r.facts, district: same(r.facts.district) };
      out.push(s);
    }
  return out;
}
const STATS_WINDOW = 1000;

export function bureauMerge(rubric: Rubric, existingRows: readonly SummaryRow[], inputs: readonly MergeInput[], options: MergeOptions = {}): BureauMergeResult {
  const withRubric = { rubric, ...options };
  const { plan, at } = planOf(existingRows, inputs, withRubric);
  const t = mergedTables(rubric, plan, (i) => at[i]!, withRubric);
  return {
    rows: t.rows.slice(0, t.rows.length),
    report: { files: [...t.report.files], existing: t.report.existing, counts: t.report.counts },
    stats: t.stats,
    review: t.review.slice(0, t.review.length),
  };
}
