/**
 * The chart's lifetime as a controller: one Chart.js chart per host, on the canvas the
 * template renders now, made again when the canvas is replaced, gone from Chart.js's
 * page-wide registry when the host leaves the page. Counted in `Chart.instances`.
 */
import { expect } from 'chai';
import { LitElement, css, html } from 'lit';
import { Chart } from 'chart.js';
import { ChartController } from '../../src/controllers/chart.js';
import { LIGHT_CHART_THEME } from '../../src/chart/index.js';

class ChartHost extends LitElement {
  static override styles = css`
    :host { display: block; width: 400px; }
    .chart { position: relative; width: 100%; height: 200px; }
  `;
  static override properties = { layout: {} };
  /** Which box the canvas sits in: a new box is a new canvas (as the slider's single and compared layouts). */
  layout = 'single';
  made = 0;
  readonly lossChart = new ChartController(this, {
    canvas: () => this.renderRoot.querySelector<HTMLCanvasElement>('canvas'),
    make: () => (this.made++, { series: [], theme: LIGHT_CHART_THEME }),
  });

  override render() {
    return this.layout === 'single'
      ? html`<div class="chart single"><canvas></canvas></div>`
      : html`<section><div class="chart compared"><canvas></canvas></div></section>`;
  }

  override updated() {
    this.lossChart.attach();
    this.lossChart.draw({ series: [{ label: 'f', color: '#c00', xs: [0, 1, 2], ys: [4, 2, 1] }], theme: LIGHT_CHART_THEME });
  }

  override connectedCallback() {
    super.connectedCallback();
    if (this.hasUpdated) this.lossChart.attach();
  }
}
customElements.define('test-chart-controller-host', ChartHost);

const live = () => Object.values(Chart.instances).length;

describe('ChartController', () => {
  it('makes one chart on the rendered canvas and draws scenes on it', async () => {
    const before = live();
    const host = document.createElement('test-chart-controller-host') as ChartHost;
    document.body.append(host);
    await host.updateComplete;
    const canvas = host.renderRoot.querySelector('canvas')!;
    expect(live() - before).to.equal(1);
    expect(Chart.getChart(canvas)).to.equal(host.lossChart.chart!.chart);
    expect(host.lossChart.chart!.chart.data.datasets[0].data).to.have.length(3);
    // Another update on the same canvas keeps the chart.
    host.requestUpdate();
    await host.updateComplete;
    expect(host.made).to.equal(1);
    host.remove();
  });

  it('follows a replaced canvas: the old chart is destroyed, one chart stays', async () => {
    const before = live();
    const host = document.createElement('test-chart-controller-host') as ChartHost;
    document.body.append(host);
    await host.updateComplete;
    const first = host.lossChart.chart!;
    host.layout = 'compared';
    await host.updateComplete;
    const canvas = host.renderRoot.querySelector('canvas')!;
    expect(host.lossChart.chart).to.not.equal(first);
    expect(Chart.getChart(canvas)).to.equal(host.lossChart.chart!.chart);
    expect(live() - before, 'live charts').to.equal(1);
    expect(host.made).to.equal(2);
    host.remove();
  });

  it('destroys the chart when the host leaves the page, and makes it again when it comes back', async () => {
    const before = live();
    const host = document.createElement('test-chart-controller-host') as ChartHost;
    document.body.append(host);
    await host.updateComplete;
    host.remove();
    expect(live() - before, 'after removal').to.equal(0);
    expect(host.lossChart.chart).to.equal(undefined);
    // Drawing meanwhile is harmless.
    host.lossChart.draw({ series: [], theme: LIGHT_CHART_THEME });
    document.body.append(host);
    await host.updateComplete;
    expect(live() - before, 'after coming back').to.equal(1);
    expect(Chart.getChart(host.renderRoot.querySelector('canvas')!)).to.equal(host.lossChart.chart!.chart);
    host.remove();
  });
});
