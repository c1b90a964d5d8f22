// The reader of recalculated .xlsx files: every kind of cached value, and above all a computed 0 read as 0
// (ExcelJS returns `result: undefined` for <v>0</v>, which would turn a 0 flag or count into "no value").
import JSZip from 'jszip';
import { ComputedWorkbook, decodeXml } from './libreoffice';

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

async function xlsx(sheetData: string, extra = ''): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    'xl/workbook.xml',
    `<workbook ${NS}><sheets><sheet name="评估 &amp; 结果" sheetId="1" r:id="rId1"/></sheets><definedNames><definedName name="SFA_X">'评估 &amp; 结果'!$A$1:$A$2</definedName></definedNames></workbook>`,
  );
  zip.file('xl/_rels/workbook.xml.rels', '<Relationships><Relationship Id="rId1" Type="worksheet" Target="worksheets/sheet1.xml"/></Relationships>');
  zip.file('xl/sharedStrings.xml', '<sst><si><t>先进级</t></si><si><r><t>富</t></r><r><t xml:space="preserve">文本 </t></r></si></sst>');
  zip.file('xl/worksheets/sheet1.xml', `<worksheet ${NS}><cols><col min="1" max="1"/></cols><sheetData>${sheetData}</sheetData>${extra}</worksheet>`);
  return zip.generateAsync({ type: 'nodebuffer' });
}

describe('ComputedWorkbook', () => {
  it('reads a computed 0 as the number 0, not as an empty cell', async () => {
    const wb = await ComputedWorkbook.read(await xlsx('<row r="1"><c r="A1" s="3"><f>1-1</f><v>0</v></c><c r="B1"><v>0</v></c></row>'));
    expect(wb.at('评估 & 结果', 1, 1)).toBe(0);
    expect(wb.at('评估 & 结果', 2, 1)).toBe(0);
  });

  it('reads strings, formula strings, inline strings, booleans, errors, numbers and blanks', async () => {
    const wb = await ComputedWorkbook.read(
      await xlsx(
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="str"><f>IF(1,"","")</f><v></v></c>' +
          '<c r="D1" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="E1" t="b"><v>1</v></c><c r="F1" s="2"/>' +
          '<c r="G1" t="inlineStr"><is><t>a&lt;b&amp;c</t></is></c><c r="AA1"><v>73.3333333333333</v></c></row>',
      ),
    );
    const at = (col: number) => wb.at('评估 & 结果', col, 1);
    expect([at(1), at(2), at(3), at(4), at(5), at(6), at(7), at(27), at(8)]).toEqual([
      '先进级',
      '富文本 ',
      '',
      { error: '#DIV/0!' },
      true,
      null,
      'a<b&c',
      73.3333333333333,
      null,
    ]);
  });

  it('reads defined names and conditional formats', async () => {
    const cf =
      '<conditionalFormatting sqref="E3:G11"><cfRule type="expression" dxfId="0" priority="1"><formula>$Y3=1</formula></cfRule></conditionalFormatting>';
    const wb = await ComputedWorkbook.read(await xlsx('', cf));
    expect(wb.names.get('SFA_X')).toBe("'评估 & 结果'!$A$1:$A$2");
    expect(wb.conditionalFormats('评估 & 结果')).toEqual([{ sqref: 'E3:G11', formulas: ['$Y3=1'] }]);
  });

  it('decodes XML entities', () => {
    expect(decodeXml('&lt;&#x4E2D;&#25991;&amp;&quot;&apos;&gt;')).toBe('<中文&"\'>');
  });
});
