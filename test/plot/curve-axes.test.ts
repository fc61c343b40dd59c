/** The y tick labels of drawAxes (background.ts), which the curve plot sizes its left margin by. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_TICK_SPACING, yTickLabels } from '../../src/plot/background.js';
import { numbersFor } from '../../src/i18n/numbers.js';

const en = numbersFor('en');
const es = numbersFor('es');

const rect = (height: number) => ({ left: 34, top: 18, width: 266, height });

test('the spacing sets how many y ticks there are: 0 and 5 at 60 px; at 30 px 0 to 8 by 2, by 1 on a taller axis', () => {
  const domain = { x: [-3, 3] as const, y: [-0.72, 9.72] as const };
  assert.equal(DEFAULT_TICK_SPACING, 60);
  assert.deepEqual(yTickLabels({ rect: rect(200), domain }, en), ['0', '5']);
  assert.deepEqual(yTickLabels({ rect: rect(200), domain }, en, 30), ['0', '2', '4', '6', '8']);
  assert.deepEqual(yTickLabels({ rect: rect(360), domain }, en, 30), ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
});

test('labels in the reader\'s language: decimals by the step, a real minus sign', () => {
  const domain = { x: [0, 1] as const, y: [-1.08, 0.08] as const };
  assert.deepEqual(yTickLabels({ rect: rect(200), domain }, en, 30), ['\u22121.0', '\u22120.8', '\u22120.6', '\u22120.4', '\u22120.2', '0.0']);
  assert.deepEqual(yTickLabels({ rect: rect(200), domain }, es, 30), ['\u22121,0', '\u22120,8', '\u22120,6', '\u22120,4', '\u22120,2', '0,0']);
  assert.deepEqual(yTickLabels({ rect: rect(200), domain: { x: [0, 1], y: [NaN, 1] } }, en, 30), []);
});
