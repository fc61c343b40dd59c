/**
 * One clock for every figure: the explorer, the race and the trainer play, pause, step
 * and reset through the same playback, so a script sees the same statuses and events
 * from each, whether a frame is an update of a computed run or an epoch trained as it
 * shows. (The slider shows a new run whole, so it starts at its end; its sequence from
 * there is the same.)
 */
import { expect } from 'chai';
import '../../src/index.js';
import type { GdBatchTrainer, GdNetwork } from '../../src/index.js';
import { cleanup, eventOf, fixture, frames } from './helpers.js';
import type { Playable } from './helpers.js';

interface Widget {
  tag: string;
  /** Attributes of a short run: 5 updates or epochs. */
  attributes: string;
  progress(el: Playable): number;
  /** The frame an event's detail names. */
  frameOf(detail: Record<string, unknown>): number;
  /** The status once the run has played whole. */
  end: string;
}

const iteration = (el: Playable) => (el as unknown as { iteration: number }).iteration;
/** gd-gradient-flow has no epoch in its API (it shows gradients, not a history): its run's epoch, read inside. */
const flowEpoch = (el: Playable) => (el as unknown as { lanes: { run: { epoch: number } }[] }).lanes[0].run.epoch;
const WIDGETS: Widget[] = [
  { tag: 'gd-explorer', attributes: 'surface="bowl" lr="0.1" steps="5"', progress: iteration, frameOf: (d) => d.iteration as number, end: 'max-steps' },
  { tag: 'gd-momentum-race', attributes: 'surface="bowl" optimizers="gd,momentum" lr="0.1" steps="5"', progress: iteration, frameOf: (d) => d.iteration as number, end: 'max-steps' },
  { tag: 'gd-batch-trainer', attributes: 'samples="40" epochs="5"', progress: (el) => (el as unknown as GdBatchTrainer).epoch, frameOf: (d) => d.epoch as number, end: 'done' },
  { tag: 'gd-network', attributes: 'samples="40" epochs="5"', progress: (el) => (el as unknown as GdNetwork).history.epoch.at(-1)!, frameOf: (d) => d.epoch as number, end: 'done' },
  { tag: 'gd-gradient-flow', attributes: 'samples="40" epochs="5" depth="4"', progress: flowEpoch, frameOf: (d) => d.epoch as number, end: 'done' },
];

/**
 * step(), and the frame it asked for: at once, or (an epoch that takes longer than a
 * frame's budget on a busy machine) once it has been trained, with its event.
 */
async function stepShown(el: Playable, ended: string): Promise<void> {
  let events = 0;
  const count = () => events++;
  el.addEventListener('gd-step', count);
  el.addEventListener('gd-stop', count);
  el.step();
  el.removeEventListener('gd-step', count);
  el.removeEventListener('gd-stop', count);
  if (events === 0 && el.status !== ended) await eventOf(el, 'gd-step');
}

/** What a script sees: each call, then the status and progress after it and the events it caused. */
async function trace(w: Widget): Promise<string[]> {
  const el = await fixture<Playable>(`<${w.tag} lang="en" ${w.attributes}></${w.tag}>`);
  const events: string[] = [];
  const seen = (e: Event) => events.push(`${e.type}@${w.frameOf((e as CustomEvent).detail)}`);
  el.addEventListener('gd-step', seen);
  el.addEventListener('gd-stop', seen);
  const lines: string[] = [];
  const end = (s: string) => (s === w.end ? 'end' : s);
  const note = (what: string) => {
    lines.push(`${what}: ${end(el.status)} at ${w.progress(el)} [${events.join(' ')}]`);
    events.length = 0;
  };
  note('loaded');
  const step = () => stepShown(el, w.end);
  const first = eventOf(el, 'gd-step');
  el.play();
  await first;
  note('played until the first step');
  el.pause();
  note('paused');
  await step();
  note('stepped');
  el.reset();
  note('reset');
  for (let i = 0; i < 6; i++) {
    await step();
    note(`step ${i + 1}`);
  }
  const stopped = eventOf(el, 'gd-stop');
  (el as unknown as { speed: number }).speed = 1000;
  await el.updateComplete;
  el.play(); // from the end: from the start again, to a new gd-stop
  expect(el.status).to.equal('running');
  await stopped;
  note('played again to the end');
  return lines;
}

