// What each named style looks like, as plain data both adapters translate (ExcelJS styles, Office.js formats),
// and the one font and print setup of every sheet.
import type { ConditionalFormatSpec, StyleId } from './types';

/**
 * One font family for the whole workbook, a CJK font whose own Latin letters and digits match its Chinese
 * (no serif digits beside sans-serif Chinese). 微软雅黑 (Microsoft YaHei) ships with every Windows since Vista
 * and with Office for Mac, so Excel and WPS on the machines enterprises and bureaus use have it. Where it is
 * missing the application substitutes: Excel for Mac without Office's fonts → 苹方 (PingFang SC); WPS on
 * Linux → its bundled 微软雅黑 or 思源黑体; LibreOffice → whatever fontconfig offers (DejaVu Sans digits
 * beside a CJK Chinese) unless its font replacement table maps 微软雅黑 → Noto Sans CJK SC (Debian
 * fonts-noto-cjk), as printToPdf in test/parity/libreoffice.ts does. The size is Excel's default body size.
 */
export const FONT = { name: '微软雅黑', size: 11 } as const;

/** The print setup of every sheet: A4, one page wide, centred, with page numbers in the footer. */
export const PRINT = {
  /** ECMA-376 ST_PaperSize 9 = A4. */
  paperSize: 9,
  footer: { zh: '&C第 &P 页 共 &N 页', en: '&CPage &P of &N' },
  /** Margins in inches (Excel's "normal" is 0.7/0.75; a little narrower keeps wide tables legible). */
  margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
} as const;

export interface StyleDef {
  bold?: boolean;
  size?: number;
  color?: string;
  fill?: string;
  wrap?: boolean;
  align?: 'left' | 'center' | 'right';
  /** Vertical alignment; top unless said. */
  valign?: 'top' | 'middle';
  border?: boolean;
}

export const STYLES: Record<StyleId, StyleDef> = {
  title: { bold: true, size: 16, align: 'center', valign: 'middle', wrap: true },
  subtitle: { bold: true, size: 12, color: '1F3864', fill: 'DDEBF7', valign: 'middle' },
  header: { bold: true, fill: 'D9E1F2', wrap: true, align: 'center', valign: 'middle', border: true },
  label: { bold: true, wrap: true, border: true },
  text: { border: true, wrap: true },
  wrap: { wrap: true, border: true },
  input: { fill: 'FFF9E6', border: true, wrap: true },
  inputWrap: { fill: 'FFF9E6', border: true, wrap: true },
  output: { fill: 'F2F2F2', border: true, wrap: true },
  outputStrong: { bold: true, size: 13, fill: 'E2EFDA', border: true },
  check: { color: 'C00000', wrap: true, border: true },
  /** An open problem on 评估结果 and its number: red text, no grid, so unused rows print blank. */
  problem: { color: 'C00000', wrap: true },
  problemNo: { align: 'center' },
  note: { color: '595959', wrap: true },
  helper: { color: '808080' },
};

/** Conditional-format paints: fill and font colour. */
export const PAINTS: Record<ConditionalFormatSpec['style'], { fill: string; color: string }> = {
  invalid: { fill: 'FFC7CE', color: '9C0006' },
  warning: { fill: 'FFEB9C', color: '9C5700' },
  ok: { fill: 'C6EFCE', color: '006100' },
  muted: { fill: 'F2F2F2', color: '808080' },
};
