// `npm run bench:cli`: only the start-up figures of `npm run bench` (sfa --help, score x.json, score x.xlsx beside
// node -e 0), for measuring a change to the command line's start without the rest.
import { join } from 'node:path';
import { cliStart } from './extra';

void cliStart(join(__dirname, '..', '..'));
