/**
 * The six update rules, exactly as the course material writes them (g is the gradient
 * at x, after clipping; every state vector starts at zero):
 *
 *   gd        x <- x - lr g
 *   momentum  v <- beta v - lr g;               x <- x + v          (classical)
 *             v <- beta v + (1 - beta) g;       x <- x - lr v       (ema: true)
 *   nesterov  v <- beta v - lr g(x + beta v);   x <- x + v          (look-ahead form)
 *   rmsprop   s <- beta s + (1 - beta) g^2;     x <- x - lr g / (sqrt(s) + eps)
 *   adam      m <- beta1 m + (1 - beta1) g;     v <- beta2 v + (1 - beta2) g^2
 *             mhat = m / (1 - beta1^t);         vhat = v / (1 - beta2^t)
 *             x <- x - lr mhat / (sqrt(vhat) + eps)
 *   adagrad   G <- G + g^2;                     x <- x - lr g / (sqrt(G) + eps)
 *
 * `clip`, when set, scales g to norm `clip` if its norm is larger.
 *
 * An update happens in two halves so callers that already hold the gradient do not
 * pay for it twice: `gradientPoint` says where the rule wants the gradient (x itself,
 * or Nesterov's look-ahead x + beta v), and `apply` takes that gradient and moves x.
 * `step` does both.
 */
import type { Objective, Vector } from './types.js';
import { biasCorrection } from './update-terms.js';

export type OptimizerName = 'gd' | 'momentum' | 'nesterov' | 'rmsprop' | 'adam' | 'adagrad';

/** Every optimizer, in the order widgets list them. */
export const OPTIMIZER_NAMES: readonly OptimizerName[] = [
  'gd',
  'momentum',
  'nesterov',
  'rmsprop',
  'adam',
  'adagrad',
];

/** The factor gradient clipping scales a gradient of this norm by: min(1, clip / norm) (1 for a non-finite norm). */
export function clipFactor(norm: number, clip: number): number {
  return Number.isFinite(norm) && norm > clip ? clip / norm : 1;
}

/** A setting a rule may read besides the learning rate and clipping, which every rule takes. */
export type OptimizerSetting = 'beta' | 'beta1' | 'beta2' | 'eps' | 'ema';

/**
 * The settings each rule reads (see its update below): what a figure offers for it, and
 * what a copied shortcode writes. Adaptive rules (those that divide by a running
 * measure of the gradients' size) are the ones that read `eps`.
 */
export const OPTIMIZER_SETTINGS: Readonly<Record<OptimizerName, readonly OptimizerSetting[]>> = {
  gd: [],
  momentum: ['beta', 'ema'],
  nesterov: ['beta'],
  rmsprop: ['beta', 'eps'],
  adam: ['beta1', 'beta2', 'eps'],
  adagrad: ['eps'],
};

/** Whether rule `name` reads `setting`. */
export function readsSetting(name: OptimizerName, setting: OptimizerSetting): boolean {
  return OPTIMIZER_SETTINGS[name].includes(setting);
}

/** Adaptive rules scale each coordinate's step by the gradients' running size (they read `eps`). */
export function isAdaptive(name: OptimizerName): boolean {
  return readsSetting(name, 'eps');
}

export interface OptimizerOptions {
  /** Learning rate. Default 0.01. */
  lr?: number;
  /** Momentum coefficient (momentum, nesterov) or decay of the squared average (rmsprop). Default 0.9. */
  beta?: number;
  /** Momentum as an exponential moving average of gradients. Default false. */
  ema?: boolean;
  /** Adam's first-moment decay. Default 0.9. */
  beta1?: number;
  /** Adam's second-moment decay. Default 0.999. */
  beta2?: number;
  /** Added to the denominator of the adaptive rules. Default 1e-8. */
  eps?: number;
  /** Largest gradient norm an update uses; off (Infinity) by default. */
  clip?: number;
}

/** The options with every default filled in. */
export type ResolvedOptimizerOptions = Readonly<Required<OptimizerOptions>>;

export const DEFAULT_OPTIMIZER_OPTIONS: ResolvedOptimizerOptions = Object.freeze({
  lr: 0.01,
  beta: 0.9,
  ema: false,
  beta1: 0.9,
  beta2: 0.999,
  eps: 1e-8,
  clip: Infinity,
});

/**
 * What an optimizer carries between updates, for widgets to draw. Vectors are live
 * views, valid until the next update; copy them to keep them.
 */
