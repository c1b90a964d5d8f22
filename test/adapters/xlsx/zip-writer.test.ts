// The package writer of every written .xlsx (./src/adapters/xlsx/zip-writer.ts): entries deflated in pieces as
// their text is made, joined into one deflate stream. Checked by two readers we did not write (Python's zipfile,
// which checks every CRC, and openpyxl) and by the OOXML schemas, on a merged summary whose long sheets span
// many pieces.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ZipWriter } from '../../../src/adapters/xlsx/zip-writer';
import { readMergedSummary, writeMergedSummary } from '../../../src/adapters/xlsx/merged';
import { nodeInflater } from '../../../src/adapters/xlsx/inflate-node';
import { bureauMerge, type MergeInput } from '../../../src/domain';
import { readZip } from '../../corpus/zip';
import { describeErrors, validatePackage } from '../../support/ooxml-validate';
import { J } from '../../fixtures/jiangsu';
import { enterprise } from '../../fixtures/enterprise-workbooks';

const PYTHON = '/usr/bin/python3'; // Debian's, which has openpyxl

let dir: string;
beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'sfa-zip-writer-'))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Python's zipfile: every entry read back (CRC and sizes checked), as name → its length. */
function pythonEntries(data: Buffer): Record<string, number> {
  const file = join(dir, `p${Math.random().toString(36).slice(2)}.zip`);
  writeFileSync(file, data);
  const script =
    'import json,sys,zipfile\nz=zipfile.ZipFile(sys.argv[1])\nassert z.testzip() is None\nprint(json.dumps({i.filename: len(z.read(i)) for i in z.infolist()}))';
  return JSON.parse(execFileSync(PYTHON, ['-c', script, file], { encoding: 'utf8' })) as Record<string, number>;
}

it('joins the pieces of an entry into one stream: every byte back, split wherever the text is', () => {
  const zip = new ZipWriter(new Date(2026, 0, 2, 3, 4, 6), 1000); // pieces of 1,000 bytes: many per entry
  const units = Array.from({ length: 3000 }, (_, i) => `<c r="A${i}"><v>企业${i}「&amp;」</v></c>`);
  zip.add('xl/worksheets/sheet1.xml', units);
  zip.add('empty.xml', '');
  zip.add('one.bin', Buffer.from([0, 1, 2, 255]));
  zip.add(
    'pieces.xml',
    (function* () {
      yield '';
      yield 'a'.repeat(999);
      yield Buffer.from('é'); // a piece boundary inside no character: bytes are joined before deflating
      yield '';
    })(),
  );
  const data = zip.finish();
  const back = new Map(readZip(data).map((e) => [e.name, e.data!.toString('latin1')]));
  expect([...back.keys()]).toEqual(['xl/worksheets/sheet1.xml', 'empty.xml', 'one.bin', 'pieces.xml']);
  expect(Buffer.from(back.get('xl/worksheets/sheet1.xml')!, 'latin1').toString('utf8')).toBe(units.join(''));
  expect(back.get('empty.xml')).toBe('');
  expect(Buffer.from(back.get('one.bin')!, 'latin1')).toEqual(Buffer.from([0, 1, 2, 255]));
  expect(Buffer.from(back.get('pieces.xml')!, 'latin1').toString('utf8')).toBe(`${'a'.repeat(999)}é`);
  expect(pythonEntries(data)).toEqual({ 'xl/worksheets/sheet1.xml': Buffer.byteLength(units.join('')), 'empty.xml': 0, 'one.bin': 4, 'pieces.xml': 1001 });
});

it('with a sink, gives each entry its bytes once it is made and holds none: the same package, byte for byte', () => {
  const date = new Date(2026, 0, 2, 3, 4, 6);
  const entries: [string, string[]][] = [
    ['a.xml', Array.from({ length: 2000 }, (_, i) => `<r n="${i}">行${i}</r>`)],
    ['b.xml', ['<b/>']],
  ];
  const whole = new ZipWriter(date, 1000);
  for (const [name, text] of entries) whole.add(name, text);
  const given: Buffer[] = [];
  const sunk = new ZipWriter(date, 1000, (b) => given.push(b));
  sunk.add(entries[0]![0], entries[0]![1]);
  const afterFirst = Buffer.concat(given).length;
  expect(afterFirst).toBeGreaterThan(1000); // the first entry is out before the second is made
  sunk.add(entries[1]![0], entries[1]![1]);
  expect(sunk.finish()).toHaveLength(0);
  expect(Buffer.concat(given).equals(whole.finish())).toBe(true);
  expect(readZip(Buffer.concat(given)).map((e) => e.name)).toEqual(['a.xml', 'b.xml']);
});

it('writes a merged summary whose long sheets span many pieces: valid OOXML, opened by openpyxl, read back', async () => {
  const n = 1200;
  const inputs: MergeInput[] = Array.from({ length: n }, (_, i) => ({
    file: `各区县/企业 ${i}.xlsx`,
    modified: Date.UTC(2025, 5, 1) + i * 60_000,
    rubric: J,
    sha256: 'ab'.repeat(32),
    assessment: enterprise(i % 9 === 0 ? ` 企业 ${i} &<'"> ` : `企业${i}`, `91320500MA1${String(i).padStart(5, '0')}0`, 60 + (i % 30)),
  }));
  const data = await writeMergedSummary(
    J,
    bureauMerge(J, [], inputs, { lang: 'zh', today: '2026-01-01' }),
    { unit: '南京市', contact: '李四', phone: '025' },
    'zh',
  );
  const sizes = pythonEntries(data);
  // 审核 alone is more than three pieces of 256 kB.
  expect(Math.max(...Object.values(sizes))).toBeGreaterThan(3 * 256 * 1024);
  expect(describeErrors(new Map([['summary', await validatePackage(data)]]))).toBe('');
  const file = join(dir, 'summary.xlsx');
  writeFileSync(file, data);
  const rows = execFileSync(
    PYTHON,
    [
      '-c',
      "import openpyxl,sys\nwb=openpyxl.load_workbook(sys.argv[1])\nprint(wb['推荐汇总表'].max_row, wb['审核'].max_row, wb['审核'].cell(4 + 9, 2).value)",
      file,
    ],
    { encoding: 'utf8' },
  ).trim();
  expect(rows).toBe(`${3 + n} ${3 + n} ${(await readMergedSummary(data, 'zh', { inflate: nodeInflater })).rows[9]!.enterpriseName}`);
  expect((await readMergedSummary(data, 'zh', { inflate: nodeInflater })).rows).toHaveLength(n);
}, 240_000);
