// Runs in a worker thread for `sfa merge`: reads one assessment file per message (two may be in flight),
// so a file that makes the reader loop or allocate without end costs a terminated worker, not the batch.
import { parentPort } from 'node:worker_threads';
import type { Lang } from '../domain';
import { loadAssessmentFile, type LoadedAssessment } from './load-assessment';
import type { FileIdentity } from './input-file';
import { readFailureText } from '../domain/text/error-text';

export interface ReadRequest {
  id: number;
  file: string;
  lang: Lang;
  /** The identity the folder walk saw (the open refuses another file), and the name to report. */
  expect?: FileIdentity;
  shown?: string;
}

export type ReadReply =
  | {
      id: number;
      ok: true;
      rubricId: string;
      assessment: unknown;
      readErrors: { path: string; message: string }[];
      cached?: LoadedAssessment['cached'];
      sha256?: string;
    }
  | { id: number; ok: false; message: string };

parentPort?.on('message', (req: ReadRequest) => {
  // The merge's only reader: it hashes the bytes it read for 审核, so the file is not opened twice.
  loadAssessmentFile(req.file, req.lang, { expect: req.expect, shown: req.shown, hash: true }).then(
    (r) =>
      parentPort!.postMessage({
        id: req.id,
        ok: true,
        rubricId: r.rubric.id,
        assessment: r.assessment,
        readErrors: r.readErrors.map((e) => ({ path: e.path, message: e.message })),
        ...(r.cached ? { cached: r.cached } : {}),
        ...(r.sha256 ? { sha256: r.sha256 } : {}),
      } satisfies ReadReply),
    (e: unknown) => parentPort!.postMessage({ id: req.id, ok: false, message: readFailureText(e, req.lang) } satisfies ReadReply),
  );
});
