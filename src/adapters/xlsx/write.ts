// Renders the declarative layout to an .xlsx file with ExcelJS: every block, style, validation,
// conditional format, merge, freeze pane, print setup, protection and defined name, then its charts
// and tables (./package-parts.ts). Formulas are written
// without cached results and the workbook asks for a full calculation on load, so Excel, WPS and
// LibreOffice compute them when the file opens.
import ExcelJS from 'exceljs';
import { rangeBounds, splitRef, cell as a1 } from '../../workbook/a1';
import { FONT, PAINTS, PRINT, STYLES } from '../../workbook/styles';
import { rowHeights } from '../../workbook/row-heights';
import { isIsoDate } from '../../domain/profile/checks';
import { cleanText } from '../../domain/text/sanitise';
import type { CellValue, SheetSpec, Validation, WorkbookLayout } from '../../workbook/types';
import { layoutLookup } from './charts';
import { addParts, type Streamed } from './package-parts';
import { clipRef, clipSheet, type StreamedSheet } from './table-rows';
import { VALIDATION_TEXT_LIMITS } from '../../workbook/validation-limits';
import type { ByteSink } from './zip-writer';

const argb = (hex: string) => ({ argb: `FF${hex}` });
const DATE_FORMAT = /y.*m.*d/i;

// errorStyle is ST_DataValidationErrorStyle (ECMA-376 Part 1 §18.18.18): stop, warning or information. ExcelJS's
// README writes 'error', which openpyxl refuses and Excel may offer to repair.
function validation(v: Validation): ExcelJS.DataValidation {
  const common = {
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: '智能工厂自评',
    error: v.error.slice(0, VALIDATION_TEXT_LIMITS.error),
    ...(v.prompt ? { showInputMessage: true, prompt: v.prompt.slice(0, VALIDATION_TEXT_LIMITS.prompt) } : {}),
  };
  switch (v.kind) {
    case 'list':
      return { type: 'list', allowBlank: v.allowBlank, formulae: [v.source], ...common };
    case 'decimal':
    case 'whole': {
      const type = v.kind;
      if (v.min !== undefined && v.max !== undefined) return { type, operator: 'between', allowBlank: true, formulae: [v.min, v.max], ...common };
      if (v.min !== undefined) return { type, operator: 'greaterThanOrEqual', allowBlank: true, formulae: [v.min], ...common };
      return { type, operator: 'lessThanOrEqual', allowBlank: true, formulae: [v.max ?? 0], ...common };
    }
    case 'textLength':
      return { type: 'textLength', operator: 'equal', allowBlank: true, formulae: [v.exactly], ...common };
    case 'custom':
      return { type: 'custom', allowBlank: true, formulae: [v.formula], ...common };
  }
}

/**
 * The one place a value becomes a cell's content: strings pass the text sanitiser (no character XML 1.0
 * forbids, at most 32,767 characters) and stay literal text, never formulas; an ISO date typed into a
 * date-formatted input cell becomes a date.
 */
function setCell(c: ExcelJS.Cell, content: CellValue | Date | { f: string }, dateCell = false): void {
  if (content !== null && typeof content === 'object' && !(content instanceof Date)) c.value = { formula: content.f } as ExcelJS.CellFormulaValue;
  else if (typeof content === 'string') c.value = dateCell && isIsoDate(content) ? new Date(`${content}T00:00:00Z`) : cleanText(content);
  else c.value = content;
}

