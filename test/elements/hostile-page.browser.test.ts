/**
 * The elements in real themes' pages: Stack sets `html { font-size: 62.5% }`, many themes
 * centre, space and transform `figure` text, and our figures sit inside
 * `<figure class="gd-figure">`. Inherited text properties cross the shadow boundary, so
 * each element must set its own: it reads the same in a hostile page as in a plain one,
 * scales with `--gd-font-size` (canvas text too), and fits a 260 px column.
 */
import { expect } from 'chai';
import '../../src/index.js';
import type { FigureElement as Figure } from '../../src/shared/figure-element.js';

/** Every element steps. */
type FigureElement = Figure & { step(): void };
import { cleanup, frames, truncatedSelects } from './helpers.js';

const ELEMENTS = [
  '<gd-explorer lang="en"></gd-explorer>',
  '<gd-lr-slider lang="en"></gd-lr-slider>',
  '<gd-momentum-race lang="en"></gd-momentum-race>',
  '<gd-batch-trainer lang="en"></gd-batch-trainer>',
  '<gd-network lang="en"></gd-network>',
  '<gd-gradient-flow lang="en"></gd-gradient-flow>',
];

/** Everything a theme sets on `figure` that we have seen break our figures, and more. */
const HOSTILE_FIGURE = [
  'margin: 0',
  'text-align: center',
  'text-align-last: center',
  'text-transform: uppercase',
  'letter-spacing: .2em',
  'word-spacing: .5em',
  'line-height: 3',
  'font-size: 10px',
  'font-style: italic',
  'font-weight: 300',
  'font-variant: small-caps',
  'text-indent: 2em',
  'white-space: pre-line',
  'hyphens: auto',
  'word-break: break-all',
  'text-shadow: 0 0 1px red',
  'cursor: zoom-in',
].join(';');

/** What the themes we checked set on `figure` (no word breaking, which would hide an overflow). */
const THEME_FIGURE = ['margin: 0', 'text-align: center', 'text-transform: uppercase', 'letter-spacing: .2em', 'line-height: 3', 'font-size: 10px'].join(';');

/** The text properties a page could change through inheritance. */
const TEXT_PROPERTIES = [
  'fontSize',
  'lineHeight',
  'letterSpacing',
  'wordSpacing',
  'textAlign',
  'textAlignLast',
  'textTransform',
  'textIndent',
  'fontStyle',
  'fontWeight',
  'fontVariantCaps',
  'whiteSpaceCollapse',
  'textWrapMode',
  'hyphens',
  'wordBreak',
  'textShadow',
  'cursor',
] as const;

/** Mounts `markup` in a `width` px column: in a hostile page (root at 62.5%, a hostile figure) or a plain one. */
async function mountIn(markup: string, width: number, hostile: boolean | string, style = ''): Promise<FigureElement> {
  if (hostile) document.documentElement.style.fontSize = '62.5%';
  const container = document.createElement('div');
  container.style.width = `${width}px`;
  const figure = hostile === true ? HOSTILE_FIGURE : hostile || 'margin: 0';
  container.innerHTML = `<figure class="gd-figure" style="${figure}">${markup}<figcaption>A caption</figcaption></figure>`;
  document.body.append(container);
  const el = container.querySelector('figure')!.firstElementChild as FigureElement;
  if (style) el.setAttribute('style', style);
  await el.updateComplete;
  await frames(2);
  return el;
}

function restorePage(): void {
  document.documentElement.style.fontSize = '';
  cleanup();
}

/** The parts whose text we compare: the host, a readout, a label, a button and the formula. */
function parts(el: FigureElement): Record<string, Element> {
  const root = el.shadowRoot!;
  const pick = (selector: string) => {
    const found = root.querySelector(selector);
    if (!found) throw new Error(`${el.localName} has no ${selector}`);
    return found;
  };
  return {
    host: el,
    readout: pick('.readouts dd, td.number, .regime strong, .verdict'),
    label: pick('.field > label, label.field'),
    button: pick('button'),
    formula: pick('.formula .katex'),
  };
}

