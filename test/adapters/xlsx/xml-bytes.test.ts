// The scanner reads a part as a one-byte view of its bytes (xml.ts): Node's latin1, or in the pane the
// browser's TextDecoder('latin1'), which is windows-1252 and maps some bytes above 0x7f to other characters.
// (The pane's merge in Chromium runs the second: test/e2e.)
// Either view must give the same tokens and the same decoded values as scanning the decoded text.
import { byteView, END, EOF, START, TEXT, XmlScanner } from '../../../src/adapters/xlsx/xml';

const PART =
  '\ufeff<?xml version="1.0" encoding="UTF-8"?>\n<x:worksheet xmlns:x="urn:main" a="企业&amp;信息 €"><x:row r="1" t=\'南京 “引号”\'>' +
  '<c r="A1"><v>数字化转型 &#x4E2D;&lt;</v></c><c r="B1"><is><t><![CDATA[ 𠀀 <&> ]]></t></is></c><!-- 注释 --></x:row></x:worksheet>';

/** Every token with what the scanner hands out for it. */
function tokens(x: XmlScanner): string[] {
  const out: string[] = [];
  for (let t = x.next(); t !== EOF; t = x.next()) {
    if (t === START) out.push(`<${x.ns}|${x.local} r=${x.attr('r')} t=${x.attr('t')} a=${x.attr('a')}`);
    else if (t === END) out.push(`</${x.local}`);
    else if (t === TEXT) out.push(`text ${x.text()}`);
  }
  return out;
}

describe('scanning a part as its bytes', () => {
  const bytes = new Uint8Array(Buffer.from(PART, 'utf8'));
  const expected = tokens(new XmlScanner(PART));

  it('reads the same tokens and values through Node’s latin1 view as through the decoded text', () => {
    expect(expected).toContain('text 数字化转型 中<');
    expect(expected).toContain('text  𠀀 <&> ');
    expect(expected).toContain('<urn:main|row r=1 t=南京 “引号” a=undefined');
    expect(tokens(new XmlScanner(byteView(bytes), 128, bytes))).toEqual(expected);
  });

  it('reads the same through a view whose characters above 0x7f are others (the browser’s windows-1252 maps € and “ so)', () => {
    // Node's TextDecoder('latin1') is ISO-8859-1; Chromium's is windows-1252 (0x80 → €, 0x93 → “ …). The
    // scanner only compares ASCII, so any one-character-per-byte view gives the same values.
    const view = Array.from(bytes, (b) => String.fromCharCode(b < 0x80 ? b : 0x2000 + b)).join('');
    expect(view.length).toBe(bytes.length);
    expect(tokens(new XmlScanner(view, 128, bytes))).toEqual(expected);
  });

  it('every byte is one character of the browser’s view, and ASCII is itself', () => {
    const all = new Uint8Array(256).map((_, i) => i);
    const view = new TextDecoder('latin1').decode(all);
    expect(view.length).toBe(256);
    for (let i = 0; i < 0x80; i++) expect(view.charCodeAt(i)).toBe(i);
    for (let i = 0x80; i < 256; i++) expect(view.charCodeAt(i)).toBeGreaterThanOrEqual(0x80);
  });
});
