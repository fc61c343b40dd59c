/** Nice 1-2-5 ticks and their labels. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { niceTicks, tickCountFor, tickStep } from '../../src/plot/ticks.js';
import { numbersFor } from '../../src/i18n/numbers.js';

const en = numbersFor('en');

test('steps are 1, 2 or 5 times a power of ten, the smallest that fits', () => {
  assert.equal(tickStep(-2, 2, 4), 1);
  assert.equal(tickStep(-2, 2, 5), 1);
  assert.equal(tickStep(-2, 2, 8), 0.5);
  assert.equal(tickStep(-5.12, 5.12, 5), 5); // 2.048 rounds up to 5
  assert.equal(tickStep(0, 1, 5), 0.2);
  assert.equal(tickStep(0, 1000, 4), 500);
  assert.equal(tickStep(3, 3, 5), 0);
});

test('ticks are the multiples of the step inside the interval, ends included', () => {
  assert.deepEqual(niceTicks(-2, 2, 4), [-2, -1, 0, 1, 2]);
  assert.deepEqual(niceTicks(-5.12, 5.12, 5), [-5, 0, 5]);
  assert.deepEqual(niceTicks(-1, 3, 8), [-1, -0.5, 0, 0.5, 1, 1.5, 2, 2.5, 3]);
  assert.deepEqual(niceTicks(0, 1, 5).map((v) => en.tick(v, 0.2)), ['0.0', '0.2', '0.4', '0.6', '0.8', '1.0']);
  assert.deepEqual(niceTicks(2, -2, 4), [-2, -1, 0, 1, 2]);
  assert.deepEqual(niceTicks(0, NaN, 4), []);
});

test('tick counts by length: one per spacing, at least 2', () => {
  assert.equal(tickCountFor(300, 60), 5);
  assert.equal(tickCountFor(50, 60), 2);
});

test('an interval tiny next to its values gets no ticks instead of a loop that never ends', () => {
  // k * step with k past 2^53: k + 1 rounds back to k. These used to fill an array
  // until "Invalid array length".
  assert.deepEqual(niceTicks(1e15, 1e15 + 0.5, 10), []);
  assert.deepEqual(niceTicks(1 - 3e-16, 1 + 3e-16, 8), []);
  assert.deepEqual(niceTicks(1e20, 1e20 + 1e5, 10), []);
  // Narrow but drawable intervals keep their ticks, a handful of them.
  assert.deepEqual(niceTicks(1000, 1000.001, 2), [1000, 1000.0005, 1000.001]);
  for (const [lo, hi] of [[1, 1 + 1e-12], [1e6, 1e6 + 1e-3], [-1e-300, 1e-300], [0, Number.MAX_VALUE]]) {
    const ticks = niceTicks(lo, hi, 10);
    assert.ok(ticks.length >= 1 && ticks.length <= 11, `[${lo}, ${hi}]: ${ticks.length} ticks`);
  }
});
