/**
 * A whole run of an optimizer from a start point: the path, the value and gradient
 * norm at every point of it, and why it stopped.
 *
 * Before each update k (k = 0, 1, ...), at the point x_k:
 *   - diverged   if f(x_k) or a coordinate of x_k is not finite, or x_k is farther from
 *                the domain's centre than 100 times the domain's width (no domain: 1e6
 *                from the origin);
 *   - converged  if a tolerance is given and |grad f(x_k)| < tolerance;
 *   - max-steps  if k = steps;
 *   - otherwise  x_{k+1} = update(x_k).
 * So path[k] is the point after k updates and path, values and gradientNorms have one
 * entry per point, the start included. `record(k)` gives the numbers of update k as the
 * run used them (see update-record.ts): where it took its gradient, the gradient, the
 * optimizer's state before and after.
 */
import type { Objective, Vector } from './types.js';
import type { Optimizer } from './optimizers.js';
import { RunStore, type UpdateRecord } from './update-record.js';

export type StopReason = 'converged' | 'max-steps' | 'diverged';

export interface Descent {
  /** path[0] is the start, path[k] the point after k updates. */
  path: Vector[];
  /** f(path[k]). */
  values: number[];
  /** |grad f(path[k])|. */
  gradientNorms: number[];
  stop: StopReason;
  /**
   * The numbers of update k (x_k -> x_{k+1}, 0 <= k < path.length - 1) as the run used
   * them, made in O(1) from what the run stored. Throws a RangeError for another k.
   */
  record(k: number): UpdateRecord;
}

export interface DescendOptions {
  /** The most updates to make. */
  steps: number;
  /** Stop as converged when the gradient norm falls below this. Off when absent. */
  tolerance?: number;
}

/** How far a point may wander before the run counts as diverged. */
export interface Leash {
  readonly centre: Vector;
  readonly radius: number;
}

/** Without a domain, a point this far from the origin has diverged. */
export const UNBOUNDED_RADIUS = 1e6;

/**
 * The rectangle (or, without `y`, the interval) a leash is measured from: a surface's
 * `Domain`, or a curve's `{ x }`.
 */
export interface LeashDomain {
  readonly x: readonly [number, number];
  readonly y?: readonly [number, number];
}

/**
 * The leash of an objective: 100 domain widths around its domain's centre, or 1e6 around
 * the origin. The width is the longer side, max(x1 - x0, y1 - y0); for a domain with `x`
 * alone (a curve) it is x1 - x0 and the centre is the midpoint (x0 + x1) / 2.
 */
export function leashOf(objective: Objective & { readonly domain?: LeashDomain }): Leash {
  const d = objective.domain;
  if (d === undefined) return { centre: new Float64Array(objective.dim), radius: UNBOUNDED_RADIUS };
  if (d.y === undefined) {
    return { centre: Float64Array.of((d.x[0] + d.x[1]) / 2), radius: 100 * (d.x[1] - d.x[0]) };
  }
  const width = Math.max(d.x[1] - d.x[0], d.y[1] - d.y[0]);
  return { centre: Float64Array.of((d.x[0] + d.x[1]) / 2, (d.y[0] + d.y[1]) / 2), radius: 100 * width };
}

/** True when a point, or its value, says the run has blown up. */
export function hasDiverged(x: ArrayLike<number>, value: number, leash: Leash): boolean {
  if (!Number.isFinite(value)) return true;
  let d2 = 0;
  for (let i = 0; i < x.length; i++) {
    if (!Number.isFinite(x[i])) return true;
    const d = x[i] - leash.centre[i];
    d2 += d * d;
  }
  return d2 > leash.radius * leash.radius;
}

/** Euclidean norm. */
export function norm(v: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i] * v[i];
  return Math.sqrt(s);
}

/**
 * Runs `optimizer` (reset first) on `objective` from `start` for at most `steps` updates.
 * Throws a RangeError when start has the wrong dimension or steps is not a whole number >= 0.
 */
export function descend(
  objective: Objective,
  optimizer: Optimizer,
  start: ArrayLike<number>,
  options: DescendOptions,
): Descent {
  const { steps, tolerance } = options;
  if (start.length !== objective.dim) {
    throw new RangeError(`start has ${start.length} coordinates, the objective takes ${objective.dim}`);
  }
  if (!(Number.isInteger(steps) && steps >= 0)) throw new RangeError(`steps must be a whole number >= 0, got ${steps}`);
  const leash = leashOf(objective);
  const n = objective.dim;
  const x = Float64Array.from(start);
  const grad = new Float64Array(n);
  const ahead = new Float64Array(n);
  // Points, gradients and each update's numbers go into flat buffers, grown by doubling;
  // points are handed out at the end as views: one small allocation per point.
  const store = new RunStore(n, steps, optimizer);
  const values: number[] = [];
  const gradientNorms: number[] = [];
  optimizer.reset();

  let stop: StopReason;
  for (let k = 0; ; k++) {
    const value = objective.evaluate(x, grad);
    const gradientNorm = norm(grad);
    store.addPoint(k, x, grad);
    values.push(value);
    gradientNorms.push(gradientNorm);
    if (hasDiverged(x, value, leash)) {
      stop = 'diverged';
      break;
    }
    if (tolerance !== undefined && gradientNorm < tolerance) {
      stop = 'converged';
      break;
    }
    if (k === steps) {
      stop = 'max-steps';
      break;
    }
    // Every rule but Nesterov wants the gradient at x, which the loop has just taken.
    if (optimizer.looksAhead) objective.evaluate(optimizer.gradientPoint(x, ahead), grad);
    optimizer.apply(x, grad);
    store.addUpdate(k, ahead, optimizer.state);
  }
  const flat = store.points;
  const path: Vector[] = new Array(values.length);
  for (let k = 0; k < path.length; k++) path[k] = flat.subarray(k * n, (k + 1) * n);
  return { path, values, gradientNorms, stop, record: (k) => store.record(k, path, values) };
}
