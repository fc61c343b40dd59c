/**
 * The data plot: a canvas showing a training set and the current fit of one or more
 * models over it, for a figure that trains the same model by batch, stochastic and
 * mini-batch gradient descent side by side, each mode in its colour. Not an element: a
 * Lit element owns the <canvas> and drives this class, as it drives SurfacePlot.
 *
 * - Regression: the examples (x, y) as neutral dots, and each model's line
 *   y = slope x + intercept across the plot.
 * - Classification: the examples (two features) as markers with a colour AND a shape
 *   per class (circle, triangle, square, diamond), so the classes read without colour
 *   vision; and each model's decision boundary in its colour: for a binary classifier
 *   the line P(class 1) = 0.5, for a multiclass one the borders between the classes'
 *   regions, with the regions of the first such model lightly shaded.
 *
 * Layers. Two offscreen canvases at device resolution, rendered once per change of
 * data, domain, size, pixel ratio, theme or class colours (`backgroundRenders` counts
 * them): the axes, and the data points. `draw(scene)` runs every frame: axes, region
 * shading (when a scene boundary asks for it), points, the mini-batch rings, then the
 * fits (haloed in the page colour, over the data), then their labels. The shading goes
 * under the points so it never tints them.
 *
 * Several fits at once. Each mode's line or boundary is drawn in its own colour with a
 * thin outline of the page colour. Straight fits that lie on top of each other (within
 * 2 px everywhere on screen, e.g. once batch and mini-batch have converged) are drawn as
 * one line dashed in turns of their colours, so the reader sees that they agree rather
 * than only the colour drawn last; a line given its own `dash` keeps it. Labels are
 * written at the right-hand end of their line, on the side away from it, and stacked
 * when they would overlap.
 *
 * Decision boundaries: for `kind: 'binary-line'` the boundary is the exact line
 * a x + b y + c = 0 when `line` is given (for logistic regression with weights w1, w2
 * and bias b0 that is { a: w1, b: w2, c: b0 }), and otherwise the contour
 * classify(x, y) = 0.5 traced on a grid (see data-math.ts). For `kind: 'regions'`
 * classify returns a class index, and the borders between the classes are traced on
 * the same grid, every crossing refined by bisection so straight borders come out
 * straight. The grid has about one node per GRID_PX CSS px (at most MAX_NODES along an
 * axis). Without `version` a boundary is recomputed every frame (a few thousand calls of
 * classify); with a `version`, only when it changes (or the plot's size or domain does),
 * so pass a new version whenever the model's weights change.
 *
 * Robustness: non-finite or huge slopes, intercepts and weights (a diverged fit) draw
 * the part of the line they describe inside the plot or nothing; a classifier that
 * returns NaN somewhere has no boundary there; points with a non-finite coordinate or
 * outside the domain are not drawn; highlight indices out of range are ignored.
 */
import type { Domain } from '../core/index.js';
import { DEFAULT_TICK_SPACING, drawAxes, drawHeatmap, TICK_LENGTH, yTickLabels } from './background.js';
import { CanvasPlot, checkInterval, sameDomain } from './canvas-plot.js';
import { clipSegment, insideRect } from './clip.js';
import type { Isoline } from './contours.js';
import {
  classCount,
  coincidentGroups,
  dataDomain,
  decisionBoundaries,
  labelGrid,
  lineInDomain,
  regionPixels,
  separateLabels,
  type LabelBox,
} from './data-math.js';
import type { Grid } from './grid.js';
import { context2d, haloOf } from './theme.js';
import { niceTicks, tickCountFor } from './ticks.js';
import { DEFAULT_MARGINS, plotRect, type Margins, type Rect } from './transform.js';

/** A training set of n examples. */
export interface DataSet {
  readonly kind: 'regression' | 'classification';
  /** n x 2, row-major: (x, y) for regression, the two features for classification. */
  readonly xs: ArrayLike<number>;
  /** Classification: each example's class index 0, 1, ... */
  readonly labels?: ArrayLike<number>;
  /** Classification: how many classes (default: the largest label + 1). */
  readonly classes?: number;
  /** The names at the ends of the axes; default ['x', 'y'] or ['x₁', 'x₂']. '' for none. */
  readonly axisNames?: readonly [string, string];
}

