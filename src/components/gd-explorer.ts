/**
 * `<gd-explorer>`: one optimizer on a 2-D surface. The reader picks a start point on
 * the contour map, sets the learning rate and the optimizer, and plays the run: the
 * path, the next step against the gradient, the loss curve and the update rule with
 * its numbers.
 */
import { css, html, nothing } from 'lit';
import { query } from 'lit/decorators.js';
import type { Surface } from '../core/index.js';
import { LossChart, chartLegend } from '../chart/index.js';
import { SurfacePlot, heightForWidth, type PlotScene } from '../plot/index.js';
import { chartThemeOf, plotThemeOf, readTokens, type ThemeTokens } from '../theme/theme.js';
import { DescentFigure, type FigureDefaults } from '../shared/descent-figure.js';
import { LR_RANGE } from '../shared/presets.js';
import { figureStyles } from '../shared/styles.js';

export type { GdStepDetail, GdStopDetail } from '../shared/descent-figure.js';

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
 * @cssprop --gd-gradient - The next-step arrow.
 * @cssprop --gd-bg - The figure's background.
 * @cssprop --gd-text - Text colour.
 * @cssprop --gd-font - Font family.
 */
export class GdExplorer extends DescentFigure {
  static override styles = [
    ...DescentFigure.styles,
    figureStyles,
    css`
      @container (min-width: 680px) {
        .figure {
          grid-template-columns: minmax(0, 1.15fr) minmax(0, 1fr);
          align-items: start;
        }
      }
    `,
  ];

  @query('canvas.plot') private plotCanvas!: HTMLCanvasElement;
  @query('canvas.chart') private chartCanvas!: HTMLCanvasElement;

  protected readonly tag = 'gd-explorer';
  protected readonly defaults: FigureDefaults = { surface: 'rosenbrock', steps: 1000, speed: 30, tolerance: 1e-5 };
  private plot?: SurfacePlot;

  /** The current point [x, y]. */
  override get position(): [number, number] {
    const [x, y] = super.position;
    return [x, y];
  }

  // ---- lifecycle ----

  // ---- canvases ----

  private get surfaceObjective(): Surface {
    return this.settings.objective as Surface;
  }

  protected override setUpCanvases(): void {
    this.plot ??= new SurfacePlot(this.plotCanvas);
    this.attachPlotInput(this.plot);
    this.resize.observe(this.renderRoot.querySelector('.plot-box')!);
    if (!this.chart) {
      const t = this.t;
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
        lang: this.i18n.lang,
      });
    }
  }

  /** One redraw: the plot's scene and the chart's data. */
  protected override drawFrame(): void {
    if (!this.plot) return;
    const tokens = readTokens(this, this.themes.dark);
    const surface = this.surfaceObjective;
    const width = this.resize.width || this.plotCanvas.parentElement!.clientWidth || 320;
    this.plot.setSurface(surface);
    this.plot.setTheme(plotThemeOf(tokens));
    this.plot.setLang(this.i18n.lang);
    this.plot.resize(width, Math.min(heightForWidth(width, surface.domain), Math.round(width * 1.1)), window.devicePixelRatio || 1);
    this.plot.draw(this.scene(tokens));
    if (this.chart) {
      const t = this.t;
      const n = this.playback.k + 1;
      const xs = Array.from({ length: n }, (_, i) => i);
      this.chart.setTheme(chartThemeOf(tokens));
      this.chart.setSeriesColors([tokens.accent, tokens.gradient]);
      this.chart.setLabels({ xLabel: t.chartIteration, description: t.chartLabel, series: [t.chartValue, t.chartGradientNorm], lang: this.i18n.lang });
      this.chart.setXRange(0, Math.max(10, this.run.path.length - 1));
      this.chart.setSeries(0, xs, this.run.values.slice(0, n));
      this.chart.setSeries(1, xs, this.run.gradientNorms.slice(0, n));
      this.chart.update();
    }
  }

  /** The whole run as a faint preview, the part played so far, and the next step. */
  private scene(tokens: ThemeTokens): PlotScene {
    const { run } = this;
    const k = this.playback.k;
    const s = this.settings;
    const point = run.path[k];
    const update = this.currentUpdate();
    const lr = s.options.lr;
    return {
      minima: this.surfaceObjective.minima,
      paths: [
        { points: run.path, color: tokens.dark ? 'rgba(255, 255, 255, 0.55)' : 'rgba(255, 255, 255, 0.8)', width: 1.25, dots: false, dash: [3, 4] },
        { points: run.path, color: tokens.accent, width: 2.5, upTo: k },
      ],
      arrows: update ? [{ from: point, vector: [-lr * update.gradient[0], -lr * update.gradient[1]], color: tokens.gradient }] : [],
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
            <canvas class="plot" part="plot" tabindex="0" role="img" aria-label=${t.plotLabel(this.objectiveLabel())} aria-describedby="hint"></canvas>
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
        <div class="settings" part="controls">${this.renderOptimizerFields({ surfaceChoice: true, lrRange: LR_RANGE })}</div>
        ${this.renderAnnouncement()}
        <p class="hint" id="hint">${t.plotHint}</p>
        ${this.renderCopyFallback()}
      </div>
    `;
  }

  /** What the marks on the map mean. */
  private renderPlotKey() {
    const k = this.t.plotKey;
    return html`<ul class="plot-key" aria-hidden="true">
      <li><span class="mark start"></span>${k.start}</li>
      <li><span class="mark point"></span>${k.point}</li>
      <li><span class="mark arrow">→</span>${k.step}</li>
      ${this.surfaceObjective.minima.length > 0 ? html`<li><span class="mark">★</span>${k.minimum}</li>` : nothing}
    </ul>`;
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
      <div><dt>${t.value}</dt><dd>${shown(this.run.values[k])}</dd></div>
      <div><dt>${t.gradientNorm}</dt><dd>${shown(this.run.gradientNorms[k])}</dd></div>
      <div><dt>${t.status}</dt><dd class="status-${status}">${t.statuses[status]}</dd></div>
    </dl>`;
  }
}
