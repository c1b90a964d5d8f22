// The engine's view of the workbook for the dashboard: the sheet's assessment with the what-if changes layered
// on top, scored, with the next-tier gap and the ranked single changes. Loaded with the dashboard, not with
// the first screen.
import { useMemo } from 'react';
import {
  applyChanges,
  nextTierGap,
  score,
  sweep,
  type Assessment,
  type Change,
  type Gap,
  type Lang,
  type Report,
  type Rubric,
  type SweepResult,
} from '../domain';

export interface Scored {
  rubric: Rubric;
  assessment: Assessment;
  report: Report;
  gap: Gap | null;
  sweep: SweepResult;
}

export function useScored(rubric: Rubric, base: Assessment, whatIf: Change[], lang: Lang): Scored {
  const baseline = useMemo(() => score(rubric, base, { lang }), [rubric, base, lang]);
  return useMemo<Scored>(() => {
    const assessment = applyChanges(rubric, base, whatIf);
    return {
      rubric,
      assessment,
      report: whatIf.length ? score(rubric, assessment, { lang }) : baseline,
      gap: nextTierGap(rubric, assessment, lang),
      sweep: sweep(rubric, assessment, lang),
    };
  }, [rubric, base, whatIf, lang, baseline]);
}
