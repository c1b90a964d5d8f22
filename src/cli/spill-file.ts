// Records kept on disk while a merge runs, read back one at a time by their number: `sfa merge` keeps each file's
// digest here from when it is read until the summary and the report are written, so that a province round holds
// their offsets (8 bytes a file), not 20,000 digests (~1 KB each on the heap; README, Memory). The folder is the
// user's temporary one (TMPDIR), private to the user (mkdtemp makes it 0700), and removed when the merge ends.
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A record that cannot be written or read back (a full disk, the folder removed meanwhile): names the file. */
export class SpillError extends Error {
  constructor(
    readonly path: string,
    readonly error: unknown,
  ) {
    super(`${path}: ${(error as Error)?.message ?? String(error)}`);
  }
}

export class SpillFile<T> {
  readonly path: string;
  private readonly dir: string;
  private fd: number | undefined;
  /** Where record i starts; ends[i] where it ends (the next one starts). */
  private ends = new Float64Array(1024);
  private count = 0;
  private buf = Buffer.alloc(16 * 1024);

  constructor(parent: string = tmpdir()) {
    try {
      this.dir = mkdtempSync(join(parent, 'sfa-spill-'));
    } catch (e) {
      throw new SpillError(parent, e);
    }
    this.path = join(this.dir, 'records.jsonl');
    try {
      this.fd = openSync(this.path, 'wx+', 0o600);
    } catch (e) {
      rmSync(this.dir, { recursive: true, force: true });
      throw new SpillError(this.path, e);
    }
  }

  get length(): number {
    return this.count;
  }

  /** Keeps `record` (JSON: what it holds must be plain data, its numbers finite) and gives its number. */
  put(record: T): number {
    const bytes = Buffer.from(`${JSON.stringify(record)}\n`, 'utf8');
    const start = this.startOf(this.count);
    try {
      for (let done = 0; done < bytes.length;) done += writeSync(this.fd!, bytes, done, bytes.length - done, start + done);
    } catch (e) {
      throw new SpillError(this.path, e);
    }
    if (this.count === this.ends.length) {
      const grown = new Float64Array(this.ends.length * 2);
      grown.set(this.ends);
      this.ends = grown;
    }
    this.ends[this.count] = start + bytes.length;
    return this.count++;
  }

  /** Record `i` as it was kept (a new copy each time). */
  get(i: number): T {
    if (!(i >= 0 && i < this.count)) throw new RangeError(`${this.path}: no record ${i} of ${this.count}`);
    const start = this.startOf(i);
    const length = this.ends[i]! - start;
    if (this.buf.length < length) this.buf = Buffer.alloc(Math.max(length, this.buf.length * 2));
    try {
      for (let done = 0; done < length;) {
        const n = readSync(this.fd!, this.buf, done, length - done, start + done);
        if (n === 0) throw new Error(`ended ${length - done} bytes early`);
        done += n;
      }
    } catch (e) {
      throw new SpillError(this.path, e);
    }
    return JSON.parse(this.buf.toString('utf8', 0, length)) as T;
  }

  /** Closes and removes the file and its folder; safe to call twice. */
  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    rmSync(this.dir, { recursive: true, force: true });
  }

  private startOf(i: number): number {
    return i === 0 ? 0 : this.ends[i - 1]!;
  }
}
