// What the pane's merge worker and its client say to each other. Only plain data crosses: the picked file's
// bytes go in (transferred, not copied), a MergeInput comes back with its rubric as an id, which the pane
// looks up again (a Rubric is not posted back and forth).
import type { Lang } from '../../domain/i18n/lang';
import type { MergeInput } from '../../domain/merge/types';
import { getRubric } from '../../domain/rubrics';

export interface MergeReadRequest {
  /** Matches the reply to its request. */
  id: number;
  name: string;
  lastModified: number;
  lang: Lang;
  bytes: ArrayBuffer;
}

/** A MergeInput without functions or shared objects: the rubric by id. */
export type WireMergeInput = Omit<MergeInput, 'rubric'> & { rubricId: string };

export type MergeWorkerMessage =
  /** Posted once when the worker's script has loaded: errors before it mean the worker cannot run at all. */
  { kind: 'ready' } | { kind: 'read'; id: number; input: WireMergeInput };

export function toWire({ rubric, ...rest }: MergeInput): WireMergeInput {
  return { ...rest, rubricId: rubric.id };
}

export function fromWire({ rubricId, ...rest }: WireMergeInput): MergeInput {
  const rubric = getRubric(rubricId);
  // The worker only names rubrics it found with getRubric: an unknown id here means mismatched bundles.
  return rubric ? { ...rest, rubric } : { file: rest.file, modified: rest.modified, rubric: getRubric()!, failure: `unknown rubric ${rubricId}` };
}
