/**
 * The core's update rules as LaTeX: symbolically, and with one update's numbers in.
 *
 * Notation (bold for vectors, k the iteration, operations on vectors entry by entry):
 *   g_k = grad f(x_k)                                   (clip(...) when clipping is on)
 *   gd        x_{k+1} = x_k - eta g_k
 *   momentum  v_{k+1} = beta v_k - eta g_k;               x_{k+1} = x_k + v_{k+1}
 *     ema     v_{k+1} = beta v_k + (1 - beta) g_k;        x_{k+1} = x_k - eta v_{k+1}
 *   nesterov  x~_k = x_k + beta v_k;  g_k = grad f(x~_k)
 *             v_{k+1} = beta v_k - eta g_k;               x_{k+1} = x_k + v_{k+1}
 *   rmsprop   s_{k+1} = beta s_k + (1 - beta) g_k^2;      x_{k+1} = x_k - eta g_k / (sqrt(s_{k+1}) + eps)
 *   adam      m_{k+1} = beta1 m_k + (1 - beta1) g_k;      v_{k+1} = beta2 v_k + (1 - beta2) g_k^2
 *             mhat_{k+1} = m_{k+1} / (1 - beta1^(k+1));  vhat_{k+1} = v_{k+1} / (1 - beta2^(k+1))
 *             x_{k+1} = x_k - eta mhat_{k+1} / (sqrt(vhat_{k+1}) + eps)
 *   adagrad   G_{k+1} = G_k + g_k^2;                      x_{k+1} = x_k - eta g_k / (sqrt(G_{k+1}) + eps)
 * These are the rules of src/core/optimizers.ts with its state as the vectors
 * (v: velocity; m: firstMoment; s, v of Adam, G: secondMoment). The state starts at zero
 * at k = 0, so Adam's bias correction uses the update count t = k + 1.
 *
 * A rule is a list of lines `lhs = rhs[0] = rhs[1] ...`. The substituted form writes the
 * actual iteration in the subscripts (x_{12}, x_{13}), the numbers of the update in
 * place of each symbol (Adam's m / (1 - beta1^t) as 1/(1 - beta1^t) times m), and the
 * result last:
 *   x_{13} = (-1.20, 1.00)^T - 0.001 (-216, -88.0)^T = (-0.984, 1.09)^T
 * In one dimension the vectors are numbers and written as such, with a dot for a product
 * and a negative number after an operator in parentheses:
 *   x_{1} = 2.00 - 0.3 \cdot 4.00 = 0.800;   x_{1} = 2.00 + (-1.20) = 0.800
 * Settings (eta, beta, eps) are written in full with trailing zeros dropped; the vectors
 * with a fixed count of significant digits (see i18n/numbers.ts), except that x_k and x_{k+1}
 * get up to 6 digits where fewer would print them alike (a small step must show).
 */
import { averageWeight, biasCorrectedMoments, resolveOptimizerOptions } from '../core/index.js';
import type { OptimizerName, OptimizerOptions } from '../core/index.js';
import { DEFAULT_DIGITS, numbersFor, type Numbers } from '../i18n/numbers.js';
import { DEFAULT_MAX_ROWS, texColumn } from './tex-vector.js';

/** One line of a rule: `lhs = rhs[0] = rhs[1] = ...`. */
export interface RuleLine {
  readonly lhs: string;
  readonly rhs: readonly string[];
}

/** An optimizer's state vectors at one moment; absent vectors or entries read as 0. */
export interface UpdateState {
  /** v of momentum and Nesterov. */
  readonly velocity?: ArrayLike<number> | null;
  /** m of Adam. */
  readonly firstMoment?: ArrayLike<number> | null;
  /** v of Adam, s of RMSprop, G of AdaGrad. */
  readonly secondMoment?: ArrayLike<number> | null;
}

/**
 * The numbers of one update, x_k -> x_{k+1}, as the run recorded them: a run's
 * `record(k)` (core/update-record.ts) is one. The formula computes no update of its own.
 */
