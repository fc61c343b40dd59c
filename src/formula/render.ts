/**
 * TeX into an element, cheaply enough to call every animation frame.
 *
 * `renderTex` skips the work when the element already shows the same TeX with the same
 * options, so a widget can call it on every frame and pay only when a number changed;
 * `throttleMs` caps how often it renders while the numbers change every frame.
 * It renders with `katex.render` (DOM nodes, styles set through the CSSOM), never with
 * `innerHTML = katex.renderToString()`, which a Content-Security-Policy without
 * `style-src 'unsafe-inline'` blocks. The first call declares KaTeX's fonts at document
 * level (katex-fonts.ts); the element's shadow root needs `katexStyles` (katex-styles.ts).
 * TeX errors never throw: KaTeX shows the faulty source in red.
 */
import katex from 'katex';
import { noChange } from 'lit';
import { Directive, PartType, directive } from 'lit/directive.js';
import type { ElementPart, PartInfo } from 'lit/directive.js';
import { declareKatexFonts } from './katex-fonts.js';

export interface RenderTexOptions {
  /** Display style (centred block, large operators) instead of inline. Default true. */
  displayMode?: boolean;
  /**
   * 'html' (default): the visual rendering only, the smallest DOM for per-frame updates.
   * 'htmlAndMathml': adds hidden MathML that screen readers read.
   */
  output?: 'html' | 'htmlAndMathml';
  /**
   * A short text alternative ("Gradient descent update, iteration 12"). When given, the
   * element gets role="img" and this aria-label; assistive technology reads it instead
   * of the glyphs.
   */
  label?: string;
  /**
   * Render at most once per this many milliseconds; calls in between are merged into
   * one trailing render of the latest TeX. A big formula (Adam's numbers: ~700 nodes)
   * costs several milliseconds to build and lay out, and nobody reads 60 updates a
   * second: 100-150 while an animation plays is a good choice. Default 0 (no throttle).
   */
  throttleMs?: number;
}

/** Per element: what it shows, when that was rendered, and a throttled render waiting. */
interface RenderState {
  shown: string;
  at: number;
  pending?: { tex: string; options: RenderTexOptions };
  timer?: ReturnType<typeof setTimeout>;
}

const states = new WeakMap<Element, RenderState>();

function cancelPending(state: RenderState): void {
  if (state.timer !== undefined) clearTimeout(state.timer);
  state.timer = undefined;
  state.pending = undefined;
}

/**
 * Renders TeX into element, replacing its content, unless it already shows exactly this.
 * Returns true when it rendered now.
 *
 * With `throttleMs`, renders at most once per that many milliseconds: a call inside the
 * window is kept and rendered when the window ends (only the latest TeX of the window),
 * so the element always ends up showing the last TeX it was given.
 */
export function renderTex(element: HTMLElement, tex: string, options: RenderTexOptions = {}): boolean {
  if (options.label !== undefined) {
    if (element.getAttribute('role') !== 'img') element.setAttribute('role', 'img');
    if (element.getAttribute('aria-label') !== options.label) element.setAttribute('aria-label', options.label);
  }
  let state = states.get(element);
  if (state === undefined) {
    state = { shown: '', at: -Infinity };
    states.set(element, state);
  }
  const key = keyOf(tex, options);
  if (state.shown === key) {
    cancelPending(state);
    return false;
  }
  const wait = state.at + (options.throttleMs ?? 0) - performance.now();
  if (wait > 0) {
    state.pending = { tex, options };
    const s = state;
    s.timer ??= setTimeout(() => {
      const pending = s.pending;
      s.timer = undefined;
      s.pending = undefined;
      if (pending) draw(element, s, pending.tex, pending.options);
    }, wait);
    return false;
  }
  cancelPending(state);
  draw(element, state, tex, options);
  return true;
}

function keyOf(tex: string, options: RenderTexOptions): string {
  return `${options.displayMode ?? true ? 'display' : 'inline'} ${options.output ?? 'html'}\n${tex}`;
}

function draw(element: HTMLElement, state: RenderState, tex: string, options: RenderTexOptions): void {
  declareKatexFonts();
  katex.render(tex, element, {
    displayMode: options.displayMode ?? true,
    output: options.output ?? 'html',
    throwOnError: false,
  });
  state.shown = keyOf(tex, options);
  state.at = performance.now();
}

/** Lit directive: `<div class="formula" ${formula(tex, options)}></div>` renders tex into that div. */
class FormulaDirective extends Directive {
  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('formula() goes in an element position: <div ${formula(tex)}></div>');
  }

  override render(_tex: string, _options?: RenderTexOptions): unknown {
    return noChange;
  }

  override update(part: ElementPart, [tex, options]: [string, RenderTexOptions?]): unknown {
    renderTex(part.element as HTMLElement, tex, options);
    return noChange;
  }
}

export const formula = directive(FormulaDirective);
