/**
 * Domain coordinates <-> canvas CSS pixels for the plot rectangle inside the canvas.
 *
 * The plot rectangle is the canvas minus margins (room for the axis ticks and labels).
 * Canvas pixels grow rightwards and downwards; the domain's y grows upwards:
 *
 *   px = left + (x - x0) / (x1 - x0) * width
 *   py = top + (y1 - y) / (y1 - y0) * height
 *
 * and toDomain is the exact inverse. Points outside the domain map outside the
 * rectangle by the same formula (nothing is clamped here).
 */
import type { Domain } from '../core/index.js';

/** A rectangle in CSS pixels, from the canvas's top-left corner. */
export interface Rect {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

/** Space around the plot rectangle, in CSS pixels. */
export interface Margins {
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
  readonly left: number;
}

/**
 * Room for tick labels at the left and the bottom, and for the axis names at the top
 * (y) and the right (x).
 */
export const DEFAULT_MARGINS: Margins = { top: 18, right: 16, bottom: 22, left: 34 };

export interface PlotTransform {
  readonly domain: Domain;
  readonly rect: Rect;
  /** Domain x to canvas CSS px. */
  x(x: number): number;
  /** Domain y to canvas CSS px (y up on screen). */
  y(y: number): number;
  /** Domain point to canvas CSS px [px, py]. */
  toCanvas(x: number, y: number): [number, number];
  /** Canvas CSS px to the domain point [x, y]: the inverse of toCanvas. */
  toDomain(px: number, py: number): [number, number];
}

/** The canvas minus its margins; never narrower or shorter than 1 px. */
export function plotRect(cssWidth: number, cssHeight: number, margins: Margins = DEFAULT_MARGINS): Rect {
  return {
    left: margins.left,
    top: margins.top,
    width: Math.max(1, cssWidth - margins.left - margins.right),
    height: Math.max(1, cssHeight - margins.top - margins.bottom),
  };
}

/** The mapping between `domain` and `rect` (formulas in the module comment). */
export function plotTransform(domain: Domain, rect: Rect): PlotTransform {
  const [x0, x1] = domain.x;
  const [y0, y1] = domain.y;
  const sx = rect.width / (x1 - x0); // CSS px per domain unit along x
  const sy = rect.height / (y1 - y0);
  const x = (v: number): number => rect.left + (v - x0) * sx;
  const y = (v: number): number => rect.top + (y1 - v) * sy;
  return {
    domain,
    rect,
    x,
    y,
    toCanvas: (vx, vy) => [x(vx), y(vy)],
    toDomain: (px, py) => [x0 + (px - rect.left) / sx, y1 - (py - rect.top) / sy],
  };
}

/**
 * The canvas height (CSS px) at which one domain unit is as long on screen along y as
 * along x, for a canvas `cssWidth` wide: then circles look round and the gradient
 * arrow is drawn at right angles to the contour lines, as it is in the maths.
 */
export function heightForWidth(cssWidth: number, domain: Domain, margins: Margins = DEFAULT_MARGINS): number {
  const plotWidth = Math.max(1, cssWidth - margins.left - margins.right);
  const aspect = (domain.y[1] - domain.y[0]) / (domain.x[1] - domain.x[0]);
  return Math.round(plotWidth * aspect + margins.top + margins.bottom);
}

/** The point moved into the domain (each coordinate clamped to its interval). */
export function clampToDomain(domain: Domain, x: number, y: number): [number, number] {
  return [Math.min(Math.max(x, domain.x[0]), domain.x[1]), Math.min(Math.max(y, domain.y[0]), domain.y[1])];
}
