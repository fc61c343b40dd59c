/**
 * Section "optimizers": steps per second of the core's gd, nesterov and adam on
 * Rosenbrock from (-1.2, 1), side by side with
 *   - a hand-written scalar loop of the same rule (hand-loops.ts), and
 *   - TensorFlow.js (tfjs-core on its pure-JS CPU backend), `optimizer.minimize` per step.
 *
 * The core is timed two ways: `descend` (records path, values and gradient norms, as a
 * widget uses it) against the recording hand loop, and a bare `optimizer.step` loop
 * against the bare hand loop. Goals: descend reaches at least half the recording hand
 * loop's speed, and at least 1000 times TensorFlow.js's.
 */
import {
  createOptimizer,
  descend,
  getSurface,
  leashOf,
  type Optimizer,
  type OptimizerName,
  type OptimizerOptions,
  type Surface,
} from '../src/core/index.js';
import * as hand from './hand-loops.js';
import { consume, formatRate, median, formatRatio, formatTable, measureInterleaved, verdict, type Contender } from './measure.js';
import type { Section, SectionContext, SectionResult } from './section.js';
import { loadTf, type Tf } from './tfjs.js';
import type { Optimizer as TfOptimizer, Scalar } from '@tensorflow/tfjs-core';

/** Steps per run of the JS contenders, and of TensorFlow.js (much slower per step). */
const STEPS = 20_000;
const TF_STEPS = 300;
const START: readonly [number, number] = [-1.2, 1];
const GOAL_VS_HAND = 0.5;
const GOAL_VS_TF = 1000;

type Case = {
  name: Extract<OptimizerName, 'gd' | 'nesterov' | 'adam'>;
  options: OptimizerOptions;
  /** The same rule in TensorFlow.js. */
  tf(tf: Tf): TfOptimizer;
};

const ADAM = { lr: 0.02, beta1: 0.9, beta2: 0.999, eps: 1e-8 };

const CASES: readonly Case[] = [
  { name: 'gd', options: { lr: 1e-3 }, tf: (tf) => tf.train.sgd(1e-3) },
  // TF's Nesterov is the same method after a change of variables (it tracks the
  // look-ahead point), so its path differs from the core's: compare speed only.
  { name: 'nesterov', options: { lr: 1e-3, beta: 0.9 }, tf: (tf) => tf.train.momentum(1e-3, 0.9, true) },
  { name: 'adam', options: ADAM, tf: (tf) => tf.train.adam(ADAM.lr, ADAM.beta1, ADAM.beta2, ADAM.eps) },
];

/** The recording and bare hand loops of one case, with the case's hyperparameters. */
function handLoops(c: Case, surface: Surface): { recorded(steps: number): hand.HandDescent; bare(steps: number): hand.HandBare } {
  const leash = leashOf(surface);
  const l: hand.HandLeash = { cx: leash.centre[0], cy: leash.centre[1], r2: leash.radius * leash.radius };
  const [x0, y0] = START;
  switch (c.name) {
    case 'gd': {
      const lr = c.options.lr!;
      return { recorded: (n) => hand.gdRecorded(n, x0, y0, lr, l), bare: (n) => hand.gdBare(n, x0, y0, lr) };
    }
    case 'nesterov': {
      const lr = c.options.lr!;
      const beta = c.options.beta!;
      return {
        recorded: (n) => hand.nesterovRecorded(n, x0, y0, lr, beta, l),
        bare: (n) => hand.nesterovBare(n, x0, y0, lr, beta),
      };
    }
    case 'adam':
      return { recorded: (n) => hand.adamRecorded(n, x0, y0, ADAM, l), bare: (n) => hand.adamBare(n, x0, y0, ADAM) };
  }
}

/** `steps` bare `optimizer.step` calls from START; returns the end point and the sum of the values. */
function bareCoreLoop(optimizer: Optimizer, surface: Surface, steps: number): { x: Float64Array; valueSum: number } {
  const x = Float64Array.from(START);
  let valueSum = 0;
  for (let k = 0; k < steps; k++) valueSum += optimizer.step(x, surface);
  return { x, valueSum };
}

/** Rosenbrock in TensorFlow.js on two scalar variables, and a minimizer that runs `steps` updates. */
function tfRosenbrock(tf: Tf) {
  const x = tf.variable(tf.scalar(START[0]));
  const y = tf.variable(tf.scalar(START[1]));
  const f = () =>
    tf.add(tf.square(tf.sub(1, x)), tf.mul(100, tf.square(tf.sub(y, tf.square(x))))) as Scalar;
  const reset = () =>
    tf.tidy(() => {
      x.assign(tf.scalar(START[0]));
      y.assign(tf.scalar(START[1]));
    });
  /** Runs `steps` updates from START; calls `each` with the point after every update. */
  const minimize = (optimizer: TfOptimizer, steps: number, each?: (px: number, py: number) => void) => {
    reset();
    for (let k = 0; k < steps; k++) {
      tf.tidy(() => {
        optimizer.minimize(f, false, [x, y]);
      });
      if (each) each(x.dataSync()[0], y.dataSync()[0]);
    }
    return [x.dataSync()[0], y.dataSync()[0]] as const;
  };
  /** Frees the variables, so later sections' minimize() calls do not see them. */
  const dispose = () => {
    x.dispose();
    y.dispose();
  };
  return { minimize, dispose };
}

