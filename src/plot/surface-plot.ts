/**
 * The surface plot: a canvas showing a 2-D surface as a heatmap with contour lines and
 * axes, and optimizer paths, points and arrows over it. Not an element: a Lit element
 * owns the <canvas> and drives this class.
 *
 * Two layers. The background (heatmap, contours, axes) is rendered into an offscreen
 * canvas at device resolution once per change of surface, domain, size, pixel ratio,
 * theme or axis names. `draw(scene)` runs every frame: it copies the background and
 * draws the scene's overlays over it, clipped to the plot rectangle.
 *
 * The background takes far longer than a frame (tens of thousands of evaluations of f,
 * then sorting them, colouring them and tracing contours): 0.3 s on a laptop, over a
 * second on a phone. By default it is computed at once, in the frame that needs it. A
 * figure calls `computeInSlices`: then it is computed in slices of a bounded number of
 * evaluations of f, one task each (slices.ts), while each frame draws the scene over the
 * previous background (or, when the surface, domain or size changed, over the axes alone),
 * and the figure is told when the new one is ready. A change meanwhile drops the stale
 * computation, so a background of an old surface is never shown after a new one's.
 * The slices: rows of the grid of f, sorting the samples for the colour scale, rows of
 * the heatmap's pixels, rows of contour cells, a level's lines each, then the drawing.
 */
import type { Domain, Surface } from '../core/index.js';
import { drawAxes, drawContours, drawHeatmap } from './background.js';
import { surfaceColormap } from './colormap.js';
import { contourLevels, contoursInSlices } from './contours.js';
import { sampleGridInSlices } from './grid.js';
import { heatmapPixelsInSlices } from './heatmap.js';
import {
  drawArrow,
  drawLabel,
  drawPath,
  drawPoint,
  type PlotPoint,
  type PointShape,
} from './overlays.js';
import { CanvasPlot, sameDomain } from './canvas-plot.js';
import { nextTask, runAtOnce, runInSlices, type SlicedWork } from './slices.js';
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

/**
 * Evaluations of f per slice when the background is computed in slices: about 2 ms on
 * a laptop for the course's surfaces, well under 50 ms on a phone (4x slower).
 */
export const EVALUATIONS_PER_SLICE = 2000;

/**
 * Contour lines are stroked in paths of about this many points, a slice each (Rastrigin's
 * 40 000 points in one stroke take a phone 0.2 s); the same strokes however the
 * background is computed, so the pixels are the same.
 */
const CONTOUR_POINTS_PER_STROKE = 4000;

/** A background being computed in slices; `cancelled` once anything it was computed from changed. */
interface BackgroundJob {
  cancelled: boolean;
  readonly done: Promise<void>;
}


export class SurfacePlot extends CanvasPlot {
  /** The heatmap at one pixel per grid node, before it is scaled onto the background. */
  private readonly heatmap: HTMLCanvasElement;
  /** Where the background is drawn before it is copied into the layer whole. */
  private readonly scratch: HTMLCanvasElement;
  private surface: Surface | null = null;
  private axisNames: readonly [string, string] = ['x', 'y'];
  /** Set by computeInSlices: the background is computed in slices and `onReady` called when it is drawn. */
  private slicing: { readonly evaluationsPerSlice: number; readonly onReady: () => void } | null = null;
  /** The background being computed in slices, if any. */
  private job: BackgroundJob | null = null;
  /** What the background layer shows the heatmap of (the surface, and its domain and size as `surfaceKey`); null for none. The previous background is kept while it is right. */
  private shownSurface: { surface: Surface; key: string } | null = null;

