/**
 * Pointer, touch and keyboard input on the plot's canvas, as points of the surface.
 *
 *  - Mouse and pen: pressing the primary button picks the point under it; dragging
 *    moves it (the pointer is captured, so the drag may leave the canvas); releasing
 *    picks it once more with `final: true`.
 *  - Touch: a tap picks the point where the finger lifts; a drag picks as it moves. The
 *    pick waits for the finger to lift or move, so when the browser takes the gesture
 *    for scrolling (it sends pointercancel) nothing is picked. Give the canvas
 *    `touch-action: none` for touch drags; `touch-action: pan-y pinch-zoom` instead
 *    keeps vertical swipes scrolling the page on phones and leaves taps and sideways
 *    drags to the plot.
 *  - Keyboard, on the focused canvas (give it tabindex="0"): the arrow keys move the
 *    current point by 1/40 of the domain's width or height (with Shift 1/8); Space and
 *    Enter call onToggle (play / pause). Keys with Ctrl, Alt or Meta are left alone.
 *
 * Every picked point is clamped into the domain.
 */
import type { Domain } from '../core/index.js';
import type { PlotPoint } from './overlays.js';
import { clampToDomain } from './transform.js';

export interface PickInfo {
  readonly source: 'pointer' | 'keyboard';
  /**
   * False while a drag is still moving, true for the point where it ended, a key press,
   * or a tap: announce and record on final picks, redraw on all.
   */
  readonly final: boolean;
}

export interface PlotInputHandlers {
  /** A new start point, in domain coordinates, inside the domain. */
  onPick(point: [number, number], info: PickInfo): void;
  /** Space or Enter on the canvas. */
  onToggle(): void;
  /**
   * The current start point, which the arrow keys move. Without it (or when it returns
   * null), the last picked point, or else the centre of the domain.
   */
  current?(): PlotPoint | null | undefined;
}

/** What the input needs from the plot: its domain and the client -> domain mapping. */
export interface PlotCoordinates {
  readonly domain: Domain;
  toDomain(clientX: number, clientY: number): [number, number];
}

/** Fractions of the domain an arrow key moves the point by: 1/40, with Shift 1/8. */
export const KEY_STEP = 1 / 40;
export const KEY_STEP_LARGE = 1 / 8;

/**
 * The move an arrow key makes, in domain units: [dx, dy] (y up, so ArrowUp increases
 * y), or null for any other key.
 */
export function arrowKeyStep(domain: Domain, key: string, large: boolean): [number, number] | null {
  const fraction = large ? KEY_STEP_LARGE : KEY_STEP;
  const dx = (domain.x[1] - domain.x[0]) * fraction;
  const dy = (domain.y[1] - domain.y[0]) * fraction;
  switch (key) {
    case 'ArrowLeft':
      return [-dx, 0];
    case 'ArrowRight':
      return [dx, 0];
    case 'ArrowUp':
      return [0, dy];
    case 'ArrowDown':
      return [0, -dy];
    default:
      return null;
  }
}

/** Listens on a canvas from construction until detach(). */
export class PlotInput {
  private last: [number, number] | null = null;
  /** The pointer being followed, or null. */
  private active: { id: number; touch: boolean; moved: boolean; x: number; y: number } | null = null;
  private readonly listeners: ReadonlyArray<readonly [string, (e: Event) => void]>;

  constructor(
    private readonly canvas: HTMLElement,
    private readonly plot: PlotCoordinates,
    private readonly handlers: PlotInputHandlers,
  ) {
    this.listeners = [
      ['pointerdown', (e) => this.down(e as PointerEvent)],
      ['pointermove', (e) => this.move(e as PointerEvent)],
      ['pointerup', (e) => this.up(e as PointerEvent)],
      ['pointercancel', (e) => this.cancel(e as PointerEvent)],
      ['keydown', (e) => this.key(e as KeyboardEvent)],
    ];
    for (const [type, listener] of this.listeners) canvas.addEventListener(type, listener);
  }

  /** Stops listening. */
  detach(): void {
    for (const [type, listener] of this.listeners) this.canvas.removeEventListener(type, listener);
    this.active = null;
  }

  private pick(clientX: number, clientY: number, final: boolean): void {
    const [x, y] = this.plot.toDomain(clientX, clientY);
    if (!Number.isFinite(x) || !Number.isFinite(y)) return;
    this.emit(clampToDomain(this.plot.domain, x, y), { source: 'pointer', final });
  }

  private emit(point: [number, number], info: PickInfo): void {
    this.last = point;
    this.handlers.onPick(point, info);
  }

  private down(e: PointerEvent): void {
    if (!e.isPrimary || (e.pointerType === 'mouse' && e.button !== 0)) return;
    const touch = e.pointerType === 'touch';
    this.active = { id: e.pointerId, touch, moved: false, x: e.clientX, y: e.clientY };
    if (!touch) {
      try {
        this.canvas.setPointerCapture(e.pointerId);
      } catch {
        // Not an active pointer (a synthetic event): the drag then ends at the canvas edge.
      }
      this.pick(e.clientX, e.clientY, false);
    }
  }

  private move(e: PointerEvent): void {
    const active = this.active;
    if (!active || active.id !== e.pointerId) return;
    // A touch becomes a drag once it has moved a few pixels (a tap may wobble).
    if (active.touch && !active.moved && Math.hypot(e.clientX - active.x, e.clientY - active.y) < 6) return;
    active.moved = true;
    this.pick(e.clientX, e.clientY, false);
  }

  private up(e: PointerEvent): void {
    const active = this.active;
    if (!active || active.id !== e.pointerId) return;
    this.active = null;
    this.pick(e.clientX, e.clientY, true);
  }

  private cancel(e: PointerEvent): void {
    if (this.active?.id === e.pointerId) this.active = null;
  }

  private key(e: KeyboardEvent): void {
    if (e.ctrlKey || e.altKey || e.metaKey) return;
    if (e.key === ' ' || e.key === 'Enter') {
      e.preventDefault();
      if (!e.repeat) this.handlers.onToggle();
      return;
    }
    const domain = this.plot.domain;
    const step = arrowKeyStep(domain, e.key, e.shiftKey);
    if (!step) return;
    e.preventDefault();
    const from = this.handlers.current?.() ?? this.last ?? [
      (domain.x[0] + domain.x[1]) / 2,
      (domain.y[0] + domain.y[1]) / 2,
    ];
    this.emit(clampToDomain(domain, from[0] + step[0], from[1] + step[1]), { source: 'keyboard', final: true });
  }
}