export interface UpdateQuantities {
  /** The iteration: the update takes x_k to x_{k+1}. An integer >= 0. */
  readonly k: number;
  /** x_k. */
  readonly x: ArrayLike<number>;
  /** Where the update took its gradient: x_k, or Nesterov's look-ahead x_k + beta v_k. */
  readonly gradientAt: ArrayLike<number>;
  /** g_k as the update used it: at gradientAt, after clipping. */
  readonly gradient: ArrayLike<number>;
  /** x_{k+1}. */
  readonly next: ArrayLike<number>;
  /** The state at k, before the update (all zero at k = 0). */
  readonly before: UpdateState;
  /** The state at k + 1, after it. */
  readonly after: UpdateState;
}

export interface SubstitutionFormat {
  /** Significant digits of the vectors' entries. Default 3. */
  digits?: number;
  /** Longest vector shown in full; longer ones are elided in the middle. Default 6. */
  maxRows?: number;
  /** The reader's numbers (decimal comma in Spanish). Default English. */
  numbers?: Numbers;
}

/**
 * Space under each fraction in a column of them, which would touch otherwise. KaTeX (as
 * LaTeX) reads `\\[len]` as a strut of depth len below the baseline, not as extra
 * space, so it must exceed a fraction's own depth (about 1em with a square root).
 */
const QUOTIENT_ROW_GAP = '1.2em';

/** Most significant digits spent to show that x moved. */
const MAX_DIGITS_FOR_A_STEP = 6;

/**
 * The fewest digits, from `digits` up to 6, at which a and b print differently: a small
 * step still shows in x_k -> x_{k+1} ("-1.2000 -> -1.1998" rather than "-1.20 -> -1.20").
 * `digits` when they print alike even at 6.
 */
export function distinguishingDigits(a: number, b: number, digits: number): number {
  // Digits print alike or not in every language alike: English decides.
  const texNumber = numbersFor('en').tex;
  for (let d = digits; d <= Math.max(digits, MAX_DIGITS_FOR_A_STEP); d++) {
    if (texNumber(a, d) !== texNumber(b, d)) return d;
  }
  return digits;
}

/** How the symbolic rule reads the options: only `ema` and `clip` change its shape. */
export type RuleShape = Pick<OptimizerOptions, 'ema' | 'clip'>;

/**
 * The symbols of a rule. Vectors are bold (x, g, v, ...); in one dimension they are
 * numbers and written as such (x, g, v), and the gradient is the derivative f'(x).
 */
interface Symbols {
  x: string;
  lookAhead: string;
  g: string;
  v: string;
  m: string;
  s: string;
  acc: string;
  mHat: string;
  vHat: string;
  gradient: (point: string) => string;
}

const VECTOR_SYMBOLS: Symbols = {
  x: '\\mathbf{x}',
  lookAhead: '\\tilde{\\mathbf{x}}',
  g: '\\mathbf{g}',
  v: '\\mathbf{v}',
  m: '\\mathbf{m}',
  s: '\\mathbf{s}',
  acc: '\\mathbf{G}',
  mHat: '\\hat{\\mathbf{m}}',
  vHat: '\\hat{\\mathbf{v}}',
  gradient: (point) => `\\nabla f(${point})`,
};

const SCALAR_SYMBOLS: Symbols = {
  x: 'x',
  lookAhead: '\\tilde{x}',
  g: 'g',
  v: 'v',
  m: 'm',
  s: 's',
  acc: 'G',
  mHat: '\\hat{m}',
  vHat: '\\hat{v}',
  gradient: (point) => `f'(${point})`,
};

const symbolsOf = (dimension: number): Symbols => (dimension === 1 ? SCALAR_SYMBOLS : VECTOR_SYMBOLS);

/** symbol_{index}. */
const at = (symbol: string, index: string | number) => `${symbol}_{${index}}`;

const clipping = (options: RuleShape) => options.clip !== undefined && options.clip !== Infinity;

