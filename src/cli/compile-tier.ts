// Whether V8's optimising compiler (TurboFan) runs for this command. A one-file command (score, export,
// application) on an enterprise's workbook runs its hot code, the XML scan of a few parts, for some tens of
// milliseconds: TurboFan then spends more CPU compiling that code, on a thread of its own, than the optimised
// code saves (`sfa score x.xlsx`: ~230 → ~155 ms of CPU without it, the same wall time; npm run bench). On a
// larger file the optimised code pays (90,000 shared strings in a 1.2 MB file: ~250 ms with it, ~380 without;
// a 20,000-row `letter`: 2.6 s with it, 8 s without), so a file over SMALL_FILE_BYTES keeps it, as do merge,
// letter and template.
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { setFlagsFromString } from 'node:v8';

/** Our template is ~150 kB; a workbook past this holds sheets of its own (lists, data) the reader may scan. */
export const SMALL_FILE_BYTES = 512 * 1024;

const ONE_FILE_COMMANDS: ReadonlySet<string> = new Set(['score', 'export', 'application']);

/** Whether TurboFan pays for `command` on an input of `bytes` (undefined: not known, as for a missing file). */
export function optimiserPays(command: string, bytes: number | undefined): boolean {
  return !ONE_FILE_COMMANDS.has(command) || bytes === undefined || bytes > SMALL_FILE_BYTES;
}

/** Size of a regular file, else undefined (the command itself then says what is wrong with the path). */
function fileBytes(cwd: string, path: string | undefined): number | undefined {
  if (path === undefined) return undefined;
  try {
    const s = statSync(resolve(cwd, path), { throwIfNoEntry: false });
    return s?.isFile() ? s.size : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Run by `sfa` (bin/sfa.js, not the in-process runs of the tests) once commander knows the command: turns
 * TurboFan off for a one-file command on a small file. V8 reads the flag each time it weighs optimising a
 * function, so setting it before the command's code runs is enough.
 */
export function tuneCompiler(cwd: string, command: string, args: readonly string[]): void {
  if (!optimiserPays(command, fileBytes(cwd, args[0]))) setFlagsFromString('--no-opt');
}
