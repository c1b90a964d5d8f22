/**
 * @jest-environment jsdom
 */
// The preview grid draws merged cells as the workbook has them: the cells under a vertically merged 环节 cell
// of 场景自评 stay in their own columns. The position is read from the DOM table as a browser lays it out
// (HTML's table model: every cell takes the first free slot of its row, rowspan and colspan reserve the slots
// below and beside), so the test does not trust the component's own bookkeeping.
import * as React from 'react';
import { act, render, screen } from '@testing-library/react';
import { injectLayout } from '../../src/adapters/office/inject';
import { SimContext } from '../../src/preview/sim/context';
import { LiveWorkbook } from '../../src/preview/live-model';
import { WorkbookView } from '../../src/preview/ui/WorkbookView';
import { buildLayout } from '../../src/workbook/layout';
import { inputsFromAssessment } from '../../src/workbook/inputs';
import { advancedAssessment, J } from '../fixtures/jiangsu';

/** The column slot (0-based) of every cell of a table, by HTML's table layout algorithm. */
function gridSlots(table: HTMLTableElement): Map<Element, { row: number; col: number }> {
  const taken = new Set<string>();
  const slots = new Map<Element, { row: number; col: number }>();
  Array.from(table.rows).forEach((tr, row) => {
    let col = 0;
    for (const cell of Array.from(tr.cells)) {
      while (taken.has(`${row},${col}`)) col++;
      slots.set(cell, { row, col });
      for (let dr = 0; dr < Math.max(1, cell.rowSpan); dr++) for (let dc = 0; dc < Math.max(1, cell.colSpan); dc++) taken.add(`${row + dr},${col + dc}`);
      col += Math.max(1, cell.colSpan);
    }
  });
  return slots;
}

async function preview(): Promise<LiveWorkbook> {
  const live = new LiveWorkbook();
  await injectLayout(
    new SimContext(live.model) as unknown as Excel.RequestContext,
    buildLayout(J),
    { core: true, pageLayout: true, charts: true },
    inputsFromAssessment(J, advancedAssessment()),
  );
  live.model.active = '场景自评';
  live.recalc();
  return live;
}

describe('preview grid merges', () => {
  it('keeps the cells under a vertical merge in their columns (场景自评: 先进级 under 自评等级, not under 场景名称)', async () => {
    const live = await preview();
    await act(async () => {
      render(<WorkbookView live={live} onError={() => undefined} />);
    });
    const table = screen.getByRole('table', { name: '场景自评' }) as HTMLTableElement;
    const slots = gridSlots(table);
    const header = Array.from(table.rows[0]!.cells);
    const columnOf = (letter: string) => slots.get(header.find((th) => th.textContent === letter)!)!.col;
    // 环节 B3:B4 (工厂建设) is merged in the workbook; row 4 lies under it.
    const sheet = live.model.sheet('场景自评')!;
    expect(sheet.merges).toContain('B3:B4');
    const merged = screen.getByTestId('cell-场景自评-B3');
    expect(merged.getAttribute('rowspan')).toBe('2');
    for (const [addr, letter] of [
      ['E4', 'E'],
      ['D4', 'D'],
      ['C4', 'C'],
      ['A4', 'A'],
      ['E3', 'E'],
    ] as const)
      expect({ addr, col: slots.get(screen.getByTestId(`cell-场景自评-${addr}`))!.col }).toEqual({ addr, col: columnOf(letter) });
    expect(screen.getByTestId('cell-场景自评-E4').textContent).toBe(live.model.peek(sheet, 4, 5)!.value);
    expect(screen.queryByTestId('cell-场景自评-B4')).toBeNull();
  });

  it('spans merged columns too (the title across the sheet) and draws every other cell in its own column', async () => {
    const live = await preview();
    await act(async () => {
      render(<WorkbookView live={live} onError={() => undefined} />);
    });
    const table = screen.getByRole('table', { name: '场景自评' }) as HTMLTableElement;
    const slots = gridSlots(table);
    const header = Array.from(table.rows[0]!.cells);
    const title = screen.getByTestId('cell-场景自评-A1');
    expect(title.getAttribute('colspan')).toBe('8');
    // Every drawn cell of rows 2…30 sits under its own column letter.
    for (const td of Array.from(table.querySelectorAll('td[data-testid]'))) {
      const m = /^cell-场景自评-([A-Z]+)(\d+)$/.exec(td.getAttribute('data-testid')!)!;
      if (Number(m[2]) < 2 || Number(m[2]) > 30) continue;
      expect({ cell: `${m[1]}${m[2]}`, col: slots.get(td)!.col }).toEqual({
        cell: `${m[1]}${m[2]}`,
        col: slots.get(header.find((th) => th.textContent === m[1])!)!.col,
      });
    }
  });
});
