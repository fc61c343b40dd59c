// The expression language: what it accepts and means, its exact gradients, the errors it
// raises for everything else, and that no input can make it slow or throw anything else.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  EXPRESSION_FUNCTIONS,
  ExpressionError,
  MAX_EXPRESSION_DEPTH,
  MAX_EXPRESSION_LENGTH,
  compileExpression,
  parseExpression,
  parseSurface,
  type ExpressionOptions,
} from '../../src/core/expression/index.js';

// ---------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------

/** f and its gradient at (x, y), checking that value() agrees with evaluate(). */
function at(text: string, x: number, y: number): { f: number; gx: number; gy: number } {
  const compiled = compileExpression(text);
  const grad = new Float64Array(2);
  const f = compiled.evaluate(x, y, grad);
  assert.ok(Object.is(compiled.value(x, y), f), `value and evaluate disagree on ${text}`);
  return { f, gx: grad[0], gy: grad[1] };
}

function near(actual: number, expected: number, what: string, tolerance = 1e-12): void {
  const ok =
    Object.is(actual, expected) ||
    Math.abs(actual - expected) <= tolerance * Math.max(1, Math.abs(expected));
  assert.ok(ok, `${what}: got ${actual}, expected ${expected}`);
}

/** Check f and gradient of text at (x, y) against values worked out by hand. */
function expectAt(text: string, x: number, y: number, f: number, gx: number, gy: number): void {
  const got = at(text, x, y);
  near(got.f, f, `${text} at (${x}, ${y})`);
  near(got.gx, gx, `d/dx ${text} at (${x}, ${y})`);
  near(got.gy, gy, `d/dy ${text} at (${x}, ${y})`);
}

/** The value alone, at a fixed point where x = 3 and y = 2 unless given. */
function valueOf(text: string, x = 3, y = 2): number {
  return at(text, x, y).f;
}

/** Compile text and return the ExpressionError it throws (failing on anything else). */
function expressionError(text: string, options?: ExpressionOptions): ExpressionError {
  const shown = JSON.stringify(text.slice(0, 60));
  try {
    compileExpression(text, options);
  } catch (error) {
    assert.ok(error instanceof ExpressionError, `${shown} threw ${String(error)}`);
    return error;
  }
  assert.fail(`${shown} was accepted`);
}

/** Every message names its position, except for the empty and the overlong text. */
function assertMessageHasPosition(error: ExpressionError): void {
  if (/is empty|too long/.test(error.message)) return;
  assert.ok(error.message.includes(` at ${error.position}`), `no position in: ${error.message}`);
}

/** Expect an ExpressionError at `position` whose message matches `message`. */
function rejects(text: string, position: number, message: RegExp): void {
  const error = expressionError(text);
  const context = `${JSON.stringify(text.slice(0, 40))}: ${error.message.slice(0, 200)}`;
  assert.equal(error.name, 'ExpressionError');
  assert.equal(error.position, position, `position for ${context}`);
  assert.match(error.message, message, `message for ${context}`);
  assertMessageHasPosition(error);
}

const { PI, E } = Math;

// ---------------------------------------------------------------------------------
// What the language means
// ---------------------------------------------------------------------------------

test('precedence: power binds tighter than unary minus, and is right-associative', () => {
  assert.equal(valueOf('-x^2', 3), -9);
  assert.equal(valueOf('-2^2'), -4);
  assert.equal(valueOf('2^3^2'), 512);
  assert.equal(valueOf('2**3**2'), 512);
  assert.equal(valueOf('(2^3)^2'), 64);
  assert.equal(valueOf('2^-1'), 0.5);
  assert.equal(valueOf('2^--1'), 2);
  assert.equal(valueOf('2^-x', 1), 0.5);
  assert.equal(valueOf('2^-x^2', 2), 1 / 16); // 2^(-(x^2))
  assert.equal(valueOf('(-2)^2'), 4);
  assert.equal(valueOf('(-x)^2', 3), 9);
});

test('precedence: products before sums, left to right', () => {
  assert.equal(valueOf('2*3+4'), 10);
  assert.equal(valueOf('2+3*4'), 14);
  assert.equal(valueOf('(1+2)*3'), 9);
  assert.equal(valueOf('8/4/2'), 1);
  assert.equal(valueOf('8-4-2'), 2);
  assert.equal(valueOf('2*3^2'), 18);
  assert.equal(valueOf('-3*2'), -6);
  assert.equal(valueOf('x*-y', 3, 2), -6);
  assert.equal(valueOf('x - -y', 3, 2), 5);
  assert.equal(valueOf('+x', 3), 3);
  assert.equal(valueOf('--x', 3), 3);
  assert.equal(valueOf('x^2/2', 4), 8);
});

test('implicit multiplication after a number', () => {
  assert.equal(valueOf('2x', 3), 6);
  assert.equal(valueOf('2 x', 3), 6);
  assert.equal(valueOf('3(x+1)', 3), 12);
  assert.equal(valueOf('0.5y^2', 0, 4), 8); // 0.5 (y^2), not (0.5 y)^2
  assert.equal(valueOf('2x^2', 3), 18);
  assert.equal(valueOf('-2x', 3), -6);
  assert.equal(valueOf('2x/3', 3), 2);
  assert.equal(valueOf('2x*y', 3, 2), 12);
  near(valueOf('2sin(x)', 1), 2 * Math.sin(1), '2sin(x)');
  near(valueOf('3 cos(y)', 0, 1), 3 * Math.cos(1), '3 cos(y)');
  assert.equal(valueOf('2pi'), 2 * PI);
  assert.equal(valueOf('2e'), 2 * E);
  assert.equal(valueOf('10(y - x^2)^2', 1, 3), 40);
  near(valueOf('2exp(x)', 1), 2 * E, '2exp(x)');
});

