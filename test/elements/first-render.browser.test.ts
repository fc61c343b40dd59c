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
import { firstRenderTurnsGiven } from '../../src/shared/first-render-queue.js';

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
  return [...container.querySelectorAll<LitElement>('gd-explorer, gd-lr-slider, gd-momentum-race, gd-batch-trainer, gd-network, gd-gradient-flow')];
}

const spacer = (screens: number) => `<div style="height: ${Math.round(screens * innerHeight)}px"></div>`;

describe('the first render', () => {
  afterEach(() => {
    cleanup();
    scrollTo(0, 0);
  });

  for (const tag of ['gd-explorer', 'gd-lr-slider', 'gd-momentum-race', 'gd-batch-trainer', 'gd-network', 'gd-gradient-flow']) {
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

  for (const tag of ['gd-explorer', 'gd-batch-trainer', 'gd-network']) {
    it(`${tag}: far below the viewport, renders when a script asks for it (updateComplete, step)`, async () => {
      const [waited, stepped] = mount(`${spacer(5)}<${tag} lang="en"></${tag}>${spacer(3)}<${tag} lang="en"></${tag}>`) as Array<LitElement & { step(): void; iteration?: number; epoch?: number; history?: { epoch: number[] } }>;
      await settle();
      expect(waited.hasUpdated, 'nothing asked yet').to.equal(false);
      await waited.updateComplete;
      expect(waited.hasUpdated, 'rendered for updateComplete').to.equal(true);
      expect(distinctColours(waited.shadowRoot!.querySelector('canvas')!), 'and drawn').to.be.greaterThan(5);
      expect(stepped.hasUpdated, 'the other figure still waits').to.equal(false);
      stepped.step();
      await stepped.updateComplete;
      await settle();
      expect(stepped.iteration ?? stepped.epoch ?? stepped.history!.epoch.at(-1), 'the step made once rendered').to.equal(1);
    });
  }

  it('gd-gradient-flow: far below the viewport, renders when a script asks for it (updateComplete, step)', async () => {
    type Flow = LitElement & { step(): void; status: string; layerGradientNorms: number[] };
    const [waited, stepped] = mount(`${spacer(5)}<gd-gradient-flow lang="en"></gd-gradient-flow>${spacer(3)}<gd-gradient-flow lang="en"></gd-gradient-flow>`) as Flow[];
    await settle();
    expect(waited.hasUpdated, 'nothing asked yet').to.equal(false);
    await waited.updateComplete;
    expect(waited.hasUpdated, 'rendered for updateComplete').to.equal(true);
    expect(distinctColours(waited.shadowRoot!.querySelector('canvas')!), 'and drawn').to.be.greaterThan(5);
    expect(stepped.hasUpdated, 'the other figure still waits').to.equal(false);
    stepped.step();
    await stepped.updateComplete;
    await settle();
    // No epoch counter in its API: the step shows as a paused run whose gradients moved off the initial ones.
    expect(stepped.status, 'the step made once rendered').to.equal('paused');
    expect(stepped.layerGradientNorms).to.not.deep.equal(waited.layerGradientNorms);
    expect(stepped.shadowRoot!.querySelectorAll('[part="changes"] svg.bars rect.outer').length, 'change bars after the step').to.be.greaterThan(0);
  });

  it('answers its read-only state far below the viewport without rendering, as it will once rendered', async () => {
    // Page tools read every element's properties (axe-core reads `value`): nothing throws.
    const els = mount(`${spacer(5)}<gd-explorer lang="en" surface="bowl"></gd-explorer><gd-lr-slider lang="en"></gd-lr-slider><gd-momentum-race lang="en"></gd-momentum-race><gd-batch-trainer lang="en"></gd-batch-trainer><gd-network lang="en"></gd-network><gd-gradient-flow lang="en"></gd-gradient-flow>`);
    await settle();
    const state = (el: LitElement) => {
      const e = el as unknown as Record<string, unknown>;
      const names = ['iteration', 'position', 'value', 'status', 'regime', 'regimes', 'criticalRates', 'results', 'lookaheads', 'epoch', 'history', 'parameters', 'phase', 'layerGradientNorms', 'layerErrorNorms', 'verdict'];
      return JSON.stringify(Object.fromEntries(names.filter((n) => n in el).map((n) => [n, e[n]])));
    };
    const before = els.map(state);
    expect(els.map((el) => el.hasUpdated), 'none rendered').to.deep.equal([false, false, false, false, false, false]);
    expect(before[0]).to.contain('"status":"ready"').and.contain('"value":');
    for (const el of els) await el.updateComplete;
    expect(els.map(state), 'the same state once rendered').to.deep.equal(before);
  });

  it('renders one figure per task, the one in view before one above it', async () => {
    // `above` comes first in the page but sits above the viewport once scrolled, within a screen of it.
    const [above, inView] = mount(`<gd-lr-slider lang="en"></gd-lr-slider>${spacer(0.5)}<gd-explorer lang="en"></gd-explorer>${spacer(3)}`);
    inView.scrollIntoView();
    const order: string[] = [];
    const otherAtRender: boolean[] = [];
    // The first update (the template) of each, in order: updateComplete also waits for
    // the surface plot's background, computed in slices after it.
    const onFirstUpdate = (el: HTMLElement, name: string, other: HTMLElement & { hasUpdated: boolean }) => {
      const figure = el as unknown as { update(c: unknown): void; hasUpdated: boolean };
      const update = figure.update;
      figure.update = function (this: typeof figure, changed: unknown) {
        if (!this.hasUpdated) {
          order.push(name);
          otherAtRender.push(other.hasUpdated);
        }
        return update.call(this, changed);
      };
    };
    onFirstUpdate(inView, 'in view', above);
    onFirstUpdate(above, 'above', inView);
    await settle();
    await Promise.all([above.updateComplete, inView.updateComplete]);
    expect(order).to.deep.equal(['in view', 'above']);
    // When the first had rendered (its update's microtasks), the second had not: another task.
    expect(otherAtRender[0], 'the second rendered in the same task as the first').to.equal(false);
  });

  it('splits a first render into turns of the queue: the template, then the canvases and their drawing', async () => {
    const [el] = mount('<gd-explorer lang="en"></gd-explorer>');
    // Which of the queue's turns (each a task of its own) each step ran in; the element
    // is still a placeholder now, waiting for its first turn.
    const figure = el as unknown as { update(c: unknown): void; setUpCanvases(): void; drawFrame(): void };
    const steps: Array<[string, number]> = [];
    const spy = (name: 'update' | 'setUpCanvases' | 'drawFrame', label: (self: typeof figure) => string) => {
      const original = figure[name] as (this: typeof figure, ...args: unknown[]) => void;
      (figure as Record<string, unknown>)[name] = function (this: typeof figure, ...args: unknown[]) {
        steps.push([label(this), firstRenderTurnsGiven()]);
        return original.apply(this, args);
      };
    };
    const plotDrawn = () => {
      const plot = el.shadowRoot!.querySelector<HTMLCanvasElement>('canvas.plot');
      return !!plot && distinctColours(plot) >= 5;
    };
    spy('update', () => 'template');
    spy('setUpCanvases', () => 'canvases');
    spy('drawFrame', () => (Chart.getChart(el.shadowRoot!.querySelector<HTMLCanvasElement>('canvas.chart')!) ? 'draw' : 'draw before the canvases'));
    await el.updateComplete;
    expect(plotDrawn(), 'drawn once complete').to.equal(true);
    const turnOf = (what: string) => steps.find(([s]) => s === what)?.[1];
    const template = turnOf('template');
    const canvases = turnOf('canvases');
    const draw = turnOf('draw');
    expect(template, 'the template rendered in a turn').to.be.a('number');
    expect(canvases, 'the canvases set up in a later turn than the template').to.be.greaterThan(template!);
    // The drawing follows the canvases: in their turn's next frame (the plot box's first
    // size report) or in the queue's next turn, whichever comes first; never with the template.
    expect(draw, 'the first drawing after the canvases').to.be.at.least(canvases!);
    expect(steps.filter(([s, turn]) => s === 'draw' && turn === template), 'drawn in the template\'s turn').to.deep.equal([]);
  });
});
