/**
 * LossChart in Chromium, inside a Lit element's shadow root as the widgets use it:
 * created in firstUpdated, destroyed on disconnect, log axes that never show values
 * they cannot place, theme and language changes, and speed with 1000 points.
 */
import { expect } from 'chai';
import { LitElement, css, html } from 'lit';
import { Chart } from 'chart.js';
import { LossChart } from '../../src/chart/loss-chart.js';
import { DARK_CHART_THEME, LIGHT_CHART_THEME } from '../../src/chart/theme.js';
import type { ChartScene, LossChartOptions, LossSeries } from '../../src/chart/loss-chart.js';

const RED = '#d62728';
const BLUE = '#1f77b4';

const OPTIONS: LossChartOptions = {
  series: [
    { label: 'f', color: RED, axis: 'left' },
    { label: '|∇f|', color: BLUE, axis: 'right', dashed: true },
  ],
  xLabel: 'iteration',
  leftLabel: 'f',
  rightLabel: '|∇f|',
  description: 'f and its gradient norm against iteration',
};

/** The documented pattern: a sized, position: relative wrapper; create in firstUpdated; destroy on disconnect. */
class ChartHost extends LitElement {
  static override styles = css`
    :host { display: block; width: 400px; }
    .chart { position: relative; width: 100%; height: var(--gd-chart-height, 220px); }
  `;
  chart?: LossChart;
  options: LossChartOptions = OPTIONS;

  override render() {
    return html`<div class="chart" part="chart"><canvas></canvas></div>`;
  }

  override firstUpdated() {
    this.chart = new LossChart(this.renderRoot.querySelector('canvas')!, this.options);
  }

  override connectedCallback() {
    super.connectedCallback();
    if (this.hasUpdated && !this.chart) this.firstUpdated();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.chart?.destroy();
    this.chart = undefined;
  }
}
customElements.define('test-chart-host', ChartHost);

async function mount(options: LossChartOptions = OPTIONS): Promise<ChartHost> {
  const host = document.createElement('test-chart-host') as ChartHost;
  host.options = options;
  document.body.append(host);
  await host.updateComplete;
  return host;
}

const iterations = (n: number) => Array.from({ length: n }, (_, k) => k);
/** Values falling exponentially from `from` over n points, by e^-11 (about 1e-5) unless told. */
const falling = (n: number, from: number, decades = 11 / Math.LN10) =>
  Array.from({ length: n }, (_, k) => from * 10 ** ((-k / n) * decades));

type Data = ReadonlyArray<readonly [ArrayLike<number>, ArrayLike<number>]>;

/**
 * A scene as a figure draws it each frame: the series (OPTIONS's unless given) with
 * `data` (series without data are empty), OPTIONS's labels in English, the light theme.
 */
function scene(data: Data, more: Partial<Omit<ChartScene, 'series'>> & { series?: readonly LossSeries[] } = {}): ChartScene {
  const { series = OPTIONS.series, ...rest } = more;
  return {
    xLabel: OPTIONS.xLabel,
    leftLabel: OPTIONS.leftLabel,
    rightLabel: OPTIONS.rightLabel,
    description: OPTIONS.description,
    lang: 'en',
    theme: LIGHT_CHART_THEME,
    ...rest,
    series: series.map((s, i) => ({ ...s, xs: data[i]?.[0] ?? [], ys: data[i]?.[1] ?? [] })),
  };
}

/** How many pixels of the canvas are close to an #rrggbb colour. */
function pixelsNear(canvas: HTMLCanvasElement, hex: string, tolerance = 60): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
  let count = 0;
  for (let i = 0; i < data.length; i += 4) {
    if (data[i + 3] > 200 && Math.abs(data[i] - r) + Math.abs(data[i + 1] - g) + Math.abs(data[i + 2] - b) < tolerance) count++;
  }
  return count;
}

