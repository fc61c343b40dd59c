/**
 * The update rules as LaTeX: exact strings on small literal cases, every rule valid for
 * KaTeX, the numbers shown equal to what the core computed, and never NaN or Infinity.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import katex from 'katex';
import { OPTIMIZER_NAMES, createOptimizer, descend, getSurface, parseCurve } from '../../src/core/index.js';
import type { OptimizerName, OptimizerOptions } from '../../src/core/index.js';
import {
  alignedTex,
  distinguishingDigits,
  lineTex,
  substitutedUpdateRule,
  symbolicUpdateRule,
} from '../../src/formula/update-rules.js';
import type { UpdateQuantities } from '../../src/formula/update-rules.js';
import { texColumn } from '../../src/formula/tex-vector.js';
import { numbersFor } from '../../src/i18n/numbers.js';

const texNumber = numbersFor('en').tex;

const PM = (...rows: string[]) => `\\begin{pmatrix}${rows.join('\\\\')}\\end{pmatrix}`;

/** Renders with KaTeX in Node; throws on any TeX error or strict-mode complaint. */
function assertValidTex(tex: string): void {
  assert.doesNotThrow(() => katex.renderToString(tex, { displayMode: true, throwOnError: true, strict: 'error' }), tex);
}

const gdCase: UpdateQuantities = {
  k: 12,
  x: [-1.2, 1],
  gradientAt: [-1.2, 1],
  gradient: [-215.6, -88],
  next: [-1.2 - 0.001 * -215.6, 1 - 0.001 * -88],
  before: {},
  after: {},
};

test('gd with numbers: the exact TeX', () => {
  const [line] = substitutedUpdateRule('gd', { lr: 0.001 }, gdCase);
  assert.equal(
    lineTex(line),
    `\\mathbf{x}_{13} = ${PM('-1.20', '1.00')} - 0.001${PM('-216', '-88.0')} = ${PM('-0.984', '1.09')}`,
  );
  const [line4] = substitutedUpdateRule('gd', { lr: 0.001 }, gdCase, { digits: 4 });
  assert.equal(
    lineTex(line4),
    `\\mathbf{x}_{13} = ${PM('-1.200', '1.000')} - 0.001${PM('-215.6', '-88.00')} = ${PM('-0.9844', '1.088')}`,
  );
});

test('gd symbolic: the exact TeX', () => {
  assert.equal(
    alignedTex(symbolicUpdateRule('gd')),
    '\\begin{aligned}\\mathbf{g}_{k} &= \\nabla f(\\mathbf{x}_{k})\\\\[0.4em]\\mathbf{x}_{k+1} &= \\mathbf{x}_{k} - \\eta \\mathbf{g}_{k}\\end{aligned}',
  );
  assert.equal(lineTex(symbolicUpdateRule('gd', { clip: 5 })[0]), '\\mathbf{g}_{k} = \\operatorname{clip}(\\nabla f(\\mathbf{x}_{k}))');
});

test('momentum, classical and EMA: the exact TeX', () => {
  assert.deepEqual(symbolicUpdateRule('momentum').map(lineTex), [
    '\\mathbf{g}_{k} = \\nabla f(\\mathbf{x}_{k})',
    '\\mathbf{v}_{k+1} = \\beta \\mathbf{v}_{k} - \\eta \\mathbf{g}_{k}',
    '\\mathbf{x}_{k+1} = \\mathbf{x}_{k} + \\mathbf{v}_{k+1}',
  ]);
  assert.deepEqual(symbolicUpdateRule('momentum', { ema: true }).map(lineTex).slice(1), [
    '\\mathbf{v}_{k+1} = \\beta \\mathbf{v}_{k} + (1 - \\beta) \\mathbf{g}_{k}',
    '\\mathbf{x}_{k+1} = \\mathbf{x}_{k} - \\eta \\mathbf{v}_{k+1}',
  ]);
  const q: UpdateQuantities = {
    k: 0,
    x: [1, 2],
    gradientAt: [1, 2],
    gradient: [2, 4],
    next: [0.98, 1.96],
    before: { velocity: [0, 0] },
    after: { velocity: [-0.02, -0.04] },
  };
  assert.deepEqual(substitutedUpdateRule('momentum', { lr: 0.01, beta: 0.9 }, q).map(lineTex), [
    `\\mathbf{v}_{1} = 0.9${PM('0.00', '0.00')} - 0.01${PM('2.00', '4.00')} = ${PM('-0.0200', '-0.0400')}`,
    `\\mathbf{x}_{1} = ${PM('1.00', '2.00')} + ${PM('-0.0200', '-0.0400')} = ${PM('0.980', '1.96')}`,
  ]);
});

