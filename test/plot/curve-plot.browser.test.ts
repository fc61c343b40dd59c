/**
 * The curve plot in Chromium: the curve where toCanvas says, iterates on it, arrows
 * clipped at the frame, the background cache, device pixel ratio, coordinates, and
 * PlotInput from real PointerEvents and KeyboardEvents.
 */
import { expect } from 'chai';
import { CurvePlot, type PlotCurve } from '../../src/plot/curve-plot.js';
import { PlotInput, type PickInfo } from '../../src/plot/plot-input.js';
import { DARK_PLOT_THEME, LIGHT_PLOT_THEME } from '../../src/plot/theme.js';

const canvases: HTMLCanvasElement[] = [];

const square: PlotCurve = { value: (x) => x * x, domain: { x: [-3, 3] } };
const BLUE = [0, 0, 255];
const RED = [255, 0, 0];
const GREEN = [0, 160, 0];

/** A canvas in the page at the top-left corner, with a plot of `curve` on it. */
function makePlot(curve: PlotCurve = square, width = 320, height = 240, dpr = 1): CurvePlot {
  const canvas = document.createElement('canvas');
  canvas.style.position = 'absolute';
  canvas.style.left = '0';
  canvas.style.top = '0';
  canvas.tabIndex = 0;
  document.body.append(canvas);
  canvases.push(canvas);
  const plot = new CurvePlot(canvas);
  plot.setTheme(LIGHT_PLOT_THEME);
  plot.setCurve(curve);
  plot.resize(width, height, dpr);
  return plot;
}

/** RGBA of the device pixel under CSS point (x, y). */
function pixel(plot: CurvePlot, x: number, y: number, dpr = 1): number[] {
  const ctx = plot.canvas.getContext('2d')!;
  return [...ctx.getImageData(Math.floor(x * dpr), Math.floor(y * dpr), 1, 1).data];
}

const rgb = (p: number[]) => p.slice(0, 3);

/** Whether some pixel within r CSS px of (x, y) has exactly this colour. */
function colourNear(plot: CurvePlot, x: number, y: number, colour: number[], r = 1, dpr = 1): boolean {
  const ctx = plot.canvas.getContext('2d')!;
  const size = 2 * r + 1;
  const data = ctx.getImageData(Math.floor((x - r) * dpr), Math.floor((y - r) * dpr), size * dpr, size * dpr).data;
  for (let k = 0; k < data.length; k += 4) {
    if (data[k] === colour[0] && data[k + 1] === colour[1] && data[k + 2] === colour[2]) return true;
  }
  return false;
}

afterEach(() => {
  for (const c of canvases.splice(0)) c.remove();
});

