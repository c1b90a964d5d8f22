// The merge holds this thread's young generation where it is with --semi-space-growth-factor, set while
// running, and sets it again after its read worker starts (src/cli/merge-command.ts, YOUNG_GROWTH). Both rest
// on what Node and V8 do, not on our code: this says so in a process of its own, so a Node that changes either
// (the flag no longer read while running, or a Worker no longer setting it back) fails here, not silently in
// the benchmark's peak RSS.
import { spawnSync } from 'node:child_process';
import { YOUNG_GROWTH } from '../../src/cli/merge-command';

const script = `
const v8 = require('node:v8');
const { Worker } = require('node:worker_threads');
const newSpace = () => v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size;
// Allocates objects that survive (as the merge's digests do): how many times its young generation grew.
// V8 grows it by its least step (one semi-space page more) even at factor 1, and by 16 times at its default.
function growth() {
  const before = newSpace();
  const kept = [];
  let most = 0;
  for (let i = 0; i < 1e6; i++) {
    kept.push({ i, s: 's' + i });
    if (i % 1000 === 0) most = Math.max(most, newSpace());
  }
  return most / before;
}
const factor = (n) => v8.setFlagsFromString('--semi-space-growth-factor=' + n);
const started = () => new Promise((online) => new Worker('setTimeout(() => {}, 200)', { eval: true }).on('online', online));
(async () => {
  await started();
  factor(${YOUNG_GROWTH.merging}); // as the merge does once its read worker runs
  const held = growth() <= 2;
  await started(); // a second worker, as after a read worker is restarted
  const grewAgain = growth() >= 4;
  console.log(JSON.stringify({ held, grewAgain }));
})();
`;

test('the growth factor set while running holds the young generation, and starting a Worker sets it back', () => {
  const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  expect(r.stderr).toBe('');
  expect(JSON.parse(r.stdout)).toEqual({ held: true, grewAgain: true });
});
