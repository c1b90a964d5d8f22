// The merge of RULES §5 in two steps. The plan is made from a few keys of each file (DigestKeys): which records
// are one enterprise, which of them wins, the table's order, and what each file's report will say. The rows and
// the reports are then made from it one at a time, each from its file's digest (`inputAt`). mergeSummary makes
// them all at once; `sfa merge` makes them a table window at a time from digests it keeps on disk, so what a
// province round holds in memory is the plan, a few hundred bytes an enterprise (issue 16).
import type { Rubric, TierId } from '../rubric/schema';
import { recognitionOf } from '../profile/recognition';
import type { Lang } from '../i18n/lang';
import { CONFLICT_MARK, mergeMessages as M, withoutConflictMark, type AgeWhy } from './messages';
import { compareWithPriority, parsePriority } from './priority';
import { copyWith } from './copy';
import {
  ageMode,
  compareAge,
  codesByName,
  compareSummaryRows,
  dateCheck,
  digestInput,
  finite,
  keyCreditCode,
  locatedIn,
  nameOf,
  normaliseCreditCode,
  normaliseNameKey,
  orNone,
  poolOf,
  readIssues,
  recognisedFirst,
  validTier,
  type Stamp,
} from './merge';
import type {
  ExistingRowReport,
  FileDigest,
  FileReport,
  MergeFlag,
  MergeInput,
  MergeIssue,
  MergeOptions,
  MergeReport,
  MergeResult,
  RowOrigin,
  SortKeys,
  SummaryRow,
} from './types';

/** What the plan needs of one file's digest; the rest of it is read again when the file's row or report is made. */
export interface DigestKeys {
  creditCode?: string;
  enterpriseName?: string;
  factoryName?: string;
  fillDate?: string;
  recognition?: string;
  composite: number | null;
  tier: TierId | null;
  /** How many errors, and how many saved results that differ from the recomputed ones, the digest holds. */
  errors: number;
  cachedFlags: number;
}

export function digestKeys(d: FileDigest): DigestKeys {
  const p = d.profile;
  const keys: DigestKeys = { composite: d.composite, tier: d.tier, errors: d.errors.length, cachedFlags: d.cachedFlags.length };
  if (p.creditCode !== undefined) keys.creditCode = p.creditCode;
  if (p.enterpriseName !== undefined) keys.enterpriseName = p.enterpriseName;
  if (p.factoryName !== undefined) keys.factoryName = p.factoryName;
  if (p.fillDate !== undefined) keys.fillDate = p.fillDate;
  if (p.recognition !== undefined) keys.recognition = p.recognition;
  return keys;
}

/** One input as the plan sees it: its file, and the keys of its digest (none: the file could not be read). */
export interface PlanEntry {
  file: string;
  modified: number;
  rubric: Rubric;
  keys?: DigestKeys;
}

/** The input `i` again, with its digest when it has one, as the merge was given it. */
export type InputAt = (i: number) => MergeInput;

/** Why a file takes no part in the table. */
type Skip = { skip: 'unreadable' | 'errors-strict' | 'no-identity' };

/**
 * One record of the merge (an existing row or a file), its own age stamp. Every field is set when it is made, in
 * one order: a province round's 20,000 then share one shape and hold no property array beside it.
 */
interface Rec extends Stamp {
  origin: RowOrigin;
  /** An existing row: the row itself (its 备注 without a conflict mark). A file: what orders and names its row. */
  row: SortKeys;
  code: string | undefined;
  /** Only until the records are keyed. */
  nameKey: string | undefined;
  key: string;
  /** The records of other names under its credit code (credit-code-conflict). */
  others: Rec[] | undefined;
  /** A winner: its 序号 and the records it replaced. */
  seq: number;
  losers: { rec: Rec; why: AgeWhy }[];
  /** A loser: the record used instead. */
  by: { origin: RowOrigin; why: AgeWhy } | undefined;
}

