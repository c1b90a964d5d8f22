// One truth for the two ways a merge's tables are made: bureauMerge holds every input and makes the tables whole
// (the pane); `sfa merge` keeps each file's digest as JSON (on disk) and makes the tables a window at a time from
// the plan (MergePlan + mergedTables). For any batch — one enterprise under several files, credit codes shared
// by different names, dates in the future, files without a name, unreadable ones, rows of an earlier summary with
// the bureau's 推荐顺序 and 审核意见 — both give the same rows, 审核, reports and statistics.
import fc from 'fast-check';
import {
  bureauMerge,
  digestInput,
  inputOf,
  keptInput,
  MergePlan,
  planEntry,
  type Assessment,
  type KeptInput,
  type MergeInput,
  type MergeOptions,
  type SummaryRow,
} from '../../src/domain';
import { mergedTables } from '../../src/domain/bureau/merge';
import { advancedAssessment, J, validCreditCode } from '../fixtures/jiangsu';
import { mergeJson } from '../../src/cli/merge-json';

const CODES = [validCreditCode('91320100000000001'), validCreditCode('91320100000000002'), '无', undefined];
const NAMES = ['甲企业', '乙企业', ' 甲企业 ', undefined];
const DATES = ['2025-04-01', '2025-05-01', '2099-01-01', '2019-01-01', undefined];

interface Spec {
  name: number;
  code: number;
  date: number;
  modified: number;
  maturity: number;
  unreadable: boolean;
  badScore: boolean;
}
const spec = fc.record({
  name: fc.nat(NAMES.length - 1),
  code: fc.nat(CODES.length - 1),
  date: fc.nat(DATES.length - 1),
  modified: fc.integer({ min: 0, max: 3 }),
  maturity: fc.integer({ min: 1, max: 4 }),
  unreadable: fc.boolean(),
  badScore: fc.boolean(),
});

function assessmentOf(s: Spec): Assessment {
  const a = advancedAssessment();
  const p = a.profile!;
  const name = NAMES[s.name];
  if (name === undefined) delete p.enterpriseName;
  else p.enterpriseName = name;
  const code = CODES[s.code];
  if (code === undefined) delete p.creditCode;
  else p.creditCode = code;
  const date = DATES[s.date];
  if (date === undefined) delete p.fillDate;
  else p.fillDate = date;
  a.maturityLevel = s.maturity;
  if (s.badScore) a.indicators = { ...a.indicators, [J.indicators[0]!.id]: { level: 1, score: 99 } };
  return a;
}

const inputOfSpec = (s: Spec, i: number): MergeInput =>
  s.unreadable
    ? { file: `坏${i}.xlsx`, modified: s.modified * 1000, rubric: J, failure: '不是 .xlsx 工作簿' }
    : {
        file: `企业${i}.xlsx`,
        modified: s.modified * 1000,
        rubric: J,
        assessment: assessmentOf(s),
        cached: { composite: i % 3 === 0 ? 12.5 : null, tier: null, errors: null },
        sha256: `${i}`.padStart(64, '0'),
      };

/** The tables as `sfa merge` makes them: each input kept as JSON text, read back for each row and report. */
function spilled(rubric: typeof J, existing: SummaryRow[], inputs: MergeInput[], options: MergeOptions) {
  const withRubric = { rubric, ...options };
  const kept: string[] = [];
  const entries = inputs.map((input) => {
    const digest = digestInput(input, withRubric);
    kept.push(JSON.stringify(keptInput(input, digest)));
    return planEntry(input, digest);
  });
  const inputAt = (i: number) => inputOf(entries[i]!, JSON.parse(kept[i]!) as KeptInput);
  const plan = new MergePlan(existing, entries, inputAt, withRubric);
  for (const e of entries) e.keys = undefined; // as the CLI lets them go
  return mergedTables(rubric, plan, inputAt, withRubric);
}

/** A list made window by window, `size` at a time. */
const windowed = <T>(list: { length: number; slice(from: number, to: number): T[] }, size: number) => {
  const out: T[] = [];
  for (let from = 0; from < list.length; from += size) out.push(...list.slice(from, from + size));
  return out;
};

