/**
 * The three ways to take a gradient step on a data set, as LaTeX with today's sizes:
 *   batch       theta <- theta - eta (1/n) sum_{i=1}^{n} grad l_i(theta)      (all n examples)
 *   stochastic  theta <- theta - eta grad l_i(theta), i drawn in shuffled order (one example)
 *   mini-batch  theta <- theta - eta (1/B) sum_{i in B_t} grad l_i(theta)    (B examples)
 * The batch gradient is the average of the per-example gradients; the other two
 * estimate it from fewer examples, more often.
 */
import { numbersFor, type Numbers } from '../i18n/numbers.js';

export type BatchMode = 'batch' | 'sgd' | 'minibatch';

const THETA = '\\boldsymbol{\\theta}';

/** The update of one mode for n examples and mini-batches of B (`lr` in the reader's numbers). */
export function batchRuleTex(mode: BatchMode, n: number, batchSize: number, lr?: number, numbers: Numbers = numbersFor('en')): string {
  const eta = lr === undefined ? '\\eta' : numbers.tex(lr, 3, { trimZeros: true });
  const grad = (i: string) => `\\nabla \\ell_{${i}}(${THETA})`;
  switch (mode) {
    case 'batch':
      return `${THETA} \\leftarrow ${THETA} - ${eta}\\,\\frac{1}{${n}} \\sum_{i=1}^{${n}} ${grad('i')}`;
    case 'sgd':
      return `${THETA} \\leftarrow ${THETA} - ${eta}\\, ${grad('i')}`;
    case 'minibatch':
      return `${THETA} \\leftarrow ${THETA} - ${eta}\\,\\frac{1}{${batchSize}} \\sum_{i \\in \\mathcal{B}_t} ${grad('i')},\\quad |\\mathcal{B}_t| = ${batchSize}`;
  }
}

/** Updates one epoch makes: n / B rounded up (1 for batch, n for stochastic). */
export function updatesPerEpoch(mode: BatchMode, n: number, batchSize: number): number {
  return mode === 'batch' ? 1 : mode === 'sgd' ? n : Math.ceil(n / batchSize);
}
