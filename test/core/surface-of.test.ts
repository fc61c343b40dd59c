/** surfaceOf: a two-parameter objective drawn as a surface. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { surfaceOf, type Objective } from '../../src/core/index.js';

/** f(w, b) = (w - 1)^2 + 2 b^2, gradient (2(w - 1), 4b). */
const quadratic: Objective = {
  dim: 2,
  evaluate(x, g) {
    g[0] = 2 * (x[0] - 1);
    g[1] = 4 * x[1];
    return (x[0] - 1) ** 2 + 2 * x[1] ** 2;
  },
};

test('values and gradients pass through', () => {
  const s = surfaceOf(quadratic, { x: [-2, 4], y: [-1, 1] }, 'loss');
  assert.equal(s.value(3, 1), 6);
  const g = new Float64Array(2);
  assert.equal(s.evaluate(Float64Array.of(0, 0.5), g), 1.5);
  assert.deepEqual([...g], [-2, 2]);
  assert.deepEqual(s.domain, { x: [-2, 4], y: [-1, 1] });
  assert.equal(s.name, 'loss');
});

test('only objectives of two parameters', () => {
  assert.throws(() => surfaceOf({ dim: 3, evaluate: () => 0 }, { x: [0, 1], y: [0, 1] }, 'x'), /2 parameters/);
});