function maxPathDifference(a: ArrayLike<ArrayLike<number>>, b: ArrayLike<ArrayLike<number>>): number {
  if (a.length !== b.length) return Infinity;
  let d = 0;
  for (let k = 0; k < a.length; k++) {
    d = Math.max(d, Math.abs(a[k][0] - b[k][0]), Math.abs(a[k][1] - b[k][1]));
  }
  return d;
}

/** Largest relative difference of two series (values or gradient norms). */
function maxRelativeDifference(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length) return Infinity;
  let d = 0;
  for (let k = 0; k < a.length; k++) d = Math.max(d, Math.abs(a[k] - b[k]) / Math.max(1e-300, Math.abs(a[k]), Math.abs(b[k])));
  return d;
}

const sci = (v: number) => (v === 0 ? '0' : v.toExponential(1));

async function run({ log }: SectionContext): Promise<SectionResult> {
  const surface = getSurface('rosenbrock');
  const tf = await loadTf();
  const tfr = tfRosenbrock(tf);
  const verdicts: string[] = [];

  // 1. The rivals compute the same thing. Hand loops against descend and the bare step
  //    loop: the first CHECK_STEPS points to 1e-9, and whole runs stop alike after the
  //    same number of steps. (Over whole runs, Adam near the minimum amplifies
  //    last-bit rounding differences from how the formula is arranged; that difference
  //    is printed, not judged.) TensorFlow.js (float32): the first steps of gd and Adam.
  const CHECK_STEPS = 1000;
  const checks: string[] = [];
  let handOk = true;
  for (const c of CASES) {
    const loops = handLoops(c, surface);
    const d = descend(surface, createOptimizer(c.name, c.options), START, { steps: STEPS });
    const h = loops.recorded(STEPS);
    const head = <T>(xs: readonly T[]): T[] => xs.slice(0, CHECK_STEPS + 1);
    const pathDiff = maxPathDifference(head(d.path), head(h.path));
    const valueDiff = Math.max(
      maxRelativeDifference(head(d.values), head(h.values)),
      maxRelativeDifference(head(d.gradientNorms), head(h.gradientNorms)),
    );
    const b = bareCoreLoop(createOptimizer(c.name, c.options), surface, CHECK_STEPS);
    const hb = loops.bare(CHECK_STEPS);
    const bareDiff = Math.max(Math.abs(b.x[0] - hb.x), Math.abs(b.x[1] - hb.y));
    const wholeDiff = maxPathDifference(d.path, h.path);
    const end = d.path[d.path.length - 1];
    const ok =
      d.stop === 'max-steps' &&
      h.stop === d.stop &&
      h.path.length === d.path.length &&
      pathDiff < 1e-9 &&
      valueDiff < 1e-9 &&
      bareDiff < 1e-9;
    handOk &&= ok;
    checks.push(
      `${c.name}: ${d.stop} at (${end[0].toFixed(4)}, ${end[1].toFixed(4)}); first ${CHECK_STEPS} steps: ` +
        `path ${sci(pathDiff)}, values/norms ${sci(valueDiff)}, bare ${sci(bareDiff)}; whole run: path ${sci(wholeDiff)}`,
    );
  }
  log(`hand loops reproduce the core (max abs/rel differences): ${handOk ? 'yes' : 'NO'}`);
  for (const line of checks) log(`  ${line}`);
  if (!handOk) verdicts.push('optimizers: hand loops do not reproduce the core, speed ratios are suspect: MISSED');

  const TF_CHECK_STEPS = 5;
  const tfDiffs: Record<string, number> = {};
  for (const c of CASES.filter((c) => c.name !== 'nesterov')) {
    const d = descend(surface, createOptimizer(c.name, c.options), START, { steps: TF_CHECK_STEPS });
    const tfPath: number[][] = [[...START]];
    const opt = c.tf(tf);
    tfr.minimize(opt, TF_CHECK_STEPS, (px, py) => tfPath.push([px, py]));
    opt.dispose();
    tfDiffs[c.name] = maxPathDifference(d.path, tfPath);
  }
  const tfOk = tfDiffs.gd < 1e-6;
  log(
    `TensorFlow.js path matches the core's over ${TF_CHECK_STEPS} steps (float32, goal 1e-6): ` +
      `${tfOk ? 'yes' : 'NO'}: gd ${sci(tfDiffs.gd)}, adam ${sci(tfDiffs.adam)}; nesterov compared for speed only ` +
      `(TF's form tracks the look-ahead point)`,
  );
  if (!tfOk) verdicts.push(`optimizers: TensorFlow.js gd path differs from the core's by ${sci(tfDiffs.gd)}: MISSED`);

  // 2. Timing: all fifteen contenders interleaved in the same rounds.
  const contenders: Contender[] = [];
  for (const c of CASES) {
    const loops = handLoops(c, surface);
    contenders.push(
      {
        label: `${c.name}/descend`,
        run: () => {
          const d = descend(surface, createOptimizer(c.name, c.options), START, { steps: STEPS });
          consume(d.path[d.path.length - 1][0] + d.values[d.values.length - 1]);
          return d.path.length - 1;
        },
      },
      {
        label: `${c.name}/hand`,
        run: () => {
          const h = loops.recorded(STEPS);
          consume(h.path[h.path.length - 1][0] + h.values[h.values.length - 1]);
          return h.path.length - 1;
        },
      },
      {
        label: `${c.name}/bare`,
        run: () => {
          const b = bareCoreLoop(createOptimizer(c.name, c.options), surface, STEPS);
          consume(b.x[0] + b.valueSum);
          return STEPS;
        },
      },
      {
        label: `${c.name}/hand-bare`,
        run: () => {
          const b = loops.bare(STEPS);
          consume(b.x + b.valueSum);
          return STEPS;
        },
      },
      {
        label: `${c.name}/tfjs`,
        run: () => {
          const opt = c.tf(tf);
          const [px] = tfr.minimize(opt, TF_STEPS);
          opt.dispose();
          consume(px);
          return TF_STEPS;
        },
      },
    );
  }
  const rounds = 9;
  const t0 = performance.now();
  const rates = measureInterleaved(contenders, { rounds, warmupMs: 300, minSampleMs: 50 });
  const seconds = (performance.now() - t0) / 1000;
  tfr.dispose();

  const rate = (label: string) => rates.get(label)!.median;
  const rows = CASES.map((c) => {
    const r = (kind: string) => rate(`${c.name}/${kind}`);
    return [
      c.name,
      formatRate(r('descend')),
      formatRate(r('hand')),
      formatRatio(r('descend') / r('hand')),
      formatRate(r('bare')),
      formatRate(r('hand-bare')),
      formatRatio(r('bare') / r('hand-bare')),
      formatRate(r('tfjs')),
      formatRatio(r('descend') / r('tfjs')),
      formatRatio(r('bare') / r('tfjs')),
    ];
  });
  log('');
  log(
    `steps/s, Rosenbrock from (${START.join(', ')}); median of ${rounds} interleaved rounds (${seconds.toFixed(1)} s); ` +
      `${STEPS} steps per JS run, ${TF_STEPS} per tfjs run`,
  );
  const header = ['optimizer', 'descend', 'hand', 'core/hand', 'bare step', 'hand bare', 'bare/bare', 'tfjs', 'core/tfjs', 'bare/tfjs'];
  for (const line of formatTable(header, rows)) log(line);
  log('descend/hand record path, values and gradient norms; bare = optimizer.step loop vs hand loop recording nothing;');
  log(`tfjs = tfjs-core ${tf.version_core} cpu backend, minimize() per step in tf.tidy, nothing recorded; core/tfjs uses descend.`);
  const spreads = [...rates.values()].map((r) => ({ label: r.label, spread: (r.max - r.min) / r.median }));
  const worst = spreads.reduce((a, b) => (b.spread > a.spread ? b : a));
  const typical = median(spreads.map((s) => s.spread));
  log(
    `noise, (max - min) / median over the rounds: typically ${(typical * 100).toFixed(0)}%, ` +
      `worst ${(worst.spread * 100).toFixed(0)}% (${worst.label})`,
  );

  for (const c of CASES) {
    const vsHand = rate(`${c.name}/descend`) / rate(`${c.name}/hand`);
    const vsTf = rate(`${c.name}/descend`) / rate(`${c.name}/tfjs`);
    verdicts.push(
      `${c.name}: core reaches ${vsHand.toFixed(2)} of the hand loop's speed (goal >= ${GOAL_VS_HAND}): ${verdict(vsHand >= GOAL_VS_HAND)}`,
      `${c.name}: core is ${Math.round(vsTf)} times TensorFlow.js (goal >= ${GOAL_VS_TF}): ${verdict(vsTf >= GOAL_VS_TF)}`,
    );
  }
  return { verdicts };
}

export const optimizersSection: Section = {
  id: 'optimizers',
  title: 'Optimizer speed: core vs hand-written loop vs TensorFlow.js',
  run,
};
