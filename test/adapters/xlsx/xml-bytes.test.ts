// The scanner reads a part as its UTF-8 bytes (xml.ts): markup is found among the bytes, and only the values
// handed out are decoded. Non-ASCII names, values, text, references, CDATA and a BOM must come out as the
// characters written, wherever the part sits in its buffer. (The pane's merge in Chromium runs the same code
// over a plain Uint8Array: test/e2e.)
import { END, EOF, scannerOf, START, TEXT, XmlScanner } from '../../../src/adapters/xlsx/xml';

const PART =
  '\ufeff<?xml version="1.0" encoding="UTF-8"?>\n<x:worksheet xmlns:x="urn:main" a="企业&amp;信息 €"><x:row r="1" t=\'南京 “引号”\'>' +
  '<c r="A1"><v>数字化转型 &#x4E2D;&lt;</v></c><c r="B1"><is><t><![CDATA[ 𠀀 <&> ]]></t></is></c><!-- 注释 --><数据 名="值"/></x:row></x:worksheet>';

/** Every token with what the scanner hands out for it. */
function tokens(x: XmlScanner): string[] {
  const out: string[] = [];
  for (let t = x.next(); t !== EOF; t = x.next()) {
    if (t === START) out.push(`<${x.ns}|${x.local} r=${x.attr('r')} t=${x.attr('t')} a=${x.attr('a')} 名=${x.attr('名')}`);
    else if (t === END) out.push(`</${x.local}`);
    else if (t === TEXT) out.push(`text ${x.text()}`);
  }
  return out;
}

const EXPECTED = [
  '<urn:main|worksheet r=undefined t=undefined a=企业&信息 € 名=undefined',
  '<urn:main|row r=1 t=南京 “引号” a=undefined 名=undefined',
  '<|c r=A1 t=undefined a=undefined 名=undefined',
  '<|v r=undefined t=undefined a=undefined 名=undefined',
  'text 数字化转型 中<',
  '</v',
  '</c',
  '<|c r=B1 t=undefined a=undefined 名=undefined',
  '<|is r=undefined t=undefined a=undefined 名=undefined',
  '<|t r=undefined t=undefined a=undefined 名=undefined',
  'text  𠀀 <&> ',
  '</t',
  '</is',
  '</c',
  '<|数据 r=undefined t=undefined a=undefined 名=值',
  '</数据',
  '</row',
  '</worksheet',
];

describe('scanning a part as its bytes', () => {
  it('hands out the characters written: names, attributes, text, references and CDATA', () => {
    expect(tokens(scannerOf(PART))).toEqual(EXPECTED);
  });

  it('reads the same from bytes in the middle of a larger buffer (as a zip entry stored uncompressed is)', () => {
    const bytes = new TextEncoder().encode(PART);
    const outer = new Uint8Array(bytes.length + 20).fill(0x3c);
    outer.set(bytes, 10);
    expect(tokens(new XmlScanner(outer.subarray(10, 10 + bytes.length)))).toEqual(EXPECTED);
  });

  it('finds the end of a part exactly: a tag cut at the last byte is truncated, not read past', () => {
    const bytes = new TextEncoder().encode('<a><b x="1"/></a><');
    const outer = new Uint8Array(bytes.length + 4);
    outer.set(bytes);
    outer.set(new TextEncoder().encode('b/>'), bytes.length);
    const x = new XmlScanner(outer.subarray(0, bytes.length));
    expect(() => {
      for (let t = x.next(); t !== EOF; t = x.next());
    }).toThrow('a < that starts no element');
  });

  it('reads the same without Node’s Buffer (the browser: the typed array’s own indexOf, TextDecoder for values)', () => {
    const host = globalThis as { Buffer?: unknown };
    const saved = host.Buffer;
    let browser: typeof import('../../../src/adapters/xlsx/xml') | undefined;
    try {
      delete host.Buffer;
      jest.isolateModules(() => {
        browser = require('../../../src/adapters/xlsx/xml') as typeof import('../../../src/adapters/xlsx/xml');
      });
    } finally {
      host.Buffer = saved;
    }
    expect(tokens(browser!.scannerOf(PART) as unknown as XmlScanner)).toEqual(EXPECTED);
    expect(() => {
      const x = browser!.scannerOf('<a><b></a>');
      for (let t = x.next(); t !== EOF; t = x.next());
    }).toThrow('<b> ended by </a>');
  });

  it('decodes the same name to the same string however often it comes (one cached string, not one per tag)', () => {
    const x = scannerOf('<a><row/><row/><ro/><rox/><row/></a>');
    const seen: string[] = [];
    for (let t = x.next(); t !== EOF; t = x.next()) if (t === START) seen.push(x.local);
    expect(seen).toEqual(['a', 'row', 'row', 'ro', 'rox', 'row']);
  });
});
