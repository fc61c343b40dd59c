/**
 * What every figure of optimizers on one objective shares: the attributes (surface or
 * expression, optimizer and its hyperparameters, start, steps, tolerance, speed),
 * reading them with safe defaults, its lanes (one run from the core's `descend` each:
 * the explorer has one, the slider one per rate, the race one per optimizer), their
 * playback, the update formula of the first lane with the current numbers, the runs
 * chart, the toolbar, the hyperparameter fields and the attributes the copy tools
 * write. Elements extend it, say which lanes they run (`makeLanes`) and add their own
 * pictures (`<gd-explorer>`, `<gd-lr-slider>`, `<gd-momentum-race>`).
 */
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  OPTIMIZER_NAMES,
  SURFACE_NAMES,
  ExpressionError,
  createOptimizer,
  descend,
  getSurface,
  parseSurface,
  isAdaptive,
  readsSetting,
  type Curve,
  type Descent,
  type Domain,
  type OptimizerName,
  type ResolvedOptimizerOptions,
  type Surface,
} from '../core/index.js';
import type { Status } from '../i18n/messages.js';
import { alignedTex, formula, substitutedUpdateRule, symbolicUpdateRule } from '../formula/index.js';
import { PlotInput, type CurvePlot, type SurfacePlot } from '../plot/index.js';
import { LIVE_CHART_THROTTLE_MS, chartLegend, chooseAxisType, hiddenBehind, type SeriesTone } from '../chart/index.js';
import { chartThemeOf, type ThemeTokens } from '../theme/theme.js';
import { errorWindow, numberAttribute, parseStrictNumber, quotedValue, shortNumber, type NumberRule } from './attributes.js';
import { FigureElement } from './figure-element.js';
import { logSliderField, numberField, ruleSettingFields } from './fields.js';
import { indexAt, lastFrame, lossSeries, pointAt, stepDetail, toneColor, updateOf, type DescentLane } from './lanes.js';
import { PlaybackController } from './playback.js';
import { SURFACE_PRESETS, expressionPreset, type SurfacePreset } from './presets.js';
import type { AttributeMap } from './shortcode.js';
import { DEFAULT_DOMAIN, OPTIMIZER, type DescentAttributes } from '../spec/common.js';
import type { ChoiceAttribute, OtherAttribute } from '../spec/types.js';

/** While playing, the update formula re-renders at most once per this many milliseconds. */
const FORMULA_THROTTLE_MS = 250;

/** A surface f(x, y), or a curve f(x) for figures that draw one. */
export type FigureObjective = Surface | Curve;

/** Everything a run depends on, read from the attributes with bad values replaced. */
export interface DescentSettings {
  objective: FigureObjective;
  /** The `surface` attribute's value ('rosenbrock'), or null for an expression. */
  surfaceName: string | null;
  optimizer: OptimizerName;
  options: ResolvedOptimizerOptions;
  /** x for a curve, [x, y] for a surface. */
  start: number[];
  steps: number;
  tolerance: number;
  speed: number;
}

export type { GdStepDetail, GdStopDetail } from './lanes.js';

export interface FigureDefaults {
  surface: string;
  /** An expression shown when neither `surface` nor `expression` is given (the named surface otherwise). */
  expression?: string;
  steps: number;
  speed: number;
  tolerance: number;
}

/** The attributes of a figure's contract (src/spec/) that DescentFigure reads. */
export interface DescentSpec {
  readonly attributes: DescentAttributes;
}

/** The plot of a typed expression without a `domain`. */
export { DEFAULT_DOMAIN };
/** Attributes whose change means new settings. */
const INPUTS = new Set([
  'surface', 'expression', 'domain', 'optimizer', 'lr', 'beta', 'beta1', 'beta2', 'eps', 'clip', 'ema', 'start', 'steps',
  'tolerance', 'speed',
]);

export abstract class DescentFigure<L extends DescentLane = DescentLane> extends FigureElement {