test('constants and numbers, including scientific notation', () => {
  assert.equal(valueOf('pi'), PI);
  assert.equal(valueOf('e'), E);
  assert.equal(valueOf('e^x', 1), E);
  assert.equal(valueOf('0.5'), 0.5);
  assert.equal(valueOf('.5'), 0.5);
  assert.equal(valueOf('2.'), 2);
  assert.equal(valueOf('1.5e-3'), 1.5e-3);
  assert.equal(valueOf('2E3'), 2000);
  assert.equal(valueOf('1e3'), 1000);
  assert.equal(valueOf('1e+3'), 1000);
  assert.equal(valueOf('2e+3'), 2000); // scientific notation wins over 2e + 3
  assert.equal(valueOf('1e3x', 2), 2000);
  assert.equal(valueOf('1.e2'), 100);
  assert.equal(valueOf('2e-x', 1), 2 * E - 1); // no digit after the sign: 2e - x
  assert.equal(valueOf('2e^2'), 2 * E * E);
  assert.equal(valueOf('007'), 7);
});

test('whitespace anywhere between tokens (any JavaScript whitespace), and ** as power', () => {
  assert.equal(valueOf('\tx\n^\r2 +\u00a0y\u3000', 3, 2), 11);
  assert.equal(valueOf(' ( x + 1 ) * 2 ', 3), 8);
  assert.equal(valueOf('x ** 2', 3), 9);
  assert.equal(valueOf('x**-1', 4), 0.25);
  assert.equal(valueOf('sin ( x )', 0), 0);
});

test('every function: value and gradient at a point worked out by hand', () => {
  // f(g(x)) with g = 2x + y at (x, y) = (0.25, 0.5): g = 1, dg = (2, 1).
  const x = 0.25;
  const y = 0.5;
  const cases: [string, number, number][] = [
    // [function, f(1), f'(1)]
    ['sin', Math.sin(1), Math.cos(1)],
    ['cos', Math.cos(1), -Math.sin(1)],
    ['tan', Math.tan(1), 1 / Math.cos(1) ** 2],
    ['exp', E, E],
    ['log', 0, 1],
    ['sqrt', 1, 0.5],
    ['abs', 1, 1],
    ['tanh', Math.tanh(1), 1 - Math.tanh(1) ** 2],
  ];
  assert.deepEqual(
    cases.map(([name]) => name).sort(),
    [...EXPRESSION_FUNCTIONS].sort(),
    'every function is covered',
  );
  for (const [name, value, slope] of cases) {
    const got = at(`${name}(2x + y)`, x, y);
    near(got.f, value, `${name}(1)`, 1e-14);
    near(got.gx, 2 * slope, `d/dx ${name}(2x + y)`, 1e-14);
    near(got.gy, slope, `d/dy ${name}(2x + y)`, 1e-14);
  }
  // And on the negative side, where abs and the odd functions differ.
  expectAt('abs(x)', -2, 0, 2, -1, 0);
  expectAt('sqrt(x*y)', 2, 8, 4, 1, 0.25);
  expectAt('log(x/y)', 2, 1, Math.log(2), 0.5, -1);
  expectAt('tanh(x)', 0, 0, 0, 1, 0);
  expectAt('exp(-x^2)', 1, 0, 1 / E, -2 / E, 0);
});

test('gradients of some surfaces, worked out by hand', () => {
  // x^2 + 10y^2: (2x, 20y)
  expectAt('x^2 + 10y^2', 1, 2, 41, 2, 40);
  // Rosenbrock: (-2(1-x) - 400x(y-x^2), 200(y-x^2))
  expectAt('(1-x)^2 + 100(y-x^2)^2', 0, 0, 1, -2, 0);
  expectAt('(1-x)^2 + 100(y-x^2)^2', 1, 1, 0, 0, 0);
  expectAt('(1-x)^2 + 100(y-x^2)^2', -1, 2, 104, 396, 200);
  // Himmelblau at (3, 2) is a minimum.
  expectAt('(x^2+y-11)^2 + (x+y^2-7)^2', 3, 2, 0, 0, 0);
  // x y, x / y, x^y at (2, 3)
  expectAt('x*y', 2, 3, 6, 3, 2);
  expectAt('x/y', 2, 4, 0.5, 0.25, -0.125);
  expectAt('x^y', 2, 3, 8, 12, 8 * Math.log(2));
  expectAt('2^x', 3, 0, 8, 8 * Math.log(2), 0);
  expectAt('1/x', 2, 0, 0.5, -0.25, 0);
  expectAt('x^-2', 2, 0, 0.25, -0.25, 0);
  expectAt('x^0.5', 4, 0, 2, 0.25, 0);
  // A constant exponent has the exact derivative k x^(k-1) for x < 0 too.
  expectAt('x^2', -3, 0, 9, -6, 0);
  expectAt('x^3', -2, 0, -8, 12, 0);
  expectAt('x^-1', -2, 0, -0.5, -0.25, 0);
  expectAt('(x - 5)^2 * y', 2, 1, 9, -6, 9);
  // A folded constant subtree is just a number: 2^3 pi x has slope 8 pi.
  expectAt('2^3*pi*x + sqrt(4)*y', 1, 1, 8 * PI + 2, 8 * PI, 2);
  expectAt('x^1', -7, 0, -7, 1, 0);
  expectAt('x^0', 0, 5, 1, 0, 0);
  expectAt('7', 1, 1, 7, 0, 0);
  expectAt('x', 1, 1, 1, 1, 0);
  expectAt('y', 1, 1, 1, 0, 1);
});

