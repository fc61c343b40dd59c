/**
 * The pure maths under the data plot: the rectangle to show a data set in, the part of
 * a straight line inside a rectangle, and a classifier's decision boundaries.
 *
 * The rectangle. Each axis spans the finite values of its coordinate, padded by
 * DATA_PAD_FRACTION of their range on each side and then rounded outwards to a multiple
 * of half a nice tick step (see ticks.ts), so the frame ends on round numbers a little
 * beyond the data: Iris petal lengths 1 to 6.9 are shown on [0.5, 7.5]. Padding does
 * not take an axis across zero when all its values are clearly on one side of it (petal
 * widths 0.1 to 2.5 are shown from 0, not from -0.25); values that reach zero keep their
 * margin below it. A coordinate with a single value gets a
 * band around it; one with no finite value gets [-1, 1].
 *
 * Lines. A regression fit y = m x + b and a linear classifier's boundary
 * w1 x + w2 y + b = 0 are both a x + b y + c = 0. The part inside the rectangle is found
 * in the line's own terms (the foot of the perpendicular from the rectangle's centre,
 * then a segment along the line, clipped), after scaling (a, b, c) by max(|a|, |b|):
 * so slopes like 1e300 from a diverged fit give the nearly vertical line they describe,
 * and no coordinate ever overflows. Non-finite coefficients, or a = b = 0, give nothing.
 *
 * Decision boundaries. A classifier is sampled at the nodes of a grid as a label: for a
 * binary classifier that returns P(class 1) (or the class, 0 or 1), the label is 1 where
 * P >= 0.5 and 0 elsewhere; for a multiclass one that returns a class index, the index
 * (rounded, clamped to the classes). NaN where the classifier is not finite. The
 * boundary of each class's region is traced by marching squares on the class's
 * indicator (contours.ts), which puts each crossing at the middle of a grid edge whose
 * ends have different labels; each crossing is then moved to where the label really
 * changes along that edge, by bisection with the classifier (BISECTIONS halvings: 1/128
 * of a cell). So a straight boundary comes out straight, not as a staircase, on a grid
 * coarse enough to recompute every frame.
 */
import type { Domain } from '../core/index.js';
import { clipSegment } from './clip.js';
import { contours, type Isoline } from './contours.js';
import { gridX, gridY, sampleGrid, type Grid } from './grid.js';
import { tickStep } from './ticks.js';

/** The margin added on each side of the data, as a fraction of its range. */
export const DATA_PAD_FRACTION = 0.06;

/** Padding stops at zero only for data at least this fraction of its range away from it. */
const ZERO_CLEARANCE = 0.03;

/** Halvings of a grid edge when a boundary crossing is located. */
export const BISECTIONS = 7;

/** How a classifier's value is read (see the module comment). */
export type ClassifierKind = 'binary-line' | 'regions';

/**
 * The rectangle to show n points in (xs is n x 2 row-major; see the module comment).
 * Points with a non-finite coordinate are ignored.
 */
export function dataDomain(xs: ArrayLike<number>, pad = DATA_PAD_FRACTION): Domain {
  const x = [Infinity, -Infinity];
  const y = [Infinity, -Infinity];
  for (let k = 0; k + 1 < xs.length; k += 2) {
    const px = xs[k];
    const py = xs[k + 1];
    if (!(Number.isFinite(px) && Number.isFinite(py))) continue;
    if (px < x[0]) x[0] = px;
    if (px > x[1]) x[1] = px;
    if (py < y[0]) y[0] = py;
    if (py > y[1]) y[1] = py;
  }
  return { x: axisRange(x[0], x[1], pad), y: axisRange(y[0], y[1], pad) };
}

