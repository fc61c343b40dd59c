/**
 * The models the batch trainer fits, each a loss over a data set as an `Objective` of
 * its parameters, with the exact gradient.
 *
 * For a set B of m examples the loss is the mean of the per-example losses, and so its
 * gradient is the mean of the per-example gradients:
 *
 *   L_B(theta) = (1/m) sum_{i in B} l_i(theta),   grad L_B = (1/m) sum_{i in B} grad l_i
 *
 * (B = all n examples: the batch gradient; one example: the stochastic gradient; a few:
 * a mini-batch gradient.)
 *
 * linear (regression), parameters [w_1..w_d, b]; prediction yhat = w . x + b, residual
 * r = yhat - y:
 *   mse  l = r^2                      dl/dw_j = 2 r x_j       dl/db = 2 r
 *   mae  l = |r|                      dl/dw_j = sign(r) x_j   dl/db = sign(r)
 *        (|r| has no derivative at r = 0; the subgradient used there is sign(0) = 0)
 *
 * logistic (binary), parameters [w_1..w_d, b]; z = w . x + b, p = sigma(z) = 1 / (1 + e^-z)
 * is P(y = 1 | x):
 *   bce  l = -[y ln p + (1 - y) ln(1 - p)] = softplus(z) - y z,
 *        softplus(z) = ln(1 + e^z) = max(z, 0) + ln(1 + e^-|z|)   (never overflows)
 *        dl/dw_j = (p - y) x_j             dl/db = p - y
 *
 * softmax (multiclass, K classes), parameters class-major, K rows of d + 1:
 * row k = [w_k1..w_kd, b_k] at offset k (d + 1); z_k = w_k . x + b_k,
 * p_k = e^{z_k} / sum_c e^{z_c}:
 *   cce  l = -ln p_y = LSE(z) - z_y,  LSE(z) = ln sum_c e^{z_c} = M + ln sum_c e^{z_c - M},
 *        M = max_c z_c (the shift keeps every exponent <= 0)
 *        dl/dw_kj = (p_k - [k = y]) x_j    dl/db_k = p_k - [k = y]
 *   Every row gets a weight vector, so adding one vector to all rows changes nothing;
 *   from zero parameters gradient descent stays where the rows sum to zero.
 *
 * Every loss is convex in the parameters, so starting from zero (`initialParams`) is fine.
 * Objectives are allocation-free per evaluation: scratch is allocated when they are made.
 */
import type { AnyDatasetName, Dataset, Task } from './datasets.js';
import type { Objective, Vector } from './types.js';

export type LossName = 'mse' | 'mae' | 'bce' | 'cce';

/** Every loss, in the order widgets list them. */
export const LOSS_NAMES: readonly LossName[] = Object.freeze(['mse', 'mae', 'bce', 'cce'] as const);

/** The linear family (this module), or a fully connected network (network.ts). */
export type ModelKind = 'linear' | 'logistic' | 'softmax' | 'network';

/** The models of this module: a linear score per output. */
export type LinearFamilyKind = Exclude<ModelKind, 'network'>;

/** The losses that fit each task; the first is the default. */
export const TASK_LOSSES: Readonly<Record<Task, readonly LossName[]>> = Object.freeze({
  regression: Object.freeze(['mse', 'mae'] as LossName[]),
  binary: Object.freeze(['bce'] as LossName[]),
  multiclass: Object.freeze(['cce'] as LossName[]),
});

/** The model each task trains. */
export const TASK_MODELS: Readonly<Record<Task, LinearFamilyKind>> = Object.freeze({
  regression: 'linear',
  binary: 'logistic',
  multiclass: 'softmax',
});

export function isLossName(name: unknown): name is LossName {
  return typeof name === 'string' && (LOSS_NAMES as readonly string[]).includes(name);
}

/**
 * An objective over a chosen set of examples that can be re-pointed without allocating:
 * the fast path for training loops, one per loop.
 */
export interface BatchObjective extends Objective {
  /**
   * Later evaluations use examples indices[start..end) (all examples when indices is
   * null). The array is read, not copied: leave it unchanged while it is selected.
   */
  select(indices: Int32Array | null, start?: number, end?: number): void;
  /** Number of examples selected. */
  readonly size: number;
}

