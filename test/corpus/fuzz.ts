// The fuzz run of issue 14: seeded mutations of valid enterprise workbooks (byte flips, truncation, zip tricks,
// XML mutations, value mutations of every input cell), each read by the reader, and an oracle that says
// whether the outcome is acceptable:
//
// - crash: the read threw anything but a WorkbookReadError (JavaScript's own error, a stack overflow…);
// - hang: one read took longer than HANG_MS;
// - silently wrong:
//   · a value mutation writes one input cell in an ECMA-376 encoding whose meaning this file works out on its own
//     (xsd:double, xsd:boolean, shared/inline strings, ISO dates — `ecmaValue`). A meaning that is no value
//     (an invalid lexical form, an error, a formula, a non-finite number, a missing shared string) must be
//     reported at that cell. A real value must read exactly as the same value written the plain way
//     (`canonicalCell`) reads — or be reported at that cell;
//   · every other mutation either is refused (WorkbookReadError) or reads as the original workbook did (CRCs
//     and sizes are checked, so changed bytes cannot change values quietly), or reports problems.
//
// `fuzzCases(seed, count)` builds the cases (deterministic); `runCase` judges one.
import { deflateRawSync } from 'node:zlib';
import { isDeepStrictEqual } from 'node:util';
import { readAssessmentWorkbook, WorkbookReadError } from '../../src/adapters/xlsx/read';
import { nodeInflater } from '../../src/adapters/xlsx/inflate-node';
import { getRubric } from '../../src/domain/rubrics';
import { buildLayout } from '../../src/workbook/layout';
import { ASSESSMENT_INPUT_NAMES } from '../../src/workbook/names';
import { cell as a1, rangeBounds, splitRef } from '../../src/workbook/a1';
import { enterpriseAssessment, enterpriseWorkbook, type EnterpriseSpec } from './make-corpus';
import { readZip, writeZip, type ZipEntry } from './zip';

export const HANG_MS = 10_000;

// ─── seeded randomness ───────────────────────────────────────────────────────────────────────────────────

export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n: number) => Math.floor(next() * n), pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]! };
}

// ─── ECMA-376 meaning of a cell, worked out independently of the reader ───────────────────────────────────

export type EcmaValue =
  | { kind: 'number'; n: number }
  | { kind: 'bool'; b: boolean }
  | { kind: 'string'; s: string }
  | { kind: 'date'; iso: string }
  | { kind: 'novalue'; why: string }; // must be reported at the cell

const XSD_DOUBLE = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(T00:00:00(\.0+)?Z?)?$/;