/** A record; `key` '' until keyed. */
const newRec = (origin: RowOrigin, row: SortKeys, code: string | undefined, nameKey: string | undefined, stamp: Stamp, key: string): Rec => ({
  fillDate: stamp.fillDate,
  modified: stamp.modified,
  origin,
  row,
  code,
  nameKey,
  key,
  others: undefined,
  seq: 0,
  losers: orNone([]),
  by: undefined,
});

/**
 * What the bureau typed for an enterprise stays with the enterprise: a newer file replacing its row takes
 * the 推荐顺序, 审核意见 and 是否推荐 of the existing row it replaces.
 */
function inheritBureauInputs(win: Rec, group: readonly Rec[]): void {
  const existing = group.filter((r) => r.origin.kind === 'existing');
  const ranked = existing.find((r) => parsePriority(r.row.priority) !== undefined);
  if (parsePriority(win.row.priority) === undefined && ranked) win.row = { ...win.row, priority: parsePriority(ranked.row.priority)! };
  // 审核意见 and 是否推荐 stay with the enterprise (not the earlier file's review, which was about that file).
  const reviewed = existing.find((r) => r.row.review?.opinion || r.row.review?.recommend);
  if (win.origin.kind === 'file' && reviewed) {
    const { opinion, recommend } = reviewed.row.review!;
    win.row = { ...win.row, review: { ...(opinion ? { opinion } : {}), ...(recommend ? { recommend } : {}) } };
  }
}

const asText = (v: string | undefined) => v ?? '';

/**
 * The plan of a merge (RULES §5, issue 6): see mergeSummary for the rules. Its rows and file reports are made
 * on request from `inputAt`, which must give the inputs the plan was made from.
 */
export class MergePlan {
  readonly existing: ExistingRowReport[];
  readonly counts: MergeReport['counts'];
  /** The 企业名称 of the table that go by more than one credit code (审核). */
  readonly sameNameCodes: Map<string, Set<string>>;
  /** The winners in the table's order. */
  private readonly winners: Rec[];
  /** Per input: its record, or why it takes no part. */
  private readonly files: (Rec | Skip)[];
  private readonly lang: Lang;

