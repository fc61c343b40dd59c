/**
 * A figure as a list of lanes: one run each, drawn in its own colour. The explorer has
 * one lane, the learning-rate slider one per rate, the race one per optimizer, the
 * trainer one per batch mode. Elements keep what is their own (a rate's regime, a
 * mode's batch size) as extra fields of a lane type that extends these.
 *
 * Frames: the playback shows frame k of every lane at once. A descent lane's frame k is
 * its point after k updates, or its last point once it has stopped (runs end at
 * different updates, and a lane that has stopped stays where it stopped); the figure
 * has as many frames as its longest lane.
 */
import type { Descent, OptimizerName, ResolvedOptimizerOptions, StopReason, UpdateRecord } from '../core/index.js';
import type { SeriesTone } from '../chart/index.js';
import type { ThemeTokens } from '../theme/theme.js';

/** One run of a figure and the colour it is drawn in. */
export interface Lane<Run> {
  /** Names the lane among its figure's: 'main', the rate, the optimizer, the batch mode. */
  readonly id: string;
  /** Its colour, as a theme token: the path, the point, the loss curve and the legend's swatch agree. */
  readonly tone: SeriesTone;
  readonly run: Run;
}

/** One optimizer's run from the figure's start point: what the explorer, the slider and the race draw. */
export interface DescentLane extends Lane<Descent> {
  readonly optimizer: OptimizerName;
  readonly options: ResolvedOptimizerOptions;
}

/** What `gd-step` says: the point shown after `iteration` updates. */
export interface GdStepDetail {
  iteration: number;
  /** The current point: [x, y] on a surface, [x] on a curve. */
  position: number[];
  value: number;
  gradientNorm: number;
}

export interface GdStopDetail extends GdStepDetail {
  reason: StopReason;
}

/** The last frame of a lane: its number of updates. */
export function lastIndex(lane: Lane<Descent>): number {
  return lane.run.path.length - 1;
}

/** The figure's last frame: its longest lane's number of updates (0 without lanes). */
export function lastFrame(lanes: readonly Lane<Descent>[]): number {
  let last = 0;
  for (const lane of lanes) last = Math.max(last, lastIndex(lane));
  return last;
}

/** The index of the point a lane shows at frame k: k, or its last once it has stopped. */
export function indexAt(lane: Lane<Descent>, k: number): number {
  return Math.max(0, Math.min(k, lastIndex(lane)));
}

/** How a lane stands at frame k: null while it still runs, its stop reason from its last update on. */
export function statusAt(lane: Lane<Descent>, k: number): StopReason | null {
  return k >= lastIndex(lane) ? lane.run.stop : null;
}

/** The point a lane shows at frame k, as a plain array. */
export function pointAt(lane: Lane<Descent>, k: number): number[] {
  return Array.from(lane.run.path[indexAt(lane, k)]);
}

/** `gd-step`'s detail for a lane at frame k: the point it shows, f and the gradient norm there. */
export function stepDetail(lane: Lane<Descent>, k: number): GdStepDetail {
  const i = indexAt(lane, k);
  return { iteration: i, position: Array.from(lane.run.path[i]), value: lane.run.values[i], gradientNorm: lane.run.gradientNorms[i] };
}

/**
 * The numbers of update `index` (x_index -> x_index+1) of a lane, or null when the lane
 * made no such update.
 */
export function updateOf(lane: DescentLane, index: number): UpdateRecord | null {
  return index >= 0 && index < lastIndex(lane) ? lane.run.record(index) : null;
}

/** A lane's loss curve as far as frame k: iterations 0..indexAt(k) and f there. */
export function lossSeries(lane: Lane<Descent>, k: number): { xs: number[]; ys: number[] } {
  const n = indexAt(lane, k) + 1;
  return { xs: Array.from({ length: n }, (_, j) => j), ys: lane.run.values.slice(0, n) };
}

/** The colour of a tone in the theme's tokens ('series-2' is the second series colour). */
export function toneColor(tokens: Pick<ThemeTokens, 'accent' | 'gradient' | 'velocity' | 'series'>, tone: SeriesTone): string {
  if (tone === 'accent' || tone === 'gradient' || tone === 'velocity') return tokens[tone];
  return tokens.series[Number(tone.slice('series-'.length)) - 1];
}

/** A run trained as it is shown, an epoch a frame (the trainer's): how far it has gone. */
export interface EpochRun {
  /** Completed epochs. */
  readonly epoch: number;
  /** It has trained every epoch, or stopped early (diverged). */
  readonly done: boolean;
}

/** A run that trains a mini-batch at a time (core/training.ts Trainer). */
export interface SteppedRun extends EpochRun {
  readonly updates: number;
  readonly batchesPerEpoch: number;
  step(): boolean;
}

/** Training never holds the page longer than this per frame. */
export const TRAIN_FRAME_BUDGET_MS = 10;

/**
 * A playback's `reach` for figures that train as they show (the batch trainer, the
 * network figures): trains every lane up to epoch k, a mini-batch at a time, stopping for
 * the frame once TRAIN_FRAME_BUDGET_MS has passed, and returns the frame every lane has
 * reached (epochFrame). The lane furthest behind, in epochs with the current one's share
 * (updates over updates per epoch), takes the next mini-batch: when an epoch takes more
 * than a frame, the lanes stop the frame at the same point of it, not one done and one
 * unstarted.
 */
export function trainLanesTo(lanes: readonly Lane<SteppedRun>[], k: number, last: number): number {
  const started = performance.now();
  for (;;) {
    let behind: SteppedRun | null = null;
    for (const lane of lanes) {
      const t = lane.run;
      if (t.done || t.epoch >= k) continue;
      if (!behind || t.updates / t.batchesPerEpoch < behind.updates / behind.batchesPerEpoch) behind = t;
    }
    if (!behind) break;
    behind.step();
    if (performance.now() - started > TRAIN_FRAME_BUDGET_MS) break;
  }
  return epochFrame(lanes, last);
}

/**
 * The frame every lane of epoch-paced runs has reached: the fewest epochs completed by a
 * lane still training, `last` once every lane is done (a lane that stopped early, as a
 * diverged one, holds no other lane back).
 */
export function epochFrame(lanes: readonly Lane<EpochRun>[], last: number): number {
  let frame = last;
  for (const lane of lanes) if (!lane.run.done) frame = Math.min(frame, lane.run.epoch);
  return Math.max(0, frame);
}
