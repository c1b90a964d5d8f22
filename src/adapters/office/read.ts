// Reads the user's inputs back in one sync: one range read per defined name, converted to an assessment by
// the same reader rules as the .xlsx adapter (src/workbook/inputs.ts).
import type { Rubric } from '../../domain/rubric/schema';
import type { Assessment } from '../../domain/assessment/types';
import type { Lang } from '../../domain/i18n/lang';
import { splitRef, rangeBounds } from '../../workbook/a1';
import { assessmentFromInputs, type NamedValues, type ReadProblem, type RawCell } from '../../workbook/inputs';
import { NAMES, READ_INPUT_NAMES } from '../../workbook/names';

export interface WorkbookState {
  /** Layout version of the workbook's sheets, or null when it has none of ours. */
  layoutVersion: number | null;
  /** A bureau's merged 推荐汇总表 (SFA_MERGED_KIND / SFA_MERGED_TABLE), not an assessment. */
  mergedSummary: boolean;
  rubricId: string | null;
  assessment: Assessment | null;
  problems: ReadProblem[];
}

/** Address as Office returns it ("'企业信息'!B3:B17" or 企业信息!B3:B17) → sheet and top-left. */
export function parseAddress(address: string): { sheet: string; col: number; row: number } {
  const { sheet, range } = splitRef(address);
  const b = rangeBounds(range);
  return { sheet, col: b.c1, row: b.r1 };
}

export async function readWorkbookState(context: Excel.RequestContext, rubricFor: (id: string) => Rubric | undefined, lang: Lang): Promise<WorkbookState> {
  const names = context.workbook.names;
  const meta = [NAMES.layoutVersion, NAMES.rubricId].map((n) => {
    const r = names.getItemOrNullObject(n).getRangeOrNullObject();
    r.load('values');
    return r;
  });
  const merged = [NAMES.mergedKind, NAMES.mergedTable].map((n) => {
    const r = names.getItemOrNullObject(n).getRangeOrNullObject();
    r.load('address');
    return r;
  });
  const ranges = READ_INPUT_NAMES.map((n) => {
    const r = names.getItemOrNullObject(n).getRangeOrNullObject();
    r.load('values,address');
    return { name: n, r };
  });
  await context.sync();
  const [version, rubricId] = meta;
  const mergedSummary = merged.some((m) => !m.isNullObject);
  if (version!.isNullObject) return { layoutVersion: null, mergedSummary, rubricId: null, assessment: null, problems: [] };
  const id = rubricId!.isNullObject ? null : String(rubricId!.values[0]?.[0] ?? '');
  const rubric = id ? rubricFor(id) : undefined;
  const layoutVersion = Number(version!.values[0]?.[0]);
  if (!rubric) return { layoutVersion, mergedSummary, rubricId: id, assessment: null, problems: [] };
  const map = new Map<string, NamedValues>();
  for (const { name, r } of ranges) {
    if (r.isNullObject) continue;
    map.set(name, { ...parseAddress(r.address), values: r.values as RawCell[][] });
  }
  const { assessment, problems } = assessmentFromInputs(rubric, map, lang);
  return { layoutVersion, mergedSummary, rubricId: id, assessment, problems };
}
