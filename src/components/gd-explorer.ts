/**
 * `<gd-explorer>`: one optimizer on a 2-D surface. The reader picks a start point on
 * the contour map, sets the learning rate and the optimizer, and plays the run: the
 * path, the next step against the gradient, the loss curve and the update rule with
 * its numbers.
 */
import { css, html, nothing } from 'lit';
import { query } from 'lit/decorators.js';
import type { Surface } from '../core/index.js';
import { LIVE_CHART_THROTTLE_MS, chartLegend, type LossChartOptions } from '../chart/index.js';
import { SurfacePlot, heightForWidth, type PlotScene } from '../plot/index.js';
import { chartThemeOf, plotThemeOf, type ThemeTokens } from '../theme/theme.js';
import { DescentFigure } from '../shared/descent-figure.js';
import { lastIndex, type DescentLane } from '../shared/lanes.js';
import { LR_RANGE } from '../shared/presets.js';
import { figureStyles } from '../shared/styles.js';
import { GD_EXPLORER } from '../spec/gd-explorer.js';

export type { GdStepDetail, GdStopDetail } from '../shared/descent-figure.js';

/**
 * An optimizer on a 2-D surface, named or typed as an expression.
 *
 * `controls`: `full` (default) shows the play row (play, step, reset, speed) and the
 * settings (surface, optimizer, rates, more settings); `compact` only play, step and
 * reset; `none` no buttons or settings. The map, key, readouts, chart and formula show
 * in every mode; the map still takes clicks, taps and keys (Space plays), `autoplay`
 * still plays. A bad value is `full`, with a note. `authoring` adds the author tools
 * (copy shortcode, copy HTML) in a "For authors" group, in any mode.
 *
 * Events, parts and custom properties: its contract, src/spec/gd-explorer.ts
 * (custom-elements.json and the README's tables are generated from it).
 */
export class GdExplorer extends DescentFigure {
  /** About the rendered height, wide and narrow (the box shown until the first render). */
  protected static override placeholderHeight = { wide: '56em', narrow: '87em' };
  static override styles = [
    ...DescentFigure.styles,
    figureStyles,
    css`
      @container (min-width: 45.33em) {
        .figure {
          grid-template-columns: minmax(0, 1.15fr) minmax(0, 1fr);
          align-items: start;
        }
      }
    `,
  ];

  @query('canvas.plot') private plotCanvas!: HTMLCanvasElement;

  protected readonly tag = 'gd-explorer';
  protected readonly spec = GD_EXPLORER;
  private plot?: SurfacePlot;

  /** The current point [x, y]. */
  override get position(): [number, number] {
    const [x, y] = super.position;
    return [x, y];
  }

  // ---- the run ----

  /** One lane: the optimizer's run from the start point. */
  protected override makeLanes(): DescentLane[] {
    const s = this.settings;
    return [this.descentLane('main', 'accent', s.optimizer, s.options)];
  }

  // ---- canvases ----

  private get surfaceObjective(): Surface {
    return this.settings.objective as Surface;
  }

  protected override setUpCanvases(): void {
    this.plot ??= this.inSlices(new SurfacePlot(this.plotCanvas));
    this.attachPlotInput(this.plot);
    this.resize.observe(this.renderRoot.querySelector('.plot-box')!);
    this.lossChart.attach();
  }

  /** One redraw: the plot's scene and the chart's data. */
  protected override drawFrame(): void {
    if (!this.plot) return;
    const tokens = this.tokens;
    const surface = this.surfaceObjective;
    const width = this.resize.width || this.plotCanvas.parentElement!.clientWidth || 320;
    this.plot.setSurface(surface);
    this.plot.setTheme(plotThemeOf(tokens));
    this.plot.setLang(this.i18n.lang);
    this.plot.resize(width, Math.min(heightForWidth(width, surface.domain), Math.round(width * 1.1)), this.pixelRatio);
    this.plot.draw(this.scene(tokens));
    this.drawChart(tokens);
  }

  /** f and the gradient norm against iteration, as far as the playback has gone. */
  private drawChart(tokens: ThemeTokens): void {
    const t = this.t;
    const n = this.playback.k + 1;
    const xs = Array.from({ length: n }, (_, i) => i);
    const { run } = this.main;
    this.lossChart.draw({
      series: [
        { label: t.chartValue, color: tokens.accent, axis: 'left', xs, ys: run.values.slice(0, n) },
        // Dashed and in front: where log f and log ‖∇f‖ run parallel (the bowl) both show.
        { label: t.chartGradientNorm, color: tokens.gradient, axis: 'right', dashed: true, front: true, xs, ys: run.gradientNorms.slice(0, n) },
      ],
      xLabel: t.chartIteration,
      leftLabel: t.chartValue,
      rightLabel: t.chartGradientNorm,
      description: t.chartLabel,
      lang: this.i18n.lang,
      theme: chartThemeOf(tokens),
      xMin: 0,
      xMax: Math.max(10, lastIndex(this.main)),
    }, { throttleMs: this.playback.playing || this.interacting ? LIVE_CHART_THROTTLE_MS : 0 });
  }

