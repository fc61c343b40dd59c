/**
 * The expression language: a surface typed as text, `x^2 + 10y^2`, turned into a
 * `Surface` with an exact gradient.
 *
 * Three stages run once per expression:
 *
 *   text --tokenize--> tokens --parse--> tree --compile--> closures
 *                                             \--LaTeX--> tex, for formulas on screen
 *
 * and the closures run every time the surface is evaluated (40,000 times per heatmap,
 * once per optimizer step): one returns f(x, y), the other also its exact gradient by
 * forward-mode automatic differentiation (see "Compiling" below).
 *
 * Nothing is ever evaluated as JavaScript: no `eval`, no `Function`. Names are looked
 * up with `switch` and `Map`, never in plain objects, so `__proto__` or `constructor`
 * are simply unknown names.
 *
 * The language
 * ------------
 *   numbers      2   0.5   .5   2.   1.5e-3   2E3
 *   names        x  y  (the variables)   pi  e  (the constants)
 *   operators    + - * /   ^ or ** (power)   unary + and -   ( )
 *   functions    sin cos tan exp log sqrt abs tanh, always with parentheses: sin(x)
 *
 * Precedence, loosest first (all binary operators are left-associative but power):
 *
 *   sum        a + b, a - b
 *   product    a * b, a / b
 *   sign       -a, +a
 *   implicit   2x, 3(x+1), 0.5y^2, 2sin(x), 2 pi        a number times what follows
 *   power      a^b (right-associative: 2^3^2 = 2^9); the exponent may carry a sign
 *   atom       number, name, f(...), (...)
 *
 * So `-x^2` is -(x^2), `-2^2` is -4, `2^-1` is 0.5, `0.5y^2` is 0.5 (y^2).
 *
 * Decisions, made to keep every accepted text unambiguous:
 * - Implicit multiplication only follows a number literal, and only once: `2x`, `2 x`,
 *   `2pi`, `3(x+1)`. Everything else that juxtaposes two operands is an error that
 *   names the missing operator: `x y`, `(x)(y)`, `x(y)`, `2 3`, `2 pi x`.
 * - It is also refused where readers disagree on the meaning: after `/` (`1/2x`: is it
 *   (1/2)x or 1/(2x)?) and after an exponent (`x^2y`: x^2 y or x^(2y)?).
 * - A name is the longest run of letters, digits and `_`, so `2ex` is the number 2
 *   followed by the unknown name `ex` (the error suggests `e*x`); `2e` is 2e and `2e x`
 *   is an error. `e` after digits starts an exponent only when a digit follows, maybe
 *   after a sign: `1e3` = 1000, `1e3x` = 1000x, `2e-x` = 2e - x, `2e+3` = 2000.
 * - Whitespace (anything JavaScript's `\s` matches) may appear between any two tokens.
 * - At most `MAX_EXPRESSION_LENGTH` characters and `MAX_EXPRESSION_DEPTH` levels of
 *   nesting (parentheses, function calls, signs and exponents), so no input can
 *   overflow the stack or take long.
 *
 * Positions in errors are 0-based indices into the text as given (UTF-16 code units,
 * like `String.prototype.indexOf`). Messages say what was found and what was expected:
 * "unexpected ')' at 7", "unknown name 'z' at 4 (use x and y)", "expected ')' at 2 to
 * close '(' at 0", "missing operator between 'x' and 'y' at 2 (write '*' to multiply)".
 */
import type { Domain, Surface, Vector } from './types.js';

// ---------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------------
// The vocabulary
// ---------------------------------------------------------------------------------

/** The functions an expression may call, each with one argument in parentheses. */
export const EXPRESSION_FUNCTIONS = Object.freeze([
  'sin',
  'cos',
  'tan',
  'exp',
  'log',
  'sqrt',
  'abs',
  'tanh',
] as const);

export type ExpressionFunction = (typeof EXPRESSION_FUNCTIONS)[number];

/** Longest accepted text, in characters. */
export const MAX_EXPRESSION_LENGTH = 2000;
/** Deepest accepted nesting of parentheses, calls, signs and exponents. */
export const MAX_EXPRESSION_DEPTH = 200;
/** The largest `maxDepth` option: the parser recurses a few frames per level. */
const DEPTH_CEILING = 1000;

const FUNCTIONS: ReadonlyMap<string, ExpressionFunction> = new Map(
  EXPRESSION_FUNCTIONS.map((name) => [name, name]),
);

// ---------------------------------------------------------------------------------
// The tree
// ---------------------------------------------------------------------------------

/**
 * A parsed expression. Sums and products are flat lists (evaluated left to right), so
 * the tree is only as deep as the nesting the depth limit bounds, however long the text.
 */
export type ExpressionNode =
  | { readonly kind: 'number'; readonly value: number; readonly text: string }
  | { readonly kind: 'variable'; readonly name: 'x' | 'y' }
  | { readonly kind: 'constant'; readonly name: 'pi' | 'e' }
  | { readonly kind: 'negate'; readonly operand: ExpressionNode }
  /** operands[0] op[0] operands[1] op[1] operands[2] ..., left to right. */
  | {
      readonly kind: 'sum';
      readonly operands: readonly ExpressionNode[];
      readonly operators: readonly ('+' | '-')[];
    }
  | {
      readonly kind: 'product';
      readonly operands: readonly ExpressionNode[];
      readonly operators: readonly ('*' | '/')[];
    }
  | { readonly kind: 'power'; readonly base: ExpressionNode; readonly exponent: ExpressionNode }
  | { readonly kind: 'call'; readonly name: ExpressionFunction; readonly argument: ExpressionNode };