  /** A named surface (SURFACE_NAMES). Rules, defaults and meaning of every attribute: the element's contract, src/spec/<tag>.ts. */
  @property() surface?: string;
  /** The function typed as an expression (`x^2 + 10y^2`); overrides `surface`. */
  @property() expression?: string;
  /** The region shown for an expression: "xmin,xmax,ymin,ymax" (or "xmin,xmax" for a curve). */
  @property() domain?: string;
  /** The update rule (OPTIMIZER_NAMES). */
  @property() optimizer?: string;
  /** Learning rate; the default suits the surface and optimizer. */
  @property({ converter: numberAttribute }) lr?: number;
  /** Momentum coefficient (momentum, nesterov) or RMSprop's decay. */
  @property({ converter: numberAttribute }) beta?: number;
  /** Adam's first-moment decay. */
  @property({ converter: numberAttribute }) beta1?: number;
  /** Adam's second-moment decay. */
  @property({ converter: numberAttribute }) beta2?: number;
  /** Added to adaptive denominators. */
  @property({ converter: numberAttribute }) eps?: number;
  /** Largest gradient norm an update may use. */
  @property({ converter: numberAttribute }) clip?: number;
  /** Momentum as an exponential moving average of gradients. */
  @property({ type: Boolean }) ema = false;
  /** Start point: "x,y" on a surface, "x" on a curve; the default suits the function. */
  @property() start?: string;
  /** Most updates in a run. */
  @property({ converter: numberAttribute }) steps?: number;
  /** The run converges when the gradient norm falls below this. */
  @property({ converter: numberAttribute }) tolerance?: number;
  /** Updates per second while playing. */
  @property({ converter: numberAttribute }) speed?: number;
  @state() protected settings!: DescentSettings;
  /** The runs shown, one a lane; the first is the one the readouts, the events and the formula follow. */
  @state() protected lanes: L[] = [];
  @state() protected expressionError: { text: string; message: string; position: number } | null = null;
  protected readonly playback = new PlaybackController(this, {
    speed: () => this.settings.speed,
    last: () => lastFrame(this.lanes),
    stop: () => this.main.run.stop,
    stepDetail: (k) => stepDetail(this.main, k),
    onStop: (k) => (this.announcement = this.stopAnnouncement(k)),
  });
  private objectiveKey = '';
  /** The settings the runs shown were computed from. */
  private settingsKey = '';

  /** This figure's contract: the rules and defaults of its attributes (src/spec/). */
  protected abstract readonly spec: DescentSpec;

  /** Defaults of this figure, from its contract. */
  protected get defaults(): FigureDefaults {
    const a = this.spec.attributes;
    return {
      surface: a.surface.default as string,
      expression: a.expression.default as string | undefined,
      steps: a.steps.default!,
      speed: a.speed.default!,
      tolerance: a.tolerance.default!,
    };
  }

  // ---- read-only state for scripts ----

  /** Updates made so far in the run shown. */
  get iteration(): number {
    this.readIfNotRendered();
    return this.playback.k;
  }

  /** The current point: [x, y] on a surface, [x] on a curve. */
  get position(): number[] {
    this.readIfNotRendered();
    return pointAt(this.main, this.playback.k);
  }

  /** f at the current point. */
  get value(): number {
    this.readIfNotRendered();
    return this.main.run.values[this.shownIndex];
  }

  /** The first lane: the run of the readouts, the formula and the events' details. */
  protected get main(): L {
    return this.lanes[0];
  }

  /** The point of the first lane shown now (it may end before the frame count, beside longer runs). */
  protected get shownIndex(): number {
    return indexAt(this.main, this.playback.k);
  }

  /** 'ready' | 'running' | 'paused' | 'converged' | 'max-steps' | 'diverged'. */
  get status(): Status {
    this.readIfNotRendered();
    return this.playback.status;
  }

  // ---- public methods ----

  /** Plays the run from where it is (from the start once it has ended). */
  play(): void {
    if (this.putOffUntilRendered(() => this.play())) return;
    this.playback.play();
  }

  pause(): void {
    this.playback.pause();
  }

  /** One update. */
  step(): void {
    if (this.putOffUntilRendered(() => this.step())) return;
    this.playback.step();
  }

  /** Back to iteration 0, paused, with the settings as the attributes say (the reader's changes undone). */
  reset(): void {
    if (this.putOffUntilRendered(() => this.reset())) return;
    this.restoreAuthorSettings();
    this.playback.reset();
  }

