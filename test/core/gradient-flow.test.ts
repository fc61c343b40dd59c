/** Vanishing and exploding gradients, measured (src/core/gradient-flow.ts). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  FLOW_THRESHOLD,
  clipFactor,
  createNetworkModel,
  flowVerdict,
  layerErrorNorms,
  layerGradientNorms,
  layerWeightChanges,
  makeDataset,
  type NetworkSpec,
} from '../../src/core/index.js';

test('by hand: a 1-1-1 chain passes its error back times w2 sigma\'(z1)', () => {
  // w1 = 2, b1 = 0, w2 = 3, b2 = 0, sigmoid hidden, linear output, x = 0, y = 1:
  // yhat = 3 sigma(0) = 1.5, delta2 = 2 (1.5 - 1) = 1, delta1 = sigma'(0) 3 delta2 = 0.75.
  const spec: NetworkSpec = { sizes: [1, 1, 1], activation: 'sigmoid', output: 'linear' };
  assert.deepEqual(layerErrorNorms(spec, [2, 0, 3, 0], [[0]], [1]), [0.75, 1]);
  // Two examples: the root mean square. x = 0 twice, targets 1 and 2: delta2 = 1 and -1.
  const two = layerErrorNorms(spec, [2, 0, 3, 0], [[0], [0]], [1, 2]);
  assert.ok(Math.abs(two[1] - 1) < 1e-15 && Math.abs(two[0] - 0.75) < 1e-15, String(two));
  assert.throws(() => layerErrorNorms(spec, [2, 0, 3, 0], [], []), RangeError);
});

test('the verdict: below 1/100 vanishing, above 100 exploding', () => {
  assert.equal(FLOW_THRESHOLD, 100);
  assert.equal(flowVerdict(0.009), 'vanishing');
  assert.equal(flowVerdict(0.01), 'stable');
  assert.equal(flowVerdict(100), 'stable');
  assert.equal(flowVerdict(101), 'exploding');
  assert.equal(flowVerdict(NaN), 'stable');
});

test('each layer\'s relative change of weights, biases left out', () => {
  const spec: NetworkSpec = { sizes: [1, 2, 1], activation: 'tanh', output: 'linear' };
  // W1 = [3, 4] (norm 5), b1, W2 = [1, 0], b2.
  const before = [3, 4, 9, 9, 1, 0, 9];
  const after = [3, 4.5, 0, 0, 1, 2, 0];
  assert.deepEqual(layerWeightChanges(spec, before, after), [0.1, 2]);
  assert.deepEqual(layerWeightChanges(spec, [0, 0, 0, 0, 0, 0, 0], [0, 1, 0, 0, 0, 0, 0]), [Infinity, 0]);
});

test('clipping scales a longer gradient down to the clip, and leaves a shorter one', () => {
  assert.equal(clipFactor(10, 1), 0.1);
  assert.equal(clipFactor(0.5, 1), 1);
  assert.equal(clipFactor(Infinity, 1), 1);
  assert.equal(clipFactor(3, Infinity), 1);
});

/** Ten hidden layers of 8 on the circle: the first layer's error over the last's, and the same for the weight gradients. */
function ratios(activation: 'sigmoid' | 'relu' | 'tanh', init: 'xavier' | 'he' | 'normal', scale: number, seed: number) {
  const data = makeDataset('circle', { samples: 100, seed });
  const model = createNetworkModel(data, { hidden: Array(10).fill(8), activation, init, initScale: scale, seed });
  const params = model.initialParams();
  const inputs = Array.from({ length: data.n }, (_, i) => data.x.subarray(2 * i, 2 * i + 2));
  const errors = layerErrorNorms(model.spec, params, inputs, Array.from(data.y));
  const grad = new Float64Array(model.dim);
  model.objective().evaluate(params, grad);
  const weights = layerGradientNorms(model.spec, grad);
  return { errors: errors[0] / errors[errors.length - 1], weights: weights[0] / weights[weights.length - 1], norm: Math.hypot(...weights) };
}

for (const seed of [1, 2, 3, 4, 5]) {
  test(`seed ${seed}: sigmoid with Xavier vanishes, ReLU with He does not, ReLU with N(0, 9) explodes`, () => {
    const sigmoid = ratios('sigmoid', 'xavier', 1, seed);
    assert.equal(flowVerdict(sigmoid.errors), 'vanishing', String(sigmoid.errors));
    assert.ok(sigmoid.weights < 1 / FLOW_THRESHOLD, `weights ${sigmoid.weights}`);
    const he = ratios('relu', 'he', 1, seed);
    assert.ok(he.errors > 0.1 && he.errors < 10, `errors ${he.errors}`);
    assert.ok(he.weights > 0.1 && he.weights < 10, `weights ${he.weights}`);
    const big = ratios('relu', 'normal', 3, seed);
    assert.equal(flowVerdict(big.errors), 'exploding', String(big.errors));
    // Why the verdict reads the errors: the activations grow forward as the errors grow
    // back, so the weight gradients' ratio stays near 1 while every one is huge.
    assert.ok(big.weights > 0.1 && big.weights < 10, `weights ${big.weights}`);
    assert.ok(big.norm > 1e5, `global norm ${big.norm}`);
  });
}