/** Limits for `parseExpression` and `compileExpression`. */
export interface ExpressionOptions {
  /** Longest accepted text; default `MAX_EXPRESSION_LENGTH`. */
  maxLength?: number;
  /** Deepest accepted nesting, 1 to 1000; default `MAX_EXPRESSION_DEPTH`. */
  maxDepth?: number;
}

// ---------------------------------------------------------------------------------
// Tokens
// ---------------------------------------------------------------------------------

type TokenKind = 'number' | 'name' | 'operator' | '(' | ')' | 'end';

interface Token {
  readonly kind: TokenKind;
  /** As written: `2.5e3`, `sin`, `**`, `(`; empty for the end. */
  readonly text: string;
  /** For operators, `^` stands for both `^` and `**`. */
  readonly operator: '+' | '-' | '*' | '/' | '^' | '';
  readonly start: number;
  /** The value of a number token. */
  readonly value: number;
}

const CH_0 = 48;
const CH_9 = 57;
const CH_DOT = 46;
const CH_PLUS = 43;
const CH_MINUS = 45;
const CH_STAR = 42;

function isDigit(c: number): boolean {
  return c >= CH_0 && c <= CH_9;
}

function isNameStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95; // a-z A-Z _
}

function isNamePart(c: number): boolean {
  return isNameStart(c) || isDigit(c);
}

