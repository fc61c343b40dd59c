/**
 * The surface plot: a canvas showing a 2-D surface as a heatmap with contour lines and
 * axes, and optimizer paths, points and arrows over it. Not an element: a Lit element
 * owns the <canvas> and drives this class.
 *
 * Two layers. The background (heatmap, contours, axes) is rendered into an offscreen
 * canvas at device resolution once per change of surface, domain, size, pixel ratio,
 * theme or axis names. `draw(scene)` runs every frame: it copies the background and
 * draws the scene's overlays over it, clipped to the plot rectangle.
 */
import type { Domain, Surface } from '../core/index.js';
import { drawAxes, drawContours, drawHeatmap } from './background.js';
import { surfaceColormap } from './colormap.js';
import { contourLevels, contours } from './contours.js';
import { sampleGrid } from './grid.js';
import { heatmapPixels } from './heatmap.js';
import {
  drawArrow,
  drawLabel,
  drawPath,
  drawPoint,
  type PlotPoint,
  type PointShape,
} from './overlays.js';
import { CanvasPlot, sameDomain } from './canvas-plot.js';
import { context2d, haloOf, markerOf } from './theme.js';
import { DEFAULT_MARGINS, type Margins } from './transform.js';
import { surfaceScale } from './value-scale.js';

/** One optimizer path. */
export interface ScenePath {
  readonly points: ReadonlyArray<PlotPoint>;
  readonly color: string;
  /** CSS px; default 2. */
  readonly width?: number;
  /** Dots at the iterates; default true. */
  readonly dots?: boolean;
  /** Reveal up to this (possibly fractional) index; default all. */
  readonly upTo?: number;
  readonly dash?: readonly number[];
}

/** A marked point, e.g. an optimizer's current point or Nesterov's look-ahead point. */
export interface ScenePoint {
  readonly at: PlotPoint;
  readonly color: string;
  /** Default 'dot'. */
  readonly shape?: PointShape;
  readonly radius?: number;
  /** Text next to the point. */
  readonly label?: string;
}

/** An arrow in domain units from `from` to from + vector (see drawArrow: true length, cut at the plot's edge with a mark). */
export interface SceneArrow {
  readonly from: PlotPoint;
  readonly vector: PlotPoint;
  readonly color: string;
  readonly width?: number;
  /** CSS px; default: no limit. */
  readonly maxLength?: number;
  readonly label?: string;
}

export interface SceneLabel {
  readonly at: PlotPoint;
  readonly text: string;
  /** Default: the theme's text colour. */
  readonly color?: string;
  readonly offset?: readonly [number, number];
  readonly align?: CanvasTextAlign;
  readonly baseline?: CanvasTextBaseline;
}

/** Everything drawn over the background in one frame, drawn in this order. */
export interface PlotScene {
  /** Known minima: small stars. */
  readonly minima?: ReadonlyArray<PlotPoint>;
  readonly paths?: ReadonlyArray<ScenePath>;
  readonly arrows?: ReadonlyArray<SceneArrow>;
  /** The start point: a hollow ring, drawn over the paths. */
  readonly start?: PlotPoint | null;
  readonly points?: ReadonlyArray<ScenePoint>;
  readonly labels?: ReadonlyArray<SceneLabel>;
}

/** What a frame reports back. */
export interface PlotFrame {
  /**
   * For each scene arrow, the factor its length was drawn at: 1 as given, less than 1
   * when shortened to its maxLength, 0 when it could not be drawn.
   */
  readonly arrowScales: readonly number[];
  /** For each scene arrow, whether its tip is off the plot (drawn to the edge, with the off-plot mark). */
  readonly arrowsOffPlot: readonly boolean[];
}

/** The outline of the start ring and the minima stars (drawn in the theme's marker colour, white by default). */
const MARKER_OUTLINE = 'rgba(0, 0, 0, 0.55)';

/** Heatmap samples: about one per 2 CSS px of the plot, at most 240 x 240, at least 16. */
const CSS_PX_PER_SAMPLE = 2;
const MAX_SAMPLES = 240;
const MIN_SAMPLES = 16;

/** Contour lines: about one per 36 CSS px of the plot's shorter side, 6 to 14 of them. */
function contourCount(rectWidth: number, rectHeight: number): number {
  return Math.min(14, Math.max(6, Math.round(Math.min(rectWidth, rectHeight) / 36)));
}

function samplesAlong(cssLength: number): number {
  return Math.min(MAX_SAMPLES, Math.max(MIN_SAMPLES, Math.round(cssLength / CSS_PX_PER_SAMPLE)));
}


