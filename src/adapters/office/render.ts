// Queues the declarative layout into Office.js proxies: 2-D values/formulas per block, formats, validations,
// conditional formats, merges, freeze panes, print setup and protection. Nothing here syncs: the caller
// decides when the batch goes to Excel (injection does it in one sync).
import { colLetter, rangeBounds, range as a1Range, parseCell } from '../../workbook/a1';
import { FONT, PAINTS, PRINT, STYLES } from '../../workbook/styles';
import { rowHeights } from '../../workbook/row-heights';
import { excelWouldChange, officeValue } from './values';
import type { Block, CellValue, ChartSpec, SheetSpec, StyleId, TableSpec, Validation } from '../../workbook/types';
import { CALL_BYTES, type WriteBatch } from './batch';
import { VALIDATION_TEXT_LIMITS } from '../../workbook/validation-limits';

export interface RenderFeatures {
  /** ExcelApi 1.9: page layout (print area, orientation, fit to width). */
  pageLayout: boolean;
}

/** A block's address, e.g. B3:D5. */
export function blockRange(b: Block): string {
  const p = parseCell(b.at);
  const width = Math.max(...b.rows.map((r) => r.length));
  return a1Range(p.col, p.row, p.col + width - 1, p.row + b.rows.length - 1);
}

const isFormula = (c: unknown): c is { f: string } => typeof c === 'object' && c !== null && 'f' in c;

/**
 * Text that Excel would parse (a leading =, +, -, @) gets the text format "@" so it stays literal: strings
 * from a workbook or a file are data, never formulas.
 */
export function textSafeFormats(values: CellValue[][], base: string): string[][] {
  return values.map((row) => row.map((v) => (typeof v === 'string' && excelWouldChange(v) ? '@' : base)));
}

/** Every block of a sheet as one rectangle of formulas and one of number formats (null: cell not in a block). */
export function sheetGrid(spec: SheetSpec): { address: string; formulas: (string | number | boolean | null)[][]; formats: (string | null)[][] } | null {
  if (spec.blocks.length === 0) return null;
  let c1 = Infinity,
    r1 = Infinity,
    c2 = 0,
    r2 = 0;
  for (const b of spec.blocks) {
    const p = parseCell(b.at);
    c1 = Math.min(c1, p.col);
    r1 = Math.min(r1, p.row);
    c2 = Math.max(c2, p.col + Math.max(...b.rows.map((r) => r.length)) - 1);
    r2 = Math.max(r2, p.row + b.rows.length - 1);
  }
  const formulas: (string | number | boolean | null)[][] = Array.from({ length: r2 - r1 + 1 }, () => Array(c2 - c1 + 1).fill(null));
  const formats: (string | null)[][] = Array.from({ length: r2 - r1 + 1 }, () => Array(c2 - c1 + 1).fill(null));
  for (const b of spec.blocks) {
    const p = parseCell(b.at);
    b.rows.forEach((row, i) =>
      row.forEach((c, j) => {
        const [y, x] = [p.row + i - r1, p.col + j - c1];
        if (isFormula(c)) {
          formulas[y]![x] = `=${c.f}`;
          formats[y]![x] = b.numFmt ?? 'General';
        } else {
          formulas[y]![x] = officeValue(c as CellValue);
          formats[y]![x] = typeof c === 'string' && excelWouldChange(c) ? '@' : (b.numFmt ?? 'General');
        }
      }),
    );
  }
  return { address: a1Range(c1, r1, c2, r2), formulas, formats };
}

/** Fonts, fills, borders and the unlocked state of one block (values come from sheetGrid). */
export function queueBlockFormat(ws: Excel.Worksheet, b: Block, batch?: WriteBatch): void {
  if (!b.style && !b.input) return;
  const address = blockRange(b);
  viaBatch(batch, address, () => applyFormat(ws.getRange(address), b.style, b.input ?? false));
}

/** Longest address list passed to one getRanges() call. */
const MAX_AREAS_ADDRESS = 2000;

