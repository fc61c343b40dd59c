/**
 * Curvature at a minimum, and the two learning rates it sets for gradient descent.
 *
 * Near a minimum x* an objective is a quadratic, f(x*+u) ~ f(x*) + (1/2) u^T H u, with
 * H the Hessian (the matrix of second derivatives). Along an eigenvector of H with
 * eigenvalue lambda, gradient descent multiplies the distance to x* by
 *
 *   1 - lr lambda
 *
 * each step. With L the largest eigenvalue (the stiffest direction):
 *   - lr = 1/L reaches the minimum along that direction in one step (x - (1/L) L x = 0):
 *     the fastest rate that never overshoots it;
 *   - lr = 2/L makes the factor -1: beyond it |1 - lr L| > 1 and gd diverges along that
 *     direction. Between 1/L and 2/L it overshoots and oscillates, but converges.
 *
 * The Hessian is measured by central differences of the exact gradient, its eigenvalues
 * in closed form (n = 1, 2) or by Jacobi rotations (n > 2), and the minimum either
 * taken from a surface's known minima or found by a run of Adam polished by Newton's
 * method, independent of the learning rate on screen.
 */
import { descend, hasDiverged, leashOf, norm, type LeashDomain } from './descend.js';
import { createOptimizer } from './optimizers.js';
import type { Objective } from './types.js';

/** The relative step of `hessian`: h_i = 1e-5 max(1, |x_i|). */
export const DEFAULT_HESSIAN_STEP = 1e-5;

/**
 * The Hessian of `objective` at x, symmetric, as rows. Column j of row i is the change
 * of the j-th gradient component along e_i, by central differences of the exact gradient:
 *
 *   H[i][j] = (g_j(x + h_i e_i) - g_j(x - h_i e_i)) / (2 h_i),   h_i = h max(1, |x_i|),
 *
 * then symmetrised, H <- (H + H^T) / 2. The gradient of a quadratic is linear, so this
 * is exact for quadratics up to rounding; otherwise the error is O(h^2).
 * Throws a RangeError when x has the wrong dimension or h is not a positive number.
 */
export function hessian(objective: Objective, x: ArrayLike<number>, h: number = DEFAULT_HESSIAN_STEP): number[][] {
  const n = objective.dim;
  if (x.length !== n) throw new RangeError(`x has ${x.length} coordinates, the objective takes ${n}`);
  if (!(h > 0 && Number.isFinite(h))) throw new RangeError(`h must be a positive number, got ${h}`);
  const point = Float64Array.from(x);
  const gUp = new Float64Array(n);
  const gDown = new Float64Array(n);
  const rows: number[][] = [];
  for (let i = 0; i < n; i++) {
    const xi = point[i];
    const step = h * Math.max(1, Math.abs(xi));
    // The step as the machine takes it: (xi + step) - (xi - step) may differ from 2 step.
    const up = xi + step;
    const down = xi - step;
    point[i] = up;
    objective.evaluate(point, gUp);
    point[i] = down;
    objective.evaluate(point, gDown);
    point[i] = xi;
    const row = new Array<number>(n);
    for (let j = 0; j < n; j++) row[j] = (gUp[j] - gDown[j]) / (up - down);
    rows.push(row);
  }
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      const mean = (rows[i][j] + rows[j][i]) / 2;
      rows[i][j] = mean;
      rows[j][i] = mean;
    }
  }
  return rows;
}

/** A copy of a square matrix as rows; a RangeError when it is not square. */
function squareCopy(matrix: ReadonlyArray<ArrayLike<number>>): number[][] {
  const n = matrix.length;
  return matrix.map((row, i) => {
    if (row.length !== n) throw new RangeError(`row ${i} has ${row.length} entries, the matrix has ${n} rows`);
    return Array.from(row);
  });
}

