// Every kind of .xlsx the project writes, generated through the same functions `sfa` and the pane use:
// empty templates and filled workbooks (both rubrics' layouts, both languages, every example assessment) and
// merged summaries with their 合并明细 (empty, one batch, with errors, a later merge into an earlier summary,
// both languages). The schema check and the openpyxl check open exactly this set.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bureauMerge, type Assessment, type Lang, type MergeInput, type Rubric } from '../../src/domain';
import { assessmentFromJson } from '../../src/domain/assessment/json';
import { writeWorkbook } from '../../src/adapters/xlsx/write';
import { readMergedSummary, writeMergedSummary } from '../../src/adapters/xlsx/merged';
import { nodeInflater } from '../../src/adapters/xlsx/inflate-node';
import { buildLayout } from '../../src/workbook/layout';
import { inputsFromAssessment } from '../../src/workbook/inputs';
import { advancedAssessment, J, validCreditCode } from '../fixtures/jiangsu';
import { miniRubric } from '../fixtures/mini-rubric';

export interface WrittenFile {
  /** ASCII file name, unique in the set. */
  name: string;
  kind: 'template' | 'filled' | 'merged';
  lang: Lang;
  rubric: Rubric;
  /** For filled workbooks: the assessment written into it. */
  assessment?: Assessment;
  data: Buffer;
}

const LANGS: Lang[] = ['zh', 'en'];
const header = { unit: '南京市工业和信息化局', contact: '李四', phone: '025-12345678' };

export function example(name: string): Assessment {
  const parsed = assessmentFromJson(readFileSync(join(__dirname, '..', '..', 'examples', `${name}.json`), 'utf8'), 'zh');
  if (!parsed.ok) throw new Error(`examples/${name}.json does not parse`);
  return parsed.assessment;
}

/** Long texts everywhere a person types, and markup characters, so wrapping and escaping are exercised. */
function wordyAssessment(): Assessment {
  const a = advancedAssessment();
  a.profile = {
    ...a.profile,
    enterpriseName: '江苏某某智能装备制造股份有限公司（原南京某某机械厂）<&>"\'',
    factoryName: '新能源汽车关键零部件数字化车间及智能工厂一期、二期工程',
    address: '南京市江宁经济技术开发区某某大道 1888 号 A 栋 3 层 301 室至 315 室',
  };
  return a;
}

function enterprises(n: number, lang: Lang, withErrors = false): MergeInput[] {
  return Array.from({ length: n }, (_, i) => {
    const a = advancedAssessment();
    a.profile = {
      ...a.profile,
      enterpriseName: `企业${i}有限公司`,
      factoryName: `企业${i}智能工厂`,
      creditCode: validCreditCode(`913201000000${String(i).padStart(5, '0')}`),
    };
    if (withErrors && i % 2 === 1) a.indicators!['1'] = { level: 4, fit: 'high', score: 3 };
    return { file: `${lang}-${i}.xlsx`, modified: Date.UTC(2025, 5, 1 + i), rubric: J, assessment: a };
  });
}

let cache: Promise<WrittenFile[]> | undefined;

/** The set, built once per test file. */
export function writtenFiles(): Promise<WrittenFile[]> {
  return (cache ??= build());
}

async function build(): Promise<WrittenFile[]> {
  const out: WrittenFile[] = [];
  for (const lang of LANGS) {
    for (const [id, rubric] of [
      ['jiangsu', J],
      ['mini', miniRubric],
    ] as const)
      out.push({ name: `template-${id}-${lang}.xlsx`, kind: 'template', lang, rubric, data: await writeWorkbook(buildLayout(rubric, { lang })) });
    const filled: [string, Assessment][] = [
      ['advanced', example('advanced')],
      ['leading', example('leading')],
      ['with-errors', example('with-errors')],
      ['wordy', wordyAssessment()],
    ];
    for (const [id, assessment] of filled)
      out.push({
        name: `filled-${id}-${lang}.xlsx`,
        kind: 'filled',
        lang,
        rubric: J,
        assessment,
        data: await writeWorkbook(buildLayout(J, { lang }), inputsFromAssessment(J, assessment)),
      });
    const merged = async (id: string, existing: Buffer | undefined, inputs: MergeInput[]) => {
      const rows = existing ? (await readMergedSummary(existing, lang, { inflate: nodeInflater })).rows : [];
      const data = await writeMergedSummary(J, bureauMerge(J, rows, inputs, { lang }), header, lang);
      out.push({ name: `merged-${id}-${lang}.xlsx`, kind: 'merged', lang, rubric: J, data });
      return data;
    };
    await merged('empty', undefined, []);
    const first = await merged('batch', undefined, enterprises(3, lang));
    await merged('errors', undefined, [
      ...enterprises(4, lang, true),
      { file: 'broken.xlsx', modified: 0, rubric: J, failure: lang === 'zh' ? '不是 xlsx 文件' : 'not an xlsx file' },
    ]);
    await merged('into', first, enterprises(6, lang).slice(2));
    // Past SHARED_STRINGS_ADDED_MAX (a province round) the long tables' later strings are written in their cells
    // (inline strings): the limit lowered, so a small file has both kinds for every reader and the schema.
    out.push({
      name: `merged-inline-${lang}.xlsx`,
      kind: 'merged',
      lang,
      rubric: J,
      data: await writeMergedSummary(J, bureauMerge(J, [], enterprises(4, lang, true), { lang }), header, lang, undefined, 12),
    });
    // Issue 14: characters XML 1.0 forbids in a name and a file name must not reach the file raw.
    const hostile = enterprises(2, lang);
    hostile[0]!.assessment!.profile!.enterpriseName = '恶意\uFFFE企业\uFFFF\u0000\u001B\uD800';
    hostile[1]!.file = '文件\uFFFE名\u0007.xlsx';
    await merged('hostile-text', undefined, hostile);
  }
  return out;
}
