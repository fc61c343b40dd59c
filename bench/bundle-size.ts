/**
 * Section "bundle": what gd-widgets.js weighs over its dependencies. The committed
 * bundle's gzip size against a bundle of the dependencies alone — the same parts of lit,
 * Chart.js and KaTeX (with KaTeX's CSS), built by the same Rollup plugins and minifier —
 * so the ratio is what our own code adds. Goal: at most 1.25 times.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { rollup, type Plugin } from 'rollup';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { readKatexCss, splitKatexCss } from '../scripts/katex-css.mjs';
import { verdict } from './measure.js';
import type { Section, SectionContext, SectionResult } from './section.js';

const GOAL = 1.25;
const root = fileURLToPath(new URL('../', import.meta.url));

/** The dependencies as the elements use them, and nothing of ours. */
const DEPENDENCIES_ONLY = `
  import { LitElement, html, css, nothing } from 'lit';
  import { property, query, state } from 'lit/decorators.js';
  import { directive, Directive } from 'lit/directive.js';
  import { styleMap } from 'lit/directives/style-map.js';
  import { Chart, Decimation, LineController, LineElement, LinearScale, LogarithmicScale, PointElement, Tooltip } from 'chart.js';
  import katex from 'katex';
  import { unsafeCSS } from 'lit';
  const katexStyles = unsafeCSS(${JSON.stringify(splitKatexCss(readKatexCss()).rules)});
  Chart.register(LineController, LineElement, PointElement, LinearScale, LogarithmicScale, Tooltip, Decimation);
  export { LitElement, html, css, nothing, property, query, state, directive, Directive, styleMap, Chart, katex, katexStyles };
`;

/** Serves the entry above. */
function virtualEntry(): Plugin {
  return {
    name: 'dependencies-only',
    resolveId: (id) => (id === 'entry' ? id : null),
    load: (id) => (id === 'entry' ? DEPENDENCIES_ONLY : null),
  };
}

const gzipSize = (code: string | Buffer) => gzipSync(code, { level: 9 }).length;
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

export const bundleSizeSection: Section = {
  id: 'bundle',
  title: 'Bundle size: gd-widgets.js against its dependencies bundled alone (gzip -9)',
  async run({ log }: SectionContext): Promise<SectionResult> {
    const bundle = readFileSync(`${root}static/gd-widgets/gd-widgets.js`);
    const build = await rollup({
      input: 'entry',
      plugins: [virtualEntry(), nodeResolve({ browser: true })],
      onwarn: () => {},
    });
    const { output } = await build.generate({ format: 'es', plugins: [terser({ format: { comments: false }, ecma: 2021 })] });
    await build.close();
    const deps = output[0].code;
    const ours = gzipSize(bundle);
    const theirs = gzipSize(deps);
    const ratio = ours / theirs;
    log(`gd-widgets.js        ${kib(bundle.length).padStart(10)} minified  ${kib(ours).padStart(10)} gzip`);
    log(`dependencies alone   ${kib(deps.length).padStart(10)} minified  ${kib(theirs).padStart(10)} gzip  (lit, Chart.js parts, KaTeX and its CSS)`);
    log(`our code adds ${kib(ours - theirs)} gzip: ratio ${ratio.toFixed(3)}`);
    return { verdicts: [`bundle: ${ratio.toFixed(2)} times its dependencies alone, gzip (goal <= ${GOAL}): ${verdict(ratio <= GOAL)}`] };
  },
};