/**
 * The eigenvalues of a symmetric matrix, smallest first. NaN for every one when an entry
 * is not finite. Only the upper triangle's mirror is assumed: pass a symmetric matrix.
 *
 *   n = 1: the entry.
 *   n = 2: [[a, b], [b, d]] has m +- r, m = (a + d)/2, r = sqrt(((a - d)/2)^2 + b^2).
 *   n > 2: cyclic Jacobi. Each rotation J in the (p, q) plane, by the angle phi with
 *          cot 2 phi = theta = (a_qq - a_pp) / (2 a_pq), zeroes a_pq in A <- J^T A J:
 *            t = tan phi = sign(theta) / (|theta| + sqrt(theta^2 + 1)), c = 1/sqrt(t^2+1), s = t c,
 *            a_pp <- a_pp - t a_pq,  a_qq <- a_qq + t a_pq,
 *            a_rp <- c a_rp - s a_rq,  a_rq <- s a_rp + c a_rq  (r != p, q).
 *          Sweeps over all pairs shrink the off-diagonal part quadratically; the diagonal
 *          is left holding the eigenvalues.
 */
export function symmetricEigenvalues(matrix: ReadonlyArray<ArrayLike<number>>): number[] {
  const a = squareCopy(matrix);
  const n = a.length;
  if (a.some((row) => row.some((v) => !Number.isFinite(v)))) return new Array<number>(n).fill(NaN);
  if (n === 0) return [];
  if (n === 1) return [a[0][0]];
  if (n === 2) {
    const m = (a[0][0] + a[1][1]) / 2;
    const r = Math.hypot((a[0][0] - a[1][1]) / 2, a[0][1]);
    return [m - r, m + r];
  }
  return jacobi(a).values;
}

/**
 * Cyclic Jacobi on a finite symmetric matrix (overwritten): the eigenvalues, smallest
 * first, and unit eigenvectors as the matching columns of V, accumulated as V <- V J.
 */
function jacobi(a: number[][]): { values: number[]; vectors: number[][] } {
  const n = a.length;
  const v: number[][] = a.map((_, i) => a.map((__, j) => (i === j ? 1 : 0)));
  for (let sweep = 0; sweep < 64; sweep++) {
    let off = 0;
    let total = 0;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        const sq = a[i][j] * a[i][j];
        total += sq;
        if (i !== j) off += sq;
      }
    }
    // Off-diagonal mass below rounding of the whole: the diagonal is exact to working precision.
    if (off <= 1e-32 * total) break;
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p][q];
        if (apq === 0) continue;
        const theta = (a[q][q] - a[p][p]) / (2 * apq);
        // For huge theta, theta^2 overflows; then t ~ 1 / (2 theta).
        const t = Math.abs(theta) > 1e150
          ? 1 / (2 * theta)
          : (theta >= 0 ? 1 : -1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let r = 0; r < n; r++) {
          const vrp = v[r][p];
          const vrq = v[r][q];
          v[r][p] = c * vrp - s * vrq;
          v[r][q] = s * vrp + c * vrq;
          if (r === p || r === q) continue;
          const arp = a[r][p];
          const arq = a[r][q];
          a[r][p] = a[p][r] = c * arp - s * arq;
          a[r][q] = a[q][r] = s * arp + c * arq;
        }
        a[p][p] -= t * apq;
        a[q][q] += t * apq;
        a[p][q] = a[q][p] = 0;
      }
    }
  }
  const order = a.map((_, i) => i).sort((i, j) => a[i][i] - a[j][j]);
  return { values: order.map((i) => a[i][i]), vectors: v.map((row) => order.map((i) => row[i])) };
}

/** The largest eigenvalue of a symmetric matrix (NaN for an empty or non-finite one). */
export function largestEigenvalue(matrix: ReadonlyArray<ArrayLike<number>>): number {
  const values = symmetricEigenvalues(matrix);
  return values.length === 0 ? NaN : values[values.length - 1];
}

/** The smallest eigenvalue of a symmetric matrix (NaN for an empty or non-finite one). */
export function smallestEigenvalue(matrix: ReadonlyArray<ArrayLike<number>>): number {
  const values = symmetricEigenvalues(matrix);
  return values.length === 0 ? NaN : values[0];
}

/**
 * Solves H d = g for a symmetric positive definite H by Cholesky, H = C C^T; null when
 * H is not positive definite (a pivot <= 0) or the solution is not finite.
 */
