// A simulated Excel workbook: sheets of cells with values, formulas and formats, defined names, validations,
// conditional formats and the sheet settings the add-in writes. Development and tests only: it backs the
// jest fake context and the preview host, one implementation for both.
import { colLetter, rangeBounds } from '../../workbook/a1';
import { storeEntry } from './coercion';

export type SimValue = string | number | boolean | null;

export interface SimCell {
  value: SimValue;
  /** Formula with its leading "=", or undefined for a constant. */
  formula?: string;
  numberFormat: string;
  locked: boolean;
  style: Record<string, unknown>;
  /** Text entered with a leading apostrophe: kept as text, shown without it. */
  quotePrefix?: boolean;
}

export interface SimValidation {
  range: string;
  rule: Record<string, unknown>;
  errorAlert?: { message?: string; showAlert?: boolean; style?: string; title?: string };
  prompt?: { message?: string };
  ignoreBlanks?: boolean;
}

export interface SimConditionalFormat {
  range: string;
  formula: string;
  fill?: string;
  fontColor?: string;
}

export interface SimSheet {
  name: string;
  cells: Map<string, SimCell>;
  merges: string[];
  validations: SimValidation[];
  conditionalFormats: SimConditionalFormat[];
  frozen: { rows: number; columns: number };
  columnWidths: Map<number, number>;
  /** Row heights in points, by row number (RangeFormat.rowHeight). */
  rowHeights: Map<number, number>;
  hiddenColumns: Set<number>;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  tabColor: string;
  protected: boolean;
  /** The WorksheetProtectionOptions given to protect() (what a protected sheet still allows). */
  protectionOptions: Record<string, boolean>;
  page: {
    orientation?: string;
    paperSize?: string;
    printArea?: string;
    titleRows?: string;
    titleColumns?: string;
    fitToWidth?: number;
    /** Pages down (0: as many as it takes). */
    fitToHeight?: number;
    centered?: boolean;
    margins?: Record<string, number>;
    footer?: string;
  };
  charts: SimChart[];
  /** Excel tables (ListObjects): name and address, header row included. */
  tables: { name: string; address: string }[];
  maxRow: number;
  maxCol: number;
}

export interface SimChart {
  name: string;
  type: string;
  source: string;
  title?: string;
  position?: [string, string?];
}

export interface Bounds {
  c1: number;
  r1: number;
  c2: number;
  r2: number;
}

/** "B3:D5", "A:C" (whole columns), "3:4" (whole rows) or "" (used range of everything) → bounds. */
export function parseBounds(address: string, maxRow = 1048576, maxCol = 16384): Bounds {
  const a = address.replace(/\$/g, '');
  if (a === '') return { c1: 1, r1: 1, c2: maxCol, r2: maxRow };
  const cols = /^([A-Z]+):([A-Z]+)$/.exec(a);
  if (cols) {
    const { c1 } = rangeBounds(`${cols[1]}1`);
    const { c1: c2 } = rangeBounds(`${cols[2]}1`);
    return { c1, r1: 1, c2, r2: maxRow };
  }
  const rows = /^(\d+):(\d+)$/.exec(a);
  if (rows) return { c1: 1, r1: Number(rows[1]), c2: maxCol, r2: Number(rows[2]) };
  return rangeBounds(a);
}

export const key = (row: number, col: number) => `${row},${col}`;

export function emptyCell(): SimCell {
  return { value: null, numberFormat: 'General', locked: true, style: {} };
}

export function newSheet(name: string): SimSheet {
  return {
    name,
    cells: new Map(),
    merges: [],
    validations: [],
    conditionalFormats: [],
    frozen: { rows: 0, columns: 0 },
    columnWidths: new Map(),
    rowHeights: new Map(),
    hiddenColumns: new Set(),
    visibility: 'Visible',
    tabColor: '',
    protected: false,
    protectionOptions: {},
    page: {},
    charts: [],
    tables: [],
    maxRow: 0,
    maxCol: 0,
  };
}

export class SimWorkbook {
  sheets: SimSheet[] = [];
  /** Defined name → reference with its "=", e.g. ='企业信息'!$B$3:$B$17. */
  names = new Map<string, string>();
  enableEvents = true;
  /** Workbook structure protection (WorkbookProtection.protect): no sheet added, moved, hidden or renamed. */
  structureProtected = false;
  /** A person is editing a cell (tests start and end it): API requests fail or wait meanwhile. */
  cellEditing = false;
  private editWaiters: (() => void)[] = [];
  /** The selected range (sheet and A1 address), as a user or `range.select()` left it. */
  selection: { sheet: string; address: string } | null = null;
  /** Called after every sync that wrote something (the preview recalculates formulas here). */
  onWrite?: () => void;
  active: string | null = null;
  /** Event handlers per sheet, as registered through the Office-like API. */
  readonly handlers = { changed: new Map<string, Set<(e: unknown) => unknown>>(), calculated: new Map<string, Set<(e: unknown) => unknown>>() };

