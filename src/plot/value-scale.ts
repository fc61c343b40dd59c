/**
 * Where a value sits among the values of the picture: the transform behind both the
 * heatmap's colours and the choice of contour levels.
 *
 * The base is the rank: the empirical cumulative distribution of the sampled values
 * (histogram equalisation). rank(f) is the fraction of the sampled area lower than f,
 * so a colour ramp by rank gives every tenth of the colours a tenth of the picture.
 * The surface plot uses the rank raised to a power p < 1, position = rank^p, which
 * stretches the low end where the minima are.
 *
 * Why rank and not log(1 + (f - fmin) / scale): the surfaces of the course have very
 * different value distributions over their domains. Rosenbrock and Beale are heavy-tailed
 * (Rosenbrock's median is 143 above its minimum and its maximum 2500; Beale's maximum is
 * 1.8e5), so a linear ramp paints everything but the corners one colour; a log ramp
 * fixes those but squeezes light-tailed surfaces: for Rastrigin it spends 40 % of the
 * colours on the lowest 10 % of the area and flattens the outer egg-box, and for the
 * saddle x^2 - y^2 it puts the level f = 0 (the X through the saddle point) at 70 % of
 * the ramp. The rank needs no scale parameter, is invariant under any increasing
 * transform of f, and spreads colour evenly over every surface.
 *
 * Why the power: near a smooth minimum of a 2-D surface the area below f grows like
 * f - fmin (ellipses), so equal-area bands crowd the whole basin into one band: the
 * eye cannot see where in Rosenbrock's valley the minimum is. rank^(1/2) would grow like
 * the distance from the minimum (evenly spaced rings, as on a cone) but hands most of
 * the ramp to the basins and paints the rest one colour. p = 0.7 sits between: each of
 * Himmelblau's four basins gets nested rings, Rosenbrock's banana valley shows its floor
 * falling towards (1, 1), Rastrigin's egg-box keeps its contrast out to the edges,
 * Ackley's funnel and its rippled plateau both read, and the saddle stays nearly
 * balanced (f = 0 at 0.5^0.7 = 0.62 of the ramp).
 *
 * Between two sampled values the rank is interpolated linearly, so the position is
 * non-decreasing, and continuous except at tied samples.
 */

/** The power of the rank in the surface plot's scale (see the module comment). */
export const SURFACE_SCALE_POWER = 0.7;

export interface ValueScale {
  /** The least finite sample; NaN when there is none. */
  readonly min: number;
  /** The greatest finite sample; NaN when there is none. */
  readonly max: number;
  /**
   * Where f sits, in [0, 1], non-decreasing in f. For the rank scale with power 1: the
   * k-th smallest of n samples (k from 0) is at k / (n - 1), tied samples at the middle
   * of their ranks, and values between two samples in between, linearly; with power p
   * that rank is raised to p. Below min 0 and above max 1 (so -Infinity is 0 and
   * +Infinity is 1); NaN for NaN. When every sample is equal, that value is at 0.5^p.
   */
  position(f: number): number;
  /** The inverse: the value at position t in [0, 1] (t is clamped); NaN with no samples. */
  quantile(t: number): number;
}

/**
 * The rank scale of the finite numbers among values, with position = rank^power
 * (power > 0; 1 is the plain rank).
 */
export function rankScale(values: ArrayLike<number>, power = 1): ValueScale {
  let count = 0;
  for (let k = 0; k < values.length; k++) if (Number.isFinite(values[k])) count++;
  const sorted = new Float64Array(count);
  for (let k = 0, n = 0; k < values.length; k++) if (Number.isFinite(values[k])) sorted[n++] = values[k];
  sorted.sort();
  return new RankScale(sorted, power);
}

class RankScale implements ValueScale {
  readonly min: number;
  readonly max: number;
  private readonly last: number;

  constructor(
    private readonly sorted: Float64Array,
    private readonly power: number,
  ) {
    this.last = sorted.length - 1;
    this.min = sorted.length > 0 ? sorted[0] : NaN;
    this.max = sorted.length > 0 ? sorted[this.last] : NaN;
  }

  position(f: number): number {
    const rank = this.rank(f);
    return this.power === 1 ? rank : rank ** this.power;
  }

  quantile(t: number): number {
    const clamped = Math.min(Math.max(t, 0), 1);
    return this.rankQuantile(this.power === 1 ? clamped : clamped ** (1 / this.power));
  }

  /** The rank of f scaled to [0, 1] (see ValueScale.position with power 1). */
  private rank(f: number): number {
    const s = this.sorted;
    const last = this.last;
    if (Number.isNaN(f) || last < 0) return NaN;
    if (f < this.min) return 0;
    if (f > this.max) return 1;
    if (this.min === this.max) return 0.5;
    const lower = firstAtLeast(s, f); // s[lower - 1] < f <= s[lower]
    if (s[lower] === f) return (lower + firstAbove(s, f) - 1) / 2 / last; // a sample: the middle of its ranks
    const below = s[lower - 1]; // lower >= 1 here, since s[0] = min < f
    return (lower - 1 + (f - below) / (s[lower] - below)) / last; // between two samples
  }

  /** The value at rank r in [0, 1]: linear between the sorted samples. */
  private rankQuantile(r: number): number {
    const s = this.sorted;
    if (this.last < 0 || Number.isNaN(r)) return NaN;
    const p = r * this.last;
    const k = Math.floor(p);
    if (k >= this.last) return s[this.last];
    return s[k] + (p - k) * (s[k + 1] - s[k]);
  }
}

/** The first index whose value is >= f (s.length when none): binary search. */
function firstAtLeast(s: Float64Array, f: number): number {
  let lo = 0;
  let hi = s.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (s[mid] < f) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first index whose value is > f (s.length when none): binary search. */
function firstAbove(s: Float64Array, f: number): number {
  let lo = 0;
  let hi = s.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (s[mid] <= f) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The scale the surface plot colours and contours by: rank^SURFACE_SCALE_POWER. */
export function surfaceScale(values: ArrayLike<number>): ValueScale {
  return rankScale(values, SURFACE_SCALE_POWER);
}
