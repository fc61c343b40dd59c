/** `<gd-batch-trainer>`'s contract: batch, stochastic and mini-batch gradient descent side by side. */
import {
  DATASET_NAMES,
  DATASET_TASKS,
  DEFAULT_DATASET_OPTIONS,
  DEFAULT_TRAIN_OPTIONS,
  LOSS_NAMES,
  TASK_LOSSES,
  type DatasetName,
  type TrainOptions,
} from '../core/index.js';
import type { BatchMode } from '../formula/batch-rules.js';
import { LR_RANGE } from '../shared/presets.js';
import * as c from './common.js';
import type { ChoiceAttribute, ElementSpec, NumberAttribute } from './types.js';

export type XAxis = 'epochs' | 'updates' | 'examples';

/** The modes, in the order the figure shows them. */
export const BATCH_MODES: readonly BatchMode[] = ['batch', 'sgd', 'minibatch'];
/** What the loss chart can count along its x axis. */
export const X_AXES: readonly XAxis[] = ['epochs', 'updates', 'examples'];

const code = (v: unknown) => `\`${String(v)}\``;

/** "`10` (`iris`: 16)": the first data set's default, and the others' where they differ. */
const perDataset = (of: (o: Readonly<TrainOptions>) => number | undefined) => c.perName(DATASET_NAMES, (name) => of(DEFAULT_TRAIN_OPTIONS[name]));

const lossesOf = (name: DatasetName) => TASK_LOSSES[DATASET_TASKS[name]];
const synthetic = DATASET_NAMES.filter((n) => n !== 'iris').map(code).join(', ');

const attributes = {
  dataset: {
    name: 'dataset',
    type: 'choice',
    values: DATASET_NAMES,
    default: DATASET_NAMES[0],
    property: 'dataName',
    doc: 'A noisy line (linear regression), two clouds of points (logistic regression), or the 150 Iris flowers (softmax regression on real data).',
  } as ChoiceAttribute<DatasetName>,
  loss: {
    name: 'loss',
    type: 'choice',
    values: LOSS_NAMES,
    typeText: DATASET_NAMES.map((n) => `${lossesOf(n).map(code).join(' or ')} for ${code(n)}`).join('; '),
    defaultText: 'the first that fits',
    doc: 'Mean squared or absolute error, binary or categorical cross-entropy.',
  } as ChoiceAttribute,
  samples: {
    name: 'samples',
    type: 'integer',
    integer: true,
    min: 2,
    max: 10000,
    default: DEFAULT_DATASET_OPTIONS.samples,
    doc: `Points in a synthetic data set (${synthetic} only).`,
  } as NumberAttribute,
  noise: {
    name: 'noise',
    type: 'number',
    min: 0,
    max: 100,
    default: DEFAULT_DATASET_OPTIONS.noise,
    doc: `Noise of a synthetic data set (${synthetic} only).`,
  } as NumberAttribute,
  seed: {
    name: 'seed',
    type: 'integer',
    integer: true,
    min: 0,
    max: 2 ** 31 - 1,
    default: DEFAULT_DATASET_OPTIONS.seed,
    doc: 'Seed of the data and of the shuffles: the same seed gives the same figure.',
  } as NumberAttribute,
  modes: {
    name: 'modes',
    type: 'names',
    values: BATCH_MODES,
    default: BATCH_MODES,
    item: 'mode',
    typeText: `different names from ${BATCH_MODES.map(code).join(', ')}, separated by commas`,
    defaultText: 'all three',
    doc: 'The modes side by side.',
  } as ChoiceAttribute<BatchMode>,
  'batch-size': {
    name: 'batch-size',
    type: 'integer',
    integer: true,
    min: 1,
    // The largest data set `samples` makes; the element also keeps it within the data set's examples.
    max: 10000,
    default: DEFAULT_TRAIN_OPTIONS[DATASET_NAMES[0]].batchSize,
    property: 'batchSize',
    typeText: 'whole number, 1 to the number of examples',
    defaultText: perDataset((o) => o.batchSize),
    doc: 'Examples per mini-batch update.',
  } as NumberAttribute,
  lr: c.variant(c.LR, {
    max: LR_RANGE.max,
    default: DEFAULT_TRAIN_OPTIONS[DATASET_NAMES[0]].options?.lr,
    defaultText: perDataset((o) => o.options?.lr),
    doc: 'Learning rate η.',
  }),
  epochs: {
    name: 'epochs',
    type: 'integer',
    integer: true,
    min: 1,
    max: 1000,
    default: DEFAULT_TRAIN_OPTIONS[DATASET_NAMES[0]].epochs,
    defaultText: perDataset((o) => o.epochs),
    doc: 'Passes over the data.',
  } as NumberAttribute,
  optimizer: c.variant(c.OPTIMIZER, { doc: 'The update rule every mode uses.' }),
  speed: c.variant(c.SPEED, { max: 1000, default: 5, doc: 'Epochs per second while playing.' }),
  'x-axis': {
    name: 'x-axis',
    type: 'choice',
    values: X_AXES,
    default: 'epochs',
    property: 'xAxis',
    doc: 'What the loss chart counts along its x axis.',
  } as ChoiceAttribute<XAxis>,
  ...c.figureAttributesAsForExplorer({
    autoplay: { doc: 'Start training on load (never when the reader prefers reduced motion).' },
    controls: c.asForExplorer(
      c.CONTROLS,
      '`compact` and `none` keep the pictures, the table, the chart and the rules. Its pictures take no clicks or keys, so with `none` it trains only with `autoplay` (not under reduced motion) or from script: use `compact` when readers should run it.',
    ),
    fallback: {
      doc: 'Shortcode only: what shows without JavaScript. Without it the shortcode writes "Interactive figure: batch, stochastic and mini-batch gradient descent training a linear regression on noisy points (loss: mean squared error). It needs JavaScript." in the page\'s language.',
    },
  }),
};

