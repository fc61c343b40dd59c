/** Numbers for readers in English and Spanish: text, TeX, percentages, ticks, and what a reader types. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import katex from 'katex';
import { DEFAULT_DIGITS, MINUS, numbersFor, powerOfTen } from '../../src/i18n/numbers.js';

const en = numbersFor('en');
const es = numbersFor('es');
const NBSP = '\u00a0';

test('hand-checked: 9, 0.0001, 1e-5, -2.5, 0.98 in English and Spanish', () => {
  // text, 3 significant digits
  assert.equal(en.text(9), '9.00');
  assert.equal(es.text(9), '9,00');
  assert.equal(en.text(0.0001), '1.00×10⁻⁴');
  assert.equal(es.text(0.0001), '1,00×10⁻⁴');
  assert.equal(en.text(1e-5), '1.00×10⁻⁵');
  assert.equal(es.text(1e-5), '1,00×10⁻⁵');
  assert.equal(en.text(-2.5), `${MINUS}2.50`);
  assert.equal(es.text(-2.5), `${MINUS}2,50`);
  assert.equal(en.text(0.98), '0.980');
  assert.equal(es.text(0.98), '0,980');
  // settings: trailing zeros and a mantissa of 1 dropped
  assert.equal(en.setting(9), '9');
  assert.equal(es.setting(0.0001), '10⁻⁴');
  assert.equal(es.setting(1e-5), '10⁻⁵');
  assert.equal(es.setting(-2.5), `${MINUS}2,5`);
  assert.equal(es.setting(0.98), '0,98');
  // TeX
  assert.equal(en.tex(9), '9.00');
  assert.equal(es.tex(9), '9{,}00');
  assert.equal(es.tex(0.0001), '1{,}00\\times10^{-4}');
  assert.equal(es.tex(1e-5, 3, { trimZeros: true }), '10^{-5}');
  assert.equal(en.tex(-2.5), '-2.50');
  assert.equal(es.tex(-2.5), '-2{,}50');
  assert.equal(es.tex(0.98, 6, { trimZeros: true }), '0{,}98');
  // percentages
  assert.equal(en.percent(0.98), '98%');
  assert.equal(es.percent(0.98), `98${NBSP}%`);
  assert.equal(es.percent(0.9867, 1), `98,7${NBSP}%`);
  assert.equal(es.percent(1, 1), `100${NBSP}%`);
});

test('positional from 0.001 to 9999 after rounding, powers of ten outside', () => {
  assert.equal(en.text(-1.2), `${MINUS}1.20`);
  assert.equal(en.text(1), '1.00');
  assert.equal(en.text(215.63), '216');
  assert.equal(en.text(215.63, 4), '215.6');
  assert.equal(es.text(215.63, 4), '215,6');
  assert.equal(en.text(0.0015), '0.00150');
  assert.equal(en.text(1234), '1230');
  assert.equal(en.text(12345), '1.23×10⁴');
  assert.equal(en.text(999.7), '1000');
  assert.equal(en.tex(9999.7), '1.00\\times10^{4}');
  assert.equal(en.tex(0.00099996), '0.00100');
  assert.equal(en.tex(1e-300), '1.00\\times10^{-300}');
  assert.equal(es.text(-2.5e12, 2), `${MINUS}2,5×10¹²`);
  // Rounded as the double is: 1.005 is 1.00499999999999989...
  assert.equal(en.text(1.005), '1.00');
  assert.equal(es.text(1.0051), '1,01');
  assert.equal(DEFAULT_DIGITS, 3);
});

test('zero has no sign and keeps its digits', () => {
  assert.equal(en.text(0), '0.00');
  assert.equal(es.text(-0), '0,00');
  assert.equal(en.text(0, 1), '0');
  assert.equal(es.tex(-0, 4), '0{,}000');
  assert.equal(es.setting(0), '0');
});

test('settings are written in full, without trailing zeros', () => {
  assert.equal(en.tex(0.001, 6, { trimZeros: true }), '0.001');
  assert.equal(en.tex(1 - 0.9, 6, { trimZeros: true }), '0.1');
  assert.equal(es.tex(1 - 0.999, 6, { trimZeros: true }), '0{,}001');
  assert.equal(en.setting(0.9999), '0.9999');
  assert.equal(en.tex(-1e-8, 6, { trimZeros: true }), '-10^{-8}');
  assert.equal(es.setting(-1e-8), `${MINUS}10⁻⁸`);
  assert.equal(es.setting(2.5e-4), '2,5×10⁻⁴');
  assert.equal(en.setting(120), '120');
  assert.equal(en.setting(5000), '5000');
});

test('no digit grouping in either language', () => {
  assert.equal(es.text(1234, 4), '1234');
  assert.equal(es.tick(10000, 5000), '10000');
  assert.equal(en.tick(1500, 500), '1500');
});

test('infinities and NaN are symbols, never words', () => {
  assert.equal(en.text(Infinity), '∞');
  assert.equal(es.text(-Infinity), `${MINUS}∞`);
  assert.equal(en.text(NaN), '—');
  assert.equal(en.tex(Infinity), '\\infty');
  assert.equal(en.tex(-Infinity), '-\\infty');
  assert.equal(es.tex(NaN), '\\text{---}');
  assert.equal(es.percent(NaN), '—');
  for (const n of [en, es]) {
    for (const v of [NaN, Infinity, -Infinity]) {
      for (const text of [n.text(v), n.tex(v), n.texFactor(v), n.setting(v)]) assert.doesNotMatch(text, /NaN|Infinity/);
    }
  }
});

test('texFactor parenthesises what cannot take a power bare', () => {
  assert.equal(en.texFactor(215.6, 4), '215.6');
  assert.equal(es.texFactor(215.6, 4), '215{,}6');
  assert.equal(en.texFactor(-88, 3), '(-88.0)');
  assert.equal(es.texFactor(1.5e-5), '(1{,}50\\times10^{-5})');
  assert.equal(en.texFactor(NaN), '(\\text{---})');
});

test('every TeX output is valid for KaTeX, and a decimal comma gets no space after it', () => {
  const values = [0, -1.2, 215.63, 1.5e-5, -2.5e12, 1e-8, NaN, Infinity, -Infinity];
  for (const n of [en, es]) {
    for (const v of values) {
      for (const tex of [n.tex(v), n.tex(v, 6, { trimZeros: true }), `${n.texFactor(v)}^{2}`]) {
        assert.doesNotThrow(() => katex.renderToString(tex, { throwOnError: true, strict: 'error' }), tex);
      }
    }
  }
  // KaTeX puts a thin space after a bare ',' (punctuation), none after '{,}' (an ordinary group).
  const spaced = (tex: string) => /mpunct">,<\/span><span class="mspace"/.test(katex.renderToString(tex));
  assert.equal(spaced('1,25'), true);
  assert.equal(es.tex(1.25, 3), '1{,}25');
  assert.equal(spaced(es.tex(1.25, 3)), false);
});

test('minus signs: U+2212 in text and ticks, "-" in TeX', () => {
  for (const n of [en, es]) {
    for (const text of [n.text(-3), n.setting(-0.5), n.tick(-0.5, 0.5), n.percent(-0.25), n.point([-1, 2])]) {
      assert.ok(text.includes(MINUS), text);
      assert.ok(!text.includes('-'), text);
    }
    assert.ok(n.tex(-3).startsWith('-'));
  }
});

test('tick labels: decimals as the step needs, no negative zero', () => {
  assert.equal(en.tick(2, 1), '2');
  assert.equal(en.tick(-0.5, 0.5), `${MINUS}0.5`);
  assert.equal(es.tick(-0.5, 0.5), `${MINUS}0,5`);
  assert.equal(en.tick(0.30000000000000004, 0.1), '0.3');
  assert.equal(es.tick(0.30000000000000004, 0.1), '0,3');
  assert.equal(en.tick(-1e-17, 0.1), '0.0');
  assert.equal(es.tick(0.05, 0.05), '0,05');
});

test('points: a semicolon between coordinates where the decimal separator is a comma', () => {
  assert.equal(en.point([-1.2, 1]), `(${MINUS}1.20, 1.00)`);
  assert.equal(es.point([-1.2, 1]), `(${MINUS}1,20; 1,00)`);
  assert.equal(es.point([0.5], 2), '(0,50)');
});

test('literals of a typed expression take the language separator in TeX', () => {
  assert.equal(es.texLiterals('0.5y^{2} + 1.5 \\cdot 10^{-3} x'), '0{,}5y^{2} + 1{,}5 \\cdot 10^{-3} x');
  assert.equal(en.texLiterals('0.5y^{2}'), '0.5y^{2}');
  assert.equal(es.texLiterals('x^{2} + 10y^{2}'), 'x^{2} + 10y^{2}');
});

test('what a reader types: a decimal comma in Spanish, a point in both', () => {
  assert.equal(es.parse('0,9'), 0.9);
  assert.equal(es.parse('0.9'), 0.9);
  assert.equal(es.parse(' ,5 '), 0.5);
  assert.equal(en.parse('0.9'), 0.9);
  assert.ok(Number.isNaN(en.parse('0,9')), 'a comma is not a decimal separator in English');
  assert.equal(es.parse(`${MINUS}2,5`), -2.5);
  assert.equal(en.parse('-2.5'), -2.5);
  assert.equal(en.parse('+3'), 3);
  assert.equal(en.parse('1e-5'), 1e-5);
  assert.equal(es.parse('1,5E-5'), 1.5e-5);
  assert.equal(es.parse('1,5×10⁻⁵'), 1.5e-5);
  assert.equal(es.parse('1,5 x 10^-5'), 1.5e-5);
  assert.equal(en.parse('10⁻⁸'), 1e-8);
  assert.equal(en.parse('10^-8'), 1e-8);
  assert.equal(en.parse('10'), 10);
  for (const bad of ['', ' ', 'abc', '1,000.5', '1.2.3', '0x10', 'Infinity', 'NaN', '1e309', '1,5,5', '--1']) {
    assert.ok(Number.isNaN(es.parse(bad)), bad);
  }
});

test('what the module writes reads back as the same number', () => {
  for (const n of [en, es]) {
    for (const v of [0, 9, 0.0001, 1e-5, -2.5, 0.98, 1234.5, 2.5e-7, -3e12, 0.001, 1e-8]) {
      assert.equal(n.parse(n.setting(v)), v, `${n.lang}: ${n.setting(v)}`);
    }
  }
});

test('powers of ten in text', () => {
  assert.equal(powerOfTen(6), '10⁶');
  assert.equal(powerOfTen(-12), '10⁻¹²');
});

test('digits outside 1..17 are a programming error', () => {
  assert.throws(() => en.text(1, 0), RangeError);
  assert.throws(() => es.tex(1, 18), RangeError);
  assert.throws(() => en.tex(1, 2.5), RangeError);
});

test('one instance per language', () => {
  assert.equal(numbersFor('es'), es);
  assert.equal(es.lang, 'es');
  assert.equal(es.decimal, ',');
  assert.equal(en.decimal, '.');
});
