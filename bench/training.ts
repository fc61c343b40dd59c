/**
 * Section "training": examples per second of one epoch of mini-batch gradient descent.
 * Linear regression with MSE on 10,000 synthetic examples of 10 features, batch 32
 * (313 updates), plain gd with lr 0.01, from zero parameters, side by side with
 *   - a hand-written loop doing the same (shuffle, mini-batch mean gradient, update), and
 *   - TensorFlow.js (tfjs-core on its pure-JS CPU backend): the same data as tensors, per
 *     batch a gather of the batch's rows and `optimizer.minimize` of the MSE in `tf.tidy`.
 * All three visit the examples in the same shuffled order (the core's generator).
 *
 * The core is the `Trainer` as a widget uses it: `reset()` then `runEpoch()`, which
 * also records the full-data loss after the epoch (one extra pass over the data, without
 * gradients). Goals: the core reaches at least half the hand loop's speed, and at least
 * 30 times TensorFlow.js's.
 */
import { Trainer, createModel, createRandom, epochBatches, makeDataset, type Dataset } from '../src/core/index.js';
import { consume, formatRate, formatRatio, formatTable, measureInterleaved, median, verdict, type Contender } from './measure.js';
import type { Section, SectionContext, SectionResult } from './section.js';
import { loadTf, type Tf } from './tfjs.js';
import type { Scalar, Tensor2D, Variable } from '@tensorflow/tfjs-core';

const SAMPLES = 10_000;
const FEATURES = 10;
const BATCH = 32;
const LR = 0.01;
const SEED = 7;
const GOAL_VS_HAND = 0.5;
const GOAL_VS_TF = 30;

/**
 * One epoch by hand: Fisher–Yates on 0..n-1 with the core's generator (the same draws
 * as the Trainer's shuffle), then for each batch B of the order
 *   g = (1/|B|) sum_{i in B} 2 r_i (x_i, 1),  r_i = w . x_i + b - y_i;   theta <- theta - lr g
 * Parameters [w_1..w_d, b] in `theta`, updated in place. Scratch is allocated once.
 */
function handLoop(ds: Dataset) {
  const { x: X, y: Y, n, d } = ds;
  const order = new Int32Array(n);
  const g = new Float64Array(d + 1);
  return (theta: Float64Array, seed: number): void => {
    const random = createRandom(seed);
    for (let i = 0; i < n; i++) order[i] = i;
    for (let i = n - 1; i > 0; i--) {
      const j = random.int(i + 1);
      const t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    for (let start = 0; start < n; start += BATCH) {
      const end = Math.min(n, start + BATCH);
      g.fill(0);
      for (let t = start; t < end; t++) {
        const i = order[t];
        const o = i * d;
        let z = theta[d];
        for (let j = 0; j < d; j++) z += theta[j] * X[o + j];
        const r = z - Y[i];
        for (let j = 0; j < d; j++) g[j] += r * X[o + j];
        g[d] += r;
      }
      const scale = (2 * LR) / (end - start);
      for (let k = 0; k <= d; k++) theta[k] -= scale * g[k];
    }
  };
}

/** The same epoch in TensorFlow.js; returns a runner and a dispose. */
function tfLoop(tf: Tf, ds: Dataset) {
  const { n, d } = ds;
  const X = tf.tensor2d(Float32Array.from(ds.x), [n, d]);
  const Y = tf.tensor2d(Float32Array.from(ds.y), [n, 1]);
  const w: Variable = tf.variable(tf.zeros([d, 1]));
  const b: Variable = tf.variable(tf.zeros([1]));
  const optimizer = tf.train.sgd(LR);
  /** One epoch from zero parameters; returns [w_1..w_d, b]. */
  const run = (seed: number): Float32Array => {
    tf.tidy(() => {
      w.assign(tf.zeros([d, 1]));
      b.assign(tf.zeros([1]));
    });
    for (const batch of epochBatches(n, BATCH, createRandom(seed))) {
      tf.tidy(() => {
        const idx = tf.tensor1d(batch, 'int32');
        const xb = tf.gather(X, idx) as Tensor2D;
        const yb = tf.gather(Y, idx) as Tensor2D;
        // MSE = mean((X_B w + b - y_B)^2)
        optimizer.minimize(() => tf.mean(tf.square(tf.sub(tf.add(tf.matMul(xb, w), b), yb))) as Scalar, false, [w, b]);
      });
    }
    const out = new Float32Array(d + 1);
    out.set(w.dataSync());
    out[d] = b.dataSync()[0];
    return out;
  };
  const dispose = () => {
    for (const t of [X, Y, w, b]) t.dispose();
    optimizer.dispose();
  };
  return { run, dispose };
}

const sci = (v: number) => (v === 0 ? '0' : v.toExponential(1));

function maxDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) return Infinity;
  let m = 0;
  for (let k = 0; k < a.length; k++) m = Math.max(m, Math.abs(a[k] - b[k]));
  return m;
}

