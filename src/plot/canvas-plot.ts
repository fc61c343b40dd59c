/**
 * What the canvas plots (SurfacePlot, CurvePlot, DataPlot) share: the canvas and its
 * context, the offscreen background layers, the theme, the reader's language (for the
 * tick labels), the size and device pixel ratio,
 * the domain <-> canvas mapping and the client -> domain mapping. Not an element: a Lit
 * element owns the <canvas> and drives the plot.
 *
 * Two layers of drawing. The background (whatever changes only with the data, domain,
 * size, pixel ratio or theme) is rendered by the subclass's `renderBackground` into
 * offscreen canvases at device resolution, once per change: anything that changes it
 * calls `invalidate` (or sets `stale`), and the next frame renders it again. Each frame
 * copies the cached background onto the canvas and draws its overlays over it, clipped
 * to the plot rectangle.
 */
import type { Domain } from '../core/index.js';
import type { Lang } from '../i18n/lang.js';
import { numbersFor, type Numbers } from '../i18n/numbers.js';
import { TICK_LENGTH } from './background.js';
import { crisp } from './crisp.js';
import { context2d, LIGHT_PLOT_THEME, sameFields, type PlotTheme } from './theme.js';
import { plotRect, plotTransform, type Margins, type PlotTransform } from './transform.js';

/** The axis lines (the plot's left and bottom edges): the text colour at this opacity. */
const AXIS_ALPHA = 0.55;
/** Tick labels' size when the theme gives none, CSS px; the given margins leave room for it. */
const DEFAULT_FONT_SIZE = 11;

/** Throws a RangeError for a range that is not finite with min < max (`plot` names the plot in the message). */
export function checkInterval(plot: string, name: string, r: readonly [number, number]): void {
  if (!(Number.isFinite(r[0]) && Number.isFinite(r[1]) && r[0] < r[1])) {
    throw new RangeError(`the ${plot} plot's ${name} range must be finite with min < max, not [${r[0]}, ${r[1]}]`);
  }
}

/** Whether two domains are the same rectangle. */
export function sameDomain(a: Domain, b: Domain): boolean {
  return a.x[0] === b.x[0] && a.x[1] === b.x[1] && a.y[0] === b.y[0] && a.y[1] === b.y[1];
}

export abstract class CanvasPlot {
  protected readonly ctx: CanvasRenderingContext2D;
  /** The offscreen background layers, at the canvas's size in device pixels; copied onto the canvas in order. */
  protected readonly layers: readonly HTMLCanvasElement[];
  protected currentDomain: Domain = { x: [-1, 1], y: [-1, 1] };
  protected theme: PlotTheme = LIGHT_PLOT_THEME;
  /** How tick labels write numbers: the reader's language (`setLang`). */
  protected numbers: Numbers = numbersFor('en');
  protected cssWidth: number;
  protected cssHeight: number;
  protected dpr = 1;
  /** The background layers must be rendered again before the next frame. */
  protected stale = true;
  protected renders = 0;
  protected currentTransform: PlotTransform;

  /**
   * `cssWidth` x `cssHeight`: the size until the first resize; `layerCount`: how many
   * offscreen background layers the plot renders into.
   */
  protected constructor(
    readonly canvas: HTMLCanvasElement,
    private readonly givenMargins: Margins,
    cssWidth: number,
    cssHeight: number,
    layerCount = 1,
  ) {
    this.ctx = context2d(canvas);
    this.layers = Array.from({ length: layerCount }, () => canvas.ownerDocument.createElement('canvas'));
    this.cssWidth = cssWidth;
    this.cssHeight = cssHeight;
    this.currentTransform = plotTransform(this.currentDomain, plotRect(this.cssWidth, this.cssHeight, givenMargins));
    this.applySize();
  }

  /**
   * The margins given (room for 11 px labels), grown or shrunk with the theme's font
   * size, so larger tick labels and axis names still fit beside the plot.
   */
  protected get margins(): Margins {
    const scale = this.fontSize / DEFAULT_FONT_SIZE;
    if (scale === 1) return this.givenMargins;
    const { top, right, bottom, left } = this.givenMargins;
    return { top: Math.round(top * scale), right: Math.round(right * scale), bottom: Math.round(bottom * scale), left: Math.round(left * scale) };
  }

  /** The tick labels' size, CSS px; labels over the plot and axis names are larger in proportion. */
  protected get fontSize(): number {
    return this.theme.fontSize ?? DEFAULT_FONT_SIZE;
  }

  /** Colours and font; re-renders the background only when something changed. */
  setTheme(theme: PlotTheme): void {
    if (sameFields(theme, this.theme)) return;
    this.theme = { ...theme };
    this.invalidate();
  }

