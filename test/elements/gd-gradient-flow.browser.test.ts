/**
 * <gd-gradient-flow> in Chromium: the verdict for the three setups the figure is about
 * (sigmoid vanishes, ReLU with He is stable, ReLU with large normal weights explodes), its
 * gradient and error norms against the core's, the bars on their log scale, clipping, the
 * formula's delta, a training run in which the first layer barely moves, bad input,
 * Spanish and accessibility.
 *
 * Every expected number is computed here from the core with the element's settings: the
 * data set, the network and the Trainer built as the element builds them.
 */
import { expect } from 'chai';
import '../../src/index.js';
import {
  Trainer,
  createNetworkModel,
  featuresOf,
  forwardBackward,
  layerErrorNorms,
  layerGradientNorms,
  layerWeightChanges,
  makeDataset,
  type Activation,
  type GdGradientFlow,
  type InitName,
  type NetworkModel,
} from '../../src/index.js';
import { numbersFor } from '../../src/i18n/numbers.js';
import { accessibilityViolations, cleanup, eventOf, expectNotedOnce, fixture, mount } from './helpers.js';

const shadow = (el: GdGradientFlow) => el.shadowRoot!;
const en = numbersFor('en');

interface Setup {
  activation?: Activation;
  init?: InitName;
  initScale?: number;
  depth?: number;
  width?: number;
  samples?: number;
  seed?: number;
}

/** The network and data the element builds from these settings (its defaults for the rest). */
function coreModel(o: Setup = {}): NetworkModel {
  const seed = o.seed ?? 1;
  const dataset = makeDataset('circle', { samples: o.samples ?? 100, seed });
  return createNetworkModel(dataset, {
    hidden: Array<number>(o.depth ?? 10).fill(o.width ?? 8),
    activation: o.activation ?? 'sigmoid',
    init: o.init ?? 'xavier',
    initScale: o.initScale ?? 1,
    seed,
  });
}

/** ||dL/dW_l|| and the errors' RMS norms at `params` on the whole batch, by the core. */
function coreNorms(model: NetworkModel, params: Float64Array): { weights: number[]; errors: number[] } {
  const grad = new Float64Array(model.dim);
  model.objective().evaluate(params, grad);
  const ds = model.dataset;
  const inputs = Array.from({ length: ds.n }, (_, i) => featuresOf(ds, i));
  return { weights: layerGradientNorms(model.spec, grad), errors: layerErrorNorms(model.spec, params, inputs, Array.from(ds.y)) };
}

function expectClose(actual: readonly number[], expected: readonly number[], what: string): void {
  expect(actual, what).to.have.length(expected.length);
  expected.forEach((v, i) => expect(actual[i], `${what}[${i}]`).to.be.closeTo(v, 1e-12 * Math.abs(v)));
}

/** A number as KaTeX's HTML shows it: text's digits, with the power of ten's superscripts as plain characters. */
function asKatex(v: number): string {
  const plain: Record<string, string> = { '⁻': '−', '⁰': '0', '¹': '1', '²': '2', '³': '3', '⁴': '4', '⁵': '5', '⁶': '6', '⁷': '7', '⁸': '8', '⁹': '9' };
  return [...en.text(v)].map((c) => plain[c] ?? c).join('');
}

const formulaText = (el: GdGradientFlow) => shadow(el).querySelector('[part="formula"]')!.textContent!.replace(/[\s\u200b]/g, '');
const verdictText = (el: GdGradientFlow) => shadow(el).querySelector('[part="bars"] .verdict')!.textContent!;
const outerHeights = (el: GdGradientFlow, part: string) =>
  [...shadow(el).querySelectorAll(`[part="${part}"] svg.bars rect.outer`)].map((r) => Number(r.getAttribute('height')));

/**
 * Bar heights on a log scale: h_i = a + b log10(v_i) with one a and one b > 0 for every
 * bar. b from the two extreme values; every other bar must sit on that line.
 */
