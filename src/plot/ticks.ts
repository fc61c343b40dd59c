/**
 * Axis ticks at "nice" values: multiples of 1, 2 or 5 times a power of ten.
 *
 * For an interval [min, max] and at most `maxCount` ticks, the step is the smallest of
 * 1, 2, 5 x 10^k with (max - min) / step <= maxCount; the ticks are the multiples of the
 * step inside the interval (ends included, within a relative 1e-9 for rounding).
 */

/** The nice step for at most maxCount ticks over [min, max] (maxCount >= 1). */
export function tickStep(min: number, max: number, maxCount: number): number {
  const span = Math.abs(max - min);
  if (!(span > 0) || !Number.isFinite(span)) return 0;
  const raw = span / Math.max(1, maxCount);
  const power = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 5, 10]) {
    if (m * power >= raw * (1 - 1e-12)) return m * power;
  }
  return 10 * power;
}

/** The nice tick values in [min, max], ascending (empty for an empty or non-finite interval). */
export function niceTicks(min: number, max: number, maxCount: number): number[] {
  const lo = Math.min(min, max);
  const hi = Math.max(min, max);
  const step = tickStep(lo, hi, maxCount);
  if (step === 0) return [];
  const slack = (hi - lo) * 1e-9;
  const first = Math.ceil((lo - slack) / step);
  const last = Math.floor((hi + slack) / step);
  const ticks: number[] = [];
  // k * step, not repeated addition, so 0.1 * 3 is not 0.30000000000000004 by drift;
  // the last rounding is removed by the label (Numbers.tick, in the reader's language).
  for (let k = first; k <= last; k++) ticks.push(k * step === 0 ? 0 : k * step);
  return ticks;
}

/** How many ticks fit along an axis `lengthPx` long with about `spacingPx` between them (at least 2). */
export function tickCountFor(lengthPx: number, spacingPx: number): number {
  return Math.max(2, Math.floor(lengthPx / spacingPx));
}
