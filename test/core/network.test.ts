/**
 * network: passes, losses, gradients and training paths against PyTorch
 * (test/reference/networks.json, the project's copy of shared/reference's) to 1e-9
 * relative error; gradients against finite differences; small cases by hand; layout;
 * initialisation; the network as a Model.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  ACTIVATION_NAMES,
  INIT_NAMES,
  Trainer,
  activationSlope,
  biasIndex,
  createNetworkModel,
  createOptimizer,
  createRandom,
  descend,
  forwardBackward,
  initialParameters,
  layerGradientNorms,
  makeDataset,
  networkObjective,
  parameterCount,
  weightIndex,
  parameterPlace,
  type Activation,
  type NetworkOutput,
  type NetworkSpec,
  type OptimizerName,
  type OptimizerOptions,
} from '../../src/core/index.js';

type Target = number | number[];
interface PassRecord {
  spec: NetworkSpec;
  params: number[];
  x: number[];
  target: Target;
  loss: number;
  z: number[][];
  a: number[][];
  delta: number[][];
  grad: number[];
}
interface ObjectiveRecord {
  spec: NetworkSpec;
  params: number[];
  inputs: number[][];
  targets: Target[];
  value: number;
  gradient: number[];
  layerGradientNorms: number[];
}
interface TrainingRecord {
  spec: NetworkSpec;
  inputs: number[][];
  targets: Target[];
  optimizer: OptimizerName;
  options: OptimizerOptions;
  steps: number;
  path: number[][];
}

const referencePath = fileURLToPath(new URL('../reference/networks.json', import.meta.url));
const reference = JSON.parse(readFileSync(referencePath, 'utf8')) as {
  passes: PassRecord[];
  objectives: ObjectiveRecord[];
  trainings: TrainingRecord[];
};

/** |a - b| <= 1e-9 max(|b|, 1): relative, with an absolute floor near zero. */
function close(actual: number, expected: number, what: string): void {
  const scale = Math.max(Math.abs(expected), 1);
  assert.ok(Math.abs(actual - expected) <= 1e-9 * scale, `${what}: ${actual} vs ${expected}`);
}

function closeAll(actual: ArrayLike<number>, expected: readonly number[], what: string): void {
  assert.equal(actual.length, expected.length, `${what}: length`);
  for (let k = 0; k < expected.length; k++) close(actual[k], expected[k], `${what}[${k}]`);
}

const describe = (spec: NetworkSpec) => `${spec.sizes.join('-')} ${spec.activation}/${spec.output}`;

test('the reference covers every activation, every output, deep networks and five optimizers', () => {
  const specs = [...reference.passes, ...reference.objectives, ...reference.trainings].map((r) => r.spec);
  assert.deepEqual(new Set(specs.map((s) => s.activation)), new Set(ACTIVATION_NAMES));
  assert.deepEqual(new Set(specs.map((s) => s.output)), new Set(['linear', 'sigmoid', 'softmax']));
  assert.ok(reference.objectives.some((o) => o.spec.sizes.length >= 8));
  assert.deepEqual(new Set(reference.trainings.map((t) => t.optimizer)), new Set(['gd', 'momentum', 'nesterov', 'rmsprop', 'adam']));
  assert.equal(reference.passes.length, 24);
});

for (const [i, r] of reference.passes.entries()) {
  test(`pass ${i}: ${describe(r.spec)}`, () => {
    const grad = new Float64Array(parameterCount(r.spec));
    assert.equal(grad.length, r.params.length);
    const pass = forwardBackward(r.spec, r.params, r.x, r.target, grad);
    close(pass.loss, r.loss, 'loss');
    assert.equal(pass.z.length, r.spec.sizes.length);
    for (let l = 0; l < r.spec.sizes.length; l++) {
      closeAll(pass.z[l], r.z[l], `z[${l}]`);
      closeAll(pass.a[l], r.a[l], `a[${l}]`);
      closeAll(pass.delta[l], r.delta[l], `delta[${l}]`);
    }
    closeAll(grad, r.grad, 'grad');
  });
}

