/**
 * The parts of a recorded update the core works out for formulas and figures
 * (core/update-terms.ts): Adam's bias correction, the effective rate, and the step split
 * into its momentum term and its gradient term. Small cases worked out by hand, and on
 * every rule the two terms adding up to the recorded step x_{k+1} - x_k.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  OPTIMIZER_NAMES,
  averageWeight,
  biasCorrectedMoments,
  biasCorrection,
  createOptimizer,
  descend,
  getSurface,
  gradientTerm,
  gradientWeight,
  parseCurve,
  resolveOptimizerOptions,
  stepTerms,
  type OptimizerName,
  type OptimizerOptions,
} from '../../src/core/index.js';

const square = parseCurve('x^2'); // f(x) = x^2, f'(x) = 2x
const close = (actual: number, expected: number, what: string, tolerance = 1e-12) =>
  assert.ok(Math.abs(actual - expected) <= tolerance * Math.max(1, Math.abs(expected)), `${what}: ${actual} vs ${expected}`);

test('averageWeight is 1 - beta; biasCorrection is 1 - beta^t', () => {
  close(averageWeight(0.9), 0.1, '1 - 0.9');
  assert.equal(averageWeight(0), 1);
  close(biasCorrection(0.9, 1), 0.1, '1 - 0.9');
  close(biasCorrection(0.9, 2), 0.19, '1 - 0.81');
  close(biasCorrection(0.999, 2), 0.001999, '1 - 0.998001');
});

test("Adam on x^2 (lr 0.1, beta1 0.9, beta2 0.999) from 1: mhat and vhat of updates 0 and 1 by hand", () => {
  const options = resolveOptimizerOptions({ lr: 0.1 });
  const run = descend(square, createOptimizer('adam', options), [1], { steps: 2 });
  // k = 0: g = 2;  m_1 = 0.1 * 2 = 0.2;  v_1 = 0.001 * 4 = 0.004;  mhat = 0.2 / 0.1 = 2;  vhat = 0.004 / 0.001 = 4.
  const first = biasCorrectedMoments(options, run.record(0));
  close(first.firstMoment[0], 2, 'mhat_1');
  close(first.secondMoment[0], 4, 'vhat_1');
  // x_1 = 1 - 0.1 * 2 / (2 + 1e-8) = 0.9 (to 1e-9); g = 1.8;
  // m_2 = 0.9 * 0.2 + 0.1 * 1.8 = 0.36;  v_2 = 0.999 * 0.004 + 0.001 * 3.24 = 0.007236;
  // mhat = 0.36 / 0.19;  vhat = 0.007236 / 0.001999.
  const second = biasCorrectedMoments(options, run.record(1));
  close(second.firstMoment[0], 0.36 / 0.19, 'mhat_2', 1e-8);
  close(second.secondMoment[0], 0.007236 / 0.001999, 'vhat_2', 1e-8);
  // Its step: momentum term -0.1 * 0.9 * 0.2 / 0.19 / sqrt(vhat), gradient term -0.1 * 0.1 * 1.8 / 0.19 / sqrt(vhat).
  const terms = stepTerms('adam', options, run.record(1));
  const d = Math.sqrt(0.007236 / 0.001999);
  close(terms.momentum[0], (-0.1 * 0.9 * 0.2) / 0.19 / d, 'momentum term', 1e-8);
  close(terms.gradient[0], (-0.1 * 0.1 * 1.8) / 0.19 / d, 'gradient term', 1e-8);
});

test('classical momentum on x^2 (lr 0.1, beta 0.9) from 1: update 1 is beta v_1 plus -lr g_1', () => {
  const options = resolveOptimizerOptions({ lr: 0.1, beta: 0.9 });
  const run = descend(square, createOptimizer('momentum', options), [1], { steps: 2 });
  // k = 0: v_1 = -0.1 * 2 = -0.2, x_1 = 0.8.  k = 1: g = 1.6; beta v_1 = -0.18, -lr g = -0.16; x_2 = 0.46.
  const terms = stepTerms('momentum', options, run.record(1));
  close(terms.momentum[0], -0.18, 'beta v_1');
  close(terms.gradient[0], -0.16, '-lr g_1');
  close(run.path[2][0], 0.46, 'x_2');
  assert.equal(gradientWeight('momentum', options), 0.1);
});

test('momentum as a moving average (lr 0.1, beta 0.9) on x^2 from 1: -lr beta v_1 plus -lr (1 - beta) g_1; its effective rate 0.01', () => {
  const options = resolveOptimizerOptions({ lr: 0.1, beta: 0.9, ema: true });
  const run = descend(square, createOptimizer('momentum', options), [1], { steps: 2 });
  // k = 0: v_1 = 0.1 * 2 = 0.2, x_1 = 1 - 0.1 * 0.2 = 0.98.
  // k = 1: g = 1.96; -lr beta v_1 = -0.018; -lr (1 - beta) g = -0.0196; x_2 = 0.98 - 0.0376 = 0.9424.
  const terms = stepTerms('momentum', options, run.record(1));
  close(terms.momentum[0], -0.018, '-lr beta v_1');
  close(terms.gradient[0], -0.0196, '-lr (1 - beta) g_1');
  close(run.path[2][0], 0.9424, 'x_2');
  close(gradientWeight('momentum', options)!, 0.01, 'lr (1 - beta)');
});

test("Nesterov on x^2 (lr 0.1, beta 0.9) from 1: the momentum term ends at the look-ahead; the gradient at x_k's term is -lr f'(x_k)", () => {
  const options = resolveOptimizerOptions({ lr: 0.1, beta: 0.9 });
  const run = descend(square, createOptimizer('nesterov', options), [1], { steps: 2 });
  // k = 0: v_1 = -0.2, x_1 = 0.8.  k = 1: look-ahead 0.8 + 0.9 * (-0.2) = 0.62, g = 1.24;
  // beta v_1 = -0.18, -lr g = -0.124, x_2 = 0.8 - 0.304 = 0.496; at x_1: -lr f'(0.8) = -0.16.
  const r1 = run.record(1);
  const terms = stepTerms('nesterov', options, r1);
  close(r1.x[0] + terms.momentum[0], r1.gradientAt[0], 'x_1 + beta v_1 is the look-ahead');
  close(terms.momentum[0], -0.18, 'beta v_1');
  close(terms.gradient[0], -0.124, '-lr g at the look-ahead');
  close(run.path[2][0], 0.496, 'x_2');
  close(gradientTerm('nesterov', options, r1, r1.gradientAtX)[0], -0.16, "-lr f'(x_1)");
});

test('RMSprop and AdaGrad: no momentum term; the gradient term is the whole step', () => {
  // RMSprop (lr 0.1, beta 0.9) from 1: g = 2, s_1 = 0.1 * 4 = 0.4, step = -0.1 * 2 / (sqrt(0.4) + 1e-8).
  const rms = resolveOptimizerOptions({ lr: 0.1, beta: 0.9 });
  const r = stepTerms('rmsprop', rms, descend(square, createOptimizer('rmsprop', rms), [1], { steps: 1 }).record(0));
  assert.equal(r.momentum[0], 0);
  close(r.gradient[0], -0.2 / (Math.sqrt(0.4) + 1e-8), 'rmsprop step');
  // AdaGrad (lr 0.1) from 1: G_1 = 4, step = -0.1 * 2 / (2 + 1e-8).
  const ada = resolveOptimizerOptions({ lr: 0.1 });
  const a = stepTerms('adagrad', ada, descend(square, createOptimizer('adagrad', ada), [1], { steps: 1 }).record(0));
  assert.equal(a.momentum[0], 0);
  close(a.gradient[0], -0.2 / (2 + 1e-8), 'adagrad step');
  assert.equal(gradientWeight('rmsprop', rms), null);
  assert.equal(gradientWeight('adam', ada), null);
});

test('on every rule, with and without clipping and the moving average, the two terms add up to x_{k+1} - x_k', () => {
  const cases: { name: OptimizerName; options: OptimizerOptions }[] = [
    ...OPTIMIZER_NAMES.map((name) => ({ name, options: { lr: name === 'gd' || name === 'momentum' || name === 'nesterov' ? 1e-3 : 0.02 } })),
    { name: 'momentum', options: { lr: 0.01, beta: 0.8, ema: true } },
    { name: 'momentum', options: { lr: 1e-3, beta: 0.95, clip: 5 } },
    { name: 'nesterov', options: { lr: 1e-3, beta: 0.95, clip: 5 } },
    { name: 'rmsprop', options: { lr: 0.01, beta: 0.5, clip: 3 } },
    { name: 'adam', options: { lr: 0.02, beta1: 0.8, beta2: 0.99, eps: 1e-6, clip: 50 } },
    { name: 'adagrad', options: { lr: 0.5, clip: 10 } },
  ];
  for (const { name, options } of cases) {
    const resolved = resolveOptimizerOptions(options);
    const run = descend(getSurface('rosenbrock'), createOptimizer(name, resolved), [-1.2, 1], { steps: 60 });
    assert.ok(run.path.length > 50, `${name} ran`);
    for (let k = 0; k < run.path.length - 1; k++) {
      const r = run.record(k);
      const terms = stepTerms(name, resolved, r);
      for (let i = 0; i < 2; i++) {
        const step = r.next[i] - r.x[i];
        const sum = terms.momentum[i] + terms.gradient[i];
        assert.ok(Math.abs(sum - step) <= 1e-12 * Math.max(1, Math.abs(r.x[i])), `${name} ${JSON.stringify(options)} k=${k} i=${i}: ${sum} vs ${step}`);
      }
    }
  }
});
