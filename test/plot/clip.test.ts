/** Liang-Barsky clipping of segments to the plot rectangle. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clipArrow, clipSegment, insideRect } from '../../src/plot/clip.js';

const rect = { left: 0, top: 0, width: 100, height: 50 };
const out = new Float64Array(4);

test('a segment inside is kept as it is', () => {
  assert.equal(clipSegment(10, 10, 90, 40, rect, 0, out), true);
  assert.deepEqual([...out], [10, 10, 90, 40]);
});

test('a segment crossing the left edge starts on it', () => {
  assert.equal(clipSegment(-50, 20, 50, 20, rect, 0, out), true);
  assert.deepEqual([...out], [0, 20, 50, 20]);
});

test('a segment to a diverged point 1e300 away ends on the right edge, in the right place', () => {
  assert.equal(clipSegment(50, 25, 1e300, 25, rect, 0, out), true);
  assert.deepEqual([...out], [50, 25, 100, 25]);
  assert.equal(clipSegment(50, 0, 50 + 1e300, 1e300, rect, 0, out), true); // 45 degrees down
  assert.ok(Math.abs(out[2] - 100) < 1e-9 || Math.abs(out[3] - 50) < 1e-9);
  assert.ok(Math.abs(out[2] - 50 - out[3]) < 1e-6, 'keeps its direction');
});

test('padding grows the rectangle', () => {
  assert.equal(clipSegment(-50, 20, 50, 20, rect, 5, out), true);
  assert.deepEqual([...out], [-5, 20, 50, 20]);
});

test('segments wholly outside, or with non-finite ends, give false', () => {
  assert.equal(clipSegment(-10, -10, -5, 60, rect, 0, out), false);
  assert.equal(clipSegment(0, 60, 100, 70, rect, 0, out), false);
  assert.equal(clipSegment(NaN, 10, 20, 20, rect, 0, out), false);
  assert.equal(clipSegment(10, 10, Infinity, 20, rect, 0, out), false);
});

test('insideRect, with padding; NaN is never inside', () => {
  assert.equal(insideRect(0, 0, rect, 0), true);
  assert.equal(insideRect(-3, 10, rect, 0), false);
  assert.equal(insideRect(-3, 10, rect, 5), true);
  assert.equal(insideRect(NaN, 10, rect, 5), false);
});

test('an arrow is whole when its tip is on the plot, cut at the edge when it is not, hidden when it misses', () => {
  assert.equal(clipArrow(10, 10, 90, 40, rect, out), 'whole');
  assert.deepEqual([...out], [10, 10, 90, 40]);
  // A step of 300 px to the right from (50, 25): cut where it leaves, on the right edge.
  assert.equal(clipArrow(50, 25, 350, 25, rect, out), 'off-plot');
  assert.deepEqual([...out], [50, 25, 100, 25]);
  // From off the plot to a tip on it: the part inside.
  assert.equal(clipArrow(-50, 25, 50, 25, rect, out), 'whole');
  assert.deepEqual([...out], [0, 25, 50, 25]);
  assert.equal(clipArrow(-50, -50, -10, -10, rect, out), 'hidden');
  assert.equal(clipArrow(50, 25, Infinity, 25, rect, out), 'hidden');
});
