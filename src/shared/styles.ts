/**
 * Styles every element shares: the frame, buttons, sliders, selects, readouts, notes and
 * the copy panel. Colours come from the `--gd-*` tokens (theme/theme.ts).
 */
import { css } from 'lit';

export const frameStyles = css`
  :host {
    display: block;
    container-type: inline-size;
    font-family: var(--gd-font);
    font-size: 15px;
    line-height: 1.4;
    color: var(--gd-text);
    margin: 1.5rem 0;
  }
  :host([hidden]) {
    display: none;
  }
  * {
    box-sizing: border-box;
  }
  .frame {
    background: var(--gd-bg);
    border: 1px solid var(--gd-border);
    border-radius: var(--gd-radius);
    padding: 12px;
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 12px;
  }
  .frame > * {
    min-width: 0;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .title {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: 4px 12px;
  }
  .title h2 {
    font-size: 1rem;
    font-weight: 650;
    margin: 0;
  }
  .title .subtitle {
    color: var(--gd-muted);
    font-size: 0.85rem;
  }
`;

export const controlStyles = css`
  button,
  select,
  input {
    font: inherit;
    color: inherit;
  }
  button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 6px;
    min-height: 36px;
    min-width: 44px;
    padding: 6px 12px;
    border-radius: 8px;
    border: 1px solid var(--gd-border);
    background: var(--gd-panel);
    cursor: pointer;
    font-size: 0.9rem;
    touch-action: manipulation;
  }
  button:hover {
    border-color: var(--gd-muted);
  }
  button.primary {
    background: var(--gd-accent);
    border-color: var(--gd-accent);
    color: var(--gd-accent-text);
    font-weight: 600;
    min-width: 96px;
  }
  button:disabled {
    opacity: 0.5;
    cursor: default;
  }
  :focus-visible {
    outline: 2px solid var(--gd-focus);
    outline-offset: 2px;
  }
  select,
  input[type='number'],
  input[type='text'] {
    min-height: 36px;
    border-radius: 8px;
    border: 1px solid var(--gd-border);
    background: var(--gd-bg);
    padding: 4px 8px;
    font-size: 0.9rem;
    min-width: 0;
  }
  input[type='range'] {
    accent-color: var(--gd-accent);
    width: 100%;
    min-width: 0;
    margin: 0;
    height: 28px;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    align-items: center;
  }
  .toolbar .spacer {
    flex: 1;
  }
  .field {
    display: grid;
    gap: 2px;
    min-width: 0;
  }
  .field > label,
  .field > .label {
    font-size: 0.8rem;
    color: var(--gd-muted);
    display: flex;
    justify-content: space-between;
    gap: 8px;
  }
  .field select {
    width: 100%;
  }
  .field output {
    font-variant-numeric: tabular-nums;
    color: var(--gd-text);
    font-family: var(--gd-mono);
    font-size: 0.8rem;
  }
  .slider-row {
    display: grid;
    grid-template-columns: 1fr 6.5em;
    gap: 8px;
    align-items: center;
  }
  .settings {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(180px, 1fr));
    gap: 10px 16px;
    padding: 10px;
    background: var(--gd-panel);
    border-radius: 8px;
  }
  @container (min-width: 560px) {
    .settings .field.wide {
      grid-column: span 2;
    }
  }
  .checkbox {
    display: flex;
    gap: 8px;
    align-items: center;
    font-size: 0.85rem;
    min-height: 36px;
  }
  .checkbox input {
    accent-color: var(--gd-accent);
    width: 18px;
    height: 18px;
  }
  .readouts {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(110px, 1fr));
    gap: 6px 12px;
    margin: 0;
  }
  .readouts div {
    min-width: 0;
  }
  .readouts dt {
    font-size: 0.75rem;
    color: var(--gd-muted);
  }
  .readouts dd {
    margin: 0;
    font-family: var(--gd-mono);
    font-variant-numeric: tabular-nums;
    font-size: 0.9rem;
    overflow-wrap: anywhere;
  }
  .status-converged {
    color: var(--gd-good);
  }
  .status-diverged {
    color: var(--gd-bad);
  }
  .status-max-steps {
    color: var(--gd-warn);
  }
  .notes {
    margin: 0;
    padding: 8px 12px 8px 28px;
    border-radius: 8px;
    border: 1px solid var(--gd-warn);
    color: var(--gd-text);
    font-size: 0.85rem;
  }
  .notes:empty {
    display: none;
  }
  .message {
    margin: 0;
    font-size: 0.9rem;
  }
  .hint {
    margin: 0;
    font-size: 0.8rem;
    color: var(--gd-muted);
  }
  .copy-text {
    width: 100%;
    font-family: var(--gd-mono);
    font-size: 0.8rem;
    min-height: 3.5em;
    border-radius: 8px;
    border: 1px solid var(--gd-border);
    background: var(--gd-panel);
    color: var(--gd-text);
    padding: 6px;
  }
`;

