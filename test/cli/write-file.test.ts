// The atomic write every output goes through (src/cli/write-file.ts), with output made straight into the file as
// `sfa merge` makes its summary: the file appears whole or not at all, and a failure says whose it was (the file
// system's, worded as a write error by the guard, or the producer's own, passed on unchanged).
import * as fs from 'node:fs';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ProducerError, writeFileAtomic } from '../../src/cli/write-file';

jest.mock('node:fs', () => {
  const actual = jest.requireActual<typeof fs>('node:fs');
  return { ...actual, writeSync: jest.fn(actual.writeSync) };
});
const writeSync = fs.writeSync as jest.MockedFunction<typeof fs.writeSync>;

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'sfa-write-file-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

it('writes what the producer gives, in order, and only then replaces the file that was there', async () => {
  const out = join(dir, '汇总.xlsx');
  writeFileSync(out, 'the earlier summary');
  await writeFileAtomic(out, async (sink) => {
    sink(Buffer.from('PK'));
    await new Promise((r) => setTimeout(r, 5));
    expect(readFileSync(out, 'utf8')).toBe('the earlier summary'); // not replaced half-way
    for (let i = 0; i < 100; i++) sink(Buffer.from(`piece ${i};`));
  });
  expect(readFileSync(out, 'utf8')).toBe(`PK${Array.from({ length: 100 }, (_, i) => `piece ${i};`).join('')}`);
  expect(readdirSync(dir)).toEqual(['汇总.xlsx']);
});

it('a producer that fails: its own error, unchanged, and the file as it was, no temporary left', async () => {
  const out = join(dir, '汇总.xlsx');
  writeFileSync(out, 'the earlier summary');
  const own = new RangeError('a table too long');
  const e = await writeFileAtomic(out, async (sink) => {
    sink(Buffer.from('PK'));
    throw own;
  }).catch((x: unknown) => x);
  expect(e).toBeInstanceOf(ProducerError);
  expect((e as ProducerError).cause).toBe(own);
  expect(readFileSync(out, 'utf8')).toBe('the earlier summary');
  expect(readdirSync(dir)).toEqual(['汇总.xlsx']);
});

it("a write that fails (a full disk): the file system's error, for the guard to word, and nothing left behind", async () => {
  const out = join(dir, '新.xlsx');
  const full = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
  writeSync.mockImplementationOnce(() => {
    throw full;
  });
  const e = await writeFileAtomic(out, async (sink) => {
    // A producer that catches and goes on is still a failed write.
    try {
      sink(Buffer.from('PK'));
    } catch {
      /* ignored by a careless producer */
    }
    sink(Buffer.from('more'));
  }).catch((x: unknown) => x);
  // The write failed first: that error is what is reported, not the producer's.
  expect(e).toBe(full);
  expect(existsSync(out)).toBe(false);
  expect(readdirSync(dir)).toEqual([]);
});
