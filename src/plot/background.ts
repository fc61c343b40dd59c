/**
 * The layers of the cached background: heatmap, contour lines, axes. Each draws in CSS
 * pixels on a context whose transform already scales CSS px to device px.
 */
import type { Isoline } from './contours.js';
import { crisp } from './crisp.js';
import type { Numbers } from '../i18n/numbers.js';
import { niceTicks, tickCountFor, tickStep } from './ticks.js';
import type { PlotTransform } from './transform.js';

/**
 * Draws an nx x ny heatmap image (one pixel per grid node, row 0 at the top) over the
 * plot rectangle, upscaled bilinearly (smoothing quality 'low': on samples about 2 CSS px
 * apart it looks the same as 'high', which costs 2.5 times as much on a CPU rasterizer).
 * The grid's nodes sit on the rectangle's edges
 * (node 0 at the left edge, node nx - 1 at the right), so the source rectangle runs from
 * the centre of the first pixel to the centre of the last: node i lands exactly at
 * t.x(x_i), where the contour lines put it.
 */
export function drawHeatmap(
  ctx: CanvasRenderingContext2D,
  t: PlotTransform,
  image: CanvasImageSource,
  nx: number,
  ny: number,
): void {
  const { left, top, width, height } = t.rect;
  ctx.save();
  ctx.imageSmoothingEnabled = true;
  ctx.imageSmoothingQuality = 'low';
  ctx.drawImage(image, 0.5, 0.5, nx - 1, ny - 1, left, top, width, height);
  ctx.restore();
}

export interface ContourStyle {
  readonly color: string;
  /** CSS px. */
  readonly width: number;
}

/** All the isolines as one path, stroked once. */
export function drawContours(
  ctx: CanvasRenderingContext2D,
  t: PlotTransform,
  lines: ReadonlyArray<Isoline>,
  style: ContourStyle,
): void {
  ctx.save();
  ctx.beginPath();
  for (const { points, closed } of lines) {
    ctx.moveTo(t.x(points[0]), t.y(points[1]));
    for (let k = 2; k < points.length; k += 2) ctx.lineTo(t.x(points[k]), t.y(points[k + 1]));
    if (closed) ctx.closePath();
  }
  ctx.strokeStyle = style.color;
  ctx.lineWidth = style.width;
  ctx.lineJoin = 'round';
  ctx.lineCap = 'round';
  ctx.stroke();
  ctx.restore();
}

export interface AxesStyle {
  /** Tick marks and labels. */
  readonly color: string;
  /** A CSS font, e.g. '11px system-ui'. */
  readonly font: string;
  /** Device pixels per CSS pixel, to keep tick marks crisp. */
  readonly dpr: number;
  /** Names written at the end of each axis, e.g. ['x', 'y'] or ['w', 'b']; '' for none. */
  readonly names: readonly [string, string];
  /** The font of the axis names. */
  readonly nameFont: string;
  /** At most one tick per this many CSS px along x and along y; default [60, 60]. */
  readonly spacing?: readonly [number, number];
  /** The reader's numbers, for the tick labels (a decimal comma in Spanish). */
  readonly numbers: Numbers;
}

/** At most one tick per this many CSS px along either axis: labels never crowd, even at 320 px wide. */
export const DEFAULT_TICK_SPACING = 60;
/** The tick marks' length outside the plot rectangle, CSS px. */
export const TICK_LENGTH = 4;

/**
 * Tick marks and labels outside the plot rectangle's bottom and left edges, at nice
 * values (1-2-5), and the axis names at the far ends of the axes, as in a textbook:
 * x's just right of the bottom-right corner, y's just above the top-left corner (the
 * default margins leave room for one or two letters there). A tick label that would
 * touch its neighbour is left out.
 */
export function drawAxes(ctx: CanvasRenderingContext2D, t: PlotTransform, style: AxesStyle): void {
  const { rect, domain } = t;
  const { dpr } = style;
  const [xSpacing, ySpacing] = style.spacing ?? [DEFAULT_TICK_SPACING, DEFAULT_TICK_SPACING];
  const bottom = rect.top + rect.height;
  const canvasWidth = ctx.canvas.width / dpr;
  ctx.save();
  ctx.strokeStyle = style.color;
  ctx.fillStyle = style.color;
  ctx.lineWidth = 1;

  const [xName, yName] = style.names;
  ctx.font = style.nameFont;
  if (xName) {
    ctx.textAlign = 'left';
    ctx.textBaseline = 'middle';
    ctx.fillText(xName, rect.left + rect.width + 4, bottom);
  }
  if (yName) {
    ctx.textAlign = 'center';
    ctx.textBaseline = 'bottom';
    ctx.fillText(yName, rect.left, rect.top - 2);
  }

  ctx.font = style.font;
  ctx.beginPath();
  // x ticks, labels centred under them (kept inside the canvas)
  const xCount = tickCountFor(rect.width, xSpacing);
  const xStep = tickStep(domain.x[0], domain.x[1], xCount);
  ctx.textAlign = 'left';
  ctx.textBaseline = 'top';
  let lastLabelRight = -Infinity;
  for (const v of niceTicks(domain.x[0], domain.x[1], xCount)) {
    const px = crisp(t.x(v), dpr, 1);
    ctx.moveTo(px, bottom);
    ctx.lineTo(px, bottom + TICK_LENGTH);
    const label = style.numbers.tick(v, xStep);
    const w = ctx.measureText(label).width;
    const labelLeft = Math.min(Math.max(px - w / 2, 0), canvasWidth - w);
    if (labelLeft > lastLabelRight + 4) {
      ctx.fillText(label, labelLeft, bottom + TICK_LENGTH + 2);
      lastLabelRight = labelLeft + w;
    }
  }
  // y ticks, labels right-aligned left of them, from the bottom up
  const yCount = tickCountFor(rect.height, ySpacing);
  const yStep = tickStep(domain.y[0], domain.y[1], yCount);
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  let lastLabelTop = Infinity;
  for (const v of niceTicks(domain.y[0], domain.y[1], yCount)) {
    const py = crisp(t.y(v), dpr, 1);
    ctx.moveTo(rect.left - TICK_LENGTH, py);
    ctx.lineTo(rect.left, py);
    if (py + 6 < lastLabelTop) {
      ctx.fillText(style.numbers.tick(v, yStep), rect.left - TICK_LENGTH - 3, py);
      lastLabelTop = py - 6;
    }
  }
  ctx.stroke();
  ctx.restore();
}

/** The y-axis tick labels drawAxes writes for `t` with y spacing `spacing` (for sizing a margin). */
export function yTickLabels(t: Pick<PlotTransform, 'rect' | 'domain'>, numbers: Numbers, spacing = DEFAULT_TICK_SPACING): string[] {
  const count = tickCountFor(t.rect.height, spacing);
  const [y0, y1] = t.domain.y;
  const step = tickStep(y0, y1, count);
  return niceTicks(y0, y1, count).map((v) => numbers.tick(v, step));
}
