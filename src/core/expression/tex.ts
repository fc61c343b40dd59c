/**
 * The tree as LaTeX, for formulas on screen: it reads as the tree means, with the
 * parentheses the precedence needs and only those that help a reader besides.
 */
import type { ExpressionFunction, ExpressionNode } from './parser.js';

/** The operator names; sqrt and abs have their own notation. */
const FUNCTION_TEX: ReadonlyMap<ExpressionFunction, string> = new Map<ExpressionFunction, string>([
  ['sin', '\\sin'],
  ['cos', '\\cos'],
  ['tan', '\\tan'],
  ['exp', '\\exp'],
  ['log', '\\ln'], // log is the natural logarithm: \ln leaves no doubt
  ['tanh', '\\tanh'],
]);

/**
 * `2.5` stays; `.5` becomes `0.5`; `1.5e-3` becomes `1.5 \times 10^{-3}`, the way the
 * figures write every power of ten. A '.' in the result is always between two digits,
 * so a figure can swap in its reader's decimal separator (i18n/numbers.ts `texLiterals`).
 */
function numberTex(text: string): string {
  const cut = text.search(/[eE]/);
  const mantissaText = cut < 0 ? text : text.slice(0, cut);
  let mantissa = mantissaText.startsWith('.') ? `0${mantissaText}` : mantissaText;
  if (mantissa.endsWith('.')) mantissa = mantissa.slice(0, -1);
  if (cut < 0) return mantissa;
  const power = String(Number(text.slice(cut + 1))); // drops '+' and leading zeros
  return mantissa === '1' ? `10^{${power}}` : `${mantissa} \\times 10^{${power}}`;
}

function paren(tex: string): string {
  return `\\left(${tex}\\right)`;
}

/** Is the node a single symbol that takes an exponent without parentheses? */
function isAtomic(node: ExpressionNode): boolean {
  switch (node.kind) {
    case 'number':
      return !/[eE]/.test(node.text);
    case 'variable':
    case 'constant':
    case 'call':
      return true;
    default:
      return false;
  }
}

/**
 * The tree as LaTeX with as few parentheses as the precedence allows: `\frac` for
 * division, juxtaposition for products with `\cdot` only before a digit (`2 \cdot 3`)
 * or a fraction after a digit (so 2 times one half is not read as two and a half).
 */
export function expressionToTex(node: ExpressionNode): string {
  switch (node.kind) {
    case 'number':
      return numberTex(node.text);
    case 'variable':
      return node.name;
    case 'constant':
      return node.name === 'pi' ? '\\pi' : 'e';
    case 'negate': {
      const inner = expressionToTex(node.operand);
      return node.operand.kind === 'sum' || node.operand.kind === 'negate'
        ? `-${paren(inner)}`
        : `-${inner}`;
    }
    case 'sum': {
      let tex = expressionToTex(node.operands[0]);
      for (let i = 1; i < node.operands.length; i++) {
        const operand = node.operands[i];
        const op = node.operators[i - 1];
        const inner = expressionToTex(operand);
        // a - (b + c) needs them; a + (b - c) does not; a + (-b) reads better with them.
        const wrap = operand.kind === 'negate' || (operand.kind === 'sum' && op === '-');
        tex += ` ${op} ${wrap ? paren(inner) : inner}`;
      }
      return tex;
    }
    case 'product': {
      const first = node.operands[0];
      let tex = expressionToTex(first);
      // A sum needs parentheses before a factor, not above a fraction bar.
      let wrap = first.kind === 'sum';
      // Whether tex ends with a digit, tracked rather than tested on the growing string.
      let endsWithDigit = !wrap && /[0-9.]$/.test(tex);
      for (let i = 1; i < node.operands.length; i++) {
        const operand = node.operands[i];
        const inner = expressionToTex(operand);
        if (node.operators[i - 1] === '/') {
          tex = `\\frac{${tex}}{${inner}}`;
          wrap = false;
          endsWithDigit = false;
          continue;
        }
        if (wrap) {
          tex = paren(tex);
          wrap = false;
        }
        if (operand.kind === 'sum' || operand.kind === 'negate') {
          tex += ` ${paren(inner)}`;
          endsWithDigit = false;
          continue;
        }
        const digitNext = /^[0-9.]/.test(inner);
        const fractionAfterDigit = endsWithDigit && inner.startsWith('\\frac');
        tex += digitNext || fractionAfterDigit ? ` \\cdot ${inner}` : ` ${inner}`;
        endsWithDigit = /[0-9.]$/.test(inner);
      }
      return tex;
    }
    case 'power': {
      const base = expressionToTex(node.base);
      return `${isAtomic(node.base) ? base : paren(base)}^{${expressionToTex(node.exponent)}}`;
    }
    case 'call': {
      const argument = expressionToTex(node.argument);
      if (node.name === 'sqrt') return `\\sqrt{${argument}}`;
      if (node.name === 'abs') return `\\left|${argument}\\right|`;
      return `${FUNCTION_TEX.get(node.name)!}${paren(argument)}`;
    }
  }
}
