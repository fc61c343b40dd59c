/**
 * <gd-network> in Chromium: the four phases against the core's own passes, the chain rule
 * and the gradient table, the update as -eta times the table's mean, accuracy with the
 * defaults, seeds, divergence, events, reset, Spanish, bad input and accessibility.
 *
 * Every expected number is computed here from the core with the element's seed: the data
 * set, the network and the Trainer built as the element builds them (the same seed for
 * the data, the initial weights and the shuffles).
 */
import { expect } from 'chai';
import '../../src/index.js';
import {
  DEFAULT_NETWORK_OPTIONS,
  Trainer,
  createNetworkModel,
  forwardBackward,
  makeDataset,
  parameterCount,
  weightIndex,
  type GdNetwork,
  type NetworkDatasetName,
  type NetworkModel,
  type OptimizerName,
  type Pass,
} from '../../src/index.js';
import { numbersFor } from '../../src/i18n/numbers.js';
import { MAX_COLUMNS } from '../../src/components/gd-network/gd-network.js';
import { accessibilityViolations, cleanup, eventOf, expectNotedOnce, fixture, mount } from './helpers.js';

const shadow = (el: GdNetwork) => el.shadowRoot!;
const en = numbersFor('en');

interface CoreRun {
  model: NetworkModel;
  trainer: Trainer;
}

/** The data, network and Trainer the element builds from these settings (the data set's defaults for the rest). */
function coreRun(name: NetworkDatasetName, o: { seed?: number; batchSize?: number; samples?: number; optimizer?: OptimizerName; lr?: number; epochs?: number } = {}): CoreRun {
  const d = DEFAULT_NETWORK_OPTIONS[name];
  const seed = o.seed ?? 1;
  const dataset = makeDataset(name, { samples: o.samples ?? d.samples, noise: d.noise, seed });
  const model = createNetworkModel(dataset, { hidden: [...d.hidden], activation: d.activation, init: d.init, seed });
  const trainer = new Trainer(model, {
    batchSize: o.batchSize ?? d.batchSize,
    epochs: o.epochs ?? d.epochs,
    seed,
    optimizer: o.optimizer ?? d.optimizer,
    options: { ...d.options, ...(o.lr === undefined ? {} : { lr: o.lr }) },
  });
  return { model, trainer };
}

/** Example i's pass and gradient at `params`, by the core. */
function passOf(model: NetworkModel, params: ArrayLike<number>, i: number): { pass: Pass; grad: Float64Array } {
  const { x, y, d } = model.dataset;
  const grad = new Float64Array(model.dim);
  const pass = forwardBackward((model as NetworkModel).spec, params, x.subarray(i * d, (i + 1) * d), y[i], grad);
  return { pass, grad };
}

/** The mean of the examples' gradients, at full precision: (1/m) sum_k g_k. */
function meanGradient(grads: readonly Float64Array[]): Float64Array {
  const mean = new Float64Array(grads[0].length);
  for (const g of grads) for (let p = 0; p < g.length; p++) mean[p] += g[p];
  for (let p = 0; p < mean.length; p++) mean[p] /= grads.length;
  return mean;
}

/** A number as KaTeX's HTML shows it: text's digits, with the power of ten's superscripts as plain characters. */
function asKatex(v: number): string {
  const plain: Record<string, string> = { '⁻': '−', '⁰': '0', '¹': '1', '²': '2', '³': '3', '⁴': '4', '⁵': '5', '⁶': '6', '⁷': '7', '⁸': '8', '⁹': '9' };
  return [...en.text(v)].map((c) => plain[c] ?? c).join('');
}

const formulaText = (el: GdNetwork) => shadow(el).querySelector('[part="formula"]')!.textContent!.replace(/[\s\u200b]/g, '');

/** Per drawn unit, in the drawing's order (layer by layer): the number its tooltip shows after " · ", or null. */
function unitNumbers(el: GdNetwork): (string | null)[] {
  return [...shadow(el).querySelectorAll('svg.diagram .units .unit')].map((g) => {
    const title = g.querySelector('title')!.textContent!;
    const at = title.lastIndexOf(' · ');
    return at < 0 ? null : title.slice(at + 3);
  });
}

/** The numbers written inside the units (units large enough to hold one), by drawing order. */
function unitTexts(el: GdNetwork): (string | null)[] {
  return [...shadow(el).querySelectorAll('svg.diagram .units .unit')].map((g) => g.querySelector('text')?.textContent ?? null);
}

