/** The data plot's maths: the domain of a data set, lines in a rectangle, decision boundaries. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  BISECTIONS,
  axisRange,
  classCount,
  coincidentGroups,
  dataDomain,
  decisionBoundaries,
  labelGrid,
  labelOf,
  lineInDomain,
  regionPixels,
  separateLabels,
} from '../../src/plot/data-math.js';

const square = { x: [-2, 2] as [number, number], y: [-2, 2] as [number, number] };

test('the domain covers the data with a margin and ends on round numbers', () => {
  // Iris petal length 1..6.9 and width 0.1..2.5 (cm).
  const d = dataDomain(new Float64Array([1, 0.1, 6.9, 2.5, 4, 1.3]));
  assert.deepEqual(d.x, [0.5, 7.5]);
  assert.deepEqual(d.y, [0, 2.75]); // not below zero: widths are positive
  const line = dataDomain(new Float64Array([0, 1, 10, 22]));
  assert.deepEqual(line.x, [-1, 11]); // x reaches 0: keeps its margin below it
  assert.deepEqual(line.y, [0, 25]); // y from 1: clear of 0, so the frame starts there
});

test('the domain ignores points with a non-finite coordinate, and copes with none or one value', () => {
  const d = dataDomain(new Float64Array([0, 0, 1, 1, NaN, 50, 30, Infinity]));
  assert.ok(d.x[1] < 2 && d.y[1] < 2, `${d.x} ${d.y}`);
  assert.deepEqual(dataDomain(new Float64Array([])), { x: [-1, 1], y: [-1, 1] });
  const flat = axisRange(3, 3);
  assert.ok(flat[0] < 3 && flat[1] > 3);
  const negative = axisRange(-5, -1);
  assert.ok(negative[1] === 0 || negative[1] < 0, 'does not cross zero upwards');
  assert.ok(negative[0] <= -5);
  for (const [lo, hi] of [[1e-9, 3e-9], [-1e6, 1e6], [0.1, 0.2]]) {
    const [a, b] = axisRange(lo, hi);
    assert.ok(a <= lo && b >= hi && a < b, `${lo} ${hi} -> ${a} ${b}`);
  }
});

test('a line inside the rectangle: y = x across the square from corner to corner', () => {
  const s = lineInDomain(1, -1, 0, square)!; // x - y = 0
  const ends = [[s[0], s[1]], [s[2], s[3]]].sort((p, q) => p[0] - q[0]);
  assert.ok(Math.abs(ends[0][0] + 2) < 1e-9 && Math.abs(ends[0][1] + 2) < 1e-9);
  assert.ok(Math.abs(ends[1][0] - 2) < 1e-9 && Math.abs(ends[1][1] - 2) < 1e-9);
});

test('a horizontal and a vertical line, and lines that miss', () => {
  const h = lineInDomain(0, 1, -1, square)!; // y = 1
  assert.ok(Math.abs(h[1] - 1) < 1e-12 && Math.abs(h[3] - 1) < 1e-12);
  assert.ok(Math.abs(Math.abs(h[2] - h[0]) - 4) < 1e-9);
  const v = lineInDomain(1, 0, 0.5, square)!; // x = -0.5
  assert.ok(Math.abs(v[0] + 0.5) < 1e-12 && Math.abs(v[2] + 0.5) < 1e-12);
  assert.equal(lineInDomain(0, 1, -3, square), null); // y = 3
  assert.equal(lineInDomain(1, 1, -10, square), null);
});

test('diverged coefficients: non-finite gives nothing, huge gives the line it describes', () => {
  assert.equal(lineInDomain(NaN, -1, 0, square), null);
  assert.equal(lineInDomain(1, -1, Infinity, square), null);
  assert.equal(lineInDomain(0, 0, 1, square), null);
  assert.equal(lineInDomain(Infinity, -1, 0, square), null);
  // y = 1e300 x + 1: practically the vertical line x = 0.
  const v = lineInDomain(1e300, -1, 1, square)!;
  assert.ok(Math.abs(v[0]) < 1e-9 && Math.abs(v[2]) < 1e-9);
  assert.ok(Math.abs(Math.abs(v[3] - v[1]) - 4) < 1e-9);
  // All three huge but proportional: x + y = 0.
  const d = lineInDomain(1e305, 1e305, 0, square)!;
  assert.ok(Math.abs(d[0] + d[1]) < 1e-9 && Math.abs(d[2] + d[3]) < 1e-9);
  // Huge intercept: the line is far away.
  assert.equal(lineInDomain(1, -1, 1e300, square), null);
});

test('labels: P >= 0.5 is class 1; class indices rounded and clamped; NaN stays NaN', () => {
  assert.equal(labelOf(0.5, 'binary-line', 2), 1);
  assert.equal(labelOf(0.49, 'binary-line', 2), 0);
  assert.equal(labelOf(1, 'binary-line', 2), 1);
  assert.ok(Number.isNaN(labelOf(NaN, 'binary-line', 2)));
  assert.equal(labelOf(1.2, 'regions', 3), 1);
  assert.equal(labelOf(7, 'regions', 3), 2);
  assert.equal(labelOf(-1, 'regions', 3), 0);
  assert.ok(Number.isNaN(labelOf(Infinity, 'regions', 3)));
});

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

test('a binary boundary on a coarse grid lies on the true line, refined by bisection', () => {
  // P(class 1) = sigmoid(2x + y - 0.3): the boundary is 2x + y = 0.3.
  const classify = (x: number, y: number): number => sigmoid(2 * x + y - 0.3);
  const grid = labelGrid(classify, 'binary-line', 2, square, 25, 25);
  const lines = decisionBoundaries(grid, classify, 'binary-line', 2);
  assert.equal(lines.length, 1);
  const cell = 4 / 24;
  const tolerance = (cell / 2 ** BISECTIONS) * 2.3; // along an edge, projected on the normal
  const { points } = lines[0];
  assert.ok(points.length >= 2 * 20, 'crosses the square');
  for (let k = 0; k < points.length; k += 2) {
    const distance = Math.abs(2 * points[k] + points[k + 1] - 0.3) / Math.sqrt(5);
    assert.ok(distance < tolerance, `point ${k / 2} is ${distance} off`);
  }
});

test('three classes: every border is traced, a class index classifier', () => {
  // Three sectors around the origin, split by angle.
  const classify = (x: number, y: number): number => {
    const a = Math.atan2(y, x);
    return a < -Math.PI / 3 ? 0 : a < Math.PI / 3 ? 1 : 2;
  };
  const grid = labelGrid(classify, 'regions', 3, square, 30, 30);
  const lines = decisionBoundaries(grid, classify, 'regions', 3);
  // The borders: the rays at -60, 60 and 180 degrees.
  const rays = [-Math.PI / 3, Math.PI / 3, Math.PI];
  const hits = [0, 0, 0];
  for (const { points } of lines) {
    for (let k = 0; k < points.length; k += 2) {
      const x = points[k];
      const y = points[k + 1];
      if (Math.hypot(x, y) < 0.3) continue; // near the junction
      const a = Math.atan2(y, x);
      const ray = rays.findIndex((r) => Math.abs(Math.sin(a - r)) < 0.02 && Math.cos(a - r) > 0);
      assert.ok(ray >= 0, `point (${x}, ${y}) is on no border`);
      hits[ray]++;
    }
  }
  assert.ok(hits.every((h) => h > 5), `${hits}`);
});

test('one class everywhere, or no finite value: no boundary', () => {
  const one = labelGrid(() => 0.9, 'binary-line', 2, square, 10, 10);
  assert.deepEqual(decisionBoundaries(one, () => 0.9, 'binary-line', 2), []);
  const none = labelGrid(() => NaN, 'binary-line', 2, square, 10, 10);
  assert.deepEqual(decisionBoundaries(none, () => NaN, 'binary-line', 2), []);
});

test('NaN in part of the plane: the boundary stops there instead of drawing garbage', () => {
  const classify = (x: number, y: number): number => (y > 1 ? NaN : sigmoid(10 * x));
  const grid = labelGrid(classify, 'binary-line', 2, square, 21, 21);
  const lines = decisionBoundaries(grid, classify, 'binary-line', 2);
  assert.ok(lines.length >= 1);
  for (const { points } of lines) {
    for (let k = 0; k < points.length; k += 2) {
      assert.ok(Number.isFinite(points[k]) && Number.isFinite(points[k + 1]));
      assert.ok(Math.abs(points[k]) < 0.01, 'on x = 0');
      assert.ok(points[k + 1] <= 1 + 1e-9, 'not into the NaN part');
    }
  }
});

test('region pixels: each node in its class colour, NaN and unknown classes transparent', () => {
  const grid = { nx: 2, ny: 2, domain: square, values: new Float64Array([0, 1, NaN, 5]), min: 0, max: 5 };
  const pixels = regionPixels(grid, [
    [255, 0, 0, 40],
    [0, 0, 255, 40],
  ]);
  assert.deepEqual([...pixels], [255, 0, 0, 40, 0, 0, 255, 40, 0, 0, 0, 0, 0, 0, 0, 0]);
});

test('class count: given, else the largest label + 1', () => {
  assert.equal(classCount([0, 2, 1], undefined), 3);
  assert.equal(classCount([0, 1], 3), 3);
  assert.equal(classCount(undefined), 1);
  assert.equal(classCount([0, NaN, 1]), 2);
});

test('coincident segments are grouped; distinct ones and missing ones are not', () => {
  const groups = coincidentGroups(
    [
      [0, 100, 200, 0],
      [0, 101, 200, 1], // 1 px from the first
      [0, 50, 200, 50], // crosses it
      null,
      [0, 100.5, 200, 0.5],
    ],
    2,
  );
  assert.equal(groups[0], groups[1]);
  assert.equal(groups[0], groups[4]);
  assert.notEqual(groups[0], groups[2]);
  assert.equal(groups[3], -1);
});

test('labels that would overlap are stacked in order, inside the bounds', () => {
  const boxes = [
    { left: 100, width: 40, y: 20, height: 12 },
    { left: 110, width: 40, y: 22, height: 12 },
    { left: 300, width: 40, y: 21, height: 12 }, // elsewhere: stays
    { left: 105, width: 40, y: 21, height: 12 },
  ];
  const ys = separateLabels(boxes, 0, 200, 1);
  assert.equal(ys[0], 20);
  assert.equal(ys[3], 33);
  assert.equal(ys[1], 46);
  assert.equal(ys[2], 21);
  // At the bottom edge they are pushed back up, still apart.
  const low = separateLabels(
    [
      { left: 0, width: 10, y: 195, height: 12 },
      { left: 0, width: 10, y: 196, height: 12 },
    ],
    0,
    200,
    1,
  );
  assert.deepEqual(low, [175, 188]);
});