function textStyle(part: Element): Record<string, string> {
  const style = getComputedStyle(part);
  return Object.fromEntries(TEXT_PROPERTIES.map((name) => [name, style[name as keyof CSSStyleDeclaration] as string]));
}

/** Every part of the shadow root that sticks out sideways of the frame (a formula scrolls inside its box: its content is exempt). */
function outsideFrame(el: FigureElement): string[] {
  const root = el.shadowRoot!;
  const frame = root.querySelector('.frame')!.getBoundingClientRect();
  const out: string[] = [];
  for (const part of root.querySelectorAll('.frame *')) {
    if (part.parentElement!.closest('.formula, .table-box') || part.closest('.visually-hidden')) continue;
    const r = part.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    if (r.left < frame.left - 0.5 || r.right > frame.right + 0.5) {
      out.push(`${part.localName}.${[...part.classList].join('.')} [${r.left.toFixed(0)}, ${r.right.toFixed(0)}] outside [${frame.left.toFixed(0)}, ${frame.right.toFixed(0)}]`);
    }
  }
  return out;
}

/** Controls whose text does not fit inside them (a button's label cut or running out of it). */
function clippedControls(el: FigureElement): string[] {
  const root = el.shadowRoot!;
  const cut = truncatedSelects(root);
  for (const control of root.querySelectorAll('button, input, label, .field > *, dt, dd, th, td, h2, h3, .subtitle, .legend li, .plot-key li')) {
    if (control.getClientRects().length === 0) continue;
    if (control.scrollWidth > control.clientWidth + 1 && getComputedStyle(control).display !== 'inline') {
      cut.push(`${control.localName} "${control.textContent!.trim().slice(0, 30)}" ${control.scrollWidth} px in ${control.clientWidth}`);
    }
  }
  return cut;
}

/**
 * Boxes that need sideways scrolling: the frame and every panel in it. Formulas scroll by
 * design, and so does a table box that is a named region the keyboard reaches
 * (`role="region" tabindex="0"`: gd-network's table of per-example gradients).
 */
function scrolling(el: FigureElement): string[] {
  const root = el.shadowRoot!;
  const boxes = [root.querySelector('.frame')!, ...root.querySelectorAll('.frame > *, .figure > *, .side > *, .settings, .toolbar, .table-box, .lanes > *, .plots > *')];
  return boxes
    .filter((box) => !box.classList.contains('formula') && !box.matches('.table-box[role="region"][tabindex="0"][aria-label]') && box.scrollWidth > box.clientWidth + 1)
    .map((box) => `${box.localName}.${[...box.classList].join('.')} ${box.scrollWidth} px in ${box.clientWidth}`);
}

/** The CSS px sizes of the fonts each canvas writes its text in while `fn` runs, by the canvas's class. */
async function canvasFontSizes(fn: () => Promise<void>): Promise<Map<string, number[]>> {
  const sizes = new Map<string, number[]>();
  const fillText = CanvasRenderingContext2D.prototype.fillText;
  CanvasRenderingContext2D.prototype.fillText = function (this: CanvasRenderingContext2D, text: string, x: number, y: number, w?: number) {
    const size = Number.parseFloat(/([\d.]+)px/.exec(this.font)?.[1] ?? 'NaN');
    const name = this.canvas instanceof HTMLCanvasElement ? this.canvas.className || 'offscreen layer' : '';
    if (!sizes.has(name)) sizes.set(name, []);
    sizes.get(name)!.push(size);
    return w === undefined ? fillText.call(this, text, x, y) : fillText.call(this, text, x, y, w);
  };
  try {
    await fn();
  } finally {
    CanvasRenderingContext2D.prototype.fillText = fillText;
  }
  return sizes;
}