test('non-smooth points follow the documented conventions', () => {
  expectAt('abs(x)', 0, 0, 0, 0, 0); // abs'(0) = 0
  expectAt('abs(x) + abs(y)', 0, 0, 0, 0, 0);
  expectAt('sqrt(x^2 + y^2)', 0, 0, 0, 0, 0); // the tip of a cone: 0, not NaN
  expectAt('sqrt(x)', 0, 1, 0, Infinity, 0); // sqrt'(0) = Infinity, and y plays no part
  expectAt('0.5 sqrt(y)', 1, 0, 0, 0, Infinity);
  // A variable exponent that does not change (y - y) adds nothing, even for x < 0.
  expectAt('x^(y - y)', -2, 1, 1, 0, 0);
  expectAt('x^(y - y)', 0, 1, 1, 0, 0);
  // 0^y for y > 0 is 0 whatever y: its y-slope is 0 (not 0 * ln 0 = NaN).
  expectAt('x^y', 0, 2, 0, 0, 0);
  expectAt('2x^y', 0, 3, 0, 0, 0);
  // x^y with x < 0: the value and the x-slope are real, the y-slope is not.
  const negative = at('x^y', -2, 3);
  assert.equal(negative.f, -8);
  assert.equal(negative.gx, 12);
  assert.ok(Number.isNaN(negative.gy));
  assert.ok(Number.isNaN(at('log(x)', -1, 0).f));
  assert.ok(Number.isNaN(at('sqrt(x)', -1, 0).f));
  assert.equal(at('log(x)', 0, 0).f, -Infinity);
  // No negative zeros in gradients.
  assert.ok(Object.is(at('-x^2', 3, 2).gy, 0));
  assert.ok(Object.is(at('1 - x', 3, 2).gy, 0));
});

test('long sums and products evaluate left to right, with exact gradients', () => {
  const n = 240; // as long as the length limit allows
  const sum = Array.from({ length: n }, (_, i) => (i % 3 === 2 ? 'y' : 'x')).join('+');
  expectAt(sum, 2, 3, 160 * 2 + 80 * 3, 160, 80);
  const alternating = Array.from({ length: n }, (_, i) => (i % 2 ? '-x' : '+y')).join('');
  expectAt(alternating, 5, 7, 120 * 7 - 120 * 5, -120, 120);
  // x / x * x / x ... (39 operations, 20 of them divisions): x^0 up to rounding.
  const product = 'x' + Array.from({ length: 39 }, (_, i) => (i % 2 ? ' * x' : ' / x')).join('');
  let f = 1.5;
  for (let i = 0; i < 39; i++) f = i % 2 ? f * 1.5 : f / 1.5;
  const got = at(product, 1.5, 0);
  near(got.f, f, product.slice(0, 20), 1e-12);
  near(got.gx, 0, 'd/dx x/x*x/x...', 1e-9);
  // A known prefix folds; the rest is still exact.
  expectAt('2 * 3 * x * 4', 1, 0, 24, 24, 0);
  expectAt('1 + 2 + 3 + x + y' + ' + 1'.repeat(30), 1, 1, 6 + 2 + 30, 1, 1);
});

test('compiled functions can be detached and reused', () => {
  const { value, evaluate } = compileExpression('x^2 + 3y');
  const grad = new Float64Array(2);
  assert.equal(value(2, 1), 7);
  assert.equal(evaluate(2, 1, grad), 7);
  assert.deepEqual([...grad], [4, 3]);
  assert.equal(evaluate(-1, 0, grad), 1);
  assert.deepEqual([...grad], [-2, 3]);
  // Two compiled expressions do not share state.
  const other = compileExpression('x*y');
  const g2 = new Float64Array(2);
  other.evaluate(5, 7, g2);
  evaluate(2, 1, grad);
  assert.deepEqual([...g2], [7, 5]);
  assert.deepEqual([...grad], [4, 3]);
});

// ---------------------------------------------------------------------------------
// LaTeX
// ---------------------------------------------------------------------------------

test('LaTeX: minimal parentheses, \\frac, \\cdot only where digits would run together', () => {
  const cases: [string, string][] = [
    ['x^2 + 10y^2', 'x^{2} + 10 y^{2}'],
    ['(1-x)^2 + 100(y-x^2)^2', '\\left(1 - x\\right)^{2} + 100 \\left(y - x^{2}\\right)^{2}'],
    ['-x^2', '-x^{2}'],
    ['(-x)^2', '\\left(-x\\right)^{2}'],
    ['2*3', '2 \\cdot 3'],
    ['2*3x', '2 \\cdot 3 x'],
    ['x*2', 'x \\cdot 2'],
    ['x*y', 'x y'],
    ['2pi', '2 \\pi'],
    ['e^x', 'e^{x}'],
    ['x/y', '\\frac{x}{y}'],
    ['(x+1)/(y-1)', '\\frac{x + 1}{y - 1}'],
    ['2*(1/x)', '2 \\cdot \\frac{1}{x}'],
    ['x*(1/y)', 'x \\frac{1}{y}'],
    ['sin(x)', '\\sin\\left(x\\right)'],
    ['2sin(x)^2', '2 \\sin\\left(x\\right)^{2}'],
    ['sqrt(x^2+y^2)', '\\sqrt{x^{2} + y^{2}}'],
    ['abs(x)', '\\left|x\\right|'],
    ['log(x) + exp(y)', '\\ln\\left(x\\right) + \\exp\\left(y\\right)'],
    ['tan(x) - tanh(y) + cos(x)',
      '\\tan\\left(x\\right) - \\tanh\\left(y\\right) + \\cos\\left(x\\right)'],
    ['x - (y + 1)', 'x - \\left(y + 1\\right)'],
    ['x + (y - 1)', 'x + y - 1'],
    ['x - -y', 'x - \\left(-y\\right)'],
    ['-(x + y)', '-\\left(x + y\\right)'],
    ['x * -y', 'x \\left(-y\\right)'],
    ['2^3^2', '2^{3^{2}}'],
    ['(2^3)^2', '\\left(2^{3}\\right)^{2}'],
    ['x^(y+1)', 'x^{y + 1}'],
    ['.5x', '0.5 x'],
    ['1.5e-3', '1.5 \\times 10^{-3}'],
    ['1e3x', '10^{3} x'],
    ['2E+03', '2 \\times 10^{3}'],
    ['(1e3)^2', '\\left(10^{3}\\right)^{2}'],
    ['pi * x', '\\pi x'],
  ];
  for (const [text, tex] of cases) assert.equal(compileExpression(text).tex, tex, text);
});

