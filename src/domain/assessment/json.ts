// An assessment JSON file's text → its rubric and assessment, or what is wrong with it. Shared by `sfa` and the
// pane's bureau merge; each says the problem in its own words (the CLI names the file first, the pane does not).
import type { Lang } from '../i18n/lang';
import type { Rubric } from '../rubric/schema';
import { DEFAULT_RUBRIC_ID, getRubric, RUBRIC_IDS } from '../rubrics';
import type { Assessment } from './types';
import { parseAssessment, type SchemaProblem } from './schema';
import { findDuplicateKey, lineColumn, syntaxErrorOffset } from './json-scan';
import { jsonMessages } from '../i18n/messages';

export type AssessmentJson =
  | { ok: true; rubric: Rubric; assessment: Assessment }
  /** `detail` is our own sentence (where the syntax error is), never JSON.parse's text. */
  | { ok: false; problem: 'not-json'; detail: string }
  | { ok: false; problem: 'not-object' }
  | { ok: false; problem: 'unknown-rubric'; rubricId: string; known: readonly string[] }
  | { ok: false; problem: 'not-assessment'; problems: SchemaProblem[] };

/** Parses the text of an assessment file (a leading BOM is ignored); the rubric defaults to the shipped one. */
export function assessmentFromJson(text: string, lang: Lang): AssessmentJson {
  let json: unknown;
  const body = text.replace(/^\uFEFF/, '');
  try {
    json = JSON.parse(body);
  } catch (e) {
    const at = syntaxErrorOffset(body, (e as Error).message);
    const where = at === undefined || at >= body.length ? undefined : lineColumn(body, at);
    return { ok: false, problem: 'not-json', detail: jsonMessages.syntax(lang, where) };
  }
  const dup = findDuplicateKey(body);
  if (dup) return { ok: false, problem: 'not-assessment', problems: [{ path: dup.path, message: jsonMessages.duplicateKey(lang, dup.key) }] };
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return { ok: false, problem: 'not-object' };
  const id = (json as { rubric?: unknown }).rubric ?? DEFAULT_RUBRIC_ID;
  const rubric = typeof id === 'string' ? getRubric(id) : undefined;
  if (!rubric) return { ok: false, problem: 'unknown-rubric', rubricId: String(id), known: RUBRIC_IDS };
  const parsed = parseAssessment(rubric, json, lang);
  if (!parsed.ok) return { ok: false, problem: 'not-assessment', problems: parsed.problems };
  return { ok: true, rubric, assessment: parsed.assessment };
}

/** The first schema problems as one line ("path: message; …") and how many more there are. */
export function schemaProblemsLine(problems: readonly SchemaProblem[], shown = 3): { line: string; more: number } {
  return { line: problems.slice(0, shown).map((p) => `${p.path}: ${p.message}`).join('; '), more: Math.max(0, problems.length - shown) };
}
