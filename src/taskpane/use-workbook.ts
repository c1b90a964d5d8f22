// The pane's model of the workbook: read once, re-read (debounced) on every change event, and scored with
// the engine; what-if changes are layered on top without touching the sheet.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { applyChanges, nextTierGap, score, sweep, type Assessment, type Change, type Gap, type Lang, type Report, type Rubric, type SweepResult } from '../domain';
import { getRubric } from '../domain/rubrics';
import type { WorkbookState } from '../adapters/office/read';
import { debounce } from '../adapters/office/live';
import type { ExcelActions } from './excel-host';

export interface Scored {
  rubric: Rubric;
  assessment: Assessment;
  report: Report;
  gap: Gap | null;
  sweep: SweepResult;
}

export interface WorkbookModel {
  state: WorkbookState | null;
  error: string | null;
  scored: Scored | null;
  /** The score of the sheet itself, without what-if changes. */
  baseline: Report | null;
  whatIf: Change[];
  setWhatIf(changes: Change[]): void;
  refresh(): Promise<void>;
}

export const LIVE_DEBOUNCE_MS = 300;

export function useWorkbook(actions: ExcelActions, lang: Lang): WorkbookModel {
  const [state, setState] = useState<WorkbookState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [whatIf, setWhatIf] = useState<Change[]>([]);
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
        .then((o) => (cancelled ? void o() : (off = o)))
        .catch(() => undefined); // without events the Refresh button still works
    return () => {
      alive.current = false;
      cancelled = true;
      onChange.cancel();
      void off?.();
    };
    // Re-subscribe when the sheets appear or change version.
  }, [actions, refresh, state?.layoutVersion]);

  const rubric = state?.rubricId ? getRubric(state.rubricId) : undefined;
  const base = state?.assessment ?? null;
  const baseline = useMemo(() => (rubric && base ? score(rubric, base, { lang }) : null), [rubric, base, lang]);
  const scored = useMemo<Scored | null>(() => {
    if (!rubric || !base) return null;
    const assessment = applyChanges(rubric, base, whatIf);
    return {
      rubric,
      assessment,
      report: whatIf.length ? score(rubric, assessment, { lang }) : baseline!,
      gap: nextTierGap(rubric, assessment, lang),
      sweep: sweep(rubric, assessment, lang),
    };
  }, [rubric, base, whatIf, lang, baseline]);

  return { state, error, scored, baseline, whatIf, setWhatIf, refresh };
}

export type { Scored as ScoredWorkbook };
