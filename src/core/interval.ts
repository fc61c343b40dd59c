/**
 * Whether an interval [lo, hi] is wide enough to draw.
 *
 * Doubles carry about 16 significant digits, so an interval that is tiny next to its
 * values cannot be drawn: on [1e15, 1e15 + 0.5] an axis's ticks k * 0.05 need indices k
 * near 2e16, past 2^53, where k + 1 rounds back to k; and the samples, the labels and
 * the pixels of [1 - 3e-16, 1 + 3e-16] are three or four distinct numbers. So an
 * interval is drawable when it is at least `MIN_RELATIVE_WIDTH` of its magnitude wide:
 *
 *   hi - lo >= MIN_RELATIVE_WIDTH * max(|lo|, |hi|),
 *
 * which leaves seven significant digits between neighbouring pixels of a wide plot and
 * is far narrower than any figure of a course ([999.999, 1000.001] is 2e-6 of 1000).
 * Domains narrower than that are refused; value ranges narrower than that are drawn as
 * a constant.
 */

/** The narrowest drawable width, as a fraction of the interval's largest magnitude. */
export const MIN_RELATIVE_WIDTH = 1e-9;

/** True for finite lo < hi with hi - lo >= MIN_RELATIVE_WIDTH max(|lo|, |hi|). */
export function isDrawableInterval(lo: number, hi: number): boolean {
  if (!Number.isFinite(lo) || !Number.isFinite(hi) || !(lo < hi)) return false;
  // hi - lo may overflow to Infinity: wide enough.
  return hi - lo >= MIN_RELATIVE_WIDTH * Math.max(Math.abs(lo), Math.abs(hi));
}
