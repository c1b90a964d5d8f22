// Reads an assessment file for the CLI: JSON now, workbooks through the xlsx adapter.
import { readFile } from 'node:fs/promises';
import { parseAssessment, type Assessment, type Lang, type Rubric } from '../domain';
import { DEFAULT_RUBRIC_ID, getRubric, RUBRIC_IDS } from '../domain/rubrics';
import { UsageError } from './io';
import { cliText } from './text';

export interface LoadedAssessment {
  rubric: Rubric;
  assessment: Assessment;
}

export async function loadAssessmentFile(file: string, lang: Lang): Promise<LoadedAssessment> {
  const m = cliText(lang);
  let raw: string;
  try {
    raw = await readFile(file, 'utf8');
  } catch (e) {
    throw new UsageError(m.cannotRead(file, (e as NodeJS.ErrnoException).code ?? String(e)));
  }
  let data: unknown;
  try {
    data = JSON.parse(raw.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new UsageError(m.notJson(file, (e as Error).message));
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new UsageError(m.notAssessment(file, m.notAnObject));
  const id = (data as { rubric?: unknown }).rubric ?? DEFAULT_RUBRIC_ID;
  const rubric = typeof id === 'string' ? getRubric(id) : undefined;
  if (!rubric) throw new UsageError(m.unknownRubric(file, String(id), RUBRIC_IDS));
  const parsed = parseAssessment(rubric, data, lang);
  if (!parsed.ok) {
    const shown = parsed.problems.slice(0, 3).map((p) => `${p.path}: ${p.message}`);
    const more = parsed.problems.length - shown.length;
    throw new UsageError(m.notAssessment(file, shown.join('; ') + (more > 0 ? m.andMore(more) : '')));
  }
  return { rubric, assessment: parsed.assessment };
}