async function run({ log }: SectionContext): Promise<SectionResult> {
  const ds = makeDataset('linear', { samples: SAMPLES, features: FEATURES, seed: 1 });
  const model = createModel(ds, 'mse');
  const trainer = new Trainer(model, { batchSize: BATCH, epochs: 1, seed: SEED, optimizer: 'gd', options: { lr: LR } });
  const hand = handLoop(ds);
  const tf = await loadTf();
  const tfl = tfLoop(tf, ds);
  const verdicts: string[] = [];

  // 1. The three compute the same epoch: core and hand loop to 1e-9, TensorFlow.js in float32.
  trainer.reset();
  trainer.runEpoch();
  const core = Float64Array.from(trainer.params);
  const handTheta = new Float64Array(FEATURES + 1);
  hand(handTheta, SEED);
  const tfTheta = tfl.run(SEED);
  const handDiff = maxDifference(core, handTheta);
  const tfDiff = maxDifference(core, tfTheta);
  const handOk = handDiff < 1e-9;
  const tfOk = tfDiff < 1e-4;
  log(
    `one epoch (${trainer.updates} updates of ${BATCH}): loss ${trainer.history.loss[0].toFixed(3)} -> ` +
      `${trainer.history.loss[1].toFixed(4)}; w_1 ${core[0].toFixed(6)} (true ${ds.trueParams![0]}), b ${core[FEATURES].toFixed(6)}`,
  );
  log(`hand loop gives the core's parameters (max abs difference, goal 1e-9): ${handOk ? 'yes' : 'NO'}, ${sci(handDiff)}`);
  log(`TensorFlow.js gives the core's parameters (float32, goal 1e-4): ${tfOk ? 'yes' : 'NO'}, ${sci(tfDiff)}`);
  if (!handOk) verdicts.push(`training: the hand loop differs from the core by ${sci(handDiff)}, speed ratio suspect: MISSED`);
  if (!tfOk) verdicts.push(`training: TensorFlow.js differs from the core by ${sci(tfDiff)}: MISSED`);

  // 2. Timing, interleaved rounds; one run = one epoch from zero parameters.
  const contenders: Contender[] = [
    {
      label: 'core',
      run: () => {
        trainer.reset();
        trainer.runEpoch();
        consume(trainer.params[0]);
        return SAMPLES;
      },
    },
    {
      label: 'hand',
      run: () => {
        handTheta.fill(0);
        hand(handTheta, SEED);
        consume(handTheta[0]);
        return SAMPLES;
      },
    },
    {
      label: 'tfjs',
      run: () => {
        consume(tfl.run(SEED)[0]);
        return SAMPLES;
      },
    },
  ];
  const rounds = 9;
  const t0 = performance.now();
  const rates = measureInterleaved(contenders, { rounds, warmupMs: 500, minSampleMs: 100 });
  const seconds = (performance.now() - t0) / 1000;
  tfl.dispose();

  const rate = (label: string) => rates.get(label)!.median;
  const vsHand = rate('core') / rate('hand');
  const vsTf = rate('core') / rate('tfjs');
  log('');
  log(
    `examples/s, one epoch of ${SAMPLES} examples x ${FEATURES} features, batch ${BATCH}, gd lr ${LR}; ` +
      `median of ${rounds} interleaved rounds (${seconds.toFixed(1)} s)`,
  );
  const rows = [
    ['core Trainer', formatRate(rate('core')), formatRatio(1), formatRatio(vsHand), formatRatio(vsTf)],
    ['hand loop', formatRate(rate('hand')), formatRatio(rate('hand') / rate('core')), formatRatio(1), formatRatio(rate('hand') / rate('tfjs'))],
    ['tfjs', formatRate(rate('tfjs')), formatRatio(rate('tfjs') / rate('core')), formatRatio(rate('tfjs') / rate('hand')), formatRatio(1)],
  ];
  for (const line of formatTable(['contender', 'examples/s', '/core', '/hand', '/tfjs'], rows)) log(line);
  log('core = Trainer.reset() + runEpoch(), which also records the full-data loss after the epoch;');
  log(`tfjs = tfjs-core ${tf.version_core} cpu backend, gather + minimize() per batch in tf.tidy.`);
  const spreads = [...rates.values()].map((r) => ({ label: r.label, spread: (r.max - r.min) / r.median }));
  const worst = spreads.reduce((a, b) => (b.spread > a.spread ? b : a));
  log(
    `noise, (max - min) / median over the rounds: typically ${(median(spreads.map((s) => s.spread)) * 100).toFixed(0)}%, ` +
      `worst ${(worst.spread * 100).toFixed(0)}% (${worst.label})`,
  );

  verdicts.push(
    `training: core reaches ${vsHand.toFixed(2)} of the hand loop's speed (goal >= ${GOAL_VS_HAND}): ${verdict(vsHand >= GOAL_VS_HAND)}`,
    `training: core is ${Math.round(vsTf)} times TensorFlow.js (goal >= ${GOAL_VS_TF}): ${verdict(vsTf >= GOAL_VS_TF)}`,
  );
  return { verdicts };
}

export const trainingSection: Section = {
  id: 'training',
  title: 'Training speed: one epoch of mini-batch gd, core vs hand-written loop vs TensorFlow.js',
  run,
};
