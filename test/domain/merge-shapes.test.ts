// A province round holds one row, one facts record and one 审核 row per enterprise: they must share a few hidden
// classes, not have one each (src/domain/merge/copy.ts says why; a heap snapshot of a 5,000-file merge held
// 18,900 maps before). V8's own answer is asked through its natives syntax, enabled for this file only.
import v8 from 'v8';
import { bureauMerge, digested, type MergeInput, type MergeOptions } from '../../src/domain';
import { J } from '../fixtures/jiangsu';
import { basicTier, enterprise } from '../fixtures/enterprise-workbooks';

v8.setFlagsFromString('--allow-natives-syntax');
const haveSameMap = new Function('a', 'b', 'return %HaveSameMap(a, b)') as (a: object, b: object) => boolean;

/** How many hidden classes the objects have between them. */
function shapes(objects: readonly object[]): number {
  const seen: object[] = [];
  for (const o of objects) if (!seen.some((s) => haveSameMap(s, o))) seen.push(o);
  return seen.length;
}

const N = 400;
/** Enterprises whose optional fields come and go: credit code, fill date, address (district), size, 认定类别. */
function batch(): MergeInput[] {
  return Array.from({ length: N }, (_, i) => {
    const a = enterprise(`企业${i}`, `91320500MA1${String(i).padStart(5, '0')}0`, 61 + (i % 35), (x) => {
      const p = x.profile!;
      if (i % 3 === 0) delete p.creditCode;
      if (i % 4 === 0) delete p.fillDate;
      if (i % 5 === 0) p.address = `江苏省苏州市昆山市玉山镇某路${i}号`;
      if (i % 7 === 0) delete p.employees;
      if (i % 11 === 0) p.recognition = J.recognitions!.find((r) => r.effect !== 'none')!.id;
      if (i % 2 === 0) basicTier(x);
      // Keys in varied orders, as files of different tools give them.
      if (i % 6 === 1) x.profile = Object.fromEntries(Object.entries(p).reverse());
    });
    return { file: `f${i}.xlsx`, modified: Date.UTC(2025, 5, 1) + i, rubric: J, assessment: a };
  });
}

describe('the rows of a merge share hidden classes', () => {
  const options: MergeOptions = { today: '2025-06-30' };
  // What a merge holds of each file while it reads the rest (a province round: 20,000 of them).
  const lean = batch().map((x) => digested(x, options));
  const first = bureauMerge(J, [], lean, options);
  // The second round merges new files into the first's rows, as --into does.
  const again = bureauMerge(
    J,
    first.rows,
    batch().map((x) => digested({ ...x, file: `g${x.file}` }, options)),
    options,
  );

  it('holds every enterprise', () => {
    expect(first.rows).toHaveLength(N);
    expect(again.rows).toHaveLength(N);
  });

  it('digested inputs: a handful of shapes, and no assessment', () => {
    // An object rest and spread gave each one a hidden class of its own (N of them).
    expect(shapes(lean)).toBeLessThanOrEqual(4);
    expect(shapes(lean.map((x) => x.digest!))).toBeLessThanOrEqual(4);
    expect(lean.every((x) => x.assessment === undefined && x.digest !== undefined)).toBe(true);
  });

  it('files without problems, flags or replacements share one frozen empty list, not one each', () => {
    const clean = lean.filter((x) => x.digest!.errors.length === 0 && x.digest!.warnings.length === 0);
    expect(clean.length).toBeGreaterThan(1);
    const lists = new Set(clean.flatMap((x) => [x.digest!.errors, x.digest!.warnings, x.digest!.cachedFlags]));
    expect(lists.size).toBe(1);
    expect(Object.isFrozen([...lists][0])).toBe(true);
    const replacedNone = new Set(first.report.files.filter((f) => f.replaced.length === 0).map((f) => f.replaced));
    expect(replacedNone.size).toBe(1);
  });

  it.each([
    ['summary rows', (r: typeof first) => r.rows],
    ['facts', (r: typeof first) => r.rows.map((x) => x.facts!)],
    ['审核 rows', (r: typeof first) => r.review],
    ['file outcomes', (r: typeof first) => r.report.files],
    ['earlier rows’ outcomes', (r: typeof first) => r.report.existing],
  ])('%s: a handful of shapes, not one per enterprise', (_, pick) => {
    // Optional fields present or not give a few transitions each (4 rows, 8 facts today); before, ~N.
    expect(shapes(pick(first))).toBeLessThanOrEqual(16);
    expect(shapes(pick(again))).toBeLessThanOrEqual(16);
  });
});
