// Types of the bureau merge (RULES §5, issue 6): many enterprise assessments + an existing
// 先进级智能工厂推荐汇总表 → one table in priority order, and a report on every file and every existing row.
import type { Rubric, TierId } from '../rubric/schema';
import type { Assessment, Profile } from '../assessment/types';
import type { IssueCode } from '../scoring/types';
import type { Lang } from '../i18n/lang';
import type { EnterpriseFacts } from '../bureau/facts';
import type { ApplicationStatus } from '../bureau/application-status';
import type { EarlierReview, ReviewerInputs } from '../bureau/review';

/**
 * One row of the 推荐汇总表: the nine printed columns of the official table, in order (see SUMMARY_COLUMNS),
 * plus hidden keys the merge needs to match, replace and order rows on a later run.
 *
 * Text stays data: every text field is carried exactly as the workbook had it. A name that begins with
 * `=`, `+`, `-` or `@` (e.g. `=HYPERLINK(…)`) is NOT a formula and must be written as a text cell by whatever
 * writes the table (ExcelJS: a plain string value, never `{ formula }`; Office.js: give the range the text
 * number format "@" before setting its `values`). Readers must read such cells back as text.
 *
 * Writers should persist the hidden keys (a hidden column or the 合并明细 sheet), above all `creditCode`:
 * the printed table has no credit-code column, and a row read back without it can only be matched by
 * 企业名称 + 工厂名称.
 */
export interface SummaryRow {
  /** 序号: renumbered 1…n by every merge. */
  seq: number;
  /** 企业名称 */
  enterpriseName: string;
  /** 工厂名称 */
  factoryName: string;
  /** 所属集群 */
  cluster: string;
  /** 所属产业链 */
  industryChain: string;
  /** 所属行业 */
  industry: string;
  /** 联系人 */
  contactName: string;
  /** 手机 */
  contactMobile: string;
  /** 备注: "<tier>，综合得分 73.33" at 先进级 or above, else the first reason 先进级 is not met. */
  remark: string;

  // Hidden keys (not printed).
  /** 统一社会信用代码, normalised (trimmed, upper-case). The row's key when present. */
  creditCode?: string;
  /** Reference tier; null when none, or unknown for a row read back without it. Orders the table. */
  tier?: TierId | null;
  /** Exact composite (not rounded); null when none or unknown. Orders the table after the tier. */
  composite?: number | null;
  /** 填表日期 YYYY-MM-DD of the workbook the row came from, when it had a valid one. */
  fillDate?: string;
  /** Modification time (ms since the epoch) of the file the row came from. */
  modified?: number;
  /** The file the row came from. */
  source?: string;
  /**
   * 直接认定类别 (a Rubric.recognitions id other than none): a directly recognised enterprise is listed first
   * with that 备注 rather than ranked by score. Stored with the facts (hidden) for the next merge.
   */
  recognition?: string;

  // The bureau's own inputs, kept by every later merge (also when a newer file replaces the row).
  /** 推荐顺序 the bureau set (≥ 1): ranked rows come first in this order, every other row after them. */
  priority?: number;
  /** What the statistics count beyond the printed columns (企业类型, district, scenarios); stored hidden. */
  facts?: EnterpriseFacts;
  /** The bureau's 审核意见 and 是否推荐, and what the earlier 审核 row said (read back from the summary). */
  review?: ReviewerInputs & { earlier?: EarlierReview };
}

/** What orders a row of the table (compareSummaryRows, recognisedFirst, compareWithPriority), and names it. */
export type SortKeys = Pick<SummaryRow, 'enterpriseName' | 'factoryName'> &
  Partial<Pick<SummaryRow, 'creditCode' | 'tier' | 'composite' | 'source' | 'recognition' | 'priority' | 'review'>>;

/** The columns of the printed table, in order (RULES §5), with their header texts. */
export const SUMMARY_COLUMNS = [
  { key: 'seq', label: { zh: '序号', en: 'No.' } },
  { key: 'enterpriseName', label: { zh: '企业名称', en: 'Enterprise' } },
  { key: 'factoryName', label: { zh: '工厂名称', en: 'Factory' } },
  { key: 'cluster', label: { zh: '所属集群', en: 'Cluster' } },
  { key: 'industryChain', label: { zh: '所属产业链', en: 'Industry chain' } },
  { key: 'industry', label: { zh: '所属行业', en: 'Industry' } },
  { key: 'contactName', label: { zh: '联系人', en: 'Contact' } },
  { key: 'contactMobile', label: { zh: '手机', en: 'Mobile' } },
  { key: 'remark', label: { zh: '备注', en: 'Remarks' } },
] as const satisfies readonly { key: keyof SummaryRow; label: Record<Lang, string> }[];
export type SummaryColumnKey = (typeof SUMMARY_COLUMNS)[number]['key'];

