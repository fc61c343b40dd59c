/**
 * The heatmap's colour scale: viridis, with a light and a dark variant.
 *
 * Stops: matplotlib's viridis (Stéfan van der Walt and Nathaniel Smith, 2015, CC0),
 * the 256-entry table `_viridis_data` at entries 0, 32, 64, ..., 224, 255, i.e. at
 * t = 0, 1/8, ..., 1, as 8-bit hex. Viridis is perceptually uniform, its lightness rises
 * monotonically, and it reads in greyscale and with the common colour-vision deficiencies.
 *
 * Between stops the colour is interpolated in OKLab (Björn Ottosson, 2020), a
 * perceptual space, so the ramp stays even between the nine stops.
 *
 * The variants keep viridis's hues and order and only move its lightness range, by an
 * increasing affine map of OKLab lightness L with chroma scaled to match:
 *   - light: L' = 0.40 + 0.58 L, chroma x 0.78 — the low end is a mid violet instead of
 *     near-black, so the figure is not a dark block on a white page and dark path
 *     colours stay visible in the valleys;
 *   - dark:  L' = 0.06 + 0.82 L, chroma x 0.85 — the low end sinks towards the page's
 *     near-black and the top yellow is dimmed, so the figure does not glare.
 * A monotone map of L keeps lightness monotone along the ramp (the tests check it).
 */

/** An sRGB colour as bytes 0..255. */
export type Rgb = readonly [number, number, number];

/** Viridis at t = 0, 1/8, ..., 1 (matplotlib `_viridis_data` entries 0, 32, ..., 224, 255). */
export const VIRIDIS_STOPS: readonly string[] = [
  '#440154',
  '#472d7b',
  '#3b528b',
  '#2c728e',
  '#21918c',
  '#28ae80',
  '#5ec962',
  '#addc30',
  '#fde725',
];

export interface Colormap {
  readonly name: string;
  /** The colour at t in [0, 1] (clamped). */
  rgb(t: number): Rgb;
  /**
   * A lookup table of `size` colours from t = 0 to 1, RGB bytes packed 3 per colour.
   * Made once per size and shared: do not write into it.
   */
  table(size: number): Uint8ClampedArray;
}

type Lab = readonly [number, number, number];

/** '#rrggbb' to bytes. */
export function parseHex(hex: string): Rgb {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** sRGB byte to linear light: the IEC 61966-2-1 transfer function. */
function toLinear(byte: number): number {
  const c = byte / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** Linear light to an sRGB byte (clamped and rounded). */
function toByte(linear: number): number {
  const c = linear <= 0.0031308 ? 12.92 * linear : 1.055 * Math.max(linear, 0) ** (1 / 2.4) - 0.055;
  return Math.round(Math.min(Math.max(c, 0), 1) * 255);
}

/** sRGB bytes to OKLab [L, a, b] (Ottosson's matrices, linear sRGB -> LMS -> cube root -> Lab). */
export function rgbToOklab([r8, g8, b8]: Rgb): Lab {
  const r = toLinear(r8);
  const g = toLinear(g8);
  const b = toLinear(b8);
  const l = Math.cbrt(0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b);
  const m = Math.cbrt(0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b);
  const s = Math.cbrt(0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b);
  return [
    0.2104542553 * l + 0.793617785 * m - 0.0040720468 * s,
    1.9779984951 * l - 2.428592205 * m + 0.4505937099 * s,
    0.0259040371 * l + 0.7827717662 * m - 0.808675766 * s,
  ];
}

/** OKLab to sRGB bytes (out-of-gamut channels are clamped). */
export function oklabToRgb([L, A, B]: Lab): Rgb {
  const l = (L + 0.3963377774 * A + 0.2158037573 * B) ** 3;
  const m = (L - 0.1055613458 * A - 0.0638541728 * B) ** 3;
  const s = (L - 0.0894841775 * A - 1.291485548 * B) ** 3;
  return [
    toByte(4.0767416621 * l - 3.3077115913 * m + 0.2309699292 * s),
    toByte(-1.2684380046 * l + 2.6097574011 * m - 0.3413193965 * s),
    toByte(-0.0041960863 * l - 0.7034186147 * m + 1.707614701 * s),
  ];
}

/** OKLab lightness of an sRGB colour: 0 black, 1 white. */
export function lightness(rgb: Rgb): number {
  return rgbToOklab(rgb)[0];
}

/** How a variant moves the stops: L' = offset + gain L, chroma (a, b) times `chroma`. */
interface LightnessMap {
  readonly offset: number;
  readonly gain: number;
  readonly chroma: number;
}

/** A colormap from hex stops at even spacing, interpolated in OKLab, after a lightness map. */
function makeColormap(name: string, stops: readonly string[], map: LightnessMap): Colormap {
  const labs = stops.map((hex) => {
    const [L, a, b] = rgbToOklab(parseHex(hex));
    return [map.offset + map.gain * L, map.chroma * a, map.chroma * b] as const;
  });
  const rgb = (t: number): Rgb => {
    const p = Math.min(Math.max(Number.isNaN(t) ? 0 : t, 0), 1) * (labs.length - 1);
    const k = Math.min(Math.floor(p), labs.length - 2);
    const f = p - k;
    const [L0, a0, b0] = labs[k];
    const [L1, a1, b1] = labs[k + 1];
    return oklabToRgb([L0 + f * (L1 - L0), a0 + f * (a1 - a0), b0 + f * (b1 - b0)]);
  };
  const tables = new Map<number, Uint8ClampedArray>();
  const table = (size: number): Uint8ClampedArray => {
    let out = tables.get(size);
    if (!out) {
      out = new Uint8ClampedArray(size * 3);
      for (let k = 0; k < size; k++) out.set(rgb(size > 1 ? k / (size - 1) : 0), 3 * k);
      tables.set(size, out);
    }
    return out;
  };
  return { name, rgb, table };
}

/** Viridis as published. */
export const VIRIDIS: Colormap = makeColormap('viridis', VIRIDIS_STOPS, { offset: 0, gain: 1, chroma: 1 });
/** For light pages: viridis with a lighter, softer low end. */
export const VIRIDIS_LIGHT: Colormap = makeColormap('viridis-light', VIRIDIS_STOPS, {
  offset: 0.4,
  gain: 0.55,
  chroma: 0.72,
});
/** For dark pages: viridis with a darker low end and a dimmed top. */
export const VIRIDIS_DARK: Colormap = makeColormap('viridis-dark', VIRIDIS_STOPS, {
  offset: -0.03,
  gain: 0.92,
  chroma: 0.9,
});

/** The heatmap colormap for a light or a dark page. */
export function surfaceColormap(dark: boolean): Colormap {
  return dark ? VIRIDIS_DARK : VIRIDIS_LIGHT;
}
