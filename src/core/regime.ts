/**
 * The learning-rate lesson, read off a run and, where it is known, off the curvature
 * at the minimum: too low, just right, ill-conditioned, too high, oscillates, diverges.
 *
 * The theory (plain gradient descent, x <- x - lr grad f). Near a minimum f is a
 * quadratic; along an eigenvector of its Hessian with eigenvalue (curvature) lambda,
 * each step multiplies the distance to the minimum by
 *
 *   r = 1 - lr lambda.
 *
 * With L the largest curvature (the stiffest direction):
 *   lr < 1/L         0 < r < 1     monotone: every step goes the same way, slower as lr shrinks;
 *   lr = 1/L         r = 0         that direction is solved in one step;
 *   1/L < lr < 2/L   -1 < r < 0    it overshoots: jumps across the minimum, but converges;
 *   lr = 2/L         r = -1        it bounces between two points for ever;
 *   lr > 2/L         r < -1        every jump lands farther out: it diverges, however
 *                                  slowly, whatever the step budget.
 * With mu the smallest curvature, the shallowest direction's factor is 1 - lr mu. The
 * condition number kappa = L / mu says how far apart they are: at lr = 1/L, the fastest
 * rate that never overshoots, the shallow direction keeps 1 - 1/kappa of its distance per
 * step (95% on the ravine, curvatures 1 and 20). No rate is then fast in every
 * direction: whatever does not overshoot the steep one crawls along the shallow one.
 *
 * The run. A run x_0, x_1, ..., x_n (n updates) makes the updates
 *
 *   d_k = x_{k+1} - x_k,   k = 0 .. n-1,
 *
 * and n - 1 consecutive pairs (d_{k-1}, d_k), k = 1 .. n-1. A pair reverses when the
 * second update points back against the first:
 *
 *   d_{k-1} . d_k < 0.
 *
 * On a quadratic f = (L/2) x^2, every pair reverses when lr > 1/L (r is negative) and
 * none does when lr < 1/L. The run overshoots when more than half of its pairs reverse:
 *
 *   reversals > pairs / 2        (exactly half is not overshooting).
 *
 * A run with 0 or 1 updates has no pairs and does not overshoot.
 *
 * The regime (`readRegime`):
 *   no-steps         the run made no update: f is flat or not defined at the start;
 *   diverges         the run stopped as diverged;
 * then, where the curvatures at the minimum are known (plain gd, `theory`), the band of
 * lr L decides, and the run only says whether it got there:
 *   lr L > 2         diverges (a run still on screen is diverging slowly; a longer run,
 *                    when given, says when it leaves);
 *   lr L = 2         oscillates;
 *   1 < lr L < 2     too-high: overshoots but converges;
 *   lr L <= 1        just-right when the run converged; else ill-conditioned when the
 *                    steep direction is fast (lr L >= 1/2: it at least halves each step)
 *                    and the shallow one is not (lr mu < 1/2): the step budget ran out
 *                    because of the shallow direction; else too-low.
 *   (A run that converged although lr L >= 2 found a minimum the theory was not measured
 *   at, and a run whose pairs mostly reverse although lr L <= 1 met a stiffer curvature
 *   far from the minimum, and one that never reverses although 1 < lr L < 2 started on
 *   the shallow direction: each of these is read from the run alone.)
 * From the run alone (other optimizers, unknown curvature):
 *   too-high         it overshoots; if it ran out of steps, a longer run (when given)
 *                    tells slow divergence (diverges) from a shrinking oscillation;
 *   just-right       it converged without overshooting;
 *   too-low          it ran out of steps without overshooting (slow and monotone).
 */
import type { Descent } from './descend.js';

export type Regime = 'no-steps' | 'too-low' | 'just-right' | 'ill-conditioned' | 'too-high' | 'oscillates' | 'diverges';

/**
 * The regimes from the smallest learning rate to the largest (just-right and
 * ill-conditioned share a band: which one depends on the surface), after no-steps, where
 * the rate does not matter.
 */
export const REGIMES: readonly Regime[] = Object.freeze([
  'no-steps',
  'too-low',
  'just-right',
  'ill-conditioned',
  'too-high',
  'oscillates',
  'diverges',
] as const);

/** Where lr L lies against the marks 1 and 2 (1/L and 2/L on the slider). */
export type RateBand = 'monotone' | 'one-step' | 'overshoots' | 'oscillates' | 'diverges';

/**
 * How close lr L must be to 1 or 2 to count as on the mark, relative. The factor's size
 * is then 1 +- 2e-6 (at 2) or within 1e-6 of 0 (at 1): over 10 000 steps the amplitude
 * at 2/L changes by under 2%, which no plot shows; a rate off the mark by the slider's
 * finest step (3 significant digits) is far outside it.
 */
export const MARK_TOLERANCE = 1e-6;

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

/**
 * The band of lr L (L > 0): monotone below 1, one-step at 1, overshoots between 1 and 2,
 * oscillates at 2, diverges above; "at" within MARK_TOLERANCE of lr L.
 */
export function rateBand(lr: number, L: number): RateBand {
  const q = lr * L;
  if (Math.abs(q - 1) <= MARK_TOLERANCE) return 'one-step';
  if (Math.abs(q - 2) <= 2 * MARK_TOLERANCE) return 'oscillates';
  if (q < 1) return 'monotone';
  return q < 2 ? 'overshoots' : 'diverges';
}

/** What the theory needs: the rate plain gd ran at and the Hessian's eigenvalues at the minimum. */
export interface RateTheory {
  readonly lr: number;
  /** Every curvature (eigenvalue of the Hessian) at the minimum, each > 0. */
  readonly curvatures: readonly number[];
}

