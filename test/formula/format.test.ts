/**
 * Numbers for readouts and formulas: fixed significant digits, scientific notation for
 * the tiny and the huge, and never "NaN" or "Infinity".
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import katex from 'katex';
import { DEFAULT_DIGITS, formatNumber, texFactor, texNumber } from '../../src/formula/format.js';

test('positional numbers keep their significant digits, trailing zeros included', () => {
  assert.equal(DEFAULT_DIGITS, 3);
  assert.equal(formatNumber(-1.2), '-1.20');
  assert.equal(formatNumber(1), '1.00');
  assert.equal(formatNumber(215.63), '216');
  assert.equal(formatNumber(215.63, 4), '215.6');
  assert.equal(formatNumber(-88, 3), '-88.0');
  assert.equal(formatNumber(0.0015), '0.00150');
  assert.equal(formatNumber(1234), '1230');
  assert.equal(formatNumber(999.7), '1000');
  assert.equal(texNumber(-1.2), '-1.20');
});

test('zero has one width and no sign', () => {
  assert.equal(formatNumber(0), '0.00');
  assert.equal(formatNumber(-0), '0.00');
  assert.equal(formatNumber(0, 1), '0');
  assert.equal(texNumber(-0, 4), '0.000');
});

test('below 1e-3 and from 1e4 up, scientific notation', () => {
  assert.equal(formatNumber(1.5e-5), '1.50×10⁻⁵');
  assert.equal(texNumber(1.5e-5), '1.50\\times10^{-5}');
  assert.equal(formatNumber(-2.5e12, 2), '-2.5×10¹²');
  assert.equal(texNumber(12345), '1.23\\times10^{4}');
  // Rounding decides the notation: 9999.7 rounds to 10000, 0.00099996 to 0.00100.
  assert.equal(texNumber(9999.7), '1.00\\times10^{4}');
  assert.equal(texNumber(0.00099996), '0.00100');
  assert.equal(texNumber(1e-300), '1.00\\times10^{-300}');
});

test('trimZeros writes settings as given', () => {
  const opts = { trimZeros: true };
  assert.equal(texNumber(0.001, 6, opts), '0.001');
  assert.equal(texNumber(1 - 0.9, 6, opts), '0.1');
  assert.equal(texNumber(1 - 0.999, 6, opts), '0.001');
  assert.equal(texNumber(0.9999, 6, opts), '0.9999');
  assert.equal(texNumber(1e-8, 6, opts), '10^{-8}');
  assert.equal(texNumber(-1e-8, 6, opts), '-10^{-8}');
  assert.equal(formatNumber(1e-8, 6, opts), '10⁻⁸');
  assert.equal(texNumber(2.5e-4, 6, opts), '2.5\\times10^{-4}');
  assert.equal(formatNumber(0, 3, opts), '0');
  assert.equal(formatNumber(120, 3, opts), '120');
});

test('non-finite values become symbols, never NaN or Infinity', () => {
  assert.equal(formatNumber(Infinity), '∞');
  assert.equal(formatNumber(-Infinity), '-∞');
  assert.equal(formatNumber(NaN), '—');
  assert.equal(texNumber(Infinity), '\\infty');
  assert.equal(texNumber(-Infinity), '-\\infty');
  assert.equal(texNumber(NaN), '\\text{---}');
  for (const v of [NaN, Infinity, -Infinity]) {
    for (const text of [formatNumber(v), texNumber(v), texFactor(v)]) assert.doesNotMatch(text, /NaN|Infinity/);
  }
});

test('texFactor parenthesises what cannot take a power bare', () => {
  assert.equal(texFactor(215.6, 4), '215.6');
  assert.equal(texFactor(-88, 3), '(-88.0)');
  assert.equal(texFactor(1.5e-5), '(1.50\\times10^{-5})');
  assert.equal(texFactor(NaN), '(\\text{---})');
});

test('every output is valid TeX for KaTeX', () => {
  const values = [0, -1.2, 215.63, 1.5e-5, -2.5e12, 1e-8, NaN, Infinity, -Infinity];
  for (const v of values) {
    for (const tex of [texNumber(v), texNumber(v, 6, { trimZeros: true }), `${texFactor(v)}^{2}`]) {
      assert.doesNotThrow(() => katex.renderToString(tex, { throwOnError: true, strict: 'error' }), tex);
    }
  }
});

test('digits outside 1..17 are a programming error', () => {
  assert.throws(() => formatNumber(1, 0), RangeError);
  assert.throws(() => texNumber(1, 18), RangeError);
  assert.throws(() => texNumber(1, 2.5), RangeError);
});