/** One axis of dataDomain: [lo, hi] padded and rounded outwards. */
export function axisRange(lo: number, hi: number, pad = DATA_PAD_FRACTION): [number, number] {
  if (!(lo <= hi)) return [-1, 1];
  if (lo === hi) {
    const half = Math.max(Math.abs(lo) * 0.5, 1);
    return rounded(lo - half, hi + half, lo, hi);
  }
  const span = hi - lo;
  return rounded(lo - pad * span, hi + pad * span, lo, hi);
}

/** [a, b] rounded outwards to half a nice step, not across zero when the data [lo, hi] is not. */
function rounded(a: number, b: number, lo: number, hi: number): [number, number] {
  const step = tickStep(a, b, 10) / 2;
  let r0 = Math.floor(a / step) * step;
  let r1 = Math.ceil(b / step) * step;
  // Zero as the edge only when the data keeps clear of it (a point on the frame would be cut).
  const clear = ZERO_CLEARANCE * Math.max(hi - lo, Math.abs(lo), Math.abs(hi));
  if (lo >= clear && r0 < 0) r0 = 0;
  if (hi <= -clear && r1 > 0) r1 = 0;
  // Remove the last bits of rounding (0.30000000000000004).
  r0 = Number(r0.toPrecision(12));
  r1 = Number(r1.toPrecision(12));
  return r0 < r1 ? [r0, r1] : [lo - 1, hi + 1];
}

/**
 * The part of the line a x + b y + c = 0 inside `domain`, as [x0, y0, x1, y1] in domain
 * coordinates, or null when the line misses it, is not a line (a = b = 0) or has a
 * non-finite coefficient.
 */
export function lineInDomain(a: number, b: number, c: number, domain: Domain): [number, number, number, number] | null {
  if (!(Number.isFinite(a) && Number.isFinite(b) && Number.isFinite(c))) return null;
  const m = Math.max(Math.abs(a), Math.abs(b));
  if (!(m > 0)) return null;
  const na = a / m;
  const nb = b / m;
  const nc = c / m;
  if (!Number.isFinite(nc)) return null;
  const [x0, x1] = domain.x;
  const [y0, y1] = domain.y;
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const radius = Math.hypot(x1 - x0, y1 - y0) / 2;
  const norm = Math.hypot(na, nb); // in [1, sqrt 2]
  // Signed distance of the centre from the line, along the unit normal.
  const distance = (na * cx + nb * cy + nc) / norm;
  if (!(Math.abs(distance) <= radius)) return null;
  const ux = na / norm;
  const uy = nb / norm;
  const fx = cx - distance * ux; // the foot of the perpendicular
  const fy = cy - distance * uy;
  const half = radius * 1.01 + 1e-12;
  const out = new Float64Array(4);
  const rect = { left: x0, top: y0, width: x1 - x0, height: y1 - y0 };
  if (!clipSegment(fx + uy * half, fy - ux * half, fx - uy * half, fy + ux * half, rect, 0, out)) return null;
  return [out[0], out[1], out[2], out[3]];
}

/** A classifier's value as a label (see the module comment): NaN when it has none. */
export function labelOf(value: number, kind: ClassifierKind, classes: number): number {
  if (!Number.isFinite(value)) return NaN;
  if (kind === 'binary-line') return value >= 0.5 ? 1 : 0;
  return Math.min(Math.max(Math.round(value), 0), Math.max(0, classes - 1));
}

/**
 * The classifier's labels at the nodes of an nx x ny grid over `domain` (grid.ts's
 * layout: row 0 at the top). Throws when the classifier throws.
 */
export function labelGrid(
  classify: (x: number, y: number) => number,
  kind: ClassifierKind,
  classes: number,
  domain: Domain,
  nx: number,
  ny: number,
): Grid {
  return sampleGrid((x, y) => labelOf(classify(x, y), kind, classes), domain, nx, ny);
}

/**
 * The boundaries between the labelled regions of `labels` (from labelGrid with the
 * same classifier), as polylines in domain coordinates, each crossing located by
 * bisection (see the module comment). For a binary classifier: the line P = 0.5. For
 * several classes: the boundary of every class's region but the highest label present
 * (those cover every boundary; one between two lower classes is traced from both sides,
 * on the same points).
 */
