/**
 * A run's records of its updates (`descend(...).record(k)`): small literal cases worked
 * out by hand, and every rule's records against the same updates made one `step` at a
 * time, across the buffers' growth.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  OPTIMIZER_NAMES,
  createOptimizer,
  descend,
  getSurface,
  parseCurve,
  type Objective,
  type OptimizerName,
  type OptimizerOptions,
} from '../../src/core/index.js';

const square = parseCurve('x^2'); // f(x) = x^2, f'(x) = 2x
const close = (actual: number, expected: number, what: string) =>
  assert.ok(Math.abs(actual - expected) <= 1e-12 * Math.max(1, Math.abs(expected)), `${what}: ${actual} vs ${expected}`);
const only = (v: ArrayLike<number> | null) => {
  assert.ok(v !== null && v.length === 1);
  return v[0];
};

test('Nesterov on x^2 (lr 0.1, beta 0.9) from 1: updates 0 and 1 by hand', () => {
  const run = descend(square, createOptimizer('nesterov', { lr: 0.1, beta: 0.9 }), [1], { steps: 2 });
  // k = 0: v_0 = 0, so the look-ahead is x_0 itself.
  //   x~_0 = 1 + 0.9 * 0 = 1;  g_0 = f'(1) = 2;  v_1 = 0.9 * 0 - 0.1 * 2 = -0.2;  x_1 = 1 - 0.2 = 0.8
  const r0 = run.record(0);
  assert.equal(r0.k, 0);
  assert.equal(only(r0.x), 1);
  assert.equal(r0.value, 1);
  assert.equal(only(r0.gradientAtX), 2);
  assert.equal(only(r0.gradientAt), 1);
  assert.equal(only(r0.gradient), 2);
  assert.equal(only(r0.before.velocity), 0);
  close(only(r0.after.velocity), -0.2, 'v_1');
  close(only(r0.next), 0.8, 'x_1');
  assert.equal(r0.before.firstMoment, null);
  assert.equal(r0.after.secondMoment, null);
  // k = 1: x~_1 = 0.8 + 0.9 * (-0.2) = 0.62;  g_1 = f'(0.62) = 1.24 (at x_1 it would be 1.6);
  //   v_2 = 0.9 * (-0.2) - 0.1 * 1.24 = -0.304;  x_2 = 0.8 - 0.304 = 0.496
  const r1 = run.record(1);
  assert.equal(r1.k, 1);
  close(only(r1.x), 0.8, 'x_1');
  close(r1.value, 0.64, 'f(x_1)');
  close(only(r1.gradientAtX), 1.6, "f'(x_1)");
  close(only(r1.gradientAt), 0.62, 'look-ahead');
  close(only(r1.gradient), 1.24, 'g_1');
  close(only(r1.before.velocity), -0.2, 'v_1');
  close(only(r1.after.velocity), -0.304, 'v_2');
  close(only(r1.next), 0.496, 'x_2');
});

test('classical momentum on x^2 takes its gradient at x_k: the look-ahead is x_k', () => {
  // v_1 = -0.1 * 2 = -0.2, x_1 = 0.8; then g_1 = f'(0.8) = 1.6, v_2 = -0.18 - 0.16 = -0.34, x_2 = 0.46.
  const run = descend(square, createOptimizer('momentum', { lr: 0.1, beta: 0.9 }), [1], { steps: 2 });
  const r1 = run.record(1);
  assert.equal(r1.gradientAt, r1.x);
  close(only(r1.gradient), 1.6, 'g_1');
  close(only(r1.after.velocity), -0.34, 'v_2');
  close(only(r1.next), 0.46, 'x_2');
});

test("Adam on x^2 (lr 0.1) from 1: the first update's moments by hand", () => {
  // g_0 = 2;  m_1 = 0.1 * 2 = 0.2;  v_1 = 0.001 * 4 = 0.004;  mhat = 2, vhat = 4;
  // x_1 = 1 - 0.1 * 2 / (2 + 1e-8).
  const r0 = descend(square, createOptimizer('adam', { lr: 0.1 }), [1], { steps: 1 }).record(0);
  assert.equal(r0.before.velocity, null);
  assert.equal(only(r0.before.firstMoment), 0);
  assert.equal(only(r0.before.secondMoment), 0);
  close(only(r0.after.firstMoment), 0.2, 'm_1');
  close(only(r0.after.secondMoment), 0.004, 'v_1');
  close(only(r0.next), 1 - (0.1 * 2) / (2 + 1e-8), 'x_1');
});

test('with clipping the record keeps both gradients: grad f(x_k) and the clipped g_k', () => {
  // f'(1) = 2, clipped to norm 1: x_1 = 1 - 0.1 * 1 = 0.9.
  const r0 = descend(square, createOptimizer('gd', { lr: 0.1, clip: 1 }), [1], { steps: 1 }).record(0);
  assert.equal(only(r0.gradientAtX), 2);
  assert.equal(only(r0.gradient), 1);
  close(only(r0.next), 0.9, 'x_1');
});

test('a record is views of the run: x and next are its path; the state starts at zero with the dimension of x', () => {
  const cube: Objective = {
    dim: 3,
    evaluate(x, g) {
      for (let i = 0; i < 3; i++) g[i] = 2 * x[i];
      return x[0] ** 2 + x[1] ** 2 + x[2] ** 2;
    },
  };
  const run = descend(cube, createOptimizer('adam'), [1, 2, 3], { steps: 4 });
  const r = run.record(2);
  assert.equal(r.x, run.path[2]);
  assert.equal(r.next, run.path[3]);
  assert.equal(r.value, run.values[2]);
  const first = run.record(0);
  assert.deepEqual(Array.from(first.before.firstMoment!), [0, 0, 0]);
  assert.deepEqual(Array.from(first.before.secondMoment!), [0, 0, 0]);
  assert.equal(first.before.velocity, null);
  // The state after update 1 is the state before update 2.
  assert.deepEqual(Array.from(run.record(1).after.firstMoment!), Array.from(r.before.firstMoment!));
});

test('record(k) exists for each update made, and only for those', () => {
  const run = descend(square, createOptimizer('gd', { lr: 0.1 }), [1], { steps: 3 });
  for (const k of [-1, 3, 1.5, NaN]) assert.throws(() => run.record(k), RangeError, String(k));
  assert.equal(run.record(2).k, 2);
  const none = descend(square, createOptimizer('gd', { lr: 0.1 }), [1], { steps: 0 });
  assert.throws(() => none.record(0), RangeError);
  // A converged run has records up to its last update; a diverged one up to the update that blew up.
  const diverged = descend(getSurface('bowl'), createOptimizer('gd', { lr: 1.5 }), [1, 0], { steps: 100 });
  assert.equal(diverged.stop, 'diverged');
  const last = diverged.record(diverged.path.length - 2);
  assert.equal(last.next, diverged.path.at(-1));
  assert.throws(() => diverged.record(diverged.path.length - 1), RangeError);
});

/** The updates one `step` at a time: each x_k, the gradient used, where, and the state after. */
function stepByStep(name: OptimizerName, options: OptimizerOptions, steps: number) {
  const surface = getSurface('rosenbrock');
  const optimizer = createOptimizer(name, options);
  const x = Float64Array.from([-1.2, 1]);
  const copy = (v: ArrayLike<number> | null) => (v === null ? null : Array.from(v));
  const updates = [];
  for (let k = 0; k < steps; k++) {
    const xk = Array.from(x);
    const atX = new Float64Array(2);
    surface.evaluate(Float64Array.from(xk), atX);
    const value = optimizer.step(x, surface);
    const s = optimizer.state;
    updates.push({
      x: xk,
      value,
      gradientAtX: Array.from(atX),
      gradientAt: Array.from(s.gradientPoint),
      gradient: Array.from(s.gradient),
      after: { velocity: copy(s.velocity), firstMoment: copy(s.firstMoment), secondMoment: copy(s.secondMoment) },
      next: Array.from(x),
    });
  }
  return updates;
}

