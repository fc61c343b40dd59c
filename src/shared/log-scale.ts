/**
 * A logarithmic slider: position p in [0, 1] maps to v = min (max / min)^p, so each
 * decade of the learning rate gets the same length of track.
 */
export interface LogRange {
  min: number;
  max: number;
}

/** The slider position of v, clamped into [0, 1]. */
export function toLogPosition(v: number, { min, max }: LogRange): number {
  const p = Math.log(v / min) / Math.log(max / min);
  return Math.min(1, Math.max(0, p));
}

/** The value at slider position p, rounded to 3 significant digits so it reads well. */
export function fromLogPosition(p: number, { min, max }: LogRange): number {
  const v = min * Math.pow(max / min, Math.min(1, Math.max(0, p)));
  return +v.toPrecision(3);
}