  // ---- lifecycle ----

  /** What the live region says when the run ends. */
  protected stopAnnouncement(k: number): string {
    return this.t.stopSentence(this.main.run.stop, k, this.numbers.setting(this.settings.tolerance), this.settings.steps);
  }

  /** Properties whose change rereads the settings; subclasses add theirs. */
  protected override isInput(name: string): boolean {
    return INPUTS.has(name);
  }

  // ---- settings and the run ----

  /** Reads every attribute, replacing bad ones by defaults with a note, and recomputes the run if it changed. */
  protected override configure(): void {
    const r = this.reader;
    const a = this.spec.attributes;
    const { objective, surfaceName } = this.readObjective();
    const optimizer = r.choice('optimizer', this.setting('optimizer'), OPTIMIZER_NAMES, (OPTIMIZER as ChoiceAttribute<OptimizerName>).default as OptimizerName);
    const preset = this.presetFor(objective, surfaceName);
    const clip = r.number('clip', this.setting('clip'), a.clip, a.clip.default!, this.t.off);
    const lrRule = this.lrRule();
    const lrDefault = Math.min(lrRule.max, Math.max(lrRule.min, isAdaptive(optimizer) ? preset.lr.adaptive : preset.lr.plain));
    const options: ResolvedOptimizerOptions = {
      lr: r.number('lr', this.setting('lr'), lrRule, lrDefault),
      beta: r.number('beta', this.setting('beta'), a.beta, a.beta.default!),
      beta1: r.number('beta1', this.setting('beta1'), a.beta1, a.beta1.default!),
      beta2: r.number('beta2', this.setting('beta2'), a.beta2, a.beta2.default!),
      eps: r.number('eps', this.setting('eps'), a.eps, a.eps.default!),
      ema: this.setting('ema'),
      clip,
    };
    const settings: DescentSettings = {
      objective,
      surfaceName,
      optimizer,
      options,
      start: this.readStart(objective, preset),
      steps: r.number('steps', this.setting('steps'), a.steps, a.steps.default!),
      tolerance: r.number('tolerance', this.setting('tolerance'), a.tolerance, a.tolerance.default!),
      speed: r.number('speed', this.setting('speed'), a.speed, a.speed.default!),
    };
    const previous = this.settings;
    const previousKey = this.settingsKey;
    this.settings = settings;
    this.settingsKey = runKey(settings) + this.runInputs();
    if (previous && this.settingsKey === previousKey) {
      // The same runs: the notes their making wrote (a figure's own lists) still hold.
      this.reader.notes.push(...this.laneNotes);
      return;
    }
    const ended = previous !== undefined && this.playback.ended;
    const before = this.reader.notes.length;
    this.recompute();
    this.laneNotes = this.reader.notes.slice(before);
    // A new function or start point is a new run: shown from its beginning (or whole).
    // Any other change keeps the reader's place: the same iteration of the new run,
    // as far as it goes, still playing if it was.
    const sameStart = previous && startKey(previous) === startKey(settings);
    if (sameStart) this.playback.keep(ended && this.loadAt() === 'end');
    else this.playback.load(this.loadAt());
  }

  /** The notes written while the lanes were made (see configure). */
  private laneNotes: string[] = [];

  /** What else, besides the shared settings, the runs of a figure depend on (its own attributes), as text. */
  protected runInputs(): string {
    return '';
  }

  /** The learning rate's allowed range. */
  protected lrRule(): NumberRule {
    return this.spec.attributes.lr;
  }

  /** The objective: the expression if it parses, else the named surface. Same object while unchanged. */
  private readObjective(): { objective: FigureObjective; surfaceName: string | null } {
    this.expressionError = null;
    const surface = this.setting('surface');
    const expression = this.setting('expression')?.trim() || (surface === undefined ? this.defaults.expression : undefined);
    if (expression) {
      try {
        const objective = this.cached(`${expression}\u0000${this.domain ?? ''}`, () => this.parseExpression(expression));
        return { objective, surfaceName: null };
      } catch (error) {
        const e = error instanceof ExpressionError ? error : new ExpressionError(String(error instanceof Error ? error.message : error), 0);
        this.expressionError = { text: expression, message: e.message, position: e.position };
        this.reader.message('expression', expression, this.t.badExpression(e.message), `expression="${quotedValue(expression)}": ${e.message}`);
      }
    }
    const name = this.reader.choice('surface', surface, SURFACE_NAMES, this.defaults.surface);
    return { objective: this.cached(name, () => getSurface(name)), surfaceName: name };
  }