// ---------------------------------------------------------------------------------
// Surfaces
// ---------------------------------------------------------------------------------

test('parseSurface: a Surface with the trimmed text, default domain, tex and gradient', () => {
  const surface = parseSurface('  x^2 + 10y^2 ');
  assert.equal(surface.dim, 2);
  assert.equal(surface.name, 'x^2 + 10y^2');
  assert.deepEqual(surface.domain, { x: [-3, 3], y: [-3, 3] });
  assert.deepEqual(surface.minima, []);
  assert.equal(surface.tex, 'x^{2} + 10 y^{2}');
  const grad = new Float64Array(2);
  assert.equal(surface.evaluate(Float64Array.of(1, 2), grad), 41);
  assert.deepEqual([...grad], [2, 40]);
  assert.equal(surface.value(1, 2), 41);
  const value = surface.value;
  assert.equal(value(0, 1), 10);

  const custom = parseSurface('x', { x: [-1, 2], y: [0.5, 4] });
  assert.deepEqual(custom.domain, { x: [-1, 2], y: [0.5, 4] });
  assert.throws(() => parseSurface('x +'), ExpressionError);
});

test('parseSurface: a bad domain is a RangeError that says what is wrong', () => {
  const bad: [unknown, RegExp][] = [
    [{ x: [1, 1], y: [0, 1] }, /domain\.x.*min < max/],
    [{ x: [0, 1], y: [2, -2] }, /domain\.y.*min < max/],
    [{ x: [0, Infinity], y: [0, 1] }, /domain\.x.*finite/],
    [{ x: [NaN, 1], y: [0, 1] }, /domain\.x.*finite/],
    [{ x: [0, 1], y: ['0', 1] }, /domain\.y.*finite/],
    [{ x: [0, 1, 2], y: [0, 1] }, /domain\.x.*pair/],
    [{ x: [0, 1] }, /domain\.y.*pair/],
    [null, /domain must be an object/],
    // Too narrow for its values to draw: its axis ticks would never end.
    [{ x: [1e15, 1000000000000000.5], y: [-1, 1] }, /domain\.x .*too narrow to draw/],
    [{ x: [-1, 1], y: [1, 1 + 1e-12] }, /domain\.y .*too narrow to draw/],
  ];
  for (const [domain, message] of bad) {
    assert.throws(
      () => parseSurface('x', domain as { x: [number, number]; y: [number, number] }),
      (error: unknown) => error instanceof RangeError && message.test(error.message),
      JSON.stringify(domain),
    );
  }
});

// ---------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------

test('bad input: ExpressionError with the position and what went wrong', () => {
  rejects('x^^2', 2, /expected a number or name after '\^' at 2/);
  rejects('x**^2', 3, /after '\*\*' at 3/);
  rejects('(x', 2, /expected '\)' at 2 to close '\(' at 0/);
  rejects('sin(x', 5, /expected '\)' at 5 to close '\(' at 3/);
  rejects('((x)', 4, /to close '\(' at 0/);
  rejects('foo(x)', 0, /unknown function 'foo' at 0/);
  rejects('x + z', 4, /unknown name 'z' at 4 \(use x and y\)/);
  rejects('', 0, /the expression is empty/);
  rejects('   \t\n', 0, /the expression is empty/);
  rejects('x +', 3, /expected a number or name after '\+' at 3/);
  rejects('x * ', 4, /after '\*' at 4/);
  rejects(')', 0, /unexpected '\)' at 0/);
  rejects('x)', 1, /unexpected '\)' at 1/);
  rejects('(x + y))', 7, /unexpected '\)' at 7/);
  rejects('()', 1, /unexpected '\)' at 1.*empty/);
  rejects('sin()', 4, /unexpected '\)' at 4/);
  rejects('*x', 0, /unexpected '\*' at 0/);
  rejects('1..2', 2, /unexpected '\.' at 2/);
  rejects('1.2.3', 3, /unexpected '\.' at 3/);
  rejects('.', 0, /unexpected character '\.' at 0/);
  rejects('sin x', 4, /expected '\(' after 'sin' at 4/);
  rejects('sin', 3, /expected '\(' after 'sin' at 3/);
  rejects('x # y', 2, /unexpected character '#' at 2/);
  rejects('1e999', 0, /too large/);
});

