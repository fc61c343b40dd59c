/**
 * Small fully connected networks: the forward pass, the loss, and backpropagation, for
 * the figures that show how a network gets its gradient.
 *
 * A spec has sizes [n_0, n_1, ..., n_L] (inputs, hidden layers, outputs), one activation
 * for every hidden layer, and an output function that fixes the loss. The parameters
 * are one flat vector, layer by layer: W_l (n_l rows of n_{l-1} columns, row-major, the
 * layout of PyTorch's nn.Linear.weight), then b_l. So W_l[i][j], the weight from unit j
 * of layer l-1 to unit i of layer l, is at weightIndex(spec, l, i, j).
 *
 * Forward, for one example x:
 *   a[0] = x;   z[l] = W_l a[l-1] + b_l;   a[l] = act(z[l]) (l < L), out(z[L]) (l = L)
 * with act one of
 *   sigmoid  s(z) = 1 / (1 + e^-z)   s'(z) = s(z) (1 - s(z))
 *   tanh     tanh z                  tanh'(z) = 1 - tanh^2 z
 *   relu     max(z, 0)               relu'(z) = [z > 0]   (0 at z = 0)
 *   linear   z                       1
 *
 * Per-example loss and its gradient at the output, delta[L] = d loss / d z[L]:
 *   linear   l = sum_k (z_k - y_k)^2                     delta_k = 2 (z_k - y_k)
 *   sigmoid  (one unit) binary cross-entropy of the logit, y in {0, 1}:
 *            l = -[y ln s(z) + (1 - y) ln(1 - s(z))] = softplus(z) - y z
 *            softplus(z) = max(z, 0) + ln(1 + e^-|z|)    delta = s(z) - y
 *   softmax  categorical cross-entropy of the logits, y a class index:
 *            l = LSE(z) - z_y,  LSE(z) = M + ln sum_c e^{z_c - M},  M = max_c z_c
 *            p_k = e^{z_k - M} / sum_c e^{z_c - M}      delta_k = p_k - [k = y]
 *
 * Backward (the chain rule, layer by layer from the output):
 *   delta[l]_i = (sum_k W_{l+1}[k][i] delta[l+1]_k) act'(z[l]_i)       (l < L)
 *   d loss / d W_l[i][j] = delta[l]_i a[l-1]_j,   d loss / d b_l[i] = delta[l]_i
 *
 * Over a set of m examples the loss is the mean, L = (1/m) sum_i l_i, so its gradient is
 * the mean of the per-example gradients. Objectives are allocation-free per evaluation:
 * their scratch is made once.
 */
import { NETWORK_DATASET_NOISE, type AnyDatasetName, type Dataset, type NetworkDatasetName, type Task } from './datasets.js';
import { objectiveOver, sigmoid, softplus, type BatchObjective, type LossName, type Model } from './models.js';
import type { OptimizerName, OptimizerOptions } from './optimizers.js';
import { createRandom } from './random.js';
import type { Objective, Vector } from './types.js';

export type Activation = 'sigmoid' | 'tanh' | 'relu' | 'linear';

/** Every hidden activation, in the order widgets list them. */
export const ACTIVATION_NAMES: readonly Activation[] = Object.freeze(['sigmoid', 'tanh', 'relu', 'linear'] as const);

/** The last layer's function; it fixes the loss. */
export type NetworkOutput = 'linear' | 'sigmoid' | 'softmax';

export const NETWORK_OUTPUT_NAMES: readonly NetworkOutput[] = Object.freeze(['linear', 'sigmoid', 'softmax'] as const);

export interface NetworkSpec {
  /** [inputs, hidden..., outputs], at least two entries, each a whole number >= 1. */
  readonly sizes: readonly number[];
  /** Every hidden layer's activation. */
  readonly activation: Activation;
  /** The last layer: linear (sum of squares), sigmoid (one unit, BCE), softmax (>= 2 units, CCE). */
  readonly output: NetworkOutput;
}

/** One example's pass: index l is layer l; z[0] and delta[0] are empty, a[0] = x. */
export interface Pass {
  z: Float64Array[];
  a: Float64Array[];
  /** delta[l] = d loss / d z[l]. */
  delta: Float64Array[];
  loss: number;
}

