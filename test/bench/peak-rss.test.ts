// The bench's peak RSS of a child is the child's own (bench/peak-rss.ts): getrusage's maxrss on Linux keeps the
// high-water mark of the process it was forked from, and the bench spawns its merges from a process that has
// cloned 20,000 workbooks (~186 MB), which every later figure then showed whatever the merge used.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';

const dir = mkdtempSync(join(tmpdir(), 'sfa-peak-rss-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it("reports a child's own peak RSS, not that of the large process it was spawned from", () => {
  // The preload the bench gives each child it measures, bundled as the bench's compiled one is.
  const preload = join(dir, 'usage-on-exit.js');
  buildSync({ entryPoints: [join(__dirname, '..', '..', 'bench', 'usage-on-exit.ts')], bundle: true, platform: 'node', outfile: preload, logLevel: 'silent' });
  const held = Buffer.alloc(300 << 20, 1); // this process: 300 MB more, resident
  const usage = join(dir, 'usage.json');
  const r = spawnSync(process.execPath, ['--require', preload, '-e', 'const kept = Buffer.alloc(20 << 20, 1); void kept;'], {
    env: { ...process.env, SFA_BENCH_USAGE: usage },
    encoding: 'utf8',
  });
  expect(r.status).toBe(0);
  expect(held.length).toBe(300 << 20);
  const { maxRssKb, cpuMs } = JSON.parse(readFileSync(usage, 'utf8')) as { maxRssKb: number; cpuMs: number };
  // Node alone and the child's 20 MB: far below the 300 MB this process holds.
  expect(maxRssKb / 1024).toBeGreaterThan(20);
  expect(maxRssKb / 1024).toBeLessThan(200);
  expect(cpuMs).toBeGreaterThan(0);
});
