// Functions over an application rubric's values, without its schema: the 申报书's checks and the workbook
// reader use them, and loading ./rubric.ts would build every zod schema of the rubric's shape.
import type { FieldValue, RecognitionImplies } from './rubric';

/** The field values of an implication, the first being the field its warning is on. */
export function impliedValues(x: RecognitionImplies): FieldValue[] {
  return 'anyOf' in x ? x.anyOf : [{ section: x.section, field: x.field, equals: x.equals }];
}

/** Counts 字 as the programme's word limits mean them: every character except spaces and line breaks. */
export function countChars(s: string): number {
  return s.replace(/[\s\u3000]/g, '').length;
}