describe('the planned merge (sfa merge) and bureauMerge (the pane)', () => {
  it('make the same rows, 审核, reports, statistics and --json for any batch', () => {
    // What the batches met, so that a generator too tame to reach them fails here.
    const seen = new Set<string>();
    fc.assert(
      fc.property(
        fc.array(spec, { minLength: 0, maxLength: 9 }),
        fc.array(spec, { minLength: 0, maxLength: 4 }),
        fc.boolean(),
        fc.constantFrom('zh' as const, 'en' as const),
        fc.integer({ min: 1, max: 4 }),
        (batch, earlier, strict, lang, size) => {
          const options: MergeOptions = { strict, lang, today: '2025-06-01', locate: (path) => ({ sheet: '企业信息', cell: path.length > 12 ? 'C5' : 'C6' }) };
          // An earlier summary: its rows, some ranked and reviewed by the bureau.
          const before = bureauMerge(
            J,
            [],
            earlier.map((s, i) => inputOfSpec({ ...s, unreadable: false }, 100 + i)),
            { lang, today: '2025-06-01' },
          );
          const existing = before.rows.map((r, i) =>
            i % 2 === 0 ? { ...r, priority: before.rows.length - i, review: { opinion: `意见${i}`, recommend: '是' } } : { ...r, facts: undefined },
          );
          const inputs = batch.map(inputOfSpec);
          const whole = bureauMerge(J, existing, inputs, options);
          const planned = spilled(J, existing, inputs, options);
          for (const f of whole.report.files) [f.reason, ...f.flags.map((x) => x.kind)].forEach((k) => seen.add(k));
          for (const e of whole.report.existing) [e.status, ...e.flags.map((x) => x.kind)].forEach((k) => seen.add(`existing ${k}`));
          expect(windowed(planned.rows, size)).toEqual(whole.rows);
          expect(windowed(planned.review, size)).toEqual(whole.review);
          expect([...planned.report.files]).toEqual(whole.report.files);
          expect(planned.report.existing).toEqual(whole.report.existing);
          expect(planned.report.counts).toEqual(whole.report.counts);
          expect(planned.stats).toEqual(whole.stats);
          expect([...mergeJson(planned.report, planned.stats)].join('')).toBe(JSON.stringify({ ...whole.report, stats: whole.stats }, null, 2) + '\n');
        },
      ),
      { numRuns: 60 },
    );
    expect([...seen].sort()).toEqual(
      expect.arrayContaining([
        'added',
        'replaces',
        'newer-in-batch',
        'newer-in-summary',
        'unreadable',
        'errors-strict',
        'no-identity',
        'credit-code-conflict',
        'future-date',
        'implausible-date',
        'cached-mismatch',
        'existing kept',
        'existing replaced',
        'existing credit-code-conflict',
      ]),
    );
  });

  it('make no row or report until asked: a window makes only its own rows', () => {
    const inputs = Array.from({ length: 6 }, (_, i) =>
      inputOfSpec({ name: 0, code: 3, date: 0, modified: i, maturity: 2, unreadable: false, badScore: false }, i),
    );
    inputs.forEach((x, i) => (x.assessment!.profile!.enterpriseName = `企业${i}`));
    const asked: number[] = [];
    const entries = inputs.map((input) => planEntry(input, digestInput(input)));
    const digests = inputs.map((input) => inputOf(entries[0]!, keptInput(input, digestInput(input))));
    const inputAt = (i: number) => (asked.push(i), { ...digests[i]!, file: inputs[i]!.file, modified: inputs[i]!.modified });
    const plan = new MergePlan([], entries, inputAt, { rubric: J });
    expect(asked).toEqual([]); // planned from the keys alone
    const tables = mergedTables(J, plan, inputAt, { rubric: J });
    asked.length = 0;
    expect(tables.rows.slice(2, 4).map((r) => r.seq)).toEqual([3, 4]);
    expect(asked).toHaveLength(2);
  });
});
