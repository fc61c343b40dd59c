/**
 * Reading attributes a blog author typed: strict parsing, a safe default for anything
 * unusable, a short note in the reader's language, and one console warning per bad value.
 * Nothing here throws.
 *
 * A note's words are in the reader's language, but every value in it is written as an
 * attribute is (`shortNumber`: "0.001", "1e-8"), the one quoted as typed and the
 * defaults and bounds alike: the note is about a line of code, and a value it names
 * must work when copied back into the attribute ("0,001" would not parse there).
 */
import type { ComplexAttributeConverter } from 'lit';
import { INVISIBLE_CHARACTERS, isDrawableInterval, type Domain } from '../core/index.js';
import { MESSAGES, type Messages } from '../i18n/messages.js';

/**
 * Plain decimal or scientific notation, nothing else: no hex, no 'Infinity', no blanks.
 * Written so that each text matches in one way only: `\d+\.?\d*` could split a run of
 * digits anywhere, and a 100,000-digit value then took the regex minutes to refuse.
 */
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;

/** Longest text read as a number: 17 significant digits and an exponent fit many times over. */
export const MAX_NUMBER_LENGTH = 100;

/** At most this many characters of a value are quoted in a note or a warning. */
export const MAX_QUOTED_LENGTH = 40;

/** A value as a note quotes it: cut after MAX_QUOTED_LENGTH characters, with an ellipsis. */
export function quotedValue(raw: string): string {
  return raw.length > MAX_QUOTED_LENGTH ? `${raw.slice(0, MAX_QUOTED_LENGTH)}\u2026` : raw;
}

/** How many characters of a typed expression the error shows around the caret. */
const ERROR_WINDOW = 60;

const INVISIBLE = new RegExp(`[${INVISIBLE_CHARACTERS}]`, 'gu');

/**
 * The part of `text` shown above the caret: all of it when short, else ERROR_WINDOW
 * characters around `position` with '…' where it was cut; `caret` is the position in it.
 * Characters that show nothing are shown as U+FFFD, one per UTF-16 unit, so the caret
 * points at them.
 */
export function errorWindow(text: string, position: number, width = ERROR_WINDOW): { text: string; caret: number } {
  const at = Math.max(0, Math.min(position, text.length));
  // Line breaks and tabs (whitespace, not errors) become spaces, to keep the text on the caret's line.
  const shown = (part: string) => part.replace(/[\t\n\v\f\r\u2028\u2029]/g, ' ').replace(INVISIBLE, (c) => '\ufffd'.repeat(c.length));
  if (text.length <= width) return { text: shown(text), caret: at };
  const start = Math.max(0, Math.min(at - Math.floor(width / 2), text.length - width));
  const end = start + width;
  const head = start > 0 ? '\u2026' : '';
  return { text: `${head}${shown(text.slice(start, end))}${end < text.length ? '\u2026' : ''}`, caret: head.length + at - start };
}

/** The number a string spells, or NaN. Unlike Number(), '' and ' ' are NaN, not 0. */
export function parseStrictNumber(text: string): number {
  if (text.length > MAX_NUMBER_LENGTH) return NaN;
  const t = text.trim();
  return NUMBER.test(t) ? Number(t) : NaN;
}

/** A Lit converter for numeric attributes: garbage becomes NaN, which the reader below reports. */
export const numberAttribute: ComplexAttributeConverter<number | undefined> = {
  fromAttribute: (value) => (value === null ? undefined : parseStrictNumber(value)),
  toAttribute: (value) => (value === undefined ? null : String(value)),
};

/** Whether a text is too long to be `count` numbers, so not worth splitting. */
function tooLongFor(count: number, text: string): boolean {
  return text.length > count * (MAX_NUMBER_LENGTH + 2);
}

/** "x,y" (or "x y") as two numbers, or null. */
export function parsePoint(text: string): [number, number] | null {
  if (tooLongFor(2, text)) return null;
  const parts = text.trim().split(/\s*[,;\s]\s*/);
  if (parts.length !== 2) return null;
  const [x, y] = parts.map(parseStrictNumber);
  return Number.isFinite(x) && Number.isFinite(y) ? [x, y] : null;
}

/** "xmin,xmax,ymin,ymax" as a domain, or null; unless `anyWidth`, each side must be drawable (core/interval.ts). */
export function parseDomain(text: string, anyWidth = false): Domain | null {
  if (tooLongFor(4, text)) return null;
  const parts = text.trim().split(/\s*[,;\s]\s*/).map(parseStrictNumber);
  if (parts.length !== 4 || !parts.every(Number.isFinite)) return null;
  const [x0, x1, y0, y1] = parts;
  if (!(x0 < x1 && y0 < y1)) return null;
  return anyWidth || (isDrawableInterval(x0, x1) && isDrawableInterval(y0, y1)) ? { x: [x0, x1], y: [y0, y1] } : null;
}

/** "min,max" with min < max, or null; unless `anyWidth`, drawable (core/interval.ts). */
export function parseInterval(text: string, anyWidth = false): [number, number] | null {
  if (tooLongFor(2, text)) return null;
  const parts = text.trim().split(/\s*[,;\s]\s*/).map(parseStrictNumber);
  if (parts.length !== 2 || !parts.every(Number.isFinite) || !(parts[0] < parts[1])) return null;
  return anyWidth || isDrawableInterval(parts[0], parts[1]) ? [parts[0], parts[1]] : null;
}

export interface NumberRule {
  min: number;
  max: number;
  /** min itself is not allowed (a learning rate of 0 never moves). */
  minExclusive?: boolean;
  integer?: boolean;
}