export function isActivation(name: unknown): name is Activation {
  return typeof name === 'string' && (ACTIVATION_NAMES as readonly string[]).includes(name);
}

/** Throws a RangeError unless the spec is one this module can run. */
export function checkSpec(spec: NetworkSpec): void {
  const { sizes, activation, output } = spec;
  if (!(Array.isArray(sizes) && sizes.length >= 2)) throw new RangeError('a network needs at least two sizes: inputs and outputs');
  for (const n of sizes) if (!(Number.isInteger(n) && n >= 1)) throw new RangeError(`layer sizes must be whole numbers >= 1, got ${n}`);
  if (!isActivation(activation)) throw new RangeError(`unknown activation '${String(activation)}' (one of ${ACTIVATION_NAMES.join(', ')})`);
  if (!(NETWORK_OUTPUT_NAMES as readonly string[]).includes(output)) {
    throw new RangeError(`unknown output '${String(output)}' (one of ${NETWORK_OUTPUT_NAMES.join(', ')})`);
  }
  const last = sizes[sizes.length - 1];
  if (output === 'sigmoid' && last !== 1) throw new RangeError(`a sigmoid output has one unit, not ${last}`);
  if (output === 'softmax' && last < 2) throw new RangeError('a softmax output needs at least two units');
}

/** sum over layers l = 1..L of n_l n_{l-1} + n_l. */
export function parameterCount(spec: NetworkSpec): number {
  const s = spec.sizes;
  let count = 0;
  for (let l = 1; l < s.length; l++) count += s[l] * s[l - 1] + s[l];
  return count;
}

/** Where W_l starts in the flat parameters (1 <= l <= L). */
function layerOffset(sizes: readonly number[], l: number): number {
  if (!(Number.isInteger(l) && l >= 1 && l < sizes.length)) throw new RangeError(`layer ${l} is not in 1..${sizes.length - 1}`);
  let o = 0;
  for (let k = 1; k < l; k++) o += sizes[k] * sizes[k - 1] + sizes[k];
  return o;
}

function checkUnit(what: string, i: number, n: number): void {
  if (!(Number.isInteger(i) && i >= 0 && i < n)) throw new RangeError(`${what} ${i} is not in 0..${n - 1}`);
}

/** Index of W_l[i][j], the weight from unit j of layer l-1 to unit i of layer l. */
export function weightIndex(spec: NetworkSpec, l: number, i: number, j: number): number {
  const s = spec.sizes;
  const o = layerOffset(s, l);
  checkUnit('unit', i, s[l]);
  checkUnit('input unit', j, s[l - 1]);
  return o + i * s[l - 1] + j;
}

/** Index of b_l[i], the bias of unit i of layer l. */
export function biasIndex(spec: NetworkSpec, l: number, i: number): number {
  const s = spec.sizes;
  const o = layerOffset(s, l);
  checkUnit('unit', i, s[l]);
  return o + s[l] * s[l - 1] + i;
}

/** Where a flat parameter sits: the weight W_l[i][j] or the bias b_l[i] (l from 1, i and j from 0). */
export type ParameterPlace =
  | { readonly kind: 'weight'; readonly l: number; readonly i: number; readonly j: number }
  | { readonly kind: 'bias'; readonly l: number; readonly i: number };

/** The inverse of weightIndex and biasIndex: which weight or bias the flat parameter `index` is. */
export function parameterPlace(spec: NetworkSpec, index: number): ParameterPlace {
  const s = spec.sizes;
  checkUnit('parameter', index, parameterCount(spec));
  let o = index;
  for (let l = 1; ; l++) {
    const weights = s[l] * s[l - 1];
    if (o < weights) return { kind: 'weight', l, i: Math.floor(o / s[l - 1]), j: o % s[l - 1] };
    o -= weights;
    if (o < s[l]) return { kind: 'bias', l, i: o };
    o -= s[l];
  }
}

/** act(z) for a hidden activation. */
export function activate(activation: Activation, z: number): number {
  switch (activation) {
    case 'sigmoid':
      return sigmoid(z);
    case 'tanh':
      return Math.tanh(z);
    case 'relu':
      return z > 0 ? z : 0;
    case 'linear':
      return z;
  }
}

