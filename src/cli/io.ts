import { isAbsolute, relative } from 'node:path';

// What a command needs from the outside world, so commands run in-process in tests.
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  cwd: string;
  /** Whether stderr is a terminal (progress bar) or not (plain lines). */
  isTTY?: boolean;
  /** The platform whose file-system error codes apply (tests pass 'win32' to check Windows wording). */
  platform?: NodeJS.Platform;
  /** Called once commander knows the command and its arguments, before the command runs (./compile-tier.ts). */
  beforeCommand?(command: string, args: readonly string[]): void;
}

/** A failure the user must fix (unreadable file, not an assessment): one clear line, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** A path as the user should read it: relative to the working folder when it lies inside it, else absolute. */
export function shownPath(cwd: string, path: string): string {
  const r = relative(cwd, path);
  return r && !r.startsWith('..') && !isAbsolute(r) ? r : path;
}
