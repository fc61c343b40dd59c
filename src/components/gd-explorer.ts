/**
 * `<gd-explorer>`: one optimizer on a 2-D surface. The reader picks a start point on
 * the contour map, sets the learning rate and the optimizer, and plays the run: the
 * path, the negative gradient, the loss curve and the update rule with its numbers.
 */
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import {
  OPTIMIZER_NAMES,
  SURFACE_NAMES,
  createOptimizer,
  descend,
  getSurface,
  parseSurface,
  ExpressionError,
  type Descent,
  type Domain,
  type Optimizer,
  type OptimizerName,
  type OptimizerOptions,
  type Surface,
} from '../core/index.js';
import { AnimationController } from '../controllers/animation.js';
import { ResizeController } from '../controllers/resize.js';
import { LangController } from '../i18n/lang.js';
import type { Status } from '../i18n/messages.js';
import { ThemeController, THEME_SETTINGS, readTokens, themeTokens, type ThemeSetting } from '../theme/theme.js';
import { AttributeReader, numberAttribute, shortNumber } from '../shared/attributes.js';
import { CopyController, hugoShortcode, htmlTag, type AttributeMap } from '../shared/shortcode.js';
import { LR_RANGE, SURFACE_PRESETS, expressionPreset, isAdaptive } from '../shared/presets.js';
import { controlStyles, frameStyles } from '../shared/styles.js';
import { logSliderField, numberField, sliderField } from '../shared/fields.js';
import { DARK_PLOT_THEME, LIGHT_PLOT_THEME, PlotInput, SurfacePlot, heightForWidth, type PlotScene } from '../plot/index.js';
import { LossChart, chartLegend, legendStyles } from '../chart/index.js';
import {
  alignedTex,
  formatNumber,
  formula,
  katexStyles,
  recordUpdate,
  substitutedUpdateRule,
  symbolicUpdateRule,
  type UpdateRecord,
} from '../formula/index.js';

/** Everything the run depends on, read from the attributes with bad values replaced. */
interface Settings {
  surface: Surface;
  /** The surface's attribute value ('rosenbrock'), or null for an expression. */
  surfaceName: string | null;
  domain: Domain;
  optimizer: OptimizerName;
  options: Required<Pick<OptimizerOptions, 'lr' | 'beta' | 'beta1' | 'beta2' | 'eps' | 'ema'>> & { clip?: number };
  start: [number, number];
  steps: number;
  tolerance: number;
  speed: number;
}

export interface GdStepDetail {
  iteration: number;
  position: [number, number];
  value: number;
  gradientNorm: number;
}

export interface GdStopDetail extends GdStepDetail {
  reason: 'converged' | 'max-steps' | 'diverged';
}

const DEFAULTS = { surface: 'rosenbrock', optimizer: 'gd' as OptimizerName, steps: 1000, tolerance: 1e-5, speed: 30 };
const SPEEDS = [5, 15, 30, 60, 120, 240] as const;
/** Attributes whose change means a new run. */
const RUN_INPUTS = [
  'surface', 'expression', 'domain', 'optimizer', 'lr', 'beta', 'beta1', 'beta2', 'eps', 'clip', 'ema', 'start', 'steps', 'tolerance',
] as const;

/**
 * An optimizer on a 2-D surface, named or typed as an expression.
 *
 * @fires gd-step - After every update shown; detail `{ iteration, position, value, gradientNorm }`.
 * @fires gd-stop - When the run ends; detail adds `reason`: 'converged' | 'max-steps' | 'diverged'.
 * @csspart frame - The figure's box.
 * @csspart plot - The contour map's canvas.
 * @csspart chart - The loss chart's box.
 * @csspart controls - The play/step/reset bar and the settings panel.
 * @csspart readouts - Iteration, point, f, gradient norm and status.
 * @csspart formula - The update rule with the current numbers.
 * @csspart notes - Notes about attributes that could not be used.
 * @cssprop --gd-accent - The path and primary buttons.
 * @cssprop --gd-gradient - The negative-gradient arrow.
 * @cssprop --gd-bg - The figure's background.
 * @cssprop --gd-text - Text colour.
 * @cssprop --gd-font - Font family.
 */
