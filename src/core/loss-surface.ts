/**
 * The full-data loss of a two-parameter model as a Surface over its parameters, for
 * drawing the paths of training over its contours.
 *
 * For a line fitted by mean squared error, L(w, b) = mean((w x_i + b - y_i)^2) is a
 * quadratic whose coefficients are five sums over the data:
 *   L = w^2 Sxx + 2 w b Sx + b^2 - 2 w Sxy - 2 b Sy + Syy     (S = mean over examples)
 *   dL/dw = 2 (w Sxx + b Sx - Sxy),  dL/db = 2 (w Sx + b - Sy)
 * so each point of a contour plot costs O(1) instead of O(n), and the minimum solves
 * the 2x2 normal equations. Other models go through their objective (O(n) a point).
 */
import { findMinimum } from './curvature.js';
import type { Model } from './models.js';
import { surfaceOf } from './surface-of.js';
import type { Domain, Surface, Vector } from './types.js';

export interface LossSurface {
  surface: Surface;
  /** The parameters where the loss is least (null when none was found). */
  minimum: Float64Array | null;
}

/** The loss over (w, b) on a window holding `start` and the minimum; null unless the model has 2 parameters. */
export function lossSurfaceOf(model: Model, start: ArrayLike<number> = [0, 0]): LossSurface | null {
  if (model.dim !== 2) return null;
  const quadratic = model.kind === 'linear' && model.loss === 'mse' ? meanSquaredLine(model) : null;
  const objective = quadratic ?? model.objective();
  const minimum = quadratic ? quadratic.minimum : findMinimum(objective, start);
  const m = minimum ?? Float64Array.from(start);
  // Room around both ends of the paths, with a margin.
  const half = 0.65 * Math.max(Math.abs(m[0] - start[0]), Math.abs(m[1] - start[1])) + 0.5;
  const cx = (m[0] + start[0]) / 2;
  const cy = (m[1] + start[1]) / 2;
  const domain: Domain = { x: [cx - half, cx + half], y: [cy - half, cy + half] };
  return { surface: surfaceOf(objective, domain, 'L(w, b)'), minimum };
}

/** Mean squared error of a line from its five sums (see the module comment). */
function meanSquaredLine(model: Model) {
  const { x, y, n } = model.dataset;
  let sx = 0, sy = 0, sxx = 0, sxy = 0, syy = 0;
  for (let i = 0; i < n; i++) {
    sx += x[i];
    sy += y[i];
    sxx += x[i] * x[i];
    sxy += x[i] * y[i];
    syy += y[i] * y[i];
  }
  [sx, sy, sxx, sxy, syy] = [sx / n, sy / n, sxx / n, sxy / n, syy / n];
  // Normal equations: [Sxx Sx; Sx 1] (w, b) = (Sxy, Sy).
  const det = sxx - sx * sx;
  const minimum = det > 0 ? Float64Array.of((sxy - sx * sy) / det, (sxx * sy - sx * sxy) / det) : null;
  return {
    dim: 2,
    minimum,
    evaluate(p: Vector, grad: Vector): number {
      const [w, b] = [p[0], p[1]];
      grad[0] = 2 * (w * sxx + b * sx - sxy);
      grad[1] = 2 * (w * sx + b - sy);
      return w * w * sxx + 2 * w * b * sx + b * b - 2 * w * sxy - 2 * b * sy + syy;
    },
  };
}
