// 统计: the bureau's statistics of the merged table, one section per figure — a small table (category,
// enterprises, share) with a native chart of it beside it. Values only (the figures are computed by
// bureauStats, the same numbers `sfa merge --json` prints), so the sheet and the JSON cannot disagree.
import type { BureauStats, CountRow } from '../domain/bureau/stats';
import type { Lang } from '../domain/i18n/lang';
import type { Rubric } from '../domain/rubric/schema';
import { fmt2 } from '../domain/i18n/texts';
import { bureauLabels } from './merged-labels';
import { sectionBreaks } from './print-pages';
import { rowHeights } from './row-heights';
import { SheetBuilder } from './sheet-builder';
import type { CellValue, ChartSpec, SheetSpec } from './types';

export const STATS_SHEET = '统计';

/** Rows a chart shows at most (the table lists every category). */
const CHART_ROWS = 15;
/** Rows a chart is tall. */
const CHART_HEIGHT = 16;

interface Section {
  title: string;
  head: string[];
  rows: CountRow[];
  /** Share of this base (enterprises or enterprises with facts); none for scenarios (one enterprise claims many). */
  base?: number;
  chart: ChartSpec['type'];
  /** Extra columns per row (scenario counts by tier). */
  extra?: (row: CountRow) => CellValue[];
}

export function buildStatsSheet(rubric: Rubric, stats: BureauStats, lang: Lang): { sheet: SheetSpec; charts: ChartSpec[] } {
  const B = bureauLabels(lang);
  const tierLabels = rubric.tiers.map((t) => t.label[lang]);
  const s = new SheetBuilder('stats', STATS_SHEET).tab('2E75B6');
  s.set('A1', B.statsTitle, 'title').merge('A1:M1');
  s.set('A2', B.statsBasis(stats.enterprises, stats.withFacts), 'note').merge('A2:M2');
  const c = stats.composite;
  if (c.scored > 0) s.set('A3', B.compositeSummary(c.scored, fmt2(c.mean!), fmt2(c.min!), fmt2(c.max!)), 'note').merge('A3:M3');

  const byTierScenario = (r: CountRow) => {
    const sc = stats.scenarios.find((x) => x.key === r.key);
    return sc ? rubric.tiers.map((t) => sc.byTier[t.id]) : [];
  };
  const sections: Section[] = [
    { title: B.byTier, head: [B.tierHead, B.enterprises, B.share], rows: stats.byTier, base: stats.enterprises, chart: 'column' },
    { title: B.compositeBins, head: [B.compositeHead, B.enterprises, B.share], rows: stats.composite.bins, base: stats.enterprises, chart: 'column' },
    { title: B.byCluster, head: [B.clusterHead, B.enterprises, B.share], rows: stats.byCluster, base: stats.enterprises, chart: 'bar' },
    { title: B.byIndustryChain, head: [B.chainHead, B.enterprises, B.share], rows: stats.byIndustryChain, base: stats.enterprises, chart: 'bar' },
    { title: B.byIndustry, head: [B.industryHead, B.enterprises, B.share], rows: stats.byIndustry, base: stats.enterprises, chart: 'bar' },
    { title: B.bySize, head: [B.sizeHead, B.enterprises, B.share], rows: stats.bySize, base: stats.withFacts, chart: 'pie' },
    ...(stats.byDistrict.length
      ? [{ title: B.byDistrict, head: [B.districtHead, B.enterprises, B.share], rows: stats.byDistrict, base: stats.withFacts, chart: 'bar' as const }]
      : []),
    ...(stats.byRecognition.length
      ? [
          {
            title: B.byRecognition,
            head: [B.recognitionHead, B.enterprises, B.share],
            rows: stats.byRecognition,
            base: stats.enterprises,
            chart: 'bar' as const,
          },
        ]
      : []),
    { title: B.mostClaimed, head: [B.scenarioHead, B.claimedBy, ...tierLabels], rows: stats.mostClaimed, chart: 'bar', extra: byTierScenario },
    { title: B.leastClaimed, head: [B.scenarioHead, B.claimedBy, ...tierLabels], rows: stats.leastClaimed, chart: 'bar', extra: byTierScenario },
    { title: B.segments, head: [B.segmentHead, B.enterprises, B.share], rows: stats.segments, base: stats.withFacts, chart: 'bar' },
  ];

  const charts: ChartSpec[] = [];
  const placed: { first: number; last: number }[] = [];
  let row = 5;
  for (const sec of sections) {
    s.set(`A${row}`, sec.title, 'subtitle').merge(`A${row}:M${row}`);
    const head = row + 1;
    s.row(`A${head}`, sec.head, 'header');
    const first = head + 1;
    if (sec.rows.length) {
      s.column(
        `A${first}`,
        sec.rows.map((r) => r.label),
        'wrap',
        { numFmt: '@' },
      );
      s.column(
        `B${first}`,
        sec.rows.map((r) => r.count),
        'text',
        { numFmt: '0' },
      );
      if (sec.base !== undefined)
        s.column(
          `C${first}`,
          sec.rows.map((r) => (sec.base ? r.count / sec.base : 0)),
          'text',
          { numFmt: '0.0%' },
        );
      if (sec.extra) s.block(`C${first}`, sec.rows.map(sec.extra), 'text', { numFmt: '0' });
      const shown = Math.min(sec.rows.length, CHART_ROWS);
      charts.push({
        sheet: STATS_SHEET,
        type: sec.chart,
        source: `A${first}:B${first + shown - 1}`,
        title: sec.title,
        from: `H${head}`,
        to: `M${head + CHART_HEIGHT - 1}`,
      });
    }
    const next = head + Math.max(sec.rows.length + 1, CHART_HEIGHT) + 1;
    placed.push({ first: row, last: next - 1 });
    row = next;
  }
  const last = row - 1;
  // ≈ 130 units: portrait A4 prints them at 72 % (8 pt body text).
  s.widths(28, 10, 9, 9, 9, 9, 2, 9, 9, 9, 9, 9, 9).freeze(0);
  s.print(`A1:M${last}`, 'portrait');
  const sheet = s.build();
  // A section whose table and chart would not fit below the previous ones starts a new page.
  sheet.print.breaks = sectionBreaks(sheet, rowHeights(sheet), placed);
  sheet.protect = false;
  return { sheet, charts };
}