export const GD_BATCH_TRAINER = {
  tag: 'gd-batch-trainer',
  className: 'GdBatchTrainer',
  module: 'src/components/gd-batch-trainer.ts',
  superclass: { name: 'FigureElement', module: 'src/shared/figure-element.ts' },
  summary:
    'Batch, stochastic and mini-batch gradient descent training the same model on the same seeded data, side by side: the data with each fit, the paths in parameter space, the loss against epochs, updates or examples seen.',
  shortcodeExamples: [
    '{{< gd-batch-trainer >}}',
    '{{< gd-batch-trainer dataset="logistic" x-axis="updates" >}}',
    '{{< gd-batch-trainer dataset="iris" caption="Softmax regression on the *Iris* flowers" >}}',
  ],
  attributes,
  members: [
    { name: 'play', kind: 'method', type: 'void', doc: 'Trains until `epochs` (from the start once done).' },
    { name: 'pause', kind: 'method', type: 'void', doc: 'Pauses.' },
    { name: 'step', kind: 'method', type: 'void', doc: 'Trains one epoch of every mode.' },
    { name: 'reset', kind: 'method', type: 'void', doc: "Goes back to the untrained model, with the settings as the attributes say (the reader's changes undone)." },
    {
      name: 'history',
      kind: 'field',
      type: 'Partial<Record<BatchMode, TrainHistory>>',
      doc: `Per mode (${BATCH_MODES.map(code).join(', ')}): \`{ epoch[], loss[], updates[], examples[], accuracy[]? }\`, one entry per epoch from epoch 0 (the untrained model); \`loss\` is over all the data, \`accuracy\` only for classifiers (read-only).`,
    },
    { name: 'status', kind: 'field', type: "'ready' | 'running' | 'paused' | 'done'", doc: "`'ready'`, `'running'`, `'paused'` or `'done'` (read-only)." },
    { name: 'epoch', kind: 'field', type: 'number', doc: 'Epochs completed (of the mode that has done fewest) (read-only).' },
  ],
  events: [
    { name: 'gd-step', detail: '{ epoch: number; loss: Record<string, number> }', doc: 'After each epoch shown (one event per epoch, however fast it plays); `detail` is `{ epoch, loss }`, with each mode\'s full-data loss.' },
    { name: 'gd-stop', detail: "{ epoch: number; loss: Record<string, number>; reason: 'done' }", doc: "When every mode has trained `epochs` epochs (a diverged mode holds no other back); `detail` is `{ epoch, loss, reason: 'done' }`." },
  ],
  parts: [
    { name: 'frame', doc: "The figure's box." },
    { name: 'data', doc: "The data with each mode's fit." },
    { name: 'paths', doc: 'The paths in parameter space (two-parameter models).' },
    { name: 'chart', doc: "The loss chart's box." },
    { name: 'controls', doc: 'The toolbar and the settings.' },
    { name: 'results', doc: "The table of each mode's loss, accuracy, updates and examples." },
    { name: 'formula', doc: 'The update rules.' },
    { name: 'notes', doc: 'Notes about attributes that could not be used.' },
    { name: 'authoring', doc: 'The author tools (with `authoring`).' },
  ],
  cssProperties: [{ name: '--gd-series-1', doc: 'Batch (and --gd-series-2 stochastic, --gd-series-3 mini-batch).' }, ...c.FIGURE_CSS_PROPERTIES],
} as const satisfies ElementSpec;