  constructor(
    existingRows: readonly SummaryRow[],
    entries: readonly PlanEntry[],
    private readonly inputAt: InputAt,
    private readonly options: MergeOptions = {},
  ) {
    const lang: Lang = (this.lang = options.lang ?? 'zh');
    const strict = options.strict ?? false;
    const pool = poolOf(options);
    const recs: Rec[] = [];
    // Existing rows carry no rubric of their own: the batch's first gives the notice date.
    const fillDateFrom = entries[0]?.rubric.fillDateFrom;
    const rubric = options.rubric ?? entries[0]?.rubric;

    // Existing rows, in the order given.
    const existing: ExistingRowReport[] = existingRows.map((row, index) => {
      const code = keyCreditCode(row.creditCode);
      const nameKey = normaliseNameKey(row.enterpriseName, row.factoryName);
      // A date an earlier build let through (2099-12-31) no longer ages the row either.
      const fillDate = dateCheck(row.fillDate, fillDateFrom, options.today, lang).trusted;
      recs.push(
        newRec(
          { kind: 'existing', index, enterpriseName: row.enterpriseName },
          copyWith(row, { remark: withoutConflictMark(row.remark), tier: validTier(row.tier) ? row.tier : null, composite: finite(row.composite) }),
          code,
          nameKey,
          { fillDate, modified: finite(row.modified) ?? undefined },
          // A row naming no enterprise at all cannot be matched: it keeps a key of its own.
          code === undefined && nameKey === undefined ? `row:${index}` : '',
        ),
      );
      return { index, row, status: 'kept', message: pool(M.existingKept(lang)), flags: [] };
    });

    // Files, in input order: whether they take part, and what orders their rows.
    /** The files with a flag (a date, saved results that differ; credit-code conflicts are added below). */
    const flaggedFiles = new Set<number>();
    this.files = entries.map((entry, i): Rec | Skip => {
      const k = entry.keys;
      if (k === undefined) return { skip: 'unreadable' };
      const date = dateCheck(k.fillDate, entry.rubric.fillDateFrom, options.today, lang);
      if (date.flag || k.cachedFlags > 0) flaggedFiles.add(i);
      const code = keyCreditCode(k.creditCode);
      const nameKey = normaliseNameKey(k.enterpriseName, k.factoryName);
      if (strict && k.errors > 0) return { skip: 'errors-strict' };
      if (code === undefined && nameKey === undefined) return { skip: 'no-identity' };
      const recognition = recognitionOf(entry.rubric, k.recognition);
      const row: SortKeys = { enterpriseName: asText(k.enterpriseName), factoryName: asText(k.factoryName) };
      const shownCode = normaliseCreditCode(k.creditCode);
      // The keyed code is the shown one when well formed: held once.
      if (shownCode !== undefined) row.creditCode = shownCode === code ? code : shownCode;
      row.tier = k.tier;
      row.composite = k.composite;
      row.source = entry.file;
      if (recognition && recognition.effect !== 'none') row.recognition = recognition.id;
      const r = newRec(
        { kind: 'file', file: entry.file, input: i },
        row,
        code,
        nameKey,
        { fillDate: date.trusted, modified: finite(entry.modified) ?? undefined },
        '',
      );
      recs.push(r);
      return r;
    });

    // Keys: the credit code; else the one credit code used with the same name + factory; else the name + factory.
    // Only the names of records without a code are looked up: a round where every file has one holds no such map.
    const linkable = new Map<string, Set<string>>();
    for (const r of recs) if (r.code === undefined && r.nameKey !== undefined) linkable.set(r.nameKey, new Set());
    for (const r of recs) if (r.code !== undefined && r.nameKey !== undefined) linkable.get(r.nameKey)?.add(r.code);
    // A group of one is its record (most enterprises of a round send one file): a list only from the second.
    const grouped = new Map<string, Rec | Rec[]>();
    for (const r of recs) {
      if (r.key === '') {
        const linked = r.code === undefined && r.nameKey !== undefined ? linkable.get(r.nameKey) : undefined;
        r.key = r.code !== undefined ? `code:${r.code}` : linked?.size === 1 ? `code:${[...linked][0]!}` : `name:${r.nameKey!}`;
      }
      const g = grouped.get(r.key);
      if (g === undefined) grouped.set(r.key, r);
      else if (Array.isArray(g)) g.push(r);
      else grouped.set(r.key, [g, r]);
    }
    linkable.clear();
    for (const r of recs) r.nameKey = undefined; // keyed: a province round need not hold them

    // In each part the newest record wins; a tie goes to the record that arrives later.
    const winners: Rec[] = [];
    const decide = (g: readonly Rec[]) => {
      const mode = ageMode(g);
      let win = g[0]!;
      for (const r of g.slice(1)) if (compareAge(r, win, mode).cmp >= 0) win = r;
      winners.push(win);
      inheritBureauInputs(win, g);
      win.losers = orNone(g.filter((r) => r !== win).map((rec) => ({ rec, why: { basis: compareAge(win, rec, mode).basis, mode, newer: win, older: rec } })));
    };
    // One credit code naming different enterprises is a conflict, never a replacement: each name is a part of
    // its own (a record with no name joins the first named one), and every record of the code is flagged.
    for (const [key, one] of grouped) {
      if (!Array.isArray(one)) {
        winners.push(one); // alone: it wins, replaces nothing and inherits nothing but its own
        continue;
      }
      const g = one;
      if (!key.startsWith('code:')) {
        decide(g);
        continue;
      }
      const byName = new Map<string, Rec[]>();
      for (const r of g) {
        const n = nameOf(r.row.enterpriseName);
        if (n !== '') byName.set(n, [...(byName.get(n) ?? []), r]);
      }
      const named = [...byName.values()];
      const unnamed = g.filter((r) => nameOf(r.row.enterpriseName) === '');
      if (named.length <= 1) {
        decide(g);
        continue;
      }
      named[0]!.push(...unnamed);
      for (const part of named) {
        const others = g.filter((r) => !part.includes(r));
        for (const r of part) {
          r.others = others;
          if (r.origin.kind === 'file') flaggedFiles.add(r.origin.input);
          else existing[r.origin.index]!.flags.push(this.conflictFlag(r));
        }
        decide(part.sort((x, y) => recs.indexOf(x) - recs.indexOf(y)));
      }
    }
    grouped.clear();
    const order = compareWithPriority(recognisedFirst(rubric, compareSummaryRows));
    winners.sort((a, b) => order(a.row, b.row));

    let merged = 0;
    let replaced = 0;
    winners.forEach((win, i) => {
      const seq = (win.seq = i + 1);
      for (const { rec, why } of win.losers) {
        const by = { ...win.origin };
        rec.by = { origin: by, why };
        if (rec.origin.kind === 'existing') {
          const e = existing[rec.origin.index]!;
          existing[rec.origin.index] = copyWith(e, {
            status: 'replaced',
            message: M.existingReplaced(lang, by, why),
            replacedBy: { ...by, basis: why.basis },
          } satisfies Partial<ExistingRowReport>);
        } else replaced++;
      }
      if (win.origin.kind === 'existing') {
        const e = existing[win.origin.index]!;
        existing[win.origin.index] = copyWith(e, { seq });
      } else merged++;
    });
    this.winners = winners;
    this.sameNameCodes = codesByName(winners.map((w) => w.row));
    // Ordered and named: a file's row is made from its digest, and its record keeps only what its row inherits
    // (and its name when a conflict message names it). A province round's names are not held through the write.
    for (const w of winners) if (w.origin.kind === 'file' && w.others === undefined) w.row.enterpriseName = w.row.factoryName = '';
    this.existing = existing;
    this.counts = {
      files: entries.length,
      merged,
      replaced,
      skipped: entries.length - merged - replaced,
      existingKept: existing.filter((e) => e.status === 'kept').length,
      existingReplaced: existing.filter((e) => e.status === 'replaced').length,
      rows: winners.length,
      flagged: flaggedFiles.size + existing.filter((e) => e.flags.length > 0).length,
    };
  }

