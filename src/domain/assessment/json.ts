// An assessment JSON file's text → its rubric and assessment, or what is wrong with it. Shared by `sfa` and the
// pane's bureau merge; each says the problem in its own words (the CLI names the file first, the pane does not).
import type { Lang } from '../i18n/lang';
import type { Rubric } from '../rubric/schema';
import { DEFAULT_RUBRIC_ID, getRubric, RUBRIC_IDS } from '../rubrics';
import type { Assessment } from './types';
import { parseAssessment, type SchemaProblem } from './schema';
import { findDuplicateKey } from './json-scan';
import { jsonMessages } from '../i18n/messages';
import { CLAUSE_SEPARATOR } from '../i18n/texts';

export type AssessmentJson =
  | { ok: true; rubric: Rubric; assessment: Assessment }
  | { ok: false; problem: 'not-json'; syntax: JsonSyntaxProblem }
  | { ok: false; problem: 'not-object' }
  | { ok: false; problem: 'unknown-rubric'; rubricId: string; known: readonly string[] }
  | { ok: false; problem: 'not-assessment'; problems: SchemaProblem[] };

/**
 * Where JSON.parse stopped, as data a message can say in either language (its own text is English and
 * engine-specific): the text ends too soon, or a line and column, or the character it did not expect.
 */
export interface JsonSyntaxProblem {
  truncated: boolean;
  line?: number;
  column?: number;
  token?: string;
}

export function jsonSyntaxProblem(text: string, engineMessage: string): JsonSyntaxProblem {
  if (/end of JSON input|Unterminated string/i.test(engineMessage)) return { truncated: true };
  const pos = /at position (\d+)/.exec(engineMessage);
  const token = /Unexpected token '?(.)'?/.exec(engineMessage)?.[1];
  if (pos) {
    const before = text.replace(/^\uFEFF/, '').slice(0, Number(pos[1]));
    const lines = before.split('\n');
    return { truncated: false, line: lines.length, column: [...lines[lines.length - 1]!].length + 1, token };
  }
  return { truncated: false, token };
}

/** Parses the text of an assessment file (a leading BOM is ignored); the rubric defaults to the shipped one. */
export function assessmentFromJson(text: string, lang: Lang): AssessmentJson {
  let json: unknown;
  const body = text.replace(/^\uFEFF/, '');
  try {
    json = JSON.parse(body);
  } catch (e) {
    return { ok: false, problem: 'not-json', syntax: jsonSyntaxProblem(text, (e as Error).message) };
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
export function schemaProblemsLine(problems: readonly SchemaProblem[], lang: Lang, shown = 3): { line: string; more: number } {
  return {
    line: problems
      .slice(0, shown)
      .map((p) => (p.inWords ? p.message : `${p.path}${lang === 'zh' ? '：' : ': '}${p.message}`))
      .join(CLAUSE_SEPARATOR[lang]),
    more: Math.max(0, problems.length - shown),
  };
}
