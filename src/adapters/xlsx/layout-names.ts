// Where each layout version puts the defined names the reader uses, so a file whose names were pointed
// elsewhere (at hidden cells holding a better score, say) is refused instead of read. Every version of the
// shipped rubric is frozen here as data, the current one included: test/adapters/xlsx/layout-names.test.ts
// fails when buildLayout puts a name anywhere else than the current version's table says (a layout that
// moves, adds or drops a name needs LAYOUT_VERSION bumped and a table for the new version). A rubric with no
// table (one not shipped yet) is checked against buildLayout for the current version (./built-names.ts, loaded
// only then: reading a shipped rubric's workbook does not load the layout builders). A merged summary's names
// are in ./merged-names.ts.
import type { Rubric } from '../../domain/rubric/schema';
import { LAYOUT_VERSION } from '../../workbook/version';
import { ASSESSMENT_INPUT_NAMES, NAMES } from '../../workbook/names';
import { range } from '../../workbook/a1';
import { parseArea, type Area } from './parts';

/** The names checked: identity, the assessment's inputs (the workbook's own list) and the cached results read for the tamper flag. */
export const ASSESSMENT_READ_NAMES: readonly string[] = [
  NAMES.rubricId,
  NAMES.layoutVersion,
  ...ASSESSMENT_INPUT_NAMES,
  NAMES.composite,
  NAMES.tier,
  NAMES.errors,
];

/** name → reference; a name a version did not have yet is absent (its files are read without it). */
type NameTable = Readonly<Record<string, string>>;

const LAYOUT_1: NameTable = {
  SFA_RUBRIC_ID: "'规则'!$B$1",
  SFA_LAYOUT_VERSION: "'规则'!$B$2",
  SFA_PROFILE: "'企业信息'!$B$3:$B$17",
  SFA_DECLARATIONS: "'企业信息'!$B$21:$B$24",
  SFA_MATURITY: "'企业信息'!$B$27",
  SFA_IND_LEVEL: "'数字化转型自评'!$E$3:$E$12",
  SFA_IND_FIT: "'数字化转型自评'!$F$3:$F$12",
  SFA_IND_SCORE: "'数字化转型自评'!$G$3:$G$12",
  SFA_IND_AMOUNTS: "'数字化转型自评'!$G$14:$G$15",
  SFA_SCENARIO_TIER: "'场景自评'!$E$3:$E$42",
  SFA_COMPOSITE: "'评估结果'!$B$3",
  SFA_TIER: "'评估结果'!$B$4",
  SFA_ERRORS: "'评估结果'!$B$6",
};

/** Frozen tables: layout version → rubric id → name → reference. */
export const FROZEN_LAYOUT_NAMES: Readonly<Record<number, Readonly<Record<string, NameTable>>>> = {
  1: { 'jiangsu-2025': LAYOUT_1 },
  // Layout 2 added the 申报书 sheets after every layout-1 sheet: no checked name moved.
  2: { 'jiangsu-2025': LAYOUT_1 },
  // Layout 3 added 企业信息's 直接认定类别 below every earlier input: layouts 1 and 2 do not have it.
  3: { 'jiangsu-2025': { ...LAYOUT_1, SFA_RECOGNITION: "'企业信息'!$B$30" } },
};

/** Where `version` of `rubric`'s layout puts each name the reader checks, or undefined for a version we never made. */
export async function expectedNames(version: number, rubric: Rubric): Promise<Map<string, string> | undefined> {
  const frozen = FROZEN_LAYOUT_NAMES[version]?.[rubric.id];
  if (frozen) return new Map(Object.entries(frozen));
  if (version !== LAYOUT_VERSION) return undefined;
  return (await import('./built-names')).builtNames(rubric);
}

export const sameArea = (a: Area, b: Area) => a.sheet === b.sheet && a.c1 === b.c1 && a.r1 === b.r1 && a.c2 === b.c2 && a.r2 === b.r2;

/** An area as people read it: 企业信息!B3:B17. */
export function showArea(a: Area): string {
  return `${a.sheet}!${range(a.c1, a.r1, a.c2, a.r2)}`;
}

/** A reference of the layout as an Area (the layout writes only single areas). */
export function layoutArea(ref: string): Area {
  const a = parseArea(ref);
  if (!a) throw new Error(`the layout wrote a reference the reader cannot parse: ${ref}`);
  return a;
}