  private conflictFlag(r: Rec): MergeFlag {
    const code = r.key.slice('code:'.length);
    const others = r.others!;
    return {
      kind: 'credit-code-conflict',
      message: M.creditCodeConflict(
        this.lang,
        code,
        r.row.enterpriseName,
        others.map((o) => o.origin),
      ),
      creditCode: code,
      enterpriseName: r.row.enterpriseName,
      others: others.map((o) => ({ ...o.origin, enterpriseName: o.row.enterpriseName })),
    };
  }

  /** Rows in the table. */
  get rowCount(): number {
    return this.winners.length;
  }

  /** Where the table's `k`-th row (0-based) comes from. */
  origin(k: number): RowOrigin {
    return this.winners[k]!.origin;
  }

  /** The table's `k`-th row (0-based); `input` is its file's (inputAt), when the caller has it already. */
  row(k: number, input?: MergeInput): SummaryRow {
    const w = this.winners[k]!;
    let row: SummaryRow;
    if (w.origin.kind === 'existing') row = w.row as SummaryRow;
    else {
      const i = w.origin.input;
      const from = input ?? this.inputAt(i);
      const d = from.digest!;
      const p = d.profile;
      // Set field by field in one order (see ./copy.ts): the rows of a province round then share a few shapes.
      row = {
        seq: 0,
        enterpriseName: asText(p.enterpriseName),
        factoryName: asText(p.factoryName),
        cluster: asText(p.cluster),
        industryChain: asText(p.industryChain),
        industry: asText(p.industry),
        contactName: asText(p.contactName),
        contactMobile: asText(p.contactMobile),
        remark: d.remark,
      };
      const keys = w.row;
      if (keys.creditCode !== undefined) row.creditCode = keys.creditCode;
      row.tier = d.tier;
      row.composite = d.composite;
      if (w.fillDate !== undefined) row.fillDate = w.fillDate;
      if (finite(from.modified) !== null) row.modified = from.modified;
      row.source = from.file;
      if (keys.recognition !== undefined) row.recognition = keys.recognition;
      if (keys.priority !== undefined) row.priority = keys.priority;
      if (keys.review !== undefined) row.review = keys.review;
    }
    if (w.others) row = copyWith(row, { remark: CONFLICT_MARK[this.lang] + row.remark });
    return copyWith(row, { seq: w.seq });
  }