/** Whether `value` is a number the rule allows. */
export function withinRule(rule: NumberRule, value: number): boolean {
  return (
    Number.isFinite(value) &&
    (rule.minExclusive ? value > rule.min : value >= rule.min) &&
    value <= rule.max &&
    (!rule.integer || Number.isInteger(value))
  );
}

/**
 * A number as an attribute is written: shortest faithful text with a decimal point,
 * 0.001, 1e-8, 5000, in every language. Attributes are code; this is for the copied
 * shortcode and for the values notes name. Whatever else a reader sees is written by
 * i18n/numbers.ts in the reader's language.
 */
export function shortNumber(v: number): string {
  if (v === 0 || (Math.abs(v) >= 1e-4 && Math.abs(v) < 1e6)) return String(+v.toPrecision(6));
  return v.toExponential().replace('e+', 'e');
}

/**
 * Collects the notes of one reading of an element's attributes. Call `begin` before
 * reading them all, then show `notes`. Warnings go to the console once per attribute
 * and value for the element's lifetime.
 */
export class AttributeReader {
  notes: string[] = [];
  private t: Messages = MESSAGES.en;
  private readonly warned = new Set<string>();

  constructor(private readonly host: HTMLElement) {}

  begin(messages: Messages): void {
    this.notes = [];
    this.t = messages;
  }

  /** The text behind a value: the attribute as typed, or the property as set; cut for quoting. */
  private raw(name: string, value: unknown): string {
    return quotedValue(this.host.getAttribute(name) ?? String(value));
  }

  private note(name: string, raw: string, local: string, english: string): void {
    this.notes.push(local);
    const key = `${name}\u0000${raw}`;
    if (this.warned.has(key)) return;
    this.warned.add(key);
    console.warn(`<${this.host.localName}> ${english}`);
  }

  /** `fallbackText` names the default in notes when its number would not say it ("off" for Infinity). */
  number(name: string, value: number | undefined | null, rule: NumberRule, fallback: number, fallbackText?: string): number {
    if (value === undefined || value === null) return fallback;
    if (withinRule(rule, value)) return value;
    const raw = this.raw(name, value);
    const fb = fallbackText ?? shortNumber(fallback);
    if (Number.isNaN(value)) {
      this.note(name, raw, this.t.notANumber(name, raw, fb), MESSAGES.en.notANumber(name, raw, fb));
      return fallback;
    }
    const range = (m: Messages) =>
      rule.integer
        ? m.rangeWhole(shortNumber(rule.min), shortNumber(rule.max))
        : rule.minExclusive && rule.max === Infinity
          ? m.rangeAbove(shortNumber(rule.min))
          : m.rangeBetween(shortNumber(rule.min), shortNumber(rule.max));
    this.note(name, raw, this.t.outOfRange(name, raw, range(this.t), fb), MESSAGES.en.outOfRange(name, raw, range(MESSAGES.en), fb));
    return fallback;
  }

  choice<T extends string>(name: string, value: string | undefined | null, choices: readonly T[], fallback: T): T {
    if (value === undefined || value === null) return fallback;
    const v = value.trim().toLowerCase();
    if ((choices as readonly string[]).includes(v)) return v as T;
    const list = choices.join(', ');
    const raw = quotedValue(value);
    this.note(name, value, this.t.notAChoice(name, raw, list, fallback), MESSAGES.en.notAChoice(name, raw, list, fallback));
    return fallback;
  }

  point(name: string, value: string | undefined | null, domain: Domain, fallback: readonly [number, number]): [number, number] {
    if (value === undefined || value === null) return [fallback[0], fallback[1]];
    const p = parsePoint(value);
    if (p && p[0] >= domain.x[0] && p[0] <= domain.x[1] && p[1] >= domain.y[0] && p[1] <= domain.y[1]) return p;
    const fb = `${shortNumber(fallback[0])},${shortNumber(fallback[1])}`;
    const raw = quotedValue(value);
    this.note(name, value, this.t.notAPoint(name, raw, fb), MESSAGES.en.notAPoint(name, raw, fb));
    return [fallback[0], fallback[1]];
  }

  /** "xmin,xmax,ymin,ymax"; one too narrow for its values to draw gets its own note. */
  domain(name: string, value: string | undefined | null, fallback: Domain): Domain {
    if (value === undefined || value === null) return fallback;
    const d = parseDomain(value);
    if (d) return d;
    const fb = `${fallback.x.join(',')},${fallback.y.join(',')}`;
    const raw = quotedValue(value);
    const message = parseDomain(value, true) ? 'tooNarrow' : 'notADomain';
    this.note(name, value, this.t[message](name, raw, fb), MESSAGES.en[message](name, raw, fb));
    return fallback;
  }

  /** "min,max" with min < max, e.g. the x range of a curve; one too narrow to draw gets its own note. */
  interval(name: string, value: string | undefined | null, fallback: readonly [number, number]): [number, number] {
    if (value === undefined || value === null) return [fallback[0], fallback[1]];
    const parsed = parseInterval(value);
    if (parsed) return parsed;
    const fb = fallback.join(',');
    const raw = quotedValue(value);
    const message = parseInterval(value, true) ? 'tooNarrow' : 'notAnInterval';
    this.note(name, value, this.t[message](name, raw, fb), MESSAGES.en[message](name, raw, fb));
    return [fallback[0], fallback[1]];
  }

  /** A note that is not about one attribute's syntax, e.g. a bad expression. */
  message(name: string, raw: string, local: string, english: string): void {
    this.note(name, raw, local, english);
  }
}