/** Exactly the characters `\s` matches, so `name` (trimmed) and the lexer agree. */
function isSpace(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** The character at i, quoted, or its code point when it would not print. */
function describeCharacter(text: string, i: number): string {
  const code = text.codePointAt(i) ?? 0;
  const printable =
    code > 32 && !(code >= 0x7f && code <= 0x9f) && !(code >= 0xd800 && code <= 0xdfff);
  return printable
    ? `'${String.fromCodePoint(code)}'`
    : `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** A hint for characters people paste from formulas. */
function characterHint(c: number): string {
  switch (c) {
    case 0xd7: // ×
    case 0xb7: // ·
    case 0x22c5: // ⋅
    case 0x2219: // ∙
      return ' (use * to multiply)';
    case 0xf7: // ÷
      return ' (use / to divide)';
    case 0x2212: // −
    case 0x2013: // –
      return " (use '-' for minus)";
    case 0xb2: // ²
    case 0xb3: // ³
      return ' (write powers with ^, as in x^2)';
    case 0x3c0: // π
      return ' (write pi)';
    case 0x2c:
      return " (use '.' for decimals; functions take one argument)";
    case 0x5b: // [
    case 0x5d: // ]
    case 0x7b: // {
    case 0x7d: // }
      return ' (use ( and ) to group)';
    case 0x3d: // =
      return ' (write only the right-hand side, f(x, y))';
    default:
      return '';
  }
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let i = 0;
  for (;;) {
    while (i < n && isSpace(text.charCodeAt(i))) i++;
    if (i >= n) break;
    const start = i;
    const c = text.charCodeAt(i);

    if (isDigit(c) || (c === CH_DOT && isDigit(text.charCodeAt(i + 1)))) {
      // digits [. digits] [(e|E) [+|-] digits], the exponent only if a digit follows.
      while (isDigit(text.charCodeAt(i))) i++;
      if (text.charCodeAt(i) === CH_DOT) {
        i++;
        while (isDigit(text.charCodeAt(i))) i++;
      }
      const e = text.charCodeAt(i);
      if (e === 101 || e === 69) {
        let j = i + 1;
        const sign = text.charCodeAt(j);
        if (sign === CH_PLUS || sign === CH_MINUS) j++;
        if (isDigit(text.charCodeAt(j))) {
          i = j;
          while (isDigit(text.charCodeAt(i))) i++;
        }
      }
      const raw = text.slice(start, i);
      if (text.charCodeAt(i) === CH_DOT) {
        throw new ExpressionError(`unexpected '.' at ${i} after the number '${raw}'`, i);
      }
      const value = Number(raw);
      if (!Number.isFinite(value)) {
        throw new ExpressionError(`the number '${raw}' at ${start} is too large`, start);
      }
      tokens.push({ kind: 'number', text: raw, operator: '', start, value });
      continue;
    }

    if (isNameStart(c)) {
      i++;
      while (isNamePart(text.charCodeAt(i))) i++;
      tokens.push({ kind: 'name', text: text.slice(start, i), operator: '', start, value: 0 });
      continue;
    }

    switch (c) {
      case CH_PLUS:
      case CH_MINUS:
      case 47: // /
      case 94: {
        // ^
        const op = text[i] as '+' | '-' | '/' | '^';
        tokens.push({ kind: 'operator', text: op, operator: op, start, value: 0 });
        i++;
        continue;
      }
      case CH_STAR:
        if (text.charCodeAt(i + 1) === CH_STAR) {
          tokens.push({ kind: 'operator', text: '**', operator: '^', start, value: 0 });
          i += 2;
        } else {
          tokens.push({ kind: 'operator', text: '*', operator: '*', start, value: 0 });
          i++;
        }
        continue;
      case 40: // (
        tokens.push({ kind: '(', text: '(', operator: '', start, value: 0 });
        i++;
        continue;
      case 41: // )
        tokens.push({ kind: ')', text: ')', operator: '', start, value: 0 });
        i++;
        continue;
      default:
        throw new ExpressionError(
          `unexpected character ${describeCharacter(text, i)} at ${i}${characterHint(c)}`,
          i,
        );
    }
  }
  tokens.push({ kind: 'end', text: '', operator: '', start: n, value: 0 });
  return tokens;
}

// ---------------------------------------------------------------------------------
// Parsing: recursive descent, one method per precedence level
// ---------------------------------------------------------------------------------

/** Does this token begin an operand (so that, after an operand, an operator is missing)? */
function startsOperand(t: Token): boolean {
  return t.kind === 'number' || t.kind === 'name' || t.kind === '(';
}

/** A hint for an unknown name: case, a product written without `*`, or a wrong name. */
function nameHint(name: string, called: boolean): string {
  const lower = name.toLowerCase();
  if (lower !== name) {
    if (called ? FUNCTIONS.has(lower) : isKnownName(lower)) {
      return ` (names are case-sensitive: write '${lower}')`;
    }
  }
  if (called) {
    if (name === 'ln') return ' (log is the natural logarithm: write log)';
    return ` (the functions are ${EXPRESSION_FUNCTIONS.join(', ')})`;
  }
  if (/^(?:x|y|e|pi)+$/.test(name)) {
    return ` (write products with '*', as in ${name.match(/x|y|e|pi/g)!.join('*')})`;
  }
  return ' (use x and y)';
}

function isKnownName(name: string): boolean {
  switch (name) {
    case 'x':
    case 'y':
    case 'pi':
    case 'e':
      return true;
    default:
      return false;
  }
}

class Parser {
  private readonly tokens: Token[];
  private readonly maxDepth: number;
  private next = 0;
  private depth = 0;

  constructor(tokens: Token[], maxDepth: number) {
    this.tokens = tokens;
    this.maxDepth = maxDepth;
  }

  parse(): ExpressionNode {
    if (this.peek().kind === 'end') throw new ExpressionError('the expression is empty', 0);
    const node = this.sum();
    const t = this.peek();
    if (t.kind !== 'end') {
      // Only a ')' can be left over: every other token is consumed or reported below.
      throw new ExpressionError(`unexpected '${t.text}' at ${t.start} (no '(' to close)`, t.start);
    }
    return node;
  }

  private peek(): Token {
    return this.tokens[this.next];
  }

  private take(): Token {
    return this.tokens[this.next++];
  }

  /** The token just consumed, if any: what an error says came before. */
  private previous(): Token | undefined {
    return this.next > 0 ? this.tokens[this.next - 1] : undefined;
  }

  /** Nest one level deeper, or refuse: keeps the stack bounded. */
  private enter(at: Token): void {
    if (++this.depth > this.maxDepth) {
      throw new ExpressionError(
        `the expression is nested too deeply at ${at.start} ` +
          `(at most ${this.maxDepth} levels of parentheses, signs and powers)`,
        at.start,
      );
    }
  }

  private leave(): void {
    this.depth--;
  }

  /** sum := product (('+' | '-') product)* */
  private sum(): ExpressionNode {
    const first = this.product();
    let t = this.peek();
    if (t.operator !== '+' && t.operator !== '-') return first;
    const operands = [first];
    const operators: ('+' | '-')[] = [];
    while (t.operator === '+' || t.operator === '-') {
      this.take();
      operators.push(t.operator);
      operands.push(this.product());
      t = this.peek();
    }
    return { kind: 'sum', operands, operators };
  }

  /** product := signed (('*' | '/') signed)*, with no operand directly after another. */
  private product(): ExpressionNode {
    const first = this.signed();
    this.expectOperator();
    let t = this.peek();
    if (t.operator !== '*' && t.operator !== '/') return first;
    const operands = [first];
    const operators: ('*' | '/')[] = [];
    while (t.operator === '*' || t.operator === '/') {
      this.take();
      if (t.operator === '/') this.refuseImplicitAfterDivision();
      operators.push(t.operator);
      operands.push(this.signed());
      this.expectOperator();
      t = this.peek();
    }
    return { kind: 'product', operands, operators };
  }

  /** After a complete operand, another operand means a missing operator. */
  private expectOperator(): void {
    const t = this.peek();
    if (!startsOperand(t)) return;
    const before = this.previous()!;
    throw new ExpressionError(
      `missing operator between '${before.text}' and '${t.text}' at ${t.start}` +
        ` (write '*' to multiply)`,
      t.start,
    );
  }

  /** `1/2x` reads as (1/2)x to some and 1/(2x) to others: ask for parentheses. */
  private refuseImplicitAfterDivision(): void {
    let k = this.next;
    while (this.tokens[k].operator === '+' || this.tokens[k].operator === '-') k++;
    const number = this.tokens[k];
    const after = this.tokens[k + 1];
    if (number.kind === 'number' && (after.kind === 'name' || after.kind === '(')) {
      const factor = `${number.text}${after.kind === 'name' ? after.text : '(...)'}`;
      throw new ExpressionError(
        `ambiguous '/${factor}' at ${number.start}: write /(${factor}) to divide by ` +
          `the product, or /${number.text}*... to divide by ${number.text} only`,
        number.start,
      );
    }
  }

  /** signed := ('+' | '-') signed | implicit */
  private signed(): ExpressionNode {
    const t = this.peek();
    if (t.operator === '+' || t.operator === '-') {
      this.take();
      this.enter(t);
      const operand = this.signed();
      this.leave();
      return t.operator === '-' ? { kind: 'negate', operand } : operand;
    }
    return this.implicit();
  }

  /** implicit := number power | power, the first when a name or '(' follows the number. */
  private implicit(): ExpressionNode {
    const t = this.peek();
    const after = this.tokens[this.next + 1];
    if (t.kind === 'number' && (after.kind === 'name' || after.kind === '(')) {
      this.take();
      const factor = this.power();
      return {
        kind: 'product',
        operands: [{ kind: 'number', value: t.value, text: t.text }, factor],
        operators: ['*'],
      };
    }
    return this.power();
  }

  /** power := atom (('^' | '**') exponent)?   exponent := ('+' | '-') exponent | power */
  private power(): ExpressionNode {
    const base = this.atom();
    const caret = this.peek();
    if (caret.operator !== '^') return base;
    this.take();
    this.enter(caret);
    const exponent = this.exponent();
    this.leave();
    const t = this.peek();
    if (startsOperand(t)) {
      const before = this.previous()!;
      throw new ExpressionError(
        `missing operator between '${before.text}' and '${t.text}' at ${t.start}` +
          ` (write '*' to multiply after a power, or put a longer exponent in parentheses)`,
        t.start,
      );
    }
    return { kind: 'power', base, exponent };
  }

  private exponent(): ExpressionNode {
    const t = this.peek();
    if (t.operator === '+' || t.operator === '-') {
      this.take();
      this.enter(t);
      const operand = this.exponent();
      this.leave();
      return t.operator === '-' ? { kind: 'negate', operand } : operand;
    }
    return this.power();
  }

  /** atom := number | x | y | pi | e | function '(' sum ')' | '(' sum ')' */
  private atom(): ExpressionNode {
    const t = this.peek();
    switch (t.kind) {
      case 'number':
        this.take();
        return { kind: 'number', value: t.value, text: t.text };
      case 'name':
        return this.name();
      case '(': {
        this.take();
        this.enter(t);
        const inner = this.sum();
        this.close(t);
        this.leave();
        return inner;
      }
      default:
        throw this.missingOperand(t);
    }
  }

  private name(): ExpressionNode {
    const t = this.take();
    switch (t.text) {
      case 'x':
        return { kind: 'variable', name: 'x' };
      case 'y':
        return { kind: 'variable', name: 'y' };
      case 'pi':
        return { kind: 'constant', name: 'pi' };
      case 'e':
        return { kind: 'constant', name: 'e' };
    }
    const fn = FUNCTIONS.get(t.text);
    const open = this.peek();
    if (fn === undefined) {
      const called = open.kind === '(';
      throw new ExpressionError(
        `unknown ${called ? 'function' : 'name'} '${t.text}' at ${t.start}` +
          nameHint(t.text, called),
        t.start,
      );
    }
    if (open.kind !== '(') {
      throw new ExpressionError(
        `expected '(' after '${fn}' at ${open.start} (write ${fn}(x), with parentheses)`,
        open.start,
      );
    }
    this.take();
    this.enter(open);
    const argument = this.sum();
    this.close(open);
    this.leave();
    return { kind: 'call', name: fn, argument };
  }

  /** Consume the ')' that closes `open`. */
  private close(open: Token): void {
    const t = this.peek();
    if (t.kind !== ')') {
      // After a complete sum only ')' or the end can come (operands were refused).
      throw new ExpressionError(
        `expected ')' at ${t.start} to close '(' at ${open.start}`,
        t.start,
      );
    }
    this.take();
  }

  /** An operand was due and `t` came instead. */
  private missingOperand(t: Token): ExpressionError {
    const before = this.previous();
    if (before === undefined) {
      return new ExpressionError(`unexpected '${t.text}' at ${t.start}`, t.start);
    }
    if (t.kind === ')' && before.kind === '(') {
      return new ExpressionError(
        `unexpected ')' at ${t.start}: the parentheses are empty`,
        t.start,
      );
    }
    const ends = t.kind === 'end' ? ' (the expression ends there)' : '';
    return new ExpressionError(
      `expected a number or name after '${before.text}' at ${t.start}${ends}`,
      t.start,
    );
  }
}

function resolveOptions(options: ExpressionOptions | undefined): {
  maxLength: number;
  maxDepth: number;
} {
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

/** Text to tree. Throws `ExpressionError` for anything outside the language. */
export function parseExpression(text: string, options?: ExpressionOptions): ExpressionNode {
  const { maxLength, maxDepth } = resolveOptions(options);
  if (typeof text !== 'string') {
    throw new ExpressionError(`an expression must be text, got ${typeof text}`, 0);
  }
  if (text.length > maxLength) {
    throw new ExpressionError(
      `the expression is too long (${text.length} characters, at most ${maxLength})`,
      maxLength,
    );
  }
  return new Parser(tokenize(text), maxDepth).parse();
}

// ---------------------------------------------------------------------------------
// LaTeX
// ---------------------------------------------------------------------------------

const FUNCTION_TEX: ReadonlyMap<ExpressionFunction, string> = new Map<ExpressionFunction, string>([
  ['sin', '\\sin'],
  ['cos', '\\cos'],
  ['tan', '\\tan'],
  ['exp', '\\exp'],
  ['log', '\\ln'], // log is the natural logarithm: \ln leaves no doubt
  ['tanh', '\\tanh'],
]);

/** `2.5` stays; `.5` becomes `0.5`; `1.5e-3` becomes `1.5 \cdot 10^{-3}`. */
function numberTex(text: string): string {
  const cut = text.search(/[eE]/);
  const mantissaText = cut < 0 ? text : text.slice(0, cut);
  let mantissa = mantissaText.startsWith('.') ? `0${mantissaText}` : mantissaText;
  if (mantissa.endsWith('.')) mantissa = mantissa.slice(0, -1);
  if (cut < 0) return mantissa;
  const power = String(Number(text.slice(cut + 1))); // drops '+' and leading zeros
  return mantissa === '1' ? `10^{${power}}` : `${mantissa} \\cdot 10^{${power}}`;
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

// ---------------------------------------------------------------------------------
// Compiling: the tree becomes closures, built once
// ---------------------------------------------------------------------------------
//
// Every node of the tree becomes two JavaScript closures over its children's:
//
//   value(x, y)  returns f at (x, y), nothing else: the path heatmaps take;
//   dual(x, y)   returns f and leaves (df/dx, df/dy) in the two-number register t.
//
// `dual` is forward-mode automatic differentiation with two tangents: each node
// computes its value r = op(a, b) and its tangent from its operands' tangents by the
// chain rule,
//
//   t_r = (d op / d a) t_a + (d op / d b) t_b,
//
// for the tangent directions x and y at once, so one call gives the exact gradient. The
// local derivatives, with a, b the operands and r the result:
//
//   -a: -1            a+b: 1, 1        a-b: 1, -1        a*b: b, a
//   a/b: 1/b, -r/b    a^k: k a^(k-1)   a^b: b a^(b-1), r ln a
//   sin: cos a   cos: -sin a   tan: 1 + r^2   exp: r   log: 1/a
//   sqrt: 1/(2r)   abs: sign(a)   tanh: 1 - r^2
//
// Conventions where f is not differentiable, chosen so that optimizers keep going:
// - abs'(0) = 0, and sqrt'(0) = +Infinity.
// - Every product in the chain rule treats 0 * anything as 0 (`times` below): a
//   direction in which an operand does not change contributes nothing, even where the
//   local derivative is infinite or undefined. So sqrt(x^2 + y^2) has gradient (0, 0)
//   at the origin, sqrt(x) has (Infinity, 0) at x = 0, and x^y with x < 0 has a NaN
//   y-derivative but an exact x-derivative.
// - log, sqrt and non-integer powers of negative numbers are NaN, like Math's; the
//   core's `descend` reports a non-finite value as divergence.
//
// Compiling folds constant subtrees (2 pi, 3^2, sqrt(2)) to numbers, specialises
// operations with one constant operand (100 (y - x^2)^2 multiplies by 100 and leaves the
// tangent alone for + 1), and turns a constant exponent into a^k with derivative
// k a^(k-1), exact for a < 0 too. Closures are fast in V8 and build no code at run
// time; evaluating allocates nothing.

// Opcodes, for folding and dispatch while compiling (and in long chains).
const NEG = 0;
const ADD = 1;
const SUB = 2;
const MUL = 3;
const DIV = 4;
const POW = 5; // a ^ b
const POWC = 6; // a ^ k, k a known number
const SQR = 7; // a ^ 2
const SIN = 8;
const COS = 9;
const TAN = 10;
const EXP = 11;
const LOG = 12;
const SQRT = 13;
const ABS = 14;
const TANH = 15;

const FUNCTION_OPCODES: ReadonlyMap<ExpressionFunction, number> = new Map<
  ExpressionFunction,
  number
>([
  ['sin', SIN],
  ['cos', COS],
  ['tan', TAN],
  ['exp', EXP],
  ['log', LOG],
  ['sqrt', SQRT],
  ['abs', ABS],
  ['tanh', TANH],
]);

/** The value of one operation on known numbers (b is the exponent k for POWC). */
function apply(op: number, a: number, b: number): number {
  switch (op) {
    case NEG: return -a;
    case ADD: return a + b;
    case SUB: return a - b;
    case MUL: return a * b;
    case DIV: return a / b;
    case POW:
    case POWC: return Math.pow(a, b);
    case SQR: return a * a;
    case SIN: return Math.sin(a);
    case COS: return Math.cos(a);
    case TAN: return Math.tan(a);
    case EXP: return Math.exp(a);
    case LOG: return Math.log(a);
    case SQRT: return Math.sqrt(a);
    case ABS: return Math.abs(a);
    case TANH: return Math.tanh(a);
    default: throw new Error(`unknown opcode ${op}`);
  }
}

/** u v, except that 0 times anything (Infinity, NaN) is 0: see the conventions above. */
function times(u: number, v: number): number {
  return u === 0 || v === 0 ? 0 : u * v;
}

/** Multiply both tangents by the local derivative d. */
function scale(t: Float64Array, d: number): void {
  t[0] = times(t[0], d);
  t[1] = times(t[1], d);
}

type Fn = (x: number, y: number) => number;

/** A compiled node: a known number (folded), or the pair of closures. */
type Part =
  | { readonly known: true; readonly value: number }
  | {
      readonly known: false;
      readonly value: Fn;
      readonly dual: Fn;
      /** Set when the part is the variable itself. */
      readonly leaf?: 'x' | 'y';
    };

const known = (value: number): Part => ({ known: true, value });

/**
 * Longest run of + and - (or * and /) compiled as nested closures; longer runs become
 * one loop, so evaluation recurses no deeper than the nesting limit allows, however
 * long the text.
 */
const CHAIN_LIMIT = 16;

class Compiler {
  /** The tangent register: (d/dx, d/dy) of the value a dual closure just returned. */
  readonly t = new Float64Array(2);

  compile(node: ExpressionNode): Part {
    switch (node.kind) {
      case 'number':
        return known(node.value);
      case 'constant':
        return known(node.name === 'pi' ? Math.PI : Math.E);
      case 'variable':
        return this.variable(node.name);
      case 'negate':
        return this.unary(NEG, this.compile(node.operand));
      case 'sum':
      case 'product': {
        const parts = node.operands.map((operand) => this.compile(operand));
        const ops = node.operators.map((op) =>
          op === '+' ? ADD : op === '-' ? SUB : op === '*' ? MUL : DIV,
        );
        return this.chain(parts, ops);
      }
      case 'power': {
        const base = this.compile(node.base);
        const exponent = this.compile(node.exponent);
        if (exponent.known && !base.known) {
          if (exponent.value === 1) return base;
          if (exponent.value === 2) return this.unary(SQR, base);
          return this.unary(POWC, base, exponent.value);
        }
        return this.binary(POW, base, exponent);
      }
      case 'call':
        return this.unary(FUNCTION_OPCODES.get(node.name)!, this.compile(node.argument));
    }
  }

  private variable(name: 'x' | 'y'): Part {
    const t = this.t;
    return name === 'x'
      ? {
          known: false,
          leaf: 'x',
          value: (x) => x,
          dual: (x) => {
            t[0] = 1;
            t[1] = 0;
            return x;
          },
        }
      : {
          known: false,
          leaf: 'y',
          value: (_x, y) => y,
          dual: (_x, y) => {
            t[0] = 0;
            t[1] = 1;
            return y;
          },
        };
  }

  /** op(a), with k the exponent of POWC. */
  private unary(op: number, a: Part, k = 0): Part {
    if (a.known) return known(apply(op, a.value, k));
    const t = this.t;
    const f = a.value;
    const g = a.dual;
    switch (op) {
      case NEG:
        return {
          known: false,
          value: (x, y) => -f(x, y),
          dual: (x, y) => {
            const r = -g(x, y);
            t[0] = 0 - t[0]; // 0 - t, not -t: no -0 in gradients
            t[1] = 0 - t[1];
            return r;
          },
        };
      case SQR:
        // x^2 and y^2 are in most surfaces: spare them the call to the variable.
        if (a.leaf === 'x') {
          return {
            known: false,
            value: (x) => x * x,
            dual: (x) => {
              t[0] = 2 * x;
              t[1] = 0;
              return x * x;
            },
          };
        }
        if (a.leaf === 'y') {
          return {
            known: false,
            value: (_x, y) => y * y,
            dual: (_x, y) => {
              t[0] = 0;
              t[1] = 2 * y;
              return y * y;
            },
          };
        }
        return {
          known: false,
          value: (x, y) => {
            const v = f(x, y);
            return v * v;
          },
          dual: (x, y) => {
            const v = g(x, y);
            scale(t, 2 * v);
            return v * v;
          },
        };
      case POWC:
        return {
          known: false,
          value: (x, y) => Math.pow(f(x, y), k),
          dual: (x, y) => {
            const v = g(x, y);
            scale(t, k === 0 ? 0 : k * Math.pow(v, k - 1));
            return Math.pow(v, k);
          },
        };
      case SIN:
        return {
          known: false,
          value: (x, y) => Math.sin(f(x, y)),
          dual: (x, y) => {
            const v = g(x, y);
            scale(t, Math.cos(v));
            return Math.sin(v);
          },
        };
      case COS:
        return {
          known: false,
          value: (x, y) => Math.cos(f(x, y)),
          dual: (x, y) => {
            const v = g(x, y);
            scale(t, -Math.sin(v));
            return Math.cos(v);
          },
        };
      case TAN:
        return {
          known: false,
          value: (x, y) => Math.tan(f(x, y)),
          dual: (x, y) => {
            const r = Math.tan(g(x, y));
            scale(t, 1 + r * r); // sec^2 = 1 + tan^2
            return r;
          },
        };
      case EXP:
        return {
          known: false,
          value: (x, y) => Math.exp(f(x, y)),
          dual: (x, y) => {
            const r = Math.exp(g(x, y));
            scale(t, r);
            return r;
          },
        };
      case LOG:
        return {
          known: false,
          value: (x, y) => Math.log(f(x, y)),
          dual: (x, y) => {
            const v = g(x, y);
            scale(t, 1 / v);
            return Math.log(v);
          },
        };
      case SQRT:
        return {
          known: false,
          value: (x, y) => Math.sqrt(f(x, y)),
          dual: (x, y) => {
            const r = Math.sqrt(g(x, y));
            scale(t, 0.5 / r);
            return r;
          },
        };
      case ABS:
        return {
          known: false,
          value: (x, y) => Math.abs(f(x, y)),
          dual: (x, y) => {
            const v = g(x, y);
            if (v < 0) {
              t[0] = 0 - t[0]; // 0 - t, not -t: no -0 in gradients
              t[1] = 0 - t[1];
            } else if (v === 0) {
              t[0] = 0;
              t[1] = 0;
            }
            return Math.abs(v);
          },
        };
      case TANH:
        return {
          known: false,
          value: (x, y) => Math.tanh(f(x, y)),
          dual: (x, y) => {
            const r = Math.tanh(g(x, y));
            scale(t, 1 - r * r);
            return r;
          },
        };
      default:
        throw new Error(`not a unary opcode: ${op}`);
    }
  }

  /** a op b for op in ADD SUB MUL DIV POW. */
  private binary(op: number, a: Part, b: Part): Part {
    if (a.known && b.known) return known(apply(op, a.value, b.value));
    if (a.known) return this.knownLeft(op, a.value, b as Part & { known: false });
    if (b.known) return this.knownRight(op, a, b.value);
    const t = this.t;
    const fa = a.value;
    const ga = a.dual;
    const fb = b.value;
    const gb = b.dual;
    switch (op) {
      case ADD:
        return {
          known: false,
          value: (x, y) => fa(x, y) + fb(x, y),
          dual: (x, y) => {
            const u = ga(x, y);
            const ux = t[0];
            const uy = t[1];
            const v = gb(x, y);
            t[0] += ux;
            t[1] += uy;
            return u + v;
          },
        };
      case SUB:
        return {
          known: false,
          value: (x, y) => fa(x, y) - fb(x, y),
          dual: (x, y) => {
            const u = ga(x, y);
            const ux = t[0];
            const uy = t[1];
            const v = gb(x, y);
            t[0] = ux - t[0];
            t[1] = uy - t[1];
            return u - v;
          },
        };
      case MUL:
        return {
          known: false,
          value: (x, y) => fa(x, y) * fb(x, y),
          dual: (x, y) => {
            const u = ga(x, y);
            const ux = t[0];
            const uy = t[1];
            const v = gb(x, y);
            t[0] = times(ux, v) + times(u, t[0]);
            t[1] = times(uy, v) + times(u, t[1]);
            return u * v;
          },
        };
      case DIV:
        return {
          known: false,
          value: (x, y) => fa(x, y) / fb(x, y),
          dual: (x, y) => {
            const u = ga(x, y);
            const ux = t[0];
            const uy = t[1];
            const v = gb(x, y);
            const r = u / v;
            t[0] = (ux - times(r, t[0])) / v;
            t[1] = (uy - times(r, t[1])) / v;
            return r;
          },
        };
      case POW:
        return {
          known: false,
          value: (x, y) => Math.pow(fa(x, y), fb(x, y)),
          dual: (x, y) => {
            const u = ga(x, y);
            const ux = t[0];
            const uy = t[1];
            const v = gb(x, y);
            const r = Math.pow(u, v);
            const du = v === 0 ? 0 : v * Math.pow(u, v - 1); // d/du u^v
            const dv = times(r, Math.log(u)); // d/dv u^v, 0 where u^v = 0
            t[0] = times(ux, du) + times(t[0], dv);
            t[1] = times(uy, du) + times(t[1], dv);
            return r;
          },
        };
      default:
        throw new Error(`not a binary opcode: ${op}`);
    }
  }

  /** c op b with c known. */
  private knownLeft(op: number, c: number, b: Part & { known: false }): Part {
    const t = this.t;
    const f = b.value;
    const g = b.dual;
    switch (op) {
      case ADD:
        return { known: false, value: (x, y) => c + f(x, y), dual: (x, y) => c + g(x, y) };
      case SUB:
        return {
          known: false,
          value: (x, y) => c - f(x, y),
          dual: (x, y) => {
            const v = g(x, y);
            t[0] = 0 - t[0]; // 0 - t, not -t: no -0 in gradients
            t[1] = 0 - t[1];
            return c - v;
          },
        };
      case MUL:
        return {
          known: false,
          value: (x, y) => c * f(x, y),
          dual: (x, y) => {
            const v = g(x, y);
            scale(t, c);
            return c * v;
          },
        };
      case DIV:
        return {
          known: false,
          value: (x, y) => c / f(x, y),
          dual: (x, y) => {
            const v = g(x, y);
            const r = c / v;
            scale(t, -r / v);
            return r;
          },
        };
      case POW: {
        const lnc = Math.log(c);
        return {
          known: false,
          value: (x, y) => Math.pow(c, f(x, y)),
          dual: (x, y) => {
            const r = Math.pow(c, g(x, y));
            scale(t, times(r, lnc));
            return r;
          },
        };
      }
      default:
        throw new Error(`not a binary opcode: ${op}`);
    }
  }

  /** a op c with c known (never POW: a known exponent is POWC). */
  private knownRight(op: number, a: Part & { known: false }, c: number): Part {
    const t = this.t;
    const f = a.value;
    const g = a.dual;
    switch (op) {
      case ADD:
        return { known: false, value: (x, y) => f(x, y) + c, dual: (x, y) => g(x, y) + c };
      case SUB:
        return { known: false, value: (x, y) => f(x, y) - c, dual: (x, y) => g(x, y) - c };
      case MUL:
        return {
          known: false,
          value: (x, y) => f(x, y) * c,
          dual: (x, y) => {
            const v = g(x, y);
            scale(t, c);
            return v * c;
          },
        };
      case DIV: {
        const inverse = 1 / c;
        return {
          known: false,
          value: (x, y) => f(x, y) / c,
          dual: (x, y) => {
            const v = g(x, y);
            scale(t, inverse);
            return v / c;
          },
        };
      }
      default:
        throw new Error(`not a binary opcode: ${op}`);
    }
  }

  /** parts[0] ops[0] parts[1] ops[1] ..., left to right. */
  private chain(parts: Part[], ops: number[]): Part {
    let acc = parts[0];
    let i = 1;
    // A known prefix folds: 2 * 3 * x is 6 * x (but x * 2 * 3 stays (x * 2) * 3).
    for (; i < parts.length && acc.known && parts[i].known; i++) {
      acc = this.binary(ops[i - 1], acc, parts[i]);
    }
    if (parts.length - i <= CHAIN_LIMIT) {
      for (; i < parts.length; i++) acc = this.binary(ops[i - 1], acc, parts[i]);
      return acc;
    }
    return this.loop(acc, parts.slice(i), ops.slice(i - 1));
  }

  /** A long chain as one loop over its operands' closures. */
  private loop(first: Part, rest: Part[], ops: number[]): Part {
    const t = this.t;
    const f0 = this.closures(first);
    const fs = rest.map((part) => this.closures(part));
    const values = fs.map((p) => p.value);
    const duals = fs.map((p) => p.dual);
    const codes = Uint8Array.from(ops);
    const n = codes.length;
    const value0 = f0.value;
    const dual0 = f0.dual;
    return {
      known: false,
      value: (x, y) => {
        let s = value0(x, y);
        for (let i = 0; i < n; i++) {
          const v = values[i](x, y);
          switch (codes[i]) {
            case ADD: s += v; break;
            case SUB: s -= v; break;
            case MUL: s *= v; break;
            default: s /= v;
          }
        }
        return s;
      },
      dual: (x, y) => {
        let s = dual0(x, y);
        let sx = t[0];
        let sy = t[1];
        for (let i = 0; i < n; i++) {
          const v = duals[i](x, y);
          const vx = t[0];
          const vy = t[1];
          switch (codes[i]) {
            case ADD:
              s += v;
              sx += vx;
              sy += vy;
              break;
            case SUB:
              s -= v;
              sx -= vx;
              sy -= vy;
              break;
            case MUL:
              sx = times(sx, v) + times(s, vx);
              sy = times(sy, v) + times(s, vy);
              s *= v;
              break;
            default: {
              const r = s / v;
              sx = (sx - times(r, vx)) / v;
              sy = (sy - times(r, vy)) / v;
              s = r;
            }
          }
        }
        t[0] = sx;
        t[1] = sy;
        return s;
      },
    };
  }

  /** The closures of a part, a known number becoming a constant function. */
  closures(part: Part): { value: Fn; dual: Fn } {
    if (!part.known) return part;
    const t = this.t;
    const c = part.value;
    return {
      value: () => c,
      dual: () => {
        t[0] = 0;
        t[1] = 0;
        return c;
      },
    };
  }
}

/** An expression ready to evaluate, with its gradient. */
export interface CompiledExpression {
  /** The text as given. */
  readonly source: string;
  readonly tree: ExpressionNode;
  readonly tex: string;
  /** f(x, y). Safe to detach: `const f = compiled.value`. */
  value(x: number, y: number): number;
  /** Writes (df/dx, df/dy) into grad[0], grad[1] and returns f(x, y). */
  evaluate(x: number, y: number, grad: Vector): number;
}

/** Text to a compiled expression. Throws `ExpressionError` for anything outside the language. */
export function compileExpression(text: string, options?: ExpressionOptions): CompiledExpression {
  const tree = parseExpression(text, options);
  const compiler = new Compiler();
  const { value, dual } = compiler.closures(compiler.compile(tree));
  const t = compiler.t;
  return {
    source: text,
    tree,
    tex: expressionToTex(tree),
    value,
    evaluate: (x, y, grad) => {
      const f = dual(x, y);
      grad[0] = t[0];
      grad[1] = t[1];
      return f;
    },
  };
}

// ---------------------------------------------------------------------------------
// Surfaces
// ---------------------------------------------------------------------------------

const DEFAULT_DOMAIN = { x: [-3, 3], y: [-3, 3] } as const;

function checkRange(range: unknown, axis: 'x' | 'y'): readonly [number, number] {
  if (!Array.isArray(range) || range.length !== 2) {
    throw new RangeError(`domain.${axis} must be a pair [min, max]`);
  }
  const [lo, hi] = range as unknown[];
  const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
  if (!finite(lo) || !finite(hi)) {
    throw new RangeError(
      `domain.${axis} must hold two finite numbers, got [${String(lo)}, ${String(hi)}]`,
    );
  }
  if (!(lo < hi)) {
    throw new RangeError(`domain.${axis} must have min < max, got [${lo}, ${hi}]`);
  }
  return Object.freeze([lo, hi] as const);
}

function checkDomain(domain: Domain | undefined): Domain {
  const d = domain === undefined ? DEFAULT_DOMAIN : domain;
  if (typeof d !== 'object' || d === null) {
    throw new RangeError('domain must be an object { x: [min, max], y: [min, max] }');
  }
  return Object.freeze({ x: checkRange(d.x, 'x'), y: checkRange(d.y, 'y') });
}

/**
 * A surface from an expression in x and y, drawn on `domain` (default [-3,3] x [-3,3]).
 * Throws `ExpressionError` for a bad expression and `RangeError` for a bad domain.
 */
export function parseSurface(expression: string, domain?: Domain): Surface {
  const compiled = compileExpression(expression);
  const checked = checkDomain(domain);
  const { value, evaluate } = compiled;
  return Object.freeze({
    dim: 2 as const,
    name: expression.trim(),
    domain: checked,
    minima: Object.freeze([]) as ReadonlyArray<readonly [number, number]>,
    tex: compiled.tex,
    evaluate: (x: Vector, grad: Vector) => evaluate(x[0], x[1], grad),
    value,
  });
}