/**
 * act'(z), from z and a = act(z) (computed when absent): sigmoid a (1 - a), tanh
 * 1 - a^2, relu 1 for z > 0 else 0 (so 0 at z = 0), linear 1.
 */
export function activationSlope(activation: Activation, z: number, a: number = activate(activation, z)): number {
  switch (activation) {
    case 'sigmoid':
      return a * (1 - a);
    case 'tanh':
      return 1 - a * a;
    case 'relu':
      return z > 0 ? 1 : 0;
    case 'linear':
      return 1;
  }
}

// ---------------------------------------------------------------------------------------
// The kernel: one example's forward pass, loss and backward pass, in scratch made once.

class NetworkKernel {
  readonly sizes: readonly number[];
  readonly L: number;
  readonly activation: Activation;
  readonly output: NetworkOutput;
  /** Where W_l starts, for l = 1..L (offset[0] unused). */
  readonly offset: number[];
  readonly z: Float64Array[];
  readonly a: Float64Array[];
  readonly delta: Float64Array[];
  /** softmax: M = max_c z_c and ln sum_c e^{z_c - M} of the last forward pass. */
  private maxLogit = 0;
  private logTotal = 0;

  constructor(spec: NetworkSpec) {
    checkSpec(spec);
    this.sizes = [...spec.sizes];
    this.L = this.sizes.length - 1;
    this.activation = spec.activation;
    this.output = spec.output;
    this.offset = [0];
    for (let l = 1; l <= this.L; l++) this.offset.push(layerOffset(this.sizes, l));
    this.z = this.sizes.map((n, l) => new Float64Array(l === 0 ? 0 : n));
    this.a = this.sizes.map((n) => new Float64Array(n));
    this.delta = this.sizes.map((n, l) => new Float64Array(l === 0 ? 0 : n));
  }

  /** a[0] = X[o..o+n_0), then z[l], a[l] layer by layer. */
  forward(p: ArrayLike<number>, X: ArrayLike<number>, o: number): void {
    const { sizes, L } = this;
    const a0 = this.a[0];
    for (let j = 0; j < a0.length; j++) a0[j] = X[o + j];
    for (let l = 1; l <= L; l++) {
      const n = sizes[l];
      const m = sizes[l - 1];
      const W = this.offset[l];
      const b = W + n * m;
      const prev = this.a[l - 1];
      const z = this.z[l];
      const a = this.a[l];
      for (let i = 0; i < n; i++) {
        // z_i = sum_j W[i][j] a_j + b_i
        let s = 0;
        const row = W + i * m;
        for (let j = 0; j < m; j++) s += p[row + j] * prev[j];
        z[i] = s + p[b + i];
      }
      if (l < L) {
        const act = this.activation;
        for (let i = 0; i < n; i++) a[i] = activate(act, z[i]);
      } else if (this.output === 'linear') {
        a.set(z);
      } else if (this.output === 'sigmoid') {
        a[0] = sigmoid(z[0]);
      } else {
        // p_k = e^{z_k - M} / sum_c e^{z_c - M}
        let M = -Infinity;
        for (let k = 0; k < n; k++) if (z[k] > M) M = z[k];
        let total = 0;
        for (let k = 0; k < n; k++) {
          a[k] = Math.exp(z[k] - M);
          total += a[k];
        }
        for (let k = 0; k < n; k++) a[k] /= total;
        this.maxLogit = M;
        this.logTotal = Math.log(total);
      }
    }
  }

  /** The loss of the last forward pass against target Y[t..] (a vector of n_L for a linear output), and delta[L]. */
  outputLoss(Y: ArrayLike<number>, t: number): number {
    const L = this.L;
    const z = this.z[L];
    const a = this.a[L];
    const delta = this.delta[L];
    if (this.output === 'linear') {
      let sum = 0;
      for (let k = 0; k < z.length; k++) {
        const r = z[k] - Y[t + k];
        sum += r * r;
        delta[k] = 2 * r;
      }
      return sum;
    }
    if (this.output === 'sigmoid') {
      const y = Y[t];
      delta[0] = a[0] - y;
      return softplus(z[0]) - y * z[0];
    }
    const y = Y[t];
    for (let k = 0; k < z.length; k++) delta[k] = a[k] - (k === y ? 1 : 0);
    // LSE(z) - z_y = ln sum_c e^{z_c - M} - (z_y - M)
    return this.logTotal - (z[y] - this.maxLogit);
  }

