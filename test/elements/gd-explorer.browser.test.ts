/** <gd-explorer> in Chromium: drawing, input, the run, events, bad attributes, accessibility. */
import { expect } from 'chai';
import { Chart } from 'chart.js';
import '../../src/index.js';
import { createOptimizer, descend, getSurface, type GdExplorer } from '../../src/index.js';
import {
  accessibilityViolations,
  cleanup,
  distinctColours,
  eventOf,
  fixture,
  frames,
  GARBAGE,
  expectNotedOnce,
  mount,
  uncaughtDuring,
  warningsDuring,
} from './helpers.js';

const shadow = (el: GdExplorer) => el.shadowRoot!;
const plotCanvas = (el: GdExplorer) => shadow(el).querySelector<HTMLCanvasElement>('canvas.plot')!;
const chartCanvas = (el: GdExplorer) => shadow(el).querySelector<HTMLCanvasElement>('canvas.chart')!;
const button = (el: GdExplorer, text: string) =>
  [...shadow(el).querySelectorAll('button')].find((b) => b.textContent!.trim() === text)!;
const notes = (el: GdExplorer) => [...shadow(el).querySelectorAll('.notes li')].map((li) => li.textContent!.trim());
const readout = (el: GdExplorer, label: string) => {
  const dt = [...shadow(el).querySelectorAll('.readouts dt')].find((d) => d.textContent!.trim() === label);
  return dt?.nextElementSibling?.textContent?.trim() ?? '';
};