export class GdExplorer extends LitElement {
  static override styles = [
    themeTokens,
    frameStyles,
    controlStyles,
    katexStyles,
    legendStyles,
    css`
      .figure {
        display: grid;
        gap: 12px;
      }
      @container (min-width: 680px) {
        .figure {
          grid-template-columns: minmax(0, 1.15fr) minmax(0, 1fr);
          align-items: start;
        }
      }
      .plot-box {
        position: relative;
        width: 100%;
        min-width: 0;
      }
      canvas.plot {
        display: block;
        /* Taps and sideways drags set the start; vertical swipes still scroll the page. */
        touch-action: pan-y pinch-zoom;
        cursor: crosshair;
        user-select: none;
        border-radius: 6px;
      }
      .plot-key {
        display: flex;
        flex-wrap: wrap;
        gap: 2px 14px;
        margin: 6px 0 0;
        padding: 0;
        list-style: none;
        font-size: 0.78rem;
        color: var(--gd-muted);
      }
      .plot-key li {
        display: inline-flex;
        align-items: center;
        gap: 5px;
      }
      .mark {
        display: inline-block;
        width: 10px;
        height: 10px;
        border-radius: 50%;
        text-align: center;
        line-height: 10px;
      }
      .mark.start {
        border: 2px solid var(--gd-muted);
      }
      .mark.point {
        background: var(--gd-accent);
      }
      .mark.arrow {
        width: auto;
        color: var(--gd-gradient);
        font-weight: 700;
      }
      .readouts .wide {
        grid-column: span 2;
      }
      .side {
        display: grid;
        gap: 10px;
        min-width: 0;
      }
      .chart-box {
        position: relative;
        height: 190px;
        min-width: 0;
      }
      .formula {
        overflow-x: auto;
        overflow-y: hidden;
        padding: 4px 8px;
        background: var(--gd-panel);
        border-radius: 8px;
        font-size: 0.95rem;
        min-height: 3.2em;
      }
      .expression-error {
        margin: 0;
        padding: 6px 10px;
        font-family: var(--gd-mono);
        font-size: 0.85rem;
        color: var(--gd-bad);
        background: var(--gd-panel);
        border-radius: 8px;
        overflow-x: auto;
      }
      .more {
        grid-column: 1 / -1;
      }
      .more summary {
        cursor: pointer;
        font-size: 0.85rem;
        color: var(--gd-muted);
        min-height: 28px;
      }
      .more .settings {
        padding: 8px 0 0;
      }
      .formula .katex-display {
        margin: 0.4em 0;
      }
    `,
  ];

  /** Named surface: bowl, ravine, rosenbrock, himmelblau, beale, booth, rastrigin, saddle, six-hump-camel, ackley. */
  @property() surface = DEFAULTS.surface;
  /** f(x, y) typed as an expression (`x^2 + 10y^2`); overrides `surface`. */
  @property() expression?: string;
  /** The rectangle shown for an expression, "xmin,xmax,ymin,ymax" (default -3,3,-3,3). */
  @property() domain?: string;
  /** gd, momentum, nesterov, rmsprop, adam or adagrad. */
  @property() optimizer: string = DEFAULTS.optimizer;
  /** Learning rate; the default suits the surface and optimizer. */
  @property({ converter: numberAttribute }) lr?: number;
  /** Momentum coefficient (momentum, nesterov) or RMSprop's decay; default 0.9. */
  @property({ converter: numberAttribute }) beta?: number;
  /** Adam's first-moment decay; default 0.9. */
  @property({ converter: numberAttribute }) beta1?: number;
  /** Adam's second-moment decay; default 0.999. */
  @property({ converter: numberAttribute }) beta2?: number;
  /** Added to adaptive denominators; default 1e-8. */
  @property({ converter: numberAttribute }) eps?: number;
  /** Largest gradient norm an update may use; off by default. */
  @property({ converter: numberAttribute }) clip?: number;
  /** Momentum as an exponential moving average of gradients. */
  @property({ type: Boolean }) ema = false;
  /** Start point "x,y"; the default suits the surface. */
  @property() start?: string;
  /** Most updates in a run; default 1000. */
  @property({ converter: numberAttribute }) steps?: number;
  /** The run converges when the gradient norm falls below this; default 1e-5. */
  @property({ converter: numberAttribute }) tolerance?: number;
  /** Updates per second while playing; default 30. */
  @property({ converter: numberAttribute }) speed?: number;
  /** Play as soon as the figure is on screen (not under reduced motion). */
  @property({ type: Boolean }) autoplay = false;
  /** auto (follow the page and the system), light or dark. */
  @property() theme: string = 'auto';