for (const [i, r] of reference.objectives.entries()) {
  test(`objective ${i}: ${describe(r.spec)} over ${r.inputs.length} examples`, () => {
    const objective = networkObjective(r.spec, r.inputs, r.targets);
    assert.equal(objective.dim, r.params.length);
    const grad = new Float64Array(objective.dim);
    const value = objective.evaluate(Float64Array.from(r.params), grad);
    close(value, r.value, 'value');
    closeAll(grad, r.gradient, 'gradient');
    closeAll(layerGradientNorms(r.spec, grad), r.layerGradientNorms, 'layer norms');
    closeAll(layerGradientNorms(r.spec, r.gradient), r.layerGradientNorms, 'layer norms of the reference gradient');
  });
}

for (const [i, r] of reference.trainings.entries()) {
  const label = `training ${i}: ${r.optimizer} ${JSON.stringify(r.options)} on ${describe(r.spec)}`;
  test(`${label}, step by step`, () => {
    const objective = networkObjective(r.spec, r.inputs, r.targets);
    const optimizer = createOptimizer(r.optimizer, r.options);
    const x = Float64Array.from(r.path[0]);
    for (let k = 1; k <= r.steps; k++) {
      optimizer.step(x, objective);
      closeAll(x, r.path[k], `after ${k} steps`);
    }
  });
  test(`${label}, through descend`, () => {
    const objective = networkObjective(r.spec, r.inputs, r.targets);
    const run = descend(objective, createOptimizer(r.optimizer, r.options), r.path[0], { steps: r.steps });
    assert.equal(run.stop, 'max-steps');
    assert.equal(run.path.length, r.steps + 1);
    run.path.forEach((p, k) => closeAll(p, r.path[k], `path[${k}]`));
  });
}

/** Central differences (f(x + h e_k) - f(x - h e_k)) / 2h of an objective's value. */
function numericGradient(evaluate: (x: Float64Array) => number, x: Float64Array, h = 1e-5): Float64Array {
  const g = new Float64Array(x.length);
  for (let k = 0; k < x.length; k++) {
    const keep = x[k];
    x[k] = keep + h;
    const up = evaluate(x);
    x[k] = keep - h;
    const down = evaluate(x);
    x[k] = keep;
    g[k] = (up - down) / (2 * h);
  }
  return g;
}

test('gradients match central differences on random networks, every activation and output', () => {
  const random = createRandom(11);
  const outputs: NetworkOutput[] = ['linear', 'sigmoid', 'softmax'];
  for (const activation of ACTIVATION_NAMES) {
    for (const output of outputs) {
      for (let trial = 0; trial < 3; trial++) {
        const nIn = 1 + random.int(3);
        const hidden = Array.from({ length: random.int(3) }, () => 1 + random.int(4));
        const nOut = output === 'sigmoid' ? 1 : 2 + random.int(2);
        const spec: NetworkSpec = { sizes: [nIn, ...hidden, nOut], activation, output };
        const m = 1 + random.int(5);
        const inputs = Array.from({ length: m }, () => Array.from({ length: nIn }, () => 2 * random.normal()));
        const targets = Array.from({ length: m }, () =>
          output === 'linear' ? Array.from({ length: nOut }, () => random.normal()) : output === 'sigmoid' ? random.int(2) : random.int(nOut),
        );
        const objective = networkObjective(spec, inputs, targets);
        const x = Float64Array.from({ length: objective.dim }, () => random.normal());
        const grad = new Float64Array(objective.dim);
        objective.evaluate(x, grad);
        const scratch = new Float64Array(objective.dim);
        const numeric = numericGradient((p) => objective.evaluate(p, scratch), x);
        for (let k = 0; k < x.length; k++) {
          // relu has kinks; a random point is almost surely away from them.
          assert.ok(Math.abs(grad[k] - numeric[k]) <= 1e-6 * Math.max(1, Math.abs(numeric[k])), `${describe(spec)} d/dp${k}: ${grad[k]} vs ${numeric[k]}`);
        }
      }
    }
  }
});

