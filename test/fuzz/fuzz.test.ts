// Issue 14's fuzz run, in `npm test`: a few hundred seeded mutations of valid workbooks through the reader,
// judged by the oracle in ./fuzz.ts, figures printed. Every count must be 0.
import { fuzzCases, runFuzz, type FuzzFigures } from '../corpus/fuzz';

const SEED = 14;

describe('fuzz run (issue 14)', () => {
  let figures: FuzzFigures;
  beforeAll(async () => {
    const cases = await fuzzCases(SEED, 260, 120, 40);
    figures = await runFuzz(cases);
    const k = figures.byKind;
    process.stdout.write(
      `fuzz (seed ${SEED}): ${figures.cases} cases (value ${k.value}, byte-flip ${k['byte-flip']}, truncate ${k.truncate}, zip ${k.zip}, xml ${k.xml}) in ${figures.seconds.toFixed(1)} s — ` +
        `crashes ${figures.crashes}, hangs ${figures.hangs}, RSS growth above 500 MB ${figures.rssOver500} (peak growth ${figures.peakRssMb.toFixed(0)} MB), silently wrong ${figures.wrong}\n`,
    );
    for (const x of figures.failures.slice(0, 40)) process.stdout.write(`  ${x.verdict} [${x.kind}] ${x.label}: ${x.detail ?? ''}\n`);
  }, 600_000);

  it('crashes 0', () => expect(figures.failures.filter((f) => f.verdict === 'crash')).toEqual([]));
  it('hangs 0', () => expect(figures.hangs).toBe(0));
  it('silently wrong 0', () => expect(figures.failures.filter((f) => f.verdict === 'wrong')).toEqual([]));
  it('RSS above 500 MB 0', () => expect(figures.rssOver500).toBe(0));
});
