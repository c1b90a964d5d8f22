// The zip guard: hostile or broken .xlsx files are refused before ExcelJS allocates for them.
import { LAYOUT_VERSION } from '../../../src/workbook/layout';
import { buildLayout } from '../../../src/workbook/layout';
import { writeWorkbook } from '../../../src/adapters/xlsx/write';
import { readAssessmentWorkbook } from '../../../src/adapters/xlsx/read';
import { areaCells, checkZip, DEFAULT_ZIP_LIMITS, readZipDirectory, ZipGuardError, type BoundedInflate, type ZipProblem } from '../../../src/adapters/xlsx/zip-guard';
import { nodeInflater } from '../../../src/adapters/xlsx/inflate-node';
import { browserInflater } from '../../../src/adapters/xlsx/inflate-browser';
import { deflateRepeated, writeZip, type ZipEntry } from '../../corpus/zip';
import { J } from '../../fixtures/jiangsu';

const MB = 1024 * 1024;
const CONTENT_TYPES: ZipEntry = { name: '[Content_Types].xml', data: Buffer.from('<?xml version="1.0"?><Types/>') };
const sheetXml = (body: string) => Buffer.from(`<?xml version="1.0"?><worksheet><sheetData>${body}</sheetData></worksheet>`);

async function problemOf(data: Uint8Array, inflate: BoundedInflate | undefined = nodeInflater): Promise<ZipProblem | undefined> {
  try {
    await checkZip(data, DEFAULT_ZIP_LIMITS, inflate);
    return undefined;
  } catch (e) {
    if (e instanceof ZipGuardError) return e.problem;
    throw e;
  }
}

/** 40 MB of cell XML that deflates to a few hundred kB. */
async function bombPart(declaredSize?: number): Promise<ZipEntry> {
  const deflated = await deflateRepeated('<worksheet><sheetData>', '<c r="A1" t="n"><v>0</v></c>', 40 * MB, '</sheetData></worksheet>');
  return { name: 'xl/worksheets/sheet1.xml', deflated, declaredSize };
}

describe('areaCells: what ExcelJS would expand', () => {
  it.each([
    ['$A$1', 1],
    ['$A$1:$B$10', 20],
    ['B10:A1', 20],
    ['A:C', 3 * 1048576],
    ['$1:$3', 3 * 16384],
    ['A1:XFD1048576', 16384 * 1048576],
    ['$B$3:$B$12 D4:E5', 14],
    ['$A$1,$C$1:$C$2', 3],
    ['OFFSET($A$1,0,0)', 1],
    ['SUM', 0],
    ['1', 0],
    ['TRUE', 0],
  ])('%s covers %d cells', (ref, cells) => expect(areaCells(ref)).toBe(cells));
});

