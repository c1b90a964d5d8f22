// `sfa score FILE [--json] [--lang en]`: exit 0 without errors, 1 with errors (report still printed). With a
// 申报书 (the `application` section, or the workbook's 申报书 sheets filled in) its checks follow the report;
// they do not change the self-assessment's tier, but their errors make the exit code 1 too.
// Each from its own module, not the domain's index: that would also initialise the merge and the bureau's tools.
import { score } from '../domain/scoring/score';
import { nextTierGap } from '../domain/scoring/gap';
import { sweep } from '../domain/scoring/whatif';
import type { Lang } from '../domain/i18n/lang';
import { checkApplication, type ApplicationReport } from '../domain/application/checks';
import { getApplicationRubric } from '../domain/rubrics/applications';
import { formatReport } from './format-report';
import { formatApplication } from './format-application';
import { loadAssessmentFile } from './load-assessment';
import type { CliIO } from './io';

export interface ScoreCommandOptions {
  json?: boolean;
  lang: Lang;
  /** Today as YYYY-MM-DD (tests); by default the machine's date. */
  today?: string;
}

export async function scoreCommand(file: string, opts: ScoreCommandOptions, io: CliIO): Promise<number> {
  const { rubric, assessment, readErrors, areas } = await loadAssessmentFile(file, opts.lang, { platform: io.platform });
  // An unreadable cell of the 申报书 belongs to the application's checks, not to the self-assessment's tier.
  const isApp = (path: string) => path.startsWith('application.');
  const report = score(rubric, assessment, { lang: opts.lang, extraErrors: readErrors.filter((e) => !isApp(e.path)) });
  const app = getApplicationRubric(rubric.id);
  let application: ApplicationReport | undefined;
  if (app && assessment.application) {
    application = checkApplication(app, rubric, assessment, { lang: opts.lang, today: opts.today ?? new Date().toISOString().slice(0, 10) });
    const unreadable = readErrors.filter((e) => isApp(e.path)).map((e) => ({ path: e.path, code: 'check-value' as const, message: e.message }));
    application = { ...application, complete: application.complete && unreadable.length === 0, errors: [...unreadable, ...application.errors] };
  }
  const gap = nextTierGap(rubric, assessment, opts.lang);
  // The report as specified, plus the next-tier gap and the ranked what-if options (README, "sfa score --json"), and the 申报书's checks.
  if (opts.json)
    io.out(JSON.stringify({ ...report, gap, whatIf: sweep(rubric, assessment, opts.lang), ...(application ? { application } : {}) }, null, 2) + '\n');
  else {
    // A workbook's problems are named by the cell the user fixes, as 合并明细 names them: through the names
    // the reader found in the file (the checked ones are where the layout puts them), so the layout is not built.
    let locate: ((path: string) => string | undefined) | undefined;
    if (areas) {
      const { cellForName } = await import('../workbook/paths');
      locate = (path) => {
        const at = cellForName((name) => areas.get(name), rubric, path);
        return at && `${at.sheet}!${at.cell}`;
      };
    }
    io.out(formatReport(rubric, assessment, report, gap, opts.lang, locate) + (application ? formatApplication(application, opts.lang, locate) : ''));
  }
  return report.errors.length > 0 || (application?.errors.length ?? 0) > 0 ? 1 : 0;
}