/**
 * With RangeAreas (ExcelApi 1.9) every block of one style is formatted by one set of calls, instead of a
 * set per block: the injection batch stays small.
 */
export function queueGroupedFormats(ws: Excel.Worksheet, spec: SheetSpec, batch?: WriteBatch): void {
  const groups = new Map<string, string[]>();
  for (const b of spec.blocks) {
    if (!b.style && !b.input) continue;
    const k = `${b.style ?? ''}|${b.input ? 1 : 0}`;
    groups.set(k, [...(groups.get(k) ?? []), blockRange(b)]);
  }
  for (const [k, ranges] of groups) {
    const [style, input] = k.split('|') as [StyleId | '', string];
    for (let i = 0; i < ranges.length;) {
      const chunk: string[] = [];
      let len = 0;
      while (i < ranges.length && len + ranges[i]!.length < MAX_AREAS_ADDRESS) ((len += ranges[i]!.length + 1), chunk.push(ranges[i++]!));
      const address = chunk.join(',');
      viaBatch(batch, address, () => applyFormat(ws.getRanges(address), style || undefined, input === '1'));
    }
  }
}

/** Calls one applyFormat makes at most (fonts, fill, alignment, six borders × 2, locking). */
const FORMAT_CALLS = 22;

/** Formats go through the batch when there is one, counted as Excel counts them (each call names its range). */
function viaBatch(batch: WriteBatch | undefined, address: string, queue: () => void): void {
  if (batch) batch.addCall(FORMAT_CALLS * (CALL_BYTES + address.length + 16) - CALL_BYTES, queue);
  else queue();
}

function applyFormat(r: Excel.Range | Excel.RangeAreas, style: StyleId | undefined, input: boolean): void {
  if (style) {
    const s = STYLES[style];
    r.format.font.name = FONT.name;
    r.format.font.size = s.size ?? FONT.size;
    if (s.bold) r.format.font.bold = true;
    if (s.color) r.format.font.color = `#${s.color}`;
    if (s.fill) r.format.fill.color = `#${s.fill}`;
    if (s.wrap) r.format.wrapText = true;
    if (s.align) r.format.horizontalAlignment = s.align === 'center' ? 'Center' : s.align === 'right' ? 'Right' : 'Left';
    if (s.valign === 'middle') r.format.verticalAlignment = 'Center';
    if (s.border) {
      for (const edge of ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal'] as const) {
        const border = r.format.borders.getItem(edge);
        border.style = 'Continuous';
        border.color = '#BFBFBF';
      }
    }
  }
  if (input) r.format.protection.locked = false;
}

export function validationRule(v: Validation): Excel.DataValidationRule {
  switch (v.kind) {
    case 'list':
      // A literal list ("是,否") is given as its items (Office.js: https://learn.microsoft.com/javascript/api/excel/excel.listdatavalidation), a range as a formula.
      return { list: { inCellDropDown: true, source: /^".*"$/.test(v.source) ? v.source.slice(1, -1) : `=${v.source}` } };
    case 'decimal':
    case 'whole': {
      const basic: Excel.BasicDataValidation =
        v.min !== undefined && v.max !== undefined
          ? { formula1: v.min, formula2: v.max, operator: 'Between' }
          : v.min !== undefined
            ? { formula1: v.min, operator: 'GreaterThanOrEqualTo' }
            : { formula1: v.max ?? 0, operator: 'LessThanOrEqualTo' };
      return v.kind === 'decimal' ? { decimal: basic } : { wholeNumber: basic };
    }
    case 'textLength':
      return { textLength: { formula1: v.exactly, operator: 'EqualTo' } };
    case 'custom':
      return { custom: { formula: `=${v.formula}` } };
  }
}

export interface QueueSheetOptions {
  /**
   * The sheet holds data only, no formulas (the bureau's merged summary): every cell goes through `values`
   * after its format, so text from the files that starts with "=" stays text.
   */
  literal?: boolean;
}