/** A regression model's fit y = slope x + intercept. */
export interface DataLine {
  readonly slope: number;
  readonly intercept: number;
  readonly color: string;
  /** Written at the line's right-hand end, e.g. 'batch'. */
  readonly label?: string;
  /** A canvas line dash, e.g. [6, 4]; default solid (dashed in turns with fits it coincides with). */
  readonly dash?: readonly number[];
  /** CSS px; default 2.5. */
  readonly width?: number;
}

/** A regression model's fit as any function y = f(x), e.g. a network's output: sampled every CURVE_PX CSS px. */
export interface DataCurve {
  readonly f: (x: number) => number;
  readonly color: string;
  readonly label?: string;
  readonly dash?: readonly number[];
  /** CSS px; default 2.5. */
  readonly width?: number;
}

/** The line a x + b y + c = 0. */
export interface LineCoefficients {
  readonly a: number;
  readonly b: number;
  readonly c: number;
}

/** A classifier's decision (see the module comment). */
export interface DataBoundary {
  /**
   * 'binary-line': classify returns P(class 1) (or the class, 0 or 1), and the line
   * P = 0.5 is drawn; 'regions': classify returns a class index, and the borders
   * between the classes' regions are drawn (the first such boundary of a scene also
   * shades the regions).
   */
  readonly kind: 'binary-line' | 'regions';
  readonly color: string;
  readonly classify?: (x: number, y: number) => number;
  /** For 'binary-line': the exact boundary a x + b y + c = 0; used instead of classify. */
  readonly line?: LineCoefficients;
  /** Bumped by the element when the classifier changes: the traced boundary is cached until then. */
  readonly version?: number;
  /** Written at the boundary's right-hand end. */
  readonly label?: string;
  readonly dash?: readonly number[];
  /** CSS px; default 2.5. */
  readonly width?: number;
}

/** Everything drawn over the data in one frame. */
export interface DataScene {
  /** Regression fits. */
  readonly lines?: ReadonlyArray<DataLine>;
  /** Regression fits that are not straight. */
  readonly curves?: ReadonlyArray<DataCurve>;
  /** Classifiers' decisions. */
  readonly boundaries?: ReadonlyArray<DataBoundary>;
  /** Indices of the examples in the current mini-batch: a ring around each. */
  readonly highlight?: ArrayLike<number>;
  /** The rings' colour; default the theme's text colour. */
  readonly highlightColor?: string;
  /** The classes' colours (regression: [0] for the dots); default a palette fitting the theme. */
  readonly classColors?: ReadonlyArray<string>;
}

/** What a frame reports back. */
export interface DataFrame {
  /** For each scene line: whether any of it is on the plot (false for a diverged fit off the picture). */
  readonly lines: readonly boolean[];
  /** For each scene boundary: whether any of it is on the plot. */
  readonly boundaries: readonly boolean[];
}

/** The marker of each class, in order; shapes repeat beyond four classes. */
export type ClassShape = 'circle' | 'triangle' | 'square' | 'diamond';
export const CLASS_SHAPES: readonly ClassShape[] = ['circle', 'triangle', 'square', 'diamond'];

/**
 * The default class colours: amber, violet, slate, brown: away from the pink, blue and
 * green of the modes' series colours (--gd-series-1..3), so a class is never mistaken
 * for a mode's boundary, and distinct from each other in lightness as well as hue. On a
 * dark page lighter variants.
 */
export const CLASS_COLORS_LIGHT: readonly string[] = ['#e67700', '#7048e8', '#495057', '#8d5524'];
export const CLASS_COLORS_DARK: readonly string[] = ['#ffa94d', '#b197fc', '#ced4da', '#d4a373'];

/** Regression dots: the theme's text colour at this opacity (light and dark pages). */
const REGRESSION_DOT_ALPHA_LIGHT = 0.5;
const REGRESSION_DOT_ALPHA_DARK = 0.6;
/** Region shading: a class's colour at this opacity (light and dark pages). */
const REGION_ALPHA_LIGHT = 0.13;
const REGION_ALPHA_DARK = 0.17;
/**
 * At most one tick per this many CSS px along x and y; closer (down to MIN_TICK_SPACING)
 * when that would leave fewer than three labelled ticks (blobs on [-4, 4.5] at 320 px
 * would show only 0).
 */
