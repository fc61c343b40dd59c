/** Sampling a surface on a grid: layout (row 0 at the top), node positions, finite extent. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { finiteExtent, gridX, gridY, sampleGrid } from '../../src/plot/grid.js';

const domain = { x: [0, 2] as const, y: [-1, 1] as const };

test('3 x 2 grid of f = x + 10 y: row 0 is the top edge, column 0 the left edge', () => {
  const g = sampleGrid((x, y) => x + 10 * y, domain, 3, 2);
  // nodes x = 0, 1, 2; y = 1 (row 0), -1 (row 1)
  assert.deepEqual([...g.values], [10, 11, 12, -10, -9, -8]);
  assert.equal(g.min, -10);
  assert.equal(g.max, 12);
  assert.equal(g.nx, 3);
  assert.equal(g.ny, 2);
});

test('gridX and gridY place nodes on the domain edges, fractional indices in between', () => {
  const shape = { nx: 3, ny: 5, domain };
  assert.equal(gridX(shape, 0), 0);
  assert.equal(gridX(shape, 2), 2);
  assert.equal(gridX(shape, 0.5), 0.5);
  assert.equal(gridY(shape, 0), 1);
  assert.equal(gridY(shape, 4), -1);
  assert.equal(gridY(shape, 1), 0.5);
});

test('non-finite values stay in the grid but not in min and max', () => {
  const values = [NaN, Infinity, 3, -Infinity, 1, 2];
  let k = 0;
  const g = sampleGrid(() => values[k++], domain, 3, 2);
  assert.ok(Number.isNaN(g.values[0]));
  assert.equal(g.values[1], Infinity);
  assert.equal(g.min, 1);
  assert.equal(g.max, 3);
});

test('no finite value: min and max are NaN', () => {
  const g = sampleGrid(() => NaN, domain, 2, 2);
  assert.ok(Number.isNaN(g.min) && Number.isNaN(g.max));
  assert.deepEqual(finiteExtent([Infinity, -Infinity]), [NaN, NaN]);
});

test('fewer than 2 x 2 nodes, or a fractional count, is refused', () => {
  assert.throws(() => sampleGrid(() => 0, domain, 1, 5), RangeError);
  assert.throws(() => sampleGrid(() => 0, domain, 3, 2.5), RangeError);
});
