// `node merge-child.js <exceljs|lean> <folder> <out.xlsx>`: one merge in its own process, reading every
// workbook of the folder with the chosen reader, then merging the table (mergeSummary) and writing it. Both
// readers get the same merge, so their figures compare readers; it is less than `sfa merge` does (no 审核,
// 统计 or 申报书 checks, no SHA-256, no read worker), so its figure is not one of `sfa merge`.
// It writes its own CPU time and peak RSS to $SFA_BENCH_USAGE on exit.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { mergeSummary, type MergeInput } from '../src/domain';
import { getRubric } from '../src/domain/rubrics';
import { readAssessmentWorkbook } from '../src/adapters/xlsx/read';
import { nodeInflater } from '../src/adapters/xlsx/inflate-node';
import { writeMergedSummary } from '../src/adapters/xlsx/merged';
import { problemsAsIssues } from '../src/workbook/inputs';
import { readWithExcelJS } from './exceljs-read';
import './usage-on-exit'; // its own CPU time and peak RSS, for the bench

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.xlsx') ? [join(dir, e.name)] : []));
}

async function main() {
  const [reader, dir, out] = process.argv.slice(2) as [string, string, string];
  const rubric = getRubric()!;
  const inputs: MergeInput[] = [];
  for (const f of files(dir)) {
    const data = readFileSync(f);
    const r = reader === 'exceljs' ? await readWithExcelJS(data) : await readAssessmentWorkbook(data, 'zh', { inflate: nodeInflater });
    inputs.push({
      file: relative(dir, f),
      modified: statSync(f).mtimeMs,
      rubric: r.rubric,
      assessment: r.assessment,
      readProblems: problemsAsIssues(r.problems).map((e) => ({ path: e.path, message: e.message })),
    });
  }
  writeFileSync(out, await writeMergedSummary(rubric, mergeSummary([], inputs, { lang: 'zh' }), { unit: '', contact: '', phone: '' }, 'zh'));
}

void main();
