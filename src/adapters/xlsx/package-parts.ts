// Parts added to the .xlsx package ExcelJS wrote, for what ExcelJS cannot write or writes wrongly (charts,
// tables): new parts with their content types, relationships from a worksheet, and elements inserted into a
// worksheet at the place CT_Worksheet (sml.xsd) gives them. The package is then written again by ./zip-writer.ts,
// the long tables' rows made and deflated as they are written (JSZip would hold every part, then its output).
import JSZip from 'jszip';
import type { ChartSpec, NameSpec, SheetSpec, TableSpec } from '../../workbook/types';
import { SharedStrings, tableRowPieces, xmlText } from './table-rows';
import { ZipWriter, type ByteSink } from './zip-writer';
import { addChartParts, type CellLookup } from './charts';
import { addTableParts } from './tables';

const REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const R_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

export const relsXml = (rels: { id: string; type: string; target: string }[]) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${REL_NS}">${rels.map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${escapeAttr(r.target)}"/>`).join('')}</Relationships>`;

/** CT_Worksheet's elements from <drawing> on, in schema order: an element goes before the first later one present. */
const WORKSHEET_TAIL = [
  'drawing',
  'legacyDrawing',
  'legacyDrawingHF',
  'drawingHF',
  'picture',
  'oleObjects',
  'controls',
  'webPublishItems',
  'tableParts',
  'extLst',
] as const;
type TailElement = (typeof WORKSHEET_TAIL)[number];

const unescapeXml = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** A sheet whose rows after `from` are appended as its part is written, from `pieces()` (./table-rows.ts). */
export type Streamed = { name: string; from: number; pieces: () => Iterable<SheetSpec>; done?: () => void };

export class XlsxPackage {
  private readonly overrides: string[] = [];
  private sheets?: Map<string, string>;
  private relNo = 0;
  /** The sheets whose rows are appended as the package is saved (./table-rows.ts). */
  private streamed: readonly Streamed[] = [];
  private sharedStrings: number | undefined;

  private constructor(private readonly zip: JSZip) {}

  static async open(data: Buffer): Promise<XlsxPackage> {
    return new XlsxPackage(await JSZip.loadAsync(data));
  }

  addPart(path: string, xml: string, contentType?: string): void {
    this.zip.file(path, xml);
    if (contentType) this.overrides.push(`<Override PartName="/${escapeAttr(path)}" ContentType="${contentType}"/>`);
  }

