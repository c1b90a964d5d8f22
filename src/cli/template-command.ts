// `sfa template [-o 文件.xlsx] [--from assessment.json] [--lang en] [--force]`: writes the workbook.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Lang } from '../domain';
import { getRubric } from '../domain/rubrics';
import { UsageError, type CliIO } from './io';
import { loadAssessmentFile } from './load-assessment';
import { cliText } from './text';
import { writeFileAtomic } from './write-file';

export const DEFAULT_TEMPLATE_NAME = '智能工厂自评表.xlsx';

export async function templateCommand(opts: { output?: string; from?: string; force?: boolean; lang: Lang }, io: CliIO): Promise<number> {
  const m = cliText(opts.lang);
  const out = resolve(io.cwd, opts.output ?? DEFAULT_TEMPLATE_NAME);
  if (existsSync(out) && !opts.force) throw new UsageError(m.exists(out));
  const { buildLayout } = await import('../workbook/layout');
  const { inputsFromAssessment } = await import('../workbook/inputs');
  const { writeWorkbook } = await import('../adapters/xlsx/write');
  const source = opts.from ? await loadAssessmentFile(resolve(io.cwd, opts.from), opts.lang) : undefined;
  const rubric = source?.rubric ?? getRubric()!;
  const inputs = source ? inputsFromAssessment(rubric, source.assessment) : undefined;
  await writeFileAtomic(out, await writeWorkbook(buildLayout(rubric, { lang: opts.lang }), inputs));
  io.out(m.wrote(out));
  return 0;
}