function choleskySolve(h: number[][], g: ArrayLike<number>): Float64Array | null {
  const n = h.length;
  const c: number[][] = h.map(() => new Array<number>(n).fill(0));
  for (let j = 0; j < n; j++) {
    let pivot = h[j][j];
    for (let k = 0; k < j; k++) pivot -= c[j][k] * c[j][k];
    if (!(pivot > 0)) return null;
    c[j][j] = Math.sqrt(pivot);
    for (let i = j + 1; i < n; i++) {
      let v = h[i][j];
      for (let k = 0; k < j; k++) v -= c[i][k] * c[j][k];
      c[i][j] = v / c[j][j];
    }
  }
  // C z = g forwards, then C^T d = z backwards.
  const z = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let v = g[i];
    for (let k = 0; k < i; k++) v -= c[i][k] * z[k];
    z[i] = v / c[i][i];
  }
  const d = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let v = z[i];
    for (let k = i + 1; k < n; k++) v -= c[k][i] * d[k];
    d[i] = v / c[i][i];
  }
  return d.every(Number.isFinite) ? d : null;
}

const ADAM_STEPS = 2000;
/** Adam's rates as fractions of the domain's width: the first crosses it in ~100 steps. */
const ADAM_RATES = [1e-2, 1e-3, 1e-4];
const GRADIENT_TOLERANCE = 1e-9;
const NEWTON_STEPS = 50;
/** How far (as a fraction of the width) Newton may still move a listed minimum. */
const KNOWN_MINIMUM_TOLERANCE = 1e-6;
/** The radius `findMinimum` checks that f rises around its point, as a fraction of the width. */
const PROBE_RADIUS = 1e-4;

/** The longer side of a domain; without one, 2 max(1, |start|_inf). */
function widthOf(domain: LeashDomain | undefined, start: ArrayLike<number>): number {
  if (domain !== undefined) {
    const wx = domain.x[1] - domain.x[0];
    const wy = domain.y === undefined ? 0 : domain.y[1] - domain.y[0];
    const w = Math.max(wx, wy);
    if (w > 0 && Number.isFinite(w)) return w;
  }
  let m = 1;
  for (let i = 0; i < start.length; i++) m = Math.max(m, Math.abs(start[i]));
  return 2 * m;
}

/**
 * A local minimum near `start`, dependably, for measuring the curvature there (whatever
 * learning rate the reader has chosen). Two stages:
 *
 *   1. Adam at lr = 0.01 w, then 0.001 w, then 0.0001 w (w the longer side of `domain`,
 *      else of the objective's own domain), at most 2000 steps each, each run starting
 *      from the lowest point of the one before and the stages ending as soon as one
 *      converges (|grad| < 1e-9). Adam's steps are about lr long whatever the scale of f,
 *      so the first run gets near a minimum from anywhere in the domain and the slower
 *      ones settle in the narrow valleys where it bounces.
 *   2. Newton's method, x <- x - t H^{-1} g, while H is positive definite, halving t
 *      until |grad| decreases (it always can: d/dt |g|^2 / 2 = -|g|^2 along the Newton
 *      step). Near a minimum it converges quadratically, to working precision.
 *
 * Returns the point when |grad| < 1e-9 (or Newton's last step was below rounding), the
 * Hessian there is positive definite (smallest eigenvalue > 0) and f rises from it by
 * 1e-4 w along every axis and eigenvector (see `risesAround`); null when a run diverged,
 * nothing converged, or it stopped at a saddle, an inflection or a flat slope. It takes
 * about a millisecond.
 */
