/**
 * The legend of a chart, as HTML beside the canvas: a line swatch (dashed where the
 * series is) and the series' name, in the element's language and fonts.
 */
import { css, html, nothing } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';

export interface LegendEntry {
  readonly label: string;
  /** A CSS colour, e.g. `var(--gd-accent)`. */
  readonly color: string;
  readonly dashed?: boolean;
}

export function chartLegend(entries: readonly LegendEntry[]) {
  if (entries.length < 2) return nothing;
  return html`<ul class="legend">
    ${entries.map(
      (e) =>
        html`<li>
          <span class="swatch ${e.dashed ? 'dashed' : ''}" style=${styleMap({ '--swatch': e.color })}></span>${e.label}
        </li>`,
    )}
  </ul>`;
}

export const legendStyles = css`
  .legend {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: 2px 14px;
    margin: 0;
    padding: 0;
    list-style: none;
    font-size: 0.8rem;
    color: var(--gd-muted);
  }
  .legend li {
    display: inline-flex;
    align-items: center;
    gap: 6px;
  }
  .swatch {
    width: 22px;
    border-top: 3px solid var(--swatch);
  }
  .swatch.dashed {
    border-top-style: dashed;
  }
`;
