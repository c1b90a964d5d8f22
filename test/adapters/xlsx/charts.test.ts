// Native charts in the files sfa writes: DrawingML parts added to ExcelJS's output (src/adapters/xlsx/charts.ts).
// The schema check of every part is test/adapters/xlsx/schema-valid.test.ts; here: the parts are wired
// (relationships, content types, <drawing>), each chart refers to the cells it shows and caches their values,
// and LibreOffice draws them.
import { execFileSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { bureauMerge, type MergeInput } from '../../../src/domain';
import { writeMergedSummary } from '../../../src/adapters/xlsx/merged';
import { writeWorkbook } from '../../../src/adapters/xlsx/write';
import { chartXml, xmlEscape } from '../../../src/adapters/xlsx/charts';
import { buildLayout } from '../../../src/workbook/layout';
import { STATS_SHEET } from '../../../src/workbook/merged-stats';
import { rangeBounds, splitRef } from '../../../src/workbook/a1';
import { J } from '../../fixtures/jiangsu';
import { basicTier, enterprise } from '../../fixtures/enterprise-workbooks';
import { findSoffice, printToPdf } from '../../parity/libreoffice';

const input = (file: string, a: ReturnType<typeof enterprise>): MergeInput => ({ file, modified: 1000, rubric: J, assessment: a });
const batch = [
  input('甲.xlsx', enterprise('甲企业', '91320500MA1AAAAA0', 75)),
  input(
    '乙.xlsx',
    enterprise('乙企业', '91320500MA1BBBBB0', 78, (a) => (a.profile!.cluster = '新能源')),
  ),
  input('丙.xlsx', enterprise('丙企业', '91320500MA1CCCCC0', 85, basicTier)),
];
const header = { unit: '苏州市工业和信息化局', contact: '王五', phone: '0512-1' };

async function partsOf(data: Buffer) {
  const zip = await JSZip.loadAsync(data);
  const text = (p: string) => zip.file(p)!.async('string');
  return { zip, text, names: Object.keys(zip.files) };
}

describe('native charts in the written .xlsx', () => {
  const result = bureauMerge(J, [], batch);
  let data: Buffer;
  beforeAll(async () => {
    data = await writeMergedSummary(J, result, header, 'zh');
  });

  it('wires one drawing on 统计 with a chart per figure: relationships, content types and <drawing r:id>', async () => {
    const { text, names } = await partsOf(data);
    const charts = names.filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n));
    expect(charts.length).toBeGreaterThanOrEqual(9);
    const types = await text('[Content_Types].xml');
    for (const c of charts) expect(types).toContain(`PartName="/${c}" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"`);
    const wb = await text('xl/workbook.xml');
    const statsRid = /<sheet [^>]*name="统计"[^>]*r:id="([^"]+)"/.exec(wb)![1];
    const target = new RegExp(`Id="${statsRid}"[^>]*Target="([^"]+)"`).exec(await text('xl/_rels/workbook.xml.rels'))![1]!;
    const sheetPart = `xl/${target.replace(/^\/?xl\//, '')}`;
    const sheetXml = await text(sheetPart);
    const rid = /<drawing r:id="([^"]+)"\/>/.exec(sheetXml)![1]!;
    const rels = await text(sheetPart.replace('worksheets/', 'worksheets/_rels/') + '.rels');
    const drawing = new RegExp(`Id="${rid}"[^>]*Target="\\.\\./drawings/(drawing\\d+\\.xml)"`).exec(rels)![1]!;
    const drawingRels = await text(`xl/drawings/_rels/${drawing}.rels`);
    expect(drawingRels.match(/relationships\/chart"/g)!.length).toBe(charts.length);
    // No other sheet has a drawing.
    for (const n of names.filter((x) => /^xl\/worksheets\/sheet\d+\.xml$/.test(x) && x !== sheetPart)) expect(await text(n)).not.toContain('<drawing');
  });

  it('each chart refers to the 统计 cells it shows and caches exactly their values (the numbers of --json)', async () => {
    const { text, names } = await partsOf(data);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(data as unknown as ArrayBuffer);
    const ws = book.getWorksheet(STATS_SHEET)!;
    const titles: string[] = [];
    for (const c of names.filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n))) {
      const xml = await text(c);
      titles.push(/<a:t>([^<]*)<\/a:t>/.exec(xml)![1]!);
      const [catF, valF] = [...xml.matchAll(/<c:f>([^<]*)<\/c:f>/g)].map((m) => m[1]!.replace(/&apos;/g, "'"));
      const cats = [...xml.matchAll(/<c:strCache>.*?<\/c:strCache>/gs)][0]![0].match(/<c:v>([^<]*)<\/c:v>/g)!.map((v) => v.slice(5, -6));
      const vals = [...xml.matchAll(/<c:numCache>.*?<\/c:numCache>/gs)][0]![0].match(/<c:v>([^<]*)<\/c:v>/g)!.map((v) => Number(v.slice(5, -6)));
      expect(splitRef(catF!).sheet).toBe(STATS_SHEET);
      const cb = rangeBounds(splitRef(catF!).range);
      const vb = rangeBounds(splitRef(valF!).range);
      expect([vb.c1, vb.r1, vb.r2]).toEqual([cb.c1 + 1, cb.r1, cb.r2]);
      const cells = (col: number, b: typeof cb) => Array.from({ length: b.r2 - b.r1 + 1 }, (_, i) => ws.getCell(b.r1 + i, col).value);
      expect(cells(cb.c1, cb)).toEqual(cats);
      expect(cells(vb.c1, vb)).toEqual(vals);
    }
    // The tier chart shows the same counts as the statistics --json prints.
    const tierChart = await text(`xl/charts/chart1.xml`);
    expect(tierChart).toContain('<c:barDir val="col"/>');
    const tierVals = [...tierChart.matchAll(/<c:numCache>.*?<\/c:numCache>/gs)][0]![0].match(/<c:v>([^<]*)<\/c:v>/g)!.map((v) => Number(v.slice(5, -6)));
    expect(tierVals).toEqual(result.stats.byTier.map((r) => r.count));
    expect(titles).toEqual(expect.arrayContaining(['按参考等级', '综合得分分布', '按所属集群', '按企业类型', '建设环节覆盖（至少一个场景已建设）']));
    expect(await text('xl/charts/chart6.xml')).toContain('<c:pieChart>'); // 企业类型 as shares
  });

  it('gives the assessment workbook its radar chart of the ten indicators on 评估结果, without a cache for formula cells', async () => {
    const layout = buildLayout(J);
    const { text, names } = await partsOf(await writeWorkbook(layout));
    expect(names.filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n))).toEqual(['xl/charts/chart1.xml']);
    const xml = await text('xl/charts/chart1.xml');
    expect(xml).toContain('<c:radarChart>');
    const [catF, valF] = [...xml.matchAll(/<c:f>([^<]*)<\/c:f>/g)].map((m) => m[1]!.replace(/&apos;/g, "'"));
    const src = rangeBounds(layout.charts[0]!.source);
    expect(splitRef(catF!).sheet).toBe(layout.charts[0]!.sheet);
    expect(rangeBounds(splitRef(catF!).range)).toEqual({ ...src, c2: src.c1 });
    expect(rangeBounds(splitRef(valF!).range)).toEqual({ ...src, c1: src.c1 + 1 });
    expect(splitRef(valF!).sheet).toBe('评估结果');
    expect(xml).not.toContain('<c:numCache>'); // the scores are formulas: the spreadsheet computes them
  });

  it('escapes text from files in chart titles and labels (data, never markup)', () => {
    const xml = chartXml({ sheet: "A'b", type: 'bar', source: 'A1:B1', title: '<script>&"x"', from: 'D1', to: 'H9' }, () => '<b>&');
    expect(xml).toContain('<a:t>&lt;script&gt;&amp;&quot;x&quot;</a:t>');
    expect(xml).toContain("<c:f>'A''b'!$A$1:$A$1</c:f>");
    expect(xml).toContain('<c:v>&lt;b&gt;&amp;</c:v>');
    expect(xmlEscape('a\u0001b\uFFFE')).toBe('ab');
  });
});

const soffice = findSoffice();
const ci = (process.env.CI ?? '') !== '' && process.env.CI !== 'false';
(soffice || ci ? describe : describe.skip)('LibreOffice draws the charts', () => {
  it('prints 统计 with every chart (each title drawn at least twice: the section and its chart)', async () => {
    if (!soffice) throw new Error('soffice is missing under CI: scripts/setup-system.sh must install libreoffice-calc-nogui');
    const data = await writeMergedSummary(J, bureauMerge(J, [], batch), header, 'zh');
    const out = await printToPdf([{ name: 'summary.xlsx', data }], soffice);
    const dir = require('node:fs').mkdtempSync(require('node:path').join(require('node:os').tmpdir(), 'sfa-charts-'));
    const pdf = require('node:path').join(dir, 'summary.pdf');
    require('node:fs').writeFileSync(pdf, out.get('summary.pdf')!);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    for (const title of ['按参考等级', '综合得分分布', '按所属集群', '按所属产业链', '按企业类型', '建设环节覆盖（至少一个场景已建设）'])
      expect([title, text.split(title).length - 1 >= 2]).toEqual([title, true]); // a chart over a page break is drawn on both pages
    require('node:fs').rmSync(dir, { recursive: true, force: true });
  }, 120_000);
});
