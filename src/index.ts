/**
 * The bundle entry: everything a page gets from `gd-widgets.js`.
 * It re-exports the optimizer core; the elements join it as they are built.
 */
export * from './core/index.js';
