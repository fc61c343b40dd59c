/**
 * Form fields every element draws the same way: a labelled slider with its value shown,
 * a logarithmic learning-rate slider with a box to type the exact value, and a labelled
 * number box. Native inputs, so keyboards and screen readers work without help.
 *
 * Numbers are shown and read in the reader's language (`numbers`): a box for a decimal
 * value is a text box (`inputmode="decimal"`), not `type="number"`, which shows and
 * parses numbers in the browser's locale rather than the page's, so a Spanish reader
 * can type "0,9" (or "0.9", or "1e-5") and sees "0,9" back. Whole-number boxes stay
 * `type="number"`: their digits read the same in every language.
 */
import { html, nothing } from 'lit';
import { readsSetting, type OptimizerName } from '../core/index.js';
import type { Numbers } from '../i18n/numbers.js';
import { fromLogPosition, toLogPosition, type LogRange } from './log-scale.js';

/** Slider steps across a log range: fine enough that every decade has 166 of them. */
const LOG_STEPS = 1000;

export interface SliderField {
  id: string;
  label: string;
  /** The reader's numbers, for the value shown. */
  numbers: Numbers;
  value: number;
  min: number;
  max: number;
  step: number;
  onInput(value: number): void;
}

export function sliderField(f: SliderField) {
  const text = f.numbers.setting(f.value);
  return html`<div class="field">
    <label for=${f.id}>${f.label} <output>${text}</output></label>
    <input
      id=${f.id}
      type="range"
      min=${f.min}
      max=${f.max}
      step=${f.step}
      .value=${String(f.value)}
      aria-valuetext=${text}
      @input=${(e: Event) => f.onInput(Number((e.target as HTMLInputElement).value))}
    />
  </div>`;
}

export interface LogSliderField {
  id: string;
  label: string;
  /** What the value is called in the readout, e.g. "η". */
  symbol: string;
  /** The reader's numbers, for the value shown and typed. */
  numbers: Numbers;
  value: number;
  range: LogRange;
  onInput(value: number): void;
  /** Drawn under the track, as wide as it: e.g. marks at notable rates. */
  underTrack?: unknown;
}

/** A learning-rate slider: equal track for each decade, and the exact value typed beside it. */
export function logSliderField(f: LogSliderField) {
  const text = `${f.symbol} = ${f.numbers.setting(f.value)}`;
  const typed = (e: Event) => {
    const input = e.target as HTMLInputElement;
    const v = f.numbers.parse(input.value);
    const ok = Number.isFinite(v) && v >= f.range.min && v <= f.range.max;
    // What was typed, as the reader's language writes it ("0.05" becomes "0,05"); or back to the value.
    input.value = f.numbers.setting(ok ? v : f.value);
    if (ok) f.onInput(v);
  };
  return html`<div class="field wide">
    <label for=${f.id}>${f.label} <output>${text}</output></label>
    <div class="slider-row">
      <input
        id=${f.id}
        type="range"
        min="0"
        max=${LOG_STEPS}
        step="1"
        .value=${String(Math.round(toLogPosition(f.value, f.range) * LOG_STEPS))}
        aria-valuetext=${text}
        @input=${(e: Event) => f.onInput(fromLogPosition(Number((e.target as HTMLInputElement).value) / LOG_STEPS, f.range))}
      />
      <input type="text" inputmode="decimal" autocomplete="off" spellcheck="false" aria-label=${f.label} .value=${f.numbers.setting(f.value)} @change=${typed} />
      ${f.underTrack ?? nothing}
    </div>
  </div>`;
}

export interface NumberField {
  id: string;
  label: string;
  /** The reader's numbers, for the value shown and typed. */
  numbers: Numbers;
  value: number | undefined;
  min: number;
  max: number;
  step?: number | 'any';
  placeholder?: string;
  /** Called with the typed number, or undefined when the box is emptied. */
  onChange(value: number | undefined): void;
}

/** A labelled box for a number: whole numbers with the browser's stepper, others as text in the reader's language. */
export function numberField(f: NumberField) {
  const whole = f.step === 1;
  const shown = (v: number | undefined) => (v === undefined ? '' : whole ? String(v) : f.numbers.setting(v));
  const changed = (e: Event) => {
    const input = e.target as HTMLInputElement;
    if (input.value.trim() === '') return f.onChange(undefined);
    const v = whole ? Number(input.value) : f.numbers.parse(input.value);
    const ok = Number.isFinite(v) && v >= f.min && v <= f.max && (!whole || Number.isInteger(v));
    input.value = shown(ok ? v : f.value);
    if (ok) f.onChange(v);
  };
  return whole
    ? html`<div class="field">
        <label for=${f.id}>${f.label}</label>
        <input id=${f.id} type="number" inputmode="numeric" min=${f.min} max=${f.max} step="1" placeholder=${f.placeholder ?? ''} .value=${shown(f.value)} @change=${changed} />
      </div>`
    : html`<div class="field">
        <label for=${f.id}>${f.label}</label>
        <input
          id=${f.id}
          type="text"
          inputmode="decimal"
          autocomplete="off"
          spellcheck="false"
          placeholder=${f.placeholder ?? ''}
          .value=${shown(f.value)}
          @change=${changed}
        />
      </div>`;
}

export interface RuleSettingFields {
  optimizer: OptimizerName;
  /** The rule's current settings. */
  options: { beta: number; beta1: number; beta2: number };
  /** "Momentum β" and "Decay β" (RMSprop's β is a decay rate). */
  labels: { momentum: string; decay: string };
  numbers: Numbers;
  change(changes: Record<string, number>): void;
}

/** The sliders of the settings an update rule reads besides the rate (core/optimizers.ts `OPTIMIZER_SETTINGS`): β, or Adam's β₁ and β₂. */
export function ruleSettingFields(f: RuleSettingFields) {
  const unit = { min: 0, max: 0.999, step: 0.001, numbers: f.numbers };
  const o = f.options;
  return html`${readsSetting(f.optimizer, 'beta')
    ? sliderField({ id: 'beta', label: f.optimizer === 'rmsprop' ? f.labels.decay : f.labels.momentum, value: o.beta, ...unit, onInput: (v) => f.change({ beta: v }) })
    : nothing}
  ${readsSetting(f.optimizer, 'beta1')
    ? html`${sliderField({ id: 'beta1', label: 'β₁', value: o.beta1, ...unit, onInput: (v) => f.change({ beta1: v }) })}
      ${sliderField({ id: 'beta2', label: 'β₂', value: o.beta2, ...unit, onInput: (v) => f.change({ beta2: v }) })}`
    : nothing}`;
}
