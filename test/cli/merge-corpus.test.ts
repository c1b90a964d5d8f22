// `sfa merge` over the generated bad-input corpus (test/corpus/make-corpus.ts, issue 6): every bad file is one
// clear line on stderr and in 合并明细, the rest is merged in priority order, `--strict`, `--json` and `--into`.
import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readMergedSummary } from '../../src/adapters/xlsx/merged';
import type { FileReport, MergeReport, TierId } from '../../src/domain';
import { makeCorpus, type Corpus, type CorpusFile, type Status } from '../corpus/make-corpus';
import { runCli } from './run-cli';

const RANK: Record<TierId, number> = { basic: 1, advanced: 2, excellent: 3, leading: 4 };
const collator = new Intl.Collator('zh-CN');
/** The order RULES §5 asks for: tier, then composite (highest first, none last), then 企业名称 in pinyin order. */
const byPriority = (a: { tier: TierId | null; composite: number | null; name: string }, b: typeof a) =>
  (b.tier ? RANK[b.tier] : 0) - (a.tier ? RANK[a.tier] : 0) ||
  (a.composite === b.composite ? 0 : a.composite === null ? 1 : b.composite === null ? -1 : b.composite - a.composite) ||
  collator.compare(a.name, b.name);

const STATUS_ZH: Record<Status, string> = { merged: '已合并', replaced: '已被替换', skipped: '已跳过' };

const load = async (file: string) => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
  return wb;
};
/** The text of a cell (rich text joined); formulas stay objects so a test can see them. */
const text = (v: ExcelJS.CellValue): unknown => (v && typeof v === 'object' && 'richText' in v ? v.richText.map((r) => r.text).join('') : v);

/** The stderr lines `sfa: <file>: <why>` as [file, why]. */
const stderrLines = (err: string) =>
  err
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => {
      const m = /^sfa: (.+?\.(?:xlsx|xlsm|xlsb|xls|et|ods|csv|json)): (.+)$/.exec(l);
      return m ? ([m[1]!, m[2]!] as const) : (['', l] as const);
    });

/** The 合并明细 rows that start a file (column A), with their cells by column letter. */
async function detailRows(file: string) {
  const ws = (await load(file)).getWorksheet('合并明细')!;
  const rows: { file: string; status: unknown; note: unknown; name: unknown; cells: { cell: unknown; text: unknown }[] }[] = [];
  ws.eachRow((row, n) => {
    if (n < 3) return;
    const a = text(row.getCell(1).value);
    const issue = { cell: text(row.getCell(8).value), text: text(row.getCell(9).value) };
    if (a)
      rows.push({ file: String(a), status: text(row.getCell(2).value), note: text(row.getCell(3).value), name: text(row.getCell(4).value), cells: [issue] });
    else rows[rows.length - 1]?.cells.push(issue);
  });
  return rows;
}

