/**
 * What several elements' contracts share: the attributes of every figure (autoplay,
 * controls, authoring, theme, lang, and the shortcode's caption, fallback, id and
 * class), those of every figure that runs one optimizer on one objective
 * (src/shared/descent-figure.ts), and their members and events. Catalogues (surface,
 * optimizer names) come from the core, never listed here.
 */
import { DEFAULT_CURVE_DOMAIN, OPTIMIZER_NAMES, SURFACE_NAMES, type Domain } from '../core/index.js';
import { DEFAULT_SURFACE_DOMAIN } from '../core/expression/index.js';
import { LR_RANGE } from '../shared/presets.js';
import type { AttributeSpec, ChoiceAttribute, EventSpec, MemberSpec, NamedDoc, NumberAttribute, OtherAttribute } from './types.js';

/** The values of `controls`: how much of its controls a figure shows. */
export const CONTROLS_MODES = ['full', 'compact', 'none'] as const;
/** The values of `theme`. */
export const THEME_SETTINGS = ['auto', 'light', 'dark'] as const;

/** The plot of a typed expression f(x, y) without a `domain` (the core's). */
export const DEFAULT_DOMAIN: Domain = { x: [...DEFAULT_SURFACE_DOMAIN.x], y: [...DEFAULT_SURFACE_DOMAIN.y] };
/** The plot of a typed curve f(x) without a `domain` (the core's). */
export { DEFAULT_CURVE_DOMAIN };

/** The same attribute with another doc (and anything else that differs). */
export function variant<T extends AttributeSpec>(entry: T, changes: Partial<T>): T {
  return { ...entry, ...changes };
}

/**
 * A default that depends on a catalogue entry, in the README's words: "`10` (`iris`: 16)",
 * the first entry's value, and the others' where they differ.
 */
export function perName<N extends string>(names: readonly N[], of: (name: N) => string | number | undefined): string {
  const code = (v: unknown) => `\`${String(v)}\``;
  const first = of(names[0]);
  const others = names
    .slice(1)
    .filter((name) => of(name) !== first)
    .map((name) => `${code(name)}: ${of(name)}`);
  return others.length > 0 ? `${code(first)} (${others.join(', ')})` : code(first);
}

/** The same attribute, documented by reference to `<gd-explorer>`'s row (`extra`, a sentence, added). */
export function asForExplorer<T extends AttributeSpec>(entry: T, extra = ''): T {
  const reference = entry.only === 'shortcode' ? 'Shortcode only, as for `<gd-explorer>`.' : 'As for `<gd-explorer>`.';
  return { ...entry, doc: extra ? `${reference} ${extra}` : reference };
}

// ---- every figure ----

export const AUTOPLAY: OtherAttribute = {
  name: 'autoplay',
  type: 'boolean',
  default: false,
  doc: 'Start playing on load (never when the reader prefers reduced motion).',
};

export const CONTROLS: ChoiceAttribute<(typeof CONTROLS_MODES)[number]> = {
  name: 'controls',
  type: 'choice',
  values: CONTROLS_MODES,
  default: 'full',
  doc:
    'How much of its controls the figure shows, for a slide or a post that needs only the picture. `full`: the play row (play, step, reset, speed) and the settings panel. `compact`: play, step and reset only; no speed menu, no settings. `none`: no buttons and no settings. In every mode the plot, chart, readouts and formula stay, a click or tap on the plot still moves the start point, Space on the plot plays or pauses, `autoplay` still plays and `reset()` works from script.',
};

export const AUTHORING: OtherAttribute = {
  name: 'authoring',
  type: 'boolean',
  default: false,
  only: 'html',
  doc:
    'HTML only: show the author tools ("Copy shortcode", "Copy HTML", "Save image") in a group labelled "For authors", in every `controls` mode. For an author\'s preview, not for readers: the copied shortcode reproduces the figure (with `controls` when not `full`) and never carries `authoring`. In Hugo, `hugo server` adds it to every widget and a built site never has it, so the shortcode has no such parameter.',
};

