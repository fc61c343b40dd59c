/**
 * The surface plot in Chromium: pixels on the canvas, the background cache, device
 * pixel ratio, coordinates, overlays that never leave the plot, and input from real
 * PointerEvents and KeyboardEvents.
 */
import { expect } from 'chai';
import { getSurface } from '../../../src/core/index.js';
import { PlotInput, type PickInfo } from '../../../src/plot/plot-input.js';
import { SurfacePlot } from '../../../src/plot/surface-plot.js';
import { DARK_PLOT_THEME, LIGHT_PLOT_THEME } from '../../../src/plot/theme.js';

const canvases: HTMLCanvasElement[] = [];

/** A canvas in the page at the top-left corner, with a plot of `surface` on it. */
function makePlot(surface = 'bowl', width = 320, height = 320, dpr = 1): SurfacePlot {
  const canvas = document.createElement('canvas');
  canvas.style.position = 'absolute';
  canvas.style.left = '0';
  canvas.style.top = '0';
  canvas.tabIndex = 0;
  document.body.append(canvas);
  canvases.push(canvas);
  const plot = new SurfacePlot(canvas);
  plot.setTheme(LIGHT_PLOT_THEME);
  plot.setSurface(getSurface(surface));
  plot.resize(width, height, dpr);
  return plot;
}

/** RGBA of the device pixel under CSS point (x, y). */
function pixel(plot: SurfacePlot, x: number, y: number, dpr = 1): number[] {
  const ctx = plot.canvas.getContext('2d')!;
  return [...ctx.getImageData(Math.floor(x * dpr), Math.floor(y * dpr), 1, 1).data];
}

afterEach(() => {
  for (const c of canvases.splice(0)) c.remove();
});

