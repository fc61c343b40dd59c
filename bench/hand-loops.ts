/**
 * The baseline the core is judged against: gd, Nesterov and Adam on Rosenbrock written
 * by hand, as someone would write them for one fixed problem: plain JS numbers in
 * locals, the gradient inlined, no objects, no calls, no generality.
 *
 * Two flavours of each:
 *   - `*Recorded` does what `descend` does, so it is a fair rival for it: before each
 *     update it records the point (a fresh Float64Array, copied with `slice()` from a
 *     scratch vector: in V8 that is ~2x faster than `new Float64Array(2)` plus two
 *     stores, so the baseline gets the faster of the two),
 *     the value and the gradient norm at it, and checks for divergence (non-finite, or
 *     farther from the domain's centre than the leash) exactly as descend does; it
 *     stops after `steps` updates with one entry per point, the start included.
 *   - `*Bare` is the rival of a bare `optimizer.step(x, surface)` loop: each step
 *     computes what `step` promises (the update, and the value at x before it, which is
 *     summed so it cannot be optimised away) and records nothing.
 *
 * Rosenbrock: f = (1 - x)^2 + 100 (y - x^2)^2,
 *   df/dx = -2 (1 - x) - 400 x (y - x^2),  df/dy = 200 (y - x^2).
 */

/** The divergence bound, as descend's leash: centre and squared radius. */
export interface HandLeash {
  cx: number;
  cy: number;
  r2: number;
}

export interface HandDescent {
  path: Float64Array[];
  values: number[];
  gradientNorms: number[];
  stop: 'max-steps' | 'diverged';
}

export interface HandBare {
  x: number;
  y: number;
  /** Sum of the values at x before each update. */
  valueSum: number;
}

export function gdRecorded(steps: number, x0: number, y0: number, lr: number, leash: HandLeash): HandDescent {
  const { cx, cy, r2 } = leash;
  const path: Float64Array[] = [];
  const values: number[] = [];
  const gradientNorms: number[] = [];
  const point = new Float64Array(2);
  let x = x0;
  let y = y0;
  for (let k = 0; ; k++) {
    const a = 1 - x;
    const b = y - x * x;
    const f = a * a + 100 * b * b;
    const gx = -2 * a - 400 * x * b;
    const gy = 200 * b;
    point[0] = x;
    point[1] = y;
    path.push(point.slice());
    values.push(f);
    gradientNorms.push(Math.sqrt(gx * gx + gy * gy));
    const dx = x - cx;
    const dy = y - cy;
    if (!(Number.isFinite(f) && Number.isFinite(x) && Number.isFinite(y)) || dx * dx + dy * dy > r2) {
      return { path, values, gradientNorms, stop: 'diverged' };
    }
    if (k === steps) return { path, values, gradientNorms, stop: 'max-steps' };
    x -= lr * gx;
    y -= lr * gy;
  }
}

export function gdBare(steps: number, x0: number, y0: number, lr: number): HandBare {
  let x = x0;
  let y = y0;
  let valueSum = 0;
  for (let k = 0; k < steps; k++) {
    const a = 1 - x;
    const b = y - x * x;
    valueSum += a * a + 100 * b * b;
    const gx = -2 * a - 400 * x * b;
    const gy = 200 * b;
    x -= lr * gx;
    y -= lr * gy;
  }
  return { x, y, valueSum };
}

/** v <- beta v - lr g(x + beta v); x <- x + v. Records value and gradient norm at x itself. */
export function nesterovRecorded(
  steps: number,
  x0: number,
  y0: number,
  lr: number,
  beta: number,
  leash: HandLeash,
): HandDescent {
  const { cx, cy, r2 } = leash;
  const path: Float64Array[] = [];
  const values: number[] = [];
  const gradientNorms: number[] = [];
  const point = new Float64Array(2);
  let x = x0;
  let y = y0;
  let vx = 0;
  let vy = 0;
  for (let k = 0; ; k++) {
    const a = 1 - x;
    const b = y - x * x;
    const f = a * a + 100 * b * b;
    const gx = -2 * a - 400 * x * b;
    const gy = 200 * b;
    point[0] = x;
    point[1] = y;
    path.push(point.slice());
    values.push(f);
    gradientNorms.push(Math.sqrt(gx * gx + gy * gy));
    const dx = x - cx;
    const dy = y - cy;
    if (!(Number.isFinite(f) && Number.isFinite(x) && Number.isFinite(y)) || dx * dx + dy * dy > r2) {
      return { path, values, gradientNorms, stop: 'diverged' };
    }
    if (k === steps) return { path, values, gradientNorms, stop: 'max-steps' };
    const ax = x + beta * vx;
    const ay = y + beta * vy;
    const ab = ay - ax * ax;
    const hx = -2 * (1 - ax) - 400 * ax * ab;
    const hy = 200 * ab;
    vx = beta * vx - lr * hx;
    vy = beta * vy - lr * hy;
    x += vx;
    y += vy;
  }
}

