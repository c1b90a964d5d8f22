// The bad-input corpus of issue 6, generated (never hand-edited binaries): good enterprise workbooks in
// folders with Chinese names and spaces, an older and a newer workbook of one enterprise, a duplicate found
// by name, a workbook with errors, an enterprise name that looks like a formula, and every kind of file a
// bureau receives that is not a workbook we can read (not a zip, truncated or corrupt zip, .xls/.et and
// encrypted OLE files, a renamed .csv, an empty file, somebody else's workbook, a newer layout, zip bombs, a
// huge defined-name range). Also a folder of later files and an existing merged summary for `--into`.
//
//   npm run corpus -- <dir>          writes the corpus into <dir> and lists every file with what to expect
//   npm run corpus -- <dir> --hostile  writes issue 14's hostile corpus instead (./hostile-corpus.ts)
//
// `makeCorpus(dir)` returns the same list for tests; `writeEnterpriseWorkbooks(dir, n)` writes n varied good
// workbooks (the merge benchmark uses it).
import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import ExcelJS from 'exceljs';
import { levelForScore, mergeSummary, score, type Assessment, type MergeInput, type TierId } from '../../src/domain';
import { getRubric } from '../../src/domain/rubrics';
import { buildLayout } from '../../src/workbook/layout';
import { inputsFromAssessment } from '../../src/workbook/inputs';
import { NAMES } from '../../src/workbook/names';
import { writeWorkbook } from '../../src/adapters/xlsx/write';
import { writeMergedSummary } from '../../src/adapters/xlsx/merged';
import { validCreditCode } from '../fixtures/jiangsu';
import { deflateRepeated, readZip, writeZip, type ZipEntry } from './zip';

const rubric = getRubric()!;
const layout = buildLayout(rubric);

// ─── good assessments ────────────────────────────────────────────────────────────────────────────────────

/** The tier a generated enterprise is built to reach (`none`: misses 基础级 on maturity). */
export type Aim = TierId | 'none';

/** All 40 scenarios, most at 领航级 (as examples/leading.json): every segment covered. */
const ALL_SCENARIOS: Record<string, 'leading' | 'excellent'> = Object.fromEntries(
  Array.from({ length: 40 }, (_, i) => String(i + 1)).map((id) => [id, ['29', '31', '32', '33', '35', '37', '39'].includes(id) ? 'excellent' : 'leading']),
);
/** 15 scenarios at 先进级 covering 生产作业, 生产管理 and 运营管理. */
const ADVANCED_SCENARIOS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12', '13', '14', '25'];
/** 8 scenarios at 先进级 covering 生产作业 (enough for 基础级 only). */
const BASIC_SCENARIOS = ['7', '8', '9', '10', '11', '12', '13', '14'];
const SCORED = ['1', '2', '3', '4', '5', '6', '8', '9', '10'];

export interface EnterpriseSpec {
  name: string;
  /** 17 characters; the check digit is added. Absent: no credit code (the merge keys by name). */
  code17?: string;
  factory?: string;
  aim: Aim;
  /** The score of every scored indicator (each at the level whose band holds it). */
  score: number;
  fillDate?: string;
  city?: string;
}

/** A complete assessment built to reach `spec.aim`. */
export function enterpriseAssessment(spec: EnterpriseSpec): Assessment {
  const maturity = { leading: 4, excellent: 3, advanced: 2, basic: 2, none: 1 }[spec.aim];
  const scenarios =
    spec.aim === 'leading' || spec.aim === 'excellent'
      ? { ...ALL_SCENARIOS }
      : Object.fromEntries((spec.aim === 'basic' ? BASIC_SCENARIOS : ADVANCED_SCENARIOS).map((id) => [id, 'advanced' as const]));
  const indicators: NonNullable<Assessment['indicators']> = { '7': { investmentTotal: 1260, investment2024: 310 } };
  for (const id of SCORED) indicators[id] = { level: levelForScore(rubric, spec.score)!, score: spec.score };
  return {
    rubric: rubric.id,
    profile: {
      enterpriseName: spec.name,
      ...(spec.code17 ? { creditCode: validCreditCode(spec.code17) } : {}),
      factoryName: spec.factory ?? `${spec.name.replace(/有限公司$/, '')}智能工厂`,
      cluster: '高端装备',
      industryChain: '汽车零部件',
      industry: '通用设备制造业',
      address: `${spec.city ?? '南京'}市某某路 1 号`,
      contactName: '张三',
      contactMobile: '13912345678',
      ...(spec.fillDate ? { fillDate: spec.fillDate } : {}),
      employees: 520,
      revenue: 36000,
    },
    declarations: { scale: true, compliance: true, secureControllable: true, organization: true },
    maturityLevel: maturity,
    indicators,
    scenarios,
  };
}

