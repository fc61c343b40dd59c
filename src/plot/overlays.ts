/**
 * What is drawn over the background every frame: optimizer paths, points, arrows and
 * labels. Small functions of (context, transform, data, style), in CSS pixels on a
 * context that already scales to device pixels; each saves and restores the context.
 *
 * Robustness: non-finite points are skipped (a path breaks there and resumes after),
 * and every line is clipped numerically to the plot rectangle (plus a little padding)
 * before it reaches the canvas, so a diverged run with coordinates like 1e200 draws
 * the part that crosses the plot and nothing else. The caller clips the context to the
 * plot rectangle for the pixels themselves.
 */
import { clipArrow, clipSegment, insideRect } from './clip.js';
import type { PlotTransform } from './transform.js';

/** A point in domain coordinates: [x, y], a Float64Array, anything indexable. */
export type PlotPoint = ArrayLike<number>;

/** The outline drawn under an overlay so it reads on any heatmap colour. */
const HALO_WIDTH = 2.5;

export interface PathStyle {
  readonly color: string;
  /** CSS px; default 2. */
  readonly width?: number;
  /** Colour of the outline under the line and the dots; none when null or absent. */
  readonly halo?: string | null;
  /** A dot at each iterate (thinned where they crowd closer than their diameter). */
  readonly dots?: boolean;
  /** Dot radius in CSS px; default 2.5. */
  readonly dotRadius?: number;
  /**
   * Draw only up to this index (the animation's reveal): 3 draws points 0..3, 3.5 adds
   * half of the segment from point 3 to point 4. Default: the whole path.
   */
  readonly upTo?: number;
  /** Canvas line dash, e.g. [4, 3] for a look-ahead path. */
  readonly dash?: readonly number[];
}

/** Most vertices a path is drawn through (see drawPath). */
const MAX_VERTICES = 2000;

/**
 * The polyline through `points` (round joins and caps), optionally with dots at the
 * iterates and only up to index `style.upTo`.
 */
export function drawPath(
  ctx: CanvasRenderingContext2D,
  t: PlotTransform,
  points: ReadonlyArray<PlotPoint>,
  style: PathStyle,
): void {
  const width = style.width ?? 2;
  const radius = style.dotRadius ?? 2.5;
  const end = Math.min(style.upTo ?? points.length - 1, points.length - 1);
  if (!(end >= 0)) return;
  const whole = Math.floor(end);
  const fraction = end - whole;

  // The visible points in canvas px (NaN where a point is missing or non-finite).
  const count = whole + 1 + (fraction > 0 ? 1 : 0);
  const xy = new Float64Array(2 * count);
  for (let k = 0; k <= whole; k++) {
    xy[2 * k] = t.x(points[k][0]);
    xy[2 * k + 1] = t.y(points[k][1]);
  }
  if (fraction > 0) {
    const a = points[whole];
    const b = points[whole + 1];
    xy[2 * count - 2] = t.x(a[0] + fraction * (b[0] - a[0]));
    xy[2 * count - 1] = t.y(a[1] + fraction * (b[1] - a[1]));
  }

  const pad = width + radius + HALO_WIDTH;
  // Vertices closer than a pixel to the one before add nothing to the picture, and a
  // path of more than MAX_VERTICES points (stochastic training makes 100,000) is thinned
  // to every stride-th point and the last: at that density it reads as a cloud anyway,
  // and rasterising it stays within a frame. Gaps (NaN) are kept.
  const stride = Math.max(1, Math.ceil(count / MAX_VERTICES));
  const kept: number[] = [];
  for (let k = 0; k < count; k += stride) {
    const j = kept.length > 0 ? kept[kept.length - 1] : -1;
    const near = j >= 0 && Math.abs(xy[2 * k] - xy[2 * j]) < 1 && Math.abs(xy[2 * k + 1] - xy[2 * j + 1]) < 1;
    if (!near) kept.push(k);
  }
  if (kept[kept.length - 1] !== count - 1) kept.push(count - 1);
  const trace = (): void => {
    ctx.beginPath();
    const seg = new Float64Array(4);
    let penX = NaN;
    let penY = NaN;
    for (let i = 0; i + 1 < kept.length; i++) {
      const [k, next] = [kept[i], kept[i + 1]];
      if (!clipSegment(xy[2 * k], xy[2 * k + 1], xy[2 * next], xy[2 * next + 1], t.rect, pad, seg)) continue;
      if (seg[0] !== penX || seg[1] !== penY) ctx.moveTo(seg[0], seg[1]);
      ctx.lineTo(seg[2], seg[3]);
      penX = seg[2];
      penY = seg[3];
    }
  };

  ctx.save();
  ctx.lineJoin = 'round';
  ctx.lineCap = 'round';
  if (style.dash) ctx.setLineDash(style.dash as number[]);
  if (style.halo) {
    trace();
    ctx.strokeStyle = style.halo;
    ctx.lineWidth = width + HALO_WIDTH;
    ctx.stroke();
  }
  trace();
  ctx.strokeStyle = style.color;
  ctx.lineWidth = width;
  ctx.stroke();

  if (style.dots) {
    ctx.setLineDash([]);
    ctx.beginPath();
    let lastX = Infinity;
    let lastY = Infinity;
    for (let k = 0; k <= whole; k++) {
      const px = xy[2 * k];
      const py = xy[2 * k + 1];
      if (!insideRect(px, py, t.rect, radius)) continue; // also skips NaN
      if (Math.hypot(px - lastX, py - lastY) < 2 * radius + 1) continue;
      ctx.moveTo(px + radius, py);
      ctx.arc(px, py, radius, 0, 2 * Math.PI);
      lastX = px;
      lastY = py;
    }
    if (style.halo) {
      ctx.strokeStyle = style.halo;
      ctx.lineWidth = HALO_WIDTH * 0.6;
      ctx.stroke();
    }
    ctx.fillStyle = style.color;
    ctx.fill();
  }
  ctx.restore();
}

