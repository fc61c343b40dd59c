/**
 * Any objective of two parameters as a Surface, so the surface plot can draw its
 * contours: e.g. the full-data loss of a linear model over (w, b).
 */
import type { Domain, Objective, Surface, Vector } from './types.js';

export function surfaceOf(objective: Objective, domain: Domain, name: string, tex = name): Surface {
  if (objective.dim !== 2) throw new RangeError(`a surface needs an objective of 2 parameters, this one has ${objective.dim}`);
  const point = new Float64Array(2);
  const scratch = new Float64Array(2);
  return {
    dim: 2,
    name,
    tex,
    domain,
    minima: [],
    evaluate: (x: Vector, grad: Vector) => objective.evaluate(x, grad),
    value(x: number, y: number): number {
      point[0] = x;
      point[1] = y;
      return objective.evaluate(point, scratch);
    },
  };
}
