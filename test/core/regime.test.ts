/** classifyRegime, readRegime and the reversal count, by hand on x^2 and the ravine, and on literal runs. */
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
  rateBand,
  readRegime,
  reversalFraction,
  type Descent,
  type StopReason,
} from '../../src/core/index.js';

/** A literal run: only path and stop matter to the regime. */
function run(points: number[][], stop: StopReason): Pick<Descent, 'path' | 'values' | 'gradientNorms' | 'stop'> {
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
  }
  const one = [[1], [-1]];
  assert.equal(classifyRegime(run(one, 'max-steps')), 'too-low');
  assert.equal(classifyRegime(run(one, 'converged')), 'just-right');
  assert.equal(classifyRegime(run(one, 'diverged')), 'diverges');
});

test('a run of no update is no-steps, whatever stopped it and whatever the rate', () => {
  // A constant function converges at the start; one undefined at the start diverges there.
  for (const stop of ['converged', 'diverged'] as const) {
    const reading = readRegime(run([[1]], stop), { theory: { lr: 5, curvatures: [2] } });
    assert.equal(reading.regime, 'no-steps');
    assert.equal(reading.updates, 0);
    assert.equal(reading.stop, stop);
  }
  const flat = descend(parseCurve('3'), createOptimizer('gd', { lr: 0.3 }), [1], { steps: 50, tolerance: 1e-5 });
  assert.equal(classifyRegime(flat), 'no-steps');
  const undefinedAtStart = descend(parseCurve('log(x)'), createOptimizer('gd', { lr: 0.3 }), [-1], { steps: 50, tolerance: 1e-5 });
  assert.equal(classifyRegime(undefinedAtStart), 'no-steps');
});

test('rateBand: lr L against 1 and 2', () => {
  assert.equal(rateBand(0.25, 2), 'monotone'); // lr L = 0.5
  assert.equal(rateBand(0.5, 2), 'one-step');
  assert.equal(rateBand(0.9, 2), 'overshoots');
  assert.equal(rateBand(1, 2), 'oscillates');
  assert.equal(rateBand(1.05, 2), 'diverges');
  assert.equal(rateBand(0.1, 20), 'oscillates');
  assert.equal(rateBand(0.05, 20.000000001), 'one-step'); // a measured L, off by rounding
  assert.equal(rateBand(1.001, 2), 'diverges'); // the slider's finest step off the mark
  assert.equal(rateBand(0.999, 2), 'overshoots');
});

test('with the curvature, x^2 from 2 (L = 2, 50 steps) reads as the theory says', () => {
  const curve = parseCurve('x^2');
  const reading = (lr: number, withLonger = true) => {
    const go = (steps: number) => descend(curve, createOptimizer('gd', { lr }), [2], { steps, tolerance: 1e-5 });
    return readRegime(go(50), { theory: { lr, curvatures: [2] }, longer: withLonger ? () => go(1000) : undefined });
  };
  assert.equal(reading(0.01).regime, 'too-low'); // factor 0.98
  assert.equal(reading(0.45).regime, 'just-right'); // factor 0.1
  const one = reading(0.5); // factor 0: x_1 = 0
  assert.equal(one.regime, 'just-right');
  assert.equal(one.updates, 1);
  assert.equal(reading(0.9).regime, 'too-high'); // factor -0.8
  // lr = 2/L: x = 2, -2, 2, ... for ever.
  const edge = reading(1);
  assert.equal(edge.regime, 'oscillates');
  assert.equal(edge.stop, 'max-steps');
  assert.equal(edge.stiffFactor, -1);
  // lr 1.05 > 2/L: factor -1.1. |x_k| = 2 (1.1)^k stays inside the leash (100 x the width 6 = 600)
  // for the 50 steps, so the run alone reads "too high"; it passes 600 at k = 60
  // (1.1^k > 300 from k = ln 300 / ln 1.1 = 59.8).
  const slow = reading(1.05);
  assert.equal(slow.regime, 'diverges');
  assert.equal(slow.basis, 'curvature');
  assert.equal(slow.stop, 'max-steps');
  assert.ok(Math.abs(slow.stiffFactor! + 1.1) < 1e-12);
  assert.equal(slow.divergedAt, 60);
  assert.equal(reading(1.05, false).regime, 'diverges'); // the theory needs no longer run
  assert.equal(reading(1.5).regime, 'diverges'); // blows up within the 50 steps
});

test('without the curvature, a longer run tells slow divergence from a dying oscillation', () => {
  const curve = parseCurve('x^2');
  const go = (lr: number, steps: number) => descend(curve, createOptimizer('gd', { lr }), [2], { steps, tolerance: 1e-5 });
  assert.equal(classifyRegime(go(1.05, 50)), 'too-high'); // 50 steps cannot tell
  const slow = readRegime(go(1.05, 50), { longer: () => go(1.05, 1000) });
  assert.equal(slow.regime, 'diverges');
  assert.equal(slow.basis, 'run');
  assert.equal(slow.divergedAt, 60);
  // lr 0.9: 4 (0.8)^k < 1e-5 at k = 58: the longer run converges.
  const dying = readRegime(go(0.9, 50), { longer: () => go(0.9, 1000) });
  assert.equal(dying.regime, 'too-high');
  assert.equal(dying.divergedAt, null);
  assert.equal(dying.longerSteps, 58);
});

