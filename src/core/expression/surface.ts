/**
 * A typed surface: an expression in x and y, compiled, on the rectangle it is drawn on.
 */
import type { Domain, Surface, Vector } from '../types.js';
import { isDrawableInterval, MIN_RELATIVE_WIDTH } from '../interval.js';
import { compileExpression } from './compile.js';

/** The rectangle a typed surface is drawn on when none is given. */
export const DEFAULT_SURFACE_DOMAIN = Object.freeze({ x: Object.freeze([-3, 3] as const), y: Object.freeze([-3, 3] as const) });
const DEFAULT_DOMAIN = DEFAULT_SURFACE_DOMAIN;

/** One side of the domain, checked and frozen: two finite numbers, min < max, drawable (interval.ts). */
function checkRange(range: unknown, axis: 'x' | 'y'): readonly [number, number] {
  if (!Array.isArray(range) || range.length !== 2) {
    throw new RangeError(`domain.${axis} must be a pair [min, max]`);
  }
  const [lo, hi] = range as unknown[];
  const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
  if (!finite(lo) || !finite(hi)) {
    throw new RangeError(
      `domain.${axis} must hold two finite numbers, got [${String(lo)}, ${String(hi)}]`,
    );
  }
  if (!(lo < hi)) {
    throw new RangeError(`domain.${axis} must have min < max, got [${lo}, ${hi}]`);
  }
  if (!isDrawableInterval(lo, hi)) {
    throw new RangeError(`domain.${axis} [${lo}, ${hi}] is too narrow to draw (under ${MIN_RELATIVE_WIDTH} of its values)`);
  }
  return Object.freeze([lo, hi] as const);
}

/** The domain, checked and frozen; [-3, 3] x [-3, 3] when none is given. */
function checkDomain(domain: Domain | undefined): Domain {
  const d = domain === undefined ? DEFAULT_DOMAIN : domain;
  if (typeof d !== 'object' || d === null) {
    throw new RangeError('domain must be an object { x: [min, max], y: [min, max] }');
  }
  return Object.freeze({ x: checkRange(d.x, 'x'), y: checkRange(d.y, 'y') });
}

/**
 * A surface from an expression in x and y, drawn on `domain` (default [-3,3] x [-3,3]).
 * Throws `ExpressionError` for a bad expression and `RangeError` for a bad domain.
 */
export function parseSurface(expression: string, domain?: Domain): Surface {
  const compiled = compileExpression(expression);
  const checked = checkDomain(domain);
  const { value, evaluate } = compiled;
  return Object.freeze({
    dim: 2 as const,
    name: expression.trim(),
    domain: checked,
    minima: Object.freeze([]) as ReadonlyArray<readonly [number, number]>,
    tex: compiled.tex,
    evaluate: (x: Vector, grad: Vector) => evaluate(x[0], x[1], grad),
    value,
  });
}
