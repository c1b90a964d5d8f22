// The bureau's cover letter (推荐函) as a .docx laid out as GB/T 9704-2012 lays out an official letter: A4 with
// its margins and the page number 「— 1 —」 (./official.ts), the title in 小标宋 二号, the addressee flush left,
// the body in 仿宋 三号 with a two-character first-line indent on 28-pt lines, 附件, then the issuing unit and the
// date right-aligned with room for its 公章 above them.
import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx';
import type { LetterContent } from '../../domain/bureau/letter';
import { body, FONT, officialSection, SIZE } from './official';

/** 小标宋 for the title, as GB/T 9704 asks; 宋体 where it is not installed. */
const XIAOBIAOSONG = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '方正小标宋简体', cs: 'Times New Roman' } as const;

export function letterDocument(c: LetterContent): Document {
  const right = (text: string, before = 0) =>
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      indent: { right: 4 * SIZE.san * 10 },
      spacing: { before, line: 560, lineRule: 'exact' },
      children: [new TextRun({ text, font: FONT.fangsong, size: SIZE.san })],
    });
  return new Document({
    creator: '智能工厂自评助手 (smart-factory-assess)',
    title: c.title,
    styles: { default: { document: { run: { font: FONT.fangsong, size: SIZE.san } } } },
    sections: [
      officialSection([
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { before: 0, after: 560, line: 700, lineRule: 'exact' },
          children: [new TextRun({ text: c.title, font: XIAOBIAOSONG, size: SIZE.er })],
        }),
        body(c.addressee, { indent: false }),
        ...c.paragraphs.map((p) => body(p)),
        new Paragraph({ spacing: { line: 560, lineRule: 'exact' }, children: [] }),
        body(c.attachment),
        // The unit and the date, with the 公章 pressed over them (GB/T 9704 §7.3.5.1): three blank lines above.
        right(c.unit, 3 * 560),
        right(c.date),
        new Paragraph({
          alignment: AlignmentType.RIGHT,
          indent: { right: 4 * SIZE.san * 10 },
          children: [new TextRun({ text: '（加盖公章）', font: FONT.fangsong, size: SIZE.si })],
        }),
      ]),
    ],
  });
}

export async function writeLetter(c: LetterContent): Promise<Buffer> {
  return Packer.toBuffer(letterDocument(c));
}

/** The letter as a Blob (the pane saves it from the browser); the same document as `sfa letter` writes. */
export async function letterDocxBlob(c: LetterContent): Promise<Blob> {
  return Packer.toBlob(letterDocument(c));
}
