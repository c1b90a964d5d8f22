import { mergeSummary, parsePriority, type MergeInput, type SummaryRow } from '../../src/domain';
import { J } from '../fixtures/jiangsu';
import { enterprise, basicTier } from '../fixtures/enterprise-workbooks';

const input = (file: string, a: ReturnType<typeof enterprise>, modified = 1000): MergeInput => ({ file, modified, rubric: J, assessment: a });
const names = (rows: SummaryRow[]) => rows.map((r) => r.enterpriseName);

describe('推荐顺序: the order the bureau sets', () => {
  const first = mergeSummary(
    [],
    [
      input('甲.xlsx', enterprise('甲企业', '91320500MA1AAAAA0', 75)),
      input('乙.xlsx', enterprise('乙企业', '91320500MA1BBBBB0', 78)),
      input('丙.xlsx', enterprise('丙企业', '91320500MA1CCCCC0', 85, basicTier)),
    ],
  );

  it('defaults to tier, then composite, and leaves 推荐顺序 blank until the bureau sets it', () => {
    expect(names(first.rows)).toEqual(['乙企业', '甲企业', '丙企业']);
    expect(first.rows.every((r) => r.priority === undefined)).toBe(true);
  });

  it('keeps the order the bureau set and puts a new enterprise after the last ranked one, even one of a higher tier', () => {
    // The bureau ranks 丙 (基础级) first and 甲 second, leaves 乙 unranked.
    const edited = first.rows.map((r) => ({ ...r, priority: r.enterpriseName === '丙企业' ? 1 : r.enterpriseName === '甲企业' ? 2 : undefined }));
    const again = mergeSummary(edited, [input('丁.xlsx', enterprise('丁企业', '91320500MA1DDDDD0', 95))]);
    // 丁 (先进级, 95) and 乙 are unranked: after 甲, in the default order between themselves.
    expect(names(again.rows)).toEqual(['丙企业', '甲企业', '丁企业', '乙企业']);
    expect(again.rows.map((r) => r.seq)).toEqual([1, 2, 3, 4]);
    expect(again.rows.map((r) => r.priority)).toEqual([1, 2, undefined, undefined]);
  });

  it('keeps an enterprise’s 推荐顺序 when a newer workbook replaces its row', () => {
    const edited = first.rows.map((r) => ({ ...r, priority: r.enterpriseName === '丙企业' ? 1 : undefined, modified: 1000 }));
    const again = mergeSummary(edited, [input('丙-新.xlsx', enterprise('丙企业', '91320500MA1CCCCC0', 86, basicTier), 2000)]);
    expect(names(again.rows)[0]).toBe('丙企业');
    expect(again.rows[0]!.source).toBe('丙-新.xlsx');
    expect(again.rows[0]!.priority).toBe(1);
  });

  it('orders equal numbers by the default order, keeps the numbers as typed (never renumbered)', () => {
    const edited = first.rows.map((r) => ({ ...r, priority: 5 }));
    const again = mergeSummary(edited, []);
    expect(names(again.rows)).toEqual(['乙企业', '甲企业', '丙企业']);
    expect(again.rows.map((r) => r.priority)).toEqual([5, 5, 5]);
  });

  it('reads what a bureau types: numbers, numeric text (full-width too); not blanks, zero, negatives or words', () => {
    expect([3, '2', '３', ' 4 ', 1.5].map(parsePriority)).toEqual([3, 2, 3, 4, 1.5]);
    expect([null, undefined, '', 0, -1, '第一', NaN, true].map(parsePriority)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
});
