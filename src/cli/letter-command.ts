// `sfa letter 推荐汇总表.xlsx [-o 推荐函.docx] [--date YYYY-MM-DD] [--unit … --contact … --phone …] [--force]`:
// the bureau's cover letter for a merged summary, as a .docx laid out as an official document.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { isIsoDate, localIsoDate } from '../domain/profile/checks';
import { getRubric } from '../domain/rubrics';
import { fsErrorMessage } from './fs-errors';
import { readFailureText } from '../domain/text/error-text';
import { UsageError, type CliIO } from './io';
import { cliText } from '../domain/i18n/cli';
import { writeOutput, type OutputOptions } from './output-options';

export interface LetterCommandOptions extends OutputOptions {
  date?: string;
  unit?: string;
  contact?: string;
  phone?: string;
}

export async function letterCommand(summary: string, opts: LetterCommandOptions, io: CliIO): Promise<number> {
  const m = cliText(opts.lang);
  if (opts.date !== undefined && !isIsoDate(opts.date)) throw new UsageError(m.letterBadDate(opts.date));
  const path = resolve(io.cwd, summary);
  const data = await readFile(path).catch((e: unknown) => {
    throw new UsageError(fsErrorMessage(e, summary, 'read', opts.lang, io.platform));
  });
  const [{ readMergedSummary }, { nodeInflater }, { letterContent }, { writeLetter }] = await Promise.all([
    import('../adapters/xlsx/merged'),
    import('../adapters/xlsx/inflate-node'),
    import('../domain/bureau/letter'),
    import('../adapters/docx/letter'),
  ]);
  const prior = await readMergedSummary(data, opts.lang, { inflate: nodeInflater }).catch((e: unknown) => {
    throw new UsageError(`${summary}: ${readFailureText(e, opts.lang)}`);
  });
  if (prior.rows.length === 0) throw new UsageError(m.letterNoRows(summary));
  const content = letterContent(getRubric()!, {
    unit: opts.unit ?? prior.header.unit,
    contact: opts.contact ?? prior.header.contact,
    phone: opts.phone ?? prior.header.phone,
    date: opts.date ?? localIsoDate(new Date()),
    rows: prior.rows,
  });
  // The letter never replaces the summary it is written from.
  const out = await writeOutput('letter', opts, io, { inputs: [path] }, () => writeLetter(content));
  io.out(m.wrote(out));
  return 0;
}