describe('sfa merge over the bad-input corpus', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sfa-corpus-'));
  let c: Corpus;
  let first: { code: number; out: string; err: string };
  const out = join(dir, '汇总.xlsx');
  const inRoot = (f: CorpusFile) => (name: string) => name.endsWith(`申报材料/${f.path}`);
  const goodOnes = () => c.files.filter((f) => f.enterprise);
  const badOnes = () => c.files.filter((f) => f.reason);
  const errorWorkbook = () => c.files.find((f) => f.strictStatus === 'skipped')!;

  beforeAll(async () => {
    c = await makeCorpus(dir); // how long it takes is the bench's business, not a pass/fail test's
    first = await runCli(['merge', c.root, '-o', out]);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('exits 1 (some files skipped) and still writes the summary', () => {
    expect(first.code).toBe(1);
    expect(existsSync(out)).toBe(true);
    const rows = c.files.filter((f) => f.status === 'merged').length;
    expect(first.out).toContain(`共 ${rows} 家企业`);
  });

  it('gives every bad file exactly one clear stderr line naming the file and the reason, and no line for good files', () => {
    const lines = stderrLines(first.err);
    for (const f of badOnes()) {
      const mine = lines.filter(([file]) => inRoot(f)(file));
      expect([f.path, mine.length]).toEqual([f.path, 1]);
      expect([f.path, mine[0]![1]]).toEqual([f.path, expect.stringMatching(f.reason!)]);
    }
    for (const f of goodOnes()) expect([f.path, lines.filter(([file]) => inRoot(f)(file))]).toEqual([f.path, []]);
    expect(lines.filter(([file]) => file === '')).toEqual([]); // nothing else on stderr
  });

  it.each([
    ['压缩炸弹.xlsx', /解压后超过 32 MB（疑似压缩炸弹）/],
    ['谎报大小.xlsx', /解压后超过 32 MB（疑似压缩炸弹）/],
    ['十五万单元格.xlsx', /单元格超过 100000 个/],
    ['整张表.xlsx', /区域过大/],
    ['加了密码.xlsx', /设了打开密码的（加密的）工作簿.*去掉打开密码/],
    ['旧格式.xls', /旧的 \.xls\/\.et 格式工作簿.*另存为 \.xlsx/],
    ['金山 WPS.et', /旧的 \.xls\/\.et 格式工作簿/],
  ])('refuses %s with the guard’s own words', (name, phrase) => {
    const line = stderrLines(first.err).find(([file]) => file.endsWith(`/${name}`));
    expect(line?.[1]).toMatch(phrase);
  });

  it('lists every input file in 合并明细 with the right status, reasons and cells', async () => {
    const rows = await detailRows(out);
    expect(rows.filter((r) => !r.file.startsWith('（'))).toHaveLength(c.files.length);
    for (const f of c.files) {
      const mine = rows.filter((r) => inRoot(f)(r.file));
      expect([f.path, mine.length]).toEqual([f.path, 1]);
      const r = mine[0]!;
      expect([f.path, r.status]).toEqual([f.path, STATUS_ZH[f.status]]);
      if (f.reason) expect([f.path, r.note]).toEqual([f.path, expect.stringMatching(f.reason)]);
      if (f.enterprise && f.status === 'merged') expect([f.path, r.name]).toEqual([f.path, f.enterprise.name]);
    }
    // The workbook with errors: merged, its error listed with the cell it is in.
    const e = rows.find((r) => inRoot(errorWorkbook())(r.file))!;
    expect(e.cells).toContainEqual({ cell: '数字化转型自评!G5', text: expect.stringMatching(/^错误：.*99/) });
    // The older workbook of 甲 says what replaced it.
    const old = rows.find((r) => r.file.endsWith('企业 甲（1月版）.xlsx'))!;
    expect(String(old.note)).toContain('企业 甲.xlsx');
  });

  it('writes the merged rows in priority order: tier, composite, then 企业名称 in pinyin order', async () => {
    const merged = c.files.filter((f) => f.status === 'merged').map((f) => ({ ...f.enterprise!, path: f.path }));
    const expected = [...merged].sort(byPriority).map((e) => e.name);
    const ws = (await load(out)).getWorksheet('推荐汇总表')!;
    const names: unknown[] = [];
    const seqs: unknown[] = [];
    for (let r = 4; r < 4 + expected.length + 2; r++) {
      const v = text(ws.getCell(r, 2).value);
      if (v === null || v === undefined || v === '') break;
      names.push(v);
      seqs.push(Number(ws.getCell(r, 1).value));
    }
    expect(names).toEqual(expected);
    expect(seqs).toEqual(expected.map((_, i) => i + 1));
    expect(names.indexOf('李氏精工有限公司')).toBeLessThan(names.indexOf('张氏精工有限公司')); // lǐ before zhāng
    expect(names[0]).toBe('南京某某智能装备集团有限公司'); // 领航级 first
    // The hidden keys carry what a later --into merge needs.
    const back = await readMergedSummary(readFileSync(out));
    for (const m of merged) {
      const row = back.rows.find((r) => r.enterpriseName === m.name)!;
      expect([m.name, row.tier, row.composite]).toEqual([m.name, m.tier, m.composite]);
      if (m.creditCode) expect(row.creditCode).toBe(m.creditCode);
    }
  });

  it('writes an enterprise name that starts with = as text, in every sheet', async () => {
    const wb = await load(out);
    const name = c.files.map((f) => f.enterprise?.name).find((n) => n?.startsWith('='))!;
    // Every cell that mentions it (企业名称 in both sheets, and 工厂名称, which the corpus derives from it).
    const found: ExcelJS.Cell[] = [];
    for (const ws of wb.worksheets)
      ws.eachRow((row) => row.eachCell((cell) => (JSON.stringify(cell.value).includes('HYPERLINK') ? found.push(cell) : undefined)));
    for (const cell of found)
      expect([cell.worksheet.name, cell.address, cell.type, String(cell.value).startsWith('=')]).toEqual([
        cell.worksheet.name,
        cell.address,
        ExcelJS.ValueType.String,
        true,
      ]);
    expect(
      found
        .filter((x) => x.value === name)
        .map((x) => `${x.worksheet.name}!${x.col}`)
        .sort(),
    ).toEqual(['合并明细!4', '审核!2', '推荐汇总表!2']);
  });

  it('--strict skips the workbook with errors and merges the rest as before', async () => {
    const target = join(dir, '汇总-strict.xlsx');
    const r = await runCli(['merge', c.root, '-o', target, '--strict']);
    expect(r.code).toBe(1);
    const lines = stderrLines(r.err);
    expect(lines.filter(([file]) => inRoot(errorWorkbook())(file))).toHaveLength(1);
    const rows = await detailRows(target);
    for (const f of c.files) expect([f.path, rows.find((x) => inRoot(f)(x.file))?.status]).toEqual([f.path, STATUS_ZH[f.strictStatus ?? f.status]]);
    const back = await readMergedSummary(readFileSync(target));
    expect(back.rows.map((x) => x.enterpriseName)).not.toContain(errorWorkbook().enterprise!.name);
    expect(back.rows).toHaveLength(c.files.filter((f) => (f.strictStatus ?? f.status) === 'merged').length);
  });

  it('--json prints the merge report: every file with its status, failure and errors', async () => {
    const r = await runCli(['merge', c.root, '-o', join(dir, '汇总-json.xlsx'), '--json']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out) as MergeReport;
    expect(report.files).toHaveLength(c.files.length);
    const count = (s: Status) => c.files.filter((f) => f.status === s).length;
    expect(report.counts).toMatchObject({
      files: c.files.length,
      merged: count('merged'),
      replaced: count('replaced'),
      skipped: count('skipped'),
      rows: count('merged'),
    });
    for (const f of c.files) {
      const fr = report.files.find((x) => inRoot(f)(x.file));
      expect([f.path, fr?.status]).toEqual([f.path, f.status]);
      if (f.reason) expect([f.path, fr?.failure]).toEqual([f.path, expect.stringMatching(f.reason)]);
      if (f.enterprise && f.status === 'merged') expect([f.path, fr?.tier, fr?.composite]).toEqual([f.path, f.enterprise.tier, f.enterprise.composite]);
    }
    const e = report.files.find((x) => inRoot(errorWorkbook())(x.file))!;
    expect(e.errors).toContainEqual(expect.objectContaining({ path: 'indicators.3.score', code: 'score-out-of-band', sheet: '数字化转型自评', cell: 'G5' }));
    const dup = report.files.find((x) => x.file.endsWith('无代码 初稿.xlsx'))!;
    expect(dup).toMatchObject({
      reason: 'newer-in-batch',
      key: expect.stringMatching(/^name:/),
      supersededBy: { kind: 'file', file: expect.stringContaining('无代码 定稿.xlsx'), basis: 'modified' },
    });
    const old = report.files.find((x) => x.file.endsWith('企业 甲（1月版）.xlsx'))!;
    expect(old.supersededBy).toMatchObject({ file: expect.stringContaining('南京 市/企业 甲.xlsx'), basis: 'fillDate' });
  });

  it('a second run --into the summary with newer files replaces and keeps rows as the rules say', async () => {
    const second = join(dir, '汇总-2.xlsx');
    const before = await readMergedSummary(readFileSync(out));
    const r = await runCli(['merge', c.later, '-o', second, '--into', out, '--json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out) as MergeReport;
    const byPath = (p: string) => report.files.find((x) => x.file.endsWith(`补交材料/${p}`)) as FileReport;
    for (const f of c.laterFiles) expect([f.path, byPath(f.path).status]).toEqual([f.path, f.status]);
    expect(byPath('企业 甲（补）.xlsx').reason).toBe('newer-in-summary');
    expect(report.counts).toMatchObject({
      merged: 2,
      replaced: 1,
      skipped: 0,
      existingReplaced: 1,
      existingKept: before.rows.length - 1,
      rows: before.rows.length + 1,
    });
    const after = await readMergedSummary(readFileSync(second));
    const row = (name: string) => after.rows.find((x) => x.enterpriseName === name)!;
    const wu = c.laterFiles[0]!.enterprise!;
    expect(row(wu.name)).toMatchObject({ tier: 'advanced', composite: wu.composite, fillDate: '2025-05-06' }); // replaced
    expect(row('南京某某精密机械有限公司')).toMatchObject({
      fillDate: '2025-03-01',
      composite: before.rows.find((x) => x.enterpriseName === '南京某某精密机械有限公司')!.composite,
    }); // kept
    expect(row('徐州某某重工有限公司')).toMatchObject({ tier: 'excellent' }); // added
    for (const b of before.rows)
      if (b.enterpriseName !== wu.name)
        expect(row(b.enterpriseName)).toMatchObject({ tier: b.tier, composite: b.composite, ...(b.creditCode ? { creditCode: b.creditCode } : {}) });
    const expected = [...after.rows]
      .map((x) => ({ tier: x.tier ?? null, composite: x.composite ?? null, name: x.enterpriseName }))
      .sort(byPriority)
      .map((x) => x.name);
    expect(after.rows.map((x) => x.enterpriseName)).toEqual(expected);
    expect(after.rows.map((x) => x.seq)).toEqual(after.rows.map((_, i) => i + 1));
  });

  it('--into an existing summary: older rows replaced, newer rows and rows not in the batch kept, header kept', async () => {
    const target = join(dir, '汇总-3.xlsx');
    const r = await runCli(['merge', join(c.root, '南京 市'), '-o', target, '--into', c.existing, '--json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out) as MergeReport;
    expect(report.existing.map((e) => [e.row.enterpriseName, e.status])).toEqual([
      ['南京某某智能装备集团有限公司', 'kept'], // newer than the batch's 企业 乙
      ['泰州某某医药有限公司', 'kept'], // not in the batch
      ['南京某某精密机械有限公司', 'replaced'], // older than the batch's 企业 甲
    ]);
    const status = (p: string) => report.files.find((x) => x.file.endsWith(p))!;
    expect(status('南京 市/企业 甲.xlsx')).toMatchObject({ status: 'merged', reason: 'replaces' });
    expect(status('企业 甲（1月版）.xlsx')).toMatchObject({ status: 'replaced', reason: 'newer-in-batch' });
    expect(status('企业 乙.xlsx')).toMatchObject({ status: 'replaced', reason: 'newer-in-summary' });
    const after = await readMergedSummary(readFileSync(target));
    expect(after.header).toEqual({ unit: '南京市工业和信息化局', contact: '李四', phone: '025-12345678' });
    expect(after.rows.map((x) => [x.enterpriseName, x.fillDate])).toEqual([
      ['南京某某智能装备集团有限公司', '2025-06-30'], // 领航级, the summary's newer row
      ['泰州某某医药有限公司', '2025-01-20'], // 先进级 76 > 75
      ['南京某某精密机械有限公司', '2025-03-01'], // the batch's newer workbook
    ]);
  });
});
