/**
 * The chain rule with numbers (src/formula/chain-rule.ts): on a network small enough to
 * check by hand, every line's numbers are the pass's, and every line renders in KaTeX.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import katex from 'katex';
import { ACTIVATION_NAMES, biasIndex, forwardBackward, parameterCount, parameterPlace, weightIndex, type NetworkSpec } from '../../src/core/index.js';
import { alignedTex } from '../../src/formula/index.js';
import { backwardLines, forwardLines, lossLines, parameterTex, saturatedDigits, updateLines, type ChainRuleInput } from '../../src/formula/chain-rule.js';
import { numbersFor } from '../../src/i18n/numbers.js';

const n = numbersFor('en');

/**
 * A 1-1-1 network: w1 = 2, b1 = 0, w2 = 3, b2 = 0, sigmoid hidden unit, linear output,
 * x = 0, y = 1. Then z1 = 0, a1 = 1/2, z2 = 3/2 = yhat, loss (3/2 - 1)^2 = 1/4,
 * delta2 = 2 (yhat - y) = 1, delta1 = sigma'(0) w2 delta2 = 1/4 * 3 * 1 = 3/4,
 * dl/dw2 = delta2 a1 = 1/2, dl/dw1 = delta1 x = 0.
 */
const spec: NetworkSpec = { sizes: [1, 1, 1], activation: 'sigmoid', output: 'linear' };
const params = [2, 0, 3, 0];

function input(index: number, at: ArrayLike<number> = params, s: NetworkSpec = spec, x: number[] = [0], y = 1): ChainRuleInput {
  const grad = new Float64Array(parameterCount(s));
  return {
    spec: s,
    params: at,
    place: parameterPlace(s, index),
    pass: forwardBackward(s, at, x, y, grad),
    target: y,
    weightIndex: (l, i, j) => weightIndex(s, l, i, j),
    biasIndex: (l, i) => biasIndex(s, l, i),
    numbers: n,
  };
}

const last = (line: { rhs: readonly string[] }) => line.rhs[line.rhs.length - 1];

test('by hand: the output weight gets delta2 a1 = 1 * 1/2', () => {
  const lines = backwardLines(input(weightIndex(spec, 2, 0, 0)));
  assert.match(lines[0].lhs, /\\partial w\^\{\(2\)\}_\{1,1\}/);
  assert.equal(last(lines[0]), n.tex(0.5));
  // delta at the output: 2 (yhat - y) = 2 (1.5 - 1) = 1.
  assert.equal(last(lines[1]), n.tex(1));
  assert.match(lines[1].rhs[1], /2\(1\.50 - 1\.00\)/);
});

test('by hand: the hidden unit\'s delta is sigma\'(z) times the weighted delta above, 1/4 * 3 = 3/4', () => {
  const lines = backwardLines(input(weightIndex(spec, 1, 0, 0)));
  // dl/dw1 = delta1 * x = 0.75 * 0, exactly 0: written "0", not "0.00".
  assert.equal(last(lines[0]), '0');
  assert.equal(last(lines[1]), n.tex(0.75));
  assert.match(lines[1].rhs[1], /0\.250 \\cdot 3\.00/);
  // f'(z) = a (1 - a) = 0.5 (1 - 0.5) = 0.25.
  assert.equal(last(lines[2]), n.tex(0.25));
  // The sum over the layer above has one term: 3 * 1.
  assert.equal(last(lines[3]), n.tex(3));
});

test('a bias\'s gradient is its unit\'s delta', () => {
  const lines = backwardLines(input(biasIndex(spec, 1, 0)));
  assert.equal(lines[0].rhs.length, 2);
  assert.equal(last(lines[0]), n.tex(0.75));
});

test('forward and loss lines carry the pass\'s z, a and loss', () => {
  const f = forwardLines(input(weightIndex(spec, 2, 0, 0)));
  assert.equal(last(f[0]), n.tex(1.5));
  assert.equal(last(f[1]), n.tex(1.5));
  const l = lossLines(input(0), 0.3, 4);
  assert.equal(last(l[0]), n.tex(0.25));
  assert.equal(last(l[1]), n.tex(0.3));
  assert.match(l[1].rhs[0], /\\tfrac\{1\}\{4\}/);
});

test('the update line: w - eta gbar for gradient descent, w + delta w for other rules', () => {
  const place = parameterPlace(spec, 0);
  const gd = updateLines(place, 0.5, 10, 2, null, 0.1, true, n);
  assert.equal(last(gd[1]), n.tex(1.95, 4));
  const other = updateLines(place, 0.5, 10, 2, 1.9, 0.1, false, n);
  assert.equal(last(other[1]), n.tex(1.9, 4));
  assert.equal(updateLines(place, 0.5, 10, 2, null, 0.1, false, n).length, 1);
});

test('a saturated unit shows enough digits to see its slope', () => {
  assert.equal(saturatedDigits(0.5), 3);
  assert.equal(saturatedDigits(-0.99995), 8);
  assert.equal(saturatedDigits(0.995), 6);
  assert.equal(saturatedDigits(1), 3);
  const s: NetworkSpec = { sizes: [1, 1, 1], activation: 'tanh', output: 'sigmoid' };
  const lines = backwardLines(input(weightIndex(s, 1, 0, 0), [1, 0, 1, 0], s, [5], 1));
  // a = tanh(5) = 0.999909: "1 - 0.999909^2", never "1 - 1.00^2".
  assert.match(lines[2].rhs[1], /0\.99990/);
});

test('every line renders in KaTeX, for every activation and output', () => {
  for (const activation of ACTIVATION_NAMES) {
    for (const output of ['linear', 'sigmoid', 'softmax'] as const) {
      const s: NetworkSpec = { sizes: [2, 4, output === 'softmax' ? 3 : 1], activation, output };
      const at = Array.from({ length: parameterCount(s) }, (_, k) => Math.sin(k + 1));
      for (let index = 0; index < parameterCount(s); index += 3) {
        const c = input(index, at, s, [0.3, -0.7], output === 'softmax' ? 2 : 1);
        const tex = alignedTex([...forwardLines(c), ...lossLines(c, 0.4, 5), ...backwardLines(c), ...updateLines(c.place, 0.1, 5, at[index], null, 0.1, true, n)]);
        const html = katex.renderToString(tex, { throwOnError: true });
        assert.doesNotMatch(html, /katex-error/, `${activation}/${output} parameter ${index}`);
      }
    }
  }
  assert.equal(parameterTex({ kind: 'bias', l: 2, i: 0 }), 'b^{(2)}_{1}');
});
