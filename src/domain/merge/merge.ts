// mergeSummary: the bureau merge of RULES §5 as a pure function. Inputs are parsed files and the rows of an
// existing 推荐汇总表; the output is the new table in priority order and a report on every file and row.
// Nothing here reads files or knows the workbook layout (callers pass `locate` to map paths to cells).
import { TIER_IDS, type Rubric, type TierId } from '../rubric/schema';
import { tierRank } from '../scoring/evaluate';
import { score } from '../scoring/score';
import type { Report } from '../scoring/types';
import { checkCreditCode, isIsoDate } from '../profile/checks';
import { recognitionOf } from '../profile/recognition';
import { fmt2, textsFor, CLAUSE_SEPARATOR } from '../i18n/texts';
import { describePath, textMessages } from '../i18n/messages';
import { cleanText, EXCEL_CELL_MAX_CHARS, sanitiseText } from '../text/sanitise';
import { PROFILE_TEXT_KEYS, type Assessment, type Profile } from '../assessment/types';
import type { Lang } from '../i18n/lang';
import { mergeMessages as M, tierRemark } from './messages';
import { factsOf } from '../bureau/facts';
import { textPool, type TextPool } from '../text/pool';
import { applicationStatus } from '../bureau/application-status';
import type { AgeBasis, AgeMode, CachedResults, FileDigest, MergeFlag, MergeInput, MergeIssue, MergeOptions, SortKeys } from './types';

// ─── keys ────────────────────────────────────────────────────────────────────────────────────────────────

/** 统一社会信用代码 as a key: NFKC (full-width → ASCII), trimmed, upper-case; undefined when blank. */
export function normaliseCreditCode(code: string | undefined): string | undefined {
  if (code === undefined) return undefined;
  const c = code.normalize('NFKC').trim().toUpperCase();
  return c === '' ? undefined : c;
}

/**
 * The credit code a record is keyed by: only a well-formed one (18 characters of the GB 32100 alphabet; a
 * wrong check digit still counts, RULES §4). 「无」, 「/」 or a typo would otherwise make different
 * enterprises one row; such records are keyed by 企业名称 + 工厂名称 instead.
 */
export function keyCreditCode(code: string | undefined): string | undefined {
  const c = normaliseCreditCode(code);
  return c !== undefined && checkCreditCode(c) !== 'format' ? c : undefined;
}

/** 企业名称 + 工厂名称 as a key: NFKC (so （） and () match), all white space removed; undefined without a name. */
export function normaliseNameKey(enterpriseName: string | undefined, factoryName: string | undefined): string | undefined {
  // Sanitised first: a name read back from a written summary (U+FFFF shown as �) still matches the file's.
  const norm = (s: string | undefined) =>
    cleanText(s ?? '')
      .normalize('NFKC')
      .replace(/\s+/gu, '');
  const name = norm(enterpriseName);
  if (name === '') return undefined;
  return `${name}\u0001${norm(factoryName)}`;
}

/**
 * The key of one record before linking: `code:<credit code>`, else `name:<企业名称␁工厂名称>`, else undefined.
 * `mergeSummary` also links a record without a credit code to the one credit code that the batch and the
 * table use with the same 企业名称 + 工厂名称 (see `FileReport.key` for the key actually used).
 */
export function enterpriseKey(r: { creditCode?: string; enterpriseName?: string; factoryName?: string }): string | undefined {
  const code = keyCreditCode(r.creditCode);
  if (code !== undefined) return `code:${code}`;
  const name = normaliseNameKey(r.enterpriseName, r.factoryName);
  return name === undefined ? undefined : `name:${name}`;
}

// ─── order ───────────────────────────────────────────────────────────────────────────────────────────────

