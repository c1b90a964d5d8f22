// The bureau's statistics of a merged table (统计): enterprises by reference tier, 所属集群, 所属产业链,
// 所属行业, 企业类型 and district; the composite distribution over the tier thresholds; the scenarios most
// and least claimed; 建设环节 coverage. One pure function, so the 统计 sheet, `sfa merge --json` and
// `--stats` print the same numbers.
import type { Lang } from '../i18n/lang';
import { fmtNum } from '../i18n/texts';
import { TIER_IDS, type Rubric, type TierId } from '../rubric/schema';
import type { SummaryRow } from '../merge/types';
import { claimedTierAt, type EnterpriseFacts } from './facts';

/** What the statistics count of a row of the table. */
export type StatsRow = Pick<SummaryRow, 'tier' | 'composite' | 'recognition' | 'cluster' | 'industryChain' | 'industry' | 'facts'>;

export interface CountRow {
  /** A stable key (tier id, size id, scenario id…, '' for blank). */
  key: string;
  label: string;
  count: number;
}

export interface ScenarioCount extends CountRow {
  /** Enterprises claiming the scenario at each tier. */
  byTier: Record<TierId, number>;
}

export interface BureauStats {
  /** Rows of the table. */
  enterprises: number;
  /** Rows whose facts (企业类型, district, scenarios) are known: the base of the fact-based figures. */
  withFacts: number;
  byTier: CountRow[];
  byCluster: CountRow[];
  byIndustryChain: CountRow[];
  byIndustry: CountRow[];
  bySize: CountRow[];
  /** Empty when no address names a district. */
  byDistrict: CountRow[];
  /**
   * 直接认定 (the notice's item 二（二）4): each class of the rubric other than none, then the others (key '');
   * empty when no row has a class.
   */
  byRecognition: CountRow[];
  /** Bins bounded by the tier thresholds (strictly above each), then rows without a composite. */
  composite: { bins: CountRow[]; scored: number; mean: number | null; min: number | null; max: number | null };
  /** Every scenario, most claimed first (ties by scenario number). */
  scenarios: ScenarioCount[];
  mostClaimed: ScenarioCount[];
  leastClaimed: ScenarioCount[];
  /** Enterprises claiming at least one scenario of each 建设环节. */
  segments: CountRow[];
}

const collator = new Intl.Collator('zh-CN');
const TOP = 10;

function countBy(values: string[], blank: string): CountRow[] {
  const m = new Map<string, number>();
  for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
  return [...m.entries()]
    .map(([key, count]) => ({ key, label: key === '' ? blank : key, count }))
    .sort((a, b) => b.count - a.count || (a.key === '' ? 1 : b.key === '' ? -1 : collator.compare(a.key, b.key)));
}

const trimmed = (s: string) => s.normalize('NFKC').trim();

/**
 * The statistics of `rows`; `factsOf(row)` gives what is known of a row's enterprise beyond the printed
 * columns (undefined: unknown, the row does not count in 企业类型, district, scenarios and 环节).
 */