/** The workbook of an assessment, as an enterprise would send it. */
export async function enterpriseWorkbook(a: Assessment): Promise<Buffer> {
  return writeWorkbook(layout, inputsFromAssessment(rubric, a));
}

const CITIES = ['南京', '无锡', '徐州', '常州', '苏州', '南通', '连云港', '淮安', '盐城', '扬州', '镇江', '泰州', '宿迁'];
const CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY'; // GB 32100 alphabet
const code17For = (i: number) => {
  let s = '';
  for (let n = i, k = 0; k < 7; k++, n = Math.floor(n / CODE_CHARS.length)) s = CODE_CHARS[n % CODE_CHARS.length]! + s;
  return `91320100MA${s}`;
};

/** The i-th enterprise of a generated batch: tiers and composites vary, every name and credit code differs. */
export function batchEnterprise(i: number): EnterpriseSpec {
  const aims: Aim[] = ['advanced', 'advanced', 'basic', 'excellent', 'advanced', 'none', 'leading', 'basic'];
  const aim = aims[i % aims.length]!;
  const band = { leading: [91, 99], excellent: [81, 89], advanced: [71, 79], basic: [61, 69], none: [70, 79] }[aim];
  const city = CITIES[i % CITIES.length]!;
  return {
    name: `${city}某某${i + 1}号智能制造有限公司`,
    code17: code17For(i),
    aim,
    score: band[0]! + ((i * 7) % (band[1]! - band[0]! + 1)),
    fillDate: `2025-0${1 + (i % 9)}-${String(1 + (i % 28)).padStart(2, '0')}`,
    city,
  };
}

/**
 * Writes `count` varied good enterprise workbooks into `dir` (one sub-folder per city, names with Chinese
 * characters and spaces). Returns the files written.
 */
export async function writeEnterpriseWorkbooks(dir: string, count: number): Promise<string[]> {
  const files: string[] = [];
  for (let i = 0; i < count; i++) {
    const spec = batchEnterprise(i);
    const file = join(dir, `${spec.city} 市`, `企业 ${String(i + 1).padStart(4, '0')}.xlsx`);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, await enterpriseWorkbook(enterpriseAssessment(spec)));
    files.push(file);
  }
  return files;
}

// ─── bad files ───────────────────────────────────────────────────────────────────────────────────────────

/**
 * An OLE compound file (what .xls, .et and every encrypted .xlsx are): its header, then one directory sector
 * holding the root entry and these streams (names as MS-CFB stores them: UTF-16LE, byte length with the NUL).
 */
export function oleFile(streams: string[] = []): Buffer {
  const b = Buffer.alloc(1536);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(b, 0);
  b.writeUInt16LE(0x003e, 24); // minor version
  b.writeUInt16LE(0x0003, 26); // major version 3
  b.writeUInt16LE(0xfffe, 28); // byte order
  b.writeUInt16LE(9, 30); // 512-byte sectors
  b.writeUInt16LE(6, 32); // 64-byte mini sectors
  b.fill(0xff, 76, 512); // empty DIFAT
  ['Root Entry', ...streams].slice(0, 4).forEach((name, i) => {
    const at = 512 + i * 128;
    b.write(name, at, 'utf16le');
    b.writeUInt16LE((name.length + 1) * 2, at + 0x40);
    b.writeUInt8(i === 0 ? 5 : 2, at + 0x42); // root storage, then streams
  });
  return b;
}