/** g_k = grad f(point), or its clipped form. */
function gradientLine(sym: Symbols, point: string, options: RuleShape): RuleLine {
  const gradient = sym.gradient(point);
  return { lhs: at(sym.g, 'k'), rhs: [clipping(options) ? `\\operatorname{clip}(${gradient})` : gradient] };
}

/**
 * The rule with symbols only, as the course writes it: bold vectors, or plain numbers
 * when `dimension` is 1 (a function of one variable).
 */
export function symbolicUpdateRule(name: OptimizerName, options: RuleShape = {}, dimension = 2): RuleLine[] {
  const sym = symbolsOf(dimension);
  const { x: X, lookAhead: LOOK_AHEAD, g: G, v: V, m: M, s: S, acc: ACC, mHat: M_HAT, vHat: V_HAT } = sym;
  const k = 'k';
  const k1 = 'k+1';
  const step = (direction: string): RuleLine => ({ lhs: at(X, k1), rhs: [`${at(X, k)} - \\eta ${direction}`] });
  const adaptive = (numerator: string, denominator: string) =>
    step(`\\frac{${numerator}}{\\sqrt{${denominator}} + \\epsilon}`);
  const gradient = gradientLine(sym, at(X, k), options);
  switch (name) {
    case 'gd':
      return [gradient, step(at(G, k))];
    case 'momentum':
      return options.ema
        ? [
            gradient,
            { lhs: at(V, k1), rhs: [`\\beta ${at(V, k)} + (1 - \\beta) ${at(G, k)}`] },
            step(at(V, k1)),
          ]
        : [
            gradient,
            { lhs: at(V, k1), rhs: [`\\beta ${at(V, k)} - \\eta ${at(G, k)}`] },
            { lhs: at(X, k1), rhs: [`${at(X, k)} + ${at(V, k1)}`] },
          ];
    case 'nesterov':
      return [
        { lhs: at(LOOK_AHEAD, k), rhs: [`${at(X, k)} + \\beta ${at(V, k)}`] },
        gradientLine(sym, at(LOOK_AHEAD, k), options),
        { lhs: at(V, k1), rhs: [`\\beta ${at(V, k)} - \\eta ${at(G, k)}`] },
        { lhs: at(X, k1), rhs: [`${at(X, k)} + ${at(V, k1)}`] },
      ];
    case 'rmsprop':
      return [
        gradient,
        { lhs: at(S, k1), rhs: [`\\beta ${at(S, k)} + (1 - \\beta) ${at(G, k)}^{2}`] },
        adaptive(at(G, k), at(S, k1)),
      ];
    case 'adam':
      return [
        gradient,
        { lhs: at(M, k1), rhs: [`\\beta_1 ${at(M, k)} + (1 - \\beta_1) ${at(G, k)}`] },
        { lhs: at(V, k1), rhs: [`\\beta_2 ${at(V, k)} + (1 - \\beta_2) ${at(G, k)}^{2}`] },
        { lhs: at(M_HAT, k1), rhs: [`\\frac{${at(M, k1)}}{1 - \\beta_1^{\\,k+1}}`] },
        { lhs: at(V_HAT, k1), rhs: [`\\frac{${at(V, k1)}}{1 - \\beta_2^{\\,k+1}}`] },
        adaptive(at(M_HAT, k1), at(V_HAT, k1)),
      ];
    case 'adagrad':
      return [
        gradient,
        { lhs: at(ACC, k1), rhs: [`${at(ACC, k)} + ${at(G, k)}^{2}`] },
        adaptive(at(G, k), at(ACC, k1)),
      ];
  }
}

/**
 * Where a substituted expression may break between its terms on a narrow screen: just
 * before the next term's + or −. `alignedTex` with `breakChains` starts a row there;
 * everywhere else the mark is removed.
 */
const TERM = '\u0001';
const TERMS = /\s*\u0001/g;

/**
 * The rule with the numbers of one update in place of its symbols, and the results.
 * Vectors are columns; in one dimension (x of length 1) they are plain numbers, a
 * product is written with a dot and a negative number after an operator is
 * parenthesised: x_1 = 2.00 - 0.3 \\cdot 4.00 = 0.800.
 */
