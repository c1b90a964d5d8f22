// Excel tables (ListObjects, ECMA-376 Part 1 §18.5: xl/tables/tableN.xml) over ranges the layout wrote, so a
// reviewer can sort and filter them. Written as parts beside ExcelJS's output: ExcelJS's own tables rewrite
// the cells they cover and lose their formats.
import { rangeBounds } from '../../workbook/a1';
import type { TableSpec } from '../../workbook/types';
import { xmlEscape } from './charts';
import type { XlsxPackage } from './package-parts';

const SML = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_TABLE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/table';
const CT_TABLE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml';

export function tableXml(t: TableSpec, id: number): string {
  const b = rangeBounds(t.range);
  if (t.columns.length !== b.c2 - b.c1 + 1) throw new Error(`table ${t.name}: ${t.columns.length} column names for ${t.range}`);
  if (new Set(t.columns).size !== t.columns.length || t.columns.some((c) => c.trim() === ''))
    throw new Error(`table ${t.name}: column names must be unique and not blank`);
  const cols = t.columns.map((c, i) => `<tableColumn id="${i + 1}" name="${xmlEscape(c)}"/>`).join('');
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<table xmlns="${SML}" id="${id}" name="${xmlEscape(t.name)}" displayName="${xmlEscape(t.name)}" ref="${t.range}" totalsRowShown="0">` +
    `<autoFilter ref="${t.range}"/><tableColumns count="${t.columns.length}">${cols}</tableColumns>` +
    `<tableStyleInfo name="TableStyleLight9" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`
  );
}

export async function addTableParts(pkg: XlsxPackage, tables: readonly TableSpec[]): Promise<void> {
  const bySheet = new Map<string, { t: TableSpec; id: number }[]>();
  tables.forEach((t, i) => bySheet.set(t.sheet, [...(bySheet.get(t.sheet) ?? []), { t, id: i + 1 }]));
  for (const [sheet, list] of bySheet) {
    const ids: string[] = [];
    for (const { t, id } of list) {
      pkg.addPart(`xl/tables/table${id}.xml`, tableXml(t, id), CT_TABLE);
      ids.push(await pkg.relateSheet(sheet, REL_TABLE, `../tables/table${id}.xml`));
    }
    await pkg.insertInSheet(sheet, `<tableParts count="${ids.length}">${ids.map((id) => `<tablePart r:id="${id}"/>`).join('')}</tableParts>`, 'tableParts');
  }
}
