// Two builds from one source:
//  - static/gd-widgets/gd-widgets.js: the single ES module pages load (elements and core,
//    with lit, chart.js and katex inside), minified and committed for Hugo users, and
//    KaTeX's woff2 fonts beside it in fonts/;
//  - dist/core/index.js: the optimizer core alone, for `import ... from 'gd-widgets/core'`.
// GD_WIDGETS_OUT moves both under another folder, so tests can compare a fresh build
// with the committed one without touching it.
import { join } from 'node:path';
import typescript from '@rollup/plugin-typescript';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { katexFonts } from './scripts/rollup-katex.mjs';

const out = process.env.GD_WIDGETS_OUT ?? '.';

const ts = () =>
  typescript({
    tsconfig: './tsconfig.json',
    include: ['src/**/*.ts'],
    compilerOptions: { declaration: false, noEmit: false, noEmitOnError: true },
    outputToFilesystem: false,
  });

const silenceThirdPartyThis = (warning, warn) => {
  if (warning.code === 'THIS_IS_UNDEFINED') return;
  warn(warning);
};

export default [
  {
    input: 'src/index.ts',
    output: {
      file: join(out, 'static/gd-widgets/gd-widgets.js'),
      format: 'es',
      sourcemap: false,
    },
    plugins: [nodeResolve({ browser: true }), ts(), terser({ format: { comments: false }, ecma: 2021 }), katexFonts()],
    onwarn: silenceThirdPartyThis,
  },
  {
    input: 'src/core/index.ts',
    output: { file: join(out, 'dist/core/index.js'), format: 'es' },
    plugins: [ts()],
  },
];
