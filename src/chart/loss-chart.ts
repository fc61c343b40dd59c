/**
 * A line chart of losses against iterations (or epochs, updates, examples), on one or
 * two y axes, for live data: Chart.js 4 with only the parts it uses registered, no
 * animation, pre-parsed {x, y} points and `update('none')`.
 *
 * Axes: `left` and `right` y axes, each logarithmic when asked for and the data allows
 * (see log-axis.ts): by default the left axis (f, a loss) turns linear while any value
 * is <= 0 and the right axis (a gradient norm) leaves zeros out. Non-finite points are
 * never drawn, so a diverged run shows up to its last finite value.
 *
 * In a Lit element (the canvas needs a sized, `position: relative` wrapper):
 *
 *   static styles = css`
 *     .chart { position: relative; width: 100%; height: var(--gd-chart-height, 220px); }
 *   `;
 *   render() { return html`<div class="chart" part="chart"><canvas></canvas></div>`; }
 *   firstUpdated() { this.chart = new LossChart(this.renderRoot.querySelector('canvas')!, {...}); }
 *   connectedCallback() { super.connectedCallback(); if (this.hasUpdated && !this.chart) this.chart = ...; }
 *   disconnectedCallback() { super.disconnectedCallback(); this.chart?.destroy(); this.chart = undefined; }
 *
 * Data: `setSeries(i, xs, ys)` for each series (plain arrays or typed arrays, xs
 * increasing), then `update()` once per frame. The arrays are read when `update()` runs;
 * the points drawn are refilled in place, so frames do not allocate. Over 4 points per
 * pixel of width, Chart.js's min-max decimation draws the envelope of the data (exact
 * at that resolution), so the cost of a frame stays bounded for long runs.
 * The legend is HTML, not canvas (legend.ts): screen readers read it, the page's fonts
 * and language apply, and Chart.js's Legend plugin stays out of the bundle.
 * Theme: `setTheme` and `setSeriesColors` are cheap when nothing changed (call them every
 * frame if that is simpler); `setLabels` for a language change (titles, names, and the
 * language tick labels and tooltips write numbers in: "0,5" in Spanish).
 */
import { Chart, Decimation, LineController, LineElement, LinearScale, LogarithmicScale, PointElement, Tooltip } from 'chart.js';
import type { ChartConfiguration, ChartDataset, ChartOptions, Scale } from 'chart.js';
import type { Lang } from '../i18n/lang.js';
import { numbersFor, type Numbers } from '../i18n/numbers.js';
import { chooseAxisType, logTicksToKeep, narrowLogTicks, plottablePoints } from './log-axis.js';
import type { AxisType, ChartPoint, NonPositivePolicy } from './log-axis.js';
import { LIGHT_CHART_THEME } from './theme.js';
import type { ChartTheme } from './theme.js';

export type YAxis = 'left' | 'right';

/** Whether two series lists draw the same: names, colours, axes, dashes and order. */
function sameSeries(a: readonly LossSeries[], b: readonly LossSeries[]): boolean {
  return (
    a.length === b.length &&
    a.every((s, i) => {
      const t = b[i];
      return s.label === t.label && s.color === t.color && (s.axis ?? 'left') === (t.axis ?? 'left') && !!s.dashed === !!t.dashed && !!s.front === !!t.front;
    })
  );
}

export interface LossSeries {
  /** Legend and tooltip name. */
  readonly label: string;
  /** A CSS colour the canvas understands (resolved, not a var()). */
  readonly color: string;
  /** The y axis it is drawn against. Default 'left'. */
  readonly axis?: YAxis;
  /** A dashed line. Default false. */
  readonly dashed?: boolean;
  /**
   * Drawn above the other series (Chart.js draws the first dataset on top otherwise):
   * a dashed line over one it coincides with shows both colours. Default false.
   */
  readonly front?: boolean;
}

export interface LossChartLabels {
  readonly xLabel?: string;
  readonly leftLabel?: string;
  readonly rightLabel?: string;
  /** A text alternative for the canvas (role="img"), e.g. "Loss against iteration". */
  readonly description?: string;
  /** The reader's language: how tick labels and tooltips write numbers. Default 'en'. */
  readonly lang?: Lang;
}

export interface LossChartOptions extends LossChartLabels {
  readonly series: readonly LossSeries[];
  /** Logarithmic y axes where the data allows. `true` is both axes. Default true. */
  readonly logScale?: boolean | { readonly left?: boolean; readonly right?: boolean };
  /** What a log axis does with y <= 0. Default left 'linear', right 'drop'. */
  readonly nonPositive?: { readonly left?: NonPositivePolicy; readonly right?: NonPositivePolicy };
  /** Default LIGHT_CHART_THEME. */
  readonly theme?: ChartTheme;
}

