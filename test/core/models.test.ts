/** models: losses and gradients by hand and against finite differences, accuracy, predict. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  LOSS_NAMES,
  createModel,
  createRandom,
  makeDataset,
  type Dataset,
  type LossName,
  type Model,
} from '../../src/core/index.js';

/** A hand-made data set. */
function data(task: Dataset['task'], d: number, x: number[], y: number[], classes = task === 'multiclass' ? 3 : task === 'binary' ? 2 : 1): Dataset {
  return {
    name: task === 'regression' ? 'linear' : task === 'binary' ? 'logistic' : 'iris',
    task,
    n: y.length,
    d,
    x: Float64Array.from(x),
    y: Float64Array.from(y),
    classes,
    featureNames: Array.from({ length: d }, (_, j) => `x${j + 1}`),
    classNames: task === 'regression' ? [] : Array.from({ length: classes }, (_, k) => String(k)),
  };
}

function evaluate(model: Model, params: number[], indices?: number[]): { value: number; grad: number[] } {
  const grad = new Float64Array(model.dim);
  const value = model.objective(indices).evaluate(Float64Array.from(params), grad);
  return { value, grad: [...grad] };
}

function close(actual: number, expected: number, tol: number, what = ''): void {
  assert.ok(Math.abs(actual - expected) <= tol, `${what} ${actual} vs ${expected}`);
}

function closeAll(actual: readonly number[], expected: readonly number[], tol: number, what = ''): void {
  assert.equal(actual.length, expected.length, what);
  actual.forEach((a, k) => close(a, expected[k], tol, `${what}[${k}]`));
}

// Two points x = (1, 2), y = (1, 3), at w = 0.5, b = 0: yhat = (0.5, 1), r = (-0.5, -2).
const twoPoints = data('regression', 1, [1, 2], [1, 3]);

test('LOSS_NAMES lists the four losses', () => {
  assert.deepEqual([...LOSS_NAMES], ['mse', 'mae', 'bce', 'cce']);
});

test('MSE of two points by hand: (0.25 + 4) / 2, gradient (2/2) sum r (x, 1)', () => {
  const model = createModel(twoPoints);
  assert.equal(model.kind, 'linear');
  assert.equal(model.loss, 'mse');
  assert.equal(model.dim, 2);
  const { value, grad } = evaluate(model, [0.5, 0]);
  assert.equal(value, 2.125);
  // dL/dw = (2/2)(-0.5 * 1 + -2 * 2) = -4.5, dL/db = (2/2)(-0.5 - 2) = -2.5
  assert.deepEqual(grad, [-4.5, -2.5]);
  assert.equal(model.fullLoss([0.5, 0]), 2.125);
  assert.ok(Number.isNaN(model.accuracy([0.5, 0])));
});

test('MAE of two points by hand: (0.5 + 2) / 2, subgradient sign(r), and 0 at r = 0', () => {
  const model = createModel(twoPoints, 'mae');
  const { value, grad } = evaluate(model, [0.5, 0]);
  assert.equal(value, 1.25);
  // sign(r) = (-1, -1): dL/dw = (-1 - 2) / 2, dL/db = (-1 - 1) / 2
  assert.deepEqual(grad, [-1.5, -1]);
  // w = 1, b = 0 fits the first point exactly: its residual contributes 0, the second (r = -1) -1.
  const atKink = evaluate(model, [1, 0]);
  assert.equal(atKink.value, 0.5);
  assert.deepEqual(atKink.grad, [-1, -0.5]);
});

test('BCE at zero parameters is ln 2, with gradient mean (1/2 - y) (x, 1)', () => {
  const ds = data('binary', 2, [1, 2, -1, 0, 3, -2], [1, 0, 1]);
  const model = createModel(ds);
  assert.equal(model.kind, 'logistic');
  assert.equal(model.loss, 'bce');
  assert.equal(model.dim, 3);
  const { value, grad } = evaluate(model, [0, 0, 0]);
  close(value, Math.LN2, 1e-15);
  // (1/2 - y) = (-1/2, 1/2, -1/2); mean of (1/2 - y) x and of (1/2 - y):
  closeAll(grad, [(-0.5 * 1 + 0.5 * -1 + -0.5 * 3) / 3, (-0.5 * 2 + 0 + -0.5 * -2) / 3, -0.5 / 3], 1e-15);
});