test('one sigmoid unit by hand: z = w x + b, BCE, delta = s(z) - y', () => {
  // sizes [1, 1]: params [w, b] = [2, -1]; x = 1 gives z = 1, y = 1.
  const spec: NetworkSpec = { sizes: [1, 1], activation: 'tanh', output: 'sigmoid' };
  const grad = new Float64Array(2);
  const pass = forwardBackward(spec, [2, -1], [1], 1, grad);
  const s = 1 / (1 + Math.exp(-1));
  assert.deepEqual([...pass.z[1]], [1]);
  assert.ok(Math.abs(pass.a[1][0] - s) < 1e-15);
  // -ln s(1) = ln(1 + e^-1)
  assert.ok(Math.abs(pass.loss - Math.log(1 + Math.exp(-1))) < 1e-15);
  assert.ok(Math.abs(pass.delta[1][0] - (s - 1)) < 1e-15);
  // dL/dw = (s - 1) x, dL/db = s - 1; at x = 3 the weight's gradient is three times the bias's.
  assert.ok(Math.abs(grad[0] - (s - 1)) < 1e-15 && Math.abs(grad[1] - (s - 1)) < 1e-15);
  forwardBackward(spec, [0, 0], [3], 0, grad);
  assert.deepEqual([...grad], [1.5, 0.5]); // s(0) - 0 = 1/2
  assert.deepEqual(pass.z[0].length, 0);
  assert.deepEqual(pass.delta[0].length, 0);
});

test('a 2-2-1 linear network by hand', () => {
  // Hidden layer linear: W1 = [[1, 2], [0, -1]], b1 = [0, 1]; W2 = [[1, 1]], b2 = [0.5].
  const spec: NetworkSpec = { sizes: [2, 2, 1], activation: 'linear', output: 'linear' };
  const params = [1, 2, 0, -1, 0, 1, 1, 1, 0.5];
  assert.equal(parameterCount(spec), 9);
  const grad = new Float64Array(9);
  // x = (1, 1): z1 = (3, 0), a1 = (3, 0), z2 = 3.5; y = 1.5: loss (2)^2 = 4, delta2 = 4.
  const pass = forwardBackward(spec, params, [1, 1], 1.5, grad);
  assert.deepEqual([...pass.z[1]], [3, 0]);
  assert.deepEqual([...pass.a[1]], [3, 0]);
  assert.deepEqual([...pass.z[2]], [3.5]);
  assert.equal(pass.loss, 4);
  assert.deepEqual([...pass.delta[2]], [4]);
  // delta1 = W2^T delta2 * 1 = (4, 4)
  assert.deepEqual([...pass.delta[1]], [4, 4]);
  // dW1 = delta1 x^T = [[4, 4], [4, 4]], db1 = (4, 4), dW2 = delta2 a1^T = [12, 0], db2 = 4
  assert.deepEqual([...grad], [4, 4, 4, 4, 4, 4, 12, 0, 4]);
  assert.deepEqual(layerGradientNorms(spec, grad), [8, 12]);
});

test('relu: the slope at 0 is 0, so a dead unit passes no gradient', () => {
  assert.equal(activationSlope('relu', 0), 0);
  assert.equal(activationSlope('relu', 1e-300), 1);
  assert.equal(activationSlope('relu', -2), 0);
  assert.equal(activationSlope('sigmoid', 0), 0.25);
  assert.equal(activationSlope('tanh', 0), 1);
  assert.equal(activationSlope('linear', 5), 1);
  // Zero weights: every z = 0, every hidden slope 0: only the output bias learns.
  const spec: NetworkSpec = { sizes: [2, 3, 1], activation: 'relu', output: 'linear' };
  const grad = new Float64Array(parameterCount(spec));
  forwardBackward(spec, new Float64Array(grad.length), [1, -1], 2, grad);
  assert.deepEqual([...grad].map((v) => v + 0), [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -4]); // + 0 folds -0 into 0
});

