/**
 * The parser: tokens to a tree, by recursive descent with one method per precedence
 * level.
 *
 *   names        x  y  (the variables)   pi  e  (the constants)
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
 * - A name is a whole token, so `2ex` is 2 times the unknown name `ex` (the error
 *   suggests `e*x`); `2e` is 2e and `2e x` is an error.
 *
 * Names are looked up in `Map`s, never in plain objects, so `__proto__` or
 * `constructor` are simply unknown names.
 */
import { ExpressionError, resolveLimits, type ExpressionOptions } from './error.js';
import { tokenize, type Token } from './lexer.js';

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

const FUNCTIONS: ReadonlyMap<string, ExpressionFunction> = new Map(
  EXPRESSION_FUNCTIONS.map((name) => [name, name]),
);

/** The names that stand alone: the variables and the constants, as their (shared) leaves. */
const LEAVES: ReadonlyMap<string, ExpressionNode> = new Map<string, ExpressionNode>([
  ['x', Object.freeze({ kind: 'variable', name: 'x' } as const)],
  ['y', Object.freeze({ kind: 'variable', name: 'y' } as const)],
  ['pi', Object.freeze({ kind: 'constant', name: 'pi' } as const)],
  ['e', Object.freeze({ kind: 'constant', name: 'e' } as const)],
]);

/** Does this token begin an operand (so that, after an operand, an operator is missing)? */
function startsOperand(t: Token): boolean {
  return t.kind === 'number' || t.kind === 'name' || t.kind === '(';
}

/** A hint for an unknown name: case, a product written without `*`, or a wrong name. */
function nameHint(name: string, called: boolean): string {
  const lower = name.toLowerCase();
  if (lower !== name && (called ? FUNCTIONS : LEAVES).has(lower)) {
    return ` (names are case-sensitive: write '${lower}')`;
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
          `(at most ${this.maxDepth} levels of parentheses, signs, powers and fractions)`,
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

  /**
   * product := signed (('*' | '/') signed)*, with no operand directly after another.
   * Each division nests one level deeper until the product ends, as its fractions do
   * on screen: a/b/c is \frac{\frac{a}{b}}{c}.
   */
  private product(): ExpressionNode {
    const first = this.signed();
    this.expectOperator('');
    let t = this.peek();
    if (t.operator !== '*' && t.operator !== '/') return first;
    const operands = [first];
    const operators: ('*' | '/')[] = [];
    let fractions = 0;
    while (t.operator === '*' || t.operator === '/') {
      this.take();
      if (t.operator === '/') {
        this.refuseImplicitAfterDivision();
        this.enter(t);
        fractions++;
      }
      operators.push(t.operator);
      operands.push(this.signed());
      this.expectOperator('');
      t = this.peek();
    }
    this.depth -= fractions;
    return { kind: 'product', operands, operators };
  }

  /** After a complete operand, another operand means a missing operator. */
  private expectOperator(hint: string): void {
    const t = this.peek();
    if (!startsOperand(t)) return;
    const before = this.previous()!;
    throw new ExpressionError(
      `missing operator between '${before.text}' and '${t.text}' at ${t.start}` +
        ` (write '*' to multiply${hint})`,
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

  /**
   * signed := ('+' | '-') signed | implicit, or, for an exponent,
   * exponent := ('+' | '-') exponent | power. Each sign nests one level deeper.
   */
  private signed(exponent = false): ExpressionNode {
    const t = this.peek();
    if (t.operator !== '+' && t.operator !== '-') {
      return exponent ? this.power() : this.implicit();
    }
    this.take();
    this.enter(t);
    const operand = this.signed(exponent);
    this.leave();
    return t.operator === '-' ? { kind: 'negate', operand } : operand;
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
    const exponent = this.signed(true);
    this.leave();
    this.expectOperator(' after a power, or put a longer exponent in parentheses');
    return { kind: 'power', base, exponent };
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
      case '(':
        this.take();
        return this.group(t);
      default:
        throw this.missingOperand(t);
    }
  }

  private name(): ExpressionNode {
    const t = this.take();
    const leaf = LEAVES.get(t.text);
    if (leaf !== undefined) return leaf;
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
    return { kind: 'call', name: fn, argument: this.group(open) };
  }

  /** The sum after the '(' just consumed, and the ')' that closes it, one level deeper. */
  private group(open: Token): ExpressionNode {
    this.enter(open);
    const inner = this.sum();
    const t = this.peek();
    if (t.kind !== ')') {
      // After a complete sum only ')' or the end can come (operands were refused).
      throw new ExpressionError(
        `expected ')' at ${t.start} to close '(' at ${open.start}`,
        t.start,
      );
    }
    this.take();
    this.leave();
    return inner;
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

/** Text to tree. Throws `ExpressionError` for anything outside the language. */
export function parseExpression(text: string, options?: ExpressionOptions): ExpressionNode {
  const { maxLength, maxDepth } = resolveLimits(options);
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