export class SurfacePlot extends CanvasPlot {
  /** The heatmap at one pixel per grid node, before it is scaled onto the background. */
  private readonly heatmap: HTMLCanvasElement;
  private surface: Surface | null = null;
  private axisNames: readonly [string, string] = ['x', 'y'];

  constructor(canvas: HTMLCanvasElement, margins: Margins = DEFAULT_MARGINS) {
    super(canvas, margins, 300, 300);
    this.heatmap = canvas.ownerDocument.createElement('canvas');
  }

  /**
   * The surface and the rectangle of it to show (default: the surface's own domain).
   * The same surface object with the same domain again is a no-op; a new object always
   * re-renders, so keep the object while the function is the same.
   */
  setSurface(surface: Surface, domain: Domain = surface.domain): void {
    if (surface === this.surface && sameDomain(this.currentDomain, domain)) return;
    this.surface = surface;
    this.currentDomain = { x: [domain.x[0], domain.x[1]], y: [domain.y[0], domain.y[1]] };
    this.invalidate();
  }

  /** The names written at the ends of the axes (default 'x' and 'y'; '' for none). */
  setAxisNames(x: string, y: string): void {
    if (x === this.axisNames[0] && y === this.axisNames[1]) return;
    this.axisNames = [x, y];
    this.invalidate();
  }

  /** Draws one frame: the cached background, then the scene's overlays. */
  draw(scene: PlotScene = {}): PlotFrame {
    this.beginFrame();
    const { ctx, theme } = this;
    const t = this.currentTransform;
    const halo = haloOf(theme);
    const marker = markerOf(theme);
    const font = this.labelFont;
    const arrowScales: number[] = [];
    const arrowsOffPlot: boolean[] = [];

    for (const m of scene.minima ?? []) drawPoint(ctx, t, m, { shape: 'star', color: marker, halo: MARKER_OUTLINE });
    for (const p of scene.paths ?? []) {
      drawPath(ctx, t, p.points, {
        color: p.color,
        width: p.width,
        dots: p.dots ?? true,
        upTo: p.upTo,
        dash: p.dash,
        halo,
      });
    }
    for (const a of scene.arrows ?? []) {
      const drawn = drawArrow(ctx, t, a.from, a.vector, {
        color: a.color,
        width: a.width,
        maxLength: a.maxLength,
        label: a.label,
        font,
        halo,
      });
      arrowScales.push(drawn.scale);
      arrowsOffPlot.push(drawn.offPlot);
    }
    if (scene.start) drawPoint(ctx, t, scene.start, { shape: 'ring', color: marker, halo: MARKER_OUTLINE });
    for (const p of scene.points ?? []) {
      drawPoint(ctx, t, p.at, { shape: p.shape, color: p.color, radius: p.radius, halo });
      if (p.label) drawLabel(ctx, t, p.at, p.label, { color: p.color, font, halo });
    }
    for (const l of scene.labels ?? []) {
      drawLabel(ctx, t, l.at, l.text, {
        color: l.color ?? theme.text,
        font,
        halo,
        offset: l.offset,
        align: l.align,
        baseline: l.baseline,
      });
    }
    ctx.restore();
    return { arrowScales, arrowsOffPlot };
  }

  /** Heatmap, contours and axes into the offscreen background canvas. */
  protected override renderBackground(): void {
    const { dpr, theme } = this;
    const t = this.currentTransform;
    const ctx = this.clearLayer(this.layers[0]);
    const surface = this.surface;
    if (surface) {
      const nx = samplesAlong(t.rect.width);
      const ny = samplesAlong(t.rect.height);
      const grid = sampleGrid((x, y) => surface.value(x, y), this.currentDomain, nx, ny);
      const scale = surfaceScale(grid.values);
      const pixels = heatmapPixels(grid, scale, surfaceColormap(theme.dark).table(256));
      const image = this.heatmap;
      image.width = nx;
      image.height = ny;
      context2d(image).putImageData(new ImageData(pixels, nx, ny), 0, 0);
      drawHeatmap(ctx, t, image, nx, ny);
      const levels = contourLevels(grid.values, contourCount(t.rect.width, t.rect.height), scale);
      ctx.save();
      ctx.beginPath();
      ctx.rect(t.rect.left, t.rect.top, t.rect.width, t.rect.height);
      ctx.clip();
      drawContours(ctx, t, contours(grid, levels), { color: theme.contour, width: 1 });
      ctx.restore();
    }
    drawAxes(ctx, t, {
      numbers: this.numbers,
      color: theme.text,
      font: this.tickFont,
      nameFont: this.nameFont,
      names: this.axisNames,
      dpr,
    });
  }
}