  /** delta[l] for l = L-1..1 from delta[L], adding each layer's gradient into grad. */
  backward(p: ArrayLike<number>, grad: Float64Array): void {
    const { sizes, L } = this;
    const act = this.activation;
    for (let l = L; l >= 1; l--) {
      const n = sizes[l];
      const m = sizes[l - 1];
      const W = this.offset[l];
      const b = W + n * m;
      const d = this.delta[l];
      const prev = this.a[l - 1];
      // dW[i][j] += delta_i a_j,  db_i += delta_i
      for (let i = 0; i < n; i++) {
        const di = d[i];
        const row = W + i * m;
        for (let j = 0; j < m; j++) grad[row + j] += di * prev[j];
        grad[b + i] += di;
      }
      if (l > 1) {
        // delta[l-1]_j = (sum_i W[i][j] delta_i) act'(z[l-1]_j)
        const below = this.delta[l - 1];
        const zBelow = this.z[l - 1];
        for (let j = 0; j < m; j++) {
          let s = 0;
          for (let i = 0; i < n; i++) s += p[W + i * m + j] * d[i];
          below[j] = s * activationSlope(act, zBelow[j], prev[j]);
        }
      }
    }
  }
}

/** How many numbers each example's target takes: n_L for a linear output, else 1. */
function targetStride(spec: NetworkSpec): number {
  return spec.output === 'linear' ? spec.sizes[spec.sizes.length - 1] : 1;
}

/** Writes one target into Y at t, checking it fits the output. */
function putTarget(spec: NetworkSpec, Y: Float64Array, t: number, target: number | ArrayLike<number>): void {
  const nOut = spec.sizes[spec.sizes.length - 1];
  if (spec.output === 'linear') {
    if (typeof target === 'number') {
      if (nOut !== 1) throw new RangeError(`a number target for ${nOut} outputs`);
      Y[t] = target;
    } else {
      if (target.length !== nOut) throw new RangeError(`a target of ${target.length} values for ${nOut} outputs`);
      for (let k = 0; k < nOut; k++) Y[t + k] = target[k];
    }
    return;
  }
  const y = typeof target === 'number' ? target : target.length === 1 ? target[0] : NaN;
  if (spec.output === 'sigmoid' && !(y >= 0 && y <= 1)) throw new RangeError(`a sigmoid output takes a target in [0, 1], got ${String(target)}`);
  if (spec.output === 'softmax' && !(Number.isInteger(y) && y >= 0 && y < nOut)) {
    throw new RangeError(`a softmax output takes a class in 0..${nOut - 1}, got ${String(target)}`);
  }
  Y[t] = y;
}

/**
 * The mean loss over a selection of examples (features X, n x n_0 row-major; targets
 * Y, `stride` numbers each) as a re-pointable objective of the flat parameters.
 */
class NetworkLoss implements BatchObjective {
  readonly dim: number;
  private readonly kernel: NetworkKernel;
  private readonly d: number;
  private readonly stride: number;
  private idx: Int32Array | null = null;
  private start = 0;
  private end: number;

  constructor(
    spec: NetworkSpec,
    private readonly X: Float64Array,
    private readonly Y: Float64Array,
    private readonly n: number,
  ) {
    this.kernel = new NetworkKernel(spec);
    this.dim = parameterCount(spec);
    this.d = spec.sizes[0];
    this.stride = targetStride(spec);
    this.end = n;
  }

  get size(): number {
    return this.end - this.start;
  }

  select(indices: Int32Array | null, start = 0, end = indices === null ? this.n : indices.length): void {
    this.idx = indices;
    this.start = start;
    this.end = end;
  }