  /** f and the gradient norm: both axes logarithmic while their values are positive. */
  protected override chartOptions(): LossChartOptions {
    return { ...super.chartOptions(), logScale: true };
  }

  /**
   * The next point of the run, x_{k+1}: where the next update takes the point shown (for
   * gradient descent x_k - lr grad f(x_k), for the others their whole update); null at
   * the end of the run.
   */
  private nextPoint(): Float64Array | null {
    const k = this.shownIndex;
    return k < lastIndex(this.main) ? this.main.run.path[k + 1] : null;
  }

  /** The next point, when it is off the plot (the arrow to it is then cut at the edge). */
  private nextOffPlot(): Float64Array | null {
    const next = this.nextPoint();
    const { x, y } = this.surfaceObjective.domain;
    if (!next || (next[0] >= x[0] && next[0] <= x[1] && next[1] >= y[0] && next[1] <= y[1])) return null;
    return next;
  }

  /** The whole run as a faint preview, the part played so far, and the next step: an arrow from x_k to x_{k+1}. */
  private scene(tokens: ThemeTokens): PlotScene {
    const { run } = this.main;
    const k = this.shownIndex;
    const s = this.settings;
    const point = run.path[k];
    const next = this.nextPoint();
    return {
      minima: this.surfaceObjective.minima,
      paths: [
        { points: run.path, color: tokens.dark ? 'rgba(255, 255, 255, 0.55)' : 'rgba(255, 255, 255, 0.8)', width: 1.25, dots: false, dash: [3, 4] },
        { points: run.path, color: tokens.accent, width: 2.5, upTo: k },
      ],
      arrows: next ? [{ from: point, vector: [next[0] - point[0], next[1] - point[1]], color: tokens.gradient }] : [],
      start: s.start,
      points: [{ at: point, color: tokens.accent, radius: 5 }],
    };
  }

  // ---- render ----

  protected override render() {
    const t = this.t;
    const s = this.settings;
    return html`
      <div class="frame" part="frame">
        ${this.renderTitle(`${t.optimizerNames[s.optimizer]} · η = ${this.numbers.setting(s.options.lr)}`)} ${this.renderNotes()}
        <div class="figure">
          <div class="plot-box">
            <canvas class="plot" part="plot" tabindex="0" role="img" aria-label=${t.plotLabel(this.objectiveLabel())} aria-describedby="hint step-note"></canvas>
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
        ${this.renderToolbar()} ${this.renderFormula()}
        ${this.renderSettingsPanel(() => this.renderOptimizerFields({ surfaceChoice: true, lrRange: LR_RANGE }))}
        ${this.renderAnnouncement()}
        <p class="hint" id="hint">${t.plotHint}</p>
        ${this.renderAuthoring()}
      </div>
    `;
  }

  /**
   * What the marks on the map mean; when the next step leaves the map, its mark, and
   * (for screen readers, beside the map's description) where the step lands.
   */
  private renderPlotKey() {
    const t = this.t;
    const k = t.plotKey;
    const off = this.nextOffPlot();
    return html`<ul class="plot-key" aria-hidden="true">
        <li><span class="mark start"></span>${k.start}</li>
        <li><span class="mark point"></span>${k.point}</li>
        <li><span class="mark arrow">→</span>${this.settings.optimizer === 'gd' ? k.step : k.nextStep}</li>
        ${this.surfaceObjective.minima.length > 0 ? html`<li><span class="mark">★</span>${k.minimum}</li>` : nothing}
        ${this.renderOffPlotKey(off !== null)}
      </ul>
      <p class="visually-hidden" id="step-note">${off ? t.stepOffPlot(this.numbers.point(off, 3)) : ''}</p>`;
  }

  /**
   * The » mark's entry, last in the key. It keeps its place when the step is on the plot
   * (hidden, not removed), so the figure does not grow and shift the page when the step
   * leaves it.
   */
  private renderOffPlotKey(shown: boolean) {
    return html`<li class="off-plot ${shown ? '' : 'unused'}"><span class="mark arrow">»</span>${this.t.plotKey.offPlot}</li>`;
  }

  private renderReadouts() {
    const t = this.t;
    const k = this.playback.k;
    const status = this.status;
    const [x, y] = this.position;
    const shown = (v: number) => (Number.isFinite(v) ? this.numbers.text(v, 4) : '—');
    return html`<dl class="readouts" part="readouts">
      <div><dt>${t.iteration}</dt><dd>${k}</dd></div>
      <div class="wide"><dt>${t.point}</dt><dd>${this.numbers.point([x, y], 4)}</dd></div>
      <div><dt>${t.value}</dt><dd>${shown(this.main.run.values[k])}</dd></div>
      <div><dt>${t.gradientNorm}</dt><dd>${shown(this.main.run.gradientNorms[k])}</dd></div>
      <div><dt>${t.status}</dt><dd class="status-${status}">${t.statuses[status]}</dd></div>
    </dl>`;
  }
}
