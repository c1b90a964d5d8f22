// Test helpers that change one thing in a real workbook's XML (a cell, a part, the zip) and rewrite the zip.
import { readZip, writeZip, type ZipEntry } from '../../corpus/zip';

export type Parts = ZipEntry[];

export const text = (entries: Parts, name: string) => entries.find((e) => e.name === name)!.data!.toString('utf8');
export const setText = (entries: Parts, name: string, xml: string) => (entries.find((e) => e.name === name)!.data = Buffer.from(xml, 'utf8'));

/** The part name of a sheet, through workbook.xml and its relationships. */
export function sheetPart(entries: Parts, sheet: string): string {
  const rid = new RegExp(`<sheet [^>]*name="${sheet}"[^>]*r:id="([^"]+)"`).exec(text(entries, 'xl/workbook.xml'))?.[1];
  const target = rid && new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(text(entries, 'xl/_rels/workbook.xml.rels'))?.[1];
  if (!target) throw new Error(`no part for sheet ${sheet}`);
  return `xl/${target.replace(/^\/?xl\//, '')}`;
}

/** The workbook with `edit` applied to its parts. */
export function editParts(xlsx: Buffer, edit: (entries: Parts) => void): Buffer {
  const entries = readZip(xlsx);
  edit(entries);
  return writeZip(entries);
}

/** The workbook with the `<c>` at `ref` of `sheet` replaced by `cellXml` (written with r="ref"). */
export function replaceCell(xlsx: Buffer, sheet: string, ref: string, cellXml: string): Buffer {
  return editParts(xlsx, (entries) => {
    const name = sheetPart(entries, sheet);
    const xml = text(entries, name);
    const re = new RegExp(`<c r="${ref}"(?:[^>]*/>|[^>]*>.*?</c>)`);
    if (!re.test(xml)) throw new Error(`no cell ${sheet}!${ref}`);
    setText(entries, name, xml.replace(re, cellXml));
  });
}

/** The workbook with `xml` inserted into a sheet part just before `before` (e.g. '</worksheet>'). */
export function insertIntoSheet(xlsx: Buffer, sheet: string, before: string, xml: string): Buffer {
  return editParts(xlsx, (entries) => {
    const name = sheetPart(entries, sheet);
    setText(entries, name, text(entries, name).replace(before, `${xml}${before}`));
  });
}
