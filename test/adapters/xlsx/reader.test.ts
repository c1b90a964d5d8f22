// The bounded workbook reader: hostile or broken .xlsx files are refused (or read right) within its limits,
// and only the parts the defined names need are ever inflated.
import { readAssessmentWorkbook } from '../../../src/adapters/xlsx/read';
import { LAYOUT_VERSION } from '../../../src/workbook/layout';
import { nodeInflater } from '../../../src/adapters/xlsx/inflate-node';
import { browserInflater } from '../../../src/adapters/xlsx/inflate-browser';
import { readZipDirectory, type BoundedInflate } from '../../../src/adapters/xlsx/zip';
import { parseArea } from '../../../src/adapters/xlsx/parts';
import { deflateRepeated, readZip, writeZip, type ZipEntry } from '../../corpus/zip';
import { enterpriseAssessment, enterpriseWorkbook } from '../../corpus/make-corpus';
import { editParts, insertIntoSheet, sheetPart, text, setText } from './edit-xlsx';

const MB = 1024 * 1024;
const read = (data: Uint8Array, inflate: BoundedInflate = nodeInflater) => readAssessmentWorkbook(data, 'zh', { inflate });
/** An inflater that records which compressed parts it was asked for (by their size). */
function counting(): { inflate: BoundedInflate; calls: number[] } {
  const calls: number[] = [];
  const inflate: BoundedInflate = Object.assign(async (c: Uint8Array, max: number) => (calls.push(c.length), nodeInflater(c, max)), {
    crc32: nodeInflater.crc32,
  });
  return { inflate, calls };
}

let good: Buffer;
beforeAll(async () => {
  good = await enterpriseWorkbook(
    enterpriseAssessment({ name: '样本企业有限公司', code17: '91320100MA1A00010', aim: 'advanced', score: 75, fillDate: '2025-03-01' }),
  );
});

describe('what the reader inflates', () => {
  it('reads our workbook, and inflates neither styles, theme nor 推荐汇总表', async () => {
    const { inflate, calls } = counting();
    const r = await read(good, inflate);
    expect(r.layoutVersion).toBe(LAYOUT_VERSION);
    expect(r.assessment.profile?.enterpriseName).toBe('样本企业有限公司');
    expect(r.assessment.profile?.fillDate).toBe('2025-03-01');
    expect(r.cached).toEqual({ composite: null, tier: null, errors: null }); // formulas written without results
    const entries = readZipDirectory(good, 100);
    const entries2 = readZip(good);
    const unread = ['xl/styles.xml', 'xl/theme/theme1.xml', sheetPart(entries2, '推荐汇总表')];
    for (const name of unread) expect([name, calls]).not.toEqual([name, expect.arrayContaining([entries.find((e) => e.name === name)!.compressedSize])]);
    expect(calls.length).toBeLessThanOrEqual(19); // layout 2: the nine 申报书 sheets hold read names too
  });

  it('reads the same with the browser inflater (the pane)', async () => {
    expect(browserInflater).toBeDefined();
    expect((await read(good, browserInflater!)).assessment).toEqual((await read(good)).assessment);
  });

  it('reads the cached results of SFA_COMPOSITE, SFA_TIER and SFA_ERRORS when Excel saved them', async () => {
    const saved = editParts(good, (entries) => {
      const name = sheetPart(entries, '评估结果');
      let xml = text(entries, name);
      for (const [ref, v] of [
        ['B3', '<v>70.5</v>'],
        ['B4', '<v>先进级</v>'],
        ['B6', '<v>0</v>'],
      ] as const)
        xml = xml.replace(
          new RegExp(`(<c r="${ref}"[^>]*?)(/>|>(<f>.*?</f>)?(<v>.*?</v>)?</c>)`),
          (_m, head: string, _t: string, f: string | undefined) => `${head.replace(/ t="[^"]*"/, '')}${ref === 'B4' ? ' t="str"' : ''}>${f ?? ''}${v}</c>`,
        );
      setText(entries, name, xml);
    });
    expect((await read(saved)).cached).toEqual({ composite: 70.5, tier: '先进级', errors: 0 });
  });
});

