// 推荐顺序: the order the bureau decides ("按推荐项目优先顺序"). Rows the bureau ranked come first, by its
// number; every other row (unranked, or new in this merge) follows after the last ranked one in the default
// order (tier, composite, name: compareSummaryRows). The bureau's number is kept as typed, never renumbered.
import type { SortKeys } from './types';

/** 推荐顺序 as read from a cell: a finite number ≥ 1 (text such as 「３」 or " 2 " counts), else undefined. */
export function parsePriority(v: unknown): number | undefined {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v.normalize('NFKC').trim()) : NaN;
  return Number.isFinite(n) && n >= 1 ? n : undefined;
}

/** The table's order: ranked rows by 推荐顺序, then the rest by `byDefault`. */
export function compareWithPriority(byDefault: (a: SortKeys, b: SortKeys) => number): (a: SortKeys, b: SortKeys) => number {
  return (a, b) => {
    const pa = parsePriority(a.priority);
    const pb = parsePriority(b.priority);
    if (pa !== undefined && pb !== undefined && pa !== pb) return pa - pb;
    if ((pa === undefined) !== (pb === undefined)) return pa === undefined ? 1 : -1;
    return byDefault(a, b);
  };
}
