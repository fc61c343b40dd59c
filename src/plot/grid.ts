/**
 * A surface sampled on a regular grid over a rectangle of its domain: what the heatmap
 * colours and the contour lines trace.
 *
 * Layout: `nx` columns by `ny` rows, row-major, **row 0 at the top** (y = domain.y[1])
 * and column 0 at the left (x = domain.x[0]), so row j of the grid is row j of the image
 * it becomes. The samples sit on the grid's nodes, corners included:
 *
 *   x_i = x0 + i (x1 - x0) / (nx - 1),   y_j = y1 - j (y1 - y0) / (ny - 1),
 *   values[j nx + i] = f(x_i, y_j).
 */
import type { Domain } from '../core/index.js';
import { runAtOnce, type SlicedWork } from './slices.js';

export interface Grid {
  /** Columns (samples along x), at least 2. */
  readonly nx: number;
  /** Rows (samples along y), at least 2. */
  readonly ny: number;
  readonly domain: Domain;
  /** f at the nodes, row-major, row 0 at the top. Non-finite values are kept as they came. */
  readonly values: Float64Array;
  /** The least finite value; NaN when no value is finite. */
  readonly min: number;
  /** The greatest finite value; NaN when no value is finite. */
  readonly max: number;
}

/** x of column i: x0 + i (x1 - x0) / (nx - 1). Fractional i interpolates. */
export function gridX(grid: Pick<Grid, 'nx' | 'domain'>, i: number): number {
  const [x0, x1] = grid.domain.x;
  return x0 + (i * (x1 - x0)) / (grid.nx - 1);
}

/** y of row j: y1 - j (y1 - y0) / (ny - 1) (row 0 is the top). Fractional j interpolates. */
export function gridY(grid: Pick<Grid, 'ny' | 'domain'>, j: number): number {
  const [y0, y1] = grid.domain.y;
  return y1 - (j * (y1 - y0)) / (grid.ny - 1);
}

/** The least and greatest finite numbers among values; [NaN, NaN] when there are none. */
export function finiteExtent(values: ArrayLike<number>): [number, number] {
  let min = Infinity;
  let max = -Infinity;
  for (let k = 0; k < values.length; k++) {
    const v = values[k];
    if (v < min && v > -Infinity) min = v; // NaN fails both comparisons
    if (v > max && v < Infinity) max = v;
  }
  return min <= max ? [min, max] : [NaN, NaN];
}

/**
 * f sampled on an nx x ny grid of nodes over `domain` (layout in the module comment).
 * Throws a RangeError unless nx and ny are integers of at least 2.
 */
export function sampleGrid(
  value: (x: number, y: number) => number,
  domain: Domain,
  nx: number,
  ny: number,
): Grid {
  return runAtOnce(sampleGridInSlices(value, domain, nx, ny, Infinity));
}

/**
 * sampleGrid as sliced work (slices.ts): whole rows, yielding before a row that would
 * take the slice past `evaluationsPerSlice` evaluations of f (a slice has at least one
 * row, so at most max(evaluationsPerSlice, nx) evaluations). The same grid as sampleGrid.
 */
export function* sampleGridInSlices(
  value: (x: number, y: number) => number,
  domain: Domain,
  nx: number,
  ny: number,
  evaluationsPerSlice: number,
): SlicedWork<Grid> {
  if (!Number.isInteger(nx) || !Number.isInteger(ny) || nx < 2 || ny < 2) {
    throw new RangeError(`a grid needs at least 2 x 2 nodes, not ${nx} x ${ny}`);
  }
  const values = new Float64Array(nx * ny);
  const shape = { nx, ny, domain };
  const xs = new Float64Array(nx);
  for (let i = 0; i < nx; i++) xs[i] = gridX(shape, i);
  let evaluations = 0;
  for (let j = 0; j < ny; j++) {
    if (evaluations > 0 && evaluations + nx > evaluationsPerSlice) {
      yield;
      evaluations = 0;
    }
    const y = gridY(shape, j);
    const row = j * nx;
    for (let i = 0; i < nx; i++) values[row + i] = value(xs[i], y);
    evaluations += nx;
  }
  const [min, max] = finiteExtent(values);
  return { nx, ny, domain, values, min, max };
}
