/** Types of rollup-katex.mjs. */
import type { Plugin } from 'rollup';
export function katexFonts(): Plugin;
