/** The curve plot's pure maths: samples, the vertical range, the axis unit, breaks, slopes. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  PAD_FRACTION,
  axisExponent,
  breaksBetween,
  curveYRange,
  numericSlope,
  padRange,
  powerOfTenLabel,
  sampleCurve,
  valueRange,
} from '../../src/plot/curve-math.js';

const close = (actual: number, expected: number, tolerance: number, what = '') =>
  assert.ok(Math.abs(actual - expected) <= tolerance, `${what} ${actual} is not within ${tolerance} of ${expected}`);

test('sampleCurve: n evenly spaced samples, both ends exactly', () => {
  const { xs, ys } = sampleCurve((x) => x * x, -3, 3, 7);
  assert.deepEqual([...xs], [-3, -2, -1, 0, 1, 2, 3]);
  assert.deepEqual([...ys], [9, 4, 1, 0, 1, 4, 9]);
  const odd = sampleCurve((x) => x, 0.1, 0.7, 4);
  assert.equal(odd.xs[3], 0.7);
  assert.equal(sampleCurve((x) => x, 0, 1, 1).xs.length, 2); // at least the two ends
});

test('valueRange: the values min and max for the curves of the course', () => {
  const range = (f: (x: number) => number, a: number, b: number) => valueRange(sampleCurve(f, a, b, 1001).ys);
  assert.deepEqual(range((x) => x * x, -3, 3), [0, 9]);
  assert.deepEqual(range((x) => x ** 4, -3, 3), [0, 81]);
  assert.deepEqual(range((x) => -x * x, -3, 3), [-9, -0]);
  const [lo, hi] = range(Math.exp, -3, 10);
  close(lo, Math.exp(-3), 1e-12);
  close(hi, Math.exp(10), 1e-6);
  const well = range((x) => x ** 4 - 3 * x * x + x, -2.2, 2.2);
  close(well[0], -3.514, 0.01, 'double well minimum');
  close(well[1], 2.2 ** 4 - 3 * 2.2 ** 2 + 2.2, 1e-9, 'double well maximum');
});

test('valueRange: a pole is cut back to one inner span beyond the 5-95 % quantiles', () => {
  const [lo, hi] = valueRange(sampleCurve((x) => 1 / x, -1, 1, 1001).ys);
  // Half the samples lie in |1/x| <= 2, the 5 % quantiles at about +-10: the range is about +-30, not +-500.
  assert.ok(hi > 20 && hi < 40, `hi = ${hi}`);
  assert.ok(lo < -20 && lo > -40, `lo = ${lo}`);
  const tan = valueRange(sampleCurve(Math.tan, -3, 3, 1001).ys);
  assert.ok(tan[1] < 100 && tan[0] > -100, `tan: ${tan}`);
});

test('valueRange: non-finite values are ignored; constant and empty get a band', () => {
  assert.deepEqual(valueRange([NaN, 1, Infinity, 3, -Infinity, 2]), [1, 3]);
  assert.deepEqual(valueRange([5, 5, 5]), [2.5, 7.5]);
  assert.deepEqual(valueRange([0, 0]), [-1, 1]);
  assert.deepEqual(valueRange([NaN, Infinity]), [-1, 1]);
  assert.deepEqual(valueRange([]), [-1, 1]);
  const log = valueRange(sampleCurve(Math.log, -1, 5, 1001).ys); // NaN for x < 0, -Infinity at 0
  assert.ok(Number.isFinite(log[0]) && log[1] === Math.log(5), `log: ${log}`);
  const huge = valueRange([1e300, -1e300, 0]);
  assert.ok(Number.isFinite(huge[0]) && Number.isFinite(huge[1]) && huge[0] < huge[1]);
});

test('valueRange: values that differ by less than doubles can draw are a constant, with its band', () => {
  // f = 1 + 1e-16 x on [-3, 3]: three or four distinct doubles around 1.
  const ys = sampleCurve((x) => 1 + 1e-16 * x, -3, 3, 1001).ys;
  assert.ok(Math.max(...ys) > Math.min(...ys), 'the samples are not all equal');
  assert.deepEqual(valueRange(ys), [0, 2]); // 1, with the band of a constant 1
  const [lo, hi] = curveYRange((x) => 1e15 + 0.1 * x, -1, 1);
  assert.ok(hi - lo >= 1e14, `[${lo}, ${hi}]`);
  // A range that overflows stays as it is.
  assert.deepEqual(valueRange([-Number.MAX_VALUE, Number.MAX_VALUE]), [-Number.MAX_VALUE, Number.MAX_VALUE]);
});

test('padRange and curveYRange: x^2 on [-3, 3] shows [0, 9] with 8 % margins', () => {
  assert.equal(PAD_FRACTION, 0.08);
  assert.deepEqual(padRange(0, 10, 0.1), [-1, 11]);
  assert.deepEqual(padRange(-1e308, 1.7e308), [-1e308, 1.7e308]); // the pad would overflow
  const [lo, hi] = curveYRange((x) => x * x, -3, 3);
  close(lo, -0.72, 1e-12);
  close(hi, 9.72, 1e-12);
  const flat = curveYRange(() => 3, 0, 1);
  assert.ok(flat[0] < 3 && flat[1] > 3);
  for (const v of curveYRange(() => NaN, 0, 1)) assert.ok(Number.isFinite(v));
});

test('axisExponent: labels are divided by a power of ten only when huge or tiny', () => {
  assert.equal(axisExponent(-0.72, 9.72), 0);
  assert.equal(axisExponent(-500, 9999), 0);
  assert.equal(axisExponent(0.01, 0.05), 0);
  assert.equal(axisExponent(-7.2e5, 9.72e6), 6);
  assert.equal(axisExponent(0, 1e4), 4);
  assert.equal(axisExponent(-0.003, 0.0009), -3);
  assert.equal(axisExponent(0, 0), 0);
  assert.equal(axisExponent(0, NaN), 0);
});

test('powerOfTenLabel writes the unit with superscripts', () => {
  assert.equal(powerOfTenLabel(0), '');
  assert.equal(powerOfTenLabel(6), '\u00d710\u2076');
  assert.equal(powerOfTenLabel(-3), '\u00d710\u207b\u00b3');
  assert.equal(powerOfTenLabel(12), '\u00d710\u00b9\u00b2');
});

test('breaksBetween: only a jump from above the plot to below it (or back) breaks the line', () => {
  assert.equal(breaksBetween(-50, 500, 0, 200), true);
  assert.equal(breaksBetween(500, -50, 0, 200), true);
  assert.equal(breaksBetween(-50, 100, 0, 200), false); // entering from the top: a steep curve
  assert.equal(breaksBetween(-50, -80, 0, 200), false);
  assert.equal(breaksBetween(NaN, 500, 0, 200), false);
});

test('numericSlope: the central difference, NaN where f is not finite', () => {
  close(numericSlope((x) => x * x, 1.5, 1e-6), 3, 1e-6);
  close(numericSlope(Math.sin, 0, 1e-5), 1, 1e-9);
  assert.ok(Number.isNaN(numericSlope((x) => 1 / x, 0, 1e-6) + numericSlope(Math.log, 0, 1e-6)));
});
