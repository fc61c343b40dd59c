/**
 * The data plot in Chromium: points where toCanvas says, regression lines and decision
 * boundaries where the maths puts them, region shading under the points, mini-batch
 * rings, the background cache, the boundary cache, device pixel ratio, and diverged fits.
 */
import { expect } from 'chai';
import { DataPlot, type DataScene, type DataSet } from '../../src/plot/data-plot.js';
import { DARK_PLOT_THEME, LIGHT_PLOT_THEME } from '../../src/plot/theme.js';

const canvases: HTMLCanvasElement[] = [];
const RED = [255, 0, 0];
const BLUE = [0, 0, 255];
const GREEN = [0, 160, 0];
const MAGENTA = [200, 0, 200];
const hex = (c: number[]): string => `rgb(${c.join(', ')})`;

/** A canvas in the page at the top-left corner with a data plot on it. */
function makePlot(data: DataSet, width = 400, height = 300, dpr = 1): DataPlot {
  const canvas = document.createElement('canvas');
  canvas.style.position = 'absolute';
  canvas.style.left = '0';
  canvas.style.top = '0';
  document.body.append(canvas);
  canvases.push(canvas);
  const plot = new DataPlot(canvas);
  plot.setTheme(LIGHT_PLOT_THEME);
  plot.resize(width, height, dpr);
  plot.setData(data);
  return plot;
}

/** RGBA of the device pixel under CSS point (x, y). */
function pixel(plot: DataPlot, x: number, y: number, dpr = 1): number[] {
  const ctx = plot.canvas.getContext('2d')!;
  return [...ctx.getImageData(Math.floor(x * dpr), Math.floor(y * dpr), 1, 1).data];
}

const rgb = (p: number[]): number[] => p.slice(0, 3);

/** Whether some pixel within r CSS px of (x, y) has exactly this colour (opaque). */
function colourNear(plot: DataPlot, x: number, y: number, colour: number[], r = 1, dpr = 1): boolean {
  const ctx = plot.canvas.getContext('2d')!;
  const size = Math.ceil((2 * r + 1) * dpr);
  const data = ctx.getImageData(Math.floor((x - r) * dpr), Math.floor((y - r) * dpr), size, size).data;
  for (let k = 0; k < data.length; k += 4) {
    if (data[k] === colour[0] && data[k + 1] === colour[1] && data[k + 2] === colour[2] && data[k + 3] === 255) {
      return true;
    }
  }
  return false;
}

/** All the canvas's pixels. */
function snapshot(plot: DataPlot): Uint8ClampedArray {
  return plot.canvas.getContext('2d')!.getImageData(0, 0, plot.canvas.width, plot.canvas.height).data;
}

/** Seeded uniform numbers in [0, 1). */
function random(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 16807) % 2147483647) / 2147483647;
}

/** A noisy line y = 2x + 1 over x in [0, 10]. */
function noisyLine(n = 30): DataSet {
  const r = random(3);
  const xs = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    xs[2 * i] = 10 * r();
    xs[2 * i + 1] = 2 * xs[2 * i] + 1 + 3 * (r() - 0.5);
  }
  return { kind: 'regression', xs };
}

/** Two clusters: class 0 around (-2, -2), class 1 around (2, 2), within 1 of their centre. */
function blobs(n = 40): DataSet {
  const r = random(5);
  const xs = new Float64Array(2 * n);
  const labels = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    labels[i] = i % 2;
    const c = labels[i] === 1 ? 2 : -2;
    xs[2 * i] = c + 2 * (r() - 0.5);
    xs[2 * i + 1] = c + 2 * (r() - 0.5);
  }
  return { kind: 'classification', xs, labels, classes: 2 };
}

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

afterEach(() => {
  for (const c of canvases.splice(0)) c.remove();
});

