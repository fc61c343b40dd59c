/** Types of katex-css.mjs, for the TypeScript tests that import it. */
export interface KatexFontFaceSource {
  family: string;
  weight: string;
  style: string;
  file: string;
}
export function katexDistDir(): string;
export function katexVersion(): string;
export function readKatexCss(): string;
export function splitKatexCss(css: string): { rules: string; faces: KatexFontFaceSource[] };
