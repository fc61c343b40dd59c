/**
 * The pure maths under the curve plot: sampling f over [a, b], the vertical range to
 * show, the power of ten the y-axis labels are written in, where the drawn curve must
 * break, and the slope for a tangent line.
 *
 * The vertical range. The plain choice, the least and greatest sampled values, is right
 * for the curves of a course (x^2 on [-3, 3] gives [0, 9]; x^4, e^x and a double well
 * likewise) and wrong for a curve with a pole: 1/x or tan x sampled near the pole has
 * values of 300 or 1e15 while everything else lies within +-10, and the plain range
 * squashes the curve flat. So the range is the plain one cut back to at most one
 * "inner span" beyond the 5 % and 95 % quantiles of the values, where the inner span is
 * the distance between those quantiles:
 *
 *   lo = max(min, q05 - s),  hi = min(max, q95 + s),  s = q95 - q05.
 *
 * Growth that is polynomial or exponential at a sane rate never reaches that cut (for
 * x^2 the top 5 % of the domain adds 11 % of the span, for x^4 20 %, for e^x on
 * [-3, 10] 90 %), so those curves are shown whole; a pole is cut off and runs out of
 * the top of the plot, as in a textbook. Non-finite values are ignored; a constant curve
 * gets a band around its value, and so does one whose values differ by less than
 * doubles can draw (1 + 1e-16 x: see core/interval.ts); no finite value at all gives [-1, 1]. Then a margin of
 * PAD_FRACTION of the span is added on each side, so the valley floor and the highest
 * shown point keep clear of the frame.
 */
import { powerOfTen } from '../i18n/numbers.js';

import { isDrawableInterval } from '../core/index.js';

/** The margin added above and below the values' range, as a fraction of the range. */
export const PAD_FRACTION = 0.08;

/** The quantiles (and the number of inner spans beyond them) that bound the range. */
const INNER_QUANTILE = 0.05;
const SPANS_BEYOND = 1;

/** How many values the vertical range is computed from (independent of the canvas size). */
export const RANGE_SAMPLES = 1001;

/** n values of f at evenly spaced x from a to b, ends included (n >= 2). */
export function sampleCurve(
  value: (x: number) => number,
  a: number,
  b: number,
  n: number,
): { xs: Float64Array; ys: Float64Array } {
  const count = Math.max(2, Math.floor(n));
  const xs = new Float64Array(count);
  const ys = new Float64Array(count);
  for (let k = 0; k < count; k++) {
    // The last x is b exactly, not a + (count - 1) * step with its rounding.
    const x = k === count - 1 ? b : a + ((b - a) * k) / (count - 1);
    xs[k] = x;
    ys[k] = value(x);
  }
  return { xs, ys };
}

/** The value at quantile q of ascending sorted values (linear between ranks). */
function quantile(sorted: Float64Array, q: number): number {
  const p = q * (sorted.length - 1);
  const k = Math.floor(p);
  if (k >= sorted.length - 1) return sorted[sorted.length - 1];
  return sorted[k] + (p - k) * (sorted[k + 1] - sorted[k]);
}

/**
 * The range of the values to show, before the margin (see the module comment):
 * [lo, hi] with lo < hi, always finite.
 */
export function valueRange(values: ArrayLike<number>): [number, number] {
  let count = 0;
  for (let k = 0; k < values.length; k++) if (Number.isFinite(values[k])) count++;
  if (count === 0) return [-1, 1];
  const sorted = new Float64Array(count);
  for (let k = 0, n = 0; k < values.length; k++) if (Number.isFinite(values[k])) sorted[n++] = values[k];
  sorted.sort();
  const min = sorted[0];
  const max = sorted[count - 1];
  if (!isDrawableInterval(min, max)) {
    const mid = min / 2 + max / 2;
    const half = Math.max(Math.abs(mid) * 0.5, 1);
    return [mid - half, mid + half];
  }
  const q0 = quantile(sorted, INNER_QUANTILE);
  const q1 = quantile(sorted, 1 - INNER_QUANTILE);
  const s = q1 - q0;
  if (!(s > 0) || !Number.isFinite(s)) return [min, max];
  return [Math.max(min, q0 - SPANS_BEYOND * s), Math.min(max, q1 + SPANS_BEYOND * s)];
}

/** [lo, hi] widened by `fraction` of its length on each side (finite in, finite out). */
export function padRange(lo: number, hi: number, fraction = PAD_FRACTION): [number, number] {
  const pad = (hi - lo) * fraction;
  const a = lo - pad;
  const b = hi + pad;
  // Near the end of the doubles the pad could overflow; then keep the range unpadded.
  return Number.isFinite(a) && Number.isFinite(b) ? [a, b] : [lo, hi];
}

/** The vertical range the curve plot shows for f over [a, b]: valueRange, padded. */
export function curveYRange(value: (x: number) => number, a: number, b: number): [number, number] {
  const [lo, hi] = valueRange(sampleCurve(value, a, b, RANGE_SAMPLES).ys);
  return padRange(lo, hi);
}

/**
 * The power of ten the y-axis labels are divided by, so that they stay short: 0 while
 * the largest magnitude on the axis is between 0.01 and 10000 (labels like 0.05 or 2500),
 * else the exponent e of that magnitude (1e6 to 9.99e6 gives 6, 0.003 gives -3), and the
 * axis is labelled in units of 10^e ("f(x) x10^6").
 */
export function axisExponent(lo: number, hi: number): number {
  const m = Math.max(Math.abs(lo), Math.abs(hi));
  if (!(m > 0) || !Number.isFinite(m)) return 0;
  if (m >= 0.01 && m < 1e4) return 0;
  return Math.floor(Math.log10(m) + 1e-12);
}

/** '×10⁶', '×10⁻³': the unit written after an axis name, as numbers are written; '' for exponent 0. */
export function powerOfTenLabel(exponent: number): string {
  return exponent === 0 ? '' : `\u00d7${powerOfTen(exponent)}`;
}

/**
 * Whether the drawn curve must break between two neighbouring samples at canvas heights
 * py0 and py1 (CSS px, y down): when one lies above the plot rectangle and the other
 * below it. One pixel apart, that is a pole (1/x, tan x) and not a steep slope; joining
 * the samples would draw a false vertical line through the plot.
 */
export function breaksBetween(py0: number, py1: number, top: number, bottom: number): boolean {
  return (py0 < top && py1 > bottom) || (py0 > bottom && py1 < top);
}

/**
 * The slope of f at x by the central difference (f(x + h) - f(x - h)) / 2h; NaN when
 * either value is not finite.
 */
export function numericSlope(value: (x: number) => number, x: number, h: number): number {
  const up = value(x + h);
  const down = value(x - h);
  const slope = (up - down) / (2 * h);
  return Number.isFinite(slope) ? slope : NaN;
}