export const THEME: ChoiceAttribute<(typeof THEME_SETTINGS)[number]> = {
  name: 'theme',
  type: 'choice',
  values: THEME_SETTINGS,
  default: 'auto',
  doc:
    "`auto` matches what the page shows, however its theme says dark (a class, `data-theme`, Stack's `data-scheme`, Relearn's variants, only CSS): the root's `color-scheme` when it is exactly `dark` or `light`; else the nearest background behind the widget (dark below lightness L\\* 50, translucent ones blended); else the browser's canvas (white unless the page's `color-scheme` allows dark and the reader prefers it). Re-checked when `html` or `body` attributes change, a background transition ends, or the system scheme changes. `light` and `dark` always win.",
};

export const LANG: OtherAttribute = {
  name: 'lang',
  type: 'lang',
  typeText: 'language code',
  defaultText: "the page's language",
  doc: "`en` or `es` for the widget's text.",
};

export const CAPTION: OtherAttribute = {
  name: 'caption',
  type: 'markdown',
  only: 'shortcode',
  typeText: 'Markdown',
  defaultText: 'none',
  doc: 'Shortcode only: wraps the element in `<figure class="gd-figure">` with this `<figcaption>`.',
};

export const FALLBACK: OtherAttribute = {
  name: 'fallback',
  type: 'markdown',
  only: 'shortcode',
  typeText: 'Markdown',
  defaultText: 'a sentence describing the figure',
  doc: 'Shortcode only: what shows without JavaScript.',
};

export const ID: OtherAttribute = { name: 'id', type: 'id', only: 'shortcode', typeText: 'text', defaultText: 'none', doc: 'Shortcode only: put on the element.' };
export const CLASS: OtherAttribute = { name: 'class', type: 'class', only: 'shortcode', typeText: 'text', defaultText: 'none', doc: 'Shortcode only: put on the element.' };

/**
 * The shared attributes every shortcode checks itself (gd-widgets/params.html), in the
 * order the element lists them after its own.
 */
export const SHARED_NAMES = ['controls', 'authoring', 'theme', 'lang', 'caption', 'fallback', 'id', 'class'] as const;

// ---- figures that run one optimizer on one objective ----

export const SURFACE: ChoiceAttribute = {
  name: 'surface',
  type: 'choice',
  values: SURFACE_NAMES,
  default: 'rosenbrock',
  doc: 'The named test surface.',
};

export const EXPRESSION: OtherAttribute = {
  name: 'expression',
  type: 'text',
  typeText: 'formula in `x` and `y`',
  defaultText: 'none',
  doc: 'Your own surface, e.g. `x^2 + 10y^2`; replaces `surface`. Numbers, `pi`, `e`, `+ - * / ^`, parentheses, `sin cos tan exp log sqrt abs tanh`, and `2x` for `2*x`.',
};

export const DOMAIN: OtherAttribute = {
  name: 'domain',
  type: 'domain',
  typeText: '`xmin,xmax,ymin,ymax`',
  default: [...DEFAULT_DOMAIN.x, ...DEFAULT_DOMAIN.y],
  doc: 'The rectangle plotted for an `expression`.',
};

export const OPTIMIZER: ChoiceAttribute = {
  name: 'optimizer',
  type: 'choice',
  values: OPTIMIZER_NAMES,
  default: 'gd',
  doc: 'The update rule.',
};

export const LR: NumberAttribute = {
  name: 'lr',
  type: 'number',
  min: 0,
  minExclusive: true,
  max: LR_RANGE.max,
  defaultText: 'suits the surface and optimizer',
  doc: 'Learning rate η.',
};

/** beta, beta1, beta2: a decay rate below 1. */
const UNIT = { type: 'number', min: 0, max: 0.9999 } as const;

export const BETA: NumberAttribute = { name: 'beta', ...UNIT, default: 0.9, doc: 'Momentum coefficient (`momentum`, `nesterov`); decay rate of `rmsprop`.' };
export const BETA1: NumberAttribute = { name: 'beta1', ...UNIT, default: 0.9, doc: "Adam's decay for the first moment (the mean of gradients)." };
export const BETA2: NumberAttribute = { name: 'beta2', ...UNIT, default: 0.999, doc: "Adam's decay for the second moment (the mean of squared gradients)." };

export const EPS: NumberAttribute = {
  name: 'eps',
  type: 'number',
  min: 0,
  minExclusive: true,
  max: 1,
  default: 1e-8,
  doc: 'Added to the denominators of `rmsprop`, `adam`, `adagrad`.',
};