const TICK_SPACING: readonly [number, number] = [DEFAULT_TICK_SPACING, 40];
const MIN_TICK_SPACING = 28;
/** Fits: width, and the outline in the page colour around them. */
const FIT_WIDTH = 2.5;
/** A curve's samples, CSS px apart. */
const CURVE_PX = 2;
const HALO = 2.5;
/** The dash of fits drawn in turns (CSS px per colour). */
const TURN_LENGTH = 9;
/** Fits closer than this on screen everywhere are drawn in turns. */
const COINCIDENT_PX = 2;
/** Boundary grid: a node per this many CSS px, within these bounds per axis. */
const GRID_PX = 7;
const MIN_NODES = 24;
const MAX_NODES = 81;
/** Point markers: radius in CSS px, from the room per point, within these bounds. */
const MIN_RADIUS = 3;
const MAX_RADIUS = 4.5;

/** A fit to stroke: polylines in canvas px (x, y pairs), each open or closed. */
interface Stroke {
  readonly polylines: ReadonlyArray<{ readonly points: ArrayLike<number>; readonly closed: boolean }>;
  readonly color: string;
  readonly width: number;
  dash: readonly number[] | null;
  dashOffset: number;
  readonly label: string | undefined;
  /** The straight segment [x0, y0, x1, y1] (px) for a line, else null. */
  readonly segment: Float64Array | null;
  /** Whether the caller gave a dash (then it is never drawn in turns). */
  readonly ownDash: boolean;
}

/** What a boundary's tracing left for the next frames. */
interface BoundaryCache {
  key: string | null;
  labels: Grid | null;
  lines: Isoline[];
}

type Rgba = readonly [number, number, number, number];

/** Its background has two layers (see the module comment): the axes, and the data points. */
export class DataPlot extends CanvasPlot {
  /** The shaded regions at one pixel per grid node. */
  private readonly regionImage: HTMLCanvasElement;
  /** What the region image shows: the boundary cache it was made from, its key and the colours. */
  private regionSource: BoundaryCache | null = null;
  private regionKey = '';
  private data: DataSet | null = null;
  private classes = 1;
  private fixedDomain: Domain | null = null;
  private classColors: readonly string[] | null = null;
  /** Bumped whenever the domain <-> canvas mapping changes: traced boundaries are stale. */
  private geometry = 0;
  private readonly caches: BoundaryCache[] = [];
  private readonly colorBytes = new Map<string, Rgba>();

  constructor(canvas: HTMLCanvasElement, margins: Margins = DEFAULT_MARGINS) {
    super(canvas, margins, 300, 200, 2);
    this.regionImage = canvas.ownerDocument.createElement('canvas');
  }

  /** The background layer with the axes. */
  private get axesLayer(): HTMLCanvasElement {
    return this.layers[0];
  }

  /** The background layer with the data points. */
  private get pointsLayer(): HTMLCanvasElement {
    return this.layers[1];
  }

  /**
   * The training set, and the rectangle to show (default: chosen from the data with a
   * margin, ending on round numbers; see data-math.ts). The same data object with the
   * same domain again is a no-op; a new object always re-renders, so make a new one
   * when the examples change. Throws a RangeError for a domain that is not finite with
   * min < max.
   */
  setData(data: DataSet, domain?: Domain): void {
    if (domain) {
      checkInterval('data', 'x', domain.x);
      checkInterval('data', 'y', domain.y);
    }
    const f = this.fixedDomain;
    const same = domain === undefined ? f === null : f !== null && sameDomain(f, domain);
    if (data === this.data && same) return;
    this.data = data;
    this.classes = data.kind === 'classification' ? classCount(data.labels, data.classes) : 1;
    this.fixedDomain = domain ? { x: [domain.x[0], domain.x[1]], y: [domain.y[0], domain.y[1]] } : null;
    this.currentDomain = this.fixedDomain ?? dataDomain(data.xs);
    this.invalidate();
  }

  /** The number of classes of the data (1 for regression). */
  get classCount(): number {
    return this.classes;
  }

  /** The marker radius of the data points, CSS px. */
  get pointRadius(): number {
    const n = this.data ? Math.floor(this.data.xs.length / 2) : 0;
    const { width, height } = this.currentTransform.rect;
    const room = Math.sqrt((width * height) / Math.max(1, n));
    return Math.min(MAX_RADIUS, Math.max(MIN_RADIUS, 0.11 * room));
  }

  /** The colour of class k in the current theme and scene. */
  classColor(k: number): string {
    return this.classColors ? paletteColor(this.classColors, k) : defaultClassColor(k, this.theme.dark);
  }

