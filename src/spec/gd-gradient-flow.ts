/** `<gd-gradient-flow>`'s contract: vanishing and exploding gradients, layer by layer. */
import { FLOW_THRESHOLD, INIT_NAMES, NETWORK_DATASET_NAMES, type Activation, type InitName, type NetworkDatasetName } from '../core/index.js';
import * as c from './common.js';
import type { ChoiceAttribute, ElementSpec, NumberAttribute, OtherAttribute } from './types.js';

/** The activations the figure compares (a linear network has no slope to shrink the error). */
export const FLOW_ACTIVATIONS: readonly Activation[] = ['sigmoid', 'tanh', 'relu'];

const attributes = {
  activation: {
    name: 'activation',
    type: 'choice',
    values: FLOW_ACTIVATIONS,
    default: 'sigmoid',
    doc: "The hidden layers' activation f, drawn with its derivative f′.",
  } as ChoiceAttribute<Activation>,
  depth: { name: 'depth', type: 'integer', integer: true, min: 1, max: 20, default: 10, doc: 'Hidden layers.' } as NumberAttribute,
  width: { name: 'width', type: 'integer', integer: true, min: 2, max: 16, default: 8, doc: 'Units in each hidden layer.' } as NumberAttribute,
  init: {
    name: 'init',
    type: 'choice',
    values: INIT_NAMES,
    default: 'xavier',
    doc: 'How the weights start: `xavier` (Glorot uniform), `he` (normal with variance 2/fan-in) or `normal` (normal with standard deviation `init-scale`).',
  } as ChoiceAttribute<InitName>,
  'init-scale': {
    name: 'init-scale',
    type: 'number',
    min: 0,
    minExclusive: true,
    max: 10,
    default: 1,
    property: 'initScale',
    doc: 'A gain on the initial weights (for `normal`, their standard deviation): above 1 the error can grow layer by layer.',
  } as NumberAttribute,
  dataset: {
    name: 'dataset',
    type: 'choice',
    values: NETWORK_DATASET_NAMES,
    default: 'circle',
    property: 'dataName',
    doc: 'The batch of data the gradients are taken on (as for `<gd-network>`).',
  } as ChoiceAttribute<NetworkDatasetName>,
  samples: { name: 'samples', type: 'integer', integer: true, min: 4, max: 2000, default: 100, doc: 'Examples in the batch.' } as NumberAttribute,
  seed: {
    name: 'seed',
    type: 'integer',
    integer: true,
    min: 0,
    max: 2 ** 31 - 1,
    default: 1,
    doc: 'Seed of the data, the initial weights and the shuffles.',
  } as NumberAttribute,
  clip: c.variant(c.CLIP, { doc: 'Gradient clipping: a global gradient norm above it is scaled down to it; the bars then show the clipped gradient too.' }),
  lr: c.variant(c.LR, { default: 0.1, defaultText: undefined, max: 10, doc: 'Learning rate η of the training run.' }),
  'batch-size': {
    name: 'batch-size',
    type: 'integer',
    integer: true,
    min: 1,
    max: 2000,
    default: 10,
    property: 'batchSize',
    typeText: 'whole number, 1 to `samples`',
    doc: 'Examples per update of the training run.',
  } as NumberAttribute,
  epochs: { name: 'epochs', type: 'integer', integer: true, min: 1, max: 500, default: 20, doc: 'Epochs of the training run.' } as NumberAttribute,
  speed: c.variant(c.SPEED, { max: 1000, default: 4, doc: 'Epochs per second while training.' }),
  ...c.figureAttributesAsForExplorer({
    autoplay: { doc: 'Start training on load (never when the reader prefers reduced motion).' },
    controls: c.asForExplorer(c.CONTROLS, '`compact` and `none` keep the curves, the bars, the verdict and the formula.'),
    fallback: {
      doc: 'Shortcode only: what shows without JavaScript. Without it the shortcode writes "Interactive figure: how the gradient flows back through 10 sigmoid layers. It needs JavaScript." in the page\'s language.',
    },
  }),
} satisfies Record<string, NumberAttribute | ChoiceAttribute | OtherAttribute>;

export const GD_GRADIENT_FLOW = {
  tag: 'gd-gradient-flow',
  className: 'GdGradientFlow',
  module: 'src/components/gd-gradient-flow/gd-gradient-flow.ts',
  superclass: { name: 'FigureElement', module: 'src/shared/figure-element.ts' },
  summary: `Vanishing and exploding gradients, layer by layer: the activation and its slope, each layer's gradient norm on a log scale with the verdict (the error reaching the first layer under 1/${FLOW_THRESHOLD} or over ${FLOW_THRESHOLD} times the output's), clipping, the backward rule with the numbers, and a training run that shows which layers learn.`,
  shortcodeExamples: ['{{< gd-gradient-flow >}}', '{{< gd-gradient-flow activation="relu" init="he" >}}', '{{< gd-gradient-flow activation="relu" init="normal" init-scale="3" clip="1" >}}'],
  attributes,
  members: [
    { name: 'play', kind: 'method', type: 'void', doc: 'Trains until `epochs` (from the start once done).' },
    { name: 'pause', kind: 'method', type: 'void', doc: 'Pauses.' },
    { name: 'step', kind: 'method', type: 'void', doc: 'Trains one epoch.' },
    { name: 'reset', kind: 'method', type: 'void', doc: "Goes back to the initial weights, with the settings as the attributes say (the reader's changes undone)." },
    { name: 'layerGradientNorms', kind: 'field', type: 'number[]', doc: "‖∂L/∂W_l‖ of each layer at the current weights on the whole batch, first layer first, before clipping (read-only)." },
    { name: 'layerErrorNorms', kind: 'field', type: 'number[]', doc: "Each layer's error ‖δ_l‖ (root mean square over the batch), first layer first (read-only)." },
    { name: 'verdict', kind: 'field', type: "'vanishing' | 'exploding' | 'stable'", doc: `From the first layer's error over the last's: below 1/${FLOW_THRESHOLD} \`'vanishing'\`, above ${FLOW_THRESHOLD} \`'exploding'\` (read-only).` },
    { name: 'status', kind: 'field', type: "'ready' | 'running' | 'paused' | 'done' | 'diverged'", doc: "`'ready'`, `'running'`, `'paused'`, `'done'` or `'diverged'` (read-only)." },
  ],
  events: [
    { name: 'gd-step', detail: '{ epoch: number; loss: number }', doc: 'After each epoch of training shown, with the loss over the batch.' },
    { name: 'gd-stop', detail: "{ epoch: number; loss: number; reason: 'done' | 'diverged' }", doc: "When training ends; `detail` adds `reason`." },
  ],
  parts: [
    { name: 'frame', doc: "The figure's box." },
    { name: 'activation', doc: 'The activation and its derivative.' },
    { name: 'bars', doc: "Each layer's gradient norm, on a log scale, and the verdict." },
    { name: 'changes', doc: "Each layer's relative change of weights during training." },
    { name: 'chart', doc: "The loss chart's box." },
    { name: 'formula', doc: 'The backward rule for one unit, with the numbers.' },
    { name: 'controls', doc: 'The toolbar and the settings.' },
    { name: 'notes', doc: 'Notes about attributes that could not be used.' },
    { name: 'authoring', doc: 'The author tools (with `authoring`).' },
    c.FIGURE_PARTS.find((p) => p.name === 'placeholder')!,
  ],
  cssProperties: [
    { name: '--gd-series-1', doc: "The gradient norms' bars (and --gd-series-2 the clipped ones)." },
    ...c.FIGURE_CSS_PROPERTIES,
  ],
} as const satisfies ElementSpec;
