/** hiddenShares and coveredPaths: map paths under the lines drawn after them, found from the numbers. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createOptimizer, descend, getSurface } from '../../src/core/index.js';
import { coveredPaths, hiddenShares } from '../../src/plot/path-cover.js';

const region = { x: [0, 10] as const, y: [0, 10] as const };
const line = (y: number, x0 = 1, x1 = 9) => [[x0, y], [x1, y]];

test('identical paths: the earlier one lies under the later one, the later one shows', () => {
  assert.deepEqual(coveredPaths([line(5), line(5)], region, 0.1), [true, false]);
  assert.deepEqual(hiddenShares([line(5), line(5)], region, 0.1), [1, 0]);
});

test('within a pixel is under; two pixels off is not', () => {
  // Pixel 0.1: a line 0.05 away is in the same or the next cell; 0.25 away is two cells off.
  assert.deepEqual(coveredPaths([line(5), line(5.05)], region, 0.1), [true, false]);
  assert.deepEqual(coveredPaths([line(5), line(5.25)], region, 0.1), [false, false]);
});

test('under the union of later paths; a later path covers, an earlier one does not', () => {
  // Path 0 runs 1..9; path 1 covers 1..5, path 2 covers 5..9: together all of it.
  assert.deepEqual(coveredPaths([line(5), line(5, 1, 5), line(5, 5, 9)], region, 0.1), [true, false, false]);
  // Half covered: the share says so.
  const half = hiddenShares([line(5), line(5, 1, 5)], region, 0.1)[0];
  assert.ok(Math.abs(half - 0.5) < 0.02, `${half}`);
  // Drawn before, not after: the long path is on top and shows.
  assert.deepEqual(coveredPaths([line(5, 1, 5), line(5)], region, 0.1), [true, false]);
  assert.deepEqual(coveredPaths([line(5), line(5, 1, 5)], region, 0.1), [false, false]);
});

test('only what the map shows counts; a path not on it is not hidden', () => {
  // The parts of path 0 outside the region (x > 10) are not drawn: the rest is under path 1.
  assert.deepEqual(coveredPaths([line(5, 1, 20), line(5, 1, 10)], region, 0.1), [true, false]);
  assert.deepEqual(coveredPaths([line(50), line(5)], region, 0.1), [false, false]);
  // A run that blew up stops at its first non-finite point.
  assert.deepEqual(coveredPaths([[[1, 5], [9, 5], [NaN, NaN], [1, 1]], line(5)], region, 0.1), [true, false]);
});

test('the Rosenbrock race: classical momentum runs under Nesterov and Adam', () => {
  const surface = getSurface('rosenbrock');
  const lanes = (['gd', 'momentum', 'nesterov', 'adam'] as const).map((name, i) =>
    descend(surface, createOptimizer(name, { lr: [0.001, 0.001, 0.001, 0.05][i] }), [-1.5, 2.5], { steps: 3000, tolerance: 1e-5 }).path,
  );
  // A map 400 px wide: a pixel is 4 / 400 of the domain's width.
  const shares = hiddenShares(lanes, surface.domain, 4 / 400);
  assert.ok(shares[1] > 0.95, `momentum ${shares[1]}`);
  assert.ok(shares[2] < 0.9 && shares[0] < 0.9, `${shares}`);
  assert.equal(shares[3], 0); // drawn last
});
