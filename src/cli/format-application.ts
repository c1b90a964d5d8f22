// The readable form of the 申报书 checks for a terminal: completeness per section, then every error and warning
// with its path (or, for a workbook, its cell 工作表!单元格).
import type { ApplicationReport } from '../domain/application/checks';
import type { Lang } from '../domain';
import { counted } from '../domain/i18n/plural';

export function formatApplication(r: ApplicationReport, lang: Lang, locate?: (path: string) => string | undefined): string {
  const where = (path: string) => locate?.(path) ?? path;
  const zh = lang === 'zh';
  const lines = ['', zh ? `申报书（附件5）：${r.complete ? '已完整' : '未完成'}` : `Application (附件5): ${r.complete ? 'complete' : 'not complete'}`];
  for (const s of r.sections) {
    if (s.required === 0 && s.errors === 0 && s.warnings === 0) continue;
    const mark = s.errors ? '✗' : s.filled === s.required && s.warnings === 0 ? '✓' : '·';
    lines.push(`  ${mark} ${s.title}  ${s.filled}/${s.required}${s.errors ? (zh ? `，错误 ${s.errors}` : `, ${counted(s.errors, 'error')}`) : ''}`);
  }
  if (r.errors.length) {
    lines.push('', zh ? `申报书错误（${r.errors.length}）` : `Application errors (${r.errors.length})`);
    for (const e of r.errors) lines.push(`  ✗ ${where(e.path)}  ${e.message}`);
  }
  if (r.warnings.length) {
    lines.push('', zh ? `申报书提示（${r.warnings.length}）` : `Application warnings (${r.warnings.length})`);
    for (const w of r.warnings) lines.push(`  ! ${where(w.path)}  ${w.message}`);
  }
  return lines.join('\n') + '\n';
}
