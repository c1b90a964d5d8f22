// 审核: what a reviewer at the bureau checks for each enterprise of the merged table — the tier and composite
// recomputed by the engine beside what the file's own formulas claimed (and a flag when they differ), the
// credit code's check digit, the same credit code under different names and the same name under different
// codes, missing required profile fields, the merge's date flags, and which file was reviewed (name, date,
// SHA-256). Rows kept from an earlier summary keep what their earlier review said (their file is not here);
// the reviewer's own 审核意见 and 是否推荐 stay with the enterprise through every merge.
import { checkCreditCode, creditCodeCheckDigit } from '../profile/checks';
import { REQUIRED_PROFILE_KEYS } from '../scoring/evaluate';
import { profileFieldLabel } from '../i18n/messages';
import { textsFor, CLAUSE_SEPARATOR } from '../i18n/texts';
import type { Lang } from '../i18n/lang';
import type { Rubric } from '../rubric/schema';
import { codesByName, keyCreditCode, nameOnly, normaliseCreditCode, normaliseNameKey } from '../merge/merge';
import type { FileReport, MergeInput, MergeResult, SummaryRow } from '../merge/types';
import { reviewMessages as R } from './messages';
import { recognitionRemark } from '../profile/recognition';
import { applicationStatus } from './application-status';
import { copyWith } from '../merge/copy';
import { textPool } from '../text/pool';

/** The columns of 审核, in order. Reviewer columns (`opinion`, `recommend`) are the bureau's inputs. */
export const REVIEW_COLUMNS = [
  'seq',
  'enterpriseName',
  'creditCode',
  'attention',
  'tier',
  'composite',
  'recognition',
  'cachedTier',
  'cachedComposite',
  'resultCheck',
  'creditCheck',
  'duplicates',
  'missing',
  'problems',
  'application',
  'dateCheck',
  'file',
  'fileDate',
  'fillDate',
  'sha256',
  'opinion',
  'recommend',
] as const;
export type ReviewColumn = (typeof REVIEW_COLUMNS)[number];

/** 审核's columns in summaries written before 直接认定 and 申报书 were added, to read their reviewer columns back. */
export const REVIEW_COLUMNS_BEFORE_RECOGNITION: readonly ReviewColumn[] = REVIEW_COLUMNS.filter((c) => c !== 'recognition' && c !== 'application');

/** What the bureau typed in 审核, kept with the enterprise. */
export interface ReviewerInputs {
  opinion?: string;
  recommend?: string;
}

/** An earlier 审核 row as read back: its cells by column, for rows whose file is not in this merge. */
export type EarlierReview = Partial<Record<ReviewColumn, string | number | null>>;

export interface ReviewRow {
  /** The enterprise key 审核 is matched by on the next merge (credit code, else 企业名称 + 工厂名称). */
  key: string;
  seq: number;
  enterpriseName: string;
  creditCode: string;
  /** 「需核实」 when anything below needs the reviewer, else ''. */
  attention: string;
  /** Recomputed by the engine (the label), and the composite (exact; shown with two decimals). */
  tier: string;
  composite: number | null;
  /** 直接认定类别's 备注 (「直接认定：…」), 否 when the row has none. */
  recognition: string;
  /** How complete the 申报书 is (「已填 12/30 项；未完成：…」), or that the file has none. */
  application: string;
  /** What the file's own formulas claimed (a workbook's saved results), null when it saved none. */
  cachedTier: string | null;
  cachedComposite: number | null;
  /** 一致, the differences, or why there is nothing to compare. */
  resultCheck: string;
  /** The file's saved results differ from the recomputed ones. */
  tampered: boolean;
  creditCheck: string;
  duplicates: string;
  missing: string;
  /** Errors and warnings of the file (counts in words). */
  problems: string;
  dateCheck: string;
  file: string;
  fileDate: string;
  fillDate: string;
  sha256: string;
  opinion: string;
  recommend: string;
}

/** The key 审核 rows are matched by: the keyed credit code, else 企业名称 + 工厂名称. */
export function reviewKey(r: { creditCode?: string; enterpriseName: string; factoryName: string }): string {
  const code = keyCreditCode(r.creditCode);
  return code !== undefined ? `code:${code}` : `name:${normaliseNameKey(r.enterpriseName, r.factoryName) ?? ''}`;
}

const pad = (n: number) => String(n).padStart(2, '0');
/** A file time as local 'YYYY-MM-DD HH:MM'. */
export function fileTime(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms) || ms <= 0) return '';
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

