/**
 * What a run keeps of each update, so that formulas and figures read the numbers the
 * update used instead of computing them a second time.
 *
 * Update k takes x_k to x_{k+1}. Its record holds
 *   x            x_k (path[k])
 *   value        f(x_k)
 *   gradientAtX  grad f(x_k), as evaluated (before any clipping)
 *   gradientAt   where the rule took its gradient: x_k, or Nesterov's look-ahead x_k + beta v_k
 *   gradient     g_k, the gradient the update used: at gradientAt, after clipping
 *   before       the optimizer's state at k (velocity v, Adam's m, and s / Adam's v / G),
 *                all zero at k = 0
 *   after        the state at k + 1, after the update
 *   next         x_{k+1} (path[k+1])
 *
 * Storage: a few flat Float64Arrays, one row per point or per update, grown by doubling
 * while the run goes; a record is made when asked for, in O(1), as views of those rows.
 * Rows that would repeat others are not stored: for rules that take the gradient at
 * x_k, gradientAt is x_k itself, and without clipping g_k is grad f(x_k) itself; the
 * state before update k is the state after update k - 1.
 */
import type { Optimizer, OptimizerState } from './optimizers.js';
import type { Vector } from './types.js';

/** An optimizer's state vectors at one moment; null for those its rule does not have. */
export interface UpdateState {
  /** v of momentum and Nesterov. */
  readonly velocity: Vector | null;
  /** m of Adam. */
  readonly firstMoment: Vector | null;
  /** v of Adam, s of RMSprop, G of AdaGrad. */
  readonly secondMoment: Vector | null;
}

/**
 * The numbers of update k, x_k -> x_{k+1}, exactly as the run used them. The vectors are
 * views of the run's storage: read them, copy them to keep changing copies, never write.
 */
export interface UpdateRecord {
  /** The update's index: it takes x_k to x_{k+1}. */
  readonly k: number;
  /** x_k. */
  readonly x: Vector;
  /** f(x_k). */
  readonly value: number;
  /** grad f(x_k), before clipping. */
  readonly gradientAtX: Vector;
  /** Where the update took its gradient: x_k, or Nesterov's look-ahead x_k + beta v_k. */
  readonly gradientAt: Vector;
  /** g_k: the gradient at `gradientAt`, after clipping, that the update used. */
  readonly gradient: Vector;
  /** The state at k, before the update (all zero at k = 0). */
  readonly before: UpdateState;
  /** The state at k + 1, after it. */
  readonly after: UpdateState;
  /** x_{k+1}. */
  readonly next: Vector;
}

/** The state vectors a rule has, in the order a row of the state store keeps them. */
type StateVector = 'velocity' | 'firstMoment' | 'secondMoment';
const STATE_VECTORS: readonly StateVector[] = ['velocity', 'firstMoment', 'secondMoment'];

/**
 * The rows of one run, written by `descend` as it goes: each point and its gradient
 * (`addPoint`), and after each update what the update used and left (`addUpdate`).
 */
export class RunStore {
  /** The points x_0, x_1, ..., n entries each. */
  points: Float64Array;
  /** grad f(x_k) at each point. */
  private gradients: Float64Array;
  /** g_k of each update, when it can differ from grad f(x_k) (look-ahead or clipping); else null. */
  private used: Float64Array | null;
  /** The look-ahead point of each update (Nesterov); null for rules that take the gradient at x_k. */
  private aheads: Float64Array | null;
  /** The state after each update: the rule's vectors side by side, n entries each. */
  private states: Float64Array;
  /** The state vectors the rule has, in the order of a row of `states`. */
  private readonly stateVectors: readonly StateVector[];
  private readonly stateWidth: number;
  /** Rows every store has room for now, and the most a run of `steps` updates needs. */
  private capacity: number;
  private readonly maxRows: number;
  /** All zero: the state before the first update. */
  private readonly zeros: Float64Array;