export interface OptimizerState {
  /** Updates made since the last reset (Adam's t). */
  readonly updates: number;
  /** The gradient the last update used, after clipping (zero before the first). */
  readonly gradient: ArrayLike<number>;
  /** The point where the last update took its gradient: x, or Nesterov's look-ahead. */
  readonly gradientPoint: ArrayLike<number>;
  /** v of momentum and Nesterov; null for the others. */
  readonly velocity: ArrayLike<number> | null;
  /** Adam's m; null for the others. */
  readonly firstMoment: ArrayLike<number> | null;
  /** Adam's v, RMSprop's s, AdaGrad's G; null for the others. */
  readonly secondMoment: ArrayLike<number> | null;
}

export interface Optimizer {
  readonly name: OptimizerName;
  readonly options: ResolvedOptimizerOptions;
  readonly state: OptimizerState;
  /** True when the rule takes its gradient away from x (Nesterov's look-ahead). */
  readonly looksAhead: boolean;
  /** One update of x in place. Returns the value at x before the update. */
  step(x: Vector, objective: Objective): number;
  /**
   * Where the next update takes its gradient, written into out (allocated if absent):
   * x for every rule but Nesterov, whose look-ahead point is x + beta v.
   */
  gradientPoint(x: ArrayLike<number>, out?: Vector): Vector;
  /** One update of x in place, given the gradient at `gradientPoint(x)`. */
  apply(x: Vector, gradient: ArrayLike<number>): void;
  /** Back to zero state, as new. */
  reset(): void;
}

/** Fills in defaults and rejects options no rule can use, with a message naming them. */
export function resolveOptimizerOptions(options: OptimizerOptions = {}): ResolvedOptimizerOptions {
  const o = { ...DEFAULT_OPTIMIZER_OPTIONS };
  for (const key of Object.keys(DEFAULT_OPTIMIZER_OPTIONS) as (keyof OptimizerOptions)[]) {
    const value = options[key];
    if (value !== undefined) (o as Record<string, unknown>)[key] = value;
  }
  const positive = (key: 'lr' | 'eps' | 'clip') => {
    if (!(o[key] > 0)) throw new RangeError(`${key} must be a positive number, got ${o[key]}`);
  };
  const unit = (key: 'beta' | 'beta1' | 'beta2') => {
    if (!(o[key] >= 0 && o[key] < 1)) throw new RangeError(`${key} must be in [0, 1), got ${o[key]}`);
  };
  positive('lr');
  positive('eps');
  positive('clip');
  if (Number.isNaN(o.lr) || o.lr === Infinity) throw new RangeError(`lr must be finite, got ${o.lr}`);
  unit('beta');
  unit('beta1');
  unit('beta2');
  o.ema = Boolean(o.ema);
  return Object.freeze(o);
}

/** Creates an optimizer with zero state. Throws a RangeError on an unknown name or a bad option. */
export function createOptimizer(name: OptimizerName, options?: OptimizerOptions): Optimizer {
  if (!OPTIMIZER_NAMES.includes(name)) {
    throw new RangeError(`unknown optimizer '${String(name)}' (one of ${OPTIMIZER_NAMES.join(', ')})`);
  }
  return new UpdateRule(name, resolveOptimizerOptions(options));
}

/** The state vectors, resized to the dimension of the first point an optimizer sees. */
class RuleState implements OptimizerState {
  updates = 0;
  gradient = new Float64Array(0);
  gradientPoint = new Float64Array(0);
  velocity: Float64Array | null;
  firstMoment: Float64Array | null;
  secondMoment: Float64Array | null;

  constructor(name: OptimizerName) {
    this.velocity = name === 'momentum' || name === 'nesterov' ? new Float64Array(0) : null;
    this.firstMoment = name === 'adam' ? new Float64Array(0) : null;
    this.secondMoment = name === 'adam' || name === 'rmsprop' || name === 'adagrad' ? new Float64Array(0) : null;
  }

  resize(n: number): void {
    if (this.gradient.length === n) return;
    this.gradient = new Float64Array(n);
    this.gradientPoint = new Float64Array(n);
    if (this.velocity) this.velocity = new Float64Array(n);
    if (this.firstMoment) this.firstMoment = new Float64Array(n);
    if (this.secondMoment) this.secondMoment = new Float64Array(n);
  }

  clear(): void {
    this.updates = 0;
    for (const v of [this.gradient, this.gradientPoint, this.velocity, this.firstMoment, this.secondMoment]) {
      v?.fill(0);
    }
  }
}

