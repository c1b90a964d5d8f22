// A formula's references to other sheets are bound when it is entered: one to a sheet that does not exist
// (yet) becomes #REF! and stays #REF! when such a sheet is added later — Excel does not re-bind it. So the
// sheets a formula, a defined name or a validation points at must exist before it is written.
// https://support.microsoft.com/office/how-to-correct-a-ref-error-822c8e46-e610-4d02-bf5c-9d1bc6e3c0e3
// ("The #REF! error shows when a formula refers to a cell that's not valid.")
import { parseBounds, type Bounds } from './model';

const SHEET = String.raw`'(?:[^']|'')+'|[A-Za-z_\u00C0-\uFFFF][\w.\u00C0-\uFFFF]*`;
const AREA = String.raw`\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?|\$?[A-Z]{1,3}:\$?[A-Z]{1,3}|\$?\d+:\$?\d+`;
const REF = new RegExp(`(${SHEET})!(${AREA})(?![\\w(])`, 'g');

export const unquoteSheet = (raw: string) => (raw.startsWith("'") ? raw.slice(1, -1).replace(/''/g, "'") : raw);

/** Applies `fn` to the parts of a formula outside its "string literals". */
function outsideStrings(formula: string, fn: (code: string) => string): string {
  return formula
    .split('"')
    .map((part, i) => (i % 2 === 0 ? fn(part) : part))
    .join('"');
}

/** The formula as Excel keeps it: references to missing sheets replaced by #REF!. */
export function bindSheetReferences(formula: string, sheetExists: (name: string) => boolean): string {
  return outsideStrings(formula, (code) => code.replace(REF, (m, sheet: string) => (sheetExists(unquoteSheet(sheet)) ? m : '#REF!')));
}

/** The sheets a formula refers to. */
export function referencedSheets(formula: string): string[] {
  const out: string[] = [];
  outsideStrings(formula, (code) => {
    for (const m of code.matchAll(REF)) out.push(unquoteSheet(m[1]!));
    return code;
  });
  return out;
}

/** "'规则'!$A$1:$B$2" → sheet and bounds, or null when it is not one sheet-qualified area. */
export function parseSheetRef(ref: string): { sheet: string; bounds: Bounds } | null {
  const m = new RegExp(`^(${SHEET})!(${AREA})$`).exec(ref.replace(/^=/, '').trim());
  return m ? { sheet: unquoteSheet(m[1]!), bounds: parseBounds(m[2]!) } : null;
}
