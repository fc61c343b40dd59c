/**
 * The curve plot: the one-dimensional sibling of SurfacePlot. A canvas showing the graph
 * y = f(x) of a function of one variable over [a, b], with axes, and over it gradient
 * descent's iterates as points on the curve, (x_k, f(x_k)), joined by arrows: the chord
 * from each iterate to the next. Too large a learning rate shows as the point jumping
 * across the valley, and climbing out of it when the run diverges. Not an element: a
 * Lit element owns the <canvas> and drives this class, as it drives SurfacePlot.
 *
 * Two layers, as in SurfacePlot. The background (a light fill under the curve, the curve,
 * the axis lines, ticks and names) is rendered into an offscreen canvas at device
 * resolution once per change of curve, domain, size, pixel ratio, theme, axis names or
 * curve style. `draw(scene)` runs every frame: it copies the background and draws the
 * scene's overlays over it, clipped to the plot rectangle.
 *
 * The vertical range is chosen from the curve's values over [a, b] (see curve-math.ts):
 * x^2 on [-3, 3] shows about [-0.7, 9.7]. `domain` is the plotted rectangle,
 * { x: [a, b], y: [ymin, ymax] }, so the plot is a PlotCoordinates for PlotInput: a
 * click picks [x, y] and the element keeps x.
 *
 * Robustness: non-finite samples break the curve, a pole (1/x) breaks it instead of
 * drawing a vertical line through the plot, every overlay line is clipped to the plot
 * rectangle before it reaches the canvas, and non-finite iterates are skipped; an
 * iterate off the plot still has the part of its arrow inside the plot drawn, and a
 * small triangle on the frame points to where it went.
 */
import type { Domain } from '../core/index.js';
import { DEFAULT_TICK_SPACING, drawAxes, yTickLabels } from './background.js';
import { CanvasPlot, checkInterval } from './canvas-plot.js';
import { clipSegment, insideRect } from './clip.js';
import {
  axisExponent,
  breaksBetween,
  curveYRange,
  numericSlope,
  powerOfTenLabel,
  sampleCurve,
} from './curve-math.js';
import { drawArrow, drawLabel, drawPath, drawPoint, type PlotPoint, type PointShape } from './overlays.js';
import type { SceneLabel } from './surface-plot.js';
import { haloOf, sameFields } from './theme.js';
import { DEFAULT_MARGINS, plotRect, plotTransform, type Margins } from './transform.js';

/** A function of one variable with the interval it is shown on. */
export interface PlotCurve {
  value(x: number): number;
  readonly domain: { readonly x: readonly [number, number] };
}

/**
 * The part of the curve to show: `x` is [a, b]; `y`, when given, fixes the vertical
 * range instead of choosing it from the curve's values.
 */
export interface CurveDomain {
  readonly x: readonly [number, number];
  readonly y?: readonly [number, number];
}

/** How the curve itself is drawn; each field defaults from the theme. */
export interface CurveStyle {
  /** The curve's line; default the theme's text colour. */
  readonly color?: string;
  /** CSS px; default 2. */
  readonly width?: number;
  /**
   * The area under the curve (down to the bottom of the plot); default the curve's
   * colour, faint. null: no fill.
   */
  readonly fill?: string | null;
}

/** One run of gradient descent: its iterates x_0, x_1, ... drawn on the curve. */
export interface CurvePath {
  /** The iterates' x. */
  readonly xs: ArrayLike<number>;
  /** f at the iterates when the element has them; default the curve's value at each x. */
  readonly fs?: ArrayLike<number>;
  readonly color: string;
  /** Arrow width in CSS px; default 1.5. */
  readonly width?: number;
  /** Arrows (chords) from each iterate to the next; default true. */
  readonly arrows?: boolean;
  /** A dot at each iterate (thinned where they crowd); default true. */
  readonly dots?: boolean;
  /**
   * Reveal up to this (possibly fractional) index; default all. At 3.5 the point is
   * halfway along the chord from iterate 3 to iterate 4.
   */
  readonly upTo?: number;
  /** Older arrows fainter, so the latest step stands out; default true. */
  readonly fade?: boolean;
  /** The current (last revealed) point, larger; default true. */
  readonly current?: boolean;
}