  /** The report on input `i`; `input` is inputAt(i), when the caller has it already. */
  fileReport(i: number, input: MergeInput = this.inputAt(i)): FileReport {
    const { lang, options } = this;
    const pool = poolOf(options);
    const state = this.files[i]!;
    const base = { file: input.file, input: i, composite: null, tier: null, replaced: [], warnings: [] as MergeIssue[], flags: [] as MergeFlag[] };
    const d = 'skip' in state && state.skip === 'unreadable' ? undefined : input.digest;
    if (d === undefined)
      return {
        ...base,
        status: 'skipped',
        reason: 'unreadable',
        message: M.unreadable(lang, input.failure),
        errors: readIssues(input, options),
        ...(input.failure !== undefined ? { failure: input.failure } : {}),
      };
    const { errors, warnings } = d;
    const p = d.profile;
    const shownCode = normaliseCreditCode(p.creditCode);
    const date = dateCheck(p.fillDate, input.rubric.fillDateFrom, options.today, lang);
    const recognition = recognitionOf(input.rubric, p.recognition);
    // Object.assign, not a spread into a new literal: V8 made each such report a dictionary object, about 4 kB
    // allocated per file (80 MB for a 20,000-file round; bench/merge-phases.ts). The keys keep the same order.
    const r: FileReport = Object.assign(base, {
      flags: [...(date.flag ? [locatedIn(input, options)({ ...date.flag, path: 'profile.fillDate' })] : []), ...d.cachedFlags.map((x) => ({ ...x }))],
      status: 'merged',
      reason: 'added',
      message: '',
      ...(p.enterpriseName !== undefined ? { enterpriseName: p.enterpriseName } : {}),
      ...(shownCode !== undefined ? { creditCode: shownCode } : {}),
      composite: d.composite,
      tier: d.tier,
      // Shared with the digest, not copied: a province round's problems are held once.
      errors,
      warnings,
      ...(recognition && recognition.effect !== 'none' ? { recognition: recognition.id } : {}),
    } satisfies Partial<FileReport>);
    if ('skip' in state)
      return state.skip === 'errors-strict'
        ? Object.assign(r, { status: 'skipped', reason: 'errors-strict', message: M.errorsStrict(lang, errors.length) } satisfies Partial<FileReport>)
        : Object.assign(r, { status: 'skipped', reason: 'no-identity', message: M.noIdentity(lang) } satisfies Partial<FileReport>);

    if (state.others) {
      const where = options.locate?.('profile.creditCode', input);
      r.flags.push({ ...this.conflictFlag(state), path: 'profile.creditCode', ...(where ? { sheet: where.sheet, cell: where.cell } : {}) });
    }
    if (state.by) {
      const { origin: by, why } = state.by;
      return copyWith(r, {
        status: 'replaced',
        reason: by.kind === 'file' ? 'newer-in-batch' : 'newer-in-summary',
        message: by.kind === 'file' ? M.newerInBatch(lang, by.file, why) : M.newerInSummary(lang, why),
        key: state.key,
        supersededBy: { ...by, basis: why.basis },
      } satisfies Partial<FileReport>);
    }
    const losers = state.losers;
    return Object.assign(r, {
      status: 'merged',
      reason: losers.length ? 'replaces' : 'added',
      message: losers.length
        ? M.replaces(
            lang,
            losers.map(({ rec, why }) => ({ origin: rec.origin, why })),
            errors.length,
          )
        : pool(M.added(lang, errors.length)),
      seq: state.seq,
      key: state.key,
      replaced: orNone(losers.map(({ rec, why }) => ({ ...rec.origin, basis: why.basis }))),
    } satisfies Partial<FileReport>);
  }

