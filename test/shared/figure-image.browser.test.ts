/**
 * figure-image in Chromium: the PNG of small literal shadow trees, read back pixel by
 * pixel, then of each element after a few steps (size, not blank, the plot as drawn).
 */
import { expect } from 'chai';
import type { LitElement } from 'lit';
import '../../src/index.js';
import { figureImage } from '../../src/shared/figure-image.js';
import { cleanup, fixture, frames, uncaughtDuring } from '../elements/helpers.js';

/** The PNG's pixels. */
async function pixels(png: Blob): Promise<ImageData> {
  const bitmap = await createImageBitmap(png);
  const canvas = document.createElement('canvas');
  canvas.width = bitmap.width;
  canvas.height = bitmap.height;
  const ctx = canvas.getContext('2d')!;
  ctx.drawImage(bitmap, 0, 0);
  return ctx.getImageData(0, 0, bitmap.width, bitmap.height);
}

/** [r, g, b] at image pixel (x, y). */
function at(image: ImageData, x: number, y: number): number[] {
  const i = 4 * (Math.round(y) * image.width + Math.round(x));
  return [image.data[i], image.data[i + 1], image.data[i + 2]];
}

/** [r, g, b] of a CSS colour. */
function rgb(colour: string): number[] {
  const ctx = document.createElement('canvas').getContext('2d', { willReadFrequently: true })!;
  ctx.fillStyle = colour;
  ctx.fillRect(0, 0, 1, 1);
  return [...ctx.getImageData(0, 0, 1, 1).data.slice(0, 3)];
}

const near = (a: number[], b: number[], tolerance = 8) => a.every((v, i) => Math.abs(v - b[i]) <= tolerance);

/** Image pixels in the rectangle (CSS pixels of the image, `scale` image pixels each) with this colour. */
function count(image: ImageData, scale: number, r: { left: number; top: number; right: number; bottom: number }, colour: number[], tolerance = 60): number {
  let n = 0;
  for (let y = Math.ceil(r.top * scale); y < Math.floor(r.bottom * scale); y++)
    for (let x = Math.ceil(r.left * scale); x < Math.floor(r.right * scale); x++) if (near(at(image, x, y), colour, tolerance)) n++;
  return n;
}

const BG = [250, 240, 200];
const MAGENTA = [255, 0, 255];

/** A host with a shadow root of this markup, 240 x 160 CSS pixels, background token BG. */
async function host(markup: string): Promise<HTMLElement> {
  const el = document.createElement('div');
  el.style.cssText = `position: absolute; left: 13px; top: 17px; width: 240px; height: 160px; --gd-bg: rgb(${BG})`;
  el.attachShadow({ mode: 'open' }).innerHTML = `<style>
      * { margin: 0; box-sizing: border-box }
      .at { position: absolute }
      .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%) }
    </style>${markup}`;
  const container = document.createElement('div');
  container.append(el);
  document.body.append(container);
  await frames(1);
  return el;
}

/** Where `selector` is in the image, in CSS pixels from the host's corner. */
function place(el: HTMLElement, node: Element | Range) {
  const h = el.getBoundingClientRect();
  const r = node.getBoundingClientRect();
  return { left: r.left - h.left, top: r.top - h.top, right: r.right - h.left, bottom: r.bottom - h.top, width: r.width, height: r.height };
}