function creditCheck(lang: Lang, code: string | undefined): string {
  const c = normaliseCreditCode(code);
  if (c === undefined) return R.creditMissing(lang);
  switch (checkCreditCode(c)) {
    case 'ok':
      return R.ok(lang);
    case 'format':
      return R.creditFormat(lang);
    case 'check-digit':
      return R.creditCheckDigit(lang, creditCodeCheckDigit(c.slice(0, 17)));
  }
}

/** What 审核 knows of a row's file: the input it was read from (with its digest) and the file's report. */
export interface ReviewedFile {
  input: MergeInput;
  report: FileReport;
}

/**
 * Makes 审核 rows one at a time, each without what only the whole table tells (reviewDuplicates, then
 * reviewAttention). One maker's texts are shared by the rows it makes (a window of a province round's table).
 */
export function reviewRowMaker(rubric: Rubric, lang: Lang = 'zh', today?: string): (r: SummaryRow, from?: ReviewedFile) => ReviewRow {
  const t = textsFor(rubric, lang);
  const same = textPool();
  /** The 申报书 as the pane's 申报书 tab counts it, from the digest made when the file was read, else now. */
  const applicationText = (input: MergeInput): string => {
    const x = input.digest ? input.digest.application : input.assessment && applicationStatus(input.rubric, input.assessment, lang, today);
    return same(x ? R.application(lang, x.filled, x.required, x.open, x.errors) : R.noApplication(lang));
  };
  const tierLabel = (r: SummaryRow) => (r.tier ? t.tier(r.tier) : rubric.tierLabelNone[lang]);

  return (r, from) => {
    const base = {
      key: reviewKey(r),
      seq: r.seq,
      enterpriseName: r.enterpriseName,
      creditCode: r.creditCode ?? '',
      tier: tierLabel(r),
      composite: r.composite ?? null,
      recognition: recognitionRemark(rubric, r.recognition, lang) ?? R.recognitionNone(lang),
      opinion: r.review?.opinion ?? '',
      recommend: r.review?.recommend ?? '',
      file: r.source ?? '',
      fileDate: same(fileTime(r.modified)),
      fillDate: r.fillDate ?? '',
      duplicates: '',
    };
    if (!from) {
      // Kept from the earlier summary: what its review said about its file, as it said it.
      const e = r.review?.earlier ?? {};
      const text = (k: ReviewColumn) => (e[k] === null || e[k] === undefined ? '' : String(e[k]));
      const num = (k: ReviewColumn) => (typeof e[k] === 'number' ? (e[k] as number) : null);
      return Object.assign(base, {
        attention: '',
        cachedTier: text('cachedTier') || null,
        cachedComposite: num('cachedComposite'),
        resultCheck: text('resultCheck') || R.keptNoFile(lang),
        tampered: false,
        creditCheck: creditCheck(lang, r.creditCode),
        missing: text('missing'),
        problems: text('problems'),
        application: text('application'),
        dateCheck: text('dateCheck'),
        sha256: text('sha256'),
        ...(text('file') ? { file: text('file') } : {}),
        ...(text('fileDate') ? { fileDate: text('fileDate') } : {}),
      });
    }
    const { input, report: f } = from;
    const mismatches = f.flags.filter((x) => x.kind === 'cached-mismatch');
    const cached = input.cached;
    const anyCached = cached !== undefined && (cached.composite !== null || cached.tier !== null || cached.errors !== null);
    const resultCheck =
      mismatches.length > 0
        ? R.mismatch(
            lang,
            mismatches.map((x) => x.message),
          )
        : cached === undefined && /\.json$/i.test(input.file)
          ? R.noCachedJson(lang)
          : !anyCached
            ? R.noCachedSaved(lang) // a workbook never saved by a spreadsheet (or read without them)
            : R.same(lang);
    const p = input.digest?.profile ?? input.assessment?.profile ?? {};
    const missing = REQUIRED_PROFILE_KEYS.filter((k) => {
      const v = p[k];
      return v === undefined || (typeof v === 'string' && v.trim() === '');
    }).map((k) => profileFieldLabel(k, t));
    const conflicts = f.flags.filter((x) => x.kind === 'credit-code-conflict').map((x) => x.message);
    const dates = f.flags.filter((x) => x.kind === 'future-date' || x.kind === 'implausible-date').map((x) => x.message);
    return Object.assign(base, {
      attention: '',
      cachedTier: cached?.tier ?? null,
      cachedComposite: cached?.composite ?? null,
      resultCheck: same(resultCheck),
      tampered: mismatches.length > 0,
      creditCheck: same(creditCheck(lang, p.creditCode)),
      duplicates: conflicts.join(CLAUSE_SEPARATOR[lang]),
      missing: same(missing.join(lang === 'zh' ? '、' : ', ')),
      problems: same(R.problems(lang, f.errors.length, f.warnings.length)),
      application: applicationText(input),
      dateCheck: dates.join(CLAUSE_SEPARATOR[lang]),
      sha256: input.sha256 ?? '',
    });
  };
}