/** One class for all six rules: their state is small, and one shape keeps the hot calls monomorphic. */
class UpdateRule implements Optimizer {
  readonly state: RuleState;
  readonly looksAhead: boolean;
  /** Scratch: the raw gradient `step` evaluates, and the gradient at x for Nesterov's value. */
  private grad = new Float64Array(0);
  private gradAtX = new Float64Array(0);

  constructor(
    readonly name: OptimizerName,
    readonly options: ResolvedOptimizerOptions,
  ) {
    this.state = new RuleState(name);
    this.looksAhead = name === 'nesterov';
  }

  reset(): void {
    this.state.clear();
  }

  step(x: Vector, objective: Objective): number {
    this.resize(x.length);
    if (!this.looksAhead) {
      const value = objective.evaluate(x, this.grad);
      this.apply(x, this.grad);
      return value;
    }
    // Nesterov takes its gradient at the look-ahead point, so the value at x costs one more evaluation.
    const ahead = this.gradientPoint(x, this.state.gradientPoint);
    objective.evaluate(ahead, this.grad);
    const value = objective.evaluate(x, this.gradAtX);
    this.apply(x, this.grad);
    return value;
  }

  gradientPoint(x: ArrayLike<number>, out: Vector = new Float64Array(x.length)): Vector {
    const n = x.length;
    const v = this.state.velocity;
    if (this.looksAhead && v !== null && v.length === n) {
      const beta = this.options.beta;
      for (let i = 0; i < n; i++) out[i] = x[i] + beta * v[i];
    } else {
      for (let i = 0; i < n; i++) out[i] = x[i];
    }
    return out;
  }

  apply(x: Vector, gradient: ArrayLike<number>): void {
    const n = x.length;
    if (this.grad.length !== n) this.resize(n);
    const state = this.state;
    const g = state.gradient;
    const { lr, beta, beta1, beta2, eps, clip } = this.options;
    // g <- gradient, scaled down to norm `clip` when it is longer.
    let scale = 1;
    if (clip < Infinity) {
      let norm2 = 0;
      for (let i = 0; i < n; i++) norm2 += gradient[i] * gradient[i];
      scale = clipFactor(Math.sqrt(norm2), clip);
    }
    for (let i = 0; i < n; i++) g[i] = gradient[i] * scale;
    this.gradientPoint(x, state.gradientPoint);
    const t = ++state.updates;

    switch (this.name) {
      case 'gd':
        for (let i = 0; i < n; i++) x[i] -= lr * g[i];
        break;
      case 'momentum': {
        const v = state.velocity!;
        if (this.options.ema) {
          for (let i = 0; i < n; i++) {
            v[i] = beta * v[i] + (1 - beta) * g[i];
            x[i] -= lr * v[i];
          }
        } else {
          for (let i = 0; i < n; i++) {
            v[i] = beta * v[i] - lr * g[i];
            x[i] += v[i];
          }
        }
        break;
      }
      case 'nesterov': {
        // g was taken at x + beta v (see gradientPoint).
        const v = state.velocity!;
        for (let i = 0; i < n; i++) {
          v[i] = beta * v[i] - lr * g[i];
          x[i] += v[i];
        }
        break;
      }
      case 'rmsprop': {
        const s = state.secondMoment!;
        for (let i = 0; i < n; i++) {
          s[i] = beta * s[i] + (1 - beta) * g[i] * g[i];
          x[i] -= lr * (g[i] / (Math.sqrt(s[i]) + eps));
        }
        break;
      }
      case 'adam': {
        const m = state.firstMoment!;
        const s = state.secondMoment!;
        // mhat / (sqrt(vhat) + eps) = (m / c1) / (sqrt(v) / sqrt(c2) + eps), with c = 1 - beta^t.
        const stepSize = lr / biasCorrection(beta1, t);
        const sqrtC2 = Math.sqrt(biasCorrection(beta2, t));
        for (let i = 0; i < n; i++) {
          m[i] = beta1 * m[i] + (1 - beta1) * g[i];
          s[i] = beta2 * s[i] + (1 - beta2) * g[i] * g[i];
          x[i] -= stepSize * (m[i] / (Math.sqrt(s[i]) / sqrtC2 + eps));
        }
        break;
      }
      case 'adagrad': {
        const G = state.secondMoment!;
        for (let i = 0; i < n; i++) {
          G[i] += g[i] * g[i];
          x[i] -= lr * (g[i] / (Math.sqrt(G[i]) + eps));
        }
        break;
      }
    }
  }

  private resize(n: number): void {
    if (this.grad.length === n) return;
    this.state.resize(n);
    this.grad = new Float64Array(n);
    this.gradAtX = new Float64Array(n);
  }
}