/** A problem the reader met while turning a file into an assessment (a cell it could not read…). */
export interface ReadProblem {
  path: string;
  message: string;
  sheet?: string;
  cell?: string;
}

/** One parsed input file. */
export interface MergeInput {
  /** The file name (or path) as the user gave it; reported as is. */
  file: string;
  /** File modification time, ms since the epoch. */
  modified: number;
  /** The assessment read from the file; absent when the file could not be read. */
  assessment?: Assessment;
  /** The rubric to score the assessment with. */
  rubric: Rubric;
  /** Problems met while reading; they count as errors (so `strict` skips the file). */
  readProblems?: ReadProblem[];
  /** Set when the file could not be read at all (not a zip, encrypted, unknown layout…): it is skipped. */
  failure?: string;
  /**
   * The results the file itself claims (a workbook's cached SFA_COMPOSITE / SFA_TIER / SFA_ERRORS; null where
   * the file holds none, e.g. never recalculated). The merge never uses them, it re-scores; a value that
   * disagrees with the recomputed one is flagged (`cached-mismatch`). Absent for JSON files.
   */
  cached?: CachedResults;
  /** SHA-256 of the file's bytes (hex), so the bureau can show which file it reviewed (审核). */
  sha256?: string;
  /**
   * What the merge keeps of the assessment once it is scored (digestInput, with the options of the merge): a
   * province round then holds one small record per file, not 20,000 assessments. Used instead of `assessment`.
   */
  digest?: FileDigest;
}

/**
 * One scored file as the merge, 统计 and 审核 use it: the profile (the row's texts, its key and dates, the fields
 * 审核 checks), the results, the 备注, the problems located in the workbook, and the facts 统计 counts.
 */
export interface FileDigest {
  profile: Profile;
  composite: number | null;
  tier: TierId | null;
  remark: string;
  /** Read problems first, then the scoring errors; with their cells when located. */
  errors: MergeIssue[];
  /** Scoring warnings, then the texts changed when written. */
  warnings: MergeIssue[];
  /** The file's saved results that differ from the recomputed ones (`cached-mismatch`). */
  cachedFlags: MergeFlag[];
  facts: EnterpriseFacts;
  /** How complete the 申报书 is (审核), when the file has one. */
  application?: ApplicationStatus;
}

/** What a workbook's result cells held when it was saved (the tier as its id or its label in either language). */
export interface CachedResults {
  composite: number | null;
  tier: string | null;
  errors: number | null;
}

/** Where a field lives in the workbook, as the caller's layout knows it. */
export interface CellRef {
  sheet: string;
  cell: string;
}

export interface MergeOptions {
  /** Skip files that have errors instead of merging them with their errors listed. */
  strict?: boolean;
  /** Language of remarks and report messages; Chinese by default. */
  lang?: Lang;
  /** Maps an issue's path to its cell (e.g. with the workbook layout); the domain core knows no layout. */
  locate?: (path: string, input: MergeInput) => CellRef | undefined;
  /**
   * Today as YYYY-MM-DD (the caller's clock: the domain core reads none). A 填表日期 after it is flagged
   * `future-date` and does not count when ageing records. Without it no date is judged to be in the future.
   */
  today?: string;
  /** The rubric of the rows kept from the summary (what their 直接认定类别 means); default: the first input's. */
  rubric?: Rubric;
}

/**
 * Something the bureau must look at; the merge never resolves these silently. Each carries its message in the
 * chosen language. Shown in 合并明细 (a 「需核实」 line per flag) and on the console; the CLI exits 1.
 *
 * - `credit-code-conflict`: records with one 统一社会信用代码 name different enterprises. None replaces another:
 *   each enterprise name keeps a row of its own (aged only against records of the same name), and every such
 *   row's 备注 starts with 「【待核实：统一社会信用代码重复】」 in the printed 推荐汇总表 until the bureau deletes the
 *   wrong one. `others` lists the records of the other names.
 * - `future-date`: 填表日期 after `MergeOptions.today`; the record is aged by its file time instead.
 * - `implausible-date`: 填表日期 before the rubric's edition could be filled in (`Rubric.fillDateFrom`); aged by file time instead.
 * - `cached-mismatch`: the file's saved results differ from the recomputed ones (edited outside Excel, or a
 *   redirected name); the recomputed result is the one used.
 */
export type MergeFlag = MergeFlagWhat & {
  /** The input field it is about (profile.fillDate, profile.creditCode), and its cell when located. */
  path?: string;
  sheet?: string;
  cell?: string;
};
export type MergeFlagWhat =
  | { kind: 'credit-code-conflict'; message: string; creditCode: string; enterpriseName: string; others: (RowOrigin & { enterpriseName: string })[] }
  | { kind: 'future-date'; message: string; fillDate: string; today: string }
  | { kind: 'implausible-date'; message: string; fillDate: string; earliest: string }
  | {
      kind: 'cached-mismatch';
      message: string;
      field: 'composite' | 'tier' | 'errors';
      cached: number | string;
      recomputed: number | string | null;
    };