describe('gd-explorer', () => {
  afterEach(cleanup);

  it('upgrades, hides its fallback and draws a non-blank plot and chart', async () => {
    const el = await fixture<GdExplorer>('<gd-explorer surface="himmelblau"><p>Needs JavaScript</p></gd-explorer>');
    expect(customElements.get('gd-explorer')).to.exist;
    expect(el.shadowRoot).to.exist;
    expect(el.querySelector('p')!.getClientRects().length, 'fallback not rendered').to.equal(0);
    expect(distinctColours(plotCanvas(el))).to.be.greaterThan(200);
    el.step();
    el.step();
    await frames(2);
    expect(distinctColours(chartCanvas(el))).to.be.greaterThan(3);
    expect(shadow(el).querySelector('.formula .katex')).to.exist;
  });

  it('follows the core: the path it plays is descend on the same settings', async () => {
    const el = await fixture<GdExplorer>(
      '<gd-explorer surface="rosenbrock" optimizer="nesterov" lr="0.0015" beta="0.85" start="-1.2,1" steps="40"></gd-explorer>',
    );
    const run = descend(getSurface('rosenbrock'), createOptimizer('nesterov', { lr: 0.0015, beta: 0.85 }), [-1.2, 1], {
      steps: 40,
      tolerance: 1e-5,
    });
    for (let k = 1; k <= 40; k++) {
      el.step();
      expect(el.iteration).to.equal(k);
      expect(el.position).to.deep.equal([run.path[k][0], run.path[k][1]]);
      expect(el.value).to.equal(run.values[k]);
    }
    expect(el.status).to.equal('max-steps');
  });

  it('step() emits gd-step with the new point, and play() runs to gd-stop', async () => {
    const el = await fixture<GdExplorer>('<gd-explorer surface="bowl" lr="0.25" start="2,1" speed="240"></gd-explorer>');
    expect(el.status).to.equal('ready');
    const stepped = eventOf<{ iteration: number; position: [number, number] }>(el, 'gd-step');
    el.step();
    const e = await stepped;
    expect(e.detail.iteration).to.equal(1);
    expect(e.detail.position).to.deep.equal([1, 0.5]);
    expect(e.bubbles && e.composed).to.equal(true);
    expect(el.status).to.equal('paused');

    let steps = 0;
    el.addEventListener('gd-step', () => steps++);
    const stopped = eventOf<{ reason: string; iteration: number }>(el, 'gd-stop');
    el.play();
    await el.updateComplete;
    expect(el.status).to.equal('running');
    const stop = await stopped;
    // gd with lr 0.25 halves the bowl's point each step: |grad| = 2 sqrt(5) / 2^k < 1e-5 first at k = 19.
    expect(stop.detail.reason).to.equal('converged');
    expect(stop.detail.iteration).to.equal(19);
    expect(steps).to.equal(18);
    await el.updateComplete;
    expect(el.status).to.equal('converged');
    expect(readout(el, 'Status')).to.equal('Converged');
    expect(shadow(el).querySelector('[role="status"]')!.textContent).to.match(/Converged after 19 steps/);
  });

  it('reaches and shows each stop reason in words, never NaN', async () => {
    const cases = [
      { attrs: 'surface="bowl" lr="1.5" start="1,0"', status: 'diverged', words: /Diverged after 10 steps/, shown: 'Diverged' },
      { attrs: 'surface="rosenbrock" steps="5"', status: 'max-steps', words: /limit of 5 steps/, shown: 'Step limit reached' },
      { attrs: 'surface="booth" optimizer="momentum" lr="0.02"', status: 'converged', words: /Converged/, shown: 'Converged' },
    ];
    for (const c of cases) {
      const el = await fixture<GdExplorer>(`<gd-explorer ${c.attrs} speed="10000"></gd-explorer>`);
      const stopped = eventOf<{ reason: string }>(el, 'gd-stop');
      el.play();
      expect((await stopped).detail.reason).to.equal(c.status);
      await el.updateComplete;
      expect(el.status).to.equal(c.status);
      expect(readout(el, 'Status')).to.equal(c.shown);
      expect(shadow(el).querySelector('[role="status"]')!.textContent).to.match(c.words);
      expect(shadow(el).textContent).not.to.match(/NaN|Infinity/);
      cleanup();
    }
  });

  it('a click on the map sets the start point and starts a new run', async () => {
    const el = await fixture<GdExplorer>('<gd-explorer surface="bowl"></gd-explorer>');
    el.step();
    const canvas = plotCanvas(el);
    const box = canvas.getBoundingClientRect();
    // The centre of the plot area is near (0, 0); click a quarter of the way in from the top left.
    const x = box.left + box.width * 0.3;
    const y = box.top + box.height * 0.3;
    canvas.dispatchEvent(new PointerEvent('pointerdown', { clientX: x, clientY: y, bubbles: true, isPrimary: true, pointerId: 1, pointerType: 'mouse', button: 0 }));
    canvas.dispatchEvent(new PointerEvent('pointerup', { clientX: x, clientY: y, bubbles: true, isPrimary: true, pointerId: 1, pointerType: 'mouse', button: 0 }));
    await el.updateComplete;
    expect(el.iteration).to.equal(0);
    const [sx, sy] = el.position;
    expect(sx).to.be.lessThan(-0.5);
    expect(sy).to.be.greaterThan(0.5);
    expect(el.getAttribute('start')).to.equal(null); // the author's markup is left alone
    expect(shadow(el).querySelector('[role="status"]')!.textContent).to.match(/Start point moved to/);
  });

  it('works from the keyboard: arrows move the start, Space plays and pauses', async () => {
    const el = await fixture<GdExplorer>('<gd-explorer surface="bowl" start="1,1" speed="5"></gd-explorer>');
    const canvas = plotCanvas(el);
    canvas.focus();
    expect(shadow(el).activeElement).to.equal(canvas);
    canvas.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    await el.updateComplete;
    expect(el.position[0]).to.be.closeTo(1 + 6 / 40, 1e-9);
    canvas.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowUp', shiftKey: true, bubbles: true }));
    await el.updateComplete;
    expect(el.position[1]).to.be.closeTo(1 + 6 / 8, 1e-9);
    canvas.dispatchEvent(new KeyboardEvent('keydown', { key: ' ', bubbles: true }));
    await el.updateComplete;
    expect(el.status).to.equal('running');
    canvas.dispatchEvent(new KeyboardEvent('keydown', { key: ' ', bubbles: true }));
    await el.updateComplete;
    expect(el.status).to.not.equal('running');
    // The buttons are real buttons: Tab reaches them and they name themselves.
    expect(button(el, 'Step')).to.be.instanceOf(HTMLButtonElement);
  });

  it('a control change recomputes at once: the learning-rate slider and the optimizer select', async () => {
    const el = await fixture<GdExplorer>('<gd-explorer surface="ravine" lr="0.01" start="-3,1"></gd-explorer>');
    el.step();
    const slider = shadow(el).querySelector<HTMLInputElement>('input#lr')!;
    slider.value = '800';
    slider.dispatchEvent(new Event('input', { bubbles: true }));
    await el.updateComplete;
    // The reader's place is kept: iteration 1 of the new run, from the same start.
    expect(el.iteration).to.equal(1);
    const lr = +(1e-5 * 1e6 ** 0.8).toPrecision(3); // 0.631
    expect(el.position[0]).to.be.closeTo(-3 - lr * -3, 1e-12);
    expect(el.lr).to.equal(0.01); // the author's attribute is left alone
    el.reset();
    await el.updateComplete;
    slider.value = '800';
    slider.dispatchEvent(new Event('input', { bubbles: true }));
    await el.updateComplete;
    const select = [...shadow(el).querySelectorAll('select')].find((s) => s.querySelector('option[value="adam"]'))!;
    select.value = 'adam';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await el.updateComplete;
    el.step();
    // Adam's first step moves each coordinate by about lr.
    expect(el.position[0]).to.be.closeTo(-3 + 0.631, 1e-3);
  });

  it('every hyperparameter has a control: adam\'s betas, rmsprop\'s decay, steps, tolerance, clip', async () => {
    const el = await fixture<GdExplorer>('<gd-explorer surface="bowl" optimizer="adam" lr="0.1" start="2,2"></gd-explorer>');
    const input = (id: string) => shadow(el).querySelector<HTMLInputElement>(`input#${id}`)!;
    const set = async (id: string, value: string, event = 'input') => {
      input(id).value = value;
      input(id).dispatchEvent(new Event(event, { bubbles: true }));
      await el.updateComplete;
    };
    await set('beta1', '0.5');
    await set('beta2', '0.9');
    expect([el.beta1, el.beta2]).to.deep.equal([undefined, undefined]); // the reader's, not the author's
    await set('steps', '3', 'change');
    await set('clip', '0.5', 'change');
    await set('eps', '0.001', 'change');
    el.play();
    await eventOf(el, 'gd-stop');
    const run = descend(getSurface('bowl'), createOptimizer('adam', { lr: 0.1, beta1: 0.5, beta2: 0.9, clip: 0.5, eps: 0.001 }), [2, 2], {
      steps: 3,
      tolerance: 1e-5,
    });
    expect(el.iteration).to.equal(3);
    expect(el.position).to.deep.equal([run.path[3][0], run.path[3][1]]);
    el.optimizer = 'rmsprop';
    await el.updateComplete;
    expect(shadow(el).querySelector('label[for="beta"]')!.textContent).to.match(/Decay/);
    expect(input('beta1')).to.equal(null);
  });

  it('shows both f and the gradient norm where their log curves coincide (the bowl)', async () => {
    // On the bowl log f and log ‖∇f‖ fall in parallel, and each axis fits its own curve:
    // the two lines land on the same pixels. The dashed ‖∇f‖ is drawn in front, so both
    // colours show.
    const el = await fixture<GdExplorer>('<gd-explorer surface="bowl" lr="0.1" start="2.4,-1.8"></gd-explorer>');
    for (let k = 0; k < 6; k++) el.step();
    await el.updateComplete;
    await frames(2);
    const canvas = chartCanvas(el);
    const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    const near = ([r, g, b]: number[]) => {
      let count = 0;
      for (let i = 0; i < data.length; i += 4) {
        if (Math.abs(data[i] - r) + Math.abs(data[i + 1] - g) + Math.abs(data[i + 2] - b) < 60) count++;
      }
      return count;
    };
    const colour = (name: string) => {
      const probe = document.createElement('span');
      probe.style.color = getComputedStyle(el).getPropertyValue(name);
      document.body.append(probe);
      const rgb = getComputedStyle(probe).color.match(/\d+/g)!.slice(0, 3).map(Number);
      probe.remove();
      return rgb;
    };
    const gradient = near(colour('--gd-gradient'));
    const f = near(colour('--gd-accent'));
    expect(f, 'f pixels').to.be.greaterThan(100);
    // f in front hid most of the dashed line (83 of its pixels against f's 320).
    expect(gradient, `‖∇f‖ pixels against f's ${f}`).to.be.greaterThan(0.5 * f);
  });

  it('Reset restores the settings the attributes give, and iteration 0', async () => {
    const el = await fixture<GdExplorer>('<gd-explorer surface="bowl" lr="0.1" start="2,1"></gd-explorer>');
    const input = (id: string) => shadow(el).querySelector<HTMLInputElement>(`input#${id}`)!;
    const optimizerSelect = () => [...shadow(el).querySelectorAll('select')].find((s) => s.querySelector('option[value="adam"]'))!;
    el.step();
    input('lr').value = '900';
    input('lr').dispatchEvent(new Event('input', { bubbles: true }));
    await el.updateComplete;
    optimizerSelect().value = 'momentum';
    optimizerSelect().dispatchEvent(new Event('change', { bubbles: true }));
    await el.updateComplete;
    plotCanvas(el).dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    await el.updateComplete;
    expect(shadow(el).querySelector('.subtitle')!.textContent).to.not.match(/η = 0\.1$/);
    button(el, 'Reset').click();
    await el.updateComplete;
    expect(el.iteration).to.equal(0);
    expect(el.position).to.deep.equal([2, 1]);
    expect(shadow(el).querySelector('.subtitle')!.textContent).to.equal('Gradient descent · η = 0.1');
    expect(optimizerSelect().value).to.equal('gd');
    expect(input('lr').value).to.equal(String(Math.round(((Math.log10(0.1) + 5) / 6) * 1000)));
    expect(button(el, 'Reset').disabled).to.equal(true);
    el.step();
    expect(el.position).to.deep.equal([2 - 0.1 * 4, 1 - 0.1 * 2]);
    // A script's change of an attribute is the author's: Reset keeps it.
    el.setAttribute('lr', '0.2');
    await el.updateComplete;
    input('lr').value = '100';
    input('lr').dispatchEvent(new Event('input', { bubbles: true }));
    await el.updateComplete;
    el.reset();
    await el.updateComplete;
    expect(shadow(el).querySelector('.subtitle')!.textContent).to.equal('Gradient descent · η = 0.2');
  });

  it('a setting changed while paused or playing keeps the iteration shown, and playing goes on', async () => {
    const el = await fixture<GdExplorer>('<gd-explorer surface="bowl" lr="0.01" start="2,1" speed="30"></gd-explorer>');
    for (let i = 0; i < 5; i++) el.step();
    const select = [...shadow(el).querySelectorAll('select')].find((s) => s.querySelector('option[value="adam"]'))!;
    select.value = 'momentum';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await el.updateComplete;
    const momentum = descend(getSurface('bowl'), createOptimizer('momentum', { lr: 0.01 }), [2, 1], { steps: 1000, tolerance: 1e-5 });
    expect(el.iteration).to.equal(5);
    expect(el.position).to.deep.equal([momentum.path[5][0], momentum.path[5][1]]);
    expect(el.status).to.equal('paused');
    // Fewer steps than the iteration shown: the new run's last one.
    const steps = shadow(el).querySelector<HTMLInputElement>('input#steps')!;
    steps.value = '3';
    steps.dispatchEvent(new Event('change', { bubbles: true }));
    await el.updateComplete;
    expect(el.iteration).to.equal(3);
    expect(el.status).to.equal('max-steps');
    steps.value = '1000';
    steps.dispatchEvent(new Event('change', { bubbles: true }));
    await el.updateComplete;
    el.play();
    await frames(6);
    const before = el.iteration;
    expect(before).to.be.greaterThan(3);
    const slider = shadow(el).querySelector<HTMLInputElement>('input#lr')!;
    slider.value = '500';
    slider.dispatchEvent(new Event('input', { bubbles: true }));
    await el.updateComplete;
    expect(el.iteration).to.be.at.least(before);
    expect(el.status).to.equal('running');
    el.pause();
    const lr = +(1e-5 * 1e6 ** 0.5).toPrecision(3);
    const run = descend(getSurface('bowl'), createOptimizer('momentum', { lr }), [2, 1], { steps: 1000, tolerance: 1e-5 });
    const k = el.iteration;
    expect(el.position[0]).to.be.closeTo(run.path[k][0], 1e-9);
    expect(el.position[1]).to.be.closeTo(run.path[k][1], 1e-9);
  });

  it('the formula shows the update that led to the point shown: after a step the one just made, after play the last', async () => {
    const el = await fixture<GdExplorer>('<gd-explorer surface="bowl" lr="0.25" start="2,1" speed="10000"></gd-explorer>');
    const text = () => shadow(el).querySelector('.formula')!.textContent!.replace(/[\s\u200b]/g, '');
    // At the start, the first update, about to be made: x_1 = x_0 - 0.25 g_0 = (1, 0.5).
    expect(text()).to.match(/^x1=/);
    el.step();
    el.step();
    await el.updateComplete;
    // Two steps made: x_2 = (1.00, 0.500) - 0.25 (2.00, 1.00) = (0.500, 0.250).
    expect(text()).to.match(/^x2=/);
    expect(text()).to.include('0.250');
    const stopped = eventOf(el, 'gd-stop');
    el.play();
    await stopped;
    await el.updateComplete;
    expect(text()).to.match(new RegExp(`^x${el.iteration}=`));
  });

  it('while playing, the formula re-renders at most four times a second; paused, it shows the numbers of the point shown at once', async () => {
    const el = await fixture<GdExplorer>('<gd-explorer surface="rosenbrock" lr="0.001" start="-1.2,1" steps="5000" speed="60"></gd-explorer>');
    const box = shadow(el).querySelector('.formula')!;
    // A clock of our own: 1/60 s per animation frame however slow this machine is, and
    // the throttle's trailing timers held, so what is counted is the throttle, not speed.
    const now = performance.now;
    const { setTimeout: realSetTimeout, clearTimeout: realClearTimeout } = window;
    let clock = now.call(performance);
    performance.now = () => clock;
    window.setTimeout = ((fn: TimerHandler, ms?: number, ...rest: unknown[]) => (ms ? -1 : realSetTimeout(fn, ms, ...rest))) as typeof setTimeout;
    window.clearTimeout = ((id?: number) => (id === -1 ? undefined : realClearTimeout(id))) as typeof clearTimeout;
    let renders = 0;
    let numbersShown = 0;
    try {
      el.play();
      let shown = box.firstElementChild;
      let iteration = el.iteration;
      for (let frame = 0; frame < 30; frame++) {
        await frames(1);
        clock += 1000 / 60;
        if (box.firstElementChild !== shown) renders++;
        if (el.iteration !== iteration) numbersShown++;
        shown = box.firstElementChild;
        iteration = el.iteration;
      }
    } finally {
      performance.now = now;
      window.setTimeout = realSetTimeout;
      window.clearTimeout = realClearTimeout;
    }
    el.pause();
    await el.updateComplete;
    // Half a second of play: new numbers on most frames, KaTeX at most every 250 ms.
    expect(numbersShown, 'the run moves on most frames').to.be.at.least(10);
    expect(renders, `formula renders over ${numbersShown} frames with new numbers`).to.be.within(1, 3);
    expect(box.textContent!.replace(/[\s\u200b]/g, '')).to.match(new RegExp(`^x${el.iteration}=`));
  });

  it('draws the true next step, x_k to x_(k+1), and cuts it at the edge with a mark when it leaves the plot', async () => {
    type Plot = { toCanvas(x: number, y: number): [number, number] };
    const gradientColour = (el: GdExplorer) => {
      const probe = document.createElement('span');
      probe.style.color = getComputedStyle(el).getPropertyValue('--gd-gradient');
      document.body.append(probe);
      const rgb = getComputedStyle(probe).color.match(/\d+/g)!.slice(0, 3).map(Number);
      probe.remove();
      return rgb;
    };
    /** True when a pixel within 1 px of (x, y) has colour c. */
    const near = (el: GdExplorer, [x, y]: [number, number], c: number[]) => {
      const dpr = window.devicePixelRatio || 1;
      const data = plotCanvas(el).getContext('2d')!.getImageData(Math.round(x * dpr) - 1, Math.round(y * dpr) - 1, 3, 3).data;
      for (let i = 0; i < data.length; i += 4) if (Math.hypot(data[i] - c[0], data[i + 1] - c[1], data[i + 2] - c[2]) < 40) return true;
      return false;
    };
    const along = (a: number[], b: number[], f: number): [number, number] => [a[0] + f * (b[0] - a[0]), a[1] + f * (b[1] - a[1])];
    // gd on the bowl at lr 0.9 from (2, 1): x_1 = x_0 - 0.9 * 2 x_0 = (-1.6, -0.8), far more than 90 px away.
    const el = await fixture<GdExplorer>('<gd-explorer surface="bowl" lr="0.9" start="2,1"></gd-explorer>');
    await frames(1);
    const plot = (el as unknown as { plot: Plot }).plot;
    const colour = gradientColour(el);
    const from = plot.toCanvas(2, 1);
    const tip = plot.toCanvas(-1.6, -0.8);
    expect(Math.hypot(tip[0] - from[0], tip[1] - from[1])).to.be.greaterThan(150);
    expect(near(el, along(from, tip, 0.85), colour), 'the shaft reaches 85% of the step').to.equal(true);
    expect(near(el, along(from, tip, 0.98), colour), 'the head is at x_1').to.equal(true);
    const onKey = shadow(el).querySelector('.plot-key')!;
    expect(getComputedStyle(onKey.querySelector('.off-plot')!).visibility, 'no » mark in the key').to.equal('hidden');
    expect(shadow(el).querySelector('#step-note')!.textContent).to.equal('');
    const keyHeight = onKey.getBoundingClientRect().height;
    cleanup();
    // At lr 1.4: x_1 = (-3.6, -1.8), off the bowl's [-3, 3]: cut at the left edge, marked and said.
    const off = await fixture<GdExplorer>('<gd-explorer surface="bowl" lr="1.4" start="2,1"></gd-explorer>');
    await frames(1);
    const offPlot = (off as unknown as { plot: Plot }).plot;
    const a = offPlot.toCanvas(2, 1);
    const edge = offPlot.toCanvas(-2.9, -1.45); // on the step, just inside the edge
    expect(near(off, along(a, edge, 0.9), gradientColour(off))).to.equal(true);
    const offKey = shadow(off).querySelector('.plot-key')!;
    expect(offKey.querySelector('.off-plot')!.textContent).to.match(/off the plot/);
    expect(getComputedStyle(offKey.querySelector('.off-plot')!).visibility).to.equal('visible');
    // The entry kept its place: the key (and the page below it) did not move when it showed.
    expect(offKey.getBoundingClientRect().height).to.equal(keyHeight);
    expect(shadow(off).querySelector('#step-note')!.textContent).to.equal('The next step lands off the plot, at (\u22123.60, \u22121.80).');
    expect(plotCanvas(off).getAttribute('aria-describedby')).to.include('step-note');
  });

  it('pauses while scrolled off screen and goes on when back', async () => {
    const el = await fixture<GdExplorer>('<gd-explorer surface="rosenbrock" speed="120"></gd-explorer>');
    el.play();
    await frames(4);
    const spacer = document.createElement('div');
    spacer.style.height = '5000px';
    el.parentElement!.prepend(spacer);
    await frames(6); // the observer reports the change
    const at = el.iteration;
    await frames(10);
    expect(el.iteration).to.equal(at);
    expect(el.status).to.equal('running'); // still playing, just not drawing frames
    spacer.remove();
    await frames(10);
    expect(el.iteration).to.be.greaterThan(at);
    el.pause();
  });

  it('an expression is parsed, drawn and run; a bad one shows the parser\'s message and position', async () => {
    const good = await fixture<GdExplorer>('<gd-explorer expression="x^2 + 10y^2" lr="0.04" start="2,1"></gd-explorer>');
    good.step();
    expect(good.position).to.deep.equal([2 - 0.04 * 4, 1 - 0.04 * 20]);
    expect(notes(good)).to.deep.equal([]);
    cleanup();
    const errors = await uncaughtDuring(async () => {
      const warnings = await warningsDuring(async () => {
        const bad = await fixture<GdExplorer>('<gd-explorer expression="x^^2"></gd-explorer>');
        expect(notes(bad)[0]).to.match(/The expression cannot be read: .*at 2/);
        expect(shadow(bad).querySelector('.expression-error')!.textContent).to.equal('x^^2\n  ^');
        expect(bad.status).to.equal('ready');
        expect(distinctColours(plotCanvas(bad))).to.be.greaterThan(200); // the default surface instead
      });
      expect(warnings).to.have.length(1);
    });
    expect(errors).to.deep.equal([]);
  });

  // One test per attribute, each value of GARBAGE in turn.
  for (const name of ['lr', 'beta', 'beta1', 'beta2', 'eps', 'clip', 'steps', 'tolerance', 'speed', 'start', 'domain', 'surface', 'optimizer']) {
    it(`garbage in ${name}: no uncaught error, the default, a note and one warning`, async () => {
      for (const value of GARBAGE) {
        // domain is read only with an expression.
        const m = await mount<GdExplorer>('gd-explorer', name === 'domain' ? { [name]: value, expression: 'x^2 + y^2' } : { [name]: value });
        expectNotedOnce(m, name, value, expect);
        // What the figure shows (the note may quote the garbage itself).
        const shown = ['.title', '.readouts', '.formula', '.toolbar', '.settings'].map((sel) => shadow(m.el).querySelector(sel)?.textContent ?? '').join(' ');
        expect(shown, `${name}="${value}"`).not.to.match(/NaN|Infinity|undefined/);
        expect(m.el.status).to.equal('ready');
        m.remove();
      }
    });
  }

  it('speaks Spanish under lang="es" and follows an ancestor\'s lang', async () => {
    const el = await fixture<GdExplorer>('<gd-explorer lang="es" surface="saddle"></gd-explorer>');
    expect(button(el, 'Reproducir')).to.exist;
    expect(button(el, 'Paso')).to.exist;
    expect(shadow(el).querySelector('h2')!.textContent).to.equal('Silla de montar');
    el.removeAttribute('lang');
    el.parentElement!.setAttribute('lang', 'es-MX');
    await frames(2);
    await el.updateComplete;
    expect(button(el, 'Reproducir')).to.exist;
    el.parentElement!.setAttribute('lang', 'en');
    await frames(2);
    await el.updateComplete;
    expect(button(el, 'Play')).to.exist;
  });

  it('has no accessibility violations, in light and in dark', async () => {
    const el = await fixture<GdExplorer>('<gd-explorer surface="rosenbrock"></gd-explorer>');
    expect(await accessibilityViolations(el)).to.deep.equal([]);
    el.theme = 'dark';
    el.step();
    await el.updateComplete;
    expect(await accessibilityViolations(el)).to.deep.equal([]);
  });

  it('goes dark with the page: a data-theme or dark class on <html> that paints the page dark', async () => {
    const style = document.createElement('style');
    style.textContent = 'html[data-theme="dark"], html.dark { background: #15171b; }';
    document.head.append(style);
    try {
      const el = await fixture<GdExplorer>('<gd-explorer surface="bowl"></gd-explorer>');
      const bg = () => getComputedStyle(shadow(el).querySelector('.frame')!).backgroundColor;
      const light = bg();
      document.documentElement.setAttribute('data-theme', 'dark');
      await frames(2);
      await el.updateComplete;
      const dark = bg();
      document.documentElement.removeAttribute('data-theme');
      expect(dark).to.not.equal(light);
      document.documentElement.classList.add('dark');
      await frames(2);
      await el.updateComplete;
      expect(bg()).to.equal(dark);
      document.documentElement.classList.remove('dark');
      // The word alone, on a page that still shows white, leaves the figure light.
      style.remove();
      document.documentElement.setAttribute('data-theme', 'dark');
      await frames(2);
      await el.updateComplete;
      expect(bg()).to.equal(light);
    } finally {
      style.remove();
      document.documentElement.removeAttribute('data-theme');
      document.documentElement.classList.remove('dark');
    }
  });

  it('keeps a note about a bad domain when another setting changes the run', async () => {
    const el = await fixture<GdExplorer>('<gd-explorer lang="en" expression="x^2 + y^2" domain="3,1,0,1"></gd-explorer>');
    const about = () => notes(el).filter((n) => n.includes('domain='));
    expect(about(), 'noted').to.have.length(1);
    el.setAttribute('speed', '5'); // the same objective and runs
    await el.updateComplete;
    expect(about(), 'after speed').to.have.length(1);
    el.setAttribute('lr', '0.02'); // new runs on the same objective
    await el.updateComplete;
    expect(about(), 'after lr').to.have.length(1);
  });

  it('copies the shortcode that reproduces what the reader sees', async () => {
    // The copy tools are for authors: they show with `authoring`, which is not copied.
    const el = await fixture<GdExplorer>('<gd-explorer surface="beale" optimizer="adam" lr="0.05" start="1,1" authoring></gd-explorer>');
    let copied = '';
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async (t: string) => void (copied = t) } });
    button(el, 'Copy shortcode').click();
    await frames(1);
    expect(copied).to.equal('{{< gd-explorer surface="beale" optimizer="adam" lr="0.05" start="1,1" >}}');
    await el.updateComplete;
    expect(button(el, 'Copied')).to.exist;
    button(el, 'Copy HTML').click();
    await frames(1);
    expect(copied).to.equal('<gd-explorer surface="beale" optimizer="adam" lr="0.05" start="1,1"></gd-explorer>');
  });

  it('copies the rule\'s own settings the reader changed, eps among them, and no other rule\'s', async () => {
    const el = await fixture<GdExplorer>('<gd-explorer surface="beale" optimizer="adam" lr="0.05" start="1,1" beta="0.5" authoring></gd-explorer>');
    let copied = '';
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async (t: string) => void (copied = t) } });
    const eps = el.shadowRoot!.querySelector<HTMLInputElement>('input#eps')!;
    eps.value = '0.001';
    eps.dispatchEvent(new Event('change', { bubbles: true }));
    await el.updateComplete;
    button(el, 'Copy shortcode').click();
    await frames(1);
    // beta is momentum's and RMSprop's, not Adam's: not copied.
    expect(copied).to.equal('{{< gd-explorer surface="beale" optimizer="adam" lr="0.05" eps="0.001" start="1,1" >}}');
  });

  it('disconnecting stops the animation and destroys the chart', async () => {
    const before = Object.keys(Chart.instances).length;
    const el = await fixture<GdExplorer>('<gd-explorer surface="rosenbrock" speed="60"></gd-explorer>');
    expect(Object.keys(Chart.instances).length).to.equal(before + 1);
    el.play();
    await frames(5);
    expect(el.iteration).to.be.greaterThan(0);
    el.remove();
    const at = el.iteration;
    await frames(10);
    expect(el.iteration).to.equal(at);
    expect(el.status).to.not.equal('running');
    expect(Object.keys(Chart.instances).length).to.equal(before);
  });

  it('does not autoplay under prefers-reduced-motion, and does otherwise', async () => {
    const original = window.matchMedia;
    // The reader's system asks for reduced motion; every other query answers as before.
    window.matchMedia = ((q: string) =>
      q.includes('reduced-motion')
        ? { matches: true, media: q, addEventListener() {}, removeEventListener() {} }
        : original.call(window, q)) as typeof window.matchMedia;
    try {
      const still = await fixture<GdExplorer>('<gd-explorer surface="bowl" autoplay></gd-explorer>');
      await frames(5);
      expect(still.status).to.equal('ready');
    } finally {
      window.matchMedia = original;
    }
    cleanup(); // the next figure must be on screen: animation pauses off screen
    const moving = await fixture<GdExplorer>('<gd-explorer surface="bowl" autoplay speed="120"></gd-explorer>');
    await frames(5);
    expect(moving.iteration).to.be.greaterThan(0);
  });
});
