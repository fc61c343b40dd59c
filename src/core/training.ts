/**
 * Mini-batch training: batch, stochastic and mini-batch gradient descent are one loop
 * with different batch sizes.
 *
 * One epoch over n examples with batch size B:
 *   1. shuffle: a permutation pi of 0..n-1, drawn with Fisher–Yates from a generator
 *      seeded once with `seed` (epoch e uses the generator's e-th shuffle, so the same
 *      seed gives the same sequence of epochs);
 *   2. split pi, in order, into ceil(n / B) batches B_1, B_2, ... of B examples (the
 *      last has n - (ceil(n / B) - 1) B, possibly fewer);
 *   3. for each batch, one optimizer update on the batch's mean loss
 *        theta <- update(theta, grad L_{B_t}(theta)),  L_B = (1/|B|) sum_{i in B} l_i
 *   4. record the loss over all n examples (and the accuracy, for classifiers).
 * B = n is batch gradient descent (one update per epoch, on the full gradient), B = 1
 * stochastic gradient descent (n updates per epoch), anything between mini-batch. A B
 * larger than n acts as n.
 */
import type { DatasetName } from './datasets.js';
import type { BatchObjective, Model } from './models.js';
import { createOptimizer, type Optimizer, type OptimizerName, type OptimizerOptions } from './optimizers.js';
import { createRandom, shuffle, type Random } from './random.js';

export interface TrainOptions {
  /** Examples per update: 1 stochastic, n (or more) batch. A whole number >= 1. */
  batchSize: number;
  /** Passes over the data. A whole number >= 0. */
  epochs: number;
  /** Seed of the shuffles (an integer). */
  seed: number;
  optimizer: OptimizerName;
  options?: OptimizerOptions;
}

/**
 * One entry per completed epoch, plus entry 0 before training (epoch 0, the loss at the
 * initial parameters, 0 updates, 0 examples). `accuracy` only for classifiers (any task
 * but regression).
 */
export interface TrainHistory {
  epoch: number[];
  /** The mean loss over all examples. */
  loss: number[];
  /** Optimizer updates so far. */
  updates: number[];
  /** Examples seen so far (each counted once per time it was in a batch). */
  examples: number[];
  accuracy?: number[];
}

/**
 * Defaults for each data set's model that train quickly and well, on the data sets'
 * default options (test/core/training.test.ts checks that losses fall and classifiers
 * reach >= 90% training accuracy; a whole run takes a few milliseconds):
 *   linear    gd, lr 0.05, batch 10, 30 epochs (300 updates): MSE 7.75 -> 0.88, about
 *             the noise variance 1 that no line can beat
 *   logistic  gd, lr 0.1, batch 10, 30 epochs: BCE 0.693 -> 0.045, 98% right (96-100%
 *             over data seeds 1..50)
 *   iris      gd, lr 0.3, batch 16, 60 epochs (600 updates): CCE 1.099 -> 0.095, 97.3%
 *             right (on every shuffle seed 1..50)
 * The same lr and epochs suit batch size 1 and n too (iris full batch: 60 updates, 92%).
 */
export const DEFAULT_TRAIN_OPTIONS: Readonly<Record<DatasetName, Readonly<TrainOptions>>> = Object.freeze({
  linear: Object.freeze({ batchSize: 10, epochs: 30, seed: 1, optimizer: 'gd', options: Object.freeze({ lr: 0.05 }) }),
  logistic: Object.freeze({ batchSize: 10, epochs: 30, seed: 1, optimizer: 'gd', options: Object.freeze({ lr: 0.1 }) }),
  iris: Object.freeze({ batchSize: 16, epochs: 60, seed: 1, optimizer: 'gd', options: Object.freeze({ lr: 0.3 }) }),
});

/** Models with at most this many parameters record their path (for drawing it over the loss contours). */
export const PATH_MAX_DIM = 3;

/** Rewrites `order` as 0..n-1 and shuffles it: the visiting order of one epoch. */
function shuffleEpoch(order: Int32Array, random: Random): void {
  for (let i = 0; i < order.length; i++) order[i] = i;
  shuffle(order, random);
}