test('softmax: CCE of the logits, delta = p - onehot; large logits do not overflow', () => {
  const spec: NetworkSpec = { sizes: [1, 3], activation: 'tanh', output: 'softmax' };
  const grad = new Float64Array(6);
  // W = 0, b = (0, 0, 0): p = 1/3 each, loss ln 3.
  const pass = forwardBackward(spec, [0, 0, 0, 0, 0, 0], [1], 2, grad);
  assert.ok(Math.abs(pass.loss - Math.log(3)) < 1e-15);
  assert.deepEqual([...pass.delta[1]].map((v) => Math.round(v * 3)), [1, 1, -2]);
  const big = forwardBackward(spec, [0, 0, 0, 1000, 0, -1000], [1], 1, grad);
  assert.ok(Number.isFinite(big.loss) && Math.abs(big.loss - 1000) < 1e-9);
  const sig = forwardBackward({ sizes: [1, 1], activation: 'tanh', output: 'sigmoid' }, [0, -800], [1], 1, new Float64Array(2));
  assert.ok(Math.abs(sig.loss - 800) < 1e-9);
});

test('the mean over examples: the batch gradient is the mean of per-example gradients', () => {
  const spec: NetworkSpec = { sizes: [2, 3, 2, 3], activation: 'tanh', output: 'softmax' };
  const params = initialParameters(spec, 'normal', 5, 0.8);
  const inputs = [[0.5, -1], [1.5, 0.2], [-0.3, 0.9], [0, 0]];
  const targets = [0, 2, 1, 2];
  const grad = new Float64Array(params.length);
  const value = networkObjective(spec, inputs, targets).evaluate(params, grad);
  const mean = new Float64Array(params.length);
  let loss = 0;
  const one = new Float64Array(params.length);
  inputs.forEach((x, i) => {
    loss += forwardBackward(spec, params, x, targets[i], one).loss / inputs.length;
    for (let k = 0; k < one.length; k++) mean[k] += one[k] / inputs.length;
  });
  assert.ok(Math.abs(value - loss) < 1e-14);
  for (let k = 0; k < mean.length; k++) assert.ok(Math.abs(grad[k] - mean[k]) < 1e-14);
  // select() narrows the objective to some examples: the same as an objective of those alone.
  const objective = networkObjective(spec, inputs, targets);
  objective.select(Int32Array.of(3, 1), 0, 2);
  assert.equal(objective.size, 2);
  const g2 = new Float64Array(params.length);
  const v2 = objective.evaluate(params, g2);
  const g3 = new Float64Array(params.length);
  const v3 = networkObjective(spec, [inputs[3], inputs[1]], [2, 2]).evaluate(params, g3);
  assert.equal(v2, v3);
  assert.deepEqual([...g2], [...g3]);
});

test('layout: W_l row-major (n_l x n_{l-1}) then b_l, layer by layer', () => {
  const spec: NetworkSpec = { sizes: [3, 2, 4], activation: 'tanh', output: 'linear' };
  assert.equal(parameterCount(spec), 3 * 2 + 2 + 2 * 4 + 4);
  assert.equal(weightIndex(spec, 1, 0, 0), 0);
  assert.equal(weightIndex(spec, 1, 1, 2), 5);
  assert.equal(biasIndex(spec, 1, 1), 7);
  assert.equal(weightIndex(spec, 2, 0, 0), 8);
  assert.equal(weightIndex(spec, 2, 3, 1), 15);
  assert.equal(biasIndex(spec, 2, 3), 19);
  assert.throws(() => weightIndex(spec, 3, 0, 0), RangeError);
  assert.throws(() => weightIndex(spec, 1, 2, 0), RangeError);
  assert.throws(() => biasIndex(spec, 0, 0), RangeError);
  // Moving W_1[1][2] moves z[1]_1 by x_2: the index is the weight from input 2 to unit 1.
  const params = new Float64Array(parameterCount(spec));
  params[weightIndex(spec, 1, 1, 2)] = 1;
  params[biasIndex(spec, 1, 0)] = 0.5;
  const pass = forwardBackward(spec, params, [1, 2, 7], [0, 0, 0, 0], new Float64Array(params.length));
  assert.deepEqual([...pass.z[1]], [0.5, 7]);
  // The hidden delta is (W_{l+1}^T delta[l+1]) * act'(z): check it from weightIndex.
  const r = createRandom(2);
  const p2 = Float64Array.from({ length: params.length }, () => r.normal());
  const deep = forwardBackward(spec, p2, [0.1, -0.4, 0.9], [1, 0, -1, 2], new Float64Array(params.length));
  for (let i = 0; i < 2; i++) {
    let s = 0;
    for (let k = 0; k < 4; k++) s += p2[weightIndex(spec, 2, k, i)] * deep.delta[2][k];
    assert.ok(Math.abs(deep.delta[1][i] - s * activationSlope('tanh', deep.z[1][i])) < 1e-14);
  }
});