/**
 * Queues a sheet's cells — number formats first (a text format must precede the text it protects), then every
 * value and formula — into the write batch, which splits them under the request limit.
 */
export function queueGrid(batch: WriteBatch, ws: Excel.Worksheet, spec: SheetSpec, options: QueueSheetOptions = {}): void {
  const grid = sheetGrid(spec);
  if (!grid) return;
  if (options.literal && spec.blocks.some((b) => b.rows.some((row) => row.some(isFormula))))
    throw new Error(`${spec.name}: a literal sheet cannot hold formulas`);
  const g = rangeBounds(grid.address);
  batch.add(
    (r1, r2) => ws.getRange(a1Range(g.c1, g.r1 + r1, g.c2, g.r1 + r2)),
    [
      ['numberFormat', grid.formats],
      [options.literal ? 'values' : 'formulas', grid.formulas],
    ],
  );
  queueRowHeights(batch, ws, spec);
}

/**
 * Row heights from the wrapped text, as the .xlsx file has them (RangeFormat.rowHeight, ExcelApi 1.1:
 * https://learn.microsoft.com/javascript/api/excel/excel.rangeformat#excel-excel-rangeformat-rowheight-member).
 * Consecutive rows of one height go as one range; a long table still makes one call per height change, so
 * the calls go through the batch and count towards the request limit.
 */
function queueRowHeights(batch: WriteBatch, ws: Excel.Worksheet, spec: SheetSpec): void {
  const heights = [...rowHeights(spec)].sort((a, b) => a[0] - b[0]);
  for (let i = 0; i < heights.length;) {
    const [first, h] = heights[i]!;
    let last = first;
    while (i + 1 < heights.length && heights[i + 1]![0] === last + 1 && heights[i + 1]![1] === h) last = heights[++i]![0];
    const rows = `${first}:${last}`;
    batch.addCall(rows.length + 8, () => (ws.getRange(rows).format.rowHeight = h));
    i++;
  }
}

