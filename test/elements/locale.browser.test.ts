/**
 * Spanish numbers in every element: readouts, table cells, chart and plot tick
 * labels, sentences and formulas with a decimal comma and a real minus sign, never a
 * decimal point; and a Spanish reader's "0,9" typed into a number box means 0.9.
 */
import { expect } from 'chai';
import { Chart } from 'chart.js';
import type { LitElement } from 'lit';
import '../../src/index.js';
import type { GdBatchTrainer, GdExplorer, GdGradientFlow, GdLrSlider, GdMomentumRace, GdNetwork } from '../../src/index.js';
import { cleanup, fixture, frames } from './helpers.js';

/** A decimal point: a '.' between two digits. */
const DECIMAL_POINT = /\d\.\d/;
/** A hyphen used as a minus sign before a number. */
const HYPHEN_MINUS = /(^|[\s(;=])-\d/;
/** A decimal comma: a ',' between two digits (a list's ', ' has a space after it). */
const DECIMAL_COMMA = /\d,\d/;

const shadow = (el: LitElement) => el.shadowRoot!;
const texts = (el: LitElement, selector: string) => [...shadow(el).querySelectorAll(selector)].map((n) => n.textContent!.trim());

/** The labels of every tick of every scale of the element's Chart.js chart. */
function chartTicks(el: LitElement): string[] {
  const chart = Chart.getChart(shadow(el).querySelector<HTMLCanvasElement>('canvas.chart')!)!;
  return Object.values(chart.scales).flatMap((s) => s.ticks.map((t) => String(t.label)));
}

/**
 * What each formula shows, and how many commas between digits KaTeX spaced as
 * punctuation: a bare "," in TeX is followed by a thin space (right for a list, wrong in
 * 0,5); a decimal comma must be written "{,}" to have none.
 */
function formulas(el: LitElement, selector = '.formula'): { shown: string; spacedCommas: number }[] {
  const spacedBetweenDigits = (p: Element) => {
    const space = p.nextElementSibling;
    return (
      p.textContent === ',' &&
      !!space?.classList.contains('mspace') &&
      /\d$/.test(p.previousElementSibling?.textContent ?? '') &&
      /^\d/.test(space.nextElementSibling?.textContent ?? '')
    );
  };
  return [...shadow(el).querySelectorAll(selector)].map((f) => ({
    shown: f.querySelector('.katex-html')?.textContent ?? '',
    spacedCommas: [...f.querySelectorAll('.mpunct')].filter(spacedBetweenDigits).length,
  }));
}

/** Text drawn on every canvas (plot ticks are drawn, not in the DOM) while `fn` runs. */
async function drawnText(fn: () => Promise<void>): Promise<string[]> {
  const drawn: string[] = [];
  const original = CanvasRenderingContext2D.prototype.fillText;
  CanvasRenderingContext2D.prototype.fillText = function (this: CanvasRenderingContext2D, text: string, x: number, y: number, w?: number) {
    drawn.push(String(text));
    return w === undefined ? original.call(this, text, x, y) : original.call(this, text, x, y, w);
  };
  try {
    await fn();
  } finally {
    CanvasRenderingContext2D.prototype.fillText = original;
  }
  return drawn;
}

/** Every text shows numbers the Spanish way; at least one of them has a decimal comma. */
function expectSpanishNumbers(what: string, shown: string[]): void {
  expect(shown.length, `${what}: something to read`).to.be.greaterThan(0);
  for (const text of shown) {
    expect(text, `${what}: "${text}" has a decimal point`).to.not.match(DECIMAL_POINT);
    expect(text, `${what}: "${text}" has a hyphen for a minus`).to.not.match(HYPHEN_MINUS);
  }
  expect(shown.some((t) => DECIMAL_COMMA.test(t)), `${what}: a decimal comma in ${JSON.stringify(shown)}`).to.equal(true);
}

function expectSpanishFormulas(what: string, shown: { shown: string; spacedCommas: number }[]): void {
  expect(shown.length, `${what}: formulas`).to.be.greaterThan(0);
  for (const f of shown) {
    expect(f.shown, `${what}: formula ${f.shown}`).to.not.match(DECIMAL_POINT);
    expect(f.spacedCommas, `${what}: a decimal comma spaced like a list's in ${f.shown}`).to.equal(0);
  }
  expect(shown.some((f) => DECIMAL_COMMA.test(f.shown)), `${what}: a decimal comma in ${shown.map((f) => f.shown).join(' | ')}`).to.equal(true);
}

/** Types `text` into the learning-rate box as a reader would (then leaves the box). */
/** A setting in use: the reader's value once they typed one (the attribute keeps the author's). */
function inUse(el: LitElement, name: string): unknown {
  return (el as unknown as { setting(name: string): unknown }).setting(name);
}

async function typeRate(el: LitElement, text: string): Promise<HTMLInputElement> {
  const box = shadow(el).querySelector<HTMLInputElement>('.slider-row input:not([type="range"])')!;
  box.focus();
  box.value = text;
  box.dispatchEvent(new Event('input', { bubbles: true }));
  box.dispatchEvent(new Event('change', { bubbles: true }));
  await el.updateComplete;
  await frames(1);
  return box;
}

describe('Spanish numbers', () => {
  afterEach(cleanup);

  it('gd-explorer: readouts, point, chart and plot ticks, formula and rate box', async () => {
    let el!: GdExplorer;
    const drawn = await drawnText(async () => {
      el = await fixture<GdExplorer>(
        '<gd-explorer lang="es" expression="x^2 + 0.5y^2" domain="-0.5,0.5,-0.5,0.5" start="-0.4,0.3" lr="0.1" optimizer="momentum"></gd-explorer>',
      );
      for (let k = 0; k < 5; k++) el.step();
      await el.updateComplete;
      await frames(2);
    });
    const readouts = texts(el, '.readouts dd');
    expectSpanishNumbers('readouts', readouts);
    expect(readouts[1], 'a point: a semicolon between coordinates').to.match(/^\(−?\d,\d+; −?\d,\d+\)$/);
    expectSpanishNumbers('subtitle', texts(el, '.subtitle'));
    expectSpanishNumbers('chart ticks', chartTicks(el));
    expectSpanishNumbers('plot and chart text', drawn.filter((t) => /\d/.test(t)));
    expect(drawn, 'the plot labels −0,4 on its axes').to.include('\u22120,4');
    expectSpanishFormulas('formula', formulas(el));
    expectSpanishFormulas('title', formulas(el, '.title h2 span'));

    const box = await typeRate(el, '0,09');
    expect(inUse(el, 'lr')).to.equal(0.09);
    expect(box.value).to.equal('0,09');
    await typeRate(el, '0.07');
    expect(inUse(el, 'lr'), 'a decimal point still works').to.equal(0.07);
    expect(box.value).to.equal('0,07');
    expect(shadow(el).querySelector('.slider-row input:not([type="range"])')!.getAttribute('inputmode')).to.equal('decimal');
  });

  it('gd-explorer: typing 0,9 in a Spanish settings box sets 0.9', async () => {
    const el = await fixture<GdExplorer>('<gd-explorer lang="es" surface="bowl" speed="2.5"></gd-explorer>');
    expect(texts(el, '.toolbar option'), 'an author\'s speed in the speed menu').to.include('2,5 pasos/s');
    const box = shadow(el).querySelector<HTMLInputElement>('#tolerance')!;
    expect(box.value, 'the default shown the Spanish way').to.equal('10⁻⁵');
    box.value = '0,9';
    box.dispatchEvent(new Event('change', { bubbles: true }));
    await el.updateComplete;
    expect(inUse(el, 'tolerance')).to.equal(0.9);
    expect(box.value).to.equal('0,9');
    box.value = '1e-7';
    box.dispatchEvent(new Event('change', { bubbles: true }));
    await el.updateComplete;
    expect(inUse(el, 'tolerance')).to.equal(1e-7);
    expect(box.value).to.equal('10⁻⁷');
    box.value = '0,9,1';
    box.dispatchEvent(new Event('change', { bubbles: true }));
    await el.updateComplete;
    expect(inUse(el, 'tolerance'), 'garbage is refused').to.equal(1e-7);
    expect(box.value).to.equal('10⁻⁷');
  });

  it('gd-lr-slider: the curve\'s ticks, the regime sentence, 1/L and 2/L, the formula; 0,9 typed is 0.9', async () => {
    let el!: GdLrSlider;
    const drawn = await drawnText(async () => {
      el = await fixture<GdLrSlider>('<gd-lr-slider lang="es" expression="0.5x^2" domain="-0.6,0.6" start="0.5" lr="1.5"></gd-lr-slider>');
      await frames(2);
    });
    expect(el.regime).to.equal('too-high');
    const regime = texts(el, '.regime span')[0];
    expect(regime, 'the factor |1 − ηL| the Spanish way').to.match(/por un factor 0,5 en cada paso/);
    expectSpanishNumbers('regime sentence', [regime]);
    expectSpanishNumbers('title and marks', [...texts(el, '.subtitle'), ...texts(el, '.critical')]);
    expectSpanishNumbers('chart ticks', chartTicks(el));
    expectSpanishNumbers('plot and chart text', drawn.filter((t) => /\d/.test(t)));
    expectSpanishFormulas('the typed expression\'s literal', formulas(el, '.title h2 span'));
    expectSpanishFormulas('formula', formulas(el));

    await typeRate(el, '0,9');
    expect(inUse(el, 'lr')).to.equal(0.9);
    expect(texts(el, '.field output').some((t) => t === 'η = 0,9')).to.equal(true);
  });

  it('gd-lr-slider on the ravine: curvatures, condition number and percentages the Spanish way', async () => {
    const el = await fixture<GdLrSlider>('<gd-lr-slider lang="es" surface="ravine" lr="0.05"></gd-lr-slider>');
    expect(el.regime).to.equal('ill-conditioned');
    const sentence = texts(el, '.regime span')[0];
    expect(sentence, 'a percentage by Intl: a no-break space before %').to.match(/solo el \d+(,\d+)?\u00a0% de la distancia/);
    expect(texts(el, '.critical')[0]).to.match(/conserva el \d+(,\d+)?\u00a0% de su distancia/);
    expectSpanishNumbers('sentence and marks', [sentence, ...texts(el, '.critical')]);
  });

  it('gd-momentum-race: the results table, chart ticks, both formulas and the moving-average sentence', async () => {
    const el = await fixture<GdMomentumRace>('<gd-momentum-race lang="es" expression="x^2 + 0.5y^2" domain="-0.5,0.5,-0.5,0.5" start="-0.4,0.3" ema beta="0.85"></gd-momentum-race>');
    for (let k = 0; k < 3; k++) el.step();
    await el.updateComplete;
    await frames(2);
    expectSpanishNumbers('table', texts(el, 'td.number').filter((t) => !/^\d+$/.test(t)));
    expectSpanishNumbers('chart ticks', chartTicks(el));
    expectSpanishFormulas('formulas', formulas(el));
    expectSpanishNumbers('sentence', texts(el, '.effective'));
    expect(texts(el, '.field output')).to.include('0,85');
    await typeRate(el, '0,9');
    expect(inUse(el, 'lr')).to.equal(0.9);
  });

  it('gd-batch-trainer: loss and accuracy cells, chart ticks, the rules; 0,9 typed is 0.9', async () => {
    const el = await fixture<GdBatchTrainer>('<gd-batch-trainer lang="es" dataset="iris" epochs="3"></gd-batch-trainer>');
    el.step();
    el.step();
    await el.updateComplete;
    await frames(2);
    const cells = texts(el, 'td.number');
    expectSpanishNumbers('table', cells.filter((t) => !/^\d+$/.test(t)));
    for (const accuracy of cells.filter((t) => t.includes('%'))) {
      expect(accuracy, 'Intl percentages, no ".0"').to.match(/^\d+(,\d)?\u00a0%$/);
    }
    expectSpanishNumbers('chart ticks', chartTicks(el));
    expectSpanishFormulas('rules', formulas(el));
    await typeRate(el, '0,9');
    expect(inUse(el, 'lr')).to.equal(0.9);
  });

  it('gd-network: results, the drawing\'s numbers, the phase sentence, every phase\'s chain rule, the gradient table, chart and plot ticks; 0,9 typed is 0.9', async () => {
    let el!: GdNetwork;
    const drawn = await drawnText(async () => {
      el = await fixture<GdNetwork>('<gd-network lang="es" dataset="sine" epochs="5"></gd-network>');
      el.step();
      el.step();
      await el.updateComplete;
      await frames(2);
    });
    expectSpanishNumbers('results', texts(el, '[part="results"] td.number').filter((t) => !/^\d+$/.test(t)));
    expectSpanishNumbers('chart ticks', chartTicks(el));
    expectSpanishNumbers('plot and chart text', drawn.filter((t) => /\d/.test(t)));
    expectSpanishNumbers('subtitle', texts(el, '.subtitle'));
    expectSpanishFormulas('chain rule at rest', formulas(el, '[part="formula"]'));
    el.stepPhase();
    await el.updateComplete;
    expectSpanishNumbers('activations in the units', texts(el, 'svg.diagram .unit text'));
    expectSpanishNumbers('activations in the tooltips', texts(el, 'svg.diagram .unit title').filter((t) => / · /.test(t)).map((t) => t.split(' · ')[1]));
    expectSpanishFormulas('forward pass', formulas(el, '[part="formula"]'));
    el.stepPhase();
    await el.updateComplete;
    expectSpanishNumbers('the loss sentence', texts(el, '[part="phases"] p'));
    expectSpanishFormulas('loss', formulas(el, '[part="formula"]'));
    el.stepPhase();
    await el.updateComplete;
    expectSpanishNumbers('deltas', texts(el, 'svg.diagram .unit text'));
    expectSpanishFormulas('backward pass', formulas(el, '[part="formula"]'));
    expectSpanishNumbers('gradient table', texts(el, '[part="gradients"] td').filter((t) => t !== '…'));
    expect(texts(el, '[part="gradients"] th button')[0]).to.match(/^n\.º \d+$/);
    el.stepPhase();
    await el.updateComplete;
    expectSpanishFormulas('update', formulas(el, '[part="formula"]'));
    await typeRate(el, '0,9');
    expect(inUse(el, 'lr')).to.equal(0.9);
  });

  it('gd-gradient-flow: the verdict, the ratio and the clip note, the bars\' tooltips, the formula, the change bars, chart and plot ticks; 0,9 typed is 0.9', async () => {
    let el!: GdGradientFlow;
    const drawn = await drawnText(async () => {
      el = await fixture<GdGradientFlow>('<gd-gradient-flow lang="es" depth="4" clip="0.5" epochs="5"></gd-gradient-flow>');
      el.step();
      el.step();
      await el.updateComplete;
      await frames(2);
    });
    expectSpanishNumbers('verdict, ratio and clip note', texts(el, '[part="bars"] p'));
    expect(texts(el, '[part="bars"] .clip-note')[0]).to.contain('0,5');
    expectSpanishNumbers('gradient bars\' tooltips', texts(el, '[part="bars"] svg.bars title'));
    expectSpanishNumbers('change bars\' tooltips', texts(el, '[part="changes"] svg.bars title'));
    expectSpanishFormulas('the backward rule', formulas(el, '[part="formula"]'));
    expectSpanishNumbers('chart ticks', chartTicks(el));
    expectSpanishNumbers('plot and chart text', drawn.filter((t) => /\d/.test(t)));
    await typeRate(el, '0,9');
    expect(inUse(el, 'lr')).to.equal(0.9);
  });

  it('notes write values as attributes are written: the author\'s text as typed, the default with a point', async () => {
    const el = await fixture<GdExplorer>('<gd-explorer lang="es" surface="bowl" beta="1,5" optimizer="momentum"></gd-explorer>');
    const note = texts(el, '.notes li').find((n) => n.startsWith('beta='))!;
    expect(note).to.equal('beta="1,5" no es un número; se usa 0.9.');
  });

  it('the same element in English keeps decimal points and the typographic minus', async () => {
    const el = await fixture<GdExplorer>('<gd-explorer lang="en" expression="x^2 + 0.5y^2" domain="-0.5,0.5,-0.5,0.5" start="-0.4,0.3"></gd-explorer>');
    el.step();
    await el.updateComplete;
    const readouts = texts(el, '.readouts dd');
    expect(readouts[1]).to.match(/^\(−\d\.\d+, \d\.\d+\)$/);
    expect(chartTicks(el).some((t) => DECIMAL_COMMA.test(t))).to.equal(false);
    expect(chartTicks(el).some((t) => DECIMAL_POINT.test(t))).to.equal(true);
    el.lang = 'es';
    await el.updateComplete;
    await frames(2);
    expect(texts(el, '.readouts dd')[1], 'a language change rewrites the numbers').to.match(/^\(−\d,\d+; \d,\d+\)$/);
    expectSpanishFormulas('formula after the change', formulas(el));
  });
});