// Made on first use: building a collator loads ICU's collation data (~30 ms), which a CLI that does not merge
// should not pay at start.
let collator: Intl.Collator | undefined;
const byPinyin = (a: string, b: string) => (collator ??= new Intl.Collator('zh-CN')).compare(a, b);
export const validTier = (t: unknown): t is TierId => typeof t === 'string' && (TIER_IDS as readonly string[]).includes(t);
const rankOf = (t: TierId | null | undefined) => (validTier(t) ? tierRank(t) : 0);
export const finite = (n: number | null | undefined): number | null => (typeof n === 'number' && Number.isFinite(n) ? n : null);
const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The order of the table ("按推荐项目优先顺序"): reference tier highest first (none/unknown last), then the
 * composite highest first (none/unknown last), then 企业名称 in Chinese (pinyin) collation; then 工厂名称,
 * credit code and source file so that the order is total.
 */
export function compareSummaryRows(a: SortKeys, b: SortKeys): number {
  const ca = finite(a.composite);
  const cb = finite(b.composite);
  return (
    rankOf(b.tier) - rankOf(a.tier) ||
    (ca === cb ? 0 : ca === null ? 1 : cb === null ? -1 : cb - ca) ||
    byPinyin(a.enterpriseName, b.enterpriseName) ||
    byCodePoint(a.enterpriseName, b.enterpriseName) ||
    byPinyin(a.factoryName, b.factoryName) ||
    byCodePoint(a.factoryName, b.factoryName) ||
    byCodePoint(a.creditCode ?? '', b.creditCode ?? '') ||
    byCodePoint(a.source ?? '', b.source ?? '')
  );
}

// ─── age ─────────────────────────────────────────────────────────────────────────────────────────────────

/** What a record's age is judged by. */
export interface Stamp {
  fillDate?: string;
  modified?: number;
}

const validDate = (d: string | undefined): string | undefined => {
  const s = d?.trim();
  return s !== undefined && isIsoDate(s) ? s : undefined;
};

const dated = (s: Stamp) => s.fillDate !== undefined || s.modified !== undefined;

/**
 * How one enterprise's records are aged: by 填表日期 when every dated record of the enterprise has one
 * (two workbooks: "when both have one"), else by file modification time. Deciding per enterprise rather than
 * per pair keeps "newer" transitive when some workbooks have a 填表日期 and others do not.
 */
export function ageMode(stamps: readonly Stamp[]): AgeMode {
  return stamps.every((s) => !dated(s) || validDate(s.fillDate) !== undefined) ? 'fillDate' : 'modified';
}

/**
 * How `a` compares in age with `b` (> 0: a is newer) under one mode. A record with no date at all is older
 * than any dated one; then the later 填表日期 (mode `fillDate`); then the later modification time (an unknown
 * time is older than a known one); else equal (`order`: the one merged later wins).
 */
export function compareAge(a: Stamp, b: Stamp, mode: AgeMode): { cmp: number; basis: AgeBasis } {
  const da = dated(a);
  const db = dated(b);
  if (da !== db) return { cmp: da ? 1 : -1, basis: 'undated' };
  if (!da) return { cmp: 0, basis: 'order' };
  if (mode === 'fillDate') {
    const fa = validDate(a.fillDate);
    const fb = validDate(b.fillDate);
    if (fa !== fb) return { cmp: fa === undefined ? -1 : fb === undefined ? 1 : fa > fb ? 1 : -1, basis: 'fillDate' };
  }
  const ma = finite(a.modified);
  const mb = finite(b.modified);
  if (ma !== mb) return { cmp: ma === null ? -1 : mb === null ? 1 : ma - mb, basis: 'modified' };
  return { cmp: 0, basis: 'order' };
}

