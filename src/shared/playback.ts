/**
 * Playing a run: which frame is shown, play, pause, step and reset, and the `gd-step` /
 * `gd-stop` events; one clock for every figure. A descent is computed up front by the
 * core and the playback only reveals it, so what plays is exactly what `descend`
 * returned. A training run is computed as it is shown, an epoch a frame: its figure
 * gives `reach`, and the playback asks for each frame before it shows it.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { StopReason } from '../core/index.js';
import { AnimationController } from '../controllers/animation.js';

export interface PlaybackOptions<End extends string = StopReason> {
  /** Frames per second while playing (updates, or epochs). */
  speed(): number;
  /** The index of the last frame (the run's number of updates, or of epochs). */
  last(): number;
  /** Why the run ended, shown once the last frame is reached. */
  stop(): End;
  /** The `detail` of `gd-step` at frame k (`gd-stop` adds `reason`). */
  stepDetail(k: number): object;
  /** Called once when the last frame is reached: announce it. */
  onStop?(k: number): void;
  /**
   * For a run computed as it plays: makes the frames up to `k` ready, computing for at
   * most a frame's time budget, and returns the last frame ready (k once it got there).
   * `reach(0)` starts the run again (playback goes back only to the start). Without
   * it every frame of the run is ready.
   */
  reach?(k: number): number;
}

export type PlaybackStatus<End extends string = StopReason> = 'ready' | 'running' | 'paused' | End;

export class PlaybackController<End extends string = StopReason> implements ReactiveController {
  /** The frame shown: the number of updates (or epochs) revealed. */
  k = 0;
  private readonly animation: AnimationController;
  private stopped = false;
  /** A frame being computed to be shown without playing it (a changed setting keeps the reader's place). */
  private goal = 0;
  /** Frames asked for by `step()` still being computed: shown with their events once ready. */
  private owed = 0;
  private catchingUp = false;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: PlaybackOptions<End>,
  ) {
    host.addController(this);
    this.animation = new AnimationController(host, { onSteps: (n) => this.advance(n), speed: options.speed });
  }

  get playing(): boolean {
    return this.animation.playing;
  }

  get ended(): boolean {
    return this.k >= this.options.last();
  }

  /** 'ready' | 'running' | 'paused', or the stop reason once the last frame shows. */
  get status(): PlaybackStatus<End> {
    if (this.ended) return this.options.stop();
    if (this.playing) return 'running';
    return this.k === 0 ? 'ready' : 'paused';
  }

  /** A new run: shown from its start (or all at once, with `at: 'end'`). */
  load(at: 'start' | 'end' = 'start'): void {
    this.stopped = false;
    this.owed = 0;
    this.seek(at === 'end' ? this.options.last() : 0);
    if (at === 'end') this.stopped = true;
  }

  /**
   * A new run of changed settings, shown from where the old one was: the same frame as
   * far as the new run goes (its last frame when it is shorter), still playing if it
   * was. With `toEnd`, the new run's last frame (a figure that showed a whole run shows
   * the whole new one). A playing run that is now at its end stops at the next tick,
   * with its event. A run computed as it plays is brought to that frame without events,
   * a frame's budget at a time.
   */
  keep(toEnd = false): void {
    const last = this.options.last();
    this.owed = 0;
    this.seek(toEnd ? last : Math.min(Math.max(this.k, this.goal), last));
    this.stopped = toEnd;
  }

  /**
   * Plays from where it is; from the start once the run has ended. Playing again is a
   * new showing: its end is announced again with `gd-stop`, even for a run of no update
   * (its start is its end), which a run loaded at its end would otherwise never send.
   */
  play(): void {
    this.owed = 0;
    if (this.ended) {
      this.stopped = false;
      this.goTo(0);
    }
    this.animation.play();
  }

  pause(): void {
    this.animation.pause();
  }

  toggle(): void {
    if (this.playing) this.pause();
    else this.play();
  }

  /** One update (or epoch): shown at once, or as soon as it has been computed. */
  step(): void {
    this.animation.pause();
    this.owed++;
    this.payOwed();
  }

  /** Back to the start, paused. */
  reset(): void {
    this.animation.pause();
    this.owed = 0;
    this.goTo(0);
  }

  hostConnected(): void {
    if (this.goal > this.k || this.owed > 0) this.catchUp();
  }

  private goTo(k: number): void {
    this.seek(k);
    if (!this.ended) this.stopped = false;
  }

  /** The frames ready up to `k`: all of them, or as many as the figure's `reach` computed now. */
  private reach(k: number): number {
    return this.options.reach ? Math.min(this.options.reach(k), k) : k;
  }

  /** Shows frame k without events: at once when it is ready, else as soon as it has been computed. */
  private seek(k: number): void {
    const wanted = Math.max(0, Math.min(k, this.options.last()));
    this.goal = wanted;
    this.k = this.reach(wanted);
    if (this.k < this.goal) this.catchUp();
    this.host.requestUpdate();
  }

  /**
   * While paused, computes a frame's budget per animation frame toward the frame kept
   * and the steps asked for (playing, each tick does it); stops off the page.
   */
  private catchUp(): void {
    if (this.catchingUp) return;
    this.catchingUp = true;
    requestAnimationFrame(() => {
      this.catchingUp = false;
      if (!this.host.isConnected || this.playing) return;
      if (this.owed > 0) this.payOwed();
      else if (this.goal > this.k) {
        this.k = this.reach(this.goal);
        this.host.requestUpdate();
        if (this.k < this.goal) this.catchUp();
      }
    });
  }

  /** Shows the frames `step()` asked for, as far as they are ready; the rest later. */
  private payOwed(): void {
    this.owed -= this.reveal(this.owed);
    if (this.ended) this.owed = 0;
    if (this.owed > 0) this.catchUp();
  }

  /** A tick of play: up to `count` more frames; false once the run has ended. */
  private advance(count: number): boolean {
    this.reveal(count);
    return !this.ended;
  }

  /**
   * Shows up to `count` more frames with their events, after the frame kept (without
   * events) once it is ready, and ends the run at its last frame. Returns how many
   * frames it showed.
   */
  private reveal(count: number): number {
    const last = this.options.last();
    if (this.goal > this.k) {
      this.k = this.reach(this.goal);
      this.host.requestUpdate();
      if (this.k < this.goal) return 0;
    }
    const from = this.k;
    const target = this.reach(Math.min(this.k + count, last));
    while (this.k < target) {
      this.k++;
      this.emit('gd-step', this.options.stepDetail(this.k));
    }
    this.goal = this.k;
    this.host.requestUpdate();
    if (this.k >= last) {
      this.animation.pause();
      if (!this.stopped) {
        this.stopped = true;
        this.options.onStop?.(this.k);
        this.emit('gd-stop', { ...this.options.stepDetail(this.k), reason: this.options.stop() });
      }
    }
    return this.k - from;
  }

  private emit(type: string, detail: object): void {
    this.host.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }
}
