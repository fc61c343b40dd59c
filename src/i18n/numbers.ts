/**
 * Numbers for readers, in their language: every number a reader sees (readouts, table
 * cells, tick labels, sentences, formulas) is written here, and every number a reader
 * types is read here. Digits and the decimal separator come from `Intl.NumberFormat` of
 * the element's language (`numbersFor(lang)`; formatters are
 * created once per language and options, as they are slow to create). On top of Intl,
 * one notation everywhere:
 *
 * - d significant digits: v is rounded to d digits, r = m x 10^e with 1 <= |m| < 10, then
 *     r = 0              0 with d - 1 zeros after the separator: "0.00" / "0,00"
 *     -3 <= e <= 3       positional: "−1.20", "215.6", "0.00150", "1230" (es: "−1,20")
 *     otherwise          m×10^e: "1.50×10⁻⁵" (es: "1,50×10⁻⁵"); TeX "1{,}50\times10^{-5}"
 *   Trailing zeros are kept, so a readout keeps its width while it changes; `trimZeros`
 *   drops them and a mantissa of exactly 1, for settings: "0.001", "10⁻⁸", "2.5×10⁻⁴".
 * - Powers of ten are written the same way in text and in TeX: m×10^e, never "1e-5"
 *   (that is how authors write attributes, which are code: see `shortNumber`).
 * - No digit grouping: "12345", never "12.345" (which an English reader takes for
 *   twelve); readouts that large are in powers of ten anyway.
 * - The minus sign is U+2212 "−" in text, and "-" in TeX (KaTeX draws it as a minus).
 * - A decimal comma is "{,}" in TeX: bare, KaTeX spaces it like a list's comma.
 * - ±Infinity and NaN are "∞", "−∞" and "—", never "Infinity" or "NaN".
 * - Percentages as Intl writes them: "98%" in English, "98 %" (no-break space) in
 *   Spanish; whole percent unless asked, and never a trailing ".0".
 * - Coordinates: "(−1.20, 1.00)" in English, "(−1,20; 1,00)" in Spanish, where a comma
 *   between numbers would read as a decimal one.
 */
import type { Lang } from './lang.js';

/** Significant digits when a caller does not say. */
export const DEFAULT_DIGITS = 3;

/** Positional notation for exponents from this one ... */
const SMALLEST_POSITIONAL_EXPONENT = -3;
/** ... up to this one (so from 0.001 to 9999); powers of ten outside. */
const LARGEST_POSITIONAL_EXPONENT = 3;

/** The typographic minus sign. */
export const MINUS = '\u2212';

export interface DigitsOptions {
  /** Drop trailing zeros after the separator, and a mantissa of exactly 1. Default false. */
  trimZeros?: boolean;
}

/** Every way the module writes or reads a number, in one language. */
export interface Numbers {
  readonly lang: Lang;
  /** The decimal separator: "." or ",". */
  readonly decimal: string;
  /** Plain text with d significant digits: "−1.20", "1.50×10⁻⁵", "∞", "—". */
  text(v: number, digits?: number, options?: DigitsOptions): string;
  /** The same number as TeX: "-1{,}20", "1{,}50\times10^{-5}", "\infty", "\text{---}". */
  tex(v: number, digits?: number, options?: DigitsOptions): string;
  /**
   * `tex`, in parentheses unless it is a plain non-negative number, so it can be raised
   * to a power or multiplied without ambiguity: "215.6", "(-88.0)", "(1.50\times10^{-5})".
   */
  texFactor(v: number, digits?: number, options?: DigitsOptions): string;
  /** A setting as it was set, up to 6 significant digits, no trailing zeros: "0.001", "10⁻⁸". */
  setting(v: number): string;
  /** A point's coordinates: "(−1.20, 1.00)" / "(−1,20; 1,00)". */
  point(coordinates: ArrayLike<number>, digits?: number, options?: DigitsOptions): string;
  /** A fraction as a percentage: 0.98 is "98%" / "98 %"; up to `fractionDigits` decimals, none trailing. */
  percent(fraction: number, fractionDigits?: number): string;
  /** An axis tick label with as many decimals as the step between ticks needs: "0.5", "−2", "1500". */
  tick(value: number, step: number): string;
  /**
   * TeX whose every "." between two digits is a decimal point (a typed expression's
   * literals, as the core writes them), with this language's separator: "0{,}5y^{2}".
   */
  texLiterals(tex: string): string;
  /**
   * What a reader typed, or NaN: "0.9", in Spanish also "0,9"; "−2", "1e-5", "1,5×10⁻⁵",
   * "10⁻⁸", "10^-8" (what `text` and `setting` write reads back). No digit grouping.
   */
  parse(text: string): number;
}

