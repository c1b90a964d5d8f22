// `npm run bench:scale`: only the merge figures of `npm run bench` (baselines, the scale curve, --into), for
// measuring a change to the merge without the rest. SFA_BENCH_SCALE=100,1000 for a shorter run.
import { join } from 'node:path';
import { mergeFiles } from './extra';

void mergeFiles(join(__dirname, '..', '..'));
