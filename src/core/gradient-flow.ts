/**
 * How the error flows back through a deep network: the numbers behind vanishing and
 * exploding gradients.
 *
 * The backward pass multiplies the error by every layer it crosses,
 *
 *   delta^(l) = f'(z^(l)) ⊙ (W^(l+1))^T delta^(l+1),
 *
 * so delta^(1) carries the product of L - 1 such factors. With the sigmoid, f' <= 1/4: each
 * layer can shrink the error fourfold or more (vanishing). With large weights each layer
 * can multiply it (exploding).
 *
 * Two ratios measure it, first layer against last:
 *   error ratio     ||delta^(1)|| / ||delta^(L)||, each the root mean square over the
 *                   examples of the layer's error vector: how much of the output's error
 *                   reaches the first layer. This is what vanishes or explodes.
 *   weight ratio    ||dL/dW_1|| / ||dL/dW_L|| (layerGradientNorms). Since
 *                   dl/dW_l = delta^(l) (a^(l-1))^T, it also carries the activations: with
 *                   ReLU and weights too large the activations grow forward as fast as the
 *                   error grows backward, and this ratio stays near 1 while every gradient
 *                   is 10^7 times too large. So the verdict reads the error ratio.
 * The verdict: vanishing below 1/FLOW_THRESHOLD, exploding above FLOW_THRESHOLD.
 */
import { forwardBackward, parameterCount, weightIndex, type NetworkSpec } from './network.js';

/** The error ratio beyond which (or below whose inverse) the gradients explode (or vanish). */
export const FLOW_THRESHOLD = 100;

export type FlowVerdict = 'vanishing' | 'exploding' | 'stable';

/** 'vanishing' below 1/FLOW_THRESHOLD, 'exploding' above FLOW_THRESHOLD, else 'stable' (NaN: 'stable'). */
export function flowVerdict(ratio: number): FlowVerdict {
  if (ratio < 1 / FLOW_THRESHOLD) return 'vanishing';
  if (ratio > FLOW_THRESHOLD) return 'exploding';
  return 'stable';
}

/**
 * For l = 1..L (first layer first): sqrt((1/m) sum_n ||delta^(l)_n||^2), the root mean
 * square over the m examples of layer l's error vector delta = dl/dz.
 */
export function layerErrorNorms(
  spec: NetworkSpec,
  params: ArrayLike<number>,
  inputs: readonly ArrayLike<number>[],
  targets: readonly (number | ArrayLike<number>)[],
): number[] {
  if (inputs.length === 0 || inputs.length !== targets.length) throw new RangeError(`layerErrorNorms: ${inputs.length} inputs and ${targets.length} targets`);
  const L = spec.sizes.length - 1;
  const squares = new Array<number>(L).fill(0);
  const grad = new Float64Array(parameterCount(spec));
  for (let n = 0; n < inputs.length; n++) {
    const pass = forwardBackward(spec, params, inputs[n], targets[n], grad);
    for (let l = 1; l <= L; l++) for (const d of pass.delta[l]) squares[l - 1] += d * d;
  }
  return squares.map((s) => Math.sqrt(s / inputs.length));
}

/** ||W_l(after) - W_l(before)|| / ||W_l(before)|| for each layer's weights (not biases), first layer first; Infinity from zero weights that moved. */
export function layerWeightChanges(spec: NetworkSpec, before: ArrayLike<number>, after: ArrayLike<number>): number[] {
  const changes: number[] = [];
  for (let l = 1; l < spec.sizes.length; l++) {
    const start = weightIndex(spec, l, 0, 0);
    const end = start + spec.sizes[l] * spec.sizes[l - 1];
    let moved = 0;
    let size = 0;
    for (let k = start; k < end; k++) {
      const d = after[k] - before[k];
      moved += d * d;
      size += before[k] * before[k];
    }
    changes.push(size > 0 ? Math.sqrt(moved / size) : moved > 0 ? Infinity : 0);
  }
  return changes;
}