const SUPERSCRIPT: Record<string, string> = {
  '-': '\u207b',
  '0': '\u2070',
  '1': '\u00b9',
  '2': '\u00b2',
  '3': '\u00b3',
  '4': '\u2074',
  '5': '\u2075',
  '6': '\u2076',
  '7': '\u2077',
  '8': '\u2078',
  '9': '\u2079',
};
const FROM_SUPERSCRIPT: Record<string, string> = Object.fromEntries(Object.entries(SUPERSCRIPT).map(([plain, sup]) => [sup, plain]));

/** "10⁻⁵" for exponent -5: the power of ten in text, in every language. */
export function powerOfTen(exponent: number): string {
  return `10${[...String(exponent)].map((c) => SUPERSCRIPT[c] ?? c).join('')}`;
}

/** A number taken apart: its sign, and positional digits or a mantissa and an exponent (separator localized). */
type Parts =
  | { kind: 'positional'; negative: boolean; digits: string }
  | { kind: 'scientific'; negative: boolean; mantissa: string; exponent: number }
  | { kind: 'infinite'; negative: boolean }
  | { kind: 'nan' };

const instances = new Map<Lang, Numbers>();

/** The number writer and reader of a language (one per language, its formatters cached). */
export function numbersFor(lang: Lang): Numbers {
  let numbers = instances.get(lang);
  if (!numbers) {
    numbers = createNumbers(lang);
    instances.set(lang, numbers);
  }
  return numbers;
}

