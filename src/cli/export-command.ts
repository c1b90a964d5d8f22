// `sfa export FILE.xlsx [-o assessment.json] [--force]`: the exchange JSON of a workbook (stdout without -o).
import { resolve } from 'node:path';
import type { Lang } from '../domain';
import { shownPath, UsageError, type CliIO } from './io';
import { isWorkbookFile, loadAssessmentFile } from './load-assessment';
import { cliText } from '../domain/i18n/cli';
import { writeOutputFile } from './output-guard';

export async function exportCommand(file: string, opts: { output?: string; force?: boolean; lang: Lang }, io: CliIO): Promise<number> {
  const m = cliText(opts.lang);
  if (!isWorkbookFile(file)) throw new UsageError(m.notWorkbook(file));
  const source = resolve(io.cwd, file);
  const { assessment, readErrors } = await loadAssessmentFile(source, opts.lang);
  const json = JSON.stringify(assessment, null, 2) + '\n';
  if (opts.output) {
    const out = resolve(io.cwd, opts.output);
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
      async () => json,
    );
    io.out(m.wrote(out));
  } else io.out(json);
  // Cells that could not be read are left out of the JSON and named on stderr.
  for (const e of readErrors) io.err(`sfa: ${e.message}\n`);
  return readErrors.length ? 1 : 0;
}
