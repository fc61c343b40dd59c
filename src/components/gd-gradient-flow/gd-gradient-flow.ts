/**
 * `<gd-gradient-flow>`: vanishing and exploding gradients, seen layer by layer.
 *
 * A deep network (`depth` hidden layers of `width` units) on a batch of data. The backward
 * pass multiplies the error by each layer's weights and slopes on its way down,
 *
 *   delta^(l) = (W^(l+1))^T delta^(l+1) ⊙ f'(z^(l)),
 *
 * so the first layer's error is a product of depth such factors (core/gradient-flow.ts).
 * The figure shows the activation and its slope, each layer's ||dL/dW_l|| as bars on a
 * log scale with the verdict, clipping, the rule above for one unit with the numbers,
 * and a training run that shows which layers' weights move.
 */
import { css, html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import {
  INIT_NAMES,
  NETWORK_DATASET_NAMES,
  Trainer,
  activate,
  activationSlope,
  biasIndex,
  clipFactor,
  createNetworkModel,
  featuresOf,
  flowVerdict,
  forwardBackward,
  layerErrorNorms,
  layerGradientNorms,
  layerWeightChanges,
  makeDataset,
  weightIndex,
  type Activation,
  type Dataset,
  type FlowVerdict,
  type InitName,
  type NetworkDatasetName,
  type NetworkModel,
} from '../../core/index.js';
import { LIVE_CHART_THROTTLE_MS } from '../../chart/index.js';
import { ResizeController } from '../../controllers/resize.js';
import { formula } from '../../formula/index.js';
import { backwardLines, chainTex, type ChainRuleInput } from '../../formula/chain-rule.js';
import { CurvePlot } from '../../plot/index.js';
import { chartThemeOf, plotThemeOf, type ThemeTokens } from '../../theme/theme.js';
import { numberAttribute, shortNumber } from '../../shared/attributes.js';
import { logSliderField, numberField } from '../../shared/fields.js';
import { FigureElement } from '../../shared/figure-element.js';
import { toneColor, trainLanesTo, type Lane } from '../../shared/lanes.js';
import { PlaybackController, type PlaybackStatus } from '../../shared/playback.js';
import { LR_RANGE } from '../../shared/presets.js';
import { figureStyles } from '../../shared/styles.js';
import { FLOW_ACTIVATIONS, GD_GRADIENT_FLOW } from '../../spec/gd-gradient-flow.js';
import { logBars } from './bars.js';
import { FLOW_WORDS, type FlowWords } from './words.js';

export type FlowStatus = PlaybackStatus<'done' | 'diverged'>;

const A = GD_GRADIENT_FLOW.attributes;
const SPEEDS = [1, 2, 4, 10, 20] as const;
/** The activation is drawn over z in [-Z, Z]. */
const Z = 5;

interface FlowSettings {
  dataset: Dataset<NetworkDatasetName>;
  model: NetworkModel;
  activation: Activation;
  depth: number;
  width: number;
  init: InitName;
  initScale: number;
  clip: number;
  lr: number;
  batchSize: number;
  epochs: number;
  seed: number;
  speed: number;
}

/** What the gradients are at the current weights: computed once per change of weights. */
interface Flow {
  key: string;
  /** ||dL/dW_l||, first layer first, before clipping. */
  weights: number[];
  /** RMS ||delta_l|| over the batch, first layer first. */
  errors: number[];
  /** ||grad L||, the whole gradient's norm (biases too). */
  norm: number;
  /** The first example's pass, for the formula. */
  ratio: number;
  verdict: FlowVerdict;
}

export class GdGradientFlow extends FigureElement {
  protected static override placeholderHeight = { wide: '82em', narrow: '120em' };
  static override styles = [
    ...FigureElement.styles,
    figureStyles,
    css`
      .curves {
        display: grid;
        grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
        gap: 0.8em;
      }
      h3 {
        margin: 0 0 0.333em;
        font-size: 0.8em;
        color: var(--gd-muted);
        font-weight: 600;
      }
      /* Until the boxes are measured (the first frame) the canvases and bars take a guessed width: never wider than their box. */
      canvas.curve {
        display: block;
        max-width: 100%;
      }
      .slope-note,
      .verdict,
      .clip-note,
      .weight-ratio {
        margin: 0.3em 0 0;
        font-size: 0.9em;
      }
      .verdict {
        font-weight: 600;
      }
      .verdict.vanishing,
      .verdict.exploding {
        color: var(--gd-bad);
      }
      .verdict.stable {
        color: var(--gd-good);
      }
      svg.bars {
        display: block;
        overflow: visible;
        max-width: 100%;
      }
      svg.bars .grid {
        stroke: var(--gd-grid);
      }
      svg.bars .tick,
      svg.bars .name {
        fill: var(--gd-muted);
        font-size: 0.75em;
        font-variant-numeric: tabular-nums;
      }
      svg.bars .tick {
        text-anchor: end;
      }
      svg.bars .name {
        text-anchor: middle;
      }
      svg.bars .outer {
        fill: var(--gd-series-1);
        opacity: 0.85;
      }
      svg.bars.changes .outer {
        fill: var(--gd-series-3);
      }
      svg.bars .inner {
        fill: var(--gd-series-2);
      }
      svg.bars .none {
        stroke: var(--gd-muted);
        stroke-width: 2;
      }
      .key {
        display: flex;
        flex-wrap: wrap;
        gap: 0.2em 1.2em;
        font-size: 0.8em;
        color: var(--gd-muted);
        margin: 0.2em 0;
        padding: 0;
        list-style: none;
      }
      .key .swatch {
        display: inline-block;
        width: 0.8em;
        height: 0.8em;
        margin-right: 0.4em;
        vertical-align: middle;
      }
      .key .outer {
        background: var(--gd-series-1);
      }
      .key .inner {
        background: var(--gd-series-2);
      }
      .formula-box .formula {
        min-height: 0;
        overflow-x: auto;
      }
      .empty {
        color: var(--gd-muted);
        font-size: 0.9em;
      }
    `,
  ];

  /** Rules, defaults and meaning of every attribute: src/spec/gd-gradient-flow.ts. */
  @property() activation?: string;
  @property({ converter: numberAttribute }) depth?: number;
  @property({ converter: numberAttribute }) width?: number;
  @property() init?: string;
  @property({ attribute: 'init-scale', converter: numberAttribute }) initScale?: number;
  @property({ attribute: 'dataset' }) dataName?: string;
  @property({ converter: numberAttribute }) samples?: number;
  @property({ converter: numberAttribute }) seed?: number;
  @property({ converter: numberAttribute }) clip?: number;
  @property({ converter: numberAttribute }) lr?: number;
  @property({ attribute: 'batch-size', converter: numberAttribute }) batchSize?: number;
  @property({ converter: numberAttribute }) epochs?: number;
  @property({ converter: numberAttribute }) speed?: number;

  @state() private settings!: FlowSettings;
  @state() private lanes: Lane<Trainer>[] = [];
  /** The hidden layer whose unit 1 the formula follows. */
  @state() private formulaLayer = 1;

  @query('canvas.activation') private activationCanvas!: HTMLCanvasElement;
  @query('canvas.slope') private slopeCanvas!: HTMLCanvasElement;

  protected readonly tag = 'gd-gradient-flow';
  private readonly playback = new PlaybackController<'done' | 'diverged'>(this, {
    speed: () => this.settings.speed,
    last: () => this.settings.epochs,
    stop: () => (this.run.diverged ? 'diverged' : 'done'),
    // The epochs trained: k, or fewer when the run stopped early (diverged).
    stepDetail: (k) => ({ epoch: Math.min(k, this.run.epoch), loss: this.lastLoss }),
    onStop: () => (this.announcement = this.stopSentence()),
    reach: (k) => this.trainTo(k),
  });
  private activationPlot?: CurvePlot;
  private slopePlot?: CurvePlot;
  private readonly curvesSize = new ResizeController(this);
  private modelKey = '';
  private trainKey = '';
  private generation = 0;
  private flowCache: Flow | null = null;
  private start = new Float64Array(0);

  // ---- read-only state for scripts ----

  /** ||dL/dW_l|| at the current weights on the whole batch, first layer first, before clipping. */
  get layerGradientNorms(): number[] {
    this.readIfNotRendered();
    return [...this.flow.weights];
  }

  /** Each layer's error ||delta_l||, root mean square over the batch, first layer first. */
  get layerErrorNorms(): number[] {
    this.readIfNotRendered();
    return [...this.flow.errors];
  }

  get verdict(): FlowVerdict {
    this.readIfNotRendered();
    return this.flow.verdict;
  }

  get status(): FlowStatus {
    this.readIfNotRendered();
    return this.playback.status;
  }

  // ---- public methods ----

  play(): void {
    if (this.putOffUntilRendered(() => this.play())) return;
    this.playback.play();
  }

  pause(): void {
    this.playback.pause();
  }

  step(): void {
    if (this.putOffUntilRendered(() => this.step())) return;
    this.playback.step();
  }

  reset(): void {
    if (this.putOffUntilRendered(() => this.reset())) return;
    this.playback.reset();
    this.restoreAuthorSettings();
  }

  // ---- lifecycle ----

  protected override updated(): void {
    this.drawFrame();
  }

  protected override isInput(name: string): boolean {
    return ['activation', 'depth', 'width', 'init', 'initScale', 'dataName', 'samples', 'seed', 'clip', 'lr', 'batchSize', 'epochs', 'speed'].includes(name);
  }

  // ---- settings and training ----

  private get run(): Trainer {
    return this.lanes[0].run;
  }

  protected override configure(): void {
    const r = this.reader;
    const activation = r.choice('activation', this.setting('activation'), FLOW_ACTIVATIONS, A.activation.default as Activation);
    const depth = r.number('depth', this.setting('depth'), A.depth, A.depth.default!);
    const width = r.number('width', this.setting('width'), A.width, A.width.default!);
    const init = r.choice('init', this.setting('init'), INIT_NAMES, A.init.default as InitName);
    const initScale = r.number('init-scale', this.setting('initScale'), A['init-scale'], A['init-scale'].default!);
    const name = r.choice('dataset', this.setting('dataName'), NETWORK_DATASET_NAMES, A.dataset.default as NetworkDatasetName);
    const samples = r.number('samples', this.setting('samples'), A.samples, A.samples.default!);
    const seed = r.number('seed', this.setting('seed'), A.seed, A.seed.default!);
    const modelKey = JSON.stringify([activation, depth, width, init, initScale, name, samples, seed]);
    let model = this.settings?.model;
    let dataset = this.settings?.dataset;
    if (modelKey !== this.modelKey || !model || !dataset) {
      dataset = makeDataset(name, { samples, seed });
      model = createNetworkModel(dataset, { hidden: Array<number>(depth).fill(width), activation, init, initScale, seed });
      this.modelKey = modelKey;
    }
    const settings: FlowSettings = {
      dataset,
      model,
      activation,
      depth,
      width,
      init,
      initScale,
      clip: r.number('clip', this.setting('clip'), A.clip, A.clip.default!, this.words.off),
      lr: r.number('lr', this.setting('lr'), A.lr, A.lr.default!),
      batchSize: r.number('batch-size', this.setting('batchSize'), { ...A['batch-size'], max: dataset.n }, Math.min(A['batch-size'].default!, dataset.n)),
      epochs: r.number('epochs', this.setting('epochs'), A.epochs, A.epochs.default!),
      seed,
      speed: r.number('speed', this.setting('speed'), A.speed, A.speed.default!),
    };
    const previous = this.settings;
    this.settings = settings;
    if (!previous || previous.model !== model) this.formulaLayer = 1;
    const key = JSON.stringify([modelKey, settings.clip, settings.lr, settings.batchSize, settings.epochs]);
    if (key !== this.trainKey) {
      this.trainKey = key;
      const sameModel = previous !== undefined && previous.model === model && this.lanes.length > 0;
      this.rebuild();
      if (sameModel) this.playback.keep();
      else this.playback.load();
    }
  }

  private rebuild(): void {
    const s = this.settings;
    this.generation++;
    this.flowCache = null;
    this.lanes = [
      {
        id: 'main',
        tone: 'series-1',
        run: new Trainer(s.model, { batchSize: s.batchSize, epochs: s.epochs, seed: s.seed, optimizer: 'gd', options: { lr: s.lr, clip: s.clip } }),
      },
    ];
    this.start = Float64Array.from(this.run.params);
    this.announcement = '';
  }

  /** The playback's `reach` (trainLanesTo): up to epoch k; epoch 0 is a new start. */
  private trainTo(k: number): number {
    if (k === 0 && this.run.updates > 0) this.rebuild();
    return trainLanesTo(this.lanes, k, this.settings.epochs);
  }

  private get lastLoss(): number {
    const h = this.run.history.loss;
    return h[h.length - 1];
  }

  /** The gradients at the current weights (cached until they change). */
  private get flow(): Flow {
    const run = this.run;
    const key = `${this.generation}|${run.updates}`;
    if (this.flowCache?.key === key) return this.flowCache;
    const { model, dataset } = this.settings;
    const params = this.flowParams;
    const grad = new Float64Array(model.dim);
    model.objective().evaluate(Float64Array.from(params), grad);
    const weights = layerGradientNorms(model.spec, grad);
    let norm2 = 0;
    for (const g of grad) norm2 += g * g;
    const inputs = Array.from({ length: dataset.n }, (_, i) => featuresOf(dataset, i));
    const errors = layerErrorNorms(model.spec, params, inputs, Array.from(dataset.y));
    const ratio = errors[0] / errors[errors.length - 1];
    this.flowCache = { key, weights, errors, norm: Math.sqrt(norm2), ratio, verdict: flowVerdict(ratio) };
    return this.flowCache;
  }

  /**
   * The weights the gradients are taken at: the current ones, or the initial ones once
   * training has diverged (NaN weights have no gradient to show; the start is what
   * sent them off).
   */
  private get flowParams(): Float64Array {
    return this.run.params.every(Number.isFinite) ? this.run.params : this.start;
  }

  private stopSentence(): string {
    const w = this.words;
    const h = this.run.history;
    if (this.run.diverged) return w.divergedSentence(Math.ceil(h.epoch[h.epoch.length - 1]));
    return w.doneSentence(this.run.epoch, this.numbers.text(this.lastLoss));
  }

  // ---- canvases ----

  protected override setUpCanvases(): void {
    this.activationPlot ??= new CurvePlot(this.activationCanvas);
    this.slopePlot ??= new CurvePlot(this.slopeCanvas);
    this.resize.observe(this.renderRoot.querySelector('.bars-box')!);
    this.curvesSize.observe(this.renderRoot.querySelector('.curve-box')!);
    this.lossChart.attach();
  }

  protected override drawFrame(): void {
    if (!this.activationPlot || !this.slopePlot) return;
    const tokens = this.tokens;
    const theme = plotThemeOf(tokens);
    const f = this.settings.activation;
    // As wide as its column (two columns of about 110 px in a 260 px page), never wider: a wider canvas scrolls the panel sideways.
    const width = Math.max(40, this.curvesSize.width || 200);
    const height = Math.round(Math.min(width * 0.7, 200));
    const slopeMax = f === 'sigmoid' ? 0.25 : 1;
    const curves: [CurvePlot, (z: number) => number, [number, number]][] = [
      [this.activationPlot, (z) => activate(f, z), f === 'relu' ? [-0.5, Z] : f === 'sigmoid' ? [-0.1, 1.1] : [-1.1, 1.1]],
      [this.slopePlot, (z) => activationSlope(f, z), [-0.05 * slopeMax, 1.15 * slopeMax]],
    ];
    for (const [plot, value, y] of curves) {
      plot.setTheme(theme);
      plot.setLang(this.i18n.lang);
      plot.setCurve({ value, domain: { x: [-Z, Z] } }, { x: [-Z, Z], y });
      plot.setAxisNames('z', '');
      plot.resize(width, height, this.pixelRatio);
    }
    this.activationPlot.draw({});
    // The largest slope: at z = 0 for the sigmoid and tanh; ReLU's is 1 wherever z > 0.
    const at = f === 'relu' ? 1 : 0;
    this.slopePlot.draw({ points: [{ x: at, y: slopeMax, color: tokens.accent, radius: 4, label: this.words.largestSlope(f === 'sigmoid' ? '1/4' : '1') }] });
    this.drawChart(tokens);
  }

  private drawChart(tokens: ThemeTokens): void {
    const w = this.words;
    const h = this.run.history;
    this.lossChart.draw(
      {
        series: [{ label: w.loss, color: toneColor(tokens, 'series-1'), axis: 'left' as const, xs: h.epoch, ys: h.loss }],
        xLabel: w.epochs,
        leftLabel: w.loss,
        description: this.t.lossChartLabel,
        lang: this.i18n.lang,
        theme: chartThemeOf(tokens),
        xMin: 0,
      },
      { throttleMs: this.playback.playing || this.interacting ? LIVE_CHART_THROTTLE_MS : 0 },
    );
  }

  // ---- render ----

  private get words(): FlowWords {
    return FLOW_WORDS[this.i18n.lang];
  }

  protected override render() {
    const w = this.words;
    const s = this.settings;
    const f = s.activation as 'sigmoid' | 'tanh' | 'relu';
    const shape = `${s.dataset.d}–${s.width}×${s.depth}–${s.model.spec.sizes[s.model.spec.sizes.length - 1]}`;
    return html`
      <div class="frame" part="frame">
        <div class="title">
          <h2>${w.title(s.depth, w.activations[f])}</h2>
          <span class="subtitle">${w.subtitle(shape, w.inits[s.init], s.dataset.n)}</span>
        </div>
        ${this.renderNotes()}
        <div part="activation">
          <div class="curves">
            <div class="curve-box"><h3>${w.activationTitle}</h3><canvas class="curve activation" role="img" aria-label=${w.activationTitle}></canvas></div>
            <div><h3>${w.slopeTitle}</h3><canvas class="curve slope" role="img" aria-label=${w.slopeTitle}></canvas></div>
          </div>
          <p class="slope-note">${w.slopeNote[f]}</p>
        </div>
        ${this.renderBars()} ${this.renderFormula()}
        ${this.renderPlayControls({
          playing: this.playback.playing,
          ended: this.playback.ended,
          atStart: this.status === 'ready' && !this.readerChanges.any,
          toggle: () => this.playback.toggle(),
          step: () => this.step(),
          reset: () => this.reset(),
          speed: s.speed,
          setSpeed: (v) => this.change({ speed: v }),
          speedText: (v) => w.epochsPerSecond(this.numbers.setting(v)),
          speeds: SPEEDS,
        })}
        ${this.renderChanges()}
        <div class="chart-box" part="chart"><canvas class="chart"></canvas></div>
        ${this.renderSettings()} ${this.renderAnnouncement()} ${this.renderAuthoring()}
      </div>
    `;
  }

  /** "1", "2", ..., and the output layer's name. */
  private layerNames(): string[] {
    const L = this.settings.model.spec.sizes.length - 1;
    return Array.from({ length: L }, (_, l) => (l === L - 1 ? this.words.lastLayer : String(l + 1)));
  }

  private renderBars() {
    const w = this.words;
    const s = this.settings;
    const flow = this.flow;
    const n = this.numbers;
    const clipping = s.clip < Infinity;
    const factor = clipFactor(flow.norm, s.clip);
    const inner = clipping ? flow.weights.map((v) => v * factor) : null;
    const names = this.layerNames();
    // An exact zero (every unit of a layer dead) is "0", never "0.00".
    const text = (v: number) => (v === 0 ? '0' : n.text(v));
    const ratioText = text(flow.ratio);
    return html`<div class="bars-box" part="bars">
      <h3>${w.barsTitle}</h3>
      ${clipping
        ? html`<ul class="key">
            <li><span class="swatch outer"></span>${w.unclipped}</li>
            <li><span class="swatch inner"></span>${w.clipped}</li>
          </ul>`
        : nothing}
      ${logBars({
        values: flow.weights,
        inner,
        width: Math.max(200, this.resize.width || 320),
        names,
        label: w.barsLabel,
        title: (i) => `${w.layer} ${names[i]}: ${n.text(flow.weights[i])}${inner ? ` → ${n.text(inner[i])}` : ''}`,
      })}
      <p class="verdict ${flow.verdict}" role="status">${w.verdict[flow.verdict](ratioText)}</p>
      ${this.flowParams === this.start && this.run.updates > 0 ? html`<p class="weight-ratio">${w.atStart}</p>` : nothing}
      <p class="weight-ratio">${w.weightRatio(text(flow.weights[0] / flow.weights[flow.weights.length - 1]))}</p>
      ${clipping
        ? html`<p class="clip-note">${factor < 1 ? w.clipNote(n.text(flow.norm), n.setting(s.clip), n.text(flow.norm * factor)) : w.clipNoteUnder(n.text(flow.norm), n.setting(s.clip))}</p>`
        : nothing}
    </div>`;
  }

  /** delta of unit 1 of the chosen hidden layer for the batch's first example, with the numbers, and the layer's error ratio. */
  private renderFormula() {
    const w = this.words;
    const s = this.settings;
    const spec = s.model.spec;
    const L = spec.sizes.length - 1;
    const l = Math.min(this.formulaLayer, L - 1);
    const params = this.flowParams;
    const grad = new Float64Array(s.model.dim);
    const x = featuresOf(s.dataset, 0);
    const pass = forwardBackward(spec, params, x, s.dataset.y[0], grad);
    const input: ChainRuleInput = {
      spec,
      params,
      place: { kind: 'bias', l, i: 0 },
      pass,
      target: s.dataset.y[0],
      weightIndex: (a, b, c) => weightIndex(spec, a, b, c),
      biasIndex: (a, b) => biasIndex(spec, a, b),
      numbers: this.numbers,
    };
    const errors = this.flow.errors;
    const lines = [
      ...backwardLines(input).slice(1),
      {
        lhs: `\\dfrac{\\lVert \\delta^{(${l})} \\rVert}{\\lVert \\delta^{(${l + 1})} \\rVert}`,
        rhs: [`\\dfrac{${this.numbers.tex(errors[l - 1])}}{${this.numbers.tex(errors[l])}}`, this.numbers.tex(errors[l - 1] / errors[l])],
      },
    ];
    return html`<div class="formula-box">
      <h3>${w.formulaTitle}</h3>
      <label class="field"
        >${w.formulaLayer}
        <select @change=${(e: Event) => (this.formulaLayer = Number((e.target as HTMLSelectElement).value))}>
          ${Array.from({ length: L - 1 }, (_, k) => html`<option value=${k + 1} ?selected=${k + 1 === l}>${k + 1}</option>`)}
        </select>
      </label>
      <div class="formula" part="formula" tabindex="0" ${formula(chainTex(lines, this.narrow), { label: w.formulaTitle, throttleMs: this.playback.playing ? LIVE_CHART_THROTTLE_MS : 0 })}></div>
    </div>`;
  }

  private renderChanges() {
    const w = this.words;
    const run = this.run;
    const changes = layerWeightChanges(this.settings.model.spec, this.start, run.params);
    const names = this.layerNames();
    return html`<div part="changes">
      <h3>${w.changesTitle}</h3>
      ${run.updates === 0 && !this.playback.playing
        ? html`<p class="empty">${w.changesEmpty}</p>`
        : !run.params.every(Number.isFinite)
          ? html`<p class="empty">${w.changesDiverged}</p>`
        : html`<div class="changes">${logBars({
            values: changes,
            inner: null,
            width: Math.max(200, this.resize.width || 320),
            names,
            label: w.changesLabel,
            title: (i) => `${w.layer} ${names[i]}: ${this.numbers.text(changes[i])}`,
          })}</div>`}
    </div>`;
  }

  private renderSettings() {
    const t = this.t;
    const w = this.words;
    const s = this.settings;
    const n = this.numbers;
    return this.renderSettingsPanel(() => html`
      <label class="field"
        >${w.activation}
        <select @change=${(e: Event) => this.change({ activation: (e.target as HTMLSelectElement).value })}>
          ${FLOW_ACTIVATIONS.map((a) => html`<option value=${a} ?selected=${a === s.activation}>${w.activations[a as 'sigmoid']}</option>`)}
        </select>
      </label>
      <label class="field"
        >${w.init}
        <select @change=${(e: Event) => this.change({ init: (e.target as HTMLSelectElement).value })}>
          ${INIT_NAMES.map((i) => html`<option value=${i} ?selected=${i === s.init}>${w.inits[i]}</option>`)}
        </select>
      </label>
      ${numberField({ id: 'depth', numbers: n, label: w.depth, value: s.depth, min: A.depth.min, max: A.depth.max, step: 1, onChange: (v) => this.change({ depth: v }) })}
      ${numberField({ id: 'width', numbers: n, label: w.width, value: s.width, min: A.width.min, max: A.width.max, step: 1, onChange: (v) => this.change({ width: v }) })}
      ${numberField({ id: 'init-scale', numbers: n, label: w.initScale, value: s.initScale, min: 0.01, max: A['init-scale'].max, onChange: (v) => this.change({ initScale: v }) })}
      ${numberField({ id: 'clip', numbers: n, label: w.clip, value: s.clip < Infinity ? s.clip : undefined, min: 1e-6, max: 1e9, placeholder: w.off, onChange: (v) => this.change({ clip: v }) })}
      ${logSliderField({ id: 'lr', numbers: n, label: t.learningRate, symbol: 'η', value: s.lr, range: LR_RANGE, onInput: (v) => this.change({ lr: v }) })}
      ${numberField({ id: 'epochs', numbers: n, label: w.epochsField, value: s.epochs, min: A.epochs.min, max: A.epochs.max, step: 1, onChange: (v) => this.change({ epochs: v }) })}
    `);
  }

  protected override stateAttributes() {
    const s = this.settings;
    const differs = <T>(name: keyof typeof A, value: T) => (value === A[name].default ? undefined : value);
    return {
      activation: differs('activation', s.activation),
      depth: differs('depth', s.depth),
      width: differs('width', s.width),
      init: differs('init', s.init),
      'init-scale': s.initScale === A['init-scale'].default ? undefined : shortNumber(s.initScale),
      dataset: differs('dataset', s.dataset.name),
      samples: differs('samples', s.dataset.n),
      seed: differs('seed', s.seed),
      clip: s.clip < Infinity ? shortNumber(s.clip) : undefined,
      lr: s.lr === A.lr.default ? undefined : shortNumber(s.lr),
      'batch-size': differs('batch-size', s.batchSize),
      epochs: differs('epochs', s.epochs),
    };
  }
}
