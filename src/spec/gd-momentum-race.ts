/** `<gd-momentum-race>`'s contract: optimizers racing on one surface from one start. */
import { OPTIMIZER_NAMES, type OptimizerName } from '../core/index.js';
import * as c from './common.js';
import type { ChoiceAttribute, ElementSpec, NumberAttribute, OtherAttribute } from './types.js';

/** The racers without `optimizers`. */
export const DEFAULT_RACERS: readonly OptimizerName[] = ['momentum', 'nesterov'];

const attributes = c.descentAttributes(
  {
    surface: { default: 'ravine' },
    expression: { doc: 'Your own surface (same language as `<gd-explorer>`); replaces `surface`.' },
    lr: {
      defaultText: 'suits the surface: 0.05 on the ravine for `gd`, `momentum`, `nesterov`; the adaptive racers get their own',
      doc: 'Learning rate η shared by every lane. Once set, it applies to all of them, adaptive ones included.',
    },
    beta: { doc: "Momentum coefficient β shared by every lane (RMSprop's decay)." },
    beta1: c.asForExplorer(c.BETA1, 'For the adaptive racers.'),
    beta2: c.asForExplorer(c.BETA2, 'For the adaptive racers.'),
    eps: c.asForExplorer(c.EPS, 'For the adaptive racers.'),
    clip: c.asForExplorer(c.CLIP, 'Gradient clipping for every lane.'),
    ema: {
      doc: 'The `momentum` lane uses the moving-average form (`v ← βv + (1−β)g; x ← x − ηv`); the figure then shows the weight η(1 − β) each gradient gets.',
    },
    start: { defaultText: 'suits the surface (ravine: `-3.5,1.5`)', doc: 'The common start point.' },
    steps: { doc: 'Most updates of each lane.' },
    tolerance: { doc: 'The finish line: a lane finishes when its gradient norm falls below it.' },
    speed: { default: 40 },
  },
  {
    optimizer: {
      optimizers: {
        name: 'optimizers',
        type: 'names',
        values: OPTIMIZER_NAMES,
        default: DEFAULT_RACERS,
        item: 'optimizer',
        typeText: `different names from ${OPTIMIZER_NAMES.map((n) => `\`${n}\``).join(', ')}, separated by commas`,
        doc: 'The racers, one lane each, in this order.',
      } as ChoiceAttribute<OptimizerName>,
    },
    afterLr: {
      lrs: {
        ...c.LR,
        name: 'lrs',
        type: 'list',
        maxCount: OPTIMIZER_NAMES.length,
        example: '0.001,0.001,0.05',
        typeText: `one number per optimizer, each above 0 and at most ${c.LR.max}`,
        defaultText: '`lr` for every lane',
        doc: 'Per-lane learning rates, in the order of `optimizers`.',
      } as NumberAttribute,
    },
    afterBeta: {
      betas: {
        ...c.BETA,
        name: 'betas',
        type: 'list',
        default: undefined,
        maxCount: OPTIMIZER_NAMES.length,
        example: '0.9,0.5',
        typeText: `one number per optimizer, each from ${c.BETA.min} to ${c.BETA.max}`,
        defaultText: '`beta` for every lane',
        doc: 'Per-lane β, in the order of `optimizers`.',
      } as NumberAttribute,
      'show-lookahead': {
        name: 'show-lookahead',
        type: 'truefalse',
        default: 'true',
        property: 'showLookahead',
        doc: "Draw Nesterov's look-ahead point and the gradient there.",
      } as OtherAttribute,
    },
    figure: c.figureAttributesAsForExplorer({
      autoplay: { doc: 'Start the race on load (never when the reader prefers reduced motion).' },
      controls: c.asForExplorer(c.CONTROLS, '`compact` and `none` keep the race, the table and both rules, without the sliders and check boxes.'),
      fallback: {
        doc: 'Shortcode only: what shows without JavaScript. Without it the shortcode writes "Interactive figure: a race between momentum and Nesterov momentum on a narrow ravine. It needs JavaScript." in the page\'s language.',
      },
    }),
  },
);

export const GD_MOMENTUM_RACE = {
  tag: 'gd-momentum-race',
  className: 'GdMomentumRace',
  module: 'src/components/gd-momentum-race.ts',
  superclass: { name: 'DescentFigure', module: 'src/shared/descent-figure.ts' },
  summary:
    'Several optimizers race on one surface from one start: shared β and learning-rate sliders, velocity arrows, Nesterov\'s look-ahead point, a finish line and a result table, every lane\'s loss on one chart and the classical and Nesterov rules side by side.',
  shortcodeExamples: [
    '{{< gd-momentum-race >}}',
    '{{< gd-momentum-race optimizers="gd,momentum,nesterov,adam" surface="rosenbrock" lrs="0.001,0.001,0.001,0.05" steps="3000" >}}',
    '{{< gd-momentum-race optimizers="gd,momentum" ema=true lr="0.5" caption="The *moving-average* form" >}}',
  ],
  attributes,
  members: [
    ...c.PLAY_METHODS.map((m) =>
      m.name === 'step' ? { ...m, doc: 'Makes one update of every lane.' } : m.name === 'play' ? { ...m, doc: 'Runs the race from where it is (from the start once it has ended).' } : m,
    ),
    {
      name: 'results',
      kind: 'field',
      type: "{ optimizer: string; iterations: number; stop: 'converged' | 'max-steps' | 'diverged' | null; value: number }[]",
      doc: "One entry per lane: `{ optimizer, iterations, stop, value }`; `stop` is `'converged'`, `'max-steps'`, `'diverged'`, or `null` while the lane runs (read-only).",
    },
    {
      name: 'lookaheads',
      kind: 'field',
      type: '([number, number] | null)[]',
      doc: "Per lane, Nesterov's look-ahead point `[x, y]` where its next gradient is taken, or `null` (other lanes, or once finished) (read-only).",
    },
    ...c.DESCENT_MEMBERS.filter((m) => m.name === 'iteration'),
    ...c.DESCENT_MEMBERS.filter((m) => m.name === 'status').map((m) => ({
      ...m,
      doc: "`'ready'`, `'running'`, `'paused'` or how the first lane stopped (read-only).",
    })),
  ],
  events: [
    { ...c.STEP_EVENT, doc: "After every update; `detail` is the first lane's `{ iteration, position, value, gradientNorm }`." },
    { ...c.STOP_EVENT, doc: "When the last lane has finished; `detail` adds the first lane's `reason`." },
  ],
  parts: [
    ...c.FIGURE_PARTS.filter((p) => p.name === 'frame'),
    { name: 'plot', doc: 'The contour map with every lane.' },
    ...c.FIGURE_PARTS.filter((p) => p.name !== 'frame' && p.name !== 'formula'),
    { name: 'results', doc: 'The result table.' },
    { name: 'formula', doc: 'The classical and Nesterov update rules with the current numbers.' },
  ],
  cssProperties: [
    { name: '--gd-series-1', doc: 'The first lane (and --gd-series-2 ... for the next ones).' },
    { name: '--gd-velocity', doc: 'Velocity arrows.' },
    { name: '--gd-gradient', doc: 'Gradient arrows.' },
    ...c.FIGURE_CSS_PROPERTIES,
  ],
} as const satisfies ElementSpec;
