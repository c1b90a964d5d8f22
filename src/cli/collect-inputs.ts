// The files of `sfa merge`: files named, and the input files found (recursively) in folders named, in a stable
// order. Inputs are regular files inside the given folders. A symbolic link is followed only when what it
// points to is inside the folder it was found in (so a link loop, or a link to /etc/passwd, reads nothing);
// a dangling link, a link out of the folder, a FIFO, a device or a file larger than any workbook is one
// refused entry, decided from lstat/stat alone — nothing is opened here.
import type { Stats } from 'node:fs';
import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { MAX_INPUT_BYTES, specialKind, type FileIdentity, type InputRefusal } from './input-file';
import { isMergeInput } from '../domain/input/merge-files';

export interface CollectedFile {
  /** As found (under the folder given), for reports. */
  path: string;
  /** What to open: the real path (links resolved). */
  open: string;
  identity: FileIdentity;
  mtimeMs: number;
}

export interface CollectResult {
  files: CollectedFile[];
  /** Entries refused without opening them (one line each). */
  refused: { path: string; refusal: InputRefusal }[];
  /** Folders that could not be listed (one line each; their files are not merged). */
  unreadable: { path: string; error: unknown }[];
}

/** A path the user named that cannot be looked at (missing, no permission…): `error` is Node's. */
export class NamedPathError extends Error {
  constructor(
    readonly given: string,
    readonly error: unknown,
  ) {
    super(given);
    this.name = 'NamedPathError';
  }
}

// Every spreadsheet-like file found in a folder is an input, so that one sfa cannot read is listed in 合并明细
// with the reason rather than passed over in silence: the list the pane's picker uses too.
const isInput = isMergeInput;
const inside = (root: string, p: string) => p === root || p.startsWith(root.endsWith(sep) ? root : root + sep);

/**
 * Walks the paths given. A path that does not exist throws NamedPathError (the user typed it; the caller
 * words Node's error). Everything met inside a folder is reported instead, and the walk goes on.
 */
export async function collectInputs(paths: string[], cwd: string): Promise<CollectResult> {
  const out: CollectResult = { files: [], refused: [], unreadable: [] };
  const seen = new Set<string>();

  const consider = (path: string, open: string, s: Stats) => {
    const special = specialKind(s);
    if (special) out.refused.push({ path, refusal: { kind: 'not-regular', what: special } });
    else if (s.size > MAX_INPUT_BYTES) out.refused.push({ path, refusal: { kind: 'too-large', bytes: s.size, limit: MAX_INPUT_BYTES } });
    else out.files.push({ path, open, identity: { dev: s.dev, ino: s.ino }, mtimeMs: s.mtimeMs });
  };

  const walk = async (dir: string, root: string) => {
    let names: string[];
    try {
      const real = await realpath(dir);
      if (seen.has(real)) return;
      seen.add(real);
      names = (await readdir(dir)).sort((a, b) => a.localeCompare(b));
    } catch (e) {
      out.unreadable.push({ path: dir, error: e });
      return;
    }
    for (const name of names) {
      if (name.startsWith('.') || name.startsWith('~$')) continue;
      const full = join(dir, name);
      let s: Stats;
      let real = full;
      try {
        s = await lstat(full);
        if (s.isSymbolicLink()) {
          try {
            real = await realpath(full);
          } catch (e) {
            const code = (e as NodeJS.ErrnoException).code;
            out.refused.push({ path: full, refusal: { kind: code === 'ELOOP' ? 'link-loop' : 'dangling-link' } });
            continue;
          }
          s = await stat(real);
          if (!inside(root, real)) {
            if (s.isDirectory() || isInput(name)) out.refused.push({ path: full, refusal: { kind: 'link-outside' } });
            continue;
          }
        }
      } catch (e) {
        out.unreadable.push({ path: full, error: e });
        continue;
      }
      if (s.isDirectory()) await walk(full, root);
      else if (isInput(name)) consider(full, real, s);
    }
  };

  for (const p of paths) {
    const abs = resolve(cwd, p);
    let s: Stats;
    let real: string;
    try {
      s = await stat(abs); // a named path may be a link: the user chose it
      real = await realpath(abs);
    } catch (e) {
      throw new NamedPathError(p, e);
    }
    if (s.isDirectory()) await walk(abs, real);
    else consider(abs, real, s);
  }
  return out;
}