test('bad specs, inputs and targets are refused with a RangeError', () => {
  const ok: NetworkSpec = { sizes: [2, 1], activation: 'tanh', output: 'sigmoid' };
  assert.throws(() => parameterCount({ ...ok, sizes: [2] }) + networkObjective({ ...ok, sizes: [2] }, [[1, 2]], [1]).dim, RangeError);
  assert.throws(() => networkObjective({ ...ok, sizes: [2, 2] }, [[1, 2]], [1]), RangeError);
  assert.throws(() => networkObjective({ ...ok, activation: 'gelu' as Activation }, [[1, 2]], [1]), RangeError);
  assert.throws(() => networkObjective({ ...ok, output: 'softmax' }, [[1, 2]], [0]), RangeError);
  assert.throws(() => networkObjective(ok, [[1, 2, 3]], [1]), RangeError);
  assert.throws(() => networkObjective(ok, [[1, 2]], [2]), RangeError);
  assert.throws(() => networkObjective(ok, [], []), RangeError);
  assert.throws(() => networkObjective({ sizes: [1, 3], activation: 'relu', output: 'softmax' }, [[1]], [3]), RangeError);
  assert.throws(() => networkObjective({ sizes: [1, 2], activation: 'relu', output: 'linear' }, [[1]], [3]), RangeError);
  assert.throws(() => forwardBackward(ok, [1, 2], [1, 2], 1, new Float64Array(3)), RangeError);
});

test('initialisation: seeded, biases zero, Xavier within its bound, He and normal with their variance', () => {
  const spec: NetworkSpec = { sizes: [20, 30, 10], activation: 'relu', output: 'softmax' };
  const weights = (p: Float64Array, l: number) => {
    const [m, n] = [spec.sizes[l - 1], spec.sizes[l]];
    const o = weightIndex(spec, l, 0, 0);
    return [...p.subarray(o, o + n * m)];
  };
  const biases = (p: Float64Array) => [...spec.sizes.slice(1).keys()].flatMap((k) => spec.sizes[k + 1] > 0 ? [...p.subarray(biasIndex(spec, k + 1, 0), biasIndex(spec, k + 1, 0) + spec.sizes[k + 1])] : []);
  const variance = (xs: number[]) => xs.reduce((s, v) => s + v * v, 0) / xs.length;
  for (const init of INIT_NAMES) {
    const a = initialParameters(spec, init, 7);
    assert.deepEqual([...a], [...initialParameters(spec, init, 7)], `${init} is seeded`);
    assert.notDeepEqual([...a], [...initialParameters(spec, init, 8)]);
    assert.ok(biases(a).every((b) => b === 0), `${init} biases`);
  }
  const xavier = initialParameters(spec, 'xavier', 3);
  for (const l of [1, 2]) {
    const bound = Math.sqrt(6 / (spec.sizes[l - 1] + spec.sizes[l]));
    const w = weights(xavier, l);
    assert.ok(w.every((v) => Math.abs(v) <= bound), `xavier layer ${l} within ${bound}`);
    assert.ok(Math.max(...w.map(Math.abs)) > 0.9 * bound, 'xavier fills its interval');
    // Uniform[-a, a] has variance a^2 / 3 = 2 / (fan_in + fan_out).
    assert.ok(Math.abs(variance(w) / (bound * bound / 3) - 1) < 0.25);
  }
  // He: variance 2 / fan_in (600 draws in layer 1: within 20%).
  const he = weights(initialParameters(spec, 'he', 4), 1);
  assert.ok(Math.abs(variance(he) / (2 / 20) - 1) < 0.2, `he variance ${variance(he)}`);
  const normal = weights(initialParameters(spec, 'normal', 4, 0.5), 1);
  assert.ok(Math.abs(variance(normal) / 0.25 - 1) < 0.2, `normal variance ${variance(normal)}`);
  // The scale is a gain on every init.
  const doubled = initialParameters(spec, 'xavier', 3, 2);
  doubled.forEach((v, k) => assert.equal(v, 2 * xavier[k]));
  assert.throws(() => initialParameters(spec, 'zeros' as never, 1), RangeError);
  assert.throws(() => initialParameters(spec, 'he', 1.5), RangeError);
  assert.throws(() => initialParameters(spec, 'he', 1, -1), RangeError);
});

