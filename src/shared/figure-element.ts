/**
 * What every gd-widgets element shares, whatever it teaches: the `theme`, `autoplay`,
 * `controls` and `authoring` attributes, the reader's language and theme, attribute
 * reading with notes, the polite live region, the play controls, the settings panel's
 * frame and the author tools (copy shortcode, copy HTML).
 *
 * `controls` decides here, for every element, which controls are drawn:
 * - `full` (default): the play row (play or pause, step, reset, speed) and the settings.
 * - `compact`: the play row without the speed menu; no settings panel.
 * - `none`: neither. The plot still takes clicks, taps and keys (Space plays), `autoplay`
 *   still plays, and `play()`, `step()`, `reset()` still work from script.
 * Whatever teaches (plots, chart, readouts, tables, formulas) shows in every mode.
 * The author tools follow `authoring` alone, in every mode (see renderAuthoring).
 */
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { AnimationController } from '../controllers/animation.js';
import { ResizeController } from '../controllers/resize.js';
import { NearViewportController } from '../controllers/near-viewport.js';
import { LangController } from '../i18n/lang.js';
import type { Messages } from '../i18n/messages.js';
import type { Numbers } from '../i18n/numbers.js';
import { chartThemeOf, readTokens, ThemeController, THEME_SETTINGS, themeTokens, type ThemeSetting, type ThemeTokens } from '../theme/theme.js';
import { katexStyles } from '../formula/index.js';
import { legendStyles, type LossChartOptions } from '../chart/index.js';
import { ChartController } from '../controllers/chart.js';
import type { PlotInput, SurfacePlot } from '../plot/index.js';
import { AttributeReader } from './attributes.js';
import { ReaderChanges } from './reader-changes.js';
import { downloadFigureImage } from './figure-image.js';
import { CopyController, hugoShortcode, htmlTag, type AttributeMap } from './shortcode.js';
import { firstRenderTurn } from './first-render-queue.js';
import { controlStyles, frameStyles } from './styles.js';
import { CONTROLS, CONTROLS_MODES } from '../spec/common.js';

/** The values of `controls`: how much of its controls a figure shows (see above). */
export { CONTROLS_MODES };
export type ControlsMode = (typeof CONTROLS_MODES)[number];

/** Attributes of every figure whose change means reading the attributes again. */
const SHARED_INPUTS = new Set(['controls']);

/** Speeds offered in the speed menu. */
const SPEEDS = [5, 15, 30, 60, 120, 240] as const;

/** What the play controls need to know and do. */
export interface PlayControls {
  playing: boolean;
  /** No step left to make. */
  ended: boolean;
  atStart: boolean;
  toggle(): void;
  step(): void;
  reset(): void;
  speed: number;
  setSpeed(value: number): void;
  /** "30 steps/s", "4 epochs/s". */
  speedText(value: number): string;
  /** Offered speeds; default 5 to 240. */
  speeds?: readonly number[];
  /** More buttons, after Step (the network's "Next phase"). */
  more?: unknown;
}

export abstract class FigureElement extends LitElement {
  static override styles = [frameStyles, themeTokens, controlStyles, katexStyles, legendStyles];

  /**
   * The height of the box the figure reserves before its first render (see
   * `scheduleUpdate`) in a wide column and in a narrow one (under 560 px), about the
   * rendered figure's, so the page does not jump when it renders. Each figure sets its own.
   */
  protected static placeholderHeight: { wide: string; narrow: string } = { wide: '56em', narrow: '87em' };

  /** Play as soon as the figure is on screen (never under reduced motion). */
  @property({ type: Boolean }) autoplay = false;
  /** Follow what the page shows behind the figure (auto), or light or dark. */
  @property() theme: string = 'auto';
  /** How much of its controls the figure shows (see above; the contract: src/spec/common.ts). */
  @property() controls?: string;
  /** Show the author tools (copy shortcode, copy HTML): for an author's preview, never a published page. */
  @property({ type: Boolean }) authoring = false;

  /** The `controls` attribute as read: a bad value is 'full', with a note. */
  protected controlsMode: ControlsMode = 'full';

