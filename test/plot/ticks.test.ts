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