/** dot: the current point; ring: the start (hollow); star: a known minimum; cross: a marker. */
export type PointShape = 'dot' | 'ring' | 'star' | 'cross';

export interface PointStyle {
  readonly color: string;
  /** Default 'dot'. */
  readonly shape?: PointShape;
  /** CSS px; default 5 (dot, ring), 6 (star, cross). */
  readonly radius?: number;
  readonly halo?: string | null;
}

/** The outline of a five-pointed star centred at (cx, cy), outer radius r, inner 0.45 r. */
function starPath(ctx: CanvasRenderingContext2D, cx: number, cy: number, r: number): void {
  for (let k = 0; k < 10; k++) {
    const angle = -Math.PI / 2 + (k * Math.PI) / 5;
    const rk = k % 2 === 0 ? r : 0.45 * r;
    const px = cx + rk * Math.cos(angle);
    const py = cy + rk * Math.sin(angle);
    if (k === 0) ctx.moveTo(px, py);
    else ctx.lineTo(px, py);
  }
  ctx.closePath();
}

/** One marker at a domain point; nothing for a non-finite point or one far off the plot. */
export function drawPoint(ctx: CanvasRenderingContext2D, t: PlotTransform, at: PlotPoint, style: PointStyle): void {
  const shape = style.shape ?? 'dot';
  const r = style.radius ?? (shape === 'star' || shape === 'cross' ? 6 : 5);
  const px = t.x(at[0]);
  const py = t.y(at[1]);
  if (!insideRect(px, py, t.rect, r + HALO_WIDTH)) return; // also skips NaN
  ctx.save();
  ctx.beginPath();
  ctx.lineJoin = 'round';
  ctx.lineCap = 'round';
  switch (shape) {
    case 'dot':
      ctx.arc(px, py, r, 0, 2 * Math.PI);
      ctx.fillStyle = style.color;
      ctx.fill();
      if (style.halo) {
        ctx.strokeStyle = style.halo;
        ctx.lineWidth = 1.5;
        ctx.stroke();
      }
      break;
    case 'ring': {
      ctx.arc(px, py, r, 0, 2 * Math.PI);
      if (style.halo) {
        ctx.strokeStyle = style.halo;
        ctx.lineWidth = 2 + 2 * HALO_WIDTH * 0.6;
        ctx.stroke();
      }
      ctx.strokeStyle = style.color;
      ctx.lineWidth = 2;
      ctx.stroke();
      break;
    }
    case 'star':
      starPath(ctx, px, py, r);
      if (style.halo) {
        ctx.strokeStyle = style.halo;
        ctx.lineWidth = HALO_WIDTH;
        ctx.stroke();
      }
      ctx.fillStyle = style.color;
      ctx.fill();
      break;
    case 'cross': {
      const d = r * Math.SQRT1_2;
      ctx.moveTo(px - d, py - d);
      ctx.lineTo(px + d, py + d);
      ctx.moveTo(px + d, py - d);
      ctx.lineTo(px - d, py + d);
      if (style.halo) {
        ctx.strokeStyle = style.halo;
        ctx.lineWidth = 2 + HALO_WIDTH;
        ctx.stroke();
      }
      ctx.strokeStyle = style.color;
      ctx.lineWidth = 2;
      ctx.stroke();
      break;
    }
  }
  ctx.restore();
}