export function decisionBoundaries(
  labels: Grid,
  classify: (x: number, y: number) => number,
  kind: ClassifierKind,
  classes: number,
): Isoline[] {
  const { nx, ny, values } = labels;
  const present = new Set<number>();
  for (let k = 0; k < values.length; k++) if (!Number.isNaN(values[k])) present.add(values[k]);
  const sorted = [...present].sort((p, q) => p - q);
  if (sorted.length < 2) return [];
  const traced = kind === 'binary-line' ? [1] : sorted.slice(0, -1);
  const label = (x: number, y: number): number => labelOf(classify(x, y), kind, classes);
  // The indicator grid in index coordinates: x = column, y = (ny - 1) - row, so each
  // crossing marching squares puts at an edge's middle is an exact half.
  const indexDomain: Domain = { x: [0, nx - 1], y: [0, ny - 1] };
  const indicator = new Float64Array(values.length);
  const lines: Isoline[] = [];
  for (const k of traced) {
    for (let n = 0; n < values.length; n++) indicator[n] = Number.isNaN(values[n]) ? NaN : values[n] === k ? 1 : 0;
    const grid: Grid = { nx, ny, domain: indexDomain, values: indicator, min: 0, max: 1 };
    for (const line of contours(grid, [0.5])) {
      const points = line.points;
      const out = new Float64Array(points.length);
      for (let p = 0; p < points.length; p += 2) {
        const i = points[p];
        const j = ny - 1 - points[p + 1];
        // The edge's ends: the node on the class-k side first.
        let i0: number, j0: number, i1: number, j1: number;
        if (Number.isInteger(i)) {
          i0 = i1 = i;
          j0 = Math.floor(j);
          j1 = j0 + 1;
        } else {
          j0 = j1 = Math.round(j);
          i0 = Math.floor(i);
          i1 = i0 + 1;
        }
        if (values[j0 * nx + i0] !== k) [i0, j0, i1, j1] = [i1, j1, i0, j0];
        const ax = gridX(labels, i0);
        const ay = gridY(labels, j0);
        const bx = gridX(labels, i1);
        const by = gridY(labels, j1);
        let lo = 0;
        let hi = 1;
        for (let s = 0; s < BISECTIONS; s++) {
          const mid = (lo + hi) / 2;
          if (label(ax + mid * (bx - ax), ay + mid * (by - ay)) === k) lo = mid;
          else hi = mid;
        }
        const u = (lo + hi) / 2;
        out[p] = ax + u * (bx - ax);
        out[p + 1] = ay + u * (by - ay);
      }
      lines.push({ level: k, points: out, closed: line.closed });
    }
  }
  return lines;
}

/**
 * The nx x ny RGBA image of the labelled regions (one pixel per node, row 0 at the top):
 * each node in its class's colour `colors[label]` (RGBA bytes), transparent where the
 * label is NaN or has no colour.
 */
export function regionPixels(labels: Grid, colors: ReadonlyArray<readonly [number, number, number, number]>): Uint8ClampedArray<ArrayBuffer> {
  const { values } = labels;
  const pixels = new Uint8ClampedArray(values.length * 4);
  for (let n = 0; n < values.length; n++) {
    const v = values[n];
    const c = Number.isNaN(v) ? undefined : colors[v];
    if (!c) continue;
    pixels[4 * n] = c[0];
    pixels[4 * n + 1] = c[1];
    pixels[4 * n + 2] = c[2];
    pixels[4 * n + 3] = c[3];
  }
  return pixels;
}

/** How many classes labels name: `classes` when given, else the largest finite label + 1 (at least 1). */
export function classCount(labels: ArrayLike<number> | undefined, classes?: number): number {
  if (classes !== undefined && Number.isInteger(classes) && classes >= 1) return classes;
  let max = 0;
  if (labels) for (let k = 0; k < labels.length; k++) if (Number.isFinite(labels[k]) && labels[k] > max) max = labels[k];
  return Math.floor(max) + 1;
}