/** Everything of a sheet but its cells (queueGrid): widths, formats, merges, validations, print setup. */
export function queueSheet(ws: Excel.Worksheet, spec: SheetSpec, features: RenderFeatures, batch?: WriteBatch): void {
  spec.columns.forEach((w, i) => {
    const c = colLetter(i + 1);
    ws.getRange(`${c}:${c}`).format.columnWidth = Math.round(w * 6.5);
  });
  const grid = sheetGrid(spec);
  if (grid) ws.getRange(grid.address).format.verticalAlignment = 'Top';
  if (features.pageLayout) queueGroupedFormats(ws, spec, batch);
  else for (const b of spec.blocks) queueBlockFormat(ws, b, batch);
  for (const m of spec.merges) ws.getRange(m).merge(false);
  for (const c of spec.hiddenColumns) ws.getRange(`${c}:${c}`).columnHidden = true;
  for (const v of spec.validations) {
    const r = ws.getRange(v.range);
    r.dataValidation.clear();
    r.dataValidation.rule = validationRule(v.rule);
    r.dataValidation.errorAlert = { message: v.rule.error.slice(0, VALIDATION_TEXT_LIMITS.error), showAlert: true, style: 'Stop', title: '智能工厂自评' };
    if (v.rule.kind === 'list') r.dataValidation.ignoreBlanks = v.rule.allowBlank;
    if (v.rule.prompt) r.dataValidation.prompt = { message: v.rule.prompt.slice(0, VALIDATION_TEXT_LIMITS.prompt), showPrompt: true, title: '' };
  }
  for (const cf of spec.conditionalFormats) {
    const f = ws.getRange(cf.range).conditionalFormats.add('Custom');
    f.custom.rule.formula = `=${cf.formula}`;
    f.custom.format.fill.color = `#${PAINTS[cf.style].fill}`;
    f.custom.format.font.color = `#${PAINTS[cf.style].color}`;
  }
  const { rows, columns } = spec.freeze;
  if (rows > 0 && columns > 0) ws.freezePanes.freezeAt(ws.getRange(a1Range(1, 1, columns, rows)));
  else if (rows > 0) ws.freezePanes.freezeRows(rows);
  else if (columns > 0) ws.freezePanes.freezeColumns(columns);
  if (features.pageLayout) {
    // Worksheet.horizontalPageBreaks (ExcelApi 1.9): a page starts at the row of the range given.
    for (const r of spec.print.breaks ?? []) ws.horizontalPageBreaks.add(`A${r}`);
    const pl = ws.pageLayout;
    pl.orientation = spec.print.orientation === 'landscape' ? 'Landscape' : 'Portrait';
    pl.paperSize = 'A4';
    pl.setPrintArea(spec.print.area);
    if (spec.print.titleRows) {
      const [r1, r2] = spec.print.titleRows.split(':');
      pl.setPrintTitleRows(`$${r1}:$${r2}`);
    }
    if (spec.print.titleColumns) {
      const [c1, c2] = spec.print.titleColumns.split(':');
      pl.setPrintTitleColumns(`$${c1}:$${c2}`);
    }
    pl.zoom = { horizontalFitToPages: spec.print.pagesWide ?? 1, verticalFitToPages: spec.print.pagesTall ?? 0 };
    // Centred, with the .xlsx file's margins (points) and page-number footer; all ExcelApi 1.9
    // (https://learn.microsoft.com/javascript/api/excel/excel.pagelayout, excel.headerfooter#centerfooter).
    pl.centerHorizontally = true;
    const pt = (inches: number) => Math.round(inches * 720) / 10;
    pl.leftMargin = pt(PRINT.margins.left);
    pl.rightMargin = pt(PRINT.margins.right);
    pl.topMargin = pt(PRINT.margins.top);
    pl.bottomMargin = pt(PRINT.margins.bottom);
    pl.headerMargin = pt(PRINT.margins.header);
    pl.footerMargin = pt(PRINT.margins.footer);
    // The footer codes without the section prefix (&C): Office.js takes each section apart.
    pl.headersFooters.defaultForAllPages.centerFooter = (spec.print.footer ?? PRINT.footer.zh).replace(/^&C/, '');
  }
  if (spec.tabColor) ws.tabColor = `#${spec.tabColor}`;
  ws.visibility = spec.hidden ? 'Hidden' : 'Visible';
}

/** Our charts are named so a later injection finds and replaces them (Range.clear leaves charts). */
export const chartName = (i: number) => `SFA_CHART_${i + 1}`;

// Excel.ChartType names (https://learn.microsoft.com/javascript/api/excel/excel.charttype).
const OFFICE_CHART_TYPE = { radar: 'RadarMarkers', bar: 'BarClustered', column: 'ColumnClustered', pie: 'Pie' } as const satisfies Record<
  ChartSpec['type'],
  `${Excel.ChartType}`
>;

/** A native chart (the radar of the indicator scores on 评估结果, the bureau's 统计), the layout's `index`-th. */
export function queueChart(ws: Excel.Worksheet, c: ChartSpec, index: number): void {
  const chart = ws.charts.add(OFFICE_CHART_TYPE[c.type], ws.getRange(c.source), 'Columns');
  chart.name = chartName(index);
  chart.title.text = c.title;
  chart.legend.visible = false;
  chart.setPosition(c.from, c.to);
}

/**
 * An Excel table over a range the sheet already holds, header row included (TableCollection.add, ExcelApi 1.1:
 * https://learn.microsoft.com/javascript/api/excel/excel.tablecollection#excel-excel-tablecollection-add-member(1)).
 */
export function queueTable(ws: Excel.Worksheet, t: TableSpec): void {
  const table = ws.tables.add(t.range, true);
  table.name = t.name;
}

/** Protection goes last, after every write of the batch. */
export function queueProtection(ws: Excel.Worksheet, spec: SheetSpec): void {
  if (spec.protect) ws.protection.protect({ allowFormatColumns: true, allowFormatRows: true, allowAutoFilter: true, allowSort: false });
}

export { rangeBounds };
