/**
 * The parts of one recorded update that formulas and figures show, computed here from
 * the record so that nothing outside the core works out an update rule a second time.
 *
 * Adam's bias correction, with t = k + 1 the updates made once update k is done:
 *   c1 = 1 - beta1^t,  c2 = 1 - beta2^t;   mhat_{k+1} = m_{k+1} / c1,  vhat_{k+1} = v_{k+1} / c2.
 *
 * The step x_{k+1} - x_k as the sum of what the state carried over (the momentum term)
 * and what this update's gradient g_k adds (the gradient term):
 *   gd        0                                   + (-eta g_k)
 *   momentum  beta v_k                            + (-eta g_k)                 (v_{k+1} = beta v_k - eta g_k)
 *     ema     -eta beta v_k                       + (-eta (1 - beta) g_k)      (x_{k+1} = x_k - eta v_{k+1})
 *   nesterov  beta v_k                            + (-eta g_k), g_k at x_k + beta v_k
 *   rmsprop   0                                   + (-eta g_k / (sqrt(s_{k+1}) + eps))
 *   adam      -eta beta1 m_k / (c1 d)             + (-eta (1 - beta1) g_k / (c1 d)),  d = sqrt(vhat_{k+1}) + eps
 *   adagrad   0                                   + (-eta g_k / (sqrt(G_{k+1}) + eps))
 * In Nesterov's rule the momentum term ends at the look-ahead point x_k + beta v_k, and the
 * gradient term goes from there to x_{k+1}.
 */
import type { OptimizerName, ResolvedOptimizerOptions } from './optimizers.js';

/** A state as a record keeps it; absent vectors or entries read as 0. */
export interface RecordedState {
  readonly velocity?: ArrayLike<number> | null;
  readonly firstMoment?: ArrayLike<number> | null;
  readonly secondMoment?: ArrayLike<number> | null;
}

/** What these functions read of update k's record (`UpdateRecord` is one). */
export interface RecordedUpdate {
  readonly k: number;
  /** x_k: its length is the dimension. */
  readonly x: ArrayLike<number>;
  /** g_k as the update used it. */
  readonly gradient: ArrayLike<number>;
  readonly before: RecordedState;
  readonly after: RecordedState;
}

/** Entry i of a state vector, 0 where it has none. */
function entry(v: ArrayLike<number> | null | undefined, i: number): number {
  return v && i < v.length ? v[i] : 0;
}

/**
 * 1 - beta: the weight an exponential moving average a_{k+1} = beta a_k + (1 - beta) x_k
 * gives its new term (momentum's ema form, RMSprop's s, Adam's m and v).
 */
export function averageWeight(beta: number): number {
  return 1 - beta;
}

/** 1 - beta^t: what divides Adam's moments after t updates (0 < result <= 1 for t >= 1). */
export function biasCorrection(beta: number, t: number): number {
  return 1 - Math.pow(beta, t);
}

/** Adam's bias-corrected moments after update k: mhat = m_{k+1} / (1 - beta1^(k+1)), vhat = v_{k+1} / (1 - beta2^(k+1)). */
export function biasCorrectedMoments(
  options: Pick<ResolvedOptimizerOptions, 'beta1' | 'beta2'>,
  record: RecordedUpdate,
): { firstMoment: Float64Array; secondMoment: Float64Array } {
  const n = record.x.length;
  const t = record.k + 1;
  const c1 = biasCorrection(options.beta1, t);
  const c2 = biasCorrection(options.beta2, t);
  const firstMoment = new Float64Array(n);
  const secondMoment = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    firstMoment[i] = entry(record.after.firstMoment, i) / c1;
    secondMoment[i] = entry(record.after.secondMoment, i) / c2;
  }
  return { firstMoment, secondMoment };
}

/**
 * The weight c with which g_k enters the step, x_{k+1} - x_k = ... - c g_k, for the rules
 * where it is a constant: eta for gd, momentum and Nesterov; eta (1 - beta) for momentum
 * as a moving average (its effective rate). Null for the adaptive rules, whose weight
 * depends on the state.
 */
export function gradientWeight(name: OptimizerName, options: Pick<ResolvedOptimizerOptions, 'lr' | 'beta' | 'ema'>): number | null {
  switch (name) {
    case 'gd':
    case 'nesterov':
      return options.lr;
    case 'momentum':
      return options.ema ? options.lr * averageWeight(options.beta) : options.lr;
    default:
      return null;
  }
}

/** The two terms of a step: x_{k+1} - x_k = momentum + gradient. */
export interface StepTerms {
  /** What the state carried over: beta v_k (classical, Nesterov), -eta beta v_k (ema), Adam's m_k part; 0 for the others. */
  readonly momentum: Float64Array;
  /** What g_k adds: -eta g_k, or its scaled form (see the module comment). */
  readonly gradient: Float64Array;
}

/**
 * The gradient term of update k with `gradient` in place of g_k and everything else as
 * recorded (the adaptive rules' denominators as the update left them): with the record's
 * own g_k it is the gradient term of `stepTerms`. Nesterov's figure uses it to show the
 * step the gradient at x_k would have made.
 */
export function gradientTerm(
  name: OptimizerName,
  options: ResolvedOptimizerOptions,
  record: RecordedUpdate,
  gradient: ArrayLike<number> = record.gradient,
): Float64Array {
  const n = record.x.length;
  const out = new Float64Array(n);
  const weight = gradientWeight(name, options);
  if (weight !== null) {
    for (let i = 0; i < n; i++) out[i] = -weight * entry(gradient, i);
    return out;
  }
  const { lr, eps } = options;
  if (name === 'adam') {
    const { beta1 } = options;
    const c1 = biasCorrection(beta1, record.k + 1);
    const vHat = biasCorrectedMoments(options, record).secondMoment;
    for (let i = 0; i < n; i++) out[i] = (-lr * averageWeight(beta1) * entry(gradient, i)) / c1 / (Math.sqrt(vHat[i]) + eps);
    return out;
  }
  // rmsprop and adagrad: the squared average s_{k+1} or the sum G_{k+1} divides the gradient.
  const s = record.after.secondMoment;
  for (let i = 0; i < n; i++) out[i] = (-lr * entry(gradient, i)) / (Math.sqrt(entry(s, i)) + eps);
  return out;
}

/** Update k's step x_{k+1} - x_k as its momentum term plus its gradient term (see the module comment). */
export function stepTerms(name: OptimizerName, options: ResolvedOptimizerOptions, record: RecordedUpdate): StepTerms {
  const n = record.x.length;
  const momentum = new Float64Array(n);
  const { lr, beta, ema, beta1, eps } = options;
  if (name === 'momentum' || name === 'nesterov') {
    const scale = name === 'momentum' && ema ? -lr * beta : beta;
    for (let i = 0; i < n; i++) momentum[i] = scale * entry(record.before.velocity, i);
  } else if (name === 'adam') {
    const c1 = biasCorrection(beta1, record.k + 1);
    const vHat = biasCorrectedMoments(options, record).secondMoment;
    for (let i = 0; i < n; i++) momentum[i] = (-lr * beta1 * entry(record.before.firstMoment, i)) / c1 / (Math.sqrt(vHat[i]) + eps);
  }
  return { momentum, gradient: gradientTerm(name, options, record) };
}
