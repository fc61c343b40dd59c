/** <gd-momentum-race> in Chromium: lanes against the core, the default race, divergence, look-ahead, bad input. */
import { expect } from 'chai';
import '../../src/index.js';
import { createOptimizer, descend, getSurface, type GdMomentumRace } from '../../src/index.js';
import { accessibilityViolations, cleanup, distinctColours, eventOf, expectNotedOnce, fixture, frames, mount } from './helpers.js';

const shadow = (el: GdMomentumRace) => el.shadowRoot!;
const ravine = getSurface('ravine');
const run = (name: 'momentum' | 'nesterov' | 'gd' | 'adam', options: object, start = [-3.5, 1.5]) =>
  descend(ravine, createOptimizer(name, { lr: 0.05, beta: 0.9, ...options }), start, { steps: 1000, tolerance: 1e-5 });

async function finish(el: GdMomentumRace): Promise<void> {
  el.speed = 100000;
  const stopped = eventOf(el, 'gd-stop', 20000);
  el.play();
  await stopped;
  await el.updateComplete;
}

/** Pixels of the canvas within a small distance of a CSS colour. */
function pixelsOf(canvas: HTMLCanvasElement, css: string): number {
  const probe = document.createElement('canvas').getContext('2d')!;
  probe.fillStyle = css;
  probe.fillRect(0, 0, 1, 1);
  const [r, g, b] = probe.getImageData(0, 0, 1, 1).data;
  const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
  let n = 0;
  for (let i = 0; i < data.length; i += 4) if (Math.abs(data[i] - r) + Math.abs(data[i + 1] - g) + Math.abs(data[i + 2] - b) < 30) n++;
  return n;
}

