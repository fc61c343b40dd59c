/**
 * `<gd-lr-slider>`: what the learning rate does. One slider over six decades; the run
 * is recomputed and redrawn as it moves, and labelled: too low, just right, too high
 * (it overshoots), oscillates, diverges, or, on an ill-conditioned surface, why no rate
 * fits. Where the curvatures at the minimum are known, the track marks 1/L and 2/L and,
 * for plain gradient descent, the label follows them (see core/regime.ts); otherwise it
 * is read from the run, run longer when that is what tells slow divergence from a
 * dying oscillation. `compare="0.01,0.45,0.9"` shows several rates side by side instead.
 */
import { css, html, nothing, svg } from 'lit';
import { property, queryAll } from 'lit/decorators.js';
import { ref } from 'lit/directives/ref.js';
import {
  createOptimizer,
  criticalRatesNear,
  descend,
  expressionVariables,
  parseCurve,
  parseSurface,
  readRegime,
  reversalFraction,
  type Curve,
  type Regime,
  type RegimeReading,
  type Surface,
} from '../core/index.js';
import type { RegimeWords } from '../i18n/messages.js';
import { CurvePlot, SurfacePlot, heightForWidth } from '../plot/index.js';
import { plotThemeOf } from '../theme/theme.js';
import { numberAttribute, parseStrictNumber, quotedValue, shortNumber, withinRule, type NumberRule } from '../shared/attributes.js';
import { DEFAULT_DOMAIN, DescentFigure, type FigureObjective } from '../shared/descent-figure.js';
import { indexAt, toneColor, type DescentLane } from '../shared/lanes.js';
import { LR_RANGE } from '../shared/presets.js';
import { toLogPosition, type LogRange } from '../shared/log-scale.js';
import { figureStyles } from '../shared/styles.js';
import { DEFAULT_CURVE_DOMAIN } from '../spec/common.js';
import { GD_LR_SLIDER, MAX_COMPARE } from '../spec/gd-lr-slider.js';

/** One rate's run, with its lesson. */
interface RateLane extends DescentLane {
  lr: number;
  regime: Regime;
  reading: RegimeReading;
}

/** The critical rates of gradient descent at the minimum: 1/L and 2/L, and every curvature there. */
export interface CriticalRates {
  optimal: number;
  limit: number;
  /** The Hessian's eigenvalues at the minimum, smallest first (L is the last). */
  curvatures: number[];
}

/**
 * How far a run that ran out of steps while overshooting is continued to tell a slow
 * divergence from an oscillation that dies out: 20 times the budget, at least 1000 and
 * at most 20 000 updates (a millisecond or so of a curve's gradient per thousand).
 */
function longerSteps(steps: number): number {
  return Math.max(steps, Math.min(20000, Math.max(1000, 20 * steps)));
}

const SERIES_TONES = ['series-1', 'series-2', 'series-3', 'series-4'] as const;

/**
 * The learning rate's effect on one run, labelled from the run.
 *
 * `controls`: `full` (default) shows the play row (play, step, reset, speed) and the
 * settings (the rate slider with 1/L and 2/L, optimizer, more settings); `compact` only
 * play, step and reset; `none` no buttons or settings. Without the settings the figure
 * shows the run at `lr` (or the `compare` rates) with its label, plot, chart and
 * formula; the plot still takes clicks, taps and keys (Space plays), `autoplay` still
 * plays, and the hint names no slider or button that is not there. A bad value is
 * `full`, with a note. `authoring` adds the author tools in a "For authors" group.
 *
 * Events, parts and custom properties: its contract, src/spec/gd-lr-slider.ts
 * (custom-elements.json and the README's tables are generated from it).
 */
