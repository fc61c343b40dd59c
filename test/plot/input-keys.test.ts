/** The arrow keys' moves and pixel snapping: pure helpers of the input and the axes. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { arrowKeyStep } from '../../src/plot/plot-input.js';
import { crisp } from '../../src/plot/crisp.js';

const domain = { x: [-2, 2] as const, y: [-1, 3] as const };

test('arrow keys move by 1/40 of the domain, with Shift by 1/8; up is +y', () => {
  assert.deepEqual(arrowKeyStep(domain, 'ArrowRight', false), [0.1, 0]);
  assert.deepEqual(arrowKeyStep(domain, 'ArrowLeft', false), [-0.1, 0]);
  assert.deepEqual(arrowKeyStep(domain, 'ArrowUp', true), [0, 0.5]);
  assert.deepEqual(arrowKeyStep(domain, 'ArrowDown', true), [0, -0.5]);
  assert.equal(arrowKeyStep(domain, 'a', false), null);
});

test('crisp puts odd-width lines on pixel centres and even-width lines on pixel edges', () => {
  assert.equal(crisp(10.3, 1, 1), 10.5); // 1 device px wide
  assert.equal(crisp(10.3, 2, 1), 10.5); // 2 device px wide: device x 21
  assert.equal(crisp(10.3, 2, 0.5), 10.25); // 1 device px wide: device x 20.5
});
