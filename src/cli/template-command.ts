// `sfa template [-o 文件.xlsx] [--from assessment.json] [--lang en] [--force]`: writes the workbook.
import { resolve } from 'node:path';
import { getRubric } from '../domain/rubrics';
import type { CliIO } from './io';
import { loadAssessmentFile } from './load-assessment';
import { cliText } from '../domain/i18n/cli';
import { writeOutput, type OutputOptions } from './output-options';

export async function templateCommand(opts: OutputOptions & { from?: string }, io: CliIO): Promise<number> {
  const m = cliText(opts.lang);
  const { buildLayout } = await import('../workbook/layout');
  const { inputsFromAssessment } = await import('../workbook/inputs');
  const { writeWorkbook } = await import('../adapters/xlsx/write');
  const from = opts.from === undefined ? undefined : resolve(io.cwd, opts.from);
  const source = from ? await loadAssessmentFile(from, opts.lang, { platform: io.platform }) : undefined;
  const rubric = source?.rubric ?? getRubric()!;
  const inputs = source ? inputsFromAssessment(rubric, source.assessment) : undefined;
  const layout = buildLayout(rubric, { lang: opts.lang });
  const warnings: string[] = [];
  if (source) {
    // A text the workbook cannot hold as given (too long for a cell, forbidden characters) is said per field.
    const { writtenTextWarnings } = await import('../domain/text/written-texts');
    const { cellForPath } = await import('../workbook/paths');
    const locate = (path: string) => {
      const at = cellForPath(layout, rubric, path);
      return at && `${at.sheet}!${at.cell}`;
    };
    warnings.push(...writtenTextWarnings(rubric, source.assessment, opts.lang, locate).map((w) => w.message));
  }
  // The workbook filled --from a workbook never replaces that workbook.
  const out = await writeOutput('template', opts, io, { inputs: from ? [from] : [] }, () => writeWorkbook(layout, inputs));
  io.out(m.wrote(out));
  for (const w of warnings) io.err(`sfa: ${w}\n`);
  return 0;
}
