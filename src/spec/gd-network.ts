/** `<gd-network>`'s contract: a small network learning, one forward pass, loss, backward pass and update at a time. */
import {
  ACTIVATION_NAMES,
  DEFAULT_NETWORK_OPTIONS,
  INIT_NAMES,
  MAX_HIDDEN_LAYERS,
  MAX_LAYER_UNITS,
  NETWORK_DATASET_NAMES,
  type Activation,
  type InitName,
  type NetworkDatasetName,
} from '../core/index.js';
import { LR_RANGE } from '../shared/presets.js';
import * as c from './common.js';
import type { ChoiceAttribute, ElementSpec, NumberAttribute, OtherAttribute } from './types.js';

export type NetworkXAxis = 'epochs' | 'updates';
/** What the loss chart can count along its x axis. */
export const NETWORK_X_AXES: readonly NetworkXAxis[] = ['epochs', 'updates'];

/** The phases of one update, in the order `stepPhase()` walks them; `idle` before the first and while playing. */
export const PHASES = ['forward', 'loss', 'backward', 'update'] as const;
export type Phase = 'idle' | (typeof PHASES)[number];

/** A default run plays in about this many seconds. */
export const RUN_SECONDS = 8;

/** Epochs per second while playing, when `speed` is not given: a run of `epochs` takes about RUN_SECONDS. */
export function defaultSpeed(epochs: number): number {
  return Math.max(1, Math.round(epochs / RUN_SECONDS));
}

const DEFAULTS = DEFAULT_NETWORK_OPTIONS;
const FIRST = DEFAULTS[NETWORK_DATASET_NAMES[0]];
const perDataset = (of: (o: (typeof DEFAULTS)[NetworkDatasetName]) => string | number | undefined) => c.perName(NETWORK_DATASET_NAMES, (n) => of(DEFAULTS[n]));

const attributes = {
  dataset: {
    name: 'dataset',
    type: 'choice',
    values: NETWORK_DATASET_NAMES,
    default: NETWORK_DATASET_NAMES[0],
    property: 'dataName',
    doc: 'Points in the plane to classify (`circle`, `xor`, `spiral`, `moons`: two classes; `blobs`: three), or `sine`, a curve to fit.',
  } as ChoiceAttribute<NetworkDatasetName>,
  layers: {
    name: 'layers',
    type: 'list',
    integer: true,
    min: 1,
    max: MAX_LAYER_UNITS,
    maxCount: MAX_HIDDEN_LAYERS,
    example: '4,4',
    typeText: `the units of each hidden layer, 1 to ${MAX_HIDDEN_LAYERS} whole numbers from 1 to ${MAX_LAYER_UNITS}, separated by commas`,
    defaultText: perDataset((o) => o.hidden.join(',')),
    doc: 'The hidden layers: `"4,4"` is two layers of four units. The inputs and outputs follow from the data.',
  } as NumberAttribute,
  activation: {
    name: 'activation',
    type: 'choice',
    values: ACTIVATION_NAMES,
    default: FIRST.activation,
    defaultText: perDataset((o) => o.activation),
    doc: 'The hidden layers\' activation f. The output layer\'s follows from the data: sigmoid for two classes, softmax for three, none (linear) for `sine`.',
  } as ChoiceAttribute<Activation>,
  init: {
    name: 'init',
    type: 'choice',
    values: INIT_NAMES,
    default: FIRST.init,
    defaultText: perDataset((o) => o.init),
    doc: 'How the weights start (biases start at 0): `xavier` (Glorot uniform), `he` (normal with variance 2/fan-in, for relu) or `normal` (standard normal).',
  } as ChoiceAttribute<InitName>,
  samples: {
    name: 'samples',
    type: 'integer',
    integer: true,
    min: 4,
    max: 2000,
    default: FIRST.samples,
    defaultText: perDataset((o) => o.samples),
    doc: 'Points in the data set.',
  } as NumberAttribute,
  noise: {
    name: 'noise',
    type: 'number',
    min: 0,
    max: 10,
    default: FIRST.noise,
    defaultText: perDataset((o) => o.noise),
    doc: 'Standard deviation of the noise added to the points (for `sine`, to the targets).',
  } as NumberAttribute,
  seed: {
    name: 'seed',
    type: 'integer',
    integer: true,
    min: 0,
    max: 2 ** 31 - 1,
    default: 1,
    doc: 'Seed of the data, of the initial weights and of the shuffles: the same seed gives the same figure.',
  } as NumberAttribute,
  optimizer: c.variant(c.OPTIMIZER, { default: FIRST.optimizer, defaultText: perDataset((o) => o.optimizer), doc: 'The update rule.' }),
  lr: c.variant(c.LR, { max: LR_RANGE.max, default: FIRST.options.lr, defaultText: perDataset((o) => o.options.lr), doc: 'Learning rate η.' }),
  beta: c.BETA,
  beta1: c.BETA1,
  beta2: c.BETA2,
  eps: c.EPS,
  'batch-size': {
    name: 'batch-size',
    type: 'integer',
    integer: true,
    min: 1,
    max: 2000,
    default: FIRST.batchSize,
    property: 'batchSize',
    typeText: 'whole number, 1 to the number of examples',
    defaultText: perDataset((o) => o.batchSize),
    doc: 'Examples per update: 1 is stochastic gradient descent, all of them batch gradient descent.',
  } as NumberAttribute,
  epochs: {
    name: 'epochs',
    type: 'integer',
    integer: true,
    min: 1,
    max: 5000,
    default: FIRST.epochs,
    defaultText: perDataset((o) => o.epochs),
    doc: 'Passes over the data.',
  } as NumberAttribute,
  speed: c.variant(c.SPEED, {
    max: 5000,
    default: defaultSpeed(FIRST.epochs),
    defaultText: `\`epochs\` ÷ ${RUN_SECONDS}, so that a run takes about ${RUN_SECONDS} s`,
    doc: 'Epochs per second while playing.',
  }),
  'x-axis': {
    name: 'x-axis',
    type: 'choice',
    values: NETWORK_X_AXES,
    default: 'epochs',
    property: 'xAxis',
    doc: 'What the loss chart counts along its x axis.',
  } as ChoiceAttribute<NetworkXAxis>,
  ...c.figureAttributesAsForExplorer({
    autoplay: { doc: 'Start training on load (never when the reader prefers reduced motion).' },
    controls: c.asForExplorer(
      c.CONTROLS,
      '`compact` keeps play, step, the phase button and reset; `none` keeps the pictures, the chain rule and the table (a weight can still be clicked).',
    ),
    fallback: {
      doc: 'Shortcode only: what shows without JavaScript. Without it the shortcode writes "Interactive figure: a neural network with a hidden layer of 6 units learning to separate a circle from a ring (loss: binary cross-entropy). It needs JavaScript." in the page\'s language.',
    },
  }),
} satisfies Record<string, NumberAttribute | ChoiceAttribute | OtherAttribute>;

