#!/usr/bin/env node
// `npm run bench`: prints figures (not pass/fail). Runs against the compiled lib/ that `sfa` itself uses.
'use strict';
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { execFileSync } = require('node:child_process');
const { score, sweep, parseAssessment } = require('../lib/domain');
const { getRubric } = require('../lib/domain/rubrics');

const ROOT = join(__dirname, '..');
const rubric = getRubric('jiangsu-2025');
const examples = ['advanced', 'leading', 'with-errors'].map((n) => {
  const r = parseAssessment(rubric, JSON.parse(readFileSync(join(ROOT, 'examples', `${n}.json`), 'utf8')));
  if (!r.ok) throw new Error(`example ${n} does not parse`);
  return r.assessment;
});

function timeIt(fn, minMs = 1000) {
  for (let i = 0; i < 50; i++) fn(); // warm up
  const samples = [];
  const start = process.hrtime.bigint();
  while (Number(process.hrtime.bigint() - start) / 1e6 < minMs) {
    const t0 = process.hrtime.bigint();
    fn();
    samples.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  samples.sort((a, b) => a - b);
  const q = (p) => samples[Math.min(samples.length - 1, Math.floor(p * samples.length))];
  return { n: samples.length, median: q(0.5), p95: q(0.95) };
}

const fmt = (ms) => `${ms.toFixed(3)} ms`;
console.log(`sfa bench — node ${process.version}, ${require('node:os').cpus().length} cores\n`);

let k = 0;
const s = timeIt(() => score(rubric, examples[k++ % examples.length]));
console.log(`score():            ${(1000 / s.median).toFixed(0)} assessments/s  (median ${fmt(s.median)}, p95 ${fmt(s.p95)}, ${s.n} runs)`);

const w = timeIt(() => sweep(rubric, examples[0]));
const options = sweep(rubric, examples[0]).options.length;
console.log(`what-if sweep:      median ${fmt(w.median)}, p95 ${fmt(w.p95)} for ${options} single changes  (target < 5 ms)`);

const runs = [];
for (let i = 0; i < 5; i++) {
  const t0 = process.hrtime.bigint();
  execFileSync(process.execPath, [join(ROOT, 'bin', 'sfa.js'), 'score', join(ROOT, 'examples', 'advanced.json'), '--json']);
  runs.push(Number(process.hrtime.bigint() - t0) / 1e6);
}
runs.sort((a, b) => a - b);
console.log(`sfa score (process): median ${runs[2].toFixed(0)} ms wall for one file, start-up included  (target well under 1 s)`);