const partName = (entries: ZipEntry[], sheet: string) => {
  const wbXml = entries.find((e) => e.name === 'xl/workbook.xml')!.data!.toString('utf8');
  const rels = entries.find((e) => e.name === 'xl/_rels/workbook.xml.rels')!.data!.toString('utf8');
  const rid = new RegExp(`<sheet [^>]*name="${sheet}"[^>]*r:id="([^"]+)"`).exec(wbXml)?.[1];
  const target = rid && new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)?.[1];
  if (!target) throw new Error(`no part for sheet ${sheet}`);
  return `xl/${target.replace(/^\/?xl\//, '')}`;
};

/** A good workbook whose 场景自评 part, padded with an XML comment, inflates to `inflated` bytes. */
async function paddedSheet(good: Buffer, inflated: number, lie: boolean): Promise<Buffer> {
  const entries = readZip(good);
  const name = partName(entries, '场景自评');
  const e = entries.find((x) => x.name === name)!;
  const xml = e.data!.toString('utf8');
  const at = xml.indexOf('?>') + 2;
  e.deflated = await deflateRepeated(`${xml.slice(0, at)}<!--`, ' padding padding padding padding padding padding padding ', inflated, `-->${xml.slice(at)}`);
  if (lie) e.declaredSize = e.data!.length; // the headers say: as small as the honest part
  delete e.data;
  return writeZip(entries);
}

/**
 * A good workbook whose 场景自评 sheet (which the reader reads for SFA_SCENARIO_TIER) holds `cells` more small
 * number cells below its table (a few MB inflated). Cells in sheets no name points at are never read.
 */
function manyCells(good: Buffer, cells: number): Buffer {
  const entries = readZip(good);
  const cols = 100;
  const colName = (c: number) => (c < 26 ? String.fromCharCode(65 + c) : String.fromCharCode(64 + Math.floor(c / 26)) + String.fromCharCode(65 + (c % 26)));
  const rows: string[] = [];
  for (let r = 1; r <= Math.ceil(cells / cols); r++) {
    const cs: string[] = [];
    for (let c = 0; c < cols && (r - 1) * cols + c < cells; c++) cs.push(`<c r="${colName(c)}${r + 1000}"><v>${(r * c) % 97}</v></c>`);
    rows.push(`<row r="${r + 1000}">${cs.join('')}</row>`);
  }
  const part = entries.find((e) => e.name === partName(entries, '场景自评'))!;
  part.data = Buffer.from(part.data!.toString('utf8').replace('</sheetData>', `${rows.join('')}</sheetData>`), 'utf8');
  return writeZip(entries);
}

/** A good workbook whose defined name `name` points at `range` of its sheet (e.g. the whole sheet). */
function renamedRange(good: Buffer, name: string, range: string): Buffer {
  const entries = readZip(good);
  const wb = entries.find((e) => e.name === 'xl/workbook.xml')!;
  const xml = wb.data!.toString('utf8');
  const re = new RegExp(`(<definedName name="${name}"[^>]*>&apos;([^&]+)&apos;!)[^<]*(</definedName>)`);
  if (!re.test(xml)) throw new Error(`no defined name ${name}`);
  wb.data = Buffer.from(
    xml.replace(re, (_m, head: string, _sheet: string, tail: string) => `${head}${range}${tail}`),
    'utf8',
  );
  return writeZip(entries);
}