describe('in a hostile page', () => {
  afterEach(restorePage);

  for (const markup of ELEMENTS) {
    it(`${markup}: text reads as in a plain page, whatever the root size and the figure's text`, async () => {
      const plainEl = await mountIn(markup, 600, false);
      plainEl.step();
      await plainEl.updateComplete;
      await frames(1);
      const plain = Object.fromEntries(Object.entries(parts(plainEl)).map(([name, part]) => [name, textStyle(part)]));
      const plainButton = parts(plainEl).button.getBoundingClientRect().height;
      restorePage();

      const el = await mountIn(markup, 600, true);
      el.step();
      await el.updateComplete;
      await frames(1);
      const hostile = Object.fromEntries(Object.entries(parts(el)).map(([name, part]) => [name, textStyle(part)]));
      expect(hostile).to.deep.equal(plain);
      expect(parts(el).button.getBoundingClientRect().height).to.be.closeTo(plainButton, 0.01);
      // And those are the element's own values: 15 px, start-aligned, as written.
      expect(hostile.host.fontSize).to.equal('15px');
      expect(hostile.host.lineHeight).to.equal('21px');
      expect(hostile.host.textAlign).to.equal('start');
      expect(hostile.host.textTransform).to.equal('none');
      expect(hostile.host.letterSpacing).to.equal('normal');
    });

    it(`${markup}: at --gd-font-size: 20px every size scales, in the page and on the canvases`, async () => {
      let el!: FigureElement;
      const at15 = await canvasFontSizes(async () => {
        el = await mountIn(markup, 600, true);
      });
      const sizes15 = Object.fromEntries(Object.entries(parts(el)).map(([name, part]) => [name, Number.parseFloat(getComputedStyle(part).fontSize)]));
      const button15 = parts(el).button.getBoundingClientRect().height;
      const frame15 = getComputedStyle(el.shadowRoot!.querySelector('.frame')!).paddingLeft;
      restorePage();

      const at20 = await canvasFontSizes(async () => {
        el = await mountIn(markup, 600, true, '--gd-font-size: 20px');
      });
      const ratio = 20 / 15;
      for (const [name, part] of Object.entries(parts(el))) {
        expect(Number.parseFloat(getComputedStyle(part).fontSize), `${name} font size`).to.be.closeTo(sizes15[name] * ratio, 0.05);
      }
      expect(parts(el).button.getBoundingClientRect().height, 'button height').to.be.closeTo(button15 * ratio, 0.5);
      expect(Number.parseFloat(getComputedStyle(el.shadowRoot!.querySelector('.frame')!).paddingLeft), 'frame padding').to.be.closeTo(Number.parseFloat(frame15) * ratio, 0.05);
      expect([...at15.keys()].length, 'canvases write text').to.be.greaterThan(0);
      for (const [canvas, sizes] of at15) {
        const big = at20.get(canvas) ?? [];
        expect(Math.max(...big), `${canvas} text`).to.be.closeTo(Math.max(...sizes) * ratio, 0.1);
        expect(Math.min(...big), `${canvas} text`).to.be.closeTo(Math.min(...sizes) * ratio, 0.1);
      }
    });
  }
});

/** The elements in their widest forms: Spanish words, more lanes, more columns, three rates, a typed surface. */
const NARROW_VARIANTS = [
  ...ELEMENTS,
  ...ELEMENTS.map((m) => m.replace('lang="en"', 'lang="es"')),
  '<gd-explorer lang="es" optimizer="adam" expression="x^2 + 10y^2 + 0.5sin(3x)"></gd-explorer>',
  '<gd-lr-slider lang="es" surface="ravine" compare="0.01,0.1,0.2"></gd-lr-slider>',
  '<gd-lr-slider lang="es" expression="x^4 - 3x^2" compare="0.001,0.01,0.1"></gd-lr-slider>',
  '<gd-momentum-race lang="es" optimizers="gd,momentum,nesterov,adam" lrs="0.05,0.03,0.04,0.2" surface="rosenbrock"></gd-momentum-race>',
  '<gd-batch-trainer lang="es" dataset="iris" x-axis="examples"></gd-batch-trainer>',
  '<gd-batch-trainer lang="es" dataset="logistic"></gd-batch-trainer>',
  '<gd-network lang="es" dataset="spiral"></gd-network>',
  '<gd-network lang="es" dataset="blobs" layers="8,8,8,8,8,8" optimizer="adam"></gd-network>',
  '<gd-gradient-flow lang="es" depth="20" width="16" activation="relu" init="normal" init-scale="3" clip="1"></gd-gradient-flow>',
];