/** The value ECMA-376 gives a `<c>` with type `t` and `<v>`/`<is>` text (xsd whitespace: collapse). */
export function ecmaValue(t: string | undefined, text: string, formula: boolean, sst: readonly string[]): EcmaValue {
  if (formula) return { kind: 'novalue', why: 'formula in an input cell' };
  const v = text.trim();
  switch (t ?? 'n') {
    case 'n': {
      if (!XSD_DOUBLE.test(v)) return { kind: 'novalue', why: `not xsd:double: ${v}` };
      const n = Number(v);
      return Number.isFinite(n) ? { kind: 'number', n } : { kind: 'novalue', why: 'not finite' };
    }
    case 'b':
      return v === 'true' || v === '1'
        ? { kind: 'bool', b: true }
        : v === 'false' || v === '0'
          ? { kind: 'bool', b: false }
          : { kind: 'novalue', why: `not xsd:boolean: ${v}` };
    case 's': {
      if (!/^\d+$/.test(v) || Number(v) >= sst.length) return { kind: 'novalue', why: `no shared string ${v}` };
      return { kind: 'string', s: sst[Number(v)]! };
    }
    case 'inlineStr':
    case 'str':
      return { kind: 'string', s: text };
    case 'd': {
      const m = ISO_DATE.exec(v);
      if (!m) return { kind: 'novalue', why: `not an ISO date: ${v}` };
      const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
      if (d.getUTCMonth() !== +m[2]! - 1 || d.getUTCDate() !== +m[3]!) return { kind: 'novalue', why: `no such day: ${v}` };
      return { kind: 'date', iso: `${m[1]}-${m[2]}-${m[3]}` };
    }
    case 'e':
      return { kind: 'novalue', why: `error value ${v}` };
    default:
      return { kind: 'novalue', why: `unknown type ${t}` };
  }
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The value written the plain way (as Excel writes it) in a cell with style `s`. */
function canonicalCell(ref: string, s: string, v: EcmaValue, dateStyle: string): string {
  const st = (x: string) => (x ? ` s="${x}"` : '');
  switch (v.kind) {
    case 'number':
      return `<c r="${ref}"${st(s)}><v>${String(v.n)}</v></c>`;
    case 'bool':
      return `<c r="${ref}"${st(s)} t="b"><v>${v.b ? 1 : 0}</v></c>`;
    case 'string':
      return `<c r="${ref}"${st(s)} t="inlineStr"><is><t xml:space="preserve">${esc(v.s)}</t></is></c>`;
    case 'date': {
      const serial = (Date.parse(`${v.iso}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86_400_000;
      return `<c r="${ref}"${st(dateStyle)}><v>${serial}</v></c>`;
    }
    case 'novalue':
      throw new Error('no canonical form');
  }
}

// ─── the cases ───────────────────────────────────────────────────────────────────────────────────────────

export type CaseKind = 'value' | 'byte-flip' | 'truncate' | 'zip' | 'xml';

export interface FuzzCase {
  kind: CaseKind;
  label: string;
  data: Buffer;
  /** The workbook it was made from (its read is what "unchanged" means). */
  base: number;
  /** Value mutations: the cell, what it means, and the same value written plainly (when it is a value). */
  cell?: { sheet: string; ref: string; meaning: EcmaValue; canonical?: Buffer; probes?: () => Buffer[] };
}

const BASE_SPECS: EnterpriseSpec[] = [
  { name: '样本精密机械有限公司', code17: '91320100MA1F00001', aim: 'advanced', score: 75, fillDate: '2025-03-01', city: '南京' },
  { name: '样本智能装备集团有限公司', code17: '91320100MA1F00002', aim: 'leading', score: 95, fillDate: '2025-04-15', city: '苏州' },
];

/** Value encodings tried in an input cell: [t, inner XML, text for the meaning, has formula]. */
const VALUE_POOL: [string | undefined, string][] = [
  [undefined, '75'],
  [undefined, '7.5E1'],
  [undefined, ' 75 '],
  [undefined, '+75'],
  [undefined, '075'],
  [undefined, '4'],
  [undefined, '0'],
  [undefined, '-3'],
  [undefined, '100.5'],
  [undefined, '.5'],
  [undefined, '5.'],
  [undefined, '1e-7'],
  [undefined, '5,20'],
  [undefined, '5 6'],
  [undefined, '0x38'],
  [undefined, '56abc'],
  [undefined, '1e400'],
  [undefined, 'INF'],
  [undefined, 'NaN'],
  ['b', '1'],
  ['b', '0'],
  ['b', 'true'],
  ['b', 'false'],
  ['b', 'abc'],
  ['b', '2'],
  ['b', 'TRUE'],
  ['inlineStr', '是'],
  ['inlineStr', '否'],
  ['inlineStr', '四级'],
  ['inlineStr', '非常符合'],
  ['inlineStr', '先进级'],
  ['inlineStr', '７５'],
  ['inlineStr', ' 是 '],
  ['inlineStr', '=1+1'],
  ['inlineStr', '2025-03-01'],
  ['inlineStr', 'abc'],
  ['inlineStr', '75'],
  ['str', '是'],
  ['str', '80'],
  ['s', 'NEW'],
  ['s', '999999'],
  ['d', '2025-03-01'],
  ['d', '2025-03-01T00:00:00Z'],
  ['d', '1905-07-17'],
  ['d', 'not a date'],
  ['d', '2025-02-30'],
  ['e', '#N/A'],
  ['e', '#VALUE!'],
  ['x', '1'],
];

interface Base {
  data: Buffer;
  entries: ZipEntry[];
  sst: string[];
  dateStyle: string;
}

const text = (entries: ZipEntry[], name: string) => entries.find((e) => e.name === name)?.data?.toString('utf8') ?? '';
const setText = (entries: ZipEntry[], name: string, xml: string) => {
  const e = entries.find((x) => x.name === name);
  if (e) e.data = Buffer.from(xml, 'utf8');
};

function sheetPart(entries: ZipEntry[], sheet: string): string {
  const rid = new RegExp(`<sheet [^>]*name="${sheet}"[^>]*r:id="([^"]+)"`).exec(text(entries, 'xl/workbook.xml'))?.[1];
  const target = rid && new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(text(entries, 'xl/_rels/workbook.xml.rels'))?.[1];
  if (!target) throw new Error(`no part for sheet ${sheet}`);
  return `xl/${target.replace(/^\/?xl\//, '')}`;
}

const unescapeXml = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

function sharedStrings(entries: ZipEntry[]): string[] {
  return [...text(entries, 'xl/sharedStrings.xml').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) =>
    unescapeXml([...m[1]!.matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join('')),
  );
}

/** The `<c>` element at `ref` in a sheet part, or undefined when the writer left the cell out. */
const cellRe = (ref: string) => new RegExp(`<c r="${ref}"(?:[^>]*/>|[^>]*>[\\s\\S]*?</c>)`);

/** Puts `cellXml` at `ref`, replacing the cell or adding it to its row (in column order). */
function putCell(xml: string, ref: string, cellXml: string): string {
  const re = cellRe(ref);
  if (re.test(xml)) return xml.replace(re, cellXml);
  const row = /\d+$/.exec(ref)![0];
  const rowRe = new RegExp(`<row r="${row}"[^>]*?(?:/>|>[\\s\\S]*?</row>)`);
  const m = rowRe.exec(xml);
  if (!m)
    return xml
      .replace('</sheetData>', `<row r="${row}">${cellXml}</row></sheetData>`)
      .replace('<sheetData/>', `<sheetData><row r="${row}">${cellXml}</row></sheetData>`);
  const r = m[0].endsWith('/>') ? m[0].replace(/\/>$/, `>${cellXml}</row>`) : m[0].replace('</row>', `${cellXml}</row>`);
  return xml.replace(m[0], r);
}

async function bases(): Promise<Base[]> {
  const out: Base[] = [];
  for (const spec of BASE_SPECS) {
    const data = await enterpriseWorkbook(enterpriseAssessment(spec));
    const entries = readZip(data);
    const profile = text(entries, sheetPart(entries, '企业信息'));
    // The style of a date-formatted cell (填表日期), for writing a date the plain way.
    const dateStyle = /<c r="B\d+" s="(\d+)"[^>]*><v>4\d{4}<\/v><\/c>/.exec(profile)?.[1] ?? '';
    out.push({ data, entries, sst: sharedStrings(entries), dateStyle });
  }
  return out;
}

/**
 * The input cells an assessment is read from (sheet and A1 reference). 佐证说明 and the summary header are
 * inputs too, but no assessment value comes from them: what they hold cannot make a value wrong.
 */
function inputCells(): { sheet: string; ref: string }[] {
  const rubric = getRubric()!;
  const layout = buildLayout(rubric);
  const cells: { sheet: string; ref: string }[] = [];
  for (const n of layout.names) {
    if (!ASSESSMENT_INPUT_NAMES.includes(n.name)) continue;
    const { sheet, range } = splitRef(n.ref);
    const b = rangeBounds(range.replace(/\$/g, ''));
    for (let r = b.r1; r <= b.r2; r++) for (let c = b.c1; c <= b.c2; c++) cells.push({ sheet, ref: a1(c, r) });
  }
  return cells;
}

function valueCase(base: Base, b: number, cell: { sheet: string; ref: string }, enc: [string | undefined, string]): FuzzCase {
  const entries = base.entries.map((e) => ({ ...e }));
  const part = sheetPart(entries, cell.sheet);
  const xml = text(entries, part);
  const s = /\ss="(\d+)"/.exec(cellRe(cell.ref).exec(xml)?.[0] ?? '')?.[1] ?? '';
  const st = s ? ` s="${s}"` : '';
  let [t, v] = enc;
  let sst = base.sst;
  if (t === 's' && v === 'NEW') {
    // a real shared string: append one and point at it
    const added = '先进级';
    const ssXml = text(entries, 'xl/sharedStrings.xml')
      .replace('</sst>', `<si><t>${added}</t></si></sst>`)
      .replace(/uniqueCount="(\d+)"/, (_, n) => `uniqueCount="${Number(n) + 1}"`);
    setText(entries, 'xl/sharedStrings.xml', ssXml);
    sst = [...base.sst, added];
    v = String(base.sst.length);
  }
  const tAttr = t ? ` t="${t}"` : '';
  const body = t === 'inlineStr' ? `<is><t xml:space="preserve">${esc(v)}</t></is>` : `<v>${esc(v)}</v>`;
  setText(entries, part, putCell(xml, cell.ref, `<c r="${cell.ref}"${st}${tAttr}>${body}</c>`));
  let meaning = ecmaValue(t, v, false, sst);
  // A date in a cell that is not formatted as one: Excel shows it as its serial number, our reader as the ISO
  // day; which is "the same value" is for the input grammar to settle, not this oracle (see the report).
  if (meaning.kind === 'date' && s !== base.dateStyle) meaning = { kind: 'string', s: '' };
  let canonical: Buffer | undefined;
  if (meaning.kind === 'string' && meaning.s === '' && t === 'd')
    return { kind: 'value', label: `skip ${cell.sheet}!${cell.ref} t=d`, data: base.data, base: b };
  if (meaning.kind !== 'novalue') {
    const ce = base.entries.map((e) => ({ ...e }));
    setText(ce, part, putCell(text(ce, part), cell.ref, canonicalCell(cell.ref, s, meaning, base.dateStyle)));
    canonical = writeZip(ce);
  }
  return {
    kind: 'value',
    label: `${cell.sheet}!${cell.ref} t=${t ?? 'n'} ${JSON.stringify(v)}`,
    data: writeZip(entries),
    base: b,
    cell: { ...cell, meaning, canonical, probes: () => probes(base, part, cell.ref, s) },
  };
}

/**
 * The same workbook with the cell emptied, holding a number and holding a text: when all three read alike the
 * cell feeds no value (e.g. a 符合程度 cell of the amounts indicator), so nothing it holds can be wrong.
 */
function probes(base: Base, part: string, ref: string, s: string): Buffer[] {
  const st = s ? ` s="${s}"` : '';
  return [`<c r="${ref}"${st}/>`, `<c r="${ref}"${st}><v>4</v></c>`, `<c r="${ref}"${st} t="inlineStr"><is><t>是</t></is></c>`].map((x) => {
    const e = base.entries.map((y) => ({ ...y }));
    setText(e, part, putCell(text(e, part), ref, x));
    return writeZip(e);
  });
}

function formulaCase(base: Base, b: number, cell: { sheet: string; ref: string }): FuzzCase {
  const entries = base.entries.map((e) => ({ ...e }));
  const part = sheetPart(entries, cell.sheet);
  setText(entries, part, putCell(text(entries, part), cell.ref, `<c r="${cell.ref}"><f>1+1</f><v>2</v></c>`));
  const s = /\ss="(\d+)"/.exec(cellRe(cell.ref).exec(text(base.entries, part))?.[0] ?? '')?.[1] ?? '';
  return {
    kind: 'value',
    label: `${cell.sheet}!${cell.ref} formula`,
    data: writeZip(entries),
    base: b,
    cell: { ...cell, meaning: ecmaValue(undefined, '2', true, base.sst), probes: () => probes(base, part, cell.ref, s) },
  };
}

// Zip-level tricks on a workbook's bytes.
const EOCD = 0x06054b50;
const eocdAt = (buf: Buffer) => {
  for (let i = buf.length - 22; i >= 0; i--) if (buf.readUInt32LE(i) === EOCD) return i;
  return -1;
};

function zipTricks(base: Base): [string, Buffer][] {
  const d = base.data;
  const end = eocdAt(d);
  const cd = d.readUInt32LE(end + 16);
  const tricks: [string, Buffer][] = [];
  const copy = () => Buffer.from(d);
  const dup = base.entries.map((e) => ({ ...e }));
  dup.push({ ...dup.find((e) => e.name === 'xl/workbook.xml')! });
  tricks.push(['duplicate entry xl/workbook.xml', writeZip(dup)]);
  const renamed = base.entries.map((e) => (e.name === 'xl/workbook.xml' ? { ...e, name: 'XL/Workbook.xml' } : { ...e }));
  tricks.push(['part name in other case', writeZip(renamed)]);
  const slash = base.entries.map((e) => (e.name === 'xl/sharedStrings.xml' ? { ...e, name: '/xl/sharedStrings.xml' } : { ...e }));
  tricks.push(['leading slash in a part name', writeZip(slash)]);
  const back = base.entries.map((e) => (e.name.startsWith('xl/worksheets/') ? { ...e, name: e.name.replace('/', '\\') } : { ...e }));
  tricks.push(['backslash in part names', writeZip(back)]);
  const lying = base.entries.map((e) => (e.name.startsWith('xl/worksheets/') ? { ...e, declaredSize: 10 } : { ...e }));
  tricks.push(['declared sizes smaller than the data', writeZip(lying)]);
  const cdLie = copy();
  cdLie.writeUInt32LE(cd + 7, end + 16);
  tricks.push(['central directory offset shifted', cdLie]);
  const count = copy();
  count.writeUInt16LE(0xffff, end + 8);
  count.writeUInt16LE(0xffff, end + 10);
  tricks.push(['ZIP64 marker entry counts', count]);
  const z64 = copy();
  z64.writeUInt32LE(0xffffffff, end + 16);
  tricks.push(['ZIP64 marker directory offset', z64]);
  const enc = copy();
  enc.writeUInt16LE(enc.readUInt16LE(cd + 8) | 1, cd + 8);
  tricks.push(['encrypted flag on the first entry', enc]);
  const method = copy();
  method.writeUInt16LE(99, cd + 10);
  tricks.push(['unknown compression method (AES)', method]);
  tricks.push(['junk before the zip (self-extractor)', Buffer.concat([Buffer.alloc(4096, 0x4d), d])]);
  tricks.push(['junk after the zip', Buffer.concat([d, Buffer.alloc(4096, 0x5a)])]);
  const comment = Buffer.concat([d.subarray(0, end + 20), Buffer.from([0xff, 0xff]), Buffer.alloc(0xffff, 0x20)]);
  tricks.push(['65,535-byte zip comment', comment]);
  const nested = Buffer.concat([d.subarray(0, end), d.subarray(end)]);
  nested.writeUInt16LE(0, end + 20);
  tricks.push(['zip comment length zeroed', nested]);
  const many = base.entries.map((e) => ({ ...e }));
  for (let i = 0; i < 2100; i++) many.push({ name: `xl/media/x${i}.bin`, data: Buffer.alloc(1) });
  tricks.push(['2,100 extra entries', writeZip(many)]);
  const bomb = base.entries.map((e) => ({ ...e }));
  bomb.push({
    name: 'xl/worksheets/sheet99.xml',
    deflated: { bytes: deflateRawSync(Buffer.alloc(64 << 20, 0x20)), crc: 0, size: 64 << 20 },
    declaredSize: 100,
  });
  tricks.push(['64 MB part declared as 100 bytes (bomb)', writeZip(bomb)]);
  return tricks;
}

function xmlTricks(base: Base, r: ReturnType<typeof rng>): [string, Buffer][] {
  const part = sheetPart(base.entries, '企业信息');
  const edit = (name: string, fn: (xml: string) => string): Buffer => {
    const entries = base.entries.map((e) => ({ ...e }));
    setText(entries, name, fn(text(entries, name)));
    return writeZip(entries);
  };
  const rowWithInput = /<row r="(\d+)"[^>]*>(?:(?!<\/row>)[\s\S])*?<c r="B\1"/.exec(text(base.entries, part))?.[1] ?? '4';
  const t: [string, Buffer][] = [
    ['row r="1e308" on a row of inputs', edit(part, (x) => x.replace(`<row r="${rowWithInput}"`, '<row r="1e308"'))],
    ['row r="0"', edit(part, (x) => x.replace(`<row r="${rowWithInput}"`, '<row r="0"'))],
    ['row r="-1"', edit(part, (x) => x.replace(`<row r="${rowWithInput}"`, '<row r="-1"'))],
    ['row r="1048577"', edit(part, (x) => x.replace(`<row r="${rowWithInput}"`, '<row r="1048577"'))],
    ['cell r attributes removed', edit(part, (x) => x.replace(/<c r="[A-Z]+\d+"/g, '<c'))],
    ['cell r="XFE1"', edit(part, (x) => x.replace(`<c r="B${rowWithInput}"`, '<c r="XFE1"'))],
    ['same cell twice', edit(part, (x) => x.replace(cellRe(`B${rowWithInput}`), (m) => m + m))],
    [
      'rows in reverse order',
      edit(part, (x) =>
        x.replace(
          /<sheetData>([\s\S]*)<\/sheetData>/,
          (_, rows: string) => `<sheetData>${(rows.match(/<row[\s\S]*?<\/row>|<row[^>]*\/>/g) ?? []).reverse().join('')}</sheetData>`,
        ),
      ),
    ],
    ['comments and processing instructions between cells', edit(part, (x) => x.replace(/<\/c>/g, '</c><!-- x --><?pi y?>'))],
    ['whitespace between every element', edit(part, (x) => x.replace(/></g, '>\n  <'))],
    [
      'namespace prefix on the worksheet',
      edit(part, (x) =>
        x
          .replace(/<(\/?)(worksheet|sheetData|row|c|v|f|is|t)([\s>/])/g, '<$1x:$2$3')
          .replace('<x:worksheet ', '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '),
      ),
    ],
    ['DOCTYPE with an entity', edit(part, (x) => x.replace('<worksheet', '<!DOCTYPE worksheet [<!ENTITY e "x">]><worksheet'))],
    [
      'billion laughs in sharedStrings',
      edit('xl/sharedStrings.xml', (x) =>
        x.replace(
          '<sst',
          `<!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa">${Array.from({ length: 9 }, (_, i) => `<!ENTITY ${String.fromCharCode(98 + i)} "${`&${String.fromCharCode(97 + i)};`.repeat(10)}">`).join('')}]><sst`,
        ),
      ),
    ],
    ['character reference &#0; in a string', edit('xl/sharedStrings.xml', (x) => x.replace(/<t>/, '<t>&#0;'))],
    ['character reference past U+10FFFF', edit('xl/sharedStrings.xml', (x) => x.replace(/<t>/, '<t>&#x110000;'))],
    ['character reference to a lone surrogate', edit('xl/sharedStrings.xml', (x) => x.replace(/<t>/, '<t>&#xD800;'))],
    ['undefined entity', edit('xl/sharedStrings.xml', (x) => x.replace(/<t>/, '<t>&nbsp;'))],
    ['raw U+FFFF in a shared string', edit('xl/sharedStrings.xml', (x) => x.replace(/<t>/, '<t>\uFFFF'))],
    ['100,000 nested elements', edit(part, (x) => x.replace('</worksheet>', `${'<extLst>'.repeat(100_000)}${'</extLst>'.repeat(100_000)}</worksheet>`))],
    ['unclosed tag at the end of the sheet', edit(part, (x) => x.slice(0, x.lastIndexOf('</sheetData>')) + '<row r="999"><c r="A999"><v>1')],
    ['1 MB attribute value', edit(part, (x) => x.replace('<sheetData>', `<sheetData><row r="1000" spans="${'9'.repeat(1 << 20)}"/>`))],
    [
      'shared-strings part removed',
      (() => {
        const entries = base.entries.filter((e) => e.name !== 'xl/sharedStrings.xml').map((e) => ({ ...e }));
        return writeZip(entries);
      })(),
    ],
    ['shared-strings count 0', edit('xl/sharedStrings.xml', (x) => x.replace(/<si>[\s\S]*<\/si>/, ''))],
    ['workbook.xml truncated', edit('xl/workbook.xml', (x) => x.slice(0, Math.floor(x.length / 2)))],
    ['defined names removed', edit('xl/workbook.xml', (x) => x.replace(/<definedNames>[\s\S]*<\/definedNames>/, ''))],
    ['SFA_PROFILE pointed at 规则', edit('xl/workbook.xml', (x) => x.replace(/(<definedName name="SFA_PROFILE"[^>]*>)[^<]*/, '$1规则!$A$1:$A$20'))],
    ['SFA_LAYOUT_VERSION set to 99', edit('xl/workbook.xml', (x) => x.replace(/(<definedName name="SFA_LAYOUT_VERSION"[^>]*>)[^<]*/, '$1"99"'))],
    [
      'a sheet relationship pointing outside the package',
      edit('xl/_rels/workbook.xml.rels', (x) => x.replace(/Target="worksheets\/sheet1\.xml"/, 'Target="../../../etc/passwd"')),
    ],
    ['UTF-16 declaration on UTF-8 bytes', edit(part, (x) => x.replace(/encoding="UTF-8"/i, 'encoding="UTF-16"'))],
    ['BOM and leading junk before the XML declaration', edit(part, (x) => `\uFEFF  junk${x}`)],
  ];
  // A few random cuts inside the sheet's XML.
  for (let i = 0; i < 5; i++) t.push([`sheet XML cut at a random place (${i})`, edit(part, (x) => x.slice(0, 1 + r.int(x.length - 1)))]);
  return t;
}

/** The cases of one run: deterministic for a seed. `count` bounds the value mutations (the rest are fixed lists). */
export async function fuzzCases(seed: number, valueCount: number, flipCount: number, truncCount: number): Promise<FuzzCase[]> {
  const r = rng(seed);
  const bs = await bases();
  const cells = inputCells();
  const cases: FuzzCase[] = [];
  // value mutations: every input cell at least once (round-robin), encodings drawn from the pool
  for (let i = 0; i < valueCount; i++) {
    const b = i % bs.length;
    const cell = cells[i % cells.length]!;
    const c = r.next() < 0.06 ? formulaCase(bs[b]!, b, cell) : valueCase(bs[b]!, b, cell, r.pick(VALUE_POOL));
    if (c.cell) cases.push(c);
  }
  for (const [b, base] of bs.entries()) {
    for (const [label, data] of zipTricks(base)) cases.push({ kind: 'zip', label, data, base: b });
    for (const [label, data] of xmlTricks(base, r)) cases.push({ kind: 'xml', label, data, base: b });
  }
  for (let i = 0; i < flipCount; i++) {
    const b = i % bs.length;
    const data = Buffer.from(bs[b]!.data);
    const flips = 1 + r.int(4);
    const at: number[] = [];
    for (let k = 0; k < flips; k++) {
      const p = r.int(data.length);
      data[p] = data[p]! ^ (1 << r.int(8));
      at.push(p);
    }
    cases.push({ kind: 'byte-flip', label: `bits flipped at ${at.join(',')}`, data, base: b });
  }
  for (let i = 0; i < truncCount; i++) {
    const b = i % bs.length;
    const len = r.int(bs[b]!.data.length);
    cases.push({ kind: 'truncate', label: `cut to ${len} bytes`, data: bs[b]!.data.subarray(0, len), base: b });
  }
  return cases;
}

// ─── judging one case ────────────────────────────────────────────────────────────────────────────────────

export type Verdict = 'ok-read' | 'ok-reported' | 'ok-refused' | 'crash' | 'hang' | 'wrong';

export interface Outcome {
  verdict: Verdict;
  ms: number;
  detail?: string;
}

type Read = Awaited<ReturnType<typeof readAssessmentWorkbook>>;
const read = (data: Uint8Array) => readAssessmentWorkbook(data, 'zh', { inflate: nodeInflater });

/** Reads the base workbooks once (what "unchanged" means). */
export async function baseReads(): Promise<Read[]> {
  const bs = await bases();
  return Promise.all(bs.map((b) => read(b.data)));
}

const reportedAt = (r: Read, sheet: string, ref: string) => r.problems.some((p) => p.sheet === sheet && p.cell === ref);

export async function runCase(c: FuzzCase, bases: readonly Read[]): Promise<Outcome> {
  const t0 = performance.now();
  let r: Read;
  try {
    r = await read(c.data);
  } catch (e) {
    const ms = performance.now() - t0;
    if (ms > HANG_MS) return { verdict: 'hang', ms };
    if (e instanceof WorkbookReadError) return { verdict: 'ok-refused', ms, detail: e.message };
    return { verdict: 'crash', ms, detail: `${(e as Error)?.name}: ${(e as Error)?.message}` };
  }
  const ms = performance.now() - t0;
  if (ms > HANG_MS) return { verdict: 'hang', ms };
  if (c.cell) {
    const { sheet, ref, meaning, canonical } = c.cell;
    if (reportedAt(r, sheet, ref)) return { verdict: 'ok-reported', ms };
    if (meaning.kind === 'novalue') {
      const [blank, num, txt] = await Promise.all(c.cell.probes!().map(read));
      const unused = isDeepStrictEqual(blank!.assessment, num!.assessment) && isDeepStrictEqual(blank!.assessment, txt!.assessment);
      if (unused && isDeepStrictEqual(r.assessment, blank!.assessment)) return { verdict: 'ok-read', ms, detail: 'a cell no value is read from' };
      return { verdict: 'wrong', ms, detail: `${meaning.why} read without a word` };
    }
    const plain = await read(canonical!);
    if (reportedAt(plain, sheet, ref)) return { verdict: 'wrong', ms, detail: 'the plain encoding is reported, this one is not' };
    if (!isDeepStrictEqual(r.assessment, plain.assessment)) return { verdict: 'wrong', ms, detail: 'reads differently from the same value written plainly' };
    return { verdict: 'ok-read', ms };
  }
  const base = bases[c.base]!;
  if (r.problems.length > base.problems.length) return { verdict: 'ok-reported', ms };
  if (!isDeepStrictEqual(r.assessment, base.assessment)) return { verdict: 'wrong', ms, detail: 'changed bytes changed values without a word' };
  return { verdict: 'ok-read', ms };
}

export interface FuzzFigures {
  cases: number;
  byKind: Record<CaseKind, number>;
  crashes: number;
  hangs: number;
  wrong: number;
  /** Peak resident memory of this process during the run, MB. */
  peakRssMb: number;
  rssOver500: number;
  seconds: number;
  failures: { kind: CaseKind; label: string; verdict: Verdict; detail?: string }[];
}

export async function runFuzz(cases: FuzzCase[]): Promise<FuzzFigures> {
  const started = performance.now();
  const bs = await baseReads();
  const byKind = { value: 0, 'byte-flip': 0, truncate: 0, zip: 0, xml: 0 } as Record<CaseKind, number>;
  const f: FuzzFigures = { cases: cases.length, byKind, crashes: 0, hangs: 0, wrong: 0, peakRssMb: 0, rssOver500: 0, seconds: 0, failures: [] };
  // Counted as growth over the process's size when the run starts: inside jest the worker already holds
  // whatever earlier suites left (600 MB and more in CI), which says nothing about one read.
  const baseRssMb = process.memoryUsage().rss / 1024 / 1024;
  for (const c of cases) {
    byKind[c.kind]++;
    const o = await runCase(c, bs);
    const rss = process.memoryUsage().rss / 1024 / 1024 - baseRssMb;
    f.peakRssMb = Math.max(f.peakRssMb, rss);
    if (rss > 500) f.rssOver500++;
    if (o.verdict === 'crash') f.crashes++;
    if (o.verdict === 'hang') f.hangs++;
    if (o.verdict === 'wrong') f.wrong++;
    if (o.verdict === 'crash' || o.verdict === 'hang' || o.verdict === 'wrong')
      f.failures.push({ kind: c.kind, label: c.label, verdict: o.verdict, detail: o.detail });
  }
  f.seconds = (performance.now() - started) / 1000;
  return f;
}