test('a step smaller than the digits shown still shows: x_k and x_{k+1} get more digits', () => {
  assert.equal(distinguishingDigits(1, 0.99999, 3), 5);
  assert.equal(distinguishingDigits(2, 2, 3), 3);
  assert.equal(distinguishingDigits(1, 1 + 1e-12, 3), 3);
  const q: UpdateQuantities = { k: 4, x: [1, 2], gradientAt: [1, 2], gradient: [0.001, 0], next: [0.99999, 2], before: {}, after: {} };
  assert.equal(
    lineTex(substitutedUpdateRule('gd', { lr: 0.01 }, q)[0]),
    `\\mathbf{x}_{5} = ${PM('1.0000', '2.00')} - 0.01${PM('0.00100', '0.00')} = ${PM('0.99999', '2.00')}`,
  );
});

/** Every rule shape: the six optimizers, momentum both ways, with and without clipping. */
const SHAPES: { name: OptimizerName; options: OptimizerOptions }[] = [
  ...OPTIMIZER_NAMES.map((name) => ({ name, options: { lr: 0.001 } })),
  { name: 'momentum', options: { lr: 0.001, ema: true } },
  { name: 'adam', options: { lr: 0.02, beta1: 0.8, beta2: 0.99, eps: 1e-6, clip: 50 } },
  { name: 'rmsprop', options: { lr: 1e-4, beta: 0.95, clip: 10 } },
];

/** Three updates of an optimizer on Rosenbrock from (-1.2, 1): the record of the last one. */
function thirdUpdate(name: OptimizerName, options: OptimizerOptions) {
  const optimizer = createOptimizer(name, options);
  const run = descend(getSurface('rosenbrock'), optimizer, [-1.2, 1], { steps: 3 });
  return { optimizer, record: run.record(2) };
}

test('every rule renders with KaTeX, symbolic and with numbers, in both layouts', () => {
  for (const { name, options } of SHAPES) {
    const { record } = thirdUpdate(name, options);
    const symbolic = symbolicUpdateRule(name, options);
    const substituted = substitutedUpdateRule(name, options, record);
    for (const lines of [symbolic, substituted]) {
      assertValidTex(alignedTex(lines));
      assertValidTex(alignedTex(lines, { breakChains: true }));
      for (const line of lines) assertValidTex(lineTex(line));
    }
    assert.equal(substituted.at(-1)!.lhs, '\\mathbf{x}_{3}', `${name}: the last line is x_{k+1}`);
    assert.equal(substituted.at(-1)!.rhs.at(-1), texColumn(2, (i) => texNumber(record.next[i], distinguishingDigits(record.x[i], record.next[i], 3))));
  }
});

test('the numbers shown are the rule the core applied', () => {
  // Recompute x_{k+1} from the recorded numbers with the formula as displayed.
  const close = (a: number, b: number) => Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(b));
  for (const { name, options } of SHAPES) {
    const { optimizer, record: q } = thirdUpdate(name, options);
    const { lr, beta, beta1, beta2, eps, ema } = optimizer.options;
    const t = q.k + 1;
    for (let i = 0; i < 2; i++) {
      const g = q.gradient[i];
      let expected: number;
      switch (name) {
        case 'gd':
          expected = q.x[i] - lr * g;
          break;
        case 'momentum':
          expected = ema ? q.x[i] - lr * (beta * q.before.velocity![i] + (1 - beta) * g) : q.x[i] + (beta * q.before.velocity![i] - lr * g);
          break;
        case 'nesterov':
          expected = q.x[i] + (beta * q.before.velocity![i] - lr * g);
          break;
        case 'rmsprop':
          expected = q.x[i] - (lr * g) / (Math.sqrt(beta * q.before.secondMoment![i] + (1 - beta) * g * g) + eps);
          break;
        case 'adam': {
          const mHat = (beta1 * q.before.firstMoment![i] + (1 - beta1) * g) / (1 - beta1 ** t);
          const vHat = (beta2 * q.before.secondMoment![i] + (1 - beta2) * g * g) / (1 - beta2 ** t);
          expected = q.x[i] - (lr * mHat) / (Math.sqrt(vHat) + eps);
          break;
        }
        case 'adagrad':
          expected = q.x[i] - (lr * g) / (Math.sqrt(q.before.secondMoment![i] + g * g) + eps);
          break;
      }
      assert.ok(close(q.next[i], expected), `${name} ${JSON.stringify(options)} coordinate ${i}: ${q.next[i]} vs ${expected}`);
    }
  }
});

