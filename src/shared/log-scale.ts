/**
 * A logarithmic slider: position p in [0, 1] maps to v = min (max / min)^p, so each
 * decade of the learning rate gets the same length of track.
 *
 * Computed on logarithms, p = (ln v - ln min) / (ln max - ln min) and
 * v = exp(ln min + p (ln max - ln min)): max / min itself overflows to Infinity for a
 * range as wide as min = 1e-320 (a subnormal number), max = 10, and Infinity / Infinity
 * would make the position NaN.
 */
export interface LogRange {
  min: number;
  max: number;
}

/** The slider position of v, clamped into [0, 1]; 0 when v or the range is not positive and finite. */
export function toLogPosition(v: number, { min, max }: LogRange): number {
  const p = (Math.log(v) - Math.log(min)) / (Math.log(max) - Math.log(min));
  return Number.isNaN(p) ? 0 : Math.min(1, Math.max(0, p));
}

/** The value at slider position p, rounded to 3 significant digits so it reads well. */
export function fromLogPosition(p: number, { min, max }: LogRange): number {
  const lo = Math.log(min);
  const v = Math.exp(lo + (Math.log(max) - lo) * Math.min(1, Math.max(0, p)));
  return +v.toPrecision(3);
}