  evaluate(x: Vector, grad: Vector): number {
    grad.fill(0);
    const { kernel, X, Y, d, stride, idx } = this;
    let sum = 0;
    for (let t = this.start; t < this.end; t++) {
      const i = idx === null ? t : idx[t];
      kernel.forward(x, X, i * d);
      sum += kernel.outputLoss(Y, i * stride);
      kernel.backward(x, grad);
    }
    // The mean of the per-example losses and of their gradients.
    const inv = 1 / (this.end - this.start);
    for (let k = 0; k < grad.length; k++) grad[k] *= inv;
    return sum * inv;
  }

  /** The mean loss without the gradient. */
  value(x: ArrayLike<number>): number {
    const { kernel, X, Y, d, stride, idx } = this;
    let sum = 0;
    for (let t = this.start; t < this.end; t++) {
      const i = idx === null ? t : idx[t];
      kernel.forward(x, X, i * d);
      sum += kernel.outputLoss(Y, i * stride);
    }
    return sum / (this.end - this.start);
  }
}

/**
 * The mean loss over the examples as an Objective of the flat parameters (a
 * BatchObjective: select() narrows it to some of them). Inputs and targets are copied.
 * Throws a RangeError on a bad spec, no examples, or an input or target that does not fit.
 */
export function networkObjective(
  spec: NetworkSpec,
  inputs: readonly ArrayLike<number>[],
  targets: readonly (number | ArrayLike<number>)[],
): BatchObjective {
  checkSpec(spec);
  const m = inputs.length;
  if (m === 0) throw new RangeError('networkObjective: no examples');
  if (targets.length !== m) throw new RangeError(`networkObjective: ${m} inputs but ${targets.length} targets`);
  const d = spec.sizes[0];
  const stride = targetStride(spec);
  const X = new Float64Array(m * d);
  const Y = new Float64Array(m * stride);
  for (let i = 0; i < m; i++) {
    if (inputs[i].length !== d) throw new RangeError(`input ${i} has ${inputs[i].length} values, the network takes ${d}`);
    for (let j = 0; j < d; j++) X[i * d + j] = inputs[i][j];
    putTarget(spec, Y, i * stride, targets[i]);
  }
  return new NetworkLoss(spec, X, Y, m);
}

/**
 * One example: forward, loss, backward. Writes the example's gradient into grad (which
 * must have parameterCount(spec) entries) and returns the pass in fresh arrays.
 */
export function forwardBackward(
  spec: NetworkSpec,
  params: ArrayLike<number>,
  x: ArrayLike<number>,
  target: number | ArrayLike<number>,
  grad: Float64Array,
): Pass {
  const kernel = new NetworkKernel(spec);
  const dim = parameterCount(spec);
  if (params.length !== dim) throw new RangeError(`${params.length} parameters given, the network has ${dim}`);
  if (grad.length !== dim) throw new RangeError(`grad has ${grad.length} entries, the network has ${dim} parameters`);
  if (x.length !== spec.sizes[0]) throw new RangeError(`x has ${x.length} values, the network takes ${spec.sizes[0]}`);
  const Y = new Float64Array(targetStride(spec));
  putTarget(spec, Y, 0, target);
  kernel.forward(params, x, 0);
  const loss = kernel.outputLoss(Y, 0);
  grad.fill(0);
  kernel.backward(params, grad);
  // The kernel is this call's own: its arrays are fresh.
  return { z: kernel.z, a: kernel.a, delta: kernel.delta, loss };
}

/** Frobenius norm of each layer's weight gradient, sqrt(sum_ij (dL/dW_l[i][j])^2), first layer first. */
export function layerGradientNorms(spec: NetworkSpec, grad: ArrayLike<number>): number[] {
  const s = spec.sizes;
  const norms: number[] = [];
  let o = 0;
  for (let l = 1; l < s.length; l++) {
    const count = s[l] * s[l - 1];
    let sum = 0;
    for (let k = o; k < o + count; k++) sum += grad[k] * grad[k];
    norms.push(Math.sqrt(sum));
    o += count + s[l];
  }
  return norms;
}

// ---------------------------------------------------------------------------------------
// Initialisation

export type InitName = 'xavier' | 'he' | 'normal';

export const INIT_NAMES: readonly InitName[] = Object.freeze(['xavier', 'he', 'normal'] as const);