test("Nesterov's look-ahead shown is the point where the core took the gradient", () => {
  const { optimizer, record } = thirdUpdate('nesterov', { lr: 0.001, beta: 0.9 });
  const [ahead] = substitutedUpdateRule('nesterov', optimizer.options, record);
  assert.equal(ahead.lhs, '\\tilde{\\mathbf{x}}_{2}');
  assert.equal(ahead.rhs[1], texColumn(2, (i) => texNumber(optimizer.state.gradientPoint[i], 3)));
});

test("Nesterov's look-ahead is the record's gradientAt: the formula replays no update", () => {
  // Nesterov on x^2, lr 0.1, beta 0.9, update 1: x~_1 = 0.8 + 0.9 (-0.2) = 0.62, g_1 = 1.24.
  const q: UpdateQuantities = {
    k: 1,
    x: [0.8],
    gradientAt: [0.62],
    gradient: [1.24],
    next: [0.496],
    before: { velocity: [-0.2] },
    after: { velocity: [-0.304] },
  };
  assert.deepEqual(substitutedUpdateRule('nesterov', { lr: 0.1, beta: 0.9 }, q).map(lineTex), [
    '\\tilde{x}_{1} = 0.800 + 0.9 \\cdot (-0.200) = 0.620',
    'v_{2} = 0.9 \\cdot (-0.200) - 0.1 \\cdot 1.24 = -0.304',
    'x_{2} = 0.800 + (-0.304) = 0.496',
  ]);
  // The point shown is the one recorded, whatever beta v would give: here one at 0.7.
  const [ahead] = substitutedUpdateRule('nesterov', { lr: 0.1, beta: 0.9 }, { ...q, gradientAt: [0.7] });
  assert.equal(ahead.rhs[1], '0.700');
});

test("Adam's bias correction uses t = k + 1", () => {
  const q: UpdateQuantities = {
    k: 0,
    x: [0],
    gradientAt: [0],
    gradient: [2],
    next: [-0.1],
    before: { firstMoment: [0], secondMoment: [0] },
    after: { firstMoment: [0.2], secondMoment: [0.004] },
  };
  const lines = substitutedUpdateRule('adam', { lr: 0.1 }, q).map(lineTex);
  // mhat = 0.2 / (1 - 0.9) = 2, vhat = 0.004 / (1 - 0.999) = 4: the step is 0.1 * 2 / (2 + eps).
  // One dimension: the numbers are written as numbers.
  assert.equal(lines[2], '\\hat{m}_{1} = \\frac{1}{1 - 0.9^{1}} \\cdot 0.200 = 2.00');
  assert.equal(lines[3], '\\hat{v}_{1} = \\frac{1}{1 - 0.999^{1}} \\cdot 0.00400 = 4.00');
  assert.equal(lines[4], 'x_{1} = 0.00 - 0.1 \\cdot \\dfrac{2.00}{\\sqrt{4.00} + 10^{-8}} = -0.100');
});

test('non-finite numbers never print NaN or Infinity, and still render', () => {
  const q: UpdateQuantities = {
    k: 7,
    x: [NaN, Infinity],
    gradientAt: [Infinity, NaN],
    gradient: [-Infinity, NaN],
    next: [NaN, -Infinity],
    before: { velocity: [Infinity, 0], firstMoment: [NaN, 1], secondMoment: [Infinity, NaN] },
    after: { velocity: [NaN, NaN], firstMoment: [NaN, Infinity], secondMoment: [Infinity, Infinity] },
  };
  for (const name of OPTIMIZER_NAMES) {
    for (const options of [{}, { ema: true }]) {
      const tex = alignedTex(substitutedUpdateRule(name, options, q));
      assert.doesNotMatch(tex, /NaN|Infinity|undefined/, `${name}: ${tex}`);
      assertValidTex(tex);
    }
  }
});

