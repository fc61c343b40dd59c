/**
 * The elements on a phone's 320 px column (and a 900 px one), in English and Spanish:
 * the parts a reader came for (f, loss, accuracy) are in view without scrolling, a
 * formula too wide for the column scrolls with a visible cue, selects show their whole
 * text, the race's column reads "f", and the Iris plot says which colour is which species.
 */
import { expect } from 'chai';
import '../../src/index.js';
import type { GdBatchTrainer, GdExplorer, GdGradientFlow, GdMomentumRace, GdNetwork } from '../../src/index.js';
import { accessibilityViolations, cleanup, fixture, frames, truncatedSelects } from './helpers.js';

const LANGS = ['en', 'es'] as const;

/** Whether `part` lies across, horizontally, inside what `box` shows (1 px of rounding allowed). */
function shownIn(part: Element, box: Element): boolean {
  const p = part.getBoundingClientRect();
  const b = box.getBoundingClientRect();
  return p.width > 0 && p.height > 0 && p.left >= b.left - 1 && p.right <= b.right + 1;
}

/** Pairs of a row's cells whose text overlaps (a value too wide for its column runs into the next). */
function overlapping(row: Element): string[] {
  const boxes = [...row.children].map((cell) => {
    const range = document.createRange();
    range.selectNodeContents(cell);
    return { text: cell.textContent!.trim(), rect: range.getBoundingClientRect() };
  });
  const pairs: string[] = [];
  boxes.forEach((a, i) =>
    boxes.slice(i + 1).forEach((b) => {
      const x = Math.min(a.rect.right, b.rect.right) - Math.max(a.rect.left, b.rect.left);
      const y = Math.min(a.rect.bottom, b.rect.bottom) - Math.max(a.rect.top, b.rect.top);
      if (x > 0.5 && y > 0.5) pairs.push(`${a.text} / ${b.text}`);
    }),
  );
  return pairs;
}

/** The box needs no sideways scrolling. */
function fits(box: Element): boolean {
  return box.scrollWidth <= box.clientWidth + 1;
}

/** The inset shadows of a box's computed box-shadow: x offset and whether its colour shows. */
function insetShadows(el: Element): { x: number; visible: boolean }[] {
  const value = getComputedStyle(el).boxShadow;
  if (value === 'none') return [];
  return value.split(/,(?![^(]*\))/).map((shadow) => {
    // The colour: rgb(a, b, c), rgba(a, b, c, alpha) or a function with "/ alpha".
    const colour = /[a-z]+\(([^)]*)\)/.exec(shadow)?.[1] ?? '';
    const alpha = colour.includes('/') ? Number(colour.split('/')[1]) : (colour.split(',').map(Number)[3] ?? 1);
    const x = Number.parseFloat(shadow.replace(/[a-z]+\([^)]*\)/, '').trim().split(/\s+/)[0]);
    return { x, visible: alpha > 0.05 };
  });
}

/** The cue at the end edge (a shadow inside the right edge), and at the start edge. */
const endCue = (el: Element) => insetShadows(el).some((s) => s.x < 0 && s.visible);
const startCue = (el: Element) => insetShadows(el).some((s) => s.x > 0 && s.visible);