  constructor(
    private readonly n: number,
    steps: number,
    optimizer: Optimizer,
  ) {
    this.maxRows = steps + 1;
    this.capacity = Math.min(this.maxRows, 1024);
    const clips = optimizer.options.clip < Infinity;
    this.stateVectors = STATE_VECTORS.filter((name) => optimizer.state[name] !== null);
    this.stateWidth = this.stateVectors.length * n;
    this.points = new Float64Array(n * this.capacity);
    this.gradients = new Float64Array(n * this.capacity);
    this.used = optimizer.looksAhead || clips ? new Float64Array(n * this.capacity) : null;
    this.aheads = optimizer.looksAhead ? new Float64Array(n * this.capacity) : null;
    this.states = new Float64Array(this.stateWidth * this.capacity);
    this.zeros = new Float64Array(n);
  }

  /** Keeps point k and the gradient there. */
  addPoint(k: number, x: Vector, gradient: Vector): void {
    if (k >= this.capacity) this.grow();
    const n = this.n;
    const at = k * n;
    const points = this.points;
    const gradients = this.gradients;
    for (let i = 0; i < n; i++) {
      points[at + i] = x[i];
      gradients[at + i] = gradient[i];
    }
  }

  /** Keeps what update k used (its gradient, its look-ahead point) and the state it left. */
  addUpdate(k: number, ahead: Vector, state: OptimizerState): void {
    const n = this.n;
    const at = k * n;
    const used = this.used;
    if (used !== null) {
      const g = state.gradient;
      for (let i = 0; i < n; i++) used[at + i] = g[i];
    }
    const aheads = this.aheads;
    if (aheads !== null) for (let i = 0; i < n; i++) aheads[at + i] = ahead[i];
    const names = this.stateVectors;
    const states = this.states;
    for (let j = 0, offset = k * this.stateWidth; j < names.length; j++, offset += n) {
      const v = state[names[j]]!;
      const m = Math.min(n, v.length);
      for (let i = 0; i < m; i++) states[offset + i] = v[i];
    }
  }

  /**
   * The record of update k, given the path of views and the values of a run of
   * `updates` updates. Throws a RangeError unless 0 <= k < updates.
   */
  record(k: number, path: readonly Vector[], values: readonly number[]): UpdateRecord {
    const updates = path.length - 1;
    if (!(Number.isInteger(k) && k >= 0 && k < updates)) {
      throw new RangeError(`update ${k} is not one of this run's ${updates} (0..${updates - 1})`);
    }
    const n = this.n;
    const row = (rows: Float64Array, j: number) => rows.subarray(j * n, (j + 1) * n);
    const x = path[k];
    const gradientAtX = row(this.gradients, k);
    return {
      k,
      x,
      value: values[k],
      gradientAtX,
      gradientAt: this.aheads ? row(this.aheads, k) : x,
      gradient: this.used ? row(this.used, k) : gradientAtX,
      before: k === 0 ? this.stateOf(null) : this.stateOf(k - 1),
      after: this.stateOf(k),
      next: path[k + 1],
    };
  }

  /** The state after update j; null: the zero state before the first. */
  private stateOf(j: number | null): UpdateState {
    const state: { -readonly [K in StateVector]: Vector | null } = { velocity: null, firstMoment: null, secondMoment: null };
    const n = this.n;
    this.stateVectors.forEach((name, slot) => {
      const at = j === null ? -1 : j * this.stateWidth + slot * n;
      state[name] = j === null ? this.zeros : this.states.subarray(at, at + n);
    });
    return state;
  }

  /** Twice the rows (at most a whole run's), the rows written so far kept. */
  private grow(): void {
    const rows = Math.min(2 * this.capacity, this.maxRows);
    const grown = (old: Float64Array, width: number) => {
      const next = new Float64Array(rows * width);
      next.set(old);
      return next;
    };
    this.points = grown(this.points, this.n);
    this.gradients = grown(this.gradients, this.n);
    if (this.used) this.used = grown(this.used, this.n);
    if (this.aheads) this.aheads = grown(this.aheads, this.n);
    this.states = grown(this.states, this.stateWidth);
    this.capacity = rows;
  }
}
