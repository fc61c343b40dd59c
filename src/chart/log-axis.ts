/**
 * What a chart axis can show, decided from the data alone (no DOM: tested in Node).
 *
 * A logarithmic axis can only place y > 0; a point with a non-finite x or y goes on no
 * axis. Two ways to keep a log axis honest when data breaks that rule:
 *   'linear'  the axis becomes linear while any of its finite values is <= 0
 *             (f on a saddle, or a user expression, can be negative: dropping those
 *             points would hide exactly what matters);
 *   'drop'    points with y <= 0 are left out and the axis stays logarithmic
 *             (a gradient norm of exactly 0 at a minimum has no place on a log axis,
 *             and is the only such value a norm can take).
 * Non-finite points (a diverged run) are left out on every axis.
 *
 * Ticks: Chart.js puts nine ticks in every decade of a log axis, hundreds over a run that
 * converges to 1e-30; measuring their labels would cost more than drawing the data.
 * `logTicksToKeep` thins them to a handful a reader can use. Under one decade, where
 * Chart.js's ticks are the axis's ends and a few values that round to the same label
 * ("170, 170, 160"), `narrowLogTicks` gives nice linear values instead.
 */
import { niceTicks } from '../plot/ticks.js';

export type AxisType = 'logarithmic' | 'linear';

/** What a log axis does with y <= 0: become linear, or leave those points out. */
export type NonPositivePolicy = 'linear' | 'drop';

export interface ChartPoint {
  x: number;
  y: number;
}

/** True when every finite y of every series is > 0, so a log axis can show them all. */
export function allPositive(series: ReadonlyArray<ArrayLike<number>>): boolean {
  for (const ys of series) {
    for (let i = 0; i < ys.length; i++) {
      const y = ys[i];
      if (y <= 0 && Number.isFinite(y)) return false;
    }
  }
  return true;
}

/**
 * The axis type to use: logarithmic when asked for and either the policy drops what
 * cannot be shown or every value can be shown; linear otherwise.
 */
export function chooseAxisType(
  wantLog: boolean,
  policy: NonPositivePolicy,
  series: ReadonlyArray<ArrayLike<number>>,
): AxisType {
  if (!wantLog) return 'linear';
  return policy === 'drop' || allPositive(series) ? 'logarithmic' : 'linear';
}

/**
 * The points of one series an axis of this type can draw: {x, y} for each index below
 * min(xs.length, ys.length) with finite x and y, and y > 0 on a logarithmic axis.
 * Written into `into` when given (its point objects are reused and its length set), so
 * a chart redrawn every frame does not allocate a point per value per frame.
 */
export function plottablePoints(
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  type: AxisType,
  into: ChartPoint[] = [],
): ChartPoint[] {
  const n = Math.min(xs.length, ys.length);
  const log = type === 'logarithmic';
  let count = 0;
  for (let i = 0; i < n; i++) {
    const x = xs[i];
    const y = ys[i];
    if (!Number.isFinite(x) || !Number.isFinite(y) || (log && y <= 0)) continue;
    const point = into[count];
    // An index write, not push: Chart.js hooks push() on the arrays it draws.
    if (point === undefined) into[count] = { x, y };
    else {
      point.x = x;
      point.y = y;
    }
    count++;
  }
  into.length = count;
  return into;
}

/**
 * d when a positive number is d x 10^e with d a whole number from 1 to 9 (1 for 0.001,
 * 2 for 2000, up to rounding error); NaN otherwise (0.145, 15).
 */
function leadingDigit(v: number): number {
  const d = v / 10 ** Math.floor(Math.log10(v) + 1e-9);
  const whole = Math.round(d);
  return Math.abs(d - whole) < 1e-6 && whole < 10 ? whole : NaN;
}

/**
 * Which ticks of a log axis to keep, given their values in increasing order:
 *   span < 1 decade      all of them;
 *   span < 3 decades     1, 2 and 5 times a power of ten;
 *   otherwise            powers of ten, every s-th decade with s the smallest step that
 *                        keeps at most `maxTicks` of them (10^-30, 10^-25, ..., 1).
 * Then, when `minGap` > 0, no two kept ticks are closer than minGap decades (on screen:
 * a label's height over the axis's pixels per decade, so labels never touch): ticks are
 * taken roundest first (1 x 10^e, then 5, then 2, then the rest, each in increasing
 * order) and one closer than minGap to a tick already taken is left out. On an axis
 * from 0.3 to 2.9, 0.9 and 1 are 0.046 decades apart: 1 stays and 0.9 goes.
 * Returns the indices kept, in increasing order.
 */
export function logTicksToKeep(values: readonly number[], maxTicks = 8, minGap = 0): number[] {
  return spaced(values, roundTicks(values, maxTicks), minGap);
}

function roundTicks(values: readonly number[], maxTicks: number): number[] {
  const positive = values.filter((v) => v > 0);
  if (positive.length < 2) return values.map((_, i) => i);
  const decades = Math.log10(positive[positive.length - 1] / positive[0]);
  const kept: number[] = [];
  if (decades < 1) return values.map((_, i) => i);
  if (decades < 3) {
    values.forEach((v, i) => {
      if (v > 0 && [1, 2, 5].includes(leadingDigit(v))) kept.push(i);
    });
    return kept;
  }
  const step = Math.max(1, Math.ceil((decades + 1) / maxTicks));
  values.forEach((v, i) => {
    if (!(v > 0) || leadingDigit(v) !== 1) return;
    const exponent = Math.round(Math.log10(v));
    if (exponent % step === 0) kept.push(i);
  });
  return kept;
}

/** How round a tick is: 0 for 1 x 10^e, 1 for 5, 2 for 2, 3 otherwise. */
function roundness(v: number): number {
  const rank = [1, 5, 2].indexOf(leadingDigit(v));
  return rank < 0 ? 3 : rank;
}

/** The candidates (indices into values) with none closer than minGap decades to a rounder one. */
function spaced(values: readonly number[], candidates: number[], minGap: number): number[] {
  if (!(minGap > 0)) return candidates;
  const order = candidates.filter((i) => values[i] > 0).sort((a, b) => roundness(values[a]) - roundness(values[b]) || a - b);
  const taken: number[] = [];
  for (const i of order) {
    const at = Math.log10(values[i]);
    if (taken.every((j) => Math.abs(Math.log10(values[j]) - at) >= minGap)) taken.push(i);
  }
  return taken.sort((a, b) => a - b);
}

/**
 * Ticks for a log axis from min to max when it spans less than a decade: the nice values
 * (multiples of 1, 2 or 5 x 10^k, at most maxCount) inside it, as a linear axis would
 * have. So narrow an axis is nearly linear, and every label is a different value: 160,
 * 165, 170 on an axis from 158 to 173. Null for a decade or more (see logTicksToKeep),
 * or when fewer than two nice values fit.
 */
export function narrowLogTicks(min: number, max: number, maxCount: number): number[] | null {
  if (!(min > 0) || !(max > min) || !(Math.log10(max / min) < 1)) return null;
  const ticks = niceTicks(min, max, maxCount);
  return ticks.length >= 2 ? ticks : null;
}
