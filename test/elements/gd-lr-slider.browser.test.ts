/** <gd-lr-slider> in Chromium: the regimes, 1/L and 2/L, compare mode, the slider, bad input. */
import { expect } from 'chai';
import '../../src/index.js';
import { REGIMES, classifyRegime, createOptimizer, descend, parseCurve, type GdLrSlider } from '../../src/index.js';
import { GARBAGE, accessibilityViolations, cleanup, distinctColours, eventOf, expectNotedOnce, fixture, frames, mount, nextFrame } from './helpers.js';

const shadow = (el: GdLrSlider) => el.shadowRoot!;
const regimeText = (el: GdLrSlider) => [...shadow(el).querySelectorAll('.regime strong')].map((s) => s.textContent!.trim());
const notes = (el: GdLrSlider) => [...shadow(el).querySelectorAll('.notes li')].map((li) => li.textContent!.trim());

describe('gd-lr-slider', () => {
  afterEach(cleanup);

  it('labels the four regimes on x^2 from x = 2, in words and colour', async () => {
    const cases = [
      { lr: '0.01', regime: 'too-low', words: 'Too low', tone: 'warn' },
      { lr: '0.45', regime: 'just-right', words: 'Just right', tone: 'good' },
      { lr: '0.9', regime: 'too-high', words: 'Too high', tone: 'warn' },
      { lr: '1.5', regime: 'diverges', words: 'Diverges', tone: 'bad' },
    ];
    for (const c of cases) {
      const el = await fixture<GdLrSlider>(`<gd-lr-slider start="2" lr="${c.lr}"></gd-lr-slider>`);
      expect(el.regime, `lr ${c.lr}`).to.equal(c.regime);
      expect(regimeText(el)[0]).to.equal(`η = ${c.lr} · ${c.words}`);
      const box = shadow(el).querySelector('.regime')!;
      const tone = getComputedStyle(box).borderLeftColor;
      const expected = getComputedStyle(el).getPropertyValue(`--gd-${c.tone}`).trim();
      const probe = document.createElement('span');
      probe.style.color = expected;
      document.body.append(probe);
      expect(tone, `${c.lr} in ${c.tone}`).to.equal(getComputedStyle(probe).color);
      probe.remove();
      // The label comes from the run the core computes for the same settings.
      const run = descend(parseCurve('x^2'), createOptimizer('gd', { lr: Number(c.lr) }), [2], { steps: 50, tolerance: 1e-5 });
      expect(classifyRegime(run)).to.equal(c.regime);
      expect(el.iteration).to.equal(run.path.length - 1); // the whole run shows at once
      cleanup();
    }
  });

  it('marks 1/L and 2/L: 0.5 and 1 for x^2, 0.05 and 0.1 on the ravine, none on the saddle', async () => {
    const parabola = await fixture<GdLrSlider>('<gd-lr-slider></gd-lr-slider>');
    const c = parabola.criticalRates!;
    expect(c.optimal).to.be.closeTo(0.5, 1e-6);
    expect(c.limit).to.be.closeTo(1, 1e-6);
    const labels = [...shadow(parabola).querySelectorAll('.marks .mark-label')].map((t) => t.textContent);
    expect(labels).to.deep.equal(['1/L', '2/L']);
    cleanup();
    const ravine = await fixture<GdLrSlider>('<gd-lr-slider surface="ravine"></gd-lr-slider>');
    expect(ravine.criticalRates!.optimal).to.be.closeTo(0.05, 1e-6);
    expect(ravine.criticalRates!.limit).to.be.closeTo(0.1, 1e-6);
    cleanup();
    const saddle = await fixture<GdLrSlider>('<gd-lr-slider surface="saddle"></gd-lr-slider>');
    expect(saddle.criticalRates).to.equal(null);
    expect(shadow(saddle).querySelector('.marks')).to.equal(null);
  });

  it('the label agrees with 1/L and 2/L where the curvature is known', async () => {
    // x^2, L = 2: 2/L = 1. At 1.05 the factor is -1.1: 50 steps stay in the picture, but it diverges.
    const cases = [
      { attrs: 'start="2" lr="0.5"', regime: 'just-right', words: /Just right/, sentence: /Converged in 1 step / },
      { attrs: 'start="2" lr="1"', regime: 'oscillates', words: /Oscillates/, sentence: /for ever/ },
      { attrs: 'start="2" lr="1.05"', regime: 'diverges', words: /Diverges/, sentence: /1\.1 times the last.*leaves it after 60 steps/ },
      // The ravine, curvatures 1 and 20: 1/L = 0.05 settles y at once and crawls along x.
      { attrs: 'surface="ravine" lr="0.05"', regime: 'ill-conditioned', words: /No rate fits/, sentence: /5% of the distance.*condition number 20, no rate is just right/ },
      { attrs: 'surface="ravine" lr="0.1"', regime: 'oscillates', words: /Oscillates/, sentence: /2\/L/ },
      { attrs: 'surface="ravine" lr="0.09"', regime: 'too-high', words: /Too high/, sentence: /Between 1\/L and 2\/L/ },
    ];
    for (const c of cases) {
      const el = await fixture<GdLrSlider>(`<gd-lr-slider lang="en" ${c.attrs}></gd-lr-slider>`);
      expect(el.regime, c.attrs).to.equal(c.regime);
      expect(regimeText(el)[0], c.attrs).to.match(c.words);
      expect(shadow(el).querySelector('.regime span')!.textContent, c.attrs).to.match(c.sentence);
      cleanup();
    }
    // Why: the condition number under the track.
    const ravine = await fixture<GdLrSlider>('<gd-lr-slider lang="en" surface="ravine"></gd-lr-slider>');
    expect(ravine.criticalRates!.curvatures.map((v) => +v.toFixed(6))).to.deep.equal([1, 20]);
    expect(shadow(ravine).querySelector('.critical')!.textContent).to.match(/from 1 to 20 \(condition number 20\).*keeps 95%/);
    cleanup();
    // Spanish.
    const es = await fixture<GdLrSlider>('<gd-lr-slider lang="es" surface="ravine" lr="0.05"></gd-lr-slider>');
    expect(regimeText(es)[0]).to.equal('η = 0,05 · Ninguna tasa sirve');
    expect(shadow(es).querySelector('.regime span')!.textContent).to.match(/número de condición 20/);
  });

  it('without the theory (Nesterov), a longer run tells slow divergence from an oscillation', async () => {
    // Nesterov (beta 0.9) on x^2 is stable for lr L < 2 (1 + beta) / (1 + 2 beta) = 1.357,
    // lr < 0.679. At 0.69 the 50 steps shown still bounce inside the picture; run longer,
    // it leaves it at step 136. At 0.67 it bounces too, and the longer run converges.
    const slow = await fixture<GdLrSlider>('<gd-lr-slider lang="en" start="2" optimizer="nesterov" lr="0.69"></gd-lr-slider>');
    expect(slow.status).to.equal('max-steps');
    expect(slow.regime).to.equal('diverges');
    expect(shadow(slow).querySelector('.regime span')!.textContent).to.match(/overshoots a little further.*leaves it after 136 steps/);
    cleanup();
    const dying = await fixture<GdLrSlider>('<gd-lr-slider lang="en" start="2" optimizer="nesterov" lr="0.67"></gd-lr-slider>');
    expect(dying.regime).to.equal('too-high');
  });

  it('dragging the slider recomputes and redraws the whole run within one frame', async () => {
    const el = await fixture<GdLrSlider>('<gd-lr-slider start="2" lr="0.01"></gd-lr-slider>');
    const canvas = shadow(el).querySelector<HTMLCanvasElement>('canvas.plot')!;
    const before = canvas.toDataURL();
    const regimes: string[] = [];
    el.addEventListener('gd-regime', (e) => regimes.push((e as CustomEvent<{ regime: string }>).detail.regime));
    const slider = shadow(el).querySelector<HTMLInputElement>('input#lr')!;
    // Position p of 1000 on a log scale from 1e-5 to 10: lr = 1e-5 * 1e6^(p/1000); 0.9 is at p = 826.
    slider.value = '826';
    slider.dispatchEvent(new Event('input', { bubbles: true }));
    await nextFrame();
    expect(regimeText(el)[0]).to.match(/^η = 0\.9\d* · /);
    expect(el.lr).to.equal(0.01); // the author's attribute is left alone
    expect(el.regime).to.equal('too-high');
    expect(canvas.toDataURL()).to.not.equal(before);
    expect(regimeText(el)[0]).to.match(/Too high/);
    expect(regimes).to.include('too-high');
    // Typing the exact value works too.
    const box = shadow(el).querySelector<HTMLInputElement>('.slider-row input[inputmode="decimal"]')!;
    box.value = '0.45';
    box.dispatchEvent(new Event('change', { bubbles: true }));
    await nextFrame();
    expect(regimeText(el)[0]).to.equal('η = 0.45 · Just right');
    expect(el.regime).to.equal('just-right');
    // The whole new run shows, as the first did.
    const run = descend(parseCurve('x^2'), createOptimizer('gd', { lr: 0.45 }), [2], { steps: 50, tolerance: 1e-5 });
    expect(el.iteration).to.equal(run.path.length - 1);
    // Reset: the author's rate again, and iteration 0.
    shadow(el).querySelector<HTMLButtonElement>('.toolbar button:nth-child(3)')!.click();
    await el.updateComplete;
    expect(regimeText(el)[0]).to.equal('η = 0.01 · Too low');
    expect(el.iteration).to.equal(0);
  });

  it('on a curve the formula writes numbers as numbers, and shows the update that led to the point shown', async () => {
    const el = await fixture<GdLrSlider>('<gd-lr-slider start="2" lr="0.3" speed="10000"></gd-lr-slider>');
    const text = () => shadow(el).querySelector('.formula')!.textContent!.replace(/[\s\u200b]/g, '');
    // The whole run shows: its last update, x_k from x_(k-1).
    const k = el.iteration;
    expect(k).to.be.greaterThan(5);
    expect(text()).to.match(new RegExp(`^x${k}=`));
    el.reset();
    await el.updateComplete;
    // x_1 = 2.00 - 0.3 · 4.00 = 0.800: no matrices.
    expect(text()).to.equal('x1=2.00−0.3⋅4.00=0.800');
    el.step();
    el.step();
    await el.updateComplete;
    expect(text()).to.equal('x2=0.800−0.3⋅1.60=0.320');
  });

  it('a rate whose loss curve lies under another says so in the legend, and its line is dashed on top', async () => {
    // x_k = 2 (0.8)^k at 0.1 and 2 (-0.8)^k at 0.9: the same f = x^2 at every step.
    const el = await fixture<GdLrSlider>('<gd-lr-slider lang="en" start="2" compare="0.1,0.45,0.9,1.1"></gd-lr-slider>');
    const legend = [...shadow(el).querySelectorAll('.legend li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
    expect(legend).to.deep.equal(['η = 0.1', 'η = 0.45', 'η = 0.9 (same curve as η = 0.1)', 'η = 1.1']);
    expect(shadow(el).querySelectorAll('.legend .swatch.dashed').length).to.equal(1);
    const datasets = (el as unknown as { lossChart: { chart: { chart: { data: { datasets: { borderDash: number[]; order: number }[] } } } } }).lossChart.chart.chart.data.datasets;
    expect(datasets.map((d) => d.borderDash.length > 0)).to.deep.equal([false, false, true, false]);
    expect(datasets[2].order).to.be.lessThan(datasets[0].order);
    cleanup();
    // Rates with curves of their own: no note.
    const apart = await fixture<GdLrSlider>('<gd-lr-slider lang="en" start="2" compare="0.01,0.45,0.9"></gd-lr-slider>');
    expect([...shadow(apart).querySelectorAll('.legend li')].map((li) => li.textContent!.trim())).to.deep.equal(['η = 0.01', 'η = 0.45', 'η = 0.9']);
  });

  it('compare set or removed after the first render: the lanes, plots and chart follow', async () => {
    const el = await fixture<GdLrSlider>('<gd-lr-slider lang="en" start="2" lr="0.3"></gd-lr-slider>');
    const chartOf = () => (el as unknown as { lossChart: { chart: { chart: { canvas: HTMLCanvasElement; data: { datasets: unknown[] } } } } }).lossChart.chart.chart;
    el.setAttribute('compare', '0.01,0.45,0.9');
    await el.updateComplete;
    await nextFrame();
    expect(el.regimes).to.deep.equal(['too-low', 'just-right', 'too-high']);
    let canvases = [...shadow(el).querySelectorAll<HTMLCanvasElement>('canvas.plot')];
    expect(canvases.length).to.equal(3);
    for (const c of canvases) expect(distinctColours(c), 'a drawn plot').to.be.greaterThan(10);
    expect(chartOf().canvas.isConnected, 'the chart is on the shown canvas').to.equal(true);
    expect(chartOf().canvas).to.equal(shadow(el).querySelector('canvas.chart'));
    expect(chartOf().data.datasets.length).to.equal(3);
    // Another list with as many rates: new lanes.
    el.setAttribute('compare', '0.3,0.6,1.5');
    await el.updateComplete;
    await nextFrame();
    expect(el.regimes).to.deep.equal(['just-right', 'too-high', 'diverges']);
    // Removed: back to the single run at lr.
    el.removeAttribute('compare');
    await el.updateComplete;
    await nextFrame();
    expect(el.regimes).to.deep.equal([]);
    expect(el.regime).to.equal('just-right');
    canvases = [...shadow(el).querySelectorAll<HTMLCanvasElement>('canvas.plot')];
    expect(canvases.length).to.equal(1);
    expect(distinctColours(canvases[0])).to.be.greaterThan(10);
    expect(chartOf().canvas).to.equal(shadow(el).querySelector('canvas.chart'));
    expect(chartOf().data.datasets.length).to.equal(1);
    expect(shadow(el).querySelector('input#lr'), 'the slider is back').to.not.equal(null);
    // One rate to compare has the same number of lanes as the single run, but other canvases.
    el.setAttribute('compare', '0.9');
    await el.updateComplete;
    await nextFrame();
    expect(el.regimes).to.deep.equal(['too-high']);
    expect(chartOf().canvas).to.equal(shadow(el).querySelector('canvas.chart'));
    expect(distinctColours(shadow(el).querySelector<HTMLCanvasElement>('canvas.plot')!)).to.be.greaterThan(10);
  });

  it('a run of no steps says why, and play() sends gd-stop and announces it', async () => {
    const cases = [
      { attrs: 'expression="3"', reason: 'converged', words: /already below the tolerance/, said: /No step to take/ },
      { attrs: 'expression="log(x)" start="-1"', reason: 'diverged', words: /not defined/, said: /not defined/ },
    ];
    for (const c of cases) {
      const el = await fixture<GdLrSlider>(`<gd-lr-slider lang="en" ${c.attrs}></gd-lr-slider>`);
      expect(el.regime).to.equal('no-steps');
      const sentence = shadow(el).querySelector('.regime span')!.textContent!;
      expect(sentence).to.match(c.words);
      expect(sentence).not.to.match(/blows up|0 steps/);
      const stopped = eventOf<{ reason: string; iteration: number }>(el, 'gd-stop', 3000);
      el.play();
      const e = await stopped;
      expect(e.detail.reason).to.equal(c.reason);
      expect(e.detail.iteration).to.equal(0);
      await el.updateComplete;
      expect(shadow(el).querySelector('.message')!.textContent).to.match(c.said);
      // Again: a new showing, a new gd-stop.
      const again = eventOf(el, 'gd-stop', 3000);
      el.play();
      await again;
      cleanup();
    }
  });

  it('min-lr="1e-320": a track of 321 decades, with no NaN and no error', async () => {
    const m = await mount<GdLrSlider>('gd-lr-slider', { 'min-lr': '1e-320', start: '2' });
    expect(m.errors).to.deep.equal([]);
    await nextFrame();
    const lines = [...shadow(m.el).querySelectorAll('.marks line')];
    expect(lines.length).to.equal(2);
    for (const l of lines) expect(l.getAttribute('x1')).to.match(/^\d+(\.\d+)?%$/);
    expect(shadow(m.el).querySelector('.frame')!.textContent).not.to.match(/NaN/);
    m.remove();
  });

  it('the 1/L and 2/L labels stay on the track and apart, even at its end, on a phone', async () => {
    for (const attrs of ['max-lr="1"', 'min-lr="0.5"', '', 'min-lr="1e-300"']) {
      const el = await fixture<GdLrSlider>(`<gd-lr-slider start="2" ${attrs}></gd-lr-slider>`, 300);
      const track = shadow(el).querySelector('.marks')!.getBoundingClientRect();
      const [one, two] = [...shadow(el).querySelectorAll('.mark-label')].map((l) => l.getBoundingClientRect());
      expect(one.right, `${attrs}: 1/L before 2/L`).to.be.at.most(two.left + 0.5);
      for (const box of [one, two]) {
        expect(box.left, attrs).to.be.at.least(track.left - 0.5);
        expect(box.right, attrs).to.be.at.most(track.right + 0.5);
      }
      cleanup();
    }
  });

  it('shows several rates side by side, each with its label', async () => {
    const el = await fixture<GdLrSlider>('<gd-lr-slider start="2" compare="0.01,0.45,0.9"></gd-lr-slider>');
    expect(el.regimes).to.deep.equal(['too-low', 'just-right', 'too-high']);
    expect(regimeText(el)).to.deep.equal(['η = 0.01 · Too low', 'η = 0.45 · Just right', 'η = 0.9 · Too high']);
    const canvases = shadow(el).querySelectorAll<HTMLCanvasElement>('canvas.plot');
    expect(canvases.length).to.equal(3);
    for (const c of canvases) expect(distinctColours(c)).to.be.greaterThan(10);
    expect([...shadow(el).querySelectorAll('.legend li')].map((li) => li.textContent!.trim())).to.deep.equal(['η = 0.01', 'η = 0.45', 'η = 0.9']);
    // Play runs all three in lock step from the start.
    el.reset();
    el.step();
    await el.updateComplete;
    expect(el.iteration).to.equal(1);
    // At the end the sentence speaks for every rate, as its label does (not "Converged
    // after 50 steps", which was the longest run's count with one run's stop reason).
    while (el.status === 'paused') el.step();
    await el.updateComplete;
    expect(shadow(el).querySelector('.message')!.textContent).to.equal('η = 0.01 · Too low; η = 0.45 · Just right; η = 0.9 · Too high.');
  });

  it('compared rates: the point, status and events are the first rate\'s, as its regime is (not a run at lr that is not shown)', async () => {
    // x^2 from x = 2: gradient descent at rate 0.01 goes to 2 - 0.01 * 4 = 1.96; at lr 0.3 it would go to 0.8.
    const el = await fixture<GdLrSlider>('<gd-lr-slider expression="x^2" start="2" lr="0.3" compare="0.01,0.45"></gd-lr-slider>');
    el.reset();
    const step = eventOf<{ position: number[] }>(el, 'gd-step');
    el.step();
    expect((await step).detail.position[0]).to.be.closeTo(1.96, 1e-12);
    expect(el.position[0]).to.be.closeTo(1.96, 1e-12);
    // Its end: 0.01 is still far off after 50 steps, 0.45 converged long before.
    const stopped = eventOf<{ reason: string; iteration: number }>(el, 'gd-stop');
    while (el.status === 'paused') el.step();
    expect((await stopped).detail).to.include({ reason: 'max-steps', iteration: 50 });
    expect(el.status).to.equal('max-steps');
  });

  it('on a named surface draws the contour map and the path', async () => {
    const el = await fixture<GdLrSlider>('<gd-lr-slider surface="ravine" lr="0.099" start="-3.5,1.5"></gd-lr-slider>');
    expect(distinctColours(shadow(el).querySelector<HTMLCanvasElement>('canvas.plot')!)).to.be.greaterThan(200);
    const run = descend((await import('../../src/index.js')).getSurface('ravine'), createOptimizer('gd', { lr: 0.099 }), [-3.5, 1.5], {
      steps: 50,
      tolerance: 1e-5,
    });
    expect(el.regime).to.equal(classifyRegime(run));
  });

  it('plays the run from the start with gd-step and gd-stop', async () => {
    const el = await fixture<GdLrSlider>('<gd-lr-slider start="2" lr="0.45" speed="200"></gd-lr-slider>');
    el.reset();
    await el.updateComplete;
    expect(el.status).to.equal('ready');
    let steps = 0;
    el.addEventListener('gd-step', () => steps++);
    const stopped = eventOf<{ reason: string }>(el, 'gd-stop');
    el.play();
    expect((await stopped).detail.reason).to.equal('converged');
    expect(steps).to.equal(el.iteration);
    expect(el.position[0]).to.be.closeTo(2 * 0.1 ** el.iteration, 1e-12);
  });

  // One test per attribute, each value of GARBAGE in turn.
  for (const name of ['lr', 'min-lr', 'max-lr', 'start', 'steps', 'compare', 'domain', 'optimizer', 'surface']) {
    it(`garbage in ${name}: no uncaught error, the default, a note and one warning`, async () => {
      for (const value of GARBAGE) {
        const m = await mount<GdLrSlider>('gd-lr-slider', { [name]: value });
        // -1 is a fine start on x^2's [-3, 3].
        if (name === 'start' && value === '-1') expect(m.notes).to.deep.equal([]);
        else expectNotedOnce(m, name, value, expect);
        const shown = ['.title', '.regime', '.formula', '.settings'].map((s) => shadow(m.el).querySelector(s)?.textContent ?? '').join(' ');
        expect(shown, `${name}="${value}"`).not.to.match(/NaN|Infinity|undefined/);
        expect(REGIMES).to.include(m.el.regime);
        m.remove();
      }
    });
  }

  it('a function of x and y is a surface; a bad expression shows where it fails', async () => {
    const surface = await fixture<GdLrSlider>('<gd-lr-slider expression="x^2 + 4y^2" start="2,1" lr="0.1"></gd-lr-slider>');
    expect(surface.position).to.have.length(2);
    expect(surface.criticalRates!.optimal).to.be.closeTo(1 / 8, 1e-6);
    cleanup();
    const bad = await fixture<GdLrSlider>('<gd-lr-slider expression="x^2 +" lang="en"></gd-lr-slider>');
    expect(notes(bad)[0]).to.match(/The expression cannot be read/);
    expect(bad.regime).to.be.a('string');
  });

  it('speaks Spanish', async () => {
    const el = await fixture<GdLrSlider>('<gd-lr-slider lang="es" start="2" lr="0.9"></gd-lr-slider>');
    expect(regimeText(el)[0]).to.equal('η = 0,9 · Demasiado alta');
    expect(shadow(el).textContent).to.match(/Tasa de aprendizaje/);
  });

  it('has no accessibility violations, single and compared, light and dark', async () => {
    const single = await fixture<GdLrSlider>('<gd-lr-slider start="2" lr="0.3"></gd-lr-slider>');
    expect(await accessibilityViolations(single)).to.deep.equal([]);
    single.theme = 'dark';
    await single.updateComplete;
    expect(await accessibilityViolations(single)).to.deep.equal([]);
    cleanup();
    const compared = await fixture<GdLrSlider>('<gd-lr-slider compare="0.01,0.45,0.9" theme="dark"></gd-lr-slider>');
    await frames(1);
    expect(await accessibilityViolations(compared)).to.deep.equal([]);
  });
});
