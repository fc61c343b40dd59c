/**
 * The expression language: a surface typed as text, `x^2 + 10y^2`, turned into a
 * `Surface` with an exact gradient.
 *
 * Three stages run once per expression, one module each:
 *
 *   text --tokenize--> tokens --parse--> tree --compile--> closures
 *        (lexer.ts)           (parser.ts)     \  (compile.ts)
 *                                              \--LaTeX--> tex, for formulas on screen
 *                                                 (tex.ts)
 *
 * and the closures run every time the surface is evaluated (40,000 times per heatmap,
 * once per optimizer step): one returns f(x, y), the other also its exact gradient by
 * forward-mode automatic differentiation (compile.ts). `parseSurface` (surface.ts)
 * wraps them as a `Surface`; error.ts holds the error every stage raises and the limits.
 *
 * Nothing is ever evaluated as JavaScript: no `eval`, no `Function`.
 */
export { ExpressionError, MAX_EXPRESSION_DEPTH, MAX_EXPRESSION_LENGTH } from './error.js';
export type { ExpressionOptions } from './error.js';
export { EXPRESSION_FUNCTIONS, parseExpression } from './parser.js';
export type { ExpressionFunction, ExpressionNode } from './parser.js';
export { INVISIBLE_CHARACTERS } from './lexer.js';
export { expressionToTex } from './tex.js';
export { compileExpression } from './compile.js';
export type { CompiledExpression } from './compile.js';
export { DEFAULT_SURFACE_DOMAIN, parseSurface } from './surface.js';
export { expressionVariables, variablePosition, variablesOf } from './variables.js';
export type { ExpressionVariable } from './variables.js';
