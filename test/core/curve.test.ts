/** parseCurve, the expression module's variable helpers, and leashOf for a curve. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ExpressionError,
  createOptimizer,
  descend,
  expressionVariables,
  getSurface,
  leashOf,
  parseCurve,
  parseSurface,
  variablePosition,
  variablesOf,
} from '../../src/core/index.js';
import { parseExpression } from '../../src/core/expression/index.js';

test('parseCurve compiles f(x) with its exact derivative on [-3, 3] by default', () => {
  const c = parseCurve('  x^2 - 2x  ');
  assert.equal(c.dim, 1);
  assert.equal(c.name, 'x^2 - 2x');
  assert.deepEqual(c.domain, { x: [-3, 3] });
  assert.deepEqual(c.minima, []);
  assert.equal(c.tex, parseSurface('x^2 - 2x').tex); // the same LaTeX as a surface's
  assert.match(c.tex, /^x\^\{2\} - 2\s?x$/);
  // f(3) = 9 - 6 = 3, f'(x) = 2x - 2 = 4 at 3.
  assert.equal(c.value(3), 3);
  const grad = new Float64Array(1);
  assert.equal(c.evaluate(Float64Array.of(3), grad), 3);
  assert.equal(grad[0], 4);
  // f(-0.5) = 0.25 + 1 = 1.25, f' = -3.
  assert.equal(c.evaluate(Float64Array.of(-0.5), grad), 1.25);
  assert.equal(grad[0], -3);
  assert.ok(Object.isFrozen(c) && Object.isFrozen(c.domain) && Object.isFrozen(c.domain.x));
});

test('parseCurve keeps a given domain and refuses bad ones with a RangeError', () => {
  assert.deepEqual(parseCurve('x', [-1, 2]).domain.x, [-1, 2]);
  assert.deepEqual(parseCurve('x', [999.999, 1000.001]).domain.x, [999.999, 1000.001]);
  for (const bad of [[1, 1], [2, 1], [0, NaN], [0, Infinity], [0], [0, 1, 2], 'ab', null, [1e15, 1e15 + 0.5]]) {
    assert.throws(() => parseCurve('x', bad as unknown as [number, number]), RangeError, String(bad));
  }
});

test('an expression in y is refused at the first y, after any syntax error', () => {
  const at = (text: string) => {
    try {
      parseCurve(text);
    } catch (e) {
      assert.ok(e instanceof ExpressionError);
      return [e.position, e.message];
    }
    assert.fail(`${text} was accepted`);
  };
  assert.deepEqual(at('x + y'), [4, "this figure takes a function of x alone: 'y' at 4"]);
  assert.deepEqual(at('y'), [0, "this figure takes a function of x alone: 'y' at 0"]);
  assert.deepEqual(at('2y + x*y'), [1, "this figure takes a function of x alone: 'y' at 1"]);
  // Even where y cancels: the rule is what the text says.
  assert.equal(at('x + y - y')[0], 4);
  // A syntax error wins over the y: it is reported where the parser reports it.
  assert.deepEqual(at('y +'), [3, "expected a number or name after '+' at 3 (the expression ends there)"]);
});

test('expressionVariables and variablesOf name the variables a text mentions', () => {
  assert.deepEqual([...expressionVariables('x^2')], ['x']);
  assert.deepEqual([...expressionVariables('sin(x)*y')].sort(), ['x', 'y']);
  assert.deepEqual([...expressionVariables('0.5y^2')], ['y']);
  assert.deepEqual([...expressionVariables('2 pi + e')], []);
  assert.deepEqual([...variablesOf(parseExpression('-(x^y)'))].sort(), ['x', 'y']);
  assert.throws(() => expressionVariables('sin('), ExpressionError);
  assert.throws(() => expressionVariables('x z'), (e: unknown) => e instanceof ExpressionError && e.position === 2);
});

test('variablePosition finds the first occurrence, or -1', () => {
  assert.equal(variablePosition('x^2 + 3 y + y', 'y'), 8);
  assert.equal(variablePosition('x^2 + 3 y', 'x'), 0);
  assert.equal(variablePosition('x^2', 'y'), -1);
  assert.throws(() => variablePosition('x +', 'y'), ExpressionError);
});

test('leashOf: a curve is leashed at 100 widths around its midpoint; surfaces as before', () => {
  const curve = leashOf(parseCurve('x', [-1, 3]));
  assert.deepEqual([...curve.centre], [1]);
  assert.equal(curve.radius, 400);
  const ravine = leashOf(getSurface('ravine')); // [-4,4] x [-2,2]: the longer side is 8
  assert.deepEqual([...ravine.centre], [0, 0]);
  assert.equal(ravine.radius, 800);
  const rosenbrock = leashOf(getSurface('rosenbrock')); // [-2,2] x [-1,3]
  assert.deepEqual([...rosenbrock.centre], [0, 1]);
  assert.equal(rosenbrock.radius, 400);
  assert.equal(leashOf({ dim: 3, evaluate: () => 0 }).radius, 1e6);
});

test('descend runs on a curve and diverges past its leash', () => {
  const c = parseCurve('x^2');
  // gd on x^2: x <- x - lr 2x = (1 - 2 lr) x; lr 0.25 halves x.
  const run = descend(c, createOptimizer('gd', { lr: 0.25 }), [2], { steps: 3 });
  assert.deepEqual(run.path.map((p) => [...p]), [[2], [1], [0.5], [0.25]]);
  assert.deepEqual(run.values, [4, 1, 0.25, 0.0625]);
  // lr 1.5: x doubles and flips, |x_k| = 2^(k+1); the leash is 600 from 0, first passed at k = 9.
  const off = descend(c, createOptimizer('gd', { lr: 1.5 }), [2], { steps: 50 });
  assert.equal(off.stop, 'diverged');
  assert.equal(off.path.length, 10);
  assert.equal(off.path[9][0], -1024);
});
