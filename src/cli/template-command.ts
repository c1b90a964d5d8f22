// `sfa template [-o 文件.xlsx] [--from assessment.json] [--lang en] [--force]`: writes the workbook.
import { resolve } from 'node:path';
import type { Lang } from '../domain';
import { getRubric } from '../domain/rubrics';
import { shownPath, type CliIO } from './io';
import { loadAssessmentFile } from './load-assessment';
import { cliText } from '../domain/i18n/cli';
import { writeOutputFile } from './output-guard';

export const DEFAULT_TEMPLATE_NAME = '智能工厂自评表.xlsx';

export async function templateCommand(opts: { output?: string; from?: string; force?: boolean; lang: Lang }, io: CliIO): Promise<number> {
  const m = cliText(opts.lang);
  const out = resolve(io.cwd, opts.output ?? DEFAULT_TEMPLATE_NAME);
  const { buildLayout } = await import('../workbook/layout');
  const { inputsFromAssessment } = await import('../workbook/inputs');
  const { writeWorkbook } = await import('../adapters/xlsx/write');
  const source = opts.from ? await loadAssessmentFile(resolve(io.cwd, opts.from), opts.lang) : undefined;
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
  await writeOutputFile(
    {
      out,
      force: opts.force === true,
      lang: opts.lang,
      platform: io.platform,
      display: (p) => shownPath(io.cwd, p),
      onWait: (t) => io.err(`sfa: ${m.waitingForLock(t, undefined, undefined)}`),
    },
    () => writeWorkbook(layout, inputs),
  );
  io.out(m.wrote(out));
  for (const w of warnings) io.err(`sfa: ${w}\n`);
  return 0;
}