  /** The report on every input, in input order, each made as it is taken. */
  *fileReports(): Generator<FileReport> {
    for (let i = 0; i < this.files.length; i++) yield this.fileReport(i);
  }
}

/** What a merge keeps of an input beside its plan entry to make its row and report again: plain data (JSON). */
export type KeptInput = Pick<MergeInput, 'digest' | 'cached' | 'sha256' | 'failure' | 'readProblems'>;

/** What is kept of `input` whose digest (if any) is `digest`: the assessment is not. */
export function keptInput(input: MergeInput, digest: FileDigest | undefined): KeptInput {
  const kept: KeptInput = {};
  if (digest) {
    kept.digest = digest;
    if (input.cached) kept.cached = input.cached;
    if (input.sha256 !== undefined) kept.sha256 = input.sha256;
  } else {
    if (input.failure !== undefined) kept.failure = input.failure;
    if (input.readProblems) kept.readProblems = input.readProblems;
  }
  return kept;
}

/** The input again from its entry and what was kept of it (an InputAt's answer). */
export const inputOf = (entry: PlanEntry, kept: KeptInput): MergeInput =>
  Object.assign({ file: entry.file, modified: entry.modified, rubric: entry.rubric }, kept);

/** The plan's entry for an input whose digest (if any) is `digest`. */
export const planEntry = (input: MergeInput, digest: FileDigest | undefined): PlanEntry => ({
  file: input.file,
  modified: input.modified,
  rubric: input.rubric,
  ...(digest ? { keys: digestKeys(digest) } : {}),
});

/**
 * The inputs with their digests (made now where an input has none), and the plan of their merge: what
 * mergeSummary and bureauMerge make everything from.
 */
export function planOf(existingRows: readonly SummaryRow[], inputs: readonly MergeInput[], options: MergeOptions = {}): { plan: MergePlan; at: MergeInput[] } {
  const at = inputs.map((input) => {
    if (input.digest !== undefined) return input;
    const digest = digestInput(input, options);
    return digest ? copyWith(input, { digest }) : input;
  });
  const plan = new MergePlan(
    existingRows,
    at.map((x) => planEntry(x, x.digest)),
    (i) => at[i]!,
    options,
  );
  return { plan, at };
}

/**
 * Merge parsed files into an existing 推荐汇总表 (RULES §5, issue 6). Pure: the inputs are not changed.
 *
 * - One row per enterprise, keyed by the normalised 统一社会信用代码, else 企业名称 + 工厂名称. A record with
 *   no credit code joins the credit code that other records with the same 企业名称 + 工厂名称 carry, when
 *   there is exactly one such code.
 * - Of the records of one enterprise (existing rows, then files in input order) the newest wins: later
 *   填表日期 when all of them have one, else later modification time (`ageMode`, `compareAge`); a record
 *   with no date at all is the oldest; on a tie the one merged later wins (so a file re-merged into the
 *   table it produced replaces its own row). Every loser is reported with the winner.
 * - Rows of enterprises not in the batch are kept as they are, only renumbered.
 * - Files with errors are merged with their errors listed, or skipped under `strict`; files with a
 *   `failure` or no assessment are skipped; files naming no enterprise at all are skipped.
 * - Order: the bureau's 推荐顺序 first (`compareWithPriority`), then the directly recognised (`recognisedFirst`),
 *   then `compareSummaryRows`; 序号 renumbered 1…n.
 */
export function mergeSummary(existingRows: readonly SummaryRow[], inputs: readonly MergeInput[], options: MergeOptions = {}): MergeResult {
  const { plan, at } = planOf(existingRows, inputs, options);
  return resultOf(plan, at);
}

/** Every row and report of a plan whose inputs are `at`. */
function resultOf(plan: MergePlan, at: readonly MergeInput[]): MergeResult {
  const rows = Array.from({ length: plan.rowCount }, (_, k) => plan.row(k));
  return { rows, report: { files: at.map((input, i) => plan.fileReport(i, input)), existing: plan.existing, counts: plan.counts } };
}