/**
 * Seeded starting parameters, drawn layer by layer in the flat order from
 * createRandom(seed); biases zero. With fan_in = n_{l-1}, fan_out = n_l and gain
 * g = scale:
 *   xavier  W ~ Uniform[-g a, g a],  a = sqrt(6 / (fan_in + fan_out))  (Glorot & Bengio
 *           2010: Var W = 2 / (fan_in + fan_out) at g = 1)
 *   he      W ~ N(0, g^2 2 / fan_in)                                    (He et al. 2015)
 *   normal  W ~ N(0, g^2)
 * Throws a RangeError on a bad spec, an unknown init, a non-integer seed or a scale
 * that is not a finite number >= 0.
 */
export function initialParameters(spec: NetworkSpec, init: InitName, seed: number, scale = 1): Float64Array {
  checkSpec(spec);
  if (!(INIT_NAMES as readonly string[]).includes(init)) throw new RangeError(`unknown init '${String(init)}' (one of ${INIT_NAMES.join(', ')})`);
  if (!(Number.isFinite(scale) && scale >= 0)) throw new RangeError(`scale must be a finite number >= 0, got ${scale}`);
  const random = createRandom(seed);
  const s = spec.sizes;
  const params = new Float64Array(parameterCount(spec));
  let o = 0;
  for (let l = 1; l < s.length; l++) {
    const fanIn = s[l - 1];
    const fanOut = s[l];
    const count = fanIn * fanOut;
    if (init === 'xavier') {
      const bound = scale * Math.sqrt(6 / (fanIn + fanOut));
      for (let k = 0; k < count; k++) params[o + k] = bound * (2 * random.next() - 1);
    } else {
      const sd = init === 'he' ? scale * Math.sqrt(2 / fanIn) : scale;
      for (let k = 0; k < count; k++) params[o + k] = sd * random.normal();
    }
    o += count + fanOut; // the biases stay 0
  }
  return params;
}

// ---------------------------------------------------------------------------------------
// A network as a Model, so the Trainer trains it.

/** The output and loss each task gets. */
export const TASK_OUTPUTS: Readonly<Record<Task, { output: NetworkOutput; loss: LossName }>> = Object.freeze({
  regression: Object.freeze({ output: 'linear', loss: 'mse' } as const),
  binary: Object.freeze({ output: 'sigmoid', loss: 'bce' } as const),
  multiclass: Object.freeze({ output: 'softmax', loss: 'cce' } as const),
});

export interface NetworkModelOptions {
  /** Units of each hidden layer, input side first (may be empty: no hidden layer). */
  hidden: readonly number[];
  activation: Activation;
  init: InitName;
  /** Gain of the initialisation (see initialParameters). Default 1. */
  initScale?: number;
  /** Seed of the initialisation. */
  seed: number;
}

export interface NetworkModel extends Model {
  readonly kind: 'network';
  readonly spec: NetworkSpec;
  readonly options: Readonly<NetworkModelOptions>;
  /**
   * The forward pass for one example's features, without allocating (for drawing every
   * unit's output over a grid): z[l] and a[l] as in Pass (z[0] empty, a[0] the
   * features). The arrays are the model's scratch: read them before the next call of
   * forward, predict, predictClass or accuracy of this model.
   */
  forward(params: ArrayLike<number>, features: ArrayLike<number>): { readonly z: readonly Float64Array[]; readonly a: readonly Float64Array[] };
}

/**
 * A network on a data set: inputs the set's features, hidden layers as asked, the output
 * fixed by the task (regression: one linear unit, 'mse' = (yhat - y)^2; binary: one
 * sigmoid unit, 'bce'; multiclass: softmax over the classes, 'cce'). initialParams() is
 * the seeded initialisation. Throws a RangeError on a bad option.
 */
export function createNetworkModel(dataset: Dataset<AnyDatasetName>, options: NetworkModelOptions): NetworkModel {
  const { output, loss } = TASK_OUTPUTS[dataset.task];
  const outputs = output === 'softmax' ? dataset.classes : 1;
  const spec: NetworkSpec = Object.freeze({
    sizes: Object.freeze([dataset.d, ...options.hidden, outputs]),
    activation: options.activation,
    output,
  });
  checkSpec(spec);
  const start = initialParameters(spec, options.init, options.seed, options.initScale ?? 1);
  return new DatasetNetwork(dataset, spec, loss, start, Object.freeze({ ...options, hidden: Object.freeze([...options.hidden]) }));
}