/**
 * The batches of one epoch, as the Trainer makes them: 0..n-1 shuffled with `random`,
 * then cut in order into ceil(n / batchSize) pieces (views of one permutation).
 */
export function epochBatches(n: number, batchSize: number, random: Random): Int32Array[] {
  checkWhole('n', n, 1);
  checkWhole('batchSize', batchSize, 1);
  const order = new Int32Array(n);
  shuffleEpoch(order, random);
  const batches: Int32Array[] = [];
  for (let start = 0; start < n; start += batchSize) batches.push(order.subarray(start, Math.min(n, start + batchSize)));
  return batches;
}

function checkWhole(name: string, value: number, min: number): void {
  if (!(Number.isInteger(value) && value >= min)) throw new RangeError(`${name} must be a whole number >= ${min}, got ${value}`);
}

/** Points stored per block of the path buffer. */
const PATH_BLOCK = 1024;

/**
 * Trains a model with mini-batches, one update at a time. Throws a RangeError on a bad
 * option (batchSize, epochs, seed, or the optimizer's name and options).
 */
export class Trainer {
  /** The parameters, updated in place. */
  readonly params: Float64Array;
  readonly history: TrainHistory;
  /**
   * Parameters after each update so far: path[0] is the start, path[k] the point after k
   * updates. Recorded only when model.dim <= PATH_MAX_DIM (3: a line or a 2-feature
   * logistic regression, whose paths a widget draws); empty otherwise. The points are
   * views of shared blocks; treat them as read-only.
   */
  readonly path: Float64Array[] = [];
  readonly optimizer: Optimizer;
  readonly options: Readonly<TrainOptions>;
  /** Updates per epoch: ceil(n / batchSize). */
  readonly batchesPerEpoch: number;

  private epochs = 0;
  private updateCount = 0;
  private exampleCount = 0;
  /** Position in `order` of the next batch; 0 at the start of an epoch. */
  private position = 0;
  /** True when the next step starts an epoch whose order is not drawn yet. */
  private shuffleDue = true;
  private lastStart = 0;
  private lastEnd = 0;
  private lastLoss = NaN;
  private divergedFlag = false;
  private random: Random;
  private readonly order: Int32Array;
  private readonly objective: BatchObjective;
  private readonly batchSize: number;
  private readonly start: Float64Array;
  private readonly startLoss: number;
  private readonly startAccuracy: number;
  private readonly recordsPath: boolean;
  private pathBlock = new Float64Array(0);
  private pathUsed = 0;

  constructor(
    readonly model: Model,
    options: TrainOptions,
  ) {
    checkWhole('batchSize', options.batchSize, 1);
    checkWhole('epochs', options.epochs, 0);
    if (!Number.isInteger(options.seed)) throw new RangeError(`seed must be an integer, got ${options.seed}`);
    this.options = Object.freeze({ ...options });
    this.optimizer = createOptimizer(options.optimizer, options.options);
    const n = model.dataset.n;
    this.batchSize = Math.min(options.batchSize, n);
    this.batchesPerEpoch = Math.ceil(n / this.batchSize);
    this.order = new Int32Array(n);
    this.objective = model.batchObjective();
    this.random = createRandom(options.seed);
    this.start = model.initialParams();
    this.params = Float64Array.from(this.start);
    this.startLoss = model.fullLoss(this.params);
    this.startAccuracy = model.accuracy(this.params);
    this.recordsPath = model.dim <= PATH_MAX_DIM;
    this.history = { epoch: [], loss: [], updates: [], examples: [] };
    this.reset();
  }

  /** Completed epochs. */
  get epoch(): number {
    return this.epochs;
  }

  /** Optimizer updates so far. */
  get updates(): number {
    return this.updateCount;
  }

  /** Examples used in updates so far. */
  get examples(): number {
    return this.exampleCount;
  }

  /** True after the last epoch, or once the run has diverged. */
  get done(): boolean {
    return this.divergedFlag || this.epochs >= this.options.epochs;
  }

  /** True when a batch loss, the full loss or a parameter became non-finite (the run then stops). */
  get diverged(): boolean {
    return this.divergedFlag;
  }

