// Runs in a worker thread for `sfa merge`: reads one assessment file per message, so a file that makes the
// reader loop or allocate without end costs a terminated worker, not the whole batch.
import { parentPort } from 'node:worker_threads';
import type { Lang } from '../domain';
import { loadAssessmentFile } from './load-assessment';
import type { FileIdentity } from './input-file';
import { readFailureText } from '../domain/text/error-text';

export interface ReadRequest {
  file: string;
  lang: Lang;
  /** The identity the folder walk saw (the open refuses another file), and the name to report. */
  expect?: FileIdentity;
  shown?: string;
}

export type ReadReply =
  | { ok: true; rubricId: string; assessment: unknown; readErrors: { path: string; message: string }[] }
  | { ok: false; message: string };

parentPort?.on('message', (req: ReadRequest) => {
  loadAssessmentFile(req.file, req.lang, req.expect, req.shown).then(
    (r) => parentPort!.postMessage({ ok: true, rubricId: r.rubric.id, assessment: r.assessment, readErrors: r.readErrors.map((e) => ({ path: e.path, message: e.message })) } satisfies ReadReply),
    (e: unknown) => parentPort!.postMessage({ ok: false, message: readFailureText(e, req.lang) } satisfies ReadReply),
  );
});
