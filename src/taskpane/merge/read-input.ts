// One picked file → one MergeInput, as `sfa merge` reads it: workbooks through the bounded xlsx reader (no
// ExcelJS; imported only now, so the first screen's bundle stays small), anything else as an assessment JSON file.
// A file that cannot be read becomes `{ failure }`, never an exception: the batch goes on.
import type { Lang } from '../../domain/i18n/lang';
import { fileMessages } from '../../domain/i18n/files';
import type { MergeInput } from '../../domain/merge/types';
import { readFailureText } from '../../domain/text/error-text';
import { getRubric } from '../../domain/rubrics';
import { assessmentFromJson, schemaProblemsLine } from '../../domain/assessment/json';
import { problemsAsIssues } from '../../workbook/inputs';
import { otherSpreadsheetMessage, readAsWorkbook } from '../../adapters/xlsx/sniff';
import type { PaneStrings } from '../strings';

export interface PickedFile {
  name: string;
  /** File.lastModified: ms since the epoch. */
  lastModified: number;
}

async function fromWorkbook(file: PickedFile, data: Uint8Array, lang: Lang): Promise<MergeInput> {
  const [{ readAssessmentWorkbook }, { browserInflater }] = await Promise.all([
    import('../../adapters/xlsx/read'),
    import('../../adapters/xlsx/inflate-browser'),
  ]);
  const r = await readAssessmentWorkbook(data, lang, browserInflater ? { inflate: browserInflater } : {});
  return {
    file: file.name,
    modified: file.lastModified,
    rubric: r.rubric,
    assessment: r.assessment,
    readProblems: problemsAsIssues(r.problems).map((e) => ({ path: e.path, message: e.message })),
    cached: r.cached, // what the file claims, for the merge's tamper flag
  };
}

function fromJson(file: PickedFile, data: Uint8Array, lang: Lang, s: PaneStrings): MergeInput {
  const parsed = assessmentFromJson(new TextDecoder('utf-8').decode(data), lang);
  const base = { file: file.name, modified: file.lastModified };
  if (parsed.ok) return { ...base, rubric: parsed.rubric, assessment: parsed.assessment, readProblems: [] };
  const failure = (() => {
    switch (parsed.problem) {
      case 'not-json':
        return /\.json$/i.test(file.name)
          ? fileMessages(lang).notJson(fileMessages(lang).jsonSyntax(parsed.syntax))
          : fileMessages(lang).neitherWorkbookNorJson;
      case 'not-object':
        return s.merge.notAssessment(s.merge.notAnObject);
      case 'unknown-rubric':
        return s.merge.unknownRubric(parsed.rubricId, parsed.known.join(s.merge.listSeparator));
      case 'not-assessment': {
        const { line, more } = schemaProblemsLine(parsed.problems, lang);
        return s.merge.notAssessment(line + (more > 0 ? s.merge.andMore(more) : ''));
      }
    }
  })();
  return { ...base, rubric: getRubric()!, failure };
}

export async function readMergeInput(file: PickedFile, data: Uint8Array, lang: Lang, s: PaneStrings): Promise<MergeInput> {
  const other = otherSpreadsheetMessage(file.name, lang);
  if (other) return { file: file.name, modified: file.lastModified, rubric: getRubric()!, failure: other };
  try {
    return readAsWorkbook(file.name, data) ? await fromWorkbook(file, data, lang) : fromJson(file, data, lang, s);
  } catch (e) {
    // WorkbookReadError says what the file is in one line; a reader crash (JavaScript's own text) is not shown.
    return { file: file.name, modified: file.lastModified, rubric: getRubric()!, failure: readFailureText(e, lang) };
  }
}
