/**
 * Contour lines (isolines) of a sampled grid by marching squares, joined into polylines,
 * and the choice of levels to draw.
 *
 * Each grid cell has four corner samples; a corner is "inside" when its value is >= the
 * level. The 16 inside/outside patterns say which cell edges the line crosses; where it
 * crosses an edge from a to b it does so at the linear interpolate t = (level - a)/(b - a).
 * The two ambiguous patterns (inside corners diagonally opposite) are decided by the
 * centre value, the mean of the four corners: when the centre is inside, the two inside
 * corners are joined through the middle and the lines cut off the outside corners;
 * otherwise the lines cut off the inside corners. Cells with a non-finite corner have no
 * lines. A crossing point is computed from its edge alone, so the two cells sharing an
 * edge agree on it exactly, and segments are joined by the edge they share.
 */
import { runAtOnce, type SlicedWork } from './slices.js';
import { gridX, gridY, type Grid } from './grid.js';
import { surfaceScale, type ValueScale } from './value-scale.js';

/** One connected piece of the contour line at `level`. */
export interface Isoline {
  readonly level: number;
  /** x, y pairs in domain coordinates, in order along the line. */
  readonly points: Float64Array;
  /** True when the line closes: the last point joins the first (which is not repeated). */
  readonly closed: boolean;
}

// Corner bits of a cell's case number.
const TOP_LEFT = 8;
const TOP_RIGHT = 4;
const BOTTOM_RIGHT = 2;
const BOTTOM_LEFT = 1;

// The cell's edges, in the case table below.
const TOP = 0;
const RIGHT = 1;
const BOTTOM = 2;
const LEFT = 3;

/**
 * For each case, the segments as pairs of edges (the saddle cases 5 and 10 are resolved
 * in code). The line always separates the inside corners from the outside ones.
 */
const SEGMENTS: ReadonlyArray<ReadonlyArray<readonly [number, number]>> = [
  [], //                                                      0: all outside
  [[LEFT, BOTTOM]], //                                         1: bottom-left inside
  [[BOTTOM, RIGHT]], //                                        2: bottom-right inside
  [[LEFT, RIGHT]], //                                          3: bottom row inside
  [[TOP, RIGHT]], //                                           4: top-right inside
  [], //                                                       5: saddle (top-right, bottom-left)
  [[TOP, BOTTOM]], //                                          6: right column inside
  [[LEFT, TOP]], //                                            7: all but top-left inside
  [[LEFT, TOP]], //                                            8: top-left inside
  [[TOP, BOTTOM]], //                                          9: left column inside
  [], //                                                      10: saddle (top-left, bottom-right)
  [[TOP, RIGHT]], //                                          11: all but top-right inside
  [[LEFT, RIGHT]], //                                         12: top row inside
  [[BOTTOM, RIGHT]], //                                       13: all but bottom-right inside
  [[LEFT, BOTTOM]], //                                        14: all but bottom-left inside
  [], //                                                      15: all inside
];

/** Case 5 (top-right and bottom-left inside): joined through the centre, or not. */
const SADDLE_5_JOINED: ReadonlyArray<readonly [number, number]> = [[LEFT, TOP], [BOTTOM, RIGHT]];
const SADDLE_5_APART: ReadonlyArray<readonly [number, number]> = [[LEFT, BOTTOM], [TOP, RIGHT]];
/** Case 10 (top-left and bottom-right inside): joined through the centre, or not. */
const SADDLE_10_JOINED: ReadonlyArray<readonly [number, number]> = [[TOP, RIGHT], [LEFT, BOTTOM]];
const SADDLE_10_APART: ReadonlyArray<readonly [number, number]> = [[LEFT, TOP], [BOTTOM, RIGHT]];

/**
 * The tables above flattened for the inner loop: entry c (0..15 the cases, 16..19 the
 * saddle variants in the order above) holds up to two segments as four edges, padded.
 */
const CASES = [...SEGMENTS, SADDLE_5_JOINED, SADDLE_5_APART, SADDLE_10_JOINED, SADDLE_10_APART];
const CASE_SEGMENTS = Int8Array.from(CASES.map((segments) => segments.length));
const CASE_EDGES = Int8Array.from(CASES.flatMap((segments) => [0, 1].flatMap((k) => segments[k] ?? [0, 0])));