describe('LossChart', () => {
  afterEach(() => {
    for (const el of document.querySelectorAll('test-chart-host')) el.remove();
  });

  it('is created on the canvas in the shadow root, sized by its wrapper', async () => {
    const host = await mount();
    const canvas = host.renderRoot.querySelector('canvas')!;
    expect(Chart.getChart(canvas)).to.equal(host.chart!.chart);
    expect(Object.values(Chart.instances)).to.include(host.chart!.chart);
    const box = canvas.getBoundingClientRect();
    expect(box.width).to.be.closeTo(400, 1);
    expect(box.height).to.be.closeTo(220, 1);
    expect(canvas.getAttribute('role')).to.equal('img');
    expect(canvas.getAttribute('aria-label')).to.equal(OPTIONS.description);
  });

  it('draws the data: the canvas shows both series', async () => {
    const host = await mount();
    const canvas = host.renderRoot.querySelector('canvas')!;
    const legendOnly = { red: pixelsNear(canvas, RED), blue: pixelsNear(canvas, BLUE) };
    // The second rising: crosses the red line once.
    host.chart!.draw(scene([[iterations(200), falling(200, 10)], [iterations(200), falling(200, 20).reverse()]]));
    expect(host.chart!.chart.data.datasets[0].data).to.have.length(200);
    expect(host.chart!.chart.data.datasets[0].data[5]).to.deep.equal({ x: 5, y: falling(200, 10)[5] });
    expect(pixelsNear(canvas, RED)).to.be.greaterThan(legendOnly.red + 200);
    expect(pixelsNear(canvas, BLUE)).to.be.greaterThan(legendOnly.blue + 100);
    expect(host.chart!.axisTypes).to.deep.equal({ left: 'logarithmic', right: 'logarithmic' });
    expect(host.chart!.chart.scales.left.type).to.equal('logarithmic');
  });

  it('turns the left axis linear while f has a value <= 0, and back', async () => {
    const host = await mount();
    const chart = host.chart!;
    const saddle = [4, 1, 0.25, -0.5, -3];
    chart.draw(scene([[iterations(5), saddle]]));
    expect(chart.axisTypes.left).to.equal('linear');
    expect(chart.chart.scales.left.type).to.equal('linear');
    expect(chart.chart.data.datasets[0].data.map((p) => p.y)).to.deep.equal(saddle);
    expect(chart.chart.scales.left.min).to.be.at.most(-3);

    chart.draw(scene([[iterations(5), [4, 1, 0.25, 0.01, 1e-6]]]));
    expect(chart.chart.scales.left.type).to.equal('logarithmic');
    expect(chart.chart.scales.left.min).to.be.greaterThan(0);
  });

  it('leaves zeros and non-finite values off the gradient-norm axis, which stays logarithmic', async () => {
    const host = await mount();
    const chart = host.chart!;
    chart.draw(scene([[iterations(6), [5, 2, 1, NaN, Infinity, Infinity]], [iterations(6), [3, 1, 0, 0.5, NaN, -Infinity]]]));
    expect(chart.axisTypes).to.deep.equal({ left: 'logarithmic', right: 'logarithmic' });
    expect(chart.chart.data.datasets[0].data.map((p) => p.x)).to.deep.equal([0, 1, 2]);
    expect(chart.chart.data.datasets[1].data.map((p) => p.x)).to.deep.equal([0, 1, 3]);
    const right = chart.chart.scales.right;
    expect(right.min).to.be.greaterThan(0);
    expect(Number.isFinite(right.max)).to.equal(true);
    for (const tick of right.ticks) expect(tick.value).to.be.greaterThan(0);
  });

  it('keeps linear axes linear when log scale is off', async () => {
    const host = await mount({ ...OPTIONS, logScale: false });
    host.chart!.draw(scene([[iterations(3), [3, 2, 1]]]));
    expect(host.chart!.axisTypes).to.deep.equal({ left: 'linear', right: 'linear' });
  });

  it('follows a theme change: text and grid colours', async () => {
    const host = await mount();
    const chart = host.chart!;
    const data: Data = [[iterations(50), falling(50, 10)]];
    chart.draw(scene(data));
    const scaleOptions = (id: string) => chart.chart.scales[id].options as unknown as { ticks: { color: string }; grid: { color: string } };
    expect(scaleOptions('x').ticks.color).to.equal(LIGHT_CHART_THEME.text);
    chart.draw(scene(data, { theme: { ...DARK_CHART_THEME, text: '#ffcc00', grid: '#00ff88' } }));
    expect(scaleOptions('x').ticks.color).to.equal('#ffcc00');
    expect(scaleOptions('left').grid.color).to.equal('#00ff88');
    const canvas = host.renderRoot.querySelector('canvas')!;
    expect(pixelsNear(canvas, '#ffcc00', 90), 'tick labels in the text colour').to.be.greaterThan(20);
    expect(pixelsNear(canvas, '#00ff88', 90), 'grid lines in the grid colour').to.be.greaterThan(100);
  });

  it('takes new series colours without touching the data', async () => {
    const host = await mount();
    const chart = host.chart!;
    const data: Data = [[iterations(100), falling(100, 10)]];
    chart.draw(scene(data));
    const canvas = host.renderRoot.querySelector('canvas')!;
    const before = pixelsNear(canvas, '#2ca02c');
    const options = chart.chart.config.options;
    chart.draw(scene(data, { series: [{ ...OPTIONS.series[0], color: '#2ca02c' }, OPTIONS.series[1]] }));
    expect(chart.chart.config.options, 'the same options object').to.equal(options);
    expect(chart.chart.data.datasets[0].borderColor).to.equal('#2ca02c');
    expect(chart.chart.data.datasets[1].borderColor).to.equal(BLUE);
    expect(chart.chart.data.datasets[0].data).to.have.length(100);
    expect(pixelsNear(canvas, '#2ca02c')).to.be.greaterThan(before + 200);
  });

  it('does not rebuild its options for a theme equal to the current one', async () => {
    const host = await mount();
    const chart = host.chart!;
    chart.draw(scene([]));
    const options = chart.chart.config.options; // the object LossChart gave, not the resolved view
    chart.draw(scene([], { theme: { ...LIGHT_CHART_THEME } }));
    expect(chart.chart.config.options).to.equal(options);
    chart.draw(scene([], { theme: DARK_CHART_THEME }));
    expect(chart.chart.config.options).to.not.equal(options);
  });

  it('keeps its options and datasets when a figure draws the same series, labels and range every frame', async () => {
    const host = await mount();
    const chart = host.chart!;
    const series: LossSeries[] = [
      { label: 'Momentum', color: '#d6336c' },
      { label: 'Nesterov', color: '#1971c2', dashed: true, front: true },
    ];
    const frame = (max: number, labels = { xLabel: 'iteration', leftLabel: 'f', description: 'Loss', lang: 'en' as const }) =>
      chart.draw(scene([[iterations(5), falling(5, 10)], [iterations(5), falling(5, 10)]], { series: series.map((s) => ({ ...s })), rightLabel: '', ...labels, xMin: 0, xMax: max }));
    frame(10);
    const options = chart.chart.config.options;
    const datasets = chart.chart.data.datasets;
    frame(10);
    frame(10);
    expect(chart.chart.config.options, 'the same options object').to.equal(options);
    expect(chart.chart.data.datasets, 'the same datasets').to.equal(datasets);
    frame(20);
    expect(chart.chart.config.options, 'a new range is set on the x axis in place').to.equal(options);
    expect(chart.chart.scales.x.max, 'the new range').to.equal(20);
    frame(20, { xLabel: 'iteración', leftLabel: 'f', description: 'Pérdida', lang: 'es' as never });
    expect(chart.chart.config.options, 'new labels rebuild them').to.not.equal(options);
    series[1] = { ...series[1], dashed: false, front: false };
    frame(20, { xLabel: 'iteración', leftLabel: 'f', description: 'Pérdida', lang: 'es' as never });
    expect(chart.chart.data.datasets, 'a changed series list makes new datasets').to.not.equal(datasets);
  });

  it('while only the data changes (a playing figure), updates the data and never its options', async () => {
    const host = await mount();
    const chart = host.chart!;
    const f = falling(200, 10);
    const g = falling(200, 20);
    chart.draw(scene([[iterations(1), f.slice(0, 1)], [iterations(1), g.slice(0, 1)]], { xMin: 0, xMax: 199 }));
    const options = chart.chart.config.options;
    let optionWrites = 0;
    let updates = 0;
    const update = chart.chart.update.bind(chart.chart);
    chart.chart.update = (mode) => (updates++, expect(mode).to.equal('none'), update(mode));
    const descriptor = Object.getOwnPropertyDescriptor(Chart.prototype, 'options')!;
    Object.defineProperty(chart.chart, 'options', { configurable: true, get: () => descriptor.get!.call(chart.chart), set: (v) => (optionWrites++, descriptor.set!.call(chart.chart, v)) });
    for (let n = 2; n <= 200; n += 3) {
      // A new scene object with new arrays every frame, as a figure makes it.
      chart.draw(scene([[iterations(n), f.slice(0, n)], [iterations(n), g.slice(0, n)]], { xMin: 0, xMax: 199 }));
    }
    delete (chart.chart as { options?: unknown }).options;
    expect(updates, 'a redraw per frame').to.equal(67);
    expect(optionWrites, 'options written').to.equal(0);
    expect(chart.chart.config.options, 'the same options object').to.equal(options);
    expect(chart.chart.data.datasets[0].data).to.have.length(200);
  });

  it('with a throttle (a playing figure), redraws once per window and ends on the latest data', async () => {
    const host = await mount();
    const chart = host.chart!;
    const f = falling(100, 10);
    const frame = (n: number, throttleMs: number) => chart.draw(scene([[iterations(n), f.slice(0, n)]], { xMin: 0, xMax: 99 }), { throttleMs });
    frame(1, 0);
    let updates = 0;
    const update = chart.chart.update.bind(chart.chart);
    chart.chart.update = (mode) => (updates++, update(mode));
    for (let n = 2; n <= 40; n++) frame(n, 60_000); // forty frames inside one window
    expect(updates, 'no redraw inside the window').to.equal(0);
    // A short window after a draw: the frames inside it are merged into one trailing
    // redraw of the latest. The draw and the frames come at one instant of a stopped
    // clock, however slow the machine.
    const now = performance.now();
    const clock = performance.now;
    performance.now = () => now;
    try {
      frame(41, 0); // paused or stepped: at once
      expect(updates).to.equal(1);
      expect(chart.chart.data.datasets[0].data).to.have.length(41);
      for (let n = 42; n <= 60; n++) frame(n, 20);
    } finally {
      performance.now = clock;
    }
    for (let k = 0; k < 120 && chart.chart.data.datasets[0].data.length < 60; k++) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(chart.chart.data.datasets[0].data, 'the latest data').to.have.length(60);
    expect(updates, 'one redraw for the window').to.equal(2);
    // A new theme does not wait.
    chart.draw(scene([[iterations(60), f.slice(0, 60)]], { xMin: 0, xMax: 99, theme: DARK_CHART_THEME }), { throttleMs: 60_000 });
    expect(updates).to.equal(3);
  });

  it('with a throttle, a draw after the window still waits for a task of its own, so no frame lays the page out for the chart', async () => {
    const host = await mount();
    const chart = host.chart!;
    const f = falling(100, 10);
    const frame = (n: number, throttleMs: number) => chart.draw(scene([[iterations(n), f.slice(0, n)]], { xMin: 0, xMax: 99 }), { throttleMs });
    frame(1, 0);
    let updates = 0;
    let fontSets = 0;
    const update = chart.chart.update.bind(chart.chart);
    chart.chart.update = (mode) => (updates++, update(mode));
    const ctx = chart.chart.ctx;
    const font = Object.getOwnPropertyDescriptor(CanvasRenderingContext2D.prototype, 'font')!;
    Object.defineProperty(ctx, 'font', { configurable: true, get: () => font.get!.call(ctx), set: (v: string) => (fontSets++, font.set!.call(ctx, v)) });
    try {
      // The window has long passed: a playing frame draws nothing now, not even a font set.
      await new Promise((resolve) => setTimeout(resolve, 30));
      frame(2, 20);
      frame(3, 20);
      expect(updates, 'nothing drawn within the frame').to.equal(0);
      expect(fontSets, 'no font set within the frame').to.equal(0);
      for (let k = 0; k < 100 && updates === 0; k++) await new Promise((resolve) => setTimeout(resolve, 5));
      expect(updates, 'one redraw in a task after it').to.equal(1);
      expect(chart.chart.data.datasets[0].data, 'the latest data').to.have.length(3);
      // Paused (no throttle): at once.
      frame(4, 0);
      expect(updates).to.equal(2);
      expect(chart.chart.data.datasets[0].data).to.have.length(4);
    } finally {
      delete (ctx as { font?: string }).font;
    }
  });

  it('with a throttle, a new x range or new dashes (a new rate dragged: a run of another length, curves that now coincide) wait like the data', async () => {
    const host = await mount();
    const chart = host.chart!;
    const f = falling(100, 10);
    const line = { label: 'f', color: RED };
    chart.draw(scene([[iterations(10), f.slice(0, 10)]], { series: [line], xMin: 0, xMax: 10 }));
    let updates = 0;
    const update = chart.chart.update.bind(chart.chart);
    chart.chart.update = (mode) => (updates++, update(mode));
    chart.draw(scene([[iterations(50), f.slice(0, 50)]], { series: [{ ...line, dashed: true, front: true }], xMin: 0, xMax: 49 }), { throttleMs: 20 });
    expect(updates, 'nothing drawn within the frame').to.equal(0);
    for (let k = 0; k < 100 && updates === 0; k++) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(updates).to.equal(1);
    const x = chart.chart.options.scales!.x as { max?: number };
    expect(x.max, 'the latest x range').to.equal(49);
    expect(chart.chart.data.datasets[0].borderDash, 'the latest dashes').to.deep.equal([6, 4]);
    expect(chart.chart.data.datasets[0].data).to.have.length(50);
  });

  it('changes language: axis titles, series names, description', async () => {
    const host = await mount();
    const chart = host.chart!;
    chart.draw(scene([], { xLabel: 'iteración', description: 'f y la norma del gradiente', lang: 'es', series: [OPTIONS.series[0], { ...OPTIONS.series[1], label: '|∇f| (norma)' }] }));
    const x = chart.chart.options.scales!.x as { title: { text: string } };
    expect(x.title.text).to.equal('iteración');
    expect(chart.chart.data.datasets[1].label).to.equal('|∇f| (norma)');
    expect(host.renderRoot.querySelector('canvas')!.getAttribute('aria-label')).to.equal('f y la norma del gradiente');
  });

  it('takes a new list of series, keeping the data of those that stay', async () => {
    const host = await mount({ series: [{ label: 'momentum', color: RED }], xLabel: 'iteration', leftLabel: 'f' });
    const chart = host.chart!;
    const momentum = { label: 'momentum', color: RED };
    chart.draw(scene([[iterations(10), falling(10, 3)]], { series: [momentum] }));
    const points = chart.chart.data.datasets[0].data;
    chart.draw(scene([[iterations(10), falling(10, 3)], [iterations(10), falling(10, 2)]], { series: [momentum, { label: 'nesterov', color: BLUE, dashed: true }] }));
    expect(chart.chart.data.datasets[0].data, 'the points of the series that stays').to.equal(points);
    expect(chart.chart.data.datasets.map((d) => d.label)).to.deep.equal(['momentum', 'nesterov']);
    expect(chart.chart.data.datasets[0].data).to.have.length(10);
    expect(chart.chart.data.datasets[1].borderDash).to.deep.equal([6, 4]);
    expect(chart.chart.scales.right.options.display).to.equal(false);
  });

  it('fixes the x range on request, and fits the data again', async () => {
    const host = await mount();
    const chart = host.chart!;
    const data: Data = [[iterations(100), falling(100, 10)]];
    chart.draw(scene(data, { xMin: 0, xMax: 500 }));
    expect(chart.chart.scales.x.max).to.equal(500);
    chart.draw(scene(data));
    expect(chart.chart.scales.x.max).to.be.at.most(100);
  });

  it('updates 2 x 1000 changing points again and again, drawing the latest', async () => {
    const host = await mount();
    const chart = host.chart!;
    const xs = iterations(1000);
    const f = falling(1000, 10);
    const g = falling(1000, 20);
    // (How long an update takes is measured by `npm run bench`.)
    for (let run = 0; run < 30; run++) {
      f[run] *= 1.01; // new numbers every time, as in an animation
      chart.draw(scene([[xs, f], [xs, g]]));
      expect(chart.chart.data.datasets[0].data.length).to.be.greaterThan(0);
    }
    const canvas = host.renderRoot.querySelector('canvas')!;
    expect(pixelsNear(canvas, RED)).to.be.greaterThan(200);
  });

  it('draws 2 x 20000 points with few log ticks (min-max decimation)', async () => {
    const host = await mount();
    const chart = host.chart!;
    const n = 20000;
    const xs = iterations(n);
    const f = falling(n, 10, 40); // converging to 1e-39: Chart.js alone would make 360 log ticks
    const g = falling(n, 20, 20);
    chart.draw(scene([[xs, f], [xs, g]]));
    expect(chart.chart.scales.left.ticks.length).to.be.at.most(8);
    const canvas = host.renderRoot.querySelector('canvas')!;
    expect(pixelsNear(canvas, RED)).to.be.greaterThan(200);
  });

  it('keeps log tick labels apart on a short chart: "0.9" and "1" never touch', async () => {
    const host = await mount({ ...OPTIONS, series: [OPTIONS.series[0]] });
    host.style.setProperty('--gd-chart-height', '190px');
    await host.updateComplete;
    const chart = host.chart!;
    chart.chart.resize();
    const n = 60;
    // Losses within a decade, where Chart.js makes ticks like 0.8, 0.9, 1 or 0.46, 0.48, 0.5.
    for (const [from, to] of [[1.5, 0.5], [1.05, 0.45], [1.2, 0.7]]) {
      chart.draw(scene([[iterations(n), falling(n, from, Math.log10(from / to))]], { series: [OPTIONS.series[0]] }));
      const left = chart.chart.scales.left;
      const values = left.ticks.map((t) => t.value);
      const ys = values.map((v) => left.getPixelForValue(v)).sort((a, b) => a - b);
      expect(ys.length, `${from} to ${to}: ticks ${values}`).to.be.at.least(2);
      for (let k = 1; k < ys.length; k++) expect(ys[k] - ys[k - 1], `${from} to ${to}: ticks ${values}`).to.be.at.least(12);
    }
  });

  it('shows a series of one point (a run at iteration 0) as a dot, and a longer one as a line', async () => {
    const host = await mount({ ...OPTIONS, series: [OPTIONS.series[0]] });
    const chart = host.chart!;
    const canvas = host.renderRoot.querySelector('canvas')!;
    // As a figure does: the x range is the run's whole length.
    const one = { series: [OPTIONS.series[0]], xMin: 0, xMax: 50 };
    chart.draw(scene([[[], []]], one));
    const empty = pixelsNear(canvas, RED);
    chart.draw(scene([[[0], [5]]], one));
    expect(pixelsNear(canvas, RED), 'one point: a dot').to.be.greaterThan(empty + 10);
    chart.draw(scene([[iterations(50), falling(50, 5)]], one));
    expect(chart.chart.data.datasets[0].pointRadius, 'a line: no dots').to.equal(0);
    expect(pixelsNear(canvas, RED)).to.be.greaterThan(empty + 100);
  });

  it('labels a log axis under a decade with different values, each the value of its gridline', async () => {
    const host = await mount({ ...OPTIONS, series: [OPTIONS.series[0]] });
    const chart = host.chart!;
    const n = 60;
    // Himmelblau's f over a few steps (Chart.js alone: "170, 170, 170, 160") and the ravine's.
    for (const [from, to] of [[173, 158], [29.4, 25.2], [1.3, 1.02]]) {
      chart.draw(scene([[iterations(n), falling(n, from, Math.log10(from / to))]], { series: [OPTIONS.series[0]] }));
      const left = chart.chart.scales.left;
      const labels = left.ticks.map((t) => String(t.label));
      expect(labels.length, `${from} to ${to}`).to.be.at.least(2);
      expect(new Set(labels).size, `${from} to ${to}: ${labels}`).to.equal(labels.length);
      left.ticks.forEach((t, k) => expect(Number(labels[k]), `${labels[k]}`).to.be.closeTo(t.value, 1e-9 * t.value));
    }
  });

  it('labels a log axis under a decade of huge values in powers of ten, never "150000000"', async () => {
    const host = await mount({ ...OPTIONS, series: [OPTIONS.series[0]] });
    const chart = host.chart!;
    const n = 60;
    // An exploding network's loss over its first epoch.
    chart.draw(scene([[iterations(n), falling(n, 1.6e8, Math.log10(1.6e8 / 4e7))]], { series: [OPTIONS.series[0]] }));
    const labels = chart.chart.scales.left.ticks.map((t) => String(t.label));
    expect(labels.length).to.be.at.least(2);
    for (const label of labels) expect(label, labels.join(' | ')).to.match(/^\d(\.\d+)?×10⁷$|^\d(\.\d+)?×10⁸$|^10⁸$|^10⁷$/);
    expect(new Set(labels).size, labels.join(' | ')).to.equal(labels.length);
  });

    it('is destroyed on disconnect: gone from Chart.instances', async () => {
    const host = await mount();
    const chart = host.chart!;
    const canvas = host.renderRoot.querySelector('canvas')!;
    const instance = chart.chart;
    host.remove();
    expect(Object.values(Chart.instances)).not.to.include(instance);
    expect(Chart.getChart(canvas)).to.equal(undefined);
    expect(() => chart.draw(scene([]))).not.to.throw();
    expect(() => chart.destroy()).not.to.throw();
  });

  it('is created again when the element comes back', async () => {
    const host = await mount();
    host.remove();
    document.body.append(host);
    expect(host.chart).to.not.equal(undefined);
    expect(Chart.getChart(host.renderRoot.querySelector('canvas')!)).to.equal(host.chart!.chart);
  });
});