describe('limits', () => {
  const sheet = '场景自评';
  const pad = async (inflated: number, lie: boolean) => {
    const entries = readZip(good);
    const name = sheetPart(entries, sheet);
    const e = entries.find((x) => x.name === name)!;
    const xml = e.data!.toString('utf8');
    const at = xml.indexOf('?>') + 2;
    e.deflated = await deflateRepeated(`${xml.slice(0, at)}<!--`, ' padding padding padding padding ', inflated, `-->${xml.slice(at)}`);
    if (lie) e.declaredSize = e.data!.length;
    delete e.data;
    return writeZip(entries);
  };

  it('refuses a part that declares more than 32 MB without inflating it', async () => {
    const { inflate, calls } = counting();
    const bomb = await pad(40 * MB, false);
    await expect(read(bomb, inflate)).rejects.toThrow('解压后超过 32 MB（疑似压缩炸弹）');
    expect(calls.every((c) => c < MB)).toBe(true); // the other parts only (each well under 1 MB), never the 40 MB one
  });

  it('stops a part that inflates past what it declares, with either inflater', async () => {
    const lying = await pad(48 * MB, true);
    await expect(read(lying)).rejects.toThrow('解压后超过 32 MB（疑似压缩炸弹）');
    await expect(read(lying, browserInflater!)).rejects.toThrow('解压后超过 32 MB');
    await expect(readAssessmentWorkbook(lying, 'en', { inflate: nodeInflater })).rejects.toThrow(/zip bomb/);
  });

  it('counts every row and cell of the sheets it reads, and never reads the sheets nobody names', async () => {
    const cells = Array.from(
      { length: 1001 },
      (_, r) => `<row r="${2000 + r}">${Array.from({ length: 100 }, (_, c) => `<c><v>${c}</v></c>`).join('')}</row>`,
    ).join('');
    await expect(read(insertIntoSheet(good, sheet, '</sheetData>', cells))).rejects.toThrow('工作表中的单元格超过 100000 个');
    const unnamed = await read(insertIntoSheet(good, '推荐汇总表', '</sheetData>', cells));
    expect(unnamed.assessment).toEqual((await read(good)).assessment);
  });

  it('refuses a defined name covering a whole sheet, by its name', async () => {
    const whole = editParts(good, (entries) =>
      setText(
        entries,
        'xl/workbook.xml',
        text(entries, 'xl/workbook.xml').replace(/(<definedName name="SFA_SCENARIO_TIER">)[^<]*/, (_m, head: string) => `${head}'场景自评'!$A$1:$XFD$1048576`),
      ),
    );
    await expect(read(whole)).rejects.toThrow(/区域过大：名称 SFA_SCENARIO_TIER 覆盖 17179869184 个单元格/);
  });

  it('refuses a zip of thousands of parts before reading any', async () => {
    const parts: ZipEntry[] = Array.from({ length: 2001 }, (_, i) => ({ name: `x/${i}.bin`, data: Buffer.from('a') }));
    await expect(read(writeZip(parts))).rejects.toThrow('压缩包内的部件超过 2000 个');
  });
});

describe('zips read one way only', () => {
  const eocdOf = (z: Buffer) => z.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));

  it('refuses extra or shifted entries, ZIP64, renamed local parts, duplicate and rewritten names', async () => {
    const hidden = Buffer.from(good);
    const n = hidden.readUInt16LE(eocdOf(hidden) + 10);
    hidden.writeUInt16LE(n - 1, eocdOf(hidden) + 8);
    hidden.writeUInt16LE(n - 1, eocdOf(hidden) + 10); // one entry more in the directory than declared
    const zip64 = Buffer.from(good);
    zip64.writeUInt16LE(0xffff, eocdOf(zip64) + 10);
    const shifted = Buffer.concat([Buffer.from('PK junk'), good]);
    const renamed = Buffer.from(good);
    renamed.write('xl/worksheets/sheet8.xml', renamed.indexOf('xl/worksheets/sheet1.xml'), 'latin1'); // local name only
    const twice = editParts(good, (entries) => entries.push({ name: 'XL/workbook.xml', data: Buffer.from('<x/>') }));
    for (const z of [hidden, zip64, shifted, renamed, twice]) await expect(read(z)).rejects.toThrow(/已损坏/);
    for (const name of ['/xl/workbook.xml', 'xl/./workbook.xml', 'xl//workbook.xml', 'xl/worksheets/../workbook.xml', 'xl\\workbook.xml'])
      await expect(read(editParts(good, (entries) => entries.push({ name, data: Buffer.from('<x/>') })))).rejects.toThrow(/已损坏.*rewrite/);
  });

  it('checks sizes and CRC-32: a damaged or altered part is refused, not read', async () => {
    await expect(read(good.subarray(0, good.length - 200))).rejects.toThrow(/已损坏/);
    const broken = writeZip([{ name: 'xl/workbook.xml', deflated: { bytes: Buffer.from([0xff, 0xff, 0xff, 0xff]), crc: 0, size: 11 } }]);
    await expect(read(broken)).rejects.toThrow(/已损坏/);
    const entries = readZip(good);
    const name = sheetPart(entries, '企业信息');
    const e = entries.find((x) => x.name === name)!;
    const altered = Buffer.from(e.data!.toString('utf8').replace('<v>520</v>', '<v>999</v>'), 'utf8');
    const { deflateRawSync, crc32 } = await import('node:zlib');
    e.deflated = { bytes: deflateRawSync(altered), crc: crc32(e.data!), size: altered.length }; // the old CRC
    delete e.data;
    await expect(read(writeZip(entries))).rejects.toThrow(/已损坏.*CRC-32/);
  });
});

describe('defined names as formulas', () => {
  it.each([
    ["'企业信息'!$B$3:$B$17", { sheet: '企业信息', c1: 2, r1: 3, c2: 2, r2: 17 }],
    ['推荐汇总表!A4:O6', { sheet: '推荐汇总表', c1: 1, r1: 4, c2: 15, r2: 6 }],
    ["'it''s'!B2", { sheet: "it's", c1: 2, r1: 2, c2: 2, r2: 2 }],
    ["'a'!$B$9:$A$1", { sheet: 'a', c1: 1, r1: 1, c2: 2, r2: 9 }],
  ])('%s is one area', (f, area) => expect(parseArea(f)).toEqual(area));
  it.each(["'a'!A1,'a'!B2", "OFFSET('a'!A1,0,0)", "'a'!#REF!", "'a'!A:A", "'a'!1:3", "'a'!A1:XFE1", "'a'!A1048577", 'A1', "'a'!A1:B2:C3"])('%s is not', (f) =>
    expect(parseArea(f)).toBeUndefined(),
  );
});
