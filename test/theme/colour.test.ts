/** CSS colours as computed styles write them: parsing, painting one over another, lightness. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isDarkBackground, lightnessOf, over, parseColour, relativeLuminance, type Colour } from '../../src/theme/colour.js';

const near = (actual: Colour | null, expected: Colour, tolerance = 0.6) => {
  assert.ok(actual, 'parsed');
  for (const key of ['r', 'g', 'b'] as const) assert.ok(Math.abs(actual[key] - expected[key]) <= tolerance, `${key}: ${actual[key]} vs ${expected[key]}`);
  assert.ok(Math.abs(actual.a - expected.a) <= 1e-9, `a: ${actual.a} vs ${expected.a}`);
};

test('computed rgb() and rgba(), legacy and modern syntax', () => {
  near(parseColour('rgb(48, 48, 48)'), { r: 48, g: 48, b: 48, a: 1 });
  near(parseColour('rgba(32, 32, 32, 0.5)'), { r: 32, g: 32, b: 32, a: 0.5 });
  near(parseColour('rgba(0, 0, 0, 0)'), { r: 0, g: 0, b: 0, a: 0 });
  near(parseColour('rgb(255 128 0 / 25%)'), { r: 255, g: 128, b: 0, a: 0.25 });
  near(parseColour('RGB(100%, 0%, 50%)'), { r: 255, g: 0, b: 127.5, a: 1 });
  near(parseColour('transparent'), { r: 0, g: 0, b: 0, a: 0 });
});

test('hex in its four lengths', () => {
  near(parseColour('#f5f5fa'), { r: 245, g: 245, b: 250, a: 1 });
  near(parseColour('#303030'), { r: 48, g: 48, b: 48, a: 1 });
  near(parseColour('#fff'), { r: 255, g: 255, b: 255, a: 1 });
  near(parseColour('#0008'), { r: 0, g: 0, b: 0, a: 136 / 255 });
  near(parseColour('#11111180'), { r: 17, g: 17, b: 17, a: 128 / 255 });
  assert.equal(parseColour('#12345'), null);
  assert.equal(parseColour('#ggg'), null);
});

test('what it cannot read is null, never a guess (the browser converts the wide-gamut forms)', () => {
  for (const text of ['', 'none', 'lab(50 0 0)', 'oklch(0.13 0.028 261.692)', 'color(srgb 0.2 0.4 1)', 'rgb(1, 2)', 'rgb(a, b, c)', 'color(display-p3 1 0 0)', 'inherit']) {
    assert.equal(parseColour(text), null, text);
  }
});

test('painting over: opaque hides, transparent shows through, half and half mixes', () => {
  const white: Colour = { r: 255, g: 255, b: 255, a: 1 };
  const black: Colour = { r: 0, g: 0, b: 0, a: 1 };
  near(over(black, white), black);
  near(over({ r: 0, g: 0, b: 0, a: 0 }, white), white);
  near(over({ r: 0, g: 0, b: 0, a: 0.5 }, white), { r: 127.5, g: 127.5, b: 127.5, a: 1 });
  near(over({ r: 0, g: 0, b: 0, a: 0.5 }, { r: 0, g: 0, b: 0, a: 0 }), { r: 0, g: 0, b: 0, a: 0.5 });
});

test('relative luminance and lightness: WCAG endpoints, and L* 50 at Y 0.184', () => {
  assert.equal(relativeLuminance({ r: 0, g: 0, b: 0, a: 1 }), 0);
  assert.ok(Math.abs(relativeLuminance({ r: 255, g: 255, b: 255, a: 1 }) - 1) < 1e-12);
  assert.ok(Math.abs(relativeLuminance({ r: 255, g: 0, b: 0, a: 1 }) - 0.2126) < 1e-12);
  assert.ok(Math.abs(lightnessOf(1) - 100) < 1e-9);
  assert.equal(lightnessOf(0), 0);
  assert.ok(Math.abs(lightnessOf(0.18419) - 50) < 0.01);
});

test('dark or light backgrounds of real themes', () => {
  const dark = ['#303030', '#424242', 'rgba(32, 32, 32, 1)', 'rgb(29, 30, 32)', '#111', '#343a40', '#707070'];
  const light = ['#f5f5fa', '#fff', 'rgb(244, 244, 244)', '#eff1f5', '#999', '#808080'];
  for (const text of dark) assert.equal(isDarkBackground(parseColour(text)!), true, text);
  for (const text of light) assert.equal(isDarkBackground(parseColour(text)!), false, text);
});
