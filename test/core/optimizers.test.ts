/** Update rules on small cases that can be checked by hand. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createOptimizer, getSurface, resolveOptimizerOptions, OPTIMIZER_NAMES, type Objective } from '../../src/core/index.js';

const bowl = getSurface('bowl');

test('three gd steps on the bowl follow the closed form x_k = (1 - 2 lr)^k x_0', () => {
  // grad of x^2 + y^2 is 2x, so x <- x - lr 2x = (1 - 2 lr) x.
  const lr = 0.1;
  const opt = createOptimizer('gd', { lr });
  const x = Float64Array.of(2, -1);
  for (let k = 1; k <= 3; k++) {
    opt.step(x, bowl);
    assert.ok(Math.abs(x[0] - 2 * 0.8 ** k) < 1e-15, `x at ${k}: ${x[0]}`);
    assert.ok(Math.abs(x[1] + 0.8 ** k) < 1e-15, `y at ${k}: ${x[1]}`);
  }
  assert.ok(Math.abs(x[0] - 1.024) < 1e-15 && Math.abs(x[1] + 0.512) < 1e-15);
});

test('step returns the value before the update', () => {
  const opt = createOptimizer('gd', { lr: 0.1 });
  const x = Float64Array.of(1, 2);
  assert.equal(opt.step(x, bowl), 5);
  assert.equal(createOptimizer('nesterov', { lr: 0.1 }).step(Float64Array.of(3, 4), bowl), 25);
});

test("Adam's first step moves each coordinate by about lr against the gradient's sign", () => {
  // t = 1: mhat = g, vhat = g^2, so the step is lr g / (|g| + eps) ~ lr sign(g), whatever |g|.
  const lr = 0.05;
  const opt = createOptimizer('adam', { lr });
  const ravine = getSurface('ravine');
  const x = Float64Array.of(3, -0.001);
  opt.step(x, ravine); // grad = (3, -0.02)
  // Exactly lr |g| / (|g| + eps): within lr eps / |g| of lr.
  assert.ok(Math.abs(x[0] - (3 - lr)) < 1e-9, `x moved to ${x[0]}`);
  assert.ok(Math.abs(x[1] - (-0.001 + lr)) < 1e-7, `y moved to ${x[1]}`);
  assert.ok(Math.abs(x[1] - (-0.001 + lr * (0.02 / (0.02 + 1e-8)))) < 1e-15);
});

test('EMA momentum equals classical momentum with lr (1 - beta)', () => {
  // v_ema = -v_classical / (lr (1 - beta)) turns one rule into the other, from v = 0.
  const rosenbrock = getSurface('rosenbrock');
  const lr = 0.002;
  const beta = 0.8;
  const ema = createOptimizer('momentum', { lr, beta, ema: true });
  const classical = createOptimizer('momentum', { lr: lr * (1 - beta), beta });
  const a = Float64Array.of(-1.2, 1);
  const b = Float64Array.of(-1.2, 1);
  for (let k = 0; k < 100; k++) {
    ema.step(a, rosenbrock);
    classical.step(b, rosenbrock);
  }
  assert.ok(Math.abs(a[0] - b[0]) < 1e-12 && Math.abs(a[1] - b[1]) < 1e-12, `${a} vs ${b}`);
  assert.ok(a[0] !== -1.2, 'the runs moved');
});

test('clipping caps the gradient norm an update uses', () => {
  // At (3, 4) the bowl's gradient is (6, 8), norm 10; clipped to norm 1 it is (0.6, 0.8).
  const opt = createOptimizer('gd', { lr: 1, clip: 1 });
  const x = Float64Array.of(3, 4);
  opt.step(x, bowl);
  assert.ok(Math.abs(x[0] - 2.4) < 1e-15 && Math.abs(x[1] - 3.2) < 1e-15, `${x}`);
  assert.deepEqual(Array.from(opt.state.gradient).map((v) => +v.toFixed(12)), [0.6, 0.8]);
  // A gradient shorter than the cap is left alone.
  const loose = createOptimizer('gd', { lr: 0.5, clip: 100 });
  const y = Float64Array.of(3, 4);
  loose.step(y, bowl);
  assert.deepEqual([...y], [0, 0]);
});

test('momentum accumulates velocity: v1 = -lr g, v2 = beta v1 - lr g', () => {
  // A constant gradient (1, -2): the objective f = x - 2y.
  const plane: Objective = {
    dim: 2,
    evaluate(x, g) {
      g[0] = 1;
      g[1] = -2;
      return x[0] - 2 * x[1];
    },
  };
  const opt = createOptimizer('momentum', { lr: 0.1, beta: 0.5 });
  const x = Float64Array.of(0, 0);
  opt.step(x, plane);
  assert.deepEqual(Array.from(opt.state.velocity!).map((v) => +v.toFixed(12)), [-0.1, 0.2]);
  opt.step(x, plane);
  assert.deepEqual(Array.from(opt.state.velocity!).map((v) => +v.toFixed(12)), [-0.15, 0.3]);
  assert.deepEqual([...x].map((v) => +v.toFixed(12)), [-0.25, 0.5]);
});

test('Nesterov takes its gradient at the look-ahead point x + beta v', () => {
  const opt = createOptimizer('nesterov', { lr: 0.1, beta: 0.9 });
  const x = Float64Array.of(2, 1);
  opt.step(x, bowl); // v = 0: look-ahead is x itself; v1 = -0.1 (4, 2) = (-0.4, -0.2); x1 = (1.6, 0.8)
  assert.deepEqual(Array.from(opt.state.gradientPoint), [2, 1]);
  const ahead = opt.gradientPoint(x);
  assert.ok(Math.abs(ahead[0] - (1.6 - 0.36)) < 1e-12 && Math.abs(ahead[1] - (0.8 - 0.18)) < 1e-12, `${ahead}`);
  opt.step(x, bowl);
  assert.ok(Math.abs(opt.state.gradient[0] - 2 * 1.24) < 1e-12, 'gradient taken at the look-ahead point');
  assert.equal(opt.looksAhead, true);
  assert.equal(createOptimizer('momentum').looksAhead, false);
});

test('state is exposed for drawing and cleared by reset', () => {
  const adam = createOptimizer('adam', { lr: 0.1 });
  const x = Float64Array.of(1, 1);
  adam.step(x, bowl);
  assert.equal(adam.state.updates, 1);
  assert.ok(adam.state.firstMoment![0] > 0 && adam.state.secondMoment![0] > 0);
  assert.equal(adam.state.velocity, null);
  adam.reset();
  assert.equal(adam.state.updates, 0);
  assert.deepEqual(Array.from(adam.state.firstMoment!), [0, 0]);
  const rms = createOptimizer('rmsprop');
  assert.equal(rms.state.firstMoment, null);
  assert.notEqual(rms.state.secondMoment, null);
});

test('defaults are the design\'s and bad options are refused with their name', () => {
  const o = resolveOptimizerOptions();
  assert.deepEqual(
    { beta: o.beta, beta1: o.beta1, beta2: o.beta2, eps: o.eps, ema: o.ema, clip: o.clip },
    { beta: 0.9, beta1: 0.9, beta2: 0.999, eps: 1e-8, ema: false, clip: Infinity },
  );
  assert.throws(() => createOptimizer('gd', { lr: -1 }), /lr/);
  assert.throws(() => createOptimizer('gd', { lr: NaN }), /lr/);
  assert.throws(() => createOptimizer('momentum', { beta: 1 }), /beta/);
  assert.throws(() => createOptimizer('adam', { beta2: -0.1 }), /beta2/);
  assert.throws(() => createOptimizer('sgd' as never), /unknown optimizer 'sgd'/);
  assert.deepEqual([...OPTIMIZER_NAMES], ['gd', 'momentum', 'nesterov', 'rmsprop', 'adam', 'adagrad']);
});
