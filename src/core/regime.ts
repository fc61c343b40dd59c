/**
 * The learning-rate lesson, read off a run: too low, just right, too high, diverges.
 *
 * A run x_0, x_1, ..., x_n (n updates) makes the updates
 *
 *   d_k = x_{k+1} - x_k,   k = 0 .. n-1,
 *
 * and n - 1 consecutive pairs (d_{k-1}, d_k), k = 1 .. n-1. A pair reverses when the
 * second update points back against the first:
 *
 *   d_{k-1} . d_k < 0.
 *
 * On a quadratic f = (L/2) x^2, gradient descent multiplies x by (1 - lr L) each step,
 * so every pair reverses when lr > 1/L (the factor is negative: the iterate jumps over
 * the minimum) and none does when lr < 1/L. The run overshoots when more than half of
 * its pairs reverse:
 *
 *   reversals > pairs / 2        (exactly half is not overshooting).
 *
 * A run with 0 or 1 updates has no pairs and does not overshoot.
 *
 * The regime, checked in this order:
 *   diverges    the run stopped as diverged;
 *   too-high    it overshoots (whether or not it converged);
 *   just-right  it converged without overshooting;
 *   too-low     it ran out of steps without overshooting (slow and monotone).
 */
import type { Descent } from './descend.js';

export type Regime = 'too-low' | 'just-right' | 'too-high' | 'diverges';

/** The regimes from the smallest learning rate to the largest. */
export const REGIMES: readonly Regime[] = Object.freeze(['too-low', 'just-right', 'too-high', 'diverges'] as const);

/** How many consecutive pairs of updates reverse direction, out of how many pairs. */
export interface Reversals {
  readonly reversals: number;
  readonly pairs: number;
}

/**
 * Counts the pairs (d_{k-1}, d_k) of consecutive updates with d_{k-1} . d_k < 0.
 * pairs = n - 1 for n >= 2 updates, else 0. A zero update (dot product 0) never reverses.
 */
export function countReversals(run: Pick<Descent, 'path'>): Reversals {
  const path = run.path;
  const updates = path.length - 1;
  if (updates < 2) return { reversals: 0, pairs: 0 };
  let reversals = 0;
  for (let k = 1; k < updates; k++) {
    // d_{k-1} = path[k] - path[k-1], d_k = path[k+1] - path[k]
    const a = path[k - 1];
    const b = path[k];
    const c = path[k + 1];
    let dot = 0;
    for (let i = 0; i < b.length; i++) dot += (b[i] - a[i]) * (c[i] - b[i]);
    if (dot < 0) reversals++;
  }
  return { reversals, pairs: updates - 1 };
}

/** reversals / pairs, in [0, 1]; 0 when the run has no pairs (0 or 1 updates). */
export function reversalFraction(run: Pick<Descent, 'path'>): number {
  const { reversals, pairs } = countReversals(run);
  return pairs === 0 ? 0 : reversals / pairs;
}

/** True when more than half of the pairs reverse: 2 reversals > pairs (integers, no rounding). */
export function overshoots(run: Pick<Descent, 'path'>): boolean {
  const { reversals, pairs } = countReversals(run);
  return 2 * reversals > pairs;
}

/** The lesson of the run: diverges, too-high (overshoots), just-right (converged), too-low. */
export function classifyRegime(run: Pick<Descent, 'path' | 'stop'>): Regime {
  if (run.stop === 'diverged') return 'diverges';
  if (overshoots(run)) return 'too-high';
  return run.stop === 'converged' ? 'just-right' : 'too-low';
}
