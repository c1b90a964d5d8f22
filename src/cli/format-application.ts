// The readable form of the 申报书 checks for a terminal: completeness per section, then every error and warning
// with its path (or, for a workbook, its cell 工作表!单元格).
import type { ApplicationReport } from '../domain/application/checks';
import type { Lang } from '../domain';
import { cliText } from '../domain/i18n/cli';

export function formatApplication(r: ApplicationReport, lang: Lang, locate?: (path: string) => string | undefined): string {
  const where = (path: string) => locate?.(path) ?? path;
  const m = cliText(lang).application;
  const lines = ['', m.status(r.complete)];
  for (const s of r.sections) {
    if (s.required === 0 && s.errors === 0 && s.warnings === 0) continue;
    const mark = s.errors ? '✗' : s.filled === s.required && s.warnings === 0 ? '✓' : '·';
    lines.push(`  ${mark} ${s.title}  ${s.filled}/${s.required}${s.errors ? m.sectionErrors(s.errors) : ''}`);
  }
  if (r.errors.length) {
    lines.push('', m.errors(r.errors.length));
    for (const e of r.errors) lines.push(`  ✗ ${where(e.path)}  ${e.message}`);
  }
  if (r.warnings.length) {
    lines.push('', m.warnings(r.warnings.length));
    for (const w of r.warnings) lines.push(`  ! ${where(w.path)}  ${w.message}`);
  }
  return lines.join('\n') + '\n';
}