  /**
   * The examples of the last update (empty before the first): a view of the epoch's
   * permutation, valid until the next step (or nextBatch, which may shuffle a new epoch).
   */
  get batch(): Int32Array {
    return this.order.subarray(this.lastStart, this.lastEnd);
  }

  /** The mean loss of the last update's batch, at the parameters before it (NaN before the first). */
  get batchLoss(): number {
    return this.lastLoss;
  }

  /** Back to the start: initial parameters, fresh optimizer state, the first shuffle again. */
  reset(): void {
    this.params.set(this.start);
    this.optimizer.reset();
    this.random = createRandom(this.options.seed);
    this.epochs = 0;
    this.updateCount = 0;
    this.exampleCount = 0;
    this.position = 0;
    this.shuffleDue = true;
    this.lastStart = this.lastEnd = 0;
    this.lastLoss = NaN;
    this.divergedFlag = !Number.isFinite(this.startLoss);
    const h = this.history;
    h.epoch.length = h.loss.length = h.updates.length = h.examples.length = 0;
    h.epoch.push(0);
    h.loss.push(this.startLoss);
    h.updates.push(0);
    h.examples.push(0);
    if (this.model.dataset.task !== 'regression') h.accuracy = [this.startAccuracy];
    this.path.length = 0;
    this.pathBlock = new Float64Array(0);
    this.pathUsed = 0;
    if (this.recordsPath) this.recordPoint();
  }

  /**
   * One mini-batch update, shuffling a new epoch first when one is due. Returns true when
   * it made an update, false once done (then it does nothing).
   */
  step(): boolean {
    if (this.done) return false;
    const n = this.order.length;
    this.drawOrder();
    const start = this.position;
    const end = Math.min(n, start + this.batchSize);
    this.objective.select(this.order, start, end);
    const value = this.optimizer.step(this.params, this.objective);
    this.lastStart = start;
    this.lastEnd = end;
    this.lastLoss = value;
    this.updateCount++;
    this.exampleCount += end - start;
    this.position = end === n ? 0 : end;
    if (end === n) this.shuffleDue = true;
    if (this.recordsPath) this.recordPoint();

    let finite = Number.isFinite(value);
    const p = this.params;
    for (let k = 0; k < p.length && finite; k++) finite = Number.isFinite(p[k]);
    if (end === n) {
      this.epochs++;
      this.record(this.epochs);
    } else if (!finite) {
      // Stopped part-way through an epoch: record where, as a fraction of epochs.
      this.record(this.epochs + end / n);
    }
    if (!finite) this.divergedFlag = true;
    return true;
  }

  /**
   * The examples the next step() will use (empty once done): a view of the epoch's
   * permutation, valid until that step's epoch ends. At the start of an epoch this draws
   * its shuffle now, and step() then uses exactly that order.
   */
  nextBatch(): Int32Array {
    if (this.done) return this.order.subarray(0, 0);
    this.drawOrder();
    return this.order.subarray(this.position, Math.min(this.order.length, this.position + this.batchSize));
  }

  /** Shuffles a new epoch's order when one is due. */
  private drawOrder(): void {
    if (!this.shuffleDue) return;
    shuffleEpoch(this.order, this.random);
    this.shuffleDue = false;
  }

  /** Finishes the current epoch (a whole one when none is under way). */
  runEpoch(): void {
    const target = this.epochs + 1;
    while (this.epochs < target && this.step());
  }

  /** Runs every remaining update. */
  runAll(): void {
    while (this.step());
  }

  private record(epoch: number): void {
    const h = this.history;
    const loss = this.model.fullLoss(this.params);
    if (!Number.isFinite(loss)) this.divergedFlag = true;
    h.epoch.push(epoch);
    h.loss.push(loss);
    h.updates.push(this.updateCount);
    h.examples.push(this.exampleCount);
    h.accuracy?.push(this.model.accuracy(this.params));
  }

  private recordPoint(): void {
    const dim = this.params.length;
    if (this.pathUsed + dim > this.pathBlock.length) {
      this.pathBlock = new Float64Array(PATH_BLOCK * dim);
      this.pathUsed = 0;
    }
    const point = this.pathBlock.subarray(this.pathUsed, this.pathUsed + dim);
    point.set(this.params);
    this.pathUsed += dim;
    this.path.push(point);
  }
}
