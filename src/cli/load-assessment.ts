// Reads an assessment file for the CLI: JSON now, workbooks through the xlsx adapter.
import { readFile } from 'node:fs/promises';
import { parseAssessment, type Assessment, type Issue, type Lang, type Rubric } from '../domain';
import { DEFAULT_RUBRIC_ID, getRubric, RUBRIC_IDS } from '../domain/rubrics';
import { UsageError } from './io';
import { cliText } from './text';

export interface LoadedAssessment {
  rubric: Rubric;
  assessment: Assessment;
  /** Cells of a workbook the reader could not read, as errors naming sheet and cell. */
  readErrors: Issue[];
}

export const isWorkbookFile = (file: string) => /\.xlsx$/i.test(file);

export async function loadAssessmentFile(file: string, lang: Lang): Promise<LoadedAssessment> {
  const m = cliText(lang);
  let data: Buffer;
  try {
    data = await readFile(file);
  } catch (e) {
    throw new UsageError(m.cannotRead(file, (e as NodeJS.ErrnoException).code ?? String(e)));
  }
  if (isWorkbookFile(file)) {
    // ExcelJS is loaded only here, so scoring JSON files starts fast.
    const { readAssessmentWorkbook, WorkbookReadError } = await import('../adapters/xlsx/read');
    const { problemsAsIssues } = await import('../workbook/inputs');
    try {
      const r = await readAssessmentWorkbook(data, lang);
      return { rubric: r.rubric, assessment: r.assessment, readErrors: problemsAsIssues(r.problems) };
    } catch (e) {
      if (e instanceof WorkbookReadError) throw new UsageError(`${file}: ${e.message}`);
      throw e;
    }
  }
  const raw = data.toString('utf8');
  let json: unknown;
  try {
    json = JSON.parse(raw.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new UsageError(m.notJson(file, (e as Error).message));
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new UsageError(m.notAssessment(file, m.notAnObject));
  const id = (json as { rubric?: unknown }).rubric ?? DEFAULT_RUBRIC_ID;
  const rubric = typeof id === 'string' ? getRubric(id) : undefined;
  if (!rubric) throw new UsageError(m.unknownRubric(file, String(id), RUBRIC_IDS));
  const parsed = parseAssessment(rubric, json, lang);
  if (!parsed.ok) {
    const shown = parsed.problems.slice(0, 3).map((p) => `${p.path}: ${p.message}`);
    const more = parsed.problems.length - shown.length;
    throw new UsageError(m.notAssessment(file, shown.join('; ') + (more > 0 ? m.andMore(more) : '')));
  }
  return { rubric, assessment: parsed.assessment, readErrors: [] };
}