describe('figureImage', () => {
  afterEach(cleanup);

  it('is the host\'s size times the scale, on the --gd-bg background, twice the device pixel ratio by default', async () => {
    const el = await host('');
    const image = await pixels(await figureImage(el, { scale: 3 }));
    expect([image.width, image.height]).to.deep.equal([720, 480]);
    expect(at(image, 700, 470)).to.deep.equal(BG);
    const byDefault = await pixels(await figureImage(el));
    expect(byDefault.width).to.equal(Math.round(240 * 2 * devicePixelRatio));
  });

  it('paints boxes: background, radius and one-sided borders (a fraction bar) where they are', async () => {
    const el = await host(`
      <div class="at" style="left: 20px; top: 10px; width: 40px; height: 30px; background: rgb(200, 0, 0)"></div>
      <div class="at" style="left: 80px; top: 10px; width: 40px; height: 40px; border-radius: 50%; background: rgb(0, 0, 200)"></div>
      <div class="at" style="left: 140px; top: 10px; width: 60px; height: 20px; border-bottom: 4px solid rgb(0, 150, 0)"></div>`);
    const image = await pixels(await figureImage(el, { scale: 2 }));
    expect(at(image, 2 * 40, 2 * 25), 'red box').to.deep.equal([200, 0, 0]);
    expect(at(image, 2 * 18, 2 * 25), 'left of the red box').to.deep.equal(BG);
    expect(at(image, 2 * 100, 2 * 30), 'round box centre').to.deep.equal([0, 0, 200]);
    expect(at(image, 2 * 82, 2 * 12), 'round box corner').to.deep.equal(BG);
    expect(at(image, 2 * 170, 2 * 28), 'bottom border').to.deep.equal([0, 150, 0]);
    expect(at(image, 2 * 170, 2 * 20), 'above the border').to.deep.equal(BG);
  });

  it('draws text on its baseline, every wrapped line of it, in its colour', async () => {
    const el = await host(`
      <p class="at" style="left: 10px; top: 10px; font: 40px sans-serif; color: rgb(0, 0, 0)">HH<span id="base" style="display: inline-block; width: 0; height: 0"></span></p>
      <p class="at" id="wrap" style="left: 10px; top: 70px; width: 70px; font: 16px sans-serif; line-height: 24px; color: rgb(0, 0, 160)">IIII MMMM IIII</p>`);
    const image = await pixels(await figureImage(el, { scale: 2 }));
    const shadow = el.shadowRoot!;
    const text = document.createRange();
    text.selectNodeContents(shadow.querySelector('p')!.firstChild!);
    const box = place(el, text);
    const baseline = place(el, shadow.getElementById('base')!).top;
    const black = [0, 0, 0];
    expect(count(image, 2, { ...box, bottom: baseline - 2 }, black), 'ink above the baseline').to.be.greaterThan(200);
    expect(count(image, 2, { ...box, top: baseline + 1.5 }, black), 'no ink below the baseline').to.equal(0);
    expect(count(image, 2, { ...box, left: box.right + 2, right: 240 }, black), 'nothing right of the text').to.equal(0);
    const wrapped = document.createRange();
    wrapped.selectNodeContents(shadow.getElementById('wrap')!.firstChild!);
    const lines = [...wrapped.getClientRects()].map((r) => place(el, { getBoundingClientRect: () => r } as Range));
    expect(lines.length, 'the text wraps').to.equal(3);
    for (const line of lines) expect(count(image, 2, line, [0, 0, 160]), `ink on the line at ${line.top}`).to.be.greaterThan(20);
  });

  it('draws generated labels: a block ::before wrapped as the browser wraps it, an inline ::after', async () => {
    const el = await host(`<style>
        [data-label]::before { content: attr(data-label) / ''; display: block; color: rgb(160, 0, 0) }
        .star::after { content: ' ★★'; color: rgb(0, 0, 160) }
      </style>
      <div class="at" data-label="IIIII MMMMM" style="left: 10px; top: 10px; width: 70px; font: 16px/20px sans-serif; color: rgb(0, 0, 0)">9</div>
      <div class="at star" style="left: 120px; top: 10px; font: 16px/20px sans-serif">x</div>`);
    const image = await pixels(await figureImage(el, { scale: 2 }));
    const red = [160, 0, 0];
    expect(count(image, 2, { left: 10, top: 10, right: 80, bottom: 30 }, red), 'first line').to.be.greaterThan(20);
    expect(count(image, 2, { left: 10, top: 30, right: 80, bottom: 50 }, red), 'second line').to.be.greaterThan(20);
    expect(count(image, 2, { left: 10, top: 50, right: 80, bottom: 70 }, [0, 0, 0]), 'the text after it').to.be.greaterThan(5);
    const x = place(el, el.shadowRoot!.querySelector('.star')!);
    expect(count(image, 2, { left: x.left + 9, top: 10, right: 240, bottom: 30 }, [0, 0, 160]), 'the star after').to.be.greaterThan(20);
  });

  it('draws a canvas\'s pixels and an svg path scaled from its viewBox', async () => {
    const el = await host(`
      <canvas class="at" width="20" height="10" style="left: 10px; top: 10px; width: 40px; height: 20px"></canvas>
      <svg class="at" style="left: 100px; top: 10px" width="80" height="40" viewBox="0 0 400 200" preserveAspectRatio="none"><path d="M0 0H200V200H0Z" fill="rgb(0, 128, 0)"/></svg>`);
    const canvas = el.shadowRoot!.querySelector('canvas')!;
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = 'rgb(10, 20, 250)';
    ctx.fillRect(0, 0, 10, 10);
    ctx.fillStyle = 'rgb(250, 200, 10)';
    ctx.fillRect(10, 0, 10, 10);
    const image = await pixels(await figureImage(el, { scale: 2 }));
    expect(at(image, 2 * 20, 2 * 20), 'canvas left half').to.deep.equal([10, 20, 250]);
    expect(at(image, 2 * 40, 2 * 20), 'canvas right half').to.deep.equal([250, 200, 10]);
    expect(at(image, 2 * 120, 2 * 30), 'path').to.deep.equal([0, 128, 0]);
    expect(at(image, 2 * 160, 2 * 30), 'outside the path').to.deep.equal(BG);
  });

  it('skips what is hidden or clipped away, and clips to overflow boxes', async () => {
    const el = await host(`
      <div class="at" style="left: 10px; top: 10px; width: 30px; height: 30px; background: rgb(${MAGENTA}); visibility: hidden"></div>
      <div class="at" style="left: 50px; top: 10px; width: 30px; height: 30px; background: rgb(${MAGENTA}); display: none"></div>
      <div class="at visually-hidden" style="left: 90px; top: 10px; width: 30px; height: 30px; background: rgb(${MAGENTA}); color: rgb(${MAGENTA})">hidden text</div>
      <div class="at" style="left: 130px; top: 10px; width: 30px; height: 30px; opacity: 0; background: rgb(${MAGENTA})"></div>
      <div class="at" style="left: 10px; top: 60px; width: 40px; height: 40px; overflow: hidden"><div style="width: 200px; height: 200px; background: rgb(${MAGENTA})"></div></div>`);
    const image = await pixels(await figureImage(el, { scale: 1 }));
    expect(at(image, 30, 80), 'inside the clipping box').to.deep.equal(MAGENTA);
    expect(count(image, 1, { left: 0, top: 0, right: 240, bottom: 160 }, MAGENTA, 10), 'magenta pixels').to.equal(40 * 40);
  });

  it('paints a box that scrolls sideways whole, shrunk to its width', async () => {
    const el = await host(`
      <div class="at" id="scroller" style="left: 20px; top: 20px; width: 100px; height: 60px; overflow-x: auto; overflow-y: hidden">
        <div style="display: flex; width: 400px; height: 40px"><div style="flex: 1; background: rgb(200, 0, 0)"></div><div style="flex: 1; background: rgb(0, 0, 200)"></div></div>
      </div>`);
    el.shadowRoot!.getElementById('scroller')!.scrollLeft = 50;
    const image = await pixels(await figureImage(el, { scale: 2 }));
    // 400 px shrunk to 100: red over the first 50 px of the box, blue over the rest.
    expect(at(image, 2 * 45, 2 * 50)).to.deep.equal([200, 0, 0]);
    expect(at(image, 2 * 95, 2 * 50)).to.deep.equal([0, 0, 200]);
    expect(at(image, 2 * 125, 2 * 50), 'right of the box').to.deep.equal(BG);
  });

  it('walks nested shadow roots and slotted light DOM', async () => {
    const el = await host('<slot></slot><div id="inner" class="at" style="left: 100px; top: 10px"></div>');
    const slotted = document.createElement('div');
    slotted.style.cssText = 'position: absolute; left: 10px; top: 10px; width: 30px; height: 30px; background: rgb(0, 100, 100)';
    el.append(slotted);
    el.shadowRoot!.getElementById('inner')!.attachShadow({ mode: 'open' }).innerHTML = '<div style="width: 30px; height: 30px; background: rgb(100, 0, 100)"></div>';
    const image = await pixels(await figureImage(el, { scale: 2 }));
    expect(at(image, 2 * 25, 2 * 25)).to.deep.equal([0, 100, 100]);
    expect(at(image, 2 * 115, 2 * 25)).to.deep.equal([100, 0, 100]);
  });

  it('paints inline SVG circles, rectangles, lines with their stroke opacity, and SVG text in its fill', async () => {
    const el = await host(`
      <svg class="at" style="left: 0; top: 0" width="240" height="160">
        <circle cx="40" cy="40" r="20" style="fill: rgb(0, 160, 0); stroke: rgb(0, 0, 0); stroke-width: 2"></circle>
        <rect x="150" y="100" width="20" height="40" style="fill: rgb(160, 0, 160)"></rect>
        <line x1="100" y1="20" x2="200" y2="20" style="stroke: rgb(0, 0, 255); stroke-width: 8; stroke-opacity: 0.5"></line>
        <line x1="100" y1="60" x2="200" y2="60" style="stroke: transparent; stroke-width: 10"></line>
        <text x="40" y="120" style="fill: rgb(200, 0, 0); font: 40px sans-serif">HH</text>
      </svg>`);
    const image = await pixels(await figureImage(el, { scale: 2 }));
    expect(at(image, 2 * 40, 2 * 40), 'circle centre').to.deep.equal([0, 160, 0]);
    expect(near(at(image, 2 * 40, 2 * 20), [0, 0, 0], 60), 'circle outline').to.equal(true);
    expect(at(image, 2 * 40, 2 * 70), 'outside the circle').to.deep.equal(BG);
    expect(at(image, 2 * 160, 2 * 120), 'inside the rectangle').to.deep.equal([160, 0, 160]);
    expect(at(image, 2 * 145, 2 * 120), 'beside the rectangle').to.deep.equal(BG);
    // Blue at half opacity over the background.
    expect(near(at(image, 2 * 150, 2 * 20), [125, 120, 228], 12), `half-opaque line ${at(image, 2 * 150, 2 * 20)}`).to.equal(true);
    expect(at(image, 2 * 150, 2 * 60), 'a transparent line paints nothing').to.deep.equal(BG);
    expect(count(image, 2, { left: 40, top: 85, right: 110, bottom: 125 }, [200, 0, 0]), 'red text ink').to.be.greaterThan(200);
  });
});

