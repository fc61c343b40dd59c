/**
 * `<gd-network>`: how a network learns. A small fully connected network trained on a
 * seeded data set by mini-batch gradient descent (core/network.ts is its maths, the
 * core's Trainer and optimizers train it: its loss is just an Objective), with every
 * number of one update on show:
 *
 *   forward pass   a^(0) = x;  z^(l) = W^(l) a^(l-1) + b^(l);  a^(l) = f(z^(l))
 *   loss           l(yhat, y), and L_B, its mean over the mini-batch B
 *   backward pass  delta^(L) = dl/dz^(L);  delta^(l) = f'(z^(l)) (W^(l+1))^T delta^(l+1)
 *                  dl/dW^(l) = delta^(l) (a^(l-1))^T,  dl/db^(l) = delta^(l)
 *   update         theta <- theta - eta (1/|B|) sum_{n in B} grad l_n   (or the chosen rule)
 *
 * The drawing shows weights (then gradients) and activations (then deltas); the plane
 * shows the prediction over the inputs; the chart the loss and accuracy; "Next phase"
 * walks one update phase by phase; a clicked weight shows its chain rule; the table
 * lists each example's gradient and the mean, which is the update's gradient.
 */
import { css, html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import {
  ACTIVATION_NAMES,
  DEFAULT_NETWORK_OPTIONS,
  INIT_NAMES,
  NETWORK_DATASET_NAMES,
  OPTIMIZER_NAMES,
  Trainer,
  biasIndex,
  createNetworkModel,
  makeDataset,
  parameterPlace,
  weightIndex,
  type Activation,
  type Dataset,
  type InitName,
  type NetworkDatasetName,
  type NetworkModel,
  type OptimizerName,
  type TrainHistory,
} from '../../core/index.js';
import { ResizeController } from '../../controllers/resize.js';
import { MESSAGES } from '../../i18n/messages.js';
import { LIVE_CHART_THROTTLE_MS, chartLegend, type SeriesTone } from '../../chart/index.js';
import { DataPlot, type DataScene, type DataSet } from '../../plot/index.js';
import { formula } from '../../formula/index.js';
import { backwardLines, chainTex, forwardLines, lossLines, updateLines, type ChainRuleInput } from '../../formula/chain-rule.js';
import { chartThemeOf, plotThemeOf, type ThemeTokens } from '../../theme/theme.js';
import { numberAttribute, parseStrictNumber, quotedValue, shortNumber, withinRule } from '../../shared/attributes.js';
import { logSliderField, numberField, ruleSettingFields } from '../../shared/fields.js';
import { classKey, classKeyStyles } from '../../shared/class-key.js';
import { FigureElement } from '../../shared/figure-element.js';
import { toneColor, trainLanesTo, type Lane } from '../../shared/lanes.js';
import { PlaybackController, type PlaybackStatus } from '../../shared/playback.js';
import { LR_RANGE } from '../../shared/presets.js';
import { figureStyles, stackedTableStyles } from '../../shared/styles.js';
import { GD_NETWORK, NETWORK_X_AXES, PHASES, defaultSpeed, type NetworkXAxis, type Phase } from '../../spec/gd-network.js';
import { networkDiagram } from './diagram.js';
import { traceBatch, type BatchTrace } from './trace.js';
import { NETWORK_WORDS, type NetworkWords } from './words.js';

export type NetworkStatus = PlaybackStatus<'done' | 'diverged'>;
export type { Phase };

const A = GD_NETWORK.attributes;
const SPEEDS = [2, 5, 10, 20, 50, 100, 200] as const;
/** Example columns the gradient table shows before "+n" and the mean, wide and narrow. */
export const MAX_COLUMNS = { wide: 6, narrow: 3 } as const;
/** Rows of the gradient table: the picked parameter and a few that show the pattern. */
const MAX_ROWS = 4;
const LOSS_TONE: SeriesTone = 'series-1';
const ACCURACY_TONE: SeriesTone = 'series-3';

interface NetworkSettings {
  dataset: Dataset<NetworkDatasetName>;
  model: NetworkModel;
  hidden: number[];
  activation: Activation;
  init: InitName;
  noise: number;
  optimizer: OptimizerName;
  options: { lr: number; beta: number; beta1: number; beta2: number; eps: number };
  batchSize: number;
  epochs: number;
  seed: number;
  speed: number;
  xAxis: NetworkXAxis;
}

/** The update `stepPhase()` last made: the parameters either side of it. */
interface Move {
  readonly before: Float64Array;
  readonly after: Float64Array;
}

/**
 * A small network learning, phase by phase or trained in full.
 *
 * Events, parts and custom properties: its contract, src/spec/gd-network.ts
 * (custom-elements.json and the README's tables are generated from it).
 */
export class GdNetwork extends FigureElement {
  protected static override placeholderHeight = { wide: '118em', narrow: '178em' };
  static override styles = [
    ...FigureElement.styles,
    figureStyles,
    classKeyStyles,
    stackedTableStyles('24em'),
    css`
      :host {
        --gd-positive-color: var(--gd-positive, var(--gd-series-2));
        --gd-negative-color: var(--gd-negative, var(--gd-series-4));
      }
      .network-box {
        position: relative;
      }
      svg.diagram {
        display: block;
        overflow: visible;
        user-select: none;
        -webkit-user-select: none;
      }
      .edge .hit {
        stroke: transparent;
        stroke-width: 10;
        cursor: pointer;
      }
      .edge .stroke {
        stroke-linecap: round;
        pointer-events: none;
      }
      .edge.positive .stroke {
        stroke: var(--gd-positive-color);
      }
      .edge.negative .stroke {
        stroke: var(--gd-negative-color);
      }
      .edge.zero .stroke {
        stroke: var(--gd-muted);
      }
      .edge .stroke {
        opacity: 0.75;
      }
      .edge.picked .stroke {
        opacity: 1;
      }
      .edge.picked .halo {
        stroke: var(--gd-accent);
        stroke-linecap: round;
        opacity: 0.45;
        pointer-events: none;
      }
      .unit {
        cursor: pointer;
      }
      .unit.input {
        cursor: default;
      }
      .unit circle {
        fill: var(--gd-panel);
        stroke: var(--gd-muted);
        stroke-width: 1.5;
      }
      .unit.positive circle {
        fill: color-mix(in srgb, var(--gd-positive-color) 28%, var(--gd-bg));
      }
      .unit.negative circle {
        fill: color-mix(in srgb, var(--gd-negative-color) 28%, var(--gd-bg));
      }
      .unit.picked circle {
        stroke: var(--gd-accent);
        stroke-width: 3;
      }
      .unit text,
      .names text {
        fill: var(--gd-text);
        text-anchor: middle;
        font-variant-numeric: tabular-nums;
        pointer-events: none;
      }
      .names text {
        fill: var(--gd-muted);
        font-size: 0.8em;
      }
      .key {
        display: flex;
        flex-wrap: wrap;
        gap: 0.2em 1.2em;
        font-size: 0.8em;
        color: var(--gd-muted);
        margin: 0 0 0.3em;
        padding: 0;
        list-style: none;
      }
      .key .line {
        display: inline-block;
        width: 1.4em;
        height: 0.25em;
        vertical-align: middle;
        margin-right: 0.4em;
        border-radius: 1px;
      }
      .key .line.positive {
        background: var(--gd-positive-color);
      }
      .key .line.negative {
        background: var(--gd-negative-color);
      }
      .plots {
        display: grid;
        grid-template-columns: minmax(0, 1fr);
        gap: 0.8em;
      }
      @container (min-width: 45.33em) {
        .plots {
          grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
        }
      }
      h3 {
        margin: 0 0 0.333em;
        font-size: 0.8em;
        color: var(--gd-muted);
        font-weight: 600;
      }
      canvas.data {
        display: block;
      }
      .phases ol {
        display: flex;
        flex-wrap: wrap;
        gap: 0.3em;
        margin: 0 0 0.4em;
        padding: 0;
        list-style: none;
        counter-reset: phase;
      }
      .phases li {
        counter-increment: phase;
        padding: 0.2em 0.6em;
        border: 1px solid var(--gd-border);
        border-radius: 999px;
        font-size: 0.8em;
        color: var(--gd-muted);
      }
      .phases li::before {
        content: counter(phase) '. ';
      }
      .phases li[aria-current='step'] {
        background: var(--gd-accent);
        border-color: var(--gd-accent);
        color: var(--gd-accent-text);
        font-weight: 600;
      }
      .phases p {
        margin: 0;
        font-size: 0.9em;
      }
      .chain .field {
        max-width: 100%;
      }
      .chain select {
        max-width: 100%;
      }
      .chain .formula {
        min-height: 0;
        overflow-x: auto;
      }
      .gradients .table-box {
        overflow-x: auto;
      }
      table.gradients-table {
        border-collapse: collapse;
        font-variant-numeric: tabular-nums;
        font-size: 0.85em;
      }
      table.gradients-table th,
      table.gradients-table td {
        padding: 0.2em 0.5em;
        text-align: right;
        white-space: nowrap;
      }
      table.gradients-table th[scope='row'] {
        text-align: left;
      }
      /* The parameter and the mean stay in view when the examples scroll. */
      table.gradients-table .mean,
      table.gradients-table th[scope='row'] {
        position: sticky;
        background: var(--gd-bg);
      }
      table.gradients-table .mean {
        right: 0;
        font-weight: 700;
        box-shadow: inset 2px 0 0 var(--gd-border);
      }
      table.gradients-table th[scope='row'] {
        left: 0;
      }
      table.gradients-table .traced {
        background: color-mix(in srgb, var(--gd-accent) 12%, transparent);
      }
      table.gradients-table .picked th,
      table.gradients-table .picked td {
        border-top: 1px solid var(--gd-border);
        border-bottom: 1px solid var(--gd-border);
      }
      table.gradients-table button {
        font: inherit;
        padding: 0.05em 0.35em;
        min-height: 0;
      }
      .field input.layers {
        width: 8em;
      }
      .swatch {
        display: inline-block;
        vertical-align: middle;
        margin-right: 0.5em;
      }
    `,
  ];

  /** The data set (NETWORK_DATASET_NAMES). Rules, defaults and meaning of every attribute: src/spec/gd-network.ts. */
  @property({ attribute: 'dataset' }) dataName?: string;
  /** Units of each hidden layer, comma-separated. */
  @property() layers?: string;
  /** The hidden layers' activation. */
  @property() activation?: string;
  /** How the weights start. */
  @property() init?: string;
  /** Points in the data set. */
  @property({ converter: numberAttribute }) samples?: number;
  /** Noise of the data set. */
  @property({ converter: numberAttribute }) noise?: number;
  /** Seed of the data, the initial weights and the shuffles. */
  @property({ converter: numberAttribute }) seed?: number;
  /** The update rule. */
  @property() optimizer?: string;
  /** Learning rate. */
  @property({ converter: numberAttribute }) lr?: number;
  @property({ converter: numberAttribute }) beta?: number;
  @property({ converter: numberAttribute }) beta1?: number;
  @property({ converter: numberAttribute }) beta2?: number;
  @property({ converter: numberAttribute }) eps?: number;
  /** Examples per update. */
  @property({ attribute: 'batch-size', converter: numberAttribute }) batchSize?: number;
  /** Passes over the data. */
  @property({ converter: numberAttribute }) epochs?: number;
  /** Epochs per second while playing. */
  @property({ converter: numberAttribute }) speed?: number;
  /** What the loss chart counts along its x axis. */
  @property({ attribute: 'x-axis' }) xAxis?: string;

  @state() private settings!: NetworkSettings;
  @state() private lanes: Lane<Trainer>[] = [];
  @state() private phaseShown: Phase = 'idle';
  /** The picked weight or bias (an index into the flat parameters). */
  @state() private selected = 0;
  /** Which example of the mini-batch the drawing and the chain rule follow (a position in the batch). */
  @state() private tracedColumn = 0;

  @query('canvas.data') private dataCanvas!: HTMLCanvasElement;

  protected readonly tag = 'gd-network';
  private readonly playback = new PlaybackController<'done' | 'diverged'>(this, {
    speed: () => this.settings.speed,
    last: () => this.settings.epochs,
    stop: () => (this.run.diverged ? 'diverged' : 'done'),
    // The epochs trained: k, or fewer when the run stopped early (diverged).
    stepDetail: (k) => ({ epoch: Math.min(k, this.run.epoch), updates: this.run.updates, loss: this.lastLoss }),
    onStop: () => (this.announcement = this.stopSentence()),
    reach: (k) => this.trainTo(k),
  });
  private dataPlot?: DataPlot;
  private readonly dataSize = new ResizeController(this);
  private datasetKey = '';
  private modelKey = '';
  private trainKey = '';
  /** Bumped with every new trainer: the prediction's cached regions are then stale. */
  private generation = 0;
  /** The prediction drawn: its weights' version and when (see regionsVersion). */
  private regions = { version: -1, at: 0 };
  private regionsTimer = 0;
  /** The update walked through by stepPhase (forward to update), or null. */
  private walked: BatchTrace | null = null;
  private move: Move | null = null;
  /** The trace of the next update at the current parameters, kept while they do not change. */
  private upcoming: { key: string; trace: BatchTrace } | null = null;

  // ---- read-only state for scripts ----

  /** A copy of the flat parameters: W^(1), b^(1), W^(2), b^(2), ... */
  get parameters(): number[] {
    this.readIfNotRendered();
    return Array.from(this.run.params);
  }

  /** epoch[], loss[], updates[], examples[] (and accuracy[] for classes), one entry per epoch from 0. */
  get history(): TrainHistory {
    this.readIfNotRendered();
    return structuredClone(this.run.history);
  }

  get status(): NetworkStatus {
    this.readIfNotRendered();
    return this.playback.status;
  }

  /** The phase `stepPhase()` last showed; 'idle' before the first and after playing. */
  get phase(): Phase {
    return this.phaseShown;
  }

  // ---- public methods ----

  /** Trains until `epochs` (from the start once done). */
  play(): void {
    if (this.putOffUntilRendered(() => this.play())) return;
    this.endWalk();
    this.playback.play();
  }

  pause(): void {
    this.playback.pause();
  }

  /** One epoch. */
  step(): void {
    if (this.putOffUntilRendered(() => this.step())) return;
    this.endWalk();
    this.playback.step();
  }

  /** The next phase of one update: forward pass, loss, backward pass, update (the update trains the network by that mini-batch). */
  stepPhase(): void {
    if (this.putOffUntilRendered(() => this.stepPhase())) return;
    this.playback.pause();
    const run = this.run;
    const next: Phase = this.phaseShown === 'idle' || this.phaseShown === 'update' ? 'forward' : PHASES[PHASES.indexOf(this.phaseShown) + 1];
    if (next === 'forward') {
      if (run.done) return;
      this.walked = this.upcomingTrace();
      this.move = null;
    } else if (next === 'update') {
      const before = Float64Array.from(run.params);
      const epoch = run.epoch;
      run.step();
      this.move = { before, after: Float64Array.from(run.params) };
      // A finished epoch is a frame of the playback: shown with its gd-step (and gd-stop at the end).
      if (run.epoch > epoch || run.done) this.playback.step();
    }
    this.phaseShown = next;
    this.dispatchEvent(new CustomEvent('gd-phase', { detail: { phase: next, updates: run.updates }, bubbles: true, composed: true }));
  }

  /** Back to the initial weights, with the settings as the attributes say (the reader's changes undone). */
  reset(): void {
    if (this.putOffUntilRendered(() => this.reset())) return;
    this.endWalk();
    this.playback.reset();
    this.restoreAuthorSettings();
  }

  // ---- lifecycle ----

  protected override updated(): void {
    this.drawFrame();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.regionsTimer);
    this.regionsTimer = 0;
  }

  protected override isInput(name: string): boolean {
    return ['dataName', 'layers', 'activation', 'init', 'samples', 'noise', 'seed', 'optimizer', 'lr', 'beta', 'beta1', 'beta2', 'eps', 'batchSize', 'epochs', 'speed', 'xAxis'].includes(name);
  }

  // ---- settings and training ----

  private get run(): Trainer {
    return this.lanes[0].run;
  }

  protected override configure(): void {
    const r = this.reader;
    const name = r.choice('dataset', this.setting('dataName'), NETWORK_DATASET_NAMES, A.dataset.default as NetworkDatasetName);
    const d = DEFAULT_NETWORK_OPTIONS[name];
    const samples = r.number('samples', this.setting('samples'), A.samples, d.samples);
    const noise = r.number('noise', this.setting('noise'), A.noise, d.noise);
    const seed = r.number('seed', this.setting('seed'), A.seed, A.seed.default!);
    const datasetKey = JSON.stringify([name, samples, noise, seed]);
    const dataset = datasetKey === this.datasetKey ? this.settings.dataset : makeDataset(name, { samples, noise, seed });
    this.datasetKey = datasetKey;
    const hidden = this.readLayers(d.hidden);
    const activation = r.choice('activation', this.setting('activation'), ACTIVATION_NAMES, d.activation);
    const init = r.choice('init', this.setting('init'), INIT_NAMES, d.init);
    const modelKey = JSON.stringify([datasetKey, hidden, activation, init]);
    const model = modelKey === this.modelKey ? this.settings.model : createNetworkModel(dataset, { hidden, activation, init, seed });
    this.modelKey = modelKey;
    const settings: NetworkSettings = {
      dataset,
      model,
      hidden,
      activation,
      init,
      noise,
      optimizer: r.choice('optimizer', this.setting('optimizer'), OPTIMIZER_NAMES, d.optimizer),
      options: {
        lr: r.number('lr', this.setting('lr'), A.lr, d.options.lr ?? A.lr.default!),
        beta: r.number('beta', this.setting('beta'), A.beta, d.options.beta ?? A.beta.default!),
        beta1: r.number('beta1', this.setting('beta1'), A.beta1, A.beta1.default!),
        beta2: r.number('beta2', this.setting('beta2'), A.beta2, A.beta2.default!),
        eps: r.number('eps', this.setting('eps'), A.eps, A.eps.default!),
      },
      // At most the data set's examples: a mini-batch cannot be larger than the data.
      batchSize: r.number('batch-size', this.setting('batchSize'), { ...A['batch-size'], max: dataset.n }, Math.min(d.batchSize, dataset.n)),
      epochs: r.number('epochs', this.setting('epochs'), A.epochs, d.epochs),
      seed,
      speed: 0,
      xAxis: r.choice('x-axis', this.setting('xAxis'), NETWORK_X_AXES, A['x-axis'].default as NetworkXAxis),
    };
    settings.speed = r.number('speed', this.setting('speed'), A.speed, defaultSpeed(settings.epochs));
    const previous = this.settings;
    this.settings = settings;
    if (!previous || previous.model !== model) this.selected = this.defaultSelection(model);
    const key = JSON.stringify([modelKey, settings.optimizer, settings.options, settings.batchSize, settings.epochs]);
    if (key !== this.trainKey) {
      this.trainKey = key;
      // The same network trained another way keeps the reader's place (the new training is
      // brought to the epoch shown); a new network or new data is a new start.
      const sameModel = previous !== undefined && previous.model === model && this.lanes.length > 0;
      this.endWalk();
      this.rebuild();
      if (sameModel) this.playback.keep();
      else this.playback.load();
    }
  }

  /** `layers`: 1 to MAX_HIDDEN_LAYERS whole numbers of units, each 1 to MAX_LAYER_UNITS; else the default, with a note. */
  private readLayers(fallback: readonly number[]): number[] {
    const text = this.setting('layers');
    if (text === undefined || text === null) return [...fallback];
    const rule = A.layers;
    const count = rule.maxCount ?? 1;
    const values = String(text).split(/[,;\s]+/).filter(Boolean).map(parseStrictNumber);
    if (values.length >= 1 && values.length <= count && values.every((v) => withinRule(rule, v))) return values;
    const raw = quotedValue(String(text));
    const fb = fallback.join(',');
    this.reader.message(
      'layers',
      String(text),
      this.t.notALayerList('layers', raw, count, rule.max, fb),
      MESSAGES.en.notALayerList('layers', raw, count, rule.max, fb),
    );
    return [...fallback];
  }

  /** The first weight of the first layer: its chain rule goes through every layer above it. */
  private defaultSelection(model: NetworkModel): number {
    return weightIndex(model.spec, 1, 0, 0);
  }

  /** A fresh trainer: the initial weights, the first shuffle, nothing trained. */
  private rebuild(): void {
    const s = this.settings;
    this.generation++;
    this.upcoming = null;
    this.lanes = [
      {
        id: 'main',
        tone: LOSS_TONE,
        run: new Trainer(s.model, { batchSize: s.batchSize, epochs: s.epochs, seed: s.seed, optimizer: s.optimizer, options: s.options }),
      },
    ];
    this.announcement = '';
  }

  /** The playback's `reach`: trains up to epoch k within the frame's budget; epoch 0 is a new start. */
  private trainTo(k: number): number {
    if (k === 0 && this.run.updates > 0) this.rebuild();
    return trainLanesTo(this.lanes, k, this.settings.epochs);
  }

  /** Leaves the phase-by-phase walk: playing, stepping an epoch or resetting shows the network as it trains. */
  private endWalk(): void {
    this.phaseShown = 'idle';
    this.walked = null;
    this.move = null;
  }

  /** The full-data loss after the last epoch. */
  private get lastLoss(): number {
    const h = this.run.history.loss;
    return h[h.length - 1];
  }

  /**
   * The update the reader is looking at: the one being walked through, else the next
   * one at the current parameters (its mini-batch is the one the next update will take).
   */
  private currentTrace(): BatchTrace {
    return this.walked ?? this.upcomingTrace();
  }

  private upcomingTrace(): BatchTrace {
    const run = this.run;
    const key = `${this.generation}|${run.updates}`;
    if (this.upcoming?.key === key) return this.upcoming.trace;
    // Once done there is no next mini-batch: show the last one at the final parameters.
    const batch = run.done ? (run.batch.length > 0 ? run.batch : firstExamples(this.settings)) : run.nextBatch();
    const trace = traceBatch(this.settings.model.spec, this.settings.dataset, run.params, batch);
    this.upcoming = { key, trace };
    return trace;
  }

  private stopSentence(): string {
    const w = this.words;
    const h = this.run.history;
    if (this.run.diverged) return w.divergedSentence(Math.ceil(h.epoch[h.epoch.length - 1]));
    const acc = h.accuracy ? this.numbers.percent(h.accuracy[h.accuracy.length - 1], 1) : null;
    return w.doneSentence(this.run.epoch, this.numbers.text(this.lastLoss), acc);
  }

  // ---- canvases ----

  protected override setUpCanvases(): void {
    this.dataPlot ??= new DataPlot(this.dataCanvas);
    this.resize.observe(this.renderRoot.querySelector('.network-box')!);
    this.dataSize.observe(this.renderRoot.querySelector('.data-box')!);
    this.lossChart.attach();
  }

  protected override drawFrame(): void {
    if (!this.dataPlot) return;
    const tokens = this.tokens;
    const width = Math.max(200, this.dataSize.width || this.dataCanvas.parentElement!.clientWidth || 320);
    this.dataPlot.setTheme(plotThemeOf(tokens));
    this.dataPlot.setLang(this.i18n.lang);
    this.dataPlot.setData(this.dataView());
    this.dataPlot.resize(width, Math.round(Math.min(width * 0.8, 360)), this.pixelRatio);
    this.dataPlot.draw(this.dataScene(tokens));
    this.drawChart(tokens);
  }

  private dataViewCache?: { dataset: Dataset<NetworkDatasetName>; view: DataSet };

  /** The data as the plot takes it: (x, y) for a curve, the two features for classes. */
  private dataView(): DataSet {
    const d = this.settings.dataset;
    if (this.dataViewCache?.dataset === d) return this.dataViewCache.view;
    const xs = new Float64Array(2 * d.n);
    for (let i = 0; i < d.n; i++) {
      xs[2 * i] = d.x[i * d.d];
      xs[2 * i + 1] = d.task === 'regression' ? d.y[i] : d.x[i * d.d + 1];
    }
    const view: DataSet =
      d.task === 'regression'
        ? { kind: 'regression', xs, axisNames: ['x', 'y'] }
        : { kind: 'classification', xs, labels: d.y, classes: d.classes, axisNames: ['x\u2081', 'x\u2082'] };
    this.dataViewCache = { dataset: d, view };
    return view;
  }

  private dataScene(tokens: ThemeTokens): DataScene {
    const d = this.settings.dataset;
    const model = this.settings.model;
    const params = this.run.params;
    const highlight = this.phaseShown === 'idle' ? undefined : this.currentTrace().batch;
    if (d.task === 'regression') {
      const input = new Float64Array(1);
      const out = new Float64Array(1);
      return {
        curves: [{ f: (x: number) => ((input[0] = x), model.predict(params, input, out)[0]), color: toneColor(tokens, LOSS_TONE) }],
        highlight,
      };
    }
    const features = new Float64Array(2);
    return {
      boundaries: [
        {
          kind: 'regions',
          color: tokens.text,
          width: 1.5,
          version: this.regionsVersion(),
          classify: (x: number, y: number) => {
            features[0] = x;
            features[1] = y;
            return model.predictClass(params, features);
          },
        },
      ],
      highlight,
    };
  }

  /**
   * The prediction's version: the weights' (a new one re-traces the regions, a classify
   * call per grid node and more for the borders). While playing it moves on at most
   * every LIVE_CHART_THROTTLE_MS, like the chart; paused, it is always the weights'.
   */
  private regionsVersion(): number {
    const current = this.generation * 1e9 + this.run.updates;
    const now = performance.now();
    if (!this.playback.playing || now - this.regions.at >= LIVE_CHART_THROTTLE_MS) this.regions = { version: current, at: now };
    else if (this.regions.version !== current) this.requestRegions();
    return this.regions.version;
  }

  /** A frame after the throttle, so the last weights of a burst are drawn even if nothing else changes. */
  private requestRegions(): void {
    if (this.regionsTimer !== 0) return;
    this.regionsTimer = window.setTimeout(() => {
      this.regionsTimer = 0;
      this.requestUpdate();
    }, LIVE_CHART_THROTTLE_MS);
  }

  private drawChart(tokens: ThemeTokens): void {
    const w = this.words;
    const h = this.run.history;
    const xs = this.settings.xAxis === 'epochs' ? h.epoch : h.updates;
    this.lossChart.draw(
      {
        series: [
          { label: w.loss, color: toneColor(tokens, LOSS_TONE), axis: 'left' as const, xs, ys: h.loss },
          ...(h.accuracy ? [{ label: w.accuracy, color: toneColor(tokens, ACCURACY_TONE), axis: 'right' as const, dashed: true, xs, ys: h.accuracy }] : []),
        ],
        xLabel: w[this.settings.xAxis],
        leftLabel: w.loss,
        rightLabel: h.accuracy ? w.accuracy : undefined,
        description: this.t.lossChartLabel,
        lang: this.i18n.lang,
        theme: chartThemeOf(tokens),
        xMin: 0,
      },
      { throttleMs: this.playback.playing || this.interacting ? LIVE_CHART_THROTTLE_MS : 0 },
    );
  }

  // ---- render ----

  private get words(): NetworkWords {
    return NETWORK_WORDS[this.i18n.lang];
  }

  /** "2–4–4–1". */
  private get shapeText(): string {
    return this.settings.model.spec.sizes.join('\u2013');
  }

  protected override render() {
    const w = this.words;
    const s = this.settings;
    return html`
      <div class="frame" part="frame">
        <div class="title">
          <h2>${w.datasets[s.dataset.name as NetworkDatasetName]}</h2>
          <span class="subtitle">${w.shape(this.shapeText)} · ${w.activations[s.activation]} · ${this.t.optimizerNames[s.optimizer]} · η = ${this.numbers.setting(s.options.lr)}</span>
        </div>
        ${this.renderNotes()} ${this.renderNetwork()}
        <div class="plots">
          <div class="data-box" part="data">
            <canvas class="data" role="img" aria-label=${w.dataLabel(w.datasets[s.dataset.name as NetworkDatasetName])}></canvas>
            ${this.renderClassKey()}
          </div>
          <div>
            ${chartLegend([{ label: w.loss, tone: LOSS_TONE }, ...(s.dataset.task === 'regression' ? [] : [{ label: w.accuracy, tone: ACCURACY_TONE }])])}
            <div class="chart-box" part="chart"><canvas class="chart"></canvas></div>
          </div>
        </div>
        ${this.renderResults()}
        ${this.renderPlayControls({
          playing: this.playback.playing,
          ended: this.playback.ended,
          atStart: this.status === 'ready' && this.run.updates === 0 && !this.readerChanges.any,
          toggle: () => (this.playback.playing ? this.pause() : this.play()),
          step: () => this.step(),
          reset: () => this.reset(),
          speed: s.speed,
          setSpeed: (v) => this.change({ speed: v }),
          speedText: (v) => w.epochsPerSecond(this.numbers.setting(v)),
          speeds: SPEEDS,
          more: html`<button class="next-phase" @click=${() => this.stepPhase()} ?disabled=${this.run.done}>${w.nextPhase}</button>`,
        })}
        ${this.renderPhases()} ${this.renderChainRule()} ${this.renderGradients()} ${this.renderSettings()} ${this.renderAnnouncement()} ${this.renderAuthoring()}
      </div>
    `;
  }

  /** The drawing, its key, and a text alternative for assistive technology. */
  private renderNetwork() {
    const w = this.words;
    const s = this.settings;
    const spec = s.model.spec;
    const trace = this.currentTrace();
    const column = Math.min(this.tracedColumn, trace.batch.length - 1);
    const example = trace.batch[column] + 1;
    const phase = this.phaseShown;
    const pass = trace.passes[column];
    const showsGradients = phase === 'backward';
    const edgeValues = showsGradients ? trace.gradients[column] : this.run.params;
    const unitValues = phase === 'forward' || phase === 'loss' ? pass.a : phase === 'backward' ? [new Float64Array(0), ...pass.delta.slice(1)] : null;
    const L = spec.sizes.length - 1;
    const columnNames = spec.sizes.map((_, l) => (l === 0 ? w.inputs : l === L ? w.outputs : `h${superscript(l)}`));
    return html`<div class="network-box" part="network">
      <ul class="key">
        <li><span class="line positive"></span>${w.positive}</li>
        <li><span class="line negative"></span>${w.negative}</li>
        <li>${showsGradients ? w.edgesGradients(example) : w.edgesWeights}</li>
        ${unitValues ? html`<li>${phase === 'backward' ? w.unitsDeltas(example) : w.unitsActivations(example)}</li>` : nothing}
      </ul>
      ${networkDiagram({
        spec,
        width: Math.max(200, this.resize.width || 320),
        edgeValues,
        unitValues,
        selected: this.selected,
        numbers: this.numbers,
        columnNames,
        parameterName: (i) => `${this.parameterSymbol(i)} (${this.parameterName(i)})`,
        gradients: showsGradients,
        select: (i) => (this.selected = i),
      })}
      <p class="visually-hidden">${w.networkLabel(spec.sizes.join(', '), w.activations[s.activation])}</p>
    </div>`;
  }

  private renderClassKey() {
    const d = this.settings.dataset;
    if (d.task === 'regression') return nothing;
    return classKey({ title: this.words.classesKey, names: Array.from({ length: d.classes }, (_, k) => d.classNames[k] ?? String(k)), dark: this.themes.dark });
  }

  /** Epoch, updates, loss and accuracy so far. */
  private renderResults() {
    const w = this.words;
    const h = this.run.history;
    const last = h.loss.length - 1;
    const columns = [w.epoch, w.updates.charAt(0).toLocaleUpperCase(this.i18n.lang) + w.updates.slice(1), w.loss, ...(h.accuracy ? [w.accuracy] : [])];
    const loss = h.loss[last];
    return html`<div class="table-box"><table class="stacks" part="results">
      <caption class="visually-hidden">${w.table}</caption>
      <thead><tr>${columns.map((c) => html`<th scope="col">${c}</th>`)}</tr></thead>
      <tbody><tr>
        <td class="number" data-label=${columns[0]}>${this.run.epoch}</td>
        <td class="number" data-label=${columns[1]}>${this.run.updates}</td>
        <td class="number lead" data-label=${columns[2]}>${Number.isFinite(loss) ? this.numbers.text(loss) : '—'}</td>
        ${h.accuracy ? html`<td class="number lead" data-label=${columns[3]}>${this.numbers.percent(h.accuracy[last], 1)}</td>` : nothing}
      </tr></tbody>
    </table></div>`;
  }

  /** The four phases, the current one marked, and what it computed. */
  private renderPhases() {
    const w = this.words;
    const trace = this.currentTrace();
    const column = Math.min(this.tracedColumn, trace.batch.length - 1);
    const example = trace.batch[column] + 1;
    const m = trace.batch.length;
    const phase = this.phaseShown;
    const rule = this.settings.optimizer === 'gd' ? 'η · ḡ' : this.t.optimizerNames[this.settings.optimizer];
    const text =
      phase === 'idle'
        ? this.run.done
          ? w.explain.done
          : w.explain.idle(m)
        : phase === 'forward'
          ? w.explain.forward(m, example)
          : phase === 'loss'
            ? w.explain.loss(example, this.numbers.text(trace.passes[column].loss), this.numbers.text(trace.loss))
            : phase === 'backward'
              ? w.explain.backward(example)
              : w.explain.update(m, rule);
    return html`<div class="phases" part="phases">
      <ol>
        ${PHASES.map((p) => html`<li aria-current=${p === phase ? 'step' : 'false'}>${w.phases[p]}</li>`)}
      </ol>
      <p aria-live="polite">${text}</p>
    </div>`;
  }

  /** The picked parameter's chain rule (and forward pass, loss or update, as the phase has it), with the numbers. */
  private renderChainRule() {
    const w = this.words;
    const s = this.settings;
    const spec = s.model.spec;
    const trace = this.currentTrace();
    const column = Math.min(this.tracedColumn, trace.batch.length - 1);
    const i = trace.batch[column];
    const place = parameterPlace(spec, this.selected);
    const input: ChainRuleInput = {
      spec,
      params: trace.params,
      place,
      pass: trace.passes[column],
      target: s.dataset.y[i],
      weightIndex: (l, a, b) => weightIndex(spec, l, a, b),
      biasIndex: (l, a) => biasIndex(spec, l, a),
      numbers: this.numbers,
    };
    const phase = this.phaseShown;
    const m = trace.batch.length;
    const mean = trace.mean[this.selected];
    const before = trace.params[this.selected];
    const after = this.move ? this.move.after[this.selected] : null;
    const plain = s.optimizer === 'gd';
    const lines =
      phase === 'forward'
        ? forwardLines(input)
        : phase === 'loss'
          ? lossLines(input, trace.loss, m)
          : phase === 'update'
            ? updateLines(place, mean, m, before, after, s.options.lr, plain, this.numbers)
            : [...backwardLines(input), ...(phase === 'idle' ? updateLines(place, mean, m, before, null, s.options.lr, plain, this.numbers) : [])];
    const tex = chainTex(lines, this.narrow);
    return html`<div class="chain">
      <h3>${w.chainTitle}</h3>
      <label class="field"
        >${w.parameter}
        <select @change=${(e: Event) => (this.selected = Number((e.target as HTMLSelectElement).value))}>
          ${this.parameterOptions()}
        </select>
      </label>
      <div class="formula" part="formula" tabindex="0" ${formula(tex, { label: `${w.chainTitle}: ${this.parameterName(this.selected)}`, throttleMs: this.playback.playing ? LIVE_CHART_THROTTLE_MS : 0 })}></div>
    </div>`;
  }

  /** Every weight and bias, layer by layer, for the menu. */
  private parameterOptions() {
    const spec = this.settings.model.spec;
    const groups = [];
    for (let l = 1; l < spec.sizes.length; l++) {
      const options = [];
      for (let i = 0; i < spec.sizes[l]; i++) {
        for (let j = 0; j < spec.sizes[l - 1]; j++) {
          const index = weightIndex(spec, l, i, j);
          options.push(html`<option value=${index} ?selected=${index === this.selected}>${this.optionText(index)}</option>`);
        }
      }
      for (let i = 0; i < spec.sizes[l]; i++) {
        const index = biasIndex(spec, l, i);
        options.push(html`<option value=${index} ?selected=${index === this.selected}>${this.optionText(index)}</option>`);
      }
      groups.push(html`<optgroup label=${this.words.layer(l)}>${options}</optgroup>`);
    }
    return groups;
  }

  /** The menu's text: the symbol and its name, or in a narrow column (where the name does not fit) the symbol alone. */
  private optionText(index: number): string {
    return this.narrow ? this.parameterSymbol(index) : this.parameterLabel(index);
  }

  /** "w⁽²⁾₁,₃ (weight from unit 3 of layer 1 to unit 1 of layer 2)". */
  private parameterLabel(index: number): string {
    return `${this.parameterSymbol(index)}: ${this.parameterName(index)}`;
  }

  /** "w⁽²⁾₁,₃" or "b⁽¹⁾₂", indices from 1. */
  private parameterSymbol(index: number): string {
    const p = parameterPlace(this.settings.model.spec, index);
    return p.kind === 'weight' ? `w${superscript(`(${p.l})`)}${subscript(`${p.i + 1},${p.j + 1}`)}` : `b${superscript(`(${p.l})`)}${subscript(String(p.i + 1))}`;
  }

  private parameterName(index: number): string {
    const p = parameterPlace(this.settings.model.spec, index);
    return p.kind === 'weight' ? this.words.weightName(p.l, p.i + 1, p.j + 1) : this.words.biasName(p.l, p.i + 1);
  }

  /** The rows of the table: the picked parameter, then its unit's bias, then the output layer's first weight and bias. */
  private tableRows(): number[] {
    const spec = this.settings.model.spec;
    const L = spec.sizes.length - 1;
    const p = parameterPlace(spec, this.selected);
    const rows = [this.selected, biasIndex(spec, p.l, p.i), weightIndex(spec, L, 0, 0), biasIndex(spec, L, 0), weightIndex(spec, 1, 0, 0)];
    return [...new Set(rows)].slice(0, MAX_ROWS);
  }

  /** Each example's gradient of a few parameters, and the mean: the update's gradient. */
  private renderGradients() {
    const w = this.words;
    const trace = this.currentTrace();
    const m = trace.batch.length;
    const most = this.narrow ? MAX_COLUMNS.narrow : MAX_COLUMNS.wide;
    const shown = m <= most + 1 ? m : most;
    const column = Math.min(this.tracedColumn, m - 1);
    const rows = this.tableRows();
    // An exact zero (a dead ReLU's gradients) is "0", never "0.00".
    const cell = (v: number) => (v === 0 ? '0' : this.numbers.text(v));
    return html`<div class="gradients" part="gradients">
      <h3>${w.tableTitle}</h3>
      <div class="table-box" tabindex="0" role="region" aria-label=${w.tableTitle}>
        <table class="gradients-table">
          <caption class="visually-hidden">${w.tableCaption(m)}</caption>
          <thead>
            <tr>
              <th scope="col">${w.parameter}</th>
              ${Array.from({ length: shown }, (_, k) => {
                const i = trace.batch[k] + 1;
                return html`<th scope="col" class=${k === column ? 'traced' : ''}>
                  <button aria-pressed=${k === column ? 'true' : 'false'} aria-label=${w.traceExample(i)} @click=${() => (this.tracedColumn = k)}>${w.example(i)}</button>
                </th>`;
              })}
              ${shown < m ? html`<th scope="col">${w.moreExamples(m - shown)}</th>` : nothing}
              <th scope="col" class="mean">${w.mean}</th>
            </tr>
          </thead>
          <tbody>
            ${rows.map(
              (p) => html`<tr class=${p === this.selected ? 'picked' : ''}>
                <th scope="row" title=${this.parameterName(p)}>∂ℓ/∂${this.parameterSymbol(p)}</th>
                ${Array.from({ length: shown }, (_, k) => html`<td class=${k === column ? 'traced' : ''}>${cell(trace.gradients[k][p])}</td>`)}
                ${shown < m ? html`<td>…</td>` : nothing}
                <td class="mean">${cell(trace.mean[p])}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
    </div>`;
  }

  private renderSettings() {
    const t = this.t;
    const w = this.words;
    const s = this.settings;
    return this.renderSettingsPanel(() => html`
      <label class="field"
        >${w.dataset}
        <select @change=${(e: Event) => this.chooseDataset((e.target as HTMLSelectElement).value)}>
          ${NETWORK_DATASET_NAMES.map((n) => html`<option value=${n} ?selected=${n === s.dataset.name}>${w.datasetChoices[n]}</option>`)}
        </select>
      </label>
      <label class="field"
        >${w.layers}
        <input class="layers" type="text" inputmode="numeric" autocomplete="off" spellcheck="false" .value=${s.hidden.join(',')} aria-description=${w.layersHint} @change=${(e: Event) => this.change({ layers: (e.target as HTMLInputElement).value })} />
      </label>
      <label class="field"
        >${w.activation}
        <select @change=${(e: Event) => this.change({ activation: (e.target as HTMLSelectElement).value })}>
          ${ACTIVATION_NAMES.map((n) => html`<option value=${n} ?selected=${n === s.activation}>${w.activations[n]}</option>`)}
        </select>
      </label>
      <label class="field"
        >${w.init}
        <select @change=${(e: Event) => this.change({ init: (e.target as HTMLSelectElement).value })}>
          ${INIT_NAMES.map((n) => html`<option value=${n} ?selected=${n === s.init}>${w.inits[n]}</option>`)}
        </select>
      </label>
      <label class="field"
        >${t.optimizer}
        <select @change=${(e: Event) => this.change({ optimizer: (e.target as HTMLSelectElement).value })}>
          ${OPTIMIZER_NAMES.map((n) => html`<option value=${n} ?selected=${n === s.optimizer}>${t.optimizerNames[n]}</option>`)}
        </select>
      </label>
      ${logSliderField({ id: 'lr', numbers: this.numbers, label: t.learningRate, symbol: 'η', value: s.options.lr, range: LR_RANGE, onInput: (v) => this.change({ lr: v }) })}
      ${ruleSettingFields({ optimizer: s.optimizer, options: s.options, labels: { momentum: t.momentum, decay: t.decay }, numbers: this.numbers, change: (c) => this.change(c) })}
      ${numberField({ id: 'batch-size', numbers: this.numbers, label: w.batchSize, value: s.batchSize, min: 1, max: s.dataset.n, step: 1, onChange: (v) => this.change({ batchSize: v }) })}
      ${numberField({ id: 'epochs', numbers: this.numbers, label: w.epochsField, value: s.epochs, min: A.epochs.min, max: A.epochs.max, step: 1, onChange: (v) => this.change({ epochs: v }) })}
      <label class="field"
        >${w.xAxis}
        <select @change=${(e: Event) => this.change({ xAxis: (e.target as HTMLSelectElement).value })}>
          ${NETWORK_X_AXES.map((a) => html`<option value=${a} ?selected=${a === s.xAxis}>${w[a]}</option>`)}
        </select>
      </label>
    `);
  }

  // ---- handlers ----

  /** Another data set, with its own network, rate, epochs and batch size. */
  private chooseDataset(name: string): void {
    this.change({
      dataName: name,
      layers: undefined,
      activation: undefined,
      init: undefined,
      optimizer: undefined,
      lr: undefined,
      epochs: undefined,
      batchSize: undefined,
      samples: undefined,
      noise: undefined,
    });
  }

  protected override stateAttributes() {
    const s = this.settings;
    const d = DEFAULT_NETWORK_OPTIONS[s.dataset.name as NetworkDatasetName];
    const own = (name: 'beta' | 'beta1' | 'beta2' | 'eps') => (this.setting(name) !== undefined && s.options[name] !== A[name].default ? shortNumber(s.options[name]) : undefined);
    return {
      dataset: s.dataset.name,
      layers: s.hidden.join(',') === d.hidden.join(',') ? undefined : s.hidden.join(','),
      activation: s.activation === d.activation ? undefined : s.activation,
      init: s.init === d.init ? undefined : s.init,
      samples: s.dataset.n === d.samples ? undefined : s.dataset.n,
      noise: s.noise === d.noise ? undefined : shortNumber(s.noise),
      seed: s.seed === A.seed.default ? undefined : s.seed,
      optimizer: s.optimizer === d.optimizer ? undefined : s.optimizer,
      lr: shortNumber(s.options.lr),
      beta: own('beta'),
      beta1: own('beta1'),
      beta2: own('beta2'),
      eps: own('eps'),
      'batch-size': s.batchSize === d.batchSize ? undefined : s.batchSize,
      epochs: s.epochs === d.epochs ? undefined : s.epochs,
      'x-axis': s.xAxis === A['x-axis'].default ? undefined : s.xAxis,
    };
  }
}

/** The first examples of the data set, as many as a mini-batch: the batch shown when there is no next one. */
function firstExamples(s: NetworkSettings): Int32Array {
  return Int32Array.from({ length: Math.min(s.batchSize, s.dataset.n) }, (_, i) => i);
}

const SUPERSCRIPTS: Record<string, string> = { '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹', '(': '⁽', ')': '⁾' };
const SUBSCRIPTS: Record<string, string> = { '0': '₀', '1': '₁', '2': '₂', '3': '₃', '4': '₄', '5': '₅', '6': '₆', '7': '₇', '8': '₈', '9': '₉', ',': ',' };

function superscript(text: string | number): string {
  return [...String(text)].map((c) => SUPERSCRIPTS[c] ?? c).join('');
}

function subscript(text: string): string {
  return [...text].map((c) => SUBSCRIPTS[c] ?? c).join('');
}
