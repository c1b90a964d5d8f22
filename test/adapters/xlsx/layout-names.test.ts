// The reader's table of where each layout version puts the names it reads: a frozen table must keep matching
// buildLayout while its version is current (moving a name needs a version bump), and the merged summary's
// names must be where buildMergedWorkbook writes them.
import { ASSESSMENT_READ_NAMES, expectedNames, FROZEN_LAYOUT_NAMES, MERGED_NAMES } from '../../../src/adapters/xlsx/layout-names';
import { mergeSummary } from '../../../src/domain';
import { getRubric, RUBRIC_IDS } from '../../../src/domain/rubrics';
import { buildLayout, LAYOUT_VERSION } from '../../../src/workbook/layout';
import { buildMergedWorkbook } from '../../../src/workbook/merged-summary';
import { advancedAssessment, J } from '../../fixtures/jiangsu';

describe('layout names per version', () => {
  it.each(RUBRIC_IDS)('the current version (%s) puts every name the reader uses where buildLayout writes it', (id) => {
    const rubric = getRubric(id)!;
    const built = new Map(buildLayout(rubric).names.map((n) => [n.name, n.ref]));
    const expected = expectedNames(LAYOUT_VERSION, rubric)!;
    expect([...expected.keys()].sort()).toEqual([...ASSESSMENT_READ_NAMES].sort());
    for (const [name, ref] of expected) expect([name, ref]).toEqual([name, built.get(name)]);
  });

  it('a frozen table exists for every version up to the current one', () => {
    for (let v = 1; v < LAYOUT_VERSION; v++) expect(Object.keys(FROZEN_LAYOUT_NAMES[v] ?? {})).toEqual(expect.arrayContaining(['jiangsu-2025']));
    expect(expectedNames(LAYOUT_VERSION + 1, getRubric()!)).toBeUndefined();
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