test('BCE of one point by hand: x = 1, y = 1, w = 1: ln(1 + e^-1), gradient sigma(1) - 1', () => {
  const model = createModel(data('binary', 1, [1], [1]));
  const { value, grad } = evaluate(model, [1, 0]);
  close(value, Math.log(1 + Math.exp(-1)), 1e-15);
  const s = 1 / (1 + Math.exp(-1));
  closeAll(grad, [s - 1, s - 1], 1e-15);
  // P(y = 1 | x = 1) = sigma(1) = 0.7311.
  closeAll([...model.predict([1, 0], [1])], [s], 1e-15);
});

test('BCE stays finite for huge logits: loss z when y = 0 and z = 1000', () => {
  const model = createModel(data('binary', 1, [1], [0]));
  const { value, grad } = evaluate(model, [1000, 0]);
  assert.equal(value, 1000);
  assert.deepEqual(grad, [1, 1]);
  assert.equal(evaluate(model, [-1000, 0]).value, 0);
});

test('CCE at zero parameters is ln 3, with gradient mean (1/3 - [k = y]) (x, 1)', () => {
  const ds = data('multiclass', 2, [1, 2, -1, 0], [0, 2]);
  const model = createModel(ds);
  assert.equal(model.kind, 'softmax');
  assert.equal(model.loss, 'cce');
  assert.equal(model.dim, 9);
  const { value, grad } = evaluate(model, new Array(9).fill(0));
  close(value, Math.log(3), 1e-15);
  // Rows [w_k1, w_k2, b_k]. Example 1 (x = (1, 2), y = 0), example 2 (x = (-1, 0), y = 2).
  const g = (k: number) => [0, 1].map((e) => 1 / 3 - ([0, 2][e] === k ? 1 : 0));
  const expected: number[] = [];
  for (let k = 0; k < 3; k++) {
    const [g1, g2] = g(k);
    expected.push((g1 * 1 + g2 * -1) / 2, (g1 * 2 + g2 * 0) / 2, (g1 + g2) / 2);
  }
  closeAll(grad, expected, 1e-15);
});

test('CCE by hand with a bias per class: z = (ln 1, ln 2, ln 5) gives p = (1/8, 2/8, 5/8)', () => {
  const model = createModel(data('multiclass', 1, [0], [1]));
  const params = [0, 0, 0, Math.log(2), 0, Math.log(5)];
  const { value, grad } = evaluate(model, params);
  close(value, -Math.log(2 / 8), 1e-14);
  // x = 0: weight gradients 0; bias gradients p - onehot(1).
  closeAll(grad, [0, 1 / 8, 0, 2 / 8 - 1, 0, 5 / 8], 1e-15);
  closeAll([...model.predict(params, [0])], [1 / 8, 2 / 8, 5 / 8], 1e-15);
  // Huge logits stay finite (log-sum-exp shifts by the largest).
  const huge = evaluate(model, [0, 1000, 0, 0, 0, 2000]);
  close(huge.value, 2000, 1e-9);
  assert.ok(huge.grad.every(Number.isFinite));
});

test('parameter layout: softmax row k = [w_k1..w_kd, b_k], class-major', () => {
  const model = createModel(makeDataset('iris'));
  assert.equal(model.dim, 15);
  const p = new Float64Array(15);
  p[2 * 5 + 4] = 10; // b_3 (virginica)
  const probs = model.predict(p, [0, 0, 0, 0]);
  assert.ok(probs[2] > 0.99);
  p.fill(0);
  p[1 * 5 + 2] = 1; // w_2,3: versicolor grows with petal length
  const probs2 = model.predict(p, [0, 0, 3, 0]);
  assert.ok(probs2[1] > probs2[0] && probs2[1] > probs2[2]);
  // Linear: [w_1..w_d, b].
  const lin = createModel(makeDataset('linear', { features: 2 }));
  assert.deepEqual([...lin.predict([2, 3, 1], [10, 100])], [2 * 10 + 3 * 100 + 1]);
});

