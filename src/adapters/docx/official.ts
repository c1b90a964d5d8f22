// Official-document styling for every .docx we write (the 申报书, the bureau's cover letter): A4 with the margins
// of GB/T 9704-2012 (top 37 mm, bottom 35 mm, left 28 mm, right 26 mm), 仿宋 body text, 黑体 and 楷体 headings,
// a 宋体 title, each with a Latin fallback, Chinese type sizes (二号 … 五号), the page number centred in the
// footer as 「— 1 —」, and the 公章 and date lines. Built on the npm `docx` package.
import {
  AlignmentType,
  BorderStyle,
  LineRuleType,
  Footer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type IParagraphOptions,
  type ISectionOptions,
} from 'docx';

/** Chinese type sizes in half-points, as Word counts them. */
export const SIZE = { er: 44, xiaoEr: 36, san: 32, xiaoSan: 30, si: 28, xiaoSi: 24, wu: 21 } as const;

/** East Asian face with a Latin fallback: the Latin face is used for digits and letters, as in official documents. */
export const FONT = {
  fangsong: { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '仿宋', cs: 'Times New Roman' },
  heiti: { ascii: 'Arial', hAnsi: 'Arial', eastAsia: '黑体', cs: 'Arial' },
  kaiti: { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '楷体', cs: 'Times New Roman' },
  songti: { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '宋体', cs: 'Times New Roman' },
} as const;

const MM = 56.7; // twips per millimetre
/** A4 page, GB/T 9704-2012 margins, page numbers in the footer. */
export function officialSection(children: ISectionOptions['children'], options: { pageNumbers?: boolean; startAt?: number } = {}): ISectionOptions {
  return {
    properties: {
      page: {
        size: { width: Math.round(210 * MM), height: Math.round(297 * MM) },
        margin: { top: Math.round(37 * MM), bottom: Math.round(35 * MM), left: Math.round(28 * MM), right: Math.round(26 * MM), footer: Math.round(20 * MM) },
        ...(options.startAt ? { pageNumbers: { start: options.startAt } } : {}),
      },
    },
    ...(options.pageNumbers === false
      ? {}
      : {
          footers: {
            default: new Footer({
              children: [
                new Paragraph({
                  alignment: AlignmentType.CENTER,
                  children: [
                    new TextRun({ text: '— ', font: FONT.songti, size: SIZE.si }),
                    new TextRun({ children: [PageNumber.CURRENT], font: FONT.songti, size: SIZE.si }),
                    new TextRun({ text: ' —', font: FONT.songti, size: SIZE.si }),
                  ],
                }),
              ],
            }),
          },
        }),
    children,
  };
}

type Face = keyof typeof FONT;
const run = (text: string, face: Face, size: number, bold = false) => new TextRun({ text, font: FONT[face], size, bold });

/** The document title: 宋体 二号, bold, centred. */
export function title(text: string, spaceAfter = 480): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 240, after: spaceAfter }, children: [run(text, 'songti', SIZE.er, true)] });
}

/** 一级标题 「一、…」: 黑体 三号. */
export function heading1(text: string, pageBreakBefore = false): Paragraph {
  return new Paragraph({ pageBreakBefore, keepNext: true, spacing: { before: 240, after: 120 }, children: [run(text, 'heiti', SIZE.san)] });
}

/** 二级标题 「（一）…」: 楷体 三号. */
export function heading2(text: string): Paragraph {
  return new Paragraph({ keepNext: true, spacing: { before: 160, after: 80 }, children: [run(text, 'kaiti', SIZE.san)] });
}

/** Body text: 仿宋 (三号 by default), first line indented two characters, exact 28 pt lines. */
export function body(text: string, options: { size?: number; indent?: boolean; align?: IParagraphOptions['alignment']; bold?: boolean } = {}): Paragraph {
  const size = options.size ?? SIZE.san;
  return new Paragraph({
    alignment: options.align ?? AlignmentType.JUSTIFIED,
    spacing: { line: size >= SIZE.san ? 560 : 400, lineRule: LineRuleType.EXACT },
    indent: options.indent === false ? undefined : { firstLine: size * 20 },
    children: text
      .split('\n')
      .flatMap((line, i) => (i === 0 ? [run(line, 'fangsong', size, options.bold)] : [new TextRun({ break: 1 }), run(line, 'fangsong', size, options.bold)])),
  });
}

/** A small note (footnotes, guidance): 仿宋 五号. */
export function note(text: string): Paragraph {
  return new Paragraph({ spacing: { before: 60, after: 60 }, children: [run(text, 'fangsong', SIZE.wu)] });
}

/** 「申报单位公章：」 and 「年 月 日」 (or the date), right-aligned, as the end of a pledge or a letter. */
export function sealAndDate(sealLabel: string, date?: string): Paragraph[] {
  const [y, m, d] = date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? date.split('-').map(Number) : [undefined, undefined, undefined];
  const dateText = y ? `${y} 年 ${m} 月 ${d} 日` : '年　　月　　日';
  return [
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      spacing: { before: 480 },
      indent: { right: 1200 },
      children: [run(`${sealLabel}：`, 'fangsong', SIZE.san), run('　'.repeat(6), 'fangsong', SIZE.san)],
    }),
    new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { before: 240 }, indent: { right: 1200 }, children: [run(dateText, 'fangsong', SIZE.san)] }),
  ];
}

const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const borders = { top: border, bottom: border, left: border, right: border };

export interface CellSpec {
  text: string;
  /** Columns this cell spans. */
  span?: number;
  bold?: boolean;
  center?: boolean;
}

/** A bordered table of 仿宋 小四 text; each row a list of cells (a string, or a cell with span/bold/centre); widths in percent. */
export function table(rows: (string | CellSpec)[][], widths?: number[]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    ...(widths ? { columnWidths: widths.map((w) => Math.round((w / 100) * 9072)) } : {}),
    rows: rows.map(
      (cells) =>
        new TableRow({
          cantSplit: false,
          children: cells.map((c) => {
            const spec: CellSpec = typeof c === 'string' ? { text: c } : c;
            return new TableCell({
              borders,
              verticalAlign: VerticalAlign.CENTER,
              ...(spec.span && spec.span > 1 ? { columnSpan: spec.span } : {}),
              margins: { top: 60, bottom: 60, left: 100, right: 100 },
              children: (spec.text === '' ? [''] : spec.text.split('\n')).map(
                (line) =>
                  new Paragraph({
                    alignment: spec.center ? AlignmentType.CENTER : AlignmentType.LEFT,
                    children: [run(line, 'fangsong', SIZE.xiaoSi, spec.bold)],
                  }),
              ),
            });
          }),
        }),
    ),
  });
}
