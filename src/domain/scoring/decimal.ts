// Exact decimals for what people type. A score is the decimal it was typed as (JavaScript's shortest
// round-trip form of the number), not its binary approximation, so a mean that is mathematically 70 is 70.
// Precision (RULES §1): each score counts to SCORE_PLACES decimals (rounded half away from zero, as the
// workbook's ROUND(x,6)); the composite is the mean rounded to COMPOSITE_PLACES decimals, and thresholds are
// compared on that value. Displays round half up to two decimals (format2).

export const SCORE_PLACES = 6;
export const COMPOSITE_PLACES = 10;

const POW10: bigint[] = [];
const pow10 = (n: number): bigint => (POW10[n] ??= 10n ** BigInt(n));

/** The decimal a finite number stands for: sign, its digits as an integer, and a power of ten. */
function decimalOf(x: number): { neg: boolean; digits: bigint; exp: number } {
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(x));
  if (!m) throw new RangeError(`not a finite number: ${x}`);
  const frac = m[3] ?? '';
  return { neg: m[1] === '-', digits: BigInt(m[2]! + frac), exp: Number(m[4] ?? 0) - frac.length };
}

/** n / d (d > 0) rounded half away from zero. */
function divRound(n: bigint, d: bigint): bigint {
  const neg = n < 0n;
  const a = neg ? -n : n;
  let q = a / d;
  if (2n * (a % d) >= d) q += 1n;
  return neg ? -q : q;
}

/** x in units of 10^-places, rounded half away from zero: toUnits(71.695, 2) = 7170n. */
export function toUnits(x: number, places: number): bigint {
  const { neg, digits, exp } = decimalOf(x);
  const shift = exp + places;
  const u = shift >= 0 ? digits * pow10(shift) : divRound(digits, pow10(-shift));
  return neg ? -u : u;
}

/** Units of 10^-places as a decimal string with exactly `places` decimals: (7170n, 2) → "71.70". */
export function unitsToString(u: bigint, places: number): string {
  const neg = u < 0n;
  const s = (neg ? -u : u).toString().padStart(places + 1, '0');
  const int = s.slice(0, s.length - places);
  const frac = s.slice(s.length - places);
  return `${neg ? '-' : ''}${int}${places > 0 ? `.${frac}` : ''}`;
}

/** Units as the nearest number (the decimal string parsed, which JavaScript rounds correctly). */
export function unitsToNumber(u: bigint, places: number): number {
  return Number(unitsToString(u, places));
}

/** Units of 10^-from as units of 10^-to, rounded half away from zero when `to` is coarser. */
export function rescale(u: bigint, from: number, to: number): bigint {
  return to >= from ? u * pow10(to - from) : divRound(u, pow10(from - to));
}

/** A score as it counts in the composite: units of 10^-SCORE_PLACES. */
export const scoreUnits = (score: number): bigint => toUnits(score, SCORE_PLACES);

/** The composite of a sum of score units over a count: the mean in units of 10^-COMPOSITE_PLACES. */
export function meanUnits(sum: bigint, count: number): bigint {
  return divRound(sum * pow10(COMPOSITE_PLACES - SCORE_PLACES), BigInt(count));
}

/** x rounded half away from zero to `places` decimals, as a number (roundTo(71.695, 2) = 71.7). */
export function roundTo(x: number, places: number): number {
  return unitsToNumber(toUnits(x, places), places);
}

/**
 * THE display of a score or composite: two decimals, rounded half up on the decimal as typed or computed
 * (71.695 → "71.70", where toFixed gives "71.69"), as the workbook's TEXT(ROUND(x,2),"0.00").
 */
export function format2(x: number): string {
  return unitsToString(toUnits(x, 2), 2);
}

/** A decimal without trailing zeros, exactly (no float noise): (123n, 6) → "0.000123", (70000000n, 6) → "70". */
export function unitsToPlain(u: bigint, places: number): string {
  const s = unitsToString(u, places);
  return places > 0 ? s.replace(/\.?0+$/, '') : s;
}