function expectLogHeights(heights: readonly number[], values: readonly number[], what: string): void {
  expect(heights, what).to.have.length(values.length);
  const logs = values.map(Math.log10);
  const lo = logs.indexOf(Math.min(...logs));
  const hi = logs.indexOf(Math.max(...logs));
  const b = (heights[hi] - heights[lo]) / (logs[hi] - logs[lo]);
  expect(b, `${what}: taller for larger values`).to.be.greaterThan(0);
  logs.forEach((g, i) => expect(heights[i], `${what}: bar ${i + 1}`).to.be.closeTo(heights[lo] + b * (g - logs[lo]), 1e-6 * Math.max(1, heights[hi])));
}

/** Everything a reader sees but the notes: the shadow DOM's text and every field's value. */
function shown(el: GdGradientFlow): string {
  const root = shadow(el);
  const notes = root.querySelector('[part="notes"]')?.textContent ?? '';
  const fields = [...root.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input, select')].map((f) => `${f.id || f.className}=${f.value}`);
  return `${root.textContent!.replace(notes, '')}\n${fields.join('\n')}`;
}

describe('gd-gradient-flow', () => {
  afterEach(cleanup);

  it('the defaults (10 sigmoid layers, Xavier) vanish: the first layer\'s gradient under 1/100 of the last\'s, and the figure says "Vanishing"', async () => {
    const el = await fixture<GdGradientFlow>('<gd-gradient-flow lang="en"></gd-gradient-flow>');
    const g = el.layerGradientNorms;
    expect(g).to.have.length(11);
    expect(g[0] / g[g.length - 1]).to.be.lessThan(1 / 100);
    expect(el.verdict).to.equal('vanishing');
    expect(el.status).to.equal('ready');
    expect(verdictText(el)).to.match(/^Vanishing/);
    const e = el.layerErrorNorms;
    expect(verdictText(el)).to.contain(en.text(e[0] / e[e.length - 1]));
  });

  it('ReLU with He weights: the weight-gradient ratio within 1/10 to 10, neither vanishing nor exploding', async () => {
    const el = await fixture<GdGradientFlow>('<gd-gradient-flow lang="en" activation="relu" init="he"></gd-gradient-flow>');
    const g = el.layerGradientNorms;
    const ratio = g[0] / g[g.length - 1];
    expect(ratio).to.be.within(1 / 10, 10);
    expect(el.verdict).to.equal('stable');
    expect(verdictText(el)).to.match(/^Neither vanishing nor exploding/);
  });

  it('ReLU with normal weights of scale 3 explodes: the verdict and the text say so (though the weight ratio stays near 1)', async () => {
    const el = await fixture<GdGradientFlow>('<gd-gradient-flow lang="en" activation="relu" init="normal" init-scale="3"></gd-gradient-flow>');
    expect(el.verdict).to.equal('exploding');
    expect(verdictText(el)).to.match(/^Exploding/);
    const e = el.layerErrorNorms;
    expect(e[0] / e[e.length - 1]).to.be.greaterThan(100);
  });

  const setups: [string, Setup][] = [
    ['', {}],
    ['activation="relu" init="he"', { activation: 'relu', init: 'he' }],
    ['activation="relu" init="normal" init-scale="3"', { activation: 'relu', init: 'normal', initScale: 3 }],
    ['activation="tanh" depth="4" width="5" samples="30" seed="7"', { activation: 'tanh', depth: 4, width: 5, samples: 30, seed: 7 }],
  ];
  for (const [attributes, setup] of setups) {
    it(`${attributes || 'defaults'}: the gradient and error norms are the core's, at the initial weights on the whole batch`, async () => {
      const el = await fixture<GdGradientFlow>(`<gd-gradient-flow lang="en" ${attributes}></gd-gradient-flow>`);
      const model = coreModel(setup);
      const { weights, errors } = coreNorms(model, model.initialParams());
      expect(weights).to.have.length((setup.depth ?? 10) + 1);
      expectClose(el.layerGradientNorms, weights, 'layerGradientNorms');
      expectClose(el.layerErrorNorms, errors, 'layerErrorNorms');
      // One bar per layer, its height log10 of its norm on one scale.
      expectLogHeights(outerHeights(el, 'bars'), weights, 'bars');
      expect(shadow(el).querySelectorAll('[part="bars"] svg.bars rect.inner'), 'no clipping, no inner bars').to.have.length(0);
    });
  }

  it('clip="1" on an exploding setup: inner bars scaled down by one factor, and the note gives the norm and the clip', async () => {
    const el = await fixture<GdGradientFlow>('<gd-gradient-flow lang="en" activation="relu" init="normal" init-scale="3" clip="1"></gd-gradient-flow>');
    const model = coreModel({ activation: 'relu', init: 'normal', initScale: 3 });
    const params = model.initialParams();
    const grad = new Float64Array(model.dim);
    model.objective().evaluate(params, grad);
    let norm = 0;
    for (const v of grad) norm += v * v;
    norm = Math.sqrt(norm);
    expect(norm).to.be.greaterThan(1);
    const g = el.layerGradientNorms;
    // The whole gradient is scaled by 1/norm: each layer's clipped norm is g_l / norm.
    const clipped = g.map((v) => v / norm);
    const outer = outerHeights(el, 'bars');
    const inner = [...shadow(el).querySelectorAll('[part="bars"] svg.bars rect.inner')].map((r) => Number(r.getAttribute('height')));
    expect(outer).to.have.length(11);
    expect(inner).to.have.length(11);
    // Outer and inner bars share one log scale.
    expectLogHeights([...outer, ...inner], [...g, ...clipped], 'outer and inner bars');
    inner.forEach((h, i) => expect(h, `bar ${i + 1}`).to.be.lessThan(outer[i]));
    const note = shadow(el).querySelector('[part="bars"] .clip-note')!.textContent!;
    expect(note).to.contain(`Clipping: the whole gradient’s norm ${en.text(norm)} is above 1, so every component is scaled down to norm `);
    expect(shadow(el).querySelector('[part="bars"] .key')).to.exist;
    // Clipping changes what a step does, never what the gradient is.
    expect(el.verdict).to.equal('exploding');
  });

  it('a clip above the gradient\'s norm: the note says nothing changes and the inner bars equal the outer', async () => {
    const el = await fixture<GdGradientFlow>('<gd-gradient-flow lang="en" clip="1000"></gd-gradient-flow>');
    const note = shadow(el).querySelector('[part="bars"] .clip-note')!.textContent!;
    const model = coreModel();
    const grad = new Float64Array(model.dim);
    model.objective().evaluate(model.initialParams(), grad);
    const norm = Math.hypot(...grad);
    expect(norm).to.be.lessThan(1000);
    expect(note).to.equal(`Clipping at ${en.setting(1000)}: the gradient’s norm ${en.text(norm)} is below it, so nothing changes.`);
    const outer = outerHeights(el, 'bars');
    const inner = [...shadow(el).querySelectorAll('[part="bars"] svg.bars rect.inner')].map((r) => Number(r.getAttribute('height')));
    expect(inner).to.deep.equal(outer);
  });

  it('the formula shows delta of unit 1 of the chosen layer for the first example; another layer in the menu, another delta', async () => {
    const el = await fixture<GdGradientFlow>('<gd-gradient-flow lang="en" activation="tanh" depth="4" width="5"></gd-gradient-flow>');
    const model = coreModel({ activation: 'tanh', depth: 4, width: 5 });
    const params = model.initialParams();
    const grad = new Float64Array(model.dim);
    const pass = forwardBackward(model.spec, params, featuresOf(model.dataset, 0), model.dataset.y[0], grad);
    expect(formulaText(el)).to.contain(asKatex(pass.delta[1][0]));
    expect(shadow(el).querySelector('[part="formula"] .katex')).to.exist;
    const select = shadow(el).querySelector<HTMLSelectElement>('.formula-box select')!;
    expect([...select.options].map((o) => o.value)).to.deep.equal(['1', '2', '3', '4']);
    select.value = '3';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(formulaText(el)).to.contain(asKatex(pass.delta[3][0]));
    expect(formulaText(el)).to.not.contain(asKatex(pass.delta[1][0]));
  });

  it('training the sigmoid defaults to the end: status done, change bars appear, and the first layer moves far less than the output layer', async function () {
    this.timeout(60000);
    const el = await fixture<GdGradientFlow>('<gd-gradient-flow lang="en" speed="1000"></gd-gradient-flow>');
    expect(shadow(el).querySelectorAll('[part="changes"] svg.bars')).to.have.length(0);
    expect(shadow(el).querySelector('[part="changes"] .empty')).to.exist;
    const steps: { epoch: number; loss: number }[] = [];
    el.addEventListener('gd-step', (e) => steps.push((e as CustomEvent).detail));
    const stopped = eventOf<{ reason: string; epoch: number }>(el, 'gd-stop', 50000);
    el.play();
    const stop = await stopped;
    await el.updateComplete;
    expect(stop.detail.reason).to.equal('done');
    expect(el.status).to.equal('done');
    expect(steps.length).to.be.greaterThan(0);
    expect(steps[steps.length - 1].epoch).to.equal(20);
    // The same run by the core: the element's gradients are the core's at the trained weights.
    const model = coreModel();
    const start = model.initialParams();
    const trainer = new Trainer(model, { batchSize: 10, epochs: 20, seed: 1, optimizer: 'gd', options: { lr: 0.1, clip: Infinity } });
    trainer.runAll();
    expect(steps[steps.length - 1].loss).to.equal(trainer.history.loss[trainer.history.loss.length - 1]);
    expectClose(el.layerGradientNorms, coreNorms(model, Float64Array.from(trainer.params)).weights, 'layerGradientNorms after training');
    const changes = layerWeightChanges(model.spec, start, trainer.params);
    // Measured with seed 1: first layer about 6e-7, output layer about 5e-2 (a ratio near 1e-5).
    expect(changes[changes.length - 1]).to.be.greaterThan(1e-3);
    expect(changes[0]).to.be.lessThan(changes[changes.length - 1] / 100);
    expectLogHeights(outerHeights(el, 'changes'), changes, 'change bars');
    const titles = [...shadow(el).querySelectorAll('[part="changes"] svg.bars g.bar title')].map((t) => t.textContent);
    expect(titles[0]).to.equal(`Layer 1: ${en.text(changes[0])}`);
    expect(titles[titles.length - 1]).to.equal(`Layer output: ${en.text(changes[changes.length - 1])}`);
    expect(shadow(el).textContent).to.not.match(/NaN|Infinity|undefined/);
  });

  it('reset after training brings back the initial gradients and the empty change panel', async function () {
    this.timeout(30000);
    const el = await fixture<GdGradientFlow>('<gd-gradient-flow lang="en" epochs="2" speed="1000"></gd-gradient-flow>');
    const initial = el.layerGradientNorms;
    const stopped = eventOf(el, 'gd-stop', 20000);
    el.play();
    await stopped;
    await el.updateComplete;
    expect(el.layerGradientNorms).to.not.deep.equal(initial);
    el.reset();
    await el.updateComplete;
    expect(el.status).to.equal('ready');
    expect(el.layerGradientNorms).to.deep.equal(initial);
    expect(shadow(el).querySelector('[part="changes"] .empty')).to.exist;
  });

  it('an exploding network diverges in training, and the figure says so without a NaN', async function () {
    this.timeout(30000);
    const el = await fixture<GdGradientFlow>('<gd-gradient-flow lang="en" activation="relu" init="normal" init-scale="3" speed="1000"></gd-gradient-flow>');
    const initial = el.layerGradientNorms;
    const stopped = eventOf<{ reason: string; epoch: number }>(el, 'gd-stop', 20000);
    el.play();
    const stop = await stopped;
    await el.updateComplete;
    expect(stop.detail.reason).to.equal('diverged');
    // The epochs it completed before the weights stopped being numbers, not the 20 asked for.
    expect(stop.detail.epoch).to.be.below(20);
    expect(el.status).to.equal('diverged');
    expect(shadow(el).textContent).to.match(/diverged/);
    expect(shadow(el).textContent).to.not.match(/NaN|Infinity|undefined/);
    // NaN weights have no gradient: the figure shows the start's, which sent them off, and says so.
    expect(el.verdict).to.equal('exploding');
    expect(el.layerGradientNorms).to.deep.equal(initial);
    expect(shadow(el).querySelector('[part="bars"]')!.textContent).to.match(/gradients at the start/);
    expect(shadow(el).querySelector('[part="changes"] .empty')!.textContent).to.match(/no longer numbers/);
  });

  // Each attribute with values it cannot use: a note, the default (the figure shows what a
  // figure without the attribute shows), no uncaught error, and no NaN on screen.
  const garbage: [string, string][] = [
    ['activation', 'linear'],
    ['activation', 'x'],
    ['depth', '0'],
    ['depth', '21'],
    ['depth', 'abc'],
    ['width', '1'],
    ['width', '17'],
    ['init', 'x'],
    ['init-scale', '0'],
    ['init-scale', '-1'],
    ['clip', '0'],
    ['clip', '-1'],
    ['lr', '0'],
    ['epochs', '0'],
    ['samples', '1'],
    ['seed', '1.5'],
    ['batch-size', '0'],
    ['dataset', 'nope'],
  ];
  it('garbage in every attribute: a note, the default, no error and no NaN', async function () {
    this.timeout(60000);
    const plain = await mount<GdGradientFlow>('gd-gradient-flow', {});
    expect(plain.notes).to.deep.equal([]);
    const expected = shown(plain.el);
    const expectedNorms = plain.el.layerGradientNorms;
    plain.remove();
    for (const [name, value] of garbage) {
      const m = await mount<GdGradientFlow>('gd-gradient-flow', { [name]: value });
      expectNotedOnce(m, name, value, expect);
      const text = shadow(m.el).querySelector('[part="notes"]')!.textContent!;
      expect(text, `${name}="${value}"`).to.contain(`${name}="`);
      expect(shown(m.el), `${name}="${value}" falls back to the default`).to.equal(expected);
      expect(m.el.layerGradientNorms, `${name}="${value}"`).to.deep.equal(expectedNorms);
      expect(m.el.verdict, `${name}="${value}"`).to.equal('vanishing');
      expect(shadow(m.el).textContent, `${name}="${value}"`).to.not.match(/NaN|Infinity|undefined/);
      m.remove();
    }
  });

  it('speaks Spanish', async () => {
    const el = await fixture<GdGradientFlow>('<gd-gradient-flow lang="es"></gd-gradient-flow>');
    expect(verdictText(el)).to.match(/^Desvanecimiento/);
    expect(shadow(el).textContent).to.contain('El gradiente a través de 10 capas sigmoide');
    const exploding = await fixture<GdGradientFlow>('<gd-gradient-flow lang="es" activation="relu" init="normal" init-scale="3" clip="1"></gd-gradient-flow>');
    expect(verdictText(exploding)).to.match(/^Explosión/);
    expect(shadow(exploding).querySelector('[part="bars"] .clip-note')!.textContent).to.match(/^Recorte: /);
  });

  it('has no accessibility violations: light and dark, English and Spanish, clipped and trained', async function () {
    this.timeout(60000);
    const el = await fixture<GdGradientFlow>('<gd-gradient-flow lang="en"></gd-gradient-flow>');
    expect(await accessibilityViolations(el)).to.deep.equal([]);
    const dark = await fixture<GdGradientFlow>('<gd-gradient-flow lang="en" theme="dark" activation="relu" init="normal" init-scale="3" clip="1"></gd-gradient-flow>');
    expect(await accessibilityViolations(dark)).to.deep.equal([]);
    const es = await fixture<GdGradientFlow>('<gd-gradient-flow lang="es" activation="relu" init="he" clip="1" epochs="2" speed="1000"></gd-gradient-flow>');
    const stopped = eventOf(es, 'gd-stop', 20000);
    es.play();
    await stopped;
    await es.updateComplete;
    expect(await accessibilityViolations(es)).to.deep.equal([]);
    const esDark = await fixture<GdGradientFlow>('<gd-gradient-flow lang="es" theme="dark"></gd-gradient-flow>');
    expect(await accessibilityViolations(esDark)).to.deep.equal([]);
  });
});