function createNumbers(lang: Lang): Numbers {
  const formatters = new Map<string, Intl.NumberFormat>();
  /** A cached formatter; `key` names the options (they are fixed per key). */
  const formatter = (key: string, options: () => Intl.NumberFormatOptions) => {
    let f = formatters.get(key);
    if (!f) {
      f = new Intl.NumberFormat(lang, { useGrouping: false, ...options() });
      formatters.set(key, f);
    }
    return f;
  };
  const decimal = formatter('decimal', () => ({ minimumFractionDigits: 1 })).formatToParts(0.5).find((p) => p.type === 'decimal')?.value ?? '.';
  const texDecimal = decimal === '.' ? '.' : `{${decimal}}`;
  const pointSeparator = decimal === ',' ? '; ' : ', ';

  /** Formatters of d significant digits (with trailing zeros, or without), by 2d + trim: read every frame. */
  const significantFormatters: Intl.NumberFormat[] = [];
  const significant = (digits: number, trim: boolean) =>
    (significantFormatters[2 * digits + (trim ? 1 : 0)] ??= formatter(`sig:${digits}:${trim}`, () => ({
      minimumSignificantDigits: trim ? 1 : digits,
      maximumSignificantDigits: digits,
    })));

  function parts(v: number, digits: number, trim: boolean): Parts {
    if (!Number.isInteger(digits) || digits < 1 || digits > 17) {
      throw new RangeError(`significant digits must be an integer from 1 to 17, got ${digits}`);
    }
    if (Number.isNaN(v)) return { kind: 'nan' };
    if (!Number.isFinite(v)) return { kind: 'infinite', negative: v < 0 };
    const size = Math.abs(v);
    const f = significant(digits, trim);
    if (size === 0) return { kind: 'positional', negative: false, digits: f.format(0) };
    // Rounded to d digits first (9999.7 with 3 digits is 1.00×10⁴, not positional), by
    // JavaScript's correctly rounded toExponential: 1.005 is 1.00499999999999989... as a
    // double, so 1.00 (Intl would round its shortest decimal, 1.005, up). Intl then writes
    // digits already at d significant ones, so it only localizes them.
    const [mantissa, exponentText] = size.toExponential(digits - 1).split('e');
    const exponent = Number(exponentText);
    const negative = v < 0;
    if (exponent >= SMALLEST_POSITIONAL_EXPONENT && exponent <= LARGEST_POSITIONAL_EXPONENT) {
      return { kind: 'positional', negative, digits: f.format(Number(size.toPrecision(digits))) };
    }
    return { kind: 'scientific', negative, mantissa: f.format(Number(mantissa)), exponent };
  }

  function text(v: number, digits = DEFAULT_DIGITS, options: DigitsOptions = {}): string {
    const p = parts(v, digits, options.trimZeros ?? false);
    if (p.kind === 'nan') return '\u2014';
    const sign = p.negative ? MINUS : '';
    switch (p.kind) {
      case 'infinite':
        return `${sign}∞`;
      case 'positional':
        return `${sign}${p.digits}`;
      case 'scientific':
        return p.mantissa === '1' ? `${sign}${powerOfTen(p.exponent)}` : `${sign}${p.mantissa}×${powerOfTen(p.exponent)}`;
    }
  }

  function texOf(p: Parts): string {
    if (p.kind === 'nan') return '\\text{---}';
    const sign = p.negative ? '-' : '';
    const separator = (s: string) => s.replace(decimal, texDecimal);
    switch (p.kind) {
      case 'infinite':
        return `${sign}\\infty`;
      case 'positional':
        return `${sign}${separator(p.digits)}`;
      case 'scientific': {
        const power = `10^{${p.exponent}}`;
        return p.mantissa === '1' ? `${sign}${power}` : `${sign}${separator(p.mantissa)}\\times${power}`;
      }
    }
  }

  function tex(v: number, digits = DEFAULT_DIGITS, options: DigitsOptions = {}): string {
    return texOf(parts(v, digits, options.trimZeros ?? false));
  }

  function texFactor(v: number, digits = DEFAULT_DIGITS, options: DigitsOptions = {}): string {
    const p = parts(v, digits, options.trimZeros ?? false);
    return p.kind === 'positional' && !p.negative ? texOf(p) : `(${texOf(p)})`;
  }

  /** |v| as `f` writes it, with a minus sign only when what is written is not zero ("0.0", never "−0.0"). */
  const signed = (f: Intl.NumberFormat, v: number) => {
    const size = f.format(Math.abs(v));
    return v < 0 && /[1-9]/.test(size) ? `${MINUS}${size}` : size;
  };

  function percent(fraction: number, fractionDigits = 0): string {
    if (!Number.isFinite(fraction)) return '\u2014';
    const f = formatter(`percent:${fractionDigits}`, () => ({ style: 'percent', minimumFractionDigits: 0, maximumFractionDigits: fractionDigits }));
    return signed(f, fraction);
  }

  function tick(value: number, step: number): string {
    const decimals = step > 0 ? Math.min(20, Math.max(0, -Math.floor(Math.log10(step) + 1e-9))) : 0;
    // Within a millionth of a step of 0 is 0: k * step leaves rounding error.
    const v = Math.abs(value) < step * 1e-6 ? 0 : value;
    return signed(formatter(`fixed:${decimals}`, () => ({ minimumFractionDigits: decimals, maximumFractionDigits: decimals })), v);
  }

  // A reader's number: sign, mantissa with either separator this language accepts, then
  // an exponent as e-5, ×10⁻⁵, x10^-5, ·10⁻⁵ or *10^-5; or a bare power 10⁻⁸ / 10^-8.
  const separators = decimal === ',' ? '.,' : '.';
  const mantissaPattern = `(\\d+(?:[${separators}]\\d*)?|[${separators}]\\d+)`;
  const powerPattern = '10(?:\\^\\{?([+-]?\\d+)\\}?|([⁺⁻]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+))';
  const READ = new RegExp(`^([+-])?(?:${mantissaPattern}(?:[eE]([+-]?\\d+)|\\s*[×xX·*]\\s*${powerPattern})?|${powerPattern})$`);

  function parse(typed: string): number {
    const t = typed.trim().replace(/\u2212/g, '-');
    const m = READ.exec(t);
    if (!m) return NaN;
    const [, sign, mantissaText, e, caretPower, superPower, bareCaret, bareSuper] = m;
    const superscript = (s: string) => [...s].map((c) => (c === '⁺' ? '+' : FROM_SUPERSCRIPT[c])).join('');
    const mantissa = mantissaText === undefined ? '1' : mantissaText.replace(',', '.');
    const plainExponent = e ?? caretPower ?? bareCaret;
    const raisedExponent = superPower ?? bareSuper;
    const exponent = plainExponent !== undefined ? plainExponent : raisedExponent !== undefined ? superscript(raisedExponent) : '0';
    // Through a string, so 1,5×10⁻⁵ is the double nearest 1.5e-5, as Number('1.5e-5') is.
    const value = Number(`${sign === '-' ? '-' : ''}${mantissa}e${exponent}`);
    return Number.isFinite(value) ? value : NaN;
  }

  return {
    lang,
    decimal,
    text,
    tex,
    texFactor,
    setting: (v) => text(v, 6, { trimZeros: true }),
    point: (coordinates, digits = DEFAULT_DIGITS, options = {}) =>
      `(${Array.from(coordinates, (c) => text(c, digits, options)).join(pointSeparator)})`,
    percent,
    tick,
    texLiterals: (source) => (decimal === '.' ? source : source.replace(/(\d)\.(?=\d)/g, `$1${texDecimal}`)),
    parse,
  };
}
