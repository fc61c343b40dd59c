/**
 * The network drawn as layers of units joined by their weights: an SVG that Lit renders,
 * so a click on a weight or a unit is an ordinary event.
 *
 * - Layer l is a column at x_l, its n_l units spread evenly down it; column 0 is the
 *   inputs, the last the outputs.
 * - The weight w^(l)_ij joins unit j of layer l-1 to unit i of layer l. Its colour is its
 *   value's sign (--gd-positive, --gd-negative), its thickness its size relative to the
 *   largest shown, so the reader sees which connections matter. During the backward
 *   pass the edges show the gradient dl/dw instead, on the same scale rule.
 * - A unit shows a number when the figure gives one (its activation a in the forward
 *   pass, its delta in the backward pass), tinted by sign, written inside when it fits.
 * - Clicking a weight picks it (`select(index of the weight in the flat parameters)`);
 *   clicking a unit picks its bias. The pick is drawn over everything, outlined.
 */
import { svg, html, nothing } from 'lit';
import { biasIndex, weightIndex, type NetworkSpec } from '../../core/index.js';
import type { Numbers } from '../../i18n/numbers.js';

/** CSS px. */
const MARGIN_X = 26;
const MARGIN_Y = 22;
const LABEL_ROOM = 20;
const MAX_GAP_Y = 46;
const MAX_RADIUS = 17;
/** Units at least this large write their number inside. */
const NUMBER_RADIUS = 14;
const MAX_EDGE_WIDTH = 5;
const MIN_EDGE_WIDTH = 0.6;

export interface DiagramLayout {
  readonly width: number;
  readonly height: number;
  readonly radius: number;
  /** Unit i of layer l is at (x[l], y[l][i]). */
  readonly x: readonly number[];
  readonly y: readonly (readonly number[])[];
}

/** Where each unit goes in a drawing `width` CSS px wide. */
export function diagramLayout(sizes: readonly number[], width: number): DiagramLayout {
  const columns = sizes.length;
  const widest = Math.max(...sizes);
  const gapX = (width - 2 * MARGIN_X) / Math.max(1, columns - 1);
  const gapY = Math.min(MAX_GAP_Y, Math.max(22, gapX * 0.9));
  const radius = Math.max(5, Math.min(MAX_RADIUS, gapY * 0.36, gapX * 0.22));
  const inner = (widest - 1) * gapY;
  const height = Math.round(inner + 2 * MARGIN_Y + LABEL_ROOM);
  const x = sizes.map((_, l) => MARGIN_X + l * gapX);
  const y = sizes.map((n) => Array.from({ length: n }, (_, i) => MARGIN_Y + (inner - (n - 1) * gapY) / 2 + i * gapY));
  return { width, height, radius, x, y };
}

export interface DiagramView {
  readonly spec: NetworkSpec;
  readonly width: number;
  /** What each edge shows, one per flat parameter (weights and gradients alike). */
  readonly edgeValues: ArrayLike<number>;
  /** Per layer, one number per unit (a or delta), or null for bare units. */
  readonly unitValues: readonly ArrayLike<number>[] | null;
  /** The picked parameter (a weight or a bias). */
  readonly selected: number;
  readonly numbers: Numbers;
  /** Under each column: "x", "h¹", ..., "ŷ". */
  readonly columnNames: readonly string[];
  /** Names a weight or bias in the tooltips: "w⁽¹⁾₁,₂ (weight from ...)". */
  readonly parameterName: (index: number) => string;
  /** The edges (and the units' tooltips) show gradients dl/dw, not the parameters. */
  readonly gradients: boolean;
  select(index: number): void;
}

/** The largest |value| among the weights (not biases) of `values`, at least a tiny number. */
function largestWeight(spec: NetworkSpec, values: ArrayLike<number>): number {
  let m = 1e-12;
  for (let l = 1; l < spec.sizes.length; l++) {
    for (let i = 0; i < spec.sizes[l]; i++) {
      for (let j = 0; j < spec.sizes[l - 1]; j++) {
        const v = Math.abs(values[weightIndex(spec, l, i, j)]);
        if (Number.isFinite(v) && v > m) m = v;
      }
    }
  }
  return m;
}

const signClass = (v: number) => (!Number.isFinite(v) || v === 0 ? 'zero' : v > 0 ? 'positive' : 'negative');