export class GdLrSlider extends DescentFigure<RateLane> {
  /** About the rendered height, wide and narrow (the box shown until the first render). */
  protected static override placeholderHeight = { wide: '48em', narrow: '71em' };
  static override styles = [
    ...DescentFigure.styles,
    figureStyles,
    css`
      @container (min-width: 45.33em) {
        .figure.single {
          grid-template-columns: minmax(0, 1.1fr) minmax(0, 1fr);
          align-items: start;
        }
      }
      .lanes {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(12.667em, 1fr));
        gap: 0.8em;
      }
      .lane {
        gap: 0.4em;
        align-content: start;
      }
      .regime {
        display: grid;
        gap: 0.133em;
        padding: 0.533em 0.8em;
        border-radius: 8px;
        border-left: 5px solid var(--tone);
        background: var(--gd-panel);
      }
      .regime strong {
        color: var(--tone);
        font-size: 1.05em;
      }
      .regime span {
        font-size: 0.85em;
        color: var(--gd-muted);
      }
      .regime.too-low,
      .regime.ill-conditioned,
      .regime.too-high,
      .regime.oscillates {
        --tone: var(--gd-warn);
      }
      .regime.no-steps {
        --tone: var(--gd-muted);
      }
      .regime.just-right {
        --tone: var(--gd-good);
      }
      .regime.diverges {
        --tone: var(--gd-bad);
      }
      .lane .regime strong {
        font-size: 0.95em;
      }
      .marks {
        position: relative;
        height: 2.4em;
        color: var(--gd-muted);
      }
      .marks svg {
        position: absolute;
        inset: 0;
        width: 100%;
        height: 10px;
        overflow: visible;
      }
      .marks line {
        stroke: currentColor;
        stroke-width: 2;
      }
      .mark-label {
        position: absolute;
        top: 10px;
        /* MARK_LABEL_EM, with the gap that keeps "1/L" and "2/L" apart inside. */
        box-sizing: border-box;
        width: 2.1em;
        font-size: 0.733em;
        line-height: 1.2;
        white-space: nowrap;
      }
      .mark-label.before {
        text-align: right;
        padding-right: 0.25em;
      }
      .mark-label.after {
        text-align: left;
        padding-left: 0.25em;
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
        font-size: 0.8em;
        color: var(--gd-muted);
      }
    `,
  ];

  /** Smallest rate on the slider. Rules and defaults: src/spec/gd-lr-slider.ts. */
  @property({ attribute: 'min-lr', converter: numberAttribute }) minLr?: number;
  /** Largest rate on the slider. */
  @property({ attribute: 'max-lr', converter: numberAttribute }) maxLr?: number;
  /** Rates to show side by side, e.g. "0.01,0.45,0.9". */
  @property() compare?: string;

  @queryAll('canvas.plot') private plotCanvases!: NodeListOf<HTMLCanvasElement>;

  protected readonly tag = 'gd-lr-slider';
  protected readonly spec = GD_LR_SLIDER;
  private range: LogRange = LR_RANGE;
  private critical: CriticalRates | null = null;
  private criticalKey = '';
  private plots: (SurfacePlot | CurvePlot)[] = [];
  private shownRegime?: Regime;

  // ---- read-only state for scripts ----

  /**
   * The lesson of the run at `lr` (with `compare`, of the first rate): 'no-steps' |
   * 'too-low' | 'just-right' | 'ill-conditioned' | 'too-high' | 'oscillates' | 'diverges'.
   */
  get regime(): Regime {
    this.readIfNotRendered();
    return this.lanes[0].regime;
  }

  /** The lessons of the compared rates, in the order given (empty without `compare`). */
  get regimes(): Regime[] {
    this.readIfNotRendered();
    return this.comparing ? this.lanes.map((l) => l.regime) : [];
  }

  /** 1/L and 2/L, with L the largest curvature at the minimum, or null where no minimum is found. */
  get criticalRates(): CriticalRates | null {
    this.readIfNotRendered();
    return this.critical ? { ...this.critical, curvatures: [...this.critical.curvatures] } : null;
  }

  // ---- lifecycle ----

  protected override updated(): void {
    if (this.canvasesReplaced()) this.setUpCanvases();
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
    return this.lanes.length > 1 || (this.lanes.length === 1 && this.compare != null);
  }

  /** The slider's range first (the learning rate is checked against it), then the shared settings. */
  protected override configure(): void {
    this.range = this.readRange();
    super.configure();
  }

  private readRange(): LogRange {
    // Read without notes here; the notes come with the other attributes in lrRule's reading.
    const { 'min-lr': minLr, 'max-lr': maxLr } = GD_LR_SLIDER.attributes;
    const min = this.minLr !== undefined && this.minLr > minLr.min && this.minLr < minLr.max ? this.minLr : minLr.default!;
    // The rule lrRule notes a bad max-lr by: above the left end, at most the contract's max.
    const max = this.maxLr !== undefined && withinRule({ ...maxLr, min }, this.maxLr) ? this.maxLr : maxLr.default!;
    return { min, max };
  }

  protected override lrRule(): NumberRule {
    const r = this.reader;
    const { 'min-lr': minLr, 'max-lr': maxLr } = GD_LR_SLIDER.attributes;
    r.number('min-lr', this.minLr, minLr, minLr.default!);
    // max-lr must also lie above the slider's left end.
    if (this.maxLr !== undefined) r.number('max-lr', this.maxLr, { ...maxLr, min: this.range.min }, maxLr.default!);
    return { min: this.range.min, max: this.range.max };
  }