test('every rule: the records are the updates `step` makes, past the buffers growing at 1024 rows', () => {
  const steps = 1500;
  const shapes: { name: OptimizerName; options: OptimizerOptions }[] = [
    ...OPTIMIZER_NAMES.map((name) => ({ name, options: { lr: 1e-4 } })),
    { name: 'momentum', options: { lr: 1e-4, ema: true } },
    { name: 'nesterov', options: { lr: 1e-3, beta: 0.95, clip: 5 } },
    { name: 'adam', options: { lr: 0.02, beta1: 0.8, beta2: 0.99, clip: 50 } },
  ];
  for (const { name, options } of shapes) {
    const run = descend(getSurface('rosenbrock'), createOptimizer(name, options), [-1.2, 1], { steps });
    assert.equal(run.path.length, steps + 1);
    const expected = stepByStep(name, options, steps);
    for (const k of [0, 1, 2, 1022, 1023, 1024, 1025, steps - 1]) {
      const r = run.record(k);
      const e = expected[k];
      const what = `${name} ${JSON.stringify(options)} update ${k}`;
      assert.deepEqual(Array.from(r.x), e.x, `${what}: x`);
      assert.equal(r.value, e.value, `${what}: value`);
      assert.deepEqual(Array.from(r.gradientAtX), e.gradientAtX, `${what}: gradientAtX`);
      assert.deepEqual(Array.from(r.gradientAt), e.gradientAt, `${what}: gradientAt`);
      assert.deepEqual(Array.from(r.gradient), e.gradient, `${what}: gradient`);
      assert.deepEqual(Array.from(r.next), e.next, `${what}: next`);
      for (const key of ['velocity', 'firstMoment', 'secondMoment'] as const) {
        const after = r.after[key];
        assert.deepEqual(after === null ? null : Array.from(after), e.after[key], `${what}: ${key} after`);
        const before = r.before[key];
        const previous = k === 0 ? (e.after[key] === null ? null : [0, 0]) : expected[k - 1].after[key];
        assert.deepEqual(before === null ? null : Array.from(before), previous, `${what}: ${key} before`);
      }
    }
  }
});

