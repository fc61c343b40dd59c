/** The viridis scale and its light and dark variants: endpoints and monotone lightness. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  VIRIDIS,
  VIRIDIS_DARK,
  VIRIDIS_LIGHT,
  lightness,
  oklabToRgb,
  parseHex,
  rgbToOklab,
  surfaceColormap,
} from '../../src/plot/colormap.js';

test('OKLab: black is L 0, white is L 1, and sRGB survives the round trip', () => {
  assert.ok(Math.abs(lightness([0, 0, 0])) < 1e-9);
  assert.ok(Math.abs(lightness([255, 255, 255]) - 1) < 1e-6);
  for (const rgb of [[68, 1, 84], [253, 231, 37], [12, 200, 90], [128, 128, 128]] as const) {
    assert.deepEqual(oklabToRgb(rgbToOklab(rgb)), rgb);
  }
});

test('viridis as published: #440154 at 0, #21918c at 1/2, #fde725 at 1', () => {
  assert.deepEqual(VIRIDIS.rgb(0), parseHex('#440154'));
  assert.deepEqual(VIRIDIS.rgb(0.5), parseHex('#21918c'));
  assert.deepEqual(VIRIDIS.rgb(1), parseHex('#fde725'));
  assert.deepEqual(VIRIDIS.rgb(-3), VIRIDIS.rgb(0));
  assert.deepEqual(VIRIDIS.rgb(7), VIRIDIS.rgb(1));
});

test('lightness rises along every variant', () => {
  for (const map of [VIRIDIS, VIRIDIS_LIGHT, VIRIDIS_DARK]) {
    let previous = -Infinity;
    for (let k = 0; k <= 255; k++) {
      const L = lightness(map.rgb(k / 255));
      assert.ok(L > previous - 2e-3, `${map.name} at ${k}/255: ${L} after ${previous}`); // 8-bit rounding
      previous = Math.max(previous, L);
    }
    assert.ok(lightness(map.rgb(1)) - lightness(map.rgb(0)) > 0.3, `${map.name} spans a wide range`);
  }
});

test('the light variant starts lighter than viridis, the dark one darker and ends dimmer', () => {
  const L = (map: typeof VIRIDIS, t: number) => lightness(map.rgb(t));
  assert.ok(L(VIRIDIS_LIGHT, 0) > L(VIRIDIS, 0) + 0.2);
  assert.ok(L(VIRIDIS_DARK, 0) < L(VIRIDIS, 0));
  assert.ok(L(VIRIDIS_DARK, 0) < 0.25);
  assert.ok(L(VIRIDIS_DARK, 1) < L(VIRIDIS, 1));
  assert.equal(surfaceColormap(true), VIRIDIS_DARK);
  assert.equal(surfaceColormap(false), VIRIDIS_LIGHT);
});

test('table(n): n colours from t = 0 to t = 1, 3 bytes each', () => {
  const table = VIRIDIS.table(5);
  assert.equal(table.length, 15);
  assert.deepEqual([...table.slice(0, 3)], [...VIRIDIS.rgb(0)]);
  assert.deepEqual([...table.slice(6, 9)], [...VIRIDIS.rgb(0.5)]);
  assert.deepEqual([...table.slice(12, 15)], [...VIRIDIS.rgb(1)]);
});
