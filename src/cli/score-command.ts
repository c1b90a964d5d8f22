// `sfa score FILE [--json] [--lang en]`: exit 0 without errors, 1 with errors (report still printed).
import { nextTierGap, score, sweep, type Lang } from '../domain';
import { formatReport } from './format-report';
import { loadAssessmentFile } from './load-assessment';
import type { CliIO } from './io';

export interface ScoreCommandOptions {
  json?: boolean;
  lang: Lang;
}

export async function scoreCommand(file: string, opts: ScoreCommandOptions, io: CliIO): Promise<number> {
  const { rubric, assessment, readErrors, fromWorkbook } = await loadAssessmentFile(file, opts.lang);
  const report = score(rubric, assessment, { lang: opts.lang, extraErrors: readErrors });
  const gap = nextTierGap(rubric, assessment, opts.lang);
  // The report as specified, plus the next-tier gap and the ranked what-if options (README, "sfa score --json").
  if (opts.json) io.out(JSON.stringify({ ...report, gap, whatIf: sweep(rubric, assessment, opts.lang) }, null, 2) + '\n');
  else {
    // A workbook's problems are named by the cell the user fixes, as 合并明细 names them.
    let locate: ((path: string) => string | undefined) | undefined;
    if (fromWorkbook) {
      const { cellForPath } = await import('../workbook/paths');
      const layout = (await import('../workbook/layout')).cachedLayout(rubric, opts.lang);
      locate = (path) => {
        const at = cellForPath(layout, rubric, path);
        return at && `${at.sheet}!${at.cell}`;
      };
    }
    io.out(formatReport(rubric, assessment, report, gap, opts.lang, locate));
  }
  return report.errors.length > 0 ? 1 : 0;
}
