/**
 * The bundle entry: defines the elements and re-exports the optimizer core, so
 * `<script type="module" src=".../gd-widgets.js">` is all a page needs.
 */
import { GdExplorer } from './components/gd-explorer.js';
import { GdLrSlider } from './components/gd-lr-slider.js';
import { defineElement } from './shared/define.js';

export * from './core/index.js';
export { GdExplorer, GdLrSlider };
export type { CriticalRates } from './components/gd-lr-slider.js';
export type { GdStepDetail, GdStopDetail } from './shared/descent-figure.js';

defineElement('gd-explorer', GdExplorer);
defineElement('gd-lr-slider', GdLrSlider);

declare global {
  interface HTMLElementTagNameMap {
    'gd-explorer': GdExplorer;
    'gd-lr-slider': GdLrSlider;
  }
  interface HTMLElementEventMap {
    'gd-step': CustomEvent<import('./shared/descent-figure.js').GdStepDetail>;
    'gd-stop': CustomEvent<import('./shared/descent-figure.js').GdStopDetail>;
  }
}