export function nesterovBare(steps: number, x0: number, y0: number, lr: number, beta: number): HandBare {
  let x = x0;
  let y = y0;
  let vx = 0;
  let vy = 0;
  let valueSum = 0;
  for (let k = 0; k < steps; k++) {
    const a = 1 - x;
    const b = y - x * x;
    valueSum += a * a + 100 * b * b;
    const ax = x + beta * vx;
    const ay = y + beta * vy;
    const ab = ay - ax * ax;
    const hx = -2 * (1 - ax) - 400 * ax * ab;
    const hy = 200 * ab;
    vx = beta * vx - lr * hx;
    vy = beta * vy - lr * hy;
    x += vx;
    y += vy;
  }
  return { x, y, valueSum };
}

export interface AdamParams {
  lr: number;
  beta1: number;
  beta2: number;
  eps: number;
}

/** m, v moments with bias correction 1 - beta^t (Math.pow, as the formula reads). */
export function adamRecorded(steps: number, x0: number, y0: number, o: AdamParams, leash: HandLeash): HandDescent {
  const { lr, beta1, beta2, eps } = o;
  const { cx, cy, r2 } = leash;
  const path: Float64Array[] = [];
  const values: number[] = [];
  const gradientNorms: number[] = [];
  const point = new Float64Array(2);
  let x = x0;
  let y = y0;
  let mx = 0;
  let my = 0;
  let sx = 0;
  let sy = 0;
  for (let k = 0; ; k++) {
    const a = 1 - x;
    const b = y - x * x;
    const f = a * a + 100 * b * b;
    const gx = -2 * a - 400 * x * b;
    const gy = 200 * b;
    point[0] = x;
    point[1] = y;
    path.push(point.slice());
    values.push(f);
    gradientNorms.push(Math.sqrt(gx * gx + gy * gy));
    const dx = x - cx;
    const dy = y - cy;
    if (!(Number.isFinite(f) && Number.isFinite(x) && Number.isFinite(y)) || dx * dx + dy * dy > r2) {
      return { path, values, gradientNorms, stop: 'diverged' };
    }
    if (k === steps) return { path, values, gradientNorms, stop: 'max-steps' };
    const t = k + 1;
    const c1 = 1 - Math.pow(beta1, t);
    const c2 = 1 - Math.pow(beta2, t);
    mx = beta1 * mx + (1 - beta1) * gx;
    my = beta1 * my + (1 - beta1) * gy;
    sx = beta2 * sx + (1 - beta2) * gx * gx;
    sy = beta2 * sy + (1 - beta2) * gy * gy;
    x -= (lr * (mx / c1)) / (Math.sqrt(sx / c2) + eps);
    y -= (lr * (my / c1)) / (Math.sqrt(sy / c2) + eps);
  }
}

export function adamBare(steps: number, x0: number, y0: number, o: AdamParams): HandBare {
  const { lr, beta1, beta2, eps } = o;
  let x = x0;
  let y = y0;
  let mx = 0;
  let my = 0;
  let sx = 0;
  let sy = 0;
  let valueSum = 0;
  for (let k = 0; k < steps; k++) {
    const a = 1 - x;
    const b = y - x * x;
    valueSum += a * a + 100 * b * b;
    const gx = -2 * a - 400 * x * b;
    const gy = 200 * b;
    const t = k + 1;
    const c1 = 1 - Math.pow(beta1, t);
    const c2 = 1 - Math.pow(beta2, t);
    mx = beta1 * mx + (1 - beta1) * gx;
    my = beta1 * my + (1 - beta1) * gy;
    sx = beta2 * sx + (1 - beta2) * gx * gx;
    sy = beta2 * sy + (1 - beta2) * gy * gy;
    x -= (lr * (mx / c1)) / (Math.sqrt(sx / c2) + eps);
    y -= (lr * (my / c1)) / (Math.sqrt(sy / c2) + eps);
  }
  return { x, y, valueSum };
}
