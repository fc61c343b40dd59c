/** The rank scale behind colours and contour levels, on samples small enough to rank by hand. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SURFACE_SCALE_POWER, rankScale, surfaceScale } from '../../src/plot/value-scale.js';

const close = (a: number, b: number, tol = 1e-12) => assert.ok(Math.abs(a - b) <= tol, `${a} vs ${b}`);

test('rank of [3, 1, 2, 4]: samples at k/3, values between them linearly', () => {
  const s = rankScale([3, 1, 2, 4]);
  assert.equal(s.min, 1);
  assert.equal(s.max, 4);
  assert.equal(s.position(1), 0);
  close(s.position(2), 1 / 3);
  close(s.position(3), 2 / 3);
  assert.equal(s.position(4), 1);
  close(s.position(1.5), 1 / 6);
  close(s.position(3.25), 2 / 3 + 1 / 12);
});

test('outside the samples: 0 below, 1 above, infinities at the ends, NaN stays NaN', () => {
  const s = rankScale([3, 1, 2, 4]);
  assert.equal(s.position(0), 0);
  assert.equal(s.position(-Infinity), 0);
  assert.equal(s.position(5), 1);
  assert.equal(s.position(Infinity), 1);
  assert.ok(Number.isNaN(s.position(NaN)));
});

test('tied samples sit at the middle of their ranks', () => {
  const s = rankScale([1, 1, 2]); // ranks 0 and 1 for the two 1s, 2 for the 2
  close(s.position(1), 0.25);
  assert.equal(s.position(2), 1);
});

test('quantile inverts position: [1, 2, 3, 4] at 0.5 is 2.5', () => {
  const s = rankScale([4, 3, 2, 1]);
  assert.equal(s.quantile(0), 1);
  assert.equal(s.quantile(1), 4);
  close(s.quantile(0.5), 2.5);
  for (const v of [1, 1.7, 2, 3.9, 4]) close(s.quantile(s.position(v)), v);
  assert.equal(s.quantile(-1), 1);
  assert.equal(s.quantile(2), 4);
});

test('non-finite samples are left out of the ranking', () => {
  const s = rankScale([NaN, Infinity, 1, -Infinity, 2]);
  assert.equal(s.min, 1);
  assert.equal(s.max, 2);
  assert.equal(s.position(1.5), 0.5);
});

test('all samples equal: that value is mid-scale; no samples: NaN', () => {
  const s = rankScale([7, 7, 7]);
  assert.equal(s.position(7), 0.5);
  assert.equal(s.position(6), 0);
  assert.equal(s.quantile(0.3), 7);
  const none = rankScale([NaN]);
  assert.ok(Number.isNaN(none.min) && Number.isNaN(none.position(1)) && Number.isNaN(none.quantile(0.5)));
});

test('with a power the position is rank^power, and quantile still inverts it', () => {
  const s = rankScale([1, 2, 3, 4, 5], 0.5);
  close(s.position(2), Math.sqrt(0.25)); // rank 1/4
  close(s.position(3), Math.sqrt(0.5));
  close(s.quantile(0.5), 2); // rank 0.25 is the sample 2
  for (const v of [1, 2.5, 4.2, 5]) close(s.quantile(s.position(v)), v, 1e-12);
});

test('the surface scale is the rank to the power 0.7: the lower half of the area gets 62 % of the ramp', () => {
  assert.equal(SURFACE_SCALE_POWER, 0.7);
  const values = Array.from({ length: 101 }, (_, k) => k); // ranks k / 100
  const s = surfaceScale(values);
  close(s.position(50), 0.5 ** 0.7);
  close(s.position(50), 0.6156, 1e-4);
});