/** A marked point on the curve: at (x, f(x)), or at (x, y) when y is given. */
export interface CurvePoint {
  readonly x: number;
  readonly y?: number;
  readonly color: string;
  /** Default 'dot'. */
  readonly shape?: PointShape;
  readonly radius?: number;
  /** Text next to the point. */
  readonly label?: string;
}

/**
 * A construction line at x: 'tangent', the tangent of the curve at (x, f(x)) (its slope
 * is f'(x), the gradient; by central difference unless `slope` is given), or 'drop', a
 * dashed line from (x, f(x)) down to the x axis.
 */
export interface CurveGuide {
  readonly x: number;
  readonly kind: 'tangent' | 'drop';
  /** Default the theme's text colour (the curve's own; pass e.g. the gradient colour for a tangent). */
  readonly color?: string;
  /** The tangent's slope when known. */
  readonly slope?: number;
  /** The tangent's length in CSS px; default 140. */
  readonly length?: number;
}

/** Everything drawn over the background in one frame, drawn in this order. */
export interface CurveScene {
  readonly guides?: ReadonlyArray<CurveGuide>;
  /** Known minima, as x: small stars on the curve. */
  readonly minima?: ReadonlyArray<number>;
  readonly paths?: ReadonlyArray<CurvePath>;
  /** The start x_0: a ring on the curve, drawn over the paths. */
  readonly start?: number | null;
  readonly points?: ReadonlyArray<CurvePoint>;
  readonly labels?: ReadonlyArray<SceneLabel>;
}

/** What a frame reports back. */
export interface CurveFrame {
  /**
   * For each scene path, whether its current point is outside the plot rectangle, not
   * finite, or missing (an empty path): the run has left the picture, and a triangle on
   * the frame points to where it went.
   */
  readonly offPlot: readonly boolean[];
}

/** Curve samples: one per CSS px of the plot's width. */
const CSS_PX_PER_SAMPLE = 1;
/** The fill under the curve: its colour at this opacity (light and dark pages). */
const FILL_ALPHA_LIGHT = 0.07;
const FILL_ALPHA_DARK = 0.1;
/**
 * Ticks: the surface plot's spacing along x, closer along y (the plot is wider than
 * tall; at 60 px a 200 px axis would label x^2 on [0, 9] with 0 and 5 only, at 30
 * px with 0, 2, 4, 6, 8).
 */
const TICK_SPACING: readonly [number, number] = [DEFAULT_TICK_SPACING, 30];
/** Iterate dots, the current point, and the gap an arrow leaves before a dot. */
const DOT_RADIUS = 3.5;
const CURRENT_RADIUS = 6;
const ARROW_GAP = 2;
/** Arrows shorter than this on screen (CSS px, after the gaps) are left out: the dots say it. */
const MIN_ARROW = 7;
/** The opacity of an arrow `age` visible arrows before the latest: 1, 0.8, 0.64, 0.51, then 0.45. */
function fadeFor(age: number): number {
  return Math.max(0.45, 0.8 ** Math.max(0, age));
}

/**
 * `domain` is the rectangle shown: x is [a, b], y the vertical range of the plot.
 * `toDomain` maps a pointer to the point under it; for a curve only its x matters (y is
 * the height under the pointer).
 */
export class CurvePlot extends CanvasPlot {
  private curve: PlotCurve | null = null;
  private value: (x: number) => number = () => NaN;
  /** The y range asked for in setCurve, or null for the one chosen from the values. */
  private fixedY: readonly [number, number] | null = null;
  private style: CurveStyle = {};
  private axisNames: readonly [string, string] = ['x', 'f(x)'];

  constructor(canvas: HTMLCanvasElement, margins: Margins = DEFAULT_MARGINS) {
    super(canvas, margins, 300, 200);
  }