  /** A typed expression as this figure's objective (a surface; figures of curves override). */
  protected parseExpression(expression: string): FigureObjective {
    const domain = this.reader.domain('domain', this.domain, domainOf(this.spec.attributes.domain));
    return parseSurface(expression, { x: [domain.x[0], domain.x[1]], y: [domain.y[0], domain.y[1]] });
  }

  /**
   * The objective of `key`, made once; the notes its making wrote (a bad domain) are
   * written again at every reading while it is kept, so they stay on screen.
   */
  private cached(key: string, make: () => FigureObjective): FigureObjective {
    if (this.settings && this.objectiveKey === key) {
      this.reader.notes.push(...this.objectiveNotes);
      return this.settings.objective;
    }
    const before = this.reader.notes.length;
    const objective = make();
    this.objectiveKey = key;
    this.objectiveNotes = this.reader.notes.slice(before);
    return objective;
  }

  private objectiveNotes: string[] = [];

  /** Start and learning rate that suit the objective; figures may prefer their own for a surface. */
  protected presetFor(objective: FigureObjective, surfaceName: string | null): SurfacePreset {
    if (surfaceName) return SURFACE_PRESETS[surfaceName];
    if (objective.dim === 2) return expressionPreset(objective.domain);
    // A curve: start at 5/6 of the way (x = 2 on [-3, 3]); a rate that converges at a glance on x^2.
    const [a, b] = objective.domain.x;
    return { start: [a + (5 / 6) * (b - a), 0], lr: { plain: 0.3, adaptive: 0.1 } };
  }

  private readStart(objective: FigureObjective, preset: SurfacePreset): number[] {
    const start = this.setting('start');
    if (objective.dim === 2) return this.reader.point('start', start, objective.domain, preset.start);
    const [a, b] = objective.domain.x;
    const x = start === undefined ? undefined : parseStrictNumber(start);
    return [this.reader.number('start', x, { min: a, max: b }, preset.start[0])];
  }

  /** Fresh lanes of the current settings, from the start point. */
  protected recompute(): void {
    this.lanes = this.makeLanes();
    this.announcement = '';
  }

  /** The lanes of the current settings (at least one): the explorer's one run, the slider's rates, the race's optimizers. */
  protected abstract makeLanes(): L[];

  /** One optimizer's run of the current settings from the start point, as a lane. */
  protected descentLane(id: string, tone: SeriesTone, optimizer: OptimizerName, options: ResolvedOptimizerOptions): DescentLane {
    const s = this.settings;
    const run = descend(s.objective, createOptimizer(optimizer, options), s.start, { steps: s.steps, tolerance: s.tolerance });
    return { id, tone, optimizer, options, run };
  }

  /** Where a new run is shown from: its start, ready to play (figures that show it all at once say 'end'). */
  protected loadAt(): 'start' | 'end' {
    return 'start';
  }

  /** A start point picked on the plot: a new run at once, announced. */
  protected pickStart(point: readonly number[], final: boolean): void {
    const round = (v: number) => +v.toPrecision(3);
    const p = point.slice(0, this.settings.objective.dim).map(round);
    this.change({ start: p.join(',') });
    this.readAttributes(); // now, so the announcement below outlives the new run
    if (final) this.announcement = this.t.movedStart(this.numbers.point(p, 3, { trimZeros: true }));
  }

  /** Clicks, taps, drags and arrow keys on `plot` pick the start point; Space or Enter plays. */
  protected attachPlotInput(plot: SurfacePlot | CurvePlot): void {
    this.input?.detach();
    this.input = new PlotInput(plot.canvas, plot, {
      onPick: (point, info) => this.pickStart(point, info.final),
      onToggle: () => this.playback.toggle(),
      // On a curve the plot's points are (x, f(x)): the start is x alone.
      current: () => (this.settings.objective.dim === 2 ? this.settings.start : [this.settings.start[0], 0]),
    });
  }