  /** The polite live region's text. */
  @state() protected announcement = '';
  /** The last "Save image" failed. */
  @state() private imageFailed = false;
  /** While "Save image" paints: the image's pixel ratio, at which the canvases draw. */
  private imageRatio?: number;

  protected readonly internals = this.attachInternals();
  protected readonly reader = new AttributeReader(this);
  protected readonly i18n = new LangController(this);
  protected readonly themes = new ThemeController(this, () => this.themeSetting, this.internals);
  protected readonly resize = new ResizeController(this);
  /** Whether the figure has come near the viewport: its first render waits for that. */
  private readonly nearViewport = new NearViewportController(this);
  /** The box shown until the first render. */
  private placeholder?: HTMLElement;
  /** The element's own width, for `narrow`: observed, so no frame reads layout. */
  private readonly hostSize = new ResizeController(this);
  protected readonly copier = new CopyController(this);
  /** The loss chart on `canvas.chart`: made with the canvases (`attach()` in setUpCanvases), destroyed on disconnect. */
  protected readonly lossChart = new ChartController(this, {
    canvas: () => this.renderRoot.querySelector<HTMLCanvasElement>('canvas.chart'),
    make: () => this.chartOptions(),
  });

  /** What the loss chart is made with: a logarithmic left axis (a linear right one), the theme now; the first scene brings the rest. */
  protected chartOptions(): LossChartOptions {
    return { series: [], lang: this.i18n.lang, logScale: { left: true, right: false }, theme: chartThemeOf(this.tokens) };
  }
  /** Pointer and keys on the main plot, detached on disconnect. */
  protected input?: PlotInput;
  /** The reader's changes to the settings, apart from the author's attributes (see reader-changes.ts). */
  protected readonly readerChanges = new ReaderChanges();
  private configuredLang = '';
  private configured = false;
  /** The reader changed a setting since the last reading. */
  private readerChanged = false;
  /** The resolved tokens and what they were read for (see `tokens`). */
  private readTokensFor?: { tokens: ThemeTokens; key: string };

  /** The tag, for the copy buttons. */
  protected abstract readonly tag: string;

  /** Reads every attribute with `this.reader` (after `this.reader.begin`) and recomputes what changed. */
  protected abstract configure(): void;

  /** The attributes that reproduce what the reader sees now, for the copy buttons. */
  protected abstract stateAttributes(): AttributeMap;

  /** Properties whose change rereads the settings. */
  protected abstract isInput(name: string): boolean;

  /** Runs the figure (autoplay calls it). */
  abstract play(): void;

  /** Creates the plots, the chart and the input on the rendered canvases (again after a reconnection). */
  protected abstract setUpCanvases(): void;

  /** Draws one frame of the canvases: after every update, at most once a frame. */
  protected abstract drawFrame(): void;

  constructor() {
    super();
    this.hostSize.observe(this);
  }

  /**
   * The frame budget: the first render waits until the figure comes near the viewport
   * (a screen away), then for its turn in the page's queue (first-render-queue.ts), a
   * task of its own, the figures in view first. Until then the figure is a placeholder
   * of about its size. Later updates are Lit's usual microtask.
   */
  protected override async scheduleUpdate(): Promise<void> {
    if (!this.hasUpdated) {
      await this.nearViewport.whenNear();
      await firstRenderTurn(() => this.nearViewport.distance);
    }
    super.scheduleUpdate();
  }

  protected override createRenderRoot() {
    const root = super.createRenderRoot();
    const placeholder = document.createElement('div');
    placeholder.className = 'placeholder';
    placeholder.setAttribute('part', 'placeholder');
    const height = (this.constructor as typeof FigureElement).placeholderHeight;
    placeholder.style.setProperty('--wide', height.wide);
    placeholder.style.setProperty('--narrow', height.narrow);
    root.append(placeholder);
    this.placeholder = placeholder;
    // `change` does not leave the shadow root: both are heard inside it.
    const isSlider = (e: Event) => (e.target as HTMLInputElement | null)?.type === 'range';
    root.addEventListener('input', (e) => {
      if (isSlider(e)) this.sliding = true;
    });
    root.addEventListener('change', (e) => {
      if (!isSlider(e) || !this.sliding) return;
      this.sliding = false;
      this.requestUpdate();
    });
    return root;
  }

