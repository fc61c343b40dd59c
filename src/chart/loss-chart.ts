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
 *   chart = new ChartController(this, { canvas: () => this.renderRoot.querySelector('canvas'), make: () => ({...}) });
 *   firstUpdated() { this.chart.attach(); }   // and again in connectedCallback after a reconnection
 *
 * The controller (controllers/chart.ts) destroys the chart when the element leaves the
 * page: Chart.js keeps every live chart in a page-wide registry.
 *
 * Every frame: `draw(scene)` with the whole picture (each series with its data, the
 * labels, the theme, the x range). The chart compares it with the last scene: when only
 * the data changed (a frame of an animation) it refills the points and redraws, its
 * options untouched; colours recolour the datasets; a new theme, labels or list of
 * series rebuild the options. The arrays are read during `draw`; the points drawn are
 * refilled in place, so frames do not allocate. Over 4 points per pixel of width,
 * Chart.js's min-max decimation draws the envelope of the data (exact at that
 * resolution), so the cost of a frame stays bounded for long runs.
 * The legend is HTML, not canvas (legend.ts): screen readers read it, the page's fonts
 * and language apply, and Chart.js's Legend plugin stays out of the bundle.
 * The labels' `lang` is how tick labels and tooltips write numbers ("0,5" in Spanish).
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

