/**
 * A chart with new data every frame (design.md, "Frame budget": charts update their data,
 * not their options): while the reader drags a slider, as while the figure plays, the
 * chart draws with a throttle and always ends on the latest run; a single change, a step
 * or a pause draw at once.
 */
import { expect } from 'chai';
import '../../src/index.js';
import { LossChart } from '../../src/chart/loss-chart.js';
import type { LitElement } from 'lit';
import { cleanup, fixture } from './helpers.js';

type Figure = LitElement & { step(): void };

/** Records the throttle of every chart draw while `fn` runs. */
async function chartDraws(fn: () => Promise<void>): Promise<number[]> {
  const throttles: number[] = [];
  const draw = LossChart.prototype.draw;
  LossChart.prototype.draw = function (this: LossChart, scene, options) {
    throttles.push(options?.throttleMs ?? 0);
    return draw.call(this, scene, options);
  };
  try {
    await fn();
  } finally {
    LossChart.prototype.draw = draw;
  }
  return throttles;
}

describe('a live chart', () => {
  afterEach(cleanup);

  for (const tag of ['gd-explorer', 'gd-lr-slider', 'gd-momentum-race', 'gd-batch-trainer', 'gd-network', 'gd-gradient-flow']) {
    it(`${tag}: draws with a throttle while the learning rate is dragged, at once for a step after it, ending on the latest run`, async () => {
      const el = await fixture<Figure>(`<${tag} lang="en"></${tag}>`);
      const slider = el.shadowRoot!.querySelector<HTMLInputElement>('input#lr[type="range"]')!;
      const lo = Number(slider.min);
      const hi = Number(slider.max);
      const dragged = await chartDraws(async () => {
        for (const f of [0.3, 0.35, 0.4, 0.45, 0.5]) {
          slider.value = String(Math.round(lo + f * (hi - lo)));
          slider.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
          await el.updateComplete;
        }
      });
      expect(dragged.length, 'a draw per input').to.be.at.least(5);
      expect(dragged.every((ms) => ms > 0), `throttles while dragging: ${dragged}`).to.equal(true);
      // The reader lets go (the slider's `change`): the chart draws the run at the last
      // rate at once, and a later redraw draws exactly what it shows.
      const points = () => (el as unknown as { lossChart: { chart: LossChart } }).lossChart.chart.chart.data.datasets.map((d) => d.data.map((p) => [p.x, p.y]));
      const released = await chartDraws(async () => {
        slider.dispatchEvent(new Event('change', { bubbles: true }));
        await el.updateComplete;
      });
      expect(released, 'a draw at once when let go').to.deep.equal([0]);
      const shown = JSON.stringify(points());
      const redrawn = await chartDraws(async () => {
        el.requestUpdate();
        await el.updateComplete;
      });
      expect(redrawn, 'a redraw after the drag').to.deep.equal([0]);
      expect(JSON.stringify(points()), 'the chart had ended on the latest run').to.equal(shown);
      const stepped = await chartDraws(async () => {
        el.step();
        await el.updateComplete;
      });
      expect(stepped, 'a step draws at once').to.deep.equal([0]);
    });
  }
});