test('bad input: names are case-sensitive and looked up safely', () => {
  const inherited = ['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty'];
  for (const name of inherited) {
    rejects(name, 0, new RegExp(`unknown name '${name}' at 0`));
    rejects(`${name}(x)`, 0, new RegExp(`unknown function '${name}' at 0`));
  }
  rejects('alert(1)', 0, /unknown function 'alert' at 0/);
  rejects('eval(x)', 0, /unknown function 'eval' at 0/);
  rejects('x + window', 4, /unknown name 'window' at 4/);
  rejects('X', 0, /unknown name 'X'.*case-sensitive.*'x'/);
  rejects('PI', 0, /case-sensitive.*'pi'/);
  rejects('Sin(x)', 0, /unknown function 'Sin'.*case-sensitive.*'sin'/);
  rejects('ln(x)', 0, /unknown function 'ln'.*log/);
  rejects('x2', 0, /unknown name 'x2'/);
  rejects('2E', 1, /unknown name 'E'/);
});

test('bad input: implicit multiplication only after a number, never ambiguous', () => {
  rejects('x y', 2, /missing operator between 'x' and 'y' at 2/);
  rejects('(x)(y)', 3, /missing operator between '\)' and '\(' at 3/);
  rejects('x(y)', 1, /missing operator between 'x' and '\(' at 1/);
  rejects('e(x)', 1, /missing operator between 'e' and '\(' at 1/);
  rejects('2 3', 2, /missing operator between '2' and '3' at 2/);
  rejects('2 pi x', 5, /missing operator between 'pi' and 'x' at 5/);
  rejects('2x y', 3, /missing operator between 'x' and 'y' at 3/);
  rejects('sin(x) cos(y)', 7, /missing operator between '\)' and 'cos' at 7/);
  rejects('2e x', 3, /missing operator between 'e' and 'x' at 3/);
  // 2ex is 2 times the unknown name ex: the error suggests e*x.
  rejects('2ex', 1, /unknown name 'ex' at 1.*e\*x/);
  rejects('xy', 0, /unknown name 'xy'.*x\*y/);
  rejects('2pix', 1, /unknown name 'pix'.*pi\*x/);
  // After '/' and after an exponent readers disagree: refused with a way out.
  rejects('1/2x', 2, /ambiguous '\/2x' at 2/);
  rejects('x / -2(y+1)', 5, /ambiguous/);
  rejects('x^2y', 3, /missing operator between '2' and 'y' at 3/);
  rejects('2^2x', 3, /missing operator between '2' and 'x' at 3/);
  assert.equal(valueOf('1/(2x)', 2), 0.25);
  assert.equal(valueOf('1/2*x', 2), 1);
  assert.equal(valueOf('x^(2y)', 2, 2), 16);
  assert.equal(valueOf('x^2*y', 2, 3), 12);
});

test('bad input: characters people paste from formulas get a hint', () => {
  rejects('x × y', 2, /unexpected character '×' at 2.*\*/);
  rejects('x·y', 1, /'·'.*\*/);
  rejects('x − y', 2, /'−'.*'-'/);
  rejects('x²', 1, /'²'.*\^2/);
  rejects('2π', 1, /'π'.*pi/);
  rejects('f = x', 2, /'='/);
  rejects('x\u0000', 1, /U\+0000 at 1/);
  rejects('\ud83d\ude00 + x', 0, /unexpected character '\ud83d\ude00' at 0/);
  rejects('x + \ud800', 4, /U\+D800 at 4/);
});

test('bad input: nesting deeper than the limit is an ExpressionError, not a stack overflow', () => {
  const depth = MAX_EXPRESSION_DEPTH;
  assert.equal(valueOf('('.repeat(depth) + 'x' + ')'.repeat(depth), 3), 3);
  rejects('('.repeat(depth + 1) + 'x' + ')'.repeat(depth + 1), depth, new RegExp(`nested too deeply at ${depth} \\(at most ${depth} levels`));
  rejects('('.repeat(MAX_EXPRESSION_LENGTH), depth, /nested too deeply/);
  const calls = 'sin('.repeat(depth + 1) + 'x' + ')'.repeat(depth + 1);
  rejects(calls, 4 * depth + 3, /nested too deeply/);
  rejects('-'.repeat(depth + 1) + 'x', depth, /nested too deeply/);
  rejects('x^'.repeat(depth + 1) + 'x', 2 * depth + 1, /nested too deeply/);
  assert.equal(valueOf('-'.repeat(depth) + 'x', 3), 3);
  assert.equal(valueOf('1^'.repeat(depth) + 'x', 3), 1);
});

test('bad input: a row of divisions nests like its fractions, one level each, until the product ends', () => {
  const depth = MAX_EXPRESSION_DEPTH;
  const divisions = (n: number) => Array(n + 1).fill('x').join('/');
  assert.equal(valueOf(divisions(depth), 2), 2 ** (1 - depth));
  // The (depth + 1)-th '/' is at 2 (depth + 1) - 1.
  rejects(divisions(depth + 1), 2 * depth + 1, /nested too deeply at \d+ \(at most \d+ levels of parentheses, signs, powers and fractions\)/);
  // Products do not nest, and a sum starts a new product: long rows of short fractions pass.
  assert.equal(valueOf('x*'.repeat(100) + 'x', 1), 1);
  assert.equal(valueOf(Array(30).fill('x/x/x').join(' + '), 1), 30);
  // Fractions inside parentheses add up with them.
  // Each 'x/(' adds two levels: the (depth / 2 + 1)-th '/' goes past the limit.
  rejects('x/('.repeat(depth / 2 + 1) + 'x' + ')'.repeat(depth / 2 + 1), 3 * (depth / 2) + 1, /nested too deeply/);
});