export const CLIP: NumberAttribute = {
  name: 'clip',
  type: 'number',
  min: 0,
  minExclusive: true,
  max: Infinity,
  default: Infinity,
  defaultText: 'off',
  doc: 'Gradient clipping: gradients longer than this are scaled down to this norm.',
};

export const EMA: OtherAttribute = {
  name: 'ema',
  type: 'boolean',
  default: false,
  doc: 'Momentum as an exponential moving average (`v ← βv + (1−β)g; x ← x − ηv`) instead of the classical form.',
};

export const START: OtherAttribute = {
  name: 'start',
  type: 'point',
  typeText: '`x,y` inside the plotted area',
  defaultText: 'suits the surface',
  doc: 'Start point.',
};

export const STEPS: NumberAttribute = { name: 'steps', type: 'integer', integer: true, min: 1, max: 100000, default: 1000, doc: 'Most updates in a run.' };

export const TOLERANCE: NumberAttribute = {
  name: 'tolerance',
  type: 'number',
  min: 0,
  minExclusive: true,
  max: 1e6,
  default: 1e-5,
  doc: 'The run converges when the gradient norm falls below it.',
};

export const SPEED: NumberAttribute = { name: 'speed', type: 'number', min: 0, minExclusive: true, max: 10000, default: 30, doc: 'Updates per second while playing.' };

/** The attributes `DescentFigure` reads, by the rules of the element's own spec. */
export type DescentAttributes = {
  surface: ChoiceAttribute;
  expression: OtherAttribute;
  domain: OtherAttribute;
  lr: NumberAttribute;
  beta: NumberAttribute;
  beta1: NumberAttribute;
  beta2: NumberAttribute;
  eps: NumberAttribute;
  clip: NumberAttribute;
  ema: OtherAttribute;
  start: OtherAttribute;
  steps: NumberAttribute;
  tolerance: NumberAttribute;
  speed: NumberAttribute;
};

/** The attributes every figure takes, after its own. */
export type FigureAttributes = {
  autoplay: OtherAttribute;
  controls: ChoiceAttribute;
  authoring: OtherAttribute;
  theme: ChoiceAttribute;
  lang: OtherAttribute;
  caption: OtherAttribute;
  fallback: OtherAttribute;
  id: OtherAttribute;
  class: OtherAttribute;
};

type Changes<T> = { [K in keyof T]?: Partial<T[K]> };

/** Each entry of `base` with its `changes` merged in, in base's order. */
function changed<T extends object>(base: T, changes: Changes<T>): T {
  const more = changes as Record<string, object | undefined>;
  return Object.fromEntries(Object.entries(base).map(([k, v]) => [k, { ...v, ...(more[k] ?? {}) }])) as T;
}

/**
 * The attributes every figure ends with (autoplay, controls, authoring, theme, lang, and
 * the shortcode's caption, fallback, id, class), as `changes` adapt them. A new one added
 * here reaches every element, its shortcode, the README and custom-elements.json.
 */
export function figureAttributes(changes: Changes<FigureAttributes> = {}): FigureAttributes {
  return changed({ autoplay: AUTOPLAY, controls: CONTROLS, authoring: AUTHORING, theme: THEME, lang: LANG, caption: CAPTION, fallback: FALLBACK, id: ID, class: CLASS }, changes);
}

/** `figureAttributes` for elements other than `<gd-explorer>`: the shared ones documented by reference to its table. */
export function figureAttributesAsForExplorer(changes: Changes<FigureAttributes> = {}): FigureAttributes {
  return figureAttributes({
    authoring: asForExplorer(AUTHORING),
    theme: asForExplorer(THEME),
    caption: asForExplorer(CAPTION),
    id: asForExplorer(ID),
    class: asForExplorer(CLASS),
    ...changes,
  });
}

/**
 * The attributes of a figure that runs one optimizer on one objective, in the order the
 * shortcode writes them, as `changes` adapt them; `more` inserts a figure's own after
 * `lr` and after `beta`, and may put another attribute in the place of `optimizer`
 * (the race's `optimizers`). A new attribute added here reaches every such figure.
 */