  /** The worksheet part of each sheet name, from the workbook part and its relationships. */
  private async sheetPart(sheet: string): Promise<string> {
    if (!this.sheets) {
      const wb = await this.zip.file('xl/workbook.xml')!.async('string');
      const rels = await this.zip.file('xl/_rels/workbook.xml.rels')!.async('string');
      const targets = new Map<string, string>();
      for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
        const id = /\bId="([^"]+)"/.exec(m[0])?.[1];
        const target = /\bTarget="([^"]+)"/.exec(m[0])?.[1];
        if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
      }
      this.sheets = new Map();
      for (const m of wb.matchAll(/<sheet\b[^>]*>/g)) {
        const name = /\bname="([^"]*)"/.exec(m[0])?.[1];
        const rid = /\br:id="([^"]+)"/.exec(m[0])?.[1];
        if (name !== undefined && rid && targets.has(rid)) this.sheets.set(unescapeXml(name), targets.get(rid)!);
      }
    }
    const part = this.sheets.get(sheet);
    if (!part) throw new Error(`the workbook has no sheet ${sheet}`);
    return part;
  }

  /** Adds a relationship from a worksheet (its .rels part is created when ExcelJS wrote none); returns its id. */
  async relateSheet(sheet: string, type: string, target: string): Promise<string> {
    const part = await this.sheetPart(sheet);
    const relsPath = `${part.slice(0, part.lastIndexOf('/'))}/_rels/${part.slice(part.lastIndexOf('/') + 1)}.rels`;
    const id = `rIdSfa${++this.relNo}`;
    const existing = await this.zip.file(relsPath)?.async('string');
    const rel = `<Relationship Id="${id}" Type="${type}" Target="${escapeAttr(target)}"/>`;
    this.zip.file(relsPath, existing ? existing.replace('</Relationships>', `${rel}</Relationships>`) : relsXml([{ id, type, target }]));
    return id;
  }

  /** Inserts an element into a worksheet where CT_Worksheet's order puts it. */
  async insertInSheet(sheet: string, xml: string, element: TailElement): Promise<void> {
    const part = await this.sheetPart(sheet);
    let text = await this.zip.file(part)!.async('string');
    if (new RegExp(`<${element}[\\s>/]`).test(text)) throw new Error(`${sheet} already has <${element}>`);
    let at = text.lastIndexOf('</worksheet>');
    for (const tag of WORKSHEET_TAIL.slice(WORKSHEET_TAIL.indexOf(element) + 1)) {
      const i = text.search(new RegExp(`<${tag}[\\s>/]`));
      if (i >= 0 && i < at) at = i;
    }
    text = `${text.slice(0, at)}${xml}${text.slice(at)}`;
    if (!/<worksheet[^>]*\sxmlns:r=/.test(text)) text = text.replace(/<worksheet\b/, `<worksheet xmlns:r="${R_NS}"`);
    this.zip.file(part, text);
  }

  /**
   * Appends the streamed rows of each sheet (./table-rows.ts), their strings to the shared strings: made as the
   * package is saved, each sheet deflated as its rows are made, so no sheet's XML is ever held whole.
   */
  async appendRows(streamed: readonly Streamed[], sharedStrings?: number): Promise<void> {
    for (const { name } of streamed) await this.sheetPart(name); // an unknown sheet fails here, not half-way through saving
    this.streamed = streamed;
    this.sharedStrings = sharedStrings;
  }

  /** Gives defined names their whole reference (ExcelJS was given them cut to the rows it wrote). */
  async setNames(names: readonly NameSpec[]): Promise<void> {
    if (names.length === 0) return;
    let wb = await this.zip.file('xl/workbook.xml')!.async('string');
    for (const n of names) {
      const at = wb.indexOf(`<definedName name="${xmlText(n.name)}">`);
      if (at < 0) throw new Error(`no defined name ${n.name}`);
      const open = wb.indexOf('>', at) + 1;
      wb = `${wb.slice(0, open)}${xmlText(n.ref)}${wb.slice(wb.indexOf('</definedName>', open))}`;
    }
    this.zip.file('xl/workbook.xml', wb);
  }

  /** The package's bytes; with a `sink`, given to it part by part as each is made (and an empty buffer returned). */
  async save(sink?: ByteSink): Promise<Buffer> {
    const types = await this.zip.file('[Content_Types].xml')!.async('string');
    this.zip.file('[Content_Types].xml', types.replace('</Types>', `${this.overrides.join('')}</Types>`));
    const rows = new Map<string, Streamed>();
    for (const s of this.streamed) rows.set(await this.sheetPart(s.name), s);
    const sstPart = 'xl/sharedStrings.xml';
    const sst = rows.size ? new SharedStrings(await this.zip.file(sstPart)!.async('string'), this.sharedStrings) : undefined;
    const out = new ZipWriter(undefined, undefined, sink);
    for (const file of Object.values(this.zip.files)) {
      if (file.dir || (sst && file.name === sstPart)) continue;
      const r = rows.get(file.name);
      if (r) {
        out.add(file.name, tableRowPieces(await file.async('string'), r.pieces, r.from, sst!));
        r.done?.();
      } else out.add(file.name, await file.async('nodebuffer'));
    }
    // The shared strings last: the rows above added theirs.
    if (sst) out.add(sstPart, sst.pieces());
    return out.finish();
  }
}

/** Adds charts, tables and streamed table rows to an .xlsx written by ExcelJS. Nothing to add: the same bytes. */
export async function addParts(
  xlsx: Buffer,
  add: {
    charts: readonly ChartSpec[];
    tables: readonly TableSpec[];
    lookup: CellLookup;
    streamed?: readonly Streamed[];
    names?: readonly NameSpec[];
    /** How many strings the streamed rows may add to the shared strings (./table-rows.ts). */
    sharedStrings?: number;
  },
  sink?: ByteSink,
): Promise<Buffer> {
  if (add.charts.length === 0 && add.tables.length === 0 && !add.streamed?.length) {
    if (!sink) return xlsx;
    sink(xlsx);
    return Buffer.alloc(0);
  }
  const pkg = await XlsxPackage.open(xlsx);
  // Charts and tables first, while the sheets are short: the rows are appended to their XML as bytes.
  await addChartParts(pkg, add.charts, add.lookup);
  await addTableParts(pkg, add.tables);
  await pkg.appendRows(add.streamed ?? [], add.sharedStrings);
  await pkg.setNames(add.names ?? []);
  return pkg.save(sink);
}
