// Writes single inputs (a what-if applied to the sheet, the summary header) in one batch, by defined name.
import type { Rubric } from '../../domain/rubric/schema';
import { applyChanges, type Change } from '../../domain/scoring/whatif';
import type { Assessment, LevelAnswer } from '../../domain/assessment/types';
import { NAMES } from '../../workbook/names';
import { excelWouldChange, officeValue } from './values';

interface CellWrite {
  name: string;
  index: number;
  value: string | number;
}

/**
 * The cells a list of what-if changes touches, with the texts the dropdowns use: each changed indicator's
 * level, 符合程度 and score exactly as the pane scored them (applyChanges over the sheet's answers `base`).
 */
export function cellsForChanges(rubric: Rubric, base: Assessment, changes: Change[]): CellWrite[] {
  const out: CellWrite[] = [];
  const applied = applyChanges(rubric, base, changes);
  for (const c of changes) {
    if (c.kind === 'indicator') {
      const i = rubric.indicators.findIndex((x) => x.id === c.id);
      const ans = (applied.indicators?.[c.id] ?? {}) as LevelAnswer;
      const level = ans.level;
      out.push({
        name: NAMES.indicatorLevels,
        index: i,
        value: level === undefined ? '' : level === 'na' ? rubric.naLabel.zh : rubric.levelLabels[level - 1]!.zh,
      });
      out.push({ name: NAMES.indicatorFits, index: i, value: ans.fit === undefined ? '' : rubric.fitLabels[ans.fit].zh });
      out.push({ name: NAMES.indicatorScores, index: i, value: ans.score ?? '' });
    } else if (c.kind === 'scenario') {
      const i = rubric.scenarios.findIndex((x) => x.id === c.id);
      out.push({ name: NAMES.scenarioTiers, index: i, value: c.tier === 'none' ? '' : rubric.tiers.find((t) => t.id === c.tier)!.label.zh });
    } else {
      out.push({ name: NAMES.maturity, index: 0, value: rubric.maturityLevels[c.level - 1]!.label.zh });
    }
  }
  return out;
}

/**
 * Writes by name into input cells of protected sheets, where a number format may not change (no
 * allowFormatCells): text Excel would turn into a formula, number or date gets the apostrophe prefix,
 * which Excel keeps as "this is text" and does not show or return
 * (https://github.com/OfficeDev/office-js/issues/6687).
 */
export async function writeCells(context: Excel.RequestContext, writes: CellWrite[]): Promise<void> {
  for (const w of writes) {
    const r = context.workbook.names.getItem(w.name).getRange().getCell(w.index, 0);
    const v = officeValue(w.value);
    r.values = [[typeof v === 'string' && excelWouldChange(v) ? `'${v}` : v]];
  }
  await context.sync();
}

/** The 直接认定类别 cell with the dropdown text of the class `id` (blank for none chosen). */
export function cellForRecognition(rubric: Rubric, id: string | undefined): CellWrite {
  return { name: NAMES.recognition, index: 0, value: rubric.recognitions?.find((x) => x.id === id)?.label.zh ?? '' };
}

export async function writeSummaryHeader(context: Excel.RequestContext, header: { unit: string; contact: string; phone: string }): Promise<void> {
  await writeCells(context, [
    { name: NAMES.summaryUnit, index: 0, value: header.unit },
    { name: NAMES.summaryContact, index: 0, value: header.contact },
    { name: NAMES.summaryPhone, index: 0, value: header.phone },
  ]);
}

export async function selectCell(context: Excel.RequestContext, sheet: string, cell: string): Promise<void> {
  const ws = context.workbook.worksheets.getItem(sheet);
  ws.activate();
  ws.getRange(cell).select();
  await context.sync();
}
