// What a protected worksheet (and a protected workbook structure) refuses.
// WorksheetProtection.protect: "Protects a worksheet. Fails if the worksheet has already been protected."
// https://learn.microsoft.com/javascript/api/excel/excel.worksheetprotection#excel-excel-worksheetprotection-protect-member(1)
// WorksheetProtectionOptions (allowFormatCells, allowFormatColumns, allowFormatRows, allowEditObjects, …) say
// what stays allowed; locked cells (the default) refuse edits, formats need allowFormatCells even on
// unlocked cells, and no option allows data validation, merging or conditional formats to change.
// https://learn.microsoft.com/javascript/api/excel/excel.worksheetprotectionoptions
// https://support.microsoft.com/office/lock-or-unlock-specific-areas-of-a-protected-worksheet-75481b72-db8a-4267-8c43-042a5f2cd93a
// WorkbookProtection.protect: "Protects the workbook. Fails if the workbook has been protected." — its
// structure (adding, moving, hiding, renaming sheets) is then locked.
// https://learn.microsoft.com/javascript/api/excel/excel.workbookprotection
import { SimError } from './errors';
import type { Bounds, SimSheet, SimWorkbook } from './model';

export type ProtectedAction = 'edit' | 'formatCells' | 'formatColumns' | 'formatRows' | 'validation' | 'merge' | 'conditionalFormat' | 'editObjects';

const OPTION: Partial<Record<ProtectedAction, string>> = {
  formatCells: 'allowFormatCells',
  formatColumns: 'allowFormatColumns',
  formatRows: 'allowFormatRows',
  conditionalFormat: 'allowFormatCells',
  editObjects: 'allowEditObjects',
};

const refuse = (sheet: SimSheet, what: string) => new SimError('AccessDenied', `${sheet.name} is protected: ${what} is not allowed`);

/** Throws AccessDenied when the protected sheet does not allow `action` (on locked cells of `bounds` for 'edit'). */
export function assertAllowed(
  model: SimWorkbook,
  sheet: SimSheet,
  action: ProtectedAction,
  bounds?: Bounds,
  cells?: (row: number, col: number) => boolean,
): void {
  if (!sheet.protected) return;
  if (action === 'edit') {
    if (!bounds) throw refuse(sheet, 'editing');
    const { rows, cols } = model.extent(sheet);
    // Whole rows or columns: the cells beyond the used range are locked like any other.
    const r2 = bounds.r2 >= 1048576 ? Math.max(rows, bounds.r1) : bounds.r2;
    const c2 = bounds.c2 >= 16384 ? Math.max(cols, bounds.c1) : bounds.c2;
    for (let r = bounds.r1; r <= r2; r++)
      for (let c = bounds.c1; c <= c2; c++)
        if ((!cells || cells(r, c)) && (model.peek(sheet, r, c)?.locked ?? true)) throw refuse(sheet, `editing locked cell ${sheet.name}!R${r}C${c}`);
    return;
  }
  const option = OPTION[action];
  if (!option || !sheet.protectionOptions[option]) throw refuse(sheet, action);
}

export function assertStructureUnlocked(model: SimWorkbook, what: string): void {
  if (model.structureProtected) throw new SimError('AccessDenied', `the workbook structure is protected: ${what}`);
}

export function protectSheet(sheet: SimSheet, options: Record<string, boolean> = {}): void {
  if (sheet.protected) throw new SimError('InvalidOperation', `${sheet.name} is already protected`);
  sheet.protected = true;
  sheet.protectionOptions = { ...options };
}

export function unprotectSheet(sheet: SimSheet): void {
  sheet.protected = false;
  sheet.protectionOptions = {};
}
