// The workbook as LibreOffice prints it (PDF), checked by what is on the pages, not by what we meant to write:
// every sheet on A4, one page wide, with the page-number footer, and no text drawn over other text — a row too
// short for its wrapped text shows as the cell's lower lines lying on the row below (LibreOffice clips them
// on paper but still writes them into the PDF, where pdftotext finds them), a title taller than its row as
// the title lying on the header row.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { printToPdf } from '../parity/libreoffice';
import { writtenFiles } from '../support/written-files';
import { workbookLabels } from '../../src/workbook/labels';

interface Word {
  page: number;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  text: string;
}

/** Every word pdftotext finds, with its box (points, from the page's top-left), and each page's size. */
function words(pdf: Buffer): { pages: { width: number; height: number }[]; words: Word[] } {
  const dir = mkdtempSync(join(tmpdir(), 'sfa-pdf-'));
  try {
    const file = join(dir, 'f.pdf');
    writeFileSync(file, pdf);
    const html = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
    const pages: { width: number; height: number }[] = [];
    const out: Word[] = [];
    for (const m of html.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)) {
      pages.push({ width: Number(m[1]), height: Number(m[2]) });
      for (const w of m[3]!.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g))
        out.push({ page: pages.length, x1: Number(w[1]), y1: Number(w[2]), x2: Number(w[3]), y2: Number(w[4]), text: w[5]! });
    }
    return { pages, words: out };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Pairs of words on one page whose boxes overlap by more than 40 % of a line (touching ascenders do not count). */
function overlaps(ws: Word[]): [Word, Word][] {
  const found: [Word, Word][] = [];
  const byPage = new Map<number, Word[]>();
  for (const w of ws) byPage.set(w.page, [...(byPage.get(w.page) ?? []), w]);
  for (const list of byPage.values()) {
    list.sort((a, b) => a.y1 - b.y1);
    for (let i = 0; i < list.length; i++)
      for (let j = i + 1; j < list.length && list[j]!.y1 < list[i]!.y2; j++) {
        const [a, b] = [list[i]!, list[j]!];
        const dy = Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1);
        const dx = Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1);
        if (dx > 1 && dy > 0.4 * Math.min(a.y2 - a.y1, b.y2 - b.y1)) found.push([a, b]);
      }
  }
  return found;
}

const A4 = { short: 595, long: 842 };

describe('print setup in the file', () => {
  it("names each sheet's print area with absolute rows and columns (a relative one is ignored by LibreOffice)", async () => {
    for (const f of await writtenFiles()) {
      const xml = await (await JSZip.loadAsync(f.data)).file('xl/workbook.xml')!.async('string');
      const areas = [...xml.matchAll(/<definedName name="_xlnm\.Print_Area"[^>]*>([^<]*)<\/definedName>/g)].map((m) => m[1]!);
      expect(areas.length).toBeGreaterThan(1);
      for (const a of areas) expect({ file: f.name, a }).toEqual({ file: f.name, a: expect.stringMatching(/!\$[A-Z]+\$\d+:\$[A-Z]+\$\d+$/) });
    }
  });
});

describe('printed through LibreOffice', () => {
  let printed: Map<string, ReturnType<typeof words>>;

  beforeAll(async () => {
    const files = (await writtenFiles()).filter((f) =>
      ['filled-wordy-zh.xlsx', 'filled-with-errors-en.xlsx', 'template-jiangsu-zh.xlsx', 'merged-errors-zh.xlsx'].includes(f.name),
    );
    const pdfs = await printToPdf(files.map((f) => ({ name: f.name, data: f.data })));
    printed = new Map([...pdfs].map(([name, pdf]) => [name, words(pdf)]));
  }, 240_000);

  it('prints every page on A4 with the footer 「第 n 页 共 N 页」 (Page n of N in English)', () => {
    for (const [name, { pages, words: ws }] of printed) {
      expect(pages.length).toBeGreaterThan(1);
      for (const p of pages) expect([Math.round(Math.min(p.width, p.height)), Math.round(Math.max(p.width, p.height))]).toEqual([A4.short, A4.long]);
      const text = (page: number) =>
        ws
          .filter((w) => w.page === page)
          .map((w) => w.text)
          .join(' ');
      pages.forEach((_, i) =>
        expect({
          name,
          footer: text(i + 1).includes(name.includes('-en') ? `Page ${i + 1} of ${pages.length}` : `第 ${i + 1} 页 共 ${pages.length} 页`),
        }).toEqual({ name, footer: true }),
      );
    }
  });

  it('prints 评估结果 on one page: its open problems (or 「（无）」) under the radar chart, never on a page of their own', () => {
    for (const [name, { pages, words: ws }] of printed) {
      if (name.startsWith('merged')) continue;
      const L = workbookLabels(name.includes('-en') ? 'en' : 'zh');
      const text = (page: number) =>
        ws
          .filter((w) => w.page === page)
          .map((w) => w.text)
          .join(name.includes('-en') ? ' ' : '');
      const result = pages.map((_, i) => i + 1).filter((p) => text(p).includes(L.resultTitle));
      // The sheet's title repeats on each of its pages: one page holds it, and that page the list's title too.
      expect({ name, pages: result.length }).toEqual({ name, pages: 1 });
      const page = text(result[0]!);
      expect({ name, radar: page.includes(L.radarTitle), problems: page.includes(L.problemsTitle) }).toEqual({ name, radar: true, problems: true });
    }
  });

  it('draws no text over other text (no row too short for its wrapped text, no title over the header row)', () => {
    for (const [name, { words: ws }] of printed) {
      const bad = overlaps(ws).map(([a, b]) => `p${a.page}: 「${a.text}」 over 「${b.text}」`);
      expect({ name, overlaps: bad.slice(0, 10) }).toEqual({ name, overlaps: [] });
    }
  });

  it('would see a cut-off cell: the same check fails on a row left at the default height', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('s');
    ws.getColumn(1).width = 10;
    ws.getCell('A1').value = '企业近三年生产经营正常，诚信守法，近三年未发生重大（含）以上安全、环保、质量事故';
    ws.getCell('A1').alignment = { wrapText: true, vertical: 'top' };
    ws.getRow(1).height = 15;
    ws.getCell('A2').value = '下一行';
    const pdf = (await printToPdf([{ name: 'cut.xlsx', data: Buffer.from(await wb.xlsx.writeBuffer()) }])).get('cut.pdf')!;
    expect(overlaps(words(pdf).words).length).toBeGreaterThan(0);
  }, 120_000);
});
