/**
 * One bar per layer on a logarithmic scale, as SVG: the gradient norms that span ten
 * decades when they vanish. Bars grow up from the bottom of the decade below the smallest
 * value, so the smallest still shows; each decade is a grid line labelled 10^k.
 *
 *   y(v) = bottom - (log10 v - lo) / (hi - lo) * height,   lo = floor(log10 min), hi = ceil(log10 max)
 *
 * A zero, negative or non-finite value has no bar (a dash at the bottom). A second series
 * (the clipped gradient) is drawn as a narrower bar inside the first.
 */
import { html, nothing, svg } from 'lit';
import { powerOfTen } from '../../i18n/numbers.js';

const LEFT = 44;
const RIGHT = 8;
const TOP = 8;
const BOTTOM = 26;
const HEIGHT = 170;
/** At most this many decade labels; more decades share them. */
const MAX_LABELS = 7;

export interface LogBarsView {
  readonly values: readonly number[];
  /** A second, inner bar per layer (the clipped gradient), or null. */
  readonly inner: readonly number[] | null;
  readonly width: number;
  /** Under each bar. */
  readonly names: readonly string[];
  /** The bars' text alternative. */
  readonly label: string;
  /** A bar's tooltip. */
  readonly title: (index: number) => string;
}

/** The decades [lo, hi] that hold every positive finite value (at least one decade). */
export function decadeRange(values: readonly number[]): [number, number] {
  const logs = values.filter((v) => Number.isFinite(v) && v > 0).map(Math.log10);
  if (logs.length === 0) return [-1, 0];
  const lo = Math.floor(Math.min(...logs));
  const hi = Math.max(lo + 1, Math.ceil(Math.max(...logs)));
  return [lo, hi];
}

export function logBars(v: LogBarsView) {
  const [lo, hi] = decadeRange([...v.values, ...(v.inner ?? [])]);
  const plotWidth = Math.max(40, v.width - LEFT - RIGHT);
  const n = v.values.length;
  const slot = plotWidth / Math.max(1, n);
  const barWidth = Math.max(2, Math.min(36, slot * 0.7));
  const y = (value: number) => TOP + HEIGHT - ((Math.log10(value) - lo) / (hi - lo)) * HEIGHT;
  const shows = (value: number) => Number.isFinite(value) && value > 0;
  const every = Math.ceil((hi - lo + 1) / MAX_LABELS);
  const grid = [];
  for (let k = lo; k <= hi; k++) {
    const gy = TOP + HEIGHT - ((k - lo) / (hi - lo)) * HEIGHT;
    grid.push(svg`<line class="grid" x1=${LEFT} x2=${LEFT + plotWidth} y1=${gy} y2=${gy}></line>`);
    if ((k - lo) % every === 0) grid.push(svg`<text class="tick" x=${LEFT - 4} y=${gy} dy="0.35em">${powerOfTen(k)}</text>`);
  }
  const labelEvery = Math.ceil(n / Math.max(1, Math.floor(plotWidth / 22)));
  const bars = v.values.map((value, i) => {
    const cx = LEFT + slot * (i + 0.5);
    const inner = v.inner?.[i];
    return svg`<g class="bar">
      ${shows(value)
        ? svg`<rect class="outer" x=${cx - barWidth / 2} y=${y(value)} width=${barWidth} height=${TOP + HEIGHT - y(value)}></rect>`
        : svg`<line class="none" x1=${cx - barWidth / 2} x2=${cx + barWidth / 2} y1=${TOP + HEIGHT} y2=${TOP + HEIGHT}></line>`}
      ${inner !== undefined && shows(inner)
        ? svg`<rect class="inner" x=${cx - barWidth / 4} y=${y(inner)} width=${barWidth / 2} height=${TOP + HEIGHT - y(inner)}></rect>`
        : nothing}
      ${i % labelEvery === 0 || i === n - 1 ? svg`<text class="name" x=${cx} y=${TOP + HEIGHT + 16}>${v.names[i]}</text>` : nothing}
      <title>${v.title(i)}</title>
    </g>`;
  });
  const height = TOP + HEIGHT + BOTTOM;
  return html`<svg class="bars" width=${v.width} height=${height} viewBox="0 0 ${v.width} ${height}" role="img" aria-label=${v.label}>
    ${grid}${bars}
  </svg>`;
}
