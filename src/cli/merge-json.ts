// `sfa merge --json`: the merge's report and statistics as JSON.stringify(…, null, 2) writes them, made a file's
// entry at a time: a province round's report is ~30 MB of text, never one string (the entries are made from the
// digests kept on disk as they are written, ./spill-file.ts).
import type { BureauStats } from '../domain/bureau/stats';
import type { StreamedReport } from '../domain/merge/types';

export function* mergeJson(report: StreamedReport, stats: BureauStats): Generator<string> {
  // The rest as one object: its text from its second line on is the document's after "files".
  const rest = JSON.stringify({ existing: report.existing, counts: report.counts, stats }, null, 2);
  let first = true;
  for (const f of report.files) {
    // JSON's strings hold no line break of their own (they are escaped): each line of an entry moves in by two levels.
    yield `${first ? '{\n  "files": [\n' : ',\n'}${JSON.stringify(f, null, 2).replace(/^/gmu, '    ')}`;
    first = false;
  }
  yield first ? '{\n  "files": [],\n' : '\n  ],\n';
  yield `${rest.slice('{\n'.length)}\n`;
}