export function findMinimum(
  objective: Objective & { readonly domain?: LeashDomain },
  start: ArrayLike<number>,
  domain?: LeashDomain,
): Float64Array | null {
  const n = objective.dim;
  if (start.length !== n) throw new RangeError(`start has ${start.length} coordinates, the objective takes ${n}`);
  const width = widthOf(domain ?? objective.domain, start);
  // Adam at decreasing rates, each run from the lowest point of the one before: a large
  // rate crosses the domain, the smaller ones settle into narrow valleys it bounces in.
  let x = Float64Array.from(start);
  for (const rate of ADAM_RATES) {
    const run = descend(objective, createOptimizer('adam', { lr: rate * width }), x, {
      steps: ADAM_STEPS,
      tolerance: GRADIENT_TOLERANCE,
    });
    if (run.stop === 'diverged') return null;
    let lowest = 0;
    for (let k = 1; k < run.values.length; k++) if (run.values[k] < run.values[lowest]) lowest = k;
    x = Float64Array.from(run.stop === 'converged' ? run.path[run.path.length - 1] : run.path[lowest]);
    if (run.stop === 'converged') break;
  }
  const leash = leashOf(objective);
  const g = new Float64Array(n);
  const trial = new Float64Array(n);
  const gTrial = new Float64Array(n);
  objective.evaluate(x, g);
  let gradientNorm = norm(g);
  // Newton polishes even a converged point, until its step is below rounding or |grad|
  // stops falling: near a nondegenerate minimum that takes a few steps.
  let converged = gradientNorm < GRADIENT_TOLERANCE;
  for (let iteration = 0; iteration < NEWTON_STEPS && gradientNorm > 0; iteration++) {
    const step = choleskySolve(hessian(objective, x), g);
    if (step === null) break;
    // The full Newton step below rounding of x: x is a critical point to working precision.
    if (norm(step) <= 1e-12 * Math.max(1, norm(x))) {
      converged = true;
      break;
    }
    let accepted = false;
    for (let t = 1, halvings = 0; halvings < 40; t /= 2, halvings++) {
      for (let i = 0; i < n; i++) trial[i] = x[i] - t * step[i];
      const value = objective.evaluate(trial, gTrial);
      const trialNorm = norm(gTrial);
      if (Number.isFinite(value) && trialNorm < gradientNorm) {
        x.set(trial);
        g.set(gTrial);
        gradientNorm = trialNorm;
        accepted = true;
        break;
      }
    }
    if (gradientNorm < GRADIENT_TOLERANCE) converged = true;
    if (!accepted) break;
  }
  if (!converged) return null;
  if (hasDiverged(x, objective.evaluate(x, g), leash)) return null;
  const h = hessian(objective, x);
  if (!(smallestEigenvalue(h) > 0)) return null;
  return risesAround(objective, x, h, PROBE_RADIUS * width) ? x : null;
}

/**
 * Does f rise around x, f(x +- r u) >= f(x), along every coordinate axis and every
 * eigenvector u of the Hessian h there? A point where the gradient vanishes and H is
 * positive definite is a minimum, but the gradient only falls below tolerance and H is
 * measured: at a degenerate point such as x^3 near 0, or far out on exp(x), both pass
 * with a tiny eigenvalue while f keeps falling along its eigenvector. f is compared
 * with a margin for its rounding, 8 eps |f(x)|.
 */
function risesAround(objective: Objective, x: Float64Array, h: number[][], r: number): boolean {
  const n = x.length;
  const scratch = new Float64Array(n);
  const probe = new Float64Array(n);
  const f0 = objective.evaluate(x, scratch);
  const floor = f0 - 8 * Number.EPSILON * Math.abs(f0);
  const { vectors } = jacobi(h.map((row) => row.slice()));
  const directions: number[][] = [];
  for (let i = 0; i < n; i++) {
    const axis = new Array<number>(n).fill(0);
    axis[i] = 1;
    directions.push(axis);
    directions.push(vectors.map((row) => row[i]));
  }
  for (const u of directions) {
    for (const sign of [1, -1]) {
      for (let j = 0; j < n; j++) probe[j] = x[j] + sign * r * u[j];
      if (objective.evaluate(probe, scratch) < floor) return false;
    }
  }
  return true;
}

/** The learning rates gradient descent has at a minimum with largest curvature L. */
export interface CriticalRates {
  /** 1/L: the fastest rate without overshooting along the stiffest direction. */
  readonly optimal: number;
  /** 2/L: beyond it gd diverges along the stiffest direction. */
  readonly limit: number;
  /** L, the largest eigenvalue of the Hessian at the minimum. */
  readonly curvature: number;
  /**
   * Every eigenvalue of the Hessian at the minimum, smallest first: the curvatures along
   * its eigen-directions. curvatures[last] / curvatures[0] is the condition number.
   */
  readonly curvatures: readonly number[];
}

/**
 * The Hessian's eigenvalues at x, or null where f is not twice differentiable there: the
 * largest eigenvalue measured with steps h and 10h must agree to 1e-3. (At a smooth point
 * both are L + O(h^2); at a kink such as Ackley's minimum or |x| the differences grow
 * like 1/h, so the "curvature" is an artefact of the step.)
 */
