/**
 * `<gd-lr-slider>`: what the learning rate does. One slider over six decades; the run
 * is recomputed and redrawn as it moves, and labelled from the run itself: too low,
 * just right, too high (it overshoots), diverges. Where the curvature L at the
 * minimum is known, the track marks 1/L and 2/L. `compare="0.01,0.45,0.9"` shows
 * several rates side by side instead.
 */
import { css, html, nothing, svg } from 'lit';
import { property, queryAll } from 'lit/decorators.js';
import {
  classifyRegime,
  createOptimizer,
  criticalRatesNear,
  descend,
  expressionVariables,
  parseCurve,
  parseSurface,
  reversalFraction,
  type Curve,
  type Descent,
  type Regime,
  type Surface,
} from '../core/index.js';
import { LossChart, chartLegend } from '../chart/index.js';
import { CurvePlot, SurfacePlot, heightForWidth } from '../plot/index.js';
import { plotThemeOf, readTokens } from '../theme/theme.js';
import { numberAttribute, parseStrictNumber, shortNumber, type NumberRule } from '../shared/attributes.js';
import { DEFAULT_DOMAIN, DescentFigure, type FigureDefaults, type FigureObjective } from '../shared/descent-figure.js';
import { LR_RANGE } from '../shared/presets.js';
import { toLogPosition, type LogRange } from '../shared/log-scale.js';
import { figureStyles } from '../shared/styles.js';

/** One rate's run, with its lesson. */
interface Lane {
  lr: number;
  run: Descent;
  regime: Regime;
}

/** The critical rates of gradient descent at the minimum: 1/L and 2/L. */
export interface CriticalRates {
  optimal: number;
  limit: number;
}

/** Up to this many rates side by side. */
const MAX_COMPARE = 4;
const SERIES_TONES = ['series-1', 'series-2', 'series-3', 'series-4'] as const;

/**
 * The learning rate's effect on one run, labelled from the run.
 *
 * @fires gd-step - After every update shown while playing; detail `{ iteration, position, value, gradientNorm }`.
 * @fires gd-stop - When the played run ends; detail adds `reason`.
 * @fires gd-regime - When the label changes; detail `{ regime, lr }`.
 * @csspart frame - The figure's box.
 * @csspart plot - The curve or contour map.
 * @csspart chart - The loss chart's box.
 * @csspart controls - The toolbar and the settings.
 * @csspart regime - The label of the run: too low, just right, too high, diverges.
 * @csspart formula - The update rule with the current numbers.
 * @csspart notes - Notes about attributes that could not be used.
 * @cssprop --gd-good - Just right.
 * @cssprop --gd-warn - Too low and too high.
 * @cssprop --gd-bad - Diverges.
 */
export class GdLrSlider extends DescentFigure {
  static override styles = [
    ...DescentFigure.styles,
    figureStyles,
    css`
      @container (min-width: 680px) {
        .figure.single {
          grid-template-columns: minmax(0, 1.1fr) minmax(0, 1fr);
          align-items: start;
        }
      }
      .lanes {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(190px, 1fr));
        gap: 12px;
      }
      .lane {
        gap: 6px;
        align-content: start;
      }
      .regime {
        display: grid;
        gap: 2px;
        padding: 8px 12px;
        border-radius: 8px;
        border-left: 5px solid var(--tone);
        background: var(--gd-panel);
      }
      .regime strong {
        color: var(--tone);
        font-size: 1.05rem;
      }
      .regime span {
        font-size: 0.85rem;
        color: var(--gd-muted);
      }
      .regime.too-low,
      .regime.too-high {
        --tone: var(--gd-warn);
      }
      .regime.just-right {
        --tone: var(--gd-good);
      }
      .regime.diverges {
        --tone: var(--gd-bad);
      }
      .lane .regime strong {
        font-size: 0.95rem;
      }
      .marks {
        display: block;
        width: 100%;
        height: 26px;
        overflow: visible;
        color: var(--gd-muted);
      }
      .marks line {
        stroke: currentColor;
        stroke-width: 2;
      }
      .marks text {
        fill: currentColor;
        font-size: 11px;
        font-family: var(--gd-font);
      }
      .track-marks {
        grid-column: 1;
        /* The thumb's centre never reaches the track's ends: inset the marks by its radius. */
        padding: 0 8px;
      }
      .regime .swatch {
        display: inline-block;
        vertical-align: middle;
      }
      .critical {
        margin: 0;
        font-size: 0.8rem;
        color: var(--gd-muted);
      }
    `,
  ];