  /**
   * For each lane, the lane whose loss curve covers it on the runs chart (within a pixel,
   * over the whole run), or null: see chart/coincide.ts. The chart's left axis is
   * logarithmic while every value is positive. Cached for the same runs.
   */
  private hiddenRuns(): (number | null)[] {
    const runs = this.lanes.map((l) => l.run);
    const cache = this.hiddenCache;
    if (cache && cache.runs.length === runs.length && cache.runs.every((r, i) => r === runs[i])) return cache.hidden;
    const values = runs.map((r) => r.values);
    const log = chooseAxisType(true, 'linear', values) === 'logarithmic';
    // The plotting area's height once the chart has laid out; before, a typical one.
    const pixels = this.lossChart.chart?.chart.chartArea?.height || 180;
    const hidden = hiddenBehind(values, { log, pixels });
    this.hiddenCache = { runs: [...runs], hidden };
    return hidden;
  }

  private hiddenCache?: { runs: Descent[]; hidden: (number | null)[] };

  /** A lane's name in the legend and on the chart: its optimizer's (the slider names its rates). */
  protected laneLabel(lane: L): string {
    return this.t.optimizerNames[lane.optimizer];
  }

  /** The legend of the runs chart: a run drawn over another says so ("same curve as ..."), with a dashed swatch as its line is dashed. */
  protected renderRunsLegend() {
    const hidden = this.hiddenRuns();
    const labels = this.lanes.map((l) => this.laneLabel(l));
    return chartLegend(
      this.lanes.map((lane, i) => {
        const under = hidden[i];
        return under === null ? { label: labels[i], tone: lane.tone } : { label: labels[i], tone: lane.tone, dashed: true, note: this.t.sameCurveAs(labels[under]) };
      }),
    );
  }

  /**
   * The loss of each lane against iteration, on one chart, each in its colour; as far as
   * the playback has gone. A run whose curve lies under another's is dashed and drawn on
   * top, so both colours show.
   */
  protected drawRunsChart(tokens: ThemeTokens): void {
    const k = this.playback.k;
    const hidden = this.hiddenRuns();
    this.lossChart.draw({
      series: this.lanes.map((lane, i) => {
        const covered = hidden[i] !== null;
        const { xs, ys } = lossSeries(lane, k);
        return { label: this.laneLabel(lane), color: toneColor(tokens, lane.tone), axis: 'left' as const, dashed: covered, front: covered, xs, ys };
      }),
      xLabel: this.t.chartIteration,
      leftLabel: 'f',
      description: this.t.lossChartLabel,
      lang: this.i18n.lang,
      theme: chartThemeOf(tokens),
      xMin: 0,
      xMax: Math.max(10, lastFrame(this.lanes)),
    }, { throttleMs: this.playback.playing || this.interacting ? LIVE_CHART_THROTTLE_MS : 0 });
  }

  /**
   * The numbers of the update the formula shows: the one that led to the point shown
   * (after a step, the step just made; once the run has played, its last update), or
   * at the start the first, about to be made. Null for a run without updates.
   */
  protected currentUpdate() {
    return updateOf(this.main, this.formulaStep());
  }

  /** The index of the update the formula shows: x_k -> x_{k+1} with k one less than the iteration shown, 0 at the start. */
  protected formulaStep(): number {
    return Math.max(0, this.shownIndex - 1);
  }

  /** The numbers of the next update, from the point shown, or null once the run has ended. */
  protected nextUpdate() {
    return updateOf(this.main, this.shownIndex);
  }

  // ---- shared parts of the render ----

  protected override renderNotes() {
    return html`${super.renderNotes()} ${this.renderExpressionError()}`;
  }

  /** The typed expression with a caret under the place the parser stopped (a window around it when long). */
  private renderExpressionError() {
    const e = this.expressionError;
    if (!e) return nothing;
    const { text, caret } = errorWindow(e.text, e.position);
    return html`<pre class="expression-error" aria-hidden="true">${text}\n${' '.repeat(caret)}^</pre>`;
  }