export interface ArrowStyle {
  readonly color: string;
  /** Shaft width in CSS px; default 2. */
  readonly width?: number;
  /** The longest the arrow may be on screen, CSS px; default: no limit, the true length. */
  readonly maxLength?: number;
  readonly halo?: string | null;
  /** Text written just beyond the tip, e.g. '−∇f'. */
  readonly label?: string;
  /** CSS font for the label (default '12px sans-serif'). */
  readonly font?: string;
}

/** How an arrow was drawn. */
export interface ArrowDrawn {
  /** The factor its length was drawn at: 1 as given, less than 1 when shortened to maxLength, 0 when nothing can be said. */
  readonly scale: number;
  /** Its tip is off the plot: it is drawn to the edge, which shows an open double chevron. */
  readonly offPlot: boolean;
}

/**
 * An arrow from `from` along `vector`, both in domain units: its tip is at from + vector,
 * so for the step of plain gradient descent pass vector = -lr * grad and the tip lands on
 * the next iterate. It is drawn at its true length unless style.maxLength (CSS px) says
 * otherwise; then it keeps its direction and the factor applied is reported.
 *
 * Only the part on the plot is drawn. When the tip is off the plot, the shaft stops at
 * the edge and an open double chevron (») there, pointing the arrow's way, says that the
 * arrow goes on: a mark unlike the filled head, which is only ever drawn at the true tip.
 * Arrows shorter than half a pixel, non-finite ones and ones that miss the plot are not
 * drawn.
 */