/**
 * Edges are numbered by the node they start from: node n = j nx + i owns the edge to its
 * right neighbour (id 2n) and the edge to the node below it (id 2n + 1).
 */
function edgeId(nx: number, i: number, j: number, edge: number): number {
  switch (edge) {
    case TOP:
      return 2 * (j * nx + i);
    case BOTTOM:
      return 2 * ((j + 1) * nx + i);
    case LEFT:
      return 2 * (j * nx + i) + 1;
    default: // RIGHT
      return 2 * (j * nx + i + 1) + 1;
  }
}

/** Where the level crosses an edge, in grid coordinates [column, row]. */
function crossing(grid: Grid, level: number, id: number, out: Float64Array, at: number): void {
  const { nx, values } = grid;
  const n = id >> 1;
  const i = n % nx;
  const j = (n - i) / nx;
  const vertical = (id & 1) === 1;
  const a = values[n];
  const b = values[vertical ? n + nx : n + 1];
  const t = (level - a) / (b - a);
  out[at] = vertical ? i : i + t;
  out[at + 1] = vertical ? j + t : j;
}

/**
 * The marching-squares segments of each level, each segment as the pair of edge ids it
 * joins (flat: [e0, e1, e0, e1, ...]), one array per level. One pass over the cells:
 * a cell is crossed only by the levels between its lowest and highest corner.
 */
export function isolineEdges(grid: Grid, levels: ReadonlyArray<number>): Int32Array[] {
  return runAtOnce(isolineEdgesInSlices(grid, levels, Infinity));
}

/**
 * isolineEdges as sliced work (slices.ts): whole rows of cells, yielding before a row
 * that would take the slice past `cellsPerSlice` cells (at least one row per slice).
 */
function* isolineEdgesInSlices(grid: Grid, levels: ReadonlyArray<number>, cellsPerSlice: number): SlicedWork<Int32Array[]> {
  const { nx, ny, values } = grid;
  const order = levels.map((_, k) => k).sort((a, b) => levels[a] - levels[b]);
  const sorted = order.map((k) => levels[k]);
  const ends: number[][] = levels.map(() => []);
  let cells = 0;
  for (let j = 0; j + 1 < ny; j++) {
    if (cells > 0 && cells + nx - 1 > cellsPerSlice) {
      yield;
      cells = 0;
    }
    cells += nx - 1;
    for (let i = 0; i + 1 < nx; i++) {
      const n = j * nx + i;
      const tl = values[n];
      const tr = values[n + 1];
      const bl = values[n + nx];
      const br = values[n + nx + 1];
      if (!(Number.isFinite(tl) && Number.isFinite(tr) && Number.isFinite(bl) && Number.isFinite(br))) continue;
      const low = Math.min(tl, tr, bl, br);
      const high = Math.max(tl, tr, bl, br);
      // Levels in (low, high] split the corners; others leave them all on one side.
      for (let k = firstAbove(sorted, low); k < sorted.length && sorted[k] <= high; k++) {
        const level = sorted[k];
        const pattern =
          (tl >= level ? TOP_LEFT : 0) |
          (tr >= level ? TOP_RIGHT : 0) |
          (br >= level ? BOTTOM_RIGHT : 0) |
          (bl >= level ? BOTTOM_LEFT : 0);
        let c: number = pattern;
        if (pattern === 5 || pattern === 10) {
          const centreInside = (tl + tr + bl + br) / 4 >= level;
          c = (pattern === 5 ? 16 : 18) + (centreInside ? 0 : 1);
        }
        const out = ends[order[k]];
        for (let m = 0; m < CASE_SEGMENTS[c]; m++) {
          out.push(edgeId(nx, i, j, CASE_EDGES[4 * c + 2 * m]), edgeId(nx, i, j, CASE_EDGES[4 * c + 2 * m + 1]));
        }
      }
    }
  }
  return ends.map((e) => Int32Array.from(e));
}

