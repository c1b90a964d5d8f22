// Regression tests for issue 14's reader findings: item 3 (holes in the old zip guard, and `sfa score` /
// `sfa export` reading without limits), item 4 (silently wrong values) and item 5 (name redirection). Each of
// these files broke, hung or misled the ExcelJS reader behind the regex guard.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync, crc32 } from 'node:zlib';
import { readAssessmentWorkbook } from '../../../src/adapters/xlsx/read';
import { LAYOUT_VERSION } from '../../../src/workbook/layout';
import { nodeInflater } from '../../../src/adapters/xlsx/inflate-node';
import { enterpriseAssessment, enterpriseWorkbook } from '../../corpus/make-corpus';
import { readZip, writeZip } from '../../corpus/zip';
import { runCli } from '../../cli/run-cli';
import { editParts, insertIntoSheet, replaceCell, sheetPart, setText, text } from './edit-xlsx';

const read = (data: Uint8Array) => readAssessmentWorkbook(data, 'zh', { inflate: nodeInflater });
const problemAt = async (data: Buffer, cell: string) => (await read(data)).problems.find((p) => `${p.sheet}!${p.cell}` === cell);

let good: Buffer;
beforeAll(async () => {
  good = await enterpriseWorkbook(
    enterpriseAssessment({ name: '样本企业有限公司', code17: '91320100MA1A00010', aim: 'advanced', score: 75, fillDate: '2025-03-01' }),
  );
});

describe('issue 14 item 3: bombs the regex guard missed are bounded by construction', () => {
  it('a <col> run starting past XFD (the guard checked only max) is never expanded', async () => {
    const cols = insertIntoSheet(good, '企业信息', '<sheetData>', '<cols><col min="4294967296" max="4294967296" width="9"/></cols>');
    expect((await read(cols)).assessment).toEqual((await read(good)).assessment);
  });

  it('thousands of unclosed <definedName> tags (quadratic for the guard regex) are refused in one pass', async () => {
    const unclosed = editParts(good, (entries) =>
      setText(entries, 'xl/workbook.xml', text(entries, 'xl/workbook.xml').replace('<definedNames>', `<definedNames>${'<definedName name="X">'.repeat(5000)}`)),
    );
    await expect(read(unclosed)).rejects.toThrow(/已损坏.*workbook\.xml/);
  });

  it('millions of <xf/> in styles.xml and conditional formats covering whole sheets are never expanded', async () => {
    const styles = editParts(good, (entries) => {
      const e = entries.find((x) => x.name === 'xl/styles.xml')!;
      const xml = e
        .data!.toString('utf8')
        .replace(/<cellXfs count="\d+">/, (m) => `${m}${'<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'.repeat(200_000)}`);
      e.data = Buffer.from(xml);
    });
    const cf = Array.from(
      { length: 2000 },
      (_, i) =>
        `<conditionalFormatting sqref="A1:XFD1048576"><cfRule type="expression" dxfId="0" priority="${i + 1}"><formula>TRUE</formula></cfRule></conditionalFormatting>`,
    ).join('');
    const formats = insertIntoSheet(good, '企业信息', '</worksheet>', cf);
    const base = (await read(good)).assessment;
    expect((await read(styles)).assessment).toEqual(base);
    expect((await read(formats)).assessment).toEqual(base);
  });

  describe('sfa score and sfa export read through the same limits', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sfa-hostile-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    it('refuses a lying zip bomb with the reader’s own words, in one line', async () => {
      const entries = readZip(good);
      const name = sheetPart(entries, '场景自评');
      const e = entries.find((x) => x.name === name)!;
      const bomb = Buffer.alloc(48 * 1024 * 1024, 0x20);
      e.deflated = { bytes: deflateRawSync(bomb), crc: crc32(bomb), size: e.data!.length }; // declares the honest size
      delete e.data;
      const file = join(dir, '炸弹.xlsx');
      writeFileSync(file, writeZip(entries));
      for (const cmd of ['score', 'export']) {
        const r = await runCli([cmd, file]);
        expect([cmd, r.code]).toEqual([cmd, 2]);
        expect(r.err).toMatch(/炸弹\.xlsx: 解压后超过 32 MB（疑似压缩炸弹）/);
      }
    });
  });
});