/** A good workbook re-saved with SFA_LAYOUT_VERSION set to `version`. */
async function withLayoutVersion(good: Buffer, version: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(good as unknown as ArrayBuffer);
  const ref = wb.definedNames.getRanges(NAMES.layoutVersion).ranges[0]!;
  const [sheet, cell] = ref.split('!') as [string, string];
  wb.getWorksheet(sheet.replace(/^'|'$/g, ''))!.getCell(cell.replace(/\$/g, '')).value = version;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function foreignWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.addRow(['企业名称', '统一社会信用代码', '联系人']);
  ws.addRow(['南京某某机械有限公司', validCreditCode('91320100MA1ZZZZZ0'), '赵六']);
  ws.addRow(['无锡某某电子有限公司', validCreditCode('91320200MA1YYYYY0'), '钱七']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

// ─── the corpus ──────────────────────────────────────────────────────────────────────────────────────────

export type Status = 'merged' | 'replaced' | 'skipped';

export interface CorpusFile {
  /** Path inside its folder, with `/`. */
  path: string;
  /** What the merge must report for this file (without --strict). */
  status: Status;
  /** Under --strict, when different. */
  strictStatus?: Status;
  /** A good file: the enterprise as scored by the engine from the assessment that was written. */
  enterprise?: { name: string; creditCode?: string; tier: TierId | null; composite: number | null; errors: number };
  /** A bad file: what its one line on stderr (and its 合并明细 note) must say. */
  reason?: RegExp;
  /** Why the file is in the corpus. */
  note: string;
}

export interface Corpus {
  /** The batch: `sfa merge <root>`. */
  root: string;
  files: CorpusFile[];
  /** Later files for a second run `--into` the first run's summary. */
  later: string;
  laterFiles: CorpusFile[];
  /** An existing merged summary (written by sfa merge) and its rows. */
  existing: string;
  existingRows: { name: string; fillDate: string; note: string }[];
}

const DAY = 86_400;
const T0 = Date.UTC(2025, 2, 20) / 1000; // seconds

/** Writes the corpus into `dir` (created if needed) and returns what each file is and what to expect. */
export async function makeCorpus(dir: string): Promise<Corpus> {
  const root = join(dir, '申报材料');
  const later = join(dir, '补交材料');
  const files: CorpusFile[] = [];
  const laterFiles: CorpusFile[] = [];

  const put = (base: string, path: string, data: Buffer | string, mtime = T0) => {
    const file = join(base, ...path.split('/'));
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, data);
    utimesSync(file, mtime, mtime);
  };
  const good = async (
    list: CorpusFile[],
    base: string,
    path: string,
    spec: EnterpriseSpec,
    status: Status,
    note: string,
    opts: { mtime?: number; patch?: (a: Assessment) => void; strictStatus?: Status } = {},
  ) => {
    const a = enterpriseAssessment(spec);
    opts.patch?.(a);
    const r = score(rubric, a);
    const expectsErrors = opts.patch !== undefined; // a patch is how the corpus makes a workbook with errors
    if (!expectsErrors && (r.errors.length > 0 || (r.tier ?? 'none') !== spec.aim))
      throw new Error(`corpus: ${path} scores ${r.tier} with ${r.errors.length} errors, not ${spec.aim}`);
    put(base, path, await enterpriseWorkbook(a), opts.mtime);
    list.push({
      path,
      status,
      ...(opts.strictStatus ? { strictStatus: opts.strictStatus } : {}),
      enterprise: {
        name: spec.name,
        ...(spec.code17 ? { creditCode: validCreditCode(spec.code17) } : {}),
        tier: r.tier,
        composite: r.composite,
        errors: r.errors.length,
      },
      note,
    });
    return a;
  };
  const bad = (path: string, data: Buffer | string, reason: RegExp, note: string) => {
    put(root, path, data);
    files.push({ path, status: 'skipped', reason, note });
  };

  // Good workbooks, in folders with Chinese names and spaces; tiers and composites vary.
  const jia: EnterpriseSpec = {
    name: '南京某某精密机械有限公司',
    code17: '91320100MA1A00001',
    aim: 'advanced',
    score: 75,
    fillDate: '2025-03-01',
    city: '南京',
  };
  const yi: EnterpriseSpec = {
    name: '南京某某智能装备集团有限公司',
    code17: '91320100MA1A00002',
    aim: 'leading',
    score: 95,
    fillDate: '2025-03-15',
    city: '南京',
  };
  await good(files, root, '南京 市/企业 甲.xlsx', jia, 'merged', 'good, 先进级; newer 填表日期 than 企业 甲（1月版）');
  await good(
    files,
    root,
    '南京 市/旧 版本/企业 甲（1月版）.xlsx',
    { ...jia, fillDate: '2025-01-05' },
    'replaced',
    'same credit code, older 填表日期 (but a newer file time): replaced',
    {
      mtime: T0 + 30 * DAY,
    },
  );
  await good(files, root, '南京 市/江宁 区/企业 乙.xlsx', yi, 'merged', 'good, 领航级');
  await good(
    files,
    root,
    '苏州 市/企业 丙.xlsx',
    { name: '苏州某某电子科技有限公司', code17: '91320500MA1A00003', aim: 'excellent', score: 85, fillDate: '2025-02-10', city: '苏州' },
    'merged',
    'good, 卓越级',
  );
  await good(
    files,
    root,
    '苏州 市/企业 丁.xlsx',
    { name: '苏州某某纺织有限公司', code17: '91320500MA1A00004', aim: 'basic', score: 65, fillDate: '2025-02-11', city: '苏州' },
    'merged',
    'good, 基础级',
  );
  await good(
    files,
    root,
    '无锡 市/企业 戊.xlsx',
    { name: '无锡某某新材料有限公司', code17: '91320200MA1A00005', aim: 'none', score: 78, fillDate: '2025-02-12', city: '无锡' },
    'merged',
    'good, no tier (maturity 1)',
  );
  // Same tier and composite: 企业名称 in pinyin order (李 lǐ before 张 zhāng, though 张 < 李 by code point).
  await good(
    files,
    root,
    '常州 市/张 氏.xlsx',
    { name: '张氏精工有限公司', code17: '91320400MA1A00006', aim: 'advanced', score: 75, fillDate: '2025-02-13', city: '常州' },
    'merged',
    'good, 先进级, ties with 李氏 on composite',
  );
  await good(
    files,
    root,
    '常州 市/李 氏.xlsx',
    { name: '李氏精工有限公司', code17: '91320400MA1A00007', aim: 'advanced', score: 75, fillDate: '2025-02-14', city: '常州' },
    'merged',
    'good, 先进级, ties with 张氏 on composite',
  );
  // Duplicate enterprise without a credit code: matched by 企业名称 + 工厂名称 (white space ignored), newer file time wins.
  const dup = { code17: undefined, factory: '扬州某某一号工厂', aim: 'advanced' as const, city: '扬州' };
  await good(
    files,
    root,
    '扬州 市/无代码 初稿.xlsx',
    { ...dup, name: '扬州 某某 精工有限公司', score: 72 },
    'replaced',
    'no credit code; same name + factory as 定稿, older file time',
    { mtime: T0 },
  );
  await good(files, root, '扬州 市/无代码 定稿.xlsx', { ...dup, name: '扬州某某精工有限公司', score: 78 }, 'merged', 'no credit code; the newer of the two', {
    mtime: T0 + 2 * DAY,
  });
  // A workbook with errors: merged with its errors listed; skipped under --strict.
  await good(
    files,
    root,
    '连云港 市/分数越界.xlsx',
    { name: '连云港某某化工有限公司', code17: '91320700MA1A00008', aim: 'advanced', score: 75, fillDate: '2025-02-20', city: '连云港' },
    'merged',
    'indicator 3 scored 99 at 五级 [60, 80): an out-of-band score',
    {
      patch: (a) => (a.indicators!['3'] = { level: levelForScore(rubric, 75)!, score: 99 }),
      strictStatus: 'skipped',
    },
  );
  // Saved as macro-enabled (.xlsm): read as .xlsx, its macros ignored.
  await good(
    files,
    root,
    '南通 市/启用宏.xlsm',
    { name: '南通某某船舶配件有限公司', code17: '91320600MA1A00011', aim: 'basic', score: 63, fillDate: '2025-02-22', city: '南通' },
    'merged',
    '.xlsm: read like .xlsx, macros ignored',
  );
  // Formula text as a name: must stay text in the summary.
  await good(
    files,
    root,
    '公式 名称/等号开头.xlsx',
    { name: '=HYPERLINK("http://example.cn","点我")', code17: '91320800MA1A00009', aim: 'basic', score: 62, fillDate: '2025-02-21', city: '淮安' },
    'merged',
    'enterprise name starting with =',
  );

  // Files that are not workbooks we can read: one clear line each, the batch goes on.
  const sample = await enterpriseWorkbook(enterpriseAssessment({ name: '样本企业有限公司', code17: '91320100MA1A00010', aim: 'advanced', score: 75 }));
  const cut = Buffer.from(sample);
  const cd = cut.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
  cut.fill(0x00, cd, cd + 4); // the central directory no longer starts with its signature
  bad('坏 文件/不是 zip.xlsx', '这不是工作簿，是一段文字。\n', /不是 \.xlsx 文件/, 'text named .xlsx');
  bad('坏 文件/截断.xlsx', sample.subarray(0, Math.floor(sample.length / 2)), /损坏/, 'a workbook cut in half');
  bad('坏 文件/目录损坏.xlsx', cut, /损坏/, 'a zip whose central directory is damaged');
  bad('坏 文件/旧格式.xls', oleFile(['Workbook']), /旧的 \.xls\/\.et 格式工作簿.*另存为 \.xlsx/, 'OLE file with a Workbook stream (.xls)');
  bad(
    '坏 文件/加了密码.xlsx',
    oleFile(['EncryptionInfo', 'EncryptedPackage']),
    /设了打开密码的（加密的）工作簿.*去掉打开密码/,
    'OLE file with EncryptionInfo: an encrypted workbook',
  );
  bad('坏 文件/金山 WPS.et', oleFile(['Book']), /旧的 \.xls\/\.et 格式工作簿/, 'OLE file with a BIFF5 Book stream (.et)');
  bad('坏 文件/旧 Word 文件.xls', oleFile(['WordDocument']), /Office 旧格式的文件，不是 \.xlsx 工作簿/, 'OLE file that is no workbook at all');
  bad('坏 文件/二进制.xlsb', Buffer.from('PK\u0003\u0004'), /\.xlsb 格式的表格.*另存为 \.xlsx/, '.xlsb: listed with what to do, not read');
  bad('坏 文件/开放文档.ods', Buffer.from('PK\u0003\u0004'), /\.ods 格式的表格/, '.ods: listed with what to do, not read');
  const csv = '企业名称,统一社会信用代码,联系人\n南京某某机械有限公司,91320100MA1ZZZZZ0X,赵六\n';
  bad('坏 文件/改名的 csv.xlsx', csv, /不是 \.xlsx 文件/, 'a .csv renamed to .xlsx');
  bad('坏 文件/名单.csv', csv, /\.csv|CSV/, 'a real .csv');
  bad('坏 文件/空文件.xlsx', Buffer.alloc(0), /文件是空的/, 'an empty file');
  bad('坏 文件/别人的表.xlsx', await foreignWorkbook(), /不是智能工厂自评工作簿/, 'a valid .xlsx that is not ours');
  bad('坏 文件/新版式.xlsx', await withLayoutVersion(sample, 99), /第 99 版/, 'SFA_LAYOUT_VERSION = 99');
  bad('炸弹/压缩炸弹.xlsx', await paddedSheet(sample, 96 * 2 ** 20, false), /解压后超过 32 MB（疑似压缩炸弹）/, 'a worksheet part that inflates to 96 MB');
  bad(
    '炸弹/十五万单元格.xlsx',
    manyCells(sample, 150_000),
    /单元格超过 100000 个/,
    '150,000 more cells in 场景自评 (a sheet the reader reads), ~4 MB inflated',
  );
  bad(
    '炸弹/谎报大小.xlsx',
    await paddedSheet(sample, 48 * 2 ** 20, true),
    /解压后超过 32 MB（疑似压缩炸弹）/,
    'headers declare ~50 kB, the part inflates to 48 MB',
  );
  bad('炸弹/整张表.xlsx', renamedRange(sample, NAMES.scenarioTiers, '$A$1:$XFD$1048576'), /区域过大/, 'SFA_SCENARIO_TIER = A1:XFD1048576');

  // Later files, for a second run `--into` the first run's summary.
  await good(
    laterFiles,
    later,
    '企业 戊（整改后）.xlsx',
    { name: '无锡某某新材料有限公司', code17: '91320200MA1A00005', aim: 'advanced', score: 78, fillDate: '2025-05-06', city: '无锡' },
    'merged',
    'newer 填表日期: replaces 戊’s row, now 先进级',
  );
  await good(
    laterFiles,
    later,
    '企业 甲（补）.xlsx',
    { ...jia, score: 79, fillDate: '2025-02-15' },
    'replaced',
    'older 填表日期 than 甲’s row in the summary: the row stays',
    { mtime: T0 + 60 * DAY },
  );
  await good(
    laterFiles,
    later,
    '徐州 市/企业 庚.xlsx',
    { name: '徐州某某重工有限公司', code17: '91320300MA1A00011', aim: 'excellent', score: 88, fillDate: '2025-05-07', city: '徐州' },
    'merged',
    'a new enterprise',
  );

  // An existing merged summary: 甲 older than the batch (replaced), 乙 newer than the batch (kept), 泰州 not in the batch (kept).
  const existing = join(dir, '原推荐汇总表.xlsx');
  const existingRows = [
    { name: jia.name, fillDate: '2025-02-01', note: 'older than 企业 甲.xlsx: replaced' },
    { name: yi.name, fillDate: '2025-06-30', note: 'newer than 企业 乙.xlsx: kept, the file is replaced' },
    { name: '泰州某某医药有限公司', fillDate: '2025-01-20', note: 'not in the batch: kept' },
  ];
  const priorSpecs: EnterpriseSpec[] = [
    { ...jia, fillDate: '2025-02-01', score: 72 },
    { ...yi, fillDate: '2025-06-30' },
    { name: '泰州某某医药有限公司', code17: '91321200MA1A00012', aim: 'advanced', score: 76, fillDate: '2025-01-20', city: '泰州' },
  ];
  const prior: MergeInput[] = priorSpecs.map((s, i) => ({ file: `早先/${i + 1}.xlsx`, modified: T0 * 1000, rubric, assessment: enterpriseAssessment(s) }));
  writeFileSync(
    existing,
    await writeMergedSummary(rubric, mergeSummary([], prior), { unit: '南京市工业和信息化局', contact: '李四', phone: '025-12345678' }, 'zh'),
  );

  return { root, files, later, laterFiles, existing, existingRows };
}

if (require.main === module) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: npm run corpus -- <dir>');
    process.exit(2);
  }
  const t0 = Date.now();
  if (process.argv.includes('--hostile')) {
    // issue 14: the hostile corpus (FIFOs, links, hijacked credit codes, forbidden characters, bad JSON…)
    void import('./hostile-corpus').then(({ makeHostileCorpus }) =>
      makeHostileCorpus(dir).then((c) => {
        console.log(c.root);
        for (const e of c.entries) console.log(`  [${e.item}] ${e.path}  — ${e.note}${e.expect ? `  (${e.expect.source})` : ''}`);
        console.log(`\n${c.entries.length} entries in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
      }),
    );
  } else
    void makeCorpus(dir).then((c) => {
      const show = (base: string, list: CorpusFile[]) => {
        console.log(`${base}`);
        for (const f of list) console.log(`  ${f.status.padEnd(8)} ${f.path}  — ${f.note}`);
      };
      show(c.root, c.files);
      show(c.later, c.laterFiles);
      console.log(`${c.existing}\n  ${c.existingRows.map((r) => `${r.name} (${r.fillDate}): ${r.note}`).join('\n  ')}`);
      console.log(`\n${c.files.length + c.laterFiles.length + 1} files in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    });
}
