// When `sfa merge` holds the young generation (src/cli/merge-command.ts, YOUNG_GROWTH): from before the walk of
// the folders (listing 20,000 files grew it to 16 MB a semi-space before the first read, and it never shrinks),
// and V8's default given back once the merge is done, also when it fails. The same for how far the heap may grow
// (HEAP_GROWING_PERCENT), which must hold until the summary is in its file: it is written after the merge's
// callback returns. young-generation.test.ts asks Node that the flag does what we set it for; this asks our code
// when it sets it.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { advancedAssessment, validCreditCode } from '../fixtures/jiangsu';

const events: string[] = [];

jest.mock('node:v8', () => {
  const actual = jest.requireActual<typeof import('node:v8')>('node:v8');
  return {
    ...actual,
    setFlagsFromString: (flags: string) => {
      const m = /^--semi-space-growth-factor=(\d+)$/.exec(flags);
      if (m) events.push(`factor ${m[1]}`);
      const h = /^--heap-growing-percent=(\d+)$/.exec(flags);
      if (h) events.push(`heap ${h[1]}`);
      actual.setFlagsFromString(flags);
    },
  };
});

jest.mock('../../src/cli/collect-inputs', () => {
  const actual = jest.requireActual<typeof import('../../src/cli/collect-inputs')>('../../src/cli/collect-inputs');
  return {
    ...actual,
    collectInputs: (...args: Parameters<typeof actual.collectInputs>) => {
      events.push('walk');
      return actual.collectInputs(...args);
    },
  };
});

jest.mock('../../src/cli/write-file', () => {
  const actual = jest.requireActual<typeof import('../../src/cli/write-file')>('../../src/cli/write-file');
  return {
    ...actual,
    writeFileAtomic: async (...args: Parameters<typeof actual.writeFileAtomic>) => {
      await actual.writeFileAtomic(...args);
      events.push('written');
    },
  };
});

// Imported after the mocks are declared (jest hoists jest.mock above imports anyway).
import { HEAP_GROWING_PERCENT, mergeCommand, YOUNG_GROWTH } from '../../src/cli/merge-command';
import type { CliIO } from '../../src/cli/io';

const io = (cwd: string): CliIO => ({ cwd, out: () => {}, err: () => {}, platform: process.platform });

function folderOfOne(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sfa-young-'));
  const a = advancedAssessment();
  a.profile = { ...a.profile, enterpriseName: '甲企业', creditCode: validCreditCode('91320500MA1AAAAA0') };
  writeFileSync(join(dir, '甲.json'), JSON.stringify({ rubric: 'jiangsu-2025', ...a }));
  return dir;
}

beforeEach(() => {
  events.length = 0;
});

test('the young generation is held from before the walk, and V8 has its default back when the merge is done', async () => {
  const dir = folderOfOne();
  const code = await mergeCommand([dir], { output: join(dir, '汇总.xlsx'), lang: 'zh' }, io(dir));
  expect(code).toBe(0);
  expect(events[0]).toBe(`factor ${YOUNG_GROWTH.merging}`);
  expect(events.indexOf('walk')).toBeGreaterThan(0);
  expect(events.filter((e) => e.startsWith('factor ')).pop()).toBe(`factor ${YOUNG_GROWTH.v8Default}`);
  expect(events.lastIndexOf(`factor ${YOUNG_GROWTH.v8Default}`)).toBeGreaterThan(events.indexOf('written'));
});

test('the heap is held close to what it keeps until the summary is written, and V8 has its default back after', async () => {
  const dir = folderOfOne();
  expect(await mergeCommand([dir], { output: join(dir, '汇总.xlsx'), lang: 'zh' }, io(dir))).toBe(0);
  const heap = (before: number) =>
    events
      .slice(0, before)
      .filter((e) => e.startsWith('heap '))
      .pop();
  expect(heap(events.indexOf('walk'))).toBe(`heap ${HEAP_GROWING_PERCENT.reading}`);
  // While the summary is made and written: the writing hold, not V8's default (0).
  expect(heap(events.indexOf('written'))).toBe(`heap ${HEAP_GROWING_PERCENT.writing}`);
  expect(heap(events.length)).toBe('heap 0');
  expect(events.lastIndexOf('heap 0')).toBeGreaterThan(events.indexOf('written'));
});

test('a merge that fails still gives V8 its default back', async () => {
  const dir = folderOfOne();
  // An output that is not .xlsx is refused after the walk.
  await expect(mergeCommand([dir], { output: join(dir, '汇总.txt'), lang: 'zh' }, io(dir))).rejects.toThrow();
  expect(events[0]).toBe(`factor ${YOUNG_GROWTH.merging}`);
  expect(events.filter((e) => e.startsWith('factor ')).pop()).toBe(`factor ${YOUNG_GROWTH.v8Default}`);
  expect(events.filter((e) => e.startsWith('heap ')).pop()).toBe('heap 0');
});
