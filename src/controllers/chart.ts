/**
 * The loss chart's lifetime, as a controller: one `LossChart` on the host's chart canvas,
 * made when the canvases are set up (made again when the template replaced the canvas,
 * as the learning-rate slider's single and compared layouts do), drawn a scene at a time,
 * and destroyed when the host leaves the page: Chart.js keeps every live chart in a
 * page-wide registry, so a chart never destroyed outlives its figure.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { LossChart, type ChartScene, type LossChartOptions } from '../chart/index.js';

export interface ChartControllerOptions {
  /** The canvas the chart draws on, as rendered now (null while the template has none). */
  canvas(): HTMLCanvasElement | null;
  /** What the chart is made with: the axis types it may take, the first theme and labels. */
  make(): LossChartOptions;
}

export class ChartController implements ReactiveController {
  private current?: LossChart;

  constructor(
    host: ReactiveControllerHost,
    private readonly options: ChartControllerOptions,
  ) {
    host.addController(this);
  }

  /** The chart, once the canvases are set up (for tests and for layout-free reads such as its plotting height). */
  get chart(): LossChart | undefined {
    return this.current;
  }

  /** Makes the chart on the canvas rendered now, unless it draws there already; one on a canvas no longer rendered goes. */
  attach(): void {
    const canvas = this.options.canvas();
    if (this.current && this.current.chart.canvas !== canvas) this.release();
    if (!this.current && canvas) this.current = new LossChart(canvas, this.options.make());
  }

  /** Draws a scene (see LossChart.draw); nothing before `attach`. */
  draw(scene: ChartScene, options?: { throttleMs?: number }): void {
    this.current?.draw(scene, options);
  }

  /** Draws at this many canvas pixels per CSS pixel (a saved image's), or the screen's. */
  setPixelRatio(ratio?: number): void {
    this.current?.setPixelRatio(ratio);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.release();
  }

  private release(): void {
    this.current?.destroy();
    this.current = undefined;
  }
}