  /** Draws one frame: the cached layers, the shading, the rings, the fits and their labels. */
  draw(scene: DataScene = {}): DataFrame {
    this.useClassColors(scene.classColors);
    this.refreshBackground();
    const boundaries = scene.boundaries ?? [];
    const lines = scene.lines ?? [];

    this.copyLayer(this.axesLayer, true);

    // Trace the boundaries first: the first 'regions' one also shades.
    this.caches.length = Math.min(this.caches.length, boundaries.length);
    const traced = boundaries.map((b, k) => this.trace(b, k));
    const shaded = boundaries.findIndex((b, k) => b.kind === 'regions' && traced[k] !== null);
    if (shaded >= 0) this.drawRegions(this.caches[shaded]);

    this.copyLayer(this.pointsLayer);
    this.clipToPlot();
    if (scene.highlight) this.drawRings(scene.highlight, scene.highlightColor ?? this.theme.text);

    const strokes: Stroke[] = [];
    const boundaryShown = boundaries.map((b, k) => {
      const stroke = this.boundaryStroke(b, traced[k]);
      if (stroke) strokes.push(stroke);
      return stroke !== null;
    });
    const lineShown = lines.map((l) => {
      const stroke = this.lineStroke({ a: l.slope, b: -1, c: l.intercept }, l);
      if (stroke) strokes.push(stroke);
      return stroke !== null;
    });
    for (const c of scene.curves ?? []) {
      const stroke = this.curveStroke(c);
      if (stroke) strokes.push(stroke);
    }
    this.takeTurns(strokes);
    this.drawStrokes(strokes);
    this.ctx.restore();
    this.drawLabels(strokes);
    return { lines: lineShown, boundaries: boundaryShown };
  }

  /** Class colours from the scene: a change re-renders the points. */
  private useClassColors(colors: ReadonlyArray<string> | undefined): void {
    const current = this.classColors;
    const same =
      colors === undefined
        ? current === null
        : current !== null && current.length === colors.length && colors.every((c, k) => c === current[k]);
    if (same) return;
    this.classColors = colors === undefined ? null : [...colors];
    this.stale = true;
  }

  /**
   * The labels and boundary polylines of a classifier boundary (from the cache when its
   * version has not changed); null when it has no classifier (or is drawn from `line`).
   */
  private trace(b: DataBoundary, index: number): BoundaryCache | null {
    if (!b.classify || (b.kind === 'binary-line' && b.line)) return null;
    const cache = (this.caches[index] ??= { key: null, labels: null, lines: [] });
    const key = b.version === undefined ? null : `${b.version}|${b.kind}|${this.geometry}`;
    if (key !== null && key === cache.key) return cache;
    const { width, height } = this.currentTransform.rect;
    const nx = Math.min(MAX_NODES, Math.max(MIN_NODES, Math.round(width / GRID_PX) + 1));
    const ny = Math.min(MAX_NODES, Math.max(MIN_NODES, Math.round(height / GRID_PX) + 1));
    const classes = b.kind === 'binary-line' ? 2 : this.classes;
    // A classifier that throws is a bug in the caller: let it show rather than draw nothing.
    cache.key = null;
    cache.labels = labelGrid(b.classify, b.kind, classes, this.currentDomain, nx, ny);
    cache.lines = decisionBoundaries(cache.labels, b.classify, b.kind, classes);
    cache.key = key;
    return cache;
  }

  /** The classes' regions of a traced boundary, lightly shaded, under the points. */
  private drawRegions(cache: BoundaryCache): void {
    const labels = cache.labels;
    if (!labels) return;
    const { ctx, dpr } = this;
    const { nx, ny } = labels;
    const image = this.regionImage;
    const colorKey = Array.from({ length: this.classes }, (_, k) => this.classColor(k)).join('|');
    const key = `${cache.key}|${colorKey}|${this.theme.dark}`;
    if (cache.key === null || cache !== this.regionSource || key !== this.regionKey) {
      const alpha = Math.round(255 * (this.theme.dark ? REGION_ALPHA_DARK : REGION_ALPHA_LIGHT));
      const colors = Array.from({ length: this.classes }, (_, k): Rgba => {
        const [r, g, b] = this.bytesOf(this.classColor(k));
        return [r, g, b, alpha];
      });
      image.width = nx;
      image.height = ny;
      context2d(image).putImageData(new ImageData(regionPixels(labels, colors), nx, ny), 0, 0);
      this.regionKey = key;
      this.regionSource = cache;
    }
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    drawHeatmap(ctx, this.currentTransform, image, nx, ny);
  }

