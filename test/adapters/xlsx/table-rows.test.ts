// The long tables of a merged summary (推荐汇总表, 审核, 合并明细) are written row by row by table-rows.ts, not
// held as ExcelJS cells: the file must be what ExcelJS alone writes, cell for cell (style, type, value once
// the shared strings are resolved), with the same row heights, spans, dimension and defined names.
import JSZip from 'jszip';
import { bureauMerge, type MergeInput } from '../../../src/domain';
import { buildMergedWorkbook } from '../../../src/workbook/merged-summary';
import { writeWorkbook } from '../../../src/adapters/xlsx/write';
import { J } from '../../fixtures/jiangsu';
import { enterprise } from '../../fixtures/enterprise-workbooks';

let inline = 0;

/** Every part as text, each shared-string cell showing its string instead of its index (indexes may differ). */
async function resolved(xlsx: Buffer): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(xlsx);
  const unescape = (s: string) =>
    s
      .replace(/&apos;/g, "'")
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
  const sst = [...(await zip.file('xl/sharedStrings.xml')!.async('string')).matchAll(/<si>([^]*?)<\/si>/g)].map((m) =>
    unescape(m[1]!.replace(/<\/?t[^>]*>/g, '')),
  );
  const parts = new Map<string, string>();
  for (const name of Object.keys(zip.files)) {
    if (zip.files[name]!.dir || name.startsWith('docProps/') || name === 'xl/sharedStrings.xml') continue;
    const xml = await zip.file(name)!.async('string');
    parts.set(
      name,
      xml
        .replace(/(<c [^>]*t="s"[^>]*><v>)(\d+)(<\/v>)/g, (_m, a: string, i: string, b: string) => `${a}「${sst[Number(i)]}」${b}`)
        // An inline string as the shared one it stands for (written so past SHARED_STRINGS_ADDED_MAX).
        .replace(/(<c [^>]*t=")inlineStr("[^>]*>)<is>([^]*?)<\/is>(<\/c>)/g, (_m, a: string, b: string, t: string, c: string) => {
          inline++;
          return `${a}s${b}<v>「${unescape(t.replace(/<\/?t[^>]*>/g, ''))}」</v>${c}`;
        }),
    );
  }
  return parts;
}

const inputs: MergeInput[] = Array.from({ length: 230 }, (_, i) => ({
  file: `各区县/${i}.xlsx`,
  modified: Date.UTC(2025, 5, 1) + i * 60_000,
  rubric: J,
  sha256: i % 3 ? 'a'.repeat(64) : undefined,
  // Leading and trailing spaces, the five XML entities, blank credit codes, files with errors (many 合并明细 lines).
  assessment: enterprise(i % 7 === 0 ? ` 企业 ${i} &<'"> ` : `企业${i}`, `91320500MA1${String(i).padStart(5, '0')}0`, 60 + (i % 30), (a) => {
    if (i % 5 === 0) a.profile!.creditCode = '';
    if (i % 11 === 0) delete a.indicators!['3'];
  }),
  ...(i % 13 === 0 ? { failure: '不是 xlsx 文件' } : {}),
}));