test('with the curvatures 1 and 20, the ravine from (3, 1) (50 steps): no rate is just right', () => {
  const ravine = getSurface('ravine'); // x <- (1 - lr) x, y <- (1 - 20 lr) y
  const reading = (lr: number, steps = 50) => {
    const go = (n: number) => descend(ravine, createOptimizer('gd', { lr }), [3, 1], { steps: n, tolerance: 1e-5 });
    return readRegime(go(steps), { theory: { lr, curvatures: [1, 20] }, longer: () => go(1000) });
  };
  // lr 0.02: lr L = 0.4, the steep direction itself keeps 60% a step: too low.
  assert.equal(reading(0.02).regime, 'too-low');
  // lr 0.05 = 1/L: y is 0 after one step, x keeps 95% a step: 3 (0.95)^50 = 0.23 is left.
  const optimal = reading(0.05);
  assert.equal(optimal.regime, 'ill-conditioned');
  assert.equal(optimal.stiffFactor, 0);
  assert.ok(Math.abs(optimal.shallowFactor! - 0.95) < 1e-12);
  // Each step removes lr mu = 0.05 * 1 = 5% of the distance along x.
  assert.ok(Math.abs(optimal.shallowShare! - 0.05) < 1e-12);
  assert.equal(optimal.largest, 20);
  assert.equal(optimal.smallest, 1);
  // lr 0.03: lr L = 0.6 >= 1/2, lr mu = 0.03 < 1/2.
  assert.equal(reading(0.03).regime, 'ill-conditioned');
  // lr 0.09: y flips (factor -0.8) for 15 pairs of 49: the run alone would not call it
  // overshooting, the theory does (1/L < lr < 2/L).
  assert.equal(classifyRegime(descend(ravine, createOptimizer('gd', { lr: 0.09 }), [3, 1], { steps: 50, tolerance: 1e-5 })), 'too-low');
  assert.equal(reading(0.09).regime, 'too-high');
  // lr 0.1 = 2/L: y = 1, -1, 1, ... for ever.
  assert.equal(reading(0.1).regime, 'oscillates');
  // lr 0.105: |y_k| = 1.1^k passes the leash (100 x the width 8 = 800) at k = 71
  // (1.1^k > 800 from k = ln 800 / ln 1.1 = 70.1).
  const slow = reading(0.105);
  assert.equal(slow.regime, 'diverges');
  assert.equal(slow.stop, 'max-steps');
  assert.equal(slow.divergedAt, 71);
  // With 500 steps, 1/L converges (3 (0.95)^k < 1e-5 at k = 246): it did, without overshooting.
  const long = reading(0.05, 500);
  assert.equal(long.regime, 'just-right');
  assert.equal(long.updates, 246);
});

test('a run the local theory does not describe is read from the run', () => {
  // Converged although lr L > 2 (it found another minimum): the run decides.
  assert.equal(readRegime(run([[1], [-0.5], [0.2]], 'converged'), { theory: { lr: 3, curvatures: [1] } }).regime, 'too-high');
  assert.equal(readRegime(run([[1], [0.5], [0.2]], 'converged'), { theory: { lr: 3, curvatures: [1] } }).basis, 'run');
  // Overshooting although lr L < 1 (a stiffer curvature away from the minimum): too high, from the run.
  const far = readRegime(run([[1], [-0.5], [0.3], [-0.1]], 'max-steps'), { theory: { lr: 0.1, curvatures: [1] } });
  assert.deepEqual([far.regime, far.basis], ['too-high', 'run']);
  // 1/L < lr < 2/L but started on the shallow direction: nothing overshoots, x keeps 91% a step.
  const ravine = getSurface('ravine');
  const shallow = descend(ravine, createOptimizer('gd', { lr: 0.09 }), [3, 0], { steps: 50, tolerance: 1e-5 });
  const reading = readRegime(shallow, { theory: { lr: 0.09, curvatures: [1, 20] } });
  assert.deepEqual([reading.regime, reading.basis], ['too-low', 'run']);
  // Curvatures that are not all positive (a saddle) are no theory.
  assert.equal(readRegime(run([[1], [-0.5], [0.3]], 'max-steps'), { theory: { lr: 3, curvatures: [-2, 2] } }).basis, 'run');
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
  assert.deepEqual(REGIMES, ['no-steps', 'too-low', 'just-right', 'ill-conditioned', 'too-high', 'oscillates', 'diverges']);
});