// ─── 备注 ────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * 备注 for a scored report: tier and composite at 先进级 or above, else the first reason 先进级 is missed. A
 * directly recognised enterprise (the notice's item 二（二）4) has its class instead (「直接认定：…」), one that
 * goes straight to expert review has it in front of the usual 备注.
 */
export function summaryRemark(rubric: Rubric, report: Report, lang: Lang = 'zh', recognition?: string): string {
  const t = textsFor(rubric, lang);
  const r = recognitionOf(rubric, recognition);
  if (r?.effect === 'recognised' && r.remark) return r.remark[lang];
  const scored =
    report.tier !== null && tierRank(report.tier) >= tierRank('advanced') && report.composite !== null
      ? tierRemark(t, report.tier, report.composite)
      : (report.tiers.advanced.unmet[0] ?? M.fallbackReason(t));
  return r?.effect === 'expertReview' && r.remark ? `${r.remark[lang]}${CLAUSE_SEPARATOR[lang]}${scored}` : scored;
}

/** Directly recognised rows first (in the rubric's order of classes), then `byScore`. */
export function recognisedFirst(rubric: Rubric | undefined, byScore: (a: SortKeys, b: SortKeys) => number): (a: SortKeys, b: SortKeys) => number {
  const classes = rubric?.recognitions ?? [];
  const rank = (r: SortKeys) => {
    const i = classes.findIndex((x) => x.id === r.recognition && x.effect === 'recognised');
    return i < 0 ? classes.length : i;
  };
  return (a, b) => rank(a) - rank(b) || byScore(a, b);
}

/**
 * Tier and composite back from a 备注 written by `summaryRemark` at 先进级 or above (in either language), for
 * rows read from a table that kept no hidden keys. Undefined for any other text (a reason says the tier is
 * below 先进级 but not which).
 */
export function parseRemark(rubric: Rubric, remark: string): { tier: TierId; composite: number } | undefined {
  const s = remark.trim();
  for (const tier of TIER_IDS) {
    for (const lang of ['zh', 'en'] as const) {
      const label = rubric.tiers.find((x) => x.id === tier)?.label[lang];
      if (label === undefined) continue;
      const prefix = lang === 'zh' ? `${label}，综合得分` : `${label}, composite`;
      if (!s.startsWith(prefix)) continue;
      const num = s.slice(prefix.length).trim();
      if (/^\d+(\.\d+)?$/.test(num)) return { tier, composite: Number(num) };
    }
  }
  return undefined;
}

// ─── flags ───────────────────────────────────────────────────────────────────────────────────────────────

/**
 * A 填表日期 that may age a record: a real date, not after today and not before the rubric's notice. Other
 * dates are flagged (future-date, implausible-date) and the record is aged by its file time instead, so a
 * file dated 2099-12-31 cannot win by its date.
 */
export function dateCheck(
  fillDate: string | undefined,
  from: string | undefined,
  today: string | undefined,
  lang: Lang,
): { trusted?: string; flag?: MergeFlag } {
  const d = validDate(fillDate);
  if (d === undefined) return {};
  if (today !== undefined && isIsoDate(today) && d > today) return { flag: { kind: 'future-date', message: M.futureDate(lang, d, today), fillDate: d, today } };
  if (from !== undefined && d < from) return { flag: { kind: 'implausible-date', message: M.implausibleDate(lang, d, from), fillDate: d, earliest: from } };
  return { trusted: d };
}

/** The tier a cached SFA_TIER text names (its id, or its label in either language; the none label is null). */
function cachedTier(rubric: Rubric, text: string): TierId | null | undefined {
  const s = text.trim();
  if (s === '' || s === rubric.tierLabelNone.zh || s === rubric.tierLabelNone.en) return null;
  const t = rubric.tiers.find((x) => x.id === s || x.label.zh === s || x.label.en === s);
  return t ? t.id : undefined;
}

/**
 * The file's saved results against the recomputed ones. The composite is compared at the two decimals it is
 * shown with; the tier exactly; the error count only as none / some (the workbook and the scorer count the
 * same problems, but a cell the reader refused counts once here and may not count there).
 */
function cachedFlags(rubric: Rubric, cached: CachedResults | undefined, report: Report, lang: Lang): MergeFlag[] {
  if (cached === undefined) return [];
  const t = textsFor(rubric, lang);
  const flags: MergeFlag[] = [];
  const flag = (field: 'composite' | 'tier' | 'errors', c: number | string, r: number | string | null, shown: [string, string]) =>
    flags.push({ kind: 'cached-mismatch', field, cached: c, recomputed: r, message: M.cachedMismatch(lang, field, shown[0], shown[1]) });
  if (typeof cached.composite === 'number' && Number.isFinite(cached.composite)) {
    const r = report.composite;
    if (r === null || Math.abs(Math.round(cached.composite * 100) - Math.round(r * 100)) >= 1)
      flag('composite', cached.composite, r, [fmt2(cached.composite), r === null ? '—' : fmt2(r)]);
  }
  if (typeof cached.tier === 'string') {
    const c = cachedTier(rubric, cached.tier);
    if (c !== report.tier) flag('tier', cached.tier, report.tier, [cached.tier, t.tier(report.tier ?? 'none')]);
  }
  if (typeof cached.errors === 'number' && Number.isFinite(cached.errors)) {
    const r = report.errors.length;
    if ((cached.errors === 0) !== (r === 0)) flag('errors', cached.errors, r, [String(cached.errors), String(r)]);
  }
  return flags;
}

/**
 * Warnings for profile texts the renderers will change when writing them (forbidden characters replaced,
 * text cut to a cell's limit), each naming the field; the row keeps the text as the file had it.
 */
function textWarnings(rubric: Rubric, a: Assessment, lang: Lang): { path: string; code: 'text'; message: string }[] {
  const t = textsFor(rubric, lang);
  const out: { path: string; code: 'text'; message: string }[] = [];
  for (const key of PROFILE_TEXT_KEYS) {
    const v = a.profile?.[key];
    if (typeof v !== 'string') continue;
    const s = sanitiseText(v);
    const path = `profile.${key}`;
    if (s.replaced > 0) out.push({ path, code: 'text', message: textMessages.forbiddenChars(t, describePath(path, t), s.replaced) });
    if (s.truncated > 0) out.push({ path, code: 'text', message: textMessages.truncated(t, describePath(path, t), EXCEL_CELL_MAX_CHARS, s.truncated) });
  }
  return out;
}

/** 企业名称 as 审核's same-name check compares it (NFKC, white space removed). */
export const nameOnly = (s: string) => s.normalize('NFKC').replace(/\s+/gu, '');

/**
 * The 企业名称 of the table that go by more than one credit code, with their codes (the merge flags one code under
 * different names). A name with one code is held only while the rows are gone through (a province round's 20,000).
 */
export function codesByName(rows: Iterable<Pick<SortKeys, 'enterpriseName' | 'creditCode'>>): Map<string, Set<string>> {
  const seen = new Map<string, string | Set<string>>();
  for (const r of rows) {
    const code = normaliseCreditCode(r.creditCode);
    if (code === undefined) continue;
    const n = nameOnly(r.enterpriseName);
    const had = seen.get(n);
    if (had === undefined) seen.set(n, code);
    else if (typeof had === 'string') {
      if (had !== code) seen.set(n, new Set([had, code]));
    } else had.add(code);
  }
  const out = new Map<string, Set<string>>();
  for (const [n, codes] of seen) if (typeof codes !== 'string') out.set(n, codes);
  return out;
}

/** 企业名称 as records of one credit code are compared: NFKC, white space removed. */
export const nameOf = (name: string) => cleanText(name).normalize('NFKC').replace(/\s+/gu, '');

// ─── one file ────────────────────────────────────────────────────────────────────────────────────────────

/** Gives an issue its cell through `options.locate` when it has none. */
export const locatedIn =
  (input: MergeInput, options: MergeOptions) =>
  <T extends { path: string; sheet?: string; cell?: string }>(issue: T): T => {
    if (issue.cell !== undefined) return { ...issue };
    const where = options.locate?.(issue.path, input);
    return where ? { ...issue, sheet: where.sheet, cell: where.cell } : { ...issue };
  };

export const readIssues = (input: MergeInput, options: MergeOptions): MergeIssue[] =>
  (input.readProblems ?? []).map((p): MergeIssue => locatedIn(input, options)({ ...p, code: 'read' as const }));

/**
 * The one empty list that every digest and report without problems, flags or replacements holds: 20,000 files
 * held four empty arrays each (~2.5 MB). Frozen: nothing changes these lists once made, and a change would throw.
 */
export const NONE: never[] = Object.freeze([]) as unknown as never[];
export const orNone = <T>(list: T[]): T[] => (list.length === 0 ? NONE : list);

/**
 * What the merge needs of one file, scored once: undefined when the file could not be read. Made with the
 * options the merge will use (`lang`, `locate`); the caller may then drop the assessment (`MergeInput.digest`).
 */
export function digestInput(input: MergeInput, options: MergeOptions = {}): FileDigest | undefined {
  if (input.failure !== undefined || input.assessment === undefined) return undefined;
  const lang: Lang = options.lang ?? 'zh';
  const pool = poolOf(options);
  const located = locatedIn(input, options);
  const shared = <T extends MergeIssue>(i: T) => pooledIssue(located(i), pool);
  const a = input.assessment;
  const report = score(input.rubric, a, { lang });
  const application = applicationStatus(input.rubric, a, lang, options.today);
  const profile: Profile = Object.assign({}, a.profile);
  for (const k of SHARED_PROFILE_KEYS) {
    const v = profile[k];
    if (typeof v === 'string') profile[k] = pool(v);
  }
  const facts = factsOf(input.rubric, a);
  if (facts.district !== undefined) facts.district = pool(facts.district);
  return {
    profile,
    composite: report.composite,
    tier: report.tier,
    remark: pool(summaryRemark(input.rubric, report, lang, a.profile?.recognition)),
    errors: orNone([
      ...readIssues(input, options).map((i) => pooledIssue(i, pool)),
      ...report.errors.map((e) => shared({ path: e.path, code: e.code, message: e.message })),
    ]),
    warnings: orNone([
      ...report.warnings.map((w) => shared({ path: w.path, code: w.code, message: w.message })),
      ...textWarnings(input.rubric, a, lang).map((w) => shared(w)),
    ]),
    cachedFlags: orNone(cachedFlags(input.rubric, input.cached, report, lang)),
    facts,
    ...(application ? { application } : {}),
  };
}

/** Profile fields most enterprises of a round share a value of (dropdowns, dates): held once per value. */
const SHARED_PROFILE_KEYS = ['cluster', 'industryChain', 'industry', 'contactTitle', 'fillDate', 'recognition'] as const;

/** One pool of texts per merge (its options): every digest made with them, and the merge's own messages, share it. */
const pools = new WeakMap<MergeOptions, TextPool>();
export function poolOf(options: MergeOptions): TextPool {
  let pool = pools.get(options);
  if (pool === undefined) pools.set(options, (pool = textPool()));
  return pool;
}

/** The issue (a copy of its own) with its texts from the pool. */
function pooledIssue<T extends MergeIssue>(i: T, pool: TextPool): T {
  i.path = pool(i.path);
  i.message = pool(i.message);
  if (i.sheet !== undefined) i.sheet = pool(i.sheet);
  if (i.cell !== undefined) i.cell = pool(i.cell);
  return i;
}

/** The input as the merge keeps it once read: its digest, not its assessment. */
export function digested(input: MergeInput, options: MergeOptions = {}): MergeInput {
  const digest = input.digest ?? digestInput(input, options);
  // Copied by assignment in the input's key order (./copy.ts): an object rest and spread here gave every digested
  // input of a round a hidden class and a property array of its own (~390 bytes a file, a heap snapshot of 1,000).
  // The read problems are in the digest's errors by now.
  const kept = {} as Record<string, unknown>;
  for (const k of Object.keys(input) as (keyof MergeInput)[]) if (k !== 'assessment' && k !== 'digest' && !(digest && k === 'readProblems')) kept[k] = input[k];
  if (digest) kept.digest = digest;
  return kept as unknown as MergeInput;
}
