/** classifyRegime and the reversal count, by hand on x^2 and the ravine, and on literal runs. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  REGIMES,
  classifyRegime,
  countReversals,
  createOptimizer,
  descend,
  getSurface,
  overshoots,
  parseCurve,
  reversalFraction,
  type Descent,
  type StopReason,
} from '../../src/core/index.js';

/** A literal run: only path and stop matter to the regime. */
function run(points: number[][], stop: StopReason): Descent {
  return {
    path: points.map((p) => Float64Array.from(p)),
    values: points.map(() => 0),
    gradientNorms: points.map(() => 0),
    stop,
  };
}

test('gd on x^2 from 2, 50 steps, tolerance 1e-5: the four lessons', () => {
  const curve = parseCurve('x^2');
  const lesson = (lr: number) => {
    const r = descend(curve, createOptimizer('gd', { lr }), [2], { steps: 50, tolerance: 1e-5 });
    return { regime: classifyRegime(r), stop: r.stop, updates: r.path.length - 1, ...countReversals(r) };
  };
  // x_{k+1} = (1 - 2 lr) x_k, |grad| = 2 |x_k| = 4 |1 - 2 lr|^k; converged when < 1e-5.
  // lr 0.01: factor 0.98 > 0, 4 (0.98)^50 = 1.46: not converged, never reverses.
  assert.deepEqual(lesson(0.01), { regime: 'too-low', stop: 'max-steps', updates: 50, reversals: 0, pairs: 49 });
  // lr 0.45: factor 0.1, 4 (0.1)^k < 1e-5 first at k = 6.
  assert.deepEqual(lesson(0.45), { regime: 'just-right', stop: 'converged', updates: 6, reversals: 0, pairs: 5 });
  // lr 0.9: factor -0.8, every pair reverses; 4 (0.8)^k < 1e-5 needs k = 58 > 50.
  assert.deepEqual(lesson(0.9), { regime: 'too-high', stop: 'max-steps', updates: 50, reversals: 49, pairs: 49 });
  // lr 1.5: factor -2, |x_k| = 2^(k+1) passes the leash (600) at k = 9.
  assert.deepEqual(lesson(1.5), { regime: 'diverges', stop: 'diverged', updates: 9, reversals: 8, pairs: 8 });
});

test('gd on the ravine from (3, 1), 500 steps, tolerance 1e-5', () => {
  const ravine = getSurface('ravine'); // 0.5 x^2 + 10 y^2: x <- (1 - lr) x, y <- (1 - 20 lr) y
  const lesson = (lr: number) => {
    const r = descend(ravine, createOptimizer('gd', { lr }), [3, 1], { steps: 500, tolerance: 1e-5 });
    return { regime: classifyRegime(r), updates: r.path.length - 1, ...countReversals(r) };
  };
  assert.deepEqual(lesson(0.001), { regime: 'too-low', updates: 500, reversals: 0, pairs: 499 });
  // lr 0.05: y is 0 after one step; 3 (0.95)^k < 1e-5 first at k = 246.
  assert.deepEqual(lesson(0.05), { regime: 'just-right', updates: 246, reversals: 0, pairs: 245 });
  // lr 0.09: y flips (factor -0.8) but dies out faster than x (0.91). With
  // d_k = (-0.09 x_k, -1.8 y_k), d_{k-1} . d_k = 0.0729 (0.91)^(2k-1) - 3.24 (0.8)^(2k-1) < 0
  // while (0.91/0.8)^(2k-1) < 44.4, i.e. k <= 15: 15 reversals of 133 pairs, not overshooting;
  // 3 (0.91)^k < 1e-5 first at k = 134.
  assert.deepEqual(lesson(0.09), { regime: 'just-right', updates: 134, reversals: 15, pairs: 133 });
  // lr 0.099: y flips with factor -0.98 and dominates every pair; 20 (0.98)^k < 1e-5 needs k = 719.
  assert.deepEqual(lesson(0.099), { regime: 'too-high', updates: 500, reversals: 499, pairs: 499 });
  // lr 0.11: |y_k| = 1.2^k passes the leash (800) at k = 37.
  assert.deepEqual(lesson(0.11), { regime: 'diverges', updates: 37, reversals: 36, pairs: 36 });
});

test('0 or 1 updates make no pairs: never overshooting', () => {
  for (const points of [[[1]], [[1], [-1]]]) {
    assert.deepEqual(countReversals(run(points, 'max-steps')), { reversals: 0, pairs: 0 });
    assert.equal(reversalFraction(run(points, 'max-steps')), 0);
    assert.equal(overshoots(run(points, 'max-steps')), false);
    assert.equal(classifyRegime(run(points, 'max-steps')), 'too-low');
    assert.equal(classifyRegime(run(points, 'converged')), 'just-right');
    assert.equal(classifyRegime(run(points, 'diverged')), 'diverges');
  }
});

test('2 updates make one pair: it reverses or not', () => {
  // d0 = -2, d1 = 1.5: d0 d1 = -3 < 0.
  const back = run([[1], [-1], [0.5]], 'converged');
  assert.deepEqual(countReversals(back), { reversals: 1, pairs: 1 });
  assert.equal(reversalFraction(back), 1);
  assert.equal(classifyRegime(back), 'too-high'); // overshooting wins over converging
  // d0 = -0.5, d1 = -0.25: same way.
  const on = run([[1], [0.5], [0.25]], 'converged');
  assert.deepEqual(countReversals(on), { reversals: 0, pairs: 1 });
  assert.equal(classifyRegime(on), 'just-right');
});

test('exactly half of the pairs reversing is not overshooting; more than half is', () => {
  // d = 1, -0.5, -0.25: the first pair reverses, the second not: 1 of 2.
  const half = run([[0], [1], [0.5], [0.25]], 'max-steps');
  assert.deepEqual(countReversals(half), { reversals: 1, pairs: 2 });
  assert.equal(reversalFraction(half), 0.5);
  assert.equal(overshoots(half), false);
  assert.equal(classifyRegime(half), 'too-low');
  // d = 1, -0.5, 0.25, 0.125: pairs reverse, reverse, not: 2 of 3.
  const most = run([[0], [1], [0.5], [0.75], [0.875]], 'max-steps');
  assert.deepEqual(countReversals(most), { reversals: 2, pairs: 3 });
  assert.equal(overshoots(most), true);
  assert.equal(classifyRegime(most), 'too-high');
  assert.equal(classifyRegime({ ...most, stop: 'diverged' }), 'diverges'); // diverging wins
});

test('a reversal needs a negative dot product: zero and perpendicular updates do not count', () => {
  // d = (0, 0) then (-1, 0): dot 0.
  assert.deepEqual(countReversals(run([[1, 0], [1, 0], [0, 0]], 'max-steps')), { reversals: 0, pairs: 1 });
  // d = (1, 0), (0, 1), (-1, 0): dots 0 and 0, though the last undoes the first.
  assert.deepEqual(countReversals(run([[0, 0], [1, 0], [1, 1], [0, 1]], 'max-steps')), { reversals: 0, pairs: 2 });
  // d = (1, 1), (-1, 0.5): dot -0.5.
  assert.deepEqual(countReversals(run([[0, 0], [1, 1], [0, 1.5]], 'max-steps')), { reversals: 1, pairs: 1 });
});

test('REGIMES lists the lessons from the smallest rate to the largest', () => {
  assert.deepEqual(REGIMES, ['too-low', 'just-right', 'too-high', 'diverges']);
});
