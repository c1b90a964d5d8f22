// What a merge takes, by a file's name: one list for `sfa merge`'s folder walk (src/cli/collect-inputs.ts), the
// pane's picker and drop walk (src/taskpane/merge/pick-files.ts) and the readers (src/adapters/xlsx/sniff.ts), so
// a bureau sees the same 合并明细 lines whether it merges in the pane or with the CLI. Pure: no Node, no DOM.
//
// - Read: Office Open XML workbooks (.xlsx, and .xlsm read as .xlsx, its macros ignored) and assessments (.json).
// - Listed in 合并明细 with the reason and what to do, never passed over in silence: every other spreadsheet an
//   enterprise may send. .xls/.et go to the workbook reader, which tells an old binary workbook from an encrypted
//   one (both are OLE files) or reads a renamed .xlsx; .xlsb, .ods, .numbers and .csv are refused by name.
// - Anything else (a .pdf, a .docx, a readme) is no submission: the walk and the picker pass it over.

/** The extensions the merge reads. */
export const READ_EXTENSIONS = ['.xlsx', '.xlsm', '.json'] as const;
/** Old or encrypted workbooks: the reader looks at the bytes and says which, with what to do. */
export const OLE_EXTENSIONS = ['.xls', '.et'] as const;
/** Spreadsheets that are not Office Open XML: refused by name, with what to do (另存为 .xlsx). */
export const OTHER_SPREADSHEET_EXTENSIONS = ['.xlsb', '.ods', '.numbers', '.csv'] as const;
/** Every file the merge takes (reads, or lists with the reason): the pane's `accept` list and the CLI's walk. */
export const MERGE_EXTENSIONS: readonly string[] = [...READ_EXTENSIONS, ...OLE_EXTENSIONS, ...OTHER_SPREADSHEET_EXTENSIONS];

/** ".xlsx" of "甲/乙.XLSX", lower-cased; "" for a name without one (".bashrc" has none). */
export function extensionOf(name: string): string {
  const base = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot).toLowerCase() : '';
}

const has = (list: readonly string[], name: string) => list.includes(extensionOf(name));

/** Whether a file found in a folder (or picked) goes into the merge: read, or listed with its reason. */
export const isMergeInput = (name: string): boolean => has(MERGE_EXTENSIONS, name);
/** Whether the name is a workbook's: every spreadsheet above but .csv (a text file). */
export const isWorkbookName = (name: string): boolean => isMergeInput(name) && !['.json', '.csv'].includes(extensionOf(name));
/** The extension of a spreadsheet refused by name (".ods"), else undefined. */
export const otherSpreadsheetExtension = (name: string): string | undefined => (has(OTHER_SPREADSHEET_EXTENSIONS, name) ? extensionOf(name) : undefined);
