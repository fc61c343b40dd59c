/**
 * Light or dark: what a page shows behind an element, decided from what the browser
 * reports about it. Pure: the DOM side (page-scheme.ts) reads the inputs.
 *
 * The rules, in order (design, "Real pages"):
 * 1. The root's `color-scheme` names exactly one scheme (`dark`, `light`, `only dark`):
 *    the page says what it shows (Hextra's `style="color-scheme: dark"`, Relearn's
 *    `color-scheme: only var(--INTERNAL-BROWSER-theme)`).
 * 2. Else the nearest backgrounds behind the element that are not transparent, nearest
 *    first, down to the first opaque one: painted over each other (over the canvas when
 *    none is opaque), dark when the result's lightness L* is below 50.
 * 3. Else (everything transparent) the canvas the browser paints: dark only when the
 *    root's color-scheme allows dark and the reader's system prefers it (or it allows
 *    nothing else). A page that declares no color-scheme gets a white canvas on a dark
 *    system too, so the widget stays light there: it matches the page on screen, which
 *    `prefers-color-scheme` alone would not.
 */
import { isDarkBackground, over, type Colour } from './colour.js';

export type Scheme = 'dark' | 'light';

/** The schemes a `color-scheme` value names, without `only` and `normal`. */
function schemesOf(colorScheme: string): string[] {
  return colorScheme
    .toLowerCase()
    .split(/\s+/)
    .filter((word) => word === 'light' || word === 'dark');
}

/** 'dark' or 'light' when a color-scheme value names exactly that one scheme; null for 'normal', 'light dark'. */
export function exactScheme(colorScheme: string): Scheme | null {
  const schemes = [...new Set(schemesOf(colorScheme))];
  return schemes.length === 1 ? (schemes[0] as Scheme) : null;
}

/** The scheme of the canvas under a root with this color-scheme, for a reader who prefers dark or not. */
export function canvasScheme(colorScheme: string, prefersDark: boolean): Scheme {
  const schemes = schemesOf(colorScheme);
  if (!schemes.includes('dark')) return 'light';
  return !schemes.includes('light') || prefersDark ? 'dark' : 'light';
}

/** The Canvas system colour Chromium paints in each scheme. */
export const CANVAS_COLOURS: Record<Scheme, Colour> = {
  light: { r: 255, g: 255, b: 255, a: 1 },
  dark: { r: 18, g: 18, b: 18, a: 1 },
};

export interface PageFacts {
  /** The root's color-scheme in use: its computed value, or the `<meta name="color-scheme">` content when that is 'normal'. */
  rootColorScheme: string;
  /** The non-transparent backgrounds behind the element, nearest first, ending at the first opaque one (or at the root). */
  backgrounds: readonly Colour[];
  /** `prefers-color-scheme: dark` matches. */
  prefersDark: boolean;
}

/** What the page shows behind the element (rules 1 to 3 above). */
export function pageScheme({ rootColorScheme, backgrounds, prefersDark }: PageFacts): Scheme {
  const declared = exactScheme(rootColorScheme);
  if (declared) return declared;
  const canvas = canvasScheme(rootColorScheme, prefersDark);
  if (backgrounds.length === 0) return canvas;
  let seen = CANVAS_COLOURS[canvas];
  for (let i = backgrounds.length - 1; i >= 0; i--) seen = over(backgrounds[i], seen);
  return isDarkBackground(seen) ? 'dark' : 'light';
}