type LossDataset = ChartDataset<'line', ChartPoint[]>;

const AXES: readonly YAxis[] = ['left', 'right'];
const DASH = [6, 4];
/** Tick label size, CSS px, when the theme gives none; axis titles are 12 px beside 11 px ticks. */
const TICK_FONT_SIZE = 11;

let registered = false;

/** Registers the Chart.js parts a LossChart uses (once; `Chart.register` is global). */
function registerChartParts(): void {
  if (registered) return;
  Chart.register(LineController, LineElement, PointElement, LinearScale, LogarithmicScale, Tooltip, Decimation);
  registered = true;
}

/** Tick labels in the reader's numbers: fixed significant digits, powers of ten as 10⁻⁵ on log axes. */
function tickLabels(numbers: Numbers) {
  return function tickLabel(this: Scale, value: number | string, _index: number, ticks: { value: number }[]): string {
    // A log axis under a decade has linear ticks (narrowLogTicks): as many decimals as their step.
    const narrow = this.type === 'logarithmic' && ticks.length > 1 && ticks[ticks.length - 1].value / ticks[0].value < 10;
    if (narrow) return numbers.tick(Number(value), ticks[1].value - ticks[0].value);
    return numbers.text(Number(value), this.type === 'logarithmic' ? 2 : 3, { trimZeros: true });
  };
}

/** The dot of a series that has one point so far (a line needs two). */
const SINGLE_POINT_RADIUS = 3;

/** Space between two tick labels of a y axis, CSS px, beyond the labels' own height. */
const TICK_LABEL_GAP = 4;

/**
 * Keeps a handful of a log axis's ticks (see logTicksToKeep), no two closer on screen
 * than a label's height and a gap ("0.9" and "1" would touch). Chart.js has set the
 * axis's length before it builds the ticks, so this reads no layout.
 */
function thinLogTicks(scale: Scale, tickFontSize: number): void {
  if (scale.type !== 'logarithmic') return;
  const ticks = scale.ticks;
  const length = scale.isHorizontal() ? scale.width : scale.height;
  const decades = Math.log10(scale.max / scale.min);
  const labelSpace = tickFontSize + TICK_LABEL_GAP;
  const narrow = narrowLogTicks(scale.min, scale.max, Math.max(2, Math.floor(length / (2 * labelSpace))));
  if (narrow) {
    scale.ticks = narrow.map((value) => ({ value }));
    return;
  }
  const minGap = length > 0 && decades > 0 && Number.isFinite(decades) ? (labelSpace * decades) / length : 0;
  scale.ticks = logTicksToKeep(ticks.map((t) => t.value), undefined, minGap).map((i) => ticks[i]);
}

export class LossChart {
  /** The Chart.js instance, for tests and advanced styling; do not destroy it directly. */
  readonly chart: Chart<'line', ChartPoint[]>;
  private series: LossSeries[];
  private data: { xs: ArrayLike<number>; ys: ArrayLike<number> }[];
  /** The array each dataset draws, refilled in place by `update()`. */
  private points: ChartPoint[][];
  private labels: Required<Omit<LossChartLabels, 'lang'>>;
  private numbers: Numbers;
  private theme: ChartTheme;
  private readonly wantLog: Record<YAxis, boolean>;
  private readonly policy: Record<YAxis, NonPositivePolicy>;
  private types: Record<YAxis, AxisType>;
  private xRange: { min?: number; max?: number } = {};
  private optionsStale = false;
  /** Canvas pixels per CSS pixel; undefined: the screen's. */
  private pixelRatio?: number;
  private destroyed = false;

  constructor(
    private readonly canvas: HTMLCanvasElement,
    options: LossChartOptions,
  ) {
    registerChartParts();
    const log = options.logScale ?? true;
    this.wantLog = typeof log === 'boolean' ? { left: log, right: log } : { left: log.left ?? true, right: log.right ?? true };
    this.policy = { left: options.nonPositive?.left ?? 'linear', right: options.nonPositive?.right ?? 'drop' };
    this.types = { left: this.wantLog.left ? 'logarithmic' : 'linear', right: this.wantLog.right ? 'logarithmic' : 'linear' };
    this.series = [...options.series];
    this.data = this.series.map(() => ({ xs: [], ys: [] }));
    this.points = this.series.map(() => []);
    this.labels = {
      xLabel: options.xLabel ?? '',
      leftLabel: options.leftLabel ?? '',
      rightLabel: options.rightLabel ?? '',
      description: options.description ?? '',
    };
    this.numbers = numbersFor(options.lang ?? 'en');
    this.theme = options.theme ?? LIGHT_CHART_THEME;
    this.describeCanvas();
    const config: ChartConfiguration<'line', ChartPoint[]> = {
      type: 'line',
      data: { datasets: this.series.map((s, i) => this.dataset(s, this.points[i])) },
      options: this.chartOptions(),
    };
    this.chart = new Chart(canvas, config);
  }

