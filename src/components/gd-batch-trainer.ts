/**
 * `<gd-batch-trainer>`: how many examples each gradient should use. The same model on
 * the same seeded data, from the same start, trained three ways side by side: batch
 * (every example per update), stochastic (one) and mini-batch (a few). The data with
 * each mode's fit, the paths in parameter space over the full-data loss, the loss
 * against epochs, updates or examples seen, and the three update rules.
 */
import { css, html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import {
  DATASET_NAMES,
  DEFAULT_TRAIN_OPTIONS,
  OPTIMIZER_NAMES,
  TASK_LOSSES,
  Trainer,
  createModel,
  lossSurfaceOf,
  makeDataset,
  originalFeature,
  standardisedFeature,
  type Dataset,
  type DatasetName,
  type LossName,
  type Model,
  type OptimizerName,
  type Surface,
  type TrainHistory,
} from '../core/index.js';
import { LIVE_CHART_THROTTLE_MS, chartLegend, type SeriesTone } from '../chart/index.js';
import { DataPlot, SurfacePlot, heightForWidth, type DataScene } from '../plot/index.js';
import { batchRuleTex, formula, type BatchMode } from '../formula/index.js';
import { chartThemeOf, plotThemeOf, type ThemeTokens } from '../theme/theme.js';
import { numberAttribute, quotedValue, shortNumber } from '../shared/attributes.js';
import { logSliderField, numberField } from '../shared/fields.js';
import { classKey, classKeyStyles } from '../shared/class-key.js';
import { FigureElement } from '../shared/figure-element.js';
import { toneColor, trainLanesTo, type Lane } from '../shared/lanes.js';
import { PlaybackController, type PlaybackStatus } from '../shared/playback.js';
import { LR_RANGE } from '../shared/presets.js';
import { figureStyles, stackedTableStyles } from '../shared/styles.js';
import { BATCH_MODES, GD_BATCH_TRAINER, X_AXES, type XAxis } from '../spec/gd-batch-trainer.js';

export type TrainerStatus = PlaybackStatus<'done'>;
export type { XAxis };

const MODES = BATCH_MODES;
const A = GD_BATCH_TRAINER.attributes;
const TONES: Record<BatchMode, SeriesTone> = { batch: 'series-1', sgd: 'series-2', minibatch: 'series-3' };
const SPEEDS = [1, 2, 5, 10, 20, 50] as const;

/** One batch mode's training, trained as it is shown: an epoch a frame. */
interface TrainingLane extends Lane<Trainer> {
  mode: BatchMode;
}

interface TrainerSettings {
  dataset: Dataset;
  model: Model;
  modes: BatchMode[];
  batchSize: number;
  lr: number;
  epochs: number;
  optimizer: OptimizerName;
  seed: number;
  speed: number;
  xAxis: XAxis;
}

/**
 * Batch, stochastic and mini-batch gradient descent training one model side by side.
 *
 * `controls`: `full` (default) shows the play row (play, step, reset, speed) and the
 * settings (data set, x axis, rate, batch size, epochs, optimizer); `compact` only
 * play, step and reset; `none` no buttons or settings. The pictures, table, chart and
 * rules show in every mode. The pictures take no input, so with `none` the figure
 * trains only with `autoplay` or from script. A bad value is `full`, with a note.
 * `authoring` adds the author tools in a "For authors" group, in any mode.
 *
 * Events, parts and custom properties: its contract, src/spec/gd-batch-trainer.ts
 * (custom-elements.json and the README's tables are generated from it).
 */
export class GdBatchTrainer extends FigureElement {
  /** About the rendered height, wide and narrow (the box shown until the first render). */
  protected static override placeholderHeight = { wide: '86em', narrow: '129em' };
  static override styles = [
    ...FigureElement.styles,
    figureStyles,
    classKeyStyles,
    // Five or six columns need about this much; narrower, each mode stacks so its loss
    // and accuracy stay in view.
    stackedTableStyles('32em'),
    css`
      .plots {
        display: grid;
        grid-template-columns: minmax(0, 1fr);
        gap: 0.8em;
      }
      @container (min-width: 45.33em) {
        .plots.two {
          grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
        }
      }
      .plots h3,
      .rules h3 {
        margin: 0 0 0.333em;
        font-size: 0.8em;
        color: var(--gd-muted);
        font-weight: 600;
      }
      canvas.data,
      canvas.plot {
        display: block;
      }
      .swatch {
        display: inline-block;
        vertical-align: middle;
        margin-right: 0.5em;
      }
      .rules {
        gap: 0.4em;
      }
      .rules .formula {
        min-height: 0;
      }
      .data-key {
        display: flex;
        flex-wrap: wrap;
        gap: 0.133em 1.2em;
      }
      .data-key .plot-key .swatch {
        margin: 0;
      }
    `,
  ];

  /** The data set (DATASET_NAMES). Rules, defaults and meaning of every attribute: src/spec/gd-batch-trainer.ts. */
  @property({ attribute: 'dataset' }) dataName?: string;
  /** The loss; one that fits the data set's task. */
  @property() loss?: string;
  /** Examples in a synthetic data set. */
  @property({ converter: numberAttribute }) samples?: number;
  /** Noise of a synthetic data set. */
  @property({ converter: numberAttribute }) noise?: number;
  /** Seed of the data and of the shuffles. */
  @property({ converter: numberAttribute }) seed?: number;
  /** The modes side by side, comma-separated. */
  @property() modes?: string;
  /** Examples per mini-batch update; the default suits the data set. */
  @property({ attribute: 'batch-size', converter: numberAttribute }) batchSize?: number;
  /** Learning rate; the default suits the data set. */
  @property({ converter: numberAttribute }) lr?: number;
  /** Passes over the data; the default suits the data set. */
  @property({ converter: numberAttribute }) epochs?: number;
  /** The update rule every mode uses. */
  @property() optimizer?: string;
  /** Epochs per second while playing. */
  @property({ converter: numberAttribute }) speed?: number;
  /** What the loss chart counts along its x axis. */
  @property({ attribute: 'x-axis' }) xAxis?: string;

  @state() private settings!: TrainerSettings;
  @state() private lanes: TrainingLane[] = [];

  @query('canvas.data') private dataCanvas!: HTMLCanvasElement;
  @query('canvas.plot') private pathsCanvas?: HTMLCanvasElement;

  protected readonly tag = 'gd-batch-trainer';
  /** The same clock as the descent figures': a frame is an epoch of every mode, trained just before it shows. */
  private readonly playback = new PlaybackController<'done'>(this, {
    speed: () => this.settings.speed,
    last: () => this.settings.epochs,
    stop: () => 'done',
    stepDetail: (k) => ({ epoch: k, loss: Object.fromEntries(this.lanes.map((l) => [l.mode, l.run.history.loss[Math.min(k, l.run.history.loss.length - 1)]])) }),
    onStop: () => (this.announcement = this.t.trainer.doneSentence(this.settings.epochs)),
    reach: (k) => this.trainTo(k),
  });
  private dataPlot?: DataPlot;
  private pathsPlot?: SurfacePlot;
  private datasetKey = '';
  private trainKey = '';
  /** The parameter-space picture of a two-parameter model: its loss surface (null for other models). */
  private lossSurface: Surface | null = null;

  // ---- read-only state for scripts ----

  /** Per mode: epoch[], loss[], updates[], examples[] (and accuracy[] for classifiers), one entry per epoch from 0. */
  get history(): Partial<Record<BatchMode, TrainHistory>> {
    this.readIfNotRendered();
    return Object.fromEntries(this.lanes.map((l) => [l.mode, structuredClone(l.run.history)]));
  }

  /** 'ready' | 'running' | 'paused' | 'done'. */
  get status(): TrainerStatus {
    this.readIfNotRendered();
    return this.playback.status;
  }

  /** Epochs shown: every mode has trained this many, or stopped before (diverged). */
  get epoch(): number {
    this.readIfNotRendered();
    return this.playback.k;
  }

  // ---- public methods ----

  /** Trains until `epochs` (from the start once done). */
  play(): void {
    if (this.putOffUntilRendered(() => this.play())) return;
    this.playback.play();
  }

  pause(): void {
    this.playback.pause();
  }

  /** One epoch of every mode. */
  step(): void {
    if (this.putOffUntilRendered(() => this.step())) return;
    this.playback.step();
  }

  /** Back to the untrained model, with the settings as the attributes say (the reader's changes undone). */
  reset(): void {
    if (this.putOffUntilRendered(() => this.reset())) return;
    // Back to the start first, so that restored settings are not trained up to the epoch shown.
    this.playback.reset();
    this.restoreAuthorSettings();
  }

  // ---- lifecycle ----

  protected override updated(): void {
    if (this.lossSurface && !this.pathsPlot && this.pathsCanvas) this.pathsPlot = this.inSlices(new SurfacePlot(this.pathsCanvas));
    if (!this.lossSurface) this.pathsPlot = undefined;
    this.drawFrame();
  }

  protected override isInput(name: string): boolean {
    return ['dataName', 'loss', 'samples', 'noise', 'seed', 'modes', 'batchSize', 'lr', 'epochs', 'optimizer', 'speed', 'xAxis'].includes(name);
  }

  // ---- settings and training ----

  protected override configure(): void {
    const r = this.reader;
    const name = r.choice('dataset', this.setting('dataName'), DATASET_NAMES, A.dataset.default as DatasetName);
    const defaults = DEFAULT_TRAIN_OPTIONS[name];
    const synthetic = name !== 'iris';
    const samples = synthetic ? r.number('samples', this.samples, A.samples, A.samples.default!) : 150;
    const noise = synthetic ? r.number('noise', this.noise, A.noise, A.noise.default!) : 0;
    const seed = r.number('seed', this.seed, A.seed, A.seed.default!);
    const datasetKey = JSON.stringify([name, samples, noise, seed]);
    const dataset = datasetKey === this.datasetKey ? this.settings.dataset : makeDataset(name, { samples, noise, seed });
    this.datasetKey = datasetKey;
    const losses = TASK_LOSSES[dataset.task];
    const loss = r.choice('loss', this.setting('loss'), losses, losses[0] as LossName);
    const model = this.settings && this.settings.model.dataset === dataset && this.settings.model.loss === loss ? this.settings.model : createModel(dataset, loss);
    const settings: TrainerSettings = {
      dataset,
      model,
      modes: this.readModes(),
      // At most the data set's examples: a mini-batch cannot be larger than the data.
      batchSize: r.number('batch-size', this.setting('batchSize'), { ...A['batch-size'], max: dataset.n }, Math.min(defaults.batchSize, dataset.n)),
      lr: r.number('lr', this.setting('lr'), A.lr, defaults.options?.lr ?? A.lr.default!),
      epochs: r.number('epochs', this.setting('epochs'), A.epochs, defaults.epochs),
      optimizer: r.choice('optimizer', this.setting('optimizer'), OPTIMIZER_NAMES, A.optimizer.default as OptimizerName),
      seed,
      speed: r.number('speed', this.setting('speed'), A.speed, A.speed.default!),
      xAxis: r.choice('x-axis', this.setting('xAxis'), X_AXES, A['x-axis'].default as XAxis),
    };
    const previous = this.settings;
    this.settings = settings;
    const key = JSON.stringify([datasetKey, loss, settings.modes, settings.batchSize, settings.lr, settings.epochs, settings.optimizer]);
    if (key !== this.trainKey) {
      this.trainKey = key;
      this.lossSurface = this.surfaceFor(model);
      // The same model (data and loss) trained another way keeps the reader's place: the
      // new training is brought to the epoch shown (as far as it goes), playing if it was.
      // New data or a new loss is a new start.
      const sameModel = previous !== undefined && previous.model === model && this.lanes.length > 0;
      this.rebuild();
      if (sameModel) this.playback.keep();
      else this.playback.load();
    }
  }

  private readModes(): BatchMode[] {
    if (this.modes === undefined) return [...MODES];
    const names = this.modes.split(/[,;\s]+/).map((m) => m.trim().toLowerCase()).filter(Boolean);
    const known = [...new Set(names.filter((n): n is BatchMode => (MODES as readonly string[]).includes(n)))];
    if (known.length === 0 || known.length !== names.length) {
      const fallback = known.length > 0 ? known : [...MODES];
      const raw = quotedValue(this.modes);
      this.reader.message('modes', this.modes, this.t.notAChoice('modes', raw, MODES.join(', '), fallback.join(',')), `modes="${raw}" is not a list of ${MODES.join(', ')}; using ${fallback.join(',')}.`);
      return fallback;
    }
    return known;
  }

  /** Fresh trainers: every mode from the same start, the same seed, untrained. */
  private rebuild(): void {
    const s = this.settings;
    const sizes: Record<BatchMode, number> = { batch: s.dataset.n, sgd: 1, minibatch: s.batchSize };
    this.lanes = s.modes.map((mode) => ({
      id: mode,
      mode,
      tone: TONES[mode],
      run: new Trainer(s.model, { batchSize: sizes[mode], epochs: s.epochs, seed: s.seed, optimizer: s.optimizer, options: { lr: s.lr } }),
    }));
    this.announcement = '';
  }

  /** The playback's `reach` (trainLanesTo): every mode up to epoch k; epoch 0 is a new start, fresh trainers. */
  private trainTo(k: number): number {
    if (k === 0 && this.lanes.some((l) => l.run.updates > 0)) this.rebuild();
    return trainLanesTo(this.lanes, k, this.settings.epochs);
  }

  /**
   * The full-data loss over (w, b) of a two-parameter model. Its contours cost one loss
   * per heatmap sample: with no closed form (mean absolute error) only small data sets.
   */
  private surfaceFor(model: Model): Surface | null {
    if (model.dim !== 2 || (model.loss !== 'mse' && model.dataset.n > 500)) return null;
    return lossSurfaceOf(model, model.initialParams())?.surface ?? null;
  }

  // ---- canvases ----

  protected override setUpCanvases(): void {
    this.dataPlot ??= new DataPlot(this.dataCanvas);
    this.resize.observe(this.renderRoot.querySelector('.data-box')!);
    this.lossChart.attach();
  }

  protected override drawFrame(): void {
    if (!this.dataPlot) return;
    const tokens = this.tokens;
    const theme = plotThemeOf(tokens);
    const width = Math.max(200, this.resize.width || this.dataCanvas.parentElement!.clientWidth || 320);
    this.dataPlot.setTheme(theme);
    this.dataPlot.setLang(this.i18n.lang);
    this.dataPlot.setData(this.dataView());
    this.dataPlot.resize(width, Math.round(Math.min(width * 0.75, 380)), this.pixelRatio);
    this.dataPlot.draw(this.dataScene(tokens));
    if (this.pathsPlot && this.lossSurface) {
      this.pathsPlot.setSurface(this.lossSurface);
      this.pathsPlot.setAxisNames('w', 'b');
      this.pathsPlot.setTheme(theme);
      this.pathsPlot.setLang(this.i18n.lang);
      this.pathsPlot.resize(width, heightForWidth(width, this.lossSurface.domain), this.pixelRatio);
      this.pathsPlot.draw({
        paths: this.lanes.map((l) => ({ points: l.run.path, color: toneColor(tokens, l.tone), width: 2, dots: false })),
        points: this.lanes.map((l) => ({ at: l.run.params, color: toneColor(tokens, l.tone), radius: 4 })),
        start: [0, 0],
      });
    }
    this.drawChart(tokens);
  }

  private dataViewCache?: { dataset: Dataset; lang: string; view: ReturnType<GdBatchTrainer['makeDataView']> };

  /** The two columns the data plot shows: (x, y) for a line, the two features of the clouds, iris's petals. */
  private dataView() {
    const dataset = this.settings.dataset;
    const lang = this.i18n.lang;
    if (this.dataViewCache?.dataset !== dataset || this.dataViewCache.lang !== lang) this.dataViewCache = { dataset, lang, view: this.makeDataView(dataset) };
    return this.dataViewCache.view;
  }

  private makeDataView(d: Dataset) {
    const [fx, fy] = d.task === 'regression' ? [0, -1] : d.d > 2 ? [2, 3] : [0, 1];
    const xs = new Float64Array(2 * d.n);
    // Iris's features are standardised for training; the plot shows them in cm again.
    for (let i = 0; i < d.n; i++) {
      xs[2 * i] = originalFeature(d, fx, d.x[i * d.d + fx]);
      xs[2 * i + 1] = fy < 0 ? d.y[i] : originalFeature(d, fy, d.x[i * d.d + fy]);
    }
    const feature = (name: string) => this.t.trainer.featureNames[name] ?? name;
    const names: [string, string] = [feature(d.featureNames[fx]), fy < 0 ? 'y' : feature(d.featureNames[fy])];
    return d.task === 'regression'
      ? { kind: 'regression' as const, xs, axisNames: names }
      : { kind: 'classification' as const, xs, labels: d.y, classes: d.classes, axisNames: names, columns: [fx, fy] as const };
  }

  private dataScene(tokens: ThemeTokens): DataScene {
    const d = this.settings.dataset;
    const model = this.settings.model;
    // No labels on the canvas: three fits that converge end at one place and their labels
    // would pile up over the lines. The key under the plot names each colour.
    if (d.task === 'regression') {
      return { lines: this.lanes.map((l) => ({ slope: l.run.params[0], intercept: l.run.params[1], color: toneColor(tokens, l.tone) })) };
    }
    if (d.task === 'binary') {
      return { boundaries: this.lanes.map((l) => ({ kind: 'binary-line' as const, color: toneColor(tokens, l.tone), line: { a: l.run.params[0], b: l.run.params[1], c: l.run.params[2] } })) };
    }
    // Iris: class regions over the petal measurements, the other two features at their mean (0 once standardised).
    const features = new Float64Array(d.d);
    return {
      boundaries: this.lanes.map((l) => ({
        kind: 'regions' as const,
        color: toneColor(tokens, l.tone),
        version: l.run.updates,
        classify: (x: number, y: number) => {
          // From cm on the plot back to the standardised features the model was trained on.
          features[2] = standardisedFeature(d, 2, x);
          features[3] = standardisedFeature(d, 3, y);
          return model.predictClass(l.run.params, features);
        },
      })),
    };
  }

  private drawChart(tokens: ThemeTokens): void {
    const t = this.t.trainer;
    const axis = this.settings.xAxis;
    this.lossChart.draw({
      series: this.lanes.map((l) => {
        const h = l.run.history;
        return { label: this.modeLabel(l.mode), color: toneColor(tokens, l.tone), axis: 'left' as const, xs: axis === 'epochs' ? h.epoch : axis === 'updates' ? h.updates : h.examples, ys: h.loss };
      }),
      xLabel: t[axis],
      leftLabel: t.loss,
      description: this.t.lossChartLabel,
      lang: this.i18n.lang,
      theme: chartThemeOf(tokens),
      xMin: 0,
    }, { throttleMs: this.playback.playing || this.interacting ? LIVE_CHART_THROTTLE_MS : 0 });
  }

  // ---- render ----

  private modeLabel(mode: BatchMode): string {
    const t = this.t.trainer.modes;
    return mode === 'minibatch' ? t.minibatch(this.settings.batchSize) : t[mode];
  }

  protected override render() {
    const t = this.t;
    const s = this.settings;
    const name = t.trainer.datasets[s.dataset.name];
    return html`
      <div class="frame" part="frame">
        <div class="title">
          <h2>${name}</h2>
          <span class="subtitle">${t.trainer.losses[s.model.loss]} · ${t.optimizerNames[s.optimizer]} · η = ${this.numbers.setting(s.lr)}</span>
        </div>
        ${this.renderNotes()}
        <div class="plots ${this.lossSurface ? 'two' : ''}">
          <div class="data-box" part="data">
            <canvas class="data" role="img" aria-label=${t.trainer.dataLabel(name)}></canvas>
            ${this.renderDataKey()}
          </div>
          ${this.lossSurface
            ? html`<div part="paths">
                <h3>${t.trainer.pathsTitle}</h3>
                <canvas class="plot" role="img" aria-label=${t.trainer.pathsLabel}></canvas>
              </div>`
            : nothing}
        </div>
        ${this.renderResults()}
        ${chartLegend(this.lanes.map((l) => ({ label: this.modeLabel(l.mode), tone: l.tone })))}
        <div class="chart-box" part="chart"><canvas class="chart"></canvas></div>
        ${this.renderPlayControls({
          playing: this.playback.playing,
          ended: this.playback.ended,
          atStart: this.status === 'ready' && !this.readerChanges.any,
          toggle: () => this.playback.toggle(),
          step: () => this.step(),
          reset: () => this.reset(),
          speed: s.speed,
          setSpeed: (v) => this.change({ speed: v }),
          speedText: (v) => t.trainer.epochsPerSecond(this.numbers.setting(v)),
          speeds: SPEEDS,
        })}
        ${this.renderRules()} ${this.renderSettings()} ${this.renderAnnouncement()} ${this.renderAuthoring()}
      </div>
    `;
  }

  /** What the data plot's colours mean: each mode's fit, and each class's marker. */
  private renderDataKey() {
    const t = this.t.trainer;
    const d = this.settings.dataset;
    const classes = d.task === 'regression' ? [] : d.classNames;
    return html`<div class="data-key">
      <ul class="plot-key" aria-label=${t.fitsKey}>
        ${this.lanes.map((l) => html`<li><span class="swatch tone-${l.tone}"></span>${this.modeLabel(l.mode)}</li>`)}
      </ul>
      ${classes.length > 0
        ? classKey({ title: t.classesKey[d.name as 'logistic' | 'iris'] ?? t.classesKey.logistic, names: classes, dark: this.themes.dark, nameClass: d.name === 'iris' ? 'species' : undefined })
        : nothing}
    </div>`;
  }

  private renderResults() {
    const t = this.t;
    const classifier = this.settings.dataset.task !== 'regression';
    const shown = (v: number | undefined) => (v !== undefined && Number.isFinite(v) ? this.numbers.text(v) : '—');
    // Column names start with a capital letter, as headings do ("updates" is also the chart's axis title).
    const heading = (text: string) => text.charAt(0).toLocaleUpperCase(this.i18n.lang) + text.slice(1);
    const columns = [t.trainer.epoch, t.trainer.updates, t.trainer.examples, t.trainer.loss, ...(classifier ? [t.trainer.accuracy] : [])].map(heading);
    return html`<div class="table-box"><table class="stacks" part="results">
      <caption class="visually-hidden">${t.trainer.table}</caption>
      <thead>
        <tr>
          <th scope="col"><span class="visually-hidden">${t.trainer.mode}</span></th>
          ${columns.map((c) => html`<th scope="col">${c}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${this.lanes.map((l) => {
          const h = l.run.history;
          const last = h.loss.length - 1;
          return html`<tr>
            <th scope="row"><span class="swatch tone-${l.tone}"></span>${this.modeLabel(l.mode)}</th>
            <td class="number" data-label=${columns[0]}>${l.run.epoch}</td>
            <td class="number" data-label=${columns[1]}>${l.run.updates}</td>
            <td class="number" data-label=${columns[2]}>${l.run.examples}</td>
            <td class="number lead" data-label=${columns[3]}>${shown(h.loss[last])}</td>
            ${classifier ? html`<td class="number lead" data-label=${columns[4]}>${h.accuracy ? this.numbers.percent(h.accuracy[last], 1) : '—'}</td>` : nothing}
          </tr>`;
        })}
      </tbody>
    </table></div>`;
  }

  private renderRules() {
    const s = this.settings;
    return html`<div class="rules">
      <h3>${this.t.trainer.rulesTitle}</h3>
      ${this.lanes.map(
        (l) => html`<div class="formula" part="formula" tabindex="0" ${formula(batchRuleTex(l.mode, s.dataset.n, s.batchSize, s.lr, this.numbers), { label: this.modeLabel(l.mode) })}></div>`,
      )}
    </div>`;
  }

  private renderSettings() {
    const t = this.t;
    const s = this.settings;
    return this.renderSettingsPanel(() => html`
      <label class="field"
        >${t.trainer.dataset}
        <select @change=${(e: Event) => this.chooseDataset((e.target as HTMLSelectElement).value)}>
          ${DATASET_NAMES.map((n) => html`<option value=${n} ?selected=${n === s.dataset.name}>${t.trainer.datasetChoices[n]}</option>`)}
        </select>
      </label>
      <label class="field"
        >${t.trainer.xAxis}
        <select @change=${(e: Event) => this.change({ xAxis: (e.target as HTMLSelectElement).value })}>
          ${X_AXES.map((a) => html`<option value=${a} ?selected=${a === s.xAxis}>${t.trainer[a]}</option>`)}
        </select>
      </label>
      ${logSliderField({ id: 'lr', numbers: this.numbers, label: t.learningRate, symbol: 'η', value: s.lr, range: LR_RANGE, onInput: (v) => this.change({ lr: v }) })}
      ${numberField({ id: 'batch-size', numbers: this.numbers, label: t.trainer.batchSize, value: s.batchSize, min: 1, max: s.dataset.n, step: 1, onChange: (v) => this.change({ batchSize: v }) })}
      ${numberField({ id: 'epochs', numbers: this.numbers, label: t.trainer.epochsField, value: s.epochs, min: 1, max: 1000, step: 1, onChange: (v) => this.change({ epochs: v }) })}
      <label class="field"
        >${t.optimizer}
        <select @change=${(e: Event) => this.change({ optimizer: (e.target as HTMLSelectElement).value })}>
          ${OPTIMIZER_NAMES.map((n) => html`<option value=${n} ?selected=${n === s.optimizer}>${t.optimizerNames[n]}</option>`)}
        </select>
      </label>
    `);
  }

  // ---- handlers ----

  /** Another data set, with its own loss, rate, epochs and batch size. */
  private chooseDataset(name: string): void {
    this.change({ dataName: name as DatasetName, loss: undefined, lr: undefined, epochs: undefined, batchSize: undefined });
  }

  protected override stateAttributes() {
    const s = this.settings;
    const d = DEFAULT_TRAIN_OPTIONS[s.dataset.name];
    return {
      dataset: s.dataset.name,
      loss: s.model.loss === TASK_LOSSES[s.dataset.task][0] ? undefined : s.model.loss,
      samples: s.dataset.name !== 'iris' && s.dataset.n !== A.samples.default ? s.dataset.n : undefined,
      noise: this.noise !== undefined ? shortNumber(this.noise) : undefined,
      seed: s.seed === A.seed.default ? undefined : s.seed,
      modes: s.modes.join(',') === MODES.join(',') ? undefined : s.modes.join(','),
      'batch-size': s.batchSize === d.batchSize ? undefined : s.batchSize,
      lr: shortNumber(s.lr),
      epochs: s.epochs === d.epochs ? undefined : s.epochs,
      optimizer: s.optimizer === A.optimizer.default ? undefined : s.optimizer,
      'x-axis': s.xAxis === A['x-axis'].default ? undefined : s.xAxis,
    };
  }
}
