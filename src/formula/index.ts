/**
 * The formula layer (numbers come from i18n/numbers.ts): the update rules as LaTeX (symbolic
 * and with one update's numbers), and KaTeX rendering that works in shadow roots and
 * under a strict Content-Security-Policy.
 */
export { DEFAULT_MAX_ROWS, shownRows, texColumn } from './tex-vector.js';
export { alignedTex, distinguishingDigits, lineTex, substitutedUpdateRule, symbolicUpdateRule } from './update-rules.js';
export type {
  AlignedOptions,
  RuleLine,
  RuleShape,
  SubstitutionFormat,
  UpdateQuantities,
  UpdateState,
} from './update-rules.js';
export { formula, renderTex } from './render.js';
export type { RenderTexOptions } from './render.js';
export { declareKatexFonts, katexFontBase, setKatexFontBase } from './katex-fonts.js';
export { KATEX_CSS_VERSION, katexFontFaces, katexStyles } from './katex-styles.js';
export type { KatexFontFace } from './katex-styles.js';
export { batchRuleTex, updatesPerEpoch } from './batch-rules.js';
export type { BatchMode } from './batch-rules.js';