  /** Smallest rate on the slider; default 1e-5. */
  @property({ attribute: 'min-lr', converter: numberAttribute }) minLr?: number;
  /** Largest rate on the slider; default 10. */
  @property({ attribute: 'max-lr', converter: numberAttribute }) maxLr?: number;
  /** Rates to show side by side, e.g. "0.01,0.45,0.9". */
  @property() compare?: string;

  @queryAll('canvas.plot') private plotCanvases!: NodeListOf<HTMLCanvasElement>;

  protected readonly tag = 'gd-lr-slider';
  protected readonly defaults: FigureDefaults = { surface: 'ravine', expression: 'x^2', steps: 50, speed: 10, tolerance: 1e-5 };
  private lanes: Lane[] = [];
  private range: LogRange = LR_RANGE;
  private critical: CriticalRates | null = null;
  private criticalKey = '';
  private plots: (SurfacePlot | CurvePlot)[] = [];
  private shownRegime?: Regime;

  // ---- read-only state for scripts ----

  /** The lesson of the run at `lr` (with `compare`, of the first rate): 'too-low' | 'just-right' | 'too-high' | 'diverges'. */
  get regime(): Regime {
    return this.comparing ? this.lanes[0].regime : classifyRegime(this.run);
  }

  /** The lessons of the compared rates, in the order given (empty without `compare`). */
  get regimes(): Regime[] {
    return this.comparing ? this.lanes.map((l) => l.regime) : [];
  }

  /** 1/L and 2/L, with L the largest curvature at the minimum, or null where no minimum is found. */
  get criticalRates(): CriticalRates | null {
    return this.critical ? { ...this.critical } : null;
  }

  // ---- lifecycle ----

  protected override updated(): void {
    if (this.plots.length !== this.lanes.length) this.setUpCanvases();
    this.drawFrame();
    const regime = this.regime;
    if (regime !== this.shownRegime) {
      this.shownRegime = regime;
      this.dispatchEvent(new CustomEvent('gd-regime', { detail: { regime, lr: this.settings.options.lr }, bubbles: true, composed: true }));
    }
  }

  protected override isInput(name: string): boolean {
    return super.isInput(name) || name === 'minLr' || name === 'maxLr' || name === 'compare';
  }

  // ---- settings and runs ----

  private get comparing(): boolean {
    return this.lanes.length > 1 || (this.lanes.length === 1 && this.compare !== undefined);
  }

  /** The slider's range first (the learning rate is checked against it), then the shared settings. */
  protected override configure(): void {
    this.range = this.readRange();
    super.configure();
  }

  private readRange(): LogRange {
    // Read without notes here; the notes come with the other attributes in lrRule's reading.
    const min = this.minLr !== undefined && this.minLr > 0 && this.minLr < LR_RANGE.max ? this.minLr : LR_RANGE.min;
    const max = this.maxLr !== undefined && Number.isFinite(this.maxLr) && this.maxLr > min ? this.maxLr : LR_RANGE.max;
    return { min, max };
  }

  protected override lrRule(): NumberRule {
    const r = this.reader;
    r.number('min-lr', this.minLr, { min: 0, max: LR_RANGE.max, minExclusive: true }, LR_RANGE.min);
    if (this.maxLr !== undefined) r.number('max-lr', this.maxLr, { min: this.range.min, max: 1e6, minExclusive: true }, LR_RANGE.max);
    return { min: this.range.min, max: this.range.max };
  }

  /** An expression in x alone is a curve; with y it is a surface. */
  protected override parseExpression(expression: string): FigureObjective {
    if (!expressionVariables(expression).has('y')) {
      return parseCurve(expression, this.reader.interval('domain', this.domain, [-3, 3]));
    }
    const d = this.reader.domain('domain', this.domain, DEFAULT_DOMAIN);
    return parseSurface(expression, { x: [d.x[0], d.x[1]], y: [d.y[0], d.y[1]] });
  }

  protected override recompute(): void {
    super.recompute();
    const s = this.settings;
    const rates = this.compareRates();
    this.lanes = (rates ?? [s.options.lr]).map((lr) => {
      const run = lr === s.options.lr ? this.run : descend(s.objective, createOptimizer(s.optimizer, { ...s.options, lr }), s.start, { steps: s.steps, tolerance: s.tolerance });
      return { lr, run, regime: classifyRegime(run) };
    });
    const key = `${s.objective.name}\u0000${s.objective.dim}\u0000${s.start}`;
    if (key !== this.criticalKey) {
      this.criticalKey = key;
      const rates = criticalRatesNear(s.objective, s.start, minimaOf(s.objective));
      this.critical = rates ? { optimal: rates.optimal, limit: rates.limit } : null;
    }
  }