test('bad input: the texts that froze a page are refused, with the limit in the message', () => {
  // x^x^...^x with 150 powers, sqrt nested 199 deep, 300 and 999 divisions in a row.
  const frozen = [
    Array(151).fill('x').join('^'),
    'sqrt('.repeat(199) + 'x' + ')'.repeat(199),
    Array(301).fill('x').join('/'),
    Array(1000).fill('x').join('/'),
  ];
  for (const text of frozen) {
    const error = expressionError(text);
    assert.match(error.message, /nested too deeply|too long/, error.message);
  }
});

test('every accepted text has a short, shallow formula: the TeX nests no deeper than the limit', () => {
  const depth = MAX_EXPRESSION_DEPTH;
  /** The deepest nesting of braces and \left...\right pairs in TeX. */
  const texDepth = (tex: string) => {
    let level = 0;
    let deepest = 0;
    for (const m of tex.matchAll(/\\left|\\right|[{}]/g)) {
      level += m[0] === '{' || m[0] === '\\left' ? 1 : -1;
      deepest = Math.max(deepest, level);
    }
    return deepest;
  };
  const deepest = [
    'sqrt('.repeat(depth) + 'x' + ')'.repeat(depth),
    Array(depth + 1).fill('x').join('^'),
    Array(depth + 1).fill('x').join('/'),
    '('.repeat(depth) + 'x' + ')'.repeat(depth),
    'sin('.repeat(depth) + 'x' + ')'.repeat(depth),
    '-'.repeat(depth) + 'x',
    'x/(1+'.repeat(depth / 2) + 'x' + ')'.repeat(depth / 2),
    '(x+1)^'.repeat(depth / 2) + 'x',
    'x^-'.repeat(depth / 2) + 'x',
  ];
  for (const text of deepest) {
    const { tex } = compileExpression(text);
    assert.ok(texDepth(tex) <= depth + 1, `${text.slice(0, 40)}: TeX ${texDepth(tex)} deep`);
  }
  const longest = Array(MAX_EXPRESSION_LENGTH / 10).fill('sqrt(x)/y').join('+');
  assert.ok(longest.length <= MAX_EXPRESSION_LENGTH);
  assert.ok(compileExpression(longest).tex.length < 10 * MAX_EXPRESSION_LENGTH);
});

test('bad input: invisible characters are named by their code point', () => {
  rejects('x\u200b+y', 1, /^invisible character U\+200B at 1/);
  rejects('\u202ex^2', 0, /^invisible character U\+202E at 0/);
  rejects('x^2 + y\u2066', 7, /^invisible character U\+2066 at 7/);
  rejects('x\u00ad2', 1, /^invisible character U\+00AD at 1/);
  rejects('x\u2060y', 1, /^invisible character U\+2060 at 1/);
  rejects('x\ufe0f', 1, /^invisible character U\+FE0F at 1/);
  rejects('x\u{e0041}', 1, /^invisible character U\+E0041 at 1/);
  rejects('x\u0007', 1, /^invisible character U\+0007 at 1/);
  // Whitespace of every kind still separates tokens.
  assert.equal(valueOf('x\t+\u00a0y\n', 3, 2), 5);
  // Visible strangers keep their quotes.
  rejects('x # y', 2, /^unexpected character '#' at 2/);
});

test('bad input: text longer than the limit is an ExpressionError', () => {
  const fits = 'x+'.repeat(MAX_EXPRESSION_LENGTH / 2 - 1) + 'x ';
  assert.equal(fits.length, MAX_EXPRESSION_LENGTH);
  assert.equal(valueOf(fits, 1), MAX_EXPRESSION_LENGTH / 2);
  const long = 'x+'.repeat(MAX_EXPRESSION_LENGTH);
  rejects(long, MAX_EXPRESSION_LENGTH, new RegExp(`too long \\(${2 * MAX_EXPRESSION_LENGTH} characters, at most ${MAX_EXPRESSION_LENGTH}\\)`));
  rejects(' '.repeat(1_000_000), MAX_EXPRESSION_LENGTH, /too long/);
  // The limits are options of the lower-level API, checked themselves.
  assert.equal(compileExpression('x+'.repeat(3000) + 'x', { maxLength: 8000 }).value(1, 0), 3001);
  assert.equal(expressionError('x+x', { maxLength: 2 }).position, 2);
  assert.equal(expressionError('((x))', { maxDepth: 1 }).position, 1);
  assert.throws(() => compileExpression('x', { maxDepth: 100_000 }), RangeError);
  assert.throws(() => compileExpression('x', { maxLength: 0 }), RangeError);
});

test('the tree is available and sums are flat', () => {
  const tree = parseExpression('x + y - 2');
  assert.equal(tree.kind, 'sum');
  if (tree.kind === 'sum') {
    assert.equal(tree.operands.length, 3);
    assert.deepEqual(tree.operators, ['+', '-']);
  }
  assert.deepEqual(parseExpression('((x))'), { kind: 'variable', name: 'x' });
  const names = ['sin', 'cos', 'tan', 'exp', 'log', 'sqrt', 'abs', 'tanh'];
  assert.deepEqual(EXPRESSION_FUNCTIONS, names);
  assert.ok(Object.isFrozen(EXPRESSION_FUNCTIONS));
});

// ---------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------