/** Central differences (f(x + h e_k) - f(x - h e_k)) / 2h of the objective's value. */
function numericGradient(model: Model, params: Float64Array, indices?: number[]): number[] {
  const f = model.objective(indices);
  const scratch = new Float64Array(model.dim);
  const h = 1e-6;
  return Array.from(params, (_, k) => {
    const p = Float64Array.from(params);
    p[k] += h;
    const up = f.evaluate(p, scratch);
    p[k] -= 2 * h;
    const down = f.evaluate(p, scratch);
    return (up - down) / (2 * h);
  });
}

test('every loss: the gradient matches central finite differences', () => {
  const cases: [Dataset, LossName][] = [
    [makeDataset('linear', { samples: 12, features: 3, seed: 1 }), 'mse'],
    [makeDataset('linear', { samples: 12, features: 3, seed: 1 }), 'mae'],
    [makeDataset('logistic', { samples: 12, noise: 2, seed: 2 }), 'bce'],
    [makeDataset('iris'), 'cce'],
  ];
  const random = createRandom(5);
  for (const [ds, loss] of cases) {
    const model = createModel(ds, loss);
    for (let trial = 0; trial < 3; trial++) {
      const params = Float64Array.from({ length: model.dim }, () => random.normal());
      for (const indices of [undefined, [0, 3, 5, 7]]) {
        const grad = new Float64Array(model.dim);
        model.objective(indices).evaluate(params, grad);
        const numeric = numericGradient(model, params, indices);
        for (let k = 0; k < model.dim; k++) {
          const scale = Math.max(1, Math.abs(numeric[k]));
          assert.ok(Math.abs(grad[k] - numeric[k]) < 1e-6 * scale, `${loss} [${k}]: ${grad[k]} vs ${numeric[k]}`);
        }
      }
    }
  }
});

test('a batch gradient is the mean of the per-example gradients', () => {
  for (const [ds, loss] of [
    [makeDataset('linear', { samples: 10 }), 'mse'],
    [makeDataset('logistic', { samples: 10 }), 'bce'],
    [makeDataset('iris'), 'cce'],
  ] as const) {
    const model = createModel(ds, loss);
    const params = Array.from({ length: model.dim }, (_, k) => 0.1 * (k - 2));
    const batch = [4, 1, 7];
    const whole = evaluate(model, params, batch);
    const parts = batch.map((i) => evaluate(model, params, [i]));
    close(whole.value, mean(parts.map((p) => p.value)), 1e-14, loss);
    closeAll(whole.grad, whole.grad.map((_, k) => mean(parts.map((p) => p.grad[k]))), 1e-14, loss);
    // All examples when no indices: the same as listing them.
    const all = Array.from({ length: ds.n }, (_, i) => i);
    closeAll(evaluate(model, params).grad, evaluate(model, params, all).grad, 1e-14, loss);
    close(model.fullLoss(params), evaluate(model, params).value, 1e-14, loss);
  }
});

