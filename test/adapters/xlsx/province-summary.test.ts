// Province scale: a merged summary of 20,000 enterprises (a province round) reads back for `--into` within the
// reader's merged-summary limits (the old guard stopped at ~3,840 enterprises, its reader at ~16,666 rows).
// The summary's 推荐汇总表 is written here as XML, row by row, from a real three-row summary: ExcelJS would take
// minutes to write it.
import { readMergedSummary, writeMergedSummary } from '../../../src/adapters/xlsx/merged';
import { nodeInflater } from '../../../src/adapters/xlsx/inflate-node';
import { mergeSummary } from '../../../src/domain';
import { advancedAssessment, J } from '../../fixtures/jiangsu';
import { editParts, sheetPart, setText, text } from './edit-xlsx';

const ROWS = 20_000;
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const inline = (ref: string, s: string) => `<c r="${ref}" t="inlineStr"><is><t>${esc(s)}</t></is></c>`;

it('reads back a summary of 20,000 enterprises, every row with its hidden keys', async () => {
  const inputs = [0, 1, 2].map((i) => ({
    file: `${i}.json`,
    modified: i,
    rubric: J,
    assessment: { ...advancedAssessment(), profile: { ...advancedAssessment().profile, enterpriseName: `企业${i}` } },
  }));
  const small = await writeMergedSummary(J, mergeSummary([], inputs), { unit: '南京市工业和信息化局', contact: '李四', phone: '025-12345678' }, 'zh');
  const big = editParts(small, (entries) => {
    const name = sheetPart(entries, '推荐汇总表');
    const rows: string[] = [];
    for (let i = 0; i < ROWS; i++) {
      const r = 4 + i;
      rows.push(
        `<row r="${r}"><c r="A${r}"><v>${i + 1}</v></c>${inline(`B${r}`, `某某${i + 1}号智能制造有限公司`)}${inline(`C${r}`, `某某${i + 1}号工厂`)}${inline(`J${r}`, `91320100MA${String(i).padStart(7, '0')}X`)}${inline(`K${r}`, 'advanced')}<c r="L${r}"><v>${70 + (i % 10)}</v></c>${inline(`M${r}`, '2025-03-01')}<c r="Q${r}"><v>${(i % 7) + 1}</v></c></row>`,
      );
    }
    const xml = text(entries, name);
    const head = xml.slice(0, xml.indexOf('<row r="4"'));
    const tail = xml.slice(xml.indexOf('</sheetData>'));
    setText(entries, name, `${head}${rows.join('')}${tail}`);
    const last = 3 + ROWS;
    setText(
      entries,
      'xl/workbook.xml',
      text(entries, 'xl/workbook.xml').replace(/(SFA_MERGED_(?:TABLE|ORDER)">[^<]*\$)6</g, (_m, head: string) => `${head}${last}<`),
    );
  });
  const back = await readMergedSummary(big, 'zh', { inflate: nodeInflater });
  expect(back.rows).toHaveLength(ROWS);
  expect(back.rows[ROWS - 1]).toMatchObject({
    seq: ROWS,
    enterpriseName: `某某${ROWS}号智能制造有限公司`,
    tier: 'advanced',
    composite: 70 + ((ROWS - 1) % 10),
    fillDate: '2025-03-01',
    creditCode: `91320100MA${String(ROWS - 1).padStart(7, '0')}X`,
  });
  expect(back.header).toEqual({ unit: '南京市工业和信息化局', contact: '李四', phone: '025-12345678' });
});