  /** An expression in x alone is a curve; with y it is a surface. */
  protected override parseExpression(expression: string): FigureObjective {
    if (!expressionVariables(expression).has('y')) {
      return parseCurve(expression, this.reader.interval('domain', this.domain, DEFAULT_CURVE_DOMAIN));
    }
    const d = this.reader.domain('domain', this.domain, DEFAULT_DOMAIN);
    return parseSurface(expression, { x: [d.x[0], d.x[1]], y: [d.y[0], d.y[1]] });
  }

  /** A lane per rate: `lr`, or each of `compare`, with its regime. */
  protected override makeLanes(): RateLane[] {
    const s = this.settings;
    const key = `${s.objective.name}\u0000${s.objective.dim}\u0000${s.start}`;
    if (key !== this.criticalKey) {
      this.criticalKey = key;
      const rates = criticalRatesNear(s.objective, s.start, minimaOf(s.objective));
      this.critical = rates ? { optimal: rates.optimal, limit: rates.limit, curvatures: [...rates.curvatures] } : null;
    }
    const rates = this.compareRates();
    // The theory of 1/L and 2/L is plain gradient descent's, without clipping (a clipped
    // step cannot run off to infinity).
    const theory = s.optimizer === 'gd' && s.options.clip === Infinity && this.critical ? this.critical.curvatures : null;
    return (rates ?? [s.options.lr]).map((lr, i) => {
      const options = { ...s.options, lr };
      const lane = this.descentLane(String(lr), rates ? SERIES_TONES[i] : 'accent', s.optimizer, options);
      const longer = () => descend(s.objective, createOptimizer(s.optimizer, options), s.start, { steps: longerSteps(s.steps), tolerance: s.tolerance });
      const reading = readRegime(lane.run, { theory: theory && { lr, curvatures: theory }, longer });
      return { ...lane, lr, regime: reading.regime, reading };
    });
  }

  /** A new run shows whole at once: the regime is read from all of it. */
  protected override loadAt(): 'start' | 'end' {
    return 'end';
  }

  /** The compared rates are runs too, and so is the range their fallback uses. */
  protected override runInputs(): string {
    return `${this.compare ?? '\u0000'}\u0000${this.range.min}\u0000${this.range.max}`;
  }

  /** The rates of `compare`, read with notes; null without the attribute. */
  private compareRates(): number[] | null {
    if (this.compare == null) return null; // a removed attribute is null
    const parts = this.compare.split(/[,;\s]+/).filter(Boolean).slice(0, MAX_COMPARE);
    const rates = parts.map(parseStrictNumber).filter((v) => withinRule(GD_LR_SLIDER.attributes.compare, v));
    if (rates.length === 0 || rates.length !== parts.length) {
      const fallback = [this.range.min * 1000, this.settings.options.lr, this.settings.options.lr * 4].map((v) => +v.toPrecision(2));
      const fb = fallback.map(shortNumber).join(',');
      const raw = quotedValue(this.compare);
      this.reader.message('compare', this.compare, this.t.notARateList('compare', raw, fb), `compare="${raw}" is not a list of positive rates; using ${fb}.`);
      return rates.length > 0 ? rates : fallback;
    }
    return rates;
  }

  /**
   * Compared rates end as their labels say, each in its own way: the sentence names every
   * rate with its label (one run's stop reason would speak for all of them, falsely).
   */
  protected override stopAnnouncement(k: number): string {
    if (!this.comparing) return super.stopAnnouncement(k);
    return this.lanes.map((l) => `${this.t.compareLabel(this.numbers.setting(l.lr))} · ${this.t.regimes[l.regime]}`).join('; ') + '.';
  }

  /** A compared rate is named by its rate; a single run's curve is f. */
  protected override laneLabel(lane: RateLane): string {
    return this.comparing ? this.t.compareLabel(this.numbers.setting(lane.lr)) : 'f';
  }

  // ---- canvases ----

  /** True when the rendered canvases are not the ones drawn on (a lane came or went, compare was set or removed). */
  private canvasesReplaced(): boolean {
    const canvases = [...this.plotCanvases];
    if (canvases.length !== this.plots.length || canvases.some((c, i) => this.plots[i].canvas !== c)) return true;
    const chart = this.renderRoot.querySelector<HTMLCanvasElement>('canvas.chart');
    return !!chart && this.lossChart.chart?.chart.canvas !== chart;
  }

