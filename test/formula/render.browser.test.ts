/**
 * KaTeX in Chromium as the widgets use it: rendered into a shadow root styled with
 * katexStyles, the fonts declared at document level and loaded, identical renders
 * skipped, errors shown rather than thrown.
 */
import { expect } from 'chai';
import { LitElement, html } from 'lit';
import { OPTIMIZER_NAMES, createOptimizer, descend, getSurface, parseCurve } from '../../src/core/index.js';
import { declareKatexFonts, katexFontBase, setKatexFontBase } from '../../src/formula/katex-fonts.js';
import { katexFontFaces, katexStyles } from '../../src/formula/katex-styles.js';
import { formula, renderTex } from '../../src/formula/render.js';
import { alignedTex, lineTex, substitutedUpdateRule, symbolicUpdateRule } from '../../src/formula/update-rules.js';

/** A formula host: a shadow root with KaTeX's styles and one div the TeX goes into. */
class FormulaHost extends LitElement {
  static override styles = [katexStyles];
  static override properties = { tex: {} };
  tex = '';
  override render() {
    return html`<div class="formula" ${formula(this.tex, { label: 'update rule' })}></div>`;
  }
  get box(): HTMLElement {
    return this.renderRoot.querySelector('.formula')!;
  }
}
customElements.define('test-formula-host', FormulaHost);

async function mount(tex: string): Promise<FormulaHost> {
  const host = document.createElement('test-formula-host') as FormulaHost;
  host.tex = tex;
  document.body.append(host);
  await host.updateComplete;
  return host;
}

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));

