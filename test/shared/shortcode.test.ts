/** The copy-shortcode text and the log slider's mapping. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hugoShortcode, htmlTag } from '../../src/shared/shortcode.js';
import { fromLogPosition, toLogPosition } from '../../src/shared/log-scale.js';

test('a shortcode and an HTML tag for the same attributes', () => {
  const attrs = { surface: 'rosenbrock', lr: 0.001, ema: true, clip: undefined, autoplay: false };
  assert.equal(hugoShortcode('gd-explorer', attrs), '{{< gd-explorer surface="rosenbrock" lr="0.001" ema="true" >}}');
  assert.equal(htmlTag('gd-explorer', attrs), '<gd-explorer surface="rosenbrock" lr="0.001" ema></gd-explorer>');
});

test('values with quotes and markup stay inert', () => {
  assert.equal(hugoShortcode('gd-explorer', { expression: 'x^2 "y"' }), '{{< gd-explorer expression=`x^2 "y"` >}}');
  assert.equal(htmlTag('gd-explorer', { expression: 'x<y & "z"' }), '<gd-explorer expression="x&lt;y &amp; &quot;z&quot;"></gd-explorer>');
});

test('the log slider gives each decade the same length', () => {
  const range = { min: 1e-4, max: 10 }; // five decades
  assert.equal(toLogPosition(1e-4, range), 0);
  assert.equal(toLogPosition(10, range), 1);
  assert.ok(Math.abs(toLogPosition(1e-3, range) - 0.2) < 1e-12);
  assert.ok(Math.abs(toLogPosition(0.1, range) - 0.6) < 1e-12);
  assert.equal(fromLogPosition(0.2, range), 0.001);
  assert.equal(fromLogPosition(0.5, range), 0.0316);
  assert.equal(toLogPosition(1e9, range), 1);
  assert.equal(fromLogPosition(-1, range), 1e-4);
});

test('the log slider over a range whose ratio overflows: max / min = 10 / 1e-320 is Infinity', () => {
  const range = { min: 1e-320, max: 10 }; // 321 decades, min subnormal
  assert.equal(toLogPosition(1e-320, range), 0);
  assert.equal(toLogPosition(10, range), 1);
  // 1e-160 is 161 of the 321 decades from 1e-320 (up to the rounding of a subnormal min).
  assert.ok(Math.abs(toLogPosition(1e-160, range) - 160 / 321) < 1e-3);
  assert.equal(fromLogPosition(1, range), 10);
  assert.ok(Number.isFinite(fromLogPosition(0.5, range)) && fromLogPosition(0.5, range) > 0);
  // Nothing the track could place: 0, not NaN.
  assert.equal(toLogPosition(NaN, range), 0);
  assert.equal(toLogPosition(0.1, { min: 0, max: 10 }), 0);
});
