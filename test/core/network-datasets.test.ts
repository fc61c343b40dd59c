/** The network data sets: recipes, shape, seeding, balance; and the defaults that learn on them. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  DATASET_NAMES,
  DATASET_TASKS,
  DEFAULT_NETWORK_OPTIONS,
  NETWORK_DATASET_NAMES,
  NETWORK_DATASET_NOISE,
  Trainer,
  createNetworkModel,
  isDatasetName,
  isNetworkDatasetName,
  makeDataset,
  type Dataset,
  type NetworkDatasetName,
} from '../../src/core/index.js';

const point = (ds: Dataset<NetworkDatasetName>, i: number) => [ds.x[2 * i], ds.x[2 * i + 1]];

test('NETWORK_DATASET_NAMES lists six sets; the batch trainer keeps its three', () => {
  assert.deepEqual([...NETWORK_DATASET_NAMES], ['circle', 'xor', 'spiral', 'moons', 'blobs', 'sine']);
  assert.deepEqual([...DATASET_NAMES], ['linear', 'logistic', 'iris']);
  assert.ok(isNetworkDatasetName('spiral') && !isNetworkDatasetName('iris'));
  assert.ok(!isDatasetName('spiral'));
});

test('every set: shape, task, names, the same data for the same seed, other data for another', () => {
  for (const name of NETWORK_DATASET_NAMES) {
    const ds = makeDataset(name, { samples: 60, seed: 3 });
    const regression = name === 'sine';
    assert.equal(ds.name, name);
    assert.equal(ds.task, DATASET_TASKS[name]);
    assert.equal(ds.task, regression ? 'regression' : name === 'blobs' ? 'multiclass' : 'binary');
    assert.equal(ds.n, 60);
    assert.equal(ds.d, regression ? 1 : 2);
    assert.equal(ds.x.length, 60 * ds.d);
    assert.equal(ds.y.length, 60);
    assert.equal(ds.classes, regression ? 1 : name === 'blobs' ? 3 : 2);
    assert.deepEqual(ds.featureNames, regression ? ['x'] : ['x1', 'x2']);
    assert.deepEqual(ds.classNames, regression ? [] : name === 'blobs' ? ['0', '1', '2'] : ['0', '1']);
    const again = makeDataset(name, { samples: 60, seed: 3 });
    assert.deepEqual([...again.x], [...ds.x], `${name} x is seeded`);
    assert.deepEqual([...again.y], [...ds.y], `${name} y is seeded`);
    assert.notDeepEqual([...makeDataset(name, { samples: 60, seed: 4 }).x], [...ds.x]);
    // Features on one scale: within [-2, 2] give or take the noise (sine: [-3, 3]).
    const bound = regression ? 3 : 2 + 5 * NETWORK_DATASET_NOISE[name];
    for (const v of ds.x) assert.ok(Math.abs(v) <= bound, `${name}: feature ${v}`);
  }
});

test('classes alternate, so they are balanced', () => {
  for (const name of NETWORK_DATASET_NAMES.filter((n) => n !== 'sine')) {
    const ds = makeDataset(name, { samples: 31 });
    const K = ds.classes;
    for (let i = 0; i < ds.n; i++) assert.equal(ds.y[i], i % K, `${name} label ${i}`);
  }
});

test('without noise each set follows its recipe exactly', () => {
  const n = 400;
  const circle = makeDataset('circle', { samples: n, noise: 0, seed: 2 });
  for (let i = 0; i < n; i++) {
    const r = Math.hypot(...point(circle, i));
    assert.ok(circle.y[i] === 1 ? r <= 1 : r >= 1.4 && r <= 2, `circle r ${r} label ${circle.y[i]}`);
  }
  const xor = makeDataset('xor', { samples: n, noise: 0, seed: 2 });
  for (let i = 0; i < n; i++) {
    const [a, b] = point(xor, i);
    assert.equal(a * b > 0 ? 1 : 0, xor.y[i]);
    assert.ok(Math.abs(a) >= 0.1 && Math.abs(a) <= 2 && Math.abs(b) >= 0.1 && Math.abs(b) <= 2);
  }
  const spiral = makeDataset('spiral', { samples: n, noise: 0, seed: 2 });
  for (let i = 0; i < n; i++) {
    // r = 2u and t = 2.5 pi u + pi y: the angle atan2(x, y) equals t modulo 2 pi.
    const [a, b] = point(spiral, i);
    const u = Math.hypot(a, b) / 2;
    const t = 2.5 * Math.PI * u + Math.PI * spiral.y[i];
    assert.ok(Math.abs(a - 2 * u * Math.sin(t)) < 1e-12 && Math.abs(b - 2 * u * Math.cos(t)) < 1e-12);
  }
  const moons = makeDataset('moons', { samples: n, noise: 0, seed: 2 });
  for (let i = 0; i < n; i++) {
    // Class 0 on the unit circle around (-0.5, -0.25), upper half; class 1 around (0.5, 0.25), lower half.
    const [a, b] = point(moons, i);
    const [cx, cy] = moons.y[i] === 0 ? [-0.5, -0.25] : [0.5, 0.25];
    assert.ok(Math.abs(Math.hypot(a - cx, b - cy) - 1) < 1e-12);
    assert.ok(moons.y[i] === 0 ? b >= cy : b <= cy);
  }
  const blobs = makeDataset('blobs', { samples: 9, noise: 0 });
  const centres = [[0, 1.2], [-1.2 * Math.sqrt(3) / 2, -0.6], [1.2 * Math.sqrt(3) / 2, -0.6]];
  for (let i = 0; i < 9; i++) {
    const [a, b] = point(blobs, i);
    const [cx, cy] = centres[i % 3];
    assert.ok(Math.abs(a - cx) < 1e-12 && Math.abs(b - cy) < 1e-12);
  }
  const sine = makeDataset('sine', { samples: n, noise: 0 });
  for (let i = 0; i < n; i++) {
    assert.ok(sine.x[i] >= -3 && sine.x[i] < 3);
    assert.equal(sine.y[i], Math.sin(sine.x[i]));
  }
});

test('noise: the default per set, and its size as asked', () => {
  const sine = makeDataset('sine', { samples: 4000, seed: 5 });
  const residual = Array.from(sine.y, (y, i) => y - Math.sin(sine.x[i]));
  const sd = Math.sqrt(residual.reduce((s, r) => s + r * r, 0) / residual.length);
  assert.ok(Math.abs(sd - NETWORK_DATASET_NOISE.sine) < 0.01, `sine noise sd ${sd}`);
  const blobs = makeDataset('blobs', { samples: 3000, seed: 5, noise: 0.5 });
  let sum = 0;
  for (let i = 0; i < blobs.n; i += 3) sum += (blobs.x[2 * i] - 0) ** 2 + (blobs.x[2 * i + 1] - 1.2) ** 2;
  const sdBlob = Math.sqrt(sum / (2 * blobs.n / 3));
  assert.ok(Math.abs(sdBlob - 0.5) < 0.03, `blob sd ${sdBlob}`);
  // The same seed with and without noise: the same draws underneath, moved by the noise.
  const quiet = makeDataset('moons', { samples: 50, noise: 0, seed: 8 });
  const noisy = makeDataset('moons', { samples: 50, seed: 8 });
  assert.notDeepEqual([...quiet.x], [...noisy.x]);
  for (let k = 0; k < quiet.x.length; k++) assert.ok(Math.abs(quiet.x[k] - noisy.x[k]) < 5 * NETWORK_DATASET_NOISE.moons);
  assert.throws(() => makeDataset('circle', { noise: -0.1 }), RangeError);
  assert.throws(() => makeDataset('circle', { samples: 1 }), RangeError);
});

test('the defaults learn: >= 95% on circle, xor, moons and blobs; the loss down to a third on spiral and sine', () => {
  for (const name of NETWORK_DATASET_NAMES) {
    const d = DEFAULT_NETWORK_OPTIONS[name];
    assert.ok(d.hidden.length <= 6 && d.hidden.every((n) => n <= 8), `${name}: a small network`);
    assert.ok(d.samples * d.epochs <= 300_000, `${name}: ${d.samples * d.epochs} example passes`);
    assert.equal(d.noise, NETWORK_DATASET_NOISE[name]);
    for (const seed of [1, 2, 3, 4, 5]) {
      const ds = makeDataset(name, { samples: d.samples, noise: d.noise, seed });
      const model = createNetworkModel(ds, { hidden: d.hidden, activation: d.activation, init: d.init, seed });
      const trainer = new Trainer(model, { batchSize: d.batchSize, epochs: d.epochs, seed, optimizer: d.optimizer, options: d.options });
      trainer.runAll();
      const h = trainer.history;
      const last = h.loss.length - 1;
      assert.equal(trainer.diverged, false);
      assert.equal(trainer.epoch, d.epochs);
      assert.ok(h.loss[last] <= h.loss[0] / 3, `${name}/${seed}: loss ${h.loss[0]} -> ${h.loss[last]}`);
      if (name !== 'spiral' && name !== 'sine') assert.ok(h.accuracy![last] >= 0.95, `${name}/${seed}: accuracy ${h.accuracy![last]}`);
    }
  }
});
