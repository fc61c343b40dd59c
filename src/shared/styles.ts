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
