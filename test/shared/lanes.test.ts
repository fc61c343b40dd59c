/** The lane helpers: frames, the point and status of each lane at a frame, colours, epoch-paced frames. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Descent, UpdateRecord } from '../../src/core/index.js';
import {
  epochFrame,
  indexAt,
  lastFrame,
  lastIndex,
  lossSeries,
  pointAt,
  statusAt,
  stepDetail,
  toneColor,
  updateOf,
  type DescentLane,
  type Lane,
} from '../../src/shared/lanes.js';

/** A lane of a run through these points of a curve f(x) = x^2 (gradient norm |2x|). */
function lane(id: string, xs: number[], stop: Descent['stop']): DescentLane {
  const run: Descent = {
    path: xs.map((x) => Float64Array.of(x)),
    values: xs.map((x) => x * x),
    gradientNorms: xs.map((x) => Math.abs(2 * x)),
    stop,
    record: (k: number) => ({ k }) as unknown as UpdateRecord,
  };
  return { id, tone: 'series-1', optimizer: 'gd', options: { lr: 0.25, beta: 0.9, beta1: 0.9, beta2: 0.999, eps: 1e-8, ema: false, clip: Infinity }, run };
}

const short = lane('fast', [2, 1, 0.5], 'converged'); // 2 updates
const long = lane('slow', [2, 1.8, 1.6, 1.4, 1.2], 'max-steps'); // 4 updates
const none = lane('none', [2], 'converged'); // no update

test('the frames of a figure are its longest lane\'s updates', () => {
  assert.equal(lastIndex(short), 2);
  assert.equal(lastFrame([short, long]), 4);
  assert.equal(lastFrame([long, short]), 4);
  assert.equal(lastFrame([none]), 0);
  assert.equal(lastFrame([]), 0);
});

test('a lane that has stopped shows its last point at later frames', () => {
  assert.deepEqual([0, 1, 2, 3, 4].map((k) => indexAt(short, k)), [0, 1, 2, 2, 2]);
  assert.deepEqual([0, 1, 2, 3, 4].map((k) => indexAt(long, k)), [0, 1, 2, 3, 4]);
  assert.deepEqual(pointAt(short, 3), [0.5]);
  assert.deepEqual(pointAt(long, 3), [1.4]);
  assert.equal(indexAt(none, 5), 0);
});

test('a lane runs until its last update, then says how it stopped', () => {
  assert.deepEqual([0, 1, 2, 3].map((k) => statusAt(short, k)), [null, null, 'converged', 'converged']);
  assert.deepEqual([0, 3, 4].map((k) => statusAt(long, k)), [null, null, 'max-steps']);
  assert.equal(statusAt(none, 0), 'converged');
});

test('gd-step\'s detail is the point the lane shows, with f and the gradient norm there', () => {
  assert.deepEqual(stepDetail(short, 1), { iteration: 1, position: [1], value: 1, gradientNorm: 2 });
  assert.deepEqual(stepDetail(short, 4), { iteration: 2, position: [0.5], value: 0.25, gradientNorm: 1 });
});

test('the update of an index exists only for updates the lane made', () => {
  assert.deepEqual(updateOf(short, 0), { k: 0 });
  assert.deepEqual(updateOf(short, 1), { k: 1 });
  assert.equal(updateOf(short, 2), null);
  assert.equal(updateOf(short, -1), null);
  assert.equal(updateOf(none, 0), null);
});

test('a lane\'s loss curve goes as far as the frame, and no further than its run', () => {
  assert.deepEqual(lossSeries(long, 2), { xs: [0, 1, 2], ys: [4, 1.8 * 1.8, 1.6 * 1.6] });
  assert.deepEqual(lossSeries(short, 4), { xs: [0, 1, 2], ys: [4, 1, 0.25] });
  assert.deepEqual(lossSeries(none, 0), { xs: [0], ys: [4] });
});

test('a tone is its theme colour', () => {
  const tokens = { accent: '#a', gradient: '#g', velocity: '#v', series: ['#1', '#2', '#3', '#4', '#5', '#6'] };
  assert.equal(toneColor(tokens, 'accent'), '#a');
  assert.equal(toneColor(tokens, 'gradient'), '#g');
  assert.equal(toneColor(tokens, 'velocity'), '#v');
  assert.equal(toneColor(tokens, 'series-1'), '#1');
  assert.equal(toneColor(tokens, 'series-3'), '#3');
  assert.equal(toneColor(tokens, 'series-6'), '#6');
});

test('epoch-paced lanes: the frame is the fewest epochs of a lane still training; a stopped lane holds none back', () => {
  const epochs = (id: string, epoch: number, done: boolean): Lane<{ epoch: number; done: boolean }> => ({ id, tone: 'series-1', run: { epoch, done } });
  assert.equal(epochFrame([epochs('batch', 3, false), epochs('sgd', 2, false)], 10), 2);
  // sgd diverged at epoch 1: the others go on.
  assert.equal(epochFrame([epochs('batch', 3, false), epochs('sgd', 1, true)], 10), 3);
  assert.equal(epochFrame([epochs('batch', 10, true), epochs('sgd', 10, true)], 10), 10);
  assert.equal(epochFrame([epochs('batch', 10, true), epochs('sgd', 4, true)], 10), 10);
  assert.equal(epochFrame([], 10), 10);
});
