/**
 * The named test surfaces of the course, each with its domain, known minima, and an
 * exact analytic gradient written out by hand.
 */
import type { Domain, Surface, Vector } from './types.js';

const { cos, sin, exp, sqrt, PI, E } = Math;
const TAU = 2 * PI;

/** f and its gradient at (x, y): returns [f, df/dx, df/dy] through the out array. */
type Formula = (x: number, y: number, out: Float64Array) => void;

interface SurfaceSpec {
  domain: Domain;
  minima: ReadonlyArray<readonly [number, number]>;
  tex: string;
  /** f alone, for heatmaps. */
  value(x: number, y: number): number;
  /** f and its gradient. */
  formula: Formula;
}

const SPECS = {
  /** f = x^2 + y^2 */
  bowl: {
    domain: { x: [-3, 3], y: [-3, 3] },
    minima: [[0, 0]],
    tex: 'x^{2} + y^{2}',
    value: (x, y) => x * x + y * y,
    formula: (x, y, o) => {
      o[0] = x * x + y * y;
      o[1] = 2 * x;
      o[2] = 2 * y;
    },
  },
  /** f = 0.5 x^2 + 10 y^2: curvature 1 along x and 20 along y, a narrow valley. */
  ravine: {
    domain: { x: [-4, 4], y: [-2, 2] },
    minima: [[0, 0]],
    tex: '0.5\\,x^{2} + 10\\,y^{2}',
    value: (x, y) => 0.5 * x * x + 10 * y * y,
    formula: (x, y, o) => {
      o[0] = 0.5 * x * x + 10 * y * y;
      o[1] = x;
      o[2] = 20 * y;
    },
  },
  /** f = (1 - x)^2 + 100 (y - x^2)^2; df/dx = -2(1 - x) - 400 x (y - x^2), df/dy = 200 (y - x^2) */
  rosenbrock: {
    domain: { x: [-2, 2], y: [-1, 3] },
    minima: [[1, 1]],
    tex: '(1 - x)^{2} + 100\\,(y - x^{2})^{2}',
    value: (x, y) => {
      const a = 1 - x;
      const b = y - x * x;
      return a * a + 100 * b * b;
    },
    formula: (x, y, o) => {
      const a = 1 - x;
      const b = y - x * x;
      o[0] = a * a + 100 * b * b;
      o[1] = -2 * a - 400 * x * b;
      o[2] = 200 * b;
    },
  },
  /** f = (x^2 + y - 11)^2 + (x + y^2 - 7)^2; four minima, all with f = 0. */
  himmelblau: {
    domain: { x: [-5, 5], y: [-5, 5] },
    minima: [
      [3, 2],
      [-2.805118086952745, 3.131312518250573],
      [-3.779310253377747, -3.283185991286170],
      [3.584428340330492, -1.848126526964404],
    ],
    tex: '(x^{2} + y - 11)^{2} + (x + y^{2} - 7)^{2}',
    value: (x, y) => {
      const a = x * x + y - 11;
      const b = x + y * y - 7;
      return a * a + b * b;
    },
    formula: (x, y, o) => {
      const a = x * x + y - 11;
      const b = x + y * y - 7;
      o[0] = a * a + b * b;
      o[1] = 4 * x * a + 2 * b;
      o[2] = 2 * a + 4 * y * b;
    },
  },
  /** f = (1.5 - x + xy)^2 + (2.25 - x + xy^2)^2 + (2.625 - x + xy^3)^2 */
  beale: {
    domain: { x: [-4.5, 4.5], y: [-4.5, 4.5] },
    minima: [[3, 0.5]],
    tex: '(1.5 - x + xy)^{2} + (2.25 - x + xy^{2})^{2} + (2.625 - x + xy^{3})^{2}',
    value: (x, y) => {
      const a = 1.5 - x + x * y;
      const b = 2.25 - x + x * y * y;
      const c = 2.625 - x + x * y * y * y;
      return a * a + b * b + c * c;
    },
    formula: (x, y, o) => {
      const y2 = y * y;
      const y3 = y2 * y;
      const a = 1.5 - x + x * y;
      const b = 2.25 - x + x * y2;
      const c = 2.625 - x + x * y3;
      o[0] = a * a + b * b + c * c;
      o[1] = 2 * a * (y - 1) + 2 * b * (y2 - 1) + 2 * c * (y3 - 1);
      o[2] = 2 * a * x + 4 * b * x * y + 6 * c * x * y2;
    },
  },
  /** f = (x + 2y - 7)^2 + (2x + y - 5)^2 */
  booth: {
    domain: { x: [-10, 10], y: [-10, 10] },
    minima: [[1, 3]],
    tex: '(x + 2y - 7)^{2} + (2x + y - 5)^{2}',
    value: (x, y) => {
      const a = x + 2 * y - 7;
      const b = 2 * x + y - 5;
      return a * a + b * b;
    },
    formula: (x, y, o) => {
      const a = x + 2 * y - 7;
      const b = 2 * x + y - 5;
      o[0] = a * a + b * b;
      o[1] = 2 * a + 4 * b;
      o[2] = 4 * a + 2 * b;
    },
  },
  /** f = 20 + x^2 - 10 cos(2 pi x) + y^2 - 10 cos(2 pi y); df/dx = 2x + 20 pi sin(2 pi x) */
  rastrigin: {
    domain: { x: [-5.12, 5.12], y: [-5.12, 5.12] },
    minima: [[0, 0]],
    tex: '20 + x^{2} - 10\\cos(2\\pi x) + y^{2} - 10\\cos(2\\pi y)',
    value: (x, y) => 20 + x * x - 10 * cos(TAU * x) + y * y - 10 * cos(TAU * y),
    formula: (x, y, o) => {
      o[0] = 20 + x * x - 10 * cos(TAU * x) + y * y - 10 * cos(TAU * y);
      o[1] = 2 * x + 10 * TAU * sin(TAU * x);
      o[2] = 2 * y + 10 * TAU * sin(TAU * y);
    },
  },
  /** f = x^2 - y^2: a saddle point at the origin and no minimum. */
  saddle: {
    domain: { x: [-2, 2], y: [-2, 2] },
    minima: [],
    tex: 'x^{2} - y^{2}',
    value: (x, y) => x * x - y * y,
    formula: (x, y, o) => {
      o[0] = x * x - y * y;
      o[1] = 2 * x;
      o[2] = -2 * y;
    },
  },
  /**
   * f = A x^2 + xy + B y^2 with A = 4 - 2.1x^2 + x^4/3 and B = -4 + 4y^2; two global minima.
   * The gradient is summed term by term as the chain rule gives it,
   *   df/dx = y + 2x A + (x^2 / 3) 4x^3 - 2.1 x^2 2x,   df/dy = 2y B + 4y^2 2y + x,
   * not simplified: near the minima the gradient is tiny and adaptive rules divide by it,
   * so rounding decides the path and this order is autograd's.
   */
  'six-hump-camel': {
    domain: { x: [-3, 3], y: [-2, 2] },
    minima: [
      [0.08984201368301331, -0.7126564032704135],
      [-0.08984201368301331, 0.7126564032704135],
    ],
    tex: '\\left(4 - 2.1x^{2} + \\tfrac{x^{4}}{3}\\right)x^{2} + xy + (-4 + 4y^{2})\\,y^{2}',
    value: (x, y) => {
      const x2 = x * x;
      const y2 = y * y;
      return (4 - 2.1 * x2 + x ** 4 / 3) * x2 + x * y + (-4 + 4 * y2) * y2;
    },
    formula: (x, y, o) => {
      const x2 = x * x;
      const y2 = y * y;
      const a = 4 - 2.1 * x2 + x ** 4 / 3;
      const b = -4 + 4 * y2;
      o[0] = a * x2 + x * y + b * y2;
      o[1] = y + a * (2 * x) + (x2 / 3) * (4 * (x * x * x)) + -x2 * 2.1 * (2 * x);
      o[2] = b * (2 * y) + 4 * y2 * (2 * y) + x;
    },
  },
  /**
   * f = -20 exp(-0.2 r) - exp(0.5 (cos 2 pi x + cos 2 pi y)) + e + 20, r = sqrt(0.5 (x^2 + y^2)).
   * df/dx = 2 exp(-0.2 r) x / r + pi sin(2 pi x) exp(0.5 (cos 2 pi x + cos 2 pi y)).
   * At the origin r = 0 and the first term has no derivative; its limit along any line is
   * bounded and symmetric, so the gradient there is taken as 0 (the minimum).
   */
  ackley: {
    domain: { x: [-5, 5], y: [-5, 5] },
    minima: [[0, 0]],
    tex: '-20\\,e^{-0.2\\sqrt{0.5(x^{2} + y^{2})}} - e^{0.5(\\cos 2\\pi x + \\cos 2\\pi y)} + e + 20',
    value: (x, y) =>
      -20 * exp(-0.2 * sqrt(0.5 * (x * x + y * y))) - exp(0.5 * (cos(TAU * x) + cos(TAU * y))) + E + 20,
    formula: (x, y, o) => {
      const r = sqrt(0.5 * (x * x + y * y));
      const a = exp(-0.2 * r);
      const b = exp(0.5 * (cos(TAU * x) + cos(TAU * y)));
      o[0] = -20 * a - b + E + 20;
      const radial = r > 0 ? (2 * a) / r : 0;
      o[1] = radial * x + PI * sin(TAU * x) * b;
      o[2] = radial * y + PI * sin(TAU * y) * b;
    },
  },
} satisfies Record<string, SurfaceSpec>;

