// Queues the declarative layout into Office.js proxies: 2-D values/formulas per block, formats, validations,
// conditional formats, merges, freeze panes, print setup and protection. Nothing here syncs: the caller
// decides when the batch goes to Excel (injection does it in one sync).
import { colLetter, rangeBounds, range as a1Range, parseCell } from '../../workbook/a1';
import { PAINTS, STYLES } from '../../workbook/styles';
import type { Block, CellValue, SheetSpec, Validation } from '../../workbook/types';

export interface RenderFeatures {
  /** ExcelApi 1.9: page layout (print area, orientation, fit to width). */
  pageLayout: boolean;
}

const RISKY_TEXT = /^[=+\-@]/;

/** A block's address, e.g. B3:D5. */
export function blockRange(b: Block): string {
  const p = parseCell(b.at);
  const width = Math.max(...b.rows.map((r) => r.length));
  return a1Range(p.col, p.row, p.col + width - 1, p.row + b.rows.length - 1);
}

const isFormula = (c: unknown): c is { f: string } => typeof c === 'object' && c !== null && 'f' in c;

/** Values for Office.js: null becomes "" (empty). */
const officeValue = (v: CellValue): string | number | boolean => (v === null ? '' : v);

/**
 * Text that Excel would parse (a leading =, +, -, @) gets the text format "@" so it stays literal: strings
 * from a workbook or a file are data, never formulas.
 */
export function textSafeFormats(values: CellValue[][], base: string): string[][] {
  return values.map((row) => row.map((v) => (typeof v === 'string' && RISKY_TEXT.test(v) ? '@' : base)));
}

export function queueBlock(ws: Excel.Worksheet, b: Block): void {
  const r = ws.getRange(blockRange(b));
  const width = Math.max(...b.rows.map((row) => row.length));
  const rows = b.rows.map((row) => [...row, ...Array<CellValue>(width - row.length).fill(null)]);
  const plain = rows.map((row) => row.map((c) => (isFormula(c) ? null : (c as CellValue))));
  r.numberFormat = textSafeFormats(plain, b.numFmt ?? 'General');
  if (rows.some((row) => row.some(isFormula))) r.formulas = rows.map((row) => row.map((c) => (isFormula(c) ? `=${c.f}` : officeValue(c as CellValue))));
  else r.values = plain.map((row) => row.map(officeValue));
  if (b.style) {
    const s = STYLES[b.style];
    if (s.bold) r.format.font.bold = true;
    if (s.size) r.format.font.size = s.size;
    if (s.color) r.format.font.color = `#${s.color}`;
    if (s.fill) r.format.fill.color = `#${s.fill}`;
    if (s.wrap) r.format.wrapText = true;
    if (s.align) r.format.horizontalAlignment = s.align === 'center' ? 'Center' : s.align === 'right' ? 'Right' : 'Left';
    r.format.verticalAlignment = 'Top';
    if (s.border) {
      for (const edge of ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal'] as const) {
        const border = r.format.borders.getItem(edge);
        border.style = 'Continuous';
        border.color = '#BFBFBF';
      }
    }
  }
  if (b.input) r.format.protection.locked = false;
}

export function validationRule(v: Validation): Excel.DataValidationRule {
  switch (v.kind) {
    case 'list':
      return { list: { inCellDropDown: true, source: `=${v.source}` } };
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

export function queueSheet(ws: Excel.Worksheet, spec: SheetSpec, features: RenderFeatures): void {
  spec.columns.forEach((w, i) => {
    const c = colLetter(i + 1);
    ws.getRange(`${c}:${c}`).format.columnWidth = Math.round(w * 6.5);
  });
  for (const b of spec.blocks) queueBlock(ws, b);
  for (const m of spec.merges) ws.getRange(m).merge(false);
  for (const c of spec.hiddenColumns) ws.getRange(`${c}:${c}`).columnHidden = true;
  for (const v of spec.validations) {
    const r = ws.getRange(v.range);
    r.dataValidation.clear();
    r.dataValidation.rule = validationRule(v.rule);
    r.dataValidation.errorAlert = { message: v.rule.error.slice(0, 255), showAlert: true, style: 'Stop', title: '智能工厂自评' };
    if (v.rule.kind === 'list') r.dataValidation.ignoreBlanks = v.rule.allowBlank;
    if (v.rule.prompt) r.dataValidation.prompt = { message: v.rule.prompt.slice(0, 255), showPrompt: true, title: '' };
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
    const pl = ws.pageLayout;
    pl.orientation = spec.print.orientation === 'landscape' ? 'Landscape' : 'Portrait';
    pl.paperSize = 'A4';
    pl.setPrintArea(spec.print.area);
    if (spec.print.titleRows) {
      const [r1, r2] = spec.print.titleRows.split(':');
      pl.setPrintTitleRows(`$${r1}:$${r2}`);
    }
    pl.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  }
  if (spec.tabColor) ws.tabColor = `#${spec.tabColor}`;
  ws.visibility = spec.hidden ? 'Hidden' : 'Visible';
}

/** Protection goes last, after every write of the batch. */
export function queueProtection(ws: Excel.Worksheet, spec: SheetSpec): void {
  if (spec.protect) ws.protection.protect({ allowFormatColumns: true, allowFormatRows: true, allowAutoFilter: true, allowSort: false });
}

export { rangeBounds };
