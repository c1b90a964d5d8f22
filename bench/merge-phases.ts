// `npx tsc -p tsconfig.bench.json && node --expose-gc .bench-out/bench/merge-phases.js [N]`: where the memory of
// a province-scale merge goes, phase by phase, in one process (no read worker). N digests (default 20,000) are
// made as `sfa merge` makes them, from the first 50 workbooks of the bench's generated 1,000 (`npm run bench:scale`
// writes them), each made a distinct enterprise; then the merge, the layout of the summary and its writing, with
// what is held after each phase (after a full GC) and the peak RSS in between. Figures, never pass/fail.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bureauMerge, digested, type MergeInput, type MergeOptions } from '../src/domain';
import { getRubric } from '../src/domain/rubrics';
import { readAssessmentWorkbook } from '../src/adapters/xlsx/read';
import { nodeInflater } from '../src/adapters/xlsx/inflate-node';
import { writeMergedSummary } from '../src/adapters/xlsx/merged';
import { XlsxPackage } from '../src/adapters/xlsx/package-parts';
import { buildMergedWorkbook } from '../src/workbook/merged-summary';
import { cellForPath } from '../src/workbook/paths';
import { cachedLayout, LAYOUT_VERSION } from '../src/workbook/layout';
import { problemsAsIssues } from '../src/workbook/inputs';
import { validCreditCode } from '../test/fixtures/jiangsu';
import { setFlagsFromString } from 'node:v8';
import { HEAP_GROWING_PERCENT } from '../src/cli/merge-command';
import { ownPeakRssKb } from './peak-rss';

const gc = (globalThis as { gc?: () => void }).gc;
const mb = (x: number) => (x / 1048576).toFixed(0).padStart(4);
let peak = 0;
setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10).unref();

/** What is held now (after a full GC) and the peak RSS since the last line. */
function phase(label: string): void {
  gc?.();
  const m = process.memoryUsage();
  peak = Math.max(peak, m.rss);
  console.log(
    `${label.padEnd(40)} held: heap ${mb(m.heapUsed)} MB, buffers ${mb(m.external)} MB, RSS ${mb(m.rss)} MB; peak RSS since the last line ${mb(peak)} MB`,
  );
  peak = 0;
}

/** The writer's own phases, from outside: before and after each step of the package it builds. */
function watchWriter(): void {
  const proto = XlsxPackage.prototype as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>;
  for (const step of ['appendRows', 'setNames', 'save']) {
    const f = proto[step]!;
    proto[step] = async function (this: unknown, ...a: unknown[]) {
      phase(`  write: before ${step}`);
      return f.apply(this, a);
    };
  }
  const open = XlsxPackage.open.bind(XlsxPackage);
  XlsxPackage.open = async (data: Buffer) => {
    phase(`  write: ExcelJS wrote (${(data.length / 1024).toFixed(0)} kB)`);
    return open(data);
  };
}

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.xlsx') ? [join(dir, e.name)] : []));
}

async function main() {
  const n = Number(process.argv[2] ?? 20_000);
  const dir = join(tmpdir(), `sfa-bench-merge-v${LAYOUT_VERSION}-1000`);
  if (!existsSync(join(dir, 'complete'))) throw new Error(`${dir}: run npm run bench:scale first (it generates the workbooks)`);
  if (!gc) console.log('(without --expose-gc the held figures include garbage)');
  const rubric = getRubric()!;
  const layout = cachedLayout(rubric, 'zh');
  const options: MergeOptions = { lang: 'zh', today: '2026-12-01', locate: (path, input) => cellForPath(layout, input.rubric, path) };
  phase('start');
  const base: MergeInput[] = [];
  for (const f of files(dir).slice(0, 50)) {
    const r = await readAssessmentWorkbook(readFileSync(f), 'zh', { inflate: nodeInflater });
    const readProblems = problemsAsIssues(r.problems).map((e) => ({ path: e.path, message: e.message }));
    base.push({ file: f, modified: 0, rubric: r.rubric, assessment: r.assessment, readProblems, cached: r.cached });
  }
  phase('50 workbooks read');
  const inputs: MergeInput[] = [];
  for (let i = 0; i < n; i++) {
    const b = base[i % base.length]!;
    const assessment = structuredClone(b.assessment!);
    assessment.profile = { ...assessment.profile, enterpriseName: `企业${i}有限公司`, creditCode: validCreditCode(`91320100MA${String(i).padStart(7, '0')}`) };
    const sha256 = createHash('sha256').update(String(i)).digest('hex');
    inputs.push(digested({ ...b, file: `各市/企业 ${i}.xlsx`, modified: Date.UTC(2026, 0, 1) + i * 60_000, assessment, sha256 }, options));
  }
  phase(`${n} digests (what the merge keeps per file)`);
  // As sfa merge runs it: V8's heap may grow only a little past what its last full collection kept.
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT.writing}`);
  const result = bureauMerge(rubric, [], inputs, options);
  phase('merge result, digests still held');
  // Emptied as sfa merge empties it: a new array in its place left the old one on the stack (a heap snapshot:
  // held by the stack roots), and this line showed the digests as if the result kept them.
  inputs.length = 0;
  phase('merge result alone');
  const header = { unit: '', contact: '', phone: '' };
  // What the writer is given: each long table's first row; the rest is made in pieces as it is written.
  const built = buildMergedWorkbook(rubric, result, header, 'zh', { streamed: true });
  phase(`summary layout as the writer gets it (${built.sheets.length} sheets) + result`);
  built.sheets.length = 0;
  watchWriter();
  const t0 = process.hrtime.bigint();
  const data = await writeMergedSummary(rubric, result, header, 'zh');
  phase(`written (${(data.length / 1024).toFixed(0)} kB in ${(Number(process.hrtime.bigint() - t0) / 1e9).toFixed(1)} s)`);
  console.log(`peak RSS of the process: ${(ownPeakRssKb() / 1024).toFixed(0)} MB`);
}

void main();