/**
 * `objective` of any model: its batch objective over the examples `indices` (copied),
 * all of them when absent. Throws a RangeError on an empty list or an index outside 0..n-1.
 */
export function objectiveOver(o: BatchObjective, n: number, indices?: ArrayLike<number>): BatchObjective {
  if (indices === undefined) return o;
  if (indices.length === 0) throw new RangeError('objective: the list of examples is empty');
  const copy = new Int32Array(indices.length);
  for (let t = 0; t < indices.length; t++) {
    const i = indices[t];
    if (!(Number.isInteger(i) && i >= 0 && i < n)) throw new RangeError(`objective: example ${i} is not in 0..${n - 1}`);
    copy[t] = i;
  }
  o.select(copy);
  return o;
}

export interface Model {
  readonly kind: ModelKind;
  readonly loss: LossName;
  /** Number of parameters: d + 1, or K (d + 1) for softmax (a network: parameterCount of its spec). */
  readonly dim: number;
  readonly dataset: Dataset<AnyDatasetName>;
  /**
   * The mean loss over the examples `indices` (all when absent) as an Objective over the
   * parameters, with its exact gradient (the batch gradient is the mean of per-example
   * gradients). The indices are copied. Throws a RangeError on an empty list or an
   * index outside 0..n-1.
   */
  objective(indices?: ArrayLike<number>): Objective;
  /** An objective over all examples whose selection can change (see BatchObjective). */
  batchObjective(): BatchObjective;
  /**
   * The mean loss over all examples. (Named fullLoss because `loss` is the loss's name:
   * an interface cannot have both.)
   */
  fullLoss(params: ArrayLike<number>): number;
  /** Fraction of examples classified right (classifiers), else NaN. */
  accuracy(params: ArrayLike<number>): number;
  /**
   * The class the model predicts for one example's features (length d): logistic, 1 when
   * z = w . x + b > 0 (P(y = 1) > 1/2), else 0; softmax, argmax_k z_k, the first on ties
   * (the same as argmax_k p_k). NaN for regression.
   */
  predictClass(params: ArrayLike<number>, features: ArrayLike<number>): number;
  /**
   * The model's output for one example's features (length d): [yhat] for regression,
   * [P(y = 1)] for logistic, the K class probabilities for softmax. Written into out
   * (allocated when absent) and returned.
   */
  predict(params: ArrayLike<number>, features: ArrayLike<number>, out?: Float64Array): Float64Array;
  /**
   * Where training starts (a fresh array): all zeros for the linear family (every loss
   * there is convex, so the start does not matter for the optimum); the seeded
   * initialisation for a network.
   */
  initialParams(): Float64Array;
}

/**
 * The model for a data set's task: linear regression with 'mse' (default) or 'mae',
 * logistic regression with 'bce', softmax regression with 'cce'. Throws a RangeError
 * when the loss does not fit the task (or is unknown).
 */
export function createModel(dataset: Dataset<AnyDatasetName>, loss?: LossName): Model {
  const allowed = TASK_LOSSES[dataset.task];
  if (allowed === undefined) throw new RangeError(`unknown task '${String(dataset.task)}'`);
  const chosen = loss ?? allowed[0];
  if (!isLossName(chosen)) {
    throw new RangeError(`unknown loss '${String(chosen)}' (one of ${LOSS_NAMES.join(', ')})`);
  }
  if (!allowed.includes(chosen)) {
    throw new RangeError(
      `loss '${chosen}' does not fit ${dataset.task} on '${dataset.name}' (use ${allowed.join(' or ')})`,
    );
  }
  return new LinearFamilyModel(dataset, TASK_MODELS[dataset.task], chosen);
}

// ---------------------------------------------------------------------------------------
// Kernels: the sum (not the mean) of per-example losses over idx[start..end) (rows
// start..end when idx is null), adding the sum of per-example gradients into grad when
// grad is not null. Callers zero grad first and divide both by m.

/**
 * linear: yhat = w . x + b; mse adds r^2 and 2 r (x, 1), mae |r| and sign(r) (x, 1).
 *
 * Examples go two at a time: their dot products are independent, so the processor
 * overlaps them (one dot product is a chain of dependent additions). Every sum still
 * adds its terms in example order, so the result is the same, bit for bit, as one at
 * a time.
 */