  /** A CSS colour as RGBA bytes, through the canvas's own parser (cached). */
  private bytesOf(color: string): Rgba {
    const known = this.colorBytes.get(color);
    if (known) return known;
    const probe = this.canvas.ownerDocument.createElement('canvas');
    probe.width = 1;
    probe.height = 1;
    const ctx = context2d(probe);
    ctx.fillStyle = '#000000';
    ctx.fillStyle = color;
    ctx.fillRect(0, 0, 1, 1);
    const d = ctx.getImageData(0, 0, 1, 1).data;
    const bytes: Rgba = [d[0], d[1], d[2], d[3]];
    this.colorBytes.set(color, bytes);
    return bytes;
  }

  /** The mini-batch: a ring around each example. */
  private drawRings(indices: ArrayLike<number>, color: string): void {
    const data = this.data;
    if (!data) return;
    const { ctx } = this;
    const t = this.currentTransform;
    const r = this.pointRadius + 3.5;
    const n = Math.floor(data.xs.length / 2);
    ctx.save();
    ctx.beginPath();
    for (let k = 0; k < indices.length; k++) {
      const i = indices[k];
      if (!(Number.isInteger(i) && i >= 0 && i < n)) continue;
      const px = t.x(data.xs[2 * i]);
      const py = t.y(data.xs[2 * i + 1]);
      if (!insideRect(px, py, t.rect, r)) continue;
      ctx.moveTo(px + r, py);
      ctx.arc(px, py, r, 0, 2 * Math.PI);
    }
    ctx.strokeStyle = haloOf(this.theme);
    ctx.lineWidth = 2 + HALO;
    ctx.stroke();
    ctx.strokeStyle = color;
    ctx.lineWidth = 2;
    ctx.stroke();
    ctx.restore();
  }

  /** A straight fit a x + b y + c = 0 as a stroke, or null when none of it is on the plot. */
  private lineStroke(
    coefficients: LineCoefficients,
    style: { color: string; label?: string; dash?: readonly number[]; width?: number },
  ): Stroke | null {
    const t = this.currentTransform;
    const part = lineInDomain(coefficients.a, coefficients.b, coefficients.c, this.currentDomain);
    if (!part) return null;
    let [ax, ay] = t.toCanvas(part[0], part[1]);
    let [bx, by] = t.toCanvas(part[2], part[3]);
    // Left to right (top to bottom when vertical), so lines in turns share their phase.
    if (ax > bx + 1e-9 || (Math.abs(ax - bx) <= 1e-9 && ay > by)) [ax, ay, bx, by] = [bx, by, ax, ay];
    const segment = new Float64Array(4);
    if (!clipSegment(ax, ay, bx, by, t.rect, 1, segment)) return null;
    return {
      polylines: [{ points: segment, closed: false }],
      color: style.color,
      width: style.width ?? FIT_WIDTH,
      dash: style.dash ?? null,
      dashOffset: 0,
      label: style.label,
      segment,
      ownDash: style.dash !== undefined,
    };
  }

  /**
   * A curve y = f(x) as a stroke: f sampled every CURVE_PX across the plot, broken where
   * f is not finite, heights held a little beyond the plot (the plot clips them); null
   * when none of it is on the plot.
   */
  private curveStroke(c: DataCurve): Stroke | null {
    const t = this.currentTransform;
    const { left, top, width, height } = t.rect;
    const polylines: Stroke['polylines'][number][] = [];
    let run: number[] = [];
    let seen = false;
    const end = () => {
      if (run.length >= 4) polylines.push({ points: Float64Array.from(run), closed: false });
      run = [];
    };
    const steps = Math.max(2, Math.ceil(width / CURVE_PX));
    for (let k = 0; k <= steps; k++) {
      const px = left + (width * k) / steps;
      const y = c.f(t.toDomain(px, top)[0]);
      if (!Number.isFinite(y)) {
        end();
        continue;
      }
      const py = Math.min(top + height + 50, Math.max(top - 50, t.y(y)));
      if (py >= top && py <= top + height) seen = true;
      run.push(px, py);
    }
    end();
    if (!seen || polylines.length === 0) return null;
    return { polylines, color: c.color, width: c.width ?? FIT_WIDTH, dash: c.dash ?? null, dashOffset: 0, label: c.label, segment: null, ownDash: c.dash !== undefined };
  }