describe('DataPlot', () => {
  it('chooses a domain around the data with a margin, and draws axes and points', () => {
    const plot = makePlot(noisyLine());
    const { x, y } = plot.domain;
    expect(x[0]).to.be.lessThan(0.5).and.at.least(-1.5);
    expect(x[1]).to.be.greaterThan(9.5).and.at.most(11.5);
    expect(y[0]).to.be.lessThan(2);
    expect(y[1]).to.be.greaterThan(20);
    plot.draw({});
    const data = snapshot(plot);
    let opaque = 0;
    for (let k = 3; k < data.length; k += 4) if (data[k] > 0) opaque++;
    expect(opaque).to.be.greaterThan(1500); // 30 dots, the axes and their labels
    expect(opaque).to.be.lessThan(0.25 * 400 * 300); // the rest is see-through
  });

  it('uses the domain it is given, and rejects an empty one', () => {
    const plot = makePlot(noisyLine());
    plot.setData(plot['data']!, { x: [-5, 15], y: [-10, 30] });
    expect(plot.domain).to.deep.equal({ x: [-5, 15], y: [-10, 30] });
    expect(() => plot.setData(noisyLine(), { x: [1, 1], y: [0, 1] })).to.throw(RangeError);
    expect(() => plot.setData(noisyLine(), { x: [0, 1], y: [0, NaN] })).to.throw(RangeError);
  });

  it('draws each point where toCanvas says, in its class colour, and classes in distinct shapes', () => {
    const xs = new Float64Array([-2, -2, 2, 2, 2, -2, -2, 2]);
    const plot = makePlot({ kind: 'classification', xs, labels: [0, 1, 2, 0] });
    plot.draw({ classColors: [hex(RED), hex(BLUE), hex(GREEN)] });
    const colours = [RED, BLUE, GREEN, RED];
    for (let i = 0; i < 4; i++) {
      const [px, py] = plot.toCanvas(xs[2 * i], xs[2 * i + 1]);
      expect(rgb(pixel(plot, px, py)), `point ${i}`).to.deep.equal(colours[i]);
    }
    // The marker shapes differ: how wide each is (in its own colour) at heights dy.
    const r = plot.pointRadius;
    const widthAt = (i: number, dy: number): number => {
      const [px, py] = plot.toCanvas(xs[2 * i], xs[2 * i + 1]);
      let count = 0;
      for (let dx = -2 * r; dx <= 2 * r; dx++) if (rgb(pixel(plot, px + dx, py + dy)).join() === colours[i].join()) count++;
      return count;
    };
    // A circle narrows towards the top...
    expect(widthAt(0, -0.7 * r)).to.be.lessThan(widthAt(0, 0) - 1);
    // ...a triangle narrows towards the top much more than towards the bottom...
    expect(widthAt(1, -0.5 * r)).to.be.lessThan(widthAt(1, 0.4 * r) - 2);
    // ...and a square does not narrow.
    expect(widthAt(2, -0.45 * r)).to.be.at.least(widthAt(2, 0) - 1);
  });

  it('shows the default palette without class colours, in light and dark', () => {
    const plot = makePlot(blobs());
    plot.draw({});
    const [px, py] = plot.toCanvas(plot['data']!.xs[0], plot['data']!.xs[1]);
    const light = pixel(plot, px, py);
    expect(light[3]).to.equal(255);
    plot.setTheme(DARK_PLOT_THEME);
    plot.draw({});
    const dark = pixel(plot, px, py);
    expect(dark[3]).to.equal(255);
    expect(rgb(dark)).to.not.deep.equal(rgb(light));
  });

  it('leaves out points with a non-finite coordinate or outside the domain', () => {
    const xs = new Float64Array([0, 0, NaN, 1, 1, Infinity, 5, 5]);
    const plot = makePlot({ kind: 'regression', xs }, 300, 300);
    plot.setData({ kind: 'regression', xs }, { x: [-1, 2], y: [-1, 2] });
    expect(() => plot.draw({ classColors: [hex(RED)] })).to.not.throw();
    const [px, py] = plot.toCanvas(0, 0);
    expect(rgb(pixel(plot, px, py))).to.deep.equal(RED);
  });

  it('draws a regression line through toCanvas(x, slope x + intercept), across the plot', () => {
    const plot = makePlot(noisyLine());
    const frame = plot.draw({ lines: [{ slope: 2, intercept: 1, color: hex(MAGENTA) }] });
    expect(frame.lines).to.deep.equal([true]);
    for (const x of [0.5, 2, 4.5, 7, 9.5]) {
      const [px, py] = plot.toCanvas(x, 2 * x + 1);
      expect(colourNear(plot, px, py, MAGENTA, 1), `at x = ${x}`).to.equal(true);
    }
    // Not beside it.
    const [px, py] = plot.toCanvas(5, 11);
    expect(colourNear(plot, px, py - 15, MAGENTA, 2)).to.equal(false);
    // Nothing outside the plot rectangle.
    const { left, top, width, height } = plot.transform.rect;
    const data = snapshot(plot);
    for (let yy = 0; yy < 300; yy++) {
      for (let xx = 0; xx < 400; xx++) {
        if (xx >= left - 1 && xx <= left + width + 1 && yy >= top - 1 && yy <= top + height + 1) continue;
        const k = 4 * (yy * 400 + xx);
        if (data[k] === MAGENTA[0] && data[k + 1] === MAGENTA[1] && data[k + 2] === MAGENTA[2]) {
          expect.fail(`line pixel outside the plot at ${xx}, ${yy}`);
        }
      }
    }
  });

  it('draws three fits at once, each in its colour, and fits that agree in turns of their colours', () => {
    const plot = makePlot(noisyLine());
    plot.draw({
      lines: [
        { slope: 2, intercept: 1, color: hex(RED) },
        { slope: 1, intercept: 8, color: hex(BLUE) },
        { slope: 2, intercept: 1.02, color: hex(GREEN) },
      ],
    });
    // The blue one alone.
    expect(colourNear(plot, ...plot.toCanvas(2, 10), BLUE, 1)).to.equal(true);
    // Red and green coincide: both colours appear along their common line.
    let red = 0;
    let green = 0;
    for (let x = 0.5; x < 9.5; x += 0.25) {
      const [px, py] = plot.toCanvas(x, 2 * x + 1);
      if (colourNear(plot, px, py, RED, 1)) red++;
      if (colourNear(plot, px, py, GREEN, 1)) green++;
    }
    expect(red).to.be.greaterThan(5);
    expect(green).to.be.greaterThan(5);
  });

  it('copes with diverged fits: NaN, Infinity, huge numbers never throw or draw garbage', () => {
    const plot = makePlot(noisyLine());
    plot.draw({});
    const clean = snapshot(plot);
    const scene: DataScene = {
      lines: [
        { slope: NaN, intercept: 1, color: hex(RED) },
        { slope: 1, intercept: Infinity, color: hex(RED) },
        { slope: -Infinity, intercept: -Infinity, color: hex(RED) },
        { slope: 1e300, intercept: 1e302, color: hex(RED) }, // vertical, far off: x = -100
        { slope: 0, intercept: 1e200, color: hex(RED) }, // far above
      ],
      boundaries: [
        { kind: 'binary-line', line: { a: NaN, b: 1, c: 0 }, color: hex(RED) },
        { kind: 'binary-line', line: { a: 0, b: 0, c: 1 }, color: hex(RED) },
        { kind: 'binary-line', classify: () => NaN, color: hex(RED) },
        { kind: 'regions', classify: () => Infinity, color: hex(RED) },
      ],
    };
    let frame: ReturnType<DataPlot['draw']> | undefined;
    expect(() => (frame = plot.draw(scene))).to.not.throw();
    expect(frame!.lines).to.deep.equal([false, false, false, false, false]);
    expect(frame!.boundaries).to.deep.equal([false, false, false, false]);
    const after = snapshot(plot);
    let differing = 0;
    for (let k = 0; k < after.length; k++) if (after[k] !== clean[k]) differing++;
    expect(differing).to.equal(0);
  });

  it('draws a huge slope as the nearly vertical line it is', () => {
    const plot = makePlot(noisyLine());
    // y = 1e12 (x - 5): crosses zero at x = 5.
    const frame = plot.draw({ lines: [{ slope: 1e12, intercept: -5e12, color: hex(MAGENTA) }] });
    expect(frame.lines).to.deep.equal([true]);
    const [px] = plot.toCanvas(5, 0);
    const { top, height } = plot.transform.rect;
    expect(colourNear(plot, px, top + height / 2, MAGENTA, 1)).to.equal(true);
  });

  it('a binary boundary (P = 0.5) separates two clusters: from classify and from the line agree', () => {
    const plot = makePlot(blobs(), 400, 400);
    // P(class 1) = sigmoid(x + y): the boundary is y = -x.
    const classify = (x: number, y: number): number => sigmoid(3 * (x + y));
    const onLine = (t: number): [number, number] => plot.toCanvas(t, -t);
    for (const boundary of [
      { kind: 'binary-line' as const, classify, color: hex(MAGENTA) },
      { kind: 'binary-line' as const, line: { a: 1, b: 1, c: 0 }, color: hex(MAGENTA) },
    ]) {
      const frame = plot.draw({ boundaries: [boundary], classColors: [hex(RED), hex(BLUE)] });
      expect(frame.boundaries).to.deep.equal([true]);
      for (const t of [-2, -1, 0, 1, 2]) {
        expect(colourNear(plot, ...onLine(t), MAGENTA, 1), `on the line at ${t}`).to.equal(true);
      }
      // The line passes between the clusters, not through them.
      expect(colourNear(plot, ...plot.toCanvas(-2, -2), MAGENTA, 8)).to.equal(false);
      expect(colourNear(plot, ...plot.toCanvas(2, 2), MAGENTA, 8)).to.equal(false);
    }
  });

  it('shades the regions of the first regions boundary: the two sides differ, under the points', () => {
    const data = blobs();
    const plot = makePlot(data, 400, 400);
    const classify = (x: number, y: number): number => (x + y >= 0 ? 1 : 0);
    plot.draw({
      boundaries: [
        { kind: 'regions', classify, color: hex(MAGENTA) },
        { kind: 'regions', classify: (x) => (x >= 3 ? 1 : 0), color: hex(GREEN) }, // lines only
      ],
      classColors: [hex(RED), hex(BLUE)],
    });
    const below = pixel(plot, ...plot.toCanvas(-0.5, -3.2));
    const above = pixel(plot, ...plot.toCanvas(0.5, 3.2));
    expect(below[3]).to.be.greaterThan(0);
    expect(above[3]).to.be.greaterThan(0);
    expect(below[0]).to.be.greaterThan(below[2]); // reddish
    expect(above[2]).to.be.greaterThan(above[0]); // bluish
    expect(below[3]).to.be.lessThan(100); // light
    // Only the first boundary shades: both sides of x = 3 (inside class 1's region) alike.
    expect(pixel(plot, ...plot.toCanvas(2.6, -0.5))).to.deep.equal(pixel(plot, ...plot.toCanvas(3.4, -0.5)));
    expect(colourNear(plot, ...plot.toCanvas(3, 0.5), GREEN, 1)).to.equal(true);
    // The points keep their own colour on top of the shading.
    for (let i = 0; i < 6; i++) {
      const [px, py] = plot.toCanvas(data.xs[2 * i], data.xs[2 * i + 1]);
      expect(rgb(pixel(plot, px, py))).to.deep.equal(data.labels![i] === 1 ? BLUE : RED);
    }
  });

  it('traces multiclass borders between three regions', () => {
    const xs = new Float64Array([-2, -2, 2, -2, 0, 2]);
    const plot = makePlot({ kind: 'classification', xs, labels: [0, 1, 2] }, 400, 400);
    plot.setData({ kind: 'classification', xs, labels: [0, 1, 2] }, { x: [-3, 3], y: [-3, 3] });
    // Class 2 above y = 1; below it, class 0 left of x = 0 and class 1 right of it.
    const classify = (x: number, y: number): number => (y > 1 ? 2 : x < 0 ? 0 : 1);
    plot.draw({ boundaries: [{ kind: 'regions', classify, color: hex(MAGENTA) }] });
    expect(colourNear(plot, ...plot.toCanvas(-2, 1), MAGENTA, 1)).to.equal(true);
    expect(colourNear(plot, ...plot.toCanvas(2, 1), MAGENTA, 1)).to.equal(true);
    expect(colourNear(plot, ...plot.toCanvas(0, -2), MAGENTA, 1)).to.equal(true);
    expect(colourNear(plot, ...plot.toCanvas(0, 2), MAGENTA, 3)).to.equal(false); // no border inside class 2
  });

  it('rings the examples of the mini-batch, and ignores indices out of range', () => {
    const data = noisyLine();
    const plot = makePlot(data);
    expect(() => plot.draw({ highlight: [2, -1, 1.5, 999], highlightColor: hex(MAGENTA) })).to.not.throw();
    const [px, py] = plot.toCanvas(data.xs[4], data.xs[5]);
    const r = plot.pointRadius + 3.5;
    let hits = 0;
    for (let a = 0; a < 2 * Math.PI; a += Math.PI / 4) {
      if (colourNear(plot, px + r * Math.cos(a), py + r * Math.sin(a), MAGENTA, 1)) hits++;
    }
    expect(hits).to.be.at.least(6);
    const [qx, qy] = plot.toCanvas(data.xs[6], data.xs[7]);
    expect(colourNear(plot, qx + r, qy, MAGENTA, 1)).to.equal(false);
  });

  it('writes labels in the fit colours', () => {
    const plot = makePlot(noisyLine());
    const scene = { lines: [{ slope: 2, intercept: 1, color: hex(MAGENTA), label: 'batch' }] };
    plot.draw({ lines: [{ slope: 2, intercept: 1, color: hex(MAGENTA) }] });
    const without = snapshot(plot);
    plot.draw(scene);
    const withLabel = snapshot(plot);
    let differing = 0;
    for (let k = 0; k < without.length; k += 4) if (without[k + 3] !== withLabel[k + 3] || without[k] !== withLabel[k]) differing++;
    expect(differing).to.be.greaterThan(20);
  });

  it('renders the background once; overlay-only draws reuse it', () => {
    const plot = makePlot(blobs());
    plot.draw({});
    expect(plot.backgroundRenders).to.equal(1);
    for (let k = 0; k < 5; k++) {
      plot.draw({
        lines: [{ slope: k, intercept: 0, color: hex(RED) }],
        boundaries: [{ kind: 'regions', classify: (x) => (x > k ? 1 : 0), color: hex(BLUE), version: k }],
        highlight: [k],
      });
    }
    expect(plot.backgroundRenders).to.equal(1);
    plot.setTheme({ ...LIGHT_PLOT_THEME }); // equal fields: no change
    plot.resize(400, 300, 1); // the same size
    plot.draw({});
    expect(plot.backgroundRenders).to.equal(1);
    plot.setTheme(DARK_PLOT_THEME);
    plot.draw({});
    expect(plot.backgroundRenders).to.equal(2);
    plot.resize(320, 240, 1);
    plot.draw({});
    expect(plot.backgroundRenders).to.equal(3);
    plot.setData(blobs());
    plot.draw({});
    expect(plot.backgroundRenders).to.equal(4);
    plot.draw({ classColors: ['#123456', '#654321'] });
    plot.draw({ classColors: ['#123456', '#654321'] });
    expect(plot.backgroundRenders).to.equal(5);
  });

  it('traces a boundary with a version once until the version changes; without one, every frame', () => {
    const plot = makePlot(blobs());
    let calls = 0;
    const classify = (x: number, y: number): number => {
      calls++;
      return sigmoid(x + y);
    };
    plot.draw({ boundaries: [{ kind: 'binary-line', classify, color: hex(RED), version: 1 }] });
    expect(calls).to.be.greaterThan(500);
    calls = 0;
    plot.draw({ boundaries: [{ kind: 'binary-line', classify, color: hex(RED), version: 1 }] });
    expect(calls).to.equal(0);
    expect(colourNear(plot, ...plot.toCanvas(0, 0), RED, 1)).to.equal(true); // still drawn
    plot.draw({ boundaries: [{ kind: 'binary-line', classify, color: hex(RED), version: 2 }] });
    expect(calls).to.be.greaterThan(500);
    calls = 0;
    plot.resize(300, 300, 1); // a new size: traced again
    plot.draw({ boundaries: [{ kind: 'binary-line', classify, color: hex(RED), version: 2 }] });
    expect(calls).to.be.greaterThan(500);
    calls = 0;
    plot.draw({ boundaries: [{ kind: 'binary-line', classify, color: hex(RED) }] });
    const once = calls;
    plot.draw({ boundaries: [{ kind: 'binary-line', classify, color: hex(RED) }] });
    expect(calls).to.equal(2 * once);
    // Shading 3 modes at the size of a wide figure (its cost is in `npm run bench`).
    plot.resize(600, 420, 2);
    const modes = [0, 1, 2].map((k) => ({
      kind: 'regions' as const,
      classify: (x: number, y: number) => (x + y > k - 1 ? 1 : 0),
      color: hex(RED),
    }));
    plot.draw({ boundaries: modes });
    expect(plot.canvas.width).to.equal(1200);
    // Above every mode's line and below all of them: tinted differently.
    const [lowX, lowY] = plot.toDomain(150, 315);
    const [highX, highY] = plot.toDomain(450, 105);
    expect(lowX + lowY, 'the lower left is below every line').to.be.lessThan(-1);
    expect(highX + highY, 'the upper right is above every line').to.be.greaterThan(1);
    expect(pixel(plot, 150, 315, 2)).to.not.deep.equal(pixel(plot, 450, 105, 2));
  });

  it('draws at device pixel ratio 2: a buffer twice the size, points where toCanvas says', () => {
    const xs = new Float64Array([-1, -1, 1, 1]);
    const plot = makePlot({ kind: 'classification', xs, labels: [0, 1] }, 300, 200, 2);
    expect(plot.canvas.width).to.equal(600);
    expect(plot.canvas.height).to.equal(400);
    expect(plot.canvas.style.width).to.equal('300px');
    plot.draw({
      classColors: [hex(RED), hex(BLUE)],
      lines: [{ slope: 0, intercept: 0, color: hex(MAGENTA) }],
    });
    const [ax, ay] = plot.toCanvas(-1, -1);
    const [bx, by] = plot.toCanvas(1, 1);
    expect(rgb(pixel(plot, ax, ay, 2))).to.deep.equal(RED);
    expect(rgb(pixel(plot, bx, by, 2))).to.deep.equal(BLUE);
    const [mx, my] = plot.toCanvas(0.5, 0);
    expect(colourNear(plot, mx, my, MAGENTA, 1, 2)).to.equal(true);
  });

  it('maps viewport coordinates back to the domain (toDomain inverts toCanvas)', () => {
    const plot = makePlot(noisyLine());
    const box = plot.canvas.getBoundingClientRect();
    const [px, py] = plot.toCanvas(3, 7);
    const [x, y] = plot.toDomain(box.left + px, box.top + py);
    expect(x).to.be.closeTo(3, 1e-9);
    expect(y).to.be.closeTo(7, 1e-9);
  });
});
