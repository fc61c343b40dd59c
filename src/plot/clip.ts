/**
 * Clipping a segment to a rectangle (Liang–Barsky), so that lines to far-away or
 * diverged points are drawn exactly where they cross the plot and never hand the canvas
 * coordinates like 1e300.
 *
 * The segment is P(u) = A + u (B - A), u in [0, 1]. Each side of the rectangle bounds u
 * from below or above; the visible part is [u0, u1] when u0 <= u1.
 */
import type { Rect } from './transform.js';

/**
 * Clips A-B to `rect` grown by `pad` on every side. Returns false when nothing is left;
 * otherwise writes the visible part into out as [ax, ay, bx, by] and returns true.
 * Non-finite coordinates give false.
 */
export function clipSegment(
  ax: number,
  ay: number,
  bx: number,
  by: number,
  rect: Rect,
  pad: number,
  out: Float64Array,
): boolean {
  if (!(Number.isFinite(ax) && Number.isFinite(ay) && Number.isFinite(bx) && Number.isFinite(by))) return false;
  const dx = bx - ax;
  const dy = by - ay;
  const left = rect.left - pad;
  const right = rect.left + rect.width + pad;
  const top = rect.top - pad;
  const bottom = rect.top + rect.height + pad;
  let u0 = 0;
  let u1 = 1;
  // For each side: p u <= q keeps the point inside.
  const ps = [-dx, dx, -dy, dy];
  const qs = [ax - left, right - ax, ay - top, bottom - ay];
  for (let k = 0; k < 4; k++) {
    const p = ps[k];
    const q = qs[k];
    if (p === 0) {
      if (q < 0) return false; // parallel to this side and outside it
    } else {
      const u = q / p;
      if (p < 0) {
        if (u > u1) return false;
        if (u > u0) u0 = u;
      } else {
        if (u < u0) return false;
        if (u < u1) u1 = u;
      }
    }
  }
  out[0] = ax + u0 * dx;
  out[1] = ay + u0 * dy;
  out[2] = ax + u1 * dx;
  out[3] = ay + u1 * dy;
  return true;
}

/** True when (x, y) is inside `rect` grown by `pad`. */
export function insideRect(x: number, y: number, rect: Rect, pad: number): boolean {
  return (
    x >= rect.left - pad &&
    x <= rect.left + rect.width + pad &&
    y >= rect.top - pad &&
    y <= rect.top + rect.height + pad
  );
}

/** What of an arrow from A to B shows on the plot. */
export type ArrowVisibility =
  /** All of it from where it enters the plot, its tip B included. */
  | 'whole'
  /** B is off the plot: the arrow is cut where it leaves, at (out[2], out[3]). */
  | 'off-plot'
  /** Nothing: it misses the plot, or an end is not finite. */
  | 'hidden';

/**
 * The part of the arrow A -> B on `rect` (no padding: the plot's own edges), written
 * into out as [ax, ay, bx, by] as clipSegment does, and whether its tip B is on it
 * (within half a pixel).
 * An arrow whose tip is off the plot still shows where it leaves it.
 */
export function clipArrow(ax: number, ay: number, bx: number, by: number, rect: Rect, out: Float64Array): ArrowVisibility {
  if (!clipSegment(ax, ay, bx, by, rect, 0, out)) return 'hidden';
  // Within half a pixel counts as on the plot: a tip put on the edge by clipping stays a tip.
  return insideRect(bx, by, rect, 0.5) ? 'whole' : 'off-plot';
}