describe('issue 14 item 4: every cell read by its ECMA-376 type, nothing more', () => {
  const DECL = '企业信息!B21';
  it.each([
    ['false', false],
    ['0', false],
    ['true', true],
    [' 1 ', true],
  ])('t="b" <v>%s</v> is the boolean %s', async (v, want) => {
    const r = await read(replaceCell(good, '企业信息', 'B21', `<c r="B21" t="b"><v>${v}</v></c>`));
    expect(r.assessment.declarations?.scale).toBe(want);
  });

  it.each(['abc', '2', 'yes'])('t="b" <v>%s</v> is not a boolean: a problem naming the cell, not 是', async (v) => {
    const data = replaceCell(good, '企业信息', 'B21', `<c r="B21" t="b"><v>${v}</v></c>`);
    expect((await read(data)).assessment.declarations?.scale).toBeUndefined();
    expect((await problemAt(data, DECL))?.message).toContain(v);
  });

  it('t="d" is an ISO 8601 date: 填表日期 as written, a date in a number field is a problem', async () => {
    const dated = replaceCell(good, '企业信息', 'B17', '<c r="B17" t="d"><v>2025-03-01T00:00:00+08:00</v></c>');
    expect((await read(dated)).assessment.profile?.fillDate).toBe('2025-03-01');
    const inEmployees = replaceCell(good, '企业信息', 'B15', '<c r="B15" t="d"><v>2025-03-01</v></c>');
    expect((await read(inEmployees)).assessment.profile?.employees).toBeUndefined();
    expect(await problemAt(inEmployees, '企业信息!B15')).toBeDefined();
    const notADate = replaceCell(good, '企业信息', 'B17', '<c r="B17" t="d"><v>2025-02-30</v></c>');
    expect((await problemAt(notADate, '企业信息!B17'))?.message).toContain('2025-02-30');
  });

  it.each(['5,20', '5 6', '0x38', '56abc', 'INF', ''])('<v>%s</v> in a number cell is not an xsd:double: a problem, never a number', async (v) => {
    const data = replaceCell(good, '数字化转型自评', 'G3', `<c r="G3"><v>${v}</v></c>`);
    const r = await read(data);
    expect(r.assessment.indicators?.['1']).not.toHaveProperty('score');
    expect(await problemAt(data, '数字化转型自评!G3')).toBeDefined();
  });

  it('xsd:double in every form Excel and others write: 7.5E1, +75, 75.', async () => {
    for (const v of ['7.5E1', '+75', '75.', ' 75 '])
      expect([v, (await read(replaceCell(good, '数字化转型自评', 'G3', `<c r="G3"><v>${v}</v></c>`))).assessment.indicators?.['1']]).toMatchObject([
        v,
        { score: 75 },
      ]);
  });

  it('t="s" needs the shared-strings part and an index inside it', async () => {
    const outOfRange = replaceCell(good, '企业信息', 'B3', '<c r="B3" t="s"><v>99999</v></c>');
    expect((await read(outOfRange)).assessment.profile?.enterpriseName).toBeUndefined();
    expect(await problemAt(outOfRange, '企业信息!B3')).toBeDefined();
    const noStrings = editParts(good, (entries) => {
      entries.splice(
        entries.findIndex((e) => e.name === 'xl/sharedStrings.xml'),
        1,
      );
      setText(entries, 'xl/_rels/workbook.xml.rels', text(entries, 'xl/_rels/workbook.xml.rels').replace(/<Relationship [^>]*sharedStrings[^>]*\/>/, ''));
    });
    // Even the rubric id (a shared string) cannot be read then: the file is refused, never read as indexes.
    await expect(read(noStrings)).rejects.toThrow(/评价标准 \d+ \(t="s"\) 未知/);
  });

  it('inline strings and rich text are their text; phonetic runs are not part of it', async () => {
    const inline = replaceCell(
      good,
      '企业信息',
      'B3',
      '<c r="B3" t="inlineStr"><is><r><t>南京</t></r><r><rPr><b/></rPr><t xml:space="preserve">某某 公司</t></r><rPh sb="0" eb="1"><t>nan</t></rPh></is></c>',
    );
    expect((await read(inline)).assessment.profile?.enterpriseName).toBe('南京某某 公司');
  });

  it('a formula in an input cell is an error naming the cell, whatever its cached value', async () => {
    const data = replaceCell(good, '数字化转型自评', 'G3', '<c r="G3"><f>60+15</f><v>75</v></c>');
    expect((await read(data)).assessment.indicators?.['1']).not.toHaveProperty('score');
    expect((await problemAt(data, '数字化转型自评!G3'))?.message).toContain('=60+15');
  });

  it.each([
    ['a row number that is not a row', '<row r="1e308"><c r="B1"><v>1</v></c></row>'],
    ['a row past the last row', '<row r="1048577"/>'],
    ['a row out of order', '<row r="1"><c r="A1"><v>1</v></c></row>'],
  ])('%s is refused, never moved to another row', async (_, row) => {
    await expect(read(insertIntoSheet(good, '企业信息', '</sheetData>', row))).rejects.toThrow(/已损坏.*row/);
  });

  it('a cell whose reference is not on its row is refused', async () => {
    await expect(read(replaceCell(good, '企业信息', 'B15', '<c r="B16"><v>1</v></c>'))).rejects.toThrow(/已损坏/);
  });

  // A row's cells past the last column any name wants are skipped without being read (the hidden helper columns
  // of the 申报书 sheets are most of a workbook's cells), but their references are still checked.
  const endOfRow15 = (cells: string) =>
    editParts(good, (entries) => {
      const name = sheetPart(entries, '企业信息');
      setText(entries, name, text(entries, name).replace(/(<row r="15"[^>]*>.*?)(<\/row>)/, `$1${cells}$2`));
    });
  it.each([
    ['a wanted cell after one past the wanted columns (out of order)', replaceCell, '<c r="XFC15"/><c r="B15"><v>2</v></c>'],
    ['a cell past the wanted columns that is not on its row', endOfRow15, '<c r="XFC16"/>'],
    ['a cell past the wanted columns before an earlier one', endOfRow15, '<c r="XFD15"/><c r="XFC15"/>'],
    ['a cell past the wanted columns whose reference is not a cell', endOfRow15, '<c r="XFE15"/>'],
  ] as const)('%s is refused', async (_, edit, cells) => {
    const data = edit === replaceCell ? replaceCell(good, '企业信息', 'B15', cells) : endOfRow15(cells);
    await expect(read(data)).rejects.toThrow(/已损坏.*(order|row|reference)/);
  });

  it('a wanted cell and its row written with character references are read as the plain ones', async () => {
    // Plain references are read where they lie in the bytes; any other goes through the decoded text.
    const data = editParts(good, (entries) => {
      const name = sheetPart(entries, '企业信息');
      const xml = text(entries, name);
      expect(xml).toMatch(/<row r="15"[^>]*>.*?<c r="B15"/);
      setText(entries, name, xml.replace('<row r="15"', '<row r="&#49;5"').replace('<c r="B15"', '<c r="&#x42;1&#53;"'));
    });
    const plain = (await read(good)).assessment;
    expect(plain.profile?.enterpriseName).toBeTruthy();
    expect((await read(data)).assessment).toEqual(plain);
  });

  it('cells past the wanted columns, referenced or not (even by character references), are skipped and read alike', async () => {
    const tail = endOfRow15('<c/><c r="&#88;FC15" t="s"><v>not read</v></c><c r="XFD15"><f>1+</f></c>');
    expect((await read(tail)).assessment).toEqual((await read(good)).assessment);
  });
});