  /** Fires a sheet event (only while events are enabled, as in Excel). */
  fire(kind: 'changed' | 'calculated', sheet: string, address: string): void {
    if (!this.enableEvents) return;
    for (const h of this.handlers[kind].get(sheet) ?? [])
      void h({ address, worksheetId: sheet, source: 'Local', type: kind === 'changed' ? 'WorksheetChanged' : 'WorksheetCalculated' });
  }

  /**
   * A person typing into a cell: refused on a locked cell of a protected sheet, as Excel does; then the
   * workbook recalculates and the change and calculation events fire.
   */
  userEdit(sheetName: string, address: string, value: SimValue): void {
    const sheet = this.sheet(sheetName);
    if (!sheet) throw new Error(`no sheet ${sheetName}`);
    const b = parseBounds(address);
    const existing = this.peek(sheet, b.r1, b.c1);
    if (sheet.protected && (existing?.locked ?? true)) throw new Error(`${sheetName}!${address} is protected`);
    storeEntry(this.cell(sheet, b.r1, b.c1), value, 'typed');
    this.onWrite?.();
    this.fire('changed', sheetName, address);
    for (const s of this.sheets) this.fire('calculated', s.name, '');
  }

  beginCellEdit(): void {
    this.cellEditing = true;
  }

  endCellEdit(): void {
    this.cellEditing = false;
    for (const w of this.editWaiters.splice(0)) w();
  }

  /** Resolves when the cell edit in progress ends. */
  cellEditEnded(): Promise<void> {
    return this.cellEditing ? new Promise((resolve) => this.editWaiters.push(resolve)) : Promise.resolve();
  }

  sheet(name: string): SimSheet | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  cell(sheet: SimSheet, row: number, col: number): SimCell {
    const k = key(row, col);
    let c = sheet.cells.get(k);
    if (!c) {
      sheet.cells.set(k, (c = emptyCell()));
      sheet.maxRow = Math.max(sheet.maxRow, row);
      sheet.maxCol = Math.max(sheet.maxCol, col);
    }
    return c;
  }

  peek(sheet: SimSheet, row: number, col: number): SimCell | undefined {
    return sheet.cells.get(key(row, col));
  }

  /** Used extent of a sheet (1-based, inclusive; it only grows, as Excel's used range does until saved). */
  extent(sheet: SimSheet): { rows: number; cols: number } {
    return { rows: sheet.maxRow, cols: sheet.maxCol };
  }

  /** Values of a range as Excel returns them: "" for empty cells. */
  values(sheet: SimSheet, b: Bounds): (string | number | boolean)[][] {
    const out: (string | number | boolean)[][] = [];
    for (let r = b.r1; r <= b.r2; r++) {
      const row: (string | number | boolean)[] = [];
      for (let c = b.c1; c <= b.c2; c++) row.push(this.peek(sheet, r, c)?.value ?? '');
      out.push(row);
    }
    return out;
  }

  /** Resolves a defined name to its sheet and bounds. */
  resolveName(name: string): { sheet: SimSheet; bounds: Bounds } | undefined {
    const ref = this.names.get(name);
    if (!ref) return undefined;
    return this.resolveRef(ref.replace(/^=/, ''));
  }

  resolveRef(ref: string): { sheet: SimSheet; bounds: Bounds } | undefined {
    const i = ref.lastIndexOf('!');
    const rawSheet = ref.slice(0, i);
    const sheetName = rawSheet.startsWith("'") ? rawSheet.slice(1, -1).replace(/''/g, "'") : rawSheet;
    const sheet = this.sheet(sheetName);
    if (!sheet) return undefined;
    return { sheet, bounds: parseBounds(ref.slice(i + 1)) };
  }
}

export function addressOf(sheet: SimSheet, b: Bounds): string {
  const a = `${colLetter(b.c1)}${b.r1}`;
  const z = `${colLetter(b.c2)}${b.r2}`;
  const q = /^[A-Za-z_][A-Za-z0-9_]*$/.test(sheet.name) ? sheet.name : `'${sheet.name.replace(/'/g, "''")}'`;
  return `${q}!${a === z ? a : `${a}:${z}`}`;
}

export { storeEntry } from './coercion';
