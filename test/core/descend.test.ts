/** descend: the three stop reasons and the shape of a run. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createOptimizer, descend, getSurface, type Descent, type Objective } from '../../src/core/index.js';

const bowl = getSurface('bowl');

function sameLengths(run: Descent): void {
  assert.equal(run.values.length, run.path.length);
  assert.equal(run.gradientNorms.length, run.path.length);
}

test('a converged run stops before the update whose gradient norm is below tolerance', () => {
  // gd with lr 0.25 halves the point each step: |grad| = 2 |x| = 2 sqrt(5) / 2^k.
  const run = descend(bowl, createOptimizer('gd', { lr: 0.25 }), [2, 1], { steps: 1000, tolerance: 1e-3 });
  assert.equal(run.stop, 'converged');
  sameLengths(run);
  const k = run.path.length - 1;
  // 2 sqrt(5) / 2^k < 1e-3 first at k = 13.
  assert.equal(k, 13);
  assert.ok(run.gradientNorms[k] < 1e-3 && run.gradientNorms[k - 1] >= 1e-3);
  assert.ok(Math.abs(run.gradientNorms[0] - 2 * Math.sqrt(5)) < 1e-12);
  assert.equal(run.values[0], 5);
  assert.deepEqual([...run.path[1]], [1, 0.5]);
});

test('a max-steps run makes exactly `steps` updates', () => {
  const run = descend(getSurface('rosenbrock'), createOptimizer('gd', { lr: 1e-3 }), [-1.2, 1], { steps: 25, tolerance: 1e-5 });
  assert.equal(run.stop, 'max-steps');
  assert.equal(run.path.length, 26);
  sameLengths(run);
  assert.deepEqual([...run.path[0]], [-1.2, 1]);
});

test('without a tolerance the run never stops as converged', () => {
  const run = descend(bowl, createOptimizer('gd', { lr: 0.5 }), [1, 1], { steps: 5 });
  assert.equal(run.stop, 'max-steps');
  assert.deepEqual(run.gradientNorms.slice(1), [0, 0, 0, 0, 0]);
});

test('bowl with lr 1.5 diverges: x_k = (-2)^k x_0 leaves 100 domain widths', () => {
  // 1 - 2 lr = -2: the point doubles and flips each step; the leash is 600 from (0, 0).
  const run = descend(bowl, createOptimizer('gd', { lr: 1.5 }), [1, 0], { steps: 100, tolerance: 1e-5 });
  assert.equal(run.stop, 'diverged');
  sameLengths(run);
  const last = run.path[run.path.length - 1];
  assert.equal(last[0], 1024); // (-2)^10: the first beyond 600
  assert.equal(run.path[run.path.length - 2][0], -512);
  assert.equal(run.path.length, 11);
});

test('a non-finite value is divergence, recorded where it happened', () => {
  const log: Objective = {
    dim: 1,
    evaluate(x, g) {
      g[0] = 1 / x[0];
      return Math.log(x[0]);
    },
  };
  // Minimizing log x walks left past 0, where log is NaN.
  const run = descend(log, createOptimizer('gd', { lr: 1 }), [0.5], { steps: 10 });
  assert.equal(run.stop, 'diverged');
  sameLengths(run);
  assert.ok(Number.isNaN(run.values[run.values.length - 1]));
  assert.equal(run.path.length, 2);
});

test('objectives without a domain diverge past 1e6 from the origin', () => {
  const line: Objective = {
    dim: 1,
    evaluate(x, g) {
      g[0] = -1;
      return -x[0];
    },
  };
  const run = descend(line, createOptimizer('gd', { lr: 1e5 }), [0], { steps: 100 });
  assert.equal(run.stop, 'diverged');
  assert.equal(run.path.length, 12); // 11e5 is the first point beyond 1e6
});

test('zero steps records the start alone; bad arguments are refused', () => {
  const run = descend(bowl, createOptimizer('adam'), [1, 2], { steps: 0 });
  assert.equal(run.stop, 'max-steps');
  assert.equal(run.path.length, 1);
  assert.throws(() => descend(bowl, createOptimizer('gd'), [1], { steps: 3 }), /start has 1 coordinates/);
  assert.throws(() => descend(bowl, createOptimizer('gd'), [1, 2], { steps: 1.5 }), /steps/);
});

test('descend resets the optimizer, so two runs from one optimizer agree', () => {
  const opt = createOptimizer('momentum', { lr: 0.01 });
  const a = descend(getSurface('ravine'), opt, [3, 1], { steps: 30 });
  const b = descend(getSurface('ravine'), opt, [3, 1], { steps: 30 });
  assert.deepEqual(a.path.map((p) => [...p]), b.path.map((p) => [...p]));
});

test('the path holds copies, not views of one moving point', () => {
  const run = descend(bowl, createOptimizer('gd', { lr: 0.1 }), [1, 1], { steps: 3 });
  assert.notEqual(run.path[0][0], run.path[3][0]);
});