describe('figureImage of each element', () => {
  afterEach(cleanup);

  // The slider on a surface: its curve plot is transparent around the curve.
  for (const [tag, attributes] of [['gd-explorer', ''], ['gd-lr-slider', 'surface="ravine"'], ['gd-momentum-race', ''], ['gd-batch-trainer', ''], ['gd-network', ''], ['gd-gradient-flow', 'clip="1"']]) {
    it(`${tag}: the size, not blank, and the plot as its canvas shows it`, async () => {
      const el = await fixture<LitElement & { step(): void }>(`<${tag} lang="en" theme="dark" ${attributes}></${tag}>`, 700);
      for (let i = 0; i < 4; i++) el.step();
      await el.updateComplete;
      await frames(2);
      const scale = 2;
      const image = await pixels(await figureImage(el, { scale }));
      const box = el.getBoundingClientRect();
      expect([image.width, image.height]).to.deep.equal([Math.round(box.width * scale), Math.round(box.height * scale)]);
      const bg = getComputedStyle(el).getPropertyValue('--gd-bg').trim();
      expect(at(image, 1, 1), `corner is ${bg}`).to.deep.equal(rgb(bg));

      // The plot: sampled image pixels equal the canvas's own at the same place.
      const canvas = (el.shadowRoot!.querySelector<HTMLCanvasElement>('canvas.plot') ?? el.shadowRoot!.querySelector<HTMLCanvasElement>('canvas.data') ?? el.shadowRoot!.querySelector<HTMLCanvasElement>('canvas.curve'))!;
      const r = place(el, canvas);
      const own = canvas.getContext('2d')!;
      let same = 0;
      let samples = 0;
      // Where the canvas is painted at all (a curve plot leaves the page's colour around
      // its curve; the network's regions are tints): the canvas's colour over the figure's.
      const under = rgb(bg);
      for (let i = 1; i < 16; i++)
        for (let j = 1; j < 16; j++) {
          const x = (r.width * i) / 16;
          const y = (r.height * j) / 16;
          const c = own.getImageData(Math.floor((x * canvas.width) / r.width), Math.floor((y * canvas.height) / r.height), 1, 1).data;
          if (c[3] === 0) continue;
          samples++;
          const over = [0, 1, 2].map((k) => (c[k] * c[3] + under[k] * (255 - c[3])) / 255);
          if (near(at(image, (r.left + x) * scale, (r.top + y) * scale), over, 24)) same++;
        }
      expect(samples, 'painted samples').to.be.greaterThan(40);
      expect(same / samples, 'plot pixels as drawn').to.be.greaterThan(0.85);

      // Text: the readouts and formula ink in the text colour, in the formula's box.
      const formula = el.shadowRoot!.querySelector('.formula');
      if (formula) {
        const text = rgb(getComputedStyle(formula).color);
        expect(count(image, scale, place(el, formula), text, 40), 'formula ink').to.be.greaterThan(200);
      }

      // A drawing in SVG (the network's units and weights): its strokes in the image, in their colours.
      const diagram = el.shadowRoot!.querySelector('svg.diagram');
      if (diagram) {
        for (const edge of [diagram.querySelector('.edge.positive .stroke'), diagram.querySelector('.edge.negative .stroke')]) {
          expect(edge, 'weights of both signs').to.exist;
          const colour = rgb(getComputedStyle(edge!).stroke);
          expect(count(image, scale, place(el, diagram), colour, 40), `ink of ${colour}`).to.be.greaterThan(50);
        }
      }

      // Bars in SVG (the gradient flow's norms, clipped inside unclipped): each kind in the
      // image in its fill, at its opacity over the figure's colour.
      const bars = el.shadowRoot!.querySelector('[part="bars"] svg.bars');
      if (bars) {
        for (const rect of [bars.querySelector('rect.outer'), bars.querySelector('rect.inner')]) {
          expect(rect, 'unclipped and clipped bars').to.exist;
          const style = getComputedStyle(rect!);
          const alpha = Number(style.opacity);
          const fill = rgb(style.fill);
          const colour = [0, 1, 2].map((k) => fill[k] * alpha + under[k] * (1 - alpha));
          expect(count(image, scale, place(el, bars), colour, 40), `ink of ${rect!.getAttribute('class')} bars`).to.be.greaterThan(50);
        }
      }
    });
  }
});

