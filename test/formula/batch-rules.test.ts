/** The batch, stochastic and mini-batch rules as TeX. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import katex from 'katex';
import { batchRuleTex, updatesPerEpoch } from '../../src/formula/batch-rules.js';

test('each rule names its sizes and renders without a KaTeX error', () => {
  const batch = batchRuleTex('batch', 100, 16, 0.05);
  assert.match(batch, /\\frac\{1\}\{100\} \\sum_\{i=1\}\^\{100\}/);
  assert.match(batch, /0\.05/);
  assert.doesNotMatch(batchRuleTex('sgd', 100, 16), /sum/);
  assert.match(batchRuleTex('minibatch', 100, 16), /\\frac\{1\}\{16\}.*= 16/);
  for (const mode of ['batch', 'sgd', 'minibatch'] as const) {
    const html = katex.renderToString(batchRuleTex(mode, 150, 8, 0.1), { throwOnError: true });
    assert.doesNotMatch(html, /katex-error/);
  }
});

test('updates per epoch: 1, n, and n / B rounded up', () => {
  assert.equal(updatesPerEpoch('batch', 150, 16), 1);
  assert.equal(updatesPerEpoch('sgd', 150, 16), 150);
  assert.equal(updatesPerEpoch('minibatch', 150, 16), 10);
  assert.equal(updatesPerEpoch('minibatch', 160, 16), 10);
});
