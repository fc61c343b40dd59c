// Module resolution hooks, registered by bench/tfjs.ts before it loads tfjs-core's gradients.
//
// tfjs-core 4.x ships its gradient definitions only as ES modules under dist/ with
// extensionless relative imports ('./gradients', '../ops/ops'), which Node's ESM loader
// refuses (ERR_UNSUPPORTED_DIR_IMPORT / ERR_MODULE_NOT_FOUND); the CommonJS bundle that
// `import '@tensorflow/tfjs-core'` loads in Node has no gradients at all. This hook
// resolves those relative imports the way a bundler would: 'x' -> 'x.js', else
// 'x/index.js'. It only touches relative, extensionless specifiers imported from files
// inside node_modules/@tensorflow/.
import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

function isFile(url) {
  try {
    return statSync(fileURLToPath(url)).isFile();
  } catch {
    return false;
  }
}

export async function resolve(specifier, context, nextResolve) {
  const parent = context.parentURL ?? '';
  if (
    (specifier.startsWith('./') || specifier.startsWith('../')) &&
    parent.includes('/node_modules/@tensorflow/') &&
    !/\.[cm]?js$/.test(specifier)
  ) {
    const base = new URL(specifier, parent).href;
    for (const candidate of [`${base}.js`, `${base}/index.js`]) {
      if (isFile(candidate)) return nextResolve(candidate, context);
    }
  }
  return nextResolve(specifier, context);
}
