/** hiddenBehind: loss curves drawn on top of each other, found from the numbers. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createOptimizer, descend, parseCurve } from '../../src/core/index.js';
import { hiddenBehind } from '../../src/chart/coincide.js';

const log = { log: true, pixels: 200 };

test('gd on x^2 at 0.1 and 0.9: x_k = 2 (0.8)^k and 2 (-0.8)^k give one loss curve', () => {
  const curve = parseCurve('x^2');
  const values = [0.1, 0.45, 0.9, 1.1].map(
    (lr) => descend(curve, createOptimizer('gd', { lr }), [2], { steps: 50, tolerance: 1e-5 }).values,
  );
  // 0.9 (third) lies under 0.1 (first); 0.45 and 1.1 are their own.
  assert.deepEqual(hiddenBehind(values, log), [null, null, 0, null]);
});

test('within a pixel of the shown range, not beyond', () => {
  // Linear, range 0..200 over 200 px: one pixel is 1.
  const a = [0, 100, 200];
  assert.deepEqual(hiddenBehind([a, [0, 101, 200]], { log: false, pixels: 200 }), [null, 0]);
  assert.deepEqual(hiddenBehind([a, [0, 102, 200]], { log: false, pixels: 200 }), [null, null]);
  // Log, 1 .. 1e4 (4 decades) over 400 px: a pixel is 0.01 decade, a factor 10^0.01 = 1.023.
  const b = [1, 100, 1e4];
  assert.deepEqual(hiddenBehind([b, [1, 102, 1e4]], { log: true, pixels: 400 }), [null, 0]);
  assert.deepEqual(hiddenBehind([b, [1, 103, 1e4]], { log: true, pixels: 400 }), [null, null]);
});

test('a shorter series on a longer one is hidden; the longer one shows beyond it', () => {
  assert.deepEqual(hiddenBehind([[4, 2, 1, 0.5], [4, 2]], log), [null, 0]);
  assert.deepEqual(hiddenBehind([[4, 2], [4, 2, 1, 0.5]], log), [1, null]);
});

test('identical series: every later one is hidden behind the first, the first is not', () => {
  const a = [3, 2, 1];
  assert.deepEqual(hiddenBehind([a, [...a], [...a]], log), [null, 0, 0]);
  // A flat range (every value equal) needs exact equality.
  assert.deepEqual(hiddenBehind([[1, 1], [1, 1]], log), [null, 0]);
});

test('values the chart does not draw match only each other', () => {
  assert.deepEqual(hiddenBehind([[4, 2, Infinity], [4, 2, NaN]], log), [null, 0]);
  assert.deepEqual(hiddenBehind([[4, 2, 1], [4, 2, Infinity]], log), [null, null]);
  assert.deepEqual(hiddenBehind([[], []], log), [null, null]);
});