/**
 * Which straight segments (canvas px, [x0, y0, x1, y1], null for none) lie on top of
 * each other: each segment's group number, the same for segments whose ends are all
 * within `tolerance` px of the other segment's line (and transitively); -1 for null.
 * The data plot draws a group of several fits as one line dashed in turns of their
 * colours, so fits that agree show every colour instead of only the one drawn last.
 */
export function coincidentGroups(segments: ReadonlyArray<ArrayLike<number> | null>, tolerance = 2): number[] {
  const parent = segments.map((_, k) => k);
  const find = (k: number): number => {
    while (parent[k] !== k) k = parent[k] = parent[parent[k]];
    return k;
  };
  const near = (s: ArrayLike<number>, o: ArrayLike<number>): boolean => {
    const dx = o[2] - o[0];
    const dy = o[3] - o[1];
    const length = Math.hypot(dx, dy);
    if (!(length > 0)) return Math.hypot(s[0] - o[0], s[1] - o[1]) <= tolerance && Math.hypot(s[2] - o[0], s[3] - o[1]) <= tolerance;
    const d0 = Math.abs((s[0] - o[0]) * dy - (s[1] - o[1]) * dx) / length;
    const d1 = Math.abs((s[2] - o[0]) * dy - (s[3] - o[1]) * dx) / length;
    return d0 <= tolerance && d1 <= tolerance;
  };
  for (let p = 0; p < segments.length; p++) {
    const sp = segments[p];
    if (!sp) continue;
    for (let q = p + 1; q < segments.length; q++) {
      const sq = segments[q];
      if (sq && near(sp, sq) && near(sq, sp)) parent[find(q)] = find(p);
    }
  }
  const ids = new Map<number, number>();
  return segments.map((s, k) => {
    if (!s) return -1;
    const root = find(k);
    if (!ids.has(root)) ids.set(root, ids.size);
    return ids.get(root)!;
  });
}

/** A text box to place: its wanted top `y`, and its extent (CSS px). */
export interface LabelBox {
  readonly left: number;
  readonly width: number;
  readonly y: number;
  readonly height: number;
}

/**
 * Tops for label boxes so that no two overlap (boxes that overlap horizontally are
 * moved apart vertically, keeping their order from the top, at least `gap` px apart),
 * all within [minY, maxY - height] as far as they fit: the labels of three fits that
 * nearly agree are stacked instead of written over each other.
 */
export function separateLabels(boxes: ReadonlyArray<LabelBox>, minY: number, maxY: number, gap = 1): number[] {
  const order = boxes.map((_, k) => k).sort((p, q) => boxes[p].y - boxes[q].y || p - q);
  const ys = boxes.map((b) => Math.min(Math.max(b.y, minY), maxY - b.height));
  const overlapX = (p: number, q: number): boolean =>
    boxes[p].left < boxes[q].left + boxes[q].width && boxes[q].left < boxes[p].left + boxes[p].width;
  // Downwards: each box below every earlier box it overlaps...
  for (let m = 0; m < order.length; m++) {
    const q = order[m];
    for (let l = 0; l < m; l++) {
      const p = order[l];
      if (overlapX(p, q)) ys[q] = Math.max(ys[q], ys[p] + boxes[p].height + gap);
    }
  }
  // ...then upwards from the bottom edge, for the boxes pushed past it.
  for (let m = order.length - 1; m >= 0; m--) {
    const q = order[m];
    ys[q] = Math.min(ys[q], maxY - boxes[q].height);
    for (let l = m + 1; l < order.length; l++) {
      const p = order[l];
      if (overlapX(p, q)) ys[q] = Math.min(ys[q], ys[p] - boxes[q].height - gap);
    }
  }
  return ys;
}