export interface RegimeContext {
  /** Set for plain gradient descent where the curvatures at the minimum are known. */
  readonly theory?: RateTheory | null;
  /**
   * The same settings run for more steps, asked for only when the run ran out of steps
   * while overshooting: it tells a slow divergence from an oscillation that dies out.
   */
  readonly longer?: () => Pick<Descent, 'path' | 'stop'>;
}

/** A regime with the numbers that explain it. */
export interface RegimeReading {
  readonly regime: Regime;
  /** 'curvature' when the theory decided the band, 'run' when the run alone did. */
  readonly basis: 'curvature' | 'run';
  /** Updates in the run (the step it diverged or converged at, or the budget). */
  readonly updates: number;
  /** How the run stopped. */
  readonly stop: Descent['stop'];
  /** Pairs of updates that reverse direction, of how many. */
  readonly reversals: Reversals;
  /** With the curvatures: 1 - lr L, the factor along the stiffest direction. */
  readonly stiffFactor?: number;
  /** With the curvatures: 1 - lr mu, the factor along the shallowest direction. */
  readonly shallowFactor?: number;
  /** With the curvatures: lr mu = 1 - shallowFactor, the share of the distance along the shallowest direction each step removes. */
  readonly shallowShare?: number;
  /** With the curvatures: L and mu, the largest and smallest. */
  readonly largest?: number;
  readonly smallest?: number;
  /**
   * When a longer run was looked at: the update it diverged at, or null when it did not
   * diverge within its budget (`longerSteps` updates).
   */
  readonly divergedAt?: number | null;
  readonly longerSteps?: number;
}

/** Usable curvatures: at least one, all finite and > 0. */
function usable(theory: RateTheory | null | undefined): theory is RateTheory {
  return !!theory && theory.lr > 0 && theory.curvatures.length > 0 && theory.curvatures.every((c) => c > 0 && Number.isFinite(c));
}

/** The lesson of a run, with its numbers (see the module comment for the rules). */
export function readRegime(run: Pick<Descent, 'path' | 'stop'>, context: RegimeContext = {}): RegimeReading {
  const updates = run.path.length - 1;
  const reversals = countReversals(run);
  const base = { updates, stop: run.stop, reversals };
  if (updates === 0) return { ...base, regime: 'no-steps', basis: 'run' };
  const theory = usable(context.theory) ? context.theory : null;
  const numbers: Partial<ReturnType<typeof factorsOf>> = theory ? factorsOf(theory) : {};
  const longerLook = () => {
    const longer = context.longer?.();
    if (!longer) return {};
    return { divergedAt: longer.stop === 'diverged' ? longer.path.length - 1 : null, longerSteps: longer.path.length - 1 };
  };
  if (run.stop === 'diverged') return { ...base, ...numbers, regime: 'diverges', basis: 'run' };
  if (theory) {
    const L = numbers.largest!;
    const mu = numbers.smallest!;
    const band = rateBand(theory.lr, L);
    const lrL = theory.lr * L;
    const byCurvature = { ...base, ...numbers, basis: 'curvature' as const };
    if ((band === 'diverges' || band === 'oscillates') && run.stop !== 'converged') {
      return band === 'diverges' ? { ...byCurvature, regime: 'diverges', ...longerLook() } : { ...byCurvature, regime: 'oscillates' };
    }
    if (band === 'overshoots' && reversals.reversals > 0) return { ...byCurvature, regime: 'too-high' };
    if ((band === 'monotone' || band === 'one-step') && !overshoots(run)) {
      if (run.stop === 'converged') return { ...byCurvature, regime: 'just-right' };
      const illConditioned = lrL >= 0.5 && theory.lr * mu < 0.5;
      return { ...byCurvature, regime: illConditioned ? 'ill-conditioned' : 'too-low' };
    }
    // The run contradicts the local picture: read it alone, keeping the numbers.
    return { ...fromRun(run, base, context.longer ? longerLook : undefined), ...numbers };
  }
  return fromRun(run, base, context.longer ? longerLook : undefined);
}

function factorsOf(theory: RateTheory) {
  const largest = Math.max(...theory.curvatures);
  const smallest = Math.min(...theory.curvatures);
  return { largest, smallest, stiffFactor: 1 - theory.lr * largest, shallowFactor: 1 - theory.lr * smallest, shallowShare: theory.lr * smallest };
}

/** The regime from the run alone: overshooting (diverging slowly, given a longer run), converged, or not yet. */
function fromRun(
  run: Pick<Descent, 'path' | 'stop'>,
  base: Pick<RegimeReading, 'updates' | 'stop' | 'reversals'>,
  longerLook?: () => Partial<RegimeReading>,
): RegimeReading {
  if (overshoots(run)) {
    if (run.stop === 'max-steps' && longerLook) {
      const look = longerLook();
      if (typeof look.divergedAt === 'number') return { ...base, ...look, regime: 'diverges', basis: 'run' };
      return { ...base, ...look, regime: 'too-high', basis: 'run' };
    }
    return { ...base, regime: 'too-high', basis: 'run' };
  }
  return { ...base, regime: run.stop === 'converged' ? 'just-right' : 'too-low', basis: 'run' };
}

/** The lesson of the run (see `readRegime`); without a context, from the run alone. */
export function classifyRegime(run: Pick<Descent, 'path' | 'stop'>, context?: RegimeContext): Regime {
  return readRegime(run, context).regime;
}
