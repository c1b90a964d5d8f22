// What each named style looks like, as plain data both adapters translate (ExcelJS styles, Office.js formats).
import type { ConditionalFormatSpec, StyleId } from './types';

export interface StyleDef {
  bold?: boolean;
  size?: number;
  color?: string;
  fill?: string;
  wrap?: boolean;
  align?: 'left' | 'center' | 'right';
  border?: boolean;
}

export const STYLES: Record<StyleId, StyleDef> = {
  title: { bold: true, size: 14, color: '1F3864' },
  subtitle: { bold: true, size: 12, color: '1F3864', fill: 'DDEBF7' },
  header: { bold: true, fill: 'D9E1F2', wrap: true, align: 'center', border: true },
  label: { bold: true, wrap: true, border: true },
  text: { border: true, wrap: true },
  wrap: { wrap: true, border: true },
  input: { fill: 'FFF9E6', border: true },
  inputWrap: { fill: 'FFF9E6', border: true, wrap: true },
  output: { fill: 'F2F2F2', border: true, wrap: true },
  outputStrong: { bold: true, size: 13, fill: 'E2EFDA', border: true },
  check: { color: 'C00000', wrap: true, border: true },
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
