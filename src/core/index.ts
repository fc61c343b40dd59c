/**
 * The optimizer core: update rules, runs, surfaces and the expression language.
 * Pure TypeScript with no DOM: it runs in Node and in browsers (`gd-widgets/core`).
 */
export type { Domain, Objective, Surface, Vector } from './types.js';
export {
  DEFAULT_OPTIMIZER_OPTIONS,
  OPTIMIZER_NAMES,
  createOptimizer,
  resolveOptimizerOptions,
} from './optimizers.js';
export type {
  Optimizer,
  OptimizerName,
  OptimizerOptions,
  OptimizerState,
  ResolvedOptimizerOptions,
} from './optimizers.js';
export { UNBOUNDED_RADIUS, descend, hasDiverged, leashOf, norm } from './descend.js';
export type { Descent, DescendOptions, Leash, StopReason } from './descend.js';
export { SURFACE_NAMES, getSurface, isSurfaceName } from './surfaces.js';
export type { SurfaceName } from './surfaces.js';
export { ExpressionError, parseSurface } from './expression/index.js';