describe('SurfacePlot', () => {
  it('renders a heatmap: many distinct colours inside the plot rectangle, darkest at the minimum', () => {
    const plot = makePlot('bowl');
    plot.draw({});
    const { left, top, width, height } = plot.transform.rect;
    const data = plot.canvas.getContext('2d')!.getImageData(left, top, width, height).data;
    const colours = new Set<number>();
    for (let k = 0; k < data.length; k += 4) colours.add((data[k] << 16) | (data[k + 1] << 8) | data[k + 2]);
    expect(colours.size).to.be.greaterThan(200);
    const sum = (p: number[]) => p[0] + p[1] + p[2];
    const [cx, cy] = plot.toCanvas(0.05, 0.05); // beside the centre, off the contour lines
    const [ex, ey] = plot.toCanvas(2.8, 2.8);
    expect(sum(pixel(plot, cx, cy))).to.be.lessThan(sum(pixel(plot, ex, ey)) - 100);
  });

  it('draws a path where toCanvas says, and nothing a few pixels away', () => {
    const plot = makePlot('bowl');
    const path = [[-2, 1], [2, 1]];
    plot.draw({ paths: [{ points: path, color: 'rgb(255, 0, 0)', width: 3, dots: false }] });
    const [px, py] = plot.toCanvas(0, 1);
    expect(pixel(plot, px, py).slice(0, 3)).to.deep.equal([255, 0, 0]);
    const [, below] = plot.toCanvas(0, 0.7);
    expect(pixel(plot, px, below)[0]).to.be.lessThan(250);
  });

  it('reveals a path up to a fractional index: half of the segment 0 -> 1 at 0.5', () => {
    const plot = makePlot('bowl');
    plot.draw({ paths: [{ points: [[-2, 0], [2, 0]], color: 'rgb(255, 0, 0)', width: 3, dots: false, upTo: 0.5 }] });
    const [ax, ay] = plot.toCanvas(-1, 0);
    const [bx] = plot.toCanvas(1, 0);
    expect(pixel(plot, ax, ay).slice(0, 3)).to.deep.equal([255, 0, 0]);
    expect(pixel(plot, bx, ay).slice(0, 3)).to.not.deep.equal([255, 0, 0]);
  });

  it('renders the background once: overlays alone do not rebuild it; surface, theme and size do', () => {
    const plot = makePlot('bowl');
    plot.draw({});
    expect(plot.backgroundRenders).to.equal(1);
    for (let k = 0; k < 5; k++) plot.draw({ points: [{ at: [k / 5, 0], color: 'red' }], start: [0, k / 5] });
    plot.setTheme({ ...LIGHT_PLOT_THEME }); // equal: no change
    plot.resize(320, 320, 1); // same size: no change
    plot.draw({});
    expect(plot.backgroundRenders).to.equal(1);
    plot.setTheme(DARK_PLOT_THEME);
    plot.draw({});
    expect(plot.backgroundRenders).to.equal(2);
    plot.resize(300, 320, 1);
    plot.draw({});
    plot.draw({});
    expect(plot.backgroundRenders).to.equal(3);
    const saddle = getSurface('saddle');
    plot.setSurface(saddle);
    plot.draw({});
    expect(plot.backgroundRenders).to.equal(4);
    plot.setSurface(saddle); // the same object and domain: no change
    plot.draw({});
    expect(plot.backgroundRenders).to.equal(4);
    plot.setSurface(saddle, { x: [-1, 1], y: [-1, 1] });
    plot.draw({});
    expect(plot.backgroundRenders).to.equal(5);
  });

  it('at a device pixel ratio of 2 the canvas has twice the CSS size in pixels, and draws at that scale', () => {
    const plot = makePlot('bowl', 300, 200, 2);
    expect(plot.canvas.width).to.equal(600);
    expect(plot.canvas.height).to.equal(400);
    expect(plot.canvas.style.width).to.equal('300px');
    expect(plot.canvas.getBoundingClientRect().width).to.equal(300);
    plot.draw({ paths: [{ points: [[-3, 0], [3, 0]], color: 'rgb(0, 0, 255)', width: 2, dots: false }] });
    const [px, py] = plot.toCanvas(1, 0);
    expect(pixel(plot, px, py, 2).slice(0, 3)).to.deep.equal([0, 0, 255]);
  });

  it('toDomain(client coordinates of toCanvas(p)) gives p back, through the bounding rectangle', () => {
    const plot = makePlot('rosenbrock', 360, 300);
    plot.canvas.style.left = '37px';
    plot.canvas.style.top = '11px';
    const box = plot.canvas.getBoundingClientRect();
    for (const [x, y] of [[1, 1], [-1.5, 2.5], [0, -1], [1.9, 2.9]]) {
      const [px, py] = plot.toCanvas(x, y);
      const [bx, by] = plot.toDomain(box.left + px, box.top + py);
      expect(bx).to.be.closeTo(x, 1e-9);
      expect(by).to.be.closeTo(y, 1e-9);
    }
  });

  it('overlays off the domain or not finite draw nothing outside the plot rectangle and do not throw', () => {
    const plot = makePlot('bowl');
    const frame = plot.draw({
      paths: [{ points: [[0, 0], [1e300, 0], [NaN, 1], [1, 1], [-Infinity, 2]], color: 'rgb(255, 0, 0)', width: 4 }],
      points: [{ at: [50, 50], color: 'red' }, { at: [NaN, 0], color: 'red' }],
      arrows: [{ from: [0, 0], vector: [1e200, 0], color: 'red' }, { from: [NaN, 0], vector: [1, 1], color: 'red' }],
      start: [Infinity, 0],
      labels: [{ at: [0, NaN], text: 'lost' }],
    });
    const { left, top, width } = plot.transform.rect;
    const [, py] = plot.toCanvas(0, 0);
    // The right margin, on the line of the diverged path: untouched (transparent).
    expect(pixel(plot, left + width + 6, py)[3]).to.equal(0);
    // The path is drawn up to the edge of the plot.
    expect(pixel(plot, left + width - 3, py).slice(0, 3)).to.deep.equal([255, 0, 0]);
    expect(pixel(plot, left + 4, top - 6)[3]).to.equal(0);
    expect(frame.arrowScales[1]).to.equal(0);
  });

  it('an arrow longer than maxLength keeps its direction at maxLength and reports the factor', () => {
    const plot = makePlot('bowl');
    const frame = plot.draw({
      arrows: [
        { from: [0, 0], vector: [0, 30], color: 'rgb(0, 160, 0)', maxLength: 60, width: 3 },
        { from: [-2, -2], vector: [0.5, 0], color: 'rgb(0, 160, 0)' },
      ],
    });
    expect(frame.arrowScales[1]).to.equal(1);
    const [ax, ay] = plot.toCanvas(0, 0);
    const [, by] = plot.toCanvas(0, 30);
    expect(frame.arrowScales[0]).to.be.closeTo(60 / (ay - by), 1e-9);
    expect(pixel(plot, ax, ay - 50).slice(0, 3)).to.deep.equal([0, 160, 0]);
    expect(pixel(plot, ax, ay - 66).slice(0, 3)).to.not.deep.equal([0, 160, 0]);
  });

  it('draws an arrow at its true length by default, and cuts one whose tip is off the plot at the edge, with a mark', () => {
    const plot = makePlot('bowl');
    const green = [0, 160, 0];
    // From (-2, 0) to (2.5, 0): about 200 px, its head at the tip.
    const frame = plot.draw({
      arrows: [
        { from: [-2, 0], vector: [4.5, 0], color: 'rgb(0, 160, 0)', width: 3 },
        { from: [0, -2], vector: [10, 0], color: 'rgb(0, 160, 0)', width: 3 },
      ],
    });
    const [ax, ay] = plot.toCanvas(-2, 0);
    const [tx] = plot.toCanvas(2.5, 0);
    expect(tx - ax).to.be.greaterThan(150);
    expect(frame.arrowScales).to.deep.equal([1, 1]);
    expect(frame.arrowsOffPlot).to.deep.equal([false, true]);
    expect(pixel(plot, tx - 3, ay).slice(0, 3)).to.deep.equal(green);
    expect(pixel(plot, tx + 4, ay).slice(0, 3)).to.not.deep.equal(green);
    // The second leaves the plot on the right: drawn up to the edge, nothing beyond it.
    const { left, width } = plot.transform.rect;
    const [, by] = plot.toCanvas(0, -2);
    expect(pixel(plot, left + width - 12, by).slice(0, 3)).to.deep.equal(green);
    expect(pixel(plot, left + width + 4, by)[3]).to.equal(0);
    // Its mark is open chevrons, not the filled head: just behind the last chevron's point, on the axis, the shaft has stopped.
    const greenAt = (x: number, y: number) => pixel(plot, x, y).slice(0, 3).join() === green.join();
    let column = 0;
    for (let dy = -8; dy <= 8; dy++) if (greenAt(left + width - 6, by + dy)) column++;
    expect(column, 'two arms of a chevron cross this column, not a solid head').to.be.lessThan(9);
  });

  it('redraws the background of a 640 x 640 plot in each theme it is switched to', () => {
    // (How long it takes is measured by `npm run bench`.)
    const plot = makePlot('rosenbrock', 640, 640);
    plot.draw({});
    const inside = () => pixel(plot, ...plot.toCanvas(1.5, 1.5)).slice(0, 3);
    plot.setTheme(DARK_PLOT_THEME);
    plot.draw({});
    const dark = inside();
    plot.setTheme(LIGHT_PLOT_THEME);
    plot.draw({});
    const light = inside();
    expect(light).to.not.deep.equal(dark);
    plot.setTheme(DARK_PLOT_THEME);
    plot.draw({});
    expect(inside()).to.deep.equal(dark);
  });
});

