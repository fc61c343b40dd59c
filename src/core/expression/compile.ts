/**
 * The compiler: the tree becomes closures, built once, with forward-mode automatic
 * differentiation.
 *
 * Every node of the tree becomes two JavaScript closures over its children's:
 *
 *   value(x, y)  returns f at (x, y), nothing else: the path heatmaps take;
 *   dual(x, y)   returns f and leaves (df/dx, df/dy) in the two-number register t.
 *
 * `dual` is forward-mode automatic differentiation with two tangents: each node
 * computes its value r = op(a, b) and its tangent from its operands' tangents by the
 * chain rule,
 *
 *   t_r = (d op / d a) t_a + (d op / d b) t_b,
 *
 * for the tangent directions x and y at once, so one call gives the exact gradient. The
 * local derivatives, with a, b the operands and r the result:
 *
 *   -a: -1            a+b: 1, 1        a-b: 1, -1        a*b: b, a
 *   a/b: 1/b, -r/b    a^k: k a^(k-1)   a^b: b a^(b-1), r ln a
 *   sin: cos a   cos: -sin a   tan: 1 + r^2   exp: r   log: 1/a
 *   sqrt: 1/(2r)   abs: sign(a)   tanh: 1 - r^2
 *
 * Conventions where f is not differentiable, chosen so that optimizers keep going:
 * - abs'(0) = 0, and sqrt'(0) = +Infinity.
 * - Every product in the chain rule treats 0 * anything as 0 (`times` below): a
 *   direction in which an operand does not change contributes nothing, even where the
 *   local derivative is infinite or undefined. So sqrt(x^2 + y^2) has gradient (0, 0)
 *   at the origin, sqrt(x) has (Infinity, 0) at x = 0, and x^y with x < 0 has a NaN
 *   y-derivative but an exact x-derivative.
 * - log, sqrt and non-integer powers of negative numbers are NaN, like Math's; the
 *   core's `descend` reports a non-finite value as divergence.
 *
 * Compiling folds constant subtrees (2 pi, 3^2, sqrt(2)) to numbers, specialises
 * operations with one constant operand (100 (y - x^2)^2 multiplies by 100 and leaves the
 * tangent alone for + 1), and turns a constant exponent into a^k with derivative
 * k a^(k-1), exact for a < 0 too. Closures are fast in V8 and build no code at run
 * time; evaluating allocates nothing. Nothing is ever evaluated as JavaScript: no
 * `eval`, no `Function`.
 */
import type { Vector } from '../types.js';
import type { ExpressionOptions } from './error.js';
import { parseExpression, type ExpressionFunction, type ExpressionNode } from './parser.js';
import { expressionToTex } from './tex.js';

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

/** Negate both tangents: 0 - t, not -t, so that gradients hold no -0. */
function negate(t: Float64Array): void {
  t[0] = 0 - t[0];
  t[1] = 0 - t[1];
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

/** A part that depends on x or y. */
type Live = Extract<Part, { known: false }>;

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
            negate(t);
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
              negate(t);
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
    if (a.known) return this.knownLeft(op, a.value, b as Live);
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
  private knownLeft(op: number, c: number, b: Live): Part {
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
            negate(t);
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
  private knownRight(op: number, a: Live, c: number): Part {
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
