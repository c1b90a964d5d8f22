// What the merge panel's picker keeps of what the user chose: files picked, a folder picked (every file under
// it, named by its path inside the folder), and files and folders dropped (walked entry by entry). Pure: it
// sees entries and files through the few members it uses, so the tests hand it fakes.
//
// Browser-specific behaviour, as MDN documents it:
// - `<input webkitdirectory>` lists every file under the chosen folder, each with `File.webkitRelativePath`
//   ("folder/sub/a.xlsx") — https://developer.mozilla.org/docs/Web/API/HTMLInputElement/webkitdirectory
// - A drop gives `DataTransferItem.webkitGetAsEntry()`: a FileSystemFileEntry or FileSystemDirectoryEntry whose
//   `fullPath` is "/folder/sub/a.xlsx" — https://developer.mozilla.org/docs/Web/API/DataTransferItem/webkitGetAsEntry
// - `FileSystemDirectoryReader.readEntries()` delivers a directory in batches: call it again until it gives an
//   empty array; Chromium-based browsers give at most 100 entries per call —
//   https://developer.mozilla.org/docs/Web/API/FileSystemDirectoryEntry/createReader

import { extensionOf, MERGE_EXTENSIONS } from '../../domain/input/merge-files';

/** The files the merge reads (or names the reason it cannot, in 合并明细): the picker's `accept` list, the
 * same list `sfa merge` walks a folder with. */
export const MERGE_ACCEPT: readonly string[] = MERGE_EXTENSIONS;
/** At most this many files in one selection: a province round (README: 20,000 enterprises). */
export const MAX_PICKED_FILES = 20_000;
/** At most this many entries (files of any kind and folders) looked at in one drop. */
export const MAX_WALKED_ENTRIES = 5 * MAX_PICKED_FILES;
/** Folders nested deeper than this under what was dropped or picked are not read. */
export const MAX_FOLDER_DEPTH = 32;

/** A chosen file and the name 合并明细 gives it: its path inside the folder chosen, or its own name. */
export interface NamedFile<F = File> {
  file: F;
  name: string;
}

/** The members of FileSystemEntry (and its file and directory kinds) that the walk uses. */
export interface PickEntry<F> {
  readonly name: string;
  readonly fullPath: string;
  readonly isFile: boolean;
  readonly isDirectory: boolean;
  file?(success: (file: F) => void, error?: (e: unknown) => void): void;
  createReader?(): PickDirectoryReader<F>;
}
export interface PickDirectoryReader<F> {
  readEntries(success: (entries: PickEntry<F>[]) => void, error?: (e: unknown) => void): void;
}

export interface PickOptions {
  accept?: readonly string[];
  maxFiles?: number;
  maxEntries?: number;
  maxDepth?: number;
}

export interface PickResult<F> {
  files: NamedFile<F>[];
  /** Files of other kinds, hidden files and folders (".~lock…", "~$…", ".git"): passed over. */
  skipped: number;
  /** Entries the browser could not read (a file moved away meanwhile, no permission). */
  unreadable: number;
  /** A bound was hit: more files than `maxFiles`, more entries than `maxEntries`, folders deeper than `maxDepth`. */
  limits: { files: boolean; entries: boolean; depth: boolean };
}

/** LibreOffice's ".~lock.x.xlsx#", Excel's owner file "~$x.xlsx", ".DS_Store", ".git": never an input. */
export const isHiddenName = (name: string): boolean => name.startsWith('.') || name.startsWith('~$');

function settings(o: PickOptions) {
  return {
    accept: new Set((o.accept ?? MERGE_ACCEPT).map((e) => e.toLowerCase())),
    maxFiles: o.maxFiles ?? MAX_PICKED_FILES,
    maxEntries: o.maxEntries ?? MAX_WALKED_ENTRIES,
    maxDepth: o.maxDepth ?? MAX_FOLDER_DEPTH,
  };
}

const empty = <F>(): PickResult<F> => ({ files: [], skipped: 0, unreadable: 0, limits: { files: false, entries: false, depth: false } });

/**
 * The files of an `<input type="file">` (with or without webkitdirectory), filtered as a walk would be:
 * `pathOf` gives a file's path inside the chosen folder ("" or its name for a plain pick).
 */
