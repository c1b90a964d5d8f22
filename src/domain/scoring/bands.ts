// Score bands of 表3: which scores a level (and a 符合程度) allows.
import type { Band, FitId, Interval, Rubric } from '../rubric/schema';

export function inInterval(x: number, i: Interval): boolean {
  const aboveMin = i.minInclusive ? x >= i.min : x > i.min;
  const belowMax = i.maxInclusive ? x <= i.max : x < i.max;
  return aboveMin && belowMax;
}

// How an interval is said to a person lives with the other words (i18n/texts.ts).
export { formatInterval } from '../i18n/texts';

export function bandOf(rubric: Rubric, level: number): Band | undefined {
  return rubric.bands[level - 1];
}

/** The interval a score must lie in for this level and optional fit. */
export function allowedInterval(band: Band, fit: FitId | undefined): Interval {
  return fit && band.fits ? band.fits[fit] : band.range;
}

/** The level whose band holds this score, or undefined when none does (e.g. 100 or a negative number). */
export function levelForScore(rubric: Rubric, score: number): number | undefined {
  return rubric.bands.find((b) => inInterval(score, b.range))?.level;
}

/** The 符合程度 sub-band that holds this score within its level, if the level has sub-bands. */
export function fitForScore(band: Band, score: number): FitId | undefined {
  if (!band.fits) return undefined;
  const fits = band.fits;
  return (['low', 'medium', 'high'] as const).find((f) => inInterval(score, fits[f]));
}

/** Whether a level is one of the rubric's integer levels. */
export function isValidLevel(rubric: Rubric, level: number): boolean {
  return Number.isInteger(level) && level >= 1 && level <= rubric.bands.length;
}

/**
 * A score one level higher that keeps the score's position in its band (28 at level 3 → 48 at level 4),
 * clamped into the new band; from a single-point band (level 1) the middle of the next band. Used by the
 * what-if sweep and the next-tier gap so both propose the same change.
 */
export function scoreOneLevelUp(rubric: Rubric, level: number, score: number | undefined): number | undefined {
  const from = bandOf(rubric, level);
  const to = bandOf(rubric, level + 1);
  if (!from || !to) return undefined;
  const r = to.range;
  const mid = (r.min + r.max) / 2;
  if (score === undefined || from.range.min === from.range.max || !inInterval(score, from.range)) return mid;
  const moved = score + (r.min - from.range.min);
  return inInterval(moved, r) ? moved : mid;
}
