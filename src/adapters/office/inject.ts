// Writes the layout into the open workbook: one sync to see what is there (sheets, our names, the user's
// inputs), one to write everything, one to switch events back on. Sheets that are not ours are never
// touched; a name clash with a foreign sheet is reported, not overwritten.
import { NAMES, INPUT_NAMES } from '../../workbook/names';
import { splitRef, rangeBounds, range as a1Range } from '../../workbook/a1';
import type { CellValue, ChartSpec, NameSpec, SheetSpec, WorkbookLayout } from '../../workbook/types';
import type { HostFeatures } from './features';
import { queueChart, queueGrid, queueProtection, queueSheet, textSafeFormats, type QueueSheetOptions } from './render';
import { officeValue } from './values';
import { WriteBatch, type WriteBatchOptions } from './batch';
import { SheetNameClashError } from './errors';

export { SheetNameClashError };

export class NewerLayoutError extends Error {
  constructor(
    readonly found: number,
    readonly known: number,
  ) {
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
  /** 2-D bytes of each request the write made (the bench prints them). */
  requests: number[];
}

/** The workbook's state as one sync reads it. */
interface Existing {
  sheetNames: Set<string>;
  nameIds: Set<string>;
  /** Layout version; null when SFA_LAYOUT_VERSION is missing, 'unfinished' when it names an empty cell. */
  version: number | 'unfinished' | null;
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
  const cell = version.isNullObject ? null : version.values[0]?.[0];
  const v = cell === null || cell === undefined ? null : cell === '' ? 'unfinished' : Number(cell);
  const inputs = new Map<string, CellValue[][]>();
  if (v !== null) for (const { name, r } of inputRanges) if (!r.isNullObject) inputs.set(name, r.values as CellValue[][]);
  return {
    sheetNames: new Set(sheets.items.map((s) => s.name)),
    nameIds: new Set(names.items.map((n) => n.name)),
    version: v === 'unfinished' || (v !== null && Number.isFinite(v)) ? v : null,
    inputs,
  };
}

/** Queues our sheet `name` emptied (protection, conditional formats, validations, merges, contents, hidden columns), or a new one. */
export function emptiedOrNewSheet(wb: Excel.Workbook, name: string, exists: boolean): Excel.Worksheet {
  if (!exists) return wb.worksheets.add(name);
  const ws = wb.worksheets.getItem(name);
  ws.protection.unprotect();
  const all = ws.getRange();
  all.conditionalFormats.clearAll();
  all.dataValidation.clear();
  all.unmerge();
  all.clear('All');
  // Range.clear leaves column visibility: columns an earlier layout hid are shown again.
  all.columnHidden = false;
  return ws;
}

export interface QueuedSheet {
  ws: Excel.Worksheet;
  spec: SheetSpec;
}

/**
 * Step 1 of every write: every sheet created or emptied, in order, and the names bound to them — before any
 * cell is written, because a formula, name or list validation pointing at a sheet that does not exist yet is
 * bound to #REF! for good (or refused), and a write that stops half way leaves our names for the retry.
 */
export function queueSheetsFirst(
  wb: Excel.Workbook,
  built: { sheets: readonly SheetSpec[]; names: readonly NameSpec[] },
  existing: { sheetNames: ReadonlySet<string>; nameIds: ReadonlySet<string> },
): QueuedSheet[] {
  for (const n of built.names) if (existing.nameIds.has(n.name)) wb.names.getItem(n.name).delete();
  const sheets = built.sheets.map((spec, i) => {
    const ws = emptiedOrNewSheet(wb, spec.name, existing.sheetNames.has(spec.name));
    ws.position = i;
    return { ws, spec };
  });
  for (const n of built.names) wb.names.add(n.name, `=${n.ref}`);
  return sheets;
}

/**
 * Steps 2 and 3: every sheet's cells through the batch (split under the request limit, syncing between
 * pieces), then everything else of the sheets; the last request is left queued for the caller.
 */
export async function fillSheets(
  sheets: readonly QueuedSheet[],
  features: HostFeatures,
  batch: WriteBatch,
  options: QueueSheetOptions = {},
  more?: (batch: WriteBatch) => void,
): Promise<void> {
  for (const { ws, spec } of sheets) queueGrid(batch, ws, spec, options);
  more?.(batch);
  await batch.run();
  // Then the rest of every sheet; its formats through the batch too (block by block they are many calls).
  for (const { ws, spec } of sheets) queueSheet(ws, spec, features, batch);
  await batch.run();
}

/** The old values clipped to the new range's shape. */
function clip(values: CellValue[][], rows: number, cols: number): CellValue[][] {
  return Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => values[i]?.[j] ?? null));
}