function linearKernel(
  p: Float64Array,
  grad: Float64Array,
  X: Float64Array,
  Y: Float64Array,
  d: number,
  idx: Int32Array | null,
  start: number,
  end: number,
  mae: boolean,
): number {
  const b = p[d];
  let sum = 0;
  let gb = 0;
  let t = start;
  for (; t + 1 < end; t += 2) {
    const i0 = idx === null ? t : idx[t];
    const i1 = idx === null ? t + 1 : idx[t + 1];
    const o0 = i0 * d;
    const o1 = i1 * d;
    let z0 = b;
    let z1 = b;
    for (let j = 0; j < d; j++) {
      const w = p[j];
      z0 += w * X[o0 + j];
      z1 += w * X[o1 + j];
    }
    const r0 = z0 - Y[i0];
    const r1 = z1 - Y[i1];
    let g0: number;
    let g1: number;
    if (mae) {
      sum += Math.abs(r0);
      sum += Math.abs(r1);
      g0 = r0 > 0 ? 1 : r0 < 0 ? -1 : 0;
      g1 = r1 > 0 ? 1 : r1 < 0 ? -1 : 0;
    } else {
      sum += r0 * r0;
      sum += r1 * r1;
      g0 = 2 * r0;
      g1 = 2 * r1;
    }
    for (let j = 0; j < d; j++) {
      grad[j] += g0 * X[o0 + j];
      grad[j] += g1 * X[o1 + j];
    }
    gb += g0;
    gb += g1;
  }
  if (t < end) {
    const i = idx === null ? t : idx[t];
    const o = i * d;
    let z = b;
    for (let j = 0; j < d; j++) z += p[j] * X[o + j];
    const r = z - Y[i];
    let g: number;
    if (mae) {
      sum += Math.abs(r);
      g = r > 0 ? 1 : r < 0 ? -1 : 0;
    } else {
      sum += r * r;
      g = 2 * r;
    }
    for (let j = 0; j < d; j++) grad[j] += g * X[o + j];
    gb += g;
  }
  grad[d] += gb;
  return sum;
}

/**
 * linearKernel's loss alone: the hot path of full-data losses (every epoch) and of loss
 * contours. Two examples at a time, as there.
 */
function linearValue(
  p: Float64Array,
  X: Float64Array,
  Y: Float64Array,
  d: number,
  idx: Int32Array | null,
  start: number,
  end: number,
  mae: boolean,
): number {
  const b = p[d];
  let sum = 0;
  let t = start;
  for (; t + 1 < end; t += 2) {
    const i0 = idx === null ? t : idx[t];
    const i1 = idx === null ? t + 1 : idx[t + 1];
    const o0 = i0 * d;
    const o1 = i1 * d;
    let z0 = b;
    let z1 = b;
    for (let j = 0; j < d; j++) {
      const w = p[j];
      z0 += w * X[o0 + j];
      z1 += w * X[o1 + j];
    }
    const r0 = z0 - Y[i0];
    const r1 = z1 - Y[i1];
    sum += mae ? Math.abs(r0) : r0 * r0;
    sum += mae ? Math.abs(r1) : r1 * r1;
  }
  if (t < end) {
    const i = idx === null ? t : idx[t];
    const o = i * d;
    let z = b;
    for (let j = 0; j < d; j++) z += p[j] * X[o + j];
    const r = z - Y[i];
    sum += mae ? Math.abs(r) : r * r;
  }
  return sum;
}

/** sigma(z) = 1 / (1 + e^-z), written so that no exponent is positive. */
export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/** softplus(z) = ln(1 + e^z) = max(z, 0) + ln(1 + e^-|z|); the second form never overflows. */
export function softplus(z: number): number {
  return (z > 0 ? z : 0) + Math.log1p(Math.exp(-Math.abs(z)));
}

