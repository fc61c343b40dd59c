/**
 * Starting settings that make each named surface tell its story at first sight: a
 * start point away from the minimum and a learning rate that moves without blowing up,
 * one for plain rules (gd, momentum, nesterov) and one for adaptive ones (rmsprop, adam,
 * adagrad), whose steps do not scale with the gradient.
 */
import type { Domain, SurfaceName } from '../core/index.js';

export interface SurfacePreset {
  start: readonly [number, number];
  lr: { plain: number; adaptive: number };
}

export const SURFACE_PRESETS: Record<string, SurfacePreset> = {
  bowl: { start: [2.4, -1.8], lr: { plain: 0.1, adaptive: 0.1 } },
  ravine: { start: [-3.5, 1.5], lr: { plain: 0.06, adaptive: 0.1 } },
  rosenbrock: { start: [-1.5, 2.5], lr: { plain: 0.001, adaptive: 0.05 } },
  himmelblau: { start: [-0.3, -0.5], lr: { plain: 0.01, adaptive: 0.1 } },
  beale: { start: [0.5, 1.5], lr: { plain: 0.002, adaptive: 0.05 } },
  booth: { start: [-8, -6], lr: { plain: 0.02, adaptive: 0.3 } },
  rastrigin: { start: [2.3, -3.2], lr: { plain: 0.002, adaptive: 0.05 } },
  saddle: { start: [-1.8, 0.05], lr: { plain: 0.05, adaptive: 0.05 } },
  'six-hump-camel': { start: [-1.9, 1.1], lr: { plain: 0.02, adaptive: 0.05 } },
  ackley: { start: [3.2, 2.7], lr: { plain: 0.02, adaptive: 0.05 } },
} satisfies Record<SurfaceName, SurfacePreset>; // every named surface has one

/** Typed expressions: a modest rate, and a start up and to the right of the centre. */
export function expressionPreset(domain: Domain): SurfacePreset {
  const [x0, x1] = domain.x;
  const [y0, y1] = domain.y;
  return { start: [x0 + 0.8 * (x1 - x0), y0 + 0.75 * (y1 - y0)], lr: { plain: 0.05, adaptive: 0.05 } };
}


/** The learning-rate slider's range: six decades. */
export const LR_RANGE = { min: 1e-5, max: 10 } as const;