  /** A boundary as a stroke: its exact line, or its traced polylines; null when nothing is on the plot. */
  private boundaryStroke(b: DataBoundary, traced: BoundaryCache | null): Stroke | null {
    if (b.kind === 'binary-line' && b.line) return this.lineStroke(b.line, b);
    if (!traced || traced.lines.length === 0) return null;
    const t = this.currentTransform;
    const polylines = traced.lines.map((line) => {
      const points = new Float64Array(line.points.length);
      for (let k = 0; k < points.length; k += 2) {
        points[k] = t.x(line.points[k]);
        points[k + 1] = t.y(line.points[k + 1]);
      }
      return { points, closed: line.closed };
    });
    return {
      polylines,
      color: b.color,
      width: b.width ?? FIT_WIDTH,
      dash: b.dash ?? null,
      dashOffset: 0,
      label: b.label,
      segment: null,
      ownDash: b.dash !== undefined,
    };
  }

  /** Straight strokes on top of each other get a shared dash, each its turn (see the module comment). */
  private takeTurns(strokes: Stroke[]): void {
    const segments = strokes.map((s) => (s.ownDash ? null : s.segment));
    const groups = coincidentGroups(segments, COINCIDENT_PX);
    const members = new Map<number, Stroke[]>();
    groups.forEach((g, k) => {
      if (g < 0) return;
      const list = members.get(g) ?? [];
      list.push(strokes[k]);
      members.set(g, list);
    });
    for (const list of members.values()) {
      const m = list.length;
      if (m < 2) continue;
      list.forEach((s, i) => {
        s.dash = [TURN_LENGTH, TURN_LENGTH * (m - 1)];
        s.dashOffset = ((m - i) % m) * TURN_LENGTH;
      });
    }
  }

  /** Every stroke's outline in the page colour, then every stroke in its colour. */
  private drawStrokes(strokes: ReadonlyArray<Stroke>): void {
    const { ctx } = this;
    const trace = (s: Stroke): void => {
      ctx.beginPath();
      for (const { points, closed } of s.polylines) {
        ctx.moveTo(points[0], points[1]);
        for (let k = 2; k < points.length; k += 2) ctx.lineTo(points[k], points[k + 1]);
        if (closed) ctx.closePath();
      }
    };
    ctx.save();
    ctx.lineJoin = 'round';
    ctx.lineCap = 'round';
    ctx.strokeStyle = haloOf(this.theme);
    for (const s of strokes) {
      trace(s);
      ctx.lineWidth = s.width + HALO;
      ctx.stroke();
    }
    for (const s of strokes) {
      trace(s);
      ctx.setLineDash(s.dash ? (s.dash as number[]) : []);
      ctx.lineDashOffset = s.dashOffset;
      ctx.lineCap = s.dash ? 'butt' : 'round';
      ctx.strokeStyle = s.color;
      ctx.lineWidth = s.width;
      ctx.stroke();
    }
    ctx.restore();
  }

  /**
   * Each stroke's label at its right-hand end, on the side away from the line, in its
   * colour; stacked where they would overlap.
   */
  private drawLabels(strokes: ReadonlyArray<Stroke>): void {
    const labelled = strokes.filter((s) => s.label);
    if (labelled.length === 0) return;
    const { ctx, theme } = this;
    const { left, top, width, height } = this.currentTransform.rect;
    const size = this.labelSize;
    ctx.save();
    ctx.font = `${size}px ${theme.fontFamily}`;
    const boxes: LabelBox[] = [];
    for (const s of labelled) {
      const [ex, ey, dy] = rightEnd(s);
      const w = ctx.measureText(s.label!).width;
      const x = Math.min(Math.max(ex - 4 - w, left + 2), left + width - 2 - w);
      // Rising to the right: the line is below its end's left, so the text goes above.
      const y = dy <= 0 ? ey - 6 - size : ey + 6;
      boxes.push({ left: x, width: w, y, height: size });
    }
    const ys = separateLabels(boxes, top + 1, top + height - 1, 1);
    ctx.textAlign = 'left';
    ctx.textBaseline = 'top';
    ctx.lineJoin = 'round';
    labelled.forEach((s, k) => {
      ctx.strokeStyle = haloOf(theme);
      ctx.lineWidth = 3;
      ctx.strokeText(s.label!, boxes[k].left, ys[k]);
      ctx.fillStyle = s.color;
      ctx.fillText(s.label!, boxes[k].left, ys[k]);
    });
    ctx.restore();
  }

  protected override invalidate(): void {
    this.geometry++;
    super.invalidate();
  }