/** A well-formed expression, printed with explicit parentheses, and its meaning. */
type Tree =
  | { k: 'num'; text: string; v: number }
  | { k: 'var'; name: 'x' | 'y' }
  | { k: 'neg'; a: Tree }
  | { k: 'bin'; op: '+' | '-' | '*' | '/'; a: Tree; b: Tree }
  | { k: 'pow'; a: Tree; n: number; spelling: string }
  | { k: 'fn'; name: string; a: Tree }
  /** A number literal directly followed by a variable, call or parenthesis: 2x. */
  | { k: 'implicit'; text: string; v: number; space: boolean; a: Tree };

const numberLiterals: [string, number][] = [
  ['0', 0],
  ['1', 1],
  ['2', 2],
  ['3', 3],
  ['10', 10],
  ['0.5', 0.5],
  ['.25', 0.25],
  ['1.5e-1', 0.15],
  ['2E1', 20],
  ['1e0', 1],
];
const numbers = fc.constantFrom(...numberLiterals);
const literal: fc.Arbitrary<Tree> = fc.oneof(
  numbers.map(([text, v]): Tree => ({ k: 'num', text, v })),
  fc.constantFrom<Tree>({ k: 'num', text: 'pi', v: PI }, { k: 'num', text: 'e', v: E }),
);
const variable = fc.constantFrom<Tree>({ k: 'var', name: 'x' }, { k: 'var', name: 'y' });

const { tree: treeArbitrary } = fc.letrec<{ tree: Tree; operand: Tree }>((tie) => ({
  tree: fc.oneof(
    { maxDepth: 6, depthSize: 'max' },
    { arbitrary: fc.oneof({ arbitrary: variable, weight: 3 }, literal), weight: 1 },
    { arbitrary: tie('operand'), weight: 4 },
  ),
  operand: fc.oneof(
    fc.record({ k: fc.constant('neg' as const), a: tie('tree') }),
    {
      arbitrary: fc.record({
        k: fc.constant('bin' as const),
        op: fc.constantFrom('+' as const, '-' as const, '*' as const, '/' as const),
        a: tie('tree'),
        b: tie('tree'),
      }),
      weight: 4,
    },
    {
      arbitrary: fc.record({
        k: fc.constant('pow' as const),
        a: tie('tree'),
        n: fc.integer({ min: -2, max: 3 }),
        spelling: fc.constantFrom('^', '**', ' ^ '),
      }),
      weight: 2,
    },
    fc.record({
      k: fc.constant('fn' as const),
      name: fc.constantFrom(...EXPRESSION_FUNCTIONS),
      a: tie('tree'),
    }),
    fc
      .record({ number: numbers, space: fc.boolean(), a: tie('tree') })
      .map(({ number: [text, v], space, a }): Tree => ({ k: 'implicit', text, v, space, a })),
  ),
}));

function print(t: Tree): string {
  switch (t.k) {
    case 'num':
      return t.text;
    case 'var':
      return t.name;
    case 'neg':
      return `(-${print(t.a)})`;
    case 'bin':
      return `(${print(t.a)} ${t.op} ${print(t.b)})`;
    case 'pow':
      return `(${print(t.a)})${t.spelling}${t.n < 0 && t.spelling === '^' ? `(${t.n})` : t.n}`;
    case 'fn':
      return `${t.name}(${print(t.a)})`;
    case 'implicit': {
      // What follows the number must start with a name or '(': a variable, a call, or
      // anything else in parentheses.
      const inner = t.a.k === 'var' || t.a.k === 'fn' ? print(t.a) : `(${print(t.a)})`;
      return `(${t.text}${t.space ? ' ' : ''}${inner})`;
    }
  }
}

const MATH: ReadonlyMap<string, (a: number) => number> = new Map([
  ['sin', Math.sin],
  ['cos', Math.cos],
  ['tan', Math.tan],
  ['exp', Math.exp],
  ['log', Math.log],
  ['sqrt', Math.sqrt],
  ['abs', Math.abs],
  ['tanh', Math.tanh],
]);

/**
 * The obvious recursive evaluator, with Math. When `guard` is given, it is marked not
 * smooth if some operation comes near where it is not smooth (abs, sqrt and log near 0,
 * division by nearly 0, tan near a pole) or a value is not finite or very large.
 */
function reference(t: Tree, x: number, y: number, guard?: { smooth: boolean }): number {
  const v = ((): number => {
    switch (t.k) {
      case 'num':
        return t.v;
      case 'var':
        return t.name === 'x' ? x : y;
      case 'neg':
        return -reference(t.a, x, y, guard);
      case 'bin': {
        const a = reference(t.a, x, y, guard);
        const b = reference(t.b, x, y, guard);
        if (guard && t.op === '/' && Math.abs(b) < 1e-2) guard.smooth = false;
        return t.op === '+' ? a + b : t.op === '-' ? a - b : t.op === '*' ? a * b : a / b;
      }
      case 'pow': {
        const a = reference(t.a, x, y, guard);
        if (guard && t.n < 0 && Math.abs(a) < 1e-2) guard.smooth = false;
        return Math.pow(a, t.n);
      }
      case 'fn': {
        const a = reference(t.a, x, y, guard);
        const kink = t.name === 'abs' || t.name === 'sqrt' || t.name === 'log';
        if (guard && kink && Math.abs(a) < 1e-2) guard.smooth = false;
        if (guard && t.name === 'tan' && Math.abs(Math.cos(a)) < 1e-1) guard.smooth = false;
        return MATH.get(t.name)!(a);
      }
      case 'implicit':
        return t.v * reference(t.a, x, y, guard);
    }
  })();
  if (guard && (!Number.isFinite(v) || Math.abs(v) > 1e6)) guard.smooth = false;
  return v;
}