test('long vectors are elided in the middle', () => {
  const n = 10;
  const q: UpdateQuantities = {
    k: 0,
    x: Array.from({ length: n }, (_, i) => i + 1),
    gradientAt: Array.from({ length: n }, (_, i) => i + 1),
    gradient: Array.from({ length: n }, () => 1),
    next: Array.from({ length: n }, (_, i) => i + 0.9),
    before: {},
    after: {},
  };
  const [line] = substitutedUpdateRule('gd', { lr: 0.1 }, q, { maxRows: 4 });
  assert.equal(line.rhs[1], PM('0.900', '1.90', '\\vdots', '9.90'));
  assertValidTex(lineTex(line));
});

test('breakChains puts each "=" of a line on its own row', () => {
  const lines = [{ lhs: 'a', rhs: ['b', 'c'] }];
  assert.equal(alignedTex(lines), '\\begin{aligned}a &= b = c\\end{aligned}');
  assert.equal(alignedTex(lines, { breakChains: true }), '\\begin{aligned}a &= b\\\\[0.4em] &= c\\end{aligned}');
});

test('breakChains also puts each term of a substituted sum on its own row; otherwise no break and no mark', () => {
  // Classical momentum at 320 px: v = 0.9 (v) − 0.001 (g) ran out of its box.
  const record: UpdateQuantities = {
    k: 3,
    x: [-1.38, 1.88],
    gradientAt: [-1.38, 1.88],
    gradient: [-0.87, 19.5],
    next: [-1.36, 1.87],
    before: { velocity: [-0.00178, -0.0191] },
    after: { velocity: [0.0214, -0.0106] },
  };
  const lines = substitutedUpdateRule('momentum', { lr: 0.001, beta: 0.9 }, record);
  const wide = alignedTex(lines);
  const narrow = alignedTex(lines, { breakChains: true });
  assert.doesNotMatch(wide + narrow + lines.map(lineTex).join(''), /\u0001/);
  // Wide: one row per line. Narrow: v's two terms, its result, x's two terms, its result.
  assert.equal(wide.split('\\\\[0.4em]').length, 2);
  const rows = narrow.split('\\\\[0.4em]');
  assert.equal(rows.length, 6);
  assert.match(rows[1], /^&\\qquad - 0\.001/);
  assert.match(rows[4], /^&\\qquad \+ /);
  assertValidTex(narrow);
});

test('in one dimension numbers are written as numbers: no 1×1 matrices, a dot for products, negatives in parentheses', () => {
  const gd: UpdateQuantities = { k: 0, x: [2], gradientAt: [2], gradient: [4], next: [2 - 0.3 * 4], before: {}, after: {} };
  assert.equal(lineTex(substitutedUpdateRule('gd', { lr: 0.3 }, gd)[0]), 'x_{1} = 2.00 - 0.3 \\cdot 4.00 = 0.800');
  const negative: UpdateQuantities = { k: 4, x: [-1], gradientAt: [-1], gradient: [-2], next: [-1 - 0.3 * -2], before: {}, after: {} };
  assert.equal(lineTex(substitutedUpdateRule('gd', { lr: 0.3 }, negative)[0]), 'x_{5} = -1.00 - 0.3 \\cdot (-2.00) = -0.400');
  const momentum: UpdateQuantities = { k: 0, x: [2], gradientAt: [2], gradient: [4], next: [0.8], before: { velocity: [0] }, after: { velocity: [-1.2] } };
  assert.deepEqual(substitutedUpdateRule('momentum', { lr: 0.3, beta: 0.9 }, momentum).map(lineTex), [
    'v_{1} = 0.9 \\cdot 0.00 - 0.3 \\cdot 4.00 = -1.20',
    'x_{1} = 2.00 + (-1.20) = 0.800',
  ]);
  assert.deepEqual(symbolicUpdateRule('gd', {}, 1).map(lineTex), ["g_{k} = f'(x_{k})", 'x_{k+1} = x_{k} - \\eta g_{k}']);
});

test('in one dimension every rule renders with KaTeX and shows no matrix and no bold vector', () => {
  const curve = parseCurve('x^2');
  for (const { name, options } of SHAPES) {
    const record = descend(curve, createOptimizer(name, options), [2], { steps: 2 }).record(1);
    for (const lines of [symbolicUpdateRule(name, options, 1), substitutedUpdateRule(name, options, record)]) {
      const tex = alignedTex(lines);
      assertValidTex(tex);
      assert.doesNotMatch(tex, /pmatrix|mathbf/, `${name}: ${tex}`);
    }
    assert.equal(substitutedUpdateRule(name, options, record).at(-1)!.lhs, 'x_{2}');
  }
});
