// The reader's table of where each layout version puts the names it reads: a frozen table must keep matching
// buildLayout while its version is current (moving a name needs a version bump), and the merged summary's
// names must be where buildMergedWorkbook writes them.
import { ASSESSMENT_READ_NAMES, expectedNames, FROZEN_LAYOUT_NAMES } from '../../../src/adapters/xlsx/layout-names';
import { MERGED_NAMES } from '../../../src/adapters/xlsx/merged-names';
import { builtNames } from '../../../src/adapters/xlsx/built-names';
import { ASSESSMENT_INPUT_NAMES, INPUT_NAMES, NAMES } from '../../../src/workbook/names';
import { mergeSummary } from '../../../src/domain';
import { getRubric, RUBRIC_IDS } from '../../../src/domain/rubrics';
import { LAYOUT_VERSION } from '../../../src/workbook/layout';
import { buildMergedWorkbook } from '../../../src/workbook/merged-summary';
import { advancedAssessment, J } from '../../fixtures/jiangsu';

describe('layout names per version', () => {
  // Files of every version are in the wild: a table once released never changes. A layout that puts a checked
  // name elsewhere (or adds one to ASSESSMENT_INPUT_NAMES) fails here until LAYOUT_VERSION is bumped and the
  // new version's table written beside the old ones.
  it.each(RUBRIC_IDS)('the current version (%s) has a frozen table, and buildLayout puts every checked name where it says', async (id) => {
    const rubric = getRubric(id)!;
    const frozen = FROZEN_LAYOUT_NAMES[LAYOUT_VERSION]?.[id];
    expect(frozen).toBeDefined();
    expect(Object.keys(frozen!).sort()).toEqual([...ASSESSMENT_READ_NAMES].sort());
    const built = builtNames(rubric);
    for (const [name, ref] of Object.entries(frozen!)) expect([name, built.get(name)]).toEqual([name, ref]);
    expect(await expectedNames(LAYOUT_VERSION, rubric)).toEqual(new Map(Object.entries(frozen!)));
  });

  it('the checked names are the workbook’s assessment inputs, its identity and its cached results', () => {
    expect(ASSESSMENT_READ_NAMES).toEqual(
      expect.arrayContaining([...ASSESSMENT_INPUT_NAMES, NAMES.rubricId, NAMES.layoutVersion, NAMES.composite, NAMES.tier]),
    );
    for (const n of ASSESSMENT_INPUT_NAMES) expect(INPUT_NAMES).toContain(n);
  });

  it('a frozen table exists for every version up to the current one, each naming only checked names', async () => {
    for (let v = 1; v <= LAYOUT_VERSION; v++) {
      expect(Object.keys(FROZEN_LAYOUT_NAMES[v] ?? {})).toEqual(expect.arrayContaining(['jiangsu-2025']));
      for (const table of Object.values(FROZEN_LAYOUT_NAMES[v]!)) for (const n of Object.keys(table)) expect(ASSESSMENT_READ_NAMES).toContain(n);
    }
    expect(await expectedNames(LAYOUT_VERSION + 1, getRubric()!)).toBeUndefined();
  });

  it('a rubric without a table (one not shipped yet) is checked against buildLayout for the current version only', async () => {
    const other = { ...getRubric()!, id: 'not-frozen' };
    expect(await expectedNames(LAYOUT_VERSION, other)).toEqual(builtNames(other));
    expect(await expectedNames(1, other)).toBeUndefined();
  });

  it('the merged summary’s names are where buildMergedWorkbook writes them', () => {
    const inputs = [1, 2, 3].map((i) => ({
      file: `${i}.json`,
      modified: i,
      rubric: J,
      assessment: { ...advancedAssessment(), profile: { ...advancedAssessment().profile, enterpriseName: `企业${i}` } },
    }));
    const { names } = buildMergedWorkbook(J, mergeSummary([], inputs), { unit: '', contact: '', phone: '' }, 'zh');
    const ref = (n: string) => names.find((x) => x.name === n)?.ref;
    for (const [name, want] of Object.entries(MERGED_NAMES.fixed)) expect([name, ref(name)]).toEqual([name, want]);
    const last = 3 + inputs.length;
    expect(ref(MERGED_NAMES.table.name)).toBe(`'${MERGED_NAMES.table.sheet}'!$A$${MERGED_NAMES.table.r1}:$O$${last}`);
    expect(ref(MERGED_NAMES.order.name)).toBe(`'${MERGED_NAMES.order.sheet}'!$Q$${MERGED_NAMES.order.r1}:$Q$${last}`);
  });
});
