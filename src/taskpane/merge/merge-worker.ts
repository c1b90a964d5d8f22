// The pane's merge worker (a dedicated Web Worker): reads one picked file per message, exactly as the pane
// read them on its main thread before, so a file that makes the reader loop or allocate without end costs a
// terminated worker (see worker-client.ts), not a frozen pane. Started by spawn-merge-worker.ts.
import { paneStrings } from '../strings';
import { readMergeInput } from './read-input';
import { toWire, type MergeReadRequest, type MergeWorkerMessage } from './worker-protocol';

// The worker's global scope, typed by what is used (the project compiles with DOM types, not WebWorker's).
interface WorkerScope {
  onmessage: ((e: MessageEvent<MergeReadRequest>) => void) | null;
  postMessage(message: MergeWorkerMessage): void;
}
const scope = self as unknown as WorkerScope;

scope.onmessage = ({ data: req }) => {
  const file = { name: req.name, lastModified: req.lastModified };
  // readMergeInput never throws: an unreadable file comes back as { failure }.
  void readMergeInput(file, new Uint8Array(req.bytes), req.lang, paneStrings(req.lang)).then((input) =>
    scope.postMessage({ kind: 'read', id: req.id, input: toWire(input) }),
  );
};
scope.postMessage({ kind: 'ready' });
