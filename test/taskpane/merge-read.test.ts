/**
 * @jest-environment jsdom
 */
import { readMergeInputs } from '../../src/taskpane/merge/read-inputs';
import { readAsWorkbook } from '../../src/adapters/xlsx/sniff';
import { fileBytes } from '../../src/taskpane/merge/file-bytes';
import { paneStrings } from '../../src/taskpane/strings';
import { BATCH, workbookBytes } from '../fixtures/enterprise-workbooks';

const zh = paneStrings('zh');
const file = (name: string, content: BlobPart, lastModified = 7) => new File([content], name, { lastModified });

describe('reading picked files in the pane', () => {
  it('reads a file’s bytes with FileReader where Blob.arrayBuffer is missing, and with arrayBuffer where it is not', async () => {
    const f = file('a.json', '{"x":1}');
    expect(Array.from(await fileBytes(f))).toEqual(Array.from(new TextEncoder().encode('{"x":1}')));
    const withArrayBuffer = Object.assign(file('b.json', 'ab'), { arrayBuffer: async () => new Uint8Array([97, 98]).buffer });
    expect(Array.from(await fileBytes(withArrayBuffer))).toEqual([97, 98]);
  });

  it('turns workbooks and JSON files into merge inputs, and every unreadable file into a failure that names why', async () => {
    const good = await workbookBytes(BATCH[0]!.assessment);
    const inputs = await readMergeInputs(
      [
        file('甲.xlsx', good as BlobPart, 42),
        file('甲.json', '\uFEFF' + JSON.stringify(BATCH[1]!.assessment)),
        file('坏.json', '{ nope'),
        file('数组.json', '[1]'),
        file('别的标准.json', JSON.stringify({ rubric: 'zhejiang-2030' })),
        file('多余字段.json', JSON.stringify({ rubric: 'jiangsu-2025', colour: 'red' })),
        file('空.xlsx', ''),
        file('改名.json', good as BlobPart), // zip bytes go to the workbook reader whatever the name says
      ],
      'zh',
      zh,
      () => undefined,
    );
    expect(inputs.map((i) => [i.file, i.assessment?.profile?.enterpriseName ?? null])).toEqual([
      ['甲.xlsx', '甲企业'],
      ['甲.json', '丙企业'],
      ['坏.json', null],
      ['数组.json', null],
      ['别的标准.json', null],
      ['多余字段.json', null],
      ['空.xlsx', null],
      ['改名.json', '甲企业'],
    ]);
    expect(inputs[0]!.modified).toBe(42);
    expect(inputs[0]!.readProblems).toEqual([]);
    expect(inputs.slice(2, 7).map((i) => i.failure)).toEqual([
      expect.stringMatching(/^不是有效的 JSON：/),
      '不是自评数据：应为 JSON 对象',
      '使用的评价标准 zhejiang-2030 未知（可用：jiangsu-2025）',
      expect.stringMatching(/^不是自评数据：.*colour/),
      '文件是空的',
    ]);
  });

  it('reports progress after each file and yields to the browser between files', async () => {
    const events: string[] = [];
    const files = [file('1.json', '{}'), file('2.json', '{}'), file('3.json', '{}')];
    setTimeout(() => events.push('ui'), 0);
    await readMergeInputs(files, 'zh', zh, (done, total) => events.push(`${done}/${total}`));
    expect(events.filter((e) => e !== 'ui')).toEqual(['1/3', '2/3', '3/3']);
    expect(events.indexOf('ui')).toBeLessThan(events.indexOf('2/3')); // a macrotask ran before the second file
  });

  it('sends spreadsheet names and zip or OLE bytes to the workbook reader, the rest to the JSON reader', () => {
    const none = new Uint8Array([0x7b]);
    expect(readAsWorkbook('x.XLSX', none)).toBe(true);
    expect(readAsWorkbook('x.csv', none)).toBe(false); // refused by name before any reader (otherSpreadsheetMessage)
    expect(readAsWorkbook('x.csv', new Uint8Array([0x50, 0x4b, 3, 4]))).toBe(true);
    expect(readAsWorkbook('x.json', new Uint8Array([0x50, 0x4b, 3, 4]))).toBe(true);
    expect(readAsWorkbook('x', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]))).toBe(true);
    expect(readAsWorkbook('x.json', none)).toBe(false);
  });
});
