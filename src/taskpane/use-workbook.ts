// The pane's model of the workbook: read once, re-read (debounced) on every change event; the pending
// what-if changes are kept here (scored by the dashboard, ./use-scored.ts) without touching the sheet.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Change } from '../domain/scoring/whatif';
import type { WorkbookState } from '../adapters/office/read';
import { debounce } from '../adapters/office/live';
import type { ExcelActions } from './excel-host';

export interface WorkbookModel {
  state: WorkbookState | null;
  error: string | null;
  whatIf: Change[];
  setWhatIf(changes: Change[]): void;
  refresh(): Promise<void>;
  /** Whether the sheets' change events are subscribed (the pane follows edits by itself). */
  live: boolean;
}

export const LIVE_DEBOUNCE_MS = 300;

export function useWorkbook(actions: ExcelActions): WorkbookModel {
  const [state, setState] = useState<WorkbookState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [whatIf, setWhatIf] = useState<Change[]>([]);
  const [live, setLive] = useState(false);
  const alive = useRef(true);

  const refresh = useCallback(async () => {
    try {
      const s = await actions.readState();
      if (alive.current) {
        setState(s);
        setError(null);
      }
    } catch (e) {
      if (alive.current) setError((e as Error).message);
    }
  }, [actions]);

  useEffect(() => {
    alive.current = true;
    void refresh();
    const onChange = debounce(() => void refresh(), LIVE_DEBOUNCE_MS);
    let off: (() => Promise<void>) | undefined;
    let cancelled = false;
    const ready = state?.layoutVersion !== null && state?.layoutVersion !== undefined;
    if (ready)
      actions
        .subscribe(onChange)
        .then((o) => {
          if (cancelled) return void o();
          off = o;
          setLive(true);
        })
        .catch(() => setLive(false)); // without events the pane says 重新读取 is needed after each edit
    return () => {
      alive.current = false;
      cancelled = true;
      onChange.cancel();
      if (off) setLive(false);
      void off?.();
    };
    // Re-subscribe when the sheets appear or change version.
  }, [actions, refresh, state?.layoutVersion]);

  return { state, error, whatIf, setWhatIf, refresh, live };
}
