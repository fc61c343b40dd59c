/**
 * One parameter's chain rule with today's numbers, as TeX lines for KaTeX: how the
 * backward pass gets dl/dw for one example, and how the update uses the mean over the
 * mini-batch.
 *
 * For the weight w^(l)_ij from unit j of layer l-1 to unit i of layer l, and one example:
 *
 *   z^(l)_i = sum_j w^(l)_ij a^(l-1)_j + b^(l)_i,     a^(l)_i = f(z^(l)_i)
 *   dl/dw^(l)_ij = delta^(l)_i a^(l-1)_j,              dl/db^(l)_i = delta^(l)_i
 *   delta^(L)_i = yhat_i - y_i          (sigmoid with binary cross-entropy, softmax with
 *                                        categorical cross-entropy: y_i = [i = class])
 *   delta^(L)_i = 2 (yhat_i - y_i)      (linear output, squared error)
 *   delta^(l)_i = f'(z^(l)_i) sum_k w^(l+1)_ki delta^(l+1)_k    (hidden layers)
 *
 * with f'(z) = sigma(z)(1 - sigma(z)) = a(1 - a) for the sigmoid, 1 - a^2 for tanh,
 * [z > 0] for relu (0 at z = 0), 1 for linear. The update's gradient is the mean over
 * the m examples of the mini-batch, gbar = (1/m) sum_n dl_n/dw, and gradient descent
 * moves w <- w - eta gbar. Indices on screen count from 1, as the maths writes them.
 */
import { activationSlope, type Activation, type NetworkSpec, type ParameterPlace, type Pass } from '../core/index.js';
import type { Numbers } from '../i18n/numbers.js';
import { alignedTex, type RuleLine } from './update-rules.js';

/** "w^{(2)}_{1,3}" / "b^{(1)}_{2}": the parameter as TeX, indices from 1. */
export function parameterTex(p: ParameterPlace): string {
  return p.kind === 'weight' ? `w^{(${p.l})}_{${p.i + 1},${p.j + 1}}` : `b^{(${p.l})}_{${p.i + 1}}`;
}

const delta = (l: number, i: number) => `\\delta^{(${l})}_{${i + 1}}`;
const act = (l: number, i: number) => `a^{(${l})}_{${i + 1}}`;
const zed = (l: number, i: number) => `z^{(${l})}_{${i + 1}}`;
const partial = (of: string) => `\\dfrac{\\partial \\ell}{\\partial ${of}}`;

/**
 * Digits enough to see 1 - |a| when a saturating unit's |a| is near 1: tanh'(z) = 1 - a^2
 * with a = -0.99995 is 1.0e-4, which "1 - (-1.00)^2" would hide. 3, plus one per decade
 * of 1 - |a| below 1, at most 8.
 */
export function saturatedDigits(a: number): number {
  const gap = 1 - Math.abs(a);
  return gap > 0 && gap < 0.1 ? Math.min(8, 3 + Math.ceil(-Math.log10(gap))) : 3;
}

/** f'(z) in terms of the unit's own activation a, as TeX: [symbolic, with the number substituted]. */
function slopeTex(f: Activation, a: string, z: string, aValue: string, zValue: number, n: Numbers): [string, string] {
  switch (f) {
    case 'sigmoid':
      return [`${a}\\,(1 - ${a})`, `${aValue}\\,(1 - ${aValue})`];
    case 'tanh':
      return [`1 - (${a})^2`, `1 - ${aValue}^2`];
    case 'relu':
      return [`[${z} > 0]`, `[${n.tex(zValue)} > 0]`];
    case 'linear':
      return ['1', '1'];
  }
}

export interface ChainRuleInput {
  readonly spec: NetworkSpec;
  /** The parameters the pass ran at. */
  readonly params: ArrayLike<number>;
  readonly place: ParameterPlace;
  /** The traced example's pass. */
  readonly pass: Pass;
  /** The traced example's target: a value, 0 or 1, or a class index. */
  readonly target: number;
  /** Index of the weight w^(l)_ij in the flat parameters (core/network.ts). */
  readonly weightIndex: (l: number, i: number, j: number) => number;
  /** Index of the bias b^(l)_i in the flat parameters. */
  readonly biasIndex: (l: number, i: number) => number;
  readonly numbers: Numbers;
}

/**
 * The numbers, with an exact zero written "0": a dead ReLU's slope and the gradients
 * through it are exactly 0, which "0.00" would leave in doubt.
 */
