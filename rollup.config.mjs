// Two builds from one source:
//  - static/gd-widgets/gd-widgets.js: the single ES module pages load (elements and core,
//    with lit, chart.js and katex inside), minified and committed for Hugo users, and
//    KaTeX's woff2 fonts beside it in fonts/;
//    and the page styles the Hugo shortcodes link, gd-widgets.css (src/page/);
//  - dist/core/index.js: the optimizer core alone, for `import ... from 'gd-widgets/core'`.
// The bundle's first line names the digest of what it was built from
// (scripts/bundle-inputs.mjs), so `npm start` can tell a fresh bundle from a stale one.
// GD_WIDGETS_OUT moves both under another folder, so tests can compare a fresh build
// with the committed one without touching it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import typescript from '@rollup/plugin-typescript';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { katexFonts } from './scripts/rollup-katex.mjs';
import { inputsBanner } from './scripts/bundle-inputs.mjs';

const out = process.env.GD_WIDGETS_OUT ?? '.';
const root = new URL('.', import.meta.url).pathname;
const { version } = JSON.parse(readFileSync(new URL('package.json', import.meta.url), 'utf8'));

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

/** src/page/gd-widgets.css, as it is, next to the bundle. */
const pageStyles = () => ({
  name: 'gd-widgets-page-styles',
  generateBundle() {
    this.emitFile({ type: 'asset', fileName: 'gd-widgets.css', source: readFileSync(join(root, 'src/page/gd-widgets.css')) });
  },
});

const builds = [
  {
    input: 'src/index.ts',
    output: {
      file: join(out, 'static/gd-widgets/gd-widgets.js'),
      format: 'es',
      sourcemap: false,
    },
    plugins: [nodeResolve({ browser: true }), ts(), terser({ format: { comments: false }, ecma: 2021 }), inputsBanner(root, version), katexFonts(), pageStyles()],
    onwarn: silenceThirdPartyThis,
  },
  {
    input: 'src/core/index.ts',
    output: { file: join(out, 'dist/core/index.js'), format: 'es' },
    plugins: [ts()],
  },
];

// `rollup -c --environment BUNDLE_ONLY` (npm start): the bundle alone.
export default process.env.BUNDLE_ONLY ? builds.slice(0, 1) : builds;
