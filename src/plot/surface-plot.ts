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
import { context2d, haloOf, LIGHT_PLOT_THEME, markerOf, sameFields, type PlotTheme } from './theme.js';
import { DEFAULT_MARGINS, plotRect, plotTransform, type Margins, type PlotTransform } from './transform.js';
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

/** An arrow in domain units from `from` to from + vector (see drawArrow for its length). */
export interface SceneArrow {
  readonly from: PlotPoint;
  readonly vector: PlotPoint;
  readonly color: string;
  readonly width?: number;
  /** CSS px; default 90. */
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


export class SurfacePlot {
  private readonly ctx: CanvasRenderingContext2D;
  private readonly background: HTMLCanvasElement;
  /** The heatmap at one pixel per grid node, before it is scaled onto the background. */
  private readonly heatmap: HTMLCanvasElement;
  private surface: Surface | null = null;
  private currentDomain: Domain = { x: [-1, 1], y: [-1, 1] };
  private theme: PlotTheme = LIGHT_PLOT_THEME;
  private axisNames: readonly [string, string] = ['x', 'y'];
  private cssWidth = 300;
  private cssHeight = 300;
  private dpr = 1;
  private stale = true;
  private renders = 0;
  private currentTransform: PlotTransform;

  constructor(
    readonly canvas: HTMLCanvasElement,
    private readonly margins: Margins = DEFAULT_MARGINS,
  ) {
    this.ctx = context2d(canvas);
    this.background = canvas.ownerDocument.createElement('canvas');
    this.heatmap = canvas.ownerDocument.createElement('canvas');
    this.currentTransform = plotTransform(this.currentDomain, plotRect(this.cssWidth, this.cssHeight, margins));
    this.applySize();
  }

  /**
   * The surface and the rectangle of it to show (default: the surface's own domain).
   * The same surface object with the same domain again is a no-op; a new object always
   * re-renders, so keep the object while the function is the same.
   */
  setSurface(surface: Surface, domain: Domain = surface.domain): void {
    const d = this.currentDomain;
    const sameDomain =
      d.x[0] === domain.x[0] && d.x[1] === domain.x[1] && d.y[0] === domain.y[0] && d.y[1] === domain.y[1];
    if (surface === this.surface && sameDomain) return;
    this.surface = surface;
    this.currentDomain = { x: [domain.x[0], domain.x[1]], y: [domain.y[0], domain.y[1]] };
    this.invalidate();
  }

  /** Colours and font; re-renders the background only when something changed. */
  setTheme(theme: PlotTheme): void {
    if (sameFields(theme, this.theme)) return;
    this.theme = { ...theme };
    this.invalidate();
  }

  /** The names written at the ends of the axes (default 'x' and 'y'; '' for none). */
  setAxisNames(x: string, y: string): void {
    if (x === this.axisNames[0] && y === this.axisNames[1]) return;
    this.axisNames = [x, y];
    this.invalidate();
  }

  /**
   * The canvas's size in CSS px and the device pixel ratio. Sets the canvas's drawing
   * buffer to cssWidth x dpr by cssHeight x dpr device pixels and its style size to the
   * CSS size, so one canvas pixel is one device pixel. No-op when nothing changed.
   */
  resize(cssWidth: number, cssHeight: number, devicePixelRatio: number): void {
    const w = Math.max(1, cssWidth);
    const h = Math.max(1, cssHeight);
    const dpr = devicePixelRatio > 0 && Number.isFinite(devicePixelRatio) ? devicePixelRatio : 1;
    if (w === this.cssWidth && h === this.cssHeight && dpr === this.dpr) return;
    this.cssWidth = w;
    this.cssHeight = h;
    this.dpr = dpr;
    this.applySize();
    this.invalidate();
  }

  /** The domain shown. */
  get domain(): Domain {
    return this.currentDomain;
  }

  /** The current domain <-> canvas CSS px mapping. */
  get transform(): PlotTransform {
    return this.currentTransform;
  }

  /** How many times the background has been rendered (it is cached between changes). */
  get backgroundRenders(): number {
    return this.renders;
  }

  /** Domain point to canvas CSS px, from the canvas's top-left corner. */
  toCanvas(x: number, y: number): [number, number] {
    return this.currentTransform.toCanvas(x, y);
  }

  /**
   * Viewport coordinates (a pointer event's clientX, clientY) to the domain point under
   * them, through the canvas's bounding rectangle (which also undoes CSS scaling). Not
   * clamped: points in the margins map outside the domain.
   */
  toDomain(clientX: number, clientY: number): [number, number] {
    const box = this.canvas.getBoundingClientRect();
    const sx = box.width > 0 ? this.cssWidth / box.width : 1;
    const sy = box.height > 0 ? this.cssHeight / box.height : 1;
    return this.currentTransform.toDomain((clientX - box.left) * sx, (clientY - box.top) * sy);
  }

  /** Draws one frame: the cached background, then the scene's overlays. */
  draw(scene: PlotScene = {}): PlotFrame {
    if (this.stale) this.renderBackground();
    const { ctx, dpr, theme } = this;
    const t = this.currentTransform;
    const halo = haloOf(theme);
    const marker = markerOf(theme);
    const font = `${(theme.fontSize ?? 11) + 1}px ${theme.fontFamily}`;
    const arrowScales: number[] = [];

    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, this.canvas.width, this.canvas.height);
    ctx.drawImage(this.background, 0, 0);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.save();
    ctx.beginPath();
    ctx.rect(t.rect.left, t.rect.top, t.rect.width, t.rect.height);
    ctx.clip();

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
      arrowScales.push(
        drawArrow(ctx, t, a.from, a.vector, {
          color: a.color,
          width: a.width,
          maxLength: a.maxLength,
          label: a.label,
          font,
          halo,
        }),
      );
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
    return { arrowScales };
  }

  private invalidate(): void {
    this.stale = true;
    this.currentTransform = plotTransform(this.currentDomain, plotRect(this.cssWidth, this.cssHeight, this.margins));
  }

  private applySize(): void {
    const width = Math.max(1, Math.round(this.cssWidth * this.dpr));
    const height = Math.max(1, Math.round(this.cssHeight * this.dpr));
    this.canvas.width = width;
    this.canvas.height = height;
    this.canvas.style.width = `${this.cssWidth}px`;
    this.canvas.style.height = `${this.cssHeight}px`;
    this.background.width = width;
    this.background.height = height;
  }

  /** Heatmap, contours and axes into the offscreen background canvas. */
  private renderBackground(): void {
    const { background, dpr, theme } = this;
    const t = this.currentTransform;
    const ctx = context2d(background);
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, background.width, background.height);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
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
    const size = theme.fontSize ?? 11;
    drawAxes(ctx, t, {
      color: theme.text,
      font: `${size}px ${theme.fontFamily}`,
      nameFont: `italic ${size + 2}px Georgia, "Times New Roman", serif`,
      names: this.axisNames,
      dpr,
    });
    this.stale = false;
    this.renders++;
  }
}
