/**
 * Loads TensorFlow.js (tfjs-core + the pure-JS CPU backend) for bench sections, once,
 * with every gradient registered and its console hints silenced.
 *
 * Why not just `import '@tensorflow/tfjs-core/dist/register_all_gradients'`: in Node,
 * '@tensorflow/tfjs-core' resolves to a CommonJS bundle without gradients, and the
 * dist/ ES modules that register them use extensionless imports Node cannot resolve.
 * So a small resolve hook (tfjs-resolve-hooks.mjs) is registered first. The gradients
 * then come from the ES-module copy of tfjs-core; that is fine because tfjs keeps its
 * engine and its kernel and gradient registries on globalThis, shared by all copies.
 */
import { register } from 'node:module';

export type Tf = typeof import('@tensorflow/tfjs-core');

let loading: Promise<Tf> | undefined;

/** tfjs-core on the 'cpu' backend, ready, with gradients. */
export function loadTf(): Promise<Tf> {
  loading ??= load();
  return loading;
}

async function load(): Promise<Tf> {
  const warn = console.warn;
  const info = console.info;
  const log = console.log;
  // tfjs prints hints ("Hi, looks like you are running TensorFlow.js in Node.js...",
  // "Platform node has already been set...") through console.warn/log; swallow them.
  const swallowed: unknown[][] = [];
  console.warn = console.info = console.log = (...args: unknown[]) => void swallowed.push(args);
  try {
    const tf: Tf = await import('@tensorflow/tfjs-core');
    // Production mode only skips debug checks and hints; the arithmetic is unchanged.
    tf.enableProdMode();
    await import('@tensorflow/tfjs-backend-cpu');
    register('./tfjs-resolve-hooks.mjs', import.meta.url);
    await import('@tensorflow/tfjs-core/dist/register_all_gradients.js');
    await tf.setBackend('cpu');
    await tf.ready();
    for (const kernel of ['Add', 'Sub', 'Multiply', 'Square']) {
      if (tf.getGradient(kernel) == null) throw new Error(`tfjs: no gradient registered for ${kernel}`);
    }
    // The first tensor write prints the Node.js hint; make it happen while silenced.
    tf.tidy(() => tf.scalar(0).dataSync());
    return tf;
  } finally {
    console.warn = warn;
    console.info = info;
    console.log = log;
  }
}
