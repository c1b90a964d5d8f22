// What the parity checks compare, taken once from the engine's score() and once from a workbook's computed
// cells: composite, reference tier, scenario counts, 环节 coverage and met per tier, and the rows flagged invalid.
import { score, TIER_IDS, type Assessment, type Rubric, type TierId } from '../../src/domain';
import { NAMES } from '../../src/workbook/names';
import { cellForPath } from '../../src/workbook/paths';
import { parseCell } from '../../src/workbook/a1';
import type { WorkbookLayout } from '../../src/workbook/types';
import type { Computed, NamedBlock } from './named-values';

export interface Outcome {
  composite: number | null;
  tier: TierId | null;
  counts: Record<TierId, number>;
  coverage: Record<TierId, string[]>;
  met: Record<TierId, boolean>;
  /** "sheet!row" of every input row with an error (engine) or an invalid flag of 1 (workbook), sorted. */
  flagged: string[];
}

const FLAG_NAMES = [NAMES.profileFlags, NAMES.indicatorFlags, NAMES.scenarioFlags] as const;
/** The tick the coverage block shows for a covered 环节. */
const COVERED = '✓';

export function engineOutcome(rubric: Rubric, layout: WorkbookLayout, a: Assessment): Outcome {
  const r = score(rubric, a);
  const flagged = new Set<string>();
  for (const e of r.errors) {
    const at = cellForPath(layout, rubric, e.path);
    if (!at) throw new Error(`the workbook has no cell for the error path ${e.path}`);
    flagged.add(`${at.sheet}!${parseCell(at.cell).row}`);
  }
  return {
    composite: r.composite,
    tier: r.tier,
    counts: { ...r.scenarioCounts },
    coverage: { ...r.coverage },
    met: Object.fromEntries(TIER_IDS.map((t) => [t, r.tiers[t].met])) as Record<TierId, boolean>,
    flagged: [...flagged].sort(),
  };
}

const show = (v: Computed) => JSON.stringify(v);

function num(v: Computed, what: string): number {
  if (typeof v !== 'number') throw new Error(`${what}: expected a number, the workbook computed ${show(v)}`);
  return v;
}

/** Reads the outcome from a workbook's named result ranges; throws on a value of an unexpected kind. */
export function workbookOutcome(rubric: Rubric, named: (name: string) => NamedBlock): Outcome {
  const one = (name: string) => named(name).values[0]![0]!;
  const c = one(NAMES.composite);
  const composite = c === '' || c === null ? null : num(c, NAMES.composite);
  const t = one(NAMES.tier);
  const tierRule = rubric.tiers.find((x) => x.label.zh === t);
  if (t !== rubric.tierLabelNone.zh && !tierRule) throw new Error(`${NAMES.tier}: unknown tier ${show(t)}`);
  const counts = named(NAMES.counts).values;
  const coverage = named(NAMES.coverage).values;
  const met = named(NAMES.tierMet).values;
  const out: Outcome = {
    composite,
    tier: tierRule?.id ?? null,
    counts: {} as Outcome['counts'],
    coverage: {} as Outcome['coverage'],
    met: {} as Outcome['met'],
    flagged: [],
  };
  rubric.tiers.forEach((rule, i) => {
    out.counts[rule.id] = num(counts[i]![0]!, `${NAMES.counts}[${rule.id}]`);
    out.coverage[rule.id] = rubric.segments
      .filter((_, j) => {
        const v = coverage[i]![j]!;
        if (v !== COVERED && v !== '' && v !== null) throw new Error(`${NAMES.coverage}: unexpected ${show(v)}`);
        return v === COVERED;
      })
      .map((s) => s.id);
    const m = num(met[i]![0]!, `${NAMES.tierMet}[${rule.id}]`);
    if (m !== 0 && m !== 1) throw new Error(`${NAMES.tierMet}[${rule.id}]: ${m} is not 0 or 1`);
    out.met[rule.id] = m === 1;
  });
  const flagged: string[] = [];
  for (const name of FLAG_NAMES) {
    const b = named(name);
    b.values.forEach((row, i) => {
      const v = row[0]!;
      // Rows between sections (titles, blank lines) have no flag formula.
      if (v === null) return;
      if (v !== 0 && v !== 1) throw new Error(`${name} row ${b.row + i}: flag ${show(v)} is not 0 or 1`);
      if (v === 1) flagged.push(`${b.sheet}!${b.row + i}`);
    });
  }
  out.flagged = flagged.sort();
  return out;
}

/** Every way the workbook disagrees with the engine, in words ([] when they agree). */
export function differences(engine: Outcome, workbook: Outcome, tolerance: number): string[] {
  const d: string[] = [];
  const e = engine.composite;
  const w = workbook.composite;
  if ((e === null) !== (w === null) || (e !== null && w !== null && !(Math.abs(e - w) <= tolerance))) d.push(`composite: engine ${e}, workbook ${w}`);
  if (engine.tier !== workbook.tier) d.push(`tier: engine ${engine.tier}, workbook ${workbook.tier}`);
  for (const t of TIER_IDS) {
    if (engine.counts[t] !== workbook.counts[t]) d.push(`count ${t}: engine ${engine.counts[t]}, workbook ${workbook.counts[t]}`);
    if (engine.coverage[t].join() !== workbook.coverage[t].join())
      d.push(`coverage ${t}: engine [${engine.coverage[t].join()}], workbook [${workbook.coverage[t].join()}]`);
    if (engine.met[t] !== workbook.met[t]) d.push(`met ${t}: engine ${engine.met[t]}, workbook ${workbook.met[t]}`);
  }
  if (engine.flagged.join() !== workbook.flagged.join()) d.push(`invalid rows: engine [${engine.flagged.join(' ')}], workbook [${workbook.flagged.join(' ')}]`);
  return d;
}