/** A layer-by-layer list of per-unit values, flattened as the drawing orders its units. */
const flat = (layers: readonly ArrayLike<number>[], sizes: readonly number[]) => sizes.flatMap((n, l) => Array.from({ length: n }, (_, i) => layers[l]?.[i]));

function gradientTable(el: GdNetwork) {
  const table = shadow(el).querySelector('[part="gradients"] table')!;
  const head = [...table.querySelectorAll('thead th')].map((th) => th.textContent!.trim());
  const rows = [...table.querySelectorAll('tbody tr')].map((tr) => ({
    name: tr.querySelector('th')!.getAttribute('title')!,
    cells: [...tr.querySelectorAll('td')].map((td) => td.textContent!.trim()),
    mean: tr.querySelector('td.mean')!.textContent!.trim(),
  }));
  return { head, rows };
}

async function phases(el: GdNetwork, n: number): Promise<void> {
  for (let k = 0; k < n; k++) el.stepPhase();
  await el.updateComplete;
}

async function trainToEnd(el: GdNetwork, ms = 60000): Promise<CustomEvent<{ reason: string }>> {
  const stopped = eventOf<{ reason: string }>(el, 'gd-stop', ms);
  el.play();
  const e = await stopped;
  await el.updateComplete;
  return e;
}

