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
import type { Domain } from '../core/index.js';
import { MESSAGES, type Messages } from '../i18n/messages.js';

/** Plain decimal or scientific notation, nothing else: no hex, no 'Infinity', no blanks. */
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** The number a string spells, or NaN. Unlike Number(), '' and ' ' are NaN, not 0. */
export function parseStrictNumber(text: string): number {
  const t = text.trim();
  return NUMBER.test(t) ? Number(t) : NaN;
}

/** A Lit converter for numeric attributes: garbage becomes NaN, which the reader below reports. */
export const numberAttribute: ComplexAttributeConverter<number | undefined> = {
  fromAttribute: (value) => (value === null ? undefined : parseStrictNumber(value)),
  toAttribute: (value) => (value === undefined ? null : String(value)),
};

/** "x,y" (or "x y") as two numbers, or null. */
export function parsePoint(text: string): [number, number] | null {
  const parts = text.trim().split(/\s*[,;\s]\s*/);
  if (parts.length !== 2) return null;
  const [x, y] = parts.map(parseStrictNumber);
  return Number.isFinite(x) && Number.isFinite(y) ? [x, y] : null;
}

/** "xmin,xmax,ymin,ymax" as a domain, or null. */
export function parseDomain(text: string): Domain | null {
  const parts = text.trim().split(/\s*[,;\s]\s*/).map(parseStrictNumber);
  if (parts.length !== 4 || !parts.every(Number.isFinite)) return null;
  const [x0, x1, y0, y1] = parts;
  return x0 < x1 && y0 < y1 ? { x: [x0, x1], y: [y0, y1] } : null;
}

export interface NumberRule {
  min: number;
  max: number;
  /** min itself is not allowed (a learning rate of 0 never moves). */
  minExclusive?: boolean;
  integer?: boolean;
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

  /** The text behind a value: the attribute as typed, or the property as set. */
  private raw(name: string, value: unknown): string {
    return this.host.getAttribute(name) ?? String(value);
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
    const ok =
      Number.isFinite(value) &&
      (rule.minExclusive ? value > rule.min : value >= rule.min) &&
      value <= rule.max &&
      (!rule.integer || Number.isInteger(value));
    if (ok) return value;
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
    this.note(name, value, this.t.notAChoice(name, value, list, fallback), MESSAGES.en.notAChoice(name, value, list, fallback));
    return fallback;
  }

  point(name: string, value: string | undefined | null, domain: Domain, fallback: readonly [number, number]): [number, number] {
    if (value === undefined || value === null) return [fallback[0], fallback[1]];
    const p = parsePoint(value);
    if (p && p[0] >= domain.x[0] && p[0] <= domain.x[1] && p[1] >= domain.y[0] && p[1] <= domain.y[1]) return p;
    const fb = `${shortNumber(fallback[0])},${shortNumber(fallback[1])}`;
    this.note(name, value, this.t.notAPoint(name, value, fb), MESSAGES.en.notAPoint(name, value, fb));
    return [fallback[0], fallback[1]];
  }

  domain(name: string, value: string | undefined | null, fallback: Domain): Domain {
    if (value === undefined || value === null) return fallback;
    const d = parseDomain(value);
    if (d) return d;
    const fb = `${fallback.x.join(',')},${fallback.y.join(',')}`;
    this.note(name, value, this.t.notADomain(name, value, fb), MESSAGES.en.notADomain(name, value, fb));
    return fallback;
  }

  /** "min,max" with min < max, e.g. the x range of a curve. */
  interval(name: string, value: string | undefined | null, fallback: readonly [number, number]): [number, number] {
    if (value === undefined || value === null) return [fallback[0], fallback[1]];
    const parts = value.trim().split(/\s*[,;\s]\s*/).map(parseStrictNumber);
    if (parts.length === 2 && parts.every(Number.isFinite) && parts[0] < parts[1]) return [parts[0], parts[1]];
    const fb = fallback.join(',');
    this.note(name, value, this.t.notAnInterval(name, value, fb), MESSAGES.en.notAnInterval(name, value, fb));
    return [fallback[0], fallback[1]];
  }

  /** A note that is not about one attribute's syntax, e.g. a bad expression. */
  message(name: string, raw: string, local: string, english: string): void {
    this.note(name, raw, local, english);
  }
}
