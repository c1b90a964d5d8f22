// commander requires node:child_process as it loads, for executable subcommands (a `sfa-score` file beside
// `sfa`), which sfa does not have. The CLI's build (scripts/build-cli.js) hands commander this module instead:
// child_process, with the net module it loads, cost ~5 ms of every start, and now load only if commander
// ever spawns. commander calls nothing else of child_process.
import type * as ChildProcess from 'node:child_process';

export const spawn = ((...args: Parameters<typeof ChildProcess.spawn>) =>
  (require('node:child_process') as typeof ChildProcess).spawn(...args)) as typeof ChildProcess.spawn;