  /** A new run shows whole at once: the regime is read from all of it. */
  protected override loadAt(): 'start' | 'end' {
    return 'end';
  }

  /** The compared rates are runs too. */
  protected override runInputs(): string {
    return this.compare ?? '';
  }

  /** The rates of `compare`, read with notes; null without the attribute. */
  private compareRates(): number[] | null {
    if (this.compare === undefined) return null;
    const parts = this.compare.split(/[,;\s]+/).filter(Boolean).slice(0, MAX_COMPARE);
    const rates = parts.map(parseStrictNumber).filter((v) => Number.isFinite(v) && v > 0 && v <= 1e6);
    if (rates.length === 0 || rates.length !== parts.length) {
      const fallback = [this.range.min * 1000, this.settings.options.lr, this.settings.options.lr * 4].map((v) => +v.toPrecision(2));
      const fb = fallback.map(shortNumber).join(',');
      this.reader.message('compare', this.compare, this.t.notARateList('compare', this.compare, fb), `compare="${this.compare}" is not a list of positive rates; using ${fb}.`);
      return rates.length > 0 ? rates : fallback;
    }
    return rates;
  }

  protected override lastFrame(): number {
    return Math.max(...this.lanes.map((l) => l.run.path.length - 1), this.run.path.length - 1);
  }

  // ---- canvases ----

  protected override setUpCanvases(): void {
    const canvases = [...this.plotCanvases];
    const curve = this.settings.objective.dim === 1;
    this.plots = canvases.map((c, i) => {
      const existing = this.plots[i];
      if (existing && existing.canvas === c && existing instanceof (curve ? CurvePlot : SurfacePlot)) return existing;
      return curve ? new CurvePlot(c) : new SurfacePlot(c);
    });
    this.input?.detach();
    if (!this.comparing && this.plots[0]) {
      this.attachPlotInput(this.plots[0]);
    }
    const box = this.renderRoot.querySelector('.plot-box');
    if (box) this.resize.observe(box);
    if (!this.chart) {
      const canvas = this.renderRoot.querySelector<HTMLCanvasElement>('canvas.chart');
      if (canvas) this.chart = new LossChart(canvas, { series: [], xLabel: this.t.chartIteration, leftLabel: 'f', description: this.t.lossChartLabel, logScale: { left: true, right: false } });
    }
  }

  protected override drawFrame(): void {
    const tokens = readTokens(this, this.themes.dark);
    const s = this.settings;
    const theme = plotThemeOf(tokens);
    const k = this.playback.k;
    this.plots.forEach((plot, i) => {
      const lane = this.lanes[i];
      if (!lane) return;
      const width = Math.max(160, plot.canvas.parentElement?.clientWidth || this.resize.width || 320);
      const color = this.comparing ? tokens.series[i] : tokens.accent;
      plot.setTheme(theme);
      if (plot instanceof CurvePlot) {
        plot.setCurve(s.objective as Curve);
        plot.resize(width, Math.round(Math.min(width * 0.75, 360)), window.devicePixelRatio || 1);
        plot.draw({
          paths: [{ xs: lane.run.path.map((p) => p[0]), color, upTo: Math.min(k, lane.run.path.length - 1) }],
          start: s.start[0],
          minima: [],
        });
      } else {
        const surface = s.objective as Surface;
        plot.setSurface(surface);
        plot.resize(width, Math.min(heightForWidth(width, surface.domain), Math.round(width * 1.1)), window.devicePixelRatio || 1);
        plot.draw({
          minima: surface.minima,
          paths: [{ points: lane.run.path, color, width: 2.5, upTo: Math.min(k, lane.run.path.length - 1) }],
          start: s.start,
          points: [{ at: lane.run.path[Math.min(k, lane.run.path.length - 1)], color, radius: 5 }],
        });
      }
    });
    this.drawRunsChart(
      tokens,
      this.lanes.map((lane, i) => ({
        label: this.comparing ? this.t.compareLabel(shortNumber(lane.lr)) : 'f',
        color: this.comparing ? tokens.series[i] : tokens.accent,
        run: lane.run,
      })),
    );
  }

  // ---- render ----

  protected override render() {
    const t = this.t;
    const s = this.settings;
    return html`
      <div class="frame" part="frame">
        ${this.renderTitle(`${t.optimizerNames[s.optimizer]}${this.comparing ? '' : ` · η = ${shortNumber(s.options.lr)}`}`)}
        ${this.renderNotes()} ${this.comparing ? this.renderLanes() : this.renderSingle()} ${this.renderToolbar()}
        ${this.comparing ? nothing : this.renderFormula()}
        ${this.comparing
          ? nothing
          : html`<div class="settings" part="controls">${this.renderRateField()}${this.renderOptimizerFields({ surfaceChoice: false, lrRange: this.range, lr: false })}</div>`}
        ${this.renderAnnouncement()}
        <p class="hint" id="hint">${this.comparing ? t.compareHint : t.curveHint}</p>
        ${this.renderCopyFallback()}
      </div>
    `;
  }