function renderSheet(wb: ExcelJS.Workbook, spec: SheetSpec): ExcelJS.Worksheet {
  const { rows, columns } = spec.freeze;
  const ws = wb.addWorksheet(spec.name, {
    state: spec.hidden ? 'hidden' : 'visible',
    ...(spec.tabColor ? { properties: { tabColor: argb(spec.tabColor) } } : {}),
    views: rows || columns ? [{ state: 'frozen', xSplit: columns, ySplit: rows }] : [{}],
    pageSetup: {
      paperSize: PRINT.paperSize,
      orientation: spec.print.orientation,
      fitToPage: true,
      fitToWidth: spec.print.pagesWide ?? 1,
      fitToHeight: spec.print.pagesTall ?? 0,
      horizontalCentered: true,
      margins: PRINT.margins,
      // ExcelJS puts "$" before each column only ('名'!$A1:$I6, rows relative, which LibreOffice ignores and
      // prints the whole used range): give it the rows absolute, so the name says '名'!$A$1:$I$6.
      printArea: spec.print.area.replace(/([A-Z]+)(\d+)/g, '$1$$$2'),
      ...(spec.print.titleRows ? { printTitlesRow: spec.print.titleRows } : {}),
      ...(spec.print.titleColumns ? { printTitlesColumn: spec.print.titleColumns } : {}),
    },
    headerFooter: { oddFooter: spec.print.footer ?? PRINT.footer.zh },
  });
  spec.columns.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  for (const r of spec.print.breaks ?? []) ws.getRow(r - 1).addPageBreak(); // a manual break after the row above
  for (const c of spec.hiddenColumns) ws.getColumn(c).hidden = true;
  for (const b of spec.blocks) {
    const style = b.style ? STYLES[b.style] : undefined;
    const top = rangeBounds(b.at);
    b.rows.forEach((row, i) =>
      row.forEach((content, j) => {
        const c = ws.getCell(top.r1 + i, top.c1 + j);
        setCell(c, content);
        if (b.numFmt) c.numFmt = b.numFmt;
        if (style) {
          c.font = {
            name: FONT.name,
            size: style.size ?? FONT.size,
            ...(style.bold ? { bold: true } : {}),
            ...(style.color ? { color: argb(style.color) } : {}),
          };
          if (style.fill) c.fill = { type: 'pattern', pattern: 'solid', fgColor: argb(style.fill) };
          c.alignment = {
            vertical: style.valign === 'middle' ? 'middle' : 'top',
            ...(style.wrap ? { wrapText: true } : {}),
            ...(style.align ? { horizontal: style.align } : {}),
          };
          if (style.border) {
            const edge = { style: 'thin' as const, color: argb('BFBFBF') };
            c.border = { top: edge, bottom: edge, left: edge, right: edge };
          }
        } else c.font = { name: FONT.name, size: FONT.size };
        if (b.input) c.protection = { locked: false };
      }),
    );
  }
  for (const m of spec.merges) ws.mergeCells(m);
  // One rule per range (sqref), relative to its top-left cell; the typings lack this ExcelJS 4 API.
  const dv = (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations;
  for (const v of spec.validations) dv.add(v.range, validation(v.rule));
  spec.conditionalFormats.forEach((cf, i) =>
    ws.addConditionalFormatting({
      ref: cf.range,
      rules: [
        {
          type: 'expression',
          priority: i + 1,
          formulae: [cf.formula],
          style: { fill: { type: 'pattern', pattern: 'solid', bgColor: argb(PAINTS[cf.style].fill) }, font: { color: argb(PAINTS[cf.style].color) } },
        },
      ],
    }),
  );
  return ws;
}

/**
 * Writes the layout (and, optionally, values into its named input ranges) as an .xlsx file. The long tables of
 * `streamed` sheets (rows after `from`) are written by ./table-rows.ts, not held as ExcelJS cells.
 */
export async function writeWorkbook(
  layout: WorkbookLayout,
  inputs?: Map<string, (CellValue | Date)[][]>,
  /**
   * `sink`: the package's bytes are given to it as they are made (a file being written), and none returned.
   * `sharedStrings`: how many strings the streamed rows may add to the shared strings (SHARED_STRINGS_ADDED_MAX).
   */
  options: { streamed?: readonly StreamedSheet[]; sink?: ByteSink; sharedStrings?: number } = {},
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '智能工厂自评助手 (smart-factory-assess)';
  wb.calcProperties.fullCalcOnLoad = true;
  const cut = new Map((options.streamed ?? []).map((s) => [s.sheet, s.from]));
  const given = new Map((options.streamed ?? []).map((s) => [s.sheet, s]));
  if (cut.size && inputs) throw new Error('streamed tables take no inputs');
  const sheets = new Map(
    layout.sheets.map((spec) => {
      const from = cut.get(spec.name);
      return [spec.name, { spec, ws: renderSheet(wb, from === undefined ? spec : clipSheet(spec, from)) }];
    }),
  );
  for (const n of layout.names) wb.definedNames.add(clipRef(n.ref, cut), n.name);
  const written = new Map<string, Map<string, CellValue | Date>>();
  for (const [name, values] of inputs ?? []) {
    const n = layout.names.find((x) => x.name === name);
    if (!n) throw new Error(`unknown input name ${name}`);
    const { sheet, range } = splitRef(n.ref);
    const ws = sheets.get(sheet)!.ws;
    const b = rangeBounds(range);
    const typed = written.get(sheet) ?? new Map<string, CellValue | Date>();
    written.set(sheet, typed);
    values.forEach((row, i) =>
      row.forEach((v, j) => {
        if (b.r1 + i > b.r2 || b.c1 + j > b.c2) return;
        const c = ws.getCell(a1(b.c1 + j, b.r1 + i));
        typed.set(c.address, v);
        // A real ISO date in a date-formatted cell becomes a date; anything else stays as typed (text).
        setCell(c, v, DATE_FORMAT.test(c.numFmt ?? ''));
      }),
    );
  }
  // Rows as tall as their wrapped text (layout and typed inputs), so nothing prints cut off.
  const streamed: Streamed[] = [];
  for (const { spec, ws } of sheets.values()) {
    const heights = rowHeights(spec, written.get(spec.name));
    const from = cut.get(spec.name) ?? Infinity;
    for (const [r, h] of heights) if (r <= from) ws.getRow(r).height = h;
    const s = given.get(spec.name);
    if (s) streamed.push({ name: spec.name, from, pieces: s.pieces ?? (() => [spec]), ...(s.done ? { done: s.done } : {}) });
  }
  // Protection last; without a password, so a user can unprotect a sheet on purpose.
  for (const { spec, ws } of sheets.values())
    if (spec.protect) await ws.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });
  // ExcelJS writes no charts (and its tables rewrite cells): both are added to its output as parts.
  // Only the chart's sheets are looked into for the values a chart caches.
  const charted = new Set(layout.charts.map((c) => c.sheet));
  const lookup = layoutLookup(layout.sheets.filter((x) => charted.has(x.name)));
  const names = layout.names.filter((n) => clipRef(n.ref, cut) !== n.ref);
  return addParts(
    Buffer.from(await wb.xlsx.writeBuffer()),
    { charts: layout.charts, tables: layout.tables ?? [], lookup, streamed, names, sharedStrings: options.sharedStrings },
    options.sink,
  );
}
