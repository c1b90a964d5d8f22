// `sfa application FILE [-o 申报书.docx] [--force]`: the printable 申报书 (附件5) of a workbook or an assessment
// JSON, as a Word document laid out like the annex. Cells that could not be read are named on stderr (exit 1);
// the document is still written with what could be read. A file with no 申报书 data at all writes nothing and
// says what to fill in (exit 2, as every file sfa cannot use).
import { resolve } from 'node:path';
import { getApplicationRubric } from '../domain/rubrics/applications';
import { UsageError, type CliIO } from './io';
import { loadAssessmentFile } from './load-assessment';
import { cliText } from '../domain/i18n/cli';
import { writeOutput, type OutputOptions } from './output-options';

export async function applicationCommand(file: string, opts: OutputOptions, io: CliIO): Promise<number> {
  const m = cliText(opts.lang);
  const source = resolve(io.cwd, file);
  const { rubric, assessment, readErrors } = await loadAssessmentFile(source, opts.lang, { platform: io.platform });
  const app = getApplicationRubric(rubric.id);
  if (!app) throw new UsageError(m.noApplicationForm(file, rubric.id));
  if (!assessment.application) {
    // Its cells that could not be read come first: they may be why nothing was found.
    for (const e of readErrors) io.err(`sfa: ${e.message}\n`);
    throw new UsageError(m.noApplicationData(file));
  }
  const { writeApplicationDocx } = await import('../adapters/docx/application');
  const out = await writeOutput('application', opts, io, { inputs: [source] }, async () => writeApplicationDocx({ app, rubric, assessment }));
  io.out(m.wrote(out));
  // Each names its cell (工作表!单元格), as export and 合并明细 say it; never the JSON path.
  for (const e of readErrors) io.err(`sfa: ${e.message}\n`);
  return readErrors.length ? 1 : 0;
}