  /** The type each y axis has after the last `update()`. */
  get axisTypes(): Readonly<Record<YAxis, AxisType>> {
    return { ...this.types };
  }

  /** The data of series i: xs[j] against ys[j]; read at the next `update()`. */
  setSeries(i: number, xs: ArrayLike<number>, ys: ArrayLike<number>): void {
    if (!(i >= 0 && i < this.series.length)) throw new RangeError(`no series ${i} (the chart has ${this.series.length})`);
    this.data[i] = { xs, ys };
  }

  /** The data of every series at once, in order. */
  setData(data: ReadonlyArray<{ readonly xs: ArrayLike<number>; readonly ys: ArrayLike<number> }>): void {
    data.forEach(({ xs, ys }, i) => this.setSeries(i, xs, ys));
  }

  /**
   * Replaces the series (count, names, colours, axes, dashes). Data of series that
   * remain at the same index is kept; new ones start empty.
   */
  setSeriesList(series: readonly LossSeries[]): void {
    // The same list (a figure sets it every frame) keeps the datasets and the options.
    if (sameSeries(this.series, series)) return;
    this.series = [...series];
    this.data = this.series.map((_, i) => this.data[i] ?? { xs: [], ys: [] });
    this.points = this.series.map((_, i) => this.points[i] ?? []);
    this.chart.data.datasets = this.series.map((s, i) => this.dataset(s, this.points[i]));
    this.optionsStale = true;
  }

  /** New axis titles, series names or description (a language change). */
  setLabels(labels: LossChartLabels & { readonly series?: readonly string[] }): void {
    const l = this.labels;
    const same =
      (labels.xLabel ?? l.xLabel) === l.xLabel &&
      (labels.leftLabel ?? l.leftLabel) === l.leftLabel &&
      (labels.rightLabel ?? l.rightLabel) === l.rightLabel &&
      (labels.description ?? l.description) === l.description &&
      (labels.lang === undefined || numbersFor(labels.lang) === this.numbers) &&
      (!labels.series || labels.series.every((label, i) => label === this.series[i]?.label));
    if (same) return;
    this.labels = {
      xLabel: labels.xLabel ?? this.labels.xLabel,
      leftLabel: labels.leftLabel ?? this.labels.leftLabel,
      rightLabel: labels.rightLabel ?? this.labels.rightLabel,
      description: labels.description ?? this.labels.description,
    };
    if (labels.lang !== undefined) this.numbers = numbersFor(labels.lang);
    if (labels.series) {
      this.setSeriesList(this.series.map((s, i) => ({ ...s, label: labels.series![i] ?? s.label })));
    }
    this.describeCanvas();
    this.optionsStale = true;
  }

  /**
   * New colours and font for text, grid and tooltips (series colours: `setSeriesColors`).
   * Cheap to call every frame: a theme equal to the current one changes nothing.
   */
  setTheme(theme: ChartTheme): void {
    const t = this.theme;
    if (t.text === theme.text && t.grid === theme.grid && t.font === theme.font && t.fontSize === theme.fontSize && t.dark === theme.dark) return;
    this.theme = { ...theme };
    this.optionsStale = true;
  }

  /** New line colours, one per series in order (a theme change). Cheap to call every frame. */
  setSeriesColors(colors: readonly string[]): void {
    this.series.forEach((s, i) => {
      const color = colors[i];
      if (color === undefined || color === s.color) return;
      this.series[i] = { ...s, color };
      const dataset = this.chart.data.datasets[i];
      dataset.borderColor = color;
      dataset.backgroundColor = color;
    });
  }

  /** Draws at this many canvas pixels per CSS pixel (a saved image's), or the screen's when undefined. */
  setPixelRatio(ratio?: number): void {
    if (this.destroyed || ratio === this.pixelRatio) return;
    this.pixelRatio = ratio;
    this.chart.options.devicePixelRatio = ratio;
    this.optionsStale = true;
    this.chart.resize();
  }

  /** Fixes the x range (undefined: fit the data). */
  setXRange(min?: number, max?: number): void {
    if (this.xRange.min === min && this.xRange.max === max) return;
    this.xRange = { min, max };
    this.optionsStale = true;
  }