it('writes the long tables row by row exactly as ExcelJS writes them', async () => {
  const result = bureauMerge(J, [], inputs, { lang: 'zh', today: '2026-01-01' });
  const built = buildMergedWorkbook(J, result, { unit: '南京市工业和信息化局', contact: '李四', phone: '025-12345678' }, 'zh');
  const layout = { rubricId: J.id, layoutVersion: 1, ...built };
  const whole = await resolved(await writeWorkbook(layout));
  const streamed = await resolved(await writeWorkbook(layout, undefined, { streamed: built.longTables }));
  expect([...streamed.keys()].sort()).toEqual([...whole.keys()].sort());
  for (const [name, xml] of whole) expect({ name, xml: streamed.get(name) }).toEqual({ name, xml });
  // The layout a streaming writer is given (the first row of each long table, the rest made in pieces of 7 rows
  // as they are written, 合并明细's pieces cut across a file's lines) writes the same file.
  const heads = buildMergedWorkbook(J, result, { unit: '南京市工业和信息化局', contact: '李四', phone: '025-12345678' }, 'zh', {
    streamed: true,
    pieceItems: 7,
  });
  for (const name of ['推荐汇总表', '审核', '合并明细'])
    expect(Math.max(...heads.sheets.find((x) => x.name === name)!.blocks.map((b) => b.rows.length))).toBeLessThanOrEqual(1);
  expect([...heads.longTables[2]!.pieces()].length).toBeGreaterThan(30);
  const pieced = await resolved(await writeWorkbook({ rubricId: J.id, layoutVersion: 1, ...heads }, undefined, { streamed: heads.longTables }));
  for (const [name, xml] of whole) expect({ name, xml: pieced.get(name) }).toEqual({ name, xml });
  // Each table's rows are let go once written: its pieces can no longer be made.
  expect(() => [...heads.longTables[0]!.pieces()]).toThrow(/after the writer was done/);
  // It did stream: 审核 has rows far below its first table row, and a name spans them all.
  expect(whole.get('xl/worksheets/sheet2.xml')).toContain(`<row r="${3 + result.rows.length}"`);
  expect(whole.get('xl/workbook.xml')).toMatch(new RegExp(`name="SFA_REVIEW">[^<]*\\$${3 + result.rows.length}</definedName>`));
});

it('past the shared strings it may add, writes the later strings in their cells: the same cells, the same texts', async () => {
  const result = bureauMerge(J, [], inputs, { lang: 'zh', today: '2026-01-01' });
  // Each write takes its long tables' rows (they are let go once written): a layout each.
  const write = (options: { streamed?: boolean; sharedStrings?: number }) => {
    const built = buildMergedWorkbook(J, result, { unit: '南京市工业和信息化局', contact: '李四', phone: '025-12345678' }, 'zh');
    const layout = { rubricId: J.id, layoutVersion: 1, ...built };
    return writeWorkbook(layout, undefined, options.streamed ? { streamed: built.longTables, sharedStrings: options.sharedStrings } : {});
  };
  const sstOf = async (data: Buffer) => (await JSZip.loadAsync(data)).file('xl/sharedStrings.xml')!.async('string');
  const whole = await resolved(await write({}));
  inline = 0;
  const data = await write({ streamed: true, sharedStrings: 50 });
  const capped = await resolved(data);
  expect(inline).toBeGreaterThan(500);
  for (const [name, xml] of whole) expect({ name, xml: capped.get(name) }).toEqual({ name, xml });
  // The shared strings hold ExcelJS's own and the 50 added, and count the cells that use them.
  const sst = await sstOf(data);
  const unique = [...sst.matchAll(/<si>/g)].length;
  const all = [...(await sstOf(await write({ streamed: true }))).matchAll(/<si>/g)].length;
  expect(unique).toBeLessThan(all);
  expect(sst).toContain(`uniqueCount="${unique}"`);
  const zip = await JSZip.loadAsync(data);
  let uses = 0;
  for (const name of Object.keys(zip.files).filter((n) => n.startsWith('xl/worksheets/sheet')))
    uses += [...(await zip.file(name)!.async('string')).matchAll(/t="s"/g)].length;
  expect(sst).toContain(` count="${uses}"`);
});

it('refuses a block below the first row styled unlike any cell of it', async () => {
  const result = bureauMerge(J, [], inputs.slice(0, 3), { lang: 'zh' });
  const built = buildMergedWorkbook(J, result, { unit: '', contact: '', phone: '' }, 'zh');
  const summary = built.sheets[0]!;
  summary.blocks.push({ at: 'A6', rows: [['x']], style: 'title' });
  // The sheets as given (no pieces: the pieces are made again from the result).
  const streamed = built.longTables.map(({ sheet, from }) => ({ sheet, from }));
  await expect(writeWorkbook({ rubricId: J.id, layoutVersion: 1, ...built }, undefined, { streamed })).rejects.toThrow(/styled unlike/);
});
