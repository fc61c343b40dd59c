/**
 * Playing a computed run: which frame is shown, play, pause, step and reset, and the
 * `gd-step` / `gd-stop` events. The run itself is computed up front by the core; the
 * playback only reveals it, so what plays is exactly what `descend` returned.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { StopReason } from '../core/index.js';
import type { Status } from '../i18n/messages.js';
import { AnimationController } from '../controllers/animation.js';

export interface PlaybackOptions {
  /** Updates per second while playing. */
  speed(): number;
  /** The index of the last frame (the run's number of updates). */
  last(): number;
  /** Why the run ended, shown once the last frame is reached. */
  stop(): StopReason;
  /** The `detail` of `gd-step` at frame k. */
  stepDetail(k: number): object;
  /** Called once when the last frame is reached: announce it. */
  onStop?(k: number): void;
}

export class PlaybackController implements ReactiveController {
  /** The frame shown: the number of updates revealed. */
  k = 0;
  private readonly animation: AnimationController;
  private stopped = false;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: PlaybackOptions,
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
  get status(): Status {
    if (this.ended) return this.options.stop();
    if (this.playing) return 'running';
    return this.k === 0 ? 'ready' : 'paused';
  }

  /** A new run: shown from its start (or all at once, with `at: 'end'`). */
  load(at: 'start' | 'end' = 'start'): void {
    this.stopped = false;
    this.k = at === 'end' ? this.options.last() : 0;
    if (at === 'end') this.stopped = true;
  }

  /**
   * A new run of changed settings, shown from where the old one was: the same frame as
   * far as the new run goes (its last frame when it is shorter), still playing if it
   * was. With `toEnd`, the new run's last frame (a figure that showed a whole run shows
   * the whole new one). A playing run that is now at its end stops at the next tick,
   * with its event.
   */
  keep(toEnd = false): void {
    const last = this.options.last();
    this.k = toEnd ? last : Math.min(this.k, last);
    this.stopped = toEnd;
    this.host.requestUpdate();
  }

  /**
   * Plays from where it is; from the start once the run has ended. Playing again is a
   * new showing: its end is announced again with `gd-stop`, even for a run of no update
   * (its start is its end), which a run loaded at its end would otherwise never send.
   */
  play(): void {
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

  /** One update. */
  step(): void {
    this.animation.pause();
    this.advance(1);
  }

  /** Back to the start, paused. */
  reset(): void {
    this.animation.pause();
    this.goTo(0);
  }

  hostConnected(): void {}

  private goTo(k: number): void {
    this.k = Math.max(0, Math.min(k, this.options.last()));
    if (!this.ended) this.stopped = false;
    this.host.requestUpdate();
  }

  /** Reveals up to `count` more updates with their events; false once the run has ended. */
  private advance(count: number): boolean {
    const last = this.options.last();
    const target = Math.min(this.k + count, last);
    while (this.k < target) {
      this.k++;
      this.emit('gd-step', this.options.stepDetail(this.k));
    }
    this.host.requestUpdate();
    if (this.k < last) return true;
    this.animation.pause();
    if (!this.stopped) {
      this.stopped = true;
      this.options.onStop?.(this.k);
      this.emit('gd-stop', { ...this.options.stepDetail(this.k), reason: this.options.stop() });
    }
    return false;
  }

  private emit(type: string, detail: object): void {
    this.host.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }
}
