/**
 * The legend of a chart, as HTML beside the canvas: a line swatch (dashed where the
 * series is) and the series' name, in the element's language and fonts.
 *
 * Colours are theme tokens named by class, not inline styles: a page with a strict
 * Content-Security-Policy refuses style attributes.
 */
import { css, html, nothing } from 'lit';

/** The `--gd-*` colour tokens a series may take. */
export type SeriesTone = 'accent' | 'gradient' | 'velocity' | 'series-1' | 'series-2' | 'series-3' | 'series-4' | 'series-5' | 'series-6';

export interface LegendEntry {
  readonly label: string;
  readonly tone: SeriesTone;
  readonly dashed?: boolean;
  /** Said after the label, e.g. "same curve as η = 0.1" for a line drawn over another. */
  readonly note?: string;
}

export function chartLegend(entries: readonly LegendEntry[]) {
  if (entries.length < 2) return nothing;
  return html`<ul class="legend">
    ${entries.map(
      (e) => html`<li><span class="swatch tone-${e.tone} ${e.dashed ? 'dashed' : ''}"></span>${e.label}${e.note ? html` <span class="legend-note">(${e.note})</span>` : nothing}</li>`,
    )}
  </ul>`;
}

export const legendStyles = css`
  .legend {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: 0.167em 1.167em;
    margin: 0;
    padding: 0;
    list-style: none;
    font-size: 0.8em;
    color: var(--gd-muted);
  }
  .legend li {
    display: inline-flex;
    align-items: center;
    gap: 0.5em;
  }
  .swatch {
    width: 1.833em;
    border-top: 3px solid var(--swatch);
  }
  .swatch.dashed {
    border-top-style: dashed;
  }
  .legend-note {
    font-style: italic;
  }
  .tone-accent { --swatch: var(--gd-accent); }
  .tone-gradient { --swatch: var(--gd-gradient); }
  .tone-velocity { --swatch: var(--gd-velocity); }
  .tone-series-1 { --swatch: var(--gd-series-1); }
  .tone-series-2 { --swatch: var(--gd-series-2); }
  .tone-series-3 { --swatch: var(--gd-series-3); }
  .tone-series-4 { --swatch: var(--gd-series-4); }
  .tone-series-5 { --swatch: var(--gd-series-5); }
  .tone-series-6 { --swatch: var(--gd-series-6); }
`;
