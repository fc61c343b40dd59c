/**
 * The frame budget's first render (design.md, "Frame budget"): a figure renders when it
 * comes near the viewport, one figure per task, the figures in view first; until then it
 * reserves about its size. Counted in what the figures show, never in time.
 */
import { expect } from 'chai';
import '../../src/index.js';
import type { LitElement } from 'lit';
import { Chart } from 'chart.js';
import { cleanup, distinctColours, frames } from './helpers.js';

/** A few tasks and frames: long enough for a figure near the viewport to have rendered. */
async function settle(): Promise<void> {
  for (let i = 0; i < 4; i++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    await frames(2);
  }
}

/** Mounts markup in a 700 px column and returns its elements, by tag, in document order. */
function mount(markup: string): LitElement[] {
  const container = document.createElement('div');
  container.style.width = '700px';
  container.innerHTML = markup;
  document.body.append(container);
  return [...container.querySelectorAll<LitElement>('gd-explorer, gd-lr-slider, gd-momentum-race, gd-batch-trainer')];
}

const spacer = (screens: number) => `<div style="height: ${Math.round(screens * innerHeight)}px"></div>`;

describe('the first render', () => {
  afterEach(() => {
    cleanup();
    scrollTo(0, 0);
  });

  for (const tag of ['gd-explorer', 'gd-lr-slider', 'gd-momentum-race', 'gd-batch-trainer']) {
    it(`${tag}: far below the viewport, reserves its size and renders nothing until scrolled near`, async () => {
      const [el] = mount(`${spacer(5)}<${tag} lang="en"></${tag}>`);
      await settle();
      const root = el.shadowRoot!;
      expect(el.hasUpdated, 'rendered while far below').to.equal(false);
      expect(root.querySelectorAll('canvas').length, 'canvases while far below').to.equal(0);
      expect(root.querySelectorAll('.katex').length, 'formulas while far below').to.equal(0);
      const reserved = el.getBoundingClientRect().height;
      expect(reserved, 'the reserved height').to.be.greaterThan(300);

      el.scrollIntoView();
      await settle();
      await el.updateComplete;
      await frames(2);
      expect(el.hasUpdated, 'rendered once in view').to.equal(true);
      expect(root.querySelector('.placeholder'), 'the placeholder is gone').to.equal(null);
      const canvas = root.querySelector<HTMLCanvasElement>('canvas')!;
      expect(canvas, 'a canvas').to.exist;
      expect(distinctColours(canvas), 'the canvas is drawn').to.be.greaterThan(5);
      // The reserved box was about the figure's height: the page jumps little when it renders.
      const rendered = el.getBoundingClientRect().height;
      expect(reserved / rendered, `reserved ${reserved} px for ${rendered} px`).to.be.within(0.6, 1.5);
    });
  }

  it('renders one figure per task, the one in view before one above it', async () => {
    // `above` comes first in the page but sits above the viewport once scrolled, within a screen of it.
    const [above, inView] = mount(`<gd-lr-slider lang="en"></gd-lr-slider>${spacer(0.5)}<gd-explorer lang="en"></gd-explorer>${spacer(3)}`);
    inView.scrollIntoView();
    const order: string[] = [];
    const otherAtRender: boolean[] = [];
    inView.updateComplete.then(() => (order.push('in view'), otherAtRender.push(above.hasUpdated)));
    above.updateComplete.then(() => (order.push('above'), otherAtRender.push(inView.hasUpdated)));
    await settle();
    await Promise.all([above.updateComplete, inView.updateComplete]);
    expect(order).to.deep.equal(['in view', 'above']);
    // When the first had rendered (its update's microtasks), the second had not: another task.
    expect(otherAtRender[0], 'the second rendered in the same task as the first').to.equal(false);
  });

  it('splits a first render into tasks: the template, then the canvases, then their drawing', async () => {
    const [el] = mount('<gd-explorer lang="en"></gd-explorer>');
    // A task at a time (timers run in order), noting what the figure shows after each.
    const seen = new Set<string>();
    for (let k = 0; k < 200 && !seen.has('drawn'); k++) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      const chart = el.shadowRoot!.querySelector<HTMLCanvasElement>('canvas.chart');
      const plot = el.shadowRoot!.querySelector<HTMLCanvasElement>('canvas.plot');
      if (!el.hasUpdated) seen.add('placeholder');
      else if (!chart || !Chart.getChart(chart)) seen.add('template');
      else if (!plot || distinctColours(plot) < 5) seen.add('canvases');
      else seen.add('drawn');
    }
    expect([...seen]).to.deep.equal(['placeholder', 'template', 'canvases', 'drawn']);
  });
});
