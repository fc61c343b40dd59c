/**
 * The shapes every part of the core agrees on.
 *
 * A point in parameter space is a `Vector` (a `Float64Array`); an `Objective` is a
 * differentiable function of it that fills in its gradient as it evaluates.
 */

/** A point or a direction in parameter space. */
export type Vector = Float64Array;

/** A differentiable scalar function of a `dim`-dimensional point. */
export interface Objective {
  readonly dim: number;
  /** Writes the gradient at x into grad and returns the value at x. */
  evaluate(x: Vector, grad: Vector): number;
}

/** The rectangle a surface is drawn on: `x` and `y` as `[min, max]`. */
export interface Domain {
  readonly x: readonly [number, number];
  readonly y: readonly [number, number];
}

/** A two-dimensional objective with the rectangle it is shown on and its known minima. */
export interface Surface extends Objective {
  readonly dim: 2;
  /** `'rosenbrock'`, or the expression text for a typed surface. */
  readonly name: string;
  readonly domain: Domain;
  /** Known minima, may be empty (the saddle has none). */
  readonly minima: ReadonlyArray<readonly [number, number]>;
  /** f(x, y) as LaTeX, for formulas on screen. */
  readonly tex: string;
  /** f(x, y) without a gradient: the fast path for drawing heatmaps and contours. */
  value(x: number, y: number): number;
}