  private plotLabel(): string {
    return this.settings.objective.dim === 1 ? this.t.curveLabel(this.objectiveLabel()) : this.t.plotLabel(this.objectiveLabel());
  }

  private renderSingle() {
    const lane = this.lanes[0];
    return html`<div class="figure single">
      <div class="plot-box">
        <canvas class="plot" part="plot" tabindex="0" role="img" aria-label=${this.plotLabel()} aria-describedby="hint"></canvas>
      </div>
      <div class="side">
        ${this.renderRegime(lane, true)}
        <div class="chart-box" part="chart"><canvas class="chart"></canvas></div>
      </div>
    </div>`;
  }

  private renderLanes() {
    return html`<div class="lanes">
        ${this.lanes.map(
          (lane, i) => html`<div class="lane">
            <div class="plot-box">
              <canvas class="plot" part="plot" role="img" aria-label=${`${this.plotLabel()}, ${this.t.compareLabel(shortNumber(lane.lr))}`}></canvas>
            </div>
            ${this.renderRegime(lane, false, SERIES_TONES[i])}
          </div>`,
        )}
      </div>
      ${chartLegend(this.lanes.map((l, i) => ({ label: this.t.compareLabel(shortNumber(l.lr)), tone: SERIES_TONES[i] })))}
      <div class="chart-box" part="chart"><canvas class="chart"></canvas></div>`;
  }

  /** The label of one run, in words and colour. */
  private renderRegime(lane: Lane, live: boolean, tone?: string) {
    const t = this.t;
    const updates = lane.run.path.length - 1;
    const reversals = Math.round(100 * reversalFraction(lane.run));
    return html`<div class="regime ${lane.regime}" part="regime" role=${live ? 'status' : nothing} aria-live=${live ? 'polite' : nothing}>
      <strong>${tone ? html`<span class="swatch tone-${tone}"></span> ` : nothing}${t.compareLabel(shortNumber(lane.lr))} · ${t.regimes[lane.regime]}</strong>
      <span>${t.regimeSentence(lane.regime, updates, reversals, this.settings.steps)}</span>
    </div>`;
  }

  /** The learning-rate slider with 1/L and 2/L marked on its track. */
  private renderRateField() {
    const t = this.t;
    const c = this.critical;
    const marks = c
      ? [
          // 1/L and 2/L are a factor 2 apart, close on a track of decades: their labels lean apart.
          { rate: c.optimal, label: t.criticalMarks.optimal, anchor: 'end' },
          { rate: c.limit, label: t.criticalMarks.limit, anchor: 'start' },
        ].filter((m) => m.rate >= this.range.min && m.rate <= this.range.max)
      : [];
    const track =
      marks.length > 0
        ? html`<div class="track-marks" aria-hidden="true">
            <svg class="marks">
              ${marks.map((m) => {
                const x = `${(100 * toLogPosition(m.rate, this.range)).toFixed(2)}%`;
                return svg`<line x1=${x} x2=${x} y1="0" y2="8"></line><text x=${x} dx=${m.anchor === 'end' ? 2 : -2} y="22" text-anchor=${m.anchor}>${m.label}</text>`;
              })}
            </svg>
          </div>`
        : undefined;
    return html`${this.renderLrField(this.range, track)}
      ${c ? html`<p class="critical field wide">${t.criticalMarks.explain(shortNumber(c.optimal), shortNumber(c.limit))}</p>` : nothing}`;
  }

  protected override stateAttributes() {
    const attrs = super.stateAttributes();
    return {
      ...attrs,
      expression: this.settings.surfaceName ? undefined : this.settings.objective.name,
      'min-lr': this.range.min === LR_RANGE.min ? undefined : shortNumber(this.range.min),
      'max-lr': this.range.max === LR_RANGE.max ? undefined : shortNumber(this.range.max),
      compare: this.comparing ? this.lanes.map((l) => shortNumber(l.lr)).join(',') : undefined,
      lr: this.comparing ? undefined : attrs.lr,
    };
  }
}

function minimaOf(objective: FigureObjective): ReadonlyArray<ArrayLike<number>> {
  return objective.dim === 2 ? objective.minima : objective.minima.map((x) => [x]);
}