/** A tooltip: "w⁽¹⁾₁,₂ (...) = 0.31", or "∂ℓ/∂w⁽¹⁾₁,₂ (...) = −0.02" while the edges show gradients. */
function valueTitle(v: DiagramView, index: number): string {
  return `${v.gradients ? '∂ℓ/∂' : ''}${v.parameterName(index)} = ${v.numbers.text(v.edgeValues[index])}`;
}

/** Text px per character of a number, about, at 1 px of font size. */
const CHARACTER_WIDTH = 0.6;
/** Largest font size of a unit's number, px. */
const UNIT_FONT = 11;

/** A unit's number, in a font small enough for its characters to fit the circle. */
function unitNumber(text: string, cx: number, cy: number, r: number) {
  const size = Math.min(UNIT_FONT, (2 * r - 3) / (text.length * CHARACTER_WIDTH));
  return svg`<text x=${cx} y=${cy} dy="0.35em" font-size=${size.toFixed(1)}>${text}</text>`;
}

/** The network drawing (see the module comment). */
export function networkDiagram(v: DiagramView) {
  const { spec } = v;
  const layout = diagramLayout(spec.sizes, v.width);
  const scale = largestWeight(spec, v.edgeValues);
  const r = layout.radius;
  const edges: unknown[] = [];
  let picked: unknown = nothing;
  for (let l = 1; l < spec.sizes.length; l++) {
    for (let i = 0; i < spec.sizes[l]; i++) {
      for (let j = 0; j < spec.sizes[l - 1]; j++) {
        const index = weightIndex(spec, l, i, j);
        const value = v.edgeValues[index];
        const size = Number.isFinite(value) ? Math.abs(value) / scale : 1;
        const width = MIN_EDGE_WIDTH + (MAX_EDGE_WIDTH - MIN_EDGE_WIDTH) * Math.min(1, size);
        const [x1, y1, x2, y2] = [layout.x[l - 1] + r, layout.y[l - 1][j], layout.x[l] - r, layout.y[l][i]];
        const line = svg`<g class="edge ${signClass(value)}" data-index=${index}>
          <line class="hit" x1=${x1} y1=${y1} x2=${x2} y2=${y2}></line>
          <line class="stroke" x1=${x1} y1=${y1} x2=${x2} y2=${y2} stroke-width=${width.toFixed(2)}></line>
          <title>${valueTitle(v, index)}</title>
        </g>`;
        edges.push(line);
        if (index === v.selected) {
          picked = svg`<g class="edge picked ${signClass(value)}" data-index=${index}>
            <line class="halo" x1=${x1} y1=${y1} x2=${x2} y2=${y2} stroke-width=${(width + 5).toFixed(2)}></line>
            <line class="stroke" x1=${x1} y1=${y1} x2=${x2} y2=${y2} stroke-width=${width.toFixed(2)}></line>
          </g>`;
        }
      }
    }
  }
  const units = spec.sizes.map((n, l) =>
    Array.from({ length: n }, (_, i) => {
      const value = v.unitValues?.[l]?.[i];
      const shown = value !== undefined;
      const bias = l > 0 ? biasIndex(spec, l, i) : -1;
      const cx = layout.x[l];
      const cy = layout.y[l][i];
      const tone = shown ? signClass(value) : 'bare';
      return svg`<g class="unit ${tone} ${bias === v.selected ? 'picked' : ''} ${l === 0 ? 'input' : ''}" data-index=${bias}>
        <circle cx=${cx} cy=${cy} r=${r}></circle>
        ${shown && r >= NUMBER_RADIUS ? unitNumber(v.numbers.text(value, 2), cx, cy, r) : nothing}
        <title>${l > 0 ? valueTitle(v, bias) : v.columnNames[0]}${shown ? ` · ${v.numbers.text(value)}` : ''}</title>
      </g>`;
    }),
  );
  const names = spec.sizes.map((_, l) => svg`<text class="column" x=${layout.x[l]} y=${layout.height - 6}>${v.columnNames[l]}</text>`);
  const onClick = (e: Event) => {
    const target = (e.target as Element).closest('[data-index]');
    const index = Number(target?.getAttribute('data-index'));
    if (Number.isInteger(index) && index >= 0) v.select(index);
  };
  return html`<svg class="diagram" width=${layout.width} height=${layout.height} viewBox="0 0 ${layout.width} ${layout.height}" @click=${onClick} aria-hidden="true">
    <g class="edges">${edges}</g>
    ${picked}
    <g class="units">${units}</g>
    <g class="names">${names}</g>
  </svg>`;
}
