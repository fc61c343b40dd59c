/**
 * Numbers for people: a fixed count of significant digits, scientific notation for the
 * tiny and the huge, and words or symbols instead of `NaN` and `Infinity`.
 *
 * With d significant digits, v is first rounded to d digits (r). Then
 *   r = 0                       0 with d - 1 zeros after the point: "0.00"
 *   1e-3 <= |r| < 1e4           positional: "-1.20", "215.6", "0.00150", "1230"
 *   otherwise                   m x 10^e with 1 <= |m| < 10: "1.50×10⁻⁵" / "1.50\times10^{-5}"
 *   +-Infinity                  "∞" / "\infty", with its sign
 *   NaN                         "—" / "\text{---}"
 * Trailing zeros are kept by default, so a number keeps its width while it changes
 * (readouts and formulas update every animation frame). `trimZeros` drops them, for
 * settings like a learning rate of 0.001 or an epsilon of 10⁻⁸ (mantissa 1 disappears).
 */

/** Significant digits when a caller does not say. */
export const DEFAULT_DIGITS = 3;

/** Positional notation from this magnitude (inclusive) ... */
const SMALLEST_POSITIONAL = 1e-3;
/** ... up to this one (exclusive); scientific outside. */
const LARGEST_POSITIONAL = 1e4;

export interface NumberFormatOptions {
  /** Drop trailing zeros after the decimal point, and a mantissa of exactly 1. Default false. */
  trimZeros?: boolean;
}

/** A number taken apart for either output: positional digits, or mantissa and exponent. */
type Parts =
  | { kind: 'positional'; digits: string }
  | { kind: 'scientific'; mantissa: string; exponent: number }
  | { kind: 'infinite'; negative: boolean }
  | { kind: 'nan' };

function trimTrailingZeros(digits: string): string {
  return digits.includes('.') ? digits.replace(/\.?0+$/, '') : digits;
}

function parts(v: number, digits: number, trimZeros: boolean): Parts {
  if (!Number.isInteger(digits) || digits < 1 || digits > 17) {
    throw new RangeError(`significant digits must be an integer from 1 to 17, got ${digits}`);
  }
  if (Number.isNaN(v)) return { kind: 'nan' };
  if (!Number.isFinite(v)) return { kind: 'infinite', negative: v < 0 };
  const rounded = Number(v.toPrecision(digits));
  const size = Math.abs(rounded);
  const trim = (s: string) => (trimZeros ? trimTrailingZeros(s) : s);
  if (rounded === 0) return { kind: 'positional', digits: trim((0).toPrecision(digits)) };
  if (size >= SMALLEST_POSITIONAL && size < LARGEST_POSITIONAL) {
    // toPrecision stays positional for exponents -7 < e < digits; beyond that (e.g. 1234
    // with 3 digits) the rounded value itself prints positionally: "1230".
    const text = size < 10 ** digits ? v.toPrecision(digits) : String(rounded);
    return { kind: 'positional', digits: trim(text) };
  }
  const [mantissa, exponent] = v.toExponential(digits - 1).split('e');
  return { kind: 'scientific', mantissa: trim(mantissa), exponent: Number(exponent) };
}

const SUPERSCRIPT: Record<string, string> = {
  '-': '⁻',
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
};

/**
 * Plain text for readouts: "-1.20", "1.50×10⁻⁵", "∞", "—" (never "NaN" or "Infinity").
 * The minus sign is ASCII '-', as in `Number#toString`.
 */
export function formatNumber(v: number, digits = DEFAULT_DIGITS, options: NumberFormatOptions = {}): string {
  const p = parts(v, digits, options.trimZeros ?? false);
  switch (p.kind) {
    case 'nan':
      return '—';
    case 'infinite':
      return p.negative ? '-∞' : '∞';
    case 'positional':
      return p.digits;
    case 'scientific': {
      const power = `10${[...String(p.exponent)].map((c) => SUPERSCRIPT[c]).join('')}`;
      if (p.mantissa === '1') return power;
      if (p.mantissa === '-1') return `-${power}`;
      return `${p.mantissa}×${power}`;
    }
  }
}

/**
 * The same number as TeX math: "-1.20", "1.50\times10^{-5}", "\infty", "\text{---}".
 * Safe to place after an operator or inside a matrix; see `texFactor` for powers.
 */
export function texNumber(v: number, digits = DEFAULT_DIGITS, options: NumberFormatOptions = {}): string {
  const p = parts(v, digits, options.trimZeros ?? false);
  switch (p.kind) {
    case 'nan':
      return '\\text{---}';
    case 'infinite':
      return p.negative ? '-\\infty' : '\\infty';
    case 'positional':
      return p.digits;
    case 'scientific': {
      const power = `10^{${p.exponent}}`;
      if (p.mantissa === '1') return power;
      if (p.mantissa === '-1') return `-${power}`;
      return `${p.mantissa}\\times${power}`;
    }
  }
}

/**
 * `texNumber`, in parentheses unless it is a plain non-negative number, so that it can
 * be raised to a power or multiplied without ambiguity: "215.6", "(-88.0)",
 * "(1.50\times10^{-5})".
 */
export function texFactor(v: number, digits = DEFAULT_DIGITS, options: NumberFormatOptions = {}): string {
  const tex = texNumber(v, digits, options);
  return /^[0-9.]+$/.test(tex) ? tex : `(${tex})`;
}