test('createNetworkModel: the output follows the task; predict, predictClass and accuracy agree with the pass', () => {
  const circle = makeDataset('circle', { samples: 40 });
  const model = createNetworkModel(circle, { hidden: [3, 2], activation: 'tanh', init: 'xavier', seed: 2 });
  assert.equal(model.kind, 'network');
  assert.equal(model.loss, 'bce');
  assert.deepEqual(model.spec, { sizes: [2, 3, 2, 1], activation: 'tanh', output: 'sigmoid' });
  assert.equal(model.dim, parameterCount(model.spec));
  assert.deepEqual([...model.initialParams()], [...initialParameters(model.spec, 'xavier', 2)]);
  const p = model.initialParams();
  p[0] = 99;
  assert.notEqual(model.initialParams()[0], 99);
  const params = initialParameters(model.spec, 'normal', 9);
  let loss = 0;
  let right = 0;
  for (let i = 0; i < circle.n; i++) {
    const x = circle.x.subarray(2 * i, 2 * i + 2);
    const pass = forwardBackward(model.spec, params, x, circle.y[i], new Float64Array(model.dim));
    loss += pass.loss / circle.n;
    const predicted = model.predictClass(params, x);
    assert.equal(predicted, pass.z[3][0] > 0 ? 1 : 0);
    assert.ok(Math.abs(model.predict(params, x)[0] - pass.a[3][0]) < 1e-15);
    const layers = model.forward(params, x);
    for (let l = 0; l < 4; l++) {
      assert.deepEqual([...layers.a[l]], [...pass.a[l]], `forward a[${l}]`);
      assert.deepEqual([...layers.z[l]], [...pass.z[l]], `forward z[${l}]`);
    }
    if (predicted === circle.y[i]) right++;
  }
  assert.ok(Math.abs(model.fullLoss(params) - loss) < 1e-13);
  assert.equal(model.accuracy(params), right / circle.n);
  const g1 = new Float64Array(model.dim);
  const g2 = new Float64Array(model.dim);
  assert.equal(model.objective([3, 5]).evaluate(params, g1), networkObjective(model.spec, [circle.x.subarray(6, 8), circle.x.subarray(10, 12)], [circle.y[3], circle.y[5]]).evaluate(params, g2));
  assert.deepEqual([...g1], [...g2]);
  assert.throws(() => model.objective([]), RangeError);
  assert.throws(() => model.objective([40]), RangeError);

  const blobs = createNetworkModel(makeDataset('blobs', { samples: 30 }), { hidden: [4], activation: 'relu', init: 'he', seed: 1 });
  assert.equal(blobs.loss, 'cce');
  assert.deepEqual(blobs.spec.sizes, [2, 4, 3]);
  const probabilities = blobs.predict(blobs.initialParams(), [0.3, -0.2]);
  assert.equal(probabilities.length, 3);
  assert.ok(Math.abs(probabilities.reduce((s, v) => s + v, 0) - 1) < 1e-15);

  const sine = createNetworkModel(makeDataset('sine', { samples: 20 }), { hidden: [], activation: 'linear', init: 'normal', initScale: 0, seed: 1 });
  assert.equal(sine.loss, 'mse');
  assert.deepEqual(sine.spec.sizes, [1, 1]);
  assert.ok(Number.isNaN(sine.accuracy(sine.initialParams())));
  assert.ok(Number.isNaN(sine.predictClass(sine.initialParams(), [0.5])));
  // No hidden layer and a linear output: linear regression, whose mse at zero is mean y^2.
  const y = makeDataset('sine', { samples: 20 }).y;
  assert.ok(Math.abs(sine.fullLoss([0, 0]) - y.reduce((s, v) => s + v * v, 0) / 20) < 1e-15);
  assert.throws(() => createNetworkModel(makeDataset('xor'), { hidden: [0], activation: 'tanh', init: 'xavier', seed: 1 }), RangeError);
});

