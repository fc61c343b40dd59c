/** `<gd-lr-slider>`'s contract: what the learning rate does, on a curve or a surface. */
import { LR_RANGE } from '../shared/presets.js';
import * as c from './common.js';
import type { ElementSpec, NumberAttribute } from './types.js';

/** Largest rate `max-lr`, `lr` and `compare` take. */
const MAX_RATE = 1e6;
/** Up to this many rates side by side. */
export const MAX_COMPARE = 4;

const attributes = c.descentAttributes(
  {
    surface: {
      default: 'ravine',
      defaultText: 'none (for a bad name: `ravine`)',
      doc: 'A named test surface instead of an expression.',
    },
    expression: {
      default: 'x^2',
      typeText: 'formula in `x` (a curve) or in `x` and `y` (a surface)',
      defaultText: '`x^2` when neither `expression` nor `surface` is given',
      doc: "The function, in the same language as `<gd-explorer>`'s expressions; replaces `surface`.",
    },
    domain: {
      typeText: '`xmin,xmax` for a curve; `xmin,xmax,ymin,ymax` for a surface expression',
      defaultText: `\`${c.DEFAULT_CURVE_DOMAIN.join(',')}\` / \`${[...c.DEFAULT_DOMAIN.x, ...c.DEFAULT_DOMAIN.y].join(',')}\``,
      doc: 'The range plotted for an `expression`.',
    },
    lr: {
      max: MAX_RATE,
      typeText: 'number from `min-lr` to `max-lr`',
      defaultText: 'suits the function (0.3 for a curve)',
      doc: 'Learning rate η: where the slider starts.',
    },
    beta: c.asForExplorer(c.BETA),
    beta1: c.asForExplorer(c.BETA1),
    beta2: c.asForExplorer(c.BETA2),
    eps: c.asForExplorer(c.EPS),
    clip: c.asForExplorer(c.CLIP),
    ema: c.asForExplorer(c.EMA),
    start: {
      typeText: 'a curve: one number `x` inside the domain; a surface: `x,y` inside the plotted area',
      defaultText: 'suits the function',
    },
    steps: { default: 50, doc: 'Most updates in a run; the label is read off these.' },
    speed: { default: 10 },
  },
  {
    afterLr: {
      'min-lr': {
        name: 'min-lr',
        type: 'number',
        min: 0,
        minExclusive: true,
        max: LR_RANGE.max,
        default: LR_RANGE.min,
        property: 'minLr',
        doc: "The slider's left end.",
      } as NumberAttribute,
      'max-lr': {
        name: 'max-lr',
        type: 'number',
        min: 0,
        minExclusive: true,
        max: MAX_RATE,
        default: LR_RANGE.max,
        property: 'maxLr',
        typeText: `number above \`min-lr\`, at most ${MAX_RATE}`,
        doc: "The slider's right end.",
      } as NumberAttribute,
      compare: {
        name: 'compare',
        type: 'list',
        min: 0,
        minExclusive: true,
        max: MAX_RATE,
        maxCount: MAX_COMPARE,
        example: '0.01,0.45,0.9',
        typeText: `1 to ${MAX_COMPARE} numbers above 0, separated by commas`,
        defaultText: 'none',
        doc: 'Rates to run side by side, e.g. `0.01,0.45,0.9`; replaces the slider.',
      } as NumberAttribute,
    },
    figure: c.figureAttributesAsForExplorer({
      autoplay: { doc: 'Play the run on load (never when the reader prefers reduced motion).' },
      controls: c.asForExplorer(
        c.CONTROLS,
        'Without the settings (`compact`, `none`) there is no slider: the figure shows the run at `lr` (or the `compare` rates) with its label.',
      ),
      fallback: {
        doc: 'Shortcode only: what shows without JavaScript. Without it the text reads, for example, "Interactive figure: how the learning rate changes gradient descent on f(x) = x^2. It needs JavaScript." (or, with `compare`, "… gradient descent on f(x) = x^2 with learning rates 0.01, 0.45 and 0.9 side by side."), in the page\'s language.',
      },
    }),
  },
);

export const GD_LR_SLIDER = {
  tag: 'gd-lr-slider',
  className: 'GdLrSlider',
  module: 'src/components/gd-lr-slider.ts',
  superclass: { name: 'DescentFigure', module: 'src/shared/descent-figure.ts' },
  summary:
    "The learning rate's effect on one run, labelled from the run: a logarithmic slider over six decades, a curve f(x) or a surface, 1/L and 2/L marked where the curvature at the minimum is known; `compare` shows up to four rates side by side.",
  shortcodeExamples: [
    '{{< gd-lr-slider start="2" >}}',
    '{{< gd-lr-slider compare="0.01,0.45,0.9" start="2" caption="Three rates on *f(x) = x²*" >}}',
    '{{< gd-lr-slider surface="ravine" lr="0.099" >}}',
  ],
  attributes,
  members: [
    ...c.PLAY_METHODS.map((m) => (m.name === 'play' ? { ...m, doc: `${m.doc} The run is shown whole at first; play replays it step by step.` } : m)),
    {
      name: 'regime',
      kind: 'field',
      type: "'no-steps' | 'too-low' | 'just-right' | 'ill-conditioned' | 'too-high' | 'oscillates' | 'diverges'",
      doc: "`'no-steps'`, `'too-low'`, `'just-right'`, `'ill-conditioned'` (shown as \"no rate fits\"), `'too-high'`, `'oscillates'` or `'diverges'`: the label of the run at `lr` (with `compare`, of the first rate) (read-only).",
    },
    { name: 'regimes', kind: 'field', type: 'string[]', doc: 'With `compare`: the labels of the compared rates, in the order given; otherwise `[]` (read-only).' },
    {
      name: 'criticalRates',
      kind: 'field',
      type: '{ optimal: number; limit: number; curvatures: number[] } | null',
      doc: "`{ optimal, limit, curvatures }`, that is 1/L and 2/L with L the largest curvature at the minimum nearest the start, and every curvature there (the Hessian's eigenvalues, smallest first), or `null` where no minimum is found (read-only).",
    },
    ...c.DESCENT_MEMBERS.filter((m) => m.kind === 'field').map((m) => (m.name === 'position' ? { ...m, doc: 'The current point: `[x, y]` on a surface, `[x]` on a curve (read-only).' } : m)),
  ],
  events: [
    { ...c.STEP_EVENT, doc: 'After every update shown while playing; `detail` is `{ iteration, position, value, gradientNorm }` of the run at `lr` (with `compare`, of the first rate, as `regime`).' },
    { ...c.STOP_EVENT, doc: "When the played run ends; `detail` adds `reason`: `'converged'`, `'max-steps'` or `'diverged'`." },
    { name: 'gd-regime', detail: '{ regime: string; lr: number }', doc: 'When the label changes; `detail` is `{ regime, lr }`.' },
  ],
  parts: [
    ...c.FIGURE_PARTS.filter((p) => p.name === 'frame'),
    { name: 'plot', doc: 'The curve or contour map.' },
    ...c.FIGURE_PARTS.filter((p) => p.name !== 'frame'),
    { name: 'regime', doc: 'The label of the run: too low, just right, no rate fits (ill-conditioned), too high, oscillates, diverges, no steps.' },
  ],
  cssProperties: [
    { name: '--gd-good', doc: 'Just right.' },
    { name: '--gd-warn', doc: 'Too low, no rate fits, too high, oscillates.' },
    { name: '--gd-bad', doc: 'Diverges.' },
    ...c.FIGURE_CSS_PROPERTIES,
  ],
} as const satisfies ElementSpec;
