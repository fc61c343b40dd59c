/**
 * Which variables an expression mentions, so a figure can tell a curve f(x) from a
 * surface f(x, y) before compiling it, without catching errors.
 *
 * The answer is syntactic: a variable counts when the text names it, even where it
 * cancels (`y - y`, `0*y`). That keeps the rule one a reader can check by eye.
 */
import type { ExpressionOptions } from './error.js';
import { tokenize } from './lexer.js';
import { parseExpression, type ExpressionNode } from './parser.js';

/** The variables of the language. */
export type ExpressionVariable = 'x' | 'y';

/** The variables a parsed tree mentions, walked without recursion (the tree may be deep). */
export function variablesOf(tree: ExpressionNode): Set<ExpressionVariable> {
  const found = new Set<ExpressionVariable>();
  const pending: ExpressionNode[] = [tree];
  while (pending.length > 0) {
    const node = pending.pop()!;
    switch (node.kind) {
      case 'variable':
        found.add(node.name);
        break;
      case 'negate':
        pending.push(node.operand);
        break;
      case 'sum':
      case 'product':
        pending.push(...node.operands);
        break;
      case 'power':
        pending.push(node.base, node.exponent);
        break;
      case 'call':
        pending.push(node.argument);
        break;
      default:
        break; // numbers and constants
    }
  }
  return found;
}

/**
 * The variables the text mentions: `x^2` gives {x}, `x^2 + y` gives {x, y}, `pi` gives {}.
 * Throws `ExpressionError` exactly as the parser does for a text outside the language.
 */
export function expressionVariables(text: string, options?: ExpressionOptions): Set<ExpressionVariable> {
  return variablesOf(parseExpression(text, options));
}

/**
 * The 0-based position of the first occurrence of `name` in the text, or -1 when it does
 * not occur. Throws `ExpressionError` like the parser for a text outside the language
 * (a well-formed text's name tokens `x` and `y` are always its variables).
 */
export function variablePosition(text: string, name: ExpressionVariable, options?: ExpressionOptions): number {
  parseExpression(text, options);
  for (const t of tokenize(text)) {
    if (t.kind === 'name' && t.text === name) return t.start;
  }
  return -1;
}