export function substitutedUpdateRule(
  name: OptimizerName,
  options: OptimizerOptions,
  q: UpdateQuantities,
  format: SubstitutionFormat = {},
): RuleLine[] {
  const { lr, beta, beta1, beta2, eps, ema } = resolveOptimizerOptions(options);
  const digits = format.digits ?? DEFAULT_DIGITS;
  const { tex: texNumber, texFactor } = format.numbers ?? numbersFor('en');
  const maxRows = format.maxRows ?? DEFAULT_MAX_ROWS;
  if (!Number.isInteger(q.k) || q.k < 0) throw new RangeError(`k must be an integer >= 0, got ${q.k}`);
  const n = q.x.length;
  const k = q.k;
  const k1 = q.k + 1;
  const { x: X, lookAhead: LOOK_AHEAD, v: V, m: M, s: S, acc: ACC, mHat: M_HAT, vHat: V_HAT } = symbolsOf(n);
  const scalar = n === 1;

  /** Entry i of a vector, 0 where the state has none yet. */
  const entry = (v: ArrayLike<number> | null | undefined, i: number) => (v && i < v.length ? v[i] : 0);
  /** A vector as a column; in one dimension its only entry. */
  const column = (cell: (i: number) => string, rowGap?: string) => (scalar ? cell(0) : texColumn(n, cell, maxRows, rowGap));
  const numbers = (v: ArrayLike<number> | null | undefined) => column((i) => texNumber(entry(v, i), digits));
  const computed = (value: (i: number) => number) => column((i) => texNumber(value(i), digits));
  const squares = (v: ArrayLike<number>) => column((i) => `${texFactor(entry(v, i), digits)}^{2}`);
  /** A vector after an operator: a column as it is; a negative number in parentheses. */
  const operand = (term: string) => (scalar && term.startsWith('-') ? `(${term})` : term);
  /** coefficient times a vector: juxtaposed with a column, with a dot between numbers. */
  const times = (coefficient: string, term: string) => (scalar ? `${coefficient} \\cdot ${operand(term)}` : `${coefficient}${term}`);
  // A setting is shown as given: 0.001, 0.9, 10^{-8} (up to 6 significant digits).
  const setting = (v: number) => texNumber(v, 6, { trimZeros: true });
  const quotients = (num: (i: number) => number, den: (i: number) => number) =>
    column((i) => `\\dfrac{${texNumber(num(i), digits)}}{\\sqrt{${texNumber(den(i), digits)}} + ${setting(eps)}}`, QUOTIENT_ROW_GAP);

  // x_k and x_{k+1} entry by entry with as many digits as it takes to tell them apart.
  const xDigits = Array.from({ length: n }, (_, i) => distinguishingDigits(entry(q.x, i), entry(q.next, i), digits));
  const x = column((i) => texNumber(entry(q.x, i), xDigits[i]));
  const g = numbers(q.gradient);
  const next = { lhs: at(X, k1), result: column((i) => texNumber(entry(q.next, i), xDigits[i])) };
  const line = (lhs: string, expression: string, result: string): RuleLine => ({ lhs, rhs: [expression, result] });
  const descent = (direction: string) => line(next.lhs, `${x} ${TERM}- ${times(setting(lr), direction)}`, next.result);

  switch (name) {
    case 'gd':
      return [descent(g)];
    case 'momentum': {
      const v0 = numbers(q.before.velocity);
      const v1 = numbers(q.after.velocity);
      return ema
        ? [line(at(V, k1), `${times(setting(beta), v0)} ${TERM}+ ${times(setting(averageWeight(beta)), g)}`, v1), descent(v1)]
        : [
            line(at(V, k1), `${times(setting(beta), v0)} ${TERM}- ${times(setting(lr), g)}`, v1),
            line(next.lhs, `${x} ${TERM}+ ${operand(v1)}`, next.result),
          ];
    }
    case 'nesterov': {
      const v0 = numbers(q.before.velocity);
      const v1 = numbers(q.after.velocity);
      // The look-ahead x_k + beta v_k is the point the run took the gradient at.
      const ahead = numbers(q.gradientAt);
      return [
        line(at(LOOK_AHEAD, k), `${x} ${TERM}+ ${times(setting(beta), v0)}`, ahead),
        line(at(V, k1), `${times(setting(beta), v0)} ${TERM}- ${times(setting(lr), g)}`, v1),
        line(next.lhs, `${x} ${TERM}+ ${operand(v1)}`, next.result),
      ];
    }
    case 'rmsprop': {
      const s1 = q.after.secondMoment;
      return [
        line(at(S, k1), `${times(setting(beta), numbers(q.before.secondMoment))} ${TERM}+ ${times(setting(averageWeight(beta)), squares(q.gradient))}`, numbers(s1)),
        descent(quotients((i) => entry(q.gradient, i), (i) => entry(s1, i))),
      ];
    }
    case 'adam': {
      const m1 = q.after.firstMoment;
      const v1 = q.after.secondMoment;
      // The core's bias correction: mhat = m / (1 - beta1^t), vhat = v / (1 - beta2^t), t = k + 1.
      const corrected = biasCorrectedMoments({ beta1, beta2 }, q);
      const mHat = (i: number) => corrected.firstMoment[i];
      const vHat = (i: number) => corrected.secondMoment[i];
      return [
        line(at(M, k1), `${times(setting(beta1), numbers(q.before.firstMoment))} ${TERM}+ ${times(setting(averageWeight(beta1)), g)}`, numbers(m1)),
        line(at(V, k1), `${times(setting(beta2), numbers(q.before.secondMoment))} ${TERM}+ ${times(setting(averageWeight(beta2)), squares(q.gradient))}`, numbers(v1)),
        // 1/(1 - beta^t) times the vector: a matrix as a numerator would make the row twice as tall.
        line(at(M_HAT, k1), times(`\\frac{1}{1 - ${setting(beta1)}^{${k1}}}`, numbers(m1)), computed(mHat)),
        line(at(V_HAT, k1), times(`\\frac{1}{1 - ${setting(beta2)}^{${k1}}}`, numbers(v1)), computed(vHat)),
        descent(quotients(mHat, vHat)),
      ];
    }
    case 'adagrad': {
      const acc1 = q.after.secondMoment;
      return [
        line(at(ACC, k1), `${numbers(q.before.secondMoment)} ${TERM}+ ${operand(squares(q.gradient))}`, numbers(acc1)),
        descent(quotients((i) => entry(q.gradient, i), (i) => entry(acc1, i))),
      ];
    }
  }
}

/** One line as TeX: `lhs = a = b`. */
export function lineTex(line: RuleLine): string {
  return `${line.lhs} = ${line.rhs.join(' = ')}`.replace(TERMS, ' ');
}

export interface AlignedOptions {
  /**
   * Put every `= ...` of a line on its own row (narrow screens), and every term of a
   * substituted sum too, instead of the whole chain on one row. Default false.
   */
  breakChains?: boolean;
}

/** Several lines aligned at their first '=': `\begin{aligned}lhs &= a = b\\...\end{aligned}`. */
export function alignedTex(lines: readonly RuleLine[], options: AlignedOptions = {}): string {
  const rows = lines.flatMap((line) =>
    options.breakChains
      ? line.rhs.flatMap((rhs, j) => {
          // Each term of a long sum on a row of its own, indented under the first.
          const [first, ...rest] = rhs.split(TERMS);
          return [`${j === 0 ? line.lhs : ''} &= ${first}`, ...rest.map((term) => `&\\qquad ${term.trim()}`)];
        })
      : [`${line.lhs} &= ${line.rhs.join(' = ').replace(TERMS, ' ')}`],
  );
  return `\\begin{aligned}${rows.join('\\\\[0.4em]')}\\end{aligned}`;
}
