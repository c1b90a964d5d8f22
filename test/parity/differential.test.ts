// The differential suite: ≥ 300 generated assessments (random ones from the parity generator — thresholds
// exact and ±0.01, band and sub-band edges, 不涉及, missing inputs, every tier, every error kind — plus the named
// cases), each written as `sfa template --from` writes it, recalculated by LibreOffice headless in ONE soffice
// call, and compared field by field with the engine: composite, tier, each tier's met, scenario counts, 环节
// coverage, invalid rows, size class and 备注. Zero differences is the bar; the counts are printed.
import fc from 'fast-check';
import { writeWorkbook } from '../../src/adapters/xlsx/write';
import { buildLayout } from '../../src/workbook/layout';
import { inputsOfLayout, withoutApplication } from '../fixtures/without-application';
import { inputsFromAssessment } from '../../src/workbook/inputs';
import { workbookLabels } from '../../src/workbook/labels';
import { NAMES } from '../../src/workbook/names';
import { evaluate, score, summaryRemark, type Assessment } from '../../src/domain';
import { J } from '../fixtures/jiangsu';
import { assessmentArb } from './arbitraries';
import { CASES } from './cases';
import { ComputedWorkbook, findSoffice, recalculate } from './libreoffice';
import { readNamed } from './named-values';
import { differences, engineOutcome, workbookOutcome } from './outcome';

const soffice = findSoffice();
const ci = (process.env.CI ?? '') !== '' && process.env.CI !== 'false';
const GENERATED = Number(process.env.DIFFERENTIAL_RUNS ?? 300);
// Scoring parity: written as sfa template writes them, less the 申报书 sheets (layout 2), which do not feed any
// scoring formula and have suites of their own; with them each file costs LibreOffice several times as long.
const layout = withoutApplication(buildLayout(J));
const L = workbookLabels('zh');

const assessments: Assessment[] = [...fc.sample(assessmentArb, { numRuns: GENERATED, seed: 20261201 }), ...CASES.map((c) => c.assessment)];
const fileOf = (i: number) => `d-${String(i).padStart(4, '0')}.xlsx`;

/** The kind of reason a 备注 gives when 先进级 is not met (the workbook's wording is shorter than the engine's). */
const REMARK_KINDS: [string, string][] = [
  [L.remarkErrors, 'errors'],
  [L.remarkIncomplete, 'incomplete'],
  [L.remarkComposite2, 'composite'],
  [L.remarkCount, 'scenarios'],
  [L.remarkSegment, 'segment'],
  [L.remarkMaturity, 'maturity'],
  [L.remarkDeclarations, 'declaration'],
];

/** Every difference between the engine and LibreOffice's computation of the workbook, in words. */
function compare(a: Assessment, wb: ComputedWorkbook): string[] {
  const named = (n: string) => readNamed(layout, n, (s, c, r) => wb.at(s, c, r));
  const d = differences(engineOutcome(J, layout, a), workbookOutcome(J, named), 1e-9);
  const report = score(J, a);
  const size = named(NAMES.size).values[0]![0];
  if ((report.enterpriseSize ?? '') !== (size ?? '')) d.push(`size: engine ${report.enterpriseSize}, workbook ${JSON.stringify(size)}`);
  const said = String(named(NAMES.summaryRows).values[0]![8] ?? '');
  const recognition = J.recognitions?.find((r) => r.id === a.profile?.recognition);
  if (report.tiers.advanced.met || report.tiers.excellent.met || report.tiers.leading.met || recognition?.effect === 'recognised') {
    const mine = summaryRemark(J, report, 'zh', a.profile?.recognition);
    if (said !== mine) d.push(`备注: engine ${mine}, workbook ${said}`);
  } else {
    // Straight to expert review: the class in front, then the reason (the workbook's wording is shorter).
    const front = recognition?.effect === 'expertReview' && recognition.remark ? `${recognition.remark.zh}；` : '';
    if (!said.startsWith(front)) d.push(`备注: engine starts ${front}, workbook ${said}`);
    const remark = said.slice(front.length);
    const first = evaluate(J, a).tiers.advanced.unmet[0]?.kind;
    const kind = REMARK_KINDS.find(([prefix]) => remark.startsWith(prefix))?.[1];
    if (kind !== first) d.push(`备注 reason: engine ${first}, workbook ${JSON.stringify(remark)}`);
  }
  return d;
}

(soffice || ci ? describe : describe.skip)('differential: engine vs the workbook recalculated by LibreOffice', () => {
  const computed: ComputedWorkbook[] = [];
  let seconds = 0;

  beforeAll(async () => {
    if (!soffice) throw new Error('soffice is missing under CI: scripts/setup-system.sh must install libreoffice-calc-nogui');
    const t0 = Date.now();
    const files = await Promise.all(
      assessments.map(async (a, i) => ({ name: fileOf(i), data: await writeWorkbook(layout, inputsOfLayout(layout, inputsFromAssessment(J, a))) })),
    );
    const out = await recalculate(files, soffice);
    for (const [i] of assessments.entries()) computed.push(await ComputedWorkbook.read(out.get(fileOf(i))!));
    seconds = (Date.now() - t0) / 1000;
  }, 1_200_000);

  it(`agrees field by field on ${GENERATED} generated assessments and the ${CASES.length} named cases`, () => {
    const found: string[] = [];
    const seen = { tiers: new Map<string, number>(), errors: 0, incomplete: 0, na: 0, onThreshold: 0 };
    assessments.forEach((a, i) => {
      const r = score(J, a);
      seen.tiers.set(String(r.tier), (seen.tiers.get(String(r.tier)) ?? 0) + 1);
      if (r.errors.length) seen.errors++;
      if (!r.complete) seen.incomplete++;
      if (Object.values(a.indicators ?? {}).some((x) => (x as { level?: unknown }).level === 'na')) seen.na++;
      if (r.composite !== null && [60, 70, 80, 90].includes(r.composite)) seen.onThreshold++;
      for (const d of compare(a, computed[i]!)) found.push(`#${i}: ${d}`);
    });
    console.log(
      `differential: ${assessments.length} assessments (${GENERATED} generated, ${CASES.length} named) in one soffice call, ${seconds.toFixed(1)} s; ` +
        `tiers ${JSON.stringify(Object.fromEntries(seen.tiers))}, with errors ${seen.errors}, incomplete ${seen.incomplete}, 不涉及 ${seen.na}, ` +
        `composite exactly on a threshold ${seen.onThreshold}; differences: ${found.length}`,
    );
    expect(found).toEqual([]);
    expect(assessments.length).toBeGreaterThanOrEqual(300);
    expect([...seen.tiers.keys()].sort()).toEqual(['advanced', 'basic', 'excellent', 'leading', 'null']);
    for (const k of ['errors', 'incomplete', 'na', 'onThreshold'] as const) expect(seen[k]).toBeGreaterThan(0);
  });
});