export function descentAttributes<
  L extends Record<string, AttributeSpec> = Record<never, never>,
  B extends Record<string, AttributeSpec> = Record<never, never>,
  P extends Record<string, AttributeSpec> = { optimizer: ChoiceAttribute },
>(
  changes: Changes<DescentAttributes & { optimizer: ChoiceAttribute }> = {},
  more: { optimizer?: P; afterLr?: L; afterBeta?: B; figure?: FigureAttributes } = {},
): DescentAttributes & P & L & B & FigureAttributes {
  const base = changed(
    { surface: SURFACE, expression: EXPRESSION, domain: DOMAIN, optimizer: OPTIMIZER, lr: LR, beta: BETA, beta1: BETA1, beta2: BETA2, eps: EPS, clip: CLIP, ema: EMA, start: START, steps: STEPS, tolerance: TOLERANCE, speed: SPEED },
    changes,
  );
  const { surface, expression, domain, optimizer, lr, beta, ...rest } = base;
  return {
    surface,
    expression,
    domain,
    ...(more.optimizer ?? { optimizer }),
    lr,
    ...more.afterLr,
    beta,
    ...more.afterBeta,
    ...rest,
    ...(more.figure ?? figureAttributes()),
  } as DescentAttributes & P & L & B & FigureAttributes;
}

// ---- members and events ----

export const PLAY_METHODS: readonly MemberSpec[] = [
  { name: 'play', kind: 'method', type: 'void', doc: 'Plays the run from where it is (from the start once it has ended).' },
  { name: 'pause', kind: 'method', type: 'void', doc: 'Pauses.' },
  { name: 'step', kind: 'method', type: 'void', doc: 'Makes one update.' },
  {
    name: 'reset',
    kind: 'method',
    type: 'void',
    doc: "Goes back to the start point, paused. Reset also undoes the reader's changes (sliders, menus, a clicked start point), so the figure matches its attributes and caption again; a setting changed while playing keeps the iteration shown.",
  },
];

export const DESCENT_MEMBERS: readonly MemberSpec[] = [
  ...PLAY_METHODS,
  { name: 'iteration', kind: 'field', type: 'number', doc: 'Updates made so far (read-only).' },
  { name: 'position', kind: 'field', type: 'number[]', doc: 'The current point `[x, y]` (read-only).' },
  { name: 'value', kind: 'field', type: 'number', doc: 'f at the current point (read-only).' },
  {
    name: 'status',
    kind: 'field',
    type: "'ready' | 'running' | 'paused' | 'converged' | 'max-steps' | 'diverged'",
    doc: "`'ready'`, `'running'`, `'paused'`, `'converged'`, `'max-steps'` or `'diverged'` (read-only).",
  },
];

export const STEP_EVENT: EventSpec = {
  name: 'gd-step',
  detail: '{ iteration: number; position: number[]; value: number; gradientNorm: number }',
  doc: 'After every update shown; `detail` is `{ iteration, position, value, gradientNorm }`.',
};

export const STOP_EVENT: EventSpec = {
  name: 'gd-stop',
  detail: "{ iteration: number; position: number[]; value: number; gradientNorm: number; reason: 'converged' | 'max-steps' | 'diverged' }",
  doc: "When the run ends; `detail` adds `reason`: `'converged'`, `'max-steps'` or `'diverged'`.",
};

/** Parts every figure has. */
export const FIGURE_PARTS: readonly NamedDoc[] = [
  { name: 'frame', doc: "The figure's box." },
  { name: 'chart', doc: "The loss chart's box." },
  { name: 'controls', doc: 'The play/step/reset bar and the settings panel.' },
  { name: 'formula', doc: 'The update rule with the current numbers.' },
  { name: 'notes', doc: 'Notes about attributes that could not be used.' },
  { name: 'authoring', doc: 'The author tools (with `authoring`).' },
  { name: 'placeholder', doc: "Until the figure first renders (it comes near the viewport): an empty box of about the figure's height." },
];

/** Custom properties every figure reads. */
export const FIGURE_CSS_PROPERTIES: readonly NamedDoc[] = [
  { name: '--gd-bg', doc: "The figure's background." },
  { name: '--gd-text', doc: 'Text colour.' },
  { name: '--gd-font', doc: 'Font family.' },
  { name: '--gd-font-size', doc: "The figure's text size (every size inside is in em)." },
];
