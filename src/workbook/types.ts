// The declarative description of the workbook: pure data, no ExcelJS or Office types. The .xlsx adapter and
// the Office.js adapter both render exactly this, so the file and the add-in cannot drift apart.
//
// Conventions: cell addresses are A1 style; formulas are written without the leading "=", with English
// function names and comma separators, and every sheet name in a reference is quoted ('规则'!$A$1), which
// Excel, WPS, LibreOffice and HyperFormula all accept.

export type CellValue = string | number | boolean | null;

/** A named style; adapters map each to fonts, fills and borders (see ./styles.ts). */
export type StyleId =
  | 'title'
  | 'subtitle'
  | 'header'
  | 'label'
  | 'text'
  | 'wrap'
  | 'input'
  | 'inputWrap'
  | 'output'
  | 'outputStrong'
  | 'check'
  | 'problem'
  | 'problemNo'
  | 'note'
  | 'helper';

/** One cell or a rectangular block written row by row (2-D, as Office.js `values`/`formulas` want). */
export interface Block {
  /** Top-left cell, e.g. "B3". */
  at: string;
  /** Rows of cells: a value, or `{ f }` for a formula. */
  rows: (CellValue | { f: string })[][];
  style?: StyleId;
  /** Excel number format, e.g. "0.00", "@" (text), "yyyy-mm-dd", "0.0%". */
  numFmt?: string;
  /** Input cells are unlocked; everything else stays locked when the sheet is protected. */
  input?: boolean;
  /**
   * For formula cells: the longest text the formula can show (e.g. the longest level description), so the row
   * is tall enough for it when printed (see ./row-heights.ts); for an empty cell, the room it keeps (line breaks).
   */
  fit?: string;
}

export type Validation =
  | { kind: 'list'; source: string; allowBlank: boolean; error: string; prompt?: string }
  | { kind: 'decimal'; min?: number; max?: number; error: string; prompt?: string }
  | { kind: 'whole'; min?: number; max?: number; error: string; prompt?: string }
  | { kind: 'textLength'; exactly: number; error: string; prompt?: string }
  /** A custom rule: the formula is written for the top-left cell of the range and is relative to it. */
  | { kind: 'custom'; formula: string; error: string; prompt?: string };

export interface ValidationSpec {
  range: string;
  rule: Validation;
}

/** Paints a range when the formula (relative to the top-left cell) is true. */
export interface ConditionalFormatSpec {
  range: string;
  formula: string;
  style: 'invalid' | 'warning' | 'ok' | 'muted';
}

/**
 * How a sheet prints: always A4, fitted to one page wide (as many pages tall as it takes, or pagesTall), centred
 * horizontally, with the footer 「第 &P 页 共 &N 页」 (see PRINT in ./styles.ts).
 */
export interface PrintSpec {
  area: string;
  orientation: 'portrait' | 'landscape';
  /** Rows repeated on every printed page, e.g. "1:3". */
  titleRows?: string;
  /** The page footer in Excel's header/footer codes; PRINT.footer.zh unless the layout is in English. */
  footer?: string;
  /** Rows that start a new printed page (a section with a chart is never cut by a page break). */
  breaks?: number[];
  /** Pages across, 1 unless the sheet is too wide to read on one (审核's twenty columns print at 4 pt). */
  pagesWide?: number;
  /**
   * Pages down it is shrunk to fit, when set (评估结果: 1, so it never prints a page holding only the end of a
   * list); as many pages as it takes when absent.
   */
  pagesTall?: number;
  /** Columns repeated on every page across, e.g. "A:B". */
  titleColumns?: string;
}

export interface SheetSpec {
  /** Stable key the code uses; `name` is what the user sees. */
  key: SheetKey;
  name: string;
  hidden: boolean;
  /** Column widths in characters, from column A. */
  columns: number[];
  /** Column letters hidden from view (helper columns that formulas use). */
  hiddenColumns: string[];
  blocks: Block[];
  merges: string[];
  validations: ValidationSpec[];
  conditionalFormats: ConditionalFormatSpec[];
  /** Rows and columns frozen at the top-left. */
  freeze: { rows: number; columns: number };
  print: PrintSpec;
  /** Protected without a password: labels and formulas locked, inputs unlocked. */
  protect: boolean;
  /** Tab colour, RRGGBB. */
  tabColor?: string;
}

/** `app-…`: the 申报书 sheets, keyed by the application rubric's sheet ids. */
export type SheetKey = 'profile' | 'indicators' | 'scenarios' | 'result' | 'summary' | 'rubric' | 'review' | 'stats' | `app-${string}`;

/** A workbook-level defined name: every input and result is found through one, never by address. */
export interface NameSpec {
  name: string;
  /** Sheet-qualified absolute reference, e.g. '企业信息'!$B$3:$B$17. */
  ref: string;
}

/**
 * A native chart of one series: categories in the first column of `source`, values in the second. Office.js
 * draws it through the API; the .xlsx adapter writes it as DrawingML (src/adapters/xlsx/charts.ts).
 */
export interface ChartSpec {
  sheet: string;
  /** radar: the indicator scores; bar: horizontal bars (long category names); column: vertical; pie: shares. */
  type: 'radar' | 'bar' | 'column' | 'pie';
  /** Labels in the first column, values in the second, e.g. A40:B48. */
  source: string;
  title: string;
  /** Top-left and bottom-right cells the chart covers. */
  from: string;
  to: string;
}

/** An Excel table (ListObject) over `range`, whose first row holds `columns` as its header: sortable and filterable. */
export interface TableSpec {
  sheet: string;
  /** The table's name (letters, digits, _; unique in the workbook). */
  name: string;
  range: string;
  columns: string[];
}

export interface WorkbookLayout {
  rubricId: string;
  /** Bumped whenever the position or meaning of an input changes; readers refuse newer layouts. */
  layoutVersion: number;
  sheets: SheetSpec[];
  names: NameSpec[];
  charts: ChartSpec[];
  tables?: TableSpec[];
}
