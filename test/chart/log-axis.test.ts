/**
 * What a log axis may show: never a value <= 0 or a non-finite one.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allPositive, chooseAxisType, logTicksToKeep, narrowLogTicks, plottablePoints } from '../../src/chart/log-axis.js';

test('a log axis stays logarithmic while every finite value is positive', () => {
  assert.equal(chooseAxisType(true, 'linear', [[3, 1, 0.5, 1e-12]]), 'logarithmic');
  assert.equal(chooseAxisType(true, 'linear', [[3, 1], [2, Infinity, NaN]]), 'logarithmic');
  assert.equal(chooseAxisType(true, 'linear', [[]]), 'logarithmic');
});

test("policy 'linear': one value <= 0 in any series makes the axis linear", () => {
  assert.equal(chooseAxisType(true, 'linear', [[3, 1], [2, 0.5, -0.25]]), 'linear');
  assert.equal(chooseAxisType(true, 'linear', [[3, 0]]), 'linear');
  assert.equal(allPositive([Float64Array.from([1, 2, -0])]), false);
});

test("policy 'drop': the axis stays logarithmic and the points <= 0 are left out", () => {
  assert.equal(chooseAxisType(true, 'drop', [[3, 0, -1]]), 'logarithmic');
  assert.deepEqual(plottablePoints([0, 1, 2, 3], [3, 0, 1e-3, -1], 'logarithmic'), [
    { x: 0, y: 3 },
    { x: 2, y: 1e-3 },
  ]);
});

test('a linear axis is never asked for, and keeps every finite point', () => {
  assert.equal(chooseAxisType(false, 'drop', [[1, 2]]), 'linear');
  assert.deepEqual(plottablePoints([0, 1, 2], [-1, 0, 2], 'linear'), [
    { x: 0, y: -1 },
    { x: 1, y: 0 },
    { x: 2, y: 2 },
  ]);
});

test('non-finite points are left out on every axis, and the shorter array sets the length', () => {
  const xs = [0, 1, 2, 3, NaN, 5];
  const ys = Float64Array.from([1, NaN, Infinity, -Infinity, 4, 5, 6]);
  assert.deepEqual(plottablePoints(xs, ys, 'linear'), [
    { x: 0, y: 1 },
    { x: 5, y: 5 },
  ]);
  assert.deepEqual(plottablePoints(xs, ys, 'logarithmic'), [
    { x: 0, y: 1 },
    { x: 5, y: 5 },
  ]);
});

/** Chart.js's ticks of a log axis: 1..9 times every power of ten from 10^lo to 10^hi. */
function chartJsLogTicks(lo: number, hi: number): number[] {
  const ticks: number[] = [];
  for (let e = lo; e < hi; e++) for (let d = 1; d <= 9; d++) ticks.push(Number(`${d}e${e}`));
  ticks.push(Number(`1e${hi}`));
  return ticks;
}

test('log ticks: within a decade all stay; within three, 1, 2 and 5 times a power of ten', () => {
  assert.deepEqual(logTicksToKeep([2, 3, 4, 5, 6, 7, 8]), [0, 1, 2, 3, 4, 5, 6]);
  const ticks = chartJsLogTicks(-1, 1);
  assert.deepEqual(
    logTicksToKeep(ticks).map((i) => ticks[i]),
    [0.1, 0.2, 0.5, 1, 2, 5, 10],
  );
});

test('log ticks: over many decades, a handful of powers of ten', () => {
  const ticks = chartJsLogTicks(-30, 2);
  const kept = logTicksToKeep(ticks, 8).map((i) => ticks[i]);
  // 32 decades, at most 8 ticks: every 5th power of ten, at exponents that are multiples of 5.
  assert.deepEqual(kept, [1e-30, 1e-25, 1e-20, 1e-15, 1e-10, 1e-5, 1]);
  const few = chartJsLogTicks(-4, 1);
  assert.deepEqual(logTicksToKeep(few).map((i) => few[i]), [1e-4, 1e-3, 0.01, 0.1, 1, 10]);
});

test('log ticks: values that are not d x 10^e are never kept', () => {
  // Chart.js also makes ticks like 15 x 10^e, and anchors some at the data's minimum.
  const ticks = [0.0123, 0.02, 0.05, 0.1, 0.145, 0.15, 0.2, 0.5, 1, 1.5, 2, 5, 10, 15, 20, 50, 100];
  assert.deepEqual(
    logTicksToKeep(ticks).map((i) => ticks[i]),
    [0.01, 0.1, 1, 10, 100].filter((v) => ticks.includes(v)),
  );
  const narrow = [0.0123, 0.02, 0.05, 0.1, 0.145, 0.2, 0.5];
  assert.deepEqual(logTicksToKeep(narrow).map((i) => narrow[i]), [0.02, 0.05, 0.1, 0.2, 0.5]);
});

test('log ticks: none closer than minGap decades, the roundest kept ("1" stays, "0.9" goes)', () => {
  // Chart.js's ticks from 0.3 to 2: 0.3 ... 0.9, 1, 2 (under a decade: all candidates).
  const ticks = [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1, 2];
  assert.deepEqual(logTicksToKeep(ticks), ticks.map((_, i) => i));
  // A label 15 px high on a 120 px axis over 0.82 decades: 0.1 decades apart at least.
  const kept = logTicksToKeep(ticks, 8, 0.1).map((i) => ticks[i]);
  assert.ok(kept.includes(1) && !kept.includes(0.9), `kept ${kept}`);
  for (let k = 1; k < kept.length; k++) assert.ok(Math.log10(kept[k] / kept[k - 1]) >= 0.1, `${kept[k - 1]} and ${kept[k]}`);
  assert.deepEqual(kept, [0.3, 0.5, 0.7, 1, 2]);
  // With room to spare nothing changes.
  assert.deepEqual(logTicksToKeep(ticks, 8, 0.01), ticks.map((_, i) => i));
});

test('a log axis under a decade gets nice linear ticks, each a different value', () => {
  // Himmelblau's f over a few steps: Chart.js labelled this axis "170, 170, 170, 160".
  assert.deepEqual(narrowLogTicks(158, 173, 4), [160, 165, 170]);
  assert.deepEqual(narrowLogTicks(25.2, 29.4, 5), [26, 27, 28, 29]);
  assert.deepEqual(narrowLogTicks(0.45, 1.05, 4)?.map((v) => +v.toPrecision(12)), [0.6, 0.8, 1]);
  assert.equal(narrowLogTicks(0.01, 1, 4), null, 'two decades: the log ticks');
  assert.equal(narrowLogTicks(1, 10, 4), null, 'exactly a decade: the log ticks');
  assert.equal(narrowLogTicks(101.1, 101.4, 1), null, 'no two nice values fit');
  assert.equal(narrowLogTicks(0, 5, 4), null);
});
