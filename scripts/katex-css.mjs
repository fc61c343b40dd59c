/**
 * KaTeX's stylesheet, split into what a shadow root can use and what it cannot.
 *
 * Chromium ignores `@font-face` inside shadow roots, so gd-widgets puts KaTeX's rules
 * (minus the font faces) in each element's styles and declares the faces once at
 * document level with the CSS Font Loading API (src/formula/katex-fonts.ts). This file
 * reads KaTeX's own minified CSS and separates the two; the generator of
 * src/formula/katex-styles.ts and the Rollup plugin that copies the fonts both use it,
 * so the faces declared and the files shipped come from one list.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** node_modules/katex/dist, found the way Node resolves the package. */
export function katexDistDir() {
  // katex's exports map has no ./package.json; its main entry lives in dist/.
  return dirname(require.resolve('katex'));
}

/** The installed KaTeX's version. */
export function katexVersion() {
  const pkg = JSON.parse(readFileSync(join(katexDistDir(), '..', 'package.json'), 'utf8'));
  return pkg.version;
}

/** The text of katex.min.css. */
export function readKatexCss() {
  return readFileSync(join(katexDistDir(), 'katex.min.css'), 'utf8');
}

const FONT_FACE = /@font-face\{([^}]*)\}/g;

/** The value of one descriptor in the body of a minified @font-face rule. */
function descriptor(body, name) {
  const match = new RegExp(`(?:^|;)${name}:([^;]*)`).exec(body);
  if (match === null) throw new Error(`KaTeX @font-face without ${name}: ${body}`);
  return match[1].trim();
}

/**
 * Splits KaTeX's minified CSS into
 *  - rules: everything but the @font-face rules, unchanged;
 *  - faces: one entry per @font-face, with the woff2 file it names
 *    ({ family, weight, style, file }, e.g. KaTeX_Main, '400', 'normal',
 *    'KaTeX_Main-Regular.woff2'). Every browser gd-widgets supports reads woff2.
 */
export function splitKatexCss(css) {
  const faces = [];
  for (const [, body] of css.matchAll(FONT_FACE)) {
    const woff2 = /url\(fonts\/([^)]+\.woff2)\)/.exec(descriptor(body, 'src'));
    if (woff2 === null) throw new Error(`KaTeX @font-face without a woff2 source: ${body}`);
    faces.push({
      family: descriptor(body, 'font-family').replace(/^"|"$/g, ''),
      weight: descriptor(body, 'font-weight'),
      style: descriptor(body, 'font-style'),
      file: woff2[1],
    });
  }
  if (faces.length === 0) throw new Error('no @font-face rules in katex.min.css: has its format changed?');
  const rules = css.replace(FONT_FACE, '').trim();
  if (rules.includes('@font-face')) throw new Error('an @font-face rule was not removed from the KaTeX CSS');
  return { rules, faces };
}
