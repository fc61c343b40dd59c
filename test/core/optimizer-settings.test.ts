/**
 * The settings each rule reads (OPTIMIZER_SETTINGS): a figure offers, and a copied
 * shortcode writes, exactly these. Checked against the rules themselves: changing a
 * listed setting changes the run, changing any other leaves it bit for bit the same.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OPTIMIZER_NAMES, OPTIMIZER_SETTINGS, createOptimizer, descend, getSurface, isAdaptive, readsSetting, type OptimizerSetting } from '../../src/core/index.js';

const SETTINGS: readonly OptimizerSetting[] = ['beta', 'beta1', 'beta2', 'eps', 'ema'];
/** Values far enough from the defaults that any rule reading them moves differently. */
const CHANGED = { beta: 0.5, beta1: 0.5, beta2: 0.9, eps: 0.5, ema: true } as const;

test('a rule reads exactly the settings it lists', () => {
  const surface = getSurface('rosenbrock');
  for (const name of OPTIMIZER_NAMES) {
    const path = (options: object) => descend(surface, createOptimizer(name, { lr: 0.001, ...options }), [-1.2, 1], { steps: 20 }).path.map((p) => Array.from(p));
    const plain = JSON.stringify(path({}));
    for (const setting of SETTINGS) {
      const moved = JSON.stringify(path({ [setting]: CHANGED[setting] })) !== plain;
      assert.equal(moved, readsSetting(name, setting), `${name} ${moved ? 'reads' : 'ignores'} ${setting}, and its list says otherwise`);
    }
  }
});

test('the adaptive rules are the ones that read eps', () => {
  assert.deepEqual(OPTIMIZER_NAMES.filter(isAdaptive), ['rmsprop', 'adam', 'adagrad']);
  assert.deepEqual(Object.keys(OPTIMIZER_SETTINGS), [...OPTIMIZER_NAMES]);
});
