// `sfa merge --stats`: the figures of the 统计 sheet as plain text (the same BureauStats, so the same numbers).
import type { BureauStats, CountRow, Lang } from '../domain';
import { fmt2 } from '../domain/i18n/texts';
import { bureauLabels } from '../workbook/merged-labels';
import { displayWidth } from '../domain/text/display-width';

const pct = (n: number, base: number) => (base > 0 ? `${fmt2((n / base) * 100)}%` : '—');

export function formatStats(stats: BureauStats, lang: Lang): string {
  const B = bureauLabels(lang);
  const lines: string[] = [`${B.statsTitle}`, B.statsBasis(stats.enterprises, stats.withFacts)];
  const c = stats.composite;
  if (c.scored > 0) lines.push(B.compositeSummary(c.scored, fmt2(c.mean!), fmt2(c.min!), fmt2(c.max!)));
  const width = (rows: CountRow[]) => Math.max(...rows.map((r) => displayWidth(r.label)), 4);
  const section = (title: string, rows: CountRow[], base?: number) => {
    if (rows.length === 0) return;
    lines.push('', title);
    const w = width(rows);
    for (const r of rows)
      lines.push(
        `  ${r.label}${' '.repeat(w - displayWidth(r.label))}  ${String(r.count).padStart(4)}${base !== undefined ? `  ${pct(r.count, base).padStart(7)}` : ''}`,
      );
  };
  section(B.byTier, stats.byTier, stats.enterprises);
  section(B.compositeBins, c.bins, stats.enterprises);
  section(B.byCluster, stats.byCluster, stats.enterprises);
  section(B.byIndustryChain, stats.byIndustryChain, stats.enterprises);
  section(B.byIndustry, stats.byIndustry, stats.enterprises);
  section(B.bySize, stats.bySize, stats.withFacts);
  section(B.byDistrict, stats.byDistrict, stats.withFacts);
  section(B.byRecognition, stats.byRecognition, stats.enterprises);
  section(B.mostClaimed, stats.mostClaimed);
  section(B.leastClaimed, stats.leastClaimed);
  section(B.segments, stats.segments, stats.withFacts);
  return lines.join('\n') + '\n';
}
