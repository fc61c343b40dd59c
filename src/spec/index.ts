/** Every element's contract (see types.ts), in the order the README presents them. */
import { GD_BATCH_TRAINER } from './gd-batch-trainer.js';
import { GD_EXPLORER } from './gd-explorer.js';
import { GD_LR_SLIDER } from './gd-lr-slider.js';
import { GD_GRADIENT_FLOW } from './gd-gradient-flow.js';
import { GD_MOMENTUM_RACE } from './gd-momentum-race.js';
import { GD_NETWORK } from './gd-network.js';
import type { ElementSpec } from './types.js';

export { GD_BATCH_TRAINER, GD_EXPLORER, GD_GRADIENT_FLOW, GD_LR_SLIDER, GD_MOMENTUM_RACE, GD_NETWORK };
export type * from './types.js';

export const ELEMENT_SPECS: readonly ElementSpec[] = [GD_EXPLORER, GD_LR_SLIDER, GD_MOMENTUM_RACE, GD_BATCH_TRAINER, GD_NETWORK, GD_GRADIENT_FLOW];
