/**
 * The heatmap's pixels: each grid sample coloured by its position in the value scale.
 * Pure (no DOM): the result is the RGBA data of an nx x ny image whose rows are the
 * grid's rows (row 0 at the top), ready for `new ImageData(pixels, nx, ny)`.
 */
import type { Grid } from './grid.js';
import { runAtOnce, type SlicedWork } from './slices.js';
import type { ValueScale } from './value-scale.js';

/**
 * RGBA bytes for the grid: a sample gets colour c of `table` (RGB bytes, 3 per colour,
 * as `Colormap.table` makes them; C colours) when its position in the scale rounds to
 * c / (C - 1). Fully opaque; NaN samples are transparent; -Infinity takes the first
 * colour and +Infinity the last.
 *
 * Rather than a position per sample, the C - 1 values where the colour changes,
 * scale.quantile((c + 1/2) / (C - 1)), are found once, and each sample's colour is the
 * number of those thresholds below it (a binary search over C - 1 numbers).
 */
export function heatmapPixels(
  grid: Grid,
  scale: ValueScale,
  table: Uint8ClampedArray,
): Uint8ClampedArray<ArrayBuffer> {
  return runAtOnce(heatmapPixelsInSlices(grid, scale, table, Infinity));
}

/**
 * heatmapPixels as sliced work (slices.ts): whole rows, yielding before a row that would
 * take the slice past `samplesPerSlice` samples (at least one row per slice).
 */
export function* heatmapPixelsInSlices(
  grid: Grid,
  scale: ValueScale,
  table: Uint8ClampedArray,
  samplesPerSlice: number,
): SlicedWork<Uint8ClampedArray<ArrayBuffer>> {
  const { values, nx } = grid;
  const colours = table.length / 3;
  const thresholds = new Float64Array(Math.max(0, colours - 1));
  for (let c = 0; c < thresholds.length; c++) thresholds[c] = scale.quantile((c + 0.5) / (colours - 1));
  const flat = !(scale.max > scale.min); // one value everywhere: the middle colour
  const pixels = new Uint8ClampedArray(values.length * 4);
  let samples = 0;
  for (let k = 0; k < values.length; k++) {
    if (k % nx === 0) {
      if (samples > 0 && samples + nx > samplesPerSlice) {
        yield;
        samples = 0;
      }
      samples += nx;
    }
    const v = values[k];
    if (Number.isNaN(v)) continue; // stays transparent
    let c: number;
    if (flat) {
      c = v < scale.min ? 0 : v > scale.max ? colours - 1 : (colours - 1) >> 1;
    } else {
      // c = the number of thresholds < v
      let lo = 0;
      let hi = thresholds.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (thresholds[mid] < v) lo = mid + 1;
        else hi = mid;
      }
      c = lo;
    }
    pixels[4 * k] = table[3 * c];
    pixels[4 * k + 1] = table[3 * c + 1];
    pixels[4 * k + 2] = table[3 * c + 2];
    pixels[4 * k + 3] = 255;
  }
  return pixels;
}
