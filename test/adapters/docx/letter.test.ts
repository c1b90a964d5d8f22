// The bureau's cover letter: its words from the summary, an official-document layout (GB/T 9704: A4 margins,
// 仿宋 三号 body, 小标宋 title, page numbers), valid against the vendored wml.xsd, and printed by LibreOffice Writer.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { bureauMerge, type MergeInput } from '../../../src/domain';
import { chineseDate, letterContent } from '../../../src/domain/bureau/letter';
import { writeLetter } from '../../../src/adapters/docx/letter';
import { writeMergedSummary } from '../../../src/adapters/xlsx/merged';
import { J } from '../../fixtures/jiangsu';
import { basicTier, enterprise } from '../../fixtures/enterprise-workbooks';
import { describeErrors, validatePackages } from '../../support/ooxml-validate';
import { findSoffice, printToPdf } from '../../parity/libreoffice';
import { runCli } from '../../cli/run-cli';

const input = (file: string, a: ReturnType<typeof enterprise>): MergeInput => ({ file, modified: 1000, rubric: J, assessment: a });
const rows = bureauMerge(
  J,
  [],
  [
    input('甲.xlsx', enterprise('甲企业', '91320500MA1AAAAA0', 75)),
    input('乙.xlsx', enterprise('乙企业', '91320500MA1BBBBB0', 78)),
    input('丙.xlsx', enterprise('丙企业', '91320500MA1CCCCC0', 85, basicTier)),
  ],
).rows;
const header = { unit: '南京市工业和信息化局', contact: '李四', phone: '025-12345678' };
const content = letterContent(J, { ...header, date: '2025-04-03', rows });
/** What LibreOffice prints the document's fonts with here (Windows fonts are not installed). */
const FONTS: [string, string][] = [
  ['仿宋', 'Noto Serif CJK SC'],
  ['方正小标宋简体', 'Noto Serif CJK SC'],
  ['宋体', 'Noto Serif CJK SC'],
  ['黑体', 'Noto Sans CJK SC'],
];

describe('推荐函 (the cover letter)', () => {
  it('says who recommends how many enterprises at which tier, under the notice, with the contact and the date', () => {
    expect(content.title).toBe('关于推荐2025年江苏省先进级智能工厂的函');
    expect(content.addressee).toBe('江苏省工业和信息化厅：');
    const text = content.paragraphs.join('\n');
    expect(text).toContain('苏工信信发〔2025〕28号');
    expect(text).toContain('南京市工业和信息化局组织');
    expect(text).toContain('按推荐项目优先顺序推荐 3 家企业');
    expect(text).toContain('（自评参考等级：先进级 2 家、基础级 1 家）');
    expect(text).toContain('联系人：李四，联系电话：025-12345678。');
    expect([content.unit, content.date, content.attachment]).toEqual(['南京市工业和信息化局', '2025年4月3日', '附件：先进级智能工厂推荐汇总表']);
    expect(chineseDate('2025-12-01')).toBe('2025年12月1日');
  });

  it('is laid out as an official document: A4, GB/T 9704 margins, 仿宋 三号 body, 小标宋 二号 title, a page number', async () => {
    const zip = await JSZip.loadAsync(await writeLetter(content));
    const doc = await zip.file('word/document.xml')!.async('string');
    expect(doc).toMatch(/<w:pgSz w:w="11907" w:h="16840"|<w:pgSz w:w="11906" w:h="16838"/);
    expect(doc).toMatch(/<w:pgMar w:top="2098"[^>]*w:right="1474"[^>]*w:bottom="1985"[^>]*w:left="1588"/);
    expect(doc).toMatch(/w:eastAsia="方正小标宋简体"[\s\S]*?<w:sz w:val="44"\/>[\s\S]*?关于推荐2025年江苏省先进级智能工厂的函/);
    expect(doc).toMatch(/w:eastAsia="仿宋"[\s\S]*?<w:sz w:val="32"\/>[\s\S]*?根据《关于组织开展/);
    const footer = Object.keys(zip.files).find((f) => /^word\/footer\d*\.xml$/.test(f))!;
    expect(await zip.file(footer)!.async('string')).toMatch(/PAGE/);
  });

  it('validates against the vendored wml.xsd', async () => {
    const reports = await validatePackages([{ name: 'letter.docx', data: await writeLetter(content) }]);
    expect(describeErrors(reports)).toBe('');
    expect(reports.get('letter.docx')!.parts.map((p) => p.schema)).toContain('wml.xsd');
  });

  it('sfa letter writes it from a merged summary; a bad --date is refused', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sfa-letter-'));
    const summary = join(dir, '推荐汇总表.xlsx');
    writeFileSync(summary, await writeMergedSummary(J, bureauMerge(J, [], [input('甲.xlsx', enterprise('甲企业', '91320500MA1AAAAA0', 75))]), header, 'zh'));
    const out = join(dir, '推荐函.docx');
    const r = await runCli(['letter', summary, '-o', out, '--date', '2025-04-03']);
    expect(r.code).toBe(0);
    const doc = await (await JSZip.loadAsync(readFileSync(out))).file('word/document.xml')!.async('string');
    expect(doc).toContain('南京市工业和信息化局');
    expect(doc).toContain('推荐 1 家企业');
    expect(doc).toContain('2025年4月3日');
    const bad = await runCli(['letter', summary, '-o', join(dir, 'x.docx'), '--date', '2025-4-3']);
    expect([bad.code, bad.err]).toEqual([2, expect.stringContaining('YYYY-MM-DD')]);
    const notSummary = await runCli(['letter', out, '-o', join(dir, 'y.docx')]);
    expect(notSummary.code).toBe(2);
    rmSync(dir, { recursive: true, force: true });
  });
});

const soffice = findSoffice();
const ci = (process.env.CI ?? '') !== '' && process.env.CI !== 'false';
(soffice || ci ? describe : describe.skip)('推荐函 printed by LibreOffice Writer', () => {
  it('fits one A4 page with the title, the unit, the date and the page number', async () => {
    if (!soffice) throw new Error('soffice is missing under CI: scripts/setup-system.sh must install libreoffice-writer-nogui');
    const pdf = (await printToPdf([{ name: 'letter.docx', data: await writeLetter(content) }], soffice, FONTS)).get('letter.pdf')!;
    const dir = mkdtempSync(join(tmpdir(), 'sfa-letter-pdf-'));
    const path = join(dir, 'letter.pdf');
    writeFileSync(path, pdf);
    expect(execFileSync('pdfinfo', [path], { encoding: 'utf8' })).toMatch(/Pages:\s+1\n/);
    expect(execFileSync('pdfinfo', [path], { encoding: 'utf8' })).toMatch(/Page size:.*\(A4\)/);
    // pdftotext puts spaces between Chinese and Latin text: compare without white space.
    const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    for (const s of ['关于推荐2025年江苏省先进级智能工厂的函', '江苏省工业和信息化厅：', '南京市工业和信息化局', '2025年4月3日', '—1—'])
      expect(text).toContain(s);
    // SFA_DOCS=1 refreshes the picture in docs/ (look at it before committing).
    if (process.env.SFA_DOCS) {
      execFileSync('pdftoppm', ['-png', '-r', '80', '-singlefile', path, join(dir, 'letter')]);
      mkdirSync(join(__dirname, '..', '..', '..', 'docs', 'screenshots'), { recursive: true });
      writeFileSync(join(__dirname, '..', '..', '..', 'docs', 'screenshots', 'cover-letter.png'), readFileSync(join(dir, 'letter.png')));
    }
    rmSync(dir, { recursive: true, force: true });
  }, 120_000);
});
