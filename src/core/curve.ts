/**
 * One-dimensional objectives: f(x) typed as text, for figures that draw the curve y = f(x)
 * with the iterates on it (the learning-rate lesson reads best in one dimension).
 *
 * A curve is an expression in x alone, compiled by the same compiler as a surface. The
 * compiler works in two variables, so the curve evaluates it on the line y = 0:
 *
 *   f(x) = F(x, 0),    f'(x) = dF/dx (x, 0),
 *
 * exact because F does not depend on y (the text may not mention y at all).
 */
import type { Objective, Vector } from './types.js';
import { compileExpression } from './expression/compile.js';
import { ExpressionError } from './expression/error.js';
import { variablePosition } from './expression/variables.js';
import { isDrawableInterval, MIN_RELATIVE_WIDTH } from './interval.js';

/** A one-dimensional objective with the interval it is drawn on and its known minima. */
export interface Curve extends Objective {
  readonly dim: 1;
  /** The expression text, trimmed. */
  readonly name: string;
  /** The interval [min, max] the curve is drawn on (and the run's leash is measured from). */
  readonly domain: { readonly x: readonly [number, number] };
  /** Known minima; empty for a typed curve (unknown). */
  readonly minima: readonly number[];
  /** f(x) as LaTeX. */
  readonly tex: string;
  /** f(x) without a derivative: the fast path for drawing. */
  value(x: number): number;
}

/** [-3, 3], the same default as a typed surface's sides. */
export const DEFAULT_CURVE_DOMAIN: readonly [number, number] = Object.freeze([-3, 3] as const);

/** The interval, checked and frozen: two finite numbers, min < max, drawable (interval.ts). */
function checkInterval(range: unknown): readonly [number, number] {
  if (!Array.isArray(range) || range.length !== 2) {
    throw new RangeError('domain must be a pair [min, max]');
  }
  const [lo, hi] = range as unknown[];
  const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
  if (!finite(lo) || !finite(hi)) {
    throw new RangeError(`domain must hold two finite numbers, got [${String(lo)}, ${String(hi)}]`);
  }
  if (!(lo < hi)) {
    throw new RangeError(`domain must have min < max, got [${lo}, ${hi}]`);
  }
  if (!isDrawableInterval(lo, hi)) {
    throw new RangeError(`domain [${lo}, ${hi}] is too narrow to draw (under ${MIN_RELATIVE_WIDTH} of its values)`);
  }
  return Object.freeze([lo, hi] as const);
}

/**
 * A curve from an expression in x alone, drawn on `domain` (default [-3, 3]).
 * Throws `ExpressionError` for a bad expression, or one that uses y ("this figure takes a
 * function of x alone: 'y' at 4", positioned at the first y), and `RangeError` for a bad
 * domain.
 */
export function parseCurve(expression: string, domain?: readonly [number, number]): Curve {
  const compiled = compileExpression(expression);
  const y = variablePosition(expression, 'y');
  if (y >= 0) {
    throw new ExpressionError(`this figure takes a function of x alone: 'y' at ${y}`, y);
  }
  const x = checkInterval(domain === undefined ? DEFAULT_CURVE_DOMAIN : domain);
  const { value, evaluate } = compiled;
  // The compiler writes (dF/dx, dF/dy) into a pair; the curve keeps the first.
  const pair = new Float64Array(2);
  return Object.freeze({
    dim: 1 as const,
    name: expression.trim(),
    domain: Object.freeze({ x }),
    minima: Object.freeze([]) as readonly number[],
    tex: compiled.tex,
    evaluate: (point: Vector, grad: Vector) => {
      const f = evaluate(point[0], 0, pair);
      grad[0] = pair[0];
      return f;
    },
    value: (at: number) => value(at, 0),
  });
}