function faceOf(family: string, weight: string, style: string): FontFace | undefined {
  return [...document.fonts].find((f) => f.family.replace(/"/g, '') === family && f.weight === weight && f.style === style);
}

describe('formula rendering', () => {
  afterEach(() => {
    for (const el of document.querySelectorAll('test-formula-host')) el.remove();
  });

  it('renders KaTeX HTML into a shadow root, styled by katexStyles', async () => {
    const host = await mount('\\mathbf{x}_{k+1} = \\mathbf{x}_k - \\eta \\nabla f(\\mathbf{x}_k)');
    const katexEl = host.box.querySelector('.katex') as HTMLElement;
    expect(katexEl).to.not.equal(null);
    expect(host.box.querySelector('.katex-display')).to.not.equal(null);
    expect(host.box.querySelector('.katex-mathml'), "output 'html' by default").to.equal(null);
    expect(getComputedStyle(katexEl).fontFamily).to.match(/^KaTeX_Main/);
    expect(host.box.getAttribute('role')).to.equal('img');
    expect(host.box.getAttribute('aria-label')).to.equal('update rule');
  });

  it('declares the fonts at document level and they load: KaTeX_Main is usable', async () => {
    await mount('\\mathbf{g}_k = \\nabla f(\\mathbf{x}_k)');
    await nextFrame();
    await document.fonts.ready;
    const regular = faceOf('KaTeX_Main', '400', 'normal');
    const bold = faceOf('KaTeX_Main', '700', 'normal');
    expect(regular, 'KaTeX_Main regular declared').to.not.equal(undefined);
    await Promise.all([regular!.loaded, bold!.loaded]);
    expect(regular!.status).to.equal('loaded');
    expect(bold!.status, 'bold loads on demand for \\mathbf').to.equal('loaded');
    expect(document.fonts.check('16px KaTeX_Main')).to.equal(true);
    expect(document.fonts.check('bold 16px KaTeX_Main')).to.equal(true);
    // Faces nothing used stay unloaded: the browser fetches only what formulas need.
    expect(faceOf('KaTeX_Fraktur', '700', 'normal')!.status).to.equal('unloaded');
  });

  it('finds the woff2 files at the font base URL', async () => {
    const base = katexFontBase();
    expect(base.href.endsWith('/src/formula/fonts/')).to.equal(true);
    for (const file of ['KaTeX_Main-Regular.woff2', 'KaTeX_Size4-Regular.woff2']) {
      const response = await fetch(new URL(file, base));
      expect(response.status, file).to.equal(200);
      const bytes = new Uint8Array(await response.arrayBuffer());
      expect(String.fromCharCode(...bytes.slice(0, 4)), `${file} is woff2`).to.equal('wOF2');
    }
  });

  it('declares each face once, and re-declares them all for a new font base', async () => {
    const first = declareKatexFonts();
    expect(declareKatexFonts()).to.equal(first);
    const katexFaces = () => [...document.fonts].filter((f) => f.family.replace(/"/g, '').startsWith('KaTeX_'));
    expect(katexFaces()).to.have.length(katexFontFaces.length);
    const original = katexFontBase();
    try {
      setKatexFontBase('/node_modules/katex/dist/fonts');
      expect(katexFontBase().href).to.equal(new URL('/node_modules/katex/dist/fonts/', location.href).href);
      const second = declareKatexFonts();
      expect(second).to.not.equal(first);
      expect(katexFaces()).to.have.length(katexFontFaces.length);
      for (const face of first) expect(document.fonts.has(face)).to.equal(false);
      const main = second.find((f) => f.family.replace(/"/g, '') === 'KaTeX_Main' && f.weight === '400' && f.style === 'normal')!;
      await main.load();
      expect(main.status).to.equal('loaded');
    } finally {
      setKatexFontBase(original);
    }
  });

  it('skips a render of the same TeX, and renders a change', async () => {
    const box = document.createElement('div');
    document.body.append(box);
    expect(renderTex(box, 'x^2')).to.equal(true);
    const node = box.firstElementChild;
    expect(renderTex(box, 'x^2')).to.equal(false);
    expect(box.firstElementChild).to.equal(node);
    expect(renderTex(box, 'x^2', { displayMode: false })).to.equal(true);
    expect(box.querySelector('.katex-display')).to.equal(null);
    expect(renderTex(box, 'x^3', { displayMode: false })).to.equal(true);
    expect(box.textContent).to.contain('3');
    box.remove();
  });

  it('re-renders through the Lit directive when the TeX changes', async () => {
    const host = await mount('a + b');
    const first = host.box.firstElementChild;
    host.requestUpdate();
    await host.updateComplete;
    expect(host.box.firstElementChild, 'same TeX: the same nodes').to.equal(first);
    host.tex = 'a - b';
    await host.updateComplete;
    expect(host.box.firstElementChild).to.not.equal(first);
    expect(host.box.textContent).to.contain('−');
  });

  it('shows bad TeX in place instead of throwing', async () => {
    const host = await mount('\\frac{1}{');
    expect(host.box.querySelector('.katex-error')).to.not.equal(null);
  });

  it("adds MathML for screen readers with output 'htmlAndMathml'", () => {
    const box = document.createElement('div');
    renderTex(box, 'x^2', { output: 'htmlAndMathml' });
    expect(box.querySelector('math')).to.not.equal(null);
  });

  it('renders every update rule without a KaTeX error, symbolic and with numbers', async () => {
    const surface = getSurface('rosenbrock');
    for (const name of OPTIMIZER_NAMES) {
      const optimizer = createOptimizer(name, { lr: 0.001 });
      const record = descend(surface, optimizer, [-1.2, 1], { steps: 2 }).record(1);
      for (const tex of [
        alignedTex(symbolicUpdateRule(name)),
        alignedTex(substitutedUpdateRule(name, optimizer.options, record)),
        alignedTex(substitutedUpdateRule(name, optimizer.options, record), { breakChains: true }),
      ]) {
        const host = await mount(tex);
        expect(host.box.querySelector('.katex-error'), `${name}: ${tex}`).to.equal(null);
        expect(host.box.textContent).to.not.match(/NaN|Infinity/);
        host.remove();
      }
    }
  });

  it('renders every rule in one dimension with plain numbers: no matrix anywhere', async () => {
    const curve = parseCurve('x^2');
    for (const name of OPTIMIZER_NAMES) {
      const optimizer = createOptimizer(name, { lr: 0.3 });
      const record = descend(curve, optimizer, [2], { steps: 1 }).record(0);
      for (const line of substitutedUpdateRule(name, optimizer.options, record)) {
        const host = await mount(lineTex(line));
        expect(host.box.querySelector('.katex-error'), `${name}: ${lineTex(line)}`).to.equal(null);
        // A pmatrix is a KaTeX table; a number is not.
        expect(host.box.querySelector('.mtable'), `${name}: ${lineTex(line)}`).to.equal(null);
        host.remove();
      }
    }
  });

  it("renders Adam's numbers (the biggest formula) again and again, in either output", async () => {
    const surface = getSurface('rosenbrock');
    const optimizer = createOptimizer('adam', { lr: 0.01 });
    const run = descend(surface, optimizer, [-1.2, 1], { steps: 20 });
    const host = await mount('');
    // Each render replaces the last: the box shows this update's numbers, laid out once.
    // (Its cost, about 700 nodes, is measured by `npm run bench`.)
    for (let k = 0; k < 20; k++) {
      const record = run.record(k);
      const tex = alignedTex(substitutedUpdateRule('adam', optimizer.options, record));
      const output = k % 2 === 0 ? 'html' : 'htmlAndMathml';
      renderTex(host.box, tex, { output });
      expect(host.box.querySelectorAll('.katex').length, `render ${k}`).to.equal(1);
      expect(host.box.querySelector('.katex-mathml') !== null, `render ${k}: MathML`).to.equal(output === 'htmlAndMathml');
      expect(host.box.getBoundingClientRect().width).to.be.greaterThan(100);
    }
  });

  it('throttles: one render per window, then the latest TeX', async () => {
    const box = document.createElement('div');
    document.body.append(box);
    const options = { throttleMs: 80 };
    expect(renderTex(box, 'a_1', options)).to.equal(true);
    expect(renderTex(box, 'a_2', options)).to.equal(false);
    expect(renderTex(box, 'a_3', options)).to.equal(false);
    expect(box.textContent).to.contain('1');
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(box.textContent, 'the latest TeX of the window').to.contain('3');
    expect(box.textContent).to.not.contain('2');
    // The trailing render opened a new window; after it, a call renders at once again.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(renderTex(box, 'a_4', options)).to.equal(true);
    // Back to what is shown within the window: the waiting render is dropped.
    expect(renderTex(box, 'a_5', options)).to.equal(false);
    expect(renderTex(box, 'a_4', options)).to.equal(false);
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(box.textContent).to.contain('4');
    box.remove();
  });
});