test('the Trainer trains a network unchanged; accuracy for classifiers only', () => {
  const model = createNetworkModel(makeDataset('xor', { samples: 60 }), { hidden: [4], activation: 'tanh', init: 'xavier', seed: 1 });
  const trainer = new Trainer(model, { batchSize: 10, epochs: 3, seed: 1, optimizer: 'gd', options: { lr: 0.1 } });
  assert.equal(trainer.history.loss[0], model.fullLoss(model.initialParams()));
  trainer.runAll();
  assert.equal(trainer.history.accuracy!.length, 4);
  assert.equal(trainer.history.accuracy![3], model.accuracy(trainer.params));
  const regression = createNetworkModel(makeDataset('sine'), { hidden: [3], activation: 'tanh', init: 'xavier', seed: 1 });
  const reg = new Trainer(regression, { batchSize: 10, epochs: 1, seed: 1, optimizer: 'gd' });
  assert.equal(reg.history.accuracy, undefined);
});

test('Trainer.nextBatch: the examples the next step uses, drawn once', () => {
  const model = createNetworkModel(makeDataset('moons', { samples: 23 }), { hidden: [2], activation: 'tanh', init: 'xavier', seed: 1 });
  const peeking = new Trainer(model, { batchSize: 5, epochs: 2, seed: 4, optimizer: 'gd' });
  const plain = new Trainer(model, { batchSize: 5, epochs: 2, seed: 4, optimizer: 'gd' });
  while (!plain.done) {
    const next = [...peeking.nextBatch()];
    assert.deepEqual([...peeking.nextBatch()], next, 'asking twice does not reshuffle');
    peeking.step();
    plain.step();
    assert.deepEqual([...peeking.batch], next);
    assert.deepEqual([...plain.batch], next);
  }
  assert.deepEqual([...peeking.params], [...plain.params]);
  assert.deepEqual(peeking.history, plain.history);
  assert.equal(peeking.nextBatch().length, 0);
  peeking.reset();
  plain.reset();
  peeking.nextBatch();
  peeking.runAll();
  plain.runAll();
  assert.deepEqual([...peeking.params], [...plain.params]);
});

test('parameterPlace is the inverse of weightIndex and biasIndex', () => {
  for (const sizes of [[1, 1], [2, 3, 1], [3, 4, 2, 3], [2, 8, 8, 8, 8, 8, 8, 1]]) {
    const spec: NetworkSpec = { sizes, activation: 'tanh', output: 'linear' };
    const seen = new Set<number>();
    for (let l = 1; l < sizes.length; l++) {
      for (let i = 0; i < sizes[l]; i++) {
        for (let j = 0; j < sizes[l - 1]; j++) {
          const k = weightIndex(spec, l, i, j);
          assert.deepEqual(parameterPlace(spec, k), { kind: 'weight', l, i, j });
          seen.add(k);
        }
        const k = biasIndex(spec, l, i);
        assert.deepEqual(parameterPlace(spec, k), { kind: 'bias', l, i });
        seen.add(k);
      }
    }
    assert.equal(seen.size, parameterCount(spec));
    assert.throws(() => parameterPlace(spec, parameterCount(spec)), RangeError);
    assert.throws(() => parameterPlace(spec, -1), RangeError);
  }
});