describe('the Save image button', () => {
  afterEach(cleanup);

  const saveButton = (el: LitElement, text: string) => [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim() === text);

  it('downloads the PNG as <tag>-<surface>.png, in the reader\'s language', async () => {
    const el = await fixture<LitElement>('<gd-explorer authoring lang="es" surface="rosenbrock"></gd-explorer>', 600);
    const clicked: { download: string; png: Blob }[] = [];
    const click = HTMLAnchorElement.prototype.click;
    let done!: () => void;
    const downloaded = new Promise<void>((resolve) => (done = resolve));
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      void fetch(this.href).then(async (r) => {
        clicked.push({ download: this.download, png: await r.blob() });
        done();
      });
    };
    try {
      saveButton(el, 'Guardar imagen')!.click();
      await downloaded;
    } finally {
      HTMLAnchorElement.prototype.click = click;
    }
    expect(clicked.map((c) => c.download)).to.deep.equal(['gd-explorer-rosenbrock.png']);
    expect(clicked[0].png.type).to.equal('image/png');
    const image = await pixels(clicked[0].png);
    expect(image.width).to.equal(Math.round(el.getBoundingClientRect().width * 2 * devicePixelRatio));
    // The author tools make the picture; they are not in it: their box is background only.
    const tools = place(el, el.shadowRoot!.querySelector('.authoring')!);
    const inside = { left: tools.left + 2, top: tools.top + 2, right: tools.right - 2, bottom: tools.bottom - 2 };
    const area = Math.floor((inside.right - inside.left) * 2 * devicePixelRatio) * Math.floor((inside.bottom - inside.top) * 2 * devicePixelRatio);
    const bg = rgb(getComputedStyle(el).getPropertyValue('--gd-bg'));
    expect(count(image, 2 * devicePixelRatio, inside, bg, 4)).to.be.greaterThan(0.98 * area);
  });

  it('redraws the canvases at the image\'s resolution for the picture, then at the screen\'s again', async () => {
    const el = await fixture<LitElement>('<gd-explorer authoring lang="en" surface="rosenbrock"></gd-explorer>', 600);
    const plot = el.shadowRoot!.querySelector<HTMLCanvasElement>('canvas.plot')!;
    const chart = el.shadowRoot!.querySelector<HTMLCanvasElement>('canvas.chart')!;
    const widths = [plot.width, chart.width];
    let saved!: Promise<Blob>;
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      saved = fetch(this.href).then((r) => r.blob());
    };
    try {
      saveButton(el, 'Save image')!.click();
      for (let i = 0; i < 100 && !saved; i++) await frames(1);
    } finally {
      HTMLAnchorElement.prototype.click = click;
    }
    const scale = 2 * devicePixelRatio;
    const sharp = await pixels(await saved);
    const soft = await pixels(await figureImage(el, { scale }));
    expect([plot.width, chart.width], 'the canvases as before').to.deep.equal(widths);
    // Sharper: more change from pixel to pixel across the plot (its labels, lines and contours).
    const detail = (image: ImageData) => {
      const r = place(el, plot);
      let sum = 0;
      for (let y = Math.ceil(r.top * scale); y < r.bottom * scale; y++)
        for (let x = Math.ceil(r.left * scale); x < r.right * scale - 1; x++) sum += Math.abs(at(image, x + 1, y)[1] - at(image, x, y)[1]);
      return sum;
    };
    expect(detail(sharp)).to.be.greaterThan(1.2 * detail(soft));
  });

  it('says it could not save when the browser cannot make the PNG, and throws nothing out', async () => {
    const el = await fixture<LitElement>('<gd-explorer authoring lang="es"></gd-explorer>', 600);
    const toBlob = HTMLCanvasElement.prototype.toBlob;
    HTMLCanvasElement.prototype.toBlob = (callback: BlobCallback) => callback(null);
    const warn = console.warn;
    console.warn = () => {};
    try {
      const errors = await uncaughtDuring(async () => {
        saveButton(el, 'Guardar imagen')!.click();
        for (let i = 0; i < 20 && !saveButton(el, 'No se pudo guardar la imagen'); i++) await frames(1);
      });
      expect(errors).to.deep.equal([]);
      expect(saveButton(el, 'No se pudo guardar la imagen'), 'failure said on the button').to.exist;
    } finally {
      HTMLCanvasElement.prototype.toBlob = toBlob;
      console.warn = warn;
    }
  });
});