  protected override setUpCanvases(): void {
    const canvases = [...this.plotCanvases];
    const curve = this.settings.objective.dim === 1;
    this.plots = canvases.map((c, i) => {
      const existing = this.plots[i];
      if (existing && existing.canvas === c && existing instanceof (curve ? CurvePlot : SurfacePlot)) return existing;
      return curve ? new CurvePlot(c) : this.inSlices(new SurfacePlot(c));
    });
    this.input?.detach();
    if (!this.comparing && this.plots[0]) {
      this.attachPlotInput(this.plots[0]);
    }
    const box = this.renderRoot.querySelector('.plot-box');
    if (box) this.resize.observe(box);
    // Single and compared render different chart boxes: the chart follows its canvas.
    this.lossChart.attach();
  }

  protected override drawFrame(): void {
    const tokens = this.tokens;
    const s = this.settings;
    const theme = plotThemeOf(tokens);
    const k = this.playback.k;
    this.plots.forEach((plot, i) => {
      const lane = this.lanes[i];
      if (!lane) return;
      // Observed (the lanes' boxes share one width); read from layout only before the first report.
      const width = Math.max(160, this.resize.width || plot.canvas.parentElement?.clientWidth || 320);
      const color = toneColor(tokens, lane.tone);
      const at = indexAt(lane, k);
      plot.setTheme(theme);
      plot.setLang(this.i18n.lang);
      if (plot instanceof CurvePlot) {
        plot.setCurve(s.objective as Curve);
        plot.resize(width, Math.round(Math.min(width * 0.75, 360)), this.pixelRatio);
        plot.draw({
          paths: [{ xs: lane.run.path.map((p) => p[0]), color, upTo: at }],
          start: s.start[0],
          minima: [],
        });
      } else {
        const surface = s.objective as Surface;
        plot.setSurface(surface);
        plot.resize(width, Math.min(heightForWidth(width, surface.domain), Math.round(width * 1.1)), this.pixelRatio);
        plot.draw({
          minima: surface.minima,
          paths: [{ points: lane.run.path, color, width: 2.5, upTo: at }],
          start: s.start,
          points: [{ at: lane.run.path[at], color, radius: 5 }],
        });
      }
    });
    this.drawRunsChart(tokens);
  }

  // ---- render ----

  protected override render() {
    const t = this.t;
    const s = this.settings;
    return html`
      <div class="frame" part="frame">
        ${this.renderTitle(`${t.optimizerNames[s.optimizer]}${this.comparing ? '' : ` · η = ${this.numbers.setting(s.options.lr)}`}`)}
        ${this.renderNotes()} ${this.comparing ? this.renderLanes() : this.renderSingle()} ${this.renderToolbar()}
        ${this.comparing ? nothing : this.renderFormula()}
        ${this.comparing
          ? nothing
          : this.renderSettingsPanel(() => html`${this.renderRateField()}${this.renderOptimizerFields({ surfaceChoice: false, lrRange: this.range, lr: false })}`)}
        ${this.renderAnnouncement()}
        <p class="hint" id="hint">${this.hint()}</p>
        ${this.renderAuthoring()}
      </div>
    `;
  }