describe('gd-momentum-race', () => {
  afterEach(cleanup);

  it('lanes with the same loss curve: the legend says so and the line is dashed on top', async () => {
    // Classical momentum with beta = 0 is gradient descent: v = -lr g, x <- x + v.
    const el = await fixture<GdMomentumRace>('<gd-momentum-race lang="en" optimizers="gd,momentum,nesterov" betas="0,0,0.9"></gd-momentum-race>');
    const legend = [...shadow(el).querySelectorAll('.legend li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
    expect(legend).to.deep.equal(['Gradient descent', 'Momentum (same curve as Gradient descent)', 'Nesterov']);
    const datasets = (el as unknown as { lossChart: { chart: { chart: { data: { datasets: { borderDash: number[] }[] } } } } }).lossChart.chart.chart.data.datasets;
    expect(datasets.map((d) => d.borderDash.length > 0)).to.deep.equal([false, true, false]);
  });

  it('a lane the later lanes hide on the map is drawn over them: classical momentum on the Rosenbrock race', async () => {
    const el = await fixture<GdMomentumRace>(
      '<gd-momentum-race optimizers="gd,momentum,nesterov,adam" surface="rosenbrock" lrs="0.001,0.001,0.001,0.05" steps="1500"></gd-momentum-race>',
      500,
    );
    for (let k = 0; k < 1500; k++) el.step();
    await el.updateComplete;
    expect(el.iteration).to.equal(1500);
    const canvas = shadow(el).querySelector<HTMLCanvasElement>('canvas.plot')!;
    const momentum = getComputedStyle(el).getPropertyValue('--gd-series-2').trim();
    const nesterov = getComputedStyle(el).getPropertyValue('--gd-series-3').trim();
    // Its path is about as long on the map as Nesterov's: both colours show comparably,
    // where before 96% of it lay under Nesterov's and Adam's lines.
    expect(pixelsOf(canvas, momentum)).to.be.greaterThan(0.4 * pixelsOf(canvas, nesterov));
  });

  it('races momentum against Nesterov by default, on the ravine, and Nesterov finishes first', async () => {
    const el = await fixture<GdMomentumRace>('<gd-momentum-race></gd-momentum-race>');
    expect(el.results.map((r) => r.optimizer)).to.deep.equal(['momentum', 'nesterov']);
    expect(el.results.every((r) => r.stop === null && r.iterations === 0)).to.equal(true);
    expect(distinctColours(shadow(el).querySelector<HTMLCanvasElement>('canvas.plot')!)).to.be.greaterThan(200);
    await finish(el);
    const [momentum, nesterov] = el.results;
    expect(momentum.stop).to.equal('converged');
    expect(nesterov.stop).to.equal('converged');
    expect(nesterov.iterations).to.be.lessThan(momentum.iterations);
    // Classical momentum swings across the valley: y changes sign many times; Nesterov's hardly.
    const flips = (r: ReturnType<typeof run>) => r.path.slice(1, 60).filter((p, k) => Math.sign(p[1]) !== Math.sign(r.path[k][1])).length;
    expect(flips(run('momentum', {}))).to.be.greaterThan(10);
    expect(flips(run('nesterov', {}))).to.be.lessThan(3);
    expect(shadow(el).querySelector('tr.winner td')!.textContent).to.equal('Nesterov');
    // Once a lane has finished, its rule shows its last update.
    const rules = [...shadow(el).querySelectorAll('.formula')].map((f) => f.textContent!.replace(/[\s\u200b]/g, ''));
    expect(rules[0]).to.include(`x${momentum.iterations}=`);
    expect(rules[1]).to.include(`x${nesterov.iterations}=`);
  });

  it('every lane follows the core: paths and finish iterations equal descend', async () => {
    const el = await fixture<GdMomentumRace>(
      '<gd-momentum-race optimizers="gd,momentum,nesterov,adam" lrs="0.05,0.03,0.04,0.2" beta="0.8"></gd-momentum-race>',
    );
    const expected = [run('gd', { lr: 0.05, beta: 0.8 }), run('momentum', { lr: 0.03, beta: 0.8 }), run('nesterov', { lr: 0.04, beta: 0.8 }), run('adam', { lr: 0.2 })];
    for (let k = 1; k <= 20; k++) el.step();
    await el.updateComplete;
    el.results.forEach((r, i) => {
      expect(r.iterations).to.equal(20);
      expect(r.value).to.equal(expected[i].values[20]);
    });
    await finish(el);
    el.results.forEach((r, i) => {
      expect(r.stop, r.optimizer).to.equal(expected[i].stop);
      expect(r.iterations, r.optimizer).to.equal(expected[i].path.length - 1);
    });
  });

  it('reports a lane that diverges while the others go on', async () => {
    const el = await fixture<GdMomentumRace>('<gd-momentum-race optimizers="gd,nesterov" lrs="0.11,0.05"></gd-momentum-race>');
    const gd = run('gd', { lr: 0.11 });
    expect(gd.stop).to.equal('diverged');
    const diverged = gd.path.length - 1;
    for (let k = 0; k < diverged + 5; k++) el.step();
    await el.updateComplete;
    const [first, second] = el.results;
    expect(first.stop).to.equal('diverged');
    expect(first.iterations).to.equal(diverged);
    expect(second.stop).to.equal(null);
    expect(second.iterations).to.equal(diverged + 5);
    expect(shadow(el).querySelector('tbody tr td:nth-child(3)')!.textContent).to.equal('Diverged');
    expect(shadow(el).textContent).not.to.match(/NaN|Infinity/);
  });

  it('puts the look-ahead where the formula says: x_k + beta v_k, with v_k = x_k - x_(k-1)', async () => {
    const el = await fixture<GdMomentumRace>('<gd-momentum-race></gd-momentum-race>');
    const nesterov = run('nesterov', {});
    for (let k = 0; k < 5; k++) el.step();
    await el.updateComplete;
    const [, ahead] = el.lookaheads;
    const [x, prev] = [nesterov.path[5], nesterov.path[4]];
    expect(ahead![0]).to.be.closeTo(x[0] + 0.9 * (x[0] - prev[0]), 1e-12);
    expect(ahead![1]).to.be.closeTo(x[1] + 0.9 * (x[1] - prev[1]), 1e-12);
    expect(el.lookaheads[0]).to.equal(null); // momentum has none
    const formulaText = shadow(el).querySelectorAll('.formula')[1].textContent!;
    expect(formulaText).to.include(ahead![0].toFixed(2).replace('-', '−'));
    el.showLookahead = 'false';
    await el.updateComplete;
    expect(shadow(el).querySelector('.mark.ring')).to.equal(null);
  });

  it("draws the step as its two terms: the velocity's beta v_k ends at the look-ahead, the gradient's from there at x_(k+1)", async () => {
    type Arrow = { from: ArrayLike<number>; vector: ArrayLike<number> };
    /** The arrows of the map's last scene. */
    const arrowsOf = async (el: GdMomentumRace): Promise<Arrow[]> => {
      const plot = (el as unknown as { plot: { draw(scene: { arrows?: Arrow[] }): void } }).plot;
      let arrows: Arrow[] = [];
      const draw = plot.draw.bind(plot);
      plot.draw = (scene) => {
        arrows = scene.arrows ?? [];
        draw(scene);
      };
      for (let k = 0; k < 5; k++) el.step();
      await el.updateComplete;
      await frames(3);
      return arrows;
    };
    // Nesterov: x_6 = x_5 + beta v_5 - lr grad f(x_5 + beta v_5), with v_5 = x_5 - x_4.
    const nesterov = run('nesterov', {});
    const el = await fixture<GdMomentumRace>('<gd-momentum-race optimizers="nesterov"></gd-momentum-race>');
    const [velocity, gradient] = await arrowsOf(el);
    const [x4, x5, x6] = [nesterov.path[4], nesterov.path[5], nesterov.path[6]];
    const ahead = el.lookaheads[0]!;
    for (const i of [0, 1]) {
      expect(velocity.from[i]).to.equal(x5[i]);
      expect(velocity.vector[i]).to.be.closeTo(0.9 * (x5[i] - x4[i]), 1e-12);
      expect(velocity.from[i] + velocity.vector[i]).to.be.closeTo(ahead[i], 1e-12);
      expect(gradient.from[i]).to.equal(ahead[i]);
      expect(gradient.from[i] + gradient.vector[i]).to.be.closeTo(x6[i], 1e-12);
    }
    cleanup();
    // The moving-average form: x_(k+1) - x_k = -lr v_(k+1), so its velocity term -lr beta v_k is beta (x_k - x_(k-1)) too.
    const ema = await fixture<GdMomentumRace>('<gd-momentum-race optimizers="momentum" ema lr="0.5" beta="0.9"></gd-momentum-race>');
    const [carried] = await arrowsOf(ema);
    const path = run('momentum', { lr: 0.5, ema: true }).path;
    for (const i of [0, 1]) expect(carried.vector[i]).to.be.closeTo(0.9 * (path[5][i] - path[4][i]), 1e-12);
  });

  it('a changed setting keeps the iteration shown; Reset brings back the attributes and iteration 0', async () => {
    const el = await fixture<GdMomentumRace>('<gd-momentum-race beta="0.8"></gd-momentum-race>');
    for (let k = 0; k < 6; k++) el.step();
    const slider = shadow(el).querySelector<HTMLInputElement>('input#beta')!;
    slider.value = '0.5';
    slider.dispatchEvent(new Event('input', { bubbles: true }));
    await el.updateComplete;
    expect(el.results.map((r) => r.iterations)).to.deep.equal([6, 6]);
    expect(el.results[1].value).to.equal(run('nesterov', { beta: 0.5 }).values[6]);
    const ema = shadow(el).querySelector<HTMLInputElement>('.settings input[type="checkbox"]')!;
    ema.click();
    await el.updateComplete;
    expect(shadow(el).querySelector('.effective')).to.exist;
    el.reset();
    await el.updateComplete;
    expect(el.results.map((r) => r.iterations)).to.deep.equal([0, 0]);
    expect(slider.value).to.equal('0.8');
    expect(ema.checked).to.equal(false);
    expect(shadow(el).querySelector('.effective')).to.equal(null);
    el.step();
    expect(el.results[1].value).to.equal(run('nesterov', { beta: 0.8 }).values[1]);
  });

  it('the moving-average form shows its effective step', async () => {
    const el = await fixture<GdMomentumRace>('<gd-momentum-race ema lr="0.5" beta="0.9"></gd-momentum-race>');
    expect(shadow(el).querySelector('.effective')!.textContent).to.match(/= 0\.05\./);
    // EMA momentum equals classical momentum with lr (1 - beta): the same path.
    await finish(el);
    const classical = run('momentum', { lr: 0.05 });
    expect(el.results[0].iterations).to.equal(classical.path.length - 1);
  });

  it('garbage attributes, an unknown optimizer in the list included: defaults, notes, one warning each', async () => {
    const cases: [string, string][] = [
      ['optimizers', 'momentum,sgd'],
      ['optimizers', ''],
      ['optimizers', '<b>x</b>'],
      ['lrs', '0.1'],
      ['lrs', 'abc,1'],
      ['betas', '2,0.5'],
      ['lr', '-1'],
      ['beta', '1e309'],
      ['start', 'NaN'],
      ['surface', 'banana'],
      ['steps', ''],
    ];
    for (const [name, value] of cases) {
      const m = await mount<GdMomentumRace>('gd-momentum-race', { [name]: value });
      expectNotedOnce(m, name, value, expect);
      expect(m.el.results.length).to.be.greaterThan(0);
      m.remove();
    }
    const partly = await fixture<GdMomentumRace>('<gd-momentum-race optimizers="momentum,sgd,nesterov"></gd-momentum-race>');
    expect(partly.results.map((r) => r.optimizer)).to.deep.equal(['momentum', 'nesterov']);
  });

  it('shows only the rules and controls of the lanes present, and copies what it shows', async () => {
    const el = await fixture<GdMomentumRace>('<gd-momentum-race optimizers="gd,momentum" ema lr="0.5" authoring></gd-momentum-race>');
    expect(shadow(el).querySelectorAll('.rules h3')).to.have.length(1);
    expect(shadow(el).textContent).not.to.match(/Show the look-ahead/);
    let copied = '';
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async (t: string) => void (copied = t) } });
    [...shadow(el).querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Copy shortcode')!.click();
    await el.updateComplete;
    expect(copied).to.match(/optimizers="gd,momentum"/);
    expect(copied).to.match(/ ema="true"/);
    cleanup();
    // Per-lane rates: each lane's rate in the table, no shared slider to move.
    const lanes = await fixture<GdMomentumRace>('<gd-momentum-race optimizers="momentum,adam" lrs="0.01,0.1"></gd-momentum-race>');
    expect([...shadow(lanes).querySelectorAll('.lane-rate')].map((e) => e.textContent)).to.deep.equal(['η = 0.01', 'η = 0.1']);
    expect(shadow(lanes).querySelector('input#lr')).to.equal(null);
  });

  it('speaks Spanish', async () => {
    const el = await fixture<GdMomentumRace>('<gd-momentum-race lang="es"></gd-momentum-race>');
    expect(shadow(el).textContent).to.match(/Momento clásico/);
    expect(shadow(el).textContent).to.match(/posición adelantada/);
  });

  it('has no accessibility violations, light and dark', async () => {
    const el = await fixture<GdMomentumRace>('<gd-momentum-race></gd-momentum-race>');
    el.step();
    await el.updateComplete;
    expect(await accessibilityViolations(el)).to.deep.equal([]);
    el.theme = 'dark';
    await el.updateComplete;
    expect(await accessibilityViolations(el)).to.deep.equal([]);
  });
});
