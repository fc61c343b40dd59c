/** Tracks the content-box size of one element in CSS pixels and updates the host when it changes. */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class ResizeController implements ReactiveController {
  width = 0;
  height = 0;
  private observer?: ResizeObserver;
  private target?: Element;
  private frame = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly onResize?: (width: number, height: number) => void,
  ) {
    host.addController(this);
  }

  /** Starts watching `target` (call from firstUpdated, once the element exists). */
  observe(target: Element): void {
    this.target = target;
    this.observer?.disconnect();
    this.observer = new ResizeObserver((entries) => {
      const box = entries[entries.length - 1].contentRect;
      const width = Math.round(box.width);
      const height = Math.round(box.height);
      if (width === this.width && height === this.height) return;
      this.width = width;
      this.height = height;
      this.onResize?.(width, height);
      // At the next frame, not now: the update resizes canvases inside the box, whose new
      // size would otherwise be observed within this same delivery (a "ResizeObserver
      // loop" error on the page). Several changes in one frame make one update.
      if (this.frame === 0) {
        this.frame = requestAnimationFrame(() => {
          this.frame = 0;
          this.host.requestUpdate();
        });
      }
    });
    this.observer.observe(target);
  }

  hostConnected(): void {
    if (this.target && !this.observer) this.observe(this.target);
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = undefined;
    cancelAnimationFrame(this.frame);
    this.frame = 0;
  }
}