  /** What the reader can do, naming only the controls shown: no slider to drag without the settings, no play button without the play row. */
  private hint(): string {
    const t = this.t;
    if (this.comparing) return this.showsPlayControls ? t.compareHint : t.compareHintWithoutButtons;
    return this.showsSettings ? t.curveHint : t.curveHintWithoutSlider;
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
          (lane) => html`<div class="lane">
            <div class="plot-box">
              <canvas class="plot" part="plot" role="img" aria-label=${`${this.plotLabel()}, ${this.t.compareLabel(this.numbers.setting(lane.lr))}`}></canvas>
            </div>
            ${this.renderRegime(lane, false, lane.tone)}
          </div>`,
        )}
      </div>
      ${this.renderRunsLegend()}
      <div class="chart-box" part="chart"><canvas class="chart"></canvas></div>`;
  }

  /** The label of one run, in words and colour. */
  private renderRegime(lane: RateLane, live: boolean, tone?: string) {
    const t = this.t;
    return html`<div class="regime ${lane.regime}" part="regime" role=${live ? 'status' : nothing} aria-live=${live ? 'polite' : nothing}>
      <strong>${tone ? html`<span class="swatch tone-${tone}"></span> ` : nothing}${t.compareLabel(this.numbers.setting(lane.lr))} · ${t.regimes[lane.regime]}</strong>
      <span>${t.regimeSentence(this.regimeWords(lane))}</span>
    </div>`;
  }

  /** A number in a sentence: 3 significant digits, no trailing zeros, in the reader's language. */
  private significant(v: number): string {
    return this.numbers.text(v, 3, { trimZeros: true });
  }

  /** The numbers the label's sentence quotes, to 3 significant digits. */
  private regimeWords(lane: RateLane): RegimeWords {
    const r = lane.reading;
    const words: RegimeWords = {
      regime: r.regime,
      basis: r.basis,
      updates: r.updates,
      stop: r.stop,
      steps: this.settings.steps,
      reversals: this.numbers.percent(reversalFraction(lane.run)),
      divergedAt: r.divergedAt,
      longerSteps: r.longerSteps,
    };
    if (r.largest !== undefined && r.smallest !== undefined && r.stiffFactor !== undefined && r.shallowShare !== undefined) {
      words.stiffFactor = this.significant(r.stiffFactor);
      words.stiffSize = this.significant(Math.abs(r.stiffFactor));
      words.largest = this.significant(r.largest);
      words.smallest = this.significant(r.smallest);
      words.condition = this.significant(r.largest / r.smallest);
      words.shallowPercent = this.numbers.percent(r.shallowShare);
    }
    return words;
  }

  /** The learning-rate slider with 1/L and 2/L marked on its track. */
  private renderRateField() {
    const t = this.t;
    const c = this.critical;
    const marks = c
      ? [
          { rate: c.optimal, label: t.criticalMarks.optimal, side: 'before' as const },
          { rate: c.limit, label: t.criticalMarks.limit, side: 'after' as const },
        ].filter((m) => m.rate >= this.range.min && m.rate <= this.range.max)
      : [];
    const track =
      marks.length > 0
        ? html`<div class="track-marks" aria-hidden="true">
            <div class="marks">
              <svg>
                ${marks.map((m) => {
                  const x = `${(100 * toLogPosition(m.rate, this.range)).toFixed(2)}%`;
                  return svg`<line x1=${x} x2=${x} y1="0" y2="8"></line>`;
                })}
              </svg>
              ${marks.map((m) => html`<span class="mark-label ${m.side}" ${ref(placeAt(markLabelLeft(toLogPosition(m.rate, this.range), m.side)))}>${m.label}</span>`)}
            </div>
          </div>`
        : undefined;
    return html`${this.renderLrField(this.range, track)}
      ${c ? html`<p class="critical field wide">${t.criticalMarks.explain(this.numbers.setting(c.optimal), this.numbers.setting(c.limit))}${this.renderCondition(c)}</p>` : nothing}`;
  }

  /** Unequal curvatures: why the fastest rate without overshoot is slow along the shallow direction. */
  private renderCondition(c: CriticalRates) {
    const mu = c.curvatures[0];
    const L = c.curvatures[c.curvatures.length - 1];
    // Condition numbers that round to 1 say nothing.
    if (!(mu > 0) || +(L / mu).toPrecision(3) === 1) return nothing;
    return html` ${this.t.criticalMarks.condition(this.significant(mu), this.significant(L), this.significant(L / mu), this.numbers.percent(1 - mu / L))}`;
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

/** The width of a mark's label box under the track, in em: "1/L" and "2/L" fit. */
const MARK_LABEL_EM = 2.1;

/**
 * Where a mark's label box starts, as CSS: 1/L's box ends at its line, 2/L's starts at
 * its line (they are a factor 2 apart, close on a track of decades, so they lean apart),
 * each clamped so that both boxes stay on the track side by side: 1/L's right edge
 * clamp(w, p, 100% - w) never passes 2/L's left edge clamp(w, p', 100% - w) for p <= p',
 * and neither box runs off an end of the track (or onto the number box beside it).
 */
function markLabelLeft(position: number, side: 'before' | 'after'): string {
  const w = `${MARK_LABEL_EM}em`;
  const at = `${(100 * position).toFixed(2)}%`;
  return side === 'before' ? `clamp(0px, calc(${at} - ${w}), calc(100% - 2 * ${w}))` : `clamp(${w}, ${at}, calc(100% - ${w}))`;
}

/**
 * Sets an element's `left` through the CSSOM, as the plots size their canvases: a
 * `style` attribute is refused under a Content-Security-Policy without 'unsafe-inline'.
 */
function placeAt(left: string) {
  return (el?: Element) => {
    if (el instanceof HTMLElement) el.style.left = left;
  };
}


function minimaOf(objective: FigureObjective): ReadonlyArray<ArrayLike<number>> {
  return objective.dim === 2 ? objective.minima : objective.minima.map((x) => [x]);
}