function smoothEigenvalues(objective: Objective, x: ArrayLike<number>): number[] | null {
  const values = symmetricEigenvalues(hessian(objective, x));
  const wide = largestEigenvalue(hessian(objective, x, 10 * DEFAULT_HESSIAN_STEP));
  const L = values[values.length - 1];
  if (!Number.isFinite(L) || !Number.isFinite(wide)) return null;
  return Math.abs(wide - L) <= 1e-3 * Math.abs(L) + 1e-9 ? values : null;
}

function ratesOf(values: readonly number[]): CriticalRates | null {
  const L = values[values.length - 1];
  if (!(L > 0 && Number.isFinite(L))) return null;
  return { optimal: 1 / L, limit: 2 / L, curvature: L, curvatures: Object.freeze([...values]) };
}

/**
 * 1/L and 2/L with L the largest eigenvalue of the Hessian at `minimum`; null when L <= 0
 * or is not finite, or f is not twice differentiable there (see above). `minimum` is
 * taken as given: call `criticalRatesNear` to find or check one.
 */
export function criticalRates(objective: Objective, minimum: ArrayLike<number>): CriticalRates | null {
  const values = smoothEigenvalues(objective, minimum);
  return values === null ? null : ratesOf(values);
}

/** Critical rates with the minimum they were measured at. */
export interface CriticalRatesAt extends CriticalRates {
  readonly minimum: Float64Array;
  /** True when the minimum came from the known minima, false when `findMinimum` found it. */
  readonly known: boolean;
}

/** Known minima as points: a curve lists numbers, a surface pairs. */
function asPoints(minima: ReadonlyArray<ArrayLike<number> | number>, dim: number): Float64Array[] {
  const points: Float64Array[] = [];
  for (const m of minima) {
    const p = typeof m === 'number' ? Float64Array.of(m) : Float64Array.from(m);
    if (p.length === dim && p.every(Number.isFinite)) points.push(p);
  }
  return points;
}

/**
 * Does a listed minimum check out? The Hessian there is positive definite (its smallest
 * eigenvalue > 0, so the Cholesky factorisation exists) and the Newton step H^{-1} g to
 * the critical point is at most 1e-6 of the width w: a minimum to the precision minima
 * are listed with, not just a point of positive curvature.
 */
function isMinimum(objective: Objective, point: Float64Array, width: number): boolean {
  const g = new Float64Array(point.length);
  objective.evaluate(point, g);
  const h = hessian(objective, point);
  const step = choleskySolve(h, g);
  return step !== null && smallestEigenvalue(h) > 0 && norm(step) <= KNOWN_MINIMUM_TOLERANCE * width;
}

/**
 * What a figure calls: the critical rates at the minimum that belongs to `start`.
 *
 * With known minima (`knownMinima`, else the objective's own `minima` when it has them),
 * the one nearest to start, if it checks out as a minimum (the Hessian there is positive
 * definite, smallest eigenvalue > 0; the gradient vanishes to within a Newton step of
 * 1e-6 w; f is twice differentiable there). Otherwise the minimum
 * `findMinimum` reaches from start. Null when there is none (a saddle, a run off to
 * infinity) or its curvature is not known.
 */
export function criticalRatesNear(
  objective: Objective & { readonly domain?: LeashDomain; readonly minima?: ReadonlyArray<ArrayLike<number> | number> },
  start: ArrayLike<number>,
  knownMinima?: ReadonlyArray<ArrayLike<number> | number>,
): CriticalRatesAt | null {
  const n = objective.dim;
  if (start.length !== n) throw new RangeError(`start has ${start.length} coordinates, the objective takes ${n}`);
  const known = asPoints(knownMinima ?? objective.minima ?? [], n);
  if (known.length > 0) {
    let nearest = known[0];
    let best = Infinity;
    for (const m of known) {
      let d2 = 0;
      for (let i = 0; i < n; i++) d2 += (m[i] - start[i]) ** 2;
      if (d2 < best) {
        best = d2;
        nearest = m;
      }
    }
    if (isMinimum(objective, nearest, widthOf(objective.domain, start))) {
      const rates = criticalRates(objective, nearest);
      if (rates !== null) return { ...rates, minimum: nearest, known: true };
    }
  }
  const found = findMinimum(objective, start);
  if (found === null) return null;
  const rates = criticalRates(objective, found);
  return rates === null ? null : { ...rates, minimum: found, known: false };
}
