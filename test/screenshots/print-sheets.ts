// `npm run screenshots` (first half): prints every visible sheet of the empty template, of a filled enterprise
// workbook and of a merged 推荐汇总表 through LibreOffice to PDF, one PDF per sheet, and rasterises each page to PNG (pdftoppm), into
// docs/print/. Each sheet is printed from a copy of the whole workbook in which the other sheets are hidden
// (and their print ranges dropped: LibreOffice prints neither then), so its formulas still compute from the others.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { assessmentFromJson } from '../../src/domain/assessment/json';
import { getRubric } from '../../src/domain/rubrics';
import { writeWorkbook } from '../../src/adapters/xlsx/write';
import { buildLayout } from '../../src/workbook/layout';
import { inputsFromAssessment } from '../../src/workbook/inputs';
import { printToPdf } from '../parity/libreoffice';

const ROOT = join(__dirname, '..', '..', '..'); // .bench-out/test/screenshots → repository
const OUT = join(ROOT, 'docs', 'print');
const DPI = 100;

/** Copies of the workbook, one per visible sheet, with every other sheet hidden and that sheet active. */
async function perSheet(data: Buffer): Promise<{ sheet: string; data: Buffer }[]> {
  const zip = await JSZip.loadAsync(data);
  const workbook = await zip.file('xl/workbook.xml')!.async('string');
  const sheets = [...workbook.matchAll(/<sheet\b[^>]*\/>/g)].map((m) => m[0]);
  const visible = sheets.map((tag, i) => ({ tag, i })).filter((s) => !/state="(hidden|veryHidden)"/.test(s.tag));
  const out: { sheet: string; data: Buffer }[] = [];
  for (const v of visible) {
    let xml = workbook;
    for (const tag of sheets)
      if (tag !== v.tag)
        xml = xml.replace(tag, /state="/.test(tag) ? tag.replace(/state="[^"]*"/, 'state="hidden"') : tag.replace('<sheet ', '<sheet state="hidden" '));
    xml = xml.replace(/activeTab="\d+"/, `activeTab="${v.i}"`);
    // LibreOffice prints a hidden sheet's print range: drop the other sheets' print ranges and titles.
    xml = xml.replace(/<definedName name="_xlnm\.Print_(?:Area|Titles)" localSheetId="(\d+)">[^<]*<\/definedName>/g, (m, id: string) =>
      Number(id) === v.i ? m : '',
    );
    // LibreOffice shows (and prints) the active sheet even when it is hidden: make the printed one active.
    if (!/activeTab=/.test(xml))
      xml = /<workbookView /.test(xml)
        ? xml.replace('<workbookView ', `<workbookView activeTab="${v.i}" `)
        : xml.replace('<sheets>', `<bookViews><workbookView activeTab="${v.i}"/></bookViews><sheets>`);
    const copy = await JSZip.loadAsync(data);
    copy.file('xl/workbook.xml', xml);
    const name = /name="([^"]*)"/.exec(v.tag)![1]!;
    out.push({ sheet: name, data: await copy.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }) });
  }
  return out;
}

function example(name: string) {
  const parsed = assessmentFromJson(readFileSync(join(ROOT, 'examples', `${name}.json`), 'utf8'), 'zh');
  if (!parsed.ok) throw new Error(`examples/${name}.json does not parse`);
  return parsed;
}

