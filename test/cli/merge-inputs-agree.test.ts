// The pane and `sfa merge` take the same files from a folder and say the same 合并明细 line about each one they
// cannot read: one list (src/domain/input/merge-files.ts) for the CLI's folder walk, the pane's picker and drop
// walk, and the readers. A .csv or a .numbers used to be listed by the CLI and silently counted as skipped by the pane.
import { mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { bureauMerge } from '../../src/domain';
import { fileMessages } from '../../src/domain/i18n/files';
import { internalErrorMessages } from '../../src/domain/i18n/messages';
import { mergeMessages } from '../../src/domain/merge/messages';
import { MERGE_EXTENSIONS } from '../../src/domain/input/merge-files';
import { collectInputs } from '../../src/cli/collect-inputs';
import { MERGE_ACCEPT, pickFromList, walkEntries, type PickEntry } from '../../src/taskpane/merge/pick-files';
import { readMergeInput } from '../../src/taskpane/merge/read-input';
import { paneStrings } from '../../src/taskpane/strings';
import { buildLayout } from '../../src/workbook/layout';
import { inputsFromAssessment } from '../../src/workbook/inputs';
import { writeWorkbook } from '../../src/adapters/xlsx/write';
import { oleFile } from '../corpus/make-corpus';
import { advancedAssessment, J } from '../fixtures/jiangsu';
import { runCli } from './run-cli';

const dir = mkdtempSync(join(tmpdir(), 'sfa-agree-'));
const root = join(dir, '收到的申报');
/** What an enterprise may send, and what else lies in a bureau's folder. */
const CONTENT: Record<string, () => Promise<Buffer | string>> = {
  '甲企业.xlsx': async () => writeWorkbook(buildLayout(J), inputsFromAssessment(J, advancedAssessment())),
  '乙企业.json': async () => JSON.stringify({ ...advancedAssessment(), profile: { ...advancedAssessment().profile, enterpriseName: '乙企业' } }),
  '启用宏.XLSM': async () => 'not a zip',
  '旧格式.xls': async () => oleFile(['Workbook']),
  'WPS 旧格式.et': async () => oleFile(['Book']),
  '二进制.xlsb': async () => 'PK\u0003\u0004',
  '开放文档.ods': async () => 'PK\u0003\u0004',
  '苹果.numbers': async () => 'PK\u0003\u0004',
  '名单.csv': async () => '企业名称,联系人\n某某公司,赵六\n',
  '子/丙企业.xlsx': async () => 'PK\u0003\u0004broken',
  // Not a submission: passed over by both.
  '说明.pdf': async () => '%PDF-1.4',
  '申报书.docx': async () => 'PK\u0003\u0004',
  'readme.txt': async () => 'hello',
  '甲企业.xlsx.bak': async () => 'old',
  '.~lock.甲企业.xlsx#': async () => 'lock',
  '~$甲企业.xlsx': async () => 'owner',
};
const TAKEN = [
  '甲企业.xlsx',
  '乙企业.json',
  '启用宏.XLSM',
  '旧格式.xls',
  'WPS 旧格式.et',
  '二进制.xlsb',
  '开放文档.ods',
  '苹果.numbers',
  '名单.csv',
  '子/丙企业.xlsx',
];

beforeAll(async () => {
  for (const [name, make] of Object.entries(CONTENT)) {
    mkdirSync(join(root, name, '..'), { recursive: true });
    writeFileSync(join(root, name), await make());
  }
});

const posix = (p: string) => p.split(sep).join('/');
/** The folder's files as the pane's folder input lists them (webkitRelativePath). */
const picked = () => Object.keys(CONTENT).map((name) => ({ name: name.split('/').pop()!, path: `收到的申报/${name}` }));

/** The same folder as a dropped directory entry. */
function dropped(path = root, name = '收到的申报'): PickEntry<{ name: string; path: string }> {
  const s = statSync(path);
  const fullPath = `/${posix(relative(dir, path))}`;
  if (!s.isDirectory()) return { name, fullPath, isFile: true, isDirectory: false, file: (ok) => ok({ name, path: fullPath.slice(1) }) };
  const children = (require('node:fs') as typeof import('node:fs')).readdirSync(path);
  return {
    name,
    fullPath,
    isFile: false,
    isDirectory: true,
    createReader: () => {
      let done = false;
      return { readEntries: (ok) => ok(done ? [] : ((done = true), children.map((c) => dropped(join(path, c), c)))) };
    },
  };
}

describe('the merge takes the same files in the pane and in sfa merge', () => {
  it('one list: the picker accepts what the folder walk takes (.xlsx .xlsm .json read; .xls .et .xlsb .ods .numbers .csv listed)', () => {
    expect([...MERGE_ACCEPT]).toEqual([...MERGE_EXTENSIONS]);
    expect([...MERGE_EXTENSIONS].sort()).toEqual(['.csv', '.et', '.json', '.numbers', '.ods', '.xls', '.xlsb', '.xlsm', '.xlsx']);
  });

  it('the CLI’s folder walk, the pane’s folder pick and a dropped folder find the same files', async () => {
    const cli = (await collectInputs([root], dir)).files.map((f) => posix(relative(root, f.path))).sort();
    const pane = pickFromList(picked(), (f) => f.path)
      .files.map((f) => f.name.replace(/^收到的申报\//, ''))
      .sort();
    const drop = (await walkEntries([dropped()])).files.map((f) => f.name.replace(/^收到的申报\//, '')).sort();
    expect(cli).toEqual([...TAKEN].sort());
    expect(pane).toEqual(cli);
    expect(drop).toEqual(cli);
  });

  it('says the same 合并明细 line about every file, from the pane and from sfa merge, in both languages', async () => {
    for (const lang of ['zh', 'en'] as const) {
      const r = await runCli(['merge', '收到的申报', '-o', `汇总-${lang}.xlsx`, '--json', '--lang', lang], { cwd: dir });
      expect(r.code).toBe(1); // files with problems
      const cli = (JSON.parse(r.out) as { files: { file: string; status: string; message: string }[] }).files;
      const inputs = await Promise.all(
        pickFromList(picked(), (f) => f.path).files.map((f) =>
          readMergeInput({ name: f.name, lastModified: statSync(join(dir, f.name)).mtimeMs }, readFileSync(join(dir, f.name)), lang, paneStrings(lang)),
        ),
      );
      const pane = bureauMerge(J, [], inputs, { lang }).report.files;
      const line = (f: { file: string; status: string; message: string }) => [f.file, f.status, f.status === 'skipped' ? f.message : ''];
      expect(pane.map(line).sort()).toEqual(cli.map(line).sort());
      expect(
        cli
          .filter((f) => f.status === 'merged')
          .map((f) => f.file)
          .sort(),
      ).toEqual(['收到的申报/乙企业.json', '收到的申报/甲企业.xlsx']);
      // Each spreadsheet that cannot be read says which it is and to save it as .xlsx.
      const said = new Map(cli.map((f) => [f.file.replace('收到的申报/', ''), f.message]));
      for (const name of ['旧格式.xls', 'WPS 旧格式.et', '二进制.xlsb', '开放文档.ods', '苹果.numbers', '名单.csv'])
        expect([name, said.get(name)]).toEqual([name, expect.stringMatching(lang === 'zh' ? /另存为 \.xlsx/ : /save it as \.xlsx/)]);
      expect(said.get('名单.csv')).toContain('.csv');
    }
  });
});

describe('a file-level reason is said once in 合并明细 (「无法读取：」 in front, never again inside)', () => {
  const texts = (lang: 'zh' | 'en') => {
    const m = fileMessages(lang);
    return [m.encrypted, m.oldXls, m.otherOle, m.otherSpreadsheet('.ods'), m.neitherWorkbookNorJson, internalErrorMessages.reading(lang)];
  };
  it.each(['zh', 'en'] as const)('%s', (lang) => {
    for (const t of texts(lang)) {
      const note = mergeMessages.unreadable(lang, t);
      const cannot = lang === 'zh' ? /无法读取/g : /cannot be read/g;
      expect([t, note.match(cannot)?.length]).toEqual([t, 1]);
    }
  });
});