/** The charts on our sheets that will carry the layout's charts (Range.clear leaves charts: they are deleted). */
async function loadOldCharts(context: Excel.RequestContext, charts: readonly ChartSpec[], sheetNames: ReadonlySet<string>): Promise<Excel.Chart[] | null> {
  const sheets = [...new Set(charts.map((c) => c.sheet))].filter((s) => sheetNames.has(s));
  if (sheets.length === 0) return null;
  const collections = sheets.map((s) => {
    const c = context.workbook.worksheets.getItem(s).charts;
    c.load('items/name');
    return c;
  });
  await context.sync();
  return collections.flatMap((c) => c.items);
}

export interface WriteSheetsOptions extends QueueSheetOptions {
  batch?: WriteBatchOptions;
  /** More 2-D writes after the layout's cells (the user's inputs). */
  more?: (batch: WriteBatch) => void;
  /** Last calls of the write, after protection (e.g. activate a sheet). */
  last?: (sheets: QueuedSheet[]) => void;
}

/**
 * Writes sheets, names and charts of a declarative layout over our earlier ones (emptied, names and charts
 * replaced) or as new sheets, with events off: one sync more when charts are to be replaced, the write
 * (split under the request limit), one sync to switch events back on. Returns the syncs it made.
 */
export async function writeSheets(
  context: Excel.RequestContext,
  built: { sheets: readonly SheetSpec[]; names: readonly NameSpec[]; charts?: readonly ChartSpec[] },
  existing: { sheetNames: ReadonlySet<string>; nameIds: ReadonlySet<string> },
  features: HostFeatures,
  o: WriteSheetsOptions = {},
): Promise<{ syncs: number; requests: number[] }> {
  const charts = features.charts ? (built.charts ?? []) : [];
  const oldCharts = charts.length ? await loadOldCharts(context, charts, existing.sheetNames) : null;
  const batch = new WriteBatch(context, o.batch);
  try {
    context.runtime.enableEvents = false;
    if (features.pageLayout) context.application.suspendScreenUpdatingUntilNextSync();
    const wb = context.workbook;
    const sheets = queueSheetsFirst(wb, built, existing);
    for (const c of oldCharts ?? []) c.delete();
    await fillSheets(sheets, features, batch, o, o.more);
    charts.forEach((c, i) => queueChart(wb.worksheets.getItem(c.sheet), c, i));
    for (const { ws, spec } of sheets) queueProtection(ws, spec);
    o.last?.(sheets);
    await context.sync();
  } finally {
    context.runtime.enableEvents = true;
    await context.sync();
  }
  return { syncs: (oldCharts ? 1 : 0) + batch.requests.length + 1, requests: batch.requests };
}

/**
 * Writes the layout: one sync to read what is there, then writeSheets (one more on a re-injection to find
 * the charts to replace, the write, one to switch events back on).
 */
export async function injectLayout(
  context: Excel.RequestContext,
  layout: WorkbookLayout,
  features: HostFeatures,
  /** Values to put into input ranges when the workbook has none yet (e.g. from an assessment file). */
  initialInputs?: Map<string, CellValue[][]>,
  options: WriteBatchOptions = {},
): Promise<InjectResult> {
  const existing = await readExisting(context);
  const ours = existing.version !== null;
  if (!ours) {
    const clashes = layout.sheets.map((s) => s.name).filter((n) => existing.sheetNames.has(n));
    if (clashes.length) throw new SheetNameClashError(clashes);
  } else if (typeof existing.version === 'number' && existing.version > layout.layoutVersion) {
    throw new NewerLayoutError(existing.version, layout.layoutVersion);
  }
  // An injection that stopped half way (our names, no version yet) starts again from the initial inputs.
  const inputs =
    existing.version === 'unfinished' ? (initialInputs ?? existing.inputs) : ours ? existing.inputs : (initialInputs ?? new Map<string, CellValue[][]>());
  let keptInputs = 0;
  const wb = context.workbook;
  const written = await writeSheets(context, layout, existing, features, {
    batch: options,
    // The user's inputs (or the initial ones) go back in by name, text kept literal.
    more: (b) => {
      for (const n of layout.names) {
        const values = inputs.get(n.name);
        if (!values) continue;
        const { sheet, range } = splitRef(n.ref);
        const r0 = rangeBounds(range);
        const v = clip(values, r0.r2 - r0.r1 + 1, r0.c2 - r0.c1 + 1);
        keptInputs += v.flat().filter((x) => x !== null && x !== '').length;
        const ws = wb.worksheets.getItem(sheet);
        // null leaves a cell's format as it is
        const formats = textSafeFormats(v, '').map((row) => row.map((f) => f || null));
        b.add(
          (i, j) => ws.getRange(a1Range(r0.c1, r0.r1 + i, r0.c2, r0.r1 + j)),
          [
            ['numberFormat', formats],
            ['values', v.map((row) => row.map(officeValue))],
          ],
        );
      }
    },
  });
  return { previousVersion: typeof existing.version === 'number' ? existing.version : null, keptInputs, syncs: 1 + written.syncs, requests: written.requests };
}
