/**
 * Axis ticks at "nice" values: multiples of 1, 2 or 5 times a power of ten.
 *
 * For an interval [min, max] and at most `maxCount` ticks, the step is the smallest of
 * 1, 2, 5 x 10^k with (max - min) / step <= maxCount; the ticks are the multiples of the
 * step inside the interval (ends included, within a relative 1e-9 for rounding).
 *
 * The ticks are k * step for whole k from ceil(min / step) to floor(max / step). When
 * the interval is tiny next to its values (1e15 to 1e15 + 0.5, or 1 +- 3e-16) those k
 * pass 2^53, where k + 1 rounds back to k and the ticks could not be told apart anyway:
 * such an interval gets no ticks (see core/interval.ts; figures refuse such domains and
 * draw such value ranges as a constant, so this is the last guard, not the picture).
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
  // The slack in steps, so that hi + slack cannot overflow near the largest doubles.
  const slack = ((hi - lo) / step) * 1e-9;
  const first = Math.ceil(lo / step - slack);
  const last = Math.floor(hi / step + slack);
  // At most maxCount + 1 ticks fit by the choice of step; anything else is rounding gone wrong.
  if (!Number.isSafeInteger(first) || !Number.isSafeInteger(last) || last - first > Math.max(1, maxCount) + 1) return [];
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
