// `sfa export FILE.xlsx [-o assessment.json] [--force]`: the exchange JSON of a workbook (stdout without -o).
import { resolve } from 'node:path';
import { UsageError, type CliIO } from './io';
import { isWorkbookFile, loadAssessmentFile } from './load-assessment';
import { cliText } from '../domain/i18n/cli';
import { outputPath, writeOutput, type OutputOptions } from './output-options';

export async function exportCommand(file: string, opts: OutputOptions, io: CliIO): Promise<number> {
  const m = cliText(opts.lang);
  if (!isWorkbookFile(file)) throw new UsageError(m.notWorkbook(file));
  const source = resolve(io.cwd, file);
  const { assessment, readErrors } = await loadAssessmentFile(source, opts.lang, { platform: io.platform });
  const json = JSON.stringify(assessment, null, 2) + '\n';
  if (outputPath('export', opts, io.cwd) === undefined) io.out(json);
  else io.out(m.wrote(await writeOutput('export', opts, io, { inputs: [source] }, async () => json)));
  // Cells that could not be read are left out of the JSON and named on stderr.
  for (const e of readErrors) io.err(`sfa: ${e.message}\n`);
  return readErrors.length ? 1 : 0;
}
