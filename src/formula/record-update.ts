/**
 * One optimizer update with the numbers a formula needs kept: x_k, g_k, x_{k+1} and the
 * state before and after. Use it in place of `optimizer.step(x, objective)` when the
 * update is to be shown with `substitutedUpdateRule`.
 */
import type { Objective, Optimizer, Vector } from '../core/index.js';
import type { UpdateQuantities, UpdateState } from './update-rules.js';

export interface UpdateRecord extends UpdateQuantities {
  /** f(x_k), as `optimizer.step` returns it. */
  readonly value: number;
}

/** A copy of length n; entries the source does not have yet (state before the first update) are 0. */
function copyOf(source: ArrayLike<number> | null, n: number): Float64Array | null {
  if (source === null) return null;
  const copy = new Float64Array(n);
  for (let i = 0; i < Math.min(n, source.length); i++) copy[i] = source[i];
  return copy;
}

function stateOf(optimizer: Optimizer, n: number): UpdateState {
  const { velocity, firstMoment, secondMoment } = optimizer.state;
  return { velocity: copyOf(velocity, n), firstMoment: copyOf(firstMoment, n), secondMoment: copyOf(secondMoment, n) };
}

/**
 * Makes one update of x in place, like `optimizer.step(x, objective)`, and returns its
 * numbers. k is the optimizer's count of updates before this one.
 */
export function recordUpdate(optimizer: Optimizer, x: Vector, objective: Objective): UpdateRecord {
  const n = x.length;
  const k = optimizer.state.updates;
  const before = stateOf(optimizer, n);
  const xk = Float64Array.from(x);
  const value = optimizer.step(x, objective);
  return {
    k,
    x: xk,
    gradient: copyOf(optimizer.state.gradient, n)!,
    next: Float64Array.from(x),
    before,
    after: stateOf(optimizer, n),
    value,
  };
}