class DatasetNetwork implements NetworkModel {
  readonly kind = 'network' as const;
  readonly dim: number;
  private readonly all: NetworkLoss;
  /** For predict and predictClass. */
  private readonly kernel: NetworkKernel;
  /** The kernel's z and a, as forward() hands them out. */
  private readonly layers: { readonly z: readonly Float64Array[]; readonly a: readonly Float64Array[] };
  private readonly Y: Float64Array;

  constructor(
    readonly dataset: Dataset<AnyDatasetName>,
    readonly spec: NetworkSpec,
    readonly loss: LossName,
    private readonly start: Float64Array,
    readonly options: Readonly<NetworkModelOptions>,
  ) {
    this.dim = parameterCount(spec);
    this.Y = dataset.y;
    this.all = this.batchObjective();
    this.kernel = new NetworkKernel(spec);
    this.layers = Object.freeze({ z: this.kernel.z, a: this.kernel.a });
  }

  objective(indices?: ArrayLike<number>): Objective {
    return objectiveOver(this.batchObjective(), this.dataset.n, indices);
  }

  batchObjective(): NetworkLoss {
    return new NetworkLoss(this.spec, this.dataset.x, this.Y, this.dataset.n);
  }

  fullLoss(params: ArrayLike<number>): number {
    return this.all.value(this.check(params));
  }

  accuracy(params: ArrayLike<number>): number {
    if (this.dataset.task === 'regression') return NaN;
    const p = this.check(params);
    const { x: X, y: Y, n, d } = this.dataset;
    let right = 0;
    for (let i = 0; i < n; i++) if (this.classAt(p, X, i * d) === Y[i]) right++;
    return right / n;
  }

  /** sigmoid: 1 when z > 0 (P(y = 1) > 1/2), else 0; softmax: argmax_k z_k, the first on ties; NaN for regression. */
  predictClass(params: ArrayLike<number>, features: ArrayLike<number>): number {
    if (this.dataset.task === 'regression') return NaN;
    this.checkFeatures('predictClass', features);
    return this.classAt(this.check(params), features, 0);
  }

  forward(params: ArrayLike<number>, features: ArrayLike<number>): { readonly z: readonly Float64Array[]; readonly a: readonly Float64Array[] } {
    this.checkFeatures('forward', features);
    this.kernel.forward(this.check(params), features, 0);
    return this.layers;
  }

  /** [yhat], [P(y = 1)], or the class probabilities, written into out (allocated when absent). */
  predict(params: ArrayLike<number>, features: ArrayLike<number>, out?: Float64Array): Float64Array {
    this.checkFeatures('predict', features);
    const k = this.kernel;
    k.forward(this.check(params), features, 0);
    const a = k.a[k.L];
    const result = out ?? new Float64Array(a.length);
    if (result.length < a.length) throw new RangeError(`predict: out has room for ${result.length} outputs, needs ${a.length}`);
    result.set(a);
    return result;
  }

  initialParams(): Float64Array {
    return Float64Array.from(this.start);
  }

  private classAt(p: ArrayLike<number>, X: ArrayLike<number>, o: number): number {
    const k = this.kernel;
    k.forward(p, X, o);
    const z = k.z[k.L];
    if (this.spec.output === 'sigmoid') return z[0] > 0 ? 1 : 0;
    let predicted = 0;
    for (let c = 1; c < z.length; c++) if (z[c] > z[predicted]) predicted = c;
    return predicted;
  }

  private check(params: ArrayLike<number>): ArrayLike<number> {
    if (params.length !== this.dim) throw new RangeError(`${params.length} parameters given, the network has ${this.dim}`);
    return params;
  }

  private checkFeatures(what: string, features: ArrayLike<number>): void {
    const d = this.dataset.d;
    if (features.length !== d) throw new RangeError(`${what}: ${features.length} features given, the model takes ${d}`);
  }
}

