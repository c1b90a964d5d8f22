// Excel's own limits on a data validation's texts, which ISO/IEC 29500 leaves open: "Office restricts the length
// of the value of the error attribute to 224 characters", the prompt to 255, errorTitle and promptTitle to 32
// ([MS-OI29500] 2.1.613, Part 1 Section 18.3.1.32 dataValidation,
// https://learn.microsoft.com/en-us/openspecs/office_standards/ms-oi29500/0114969a-4859-443e-ae3e-0c1fdebfcc64).
// A longer text makes Excel "repair" the file; a writer that clips it silently shows a message cut mid-sentence.
// So every validation text of every file we write fits as written, and the adapters never need to clip.
import JSZip from 'jszip';
import { DOMParser } from '@xmldom/xmldom';
import { writtenFiles } from '../../support/written-files';
import { VALIDATION_TEXT_LIMITS } from '../../../src/workbook/validation-limits';

const L = VALIDATION_TEXT_LIMITS;
const LIMITS = { error: L.error, prompt: L.prompt, errorTitle: L.title, promptTitle: L.title } as const;

async function overLimit(data: Buffer): Promise<string[]> {
  const zip = await JSZip.loadAsync(data);
  const over: string[] = [];
  for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))) {
    const doc = new DOMParser().parseFromString(await zip.file(name)!.async('string'), 'text/xml');
    const dvs = doc.getElementsByTagName('dataValidation');
    for (let i = 0; i < dvs.length; i++) {
      const dv = dvs.item(i)!;
      for (const [attr, max] of Object.entries(LIMITS)) {
        const text = dv.getAttribute(attr) ?? '';
        // Excel counts UTF-16 code units, as String.length does.
        if (text.length > max) over.push(`${name} ${dv.getAttribute('sqref')} ${attr}: ${text.length} > ${max}: ${text}`);
      }
    }
  }
  return over;
}

describe('data validation texts within Excel’s limits', () => {
  it('every validation of every written file (all layouts, both languages)', async () => {
    const files = await writtenFiles();
    expect(files.length).toBeGreaterThanOrEqual(20);
    const over: string[] = [];
    for (const f of files) for (const o of await overLimit(f.data)) over.push(`${f.name}: ${o}`);
    expect(over).toEqual([]);
  });

  it('finds a text over the limit (the check can fail)', async () => {
    const zip = new JSZip();
    zip.file(
      'xl/worksheets/sheet1.xml',
      `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dataValidations count="1"><dataValidation type="list" sqref="A1" error="${'字'.repeat(225)}"><formula1>"a"</formula1></dataValidation></dataValidations></worksheet>`,
    );
    const over = await overLimit(await zip.generateAsync({ type: 'nodebuffer' }));
    expect(over).toHaveLength(1);
    expect(over[0]).toContain('error: 225 > 224');
  });
});
