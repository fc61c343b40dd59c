/**
 * CSS colours as `getComputedStyle` writes them, read into numbers: parsing, painting a
 * translucent colour over another, and how light the result looks. Pure: no DOM.
 *
 * Computed colours come as `rgb(r, g, b)` / `rgba(r, g, b, a)` for every sRGB syntax
 * (hex, named, hsl, hwb); those are read here. The wider spaces keep their own form
 * (`oklch(...)`, Tailwind 4's palette; `color(display-p3 ...)`, `lab(...)`): they return
 * null, and the DOM side (page-scheme.ts) lets the browser convert them by painting one
 * pixel, which knows every colour space and its gamut mapping.
 */
/** sRGB channels 0..255 (not rounded) and alpha 0..1. */
export interface Colour {
  r: number;
  g: number;
  b: number;
  a: number;
}

export const TRANSPARENT: Colour = { r: 0, g: 0, b: 0, a: 0 };

const clamp = (x: number, lo: number, hi: number) => Math.min(Math.max(x, lo), hi);

/** One argument: a number, a percentage of `percentOf`, or `none` (0). NaN when it is neither. */
function argument(text: string, percentOf: number): number {
  if (text === 'none') return 0;
  if (text.endsWith('%')) return (Number(text.slice(0, -1)) / 100) * percentOf;
  return text === '' ? NaN : Number(text);
}

/** The arguments of `name(...)`, split on commas, spaces and the `/` before alpha: [channels, alpha text]. */
function argumentsOf(body: string): [string[], string | undefined] {
  const [channels, alpha] = body.split('/');
  const parts = channels.split(/[\s,]+/).filter(Boolean);
  if (alpha !== undefined) return [parts, alpha.trim()];
  // Legacy `rgba(r, g, b, a)`: the fourth comma-separated part is alpha.
  return body.includes(',') && parts.length === 4 ? [parts.slice(0, 3), parts[3]] : [parts, undefined];
}

function alphaOf(text: string | undefined): number {
  return text === undefined ? 1 : clamp(argument(text, 1), 0, 1);
}

function hex(text: string): Colour | null {
  const digits = text.slice(1);
  if (!/^[0-9a-f]+$/.test(digits) || ![3, 4, 6, 8].includes(digits.length)) return null;
  const long = digits.length <= 4 ? [...digits].map((d) => d + d).join('') : digits;
  const byte = (i: number) => parseInt(long.slice(2 * i, 2 * i + 2), 16);
  return { r: byte(0), g: byte(1), b: byte(2), a: long.length === 8 ? byte(3) / 255 : 1 };
}

/** Parses a CSS colour (case-insensitive): hex, rgb() and rgba(), transparent; null for any other form. */
export function parseColour(text: string): Colour | null {
  const value = text.trim().toLowerCase();
  if (value === 'transparent') return { ...TRANSPARENT };
  if (value.startsWith('#')) return hex(value);
  const call = /^([a-z-]+)\((.*)\)$/.exec(value);
  if (!call) return null;
  const [, name, body] = call;
  const [args, alphaText] = argumentsOf(body);
  const a = alphaOf(alphaText);
  const rgb = (name === 'rgb' || name === 'rgba') && args.length === 3 ? args.map((t) => argument(t, 255)) : null;
  if (!rgb || rgb.some((c) => !Number.isFinite(c)) || !Number.isFinite(a)) return null;
  const [r, g, b] = rgb.map((c) => clamp(c, 0, 255));
  return { r, g, b, a };
}

/**
 * `top` painted over `bottom` (source-over, in sRGB as browsers composite):
 * a = a_t + a_b (1 - a_t); c = (c_t a_t + c_b a_b (1 - a_t)) / a.
 */
export function over(top: Colour, bottom: Colour): Colour {
  const a = top.a + bottom.a * (1 - top.a);
  if (a === 0) return { ...TRANSPARENT };
  const mix = (t: number, b: number) => (t * top.a + b * bottom.a * (1 - top.a)) / a;
  return { r: mix(top.r, bottom.r), g: mix(top.g, bottom.g), b: mix(top.b, bottom.b), a };
}

/** WCAG relative luminance Y of the colour's rgb (alpha ignored): 0 black, 1 white. */
export function relativeLuminance({ r, g, b }: Colour): number {
  const linear = (byte: number) => {
    const c = byte / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/**
 * CIE lightness L* of a relative luminance: 116 Y^(1/3) - 16 above (6/29)^3, else
 * (29/3)^3 Y. 0 black, 100 white, 50 what the eye takes for half-way (Y = 0.18).
 */
export function lightnessOf(luminance: number): number {
  return luminance > (6 / 29) ** 3 ? 116 * Math.cbrt(luminance) - 16 : (29 / 3) ** 3 * luminance;
}

/**
 * Whether a background reads as dark: its lightness L* below 50, the perceptual
 * middle (relative luminance below 0.184). That is also where black and white text
 * have the same contrast on it: (1 + 0.05) / (Y + 0.05) = (Y + 0.05) / 0.05 at Y = 0.18.
 */
export function isDarkBackground(colour: Colour): boolean {
  return lightnessOf(relativeLuminance(colour)) < 50;
}