  /**
   * The curve and the part of it to show: [a, b] (default the curve's own domain.x),
   * and optionally a fixed vertical range (default: chosen from f's values over [a, b]
   * with a margin). The same curve object with the same ranges again is a no-op; a new
   * object always re-renders, so keep the object while the function is the same.
   * Throws a RangeError for a range that is not finite with min < max.
   */
  setCurve(curve: PlotCurve, domain: CurveDomain | readonly [number, number] = curve.domain): void {
    const range: CurveDomain = isPair(domain) ? { x: domain } : domain;
    const x: readonly [number, number] = [range.x[0], range.x[1]];
    const y = range.y ? ([range.y[0], range.y[1]] as const) : null;
    checkInterval('curve', 'x', x);
    if (y) checkInterval('curve', 'y', y);
    const d = this.currentDomain;
    const f = this.fixedY;
    const sameY = y === null ? f === null : f !== null && f[0] === y[0] && f[1] === y[1];
    if (curve === this.curve && d.x[0] === x[0] && d.x[1] === x[1] && sameY) return;
    this.curve = curve;
    this.value = (v: number) => curve.value(v);
    this.fixedY = y;
    this.currentDomain = { x, y: y ?? curveYRange(this.value, x[0], x[1]) };
    this.invalidate();
  }

  /** The curve's colour, width and fill (see CurveStyle); {} for the theme's defaults. */
  setCurveStyle(style: CurveStyle): void {
    if (sameFields(style, this.style)) return;
    this.style = { ...style };
    this.invalidate();
  }

  /**
   * The names written at the ends of the axes (default 'x' and 'f(x)'; '' for none).
   * When the y labels are in units of a power of ten, '×10⁶' is appended to the y name.
   */
  setAxisNames(x: string, y: string): void {
    if (x === this.axisNames[0] && y === this.axisNames[1]) return;
    this.axisNames = [x, y];
    this.invalidate();
  }

  /** f(x) of the current curve (NaN before setCurve). */
  valueAt(x: number): number {
    return this.value(x);
  }