  private get axisNames(): readonly [string, string] {
    const data = this.data;
    return data?.axisNames ?? (data?.kind === 'classification' ? ['x\u2081', 'x\u2082'] : ['x', 'y']);
  }

  /** Whether the x axis's name is too long for the corner and goes under the tick labels. */
  private xNameBelow(): boolean {
    const name = this.axisNames[0];
    if (!name) return false;
    this.ctx.save();
    this.ctx.font = this.nameFont;
    const w = this.ctx.measureText(name).width;
    this.ctx.restore();
    return w > this.margins.right - 4;
  }

  /**
   * The margins: the ones given, with the left one wider when the y tick labels need it
   * and the bottom one taller when the x name goes under the tick labels.
   */
  protected override layoutMargins(): Margins {
    const size = this.fontSize;
    const below = this.xNameBelow();
    const base = { ...this.margins, bottom: this.margins.bottom + (below ? size + 6 : 0), right: below ? 10 : this.margins.right };
    const rect = plotRect(this.cssWidth, this.cssHeight, base);
    return { ...base, left: this.leftMarginFor(yTickLabels({ rect, domain: this.currentDomain }, this.numbers, this.tickSpacing(rect)[1])) };
  }

  /** The tick spacing along x and y for a plot rectangle (see TICK_SPACING). */
  private tickSpacing(rect: Rect = this.currentTransform.rect): [number, number] {
    const { x, y } = this.currentDomain;
    return [
      spacingFor(rect.width, x[0], x[1], TICK_SPACING[0]),
      spacingFor(rect.height, y[0], y[1], TICK_SPACING[1]),
    ];
  }

  /** Axes into one offscreen layer, the data points into the other. */
  protected override renderBackground(): void {
    this.renderAxes();
    this.renderPoints();
  }

  private renderAxes(): void {
    const { dpr, theme } = this;
    const t = this.currentTransform;
    const { left, top, width, height } = t.rect;
    const bottom = top + height;
    const ctx = this.clearLayer(this.axesLayer);
    this.drawAxisLines(ctx);

    const size = this.fontSize;
    const [xName, yName] = this.axisNames;
    const below = this.xNameBelow();
    drawAxes(ctx, t, {
      numbers: this.numbers,
      spacing: this.tickSpacing(),
      color: theme.text,
      font: this.tickFont,
      nameFont: this.nameFont,
      names: [below ? '' : xName, ''],
      dpr,
    });
    if (below && xName) {
      ctx.save();
      ctx.font = this.nameFont;
      ctx.fillStyle = theme.text;
      ctx.textAlign = 'right';
      ctx.textBaseline = 'top';
      ctx.fillText(xName, left + width, bottom + TICK_LENGTH + size + 5);
      ctx.restore();
    }
    // The y name just right of the axis's top end, as in the curve plot.
    this.drawYName(ctx, yName);
  }

  private renderPoints(): void {
    const { theme } = this;
    const ctx = this.clearLayer(this.pointsLayer);
    const data = this.data;
    if (!data) return;
    const t = this.currentTransform;
    const r = this.pointRadius;
    const halo = haloOf(theme);
    const n = Math.floor(data.xs.length / 2);
    const classification = data.kind === 'classification';
    ctx.save();
    ctx.lineJoin = 'round';
    ctx.lineWidth = 1;
    ctx.strokeStyle = halo;
    if (!classification) {
      ctx.fillStyle = this.classColors?.[0] ?? theme.text;
      ctx.globalAlpha = this.classColors?.[0] ? 1 : theme.dark ? REGRESSION_DOT_ALPHA_DARK : REGRESSION_DOT_ALPHA_LIGHT;
    }
    for (let i = 0; i < n; i++) {
      const px = t.x(data.xs[2 * i]);
      const py = t.y(data.xs[2 * i + 1]);
      if (!insideRect(px, py, t.rect, 0)) continue;
      ctx.beginPath();
      if (classification) {
        const label = data.labels?.[i] ?? 0;
        const k = Number.isFinite(label) ? Math.max(0, Math.round(label)) : 0;
        markerPath(ctx, classShape(k), px, py, r);
        ctx.fillStyle = this.classColor(k);
      } else {
        ctx.arc(px, py, r, 0, 2 * Math.PI);
      }
      ctx.fill();
      ctx.stroke();
    }
    ctx.restore();
  }
}

/** Colour k of a palette, the palette repeating. */
function paletteColor(palette: readonly string[], k: number): string {
  return palette[((k % palette.length) + palette.length) % palette.length];
}

