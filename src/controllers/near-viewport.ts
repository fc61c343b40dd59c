/**
 * Whether the host has come near the viewport: an IntersectionObserver whose root is the
 * viewport grown by `margin` above and below, so a figure starts its first render a
 * screen before the reader scrolls to it, and a figure far down a long article costs
 * nothing until then. Also keeps how far the host was from the viewport when last
 * observed (from the observer's entry, not from layout), so figures in view render
 * first (see first-render-queue.ts). Without IntersectionObserver, everything is near.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** A screen above and below the viewport. */
export const NEAR_MARGIN = '100% 0px 100% 0px';

export class NearViewportController implements ReactiveController {
  /** True once the host has been near the viewport (it stays true). */
  near = typeof IntersectionObserver === 'undefined';
  /** CSS px between the host and the viewport when last observed; 0 in view. */
  distance = Number.POSITIVE_INFINITY;
  private observer?: IntersectionObserver;
  private waiting: (() => void)[] = [];

  constructor(private readonly host: ReactiveControllerHost & Element) {
    host.addController(this);
  }

  /** Resolves when the host is (or has been) near the viewport. */
  whenNear(): Promise<void> {
    if (this.near) return Promise.resolve();
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  hostConnected(): void {
    if (this.near || this.observer) return;
    this.observer = new IntersectionObserver(
      (entries) => {
        const entry = entries[entries.length - 1];
        const box = entry.boundingClientRect;
        const height = window.innerHeight;
        this.distance = box.bottom < 0 ? -box.bottom : box.top > height ? box.top - height : 0;
        if (entry.isIntersecting) this.arrive();
      },
      { rootMargin: NEAR_MARGIN },
    );
    this.observer.observe(this.host);
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = undefined;
  }

  /** Counts as near from now on: a script asked for the host (see FigureElement.updateComplete). */
  arriveNow(): void {
    if (!this.near) this.arrive();
  }

  private arrive(): void {
    this.near = true;
    this.observer?.disconnect();
    this.observer = undefined;
    for (const resolve of this.waiting.splice(0)) resolve();
  }
}
