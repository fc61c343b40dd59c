/**
 * KaTeX's fonts, declared once for the whole document.
 *
 * Chromium ignores `@font-face` inside shadow roots, and an inline `<style>` with the
 * faces would need `style-src 'unsafe-inline'` under a Content-Security-Policy. So the
 * faces are registered with the CSS Font Loading API (`new FontFace` +
 * `document.fonts.add`), which a strict `default-src 'self'` allows, with absolute URLs.
 * Faces in `document.fonts` apply inside every shadow root; the browser downloads a face
 * only when some text uses it.
 *
 * Where the woff2 files are: the font base URL, by default `./fonts/` next to the module
 * that contains this code. In the bundle that module is `gd-widgets.js` itself, and the
 * Rollup plugin `scripts/rollup-katex.mjs` copies the fonts to `fonts/` beside it. In
 * the dev server and web-test-runner the module is `/src/formula/katex-fonts.ts`; the
 * middleware in `scripts/katex-fonts-dev-server.mjs` serves `/src/formula/fonts/*` from
 * `node_modules/katex/dist/fonts/`. A page that hosts the fonts elsewhere calls
 * `setKatexFontBase(url)` (before or after the first formula: the faces are re-declared).
 */
import { katexFontFaces } from './katex-styles.js';

/** The faces every formula uses (upright text and italic letters): fetched as soon as they are declared. */
const EAGER_FILES = new Set(['KaTeX_Main-Regular.woff2', 'KaTeX_Math-Italic.woff2']);

let fontBase: URL | undefined;
let declared: FontFace[] = [];

/**
 * The folder the woff2 files are fetched from, as an absolute URL ending in '/'. By
 * default it keeps the module's own query: the Hugo shortcodes load
 * `gd-widgets.js?v=<content hash>`, and the fonts then come as `fonts/…woff2?v=…`, so a
 * new version is never served a cached old font.
 */
export function katexFontBase(): URL {
  if (fontBase) return fontBase;
  const base = new URL('./fonts/', import.meta.url);
  base.search = new URL(import.meta.url).search;
  return base;
}

/**
 * Fetches KaTeX's fonts from another folder (absolute, or relative to the document).
 * Faces already declared are replaced.
 */
export function setKatexFontBase(base: string | URL): void {
  const url = new URL(String(base), document.baseURI);
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  fontBase = url;
  if (declared.length > 0) {
    for (const face of declared) document.fonts.delete(face);
    declared = [];
    declareKatexFonts();
  }
}

/** A font file's URL in the folder `base`, with the folder's query (its version). */
function fontUrl(file: string, base: URL): string {
  const url = new URL(file, base);
  url.search = base.search;
  return url.href;
}

/**
 * Declares KaTeX's faces in `document.fonts`, once; later calls return the same faces.
 * A face that fails to load is reported once with `console.warn` (formulas then fall
 * back to the page's serif font, still legible).
 */
export function declareKatexFonts(): readonly FontFace[] {
  if (declared.length > 0 || typeof document === 'undefined' || typeof FontFace === 'undefined') return declared;
  const base = katexFontBase();
  declared = katexFontFaces.map(
    ({ family, weight, style, file }) =>
      new FontFace(family, `url(${JSON.stringify(fontUrl(file, base))}) format("woff2")`, {
        weight,
        style,
        display: 'block',
      }),
  );
  let warned = false;
  declared.forEach((face, i) => {
    document.fonts.add(face);
    if (EAGER_FILES.has(katexFontFaces[i].file)) face.load().catch(() => undefined);
    face.loaded.catch(() => {
      if (warned) return;
      warned = true;
      console.warn(`gd-widgets: KaTeX font ${katexFontFaces[i].file} did not load from ${base.href}`);
    });
  });
  return declared;
}
