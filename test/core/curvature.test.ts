/** Hessians, eigenvalues, minima and the critical rates 1/L and 2/L, checked by hand. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  criticalRates,
  criticalRatesNear,
  findMinimum,
  getSurface,
  hessian,
  largestEigenvalue,
  parseCurve,
  parseSurface,
  smallestEigenvalue,
  symmetricEigenvalues,
  type Objective,
} from '../../src/core/index.js';

const { sqrt, cos, PI } = Math;

function close(actual: number, expected: number, tolerance: number, what = ''): void {
  assert.ok(Math.abs(actual - expected) <= tolerance, `${what} ${actual} is not within ${tolerance} of ${expected}`);
}

function closeAll(actual: ArrayLike<number>, expected: number[], tolerance: number): void {
  assert.equal(actual.length, expected.length);
  for (let i = 0; i < expected.length; i++) close(actual[i], expected[i], tolerance, `[${i}]`);
}

function closeMatrix(actual: number[][], expected: number[][], tolerance: number): void {
  assert.equal(actual.length, expected.length);
  actual.forEach((row, i) => closeAll(row, expected[i], tolerance));
}

const quadratic = parseSurface('x^2 + 3*x*y + 4*y^2'); // Hessian [[2, 3], [3, 8]] everywhere

test('hessian: exact for quadratics up to rounding, symmetric, O(h^2) otherwise', () => {
  closeMatrix(hessian(parseCurve('x^2'), [0.7]), [[2]], 1e-6);
  closeMatrix(hessian(getSurface('ravine'), [1.5, -0.5]), [[1, 0], [0, 20]], 1e-6);
  const h = hessian(quadratic, [0.3, -1.2]);
  closeMatrix(h, [[2, 3], [3, 8]], 1e-6);
  assert.equal(h[0][1], h[1][0]);
  // Rosenbrock at (1, 1): f_xx = 2 - 400 (y - x^2) + 800 x^2 = 802, f_xy = -400 x, f_yy = 200.
  closeMatrix(hessian(getSurface('rosenbrock'), [1, 1]), [[802, -400], [-400, 200]], 1e-4);
  // sin at pi/3: -sin(pi/3).
  closeMatrix(hessian(parseCurve('sin(x)'), [PI / 3]), [[-sqrt(3) / 2]], 1e-8);
  // A three-dimensional objective: f = x^2 + x y + 2 y^2 + y z + 3 z^2.
  const three: Objective = {
    dim: 3,
    evaluate(x, g) {
      g[0] = 2 * x[0] + x[1];
      g[1] = x[0] + 4 * x[1] + x[2];
      g[2] = x[1] + 6 * x[2];
      return x[0] ** 2 + x[0] * x[1] + 2 * x[1] ** 2 + x[1] * x[2] + 3 * x[2] ** 2;
    },
  };
  closeMatrix(hessian(three, [1, 2, 3]), [[2, 1, 0], [1, 4, 1], [0, 1, 6]], 1e-6);
  assert.throws(() => hessian(quadratic, [1]), RangeError);
  assert.throws(() => hessian(quadratic, [1, 1], 0), RangeError);
  assert.throws(() => hessian(quadratic, [1, 1], NaN), RangeError);
});

test('symmetricEigenvalues: closed form for n = 1, 2, smallest first', () => {
  assert.deepEqual(symmetricEigenvalues([]), []);
  assert.deepEqual(symmetricEigenvalues([[-3]]), [-3]);
  assert.deepEqual(symmetricEigenvalues([[20, 0], [0, 1]]), [1, 20]);
  // [[2, 3], [3, 8]]: m = 5, r = sqrt(9 + 9) = sqrt(18).
  closeAll(symmetricEigenvalues([[2, 3], [3, 8]]), [5 - sqrt(18), 5 + sqrt(18)], 1e-12);
  // [[802, -400], [-400, 200]]: m = 501, r = sqrt(301^2 + 400^2) = sqrt(250601).
  closeAll(symmetricEigenvalues([[802, -400], [-400, 200]]), [501 - sqrt(250601), 501 + sqrt(250601)], 1e-9);
  close(largestEigenvalue([[2, 3], [3, 8]]), 5 + sqrt(18), 1e-12);
  close(smallestEigenvalue([[2, 3], [3, 8]]), 5 - sqrt(18), 1e-12);
});

test('symmetricEigenvalues: Jacobi rotations for n > 2, against known spectra', () => {
  // The second-difference matrix: 2 - 2 cos(k pi / 4), k = 1..3, i.e. 2 - sqrt 2, 2, 2 + sqrt 2.
  closeAll(symmetricEigenvalues([[2, -1, 0], [-1, 2, -1], [0, -1, 2]]), [2 - sqrt(2), 2, 2 + sqrt(2)], 1e-12);
  // I + J (J all ones): 1, 1, 4 (a repeated eigenvalue).
  closeAll(symmetricEigenvalues([[2, 1, 1], [1, 2, 1], [1, 1, 2]]), [1, 1, 4], 1e-12);
  // Tridiagonal Toeplitz (4 on the diagonal, 1 beside it): 4 + 2 cos(k pi / 5), k = 4..1.
  const toeplitz = [[4, 1, 0, 0], [1, 4, 1, 0], [0, 1, 4, 1], [0, 0, 1, 4]];
  closeAll(symmetricEigenvalues(toeplitz), [4, 3, 2, 1].map((k) => 4 + 2 * cos((k * PI) / 5)), 1e-12);
  // Already diagonal, in no order; a matrix with an entry far larger than the rest.
  assert.deepEqual(symmetricEigenvalues([[3, 0, 0], [0, -1, 0], [0, 0, 2]]), [-1, 2, 3]);
  const wide = symmetricEigenvalues([[1e8, 1, 0], [1, 1, 0], [0, 0, 2]]);
  close(wide[0], 1 - 1e-8, 1e-12);
  close(wide[1], 2, 1e-12);
  close(wide[2], 1e8 + 1e-8, 1e-6);
  // Trace and the sum of squares are the eigenvalues' sum and sum of squares.
  const m = [[5, 2, -1, 0.5], [2, -3, 4, 1], [-1, 4, 0, -2], [0.5, 1, -2, 7]];
  const e = symmetricEigenvalues(m);
  close(e.reduce((s, v) => s + v, 0), 5 - 3 + 0 + 7, 1e-12);
  close(e.reduce((s, v) => s + v * v, 0), m.flat().reduce((s, v) => s + v * v, 0), 1e-10);
  assert.ok(e.every((v, i) => i === 0 || e[i - 1] <= v));
});

test('symmetricEigenvalues: NaN for non-finite entries, RangeError when not square', () => {
  assert.ok(symmetricEigenvalues([[1, NaN], [NaN, 1]]).every(Number.isNaN));
  assert.ok(Number.isNaN(largestEigenvalue([[1, 0, 0], [0, Infinity, 0], [0, 0, 1]])));
  assert.ok(Number.isNaN(largestEigenvalue([])));
  assert.throws(() => symmetricEigenvalues([[1, 2], [3]]), RangeError);
});

test('criticalRates: 1/L and 2/L with L the largest curvature at the minimum', () => {
  const x2 = criticalRates(parseCurve('x^2'), [0])!; // f'' = 2
  close(x2.optimal, 0.5, 1e-6);
  close(x2.limit, 1, 1e-6);
  close(x2.curvature, 2, 1e-6);
  const ravine = criticalRates(getSurface('ravine'), [0, 0])!; // diag(1, 20)
  close(ravine.optimal, 0.05, 1e-8);
  close(ravine.limit, 0.1, 1e-8);
  // Every curvature, smallest first: the condition number 20 is curvatures[1] / curvatures[0].
  closeAll(ravine.curvatures, [1, 20], 1e-8);
  closeAll(x2.curvatures, [2], 1e-6);
  const bowl = criticalRates(getSurface('bowl'), [0, 0])!; // diag(2, 2)
  close(bowl.optimal, 0.5, 1e-6);
  close(bowl.limit, 1, 1e-6);
  close(criticalRates(quadratic, [0, 0])!.curvature, 5 + sqrt(18), 1e-6);
  const rosenbrock = criticalRates(getSurface('rosenbrock'), [1, 1])!;
  close(rosenbrock.curvature, 501 + sqrt(250601), 1e-4); // 1001.6006...
  close(rosenbrock.limit, 2 / (501 + sqrt(250601)), 1e-10);
  closeAll(rosenbrock.curvatures, [501 - sqrt(250601), 501 + sqrt(250601)], 1e-4); // condition number ~2508
  // L <= 0: a maximum, or a flat line.
  assert.equal(criticalRates(parseCurve('-x^2'), [0]), null);
  assert.equal(criticalRates(parseCurve('3x'), [0]), null);
  // Not twice differentiable: |x| has a kink at 0, where a measured "curvature" grows like 1/h.
  assert.equal(criticalRates(parseCurve('abs(x) + x^2'), [0]), null);
  assert.equal(criticalRates(getSurface('ackley'), [0, 0]), null);
});

test('findMinimum: a local minimum near the start, or null', () => {
  const x2 = findMinimum(parseCurve('x^2'), [2])!;
  close(x2[0], 0, 1e-9);
  closeAll(findMinimum(parseCurve('(x - 1)^2 + 2'), [-2])!, [1], 1e-9);
  closeAll(findMinimum(getSurface('ravine'), [3, 1])!, [0, 0], 1e-9);
  closeAll(findMinimum(getSurface('rosenbrock'), [-1.2, 1])!, [1, 1], 1e-8);
  closeAll(findMinimum(getSurface('booth'), [-5, 8])!, [1, 3], 1e-8);
  closeAll(findMinimum(quadratic, [2, -1])!, [0, 0], 1e-9);
  // Himmelblau from near (3, 2) settles there, and from near (-2.8, 3.1) there.
  closeAll(findMinimum(getSurface('himmelblau'), [2.5, 2.5])!, [3, 2], 1e-8);
  closeAll(findMinimum(getSurface('himmelblau'), [-2.5, 3])!, [-2.805118086952745, 3.131312518250573], 1e-8);
  // sin on [-3, 3] from 2 finds its minimum at 3 pi / 2 (outside the domain, but inside the leash).
  closeAll(findMinimum(parseCurve('sin(x)'), [2])!, [(3 * PI) / 2], 1e-8);
  // No minimum: the saddle (from anywhere, even from the saddle point), a maximum, a line,
  // an inflection (x^3 falls through 0), a slope that flattens out (exp).
  for (const start of [[1, 0.5], [0, 0], [0.5, 0]]) assert.equal(findMinimum(getSurface('saddle'), start), null, `${start}`);
  assert.equal(findMinimum(parseCurve('-x^2'), [0.5]), null);
  assert.equal(findMinimum(parseCurve('x'), [0.5]), null);
  assert.equal(findMinimum(parseCurve('x^3'), [2]), null);
  assert.equal(findMinimum(parseCurve('exp(x)'), [2]), null);
  assert.throws(() => findMinimum(quadratic, [1]), RangeError);
});

test('criticalRatesNear: the nearest known minimum when it checks out', () => {
  // Himmelblau at (3, 2): both residuals vanish, so H = 2 J^T J with J = [[2x, 1], [1, 2y]]
  // = [[6, 1], [1, 4]]: H = [[74, 20], [20, 34]], L = 54 + 20 sqrt 2.
  const near = criticalRatesNear(getSurface('himmelblau'), [2.8, 2.1])!;
  assert.equal(near.known, true);
  assert.deepEqual([...near.minimum], [3, 2]);
  close(near.curvature, 54 + 20 * sqrt(2), 1e-5);
  close(near.optimal, 1 / (54 + 20 * sqrt(2)), 1e-9);
  // Another start, another of its four minima.
  assert.deepEqual([...criticalRatesNear(getSurface('himmelblau'), [-3, -3])!.minimum], [-3.779310253377747, -3.28318599128617]);
  const ravine = criticalRatesNear(getSurface('ravine'), [3, 1])!;
  assert.equal(ravine.known, true);
  close(ravine.optimal, 0.05, 1e-8);
  close(ravine.limit, 0.1, 1e-8);
  closeAll(ravine.curvatures, [1, 20], 1e-8);
  // Known minima may be given as numbers for a curve.
  const given = criticalRatesNear(parseCurve('(x - 1)^2'), [2], [1])!;
  assert.equal(given.known, true);
  assert.deepEqual([...given.minimum], [1]);
  close(given.limit, 1, 1e-6);
});

test('criticalRatesNear: findMinimum when nothing is known or the known point is no minimum', () => {
  // A typed curve lists no minima.
  const x2 = criticalRatesNear(parseCurve('x^2'), [2])!;
  assert.equal(x2.known, false);
  close(x2.optimal, 0.5, 1e-6);
  close(x2.limit, 1, 1e-6);
  close(x2.curvature, 2, 1e-6);
  const typed = criticalRatesNear(quadratic, [1, 1])!;
  assert.equal(typed.known, false);
  close(typed.curvature, 5 + sqrt(18), 1e-6);
  // (1, 1) has positive curvature on the bowl but is not a critical point: found (0, 0) instead.
  const wrong = criticalRatesNear(getSurface('bowl'), [2, 2], [[1, 1]])!;
  assert.equal(wrong.known, false);
  closeAll(wrong.minimum, [0, 0], 1e-9);
  // Ackley's minimum is a kink: from (0.1, 0.1) no curvature is known; from (1, 1) the
  // local minimum near (0.96, 0.96) is found instead of the listed (0, 0).
  assert.equal(criticalRatesNear(getSurface('ackley'), [0.1, 0.1]), null);
  const local = criticalRatesNear(getSurface('ackley'), [1, 1])!;
  assert.equal(local.known, false);
  assert.ok(Math.abs(local.minimum[0] - 0.95) < 0.05 && Math.abs(local.minimum[1] - 0.95) < 0.05, `${local.minimum}`);
  // The saddle has no minimum.
  assert.equal(criticalRatesNear(getSurface('saddle'), [1, 0.5]), null);
  assert.equal(criticalRatesNear(getSurface('saddle'), [1, 0.5], [[0, 0]]), null);
  assert.throws(() => criticalRatesNear(quadratic, [1]), RangeError);
});