/** The first index k with sorted[k] > v (sorted.length when none): binary search. */
function firstAbove(sorted: ReadonlyArray<number>, v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The contour line of one level, joined into polylines in domain coordinates. */
export function isolines(grid: Grid, level: number): Isoline[] {
  return contours(grid, [level]);
}

/** The isolines of every level, in the order of the levels. */
export function contours(grid: Grid, levels: ReadonlyArray<number>): Isoline[] {
  return runAtOnce(contoursInSlices(grid, levels, Infinity));
}

/**
 * contours as sliced work (slices.ts): the segments in slices of whole rows of at most
 * about `cellsPerSlice` cells, then the joining, a slice per level. The same lines.
 */
export function* contoursInSlices(grid: Grid, levels: ReadonlyArray<number>, cellsPerSlice: number): SlicedWork<Isoline[]> {
  const edges = yield* isolineEdgesInSlices(grid, levels, cellsPerSlice);
  // For each edge id, the (at most two) segments ending on it; -1 for none. Shared by
  // the levels: each level clears the entries it set.
  const edgeCount = 2 * grid.nx * grid.ny;
  const first = new Int32Array(edgeCount).fill(-1);
  const second = new Int32Array(edgeCount).fill(-1);
  const lines: Isoline[] = [];
  for (let k = 0; k < levels.length; k++) {
    if (cellsPerSlice < Infinity) yield;
    joinSegments(grid, levels[k], edges[k], first, second, lines);
  }
  return lines;
}

/** Joins one level's segments (pairs of edge ids) into polylines, appended to `lines`. */
function joinSegments(
  grid: Grid,
  level: number,
  ends: Int32Array,
  first: Int32Array,
  second: Int32Array,
  lines: Isoline[],
): void {
  const segmentCount = ends.length / 2;
  for (let k = 0; k < ends.length; k++) {
    const e = ends[k];
    if (first[e] === -1) first[e] = k >> 1;
    else second[e] = k >> 1;
  }
  const used = new Uint8Array(segmentCount);
  const chain: number[] = [];
  const point = new Float64Array(2);

  /** Follows the chain from segment s, entering it through edge `from`. */
  const walk = (s: number, from: number, closed: boolean): void => {
    chain.length = 0;
    chain.push(from);
    let edge = from;
    while (s !== -1) {
      used[s] = 1;
      edge = ends[2 * s] === edge ? ends[2 * s + 1] : ends[2 * s];
      chain.push(edge);
      const next = first[edge] === s ? second[edge] : first[edge];
      s = next !== -1 && used[next] === 0 ? next : -1;
    }
    if (closed) chain.pop(); // the walk came back to its first edge
    const points = new Float64Array(chain.length * 2);
    for (let k = 0; k < chain.length; k++) {
      crossing(grid, level, chain[k], point, 0);
      points[2 * k] = gridX(grid, point[0]);
      points[2 * k + 1] = gridY(grid, point[1]);
    }
    lines.push({ level, points, closed });
  };

  // Open lines first, from an end that no other segment continues...
  for (let s = 0; s < segmentCount; s++) {
    if (used[s] === 0 && second[ends[2 * s]] === -1) walk(s, ends[2 * s], false);
    if (used[s] === 0 && second[ends[2 * s + 1]] === -1) walk(s, ends[2 * s + 1], false);
  }
  // ...then what is left are rings.
  for (let s = 0; s < segmentCount; s++) if (used[s] === 0) walk(s, ends[2 * s], true);

  for (let k = 0; k < ends.length; k++) {
    first[ends[k]] = -1;
    second[ends[k]] = -1;
  }
}

/**
 * `count` contour levels evenly spaced in a value scale (by default `surfaceScale` of
 * the values, the transform the heatmap colours by): the values at positions
 * k / (count + 1), k = 1..count, so neighbouring lines differ by the same step of
 * colour. With the plain rank scale they split the sampled area into count + 1 bands of
 * equal area. Levels that coincide (tied samples) are given once; none when the values
 * have no spread.
 */
export function contourLevels(
  values: ArrayLike<number>,
  count: number,
  scale: ValueScale = surfaceScale(values),
): number[] {
  const levels: number[] = [];
  if (!(scale.max > scale.min)) return levels;
  for (let k = 1; k <= count; k++) {
    const level = scale.quantile(k / (count + 1));
    if (level > scale.min && level < scale.max && level !== levels[levels.length - 1]) levels.push(level);
  }
  return levels;
}