  @state() private settings!: Settings;
  @state() private run!: Descent;
  @state() private k = 0;
  @state() private expressionError: { message: string; position: number } | null = null;
  @state() private announcement = '';

  @query('canvas.plot') private plotCanvas!: HTMLCanvasElement;
  @query('canvas.chart') private chartCanvas!: HTMLCanvasElement;

  private readonly internals = this.attachInternals();
  private readonly reader = new AttributeReader(this);
  private readonly i18n = new LangController(this);
  private readonly themes = new ThemeController(this, () => this.themeSetting, this.internals);
  private readonly animation = new AnimationController(this, {
    onSteps: (count) => this.advance(count),
    speed: () => this.settings.speed,
  });
  private readonly resize = new ResizeController(this);
  private readonly copier = new CopyController(this);
  private plot?: SurfacePlot;
  private input?: PlotInput;
  private chart?: LossChart;
  /** An optimizer replaying the run: it has made k + 1 updates and `record` is update k. */
  private replay?: { optimizer: Optimizer; x: Float64Array; record: UpdateRecord | null };
  private stopAnnounced = false;

  // ---- read-only state for scripts ----

  /** Updates made so far in the run shown. */
  get iteration(): number {
    return this.k;
  }

  /** The current point [x, y]. */
  get position(): [number, number] {
    const p = this.run.path[this.k];
    return [p[0], p[1]];
  }

  /** f at the current point. */
  get value(): number {
    return this.run.values[this.k];
  }

  /** 'ready' | 'running' | 'paused' | 'converged' | 'max-steps' | 'diverged'. */
  get status(): Status {
    if (this.k === this.run.path.length - 1) return this.run.stop;
    if (this.animation.playing) return 'running';
    return this.k === 0 ? 'ready' : 'paused';
  }

