// `npm run bench:fuzz [-- COUNT]`: the built `sfa merge` over COUNT (default 2,000) fuzzed workbooks (the cases
// of test/corpus/fuzz.ts with more seeds) in one folder, in its own process; prints its wall time, peak RSS
// (its own high-water mark, bench/peak-rss.ts: the read worker is a thread of it) and what became of the files. Figures, not pass/fail.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fuzzCases } from '../test/corpus/fuzz';

const ROOT = join(__dirname, '..', '..');

async function main() {
  const count = Number(process.argv[2] ?? 2000);
  const dir = mkdtempSync(join(tmpdir(), 'sfa-fuzz-merge-'));
  const files = join(dir, 'in');
  require('node:fs').mkdirSync(files);
  let written = 0;
  for (let seed = 1; written < count; seed++) {
    for (const c of await fuzzCases(seed, 240, 120, 40)) {
      if (written >= count) break;
      writeFileSync(join(files, `${String(written).padStart(5, '0')}-${c.kind}.xlsx`), c.data);
      written++;
    }
  }
  const usage = join(dir, 'usage.json');
  // A wrapper that runs bin/sfa.js and writes its own resource usage when the process exits.
  const wrapper = `process.env.SFA_BENCH_USAGE = ${JSON.stringify(usage)}; require(${JSON.stringify(join(__dirname, 'usage-on-exit.js'))});
process.argv = [process.argv[0], ${JSON.stringify(join(ROOT, 'bin', 'sfa.js'))}, 'merge', ${JSON.stringify(files)}, '-o', ${JSON.stringify(join(dir, 'out.xlsx'))}, '--json'];
require(${JSON.stringify(join(ROOT, 'bin', 'sfa.js'))});`;
  const t0 = Date.now();
  const r = spawnSync(process.execPath, ['-e', wrapper], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const seconds = (Date.now() - t0) / 1000;
  const u = JSON.parse(readFileSync(usage, 'utf8')) as { maxRssKb: number };
  const report = JSON.parse(r.stdout) as { counts: Record<string, number>; files: { failure?: string }[] };
  const raw = report.files.filter((f) => f.failure && /Cannot read|undefined|Invalid time value|is not a function|RangeError|TypeError/.test(f.failure)).length;
  console.log(`sfa merge over ${written} fuzzed workbooks: exit ${r.status}, ${seconds.toFixed(1)} s, peak RSS ${(u.maxRssKb / 1024).toFixed(0)} MB`);
  console.log(
    `  merged ${report.counts.merged}, replaced ${report.counts.replaced}, skipped ${report.counts.skipped}, rows ${report.counts.rows}; failures with JavaScript's own text: ${raw}`,
  );
  rmSync(dir, { recursive: true, force: true });
}

void main();
