// Preloaded (`node --require`) into a child the bench measures: writes the child's own CPU time and peak RSS to
// the file SFA_BENCH_USAGE names when it exits.
import { writeFileSync } from 'node:fs';
import { ownUsage } from './peak-rss';

const file = process.env.SFA_BENCH_USAGE;
if (file) process.on('exit', () => writeFileSync(file, JSON.stringify(ownUsage())));