describe('on a 320 px column', () => {
  afterEach(cleanup);

  for (const lang of LANGS) {
    it(`race (${lang}): every lane's f is in view without scrolling, and its column reads "f"`, async () => {
      for (const width of [270, 288]) {
        const el = await fixture<GdMomentumRace>(`<gd-momentum-race lang="${lang}"></gd-momentum-race>`, width);
        for (let k = 0; k < 170; k++) el.step(); // f is then as small as 3.92×10⁻⁸: a wide value
        await el.updateComplete;
        await frames(2);
        const root = el.shadowRoot!;
        const box = root.querySelector('.table-box')!;
        expect(fits(box), `table ${box.scrollWidth} px in ${box.clientWidth}`).to.equal(true);
        const rows = [...root.querySelectorAll('tbody tr')];
        expect(rows.length).to.equal(2);
        for (const row of rows) {
          const f = row.lastElementChild!;
          expect(f.textContent!.trim()).to.match(/\d/);
          expect(shownIn(f, box), `f ${f.textContent} shown`).to.equal(true);
          expect(overlapping(row), 'cells side by side, none over another').to.deep.equal([]);
        }
        const header = [...root.querySelectorAll('thead th')].at(-1)!;
        expect(header.textContent!.trim()).to.equal('f');
        expect(getComputedStyle(header).textTransform).to.equal('none');
        expect(getComputedStyle(header, '::first-letter').textTransform).to.equal('none');
        cleanup();
      }
    });

    it(`race (${lang}) with four lanes and their own rates: every f in view`, async () => {
      const el = await fixture<GdMomentumRace>(
        `<gd-momentum-race lang="${lang}" optimizers="gd,momentum,nesterov,adam" surface="rosenbrock" lrs="0.001,0.001,0.001,0.05"></gd-momentum-race>`,
        320,
      );
      for (let k = 0; k < 5; k++) el.step();
      await el.updateComplete;
      await frames(2);
      const root = el.shadowRoot!;
      const box = root.querySelector('.table-box')!;
      expect(fits(box)).to.equal(true);
      for (const row of root.querySelectorAll('tbody tr')) expect(shownIn(row.lastElementChild!, box)).to.equal(true);
    });

    it(`trainer (${lang}): each mode's loss and accuracy are in view without scrolling`, async () => {
      for (const [dataset, width] of [['linear', 320], ['iris', 270]] as const) {
        const el = await fixture<GdBatchTrainer>(`<gd-batch-trainer lang="${lang}" dataset="${dataset}"></gd-batch-trainer>`, width);
        el.step();
        await el.updateComplete;
        await frames(2);
        const root = el.shadowRoot!;
        const box = root.querySelector('.table-box')!;
        expect(fits(box), `${dataset}: table ${box.scrollWidth} px in ${box.clientWidth}`).to.equal(true);
        const rows = [...root.querySelectorAll('tbody tr')];
        expect(rows.length).to.equal(3);
        const columns = dataset === 'iris' ? 2 : 1;
        for (const row of rows) {
          const cells = [...row.querySelectorAll('td')].slice(-columns);
          for (const cell of cells) {
            expect(cell.textContent!.trim()).to.match(/\d/);
            expect(shownIn(cell, box), `${dataset}: ${cell.textContent} shown`).to.equal(true);
          }
          expect(overlapping(row), `${dataset}: cells side by side`).to.deep.equal([]);
          // A column's name is never broken inside a word ("Actualizacione-s").
          for (const cell of row.querySelectorAll('td')) {
            const label = cell.getAttribute('data-label')!;
            const lineHeight = Number.parseFloat(getComputedStyle(cell, '::before').lineHeight);
            const labelHeight = Number.parseFloat(getComputedStyle(cell, '::before').height);
            if (!label.includes(' ')) expect(labelHeight, `${label} on one line`).to.be.at.most(lineHeight + 0.5);
          }
        }
        cleanup();
      }
    });

    it(`network (${lang}): loss and accuracy in view, the drawing inside the column, the chain rule fitting or scrolling with a cue`, async () => {
      for (const [dataset, width] of [['circle', 320], ['spiral', 270]] as const) {
        const el = await fixture<GdNetwork>(`<gd-network lang="${lang}" dataset="${dataset}"></gd-network>`, width);
        el.step();
        for (let k = 0; k < 3; k++) el.stepPhase(); // the backward pass: the longest chain rule
        await el.updateComplete;
        await frames(3);
        const root = el.shadowRoot!;
        const box = root.querySelector('[part="results"]')!.closest('.table-box')!;
        expect(fits(box), `${dataset}: table ${box.scrollWidth} px in ${box.clientWidth}`).to.equal(true);
        const row = root.querySelector('[part="results"] tbody tr')!;
        for (const cell of [...row.querySelectorAll('td')].slice(-2)) {
          expect(cell.textContent!.trim()).to.match(/\d/);
          expect(shownIn(cell, box), `${dataset}: ${cell.textContent} shown`).to.equal(true);
        }
        expect(overlapping(row), `${dataset}: cells side by side`).to.deep.equal([]);
        const drawing = root.querySelector('svg.diagram')!;
        expect(shownIn(drawing, root.querySelector('[part="network"]')!), `${dataset}: the drawing in its box`).to.equal(true);
        const formula = root.querySelector('[part="formula"]')!;
        expect(formula.querySelector('.katex')).to.not.equal(null);
        if (!fits(formula)) expect(endCue(formula), `${dataset}: a shadow at the end edge while more is hidden there`).to.equal(true);
        cleanup();
      }
    });

    it(`gradient flow (${lang}): the curves, both bar charts and the verdict inside the column, the formula fitting or scrolling with a cue`, async () => {
      for (const [markup, width] of [
        [`<gd-gradient-flow lang="${lang}" epochs="2"></gd-gradient-flow>`, 320],
        [`<gd-gradient-flow lang="${lang}" depth="20" width="16" activation="relu" init="normal" init-scale="3" clip="1" epochs="2"></gd-gradient-flow>`, 270],
      ] as const) {
        const el = await fixture<GdGradientFlow>(markup, width);
        el.step();
        await el.updateComplete;
        await frames(3);
        const root = el.shadowRoot!;
        const frame = root.querySelector('.frame')!;
        for (const canvas of root.querySelectorAll('canvas.curve')) expect(shownIn(canvas, canvas.parentElement!), `${width} px: ${canvas.className} in its column`).to.equal(true);
        expect(fits(root.querySelector('[part="activation"]')!), `${width} px: the curves need no scrolling`).to.equal(true);
        for (const part of ['bars', 'changes']) {
          const svg = root.querySelector(`[part="${part}"] svg.bars`)!;
          expect(svg, `${width} px: ${part}`).to.exist;
          expect(shownIn(svg, root.querySelector(`[part="${part}"]`)!), `${width} px: the ${part} chart in its box`).to.equal(true);
        }
        const verdict = root.querySelector('[part="bars"] .verdict')!;
        expect(shownIn(verdict, frame), `${width} px: the verdict`).to.equal(true);
        const formula = root.querySelector('[part="formula"]')!;
        expect(formula.querySelector('.katex')).to.not.equal(null);
        if (!fits(formula)) expect(endCue(formula), `${width} px: a shadow at the end edge while more is hidden there`).to.equal(true);
        cleanup();
      }
    });

    it(`Adam's update (${lang}) fits the column or scrolls with a cue at the hidden edge`, async () => {
      const el = await fixture<GdExplorer>(`<gd-explorer lang="${lang}" optimizer="adam" surface="rosenbrock"></gd-explorer>`, 320);
      for (let k = 0; k < 3; k++) el.step();
      await el.updateComplete;
      await frames(3);
      const formula = el.shadowRoot!.querySelector('.formula')!;
      expect(formula.querySelector('.katex')).to.not.equal(null);
      if (fits(formula)) {
        expect(endCue(formula) || startCue(formula)).to.equal(false);
        return;
      }
      expect(endCue(formula), 'a shadow at the end edge while more is hidden there').to.equal(true);
      expect(startCue(formula), 'no shadow at the start edge before scrolling').to.equal(false);
      formula.scrollLeft = formula.scrollWidth;
      await frames(3);
      expect(startCue(formula), 'a shadow at the start edge once scrolled to the end').to.equal(true);
      expect(endCue(formula), 'none at the end edge once there').to.equal(false);
    });

    it(`a formula that fits (${lang}) has no cue`, async () => {
      const el = await fixture<GdExplorer>(`<gd-explorer lang="${lang}" surface="bowl"></gd-explorer>`, 320);
      await frames(3);
      const formula = el.shadowRoot!.querySelector('.formula')!;
      expect(fits(formula)).to.equal(true);
      expect(endCue(formula) || startCue(formula)).to.equal(false);
    });

    for (const width of [288, 900]) {
      it(`selects show their whole text (${lang}, ${width} px)`, async () => {
        const markup = [
          `<gd-explorer lang="${lang}"></gd-explorer>`,
          `<gd-explorer lang="${lang}" optimizer="gd" surface="six-hump-camel"></gd-explorer>`,
          `<gd-lr-slider lang="${lang}" surface="ravine"></gd-lr-slider>`,
          `<gd-momentum-race lang="${lang}"></gd-momentum-race>`,
          `<gd-batch-trainer lang="${lang}"></gd-batch-trainer>`,
          `<gd-batch-trainer lang="${lang}" dataset="iris" x-axis="examples"></gd-batch-trainer>`,
          `<gd-network lang="${lang}"></gd-network>`,
          `<gd-network lang="${lang}" dataset="spiral" optimizer="adam"></gd-network>`,
          `<gd-gradient-flow lang="${lang}"></gd-gradient-flow>`,
          `<gd-gradient-flow lang="${lang}" activation="tanh" init="normal"></gd-gradient-flow>`,
        ];
        for (const m of markup) {
          const el = await fixture<GdExplorer>(m, width);
          await frames(1);
          expect(truncatedSelects(el.shadowRoot!), m).to.deep.equal([]);
          cleanup();
        }
      });
    }

    it(`the Iris plot has a key naming the three species by colour and marker (${lang})`, async () => {
      const el = await fixture<GdBatchTrainer>(`<gd-batch-trainer lang="${lang}" dataset="iris"></gd-batch-trainer>`, 320);
      const root = el.shadowRoot!;
      const key = root.querySelector('.data-box .classes')!;
      expect(key, 'a key of the classes').to.not.equal(null);
      expect(key.getAttribute('aria-label')).to.equal(lang === 'en' ? 'Species' : 'Especie');
      const items = [...key.querySelectorAll('li.class-name')];
      expect(items.map((li) => li.textContent!.trim())).to.deep.equal(['setosa', 'versicolor', 'virginica']);
      const frame = root.querySelector('.frame')!;
      for (const li of items) {
        expect(shownIn(li, frame), `${li.textContent} shown`).to.equal(true);
        const fill = li.querySelector('svg path')!.getAttribute('fill');
        expect(fill).to.match(/^#/);
      }
      // Three colours, three shapes: a reader tells the species apart by either.
      expect(new Set(items.map((li) => li.querySelector('path')!.getAttribute('fill'))).size).to.equal(3);
      expect(new Set(items.map((li) => li.querySelector('path')!.getAttribute('d'))).size).to.equal(3);
      expect(key.closest('[aria-hidden="true"]')).to.equal(null);
      // The key names every mode's line too: the canvas writes no labels that could collide.
      const fits = [...root.querySelectorAll('.data-box .plot-key:not(.classes) li')].map((li) => li.textContent!.trim());
      expect(fits).to.deep.equal(lang === 'en' ? ['Batch', 'Stochastic', 'Mini-batch (16)'] : ['Lote', 'Estocástico', 'Mini-lote (16)']);
    });
  }
});

describe('the Iris plot in Spanish', () => {
  afterEach(cleanup);

  it('names its axes in Spanish', async () => {
    const drawn: string[] = [];
    const fillText = CanvasRenderingContext2D.prototype.fillText;
    CanvasRenderingContext2D.prototype.fillText = function (this: CanvasRenderingContext2D, text: string, x: number, y: number, w?: number) {
      drawn.push(text);
      return w === undefined ? fillText.call(this, text, x, y) : fillText.call(this, text, x, y, w);
    };
    try {
      await fixture<GdBatchTrainer>('<gd-batch-trainer lang="es" dataset="iris"></gd-batch-trainer>', 320);
      await frames(2);
    } finally {
      CanvasRenderingContext2D.prototype.fillText = fillText;
    }
    expect(drawn).to.include('longitud del pétalo (cm)');
    expect(drawn).to.include('anchura del pétalo (cm)');
    expect(drawn.filter((t) => /petal/.test(t))).to.deep.equal([]);
  });
});

describe('text sizes', () => {
  afterEach(() => {
    document.documentElement.style.fontSize = '';
    cleanup();
  });

  it("follow the element's --gd-font-size, never the page's root size (Stack sets html to 62.5%)", async () => {
    document.documentElement.style.fontSize = '62.5%';
    const el = await fixture<GdBatchTrainer>('<gd-batch-trainer lang="es"></gd-batch-trainer>', 320);
    const root = el.shadowRoot!;
    const size = (selector: string) => Number.parseFloat(getComputedStyle(root.querySelector(selector)!).fontSize);
    expect(size('.frame')).to.equal(15);
    expect(size('.title h2')).to.equal(15);
    expect(size('select')).to.be.closeTo(13.5, 0.01);
    expect(size('label.field'), "a select's label as small as a slider's").to.be.closeTo(size('.field > label'), 0.01);
    expect(size('.legend')).to.be.closeTo(12, 0.01);
    el.style.setProperty('--gd-font-size', '20px');
    await frames(1);
    expect(size('.title h2')).to.equal(20);
    expect(size('select')).to.be.closeTo(18, 0.01);
  });
});

describe('stacked tables', () => {
  afterEach(cleanup);

  it('keep no accessibility violations, and their cells keep their column headers', async () => {
    for (const markup of ['<gd-momentum-race lang="es"></gd-momentum-race>', '<gd-batch-trainer lang="es" dataset="iris"></gd-batch-trainer>', '<gd-network lang="es"></gd-network>']) {
      const el = await fixture<GdMomentumRace>(markup, 288);
      el.step();
      await el.updateComplete;
      await frames(2);
      const table = el.shadowRoot!.querySelector('table')!;
      expect(getComputedStyle(table.querySelector('tbody tr')!).display, 'stacked').to.match(/grid|flex/);
      for (const th of table.querySelectorAll('thead th')) expect(th.getAttribute('scope')).to.equal('col');
      expect(await accessibilityViolations(el), markup).to.deep.equal([]);
      cleanup();
    }
  });
});

describe('on a 900 px column', () => {
  afterEach(cleanup);

  for (const lang of LANGS) {
    it(`race (${lang}): the table beside the map shows every f`, async () => {
      for (const width of [700, 900]) {
        const el = await fixture<GdMomentumRace>(
          `<gd-momentum-race lang="${lang}" optimizers="gd,momentum,nesterov,adam" lrs="0.05,0.03,0.04,0.2"></gd-momentum-race>`,
          width,
        );
        el.step();
        await el.updateComplete;
        await frames(2);
        const root = el.shadowRoot!;
        const box = root.querySelector('.table-box')!;
        expect(fits(box), `${width} px: table ${box.scrollWidth} in ${box.clientWidth}`).to.equal(true);
        for (const row of root.querySelectorAll('tbody tr')) expect(shownIn(row.lastElementChild!, box)).to.equal(true);
        cleanup();
      }
    });

    it(`race (${lang}): the two update rules show whole on a 900 px column, small numbers and all`, async () => {
      for (const width of [700, 900]) {
        const el = await fixture<GdMomentumRace>(`<gd-momentum-race lang="${lang}"></gd-momentum-race>`, width);
        for (let k = 0; k < 130; k++) el.step(); // vectors in scientific notation: the widest rules
        await el.updateComplete;
        await frames(3);
        const formulas = [...el.shadowRoot!.querySelectorAll('.formula')];
        expect(formulas.length).to.equal(2);
        for (const f of formulas) expect(fits(f), `${width} px: rule ${f.scrollWidth} px in ${f.clientWidth}`).to.equal(true);
        cleanup();
      }
    });
  }
});
