// Writes the layout into the open workbook: one sync to see what is there (sheets, our names, the user's
// inputs), one to write everything, one to switch events back on. Sheets that are not ours are never
// touched; a name clash with a foreign sheet is reported, not overwritten.
import { NAMES, INPUT_NAMES } from '../../workbook/names';
import { splitRef, rangeBounds, range as a1Range } from '../../workbook/a1';
import type { CellValue, NameSpec, SheetSpec, WorkbookLayout } from '../../workbook/types';
import type { HostFeatures } from './features';
import { officeValue, queueChart, queueProtection, queueSheet, textSafeFormats, type QueueSheetOptions } from './render';
import { SheetNameClashError } from './errors';

export { SheetNameClashError };

export class NewerLayoutError extends Error {
  constructor(readonly found: number, readonly known: number) {
    super(`the workbook has layout version ${found}, newer than ${known}`);
    this.name = 'NewerLayoutError';
  }
}

export interface InjectResult {
  /** Layout version found before injecting (null: first injection). */
  previousVersion: number | null;
  /** Input cells (non-empty) carried over into the new layout. */
  keptInputs: number;
  syncs: number;
}

/** The workbook's state as one sync reads it. */
interface Existing {
  sheetNames: Set<string>;
  nameIds: Set<string>;
  version: number | null;
  inputs: Map<string, CellValue[][]>;
}

async function readExisting(context: Excel.RequestContext): Promise<Existing> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name');
  const names = context.workbook.names;
  names.load('items/name');
  const version = names.getItemOrNullObject(NAMES.layoutVersion).getRangeOrNullObject();
  version.load('values');
  const inputRanges = INPUT_NAMES.map((n) => {
    const r = names.getItemOrNullObject(n).getRangeOrNullObject();
    r.load('values');
    return { name: n, r };
  });
  await context.sync();
  const v = version.isNullObject ? null : Number(version.values[0]?.[0]);
  const inputs = new Map<string, CellValue[][]>();
  if (v !== null) for (const { name, r } of inputRanges) if (!r.isNullObject) inputs.set(name, r.values as CellValue[][]);
  return {
    sheetNames: new Set(sheets.items.map((s) => s.name)),
    nameIds: new Set(names.items.map((n) => n.name)),
    version: v !== null && Number.isFinite(v) ? v : null,
    inputs,
  };
}

/** Queues our sheet `name` emptied (protection, conditional formats, validations, merges, contents), or a new one. */
export function emptiedOrNewSheet(wb: Excel.Workbook, name: string, exists: boolean): Excel.Worksheet {
  if (!exists) return wb.worksheets.add(name);
  const ws = wb.worksheets.getItem(name);
  ws.protection.unprotect();
  const all = ws.getRange();
  all.conditionalFormats.clearAll();
  all.dataValidation.clear();
  all.unmerge();
  all.clear('All');
  return ws;
}

/**
 * Queues sheets and names as described, over our earlier ones (emptied, names replaced) or as new sheets in
 * this order. Returns the queued sheets, for the caller's later steps (inputs, protection).
 */
export function queueSheetsAndNames(
  wb: Excel.Workbook,
  built: { sheets: readonly SheetSpec[]; names: readonly NameSpec[] },
  existing: { sheetNames: ReadonlySet<string>; nameIds: ReadonlySet<string> },
  features: HostFeatures,
  options: QueueSheetOptions = {},
): { ws: Excel.Worksheet; spec: SheetSpec }[] {
  for (const n of built.names) if (existing.nameIds.has(n.name)) wb.names.getItem(n.name).delete();
  const sheets = built.sheets.map((spec, i) => {
    const ws = emptiedOrNewSheet(wb, spec.name, existing.sheetNames.has(spec.name));
    ws.position = i;
    queueSheet(ws, spec, features, options);
    return { ws, spec };
  });
  for (const n of built.names) wb.names.add(n.name, `=${n.ref}`);
  return sheets;
}

/** The old values clipped to the new range's shape. */
function clip(values: CellValue[][], rows: number, cols: number): CellValue[][] {
  return Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => values[i]?.[j] ?? null));
}

export async function injectLayout(
  context: Excel.RequestContext,
  layout: WorkbookLayout,
  features: HostFeatures,
  /** Values to put into input ranges when the workbook has none yet (e.g. from an assessment file). */
  initialInputs?: Map<string, CellValue[][]>,
): Promise<InjectResult> {
  let syncs = 0;
  const existing = await readExisting(context);
  syncs++;
  const ours = existing.version !== null;
  if (!ours) {
    const clashes = layout.sheets.map((s) => s.name).filter((n) => existing.sheetNames.has(n));
    if (clashes.length) throw new SheetNameClashError(clashes);
  } else if (existing.version! > layout.layoutVersion) {
    throw new NewerLayoutError(existing.version!, layout.layoutVersion);
  }

  const inputs = ours ? existing.inputs : (initialInputs ?? new Map<string, CellValue[][]>());
  let keptInputs = 0;
  try {
    context.runtime.enableEvents = false;
    if (features.pageLayout) context.application.suspendScreenUpdatingUntilNextSync();
    const wb = context.workbook;
    const sheets = queueSheetsAndNames(wb, layout, existing, features);
    // The user's inputs (or the initial ones) go back in by name, text kept literal.
    for (const n of layout.names) {
      const values = inputs.get(n.name);
      if (!values) continue;
      const { sheet, range } = splitRef(n.ref);
      const b = rangeBounds(range);
      const rows = b.r2 - b.r1 + 1;
      const cols = b.c2 - b.c1 + 1;
      const v = clip(values, rows, cols);
      keptInputs += v.flat().filter((x) => x !== null && x !== '').length;
      const r = wb.worksheets.getItem(sheet).getRange(a1Range(b.c1, b.r1, b.c2, b.r2));
      const safe = textSafeFormats(v, '');
      if (safe.some((row) => row.includes('@'))) r.numberFormat = safe.map((row) => row.map((f) => f || null)); // null leaves a cell's format as it is
      r.values = v.map((row) => row.map(officeValue));
    }
    if (features.charts) for (const c of layout.charts) queueChart(wb.worksheets.getItem(c.sheet), c);
    for (const { ws, spec } of sheets) queueProtection(ws, spec);
    await context.sync();
    syncs++;
  } finally {
    context.runtime.enableEvents = true;
    await context.sync();
    syncs++;
  }
  return { previousVersion: existing.version, keptInputs, syncs };
}
