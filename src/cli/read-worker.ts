// Runs in a worker thread for `sfa merge`: reads one assessment file per message (two may be in flight),
// so a file that makes the reader loop or allocate without end costs a terminated worker, not the batch.
import { parentPort } from 'node:worker_threads';
import type { Lang } from '../domain';
import { loadAssessmentFile, type LoadedAssessment } from './load-assessment';

export interface ReadRequest {
  id: number;
  file: string;
  lang: Lang;
}

export type ReadReply =
  | { id: number; ok: true; rubricId: string; assessment: unknown; readErrors: { path: string; message: string }[]; cached?: LoadedAssessment['cached'] }
  | { id: number; ok: false; message: string };

parentPort?.on('message', (req: ReadRequest) => {
  loadAssessmentFile(req.file, req.lang).then(
    (r) => parentPort!.postMessage({ id: req.id, ok: true, rubricId: r.rubric.id, assessment: r.assessment, readErrors: r.readErrors.map((e) => ({ path: e.path, message: e.message })), ...(r.cached ? { cached: r.cached } : {}) } satisfies ReadReply),
    (e: Error) => parentPort!.postMessage({ id: req.id, ok: false, message: e.message } satisfies ReadReply),
  );
});