  // ---- lifecycle ----

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) this.setUpCanvases();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.chart?.destroy();
    this.chart = undefined;
    this.input?.detach();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!this.settings || RUN_INPUTS.some((name) => changed.has(name)) || changed.has('speed') || this.i18n.lang !== this.configuredLang) {
      this.configure();
    }
  }

  protected override firstUpdated(): void {
    this.setUpCanvases();
    if (this.autoplay && AnimationController.autoplayAllowed) this.play();
  }

  protected override updated(): void {
    this.drawFrame();
  }

  // ---- public methods ----

  /** Plays the run from where it is (from the start once it has ended). */
  play(): void {
    if (this.k >= this.run.path.length - 1) this.goTo(0);
    this.animation.play();
  }

  pause(): void {
    this.animation.pause();
  }

  /** One update. */
  step(): void {
    this.animation.pause();
    this.advance(1);
  }

  /** Back to the start point, paused. */
  reset(): void {
    this.animation.pause();
    this.goTo(0);
  }

  // ---- settings and the run ----

  private get themeSetting(): ThemeSetting {
    return (THEME_SETTINGS as readonly string[]).includes(this.theme) ? (this.theme as ThemeSetting) : 'auto';
  }

  /** The language the notes were last written in. */
  private configuredLang = '';

  /** The surface for the current attributes: the same object while they are unchanged. */
  private surfaceFor(key: string, make: () => Surface): Surface {
    if (this.settings && this.surfaceKey === key) return this.settings.surface;
    this.surfaceKey = key;
    return make();
  }
  private surfaceKey = '';

  /** Reads every attribute, replacing bad ones by defaults with a note, and computes the run. */
  private configure(): void {
    const r = this.reader;
    r.begin(this.i18n.messages);
    this.configuredLang = this.i18n.lang;
    this.expressionError = null;
    let surface: Surface | null = null;
    let surfaceName: string | null = null;
    const expression = this.expression?.trim();
    if (expression) {
      const domain = r.domain('domain', this.domain, { x: [-3, 3], y: [-3, 3] });
      try {
        const box = { x: [domain.x[0], domain.x[1]], y: [domain.y[0], domain.y[1]] } as { x: [number, number]; y: [number, number] };
        surface = this.surfaceFor(`${expression}\u0000${box.x},${box.y}`, () => parseSurface(expression, box));
      } catch (error) {
        const e = error instanceof ExpressionError ? error : new ExpressionError(String(error), 0);
        this.expressionError = { message: e.message, position: e.position };
        r.message('expression', expression, this.i18n.messages.badExpression(e.message), `expression="${expression}": ${e.message}`);
      }
    }
    if (!surface) {
      const name = r.choice('surface', this.surface, SURFACE_NAMES, DEFAULTS.surface);
      surfaceName = name;
      surface = this.surfaceFor(name, () => getSurface(name));
    }
    const optimizer = r.choice('optimizer', this.optimizer, OPTIMIZER_NAMES, DEFAULTS.optimizer);
    const preset = surfaceName ? SURFACE_PRESETS[surfaceName] : expressionPreset(surface.domain);
    const lrDefault = isAdaptive(optimizer) ? preset.lr.adaptive : preset.lr.plain;
    const unit = { min: 0, max: 0.9999 };
    const settings: Settings = {
      surface,
      surfaceName,
      domain: surface.domain,
      optimizer,
      options: {
        lr: r.number('lr', this.lr, { min: 0, max: LR_RANGE.max, minExclusive: true }, lrDefault),
        beta: r.number('beta', this.beta, unit, 0.9),
        beta1: r.number('beta1', this.beta1, unit, 0.9),
        beta2: r.number('beta2', this.beta2, unit, 0.999),
        eps: r.number('eps', this.eps, { min: 0, max: 1, minExclusive: true }, 1e-8),
        ema: this.ema,
      },
      start: r.point('start', this.start, surface.domain, preset.start),
      steps: r.number('steps', this.steps, { min: 1, max: 100000, integer: true }, DEFAULTS.steps),
      tolerance: r.number('tolerance', this.tolerance, { min: 0, max: 1e6, minExclusive: true }, DEFAULTS.tolerance),
      speed: r.number('speed', this.speed, { min: 0, max: 10000, minExclusive: true }, DEFAULTS.speed),
    };
    const clip = r.number('clip', this.clip, { min: 0, max: Infinity, minExclusive: true }, Infinity, this.i18n.messages.off);
    if (clip < Infinity) settings.options.clip = clip;
    const previous = this.settings;
    this.settings = settings;
    const sameRun =
      previous &&
      previous.surface === settings.surface &&
      JSON.stringify([previous.optimizer, previous.options, previous.start, previous.steps, previous.tolerance]) ===
        JSON.stringify([settings.optimizer, settings.options, settings.start, settings.steps, settings.tolerance]);
    if (!sameRun) this.recompute();
  }

  private recompute(): void {
    const s = this.settings;
    this.run = descend(s.surface, createOptimizer(s.optimizer, s.options), s.start, { steps: s.steps, tolerance: s.tolerance });
    this.replay = undefined;
    this.stopAnnounced = false;
    this.announcement = '';
    this.k = 0;
    this.plot?.setSurface(s.surface);
  }

  /** Moves to iteration k (clamped), keeping the replaying optimizer in step. */
  private goTo(k: number): void {
    const last = this.run.path.length - 1;
    this.k = Math.max(0, Math.min(k, last));
    if (this.k < last) this.stopAnnounced = false;
    if (this.k === 0) this.announcement = '';
  }

  /** Advances by up to `count` updates, with events; returns false when the run has ended. */
  private advance(count: number): boolean {
    const last = this.run.path.length - 1;
    if (this.k >= last) {
      this.finish();
      return false;
    }
    const target = Math.min(this.k + count, last);
    while (this.k < target) {
      this.k++;
      this.dispatchEvent(new CustomEvent<GdStepDetail>('gd-step', { detail: this.detail(), bubbles: true, composed: true }));
    }
    if (this.k >= last) {
      this.finish();
      return false;
    }
    return true;
  }

  private finish(): void {
    this.animation.pause();
    if (this.stopAnnounced) return;
    this.stopAnnounced = true;
    const reason = this.run.stop;
    const t = this.i18n.messages;
    this.announcement = t.stopSentence(reason, this.k, shortNumber(this.settings.tolerance), this.settings.steps);
    this.dispatchEvent(new CustomEvent<GdStopDetail>('gd-stop', { detail: { ...this.detail(), reason }, bubbles: true, composed: true }));
  }

  private detail(): GdStepDetail {
    return { iteration: this.k, position: this.position, value: this.value, gradientNorm: this.run.gradientNorms[this.k] };
  }

  /** The numbers of update k -> k + 1 (null at the end of the run), from a replaying optimizer. */
  private updateRecord(): UpdateRecord | null {
    const s = this.settings;
    if (this.k >= this.run.path.length - 1) return null;
    if (!this.replay || this.replay.record === null || this.replay.record.k > this.k) {
      this.replay = { optimizer: createOptimizer(s.optimizer, s.options), x: Float64Array.from(s.start), record: null };
    }
    const replay = this.replay;
    while (replay.record === null || replay.record.k < this.k) {
      replay.record = recordUpdate(replay.optimizer, replay.x, s.surface);
    }
    return replay.record;
  }

  // ---- canvases ----

  private setUpCanvases(): void {
    if (!this.plotCanvas) return;
    this.plot ??= new SurfacePlot(this.plotCanvas);
    this.plot.setSurface(this.settings.surface);
    this.input?.detach();
    this.input = new PlotInput(this.plotCanvas, this.plot, {
      onPick: ([x, y], info) => this.pickStart(x, y, info.final),
      onToggle: () => (this.animation.playing ? this.pause() : this.play()),
      current: () => this.settings.start,
    });
    this.resize.observe(this.renderRoot.querySelector('.plot-box')!);
    if (!this.chart && this.chartCanvas) {
      const t = this.i18n.messages;
      const tokens = readTokens(this, this.themes.dark);
      this.chart = new LossChart(this.chartCanvas, {
        series: [
          { label: t.chartValue, color: tokens.accent, axis: 'left' },
          { label: t.chartGradientNorm, color: tokens.gradient, axis: 'right', dashed: true },
        ],
        xLabel: t.chartIteration,
        leftLabel: t.chartValue,
        rightLabel: t.chartGradientNorm,
        description: t.chartLabel,
      });
    }
  }

  /** A new start point from a click, a tap, a drag or the arrow keys: a new run at once. */
  private pickStart(x: number, y: number, final: boolean): void {
    const round = (v: number) => +v.toPrecision(3);
    this.start = `${round(x)},${round(y)}`;
    this.configure(); // the new run now, so the announcement below outlives it
    if (final) this.announcement = this.i18n.messages.movedStart(shortNumber(round(x)), shortNumber(round(y)));
  }

  /** One redraw: the plot's scene, the chart's data. Called after every update. */
  private drawFrame(): void {
    if (!this.plot) return;
    const tokens = readTokens(this, this.themes.dark);
    const width = this.resize.width || this.plotCanvas.parentElement!.clientWidth || 320;
    this.plot.setTheme({
      background: tokens.background,
      text: tokens.muted,
      contour: (tokens.dark ? DARK_PLOT_THEME : LIGHT_PLOT_THEME).contour,
      fontFamily: tokens.font,
      dark: tokens.dark,
    });
    this.plot.resize(width, Math.min(heightForWidth(width, this.settings.domain), Math.round(width * 1.1)), window.devicePixelRatio || 1);
    this.plot.draw(this.scene(tokens.accent, tokens.gradient, tokens.dark ? 'rgba(255, 255, 255, 0.55)' : 'rgba(255, 255, 255, 0.8)'));
    if (this.chart) {
      const t = this.i18n.messages;
      this.chart.setTheme({ text: tokens.muted, grid: tokens.grid, font: tokens.font, dark: tokens.dark });
      this.chart.setSeriesColors([tokens.accent, tokens.gradient]);
      this.chart.setLabels({ xLabel: t.chartIteration, description: t.chartLabel, series: [t.chartValue, t.chartGradientNorm] });
      this.chart.setXRange(0, Math.max(10, this.run.path.length - 1));
      const n = this.k + 1;
      const xs = Array.from({ length: n }, (_, i) => i);
      this.chart.setSeries(0, xs, this.run.values.slice(0, n));
      this.chart.setSeries(1, xs, this.run.gradientNorms.slice(0, n));
      this.chart.update();
    }
  }

  private scene(accent: string, gradientColor: string, ghost: string): PlotScene {
    const { run, k } = this;
    const s = this.settings;
    const point = run.path[k];
    const record = this.updateRecord();
    const arrows =
      record && this.k < run.path.length - 1
        ? [{ from: point, vector: [-s.options.lr * record.gradient[0], -s.options.lr * record.gradient[1]], color: gradientColor }]
        : [];
    return {
      minima: s.surface.minima,
      paths: [
        { points: run.path, color: ghost, width: 1.25, dots: false, dash: [3, 4] },
        { points: run.path, color: accent, width: 2.5, upTo: k },
      ],
      arrows,
      start: s.start,
      points: [{ at: point, color: accent, radius: 5 }],
    };
  }

  // ---- render ----

  protected override render() {
    const t = this.i18n.messages;
    return html`
      <div class="frame" part="frame">
        ${this.renderTitle()}
        <ul class="notes" part="notes" role="note">${this.reader.notes.map((n) => html`<li>${n}</li>`)}</ul>
        ${this.renderExpressionError()}
        <div class="figure">
          <div class="plot-box">
            <canvas
              class="plot"
              part="plot"
              tabindex="0"
              role="img"
              aria-label=${t.plotLabel(this.surfaceLabel())}
              aria-describedby="hint"
            ></canvas>
            ${this.renderPlotKey()}
          </div>
          <div class="side">
            ${this.renderReadouts()}
            ${chartLegend([
              { label: t.chartValue, tone: 'accent' },
              { label: t.chartGradientNorm, tone: 'gradient', dashed: true },
            ])}
            <div class="chart-box" part="chart"><canvas class="chart"></canvas></div>
          </div>
        </div>
        ${this.renderToolbar()} ${this.renderFormula()} ${this.renderSettings()}
        <p class="message" role="status" aria-live="polite">${this.announcement}</p>
        <p class="hint" id="hint">${t.plotHint}</p>
        ${this.renderCopyFallback()}
      </div>
    `;
  }

  private surfaceLabel(): string {
    const s = this.settings;
    return s.surfaceName ? this.i18n.messages.surfaceNames[s.surfaceName] ?? s.surfaceName : `f(x, y) = ${s.surface.name}`;
  }

  private renderTitle() {
    const t = this.i18n.messages;
    const s = this.settings;
    const heading = s.surfaceName
      ? this.surfaceLabel()
      : html`<span ${formula(`f(x, y) = ${s.surface.tex}`, { displayMode: false, label: this.surfaceLabel() })}></span>`;
    return html`<div class="title">
      <h2>${heading}</h2>
      <span class="subtitle">${t.optimizerNames[this.settings.optimizer]} · η = ${shortNumber(this.settings.options.lr)}</span>
    </div>`;
  }

  /** What the marks on the map mean. */
  private renderPlotKey() {
    const k = this.i18n.messages.plotKey;
    return html`<ul class="plot-key" aria-hidden="true">
      <li><span class="mark start"></span>${k.start}</li>
      <li><span class="mark point"></span>${k.point}</li>
      <li><span class="mark arrow">→</span>${k.step}</li>
      ${this.settings.surface.minima.length > 0 ? html`<li><span class="mark">★</span>${k.minimum}</li>` : nothing}
    </ul>`;
  }

  private renderReadouts() {
    const t = this.i18n.messages;
    const { run, k } = this;
    const status = this.status;
    const [x, y] = this.position;
    const finite = (v: number) => (Number.isFinite(v) ? formatNumber(v, 4) : '—');
    return html`<dl class="readouts" part="readouts">
      <div><dt>${t.iteration}</dt><dd>${k}</dd></div>
      <div class="wide"><dt>${t.point}</dt><dd>(${finite(x)}, ${finite(y)})</dd></div>
      <div><dt>${t.value}</dt><dd>${finite(run.values[k])}</dd></div>
      <div><dt>${t.gradientNorm}</dt><dd>${finite(run.gradientNorms[k])}</dd></div>
      <div><dt>${t.status}</dt><dd class="status-${status}">${t.statuses[status]}</dd></div>
    </dl>`;
  }

  private renderToolbar() {
    const t = this.i18n.messages;
    const playing = this.animation.playing;
    const ended = this.k >= this.run.path.length - 1;
    return html`<div class="toolbar" part="controls">
      <button class="primary" @click=${() => (playing ? this.pause() : this.play())} aria-pressed=${playing ? 'true' : 'false'}>
        ${playing ? t.pause : t.play}
      </button>
      <button @click=${() => this.step()} ?disabled=${ended}>${t.step}</button>
      <button @click=${() => this.reset()} ?disabled=${this.k === 0}>${t.reset}</button>
      <label class="field">
        <span class="visually-hidden">${t.speed}</span>
        <select aria-label=${t.speed} @change=${(e: Event) => (this.speed = Number((e.target as HTMLSelectElement).value))}>
          ${SPEEDS.map((v) => html`<option value=${v} ?selected=${v === this.settings.speed}>${t.stepsPerSecond(v)}</option>`)}
          ${SPEEDS.includes(this.settings.speed as (typeof SPEEDS)[number])
            ? nothing
            : html`<option value=${this.settings.speed} selected>${t.stepsPerSecond(this.settings.speed)}</option>`}
        </select>
      </label>
      <span class="spacer"></span>
      <button @click=${() => this.copier.copy(hugoShortcode('gd-explorer', this.stateAttributes()))}>
        ${this.copier.status === 'copied' ? t.copied : t.copyShortcode}
      </button>
      <button @click=${() => this.copier.copy(htmlTag('gd-explorer', this.stateAttributes()))}>${t.copyHtml}</button>
    </div>`;
  }

  private renderFormula() {
    const s = this.settings;
    const record = this.updateRecord();
    const narrow = this.clientWidth > 0 && this.clientWidth < 560;
    const lines = record
      ? substitutedUpdateRule(s.optimizer, s.options, record)
      : symbolicUpdateRule(s.optimizer, s.options);
    const tex = alignedTex(lines, { breakChains: narrow });
    return html`<div class="formula" part="formula" ${formula(tex, { label: this.i18n.messages.formulaLabel })}></div>`;
  }

  private renderSettings() {
    const t = this.i18n.messages;
    const s = this.settings;
    const o = s.options;
    const unit = { min: 0, max: 0.999, step: 0.001 };
    return html`<div class="settings" part="controls">
      <label class="field"
        >${t.surface}
        <select @change=${(e: Event) => this.chooseSurface((e.target as HTMLSelectElement).value)}>
          ${SURFACE_NAMES.map((n) => html`<option value=${n} ?selected=${n === s.surfaceName}>${t.surfaceNames[n]}</option>`)}
          ${s.surfaceName ? nothing : html`<option value="" selected>f(x, y) = ${s.surface.name}</option>`}
        </select>
      </label>
      <label class="field"
        >${t.optimizer}
        <select @change=${(e: Event) => (this.optimizer = (e.target as HTMLSelectElement).value)}>
          ${OPTIMIZER_NAMES.map((n) => html`<option value=${n} ?selected=${n === s.optimizer}>${t.optimizerNames[n]}</option>`)}
        </select>
      </label>
      ${logSliderField({ id: 'lr', label: t.learningRate, symbol: 'η', value: o.lr, range: LR_RANGE, onInput: (v) => (this.lr = v) })}
      ${s.optimizer === 'momentum' || s.optimizer === 'nesterov' || s.optimizer === 'rmsprop'
        ? sliderField({ id: 'beta', label: s.optimizer === 'rmsprop' ? t.decay : t.momentum, value: o.beta, ...unit, onInput: (v) => (this.beta = v) })
        : nothing}
      ${s.optimizer === 'adam'
        ? html`${sliderField({ id: 'beta1', label: 'β₁', value: o.beta1, ...unit, onInput: (v) => (this.beta1 = v) })}
          ${sliderField({ id: 'beta2', label: 'β₂', value: o.beta2, ...unit, onInput: (v) => (this.beta2 = v) })}`
        : nothing}
      ${s.optimizer === 'momentum'
        ? html`<label class="checkbox"
            ><input type="checkbox" .checked=${o.ema} @change=${(e: Event) => (this.ema = (e.target as HTMLInputElement).checked)} />
            ${t.ema}</label
          >`
        : nothing}
      <details class="more">
        <summary>${t.moreSettings}</summary>
        <div class="settings">
          ${numberField({ id: 'steps', label: t.maxSteps, value: s.steps, min: 1, max: 100000, step: 1, onChange: (v) => (this.steps = v) })}
          ${numberField({ id: 'tolerance', label: t.tolerance, value: s.tolerance, min: 1e-12, max: 1e6, onChange: (v) => (this.tolerance = v) })}
          ${numberField({ id: 'clip', label: t.clip, value: o.clip, min: 1e-9, max: 1e9, placeholder: t.off, onChange: (v) => (this.clip = v) })}
          ${isAdaptive(s.optimizer)
            ? numberField({ id: 'eps', label: 'ε', value: o.eps, min: 1e-12, max: 1, onChange: (v) => (this.eps = v) })
            : nothing}
        </div>
      </details>
    </div>`;
  }

  /** The typed expression with a caret under the place the parser stopped. */
  private renderExpressionError() {
    const e = this.expressionError;
    if (!e || !this.expression) return nothing;
    const text = this.expression.trim();
    return html`<pre class="expression-error" aria-hidden="true">${text}\n${' '.repeat(Math.min(e.position, text.length))}^</pre>`;
  }

  private renderCopyFallback() {
    if (this.copier.status !== 'failed') return nothing;
    return html`<label class="field"
      >${this.i18n.messages.copyFailed}<textarea class="copy-text" readonly .value=${this.copier.text}></textarea
    ></label>`;
  }

  // ---- handlers ----

  private chooseSurface(name: string): void {
    if (!name) return;
    this.expression = undefined;
    this.removeAttribute('expression');
    this.surface = name;
    this.start = undefined;
    this.lr = undefined;
  }

  /** The attributes that reproduce what the reader sees now, for the copy buttons. */
  private stateAttributes(): AttributeMap {
    const s = this.settings;
    const o = s.options;
    return {
      surface: s.surfaceName ?? undefined,
      expression: s.surfaceName ? undefined : s.surface.name,
      domain: s.surfaceName || !this.domain ? undefined : `${s.domain.x.join(',')},${s.domain.y.join(',')}`,
      optimizer: s.optimizer,
      lr: shortNumber(o.lr),
      beta: s.optimizer === 'momentum' || s.optimizer === 'nesterov' || s.optimizer === 'rmsprop' ? shortNumber(o.beta) : undefined,
      ema: s.optimizer === 'momentum' && o.ema,
      clip: o.clip === undefined ? undefined : shortNumber(o.clip),
      start: `${shortNumber(s.start[0])},${shortNumber(s.start[1])}`,
      steps: s.steps === DEFAULTS.steps ? undefined : s.steps,
      tolerance: s.tolerance === DEFAULTS.tolerance ? undefined : shortNumber(s.tolerance),
    };
  }
}