/** The default colour of class k on a light or dark page (what the plot draws without `classColors`). */
export function defaultClassColor(k: number, dark: boolean): string {
  return paletteColor(dark ? CLASS_COLORS_DARK : CLASS_COLORS_LIGHT, k);
}

/** The marker of class k (shapes repeat beyond four classes). */
export function classShape(k: number): ClassShape {
  return CLASS_SHAPES[((k % CLASS_SHAPES.length) + CLASS_SHAPES.length) % CLASS_SHAPES.length];
}

/**
 * The marker of markerPath as SVG path data centred at (0, 0), for an HTML key drawn
 * beside the canvas: the same outline, recorded from markerPath itself.
 */
export function markerPathData(shape: ClassShape, r: number): string {
  const parts: string[] = [];
  const n = (v: number) => +v.toFixed(3);
  const recorder = {
    moveTo: (x: number, y: number) => parts.push(`M${n(x)} ${n(y)}`),
    lineTo: (x: number, y: number) => parts.push(`L${n(x)} ${n(y)}`),
    closePath: () => parts.push('Z'),
    // markerPath draws only whole circles and axis-aligned squares.
    arc: (x: number, y: number, radius: number) =>
      parts.push(`M${n(x - radius)} ${n(y)}A${n(radius)} ${n(radius)} 0 1 0 ${n(x + radius)} ${n(y)}A${n(radius)} ${n(radius)} 0 1 0 ${n(x - radius)} ${n(y)}Z`),
    rect: (x: number, y: number, w: number, h: number) => parts.push(`M${n(x)} ${n(y)}h${n(w)}v${n(h)}h${n(-w)}Z`),
  };
  markerPath(recorder as unknown as CanvasRenderingContext2D, shape, 0, 0, r);
  return parts.join('');
}

/** The widest spacing from `spacing` down to MIN_TICK_SPACING that gives at least three ticks. */
function spacingFor(length: number, lo: number, hi: number, spacing: number): number {
  for (let s = spacing; s > MIN_TICK_SPACING; s -= 4) {
    if (niceTicks(lo, hi, tickCountFor(length, s)).length >= 3) return s;
  }
  return MIN_TICK_SPACING;
}

/**
 * A marker outline centred at (px, py), about as large as a circle of radius r (the
 * triangle and diamond a little larger in area: their points make them look smaller).
 */
export function markerPath(ctx: CanvasRenderingContext2D, shape: ClassShape, px: number, py: number, r: number): void {
  switch (shape) {
    case 'circle':
      ctx.arc(px, py, r, 0, 2 * Math.PI);
      break;
    case 'triangle': {
      // Equilateral, centroid at the point; circumradius R with area 1.25 pi r^2.
      const R = r * Math.sqrt((1.25 * 4 * Math.PI) / (3 * Math.sqrt(3)));
      ctx.moveTo(px, py - R);
      ctx.lineTo(px + R * 0.8660254, py + R / 2);
      ctx.lineTo(px - R * 0.8660254, py + R / 2);
      ctx.closePath();
      break;
    }
    case 'square': {
      const h = (r * Math.sqrt(Math.PI)) / 2;
      ctx.rect(px - h, py - h, 2 * h, 2 * h);
      break;
    }
    case 'diamond': {
      const h = r * Math.sqrt(1.15 * Math.PI / 2);
      ctx.moveTo(px, py - h);
      ctx.lineTo(px + h, py);
      ctx.lineTo(px, py + h);
      ctx.lineTo(px - h, py);
      ctx.closePath();
      break;
    }
  }
}

/**
 * Where a stroke's label goes: its right-hand end [x, y] (canvas px) and the direction
 * it comes from there, dy per px of x (< 0: the line rises to the right).
 */
function rightEnd(s: Stroke): [number, number, number] {
  let bx = -Infinity;
  let by = 0;
  let slope = 0;
  for (const { points } of s.polylines) {
    for (let k = 0; k < points.length; k += 2) {
      if (points[k] > bx) {
        bx = points[k];
        by = points[k + 1];
        // The direction from the neighbour on the left.
        const j = k >= 2 && points[k - 2] < points[k] ? k - 2 : k + 2 < points.length ? k + 2 : k - 2;
        const dx = points[k] - points[j];
        slope = dx !== 0 ? (points[k + 1] - points[j + 1]) / dx : 0;
      }
    }
  }
  return [bx, by, slope];
}
