/**
 * For @web/dev-server and @web/test-runner: serve KaTeX's fonts where the unbundled
 * source looks for them.
 *
 * src/formula/katex-fonts.ts fetches the fonts from `./fonts/` next to its own module.
 * In the bundle that is static/gd-widgets/fonts/ (copied by rollup-katex.mjs); served
 * unbundled it is /src/formula/fonts/, which this middleware maps onto
 * /node_modules/katex/dist/fonts/ before the static file server runs.
 *
 *   import { katexFontsMiddleware } from './scripts/katex-fonts-dev-server.mjs';
 *   export default { ..., middleware: [katexFontsMiddleware()] };
 */
const FONTS_PATH = /^\/src\/formula\/fonts\/(KaTeX_[A-Za-z0-9-]+\.woff2)$/;

export function katexFontsMiddleware() {
  return function katexFonts(context, next) {
    const match = FONTS_PATH.exec(context.path);
    if (match) context.path = `/node_modules/katex/dist/fonts/${match[1]}`;
    return next();
  };
}