/** Everything a reader sees but the notes: the shadow DOM's text and every field's value. */
function shown(el: GdNetwork): string {
  const root = shadow(el);
  const notes = root.querySelector('[part="notes"]')?.textContent ?? '';
  const fields = [...root.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input, select')].map((f) => `${f.id || f.className}=${f.value}`);
  return `${root.textContent!.replace(notes, '')}\n${fields.join('\n')}`;
}

describe('gd-network', () => {
  afterEach(cleanup);

  it('phase by phase: the forward pass shows the activations, the backward pass the deltas, of the first example of the next mini-batch', async () => {
    const el = await fixture<GdNetwork>('<gd-network lang="en"></gd-network>');
    expect(el.phase).to.equal('idle');
    const { model, trainer } = coreRun('circle');
    const spec = model.spec;
    const params = model.initialParams();
    expect(el.parameters).to.deep.equal(Array.from(params));
    const first = trainer.nextBatch()[0];
    const { pass, grad } = passOf(model, params, first);

    await phases(el, 1);
    expect(el.phase).to.equal('forward');
    const activations = flat(pass.a, spec.sizes).map((a) => en.text(a!));
    expect(unitNumbers(el)).to.deep.equal(activations);
    // Units that hold a number write it with two digits.
    const inside = unitTexts(el);
    expect(inside.some((t) => t !== null), 'numbers inside the units at 900 px').to.equal(true);
    flat(pass.a, spec.sizes).forEach((a, k) => inside[k] !== null && expect(inside[k]).to.equal(en.text(a!, 2)));
    expect(shadow(el).querySelector('[part="phases"] li[aria-current="step"]')!.textContent).to.equal('Forward pass');
    expect(shadow(el).querySelector('[part="phases"] p')!.textContent).to.contain(`example ${first + 1}`);

    await phases(el, 1);
    expect(el.phase).to.equal('loss');
    expect(shadow(el).querySelector('[part="phases"] p')!.textContent).to.contain(`ℓ = ${en.text(pass.loss)}`);

    await phases(el, 1);
    expect(el.phase).to.equal('backward');
    // The inputs have no delta; every other unit shows delta^(l)_i.
    expect(unitNumbers(el)).to.deep.equal([null, null, ...flat(pass.delta, spec.sizes).slice(2).map((d) => en.text(d!))]);
    // The edges show this example's gradient: the picked weight w^(1)_11 = delta^(1)_1 a^(0)_1.
    const w = weightIndex(spec, 1, 0, 0);
    const product = pass.delta[1][0] * pass.a[0][0];
    expect(grad[w]).to.equal(product);
    expect(formulaText(el)).to.contain(asKatex(product));
    expect(formulaText(el)).to.contain(asKatex(pass.delta[1][0]));
    expect(shadow(el).querySelector('[part="formula"] .katex')).to.exist;
    expect(el.parameters, 'no update before the update phase').to.deep.equal(Array.from(params));
  });

  it('clicking a weight picks it: the chain rule and the first row of the table follow', async () => {
    const el = await fixture<GdNetwork>('<gd-network lang="en"></gd-network>');
    const { model, trainer } = coreRun('circle');
    const spec = model.spec;
    const params = model.initialParams();
    const batch = Array.from(trainer.nextBatch());
    await phases(el, 3);
    // The output unit's weight from hidden unit 4: w^(2)_1,4 = delta^(2)_1 a^(1)_4.
    const k = weightIndex(spec, 2, 0, 3);
    const hit = shadow(el).querySelector(`svg.diagram .edge[data-index="${k}"] .hit`)!;
    hit.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    await el.updateComplete;
    expect(shadow(el).querySelector('svg.diagram .edge.picked')!.getAttribute('data-index')).to.equal(String(k));
    const { pass } = passOf(model, params, batch[0]);
    const product = pass.delta[2][0] * pass.a[1][3];
    expect(formulaText(el)).to.contain(asKatex(product));
    expect(shadow(el).querySelector('[part="formula"]')!.getAttribute('aria-label')).to.equal('Chain rule: weight from unit 4 of layer 1 to unit 1 of layer 2');
    const { head, rows } = gradientTable(el);
    expect(rows[0].name).to.equal('weight from unit 4 of layer 1 to unit 1 of layer 2');
    const grads = batch.map((i) => passOf(model, params, i).grad);
    // A mini-batch of 10 shows its first examples, "+n" for the rest, and the mean of all 10.
    const shown = MAX_COLUMNS.wide;
    expect(head.slice(1)).to.deep.equal([...batch.slice(0, shown).map((i) => `#${i + 1}`), `+${10 - shown}`, 'Mean']);
    expect(rows[0].cells).to.deep.equal([...grads.slice(0, shown).map((g) => en.text(g[k])), '…', en.text(meanGradient(grads)[k])]);
    expect(rows[0].mean).to.equal(en.text(meanGradient(grads)[k]));
  });

  it('the table\'s mean is the mean of the examples\' gradients and the update moves by -eta times it', async () => {
    // One more than the columns a wide table shows before "+n": it shows them all.
    const size = MAX_COLUMNS.wide + 1;
    const el = await fixture<GdNetwork>(`<gd-network lang="en" dataset="xor" optimizer="gd" lr="0.3" seed="4" batch-size="${size}"></gd-network>`);
    const { model, trainer } = coreRun('xor', { seed: 4, batchSize: size });
    const spec = model.spec;
    const batch = Array.from(trainer.nextBatch());
    expect(batch).to.have.length(size);
    await phases(el, 3);
    const before = el.parameters;
    expect(before).to.deep.equal(Array.from(model.initialParams()));
    const grads = batch.map((i) => passOf(model, before, i).grad);
    const mean = meanGradient(grads);
    // Every example shown (no "+n"), then the mean.
    const { head, rows } = gradientTable(el);
    expect(head).to.deep.equal(['Parameter', ...batch.map((i) => `#${i + 1}`), 'Mean']);
    expect(rows.length).to.be.at.least(2);
    // Each row names its parameter (its title); the flat index of each name:
    const indexOf = new Map(Array.from({ length: parameterCount(spec) }, (_, q) => [nameOf(spec, q), q]));
    for (const row of rows) {
      const p = indexOf.get(row.name)!;
      expect(p, row.name).to.be.a('number');
      expect(row.cells.slice(0, batch.length), row.name).to.deep.equal(grads.map((g) => en.text(g[p])));
      expect(row.mean, row.name).to.equal(en.text(mean[p]));
    }
    await phases(el, 1);
    expect(el.phase).to.equal('update');
    const after = el.parameters;
    const lr = 0.3;
    for (let p = 0; p < before.length; p++) {
      const step = -lr * mean[p];
      expect(after[p] - before[p], `parameter ${p}`).to.be.closeTo(step, 1e-12 * Math.max(Math.abs(before[p]), Math.abs(step), 1e-300));
    }
    // And the core's own update on that mini-batch lands on the same parameters.
    trainer.step();
    expect(after).to.deep.equal(Array.from(trainer.params));
  });

  it('batch size 1 has one example column; a batch of every example shows "+n"', async () => {
    const one = await fixture<GdNetwork>('<gd-network lang="en" batch-size="1"></gd-network>');
    const { trainer } = coreRun('circle', { batchSize: 1 });
    expect(gradientTable(one).head).to.deep.equal(['Parameter', `#${trainer.nextBatch()[0] + 1}`, 'Mean']);
    // One example: its gradient is the mean.
    for (const row of gradientTable(one).rows) expect(row.cells[0]).to.equal(row.mean);
    cleanup();
    const all = await fixture<GdNetwork>('<gd-network lang="en" samples="20" batch-size="20"></gd-network>');
    const { head } = gradientTable(all);
    const shown = MAX_COLUMNS.wide;
    expect(head).to.have.length(1 + shown + 1 + 1);
    expect(head[shown + 1]).to.equal(`+${20 - shown}`);
    expect(head[shown + 2]).to.equal('Mean');
    for (const row of gradientTable(all).rows) expect(row.cells[shown]).to.equal('…');
  });

  for (const dataset of ['circle', 'xor', 'moons', 'blobs'] as const) {
    it(`${dataset}: the defaults reach at least 95% training accuracy`, async function () {
      this.timeout(120000);
      const el = await fixture<GdNetwork>(`<gd-network lang="en" dataset="${dataset}" speed="5000"></gd-network>`);
      const stop = await trainToEnd(el);
      expect(stop.detail.reason).to.equal('done');
      expect(el.status).to.equal('done');
      const h = el.history;
      expect(h.epoch[h.epoch.length - 1]).to.equal(DEFAULT_NETWORK_OPTIONS[dataset].epochs);
      expect(h.accuracy![h.accuracy!.length - 1]).to.be.at.least(0.95);
      expect(el.phase).to.equal('idle');
    });
  }

  for (const dataset of ['spiral', 'sine'] as const) {
    it(`${dataset}: the defaults bring the loss down to a third of its start or less`, async function () {
      this.timeout(120000);
      const el = await fixture<GdNetwork>(`<gd-network lang="en" dataset="${dataset}" speed="5000"></gd-network>`);
      await trainToEnd(el);
      expect(el.status).to.equal('done');
      const loss = el.history.loss;
      expect(loss[loss.length - 1]).to.be.at.most(loss[0] / 3);
    });
  }

  it('the same seed gives the same history, the core\'s; another seed another', async function () {
    this.timeout(60000);
    const markup = (seed: number) => `<gd-network lang="en" dataset="xor" seed="${seed}" epochs="5" speed="5000"></gd-network>`;
    const a = await fixture<GdNetwork>(markup(3));
    await trainToEnd(a);
    const b = await fixture<GdNetwork>(markup(3));
    await trainToEnd(b);
    expect(b.history).to.deep.equal(a.history);
    expect(b.parameters).to.deep.equal(a.parameters);
    const { trainer } = coreRun('xor', { seed: 3, epochs: 5 });
    trainer.runAll();
    expect(a.history).to.deep.equal(trainer.history);
    expect(a.parameters).to.deep.equal(Array.from(trainer.params));
    const other = await fixture<GdNetwork>(markup(4));
    await trainToEnd(other);
    expect(other.history.loss).to.not.deep.equal(a.history.loss);
  });

  it('a huge learning rate diverges, and the figure says so without a NaN', async () => {
    const el = await fixture<GdNetwork>('<gd-network lang="en" dataset="sine" optimizer="gd" lr="10" speed="5000"></gd-network>');
    expect(shadow(el).querySelectorAll('.notes li')).to.have.length(0);
    const stop = await trainToEnd(el);
    expect(stop.detail.reason).to.equal('diverged');
    expect(el.status).to.equal('diverged');
    expect(shadow(el).textContent).to.not.match(/NaN|Infinity|undefined/);
    expect(shadow(el).textContent).to.match(/diverged/);
    // Nothing more to walk through.
    el.stepPhase();
    await el.updateComplete;
    expect(shadow(el).textContent).to.not.match(/NaN|Infinity|undefined/);
  });

  it('gd-phase for every phase; gd-step when a walked update ends an epoch', async () => {
    const el = await fixture<GdNetwork>('<gd-network lang="en" samples="20" batch-size="20"></gd-network>');
    const seen: { phase: string; updates: number }[] = [];
    const steps: { epoch: number; updates: number; loss: number }[] = [];
    el.addEventListener('gd-phase', (e) => seen.push((e as CustomEvent).detail));
    el.addEventListener('gd-step', (e) => steps.push((e as CustomEvent).detail));
    for (let k = 0; k < 3; k++) {
      el.stepPhase();
      await el.updateComplete;
    }
    expect(steps).to.deep.equal([]);
    el.stepPhase();
    await el.updateComplete;
    expect(seen).to.deep.equal([
      { phase: 'forward', updates: 0 },
      { phase: 'loss', updates: 0 },
      { phase: 'backward', updates: 0 },
      { phase: 'update', updates: 1 },
    ]);
    const { trainer } = coreRun('circle', { samples: 20, batchSize: 20 });
    trainer.step();
    expect(steps).to.deep.equal([{ epoch: 1, updates: 1, loss: trainer.history.loss[1] }]);
    expect(el.history).to.deep.equal(trainer.history);
    // The next walk starts again at the forward pass, on the next mini-batch.
    el.stepPhase();
    await el.updateComplete;
    expect(seen[4]).to.deep.equal({ phase: 'forward', updates: 1 });
  });

  it('reset after a walked update brings back the initial weights and the idle phase', async () => {
    const el = await fixture<GdNetwork>('<gd-network lang="en"></gd-network>');
    const initial = el.parameters;
    await phases(el, 4);
    expect(el.parameters).to.not.deep.equal(initial);
    await phases(el, 2);
    el.reset();
    await el.updateComplete;
    expect(el.phase).to.equal('idle');
    expect(el.parameters).to.deep.equal(initial);
    expect(el.history.loss).to.have.length(1);
    expect(el.status).to.equal('ready');
    expect(shadow(el).querySelector('[part="phases"] li[aria-current="step"]')).to.equal(null);
  });

  it('speaks Spanish', async () => {
    const el = await fixture<GdNetwork>('<gd-network lang="es"></gd-network>');
    expect(shadow(el).querySelector('button.next-phase')!.textContent).to.equal('Siguiente fase');
    expect(shadow(el).textContent).to.contain('Gradientes, ejemplo a ejemplo');
    await phases(el, 1);
    expect(shadow(el).querySelector('[part="phases"] li[aria-current="step"]')!.textContent).to.equal('Propagación hacia adelante');
  });

  // Each attribute with values it cannot use: a note, the default (the figure shows what a
  // figure without the attribute shows), no uncaught error, and no NaN on screen.
  const garbage: [string, string][] = [
    ['layers', 'abc'],
    ['layers', '9'],
    ['layers', '1,2,3,4,5,6,7'],
    ['layers', '0'],
    ['dataset', 'nope'],
    ['activation', 'x'],
    ['init', 'x'],
    ['lr', '-1'],
    ['batch-size', '0'],
    ['epochs', 'abc'],
    ['samples', '1'],
    ['noise', '-1'],
    ['seed', '1.5'],
    ['x-axis', 'x'],
    ['optimizer', 'x'],
  ];
  it('garbage in every attribute: a note, the default, no error and no NaN', async () => {
    const plain = await mount<GdNetwork>('gd-network', {});
    expect(plain.notes).to.deep.equal([]);
    const expected = shown(plain.el);
    const expectedParameters = plain.el.parameters;
    plain.remove();
    for (const [name, value] of garbage) {
      const m = await mount<GdNetwork>('gd-network', { [name]: value });
      expectNotedOnce(m, name, value, expect);
      const text = shadow(m.el).querySelector('[part="notes"]')!.textContent!;
      expect(text, `${name}="${value}"`).to.contain(`${name}="`);
      expect(shown(m.el), `${name}="${value}" falls back to the default`).to.equal(expected);
      expect(m.el.parameters, `${name}="${value}"`).to.deep.equal(expectedParameters);
      expect(shadow(m.el).textContent, `${name}="${value}"`).to.not.match(/NaN|Infinity|undefined/);
      m.remove();
    }
  });

  it('has no accessibility violations, at rest and in the backward pass, in English and (dark) in Spanish', async () => {
    const el = await fixture<GdNetwork>('<gd-network lang="en"></gd-network>');
    expect(await accessibilityViolations(el)).to.deep.equal([]);
    await phases(el, 3);
    expect(el.phase).to.equal('backward');
    expect(await accessibilityViolations(el)).to.deep.equal([]);
    // In Spanish, where the table's buttons read "n.º 14": each names itself with its visible text.
    const es = await fixture<GdNetwork>('<gd-network lang="es" theme="dark"></gd-network>');
    await phases(es, 3);
    expect(await accessibilityViolations(es)).to.deep.equal([]);
  });
});

/** The name the table gives parameter q (its row's title), as the element words it. */
function nameOf(spec: { sizes: readonly number[] }, q: number): string {
  const s = spec.sizes;
  let o = q;
  for (let l = 1; l < s.length; l++) {
    const weights = s[l] * s[l - 1];
    if (o < weights) return `weight from unit ${(o % s[l - 1]) + 1} of layer ${l - 1} to unit ${Math.floor(o / s[l - 1]) + 1} of layer ${l}`;
    o -= weights;
    if (o < s[l]) return `bias of unit ${o + 1} of layer ${l}`;
    o -= s[l];
  }
  throw new RangeError(`no parameter ${q}`);
}
