// Parity, in process: the workbook's own formulas, evaluated by HyperFormula, compute what score() computes —
// composite, reference tier, scenario counts, 环节 coverage and met per tier, and which input rows are invalid.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { score, type Assessment, type TierId } from '../../src/domain';
import { buildLayout } from '../../src/workbook/layout';
import { inputsFromAssessment } from '../../src/workbook/inputs';
import { NAMES } from '../../src/workbook/names';
import { advancedAssessment, J } from '../fixtures/jiangsu';
import { assessmentArb } from './arbitraries';
import { HyperFormulaWorkbook } from './hyperformula-workbook';
import { CASES } from './cases';
import { differences, engineOutcome, workbookOutcome } from './outcome';

/** PARITY_RUNS=5000 searches deeper (about a minute). */
const RUNS = Number(process.env.PARITY_RUNS ?? 400);
const layout = buildLayout(J);
const wb = new HyperFormulaWorkbook(layout);
afterAll(() => wb.destroy());

/** The workbook's disagreements with the engine for one assessment ([] when none). */
function compare(a: Assessment): string[] {
  wb.fill(inputsFromAssessment(J, a));
  return differences(
    engineOutcome(J, layout, a),
    workbookOutcome(J, (n) => wb.named(n)),
    1e-9,
  );
}

describe('HyperFormula parity with score()', () => {
  it('agrees on a known assessment (and the harness reads real values)', () => {
    const a = advancedAssessment();
    expect(compare(a)).toEqual([]);
    expect(wb.named(NAMES.composite).values[0]![0]).toBe(75);
    expect(wb.named(NAMES.tier).values[0]![0]).toBe('先进级');
  });

  it('sees a disagreement when there is one (the comparison can fail)', () => {
    const a = advancedAssessment();
    wb.fill(inputsFromAssessment(J, a));
    const wrong = engineOutcome(J, layout, { ...a, maturityLevel: 1 });
    const found = differences(
      wrong,
      workbookOutcome(J, (n) => wb.named(n)),
      1e-9,
    );
    expect(found).toEqual(expect.arrayContaining(['tier: engine null, workbook advanced']));
  });

  it(`agrees on ${RUNS} generated assessments, and those reach every case the property is about`, () => {
    const seen = { tiers: new Map<TierId | null, number>(), outOfBand: 0, naNotAllowed: 0, unavailable: 0, incomplete: 0, nullComposite: 0, onThreshold: 0 };
    fc.assert(
      fc.property(assessmentArb, (a) => {
        const r = score(J, a);
        seen.tiers.set(r.tier, (seen.tiers.get(r.tier) ?? 0) + 1);
        const codes = new Set(r.errors.map((e) => e.code));
        if (codes.has('score-out-of-band')) seen.outOfBand++;
        if (codes.has('na-not-allowed')) seen.naNotAllowed++;
        if (codes.has('tier-unavailable')) seen.unavailable++;
        if (!r.complete) seen.incomplete++;
        if (r.composite === null) seen.nullComposite++;
        if (r.composite !== null && [60, 70, 80, 90].includes(r.composite)) seen.onThreshold++;
        const diff = compare(a);
        if (diff.length) throw new Error(`${diff.join('\n')}\n${JSON.stringify(a)}`);
      }),
      { numRuns: RUNS },
    );
    expect([...seen.tiers.keys()].sort()).toEqual(['advanced', 'basic', 'excellent', 'leading', null].sort());
    for (const k of ['outOfBand', 'naNotAllowed', 'unavailable', 'incomplete', 'nullComposite', 'onThreshold'] as const) expect(seen[k]).toBeGreaterThan(0);
  }, 600_000);
});

describe('HyperFormula parity on the named cases of the LibreOffice check', () => {
  it.each(CASES.map((c) => [c.name, c.assessment] as const))('%s', (_name, a) => {
    expect(compare(a)).toEqual([]);
  });
});

describe('HyperFormula stays a test-only dependency', () => {
  // It is GPL-3.0: only the development preview host (src/preview) and tests may use it.
  it('is imported by nothing under src/ that ships (all but src/preview)', () => {
    const offenders: string[] = [];
    const src = join(__dirname, '../../src');
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const p = join(dir, e.name);
        if (e.isDirectory()) {
          if (p !== join(src, 'preview')) walk(p);
        } else if (/\.(ts|tsx|js)$/.test(e.name) && /['"]hyperformula['"/]/.test(readFileSync(p, 'utf8'))) offenders.push(p);
      }
    };
    walk(src);
    expect(offenders).toEqual([]);
  });
});