  /** The objective's name: the surface's in the reader's language, or the formula typed. */
  protected objectiveLabel(): string {
    const s = this.settings;
    if (s.surfaceName) return this.t.surfaceNames[s.surfaceName] ?? s.surfaceName;
    return `${s.objective.dim === 2 ? 'f(x, y)' : 'f(x)'} = ${s.objective.name}`;
  }

  protected renderTitle(subtitle: unknown) {
    const s = this.settings;
    const heading = s.surfaceName
      ? this.objectiveLabel()
      : html`<span ${formula(`${s.objective.dim === 2 ? 'f(x, y)' : 'f(x)'} = ${this.numbers.texLiterals(s.objective.tex)}`, { displayMode: false, label: this.objectiveLabel() })}></span>`;
    return html`<div class="title">
      <h2>${heading}</h2>
      <span class="subtitle">${subtitle}</span>
    </div>`;
  }

  /** Play or pause, step, reset and speed, as `controls` allows (see renderPlayControls). */
  protected renderToolbar() {
    const p = this.playback;
    return this.renderPlayControls({
      playing: p.playing,
      ended: p.ended,
      atStart: p.k === 0 && !this.readerChanges.any,
      toggle: () => p.toggle(),
      step: () => this.step(),
      reset: () => this.reset(),
      speed: this.settings.speed,
      setSpeed: (v) => this.change({ speed: v }),
      speedText: (v) => this.t.stepsPerSecond(this.numbers.setting(v)),
    });
  }

  /**
   * How often the formula may re-render, in milliseconds: at most four times a second
   * while playing (KaTeX builds and lays out hundreds of nodes, and nobody reads sixty
   * sets of numbers a second), at once otherwise, so a step, a pause or the end of the
   * run shows its numbers in the same frame. The formula always ends on the latest numbers.
   */
  protected get formulaThrottleMs(): number {
    return this.playback.playing ? FORMULA_THROTTLE_MS : 0;
  }

  /** The update that led to the point shown (at the start, the first), with its numbers; the symbolic rule for a run without updates. */
  protected renderFormula() {
    const s = this.settings;
    const record = this.currentUpdate();
    const lines = record
      ? substitutedUpdateRule(s.optimizer, s.options, record, { numbers: this.numbers })
      : symbolicUpdateRule(s.optimizer, s.options, s.objective.dim);
    return html`<div class="formula" part="formula" tabindex="0" ${formula(alignedTex(lines, { breakChains: this.narrow }), { label: this.t.formulaLabel, throttleMs: this.formulaThrottleMs })}></div>`;
  }

  /** The surface choice (for figures of surfaces), the optimizer and every hyperparameter. */
  protected renderOptimizerFields(options: { surfaceChoice: boolean; lrRange: { min: number; max: number }; lr?: boolean }) {
    const t = this.t;
    const s = this.settings;
    const o = s.options;
    const numbers = this.numbers;
    // A typed expression is "f(x, y)" in the menu: its whole text would not fit a phone's
    // select, and the title above writes it out.
    const typed = s.surfaceName ? nothing : html`<option value="" selected>${t.expression}</option>`;
    return html`
      ${options.surfaceChoice
        ? html`<label class="field"
            >${t.surface}
            <select @change=${(e: Event) => this.chooseSurface((e.target as HTMLSelectElement).value)}>
              ${SURFACE_NAMES.map((n) => html`<option value=${n} ?selected=${n === s.surfaceName}>${t.surfaceNames[n]}</option>`)}
              ${typed}
            </select>
          </label>`
        : nothing}
      <label class="field"
        >${t.optimizer}
        <select @change=${(e: Event) => this.change({ optimizer: (e.target as HTMLSelectElement).value })}>
          ${OPTIMIZER_NAMES.map((n) => html`<option value=${n} ?selected=${n === s.optimizer}>${t.optimizerNames[n]}</option>`)}
        </select>
      </label>
      ${options.lr === false ? nothing : this.renderLrField(options.lrRange)}
      ${ruleSettingFields({ optimizer: s.optimizer, options: o, labels: { momentum: t.momentum, decay: t.decay }, numbers, change: (c) => this.change(c) })}
      ${readsSetting(s.optimizer, 'ema')
        ? html`<label class="checkbox"
            ><input type="checkbox" .checked=${o.ema} @change=${(e: Event) => this.change({ ema: (e.target as HTMLInputElement).checked })} />
            ${t.ema}</label
          >`
        : nothing}
      <details class="more">
        <summary>${t.moreSettings}</summary>
        <div class="settings">
          ${numberField({ id: 'steps', numbers, label: t.maxSteps, value: s.steps, min: this.spec.attributes.steps.min, max: this.spec.attributes.steps.max, step: 1, onChange: (v) => this.change({ steps: v }) })}
          ${numberField({ id: 'tolerance', numbers, label: t.tolerance, value: s.tolerance, min: 1e-12, max: 1e6, onChange: (v) => this.change({ tolerance: v }) })}
          ${numberField({
            id: 'clip',
            numbers,
            label: t.clip,
            value: o.clip < Infinity ? o.clip : undefined,
            min: 1e-9,
            max: 1e9,
            placeholder: t.off,
            onChange: (v) => this.change({ clip: v }),
          })}
          ${readsSetting(s.optimizer, 'eps') ? numberField({ id: 'eps', numbers, label: 'ε', value: o.eps, min: 1e-12, max: 1, onChange: (v) => this.change({ eps: v }) }) : nothing}
        </div>
      </details>
    `;
  }

