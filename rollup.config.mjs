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
import ts_ from 'typescript';
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

/**
 * Our css`...` styles ship as they are written: terser keeps template literals whole, so
 * their comments and indentation would reach every reader (3 KB of comments alone).
 * This drops CSS comments and line indentation from the text parts of each css``
 * literal in src/ (never inside ${...}); the CSS means the same.
 */
const compactCss = () => ({
  name: 'gd-widgets-compact-css',
  transform(code, id) {
    if (!id.startsWith(join(root, 'src'))) return null;
    // TypeScript writes the tag as `css \``.
    const tag = /\bcss\s*`/g;
    let out = '';
    let i = 0;
    for (let m = tag.exec(code); m; tag.lastIndex = i, m = tag.exec(code)) {
      out += code.slice(i, m.index + m[0].length);
      let j = m.index + m[0].length;
      let text = '';
      const flush = () => {
        out += text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\n[ \t]+/g, '\n').replace(/\n{2,}/g, '\n');
        text = '';
      };
      while (j < code.length && code[j] !== '`') {
        if (code[j] === '\\') {
          text += code.slice(j, j + 2);
          j += 2;
        } else if (code.startsWith('${', j)) {
          flush();
          let depth = 0;
          const from = j;
          do {
            if (code[j] === '{') depth++;
            else if (code[j] === '}') depth--;
            j++;
          } while (depth > 0 && j < code.length);
          out += code.slice(from, j);
        } else {
          text += code[j++];
        }
      }
      flush();
      i = j;
    }
    return i === 0 ? null : { code: out + code.slice(i), map: null };
  },
});

/**
 * The contracts (src/spec/) hold each attribute's README text beside its rule, so that
 * both are written once; readers' pages need only the rules. In the bundle, the values
 * of the documentation-only keys of spec objects become '' (the generator, the tests
 * and dist/ read the full text from the sources).
 */
const DOC_KEYS = new Set(['doc', 'summary', 'typeText', 'defaultText', 'shortcodeExamples']);
const specDocsOut = () => ({
  name: 'gd-widgets-spec-docs-out',
  transform(code, id) {
    if (!id.startsWith(join(root, 'src/spec/'))) return null;
    const file = ts_.createSourceFile(id, code, ts_.ScriptTarget.Latest, true, ts_.ScriptKind.JS);
    const cuts = [];
    const visit = (node) => {
      if (ts_.isPropertyAssignment(node) && DOC_KEYS.has(node.name.getText(file))) cuts.push([node.initializer.getStart(file), node.initializer.getEnd()]);
      else ts_.forEachChild(node, visit);
    };
    visit(file);
    if (cuts.length === 0) return null;
    let out = code;
    for (const [from, to] of cuts.reverse()) out = `${out.slice(0, from)}''${out.slice(to)}`;
    return { code: out, map: null };
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
    plugins: [nodeResolve({ browser: true }), ts(), compactCss(), specDocsOut(), terser({ format: { comments: false }, ecma: 2021 }), inputsBanner(root, version), katexFonts(), pageStyles()],
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