describe('in a 260 px column', () => {
  afterEach(restorePage);

  for (const markup of NARROW_VARIANTS) {
    for (const hostile of [false, true]) {
      it(`${markup}${hostile ? ' in a hostile page' : ''}: nothing sticks out sideways or needs scrolling, before and after playing`, async () => {
        const el = await mountIn(markup, 260, hostile && THEME_FIGURE);
        expect(scrolling(el), 'before playing').to.deep.equal([]);
        expect(outsideFrame(el), 'before playing').to.deep.equal([]);
        expect(clippedControls(el), 'before playing').to.deep.equal([]);
        for (let k = 0; k < 40; k++) el.step();
        await el.updateComplete;
        await frames(3);
        expect(scrolling(el), 'after playing').to.deep.equal([]);
        expect(outsideFrame(el), 'after playing').to.deep.equal([]);
        expect(clippedControls(el), 'after playing').to.deep.equal([]);
        // The element fills the column, and its frame is inside it.
        const column = el.parentElement!.getBoundingClientRect();
        const frame = el.shadowRoot!.querySelector('.frame')!.getBoundingClientRect();
        expect(frame.left).to.be.at.least(column.left - 0.5);
        expect(frame.right).to.be.at.most(column.right + 0.5);
      });
    }
  }
});

describe('the size canvas labels are drawn in', () => {
  afterEach(restorePage);

  /** How many times the host's computed style is read while `fn` runs. */
  async function hostStyleReads(el: Element, fn: () => Promise<void>): Promise<number> {
    let reads = 0;
    const original = window.getComputedStyle;
    window.getComputedStyle = function (this: Window, ...args: Parameters<typeof getComputedStyle>) {
      if (args[0] === el) reads++;
      return original.apply(this, args);
    } as typeof getComputedStyle;
    try {
      await fn();
    } finally {
      window.getComputedStyle = original;
    }
    return reads;
  }

  for (const markup of ELEMENTS) {
    it(`${markup}: is read when the theme or a setting changes, never on an animation frame`, async () => {
      const el = await mountIn(markup, 600, false);
      const figure = el as unknown as { play(): void; pause(): void };
      figure.play();
      await frames(3);
      expect(await hostStyleReads(el, () => frames(10)), 'reads of the host while playing').to.equal(0);
      figure.pause();
      // A change of theme reads the tokens again, and the canvases take the dark colours.
      const reads = await hostStyleReads(el, async () => {
        el.setAttribute('theme', 'dark');
        await el.updateComplete;
        await frames(2);
      });
      expect(reads, 'reads after a change of theme').to.be.greaterThan(0);
    });
  }
});