/** Whether two series lists have the same datasets but for colours: names, axes, dashes and order. */
function sameSeries(a: readonly LossSeries[], b: readonly LossSeries[]): boolean {
  return (
    a.length === b.length &&
    a.every((s, i) => {
      const t = b[i];
      return s.label === t.label && (s.axis ?? 'left') === (t.axis ?? 'left') && !!s.dashed === !!t.dashed && !!s.front === !!t.front;
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

/** One series of a scene: how it is drawn, and its data (xs increasing). */
export interface ChartSeries extends LossSeries {
  readonly xs: ArrayLike<number>;
  readonly ys: ArrayLike<number>;
}

/** Everything a chart shows in one frame (see `LossChart.draw`). */
export interface ChartScene extends LossChartLabels {
  readonly series: readonly ChartSeries[];
  readonly theme: ChartTheme;
  /** Fixed ends of the x axis; an end left undefined fits the data. */
  readonly xMin?: number;
  readonly xMax?: number;
}

type LossDataset = ChartDataset<'line', ChartPoint[]>;

const AXES: readonly YAxis[] = ['left', 'right'];
const DASH = [6, 4];
/** Tick label size, CSS px, when the theme gives none; axis titles are 12 px beside 11 px ticks. */
const TICK_FONT_SIZE = 11;

/**
 * How often a playing figure's chart redraws, ms: about ten times a second. The plot
 * moves every frame; a loss curve growing ten times a second reads the same, at a sixth
 * of Chart.js's layout work (design.md, "Frame budget").
 */
export const LIVE_CHART_THROTTLE_MS = 100;

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
    // A log axis under a decade has linear ticks (narrowLogTicks): as many decimals as their
    // step, while they are positional numbers (below 10^4; above, "1.5×10⁸", never "150000000").
    const narrow = this.type === 'logarithmic' && ticks.length > 1 && ticks[ticks.length - 1].value / ticks[0].value < 10;
    if (narrow && ticks[ticks.length - 1].value < 1e4) return numbers.tick(Number(value), ticks[1].value - ticks[0].value);
    if (narrow) return numbers.text(Number(value), 3, { trimZeros: true });
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
  /** When the last draw ran (performance.now()), a scene waiting for the end of a throttle window, and its timer. */
  private drawnAt = Number.NEGATIVE_INFINITY;
  private pending?: ChartScene;
  private timer?: ReturnType<typeof setTimeout>;

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

  /**
   * Draws one frame of `scene`. Only what differs from the last scene is redone: the data
   * alone refills the points and redraws (`update('none')`) with the same options object;
   * series colours recolour their datasets; the x range is set on the x axis in place;
   * a new theme, labels, list of series or axis type rebuilds the options.
   * With `throttleMs` (a playing figure), a scene that changes only the data within that
   * long of the last draw waits for the end of the window (only the latest scene is drawn),
   * and one after it for a task of its own (the next timer task, between frames).
   */
  draw(scene: ChartScene, options: { throttleMs?: number } = {}): void {
    if (this.destroyed) return;
    const throttle = options.throttleMs ?? 0;
    const wait = Math.max(0, this.drawnAt + throttle - performance.now());
    if (throttle > 0 && this.onlyDataChanged(scene)) {
      // A playing figure: new data every frame. Chart.js lays its axes out again at each
      // redraw (tick labels measured, forcing the page's style): the data waits for the
      // end of the window, and the chart always ends on the latest scene. Even at the end
      // of the window it waits for a task of its own: in the frame, after the other
      // figures' renders, setting the canvas's font (the tick labels) would lay the whole
      // page out again, once per chart; in a task between frames the layout is clean.
      this.pending = scene;
      this.timer ??= setTimeout(() => {
        this.timer = undefined;
        const pending = this.pending;
        this.pending = undefined;
        if (pending) this.drawScene(pending);
      }, wait);
      return;
    }
    this.drawScene(scene);
  }

  /** Draws `scene` now (a scene waiting for its turn is dropped: this one is newer). */
  private drawScene(scene: ChartScene): void {
    if (this.destroyed) return;
    this.pending = undefined;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.drawnAt = performance.now();
    this.setSeriesList(scene.series);
    this.setSeriesColors(scene.series.map((s) => s.color));
    this.setLabels(scene);
    this.setTheme(scene.theme);
    this.setXRange(scene.xMin, scene.xMax);
    scene.series.forEach((s, i) => (this.data[i] = { xs: s.xs, ys: s.ys }));
    this.update();
  }

  /**
   * Whether `scene` differs from what the chart shows only in its data and what follows
   * from the data: the x range (a run's length) and which lines are dashed (curves that
   * coincide). A new rate dragged changes all three every frame; none needs to be drawn
   * sooner than the data.
   */
  private onlyDataChanged(scene: ChartScene): boolean {
    const l = this.labels;
    const t = this.theme;
    const u = scene.theme;
    return (
      scene.series.length === this.series.length &&
      scene.series.every((s, i) => s.label === this.series[i].label && (s.axis ?? 'left') === (this.series[i].axis ?? 'left') && s.color === this.series[i].color) &&
      (scene.xLabel ?? '') === l.xLabel &&
      (scene.leftLabel ?? '') === l.leftLabel &&
      (scene.rightLabel ?? '') === l.rightLabel &&
      (scene.description ?? '') === l.description &&
      numbersFor(scene.lang ?? 'en') === this.numbers &&
      t.text === u.text && t.grid === u.grid && t.font === u.font && t.fontSize === u.fontSize && t.dark === u.dark
    );
  }

  /** Draws at this many canvas pixels per CSS pixel (a saved image's), or the screen's when undefined. */
  setPixelRatio(ratio?: number): void {
    if (this.destroyed || ratio === this.pixelRatio) return;
    this.pixelRatio = ratio;
    this.chart.options.devicePixelRatio = ratio;
    this.optionsStale = true;
    this.chart.resize();
  }

  /**
   * Replaces the series (count, names, axes, dashes). Data of series that remain at the
   * same index is kept; new ones start empty.
   */
  private setSeriesList(series: readonly LossSeries[]): void {
    // The same list (a figure draws it every frame) keeps the datasets and the options.
    if (sameSeries(this.series, series)) return;
    this.series = series.map((s) => ({ label: s.label, color: s.color, axis: s.axis, dashed: s.dashed, front: s.front }));
    this.data = this.series.map((_, i) => this.data[i] ?? { xs: [], ys: [] });
    this.points = this.series.map((_, i) => this.points[i] ?? []);
    this.chart.data.datasets = this.series.map((s, i) => this.dataset(s, this.points[i]));
    this.optionsStale = true;
  }

  /** New axis titles, description or language. */
  private setLabels(labels: LossChartLabels): void {
    const l = this.labels;
    const same =
      (labels.xLabel ?? '') === l.xLabel &&
      (labels.leftLabel ?? '') === l.leftLabel &&
      (labels.rightLabel ?? '') === l.rightLabel &&
      (labels.description ?? '') === l.description &&
      numbersFor(labels.lang ?? 'en') === this.numbers;
    if (same) return;
    this.labels = {
      xLabel: labels.xLabel ?? '',
      leftLabel: labels.leftLabel ?? '',
      rightLabel: labels.rightLabel ?? '',
      description: labels.description ?? '',
    };
    this.numbers = numbersFor(labels.lang ?? 'en');
    this.describeCanvas();
    this.optionsStale = true;
  }

  /** New colours and font for text, grid and tooltips; a theme equal to the current one changes nothing. */
  private setTheme(theme: ChartTheme): void {
    const t = this.theme;
    if (t.text === theme.text && t.grid === theme.grid && t.font === theme.font && t.fontSize === theme.fontSize && t.dark === theme.dark) return;
    this.theme = { ...theme };
    this.optionsStale = true;
  }

  /** New line colours, one per series in order: set on the datasets, the options untouched. */
  private setSeriesColors(colors: readonly string[]): void {
    this.series.forEach((s, i) => {
      const color = colors[i];
      if (color === undefined || color === s.color) return;
      this.series[i] = { ...s, color };
      const dataset = this.chart.data.datasets[i];
      dataset.borderColor = color;
      dataset.backgroundColor = color;
    });
  }

  /** Fixes the x range (undefined: fit the data), on the x axis's options in place. */
  private setXRange(min?: number, max?: number): void {
    if (this.xRange.min === min && this.xRange.max === max) return;
    this.xRange = { min, max };
    const x = this.chart.config.options?.scales?.x;
    if (x) {
      x.min = min;
      x.max = max;
    } else this.optionsStale = true;
  }

  /** Redraws with the current data, labels and theme. */
  private update(): void {
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
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.pending = undefined;
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