  constructor(canvas: HTMLCanvasElement, margins: Margins = DEFAULT_MARGINS) {
    super(canvas, margins, 300, 300);
    this.heatmap = canvas.ownerDocument.createElement('canvas');
    this.scratch = canvas.ownerDocument.createElement('canvas');
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

  /**
   * From now on, compute the background in slices of at most about `evaluationsPerSlice`
   * evaluations of f (whole rows of the grid), one task each, and call `onReady` when it
   * is drawn into the cache (the figure then draws a frame). Frames meanwhile show the
   * scene over the previous background, or over the axes alone.
   */
  computeInSlices(onReady: () => void, evaluationsPerSlice = EVALUATIONS_PER_SLICE): void {
    this.slicing = { evaluationsPerSlice, onReady };
  }

  /** From now on, compute the background at once in the frame that needs it (the default); the next frame finishes one being computed. */
  computeAtOnce(): void {
    this.slicing = null;
  }

  /** While a background is being computed in slices: resolves when it is drawn (or dropped for a newer one). Else null. */
  get backgroundReady(): Promise<void> | null {
    return this.job?.done ?? null;
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

  protected override invalidate(): void {
    super.invalidate();
    this.cancelJob();
  }

  protected override refreshBackground(): void {
    const slicing = this.slicing;
    if (slicing === null) {
      // A background left half computed is finished now.
      if (this.job) this.stale = true;
      this.cancelJob();
      super.refreshBackground();
      return;
    }
    if (!this.stale) return;
    const surface = this.surface;
    if (!surface) {
      super.refreshBackground();
      return;
    }
    this.stale = false;
    const key = this.surfaceKey();
    if (this.shownSurface?.surface !== surface || this.shownSurface.key !== key) {
      this.paintAxesAlone(); // until the heatmap is ready
      this.shownSurface = null;
    }
    const work = this.backgroundWork(surface, slicing.evaluationsPerSlice);
    const job: BackgroundJob = {
      cancelled: false,
      done: runInSlices(work, () => job.cancelled).then(
        async (drawn) => {
          if (drawn === undefined || job.cancelled) return;
          this.shownSurface = { surface, key };
          this.renders++;
          // The figure's frame in a task of its own.
          await nextTask();
          if (job.cancelled) return;
          this.job = null;
          slicing.onReady();
        },
        (error: unknown) => {
          if (job.cancelled) return;
          this.job = null;
          console.warn('gd-widgets: could not compute the surface plot\'s background', error);
        },
      ),
    };
    this.job = job;
  }

  /** Heatmap, contours and axes into the offscreen background canvas, computed at once. */
  protected override renderBackground(): void {
    const surface = this.surface;
    if (surface) runAtOnce(this.backgroundWork(surface, Infinity));
    else this.paintAxesAlone();
    this.shownSurface = surface ? { surface, key: this.surfaceKey() } : null;
  }

  /** Drops the background being computed in slices, if any. */
  private cancelJob(): void {
    if (this.job) this.job.cancelled = true;
    this.job = null;
  }

  /** The domain and size the heatmap is drawn for (with the surface, what makes a background the right one to keep showing). */
  private surfaceKey(): string {
    const { x, y } = this.currentDomain;
    return `${x[0]} ${x[1]} ${y[0]} ${y[1]} ${this.cssWidth} ${this.cssHeight} ${this.dpr} ${JSON.stringify(this.currentTransform.rect)}`;
  }

  /**
   * The background of `surface` over the current domain, at the current size and theme,
   * as sliced work: the grid in slices of whole rows of at most about
   * `evaluationsPerSlice` evaluations of f, the colour scale, the heatmap's pixels and
   * the contour cells likewise by rows, a level's lines each, then the drawing into a
   * scratch canvas (the heatmap, the lines in strokes of CONTOUR_POINTS_PER_STROKE
   * points, the axes), copied into the background layer by the last slice, so no frame
   * shows half a background. Returns true.
   */
  private *backgroundWork(surface: Surface, evaluationsPerSlice: number): SlicedWork<true> {
    const { theme } = this;
    const t = this.currentTransform;
    const nx = samplesAlong(t.rect.width);
    const ny = samplesAlong(t.rect.height);
    const grid = yield* sampleGridInSlices((x, y) => surface.value(x, y), this.currentDomain, nx, ny, evaluationsPerSlice);
    yield;
    const scale = surfaceScale(grid.values);
    yield;
    const pixels = yield* heatmapPixelsInSlices(grid, scale, surfaceColormap(theme.dark).table(256), evaluationsPerSlice);
    yield;
    const levels = contourLevels(grid.values, contourCount(t.rect.width, t.rect.height), scale);
    const lines = yield* contoursInSlices(grid, levels, evaluationsPerSlice);
    yield;

    const [layer] = this.layers;
    const scratch = this.scratch;
    scratch.width = layer.width;
    scratch.height = layer.height;
    const ctx = this.clearLayer(scratch);
    const image = this.heatmap;
    image.width = nx;
    image.height = ny;
    context2d(image).putImageData(new ImageData(pixels, nx, ny), 0, 0);
    drawHeatmap(ctx, t, image, nx, ny);
    for (let first = 0; first < lines.length; ) {
      let last = first;
      for (let points = 0; last < lines.length && points < CONTOUR_POINTS_PER_STROKE; last++) points += lines[last].points.length / 2;
      yield;
      ctx.save();
      ctx.beginPath();
      ctx.rect(t.rect.left, t.rect.top, t.rect.width, t.rect.height);
      ctx.clip();
      drawContours(ctx, t, lines.slice(first, last), { color: theme.contour, width: 1 });
      ctx.restore();
      first = last;
    }
    yield;
    this.drawAxesOn(ctx);
    const target = context2d(layer);
    target.setTransform(1, 0, 0, 1, 0, 0);
    target.clearRect(0, 0, layer.width, layer.height);
    target.drawImage(scratch, 0, 0);
    return true;
  }

  /** The background layer with the axes alone (no surface, or while its background is computed). */
  private paintAxesAlone(): void {
    this.drawAxesOn(this.clearLayer(this.layers[0]));
  }

  private drawAxesOn(ctx: CanvasRenderingContext2D): void {
    drawAxes(ctx, this.currentTransform, {
      numbers: this.numbers,
      color: this.theme.text,
      font: this.tickFont,
      nameFont: this.nameFont,
      names: this.axisNames,
      dpr: this.dpr,
    });
  }
}
