// A1 addresses: column letters, absolute references and sheet-qualified ranges.

export function colLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

export function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** "B3" → { col: 2, row: 3 }. */
export function parseCell(a1: string): { col: number; row: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(a1.toUpperCase());
  if (!m) throw new Error(`not a cell address: ${a1}`);
  return { col: colNumber(m[1]!), row: Number(m[2]) };
}

export const cell = (col: number, row: number) => `${colLetter(col)}${row}`;
export const absCell = (col: number, row: number) => `$${colLetter(col)}$${row}`;

/** "'企业信息'!" — sheet names are always quoted in references. */
export const sheetRef = (sheet: string) => `'${sheet.replace(/'/g, "''")}'!`;

/** '规则'!$D$2:$D$7 */
export function absRange(sheet: string, c1: number, r1: number, c2: number, r2: number): string {
  const a = absCell(c1, r1);
  const b = absCell(c2, r2);
  return `${sheetRef(sheet)}${a === b ? a : `${a}:${b}`}`;
}

export function range(c1: number, r1: number, c2: number, r2: number): string {
  const a = cell(c1, r1);
  const b = cell(c2, r2);
  return a === b ? a : `${a}:${b}`;
}

/** Splits "'名'!$B$3:$B$17" into the sheet name and the range "B3:B17". */
export function splitRef(ref: string): { sheet: string; range: string } {
  // Quoted as we write it, or bare as Excel and ExcelJS return simple names (推荐汇总表!A4:O6).
  const m = /^'((?:[^']|'')+)'!(.+)$/.exec(ref) ?? /^([^'!]+)!([^!]+)$/.exec(ref);
  if (!m) throw new Error(`not a sheet-qualified reference: ${ref}`);
  return { sheet: m[1]!.replace(/''/g, "'"), range: m[2]!.replace(/\$/g, '') };
}

/** Top-left and bottom-right of "B3:D5" (or a single cell). */
export function rangeBounds(r: string): { c1: number; r1: number; c2: number; r2: number } {
  const [a, b = a] = r.split(':');
  const p = parseCell(a!);
  const q = parseCell(b!);
  return { c1: p.col, r1: p.row, c2: q.col, r2: q.row };
}

/** A string as a formula literal: "a""b". */
export const str = (s: string) => `"${s.replace(/"/g, '""')}"`;
