/**
 * The bundle entry: defines the elements and re-exports the optimizer core, so
 * `<script type="module" src=".../gd-widgets.js">` is all a page needs.
 */
import { GdExplorer } from './components/gd-explorer.js';
import { defineElement } from './shared/define.js';

export * from './core/index.js';
export { GdExplorer };
export type { GdStepDetail, GdStopDetail } from './components/gd-explorer.js';

defineElement('gd-explorer', GdExplorer);

declare global {
  interface HTMLElementTagNameMap {
    'gd-explorer': GdExplorer;
  }
  interface HTMLElementEventMap {
    'gd-step': CustomEvent<import('./components/gd-explorer.js').GdStepDetail>;
    'gd-stop': CustomEvent<import('./components/gd-explorer.js').GdStopDetail>;
  }
}