export function pickFromList<F extends { name: string }>(list: Iterable<F>, pathOf: (f: F) => string, o: PickOptions = {}): PickResult<F> {
  const cfg = settings(o);
  const out = empty<F>();
  for (const file of list) {
    const name = pathOf(file) || file.name;
    const parts = name.split('/').filter((p) => p !== '');
    if (parts.some(isHiddenName) || !cfg.accept.has(extensionOf(file.name))) out.skipped++;
    else if (parts.length - 1 > cfg.maxDepth) out.limits.depth = true;
    else if (out.files.length >= cfg.maxFiles) {
      out.limits.files = true;
      break;
    } else out.files.push({ file, name });
  }
  return out;
}

/** Every entry of a directory: readEntries again and again until it gives an empty batch (or `budget` is spent). */
async function readAll<F>(reader: PickDirectoryReader<F>, budget: number): Promise<PickEntry<F>[]> {
  const all: PickEntry<F>[] = [];
  for (;;) {
    const batch = await new Promise<PickEntry<F>[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) return all;
    all.push(...batch);
    if (all.length > budget) return all;
  }
}

const fileOf = <F>(entry: PickEntry<F>): Promise<F> =>
  new Promise((resolve, reject) => {
    if (!entry.file) reject(new Error('not a file entry'));
    else entry.file(resolve, reject);
  });

const collator = new Intl.Collator('zh-CN', { numeric: true });

/**
 * Walks dropped entries depth-first (a folder's entries in name order, as `sfa merge` lists a folder): the
 * files the merge reads, each named by its path under what was dropped ("甲市/乙企业.xlsx").
 * `null` (an item that is not a file, e.g. dragged text) is passed over.
 */
export async function walkEntries<F>(roots: readonly (PickEntry<F> | null)[], o: PickOptions = {}): Promise<PickResult<F>> {
  const cfg = settings(o);
  const out = empty<F>();
  let seen = 0;
  const full = () => out.limits.files || out.limits.entries;

  const visit = async (entry: PickEntry<F>, depth: number): Promise<void> => {
    if (full()) return;
    if (++seen > cfg.maxEntries) {
      out.limits.entries = true;
      return;
    }
    if (isHiddenName(entry.name)) {
      out.skipped++;
      return;
    }
    if (entry.isDirectory) {
      if (depth >= cfg.maxDepth) {
        out.limits.depth = true;
        return;
      }
      let children: PickEntry<F>[];
      try {
        if (!entry.createReader) throw new Error('not a directory entry');
        children = await readAll(entry.createReader(), cfg.maxEntries - seen);
      } catch {
        out.unreadable++;
        return;
      }
      children.sort((a, b) => collator.compare(a.name, b.name));
      for (const child of children) await visit(child, depth + 1);
      return;
    }
    if (!entry.isFile || !cfg.accept.has(extensionOf(entry.name))) {
      out.skipped++;
      return;
    }
    if (out.files.length >= cfg.maxFiles) {
      out.limits.files = true;
      return;
    }
    try {
      out.files.push({ file: await fileOf(entry), name: entry.fullPath.replace(/^\/+/, '') || entry.name });
    } catch {
      out.unreadable++;
    }
  };

  for (const root of roots) if (root) await visit(root, 0);
  return out;
}

/**
 * A selection grown by another pick: files already chosen (same name, `sameAs`) are not added twice, and the
 * whole stays within `maxFiles` (`limited` when some were left out).
 */
export function addPicked<F>(
  chosen: readonly NamedFile<F>[],
  more: readonly NamedFile<F>[],
  keyOf: (f: NamedFile<F>) => string,
  maxFiles = MAX_PICKED_FILES,
): { files: NamedFile<F>[]; limited: boolean } {
  const keys = new Set(chosen.map(keyOf));
  const files = [...chosen];
  for (const f of more) {
    const key = keyOf(f);
    if (keys.has(key)) continue;
    if (files.length >= maxFiles) return { files, limited: true };
    keys.add(key);
    files.push(f);
  }
  return { files, limited: false };
}