function exactZeros(n: Numbers): Numbers {
  return {
    ...n,
    tex: (v, digits, options) => (v === 0 ? '0' : n.tex(v, digits, options)),
    texFactor: (v, digits, options) => (v === 0 ? '0' : n.texFactor(v, digits, options)),
  };
}

/** How many terms of a sum are written out with numbers; longer sums show their value only. */
const MAX_TERMS = 3;

/** z and a of the parameter's unit: the forward pass for it. */
export function forwardLines(c: ChainRuleInput): RuleLine[] {
  const { spec, pass, place } = c;
  const n = exactZeros(c.numbers);
  const { l, i } = place;
  const last = l === spec.sizes.length - 1;
  const inputs = spec.sizes[l - 1];
  const terms = Array.from({ length: Math.min(inputs, MAX_TERMS) }, (_, j) => `${n.texFactor(c.params[c.weightIndex(l, i, j)])}\\,${n.texFactor(pass.a[l - 1][j])}`);
  const sum = inputs <= MAX_TERMS ? [`${terms.join(' + ')} + ${n.texFactor(c.params[c.biasIndex(l, i)])}`] : [];
  const f = last ? OUTPUT_TEX[spec.output] : ACTIVATION_TEX[spec.activation];
  return [
    { lhs: zed(l, i), rhs: [`\\textstyle\\sum_j w^{(${l})}_{${i + 1},j}\\, a^{(${l - 1})}_j + b^{(${l})}_{${i + 1}}`, ...sum, n.tex(pass.z[l][i])] },
    // softmax takes the whole layer: a_i = e^{z_i} / sum_k e^{z_k}.
    { lhs: act(l, i), rhs: [last && spec.output === 'softmax' ? `${f}(z^{(${l})})_{${i + 1}}` : `${f}(${zed(l, i)})`, n.tex(pass.a[l][i])] },
  ];
}

const ACTIVATION_TEX: Record<Activation, string> = { sigmoid: '\\sigma', tanh: '\\tanh', relu: '\\mathrm{ReLU}', linear: '\\mathrm{id}' };
const OUTPUT_TEX: Record<NetworkSpec['output'], string> = { sigmoid: '\\sigma', softmax: '\\mathrm{softmax}', linear: '\\mathrm{id}' };

/** The traced example's loss: the formula of the output's loss, and its value. */
export function lossLines(c: ChainRuleInput, batchLoss: number, batchSize: number): RuleLine[] {
  const { spec, pass } = c;
  const n = exactZeros(c.numbers);
  const L = spec.sizes.length - 1;
  const out = pass.a[L];
  const y = c.target;
  let rhs: string[];
  if (spec.output === 'sigmoid') {
    const p = out[0];
    rhs = [y === 1 ? '-\\ln \\hat y' : '-\\ln(1 - \\hat y)', y === 1 ? `-\\ln ${n.texFactor(p)}` : `-\\ln(1 - ${n.tex(p)})`];
  } else if (spec.output === 'softmax') {
    rhs = [`-\\ln \\hat y_{${y + 1}}`, `-\\ln ${n.texFactor(out[y])}`];
  } else {
    rhs = [`(\\hat y - y)^2`, `(${n.tex(out[0])} - ${n.texFactor(y)})^2`];
  }
  return [
    { lhs: '\\ell', rhs: [...rhs, n.tex(pass.loss)] },
    { lhs: 'L_B', rhs: [`\\tfrac{1}{${batchSize}} \\textstyle\\sum_{n \\in B} \\ell_n`, n.tex(batchLoss)] },
  ];
}

