// Starts the merge worker. Its own module, imported only where Worker exists: `import.meta` is ES-module
// syntax, which webpack turns into the worker's chunk (one for the add-in, one for the preview) and which the
// CommonJS build of the tests could not compile.
import type { MergeWorkerLike } from './worker-client';

export const spawnMergeWorker = (): MergeWorkerLike => new Worker(new URL('./merge-worker.ts', import.meta.url), { name: 'merge-reader' });