  /** The logarithmic learning-rate slider with the exact value beside it. */
  protected renderLrField(range: { min: number; max: number }, underTrack?: unknown) {
    return logSliderField({
      id: 'lr',
      label: this.t.learningRate,
      symbol: 'η',
      numbers: this.numbers,
      value: this.settings.options.lr,
      range,
      onInput: (v) => this.change({ lr: v }),
      underTrack,
    });
  }

  // ---- handlers ----

  /** Another surface, with its own start point and rate. */
  private chooseSurface(name: string): void {
    if (!name) return;
    this.change({ expression: undefined, surface: name, start: undefined, lr: undefined });
  }

  /** The attributes that reproduce what the reader sees now, for the copy buttons. */
  protected override stateAttributes(): AttributeMap {
    const s = this.settings;
    const o = s.options;
    const a = this.spec.attributes;
    // The rule's own settings, where they differ from their defaults (ema: when on).
    const own = (name: 'beta' | 'beta1' | 'beta2' | 'eps') =>
      readsSetting(s.optimizer, name) && o[name] !== a[name].default ? shortNumber(o[name]) : undefined;
    return {
      surface: s.surfaceName ?? undefined,
      expression: s.surfaceName ? undefined : s.objective.name,
      domain: s.surfaceName || !this.domain ? undefined : domainText(s.objective),
      optimizer: s.optimizer,
      lr: shortNumber(o.lr),
      beta: own('beta'),
      beta1: own('beta1'),
      beta2: own('beta2'),
      eps: own('eps'),
      ema: readsSetting(s.optimizer, 'ema') && o.ema,
      clip: o.clip < Infinity ? shortNumber(o.clip) : undefined,
      start: s.start.map(shortNumber).join(','),
      steps: s.steps === this.defaults.steps ? undefined : s.steps,
      tolerance: s.tolerance === this.defaults.tolerance ? undefined : shortNumber(s.tolerance),
    };
  }
}

/** A `domain` attribute's default as a Domain. */
function domainOf(attribute: OtherAttribute): Domain {
  const [x0, x1, y0, y1] = attribute.default as readonly number[];
  return { x: [x0, x1], y: [y0, y1] };
}

function domainText(objective: FigureObjective): string {
  return objective.dim === 2 ? `${objective.domain.x.join(',')},${objective.domain.y.join(',')}` : objective.domain.x.join(',');
}

/** The function and the start point: a run from another one begins anew. */
function startKey(s: DescentSettings): string {
  return JSON.stringify([s.objective.name, s.objective.dim, domainText(s.objective), s.start]);
}

/** Two settings give the same run when these agree. */
function runKey(s: DescentSettings): string {
  return JSON.stringify([s.objective.name, s.objective.dim, domainText(s.objective), s.optimizer, s.options, s.start, s.steps, s.tolerance]);
}