function smooth(t: Tree, x: number, y: number): boolean {
  const guard = { smooth: true };
  reference(t, x, y, guard);
  return guard.smooth;
}

const coordinate = fc.double({ min: -3, max: 3, noNaN: true });

test('property: compiled values equal a straightforward recursive evaluator', () => {
  fc.assert(
    fc.property(treeArbitrary, coordinate, coordinate, (tree, x, y) => {
      const text = print(tree);
      const compiled = compileExpression(text);
      const expected = reference(tree, x, y);
      const got = compiled.value(x, y);
      const grad = new Float64Array(2);
      const evaluated = compiled.evaluate(x, y, grad);
      assert.ok(Object.is(evaluated, got), `evaluate and value differ on ${text}`);
      if (!Number.isFinite(expected)) return;
      assert.ok(
        Math.abs(got - expected) <= 1e-9 * Math.max(1, Math.abs(expected)),
        `${text} at (${x}, ${y}): ${got} != ${expected}`,
      );
    }),
    { numRuns: 3000 },
  );
});

test('property: gradients agree with central finite differences where smooth', () => {
  let checked = 0;
  let runs = 0;
  fc.assert(
    fc.property(treeArbitrary, coordinate, coordinate, (tree, x, y) => {
      runs++;
      const text = print(tree);
      const compiled = compileExpression(text);
      const grad = new Float64Array(2);
      const f = compiled.evaluate(x, y, grad);
      const point = [x, y];
      const slopes: number[] = [];
      for (const axis of [0, 1]) {
        const h = 1e-5 * Math.max(1, Math.abs(point[axis]));
        const shifted = (d: number): [number, number] =>
          axis === 0 ? [x + d, y] : [x, y + d];
        const probes = [-h, -h / 2, 0, h / 2, h].map(shifted);
        if (!probes.every(([px, py]) => smooth(tree, px, py))) return;
        const central = (d: number): number => {
          const [px, py] = shifted(d);
          const [mx, my] = shifted(-d);
          return (reference(tree, px, py) - reference(tree, mx, my)) / (2 * d);
        };
        const coarse = central(h);
        const fine = central(h / 2);
        // Where two step sizes disagree, the finite difference itself is not to be trusted.
        if (Math.abs(coarse - fine) > 1e-4 * Math.max(1, Math.abs(fine))) return;
        slopes.push((4 * fine - coarse) / 3); // Richardson: error O(h^4)
      }
      checked++;
      for (const axis of [0, 1]) {
        const exact = grad[axis];
        const estimate = slopes[axis];
        const tolerance = 1e-5 * Math.max(1, Math.abs(estimate)) + 1e-9 * Math.abs(f);
        assert.ok(
          Math.abs(exact - estimate) <= tolerance,
          `d/d${axis ? 'y' : 'x'} ${text} at (${x}, ${y}): ${exact}, ` +
            `finite difference ${estimate}`,
        );
      }
    }),
    { numRuns: 3000 },
  );
  // The property must not pass by skipping everything.
  assert.ok(checked > runs * 0.3, `only ${checked} of ${runs} cases were smooth enough to check`);
});

/** What any input must do: compile, or throw an ExpressionError that points into it. */
function behaves(text: string): void {
  let compiled;
  try {
    compiled = compileExpression(text);
  } catch (error) {
    assert.ok(error instanceof ExpressionError, `${JSON.stringify(text)} threw ${String(error)}`);
    assert.ok(Number.isInteger(error.position), 'integer position');
    assert.ok(
      error.position >= 0 && error.position <= text.length,
      `position ${error.position} in ${JSON.stringify(text)}`,
    );
    assertMessageHasPosition(error);
    return;
  }
  assert.equal(typeof compiled.tex, 'string');
  assert.equal(typeof compiled.value(0.5, -0.25), 'number');
  const grad = new Float64Array(2);
  assert.equal(typeof compiled.evaluate(0.5, -0.25, grad), 'number');
  assert.equal(parseSurface(text).name, text.trim());
}

const grammarCharacter = fc.constantFrom(
  ...'xyep0123456789.+-*/^()  '.split(''),
  'pi', 'sin', 'cos', 'tan', 'exp', 'log', 'sqrt', 'abs', 'tanh', 'e', 'E', '**',
  '\t', ',', '_', 'z', '#', '×', '\u00a0',
);
const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
const grapheme = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 });

test('property: any text compiles or throws an ExpressionError, never anything else', () => {
  const grammarText = fc.string({ unit: grammarCharacter, maxLength: 40 });
  fc.assert(fc.property(grammarText, behaves), { numRuns: 3000 });
  fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 30 }), behaves), { numRuns: 1000 });
  fc.assert(
    fc.property(
      fc.string({ unit: fc.oneof(grammarCharacter, loneSurrogate, grapheme), maxLength: 30 }),
      behaves,
    ),
    { numRuns: 1000 },
  );
  // Well-formed texts with one character changed, dropped or doubled.
  fc.assert(
    fc.property(treeArbitrary, fc.nat(), fc.constantFrom(...'()^x. *e'.split(''), ''), (t, n, c) => {
      const text = print(t);
      const i = n % (text.length + 1);
      behaves(text.slice(0, i) + c + text.slice(i + 1));
      behaves(text.slice(0, i) + c + text.slice(i));
    }),
    { numRuns: 1000 },
  );
});

// How time grows with the text's length is measured by `npm run bench -- expression`.