export type SurfaceName = keyof typeof SPECS;

/** The named surfaces, in the order the design lists them. */
export const SURFACE_NAMES: readonly SurfaceName[] = Object.freeze(Object.keys(SPECS) as SurfaceName[]);

/** True for one of SURFACE_NAMES. */
export function isSurfaceName(name: string): name is SurfaceName {
  return Object.prototype.hasOwnProperty.call(SPECS, name);
}

class NamedSurface implements Surface {
  readonly dim = 2;
  private readonly out = new Float64Array(3);

  constructor(
    readonly name: SurfaceName,
    private readonly spec: SurfaceSpec,
  ) {}

  get domain(): Domain {
    return this.spec.domain;
  }
  get minima(): ReadonlyArray<readonly [number, number]> {
    return this.spec.minima;
  }
  get tex(): string {
    return this.spec.tex;
  }

  evaluate(x: Vector, grad: Vector): number {
    const o = this.out;
    this.spec.formula(x[0], x[1], o);
    grad[0] = o[1];
    grad[1] = o[2];
    return o[0];
  }

  value(x: number, y: number): number {
    return this.spec.value(x, y);
  }
}

/** The named surface. Throws a RangeError naming the choices on an unknown name. */
export function getSurface(name: string): Surface {
  if (!isSurfaceName(name)) {
    throw new RangeError(`unknown surface '${name}' (one of ${SURFACE_NAMES.join(', ')})`);
  }
  return new NamedSurface(name, SPECS[name]);
}