/** dl/d(parameter) = delta a, and where delta came from. */
export function backwardLines(c: ChainRuleInput): RuleLine[] {
  const { spec, pass, place } = c;
  const n = exactZeros(c.numbers);
  const { l, i } = place;
  const L = spec.sizes.length - 1;
  const d = pass.delta[l][i];
  const lines: RuleLine[] = [];
  const me = parameterTex(place);
  if (place.kind === 'weight') {
    const a = pass.a[l - 1][place.j];
    lines.push({ lhs: partial(me), rhs: [`${delta(l, i)}\\, ${act(l - 1, place.j)}`, `${n.texFactor(d)} \\cdot ${n.texFactor(a)}`, n.tex(d * a)] });
  } else {
    lines.push({ lhs: partial(me), rhs: [delta(l, i), n.tex(d)] });
  }
  if (l === L) {
    const yhat = pass.a[L][i];
    const y = spec.output === 'softmax' ? (c.target === i ? 1 : 0) : c.target;
    const yTex = spec.output === 'softmax' ? `[${c.target + 1} = ${i + 1}]` : 'y';
    if (spec.output === 'linear') {
      lines.push({ lhs: delta(l, i), rhs: [`2(\\hat y_{${i + 1}} - y)`, `2(${n.tex(yhat)} - ${n.texFactor(y)})`, n.tex(d)] });
    } else {
      lines.push({ lhs: delta(l, i), rhs: [`\\hat y${spec.output === 'softmax' ? `_{${i + 1}}` : ''} - ${yTex}`, `${n.tex(yhat)} - ${y}`, n.tex(d)] });
    }
    return lines;
  }
  // A hidden unit: its slope times the deltas above, weighted by the weights leading there.
  const above = spec.sizes[l + 1];
  const weights = Array.from({ length: above }, (_, k) => c.params[c.weightIndex(l + 1, k, i)]);
  let sum = 0;
  for (let k = 0; k < above; k++) sum += weights[k] * pass.delta[l + 1][k];
  const slope = activationSlope(spec.activation, pass.z[l][i], pass.a[l][i]);
  const a = pass.a[l][i];
  const [slopeSymbol, slopeNumbers] = slopeTex(spec.activation, act(l, i), zed(l, i), n.texFactor(a, saturatedDigits(a)), pass.z[l][i], n);
  const terms = above <= MAX_TERMS ? [weights.map((w, k) => `${n.texFactor(w)} \\cdot ${n.texFactor(pass.delta[l + 1][k])}`).join(' + ')] : [];
  lines.push({
    lhs: delta(l, i),
    rhs: [`f'(${zed(l, i)}) \\textstyle\\sum_k w^{(${l + 1})}_{k,${i + 1}}\\, ${`\\delta^{(${l + 1})}_k`}`, `${n.texFactor(slope)} \\cdot ${n.texFactor(sum)}`, n.tex(d)],
  });
  lines.push({ lhs: `f'(${zed(l, i)})`, rhs: [slopeSymbol, ...(spec.activation === 'linear' ? [] : [slopeNumbers]), n.tex(slope)] });
  if (terms.length > 0) lines.push({ lhs: `\\textstyle\\sum_k w^{(${l + 1})}_{k,${i + 1}}\\, \\delta^{(${l + 1})}_k`, rhs: [...terms, n.tex(sum)] });
  return lines;
}

/** The update: the mean gradient over the mini-batch, and the move it makes. */
export function updateLines(
  place: ParameterPlace,
  mean: number,
  batchSize: number,
  before: number,
  after: number | null,
  lr: number,
  plainDescent: boolean,
  numbers: Numbers,
): RuleLine[] {
  const n = exactZeros(numbers);
  const me = parameterTex(place);
  const lines: RuleLine[] = [
    { lhs: `\\bar g`, rhs: [`\\tfrac{1}{${batchSize}} \\textstyle\\sum_{n \\in B} ${`\\dfrac{\\partial \\ell_n}{\\partial ${me}}`}`, n.tex(mean, 4)] },
  ];
  if (plainDescent) {
    const moved = after ?? before - lr * mean;
    lines.push({ lhs: `${me}\\ \\leftarrow\\ ${me} - \\eta\\, \\bar g`, rhs: [`${n.tex(before, 4)} - ${n.texFactor(lr)} \\cdot ${n.texFactor(mean, 4)}`, n.tex(moved, 4)] });
  } else if (after !== null) {
    lines.push({ lhs: `${me}\\ \\leftarrow\\ ${me} + \\Delta ${me}`, rhs: [`${n.tex(before, 4)} + ${n.texFactor(after - before, 4)}`, n.tex(after, 4)] });
  }
  return lines;
}

/**
 * Lines aligned at their first "=" (alignedTex's layout); on a narrow screen each line's
 * left side on a row of its own and every "= ..." under it, indented, so a chain with a
 * fraction on the left still fits a phone's column.
 */
export function chainTex(lines: readonly RuleLine[], narrow: boolean): string {
  if (!narrow) return alignedTex(lines);
  const rows = lines.flatMap((l) => [`&${l.lhs}`, ...l.rhs.map((r) => `&\\qquad = ${r}`)]);
  return `\\begin{aligned}${rows.join('\\\\[0.2em]')}\\end{aligned}`;
}