function mean(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

test('accuracy on tiny sets: logistic by the sign of z, softmax by the largest logit', () => {
  const bin = createModel(data('binary', 1, [-2, -1, 1, 2], [0, 0, 1, 0]));
  assert.equal(bin.accuracy([1, 0]), 0.75); // predicts 0, 0, 1, 1
  assert.equal(bin.accuracy([-1, 0]), 0.25);
  assert.equal(bin.accuracy([0, 0]), 0.75); // z = 0 is class 0
  const multi = createModel(data('multiclass', 1, [-1, 0, 1], [0, 1, 2]));
  // z = (-x, 0, x) + biases (0, 0.5, 0): argmax (0, 1, 2)
  assert.equal(multi.accuracy([-1, 0, 0, 0.5, 1, 0]), 1);
  assert.equal(multi.accuracy(new Float64Array(6)), 1 / 3); // ties go to class 0
});

test('predictClass: logistic by the sign of z, softmax by the largest logit (first on ties), NaN for regression', () => {
  const bin = createModel(data('binary', 2, [0, 0], [0]));
  // z = x1 + x2 + 0: (1, -2) gives -1, class 0; (2, -1) gives 1, class 1; (1, -1) gives 0, class 0.
  assert.equal(bin.predictClass([1, 1, 0], [1, -2]), 0);
  assert.equal(bin.predictClass([1, 1, 0], [2, -1]), 1);
  assert.equal(bin.predictClass([1, 1, 0], [1, -1]), 0);
  const iris = createModel(makeDataset('iris'));
  // Weights on petal length only: z = (-z3, 0, z3).
  const p = new Float64Array(15);
  p[0 * 5 + 2] = -1;
  p[2 * 5 + 2] = 1;
  assert.equal(iris.predictClass(p, [0, 0, 1, 0]), 2);
  assert.equal(iris.predictClass(p, [0, 0, -1, 0]), 0);
  assert.equal(iris.predictClass(p, [0, 0, 0, 0]), 0); // (0, 0, 0): a tie goes to class 0
  p[1 * 5 + 4] = 0.5; // class 1's bias
  assert.equal(iris.predictClass(p, [0, 0, 0.25, 0]), 1); // z = (-0.25, 0.5, 0.25)
  assert.ok(Number.isNaN(createModel(makeDataset('linear')).predictClass([1, 0], [1])));
  assert.throws(() => iris.predictClass(p, [0, 0]), /2 features given, the model takes 4/);
  // accuracy is the share of examples whose predicted class is their label.
  const trained = Float64Array.from({ length: 15 }, (_, i) => Math.sin(i));
  const ds = iris.dataset;
  let right = 0;
  for (let i = 0; i < ds.n; i++) if (iris.predictClass(trained, ds.x.subarray(i * 4, i * 4 + 4)) === ds.y[i]) right++;
  assert.equal(iris.accuracy(trained), right / ds.n);
});

test('a loss that does not fit the task is refused with a clear RangeError', () => {
  assert.throws(() => createModel(makeDataset('linear'), 'bce'), /loss 'bce' does not fit regression on 'linear' \(use mse or mae\)/);
  assert.throws(() => createModel(makeDataset('logistic'), 'mse'), /does not fit binary .* \(use bce\)/);
  assert.throws(() => createModel(makeDataset('iris'), 'bce'), RangeError);
  assert.throws(() => createModel(makeDataset('iris'), 'hinge' as never), /unknown loss 'hinge'/);
  assert.equal(createModel(makeDataset('logistic')).loss, 'bce');
  assert.equal(createModel(makeDataset('iris')).loss, 'cce');
});

test('bad indices and parameter counts are refused', () => {
  const model = createModel(twoPoints);
  assert.throws(() => model.objective([]), RangeError);
  assert.throws(() => model.objective([2]), RangeError);
  assert.throws(() => model.objective([0.5]), RangeError);
  assert.throws(() => model.fullLoss([1, 2, 3]), RangeError);
  assert.throws(() => model.predict([1, 2], [1, 2]), RangeError);
});

test('initialParams are zeros; objective indices are copied; evaluate is repeatable', () => {
  const model = createModel(makeDataset('iris'));
  assert.deepEqual([...model.initialParams()], new Array(15).fill(0));
  const indices = [0, 60, 120];
  const f = model.objective(indices);
  indices[0] = 149;
  const params = Float64Array.from({ length: 15 }, (_, k) => Math.sin(k));
  const g1 = new Float64Array(15);
  const g2 = new Float64Array(15).fill(7); // stale values are overwritten, not added to
  const v1 = f.evaluate(params, g1);
  const v2 = f.evaluate(params, g2);
  assert.equal(v1, v2);
  assert.deepEqual([...g1], [...g2]);
  close(v1, evaluate(model, [...params], [0, 60, 120]).value, 0);
});

test('batchObjective selects a slice of an index array without copying', () => {
  const model = createModel(makeDataset('logistic', { samples: 10 }));
  const bo = model.batchObjective();
  assert.equal(bo.size, 10);
  const order = Int32Array.from([9, 8, 7, 6, 5]);
  bo.select(order, 1, 4);
  assert.equal(bo.size, 3);
  const params = Float64Array.of(0.3, -0.2, 0.1);
  const g = new Float64Array(3);
  const v = bo.evaluate(params, g);
  const expected = evaluate(model, [...params], [8, 7, 6]);
  close(v, expected.value, 1e-15);
  closeAll([...g], expected.grad, 1e-15);
  bo.select(null);
  close(bo.evaluate(params, g), model.fullLoss(params), 1e-15);
});
