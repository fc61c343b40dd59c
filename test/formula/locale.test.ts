/** The update rules with the reader's numbers: in Spanish, every decimal point of the English rule becomes "{,}". */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import katex from 'katex';
import { OPTIMIZER_NAMES, createOptimizer, descend, getSurface } from '../../src/core/index.js';
import { alignedTex, substitutedUpdateRule } from '../../src/formula/update-rules.js';
import { batchRuleTex } from '../../src/formula/batch-rules.js';
import { numbersFor } from '../../src/i18n/numbers.js';

const en = numbersFor('en');
const es = numbersFor('es');

/** The English TeX with each decimal point of a number as a Spanish "{,}" (row gaps like [1.2em] are lengths, not numbers). */
const spanishOf = (tex: string) => tex.replace(/(\d)\.(\d+)(?!\d|em)/g, '$1{,}$2');

test('each optimizer\'s rule with numbers: the Spanish TeX is the English with decimal commas', () => {
  const options = { lr: 0.0015, beta: 0.85, beta1: 0.8, beta2: 0.99, eps: 1e-6 };
  for (const name of OPTIMIZER_NAMES) {
    const record = descend(getSurface('rosenbrock'), createOptimizer(name, options), [-1.2, 1], { steps: 2 }).record(1);
    const english = alignedTex(substitutedUpdateRule(name, options, record, { numbers: en }));
    const spanish = alignedTex(substitutedUpdateRule(name, options, record, { numbers: es }));
    assert.equal(alignedTex(substitutedUpdateRule(name, options, record)), english, `${name}: English by default`);
    assert.match(english, /\d\.\d/, name);
    assert.match(spanish, /\d\{,\}\d/, name);
    assert.equal(spanish, spanishOf(english), name);
    assert.doesNotThrow(() => katex.renderToString(spanish, { displayMode: true, throwOnError: true, strict: 'error' }), name);
  }
});

test('the batch rules write the learning rate in the reader\'s numbers', () => {
  assert.match(batchRuleTex('sgd', 100, 16, 0.05), / - 0\.05\\,/);
  assert.match(batchRuleTex('sgd', 100, 16, 0.05, es), / - 0\{,\}05\\,/);
  assert.match(batchRuleTex('batch', 100, 16, 2.5e-4, es), / - 2\{,\}5\\times10\^\{-4\}\\,/);
});
