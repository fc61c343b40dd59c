/** training: epochs, shuffles, batches, history, and the defaults that learn. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  DATASET_NAMES,
  DEFAULT_TRAIN_OPTIONS,
  Trainer,
  createModel,
  createOptimizer,
  createRandom,
  descend,
  epochBatches,
  makeDataset,
  type Dataset,
} from '../../src/core/index.js';

const sorted = (xs: Iterable<number>) => [...xs].sort((a, b) => a - b);
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

test('epochBatches: ceil(n / B) batches in order, the last smaller, every example once', () => {
  const batches = epochBatches(10, 3, createRandom(1));
  assert.deepEqual(batches.map((b) => b.length), [3, 3, 3, 1]);
  assert.deepEqual(sorted(batches.flatMap((b) => [...b])), range(10));
  // The same generator state gives the same batches; the next epoch another order.
  const r = createRandom(1);
  const first = epochBatches(10, 3, r).map((b) => [...b]);
  assert.deepEqual(first, batches.map((b) => [...b]));
  const second = epochBatches(10, 3, r).map((b) => [...b]);
  assert.notDeepEqual(second, first);
  assert.deepEqual(epochBatches(5, 5, createRandom(2)).map((b) => b.length), [5]);
  assert.deepEqual(epochBatches(5, 1, createRandom(2)).map((b) => b.length), [1, 1, 1, 1, 1]);
  assert.throws(() => epochBatches(5, 0, createRandom(2)), RangeError);
});

test('the Trainer visits every example once per epoch, in the batches epochBatches makes', () => {
  const ds = makeDataset('logistic', { samples: 23 });
  const trainer = new Trainer(createModel(ds), { batchSize: 5, epochs: 3, seed: 9, optimizer: 'gd' });
  const shuffles = createRandom(9);
  for (let e = 0; e < 3; e++) {
    const expected = epochBatches(23, 5, shuffles).map((b) => [...b]);
    const seen: number[][] = [];
    for (let k = 0; k < trainer.batchesPerEpoch; k++) {
      assert.equal(trainer.step(), true);
      seen.push([...trainer.batch]);
    }
    assert.deepEqual(seen, expected);
    assert.deepEqual(sorted(seen.flat()), range(23));
    assert.equal(trainer.epoch, e + 1);
  }
  assert.equal(trainer.done, true);
  assert.equal(trainer.step(), false);
  assert.equal(trainer.updates, 15);
});

test('one full-batch gd update by hand: x = (1, 2), y = (1, 3), lr 0.1 from zeros gives (0.7, 0.4)', () => {
  const ds: Dataset = {
    name: 'linear',
    task: 'regression',
    n: 2,
    d: 1,
    x: Float64Array.of(1, 2),
    y: Float64Array.of(1, 3),
    classes: 1,
    featureNames: ['x'],
    classNames: [],
  };
  const trainer = new Trainer(createModel(ds), { batchSize: 2, epochs: 1, seed: 0, optimizer: 'gd', options: { lr: 0.1 } });
  // r = (-1, -3): grad w = (2/2)(-1 - 6) = -7, grad b = -4; theta = -0.1 grad.
  assert.equal(trainer.history.loss[0], 5); // (1 + 9) / 2
  trainer.runAll();
  assert.ok(Math.abs(trainer.params[0] - 0.7) < 1e-15 && Math.abs(trainer.params[1] - 0.4) < 1e-15);
  // Loss after: yhat = (1.1, 1.8), r = (0.1, -1.2): (0.01 + 1.44) / 2 = 0.725.
  assert.ok(Math.abs(trainer.history.loss[1] - 0.725) < 1e-14);
});

test('full batch with gd is descend on model.objective()', () => {
  for (const name of DATASET_NAMES) {
    const ds = makeDataset(name);
    const model = createModel(ds);
    const lr = name === 'iris' ? 0.3 : 0.05;
    const epochs = 25;
    const trainer = new Trainer(model, { batchSize: ds.n, epochs, seed: 3, optimizer: 'gd', options: { lr } });
    trainer.runAll();
    const run = descend(model.objective(), createOptimizer('gd', { lr }), model.initialParams(), { steps: epochs });
    assert.equal(trainer.updates, epochs);
    assert.equal(run.path.length, epochs + 1);
    // The shuffle only reorders the sum: equal up to rounding.
    for (let k = 0; k <= epochs; k++) {
      assert.ok(Math.abs(trainer.history.loss[k] - run.values[k]) < 1e-12, `${name} loss ${k}`);
    }
    const end = run.path[epochs];
    for (let j = 0; j < model.dim; j++) assert.ok(Math.abs(trainer.params[j] - end[j]) < 1e-12, `${name} param ${j}`);
    if (model.dim <= 3) {
      assert.equal(trainer.path.length, epochs + 1);
      for (let k = 0; k <= epochs; k++) {
        for (let j = 0; j < model.dim; j++) assert.ok(Math.abs(trainer.path[k][j] - run.path[k][j]) < 1e-12);
      }
    }
  }
});

test('history: entry 0 before training, then one per epoch with updates and examples', () => {
  const ds = makeDataset('logistic');
  const model = createModel(ds);
  const trainer = new Trainer(model, { batchSize: 32, epochs: 3, seed: 1, optimizer: 'gd', options: { lr: 0.1 } });
  const h = trainer.history;
  assert.deepEqual(h.epoch, [0]);
  assert.equal(h.loss[0], model.fullLoss(model.initialParams()));
  assert.ok(Math.abs(h.loss[0] - Math.LN2) < 1e-15);
  assert.deepEqual(h.accuracy, [0.5]);
  trainer.runAll();
  assert.deepEqual(h.epoch, [0, 1, 2, 3]);
  assert.deepEqual(h.updates, [0, 4, 8, 12]); // ceil(100 / 32) = 4 per epoch
  assert.deepEqual(h.examples, [0, 100, 200, 300]);
  assert.equal(h.accuracy!.length, 4);
  assert.equal(h.loss[3], model.fullLoss(trainer.params));
  assert.equal(h.accuracy![3], model.accuracy(trainer.params));
  // Regression keeps no accuracy.
  const reg = new Trainer(createModel(makeDataset('linear')), { batchSize: 10, epochs: 1, seed: 1, optimizer: 'gd' });
  assert.equal(reg.history.accuracy, undefined);
});

test('batch size 1 is stochastic (n updates an epoch), n or more is one update', () => {
  const model = createModel(makeDataset('linear', { samples: 30 }));
  const sgd = new Trainer(model, { batchSize: 1, epochs: 2, seed: 1, optimizer: 'gd' });
  sgd.runAll();
  assert.equal(sgd.updates, 60);
  assert.equal(sgd.path.length, 61);
  const big = new Trainer(model, { batchSize: 1000, epochs: 2, seed: 1, optimizer: 'gd' });
  assert.equal(big.batchesPerEpoch, 1);
  big.runAll();
  assert.equal(big.updates, 2);
  assert.deepEqual(big.history.examples, [0, 30, 60]);
});

test('the same seed gives the same history and parameters; another seed another path', () => {
  const model = createModel(makeDataset('iris'));
  const options = { batchSize: 16, epochs: 5, optimizer: 'adam', options: { lr: 0.05 } } as const;
  const a = new Trainer(model, { ...options, seed: 4 });
  const b = new Trainer(model, { ...options, seed: 4 });
  const c = new Trainer(model, { ...options, seed: 5 });
  for (const t of [a, b, c]) t.runAll();
  assert.deepEqual(a.history, b.history);
  assert.deepEqual([...a.params], [...b.params]);
  assert.notDeepEqual(a.history.loss, c.history.loss);
});

test('step, runEpoch and runAll; reset starts the same run again', () => {
  const model = createModel(makeDataset('linear'));
  const t = new Trainer(model, { batchSize: 30, epochs: 3, seed: 2, optimizer: 'momentum', options: { lr: 0.01 } });
  assert.equal(t.batchesPerEpoch, 4);
  assert.ok(Number.isNaN(t.batchLoss));
  assert.equal(t.batch.length, 0);
  t.step();
  assert.equal(t.epoch, 0);
  assert.equal(t.batch.length, 30);
  assert.ok(Number.isFinite(t.batchLoss));
  t.runEpoch(); // finishes epoch 1: three more updates
  assert.equal(t.epoch, 1);
  assert.equal(t.updates, 4);
  assert.equal(t.batch.length, 10);
  t.runEpoch(); // a whole epoch
  assert.equal(t.updates, 8);
  t.runAll();
  assert.equal(t.epoch, 3);
  assert.equal(t.done, true);
  t.runEpoch();
  assert.equal(t.updates, 12);
  const first = { history: structuredClone(t.history), params: [...t.params], path: t.path.map((p) => [...p]) };
  t.reset();
  assert.equal(t.done, false);
  assert.deepEqual(t.history.loss, [first.history.loss[0]]);
  assert.deepEqual([...t.params], [0, 0]);
  t.runAll();
  assert.deepEqual(t.history, first.history);
  assert.deepEqual([...t.params], first.params);
  assert.deepEqual(t.path.map((p) => [...p]), first.path);
});

test('the path is kept for models of at most 3 parameters only', () => {
  const line = new Trainer(createModel(makeDataset('linear')), { batchSize: 7, epochs: 2, seed: 1, optimizer: 'gd' });
  line.runAll();
  assert.equal(line.path.length, line.updates + 1);
  assert.deepEqual([...line.path[0]], [0, 0]);
  assert.deepEqual([...line.path[line.path.length - 1]], [...line.params]);
  // Points are snapshots, not the live parameters.
  assert.notDeepEqual([...line.path[1]], [...line.path[2]]);
  // More than PATH_BLOCK (1024) points span blocks.
  const long = new Trainer(createModel(makeDataset('logistic')), { batchSize: 1, epochs: 12, seed: 1, optimizer: 'gd' });
  long.runAll();
  assert.equal(long.path.length, 1201);
  assert.deepEqual([...long.path[1200]], [...long.params]);
  const iris = new Trainer(createModel(makeDataset('iris')), { batchSize: 16, epochs: 1, seed: 1, optimizer: 'gd' });
  iris.runAll();
  assert.equal(iris.path.length, 0);
});

test('a run that blows up says diverged and stops', () => {
  const t = new Trainer(createModel(makeDataset('linear')), { batchSize: 100, epochs: 10_000, seed: 1, optimizer: 'gd', options: { lr: 5 } });
  t.runAll();
  assert.equal(t.diverged, true);
  assert.equal(t.done, true);
  assert.ok(t.epoch < 10_000);
  assert.ok(!Number.isFinite(t.history.loss[t.history.loss.length - 1]));
  assert.equal(t.step(), false);
});

test('bad options are refused with a RangeError', () => {
  const model = createModel(makeDataset('linear'));
  const ok = { batchSize: 10, epochs: 1, seed: 1, optimizer: 'gd' } as const;
  assert.throws(() => new Trainer(model, { ...ok, batchSize: 0 }), RangeError);
  assert.throws(() => new Trainer(model, { ...ok, batchSize: 2.5 }), RangeError);
  assert.throws(() => new Trainer(model, { ...ok, epochs: -1 }), RangeError);
  assert.throws(() => new Trainer(model, { ...ok, seed: 0.5 }), RangeError);
  assert.throws(() => new Trainer(model, { ...ok, optimizer: 'lbfgs' as never }), RangeError);
  assert.throws(() => new Trainer(model, { ...ok, options: { lr: -1 } }), RangeError);
});

test('the defaults learn: losses fall, classifiers reach 90% training accuracy', () => {
  for (const name of DATASET_NAMES) {
    for (const seed of [1, 2, 3]) {
      const model = createModel(makeDataset(name, { seed }));
      const trainer = new Trainer(model, { ...DEFAULT_TRAIN_OPTIONS[name], seed });
      trainer.runAll();
      const h = trainer.history;
      const last = h.loss.length - 1;
      assert.equal(trainer.epoch, DEFAULT_TRAIN_OPTIONS[name].epochs);
      assert.ok(h.loss[last] < 0.25 * h.loss[0], `${name}/${seed}: loss ${h.loss[0]} -> ${h.loss[last]}`);
      assert.ok(h.loss[1] < h.loss[0], `${name}/${seed}: the first epoch did not lower the loss`);
      if (h.accuracy) assert.ok(h.accuracy[last] >= 0.9, `${name}/${seed}: accuracy ${h.accuracy[last]}`);
    }
  }
  // Linear regression gets down to the noise: the MSE of the true line is ~noise^2 = 1.
  const model = createModel(makeDataset('linear'));
  const trainer = new Trainer(model, DEFAULT_TRAIN_OPTIONS.linear);
  trainer.runAll();
  const best = model.fullLoss(makeDataset('linear').trueParams!);
  assert.ok(trainer.history.loss[trainer.history.loss.length - 1] < 1.1 * best);
});

test('iris with adam, batch 16, lr 0.1, 50 epochs also passes 90%', () => {
  const model = createModel(makeDataset('iris'));
  const trainer = new Trainer(model, { batchSize: 16, epochs: 50, seed: 1, optimizer: 'adam', options: { lr: 0.1 } });
  trainer.runAll();
  assert.ok(trainer.history.accuracy![50] >= 0.9);
});