  /** Draws one frame: the cached background, then the scene's overlays. */
  draw(scene: CurveScene = {}): CurveFrame {
    this.beginFrame();
    const { ctx, theme } = this;
    const t = this.currentTransform;
    const halo = haloOf(theme);
    const marker = theme.marker ?? theme.text;
    const font = this.labelFont;
    const f = this.value;
    const offPlot: boolean[] = [];

    for (const g of scene.guides ?? []) this.drawGuide(g);
    for (const m of scene.minima ?? []) {
      drawPoint(ctx, t, [m, f(m)], { shape: 'star', color: marker, radius: 5.5, halo });
    }
    for (const p of scene.paths ?? []) offPlot.push(this.drawIterates(p, halo));
    if (scene.start != null) {
      drawPoint(ctx, t, [scene.start, f(scene.start)], { shape: 'ring', color: marker, radius: 6, halo });
    }
    for (const p of scene.points ?? []) {
      const at = [p.x, p.y ?? f(p.x)];
      drawPoint(ctx, t, at, { shape: p.shape, color: p.color, radius: p.radius, halo });
      if (p.label) drawLabel(ctx, t, at, p.label, { color: p.color, font, halo });
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
    return { offPlot };
  }

  /** One path's arrows, dots and current point; returns whether the current point is off the plot. */
  private drawIterates(p: CurvePath, halo: string): boolean {
    const { ctx } = this;
    const t = this.currentTransform;
    const n = p.xs.length;
    const end = Math.min(p.upTo ?? n - 1, n - 1);
    if (!(end >= 0)) return true;
    const whole = Math.floor(end);
    const fraction = end - whole;
    const width = p.width ?? 1.5;
    const fade = p.fade ?? true;
    const showCurrent = p.current ?? true;

    // The iterates 0..whole (and whole + 1 while moving) in canvas px; NaN where not finite.
    const count = Math.min(n, whole + 2);
    const px = new Float64Array(count);
    const py = new Float64Array(count);
    for (let k = 0; k < count; k++) {
      const x = p.xs[k];
      const y = p.fs ? p.fs[k] : this.value(x);
      px[k] = Number.isFinite(x) && Number.isFinite(y) ? t.x(x) : NaN;
      py[k] = Number.isFinite(x) && Number.isFinite(y) ? t.y(y) : NaN;
    }
    const radiusOf = (k: number): number => (showCurrent && k === whole && fraction === 0 ? CURRENT_RADIUS : DOT_RADIUS);

    if (p.arrows ?? true) {
      const gapA = (p.dots ?? true ? DOT_RADIUS : 0) + ARROW_GAP;
      // The arrows with something to show, newest first: their age sets their opacity,
      // so the latest visible step stands out however many tiny or off-plot steps came
      // after it.
      const shown: Float64Array[] = [];
      for (let k = whole - 1; k >= 0; k--) {
        const part = this.chordPart(px[k], py[k], px[k + 1], py[k + 1], gapA, radiusOf(k + 1) + ARROW_GAP);
        if (part) shown.push(part);
      }
      for (let age = shown.length - 1; age >= 0; age--) {
        ctx.save();
        if (fade) ctx.globalAlpha = fadeFor(age);
        this.drawChordPart(shown[age], true, p.color, width, halo);
        ctx.restore();
      }
      if (fraction > 0 && whole + 1 < count) {
        // The step under way: the shaft behind the moving point.
        const bx = px[whole] + fraction * (px[whole + 1] - px[whole]);
        const by = py[whole] + fraction * (py[whole + 1] - py[whole]);
        const part = this.chordPart(px[whole], py[whole], bx, by, gapA, showCurrent ? CURRENT_RADIUS : 0);
        if (part) this.drawChordPart(part, false, p.color, width, halo);
      }
    }

    if (p.dots ?? true) {
      let lastX = Infinity;
      let lastY = Infinity;
      for (let k = 0; k <= whole; k++) {
        if (!insideRect(px[k], py[k], t.rect, DOT_RADIUS)) continue; // also skips NaN
        // Thinned where they crowd, but the dots of the last steps always show.
        if (k < whole - 2 && Math.hypot(px[k] - lastX, py[k] - lastY) < 2 * DOT_RADIUS + 1) continue;
        drawPoint(ctx, t, t.toDomain(px[k], py[k]), { color: p.color, radius: DOT_RADIUS, halo });
        lastX = px[k];
        lastY = py[k];
      }
    }

    // The current point: the last iterate, or between two while a step is under way.
    let cx = px[whole];
    let cy = py[whole];
    if (fraction > 0 && whole + 1 < count) {
      cx += fraction * (px[whole + 1] - cx);
      cy += fraction * (py[whole + 1] - cy);
      if (!Number.isFinite(cx) || !Number.isFinite(cy)) {
        cx = NaN;
        cy = NaN;
      }
    }
    const inside = insideRect(cx, cy, t.rect, 0);
    if (showCurrent) {
      if (inside) drawPoint(ctx, t, t.toDomain(cx, cy), { color: p.color, radius: CURRENT_RADIUS, halo });
      else this.drawEdgeMarker(this.offPlotDirection(p, whole, fraction, cx, cy), p.color, halo);
    }
    return !inside;
  }

  /**
   * Where the current point is when it is off the plot, in canvas px, for the marker on
   * the frame: the point itself when finite, else the latest iterate up to it that has
   * a direction (x = ±Infinity or f = ±Infinity still say where the run went; a run
   * that overflowed to NaN is followed back to its last such iterate).
   */
  private offPlotDirection(p: CurvePath, whole: number, fraction: number, cx: number, cy: number): [number, number] {
    if (Number.isFinite(cx) && Number.isFinite(cy)) return [cx, cy];
    const t = this.currentTransform;
    for (let k = fraction > 0 && whole + 1 < p.xs.length ? whole + 1 : whole; k >= 0; k--) {
      const x = p.xs[k];
      const px = t.x(x);
      const py = t.y(p.fs ? p.fs[k] : this.value(x));
      if (!Number.isNaN(px) && !Number.isNaN(py)) return [px, py];
    }
    return [NaN, NaN];
  }

  /**
   * The visible part of the chord from canvas point A to B, leaving gapA and gapB px
   * free at its ends (for the dots), clipped to the plot rectangle: [x0, y0, x1, y1] in
   * canvas px, or null for non-finite ends, a chord too short to see, or one that misses
   * the plot.
   */
  private chordPart(ax: number, ay: number, bx: number, by: number, gapA: number, gapB: number): Float64Array | null {
    const dx = bx - ax;
    const dy = by - ay;
    const length = Math.hypot(dx, dy);
    if (!Number.isFinite(length) || length < gapA + gapB + MIN_ARROW) return null;
    const ux = dx / length;
    const uy = dy / length;
    const seg = new Float64Array(4);
    const rect = this.currentTransform.rect;
    if (!clipSegment(ax + ux * gapA, ay + uy * gapA, bx - ux * gapB, by - uy * gapB, rect, 0, seg)) return null;
    return seg;
  }

  /**
   * A chord part from chordPart, with an arrowhead at its end when `head`: at the next
   * iterate, or where the chord leaves the plot when that iterate is off it (the run
   * went that way).
   */
  private drawChordPart(seg: Float64Array, head: boolean, color: string, width: number, halo: string): void {
    const t = this.currentTransform;
    const from = t.toDomain(seg[0], seg[1]);
    const to = t.toDomain(seg[2], seg[3]);
    if (head && Math.hypot(seg[2] - seg[0], seg[3] - seg[1]) >= MIN_ARROW) {
      drawArrow(this.ctx, t, from, [to[0] - from[0], to[1] - from[1]], {
        color,
        width,
        maxLength: Infinity,
        halo,
      });
    } else {
      drawPath(this.ctx, t, [from, to], { color, width, halo, dots: false });
    }
  }

  /**
   * A small triangle just inside the frame, pointing at a current point that is off the
   * plot (px, py in canvas px, possibly infinite): where the run went.
   */
  private drawEdgeMarker([px, py]: [number, number], color: string, halo: string): void {
    if (Number.isNaN(px) || Number.isNaN(py)) return;
    const { ctx } = this;
    const { left, top, width, height } = this.currentTransform.rect;
    const right = left + width;
    const bottom = top + height;
    const dx = px < left ? -1 : px > right ? 1 : 0;
    const dy = py < top ? -1 : py > bottom ? 1 : 0;
    if (dx === 0 && dy === 0) return;
    const inset = 10;
    const cx = Math.min(Math.max(px, left + inset), right - inset);
    const cy = Math.min(Math.max(py, top + inset), bottom - inset);
    const norm = Math.hypot(dx, dy);
    const ux = dx / norm;
    const uy = dy / norm;
    const size = 7;
    ctx.save();
    ctx.beginPath();
    ctx.moveTo(cx + ux * size, cy + uy * size);
    ctx.lineTo(cx - ux * size * 0.6 - uy * size * 0.8, cy - uy * size * 0.6 + ux * size * 0.8);
    ctx.lineTo(cx - ux * size * 0.6 + uy * size * 0.8, cy - uy * size * 0.6 - ux * size * 0.8);
    ctx.closePath();
    ctx.lineJoin = 'round';
    ctx.strokeStyle = halo;
    ctx.lineWidth = 3;
    ctx.stroke();
    ctx.fillStyle = color;
    ctx.fill();
    ctx.restore();
  }

  /** A tangent or a drop line (see CurveGuide). */
  private drawGuide(g: CurveGuide): void {
    const t = this.currentTransform;
    const fx = this.value(g.x);
    if (!Number.isFinite(g.x) || !Number.isFinite(fx)) return;
    const color = g.color ?? this.theme.text;
    if (g.kind === 'drop') {
      drawPath(this.ctx, t, [[g.x, fx], [g.x, t.domain.y[0]]], { color, width: 1, dash: [3, 3] });
      return;
    }
    const [a, b] = t.domain.x;
    const slope = g.slope ?? numericSlope(this.value, g.x, (b - a) * 1e-6);
    if (!Number.isFinite(slope)) return;
    // Half the length on screen each side: |(1, slope)| in px per unit of x.
    const sx = t.rect.width / (b - a);
    const sy = t.rect.height / (t.domain.y[1] - t.domain.y[0]);
    const u = (g.length ?? 140) / 2 / Math.hypot(sx, sy * slope);
    // No halo: it would cut a gap into the curve the tangent touches.
    drawPath(this.ctx, t, [[g.x - u, fx - u * slope], [g.x + u, fx + u * slope]], { color, width: 1.5 });
  }

  /** The y labels in units of 10^exponent: their exponent. */
  private get exponent(): number {
    return axisExponent(this.currentDomain.y[0], this.currentDomain.y[1]);
  }

  /** The domain the axes are labelled in: y in units of 10^exponent. */
  private labelDomain(): Domain {
    const scale = 10 ** this.exponent;
    const { x, y } = this.currentDomain;
    return { x, y: [y[0] / scale, y[1] / scale] };
  }

  /**
   * The margins given, with the left one wider when the y-axis labels need it (measured
   * in the theme's font).
   */
  protected override layoutMargins(): Margins {
    const rect = plotRect(this.cssWidth, this.cssHeight, this.margins);
    return { ...this.margins, left: this.leftMarginFor(yTickLabels({ rect, domain: this.labelDomain() }, this.numbers, TICK_SPACING[1])) };
  }

  /** Fill, curve, axis lines, ticks and names into the offscreen background canvas. */
  protected override renderBackground(): void {
    const { dpr, theme } = this;
    const t = this.currentTransform;
    const { left, top, width, height } = t.rect;
    const bottom = top + height;
    const ctx = this.clearLayer(this.layers[0]);
    const color = this.style.color ?? theme.text;

    if (this.curve) {
      const [a, b] = t.domain.x;
      const { xs, ys } = sampleCurve(this.value, a, b, Math.round(width / CSS_PX_PER_SAMPLE) + 1);
      // The samples as the path's points, a NaN point wherever the curve breaks.
      const points: PlotPoint[] = [];
      let prevY = NaN;
      for (let k = 0; k < xs.length; k++) {
        const py = t.y(ys[k]);
        if (k > 0 && breaksBetween(prevY, py, top, bottom)) points.push([NaN, NaN]);
        points.push([xs[k], ys[k]]);
        prevY = py;
      }
      ctx.save();
      ctx.beginPath();
      ctx.rect(left, top, width, height);
      ctx.clip();
      const fill = this.style.fill === undefined ? color : this.style.fill;
      if (fill) {
        // One polygon per unbroken run: down to the bottom edge, along the curve (its
        // height clamped to just outside the plot), back down.
        ctx.beginPath();
        let runStart = NaN;
        let lastX = NaN;
        for (const point of points) {
          const px = t.x(point[0]);
          const py = t.y(point[1]);
          if (!Number.isFinite(px) || !Number.isFinite(py)) {
            if (!Number.isNaN(runStart)) ctx.lineTo(lastX, bottom + 1);
            runStart = NaN;
            continue;
          }
          const clamped = Math.min(Math.max(py, top - 2), bottom + 1);
          if (Number.isNaN(runStart)) {
            runStart = px;
            ctx.moveTo(px, bottom + 1);
          }
          ctx.lineTo(px, clamped);
          lastX = px;
        }
        if (!Number.isNaN(runStart)) ctx.lineTo(lastX, bottom + 1);
        ctx.globalAlpha = this.style.fill === undefined ? (theme.dark ? FILL_ALPHA_DARK : FILL_ALPHA_LIGHT) : 1;
        ctx.fillStyle = fill;
        ctx.fill();
        ctx.globalAlpha = 1;
      }
      drawPath(ctx, t, points, { color, width: this.style.width ?? 2, dots: false });
      ctx.restore();
    }

    // The axis lines: the plot's left and bottom edges.
    this.drawAxisLines(ctx);

    // Ticks and names; the y labels in units of 10^e when the values are huge or tiny.
    const e = this.exponent;
    const axes = e === 0 ? t : plotTransform(this.labelDomain(), t.rect);
    const unit = powerOfTenLabel(e);
    const yName = unit ? (this.axisNames[1] ? `${this.axisNames[1]} ${unit}` : unit) : this.axisNames[1];
    drawAxes(ctx, axes, {
      numbers: this.numbers,
      spacing: TICK_SPACING,
      color: theme.text,
      font: this.tickFont,
      nameFont: this.nameFont,
      names: [this.axisNames[0], ''],
      dpr,
    });
    // The y name just right of the axis's top end (the y range ends at no particular value).
    this.drawYName(ctx, yName);
  }
}

function isPair(d: CurveDomain | readonly [number, number]): d is readonly [number, number] {
  return Array.isArray(d);
}