describe('checkZip', () => {
  let template: Buffer;
  beforeAll(async () => {
    template = await writeWorkbook(buildLayout(J));
  });

  it('passes our own workbook, reading its directory as written', async () => {
    const names = readZipDirectory(template).map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(['xl/workbook.xml', 'xl/worksheets/sheet1.xml']));
    expect(await problemOf(template)).toBeUndefined();
    expect((await readAssessmentWorkbook(template, 'zh', { inflate: nodeInflater })).layoutVersion).toBe(LAYOUT_VERSION);
  });

  it('refuses a zip that declares more than the limit, without inflating anything', async () => {
    let calls = 0;
    const counting: BoundedInflate = async (c, max) => (calls++, nodeInflater(c, max));
    expect(await problemOf(writeZip([CONTENT_TYPES, await bombPart()]), counting)).toEqual({ kind: 'tooLarge', limitBytes: 32 * MB });
    expect(calls).toBe(0);
  });

  it('refuses a zip bomb that lies about its size: the inflater stops at the declared size', async () => {
    const lying = writeZip([CONTENT_TYPES, await bombPart(1000)]);
    expect(readZipDirectory(lying)[1]!.uncompressedSize).toBe(1000);
    expect(await problemOf(lying)).toEqual({ kind: 'tooLarge', limitBytes: 32 * MB });
    await expect(readAssessmentWorkbook(lying, 'zh', { inflate: nodeInflater })).rejects.toThrow('解压后超过 32 MB（疑似压缩炸弹）');
    await expect(readAssessmentWorkbook(lying, 'en', { inflate: nodeInflater })).rejects.toThrow(/zip bomb/);
  });

  (browserInflater ? it : it.skip)('the browser inflater stops the same bomb and inflates a real part exactly', async () => {
    expect(await problemOf(writeZip([CONTENT_TYPES, await bombPart(1000)]), browserInflater)).toEqual({ kind: 'tooLarge', limitBytes: 32 * MB });
    expect(await problemOf(template, browserInflater)).toBeUndefined();
  });

  it('refuses more than 100,000 cells even under the size limit', async () => {
    const cells = Array.from({ length: 100_001 }, (_, i) => `<c r="A${i + 1}"><v>1</v></c>`).join('');
    const zip = writeZip([CONTENT_TYPES, { name: 'xl/worksheets/sheet1.xml', data: sheetXml(cells) }]);
    expect(await problemOf(zip)).toEqual({ kind: 'tooManyCells', limit: 100_000 });
    await expect(readAssessmentWorkbook(zip, 'zh', { inflate: nodeInflater })).rejects.toThrow('工作表中的单元格超过 100000 个');
  });

  it('counts cells written with a namespace prefix too', async () => {
    const cells = Array.from({ length: 100_001 }, () => '<x:c><x:v>1</x:v></x:c>').join('');
    expect(await problemOf(writeZip([CONTENT_TYPES, { name: 'xl/worksheets/sheet2.xml', data: sheetXml(cells) }]))).toMatchObject({ kind: 'tooManyCells' });
  });

  it('refuses a defined name, a validation or a merge covering a whole sheet', async () => {
    const workbook = Buffer.from(`<workbook><definedNames><definedName name="SFA_SCENARIO_TIERS">'场景自评'!$A$1:$XFD$1048576</definedName></definedNames></workbook>`);
    const named = writeZip([CONTENT_TYPES, { name: 'xl/workbook.xml', data: workbook }]);
    expect(await problemOf(named)).toEqual({ kind: 'rangeTooLarge', limit: 250_000, where: 'SFA_SCENARIO_TIERS', cells: 16384 * 1048576 });
    await expect(readAssessmentWorkbook(named, 'zh', { inflate: nodeInflater })).rejects.toThrow(/区域过大：SFA_SCENARIO_TIERS/);
    const validation = sheetXml('').toString().replace('</worksheet>', '<dataValidations count="1"><dataValidation type="list" sqref="B2:B1048576"><formula1>"a,b"</formula1></dataValidation></dataValidations></worksheet>');
    expect(await problemOf(writeZip([CONTENT_TYPES, { name: 'xl/worksheets/sheet1.xml', data: Buffer.from(validation) }]))).toMatchObject({ kind: 'rangeTooLarge', where: 'sheet1.xml' });
    const merge = sheetXml('').toString().replace('</worksheet>', '<mergeCells count="1"><mergeCell ref="A1:Z20000"/></mergeCells></worksheet>');
    expect(await problemOf(writeZip([CONTENT_TYPES, { name: 'xl/worksheets/sheet1.xml', data: Buffer.from(merge) }]))).toMatchObject({ kind: 'rangeTooLarge', cells: 26 * 20000 });
  });

  // Ways to hide a part from a checker that reads the zip differently from JSZip/ExcelJS (found in review).
  const hugeValidation = Buffer.from(sheetXml('').toString().replace('</worksheet>', '<dataValidations><dataValidation type="list" sqref="A1:XFD1048576"/></dataValidations></worksheet>'));
  const eocdOf = (z: Buffer) => z.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));

  it('refuses zips JSZip would read differently: extra or shifted entries, ZIP64, renamed local parts, rewritten names', async () => {
    const zip = writeZip([CONTENT_TYPES, { name: 'xl/worksheets/sheet9.xml', data: hugeValidation }]);
    const hidden = Buffer.from(zip);
    hidden.writeUInt16LE(1, eocdOf(hidden) + 8);
    hidden.writeUInt16LE(1, eocdOf(hidden) + 10); // the end record declares one entry, JSZip reads on
    const zip64 = Buffer.from(zip);
    zip64.writeUInt16LE(0xffff, eocdOf(zip64) + 10);
    const shifted = Buffer.concat([Buffer.from('PK junk'), zip]); // JSZip shifts every offset by the prefix
    const renamed = Buffer.from(zip);
    renamed.write('xl/worksheets/sheet8.xml', renamed.indexOf('xl/worksheets/sheet9.xml'), 'latin1'); // local name only
    for (const z of [hidden, zip64, shifted, renamed]) expect(await problemOf(z)).toMatchObject({ kind: 'corrupt' });
    for (const name of ['/xl/worksheets/sheet1.xml', 'xl/./worksheets/sheet1.xml', 'xl//worksheets/sheet1.xml', 'xl/worksheets/../worksheets/sheet1.xml', 'xl\\worksheets\\sheet1.xml'])
      expect(await problemOf(writeZip([CONTENT_TYPES, { name, data: hugeValidation }]))).toMatchObject({ kind: 'corrupt', detail: expect.stringContaining('rewrite') });
  });

  it('reads every part whatever its name: ExcelJS finds sheets by an unanchored pattern', async () => {
    for (const name of ['xl/worksheets/sheet7.xml.bak', 'x/xl/worksheets/sheet7.xml', 'docProps/thumb.bin'])
      expect(await problemOf(writeZip([CONTENT_TYPES, { name, data: hugeValidation }]))).toMatchObject({ kind: 'rangeTooLarge' });
  });

  it.each([
    ['single quotes', `<dataValidation sqref='A1:XFD1048576'/>`],
    ['spaces around =', `<dataValidation type="list" sqref = "A1:XFD1048576"/>`],
    ['a character reference', `<dataValidation sqref="A1:&#88;FD1048576"/>`],
    ['a > inside another attribute', `<dataValidation prompt="a > b" sqref="A1:XFD1048576"/>`],
    ['a merge with a reference', `<mergeCell ref="A1:&#x58;FD1048576"/>`],
    ['a defined name in single quotes', `<definedName name='X'>&apos;企业信息&apos;!$A$1:$XFD$1048576</definedName>`],
    ['a defined name with a reference and a comment', `<definedName name="X">'企业信息'!$A$1:<!-- -->&#36;XFD$1048576</definedName>`],
    ['a column run past XFD', `<cols><col min="100" max="50000000" width="9"/></cols>`],
  ])('sees through %s', async (_, xml) => {
    expect(await problemOf(writeZip([CONTENT_TYPES, { name: 'xl/worksheets/sheet1.xml', data: Buffer.from(`<worksheet>${xml}</worksheet>`) }]))).toMatchObject({ kind: 'rangeTooLarge' });
  });

  it('counts empty rows as well as cells', async () => {
    const rows = Array.from({ length: 100_001 }, (_, i) => `<row r="${i + 1}"/>`).join('');
    expect(await problemOf(writeZip([CONTENT_TYPES, { name: 'xl/worksheets/sheet1.xml', data: sheetXml(rows) }]))).toMatchObject({ kind: 'tooManyCells' });
  });

  it('refuses a zip of thousands of parts', async () => {
    const parts = Array.from({ length: 2001 }, (_, i) => ({ name: `x/${i}.bin`, data: Buffer.from('a') }));
    expect(await problemOf(writeZip(parts))).toEqual({ kind: 'tooManyEntries', limit: 2000 });
  });

  it('reports a truncated zip, broken deflate data and a size mismatch as corrupt', async () => {
    expect(await problemOf(template.subarray(0, template.length - 200))).toMatchObject({ kind: 'corrupt' });
    const broken = writeZip([{ name: 'xl/workbook.xml', deflated: { bytes: Buffer.from([0xff, 0xff, 0xff, 0xff]), crc: 0, size: 11 } }]);
    expect(await problemOf(broken)).toMatchObject({ kind: 'corrupt' });
    const short = writeZip([{ name: 'xl/workbook.xml', data: Buffer.from('<workbook/>'), declaredSize: 500 }]);
    expect(await problemOf(short)).toMatchObject({ kind: 'corrupt', detail: expect.stringContaining('size does not match') });
    await expect(readAssessmentWorkbook(short, 'zh', { inflate: nodeInflater })).rejects.toThrow(/已损坏/);
  });
});