// ---------------------------------------------------------------------------------------
// Defaults that learn

/** The largest network a figure offers: this many hidden layers ... */
export const MAX_HIDDEN_LAYERS = 6;
/** ... of at most this many units (a drawing a phone's column can show). */
export const MAX_LAYER_UNITS = 8;

/** A network figure's starting settings for one data set. */
export interface NetworkDefaults {
  readonly hidden: readonly number[];
  readonly activation: Activation;
  readonly init: InitName;
  readonly optimizer: OptimizerName;
  readonly options: Readonly<OptimizerOptions>;
  readonly batchSize: number;
  readonly epochs: number;
  /** The data set's samples and noise. */
  readonly samples: number;
  readonly noise: number;
}

const defaults = (d: NetworkDefaults): Readonly<NetworkDefaults> =>
  Object.freeze({ ...d, hidden: Object.freeze([...d.hidden]), options: Object.freeze({ ...d.options }) });

/**
 * Per data set, settings with which a default run learns, with each set's default noise
 * (test/core/network-datasets.test.ts checks seeds 1..5: >= 95% training accuracy on
 * circle, xor, moons and blobs, the loss down to at most a third of its start on spiral
 * and sine). Plain gradient descent everywhere but the spiral, which takes momentum.
 * Measured over seeds 1..6 (each seed for data, initialisation and shuffles):
 *   circle  2-6-1 tanh, gd lr 0.3, batch 10, 100 epochs: BCE ~0.78 -> 0.03-0.05, 98.5-100%
 *   xor     2-6-1 tanh, same:                            BCE ~0.78 -> 0.03-0.06, 98-100%
 *   moons   2-6-1 tanh, same:                            BCE ~0.7 -> 0.01-0.04, 99.5-100%
 *   blobs   2-4-3 tanh, gd lr 0.3, batch 10, 50 epochs:  CCE 0.7-1.6 -> 0.005-0.02, 99.3-100%
 *   spiral  2-8-8-1 tanh, momentum lr 0.05 beta 0.9, batch 10, 300 epochs:
 *                                                        BCE ~0.73 -> 0.01-0.04, 97.5-100%
 *   sine    1-8-1 tanh, gd lr 0.1, batch 10, 200 epochs: MSE 0.1-3.3 -> 0.013-0.02
 *           (noise 0.1: the floor is 0.01)
 * At most 60 000 example passes a run (spiral; about 0.15 s in Node), the others 20 000.
 */
export const DEFAULT_NETWORK_OPTIONS: Readonly<Record<NetworkDatasetName, Readonly<NetworkDefaults>>> = Object.freeze({
  circle: defaults({ hidden: [6], activation: 'tanh', init: 'xavier', optimizer: 'gd', options: { lr: 0.3 }, batchSize: 10, epochs: 100, samples: 200, noise: NETWORK_DATASET_NOISE.circle }),
  xor: defaults({ hidden: [6], activation: 'tanh', init: 'xavier', optimizer: 'gd', options: { lr: 0.3 }, batchSize: 10, epochs: 100, samples: 200, noise: NETWORK_DATASET_NOISE.xor }),
  spiral: defaults({ hidden: [8, 8], activation: 'tanh', init: 'xavier', optimizer: 'momentum', options: { lr: 0.05, beta: 0.9 }, batchSize: 10, epochs: 300, samples: 200, noise: NETWORK_DATASET_NOISE.spiral }),
  moons: defaults({ hidden: [6], activation: 'tanh', init: 'xavier', optimizer: 'gd', options: { lr: 0.3 }, batchSize: 10, epochs: 100, samples: 200, noise: NETWORK_DATASET_NOISE.moons }),
  blobs: defaults({ hidden: [4], activation: 'tanh', init: 'xavier', optimizer: 'gd', options: { lr: 0.3 }, batchSize: 10, epochs: 50, samples: 150, noise: NETWORK_DATASET_NOISE.blobs }),
  sine: defaults({ hidden: [8], activation: 'tanh', init: 'xavier', optimizer: 'gd', options: { lr: 0.1 }, batchSize: 10, epochs: 200, samples: 100, noise: NETWORK_DATASET_NOISE.sine }),
});