describe('one clock for every figure', () => {
  it('trains the modes side by side when an epoch takes more than a frame', async () => {
    const el = await fixture<GdBatchTrainer>('<gd-batch-trainer lang="en"></gd-batch-trainer>');
    type Run = { updates: number; batchesPerEpoch: number; done: boolean; epoch: number };
    const runs = () => (el as unknown as { lanes: Array<{ mode: string; run: Run }> }).lanes.map((l) => l.run);
    // A clock on which every mini-batch overruns the frame's budget: a mini-batch per frame.
    const clock = performance.now;
    let now = clock.call(performance);
    performance.now = () => (now += 1000);
    try {
      el.step();
      await frames(12);
    } finally {
      performance.now = clock;
    }
    const progress = runs().filter((r) => r.epoch < 1).map((r) => r.updates / r.batchesPerEpoch);
    expect(progress.length, 'modes still inside the first epoch').to.be.at.least(2);
    expect(Math.max(...progress), 'some training done').to.be.greaterThan(0);
    // Within one mini-batch of each other (the largest share of an epoch one update makes).
    const step = Math.max(...runs().map((r) => 1 / r.batchesPerEpoch).filter((share) => share < 1));
    expect(Math.max(...progress) - Math.min(...progress), `epoch shares ${progress}`).to.be.at.most(step + 1e-12);
    await el.updateComplete;
  });

  afterEach(cleanup);

  it('play, pause, step, reset and the end give the explorer\'s statuses and events in the race, the trainer, the network and the gradient flow', async () => {
    const explorer = await trace(WIDGETS[0]);
    cleanup();
    // The explorer's own sequence, spelled out: one gd-step per update, one gd-stop at the end, none after.
    expect(explorer).to.deep.equal([
      'loaded: ready at 0 []',
      'played until the first step: running at 1 [gd-step@1]',
      'paused: paused at 1 []',
      'stepped: paused at 2 [gd-step@2]',
      'reset: ready at 0 []',
      'step 1: paused at 1 [gd-step@1]',
      'step 2: paused at 2 [gd-step@2]',
      'step 3: paused at 3 [gd-step@3]',
      'step 4: paused at 4 [gd-step@4]',
      'step 5: end at 5 [gd-step@5 gd-stop@5]',
      'step 6: end at 5 []',
      'played again to the end: end at 5 [gd-step@1 gd-step@2 gd-step@3 gd-step@4 gd-step@5 gd-stop@5]',
    ]);
    for (const w of WIDGETS.slice(1)) {
      expect(await trace(w), w.tag).to.deep.equal(explorer);
      cleanup();
    }
  });

  it('the network\'s phase walk runs on the same clock: an update that ends an epoch is a step', async () => {
    // A mini-batch of every example: each walked update is a whole epoch.
    const el = await fixture<GdNetwork>('<gd-network lang="en" samples="40" batch-size="40" epochs="3"></gd-network>');
    const events: string[] = [];
    for (const type of ['gd-step', 'gd-stop', 'gd-phase']) {
      el.addEventListener(type, (e) => {
        const d = (e as CustomEvent<{ epoch?: number; phase?: string }>).detail;
        events.push(`${type}@${d.phase ?? d.epoch}`);
      });
    }
    for (let i = 0; i < 4; i++) el.stepPhase();
    await el.updateComplete;
    expect(el.status).to.equal('paused');
    await stepShown(el, 'done');
    el.stepPhase();
    el.stepPhase();
    await el.updateComplete;
    el.stepPhase();
    el.stepPhase();
    await el.updateComplete;
    expect(events).to.deep.equal([
      'gd-phase@forward', 'gd-phase@loss', 'gd-phase@backward', 'gd-step@1', 'gd-phase@update',
      'gd-step@2',
      'gd-phase@forward', 'gd-phase@loss', 'gd-phase@backward', 'gd-step@3', 'gd-stop@3', 'gd-phase@update',
    ]);
    expect(el.status).to.equal('done');
    expect(el.history.epoch).to.deep.equal([0, 1, 2, 3]);
    // Done: there is no next update to walk.
    el.stepPhase();
    await el.updateComplete;
    expect(events).to.have.length(12);
    expect(el.phase).to.equal('update');
  });

  it('the trainer goes on when a mode diverges: the others train every epoch', async () => {
    // At lr 1 stochastic descent on 40 examples diverges in epoch 8; batch descent does not.
    const el = await fixture<GdBatchTrainer>('<gd-batch-trainer lang="en" samples="40" epochs="10" lr="1" modes="batch,sgd"></gd-batch-trainer>');
    const epochs: number[] = [];
    el.addEventListener('gd-step', (e) => epochs.push((e as CustomEvent<{ epoch: number }>).detail.epoch));
    for (let i = 0; i < 10; i++) await stepShown(el, 'done');
    await el.updateComplete;
    expect(el.status).to.equal('done');
    expect(epochs).to.deep.equal([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const h = el.history;
    expect(h.batch!.epoch[h.batch!.epoch.length - 1]).to.equal(10);
    expect(h.sgd!.epoch[h.sgd!.epoch.length - 1]).to.be.lessThan(10);
  });

  it('each mode keeps its colour on the chart and in the key, whichever modes are shown', async () => {
    const el = await fixture<GdBatchTrainer>('<gd-batch-trainer lang="en" samples="40" modes="sgd,minibatch"></gd-batch-trainer>');
    const style = getComputedStyle(el);
    const colour = (name: string) => {
      const probe = document.createElement('canvas').getContext('2d')!;
      probe.fillStyle = style.getPropertyValue(name).trim();
      return probe.fillStyle;
    };
    const datasets = (el as unknown as { lossChart: { chart: { chart: { data: { datasets: { borderColor: string }[] } } } } }).lossChart.chart.chart.data.datasets;
    const drawn = datasets.map((d) => {
      const probe = document.createElement('canvas').getContext('2d')!;
      probe.fillStyle = d.borderColor;
      return probe.fillStyle;
    });
    const swatches = [...el.shadowRoot!.querySelectorAll('ul.legend .swatch')].map((s) => s.className);
    expect(drawn).to.deep.equal([colour('--gd-series-2'), colour('--gd-series-3')]);
    expect(swatches.join(' ')).to.match(/series-2[\s\S]*series-3/);
  });
});