describe('PlotInput', () => {
  interface Pick {
    point: [number, number];
    info: PickInfo;
  }

  function setUp(current?: () => [number, number] | null) {
    const plot = makePlot('rosenbrock', 340, 340); // x in [-2, 2], y in [-1, 3]
    const picks: Pick[] = [];
    let toggles = 0;
    const input = new PlotInput(plot.canvas, plot, {
      onPick: (point, info) => picks.push({ point, info }),
      onToggle: () => toggles++,
      current,
    });
    return { plot, picks, input, toggles: () => toggles };
  }

  const pointer = (type: string, clientX: number, clientY: number, pointerType = 'mouse') =>
    new PointerEvent(type, {
      clientX,
      clientY,
      pointerId: pointerType === 'mouse' ? 1 : 7,
      pointerType,
      isPrimary: true,
      button: type === 'pointermove' ? -1 : 0,
      buttons: type === 'pointerup' ? 0 : 1,
      bubbles: true,
      cancelable: true,
    });
  const key = (k: string, init: KeyboardEventInit = {}) =>
    new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true, ...init });

  it('a click picks the point under the pointer, a drag follows it, the release is final', () => {
    const { plot, picks, input } = setUp();
    const box = plot.canvas.getBoundingClientRect();
    const [px, py] = plot.toCanvas(1, 1);
    plot.canvas.dispatchEvent(pointer('pointerdown', box.left + px, box.top + py));
    const [qx, qy] = plot.toCanvas(-0.5, 2);
    plot.canvas.dispatchEvent(pointer('pointermove', box.left + qx, box.top + qy));
    plot.canvas.dispatchEvent(pointer('pointerup', box.left + qx, box.top + qy));
    expect(picks.length).to.equal(3);
    expect(picks[0].point[0]).to.be.closeTo(1, 1e-9);
    expect(picks[0].point[1]).to.be.closeTo(1, 1e-9);
    expect(picks[0].info).to.deep.equal({ source: 'pointer', final: false });
    expect(picks[2].point[0]).to.be.closeTo(-0.5, 1e-9);
    expect(picks[2].point[1]).to.be.closeTo(2, 1e-9);
    expect(picks[2].info.final).to.equal(true);
    input.detach();
    plot.canvas.dispatchEvent(pointer('pointerdown', box.left + px, box.top + py));
    expect(picks.length).to.equal(3);
  });

  it('a click in the margin is clamped into the domain', () => {
    const { plot, picks } = setUp();
    const box = plot.canvas.getBoundingClientRect();
    plot.canvas.dispatchEvent(pointer('pointerdown', box.left + 2, box.bottom - 2)); // bottom-left corner
    expect(picks[0].point).to.deep.equal([-2, -1]);
  });

  it('a tap picks where the finger lifts; a touch the browser cancels (a scroll) picks nothing', () => {
    const { plot, picks } = setUp();
    const box = plot.canvas.getBoundingClientRect();
    const [px, py] = plot.toCanvas(0.5, 0.5);
    plot.canvas.dispatchEvent(pointer('pointerdown', box.left + px, box.top + py, 'touch'));
    expect(picks.length).to.equal(0);
    plot.canvas.dispatchEvent(pointer('pointerup', box.left + px, box.top + py, 'touch'));
    expect(picks.length).to.equal(1);
    expect(picks[0].info.final).to.equal(true);
    expect(picks[0].point[0]).to.be.closeTo(0.5, 1e-9);
    plot.canvas.dispatchEvent(pointer('pointerdown', box.left + px, box.top + py, 'touch'));
    plot.canvas.dispatchEvent(pointer('pointercancel', box.left + px, box.top + py + 30, 'touch'));
    plot.canvas.dispatchEvent(pointer('pointerup', box.left + px, box.top + py + 30, 'touch'));
    expect(picks.length).to.equal(1);
  });

  it('arrow keys move the current point by 1/40 of the domain (Shift 1/8), clamped; keys are consumed', () => {
    let start: [number, number] = [0, 0];
    const { plot, picks } = setUp(() => start);
    const right = key('ArrowRight');
    plot.canvas.dispatchEvent(right);
    expect(right.defaultPrevented).to.equal(true);
    expect(picks[0].point).to.deep.equal([0.1, 0]);
    expect(picks[0].info).to.deep.equal({ source: 'keyboard', final: true });
    start = [1.9, 2.9];
    plot.canvas.dispatchEvent(key('ArrowUp', { shiftKey: true }));
    expect(picks[1].point).to.deep.equal([1.9, 3]);
    plot.canvas.dispatchEvent(key('ArrowRight', { shiftKey: true }));
    expect(picks[2].point).to.deep.equal([2, 2.9]);
  });

  it('without a current point the keys start from the last pick, else the domain centre', () => {
    const { plot, picks } = setUp();
    plot.canvas.dispatchEvent(key('ArrowDown'));
    expect(picks[0].point).to.deep.equal([0, 0.9]);
    plot.canvas.dispatchEvent(key('ArrowLeft'));
    expect(picks[1].point[0]).to.be.closeTo(-0.1, 1e-12);
    expect(picks[1].point[1]).to.be.closeTo(0.9, 1e-12);
  });

  it('Space and Enter toggle (not on auto-repeat); Ctrl/Alt/Meta keys are left to the browser', () => {
    const { plot, picks, toggles } = setUp(() => [0, 0]);
    const space = key(' ');
    plot.canvas.dispatchEvent(space);
    expect(space.defaultPrevented).to.equal(true);
    plot.canvas.dispatchEvent(key('Enter'));
    plot.canvas.dispatchEvent(key(' ', { repeat: true }));
    expect(toggles()).to.equal(2);
    const ctrl = key('ArrowLeft', { ctrlKey: true });
    plot.canvas.dispatchEvent(ctrl);
    expect(ctrl.defaultPrevented).to.equal(false);
    expect(picks.length).to.equal(0);
  });
});