export function drawArrow(
  ctx: CanvasRenderingContext2D,
  t: PlotTransform,
  from: PlotPoint,
  vector: PlotPoint,
  style: ArrowStyle,
): ArrowDrawn {
  const width = style.width ?? 2;
  const maxLength = style.maxLength ?? Infinity;
  const ax = t.x(from[0]);
  const ay = t.y(from[1]);
  // The screen vector: the image of from + vector minus the image of from.
  let dx = t.x(from[0] + vector[0]) - ax;
  let dy = t.y(from[1] + vector[1]) - ay;
  const length = Math.hypot(dx, dy);
  if (!Number.isFinite(length) || !Number.isFinite(ax) || !Number.isFinite(ay)) return { scale: 0, offPlot: false };
  const scale = length > maxLength ? maxLength / length : 1;
  dx *= scale;
  dy *= scale;
  const shown = length * scale;
  if (shown < 0.5) return { scale, offPlot: false };

  const seg = new Float64Array(4);
  const visibility = clipArrow(ax, ay, ax + dx, ay + dy, t.rect, seg);
  if (visibility === 'hidden') return { scale, offPlot: !insideRect(ax + dx, ay + dy, t.rect, 0) };
  const offPlot = visibility === 'off-plot';
  const ux = dx / shown;
  const uy = dy / shown;
  const head = Math.min(4 + 3 * width, 0.5 * shown); // head length
  const halfHead = 0.55 * head;
  // The tip drawn: the true one, or just inside the edge where the arrow leaves the plot.
  const inset = offPlot ? width : 0;
  const tipX = seg[2] - ux * inset;
  const tipY = seg[3] - uy * inset;
  const baseX = tipX - ux * head;
  const baseY = tipY - uy * head;
  /** An open chevron with its point at (px, py). */
  const chevron = (px: number, py: number): void => {
    const bx = px - ux * head * 0.8;
    const by = py - uy * head * 0.8;
    ctx.moveTo(bx - uy * halfHead, by + ux * halfHead);
    ctx.lineTo(px, py);
    ctx.lineTo(bx + uy * halfHead, by - ux * halfHead);
  };

  const shaft = (): void => {
    ctx.beginPath();
    ctx.moveTo(seg[0], seg[1]);
    if (offPlot) {
      // The shaft up to the chevrons, unless the part on the plot is shorter than they are.
      if (Math.hypot(baseX - seg[0], baseY - seg[1]) > head && (baseX - seg[0]) * ux + (baseY - seg[1]) * uy > 0) ctx.lineTo(baseX, baseY);
      chevron(tipX, tipY);
      chevron(tipX - ux * head * 0.7, tipY - uy * head * 0.7);
    } else {
      ctx.lineTo(baseX + ux * 0.5, baseY + uy * 0.5);
    }
  };
  const filledHead = (): void => {
    ctx.beginPath();
    ctx.moveTo(tipX, tipY);
    ctx.lineTo(baseX - uy * halfHead, baseY + ux * halfHead);
    ctx.lineTo(baseX + uy * halfHead, baseY - ux * halfHead);
    ctx.closePath();
  };
  ctx.save();
  ctx.lineJoin = 'round';
  ctx.lineCap = 'round';
  if (style.halo) {
    ctx.strokeStyle = style.halo;
    ctx.lineWidth = width + HALO_WIDTH;
    shaft();
    ctx.stroke();
    if (!offPlot) {
      filledHead();
      ctx.stroke();
    }
  }
  ctx.strokeStyle = style.color;
  ctx.fillStyle = style.color;
  ctx.lineWidth = width;
  shaft();
  ctx.stroke();
  if (!offPlot) {
    filledHead();
    ctx.stroke();
    ctx.fill();
  }
  ctx.restore();

  if (style.label) {
    const offset = 6 + width;
    drawLabelAt(ctx, tipX + ux * offset, tipY + uy * offset, style.label, {
      color: style.color,
      font: style.font ?? '12px sans-serif',
      halo: style.halo ?? null,
      // Anchor the text on the side the arrow points to, so it never covers the arrow.
      align: ux > 0.38 ? 'left' : ux < -0.38 ? 'right' : 'center',
      baseline: uy > 0.38 ? 'top' : uy < -0.38 ? 'bottom' : 'middle',
    });
  }
  return { scale, offPlot };
}

export interface LabelStyle {
  readonly color: string;
  /** A CSS font, e.g. '12px system-ui'. */
  readonly font: string;
  readonly halo?: string | null;
  /** Shift from the point in CSS px [right, down]; default [7, -7] (up and to the right). */
  readonly offset?: readonly [number, number];
  /** Default 'left'. */
  readonly align?: CanvasTextAlign;
  /** Default 'bottom'. */
  readonly baseline?: CanvasTextBaseline;
}

/** Text next to a domain point, with a halo so it reads on the heatmap. */
export function drawLabel(
  ctx: CanvasRenderingContext2D,
  t: PlotTransform,
  at: PlotPoint,
  text: string,
  style: LabelStyle,
): void {
  const [dx, dy] = style.offset ?? [7, -7];
  const px = t.x(at[0]) + dx;
  const py = t.y(at[1]) + dy;
  if (!insideRect(px, py, t.rect, 200)) return; // also skips NaN
  drawLabelAt(ctx, px, py, text, style);
}

/** Text at canvas CSS px (px, py), haloed. */
function drawLabelAt(ctx: CanvasRenderingContext2D, px: number, py: number, text: string, style: LabelStyle): void {
  ctx.save();
  ctx.font = style.font;
  ctx.textAlign = style.align ?? 'left';
  ctx.textBaseline = style.baseline ?? 'bottom';
  if (style.halo) {
    ctx.strokeStyle = style.halo;
    ctx.lineWidth = 3;
    ctx.lineJoin = 'round';
    ctx.strokeText(text, px, py);
  }
  ctx.fillStyle = style.color;
  ctx.fillText(text, px, py);
  ctx.restore();
}
