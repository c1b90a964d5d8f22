// Every file the project writes validates against the ISO/IEC 29500-4 transitional schemas (vendored in
// vendor/schemas/ooxml/), after markup-compatibility processing, as the Open XML SDK validator checks them.
import JSZip from 'jszip';
import { describeErrors, processMarkupCompatibility, validatePackage, validatePackages } from '../../support/ooxml-validate';
import { writtenFiles } from '../../support/written-files';

async function patchPart(data: Uint8Array, part: string, edit: (xml: string) => string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(data);
  zip.file(part, edit(await zip.file(part)!.async('string')));
  return zip.generateAsync({ type: 'nodebuffer' });
}

describe('OOXML schema validity of written files', () => {
  it('validates every part of at least 20 generated files (templates, filled, merged; zh and en) with 0 errors', async () => {
    const files = await writtenFiles();
    expect(files.length).toBeGreaterThanOrEqual(20);
    const reports = await validatePackages(files.map((f) => ({ name: f.name, data: f.data })));
    expect(describeErrors(reports)).toBe('');
    for (const f of files) {
      const parts = reports.get(f.name)!.parts.map((p) => p.part);
      // The package parts, the workbook and every sheet were checked, not skipped.
      expect(parts).toEqual(
        expect.arrayContaining(['[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml', 'xl/styles.xml', 'xl/worksheets/sheet1.xml', 'docProps/core.xml']),
      );
      const workbookXml = await (await JSZip.loadAsync(f.data)).file('xl/workbook.xml')!.async('string');
      expect(parts.filter((p) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p)).length).toBe(workbookXml.match(/<sheet /g)!.length);
      // The charts written as DrawingML (评估结果's radar; 统计's charts) were checked against dml-chart.xsd,
      // and 审核's table against sml.xsd.
      const schemaOf = new Map(reports.get(f.name)!.parts.map((p) => [p.part, p.schema]));
      expect(schemaOf.get('xl/charts/chart1.xml')).toBe('dml-chart.xsd');
      expect(schemaOf.get('xl/drawings/drawing1.xml')).toBe('dml-spreadsheetDrawing.xsd');
      if (f.kind === 'merged') expect(schemaOf.get('xl/tables/table1.xml')).toBe('sml.xsd');
    }
  });

  it('fails a file whose data validation says errorStyle="error" (ExcelJS README style), naming the part', async () => {
    const good = (await writtenFiles()).find((f) => f.name === 'template-jiangsu-zh.xlsx')!;
    const bad = await patchPart(good.data, 'xl/worksheets/sheet1.xml', (x) => {
      expect(x).toContain('errorStyle="stop"');
      return x.replace(/errorStyle="stop"/g, 'errorStyle="error"');
    });
    const report = await validatePackage(bad);
    expect(report.errors.length).toBeGreaterThan(0);
    expect(report.errors.every((e) => e.part === 'xl/worksheets/sheet1.xml')).toBe(true);
    expect(report.errors[0]!.message).toMatch(/errorStyle.*'error' is not an element of the set \{'stop', 'warning', 'information'\}/);
  });

  it('drops the namespaces mc:Ignorable lists (ExcelJS writes x14ac:dyDescent) and takes mc:Fallback', async () => {
    const good = (await writtenFiles()).find((f) => f.name === 'filled-advanced-zh.xlsx')!;
    const sheet = 'xl/worksheets/sheet2.xml';
    const withFallback = await patchPart(good.data, sheet, (x) => {
      expect(x).toContain('mc:Ignorable="x14ac"');
      expect(x).toContain('x14ac:dyDescent=');
      return x.replace(
        /<\/worksheet>$/,
        '<mc:AlternateContent><mc:Choice Requires="x14ac"><x14ac:thing/></mc:Choice><mc:Fallback></mc:Fallback></mc:AlternateContent></worksheet>',
      );
    });
    expect((await validatePackage(withFallback)).errors).toEqual([]);
    // Without the mc:Ignorable declaration the same x14ac attributes are schema errors.
    const undeclared = await patchPart(good.data, sheet, (x) => x.replace(' mc:Ignorable="x14ac"', ''));
    const report = await validatePackage(undeclared);
    expect(report.errors.length).toBeGreaterThan(0);
    expect(report.errors.every((e) => e.part === sheet && /dyDescent/.test(e.message))).toBe(true);
  });

  it('keeps what markup-compatibility processing must keep', () => {
    const xml =
      '<a xmlns="urn:a" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:i="urn:i" mc:Ignorable="i"><b i:x="1" xml:space="preserve">t</b><i:c/><mc:AlternateContent><mc:Choice Requires="i"><i:d/></mc:Choice><mc:Fallback><e/></mc:Fallback></mc:AlternateContent></a>';
    const out = processMarkupCompatibility(xml);
    expect(out).toContain('<b>t</b>');
    expect(out).toContain('<e/>');
    expect(out).not.toMatch(/i:c|i:d|i:x|Ignorable|xml:space|AlternateContent/);
  });
});

describe('the validator on WordprocessingML (.docx)', () => {
  const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
  async function docx(body: string): Promise<Buffer> {
    const zip = new JSZip();
    zip.file(
      '[Content_Types].xml',
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    );
    zip.file(
      '_rels/.rels',
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    );
    zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`);
    return zip.generateAsync({ type: 'nodebuffer' });
  }

  it('accepts a valid document and rejects an invalid one against wml.xsd', async () => {
    const ok = await validatePackage(await docx('<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:t xml:space="preserve">关于推荐 </w:t></w:r></w:p>'));
    expect(ok.parts.map((p) => p.schema)).toContain('wml.xsd');
    expect(ok.errors).toEqual([]);
    const bad = await validatePackage(await docx('<w:p><w:pPr><w:jc w:val="middle"/></w:pPr></w:p>'));
    expect(bad.errors.map((e) => e.part)).toEqual(['word/document.xml']);
  });

  it('reports a part that is not well-formed XML instead of crashing', async () => {
    const report = await validatePackage(await docx('<w:p>'));
    expect(report.errors[0]!.message).toMatch(/not well-formed/);
  });
});