/** logistic: z = w . x + b; adds softplus(z) - y z and (sigma(z) - y) (x, 1). */
function logisticKernel(
  p: Float64Array,
  grad: Float64Array | null,
  X: Float64Array,
  Y: Float64Array,
  d: number,
  idx: Int32Array | null,
  start: number,
  end: number,
): number {
  const b = p[d];
  let sum = 0;
  let gb = 0;
  for (let t = start; t < end; t++) {
    const i = idx === null ? t : idx[t];
    const o = i * d;
    let z = b;
    for (let j = 0; j < d; j++) z += p[j] * X[o + j];
    const y = Y[i];
    sum += softplus(z) - y * z;
    if (grad !== null) {
      const g = sigmoid(z) - y;
      for (let j = 0; j < d; j++) grad[j] += g * X[o + j];
      gb += g;
    }
  }
  if (grad !== null) grad[d] += gb;
  return sum;
}

/**
 * softmax: z_k = w_k . x + b_k; adds LSE(z) - z_y and (p_k - [k = y]) (x, 1) to row k.
 * `e` is scratch of length K.
 */
function softmaxKernel(
  p: Float64Array,
  grad: Float64Array | null,
  X: Float64Array,
  Y: Float64Array,
  d: number,
  K: number,
  idx: Int32Array | null,
  start: number,
  end: number,
  e: Float64Array,
): number {
  const s = d + 1;
  let sum = 0;
  for (let t = start; t < end; t++) {
    const i = idx === null ? t : idx[t];
    const o = i * d;
    const y = Y[i];
    let M = -Infinity;
    for (let k = 0; k < K; k++) {
      const row = k * s;
      let z = p[row + d];
      for (let j = 0; j < d; j++) z += p[row + j] * X[o + j];
      e[k] = z;
      if (z > M) M = z;
    }
    // -ln p_y = ln sum_c e^{z_c - M} - (z_y - M)
    const zy = e[y];
    let total = 0;
    for (let k = 0; k < K; k++) {
      const v = Math.exp(e[k] - M);
      e[k] = v;
      total += v;
    }
    sum += Math.log(total) - (zy - M);
    if (grad !== null) {
      const inv = 1 / total;
      for (let k = 0; k < K; k++) {
        const g = e[k] * inv - (k === y ? 1 : 0);
        const row = k * s;
        for (let j = 0; j < d; j++) grad[row + j] += g * X[o + j];
        grad[row + d] += g;
      }
    }
  }
  return sum;
}

/** The mean loss over a selection of examples; the three models share it. */
class LossObjective implements BatchObjective {
  readonly dim: number;
  private idx: Int32Array | null = null;
  private start = 0;
  private end: number;
  private readonly X: Float64Array;
  private readonly Y: Float64Array;
  private readonly d: number;
  private readonly K: number;
  private readonly mae: boolean;
  private readonly scratch: Float64Array;

  constructor(
    private readonly model: LinearFamilyModel,
  ) {
    const ds = model.dataset;
    this.dim = model.dim;
    this.X = ds.x;
    this.Y = ds.y;
    this.d = ds.d;
    this.K = ds.classes;
    this.end = ds.n;
    this.mae = model.loss === 'mae';
    this.scratch = new Float64Array(Math.max(1, ds.classes));
  }

  get size(): number {
    return this.end - this.start;
  }

  select(indices: Int32Array | null, start = 0, end = indices === null ? this.model.dataset.n : indices.length): void {
    this.idx = indices;
    this.start = start;
    this.end = end;
  }

  evaluate(x: Vector, grad: Vector): number {
    grad.fill(0);
    const m = this.end - this.start;
    const sum = this.sum(x, grad);
    // Mean of the per-example losses and of their gradients.
    const inv = 1 / m;
    for (let k = 0; k < grad.length; k++) grad[k] *= inv;
    return sum * inv;
  }

  /** The mean loss without the gradient. */
  value(x: Float64Array): number {
    return this.sum(x, null) / (this.end - this.start);
  }

  private sum(x: Float64Array, grad: Float64Array | null): number {
    switch (this.model.kind) {
      case 'linear':
        return grad === null
          ? linearValue(x, this.X, this.Y, this.d, this.idx, this.start, this.end, this.mae)
          : linearKernel(x, grad, this.X, this.Y, this.d, this.idx, this.start, this.end, this.mae);
      case 'logistic':
        return logisticKernel(x, grad, this.X, this.Y, this.d, this.idx, this.start, this.end);
      case 'softmax':
        return softmaxKernel(x, grad, this.X, this.Y, this.d, this.K, this.idx, this.start, this.end, this.scratch);
    }
  }
}

