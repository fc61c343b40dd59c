/** Heatmap pixels: a sample's colour is its position in the scale; NaN is transparent. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { finiteExtent, type Grid } from '../../src/plot/grid.js';
import { heatmapPixels } from '../../src/plot/heatmap.js';
import { rankScale } from '../../src/plot/value-scale.js';

const RED_GREEN_BLUE = Uint8ClampedArray.from([255, 0, 0, 0, 255, 0, 0, 0, 255]);

function gridOf(values: number[], nx: number): Grid {
  const [min, max] = finiteExtent(values);
  return { nx, ny: values.length / nx, domain: { x: [0, 1], y: [0, 1] }, values: Float64Array.from(values), min, max };
}

test('three colours: the lowest sample red, the middle green, the highest blue; NaN transparent', () => {
  const g = gridOf([0, 10, 1000, NaN], 2); // ranks 0, 1/2, 1
  const px = heatmapPixels(g, rankScale(g.values), RED_GREEN_BLUE);
  assert.deepEqual([...px], [255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255, 0, 0, 0, 0]);
});

test('infinities take the ends of the ramp', () => {
  const g = gridOf([Infinity, 1, 2, -Infinity], 2);
  const px = heatmapPixels(g, rankScale(g.values), RED_GREEN_BLUE);
  assert.deepEqual([...px.slice(0, 4)], [0, 0, 255, 255]);
  assert.deepEqual([...px.slice(12, 16)], [255, 0, 0, 255]);
});

test('a flat surface is the middle colour', () => {
  const g = gridOf([4, 4, 4, 4], 2);
  const px = heatmapPixels(g, rankScale(g.values), RED_GREEN_BLUE);
  for (let k = 0; k < 4; k++) assert.deepEqual([...px.slice(4 * k, 4 * k + 4)], [0, 255, 0, 255]);
});