/** What only the whole table tells of a row: the same 企业名称 under other credit codes, then 需核实. */
export function finishReview(r: ReviewRow, byName: Map<string, Set<string>>, lang: Lang = 'zh'): ReviewRow {
  const codes = byName.get(nameOnly(r.enterpriseName));
  if (codes && codes.size >= 2) {
    const others = [...codes].filter((c) => c !== normaliseCreditCode(r.creditCode));
    const text = R.sameNameOtherCodes(lang, others);
    r.duplicates = r.duplicates ? `${r.duplicates}${CLAUSE_SEPARATOR[lang]}${text}` : text;
  }
  const needs = r.tampered || r.creditCheck !== R.ok(lang) || r.duplicates !== '' || r.dateCheck !== '' || r.missing !== '' || /^[1-9]/.test(r.problems);
  r.attention = needs ? R.attention(lang) : '';
  return r;
}

/**
 * One row per enterprise of the merged table, in the table's order. A row's file is the merged file whose 序号
 * it has (`inputs` as the merge was given them); every other row was kept from the earlier summary.
 */
export function reviewRows(rubric: Rubric, result: MergeResult, inputs: readonly MergeInput[], lang: Lang = 'zh', today?: string): ReviewRow[] {
  const make = reviewRowMaker(rubric, lang, today);
  const bySeq = new Map<number, ReviewedFile>();
  for (const f of result.report.files) {
    const input = inputs[f.input];
    if (input && f.status === 'merged' && f.seq !== undefined) bySeq.set(f.seq, { input, report: f });
  }
  const byName = codesByName(result.rows);
  return result.rows.map((r) => finishReview(make(r, bySeq.get(r.seq)), byName, lang));
}

/** A row's cells in REVIEW_COLUMNS order (blank text as an empty cell). */
export function reviewCells(r: ReviewRow): (string | number | null)[] {
  return REVIEW_COLUMNS.map((k) => {
    const v = r[k];
    return typeof v === 'boolean' || v === '' ? null : (v ?? null);
  });
}

/** 是否推荐 values offered in the dropdown. */
export const RECOMMEND_CHOICES: Record<Lang, string[]> = { zh: ['是', '否', '待定'], en: ['Yes', 'No', 'Pending'] };

/** The reviewer's inputs and the earlier review of each enterprise, from the cells of an earlier 审核 table. */
export function earlierReviews(
  values: readonly (readonly unknown[])[],
  keys: readonly unknown[],
  columns: readonly ReviewColumn[] = REVIEW_COLUMNS,
): Map<string, { inputs: ReviewerInputs; earlier: EarlierReview }> {
  const out = new Map<string, { inputs: ReviewerInputs; earlier: EarlierReview }>();
  values.forEach((row, i) => {
    const key = keys[i];
    if (typeof key !== 'string' || key === '') return;
    const earlier: EarlierReview = {};
    columns.forEach((c, j) => {
      const v = row[j];
      if ((typeof v === 'string' && v !== '') || (typeof v === 'number' && Number.isFinite(v))) earlier[c] = v;
    });
    const text = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
    const opinion = text(earlier.opinion);
    const recommend = text(earlier.recommend);
    out.set(key, { inputs: { ...(opinion ? { opinion } : {}), ...(recommend ? { recommend } : {}) }, earlier });
  });
  return out;
}

/** Attaches to each existing row what its earlier 审核 row held (matched by reviewKey). */
export function withEarlierReviews(rows: readonly SummaryRow[], reviews: Map<string, { inputs: ReviewerInputs; earlier: EarlierReview }>): SummaryRow[] {
  return rows.map((r) => {
    const e = reviews.get(reviewKey(r));
    return e ? copyWith(r, { review: { ...e.inputs, earlier: e.earlier } }) : r;
  });
}
