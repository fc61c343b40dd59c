/**
 * Form fields every element draws the same way: a labelled slider with its value shown,
 * a logarithmic learning-rate slider with a box to type the exact value, and a labelled
 * number box. Native inputs, so keyboards and screen readers work without help.
 */
import { html, nothing } from 'lit';
import { shortNumber } from './attributes.js';
import { fromLogPosition, toLogPosition, type LogRange } from './log-scale.js';

/** Slider steps across a log range: fine enough that every decade has 166 of them. */
const LOG_STEPS = 1000;

export interface SliderField {
  id: string;
  label: string;
  value: number;
  min: number;
  max: number;
  step: number;
  onInput(value: number): void;
}

export function sliderField(f: SliderField) {
  return html`<div class="field">
    <label for=${f.id}>${f.label} <output>${shortNumber(f.value)}</output></label>
    <input
      id=${f.id}
      type="range"
      min=${f.min}
      max=${f.max}
      step=${f.step}
      .value=${String(f.value)}
      @input=${(e: Event) => f.onInput(Number((e.target as HTMLInputElement).value))}
    />
  </div>`;
}

export interface LogSliderField {
  id: string;
  label: string;
  /** What the value is called in the readout, e.g. "η". */
  symbol: string;
  value: number;
  range: LogRange;
  onInput(value: number): void;
  /** Drawn under the track, as wide as it: e.g. marks at notable rates. */
  underTrack?: unknown;
}

/** A learning-rate slider: equal track for each decade, and the exact value typed beside it. */
export function logSliderField(f: LogSliderField) {
  const text = `${f.symbol} = ${shortNumber(f.value)}`;
  const typed = (e: Event) => {
    const input = e.target as HTMLInputElement;
    const v = Number(input.value);
    if (input.value.trim() !== '' && Number.isFinite(v) && v >= f.range.min && v <= f.range.max) f.onInput(v);
    else input.value = String(f.value);
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
      <input type="number" aria-label=${f.label} min=${f.range.min} max=${f.range.max} step="any" .value=${String(f.value)} @change=${typed} />
      ${f.underTrack ?? nothing}
    </div>
  </div>`;
}

export interface NumberField {
  id: string;
  label: string;
  value: number | undefined;
  min: number;
  max: number;
  step?: number | 'any';
  placeholder?: string;
  /** Called with the typed number, or undefined when the box is emptied. */
  onChange(value: number | undefined): void;
}

export function numberField(f: NumberField) {
  const changed = (e: Event) => {
    const input = e.target as HTMLInputElement;
    if (input.value.trim() === '') return f.onChange(undefined);
    const v = Number(input.value);
    if (Number.isFinite(v) && v >= f.min && v <= f.max) f.onChange(v);
    else input.value = f.value === undefined ? '' : String(f.value);
  };
  return html`<div class="field">
    <label for=${f.id}>${f.label}</label>
    <input
      id=${f.id}
      type="number"
      min=${f.min}
      max=${f.max}
      step=${f.step ?? 'any'}
      placeholder=${f.placeholder ?? ''}
      .value=${f.value === undefined ? '' : String(f.value)}
      @change=${changed}
    />
  </div>`;
}