describe('CurvePlot', () => {
  it('shows x^2 on [-3, 3] over about [0, 9] with a margin, as a PlotCoordinates domain', () => {
    const plot = makePlot();
    expect(plot.domain.x).to.deep.equal([-3, 3]);
    const [y0, y1] = plot.domain.y;
    expect(y0).to.be.lessThan(0).and.greaterThan(-1.5);
    expect(y1).to.be.greaterThan(9).and.lessThan(10.5);
    expect(plot.valueAt(2)).to.equal(4);
  });

  it('draws something: the fill, the curve, axes and labels, and leaves the rest transparent', () => {
    const plot = makePlot();
    plot.draw({});
    const data = plot.canvas.getContext('2d')!.getImageData(0, 0, 320, 240).data;
    let opaque = 0;
    for (let k = 3; k < data.length; k += 4) if (data[k] > 0) opaque++;
    expect(opaque).to.be.greaterThan(0.2 * 320 * 240); // the fill under the curve
    expect(opaque).to.be.lessThan(0.9 * 320 * 240);
    const { left, top } = plot.transform.rect;
    const [, y9] = plot.toCanvas(0, 8.5);
    expect(pixel(plot, left + 2, top + 1)[3]).to.equal(0); // above the curve, top-left corner of the plot
    expect(pixel(plot, plot.toCanvas(0, 0)[0], y9)[3]).to.equal(0); // above the valley
    expect(pixel(plot, plot.toCanvas(0, 0)[0], plot.toCanvas(0, -0.5)[1])[3]).to.be.greaterThan(0); // under it
  });

  it('draws the curve where toCanvas says, and not a few pixels above it', () => {
    const plot = makePlot();
    plot.setCurveStyle({ color: 'rgb(0, 0, 255)', width: 3, fill: null });
    plot.draw({});
    for (const x of [-2.5, -1, 0, 0.7, 2, 2.9]) {
      const [px, py] = plot.toCanvas(x, x * x);
      expect(colourNear(plot, px, py, BLUE), `curve at x = ${x}`).to.equal(true);
    }
    const [px, py] = plot.toCanvas(0, 0);
    expect(colourNear(plot, px, py - 8, BLUE, 2)).to.equal(false);
  });

  it('draws the iterates as points on the curve, the current one larger', () => {
    const plot = makePlot();
    plot.draw({ paths: [{ xs: [2, -1.6, 1.28], color: 'rgb(255, 0, 0)', arrows: false }] });
    for (const x of [2, -1.6, 1.28]) {
      const [px, py] = plot.toCanvas(x, x * x);
      expect(rgb(pixel(plot, px, py)), `iterate at x = ${x}`).to.deep.equal(RED);
    }
    const [cx, cy] = plot.toCanvas(1.28, 1.28 ** 2);
    const [ax, ay] = plot.toCanvas(2, 4);
    expect(rgb(pixel(plot, cx + 3.75, cy))).to.deep.equal(RED); // radius 6
    expect(rgb(pixel(plot, ax + 3.75, ay))).to.not.deep.equal(RED); // radius 3.5
  });

  it('joins consecutive iterates by chords with arrowheads; arrows: false leaves them out', () => {
    const plot = makePlot();
    const path = { xs: [-2, 2], color: 'rgb(0, 160, 0)', width: 3, fade: false };
    plot.draw({ paths: [path] });
    const [mx, my] = plot.toCanvas(0, 4); // the middle of the chord from (-2, 4) to (2, 4)
    expect(rgb(pixel(plot, mx, my))).to.deep.equal(GREEN);
    const [hx, hy] = plot.toCanvas(2, 4);
    expect(colourNear(plot, hx - 12, hy - 3, GREEN, 1)).to.equal(true); // the arrowhead's barb
    plot.draw({ paths: [{ ...path, arrows: false }] });
    expect(rgb(pixel(plot, mx, my))).to.not.deep.equal(GREEN);
  });

  it('reveals up to a fractional index: the point moves along the chord', () => {
    const plot = makePlot();
    plot.draw({ paths: [{ xs: [-2, 2], color: 'rgb(255, 0, 0)', upTo: 0.5, dots: false }] });
    const [mx, my] = plot.toCanvas(0, 4);
    expect(rgb(pixel(plot, mx, my))).to.deep.equal(RED); // the current point, in the air
    const [qx] = plot.toCanvas(1.2, 4);
    expect(rgb(pixel(plot, qx, my))).to.not.deep.equal(RED); // not yet there
  });

  it('an iterate off the plot: the arrow is drawn up to the frame, nothing beyond, and the frame reports it', () => {
    const plot = makePlot();
    const frame = plot.draw({ paths: [{ xs: [2, -4], color: 'rgb(255, 0, 0)', width: 3, fade: false }] });
    expect(frame.offPlot).to.deep.equal([true]);
    // The chord from (2, 4) to (-4, 16) passes (0, 8) inside the plot and (-1.25, 10.5) above it.
    const [ix, iy] = plot.toCanvas(0, 8);
    expect(colourNear(plot, ix, iy, RED, 1)).to.equal(true);
    const [ox, oy] = plot.toCanvas(-1.25, 10.5);
    expect(oy).to.be.lessThan(plot.transform.rect.top);
    expect(pixel(plot, ox, oy)[3]).to.equal(0);
    expect(plot.draw({ paths: [{ xs: [2, 1], color: 'red' }] }).offPlot).to.deep.equal([false]);
  });

  it('diverged and non-finite iterates (1e6, 1e300, NaN, Infinity) do not throw and draw nothing outside the plot', () => {
    const plot = makePlot();
    const lr = 1.1;
    const xs = [1];
    for (let k = 0; k < 400; k++) xs.push(xs[k] - lr * 2 * xs[k]); // overflows to Infinity, then NaN
    const scenes = [
      { paths: [{ xs, color: 'rgb(255, 0, 0)', width: 4, fade: false }] },
      { paths: [{ xs: [0.5, 1e6, NaN, 1, Infinity, -Infinity, 1e300, -2], color: 'rgb(255, 0, 0)', width: 4 }] },
      { paths: [{ xs: [1, 2], fs: [NaN, Infinity], color: 'red' }], start: NaN, minima: [Infinity] },
      { points: [{ x: NaN, color: 'red', label: 'lost' }, { x: 50, color: 'red' }], guides: [{ x: NaN, kind: 'tangent' as const }] },
      { paths: [{ xs: [], color: 'red' }, { xs: [1], color: 'red', upTo: -1 }, { xs: [1, 2], color: 'red', upTo: NaN }] },
    ];
    for (const scene of scenes) expect(() => plot.draw(scene)).to.not.throw();
    const frame = plot.draw(scenes[0]);
    expect(frame.offPlot).to.deep.equal([true]);
    const { left, top, width, height } = plot.transform.rect;
    // The margins right of and above the plot are untouched (the names are elsewhere).
    for (let y = top + 4; y < top + height; y += 9) expect(pixel(plot, left + width + 14, y)[3], `right margin at ${y}`).to.equal(0);
    for (let x = left + 40; x < left + width; x += 9) expect(pixel(plot, x, top - 3)[3], `top margin at ${x}`).to.equal(0);
    // A run that overflowed to NaN: the triangle on the frame points where it went (up and right).
    expect(plot.draw({ paths: [{ xs: [1, -3.5, 1e200, Infinity, NaN], color: 'rgb(255, 0, 0)' }] }).offPlot).to.deep.equal([true]);
    expect(colourNear(plot, left + width - 10, top + 10, RED, 2)).to.equal(true);
    expect(colourNear(plot, left + 10, top + 10, RED, 2)).to.equal(false);
    plot.draw(scenes[0]);
    // The arrows of the run are drawn inside the plot, up to the frame.
    const data = plot.canvas.getContext('2d')!.getImageData(left, top, width, height).data;
    let red = 0;
    for (let k = 0; k < data.length; k += 4) if (data[k] === 255 && data[k + 1] === 0 && data[k + 2] === 0) red++;
    expect(red).to.be.greaterThan(500);
  });

  it('a pole breaks the curve instead of drawing a vertical line through the plot', () => {
    // On [-1, 1.3] no sample is at x = 0 (one would be infinite and break the line anyway).
    const plot = makePlot({ value: (x) => 1 / x, domain: { x: [-1, 1.3] } });
    plot.setCurveStyle({ color: 'rgb(0, 0, 255)', width: 2, fill: null });
    plot.draw({});
    const [y0, y1] = plot.domain.y;
    expect(y1).to.be.lessThan(100); // not the 1e15 of the sample next to the pole
    expect(y0).to.be.greaterThan(-100);
    const [px] = plot.toCanvas(0, 0);
    for (const y of [-5, -2, 0, 2, 5]) {
      expect(colourNear(plot, px, plot.toCanvas(0, y)[1], BLUE, 1), `at y = ${y}`).to.equal(false);
    }
    const [qx, qy] = plot.toCanvas(0.5, 2);
    expect(colourNear(plot, qx, qy, BLUE, 1)).to.equal(true);
  });

  it('huge values get y labels in powers of ten; long labels widen the left margin', () => {
    const huge = makePlot({ value: (x) => 1e6 * x * x, domain: { x: [-3, 3] } });
    huge.draw({});
    expect(huge.domain.y[1]).to.be.greaterThan(9e6);
    expect(huge.transform.rect.left).to.equal(34); // labels 0, 2, ... 8 (x10^6)
    const offset = makePlot({ value: (x) => 1000 + 0.001 * x, domain: { x: [-1, 1] } });
    offset.draw({});
    expect(offset.transform.rect.left).to.be.greaterThan(40); // labels like 1000.0005
    const data = offset.canvas.getContext('2d')!.getImageData(0, 0, 2, 240).data;
    for (let k = 3; k < data.length; k += 4) expect(data[k]).to.equal(0); // no label cut at the left edge
  });

  it('renders the background once: overlays alone do not rebuild it; curve, style, theme and size do', () => {
    const plot = makePlot();
    plot.draw({});
    expect(plot.backgroundRenders).to.equal(1);
    for (let k = 0; k < 5; k++) {
      plot.draw({ paths: [{ xs: [2, -1.6, 1.28], color: 'red', upTo: k / 2 }], start: 2, minima: [0], guides: [{ x: 1, kind: 'tangent' }] });
    }
    plot.setTheme({ ...LIGHT_PLOT_THEME }); // equal: no change
    plot.resize(320, 240, 1); // same size: no change
    plot.setCurve(square); // the same object and domain: no change
    plot.setCurveStyle({});
    plot.setAxisNames('x', 'f(x)');
    plot.draw({});
    expect(plot.backgroundRenders).to.equal(1);
    plot.setTheme(DARK_PLOT_THEME);
    plot.draw({});
    expect(plot.backgroundRenders).to.equal(2);
    plot.resize(300, 240, 1);
    plot.draw({});
    plot.draw({});
    expect(plot.backgroundRenders).to.equal(3);
    plot.setCurve(square, [-2, 2]);
    plot.draw({});
    expect(plot.backgroundRenders).to.equal(4);
    expect(plot.domain.x).to.deep.equal([-2, 2]);
    plot.setCurve(square, { x: [-2, 2], y: [-1, 5] });
    plot.draw({});
    expect(plot.backgroundRenders).to.equal(5);
    expect(plot.domain.y).to.deep.equal([-1, 5]);
    plot.setCurve({ value: (x) => x * x * x, domain: { x: [-2, 2] } }, { x: [-2, 2], y: [-1, 5] });
    plot.setCurveStyle({ color: 'red' });
    plot.setAxisNames('w', 'L(w)');
    plot.draw({});
    expect(plot.backgroundRenders).to.equal(6); // three changes, one render
  });

  it('rejects a range that is not finite with min < max', () => {
    const plot = makePlot();
    expect(() => plot.setCurve(square, [1, 1])).to.throw(RangeError);
    expect(() => plot.setCurve(square, [0, NaN])).to.throw(RangeError);
    expect(() => plot.setCurve(square, { x: [-1, 1], y: [2, -2] })).to.throw(RangeError);
    expect(plot.domain.x).to.deep.equal([-3, 3]);
  });

  it('at a device pixel ratio of 2 the canvas has twice the CSS size in pixels, and draws at that scale', () => {
    const plot = makePlot(square, 300, 200, 2);
    expect(plot.canvas.width).to.equal(600);
    expect(plot.canvas.height).to.equal(400);
    expect(plot.canvas.style.width).to.equal('300px');
    expect(plot.canvas.getBoundingClientRect().width).to.equal(300);
    plot.setCurveStyle({ color: 'rgb(0, 0, 255)', fill: null });
    plot.draw({ paths: [{ xs: [2, -2], color: 'rgb(255, 0, 0)', width: 2, fade: false }] });
    const [cx, cy] = plot.toCanvas(-1, 1);
    expect(colourNear(plot, cx, cy, BLUE, 1, 2)).to.equal(true);
    const [px, py] = plot.toCanvas(0.5, 4);
    expect(rgb(pixel(plot, px, py, 2))).to.deep.equal(RED);
  });

  it('toDomain(client coordinates of toCanvas(p)) gives p back, through the bounding rectangle', () => {
    const plot = makePlot(square, 360, 260);
    plot.canvas.style.left = '37px';
    plot.canvas.style.top = '11px';
    const box = plot.canvas.getBoundingClientRect();
    for (const [x, y] of [[1, 1], [-1.5, 2.25], [0, -0.5], [2.9, 9.5]]) {
      const [px, py] = plot.toCanvas(x, y);
      const [bx, by] = plot.toDomain(box.left + px, box.top + py);
      expect(bx).to.be.closeTo(x, 1e-9);
      expect(by).to.be.closeTo(y, 1e-9);
    }
  });
});