  /** Redraws with the current data, labels and theme. Call once per frame at most. */
  update(): void {
    if (this.destroyed) return;
    for (const axis of AXES) {
      const ys = this.series.flatMap((s, i) => ((s.axis ?? 'left') === axis ? [this.data[i].ys] : []));
      const type = chooseAxisType(this.wantLog[axis], this.policy[axis], ys);
      if (type !== this.types[axis]) {
        this.types[axis] = type;
        this.optionsStale = true;
      }
    }
    this.series.forEach((s, i) => {
      const { xs, ys } = this.data[i];
      // Each dataset keeps its array and point objects from frame to frame.
      const points = plottablePoints(xs, ys, this.types[s.axis ?? 'left'], this.points[i]);
      // A line needs two points: a run at iteration 0 shows its one value as a dot. Chart.js
      // caches resolved options, so the dataset is replaced when that changes (rarely).
      const dot = points.length === 1;
      if (dot !== (this.chart.data.datasets[i].pointRadius === SINGLE_POINT_RADIUS)) this.chart.data.datasets[i] = this.dataset(s, points, dot);
    });
    if (this.optionsStale) {
      this.chart.options = this.chartOptions();
      this.optionsStale = false;
    }
    this.chart.update('none');
  }

  /** Releases the chart (it leaves `Chart.instances`); later calls do nothing. */
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.chart.destroy();
  }

  private describeCanvas(): void {
    this.canvas.setAttribute('role', 'img');
    if (this.labels.description) this.canvas.setAttribute('aria-label', this.labels.description);
    else this.canvas.removeAttribute('aria-label');
  }

  private dataset(s: LossSeries, data: ChartPoint[], dot = false): LossDataset {
    return {
      label: s.label,
      data,
      yAxisID: s.axis ?? 'left',
      borderColor: s.color,
      backgroundColor: s.color,
      borderWidth: 2,
      borderDash: s.dashed ? DASH : [],
      order: s.front ? -1 : 0,
      pointRadius: dot ? SINGLE_POINT_RADIUS : 0,
      pointHoverRadius: 3,
      pointHitRadius: 6,
      tension: 0,
    };
  }

  private chartOptions(): ChartOptions<'line'> {
    const { text, grid, font, dark } = this.theme;
    const tickSize = this.theme.fontSize ?? TICK_FONT_SIZE;
    const numbers = this.numbers;
    const tickLabel = tickLabels(numbers);
    const tickFont = { family: font, size: tickSize };
    const titleFont = { family: font, size: Math.round((tickSize * 120) / TICK_FONT_SIZE) / 10 };
    const used = (axis: YAxis) => this.series.some((s) => (s.axis ?? 'left') === axis);
    const yAxis = (axis: YAxis, title: string) => ({
      type: this.types[axis],
      position: axis,
      display: used(axis),
      title: { display: title !== '', text: title, color: text, font: titleFont },
      ticks: { color: text, font: tickFont, callback: tickLabel, maxTicksLimit: 7, autoSkipPadding: 6 },
      afterBuildTicks: (scale: Scale) => thinLogTicks(scale, tickSize),
      border: { color: grid },
      // One grid is enough: the right axis's lines would not match the left's.
      grid: { color: grid, drawOnChartArea: axis === 'left' || !used('left') },
    });
    return {
      animation: false,
      devicePixelRatio: this.pixelRatio,
      responsive: true,
      maintainAspectRatio: false,
      parsing: false,
      // plottablePoints leaves no gaps to look for.
      spanGaps: true,
      interaction: { mode: 'nearest', axis: 'x', intersect: false },
      layout: { padding: { top: 4, right: 4, bottom: 0, left: 0 } },
      scales: {
        x: {
          type: 'linear',
          min: this.xRange.min,
          max: this.xRange.max,
          title: { display: this.labels.xLabel !== '', text: this.labels.xLabel, color: text, font: titleFont },
          // x counts iterations, epochs, updates or examples: whole numbers only.
          ticks: { color: text, font: tickFont, callback: tickLabel, maxTicksLimit: 8, maxRotation: 0, precision: 0 },
          border: { color: grid },
          grid: { color: grid },
        },
        left: yAxis('left', this.labels.leftLabel),
        right: yAxis('right', this.labels.rightLabel),
      },
      plugins: {
        decimation: { enabled: true, algorithm: 'min-max' },
        tooltip: {
          backgroundColor: dark ? 'rgba(245, 245, 245, 0.95)' : 'rgba(30, 30, 30, 0.9)',
          titleColor: dark ? '#111' : '#fff',
          bodyColor: dark ? '#111' : '#fff',
          titleFont: tickFont,
          bodyFont: tickFont,
          callbacks: {
            title: (items) => (items.length ? `${this.labels.xLabel} ${numbers.text(items[0].parsed.x ?? NaN, 4, { trimZeros: true })}`.trim() : ''),
            label: (item) => `${item.dataset.label ?? ''}: ${numbers.text(item.parsed.y ?? NaN, 4)}`,
          },
        },
      },
    };
  }
}
