// The readable form of a score report for a terminal.
import type { Gap, Lang, Report, Rubric, Assessment, Issue } from '../domain';
import { fmt2, textsFor } from '../domain/i18n/texts';
import { TIER_IDS } from '../domain/rubric/schema';
import { cliText } from '../domain/i18n/cli';

/**
 * `locate` names a problem's cell (工作表!单元格) for a workbook; without it (a JSON file) the field path is shown.
 * A cell that could not be read names its cell in its message already.
 */
export function formatReport(
  rubric: Rubric,
  a: Assessment,
  report: Report,
  gap: Gap | null,
  lang: Lang,
  locate?: (path: string) => string | undefined,
): string {
  const t = textsFor(rubric, lang);
  const m = cliText(lang);
  const sizeLabel = (id: string | null) => (id === null ? '—' : ([...rubric.sizeClasses, rubric.smallestSize].find((c) => c.id === id)?.label[lang] ?? id));
  const lines: string[] = [];
  const where = (i: Issue) => {
    if (!locate) return `${i.path}  `;
    if (i.code === 'cell-unreadable') return '';
    const at = locate(i.path);
    return at ? `${at}  ` : '';
  };
  const name = [a.profile?.enterpriseName, a.profile?.factoryName].filter(Boolean).join(' · ');
  if (name) lines.push(name);
  const row = (label: string, value: string) => lines.push(`${label}：${value}`.replace('：', lang === 'en' ? ': ' : '：'));
  row(m.rubric, rubric.id);
  row(m.composite, report.composite === null ? '—' : fmt2(report.composite));
  row(m.tier, `${t.tier(report.tier ?? 'none')}${report.complete ? '' : m.incomplete}`);
  row(m.size, sizeLabel(report.enterpriseSize));
  row(m.counts, TIER_IDS.map((id) => `${t.tier(id)} ${report.scenarioCounts[id]}`).join(' · '));
  row(m.coverage, TIER_IDS.map((id) => `${t.tier(id)} ${report.coverage[id].length ? t.list(report.coverage[id].map(t.segment)) : m.none}`).join(' · '));
  lines.push('', m.conditions);
  for (const id of TIER_IDS) {
    const s = report.tiers[id];
    lines.push(`  ${s.met ? '✓' : '✗'} ${t.tier(id)}`);
    for (const u of s.unmet) lines.push(`      · ${u}`);
  }
  if (gap) {
    lines.push('', m.gap(t.tier(gap.tier)));
    gap.actions.forEach((a, i) => lines.push(`  ${i + 1}. ${a.message}`));
  }
  if (report.errors.length) {
    lines.push('', m.errors(report.errors.length));
    for (const e of report.errors) lines.push(`  ✗ ${where(e)}${e.message}`);
  }
  if (report.warnings.length) {
    lines.push('', m.warnings(report.warnings.length));
    for (const w of report.warnings) lines.push(`  ! ${where(w)}${w.message}`);
  }
  return lines.join('\n') + '\n';
}
