/** Domain <-> canvas pixels, the plot rectangle, equal-unit heights, clamping. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clampToDomain, heightForWidth, plotRect, plotTransform } from '../../src/plot/transform.js';

const domain = { x: [-2, 2] as const, y: [-1, 3] as const };
const rect = { left: 10, top: 20, width: 200, height: 100 };

test('corners and centre: top-left is (x0, y1), y grows upwards', () => {
  const t = plotTransform(domain, rect);
  assert.deepEqual(t.toCanvas(-2, 3), [10, 20]);
  assert.deepEqual(t.toCanvas(2, -1), [210, 120]);
  assert.deepEqual(t.toCanvas(0, 1), [110, 70]);
  assert.equal(t.x(1), 160);
  assert.equal(t.y(0), 95);
});

test('toDomain inverts toCanvas, outside the domain too', () => {
  const t = plotTransform(domain, rect);
  assert.deepEqual(t.toDomain(110, 70), [0, 1]);
  for (const [x, y] of [[-2, 3], [0.3, -0.7], [5, 10], [-40, 2.5]]) {
    const [px, py] = t.toCanvas(x, y);
    const [bx, by] = t.toDomain(px, py);
    assert.ok(Math.abs(bx - x) < 1e-12 && Math.abs(by - y) < 1e-12, `${x},${y} -> ${bx},${by}`);
  }
});

test('plotRect is the canvas minus the margins, at least 1 px', () => {
  const margins = { top: 5, right: 6, bottom: 7, left: 8 };
  assert.deepEqual(plotRect(100, 50, margins), { left: 8, top: 5, width: 86, height: 38 });
  assert.deepEqual(plotRect(10, 10, margins), { left: 8, top: 5, width: 1, height: 1 });
});

test('heightForWidth gives equal units along x and y', () => {
  const margins = { top: 10, right: 10, bottom: 20, left: 30 };
  // the ravine's domain is 8 wide and 4 tall: a 400 px plot is 200 px tall
  assert.equal(heightForWidth(440, { x: [-4, 4], y: [-2, 2] }, margins), 230);
  const h = heightForWidth(440, domain, margins);
  const t = plotTransform(domain, plotRect(440, h, margins));
  assert.equal(t.x(1) - t.x(0), t.y(0) - t.y(1));
});

test('clampToDomain moves each coordinate into its interval', () => {
  assert.deepEqual(clampToDomain(domain, 5, -9), [2, -1]);
  assert.deepEqual(clampToDomain(domain, -0.5, 2), [-0.5, 2]);
});
