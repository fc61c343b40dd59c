/** <gd-batch-trainer> in Chromium: three modes, seeds, accuracy, smooth frames, bad input. */
import { expect } from 'chai';
import '../../src/index.js';
import { Trainer, createModel, makeDataset, type GdBatchTrainer } from '../../src/index.js';
import { GARBAGE, accessibilityViolations, cleanup, distinctColours, eventOf, expectNotedOnce, fixture, mount } from './helpers.js';

const shadow = (el: GdBatchTrainer) => el.shadowRoot!;
const notes = (el: GdBatchTrainer) => [...shadow(el).querySelectorAll('.notes li')].map((li) => li.textContent!.trim());

async function trainToEnd(el: GdBatchTrainer): Promise<void> {
  el.speed = 1000;
  const stopped = eventOf(el, 'gd-stop', 30000);
  el.play();
  await stopped;
  await el.updateComplete;
}

describe('gd-batch-trainer', () => {
  afterEach(cleanup);

  it('trains batch, stochastic and mini-batch side by side, and every loss falls', async () => {
    const el = await fixture<GdBatchTrainer>('<gd-batch-trainer></gd-batch-trainer>');
    expect(el.status).to.equal('ready');
    expect(Object.keys(el.history)).to.deep.equal(['batch', 'sgd', 'minibatch']);
    expect(distinctColours(shadow(el).querySelector<HTMLCanvasElement>('canvas.data')!)).to.be.greaterThan(5);
    expect(distinctColours(shadow(el).querySelector<HTMLCanvasElement>('canvas.plot')!)).to.be.greaterThan(100); // (w, b) contours
    await trainToEnd(el);
    expect(el.status).to.equal('done');
    for (const [mode, h] of Object.entries(el.history)) {
      expect(h!.loss[h!.loss.length - 1], mode).to.be.lessThan(h!.loss[0] / 2);
      expect(h!.epoch[h!.epoch.length - 1]).to.equal(30);
    }
    const h = el.history;
    // Updates per epoch: 1, n, n / B.
    expect(h.batch!.updates[1]).to.equal(1);
    expect(h.sgd!.updates[1]).to.equal(100);
    expect(h.minibatch!.updates[1]).to.equal(10);
    expect(h.sgd!.examples[1]).to.equal(100);
  });

  it('the same seed gives the same history, as the core computes it', async () => {
    const a = await fixture<GdBatchTrainer>('<gd-batch-trainer dataset="logistic" seed="7" epochs="5"></gd-batch-trainer>');
    await trainToEnd(a);
    const first = a.history;
    cleanup();
    const b = await fixture<GdBatchTrainer>('<gd-batch-trainer dataset="logistic" seed="7" epochs="5"></gd-batch-trainer>');
    await trainToEnd(b);
    expect(b.history).to.deep.equal(first);
    const model = createModel(makeDataset('logistic', { samples: 100, noise: 1, seed: 7 }));
    const trainer = new Trainer(model, { batchSize: 10, epochs: 5, seed: 7, optimizer: 'gd', options: { lr: 0.1 } });
    trainer.runAll();
    expect(first.minibatch).to.deep.equal(trainer.history);
    cleanup();
    const other = await fixture<GdBatchTrainer>('<gd-batch-trainer dataset="logistic" seed="8" epochs="5"></gd-batch-trainer>');
    await trainToEnd(other);
    expect(other.history.sgd!.loss).to.not.deep.equal(first.sgd!.loss);
  });

  it('each classifier reaches at least 90% training accuracy with the defaults', async () => {
    for (const dataset of ['logistic', 'iris']) {
      const el = await fixture<GdBatchTrainer>(`<gd-batch-trainer dataset="${dataset}"></gd-batch-trainer>`);
      await trainToEnd(el);
      for (const [mode, h] of Object.entries(el.history)) {
        expect(h!.accuracy![h!.accuracy!.length - 1], `${dataset} ${mode}`).to.be.at.least(0.9);
      }
      expect(shadow(el).querySelector('th:last-child')!.textContent).to.equal('Accuracy');
      cleanup();
    }
  });

  it('trains in slices, a frame at a time, never all at once', async () => {
    // Updates made between two frames: the element stops each frame's slice at its time
    // budget, so a long run spreads over many frames. (How long a slice takes is measured
    // by `npm run bench`, not here: a busy machine must not fail a test.)
    const el = await fixture<GdBatchTrainer>('<gd-batch-trainer dataset="linear" samples="5000" epochs="20"></gd-batch-trainer>');
    const step = Trainer.prototype.step;
    let spent = 0;
    let total = 0;
    Trainer.prototype.step = function (this: Trainer) {
      spent++;
      total++;
      return step.call(this);
    };
    const perFrame: number[] = [];
    let watching = true;
    const watch = () => {
      perFrame.push(spent);
      spent = 0;
      if (watching) requestAnimationFrame(watch);
    };
    requestAnimationFrame(watch);
    try {
      await trainToEnd(el);
    } finally {
      watching = false;
      Trainer.prototype.step = step;
    }
    expect(perFrame.length).to.be.greaterThan(5); // 20 epochs of 5000 stochastic updates took many frames
    expect(el.status).to.equal('done');
    expect(Math.max(...perFrame), `updates per frame of ${total}`).to.be.lessThan(total / 5);
  });

  it('the loss chart switches between epochs, updates and examples', async () => {
    const el = await fixture<GdBatchTrainer>('<gd-batch-trainer epochs="3"></gd-batch-trainer>');
    await trainToEnd(el);
    const select = [...shadow(el).querySelectorAll('select')].find((s) => s.querySelector('option[value="updates"]'))!;
    select.value = 'updates';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await el.updateComplete;
    expect(el.xAxis).to.equal(undefined); // the reader's choice, not the author's attribute
    expect(select.value).to.equal('updates');
    expect(el.status).to.equal('done'); // only the view changed
  });

  it('a changed setting keeps the epoch shown; Reset brings back the attributes and the untrained model', async () => {
    const el = await fixture<GdBatchTrainer>('<gd-batch-trainer dataset="logistic" seed="7" epochs="10" lr="0.1"></gd-batch-trainer>');
    el.step();
    el.step();
    el.step();
    await el.updateComplete;
    expect(el.epoch).to.equal(3);
    const slider = shadow(el).querySelector<HTMLInputElement>('input#lr')!;
    slider.value = '800'; // 1e-5 * 1e6^0.8 = 0.631
    slider.dispatchEvent(new Event('input', { bubbles: true }));
    await el.updateComplete;
    expect(el.epoch).to.equal(3);
    const model = createModel(makeDataset('logistic', { samples: 100, noise: 1, seed: 7 }));
    const trainer = new Trainer(model, { batchSize: 10, epochs: 10, seed: 7, optimizer: 'gd', options: { lr: 0.631 } });
    while (trainer.epoch < 3) trainer.step();
    expect(el.history.minibatch).to.deep.equal(trainer.history);
    expect(shadow(el).querySelector('.subtitle')!.textContent).to.match(/η = 0\.631$/);
    el.reset();
    await el.updateComplete;
    expect(el.epoch).to.equal(0);
    expect(el.status).to.equal('ready');
    expect(shadow(el).querySelector('.subtitle')!.textContent).to.match(/η = 0\.1$/);
  });

  it('shows the three update rules with the batch size', async () => {
    const el = await fixture<GdBatchTrainer>('<gd-batch-trainer batch-size="25"></gd-batch-trainer>');
    const rules = [...shadow(el).querySelectorAll('.rules .formula')];
    expect(rules).to.have.length(3);
    expect(rules[2].getAttribute('aria-label')).to.equal('Mini-batch (25)');
    expect(el.history.minibatch).to.exist;
  });

  // One test per attribute, each value of GARBAGE in turn.
  for (const name of ['dataset', 'loss', 'samples', 'noise', 'seed', 'modes', 'batch-size', 'lr', 'epochs', 'optimizer', 'speed', 'x-axis']) {
    it(`garbage in ${name}: no uncaught error, the default, a note and one warning`, async () => {
      for (const value of GARBAGE) {
        const m = await mount<GdBatchTrainer>('gd-batch-trainer', { [name]: value });
        expectNotedOnce(m, name, value, expect);
        expect(shadow(m.el).querySelector('table')!.textContent).not.to.match(/NaN|Infinity|undefined/);
        m.remove();
      }
    });
  }

  it('a loss that does not fit the data set gets a note', async () => {
    const wrongLoss = await fixture<GdBatchTrainer>('<gd-batch-trainer dataset="iris" loss="mse"></gd-batch-trainer>');
    expect(notes(wrongLoss)[0]).to.match(/loss="mse" is not one of cce/);
  });

  it('speaks Spanish', async () => {
    const el = await fixture<GdBatchTrainer>('<gd-batch-trainer lang="es" dataset="iris"></gd-batch-trainer>');
    expect(shadow(el).textContent).to.match(/Mini-lote \(16\)/);
    expect(shadow(el).textContent).to.match(/Exactitud/);
  });

  it('has no accessibility violations, light and dark', async () => {
    const el = await fixture<GdBatchTrainer>('<gd-batch-trainer dataset="iris"></gd-batch-trainer>');
    el.step();
    await el.updateComplete;
    expect(await accessibilityViolations(el)).to.deep.equal([]);
    el.theme = 'dark';
    await el.updateComplete;
    expect(await accessibilityViolations(el)).to.deep.equal([]);
  });
});