/** The parts of a figure with a plot: the plot and its key, the side column, chart, formula. */
export const figureStyles = css`
  /* Every grid here has columns that may shrink below their content (minmax(0, ...)):
     a wide formula or table scrolls inside its box instead of widening the figure. */
  .figure,
  .side,
  .rules,
  .lane {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 12px;
  }
  .plot-box {
    position: relative;
    width: 100%;
    min-width: 0;
  }
  canvas.plot {
    display: block;
    /* Taps and sideways drags set the start; vertical swipes still scroll the page. */
    touch-action: pan-y pinch-zoom;
    cursor: crosshair;
    user-select: none;
    border-radius: 6px;
  }
  .plot-key {
    display: flex;
    flex-wrap: wrap;
    gap: 2px 14px;
    margin: 6px 0 0;
    padding: 0;
    list-style: none;
    font-size: 0.78rem;
    color: var(--gd-muted);
  }
  .plot-key li {
    display: inline-flex;
    align-items: center;
    gap: 5px;
  }
  .mark {
    display: inline-block;
    width: 10px;
    height: 10px;
    border-radius: 50%;
    text-align: center;
    line-height: 10px;
  }
  .mark.start {
    border: 2px solid var(--gd-muted);
  }
  .mark.point {
    background: var(--gd-accent);
  }
  .mark.arrow {
    width: auto;
    color: var(--gd-gradient);
    font-weight: 700;
  }
  .readouts .wide {
    grid-column: span 2;
  }
  .side {
    gap: 10px;
  }
  .chart-box {
    position: relative;
    height: 190px;
    min-width: 0;
  }
  .formula {
    overflow-x: auto;
    overflow-y: hidden;
    padding: 4px 8px;
    background: var(--gd-panel);
    border-radius: 8px;
    font-size: 0.95rem;
    min-height: 3.2em;
    contain: content;
  }
  .formula .katex-display {
    margin: 0.4em 0;
  }
  .expression-error {
    margin: 0;
    padding: 6px 10px;
    font-family: var(--gd-mono);
    font-size: 0.85rem;
    color: var(--gd-bad);
    background: var(--gd-panel);
    border-radius: 8px;
    overflow-x: auto;
  }
  /* Tables scroll sideways inside their box on a phone rather than widen the figure. */
  .table-box {
    overflow-x: auto;
    min-width: 0;
  }
  table {
    border-collapse: collapse;
    width: 100%;
    font-size: 0.85rem;
  }
  th,
  td {
    text-align: left;
    padding: 4px 6px;
    border-bottom: 1px solid var(--gd-border);
  }
  td.number {
    font-family: var(--gd-mono);
    font-variant-numeric: tabular-nums;
  }
  th {
    color: var(--gd-muted);
    font-weight: 600;
  }
  thead th::first-letter {
    text-transform: uppercase;
  }
  .more {
    grid-column: 1 / -1;
  }
  .more summary {
    cursor: pointer;
    font-size: 0.85rem;
    color: var(--gd-muted);
    min-height: 28px;
  }
  .more .settings {
    padding: 8px 0 0;
  }
`;