describe('layout while playing and dragging', () => {
  afterEach(restorePage);

  /**
   * Layout reads of the figure (the host, or any node in its shadow root) while `fn` runs:
   * computed style, client and offset sizes and bounding rectangles, each forcing style
   * and layout when the DOM changed since the last frame. Spied on the prototypes, so a
   * read of any canvas, box or formula in the figure counts, by name.
   */
  async function layoutReads(el: Element, fn: () => Promise<void>): Promise<string[]> {
    const reads: string[] = [];
    const inFigure = (node: unknown) => node instanceof Node && (node === el || node.getRootNode() === el.shadowRoot);
    const restore: (() => void)[] = [];
    const spyGetter = (proto: object, name: string) => {
      const descriptor = Object.getOwnPropertyDescriptor(proto, name)!;
      Object.defineProperty(proto, name, {
        ...descriptor,
        get(this: Element) {
          if (inFigure(this)) reads.push(`${name} of ${this.localName}.${[...this.classList].join('.')}`);
          return descriptor.get!.call(this);
        },
      });
      restore.push(() => Object.defineProperty(proto, name, descriptor));
    };
    for (const name of ['clientWidth', 'clientHeight']) spyGetter(Element.prototype, name);
    for (const name of ['offsetWidth', 'offsetHeight']) spyGetter(HTMLElement.prototype, name);
    const rect = Element.prototype.getBoundingClientRect;
    Element.prototype.getBoundingClientRect = function (this: Element) {
      if (inFigure(this)) reads.push(`getBoundingClientRect of ${this.localName}.${[...this.classList].join('.')}`);
      return rect.call(this);
    };
    restore.push(() => (Element.prototype.getBoundingClientRect = rect));
    const style = window.getComputedStyle;
    window.getComputedStyle = function (this: Window, ...args: Parameters<typeof getComputedStyle>) {
      if (inFigure(args[0])) reads.push(`getComputedStyle of ${args[0].localName}.${[...args[0].classList].join('.')}`);
      return style.apply(this, args);
    } as typeof getComputedStyle;
    restore.push(() => (window.getComputedStyle = style));
    try {
      await fn();
    } finally {
      for (const undo of restore.reverse()) undo();
    }
    return reads;
  }

  for (const markup of ELEMENTS) {
    it(`${markup}: nothing in the figure reads layout on an animation frame (sizes are observed, tokens read per theme)`, async () => {
      const el = await mountIn(markup, 600, false);
      const figure = el as unknown as { play(): void; pause(): void };
      figure.play();
      await frames(2);
      const reads = await layoutReads(el, () => frames(12));
      figure.pause();
      expect([...new Set(reads)], 'layout reads of the figure while playing').to.deep.equal([]);
    });

    it(`${markup}: dragging the learning rate reads no layout`, async () => {
      const el = await mountIn(markup, 600, false);
      const slider = el.shadowRoot!.querySelector<HTMLInputElement>('input#lr[type="range"]')!;
      expect(slider, 'the learning-rate slider').to.exist;
      const lo = Number(slider.min);
      const hi = Number(slider.max);
      await frames(2); // the first render settles (Chart.js measures its box once)
      const reads = await layoutReads(el, async () => {
        for (const f of [0.4, 0.45, 0.5, 0.55]) {
          slider.value = String(Math.round(lo + f * (hi - lo)));
          slider.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
          await frames(1);
        }
        await el.updateComplete;
        await frames(1);
      });
      expect([...new Set(reads)], 'layout reads of the figure while dragging').to.deep.equal([]);
    });
  }
});

describe('a column that changes width or text size after the figure is drawn', () => {
  afterEach(restorePage);

  for (const markup of ELEMENTS) {
    it(`${markup}: redraws without a ResizeObserver loop error`, async () => {
      const errors: string[] = [];
      const onError = (e: ErrorEvent) => {
        errors.push(e.message);
        e.preventDefault();
      };
      window.addEventListener('error', onError);
      const original = window.onerror;
      window.onerror = null; // the test runner's handler would fail the test before ours counts
      try {
        const el = await mountIn(markup, 600, false);
        el.parentElement!.style.width = '560px'; // a phone turned, a sidebar opened
        await frames(4);
        el.style.setProperty('--gd-font-size', '20px');
        await frames(4);
        const canvas = el.shadowRoot!.querySelector('canvas')!;
        expect(canvas.getBoundingClientRect().right).to.be.at.most(el.getBoundingClientRect().right);
      } finally {
        window.onerror = original;
        window.removeEventListener('error', onError);
      }
      expect(errors).to.deep.equal([]);
    });
  }
});