class LinearFamilyModel implements Model {
  readonly dim: number;
  /** An objective over all examples, and a Float64Array copy of parameters given as other arrays. */
  private readonly all: LossObjective;
  private readonly paramBuffer: Float64Array;

  constructor(
    readonly dataset: Dataset<AnyDatasetName>,
    readonly kind: LinearFamilyKind,
    readonly loss: LossName,
  ) {
    const outputs = kind === 'softmax' ? dataset.classes : 1;
    this.dim = outputs * (dataset.d + 1);
    this.paramBuffer = new Float64Array(this.dim);
    this.all = new LossObjective(this);
  }

  objective(indices?: ArrayLike<number>): Objective {
    return objectiveOver(this.batchObjective(), this.dataset.n, indices);
  }

  batchObjective(): BatchObjective {
    return new LossObjective(this);
  }

  fullLoss(params: ArrayLike<number>): number {
    return this.all.value(this.asParams(params));
  }

  accuracy(params: ArrayLike<number>): number {
    if (this.kind === 'linear') return NaN;
    const p = this.asParams(params);
    const { x: X, y: Y, n, d } = this.dataset;
    let right = 0;
    for (let i = 0; i < n; i++) if (this.classOf(p, X, i * d) === Y[i]) right++;
    return right / n;
  }

  predictClass(params: ArrayLike<number>, features: ArrayLike<number>): number {
    if (this.kind === 'linear') return NaN;
    const d = this.dataset.d;
    if (features.length !== d) throw new RangeError(`predictClass: ${features.length} features given, the model takes ${d}`);
    return this.classOf(this.asParams(params), features, 0);
  }

  /** The predicted class of the d features at x[o..o+d-1] (see Model.predictClass). */
  private classOf(p: Float64Array, x: ArrayLike<number>, o: number): number {
    const { d, classes: K } = this.dataset;
    if (this.kind === 'logistic') {
      // Class 1 when p = sigma(z) > 1/2, that is z > 0.
      let z = p[d];
      for (let j = 0; j < d; j++) z += p[j] * x[o + j];
      return z > 0 ? 1 : 0;
    }
    // argmax_k z_k (the first on ties), the same as argmax_k p_k.
    const s = d + 1;
    let predicted = 0;
    let best = -Infinity;
    for (let k = 0; k < K; k++) {
      let z = p[k * s + d];
      for (let j = 0; j < d; j++) z += p[k * s + j] * x[o + j];
      if (z > best) {
        best = z;
        predicted = k;
      }
    }
    return predicted;
  }

  predict(params: ArrayLike<number>, features: ArrayLike<number>, out?: Float64Array): Float64Array {
    const p = this.asParams(params);
    const d = this.dataset.d;
    if (features.length !== d) throw new RangeError(`predict: ${features.length} features given, the model takes ${d}`);
    const outputs = this.kind === 'softmax' ? this.dataset.classes : 1;
    const result = out ?? new Float64Array(outputs);
    if (result.length < outputs) throw new RangeError(`predict: out has room for ${result.length} outputs, needs ${outputs}`);
    const s = d + 1;
    let M = -Infinity;
    for (let k = 0; k < outputs; k++) {
      let z = p[k * s + d];
      for (let j = 0; j < d; j++) z += p[k * s + j] * features[j];
      result[k] = z;
      if (z > M) M = z;
    }
    if (this.kind === 'logistic') result[0] = sigmoid(result[0]);
    if (this.kind === 'softmax') {
      // p_k = e^{z_k - M} / sum_c e^{z_c - M}
      let total = 0;
      for (let k = 0; k < outputs; k++) {
        result[k] = Math.exp(result[k] - M);
        total += result[k];
      }
      for (let k = 0; k < outputs; k++) result[k] /= total;
    }
    return result;
  }

  initialParams(): Float64Array {
    return new Float64Array(this.dim);
  }

  /** params as a Float64Array of the right length (copied into a buffer when it is another kind of array). */
  private asParams(params: ArrayLike<number>): Float64Array {
    if (params.length !== this.dim) {
      throw new RangeError(`${params.length} parameters given, the ${this.kind} model has ${this.dim}`);
    }
    if (params instanceof Float64Array) return params;
    this.paramBuffer.set(params);
    return this.paramBuffer;
  }
}