export const GD_NETWORK = {
  tag: 'gd-network',
  className: 'GdNetwork',
  module: 'src/components/gd-network/gd-network.ts',
  superclass: { name: 'FigureElement', module: 'src/shared/figure-element.ts' },
  summary:
    'A small neural network learning, with its numbers: the forward pass, the loss, the backward pass by the chain rule and the update, one phase at a time or trained in full; the prediction over the plane, the loss and accuracy, the chain rule of any weight and the per-example gradients whose mean is the update\'s gradient.',
  shortcodeExamples: [
    '{{< gd-network >}}',
    '{{< gd-network dataset="xor" layers="4" activation="relu" >}}',
    '{{< gd-network dataset="sine" layers="8,8" caption="A curve fitted by a network" >}}',
  ],
  attributes,
  members: [
    { name: 'play', kind: 'method', type: 'void', doc: 'Trains until `epochs` (from the start once done).' },
    { name: 'pause', kind: 'method', type: 'void', doc: 'Pauses.' },
    { name: 'step', kind: 'method', type: 'void', doc: 'Trains one epoch.' },
    {
      name: 'stepPhase',
      kind: 'method',
      type: 'void',
      doc: 'One phase of one update on the next mini-batch: forward pass, then loss, then backward pass, then the update itself (which trains the network by that mini-batch).',
    },
    { name: 'reset', kind: 'method', type: 'void', doc: "Goes back to the initial weights, with the settings as the attributes say (the reader's changes undone)." },
    { name: 'parameters', kind: 'field', type: 'number[]', doc: 'A copy of the flat parameters, layer by layer: `W` (row-major, one row per unit) then `b` (read-only).' },
    {
      name: 'history',
      kind: 'field',
      type: 'TrainHistory',
      doc: '`{ epoch[], loss[], updates[], examples[], accuracy[]? }`, one entry per epoch from epoch 0 (the initial weights); `loss` is over all the data, `accuracy` only for classes (read-only).',
    },
    { name: 'status', kind: 'field', type: "'ready' | 'running' | 'paused' | 'done' | 'diverged'", doc: "`'ready'`, `'running'`, `'paused'`, `'done'` or `'diverged'` (read-only)." },
    { name: 'phase', kind: 'field', type: "'idle' | 'forward' | 'loss' | 'backward' | 'update'", doc: 'The phase `stepPhase()` last showed, `\'idle\'` before the first and after playing (read-only).' },
  ],
  events: [
    { name: 'gd-step', detail: '{ epoch: number; updates: number; loss: number }', doc: 'After each epoch shown, and after each update of `stepPhase()`; `detail` is `{ epoch, updates, loss }`, with the full-data loss.' },
    { name: 'gd-phase', detail: "{ phase: 'forward' | 'loss' | 'backward' | 'update'; updates: number }", doc: 'After each phase `stepPhase()` shows.' },
    { name: 'gd-stop', detail: "{ epoch: number; updates: number; loss: number; reason: 'done' | 'diverged' }", doc: "When training ends; `detail` adds `reason`: `'done'` or `'diverged'`." },
  ],
  parts: [
    { name: 'frame', doc: "The figure's box." },
    { name: 'network', doc: 'The network drawing: units and weights.' },
    { name: 'data', doc: "The data with the network's prediction." },
    { name: 'chart', doc: "The loss and accuracy chart's box." },
    { name: 'results', doc: 'The table of the epoch, the updates, the loss and the accuracy so far.' },
    { name: 'phases', doc: 'The four phases of an update and what the current one computed.' },
    { name: 'formula', doc: 'The chosen weight\'s chain rule, and its update, with the numbers.' },
    { name: 'gradients', doc: 'The per-example gradient table and its mean.' },
    { name: 'controls', doc: 'The toolbar and the settings.' },
    { name: 'notes', doc: 'Notes about attributes that could not be used.' },
    { name: 'authoring', doc: 'The author tools (with `authoring`).' },
    c.FIGURE_PARTS.find((p) => p.name === 'placeholder')!,
  ],
  cssProperties: [
    { name: '--gd-positive', doc: 'Positive weights and gradients in the network drawing.' },
    { name: '--gd-negative', doc: 'Negative weights and gradients in the network drawing.' },
    ...c.FIGURE_CSS_PROPERTIES,
  ],
} as const satisfies ElementSpec;
