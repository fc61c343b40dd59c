/**
 * The frame budget of the surface plot: its background (the grid of f, the heatmap, the
 * contour lines) computed in slices, one task each, with a bounded number of
 * evaluations of f per slice; the same pixels as computed at once; a change meanwhile
 * ends with the new surface's background, never the stale one.
 */
import { expect } from 'chai';
import { getSurface, type Surface } from '../../../src/core/index.js';
import { nextTask, slicesRunSoFar } from '../../../src/plot/slices.js';
import { SurfacePlot } from '../../../src/plot/surface-plot.js';
import { LIGHT_PLOT_THEME } from '../../../src/plot/theme.js';

const canvases: HTMLCanvasElement[] = [];

/** A plot of `surface` on a 320 x 320 canvas, not yet drawn. */
function makePlot(surface: Surface): SurfacePlot {
  const canvas = document.createElement('canvas');
  document.body.append(canvas);
  canvases.push(canvas);
  const plot = new SurfacePlot(canvas);
  plot.setTheme(LIGHT_PLOT_THEME);
  plot.setSurface(surface);
  plot.resize(320, 320, 1);
  return plot;
}

/** The surface, with each evaluation of f recorded as the number of the slice it ran in. */
function spied(name: string): { surface: Surface; slices: number[] } {
  const base = getSurface(name);
  const slices: number[] = [];
  const surface: Surface = Object.create(base);
  surface.value = (x: number, y: number) => {
    slices.push(slicesRunSoFar());
    return base.value(x, y);
  };
  return { surface, slices };
}

function pixels(plot: SurfacePlot): Uint8ClampedArray {
  return plot.canvas.getContext('2d')!.getImageData(0, 0, plot.canvas.width, plot.canvas.height).data;
}

/** How many bytes of two pictures differ. */
function differences(a: Uint8ClampedArray, b: Uint8ClampedArray): number {
  expect(a.length).to.equal(b.length);
  let n = 0;
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) n++;
  return n;
}

/** Draws the plot's frame once its background is ready. */
async function drawWhenReady(plot: SurfacePlot): Promise<void> {
  plot.draw({});
  while (plot.backgroundReady) await plot.backgroundReady;
  plot.draw({});
}

afterEach(() => {
  for (const c of canvases.splice(0)) c.remove();
});

describe('SurfacePlot background in slices', () => {
  it('evaluates f in several slices, each of at most the budget, and none in the frame that asked', async () => {
    const { surface, slices } = spied('rosenbrock');
    const plot = makePlot(surface);
    let readyCalls = 0;
    plot.computeInSlices(() => readyCalls++, 1000);
    const before = slicesRunSoFar();
    plot.draw({});
    expect(slices.length, 'no evaluation in the frame itself').to.equal(0);
    expect(plot.backgroundReady).to.not.equal(null);
    await plot.backgroundReady;
    const perSlice = new Map<number, number>();
    for (const s of slices) perSlice.set(s, (perSlice.get(s) ?? 0) + 1);
    expect(Math.min(...perSlice.keys())).to.be.greaterThan(before);
    // 160 x 136 samples (at 2 CSS px each) in slices of whole 160-sample rows, 6 per slice
    expect(perSlice.size).to.be.greaterThan(10);
    for (const count of perSlice.values()) expect(count).to.be.at.most(1000);
    expect(readyCalls).to.equal(1);
    expect(plot.backgroundRenders).to.equal(1);
    expect(plot.backgroundReady).to.equal(null);
  });

  it('draws the same pixels as the background computed at once', async () => {
    const atOnce = makePlot(getSurface('himmelblau'));
    atOnce.draw({ paths: [{ points: [[-3, 3], [0, 0], [3, 2]], color: 'rgb(255, 0, 0)' }] });
    const sliced = makePlot(getSurface('himmelblau'));
    sliced.computeInSlices(() => {}, 500);
    sliced.draw({ paths: [{ points: [[-3, 3], [0, 0], [3, 2]], color: 'rgb(255, 0, 0)' }] });
    await sliced.backgroundReady;
    sliced.draw({ paths: [{ points: [[-3, 3], [0, 0], [3, 2]], color: 'rgb(255, 0, 0)' }] });
    expect(differences(pixels(sliced), pixels(atOnce))).to.equal(0);
  });

  it('draws the scene at once, over the axes alone, before the heatmap is ready', async () => {
    const plot = makePlot(getSurface('bowl'));
    plot.computeInSlices(() => {});
    plot.draw({ paths: [{ points: [[-2, 1], [2, 1]], color: 'rgb(255, 0, 0)', width: 3, dots: false }] });
    const ctx = plot.canvas.getContext('2d')!;
    const [px, py] = plot.toCanvas(0, 1);
    expect([...ctx.getImageData(px, py, 1, 1).data]).to.deep.equal([255, 0, 0, 255]);
    const [ex, ey] = plot.toCanvas(2.8, 2.8);
    expect(ctx.getImageData(ex, ey, 1, 1).data[3], 'no heatmap yet').to.equal(0);
    await drawWhenReady(plot);
    expect(ctx.getImageData(ex, ey, 1, 1).data[3], 'the heatmap').to.equal(255);
  });

  it('a surface change while computing ends with the new surface, and the old computation stops', async () => {
    const old = spied('rastrigin');
    const plot = makePlot(old.surface);
    plot.computeInSlices(() => {}, 500);
    plot.draw({});
    const oldDone = plot.backgroundReady;
    await nextTask();
    await nextTask();
    expect(old.slices.length, 'the old background was under way').to.be.greaterThan(0);
    plot.setSurface(getSurface('rosenbrock'));
    const evaluatedBeforeChange = old.slices.length;
    await drawWhenReady(plot);
    await oldDone;
    expect(old.slices.length, 'the old computation stopped').to.equal(evaluatedBeforeChange);
    const fresh = makePlot(getSurface('rosenbrock'));
    fresh.draw({});
    expect(differences(pixels(plot), pixels(fresh))).to.equal(0);
    // And it stays so: nothing of the old surface arrives later.
    for (let k = 0; k < 5; k++) await nextTask();
    plot.draw({});
    expect(differences(pixels(plot), pixels(fresh))).to.equal(0);
  });

  it('keeps the background cached when nothing changed', async () => {
    const { surface, slices } = spied('bowl');
    const plot = makePlot(surface);
    plot.computeInSlices(() => {});
    await drawWhenReady(plot);
    const evaluations = slices.length;
    plot.draw({});
    plot.draw({});
    expect(plot.backgroundReady).to.equal(null);
    expect(slices.length).to.equal(evaluations);
    expect(plot.backgroundRenders).to.equal(1);
  });
});
