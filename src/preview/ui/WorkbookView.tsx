// The simulated workbook as editable grids with sheet tabs: dropdown cells offer their validation lists,
// locked cells are read-only, and cells are painted as their conditional formats say.
import * as React from 'react';
import { colLetter } from '../../workbook/a1';
import type { LiveWorkbook } from '../live-model';
import { paintsAt } from '../recalc';
import { parseBounds, type SimSheet } from '../sim/model';
import { displayValue, parseTyped } from './format';

const MAX_ROWS = 80;

function listOptions(live: LiveWorkbook, sheet: SimSheet, row: number, col: number): string[] | null {
  for (const v of sheet.validations) {
    const b = parseBounds(v.range);
    if (row < b.r1 || row > b.r2 || col < b.c1 || col > b.c2) continue;
    const list = (v.rule as { list?: { source: string } }).list;
    if (!list) return null;
    const r = live.model.resolveRef(list.source.replace(/^=/, ''));
    if (!r) return null;
    return live.model
      .values(r.sheet, r.bounds)
      .flat()
      .map(String)
      .filter((x) => x !== '');
  }
  return null;
}

export function WorkbookView({ live, onError }: { live: LiveWorkbook; onError(message: string): void }) {
  const [, setVersion] = React.useState(0);
  React.useEffect(() => live.subscribe(() => setVersion((v) => v + 1)), [live]);
  const model = live.model;
  const visible = model.sheets.filter((s) => s.visibility === 'Visible');
  const [chosen, setChosen] = React.useState<string | null>(null);
  // Follow the add-in when it activates a sheet (click-to-cell in the pane).
  const [lastActive, setLastActive] = React.useState<string | null>(null);
  if (model.active !== lastActive) {
    setLastActive(model.active);
    if (model.active) setChosen(model.active);
  }
  const sheet = visible.find((s) => s.name === chosen) ?? visible[0];
  const [editing, setEditing] = React.useState<string | null>(null);
  if (!sheet) return <p>No sheets.</p>;
  const cols = Array.from({ length: Math.min(sheet.maxCol, 26) }, (_, i) => i + 1).filter((c) => !sheet.hiddenColumns.has(c));
  const rows = Array.from({ length: Math.min(sheet.maxRow, MAX_ROWS) }, (_, i) => i + 1);
  const selected = model.selection?.sheet === sheet.name ? parseBounds(model.selection.address) : null;
  // A merge is drawn as its top-left cell spanning the merge's visible columns and drawn rows (colSpan and
  // rowSpan); the cells it covers are not drawn. Without the rowSpan, every row under a vertical merge
  // would shift one column left.
  const spans = new Map<string, { colSpan: number; rowSpan: number }>();
  const covered = new Set<string>();
  for (const m of sheet.merges) {
    const b = parseBounds(m);
    const visibleCols = cols.filter((c) => c >= b.c1 && c <= b.c2);
    const lastRow = Math.min(b.r2, rows.length);
    if (visibleCols.length === 0 || b.r1 > lastRow) continue;
    spans.set(`${b.r1},${visibleCols[0]}`, { colSpan: visibleCols.length, rowSpan: lastRow - b.r1 + 1 });
    for (let r = b.r1; r <= lastRow; r++) for (const c of visibleCols) if (r !== b.r1 || c !== visibleCols[0]) covered.add(`${r},${c}`);
  }
  const commit = (row: number, col: number, value: string) => {
    setEditing(null);
    const c = model.peek(sheet, row, col);
    try {
      model.userEdit(sheet.name, `${colLetter(col)}${row}`, parseTyped(value, c?.numberFormat ?? 'General'));
    } catch (e) {
      onError((e as Error).message);
    }
  };
  return (
    <div className="workbook">
      <div role="tablist" className="tabs">
        {visible.map((s) => (
          <button key={s.name} role="tab" aria-selected={s === sheet} className={s === sheet ? 'tab active' : 'tab'} onClick={() => setChosen(s.name)}>
            {s.name}
          </button>
        ))}
      </div>
      <div className="grid-scroll">
        <table className="grid" aria-label={sheet.name}>
          <thead>
            <tr>
              <th />
              {cols.map((c) => (
                <th key={c} style={{ minWidth: Math.max(40, (sheet.columnWidths.get(c) ?? 60) * 0.9) }}>
                  {colLetter(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r}>
                <th>{r}</th>
                {cols.map((c) => {
                  if (covered.has(`${r},${c}`)) return null;
                  const span = spans.get(`${r},${c}`);
                  const colSpan = span && span.colSpan > 1 ? span.colSpan : undefined;
                  const rowSpan = span && span.rowSpan > 1 ? span.rowSpan : undefined;
                  const cell = model.peek(sheet, r, c);
                  const addr = `${colLetter(c)}${r}`;
                  const input = cell ? !cell.locked : false;
                  const paints = live.hf && cell ? paintsAt(live.hf, sheet, r, c) : [];
                  const fill = paints[0] ?? (cell?.style['fill.color'] as string | undefined);
                  const isSel = selected && r >= selected.r1 && r <= selected.r2 && c >= selected.c1 && c <= selected.c2;
                  const style: React.CSSProperties = {
                    background: fill,
                    fontWeight: cell?.style['font.bold'] ? 600 : undefined,
                    color: cell?.style['font.color'] as string | undefined,
                    outline: isSel ? '2px solid #0f6cbd' : undefined,
                  };
                  const text = cell ? displayValue(cell.value, cell.numberFormat) : '';
                  const testId = `cell-${sheet.name}-${addr}`;
                  if (editing === addr && input) {
                    const options = listOptions(live, sheet, r, c);
                    return (
                      <td key={c} colSpan={colSpan} rowSpan={rowSpan} style={style}>
                        {options ? (
                          <select
                            autoFocus
                            aria-label={addr}
                            data-testid={`${testId}-select`}
                            defaultValue={text}
                            onChange={(e) => commit(r, c, e.target.value)}
                            onBlur={() => setEditing(null)}
                          >
                            <option value="" />
                            {options.map((o) => (
                              <option key={o} value={o}>
                                {o}
                              </option>
                            ))}
                          </select>
                        ) : (
                          <input
                            autoFocus
                            aria-label={addr}
                            data-testid={`${testId}-input`}
                            defaultValue={text}
                            onKeyDown={(e) => {
                              if (e.key === 'Enter') commit(r, c, (e.target as HTMLInputElement).value);
                              if (e.key === 'Escape') setEditing(null);
                            }}
                            onBlur={(e) => commit(r, c, e.target.value)}
                          />
                        )}
                      </td>
                    );
                  }
                  return (
                    <td
                      key={c}
                      colSpan={colSpan}
                      rowSpan={rowSpan}
                      data-testid={testId}
                      data-paint={paints.length ? 'invalid' : undefined}
                      className={input ? 'input' : undefined}
                      style={style}
                      tabIndex={input ? 0 : undefined}
                      onClick={() => input && setEditing(addr)}
                      onKeyDown={(e) => input && e.key === 'Enter' && setEditing(addr)}
                      title={input ? addr : undefined}
                    >
                      {text}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