describe('skipped content is still well-formed XML', () => {
  const inUnreadRow = (cells: string) => insertIntoSheet(good, '企业信息', '</sheetData>', `<row r="1000">${cells}</row>`);

  it('a > or the other quote inside a quoted value of a skipped tag does not end it', async () => {
    const data = inUnreadRow(`<c r="A1000" a="x>y" b='say "hi"' c="it's"><v>1</v></c><c r="B1000" d='>'/>`);
    expect((await read(data)).assessment).toEqual((await read(good)).assessment);
  });

  it.each([
    ['a < inside a quoted value', '<c r="A1000" a="x<y"/>'],
    ['an unclosed quote', '<c r="A1000" a="x/><c r="B1000"/>'],
    ['a tag cut by the next one', '<c r="A1000" <c r="B1000"/>'],
  ])('%s is refused', async (_, cells) => {
    await expect(read(inUnreadRow(cells))).rejects.toThrow(/已损坏/);
  });

  it('a < inside a quoted value of a read tag is refused too', async () => {
    await expect(read(replaceCell(good, '企业信息', 'B15', '<c r="B15" a="x<y"><v>1</v></c>'))).rejects.toThrow(/已损坏.*a < in an attribute/);
  });
});

describe('parts are scanned as bytes, and their values decoded as UTF-8', () => {
  const withSheetBytes = (edit: (xml: Buffer) => Buffer) =>
    editParts(good, (entries) => {
      const e = entries.find((x) => x.name === sheetPart(entries, '企业信息'))!;
      e.data = edit(e.data!);
    });
  const inline = (t: string) => Buffer.from(`<c r="B3" t="inlineStr"><is><t>${t}</t></is></c>`, 'utf8');
  const atB3 = (xml: Buffer, cell: Buffer) => {
    const s = xml.toString('latin1');
    const m = /<c r="B3"(?:[^>]*\/>|[^>]*>.*?<\/c>)/.exec(s)!;
    return Buffer.concat([xml.subarray(0, m.index), cell, xml.subarray(m.index + m[0].length)]);
  };

  it('non-ASCII text, CDATA and character references read as the characters they are; a byte-order mark is allowed', async () => {
    const data = withSheetBytes((xml) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), atB3(xml, inline('南京<![CDATA[ 𠀀&公司 ]]>&#x4E2D;&amp;'))]));
    expect((await read(data)).assessment.profile?.enterpriseName).toBe('南京 𠀀&公司 中&');
  });

  it.each([
    ['an overlong <', [0xc0, 0xbc]],
    ['a lone continuation byte', [0x80]],
    ['a truncated sequence', [0xe5, 0x8d]],
    ['an encoded surrogate', [0xed, 0xa0, 0x80]],
  ])('a part holding %s is not UTF-8 and is refused, with either inflater', async (_, bytes) => {
    const data = withSheetBytes((xml) =>
      atB3(xml, Buffer.concat([inline('南京'), Buffer.from(`<c r="C3" t="inlineStr"><is><t>`), Buffer.from(bytes), Buffer.from('</t></is></c>')])),
    );
    await expect(read(data)).rejects.toThrow(/已损坏.*not UTF-8/);
    const { browserInflater } = await import('../../../src/adapters/xlsx/inflate-browser');
    await expect(readAssessmentWorkbook(data, 'zh', { inflate: browserInflater! })).rejects.toThrow(/已损坏.*not UTF-8/);
  });
});

