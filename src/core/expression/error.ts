/**
 * What the expression language refuses, and how it says so.
 *
 * A text outside the language raises `ExpressionError`, and nothing else: its message
 * says what was found and what was expected ("unexpected ')' at 7", "unknown name 'z'
 * at 4 (use x and y)", "expected ')' at 2 to close '(' at 0", "missing operator between
 * 'x' and 'y' at 2 (write '*' to multiply)"). Positions are 0-based indices into the
 * text as given (UTF-16 code units, like `String.prototype.indexOf`).
 *
 * The limits bound the work any text can cause, at every stage after parsing too: at
 * most `MAX_EXPRESSION_LENGTH` characters, so the tree has at most that many nodes (each
 * node needs a character) and a point costs at most that many operations; and at most
 * `MAX_EXPRESSION_DEPTH` levels of nesting, counted as the formula nests on screen:
 * parentheses, function calls, signs, exponents, and each division in a row (a/b/c is
 * \frac{\frac{a}{b}}{c}, two fractions deep). So no input can overflow the stack, and
 * the formula's TeX stays short and shallow: KaTeX lays out a formula nested 150 deep
 * in minutes, one nested 24 deep at once.
 *
 * Both limits are far beyond a real formula: Ackley's surface is 90 characters and 6
 * levels deep. The Hugo shortcodes check the same numbers at build time
 * (layouts/partials/gd-widgets/expression.html; a test keeps them equal).
 */

/** A text that is not an expression: the message says what and where. */
export class ExpressionError extends Error {
  /** 0-based index in the text where the problem is. */
  readonly position: number;

  constructor(message: string, position: number) {
    super(message);
    this.name = 'ExpressionError';
    this.position = position;
  }
}

/** Longest accepted text, in characters. */
export const MAX_EXPRESSION_LENGTH = 500;
/** Deepest accepted nesting of parentheses, calls, signs, exponents and fractions. */
export const MAX_EXPRESSION_DEPTH = 24;
/** The largest `maxDepth` option: the parser recurses a few frames per level. */
const DEPTH_CEILING = 1000;

/** Limits for `parseExpression` and `compileExpression`. */
export interface ExpressionOptions {
  /** Longest accepted text; default `MAX_EXPRESSION_LENGTH`. */
  maxLength?: number;
  /** Deepest accepted nesting, 1 to 1000; default `MAX_EXPRESSION_DEPTH`. */
  maxDepth?: number;
}

/** The options with their defaults filled in; a `RangeError` for a limit out of range. */
export function resolveLimits(options: ExpressionOptions | undefined): Required<ExpressionOptions> {
  const maxLength = options?.maxLength ?? MAX_EXPRESSION_LENGTH;
  const maxDepth = options?.maxDepth ?? MAX_EXPRESSION_DEPTH;
  if (!Number.isInteger(maxLength) || maxLength < 1) {
    throw new RangeError(`maxLength must be a positive integer, got ${maxLength}`);
  }
  if (!Number.isInteger(maxDepth) || maxDepth < 1 || maxDepth > DEPTH_CEILING) {
    throw new RangeError(`maxDepth must be an integer from 1 to ${DEPTH_CEILING}, got ${maxDepth}`);
  }
  return { maxLength, maxDepth };
}
