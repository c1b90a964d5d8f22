// Reads an assessment file for the CLI: JSON now, workbooks through the xlsx adapter.
import type { Assessment, Issue, Lang, Rubric } from '../domain';
import { otherSpreadsheetMessage, readAsWorkbook } from '../adapters/xlsx/sniff';
import type { CachedResults } from '../adapters/xlsx/read';
import type { Area } from '../adapters/xlsx/parts';
import { UsageError } from './io';
import { cliText } from '../domain/i18n/cli';
import { fileMessages } from '../domain/i18n/files';
import { fsErrorMessage } from './fs-errors';
import { InputFileError, readInputFile, type FileIdentity } from './input-file';

export interface LoadedAssessment {
  rubric: Rubric;
  assessment: Assessment;
  /** Cells of a workbook the reader could not read, as errors naming sheet and cell. */
  readErrors: Issue[];
  /** A workbook's cached results (what Excel last computed), for the merge's tamper flag; absent for JSON. */
  cached?: CachedResults;
  /** Read from a workbook: its defined names as the file has them, so problems are named by 工作表!单元格 rather than by JSON path (absent for JSON). */
  areas?: ReadonlyMap<string, Area>;
  /** SHA-256 (hex) of the bytes read, when asked for (the merge's 审核 shows it): the file reviewed, not read twice. */
  sha256?: string;
}

export { isWorkbookFile } from '../adapters/xlsx/sniff';

export interface LoadOptions {
  /** The identity the file had when the folder was walked: a file replaced since is refused. */
  expect?: FileIdentity;
  /** The name the file is shown by in messages (by default `file`). */
  shown?: string;
  /** Whose file-system messages to give (by default this host's). */
  platform?: NodeJS.Platform;
  /** Also give the SHA-256 of the file's bytes (审核 shows which file was reviewed). */
  hash?: boolean;
}

/**
 * Reads and parses one assessment file. `options.expect` is the identity the merge's folder walk saw (`file` is
 * then its real path): a file swapped since is refused. Only regular files of a workbook's size are read.
 * `options.platform` words a failed read (EPERM on Windows: the file is open in Excel).
 */
export async function loadAssessmentFile(file: string, lang: Lang, options: LoadOptions = {}): Promise<LoadedAssessment> {
  const { expect, shown = file, platform = process.platform, hash = false } = options;
  // The bytes are not kept with what was read from them.
  const { data, ...loaded } = await loadData(file, lang, expect, shown, platform);
  if (!hash) return loaded;
  const { createHash } = await import('node:crypto');
  return { ...loaded, sha256: createHash('sha256').update(data).digest('hex') };
}

async function loadData(
  file: string,
  lang: Lang,
  expect: FileIdentity | undefined,
  shown: string,
  platform: NodeJS.Platform,
): Promise<LoadedAssessment & { data: Buffer }> {
  const m = cliText(lang);
  let data: Buffer;
  try {
    data = await readInputFile(file, expect);
  } catch (e) {
    if (e instanceof InputFileError) throw new UsageError(`${shown}: ${m.refused(e.refusal)}`);
    throw new UsageError(fsErrorMessage(e, shown, 'read', lang, platform));
  }
  file = shown;
  const other = otherSpreadsheetMessage(file, lang);
  if (other) throw new UsageError(`${file}: ${other}`);
  if (readAsWorkbook(file, data)) {
    // The workbook reader is loaded only here, so scoring JSON files starts fast.
    const { readAssessmentWorkbook, WorkbookReadError } = await import('../adapters/xlsx/read');
    const { problemsAsIssues } = await import('../workbook/inputs');
    const { nodeInflater } = await import('../adapters/xlsx/inflate-node');
    try {
      const r = await readAssessmentWorkbook(data, lang, { inflate: nodeInflater });
      return { data, rubric: r.rubric, assessment: r.assessment, readErrors: problemsAsIssues(r.problems), cached: r.cached, areas: r.areas };
    } catch (e) {
      if (e instanceof WorkbookReadError) throw new UsageError(`${file}: ${e.message}`);
      throw e;
    }
  }
  // The JSON reader brings zod (untrusted input); a workbook read does not need it.
  const { assessmentFromJson, schemaProblemsLine } = await import('../domain/assessment/json');
  const parsed = assessmentFromJson(data.toString('utf8'), lang);
  if (parsed.ok) return { data, rubric: parsed.rubric, assessment: parsed.assessment, readErrors: [] };
  switch (parsed.problem) {
    case 'not-json':
      // A .txt or .docx sent by mistake: say what sfa reads rather than how JSON.parse failed.
      if (!/\.json$/i.test(file)) throw new UsageError(`${file} ${fileMessages(lang).neitherWorkbookNorJson}`);
      throw new UsageError(m.notJson(file, fileMessages(lang).jsonSyntax(parsed.syntax)));
    case 'not-object':
      throw new UsageError(m.notAssessment(file, m.notAnObject));
    case 'unknown-rubric':
      throw new UsageError(m.unknownRubric(file, parsed.rubricId, [...parsed.known]));
    case 'not-assessment': {
      const { line, more } = schemaProblemsLine(parsed.problems, lang);
      throw new UsageError(m.notAssessment(file, line + (more > 0 ? m.andMore(more) : '')));
    }
  }
}