describe('issue 14 item 5: names are checked against where the layout version puts them', () => {
  const redirect = (name: string, ref: string) =>
    editParts(good, (entries) =>
      setText(
        entries,
        'xl/workbook.xml',
        text(entries, 'xl/workbook.xml').replace(new RegExp(`(<definedName name="${name}">)[^<]*`), (_m, head: string) => `${head}${ref}`),
      ),
    );

  it('refuses a score name pointed at hidden cells of 规则, saying where it points and where it should', async () => {
    const data = redirect('SFA_IND_SCORE', '&apos;规则&apos;!$D$3:$D$12');
    await expect(read(data)).rejects.toThrow(`名称 SFA_IND_SCORE 指向 规则!D3:D12，按第 ${LAYOUT_VERSION} 版版式应为 数字化转型自评!G3:G12`);
    await expect(readAssessmentWorkbook(data, 'en', { inflate: nodeInflater })).rejects.toThrow(/SFA_IND_SCORE points at 规则!D3:D12.*数字化转型自评!G3:G12/);
  });

  it('refuses a result name moved, a name defined twice or also on one sheet, and a name that is not a range', async () => {
    await expect(read(redirect('SFA_COMPOSITE', '&apos;规则&apos;!$B$9'))).rejects.toThrow(/SFA_COMPOSITE 指向 规则!B9/);
    await expect(read(redirect('SFA_PROFILE', 'OFFSET(&apos;企业信息&apos;!$B$3,0,0,15,1)'))).rejects.toThrow(/SFA_PROFILE 应指向一个单元格区域/);
    const twice = (extra: string) =>
      editParts(good, (entries) => setText(entries, 'xl/workbook.xml', text(entries, 'xl/workbook.xml').replace('<definedNames>', `<definedNames>${extra}`)));
    await expect(read(twice('<definedName name="sfa_maturity">&apos;规则&apos;!$B$9</definedName>'))).rejects.toThrow(/SFA_MATURITY 被定义了不止一次/);
    await expect(read(twice('<definedName name="SFA_MATURITY" localSheetId="3">&apos;规则&apos;!$B$9</definedName>'))).rejects.toThrow(
      /SFA_MATURITY 被定义了不止一次/,
    );
  });

  it('refuses a workbook missing a name its version has', async () => {
    const data = editParts(good, (entries) =>
      setText(entries, 'xl/workbook.xml', text(entries, 'xl/workbook.xml').replace(/<definedName name="SFA_TIER">[^<]*<\/definedName>/, '')),
    );
    await expect(read(data)).rejects.toThrow('缺少名称 SFA_TIER（应为 评估结果!B4）');
  });
});
