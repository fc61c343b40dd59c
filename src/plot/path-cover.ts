/**
 * Paths on a map that other paths hide. Lanes of a race drawn one after another can
 * run along the same valley floor; a lane whose whole path lies under the others' lines
 * leaves a colour in the legend that the map never shows.
 *
 * On a grid of cells one pixel wide (in the map's units), each path marks the cells its
 * line passes through: its vertices and points every pixel along each segment.
 * A point is under a line when that line marks its cell or one of the 8 around it (the
 * line is within about 1.5 pixels: a line 2 px wide with its halo covers it). Paths are
 * drawn in order, each over the ones before: a path is covered when every point of it
 * inside the visible region is under the lines of the paths drawn after it. Of two
 * identical paths the earlier one is covered.
 */

export interface MapRegion {
  readonly x: readonly [number, number];
  readonly y: readonly [number, number];
}

/** At most this many points along one segment (a run that blows up makes huge ones). */
const MAX_SAMPLES_PER_SEGMENT = 4096;

/** Calls `visit(i, j)` for the cell of every point along the path inside the region. */
function walk(path: ReadonlyArray<ArrayLike<number>>, region: MapRegion, pixel: number, visit: (i: number, j: number) => boolean): boolean {
  const inside = (x: number, y: number) => x >= region.x[0] && x <= region.x[1] && y >= region.y[0] && y <= region.y[1];
  const at = (x: number, y: number) => (inside(x, y) ? visit(Math.floor((x - region.x[0]) / pixel), Math.floor((y - region.y[0]) / pixel)) : true);
  for (let k = 0; k < path.length; k++) {
    const p = path[k];
    if (!Number.isFinite(p[0]) || !Number.isFinite(p[1])) break;
    if (k === 0) {
      if (!at(p[0], p[1])) return false;
      continue;
    }
    const q = path[k - 1];
    const n = Math.min(MAX_SAMPLES_PER_SEGMENT, Math.ceil(Math.hypot(p[0] - q[0], p[1] - q[1]) / pixel));
    for (let s = 1; s <= n; s++) {
      const t = s / n;
      if (!at(q[0] + t * (p[0] - q[0]), q[1] + t * (p[1] - q[1]))) return false;
    }
  }
  return true;
}

/**
 * For each path, the share of its points inside the region that lie under the lines of
 * the paths drawn after it (later in the list, so on top of it): 1 when they hide it
 * entirely, 0 for the last path, which nothing covers, and for a path with no point in
 * the region. `pixel` is the size of one pixel in the map's units; `region` what the map
 * shows.
 */
export function hiddenShares(paths: ReadonlyArray<ReadonlyArray<ArrayLike<number>>>, region: MapRegion, pixel: number): number[] {
  const shares = paths.map(() => 0);
  if (!(pixel > 0) || paths.length < 2) return shares;
  const columns = Math.ceil((region.x[1] - region.x[0]) / pixel) + 3;
  // Cell (i, j), i and j from -1, as one integer.
  const key = (i: number, j: number) => (j + 1) * columns + (i + 1);
  const above = new Set<number>(); // the cells of every path after the one checked
  const under = (i: number, j: number) => {
    for (let dj = -1; dj <= 1; dj++) {
      for (let di = -1; di <= 1; di++) if (above.has(key(i + di, j + dj))) return true;
    }
    return false;
  };
  for (let s = paths.length - 1; s >= 0; s--) {
    if (s < paths.length - 1) {
      let points = 0;
      let hidden = 0;
      walk(paths[s], region, pixel, (i, j) => {
        points++;
        if (under(i, j)) hidden++;
        return true;
      });
      shares[s] = points === 0 ? 0 : hidden / points;
    }
    walk(paths[s], region, pixel, (i, j) => {
      above.add(key(i, j));
      return true;
    });
  }
  return shares;
}

/** For each path, true when the paths drawn after it hide it entirely: `hiddenShares` = 1. */
export function coveredPaths(paths: ReadonlyArray<ReadonlyArray<ArrayLike<number>>>, region: MapRegion, pixel: number): boolean[] {
  return hiddenShares(paths, region, pixel).map((share) => share === 1);
}
