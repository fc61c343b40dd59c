/**
 * Drives an element's animation with requestAnimationFrame: a fixed number of steps per
 * second, whatever the frame rate; paused while the element is off screen; stopped when
 * it is disconnected. Under `prefers-reduced-motion: reduce` nothing starts by itself
 * (`autoplayAllowed` is false), though a reader's own press of play still runs.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface AnimationOptions {
  /** Called once per frame with how many whole steps are due (>= 1); returns false to stop. */
  onSteps(count: number): boolean;
  /** Steps per second. */
  speed(): number;
}

export class AnimationController implements ReactiveController {
  /** True between play() and pause()/stop, whether or not frames are flowing. */
  playing = false;
  private frame = 0;
  private last = 0;
  private owed = 0;
  private visible = true;
  private observer?: IntersectionObserver;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: AnimationOptions,
  ) {
    host.addController(this);
  }

  /** False when the reader asked the system for reduced motion: no autoplay then. */
  static get autoplayAllowed(): boolean {
    return !window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
  }

  hostConnected(): void {
    if (typeof IntersectionObserver === 'undefined') return;
    this.observer = new IntersectionObserver((entries) => {
      this.visible = entries.some((e) => e.isIntersecting);
      if (this.visible) this.schedule();
      else this.cancel();
    });
    this.observer.observe(this.host);
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = undefined;
    this.pause();
  }

  play(): void {
    if (this.playing) return;
    this.playing = true;
    this.owed = 1; // the first frame shows a step at once: pressing play answers immediately
    this.last = 0;
    this.schedule();
    this.host.requestUpdate();
  }

  pause(): void {
    if (!this.playing) return;
    this.playing = false;
    this.cancel();
    this.host.requestUpdate();
  }

  /** True while frames are requested (playing, connected and on screen). */
  get animating(): boolean {
    return this.frame !== 0;
  }

  private schedule(): void {
    if (!this.playing || !this.visible || this.frame !== 0 || !this.host.isConnected) return;
    this.frame = requestAnimationFrame(this.tick);
  }

  private cancel(): void {
    if (this.frame !== 0) cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.last = 0;
  }

  private tick = (now: number): void => {
    this.frame = 0;
    if (!this.playing) return;
    // Steps accrue at `speed` per second; a long pause (tab hidden) does not pile them up.
    const dt = this.last === 0 ? 0 : Math.min(now - this.last, 250);
    this.last = now;
    this.owed += (dt / 1000) * Math.max(this.options.speed(), 0);
    const count = Math.floor(this.owed);
    if (count >= 1) {
      this.owed -= count;
      if (!this.options.onSteps(count)) {
        this.playing = false;
        this.host.requestUpdate();
        return;
      }
    }
    this.schedule();
  };
}