  protected override update(changed: PropertyValues): void {
    this.placeholder?.remove();
    this.placeholder = undefined;
    super.update(changed);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) this.setUpCanvases();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.input?.detach();
    this.input = undefined;
  }

  /**
   * The rest of the first render, in two more turns of the page's queue (tasks of their
   * own): the canvases (plots, the chart's construction), then their first drawing (the
   * heatmap and contours, the chart's data). A figure whose `updated` sets its canvases up
   * itself does it in the first turn. `updateComplete` waits for all of it.
   */
  protected override firstUpdated(): void {
    const turn = () => firstRenderTurn(() => this.nearViewport.distance);
    this.firstDrawn = (async () => {
      await turn();
      // Disconnected meanwhile: connectedCallback sets them up on the way back.
      if (this.isConnected) this.setUpCanvases();
      await turn();
      this.requestUpdate();
      if (this.autoplay && AnimationController.autoplayAllowed) this.play();
    })();
  }

  /** Resolves when the first render's turns are done (see firstUpdated). */
  private firstDrawn?: Promise<void>;

  /**
   * Resolves when the first render's turns are done and every surface plot's background
   * is drawn (they are computed in slices: see inSlices). A script waiting for the figure
   * wants it drawn, wherever it is on the page: it renders as if near the viewport (still
   * in its turn of the queue).
   */
  protected override async getUpdateComplete(): Promise<boolean> {
    if (!this.hasUpdated) this.nearViewport.arriveNow();
    let done = await super.getUpdateComplete();
    if (this.firstDrawn) {
      await this.firstDrawn;
      done = await super.getUpdateComplete();
    }
    for (;;) {
      const pending = [...this.slicedPlots].map((plot) => plot.backgroundReady).filter((ready) => ready !== null);
      if (pending.length === 0) return done;
      await Promise.all(pending);
      done = await super.getUpdateComplete();
    }
  }

  /** The surface plots whose backgrounds are computed in slices (inSlices). */
  private readonly slicedPlots = new Set<SurfacePlot>();

  /**
   * The frame budget: `plot` computes its background (heatmap and contour lines) in
   * slices, a task each, and the figure draws a frame when it is ready; until then frames
   * show the scene over the previous background or the axes. Returns the plot.
   */
  protected inSlices<P extends SurfacePlot>(plot: P): P {
    plot.computeInSlices(() => this.requestUpdate());
    for (const old of this.slicedPlots) if (!old.canvas.isConnected) this.slicedPlots.delete(old);
    this.slicedPlots.add(plot);
    return plot;
  }

  protected override updated(): void {
    this.drawFrame();
  }

  /**
   * Before its first render (a figure far from the viewport), a script's play(), step()
   * or reset() renders the figure and then runs: true when `action` was put off so.
   */
  protected putOffUntilRendered(action: () => void): boolean {
    if (this.hasUpdated) return false;
    void this.updateComplete.then(action);
    return true;
  }

  /**
   * The colours and text size the canvases draw with, resolved from the host's computed
   * style: read again when the theme, the size or a property changed, never on an
   * animation frame (playing changes none of them).
   */
  protected get tokens(): ThemeTokens {
    const key = `${this.themes.dark} ${this.resize.width} ${this.resize.height}`;
    if (this.readTokensFor?.key !== key) this.readTokensFor = { tokens: readTokens(this, this.themes.dark), key };
    return this.readTokensFor.tokens;
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.size > 0) this.readTokensFor = undefined;
    const keys = [...changed.keys()].map(String);
    const inputs = keys.filter((key) => this.isInput(key));
    // A script (or the markup) set these: the author's value replaces the reader's change.
    for (const key of inputs) this.readerChanges.forget(key);
    const shared = keys.some((key) => SHARED_INPUTS.has(key));
    if (!this.configured || inputs.length > 0 || shared || this.readerChanged || this.i18n.lang !== this.configuredLang) {
      this.configured = true;
      this.readerChanged = false;
      this.configuredLang = this.i18n.lang;
      this.readAttributes();
    }
  }

  /**
   * For the read-only state scripts (and page tools: accessibility checkers read every
   * element's `value`) may read before the figure has rendered (it waits for the
   * viewport): the settings and runs as the attributes say now. After the first render
   * the update keeps them current.
   */
  protected readIfNotRendered(): void {
    if (this.hasUpdated) return;
    this.configured = true;
    this.configuredLang = this.i18n.lang;
    this.readAttributes();
  }

  /** Reads every attribute afresh, the shared ones and the figure's (`configure`), with new notes. */
  protected readAttributes(): void {
    this.reader.begin(this.t);
    this.controlsMode = this.reader.choice('controls', this.controls, CONTROLS_MODES, CONTROLS.default as ControlsMode);
    this.configure();
  }

  // ---- the reader's changes ----

  /** The value of setting `name` in use: the reader's if they changed it, else the author's attribute. */
  protected setting<K extends keyof this & string>(name: K): this[K] {
    return this.readerChanges.valueOf(name, this[name]);
  }

  /** The reader changes settings (by property name; undefined for the default): read again at the next update. */
  protected change(changes: Record<string, unknown>): void {
    this.readerChanges.set(changes);
    this.readerChanged = true;
    this.requestUpdate();
  }

  /** A slider is being dragged: from its first `input` to its `change`, when the reader lets go. */
  private sliding = false;

  /**
   * The reader is dragging a slider: like playing, new data every frame, so the chart
   * redraws about ten times a second (LIVE_CHART_THROTTLE_MS), always ending on the
   * latest; letting go draws at once.
   */
  protected get interacting(): boolean {
    return this.sliding;
  }

  /**
   * Forgets the reader's changes, so the figure is as the author wrote it again, and
   * reads the settings at once; true when there was a change to forget.
   */
  protected restoreAuthorSettings(): boolean {
    if (!this.readerChanges.clear()) return false;
    this.readerChanged = false;
    this.readAttributes();
    this.requestUpdate();
    return true;
  }

  protected get t(): Messages {
    return this.i18n.messages;
  }

  /** Every number the reader sees or types goes through these (i18n/numbers.ts). */
  protected get numbers(): Numbers {
    return this.i18n.numbers;
  }

  /** Canvas pixels per CSS pixel: the screen's, or the image's while "Save image" paints. */
  protected get pixelRatio(): number {
    return this.imageRatio ?? (window.devicePixelRatio || 1);
  }

  /**
   * A column under 560 px: formulas break their chains, tables stack. The width comes
   * from a ResizeObserver on the element; only the first render, before it reports,
   * reads `clientWidth` (layout reads on every frame would force style and layout).
   */
  protected get narrow(): boolean {
    const width = this.hostSize.width || this.clientWidth;
    return width > 0 && width < 560;
  }

  private get themeSetting(): ThemeSetting {
    return (THEME_SETTINGS as readonly string[]).includes(this.theme) ? (this.theme as ThemeSetting) : 'auto';
  }

  // ---- shared parts of the render ----

  protected renderNotes() {
    return html`<ul class="notes" part="notes" role="note">${this.reader.notes.map((n) => html`<li>${n}</li>`)}</ul>`;
  }

  protected renderAnnouncement() {
    return html`<p class="message" role="status" aria-live="polite">${this.announcement}</p>`;
  }

  /**
   * Play or pause, step, reset, and (controls="full") the speed menu; nothing with
   * controls="none". The author tools are not here: see renderAuthoring.
   */
  protected renderPlayControls(c: PlayControls) {
    if (this.controlsMode === 'none') return nothing;
    const t = this.t;
    const speeds = c.speeds ?? SPEEDS;
    return html`<div class="toolbar" part="controls">
      <button class="primary" @click=${() => c.toggle()} aria-pressed=${c.playing ? 'true' : 'false'}>${c.playing ? t.pause : t.play}</button>
      <button @click=${() => c.step()} ?disabled=${c.ended}>${t.step}</button>
      ${c.more ?? nothing}
      <button @click=${() => c.reset()} ?disabled=${c.atStart}>${t.reset}</button>
      ${this.controlsMode === 'full'
        ? html`<select aria-label=${t.speed} @change=${(e: Event) => c.setSpeed(Number((e.target as HTMLSelectElement).value))}>
            ${speeds.map((v) => html`<option value=${v} ?selected=${v === c.speed}>${c.speedText(v)}</option>`)}
            ${speeds.includes(c.speed) ? nothing : html`<option value=${c.speed} selected>${c.speedText(c.speed)}</option>`}
          </select>`
        : nothing}
    </div>`;
  }

  /**
   * The settings panel (sliders, menus, number fields) around `fields`, only with
   * controls="full": every figure draws its panel through here, so the modes agree.
   */
  protected renderSettingsPanel(fields: () => unknown) {
    if (this.controlsMode !== 'full') return nothing;
    return html`<div class="settings" part="controls">${fields()}</div>`;
  }

  /** Whether the reader sees the settings panel (controls="full"): hints that name its sliders ask this. */
  protected get showsSettings(): boolean {
    return this.controlsMode === 'full';
  }

  /** Whether the reader sees play, step and reset (controls="full" or "compact"). */
  protected get showsPlayControls(): boolean {
    return this.controlsMode !== 'none';
  }

  /** What the copy tools copy: the figure's state, and `controls` when not the default (never `authoring`). */
  private copiedAttributes(): AttributeMap {
    return { ...this.stateAttributes(), controls: this.controlsMode === 'full' ? undefined : this.controlsMode };
  }

  /**
   * The author tools, only with the `authoring` attribute (the Hugo shortcode sets it
   * under `hugo server`): a group labelled "For authors", last in the figure, so a
   * teacher can tell it is not part of the lesson, with the copy buttons and, when the
   * clipboard is refused, the text to select. They show in every `controls` mode: an
   * author previewing a compact or bare figure still copies its shortcode (a start point
   * clicked on the plot is part of it), and the attribute never reaches a reader.
   * Each tool is one button in `.authoring-tools`. The group is left out of the saved image
   * (`data-no-image`): a slide shows the figure, not the tools that made it.
   */
  protected renderAuthoring() {
    if (!this.authoring) return nothing;
    const t = this.t;
    return html`<fieldset class="authoring" part="authoring" data-no-image>
      <legend>${t.forAuthors}</legend>
      <div class="authoring-tools">
        <button @click=${() => this.copier.copy(hugoShortcode(this.tag, this.copiedAttributes()))}>
          ${this.copier.status === 'copied' ? t.copied : t.copyShortcode}
        </button>
        <button @click=${() => this.copier.copy(htmlTag(this.tag, this.copiedAttributes()))}>${t.copyHtml}</button>
        <button @click=${() => this.saveImage()}>${this.imageFailed ? t.saveImageFailed : t.saveImage}</button>
      </div>
      ${this.copier.status === 'failed'
        ? html`<label class="field">${t.copyFailed}<textarea class="copy-text" readonly .value=${this.copier.text}></textarea></label>`
        : nothing}
    </fieldset>`;
  }

  /** Downloads a PNG of the figure as the reader sees it (figure-image.ts); says so on the button when it cannot. */
  protected async saveImage(): Promise<void> {
    try {
      await downloadFigureImage(this, this.imageName(), (ratio) => {
        this.imageRatio = ratio;
        this.lossChart.setPixelRatio(ratio);
        // The image is painted in this task: backgrounds whole, at once, there and back.
        for (const plot of this.slicedPlots) plot.computeAtOnce();
        this.drawFrame();
        if (ratio === undefined) for (const plot of this.slicedPlots) this.inSlices(plot);
      });
      this.imageFailed = false;
    } catch (error) {
      console.warn(`${this.tag}: could not save the image`, error);
      this.imageFailed = true;
    }
  }

  /** The image's file name: the tag and the named surface or data set, e.g. gd-explorer-rosenbrock.png. */
  protected imageName(): string {
    const a = this.stateAttributes();
    const what = String(a.surface ?? a.dataset ?? '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40);
    return `${this.tag}${what ? `-${what}` : ''}.png`;
  }
}
