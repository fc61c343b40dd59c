/**
 * The bundle entry: defines the elements and re-exports the optimizer core, so
 * `<script type="module" src=".../gd-widgets.js">` is all a page needs.
 */
import { GdExplorer } from './components/gd-explorer.js';
import { GdLrSlider } from './components/gd-lr-slider.js';
import { GdMomentumRace } from './components/gd-momentum-race.js';
import { GdBatchTrainer } from './components/gd-batch-trainer.js';
import { GdNetwork } from './components/gd-network/gd-network.js';
import { GdGradientFlow } from './components/gd-gradient-flow/gd-gradient-flow.js';
import { defineElement } from './shared/define.js';

export * from './core/index.js';
export { GdBatchTrainer, GdExplorer, GdGradientFlow, GdLrSlider, GdMomentumRace, GdNetwork };
export type { FlowStatus } from './components/gd-gradient-flow/gd-gradient-flow.js';
export type { NetworkStatus, Phase } from './components/gd-network/gd-network.js';
export type { TrainerStatus, XAxis } from './components/gd-batch-trainer.js';
export type { RaceResult } from './components/gd-momentum-race.js';
export type { CriticalRates } from './components/gd-lr-slider.js';
export type { GdStepDetail, GdStopDetail } from './shared/descent-figure.js';

defineElement('gd-explorer', GdExplorer);
defineElement('gd-lr-slider', GdLrSlider);
defineElement('gd-momentum-race', GdMomentumRace);
defineElement('gd-batch-trainer', GdBatchTrainer);
defineElement('gd-network', GdNetwork);
defineElement('gd-gradient-flow', GdGradientFlow);

declare global {
  interface HTMLElementTagNameMap {
    'gd-explorer': GdExplorer;
    'gd-lr-slider': GdLrSlider;
    'gd-momentum-race': GdMomentumRace;
    'gd-batch-trainer': GdBatchTrainer;
    'gd-network': GdNetwork;
    'gd-gradient-flow': GdGradientFlow;
  }
  interface HTMLElementEventMap {
    /** gd-batch-trainer's detail is `{ epoch, loss }` (each mode's loss), gd-network's `{ epoch, updates, loss }`; the others' a point of the run. */
    'gd-step': CustomEvent<
      import('./shared/descent-figure.js').GdStepDetail | { epoch: number; loss: Record<string, number> } | { epoch: number; updates: number; loss: number } | { epoch: number; loss: number }
    >;
    'gd-stop': CustomEvent<
      | import('./shared/descent-figure.js').GdStopDetail
      | { epoch: number; loss: Record<string, number>; reason: 'done' }
      | { epoch: number; updates: number; loss: number; reason: 'done' | 'diverged' }
      | { epoch: number; loss: number; reason: 'done' | 'diverged' }
    >;
    /** gd-network: after each phase `stepPhase()` shows. */
    'gd-phase': CustomEvent<{ phase: 'forward' | 'loss' | 'backward' | 'update'; updates: number }>;
  }
}