  /** The reader's language, for the tick labels; re-renders the background only when it changed. */
  setLang(lang: Lang): void {
    if (lang === this.numbers.lang) return;
    this.numbers = numbersFor(lang);
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

  /** The domain shown: the rectangle of the domain that the plot rectangle maps to. */
  get domain(): Domain {
    return this.currentDomain;
  }

  /** The current domain <-> canvas CSS px mapping. */
  get transform(): PlotTransform {
    return this.currentTransform;
  }

  /** How many times the background (all its layers) has been rendered (it is cached between changes). */
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

  /** Renders the background layers (each cleared first with clearLayer); called only when stale. */
  protected abstract renderBackground(): void;

  /**
   * The margins around the plot rectangle: the ones given. Plots with labels that need
   * more room widen them.
   */
  protected layoutMargins(): Margins {
    return this.margins;
  }

  /** The background is stale and the transform recomputed: after a change of domain, size, theme or layout. */
  protected invalidate(): void {
    this.stale = true;
    this.currentTransform = plotTransform(this.currentDomain, plotRect(this.cssWidth, this.cssHeight, this.layoutMargins()));
  }

  /** Renders the background when stale. */
  protected refreshBackground(): void {
    if (!this.stale) return;
    this.renderBackground();
    this.stale = false;
    this.renders++;
  }

  /**
   * The usual start of a frame: the background rendered when stale, the canvas cleared
   * and the first layer copied onto it, then clipToPlot (restore() ends the clip).
   */
  protected beginFrame(): void {
    this.refreshBackground();
    this.copyLayer(this.layers[0], true);
    this.clipToPlot();
  }

  /** Copies a background layer onto the canvas (cleared first when `clear`), in device px. */
  protected copyLayer(layer: HTMLCanvasElement, clear = false): void {
    const { ctx } = this;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    if (clear) ctx.clearRect(0, 0, this.canvas.width, this.canvas.height);
    ctx.drawImage(layer, 0, 0);
  }

  /** Sets the canvas to CSS px and, after a save(), clips it to the plot rectangle. */
  protected clipToPlot(): void {
    const { ctx, dpr } = this;
    const { rect } = this.currentTransform;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.save();
    ctx.beginPath();
    ctx.rect(rect.left, rect.top, rect.width, rect.height);
    ctx.clip();
  }

  /** A background layer cleared, and its context set to CSS px. */
  protected clearLayer(layer: HTMLCanvasElement): CanvasRenderingContext2D {
    const ctx = context2d(layer);
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, layer.width, layer.height);
    ctx.setTransform(this.dpr, 0, 0, this.dpr, 0, 0);
    return ctx;
  }

  /** The font of the tick labels. */
  protected get tickFont(): string {
    return `${this.fontSize}px ${this.theme.fontFamily}`;
  }

  /** The size of labels over the plot: 12 px beside 11 px ticks. */
  protected get labelSize(): number {
    return Math.round((this.fontSize * 120) / DEFAULT_FONT_SIZE) / 10;
  }

  /** The font of labels over the plot. */
  protected get labelFont(): string {
    return `${this.labelSize}px ${this.theme.fontFamily}`;
  }

  /** The font of the axis names: an italic serif, as in a textbook; 13 px beside 11 px ticks. */
  protected get nameFont(): string {
    return `italic ${Math.round((this.fontSize * 130) / DEFAULT_FONT_SIZE) / 10}px Georgia, "Times New Roman", serif`;
  }

  /**
   * The left margin: the one given, or wider when these y tick labels need it (measured
   * in the tick font, with the ticks and a gap each side of the labels).
   */
  protected leftMarginFor(labels: Iterable<string>): number {
    const ctx = this.ctx;
    ctx.save();
    ctx.font = this.tickFont;
    let widest = 0;
    for (const label of labels) {
      widest = Math.max(widest, ctx.measureText(label).width);
    }
    ctx.restore();
    return Math.max(this.margins.left, Math.ceil(widest + TICK_LENGTH + 3 + 3));
  }

  /** The axis lines: the plot's left and bottom edges, on whole device pixels. */
  protected drawAxisLines(ctx: CanvasRenderingContext2D): void {
    const { dpr, theme } = this;
    const { left, top, width, height } = this.currentTransform.rect;
    const bottom = top + height;
    ctx.save();
    ctx.globalAlpha = AXIS_ALPHA;
    ctx.strokeStyle = theme.text;
    ctx.lineWidth = 1;
    ctx.beginPath();
    const x0 = crisp(left, dpr, 1);
    const y0 = crisp(bottom, dpr, 1);
    ctx.moveTo(x0, top);
    ctx.lineTo(x0, y0);
    ctx.lineTo(left + width, y0);
    ctx.stroke();
    ctx.restore();
  }

  /**
   * The y axis's name just right of the axis's top end, not centred on it as drawAxes
   * would: when the y range ends at no particular value, a tick label often sits at the
   * top, where the centred name would cover it. Nothing for ''.
   */
  protected drawYName(ctx: CanvasRenderingContext2D, name: string): void {
    if (!name) return;
    const { left, top } = this.currentTransform.rect;
    ctx.save();
    ctx.font = this.nameFont;
    ctx.fillStyle = this.theme.text;
    ctx.textAlign = 'left';
    ctx.textBaseline = 'bottom';
    ctx.fillText(name, left + 4, top - 2);
    ctx.restore();
  }

  /** The canvas's drawing buffer and style size, and the layers' size, from the CSS size and dpr. */
  private applySize(): void {
    const width = Math.max(1, Math.round(this.cssWidth * this.dpr));
    const height = Math.max(1, Math.round(this.cssHeight * this.dpr));
    this.canvas.width = width;
    this.canvas.height = height;
    this.canvas.style.width = `${this.cssWidth}px`;
    this.canvas.style.height = `${this.cssHeight}px`;
    for (const layer of this.layers) {
      layer.width = width;
      layer.height = height;
    }
  }
}
