/**
 * Marching squares on grids small enough to draw on paper. Domains are chosen so that
 * grid and domain coordinates agree up to the y flip: on x in [0, nx-1], y in [0, ny-1]
 * node (i, j) is at x = i, y = (ny - 1) - j (row 0 is the top).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { contourLevels, contours, isolines } from '../../src/plot/contours.js';
import type { Grid } from '../../src/plot/grid.js';
import { finiteExtent, sampleGrid } from '../../src/plot/grid.js';
import { rankScale } from '../../src/plot/value-scale.js';

/** A grid from literal rows, top row first, on the unit-spaced domain. */
function gridOf(rows: number[][]): Grid {
  const ny = rows.length;
  const nx = rows[0].length;
  const values = Float64Array.from(rows.flat());
  const [min, max] = finiteExtent(values);
  return { nx, ny, domain: { x: [0, nx - 1], y: [0, ny - 1] }, values, min, max };
}

/** The points of a line as [x, y] pairs, rounded against float noise. */
const pairs = (points: Float64Array) =>
  Array.from({ length: points.length / 2 }, (_, k) => [+points[2 * k].toFixed(9), +points[2 * k + 1].toFixed(9)]);
const sortPairs = (p: number[][]) => [...p].sort((a, b) => a[0] - b[0] || a[1] - b[1]);

test('2 x 2, one corner below the level: one segment across that corner', () => {
  // top row 0 1, bottom row 1 2: only the top-left corner (x 0, y 1) is below 0.5
  const lines = isolines(gridOf([[0, 1], [1, 2]]), 0.5);
  assert.equal(lines.length, 1);
  assert.equal(lines[0].closed, false);
  assert.deepEqual(sortPairs(pairs(lines[0].points)), [[0, 0.5], [0.5, 1]]);
});

test('2 x 2, crossing at the linear interpolate: level 0.25 on an edge from 0 to 1 is a quarter along', () => {
  const lines = isolines(gridOf([[0, 1], [0, 1]]), 0.25); // f = x
  assert.deepEqual(sortPairs(pairs(lines[0].points)), [[0.25, 0], [0.25, 1]]);
});

test('a level outside the values, or a cell with a NaN corner, has no line', () => {
  const g = gridOf([[0, 1], [1, 2]]);
  assert.deepEqual(isolines(g, 5), []);
  assert.deepEqual(isolines(g, -1), []);
  assert.deepEqual(isolines(gridOf([[0, 1], [NaN, 2]]), 0.5), []);
});

test('saddle cell, centre above the level: the two high corners join through the middle', () => {
  // top row 1 0, bottom row 0 1: high corners top-left and bottom-right, centre 0.5
  const lines = isolines(gridOf([[1, 0], [0, 1]]), 0.4);
  const segments = lines.map((l) => sortPairs(pairs(l.points))).sort((a, b) => a[0][0] - b[0][0]);
  // the lines cut off the low corners: (0, 0) and (1, 1)
  assert.deepEqual(segments, [
    [[0, 0.4], [0.4, 0]],
    [[0.6, 1], [1, 0.6]],
  ]);
});

test('saddle cell, centre below the level: the high corners are cut off on their own', () => {
  const lines = isolines(gridOf([[1, 0], [0, 1]]), 0.6);
  const segments = lines.map((l) => sortPairs(pairs(l.points))).sort((a, b) => a[0][0] - b[0][0]);
  // the lines cut off the high corners: (0, 1) and (1, 0)
  assert.deepEqual(segments, [
    [[0, 0.6], [0.4, 1]],
    [[0.6, 0], [1, 0.4]],
  ]);
});

test('3 x 3 with a peak in the middle: one closed ring through the four edge midpoints', () => {
  const lines = isolines(gridOf([[0, 0, 0], [0, 1, 0], [0, 0, 0]]), 0.5);
  assert.equal(lines.length, 1);
  assert.equal(lines[0].closed, true);
  assert.deepEqual(sortPairs(pairs(lines[0].points)), [[0.5, 1], [1, 0.5], [1, 1.5], [1.5, 1]]);
});

test('3 x 3 ramp f = x: one open line down two cells, joined in order', () => {
  const lines = isolines(gridOf([[0, 1, 2], [0, 1, 2], [0, 1, 2]]), 0.5);
  assert.equal(lines.length, 1);
  assert.equal(lines[0].closed, false);
  const ys = pairs(lines[0].points).map(([, y]) => y);
  assert.ok(pairs(lines[0].points).every(([x]) => x === 0.5));
  assert.ok(JSON.stringify(ys) === '[0,1,2]' || JSON.stringify(ys) === '[2,1,0]', `in order: ${ys}`);
});

test('the bowl x^2 + y^2 at level 1 is one closed ring of radius 1 going once around', () => {
  const g = sampleGrid((x, y) => x * x + y * y, { x: [-2, 2], y: [-2, 2] }, 81, 81);
  const lines = isolines(g, 1);
  assert.equal(lines.length, 1);
  assert.equal(lines[0].closed, true);
  const p = lines[0].points;
  let area = 0;
  let worst = 0;
  for (let k = 0; k < p.length; k += 2) {
    const [x0, y0, x1, y1] = [p[k], p[k + 1], p[(k + 2) % p.length], p[(k + 3) % p.length]];
    area += (x0 * y1 - x1 * y0) / 2; // shoelace
    worst = Math.max(worst, Math.abs(Math.hypot(x0, y0) - 1));
  }
  assert.ok(worst < 2e-3, `farthest from radius 1 by ${worst}`);
  assert.ok(Math.abs(Math.abs(area) - Math.PI) < 0.01 * Math.PI, `enclosed area ${area}`);
});

test('contours lists the lines of every level, tagged with their level', () => {
  const g = sampleGrid((x, y) => x * x + y * y, { x: [-2, 2], y: [-2, 2] }, 41, 41);
  const lines = contours(g, [0.5, 1, 2]);
  assert.deepEqual(lines.map((l) => l.level), [0.5, 1, 2]);
  assert.ok(lines.every((l) => l.closed));
});

test('contourLevels: evenly spaced in the given scale', () => {
  const values = Array.from({ length: 101 }, (_, k) => k);
  assert.deepEqual(contourLevels(values, 4, rankScale(values)).map((v) => +v.toFixed(9)), [20, 40, 60, 80]);
  // the default surface scale (rank^0.7): the first of 4 levels is at rank 0.2^(1/0.7) = 0.1003
  const levels = contourLevels(values, 4);
  assert.equal(levels.length, 4);
  assert.ok(Math.abs(levels[0] - 10.03) < 0.01, `${levels[0]}`);
  assert.ok(levels.every((v, k) => k === 0 || v > levels[k - 1]));
});

test('contourLevels: none for values without spread, no repeats or end values for ties', () => {
  assert.deepEqual(contourLevels([3, 3, 3], 5), []);
  assert.deepEqual(contourLevels([NaN, NaN], 5), []);
  const tied = [0, 0, 0, 0, 1];
  assert.deepEqual(contourLevels(tied, 3, rankScale(tied)), []); // every quantile is the tied minimum
});
