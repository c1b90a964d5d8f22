// `sfa application FILE [-o 申报书.docx] [--force]`: the printable 申报书 (附件5) of a workbook or an assessment
// JSON, as a Word document laid out like the annex. Cells that could not be read are named on stderr (exit 1);
// the document is still written with what could be read.
import { resolve } from 'node:path';
import type { Lang } from '../domain';
import { getApplicationRubric } from '../domain/rubrics/applications';
import { shownPath, UsageError, type CliIO } from './io';
import { loadAssessmentFile } from './load-assessment';
import { cliText } from '../domain/i18n/cli';
import { writeOutputFile } from './output-guard';

export async function applicationCommand(file: string, opts: { output?: string; force?: boolean; lang: Lang }, io: CliIO): Promise<number> {
  const m = cliText(opts.lang);
  const source = resolve(io.cwd, file);
  const { rubric, assessment, readErrors } = await loadAssessmentFile(source, opts.lang);
  const app = getApplicationRubric(rubric.id);
  if (!app) throw new UsageError(opts.lang === 'zh' ? `${file}：评价标准 ${rubric.id} 没有申报书模板` : `${file}: rubric ${rubric.id} has no application form`);
  const { writeApplicationDocx } = await import('../adapters/docx/application');
  const out = resolve(io.cwd, opts.output ?? '申报书.docx');
  await writeOutputFile(
    {
      out,
      force: opts.force === true,
      inputs: [source],
      lang: opts.lang,
      platform: io.platform,
      display: (p) => shownPath(io.cwd, p),
      onWait: (t) => io.err(`sfa: ${m.waitingForLock(t, undefined, undefined)}`),
    },
    async () => writeApplicationDocx({ app, rubric, assessment }),
  );
  io.out(m.wrote(out));
  for (const e of readErrors) io.err(`sfa: ${e.path}  ${e.message}\n`);
  return readErrors.length ? 1 : 0;
}