describe('PlotInput on a CurvePlot', () => {
  interface Pick {
    point: [number, number];
    info: PickInfo;
  }

  const pointer = (type: string, clientX: number, clientY: number) =>
    new PointerEvent(type, {
      clientX,
      clientY,
      pointerId: 1,
      pointerType: 'mouse',
      isPrimary: true,
      button: type === 'pointermove' ? -1 : 0,
      buttons: type === 'pointerup' ? 0 : 1,
      bubbles: true,
      cancelable: true,
    });

  it('a click picks x under the pointer (clamped into [a, b]); arrow keys move the start along x', () => {
    const plot = makePlot(square, 340, 260);
    const picks: Pick[] = [];
    let start = 1.5;
    const input = new PlotInput(plot.canvas, plot, {
      onPick: (point, info) => {
        picks.push({ point, info });
        start = point[0];
      },
      onToggle: () => {},
      current: () => [start, plot.valueAt(start)],
    });
    const box = plot.canvas.getBoundingClientRect();
    const [px, py] = plot.toCanvas(-1.25, 7); // anywhere above x = -1.25
    plot.canvas.dispatchEvent(pointer('pointerdown', box.left + px, box.top + py));
    plot.canvas.dispatchEvent(pointer('pointerup', box.left + px, box.top + py));
    expect(picks.length).to.equal(2);
    expect(picks[0].point[0]).to.be.closeTo(-1.25, 1e-9);
    expect(picks[1].info).to.deep.equal({ source: 'pointer', final: true });
    plot.canvas.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true, cancelable: true }));
    expect(picks[2].point[0]).to.be.closeTo(-1.25 + 6 / 40, 1e-9);
    plot.canvas.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft', shiftKey: true, bubbles: true, cancelable: true }));
    expect(picks[3].point[0]).to.be.closeTo(-1.1 - 6 / 8, 1e-9);
    plot.canvas.dispatchEvent(pointer('pointerdown', box.right - 2, box.top + 5)); // the right margin
    expect(picks[4].point[0]).to.equal(3);
    input.detach();
  });
});
