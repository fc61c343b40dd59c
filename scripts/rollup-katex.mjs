/**
 * Rollup plugin: KaTeX's woff2 fonts next to the bundle, in `fonts/`.
 *
 * src/formula/katex-fonts.ts fetches them from `new URL('./fonts/', import.meta.url)`,
 * which in the bundle is the folder of gd-widgets.js. The files keep KaTeX's names (no
 * hashes), so the output is the same on every build. The CSS needs no plugin: it lives
 * in the generated src/formula/katex-styles.ts.
 *
 *   import { katexFonts } from './scripts/rollup-katex.mjs';
 *   plugins: [..., katexFonts()]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { katexDistDir, readKatexCss, splitKatexCss } from './katex-css.mjs';

export function katexFonts() {
  return {
    name: 'gd-widgets-katex-fonts',
    generateBundle() {
      const fonts = join(katexDistDir(), 'fonts');
      const files = [...new Set(splitKatexCss(readKatexCss()).faces.map((face) => face.file))].sort();
      for (const file of files) {
        this.emitFile({ type: 'asset', fileName: `fonts/${file}`, source: readFileSync(join(fonts, file)) });
      }
    },
  };
}
