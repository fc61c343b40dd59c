/**
 * One update of a network, traced example by example: what the step-by-step mode shows.
 *
 * For a mini-batch B of m examples at parameters theta, each example i gets its own
 * forward pass, loss l_i and backward pass (core/network.ts `forwardBackward`), and so
 * its own gradient g_i = grad l_i(theta). The update uses their mean,
 *
 *   g = (1/m) sum_{i in B} g_i = grad L_B(theta),   L_B = (1/m) sum_{i in B} l_i,
 *
 * which is exactly the gradient the optimizer gets from the batch's objective: the
 * table's last column. Pure: no DOM.
 */
import { featuresOf, forwardBackward, type AnyDatasetName, type Dataset, type NetworkSpec, type Pass } from '../../core/index.js';

export interface BatchTrace {
  /** The examples, in the order the update takes them (indices into the data set). */
  readonly batch: Int32Array;
  /** The parameters the passes ran at (before the update). */
  readonly params: Float64Array;
  /** Example batch[k]'s forward and backward pass. */
  readonly passes: readonly Pass[];
  /** Example batch[k]'s gradient g_k. */
  readonly gradients: readonly Float64Array[];
  /** The mean of the gradients: the update's gradient. */
  readonly mean: Float64Array;
  /** The mean of the examples' losses: the batch loss L_B. */
  readonly loss: number;
}

/** Example i's target as the network's loss takes it: a class index, 0 or 1, or a value. */
export function targetOf(dataset: Dataset<AnyDatasetName>, i: number): number {
  return dataset.y[i];
}


/** Every example of `batch` forward and backward at `params`, and the mean of their gradients. */
export function traceBatch(spec: NetworkSpec, dataset: Dataset<AnyDatasetName>, params: ArrayLike<number>, batch: ArrayLike<number>): BatchTrace {
  const at = Float64Array.from(params);
  const examples = Int32Array.from(batch);
  const mean = new Float64Array(at.length);
  const passes: Pass[] = [];
  const gradients: Float64Array[] = [];
  let loss = 0;
  for (const i of examples) {
    const g = new Float64Array(at.length);
    const pass = forwardBackward(spec, at, featuresOf(dataset, i), targetOf(dataset, i), g);
    passes.push(pass);
    gradients.push(g);
    loss += pass.loss;
    for (let p = 0; p < g.length; p++) mean[p] += g[p];
  }
  const m = Math.max(1, examples.length);
  for (let p = 0; p < mean.length; p++) mean[p] /= m;
  return { batch: examples, params: at, passes, gradients, mean, loss: loss / m };
}
