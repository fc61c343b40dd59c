/**
 * The traced update of `<gd-network>` (src/components/gd-network/trace.ts): the mean of
 * the per-example gradients it shows is the gradient of the mini-batch's loss, the one
 * the optimizer uses, and gradient descent then moves by exactly -lr times it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Trainer, createNetworkModel, makeDataset } from '../../src/core/index.js';
import { traceBatch } from '../../src/components/gd-network/trace.js';

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(b));

for (const name of ['circle', 'blobs', 'sine'] as const) {
  test(`${name}: the table's mean is the batch gradient, and the gd update moves by -lr times it`, () => {
    const dataset = makeDataset(name, { samples: 40, seed: 3 });
    const model = createNetworkModel(dataset, { hidden: [3, 2], activation: 'tanh', init: 'xavier', seed: 3 });
    const lr = 0.2;
    const trainer = new Trainer(model, { batchSize: 7, epochs: 2, seed: 3, optimizer: 'gd', options: { lr } });
    for (let k = 0; k < 8; k++) {
      const batch = trainer.nextBatch();
      const trace = traceBatch(model.spec, dataset, trainer.params, batch);
      assert.equal(trace.passes.length, batch.length);
      const grad = new Float64Array(model.dim);
      const value = model.objective(batch).evaluate(Float64Array.from(trainer.params), grad);
      assert.ok(close(trace.loss, value), `loss ${trace.loss} vs ${value}`);
      for (let p = 0; p < model.dim; p++) assert.ok(close(trace.mean[p], grad[p]), `mean[${p}] ${trace.mean[p]} vs ${grad[p]}`);
      const before = Float64Array.from(trainer.params);
      trainer.step();
      for (let p = 0; p < model.dim; p++) assert.ok(close(trainer.params[p], before[p] - lr * trace.mean[p]), `update of ${p}`);
    }
  });
}

test('a batch of one is the example itself', () => {
  const dataset = makeDataset('xor', { samples: 10, seed: 1 });
  const model = createNetworkModel(dataset, { hidden: [2], activation: 'relu', init: 'he', seed: 1 });
  const trace = traceBatch(model.spec, dataset, model.initialParams(), [4]);
  assert.deepEqual(Array.from(trace.mean), Array.from(trace.gradients[0]));
  assert.equal(trace.loss, trace.passes[0].loss);
});
