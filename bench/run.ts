// `npm run bench`: prints figures (never pass/fail). Speed of the engine and the CLI, and the cost of the
// add-in's Excel batches measured on the simulated host (syncs and request bytes).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cpus } from 'node:os';
import { parseAssessment, score, sweep, type Assessment } from '../src/domain';
import { getRubric } from '../src/domain/rubrics';
import { buildLayout } from '../src/workbook/layout';
import { inputsFromAssessment } from '../src/workbook/inputs';
import { injectLayout } from '../src/adapters/office/inject';
import { readWorkbookState } from '../src/adapters/office/read';
import { SimContext } from '../src/preview/sim/context';
import { SimWorkbook } from '../src/preview/sim/model';
import { extraBenches } from './extra';
import { mergedWriteBench } from './merged-write';

const ROOT = join(__dirname, '..', '..');
const rubric = getRubric('jiangsu-2025')!;
const examples: Assessment[] = ['advanced', 'leading', 'with-errors'].map((n) => {
  const r = parseAssessment(rubric, JSON.parse(readFileSync(join(ROOT, 'examples', `${n}.json`), 'utf8')));
  if (!r.ok) throw new Error(`example ${n} does not parse`);
  return r.assessment;
});

export function timeIt(fn: () => void, minMs = 1000): { n: number; median: number; p95: number } {
  for (let i = 0; i < 50; i++) fn(); // warm up
  const samples: number[] = [];
  const start = process.hrtime.bigint();
  while (Number(process.hrtime.bigint() - start) / 1e6 < minMs) {
    const t0 = process.hrtime.bigint();
    fn();
    samples.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  samples.sort((a, b) => a - b);
  const q = (p: number) => samples[Math.min(samples.length - 1, Math.floor(p * samples.length))]!;
  return { n: samples.length, median: q(0.5), p95: q(0.95) };
}

const ms = (x: number) => `${x.toFixed(3)} ms`;

async function main() {
  console.log(`sfa bench — node ${process.version}, ${cpus().length} cores\n`);
  let k = 0;
  const s = timeIt(() => score(rubric, examples[k++ % examples.length]!));
  console.log(`score():              ${(1000 / s.median).toFixed(0)} assessments/s (median ${ms(s.median)}, p95 ${ms(s.p95)}, ${s.n} runs)`);
  const w = timeIt(() => sweep(rubric, examples[0]!));
  console.log(`what-if sweep:        median ${ms(w.median)}, p95 ${ms(w.p95)} for ${sweep(rubric, examples[0]!).options.length} single changes (goal < 5 ms)`);

  // The CLI's start-up, in CPU time against a bare node: extraBenches (bench/extra.ts).

  // Add-in batches on the simulated host.
  const layout = buildLayout(rubric);
  const model = new SimWorkbook();
  const ctx = new SimContext(model);
  const features = { core: true, pageLayout: true, charts: true };
  const t0 = process.hrtime.bigint();
  const inj = await injectLayout(ctx as unknown as Excel.RequestContext, layout, features, inputsFromAssessment(rubric, examples[0]!));
  const injMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const kB = (n: number) => `${(n / 1024).toFixed(0)} kB`;
  console.log(
    `add-in injection:     ${inj.syncs} syncs (goal ≤ 3), requests ${ctx.requests.map(kB).join(' + ')} as Excel on the web counts them (UTF-8, ${ctx.limits.callOverheadBytes} B per call; limit ${kB(ctx.limits.requestBytes)}), ${ctx.calls.length} queued calls, ${injMs.toFixed(0)} ms on the simulated host`,
  );
  const again = new SimContext(model);
  const re = await injectLayout(again as unknown as Excel.RequestContext, layout, features);
  console.log(
    `add-in re-injection:  ${re.syncs} syncs — one more than the first: Range.clear leaves charts, so the chart on 评估结果 is loaded to be deleted, a load that needs the first sync's answer that the sheet exists; requests ${again.requests.map(kB).join(' + ')}`,
  );
  await mergedWriteBench(rubric, kB);
  const live = new SimContext(model);
  await readWorkbookState(live as unknown as Excel.RequestContext, (id) => getRubric(id), 'zh');
  console.log(`live recompute:       ${live.syncs} sync per re-read (goal 1), then score() in process`);
  await extraBenches(ROOT);
}

void main();