export function bureauStats<R extends StatsRow>(
  rubric: Rubric,
  rows: readonly R[],
  factsOf: (row: R) => EnterpriseFacts | undefined,
  lang: Lang = 'zh',
): BureauStats {
  const blank = lang === 'zh' ? '（未填写）' : '(blank)';
  const tierLabel = (t: TierId | null | undefined) => (t ? rubric.tiers.find((x) => x.id === t)!.label[lang] : rubric.tierLabelNone[lang]);

  const byTier: CountRow[] = [...[...TIER_IDS].reverse(), null].map((t) => ({
    key: t ?? 'none',
    label: tierLabel(t),
    count: rows.filter((r) => (r.tier ?? null) === t).length,
  }));

  const facts = rows.map(factsOf).filter((f): f is EnterpriseFacts => f !== undefined);
  // 企业类型 in the rubric's order (大型 first), every class listed; then those that cannot be told.
  const sizes = [...rubric.sizeClasses, rubric.smallestSize];
  const unsized = facts.filter((f) => f.size === undefined).length;
  const bySize: CountRow[] = [
    ...sizes.map((c) => ({ key: c.id, label: c.label[lang], count: facts.filter((f) => f.size === c.id).length })),
    ...(unsized ? [{ key: '', label: lang === 'zh' ? '（无法判定）' : '(not known)', count: unsized }] : []),
  ];
  const classes = (rubric.recognitions ?? []).filter((x) => x.effect !== 'none');
  const classed = rows.filter((r) => classes.some((x) => x.id === r.recognition)).length;
  const byRecognition: CountRow[] = classed
    ? [
        ...classes.map((x) => ({ key: x.id, label: x.label[lang], count: rows.filter((r) => r.recognition === x.id).length })),
        { key: '', label: lang === 'zh' ? '其余（按自评结果推荐）' : 'Others (on the self-assessment)', count: rows.length - classed },
      ]
    : [];
  const districts = facts.map((f) => f.district ?? '');
  const byDistrict = districts.some((d) => d !== '') ? countBy(districts, lang === 'zh' ? '（地址未写明）' : '(not in the address)') : [];

  // Composite bins: 「X 及以下」, 「高于 X 至 Y」…, 「高于 Z」 over the tier thresholds; then 无综合得分.
  const thresholds = [...new Set(rubric.tiers.map((t) => t.compositeAbove))].sort((a, b) => a - b);
  const scores = rows.map((r) => r.composite).filter((c): c is number => typeof c === 'number' && Number.isFinite(c));
  const n = (x: number) => fmtNum(x);
  const bins: CountRow[] = [];
  thresholds.forEach((t, i) => {
    const lo = thresholds[i - 1];
    const label =
      lo === undefined ? (lang === 'zh' ? `${n(t)} 及以下` : `${n(t)} or less`) : lang === 'zh' ? `高于 ${n(lo)} 至 ${n(t)}` : `above ${n(lo)} to ${n(t)}`;
    bins.push({ key: lo === undefined ? `..${t}` : `${lo}..${t}`, label, count: scores.filter((s) => (lo === undefined || s > lo) && s <= t).length });
  });
  const top = thresholds[thresholds.length - 1];
  if (top !== undefined)
    bins.push({ key: `${top}..`, label: lang === 'zh' ? `高于 ${n(top)}` : `above ${n(top)}`, count: scores.filter((s) => s > top).length });
  bins.push({ key: 'none', label: lang === 'zh' ? '无综合得分' : 'no composite', count: rows.length - scores.length });

  // One pass over the enterprises (not one per scenario and tier: 200 passes over a province round).
  // Counted by the rubric's scenario index, the claims' own order (EnterpriseFacts.claims).
  const claims = rubric.scenarios.map(() => ({ count: 0, byTier: Object.fromEntries(TIER_IDS.map((t) => [t, 0])) as Record<TierId, number> }));
  for (const f of facts)
    claims.forEach((c, i) => {
      const t = claimedTierAt(f, i);
      if (t === undefined) return;
      c.count++;
      c.byTier[t]++;
    });
  const scenarios: ScenarioCount[] = rubric.scenarios
    .map((s, i) => ({ key: s.id, label: `${s.id} ${s.name[lang]}`, ...claims[i]! }))
    .sort((a, b) => b.count - a.count || Number(a.key) - Number(b.key));
  const least = [...scenarios].sort((a, b) => a.count - b.count || Number(a.key) - Number(b.key));

  const segments: CountRow[] = rubric.segments.map((seg) => {
    const at = rubric.scenarios.flatMap((s, i) => (s.segment === seg.id ? [i] : []));
    const claimsAny = (f: EnterpriseFacts) => at.some((i) => claimedTierAt(f, i) !== undefined);
    return { key: seg.id, label: seg.label[lang], count: facts.filter(claimsAny).length };
  });

  return {
    enterprises: rows.length,
    withFacts: facts.length,
    byTier,
    byCluster: countBy(
      rows.map((r) => trimmed(r.cluster)),
      blank,
    ),
    byIndustryChain: countBy(
      rows.map((r) => trimmed(r.industryChain)),
      blank,
    ),
    byIndustry: countBy(
      rows.map((r) => trimmed(r.industry)),
      blank,
    ),
    bySize,
    byDistrict,
    byRecognition,
    composite: {
      bins,
      scored: scores.length,
      mean: scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : null,
      min: scores.length ? Math.min(...scores) : null,
      max: scores.length ? Math.max(...scores) : null,
    },
    scenarios,
    mostClaimed: scenarios.slice(0, TOP),
    leastClaimed: least.slice(0, TOP),
    segments,
  };
}