async function main(): Promise<void> {
  const rubric = getRubric()!;
  const adv = example('advanced');
  const workbooks: { prefix: string; data: Buffer }[] = [
    // The empty template as `sfa template` writes it, and the same filled from examples/advanced.json.
    { prefix: 'template', data: await writeWorkbook(buildLayout(rubric)) },
    { prefix: 'workbook', data: await writeWorkbook(buildLayout(rubric), inputsFromAssessment(rubric, adv.assessment)) },
  ];
  // The bureau's workbook as sfa itself writes it: three example workbooks, then `sfa merge` over them.
  const work = mkdtempSync(join(tmpdir(), 'sfa-merge-'));
  try {
    const sfa = (...args: string[]) =>
      execFileSync(process.execPath, [join(ROOT, 'bin', 'sfa.js'), ...args], { cwd: work, stdio: ['ignore', 'ignore', 'ignore'] });
    mkdirSync(join(work, 'in'));
    for (const e of ['advanced', 'leading', 'with-errors']) sfa('template', '--from', join(ROOT, 'examples', `${e}.json`), '-o', join('in', `${e}.xlsx`));
    try {
      sfa('merge', 'in', '-o', '推荐汇总表.xlsx', '--unit', '南京市工业和信息化局', '--contact', '李四', '--phone', '025-12345678');
    } catch {
      // exit 1: a file had errors (with-errors.json on purpose); the summary is written all the same
    }
    workbooks.push({ prefix: 'bureau', data: readFileSync(join(work, '推荐汇总表.xlsx')) });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }

  const jobs: { name: string; data: Buffer; sheet: string; prefix: string }[] = [];
  for (const w of workbooks)
    (await perSheet(w.data)).forEach((s, i) => jobs.push({ name: `${w.prefix}-${i + 1}.xlsx`, data: s.data, sheet: s.sheet, prefix: w.prefix }));
  const pageCount = new Map<string, number>();
  const pdfs = await printToPdf(jobs.map(({ name, data }) => ({ name, data })));

  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const tmp = mkdtempSync(join(tmpdir(), 'sfa-shots-'));
  try {
    for (const j of jobs) {
      // Named by workbook and sheet (not position), so the README's links survive a sheet added before it.
      const base = `${j.prefix}-${j.sheet}`;
      const pdf = join(OUT, `${base}.pdf`);
      writeFileSync(pdf, pdfs.get(j.name.replace(/\.xlsx$/, '.pdf'))!);
      execFileSync('pdftoppm', ['-png', '-r', String(DPI), pdf, join(tmp, base)]);
      const pages = readdirSync(tmp)
        .filter((f) => f.startsWith(base) && f.endsWith('.png'))
        .sort();
      pages.forEach((p, k) => writeFileSync(join(OUT, `${base}-p${k + 1}.png`), readFileSync(join(tmp, p))));
      for (const p of pages) rmSync(join(tmp, p));
      pageCount.set(base, pages.length);
      console.log(`${base}.pdf: ${pages.length} page(s)`);
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  writeReadmeSection(jobs, pageCount);
}

/** The README's list of every printed sheet, between its markers, from what was just printed. */
function writeReadmeSection(jobs: { sheet: string; prefix: string }[], pages: Map<string, number>): void {
  const file = join(ROOT, 'README.md');
  const readme = readFileSync(file, 'utf8');
  const [begin, end] = ['<!-- print-sheets:begin -->', '<!-- print-sheets:end -->'];
  const at = readme.indexOf(begin);
  const until = readme.indexOf(end);
  if (at < 0 || until < at) throw new Error(`README.md has no ${begin} … ${end} section`);
  const shot = (prefix: string, sheet: string) => {
    const base = `${prefix}-${sheet}`;
    const n = pages.get(base);
    if (!n) return '—';
    const more = Array.from({ length: n - 1 }, (_, k) => `[p${k + 2}](docs/print/${base}-p${k + 2}.png)`).join(' ');
    return `[![${sheet}](docs/print/${base}-p1.png)](docs/print/${base}.pdf)<br>${n} ${n === 1 ? 'page' : 'pages'}${more ? `: ${more}` : ''}`;
  };
  const sheetsOf = (prefix: string) => jobs.filter((j) => j.prefix === prefix).map((j) => j.sheet);
  const lines = [
    begin,
    '<!-- written by `npm run screenshots` (test/screenshots/print-sheets.ts): do not edit by hand -->',
    '',
    '| Sheet | Empty (`sfa template`) | Filled (`examples/advanced.json`) |',
    '|---|---|---|',
    ...sheetsOf('workbook').map((s) => `| **${s}** | ${shot('template', s)} | ${shot('workbook', s)} |`),
    '',
    "The bureau's workbook, `sfa merge` over `advanced`, `leading` and `with-errors` (its name is a formula on purpose: it stays text):",
    '',
    '| Sheet | Printed |',
    '|---|---|',
    ...sheetsOf('bureau').map((s) => `| **${s}** | ${shot('bureau', s)} |`),
    '',
  ];
  writeFileSync(file, readme.slice(0, at) + lines.join('\n') + readme.slice(until));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