export type MergeFlagKind = MergeFlagWhat['kind'];

/** An error or warning of one file, with its cell when the caller could locate it. */
export interface MergeIssue {
  path: string;
  /** A scoring issue code, `read` for a problem the reader reported, `text` for a text changed when written. */
  code: IssueCode | 'read' | 'text';
  message: string;
  sheet?: string;
  cell?: string;
}

/**
 * merged: the file's row is in the table (it may have replaced older rows, listed in `replaced`).
 * replaced: a newer workbook of the same enterprise (in the batch, or already in the table) is used instead.
 * skipped: the file could not be read, has errors under `strict`, or names no enterprise.
 */
export type MergeStatus = 'merged' | 'replaced' | 'skipped';

export type MergeReason =
  | 'added' // merged, the enterprise was not in the table
  | 'replaces' // merged, replacing older row(s) of the same enterprise
  | 'newer-in-batch' // replaced by a newer file of the batch
  | 'newer-in-summary' // replaced: the existing table holds a newer row
  | 'unreadable' // skipped: `failure`, or no assessment
  | 'errors-strict' // skipped: errors under `strict`
  | 'no-identity'; // skipped: neither credit code nor enterprise name

/**
 * How the records of one enterprise are aged: by 填表日期 (then modification time) when every dated record
 * has a valid 填表日期, else by modification time alone.
 */
export type AgeMode = 'fillDate' | 'modified';

/** Why one record was judged newer than another. */
export type AgeBasis =
  | 'fillDate' // the 填表日期 differ (mode fillDate)
  | 'modified' // file modification times differ (or only one is known)
  | 'undated' // the older record has no date at all
  | 'order'; // same dates: the later one merged wins

/** A record that holds or held an enterprise's row. */
export type RowOrigin = { kind: 'file'; file: string; input: number } | { kind: 'existing'; index: number; enterpriseName: string };

export interface FileReport {
  file: string;
  /** Position in the `inputs` array. */
  input: number;
  status: MergeStatus;
  reason: MergeReason;
  /** The status and reason in words, in the chosen language. */
  message: string;
  enterpriseName?: string;
  creditCode?: string;
  composite: number | null;
  tier: TierId | null;
  /** 序号 of the file's row when merged. */
  seq?: number;
  /** The enterprise key the file was matched by (`code:…` or `name:…`). */
  key?: string;
  errors: MergeIssue[];
  warnings: MergeIssue[];
  failure?: string;
  /** Merged: the older rows this file's row replaced (existing rows and older files of the batch). */
  replaced: (RowOrigin & { basis: AgeBasis })[];
  /** Replaced: the newer record used instead, and why it is newer. */
  supersededBy?: RowOrigin & { basis: AgeBasis };
  /** What the bureau must check about this file (see MergeFlag); empty when nothing. */
  flags: MergeFlag[];
  /** 直接认定类别 the file gives (a Rubric.recognitions id other than none), as `sfa merge --json` reports it. */
  recognition?: string;
}

export interface ExistingRowReport {
  /** Position in `existingRows`. */
  index: number;
  /** The row as it was given. */
  row: SummaryRow;
  status: 'kept' | 'replaced';
  message: string;
  /** Kept: the row's new 序号. */
  seq?: number;
  /** Replaced: the newer record used instead. */
  replacedBy?: RowOrigin & { basis: AgeBasis };
  /** Only `credit-code-conflict` applies to an existing row. */
  flags: MergeFlag[];
}

export interface MergeReport {
  /** One entry per input, in input order. */
  files: FileReport[];
  /** One entry per existing row, in the order given. */
  existing: ExistingRowReport[];
  counts: {
    files: number;
    merged: number;
    replaced: number;
    skipped: number;
    existingKept: number;
    existingReplaced: number;
    rows: number;
    /** Files and existing rows with at least one flag. */
    flagged: number;
  };
}

export interface MergeResult {
  rows: SummaryRow[];
  report: MergeReport;
}

/**
 * A long list made a window at a time (an array is one): a province round's rows, 审核 rows and file reports are
 * made from the merge's plan as a writer takes them, never held whole (./plan.ts).
 */
export interface Windowed<T> {
  readonly length: number;
  slice(from: number, to: number): T[];
}

/** A report whose file entries are made as they are iterated (each pass makes them again); a MergeReport is one. */
export interface StreamedReport {
  files: Iterable<FileReport>;
  existing: ExistingRowReport[];
  counts: MergeReport['counts'];
}