test("Nesterov's records against PyTorch's paths: the look-ahead is x_k + beta (x_k - x_(k-1))", () => {
  // Classical Nesterov: x_{k+1} = x_k + v_{k+1}, so v_k = x_k - x_{k-1} on the reference path.
  const file = fileURLToPath(new URL('../reference/trajectories.json', import.meta.url));
  const reference = JSON.parse(readFileSync(file, 'utf8')) as {
    trajectories: { surface: string; optimizer: OptimizerName; options: OptimizerOptions; start: [number, number]; path: [number, number][] }[];
  };
  const nesterov = reference.trajectories.filter((t) => t.optimizer === 'nesterov');
  assert.ok(nesterov.length > 0);
  for (const t of nesterov) {
    const surface = getSurface(t.surface);
    const beta = createOptimizer('nesterov', t.options).options.beta;
    const run = descend(surface, createOptimizer('nesterov', t.options), t.start, { steps: t.path.length - 1 });
    const updates = Math.min(run.path.length - 1, 20);
    for (let k = 1; k < updates; k++) {
      const [x, previous] = [t.path[k], t.path[k - 1]];
      const r = run.record(k);
      for (let i = 0; i < 2; i++) {
        const expected = x[i] + beta * (x[i] - previous[i]);
        assert.ok(Math.abs(r.gradientAt[i] - expected) <= 1e-9 * Math.max(1, Math.abs(expected)), `${t.surface} update ${k}: ${r.gradientAt[i]} vs ${expected}`);
      }
      // And the gradient it used is the surface's gradient there.
      const g = new Float64Array(2);
      surface.evaluate(Float64Array.from(r.gradientAt), g);
      assert.deepEqual(Array.from(r.gradient), Array.from(g));
    }
  }
});
