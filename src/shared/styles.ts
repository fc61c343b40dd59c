/**
 * Styles every element shares: the frame, buttons, sliders, selects, readouts, notes and
 * the copy panel. Colours come from the `--gd-*` tokens (theme/theme.ts).
 */
import { css, unsafeCSS } from 'lit';

export const frameStyles = css`
  /*
   * The element's own text, whatever the page around it: every inherited property a
   * theme sets on the figure or article (Stack: html { font-size: 62.5% }; many themes:
   * figure { text-align: center; text-transform: uppercase }) crosses the shadow
   * boundary, so the host starts from every property's initial value (all: initial,
   * which leaves the --gd-* custom properties and direction alone) and sets its own.
   * Sizes inside are in em of this font size (never rem, which is the page's).
   * Left to the page: direction (an rtl page), visibility and pointer events (a page
   * hiding or disabling a section means the figure too). A text decoration set on the
   * figure cannot be undone inside a block (it paints through every in-flow box).
   * theme.ts's tokens come after this block, so its color-scheme stands.
   */
  :host {
    all: initial;
    visibility: inherit;
    pointer-events: inherit;
    display: block;
    container-type: inline-size;
    margin: 1.5em 0;
    color: var(--gd-text);
    font-family: var(--gd-font);
    font-size: var(--gd-font-size, 15px);
    line-height: 1.4;
  }
  :host([hidden]) {
    display: none;
  }
  * {
    box-sizing: border-box;
  }
  /* Until the first render (figure-element.ts): an empty frame of about the figure's size. */
  .placeholder {
    background: var(--gd-bg);
    border: 1px solid var(--gd-border);
    border-radius: var(--gd-radius);
    min-height: var(--wide);
  }
  @container (width < 560px) {
    .placeholder {
      min-height: var(--narrow);
    }
  }
  .frame {
    background: var(--gd-bg);
    border: 1px solid var(--gd-border);
    border-radius: var(--gd-radius);
    padding: 0.8em;
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 0.8em;
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
    gap: 0.27em 0.8em;
  }
  .title h2 {
    font-size: 1em;
    font-weight: 650;
    margin: 0;
  }
  .title .subtitle {
    color: var(--gd-muted);
    font-size: 0.85em;
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
    gap: 0.444em;
    min-height: 2.667em;
    min-width: 3.26em;
    padding: 0.444em 0.889em;
    border-radius: 8px;
    border: 1px solid var(--gd-border);
    background: var(--gd-panel);
    cursor: pointer;
    font-size: 0.9em;
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
    min-width: 7.11em;
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
    min-height: 2.667em;
    border-radius: 8px;
    border: 1px solid var(--gd-border);
    background: var(--gd-bg);
    padding: 0.296em 0.593em;
    font-size: 0.9em;
    min-width: 0;
  }
  input[type='range'] {
    accent-color: var(--gd-accent);
    width: 100%;
    min-width: 0;
    margin: 0;
    height: 1.867em;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: 0.533em;
    align-items: center;
  }
  .field {
    display: grid;
    gap: 0.133em;
    min-width: 0;
  }
  .field > label,
  .field > .label,
  label.field {
    font-size: 0.8em;
    color: var(--gd-muted);
  }
  .field > label,
  .field > .label {
    display: flex;
    justify-content: space-between;
    gap: 0.667em;
  }
  /* A field that is its own label (text, then a select) writes its text like every
     other field's label; the control inside keeps the size of every other control. */
  label.field > select,
  label.field > textarea {
    font-size: 1.125em;
    color: var(--gd-text);
  }
  /* As wide as its field, and never narrower than its longest option when the field
     sizes to its content (min and max, not width: a percentage width would let the
     field's content size ignore the option text). */
  .field select {
    min-width: 100%;
    max-width: 100%;
  }
  .field output {
    font-variant-numeric: tabular-nums;
    color: var(--gd-text);
    font-family: var(--gd-mono);
    font-size: 1em;
  }
  .slider-row {
    display: grid;
    grid-template-columns: 1fr 6.5em;
    gap: 0.533em;
    align-items: center;
  }
  /* Fields wrap onto new rows rather than shrink below their content: a select is never
     narrower than its longest option (which would cut "Descenso del gradiente" short)
     unless the whole column is. */
  .settings {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: 0.667em 1.067em;
    padding: 0.667em;
    background: var(--gd-panel);
    border-radius: 8px;
  }
  /* Each field starts at its content's width (a select: its longest option), so one that
     does not fit goes to the next row instead of shrinking; alone on a row it may shrink. */
  .settings > * {
    flex: 1 1 auto;
    min-width: min(100%, 11em);
  }
  .settings > .field.wide {
    flex-basis: 22em;
  }
  .checkbox {
    display: flex;
    gap: 0.627em;
    align-items: center;
    font-size: 0.85em;
    min-height: 2.824em;
  }
  .checkbox input {
    accent-color: var(--gd-accent);
    width: 1.412em;
    height: 1.412em;
  }
  .readouts {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(7.333em, 1fr));
    gap: 0.4em 0.8em;
    margin: 0;
  }
  .readouts div {
    min-width: 0;
  }
  .readouts dt {
    font-size: 0.75em;
    color: var(--gd-muted);
  }
  .readouts dd {
    margin: 0;
    font-family: var(--gd-mono);
    font-variant-numeric: tabular-nums;
    font-size: 0.9em;
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
    padding: 0.627em 0.941em 0.627em 2.196em;
    border-radius: 8px;
    border: 1px solid var(--gd-warn);
    color: var(--gd-text);
    font-size: 0.85em;
  }
  .notes:empty {
    display: none;
  }
  .message {
    margin: 0;
    font-size: 0.9em;
  }
  .hint {
    margin: 0;
    font-size: 0.8em;
    color: var(--gd-muted);
  }
  /* The author tools: a dashed, labelled box last in the figure, apart from the lesson.
     Its buttons wrap onto new rows on a phone, the label stays on the border. */
  .authoring {
    margin: 0;
    min-width: 0;
    padding: 4px 10px 10px;
    border: 1px dashed var(--gd-border);
    border-radius: 8px;
    display: grid;
    gap: 8px;
  }
  .authoring legend {
    padding: 0 6px;
    font-size: 0.75em;
    font-weight: 600;
    color: var(--gd-muted);
  }
  .authoring-tools {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
  }
  .authoring-tools button {
    font-size: 0.85em;
  }
  .copy-text {
    width: 100%;
    font-family: var(--gd-mono);
    font-size: 0.8em;
    min-height: 3.5em;
    border-radius: 8px;
    border: 1px solid var(--gd-border);
    background: var(--gd-panel);
    color: var(--gd-text);
    padding: 0.5em;
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
    gap: 0.8em;
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
    gap: 0.171em 1.197em;
    margin: 0.513em 0 0;
    padding: 0;
    list-style: none;
    font-size: 0.78em;
    color: var(--gd-muted);
  }
  .plot-key li {
    display: inline-flex;
    align-items: center;
    gap: 0.427em;
  }
  .plot-key li.unused {
    visibility: hidden;
  }
  .mark {
    display: inline-block;
    width: 0.855em;
    height: 0.855em;
    border-radius: 50%;
    text-align: center;
    line-height: 0.855em;
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
    gap: 0.667em;
  }
  .chart-box {
    position: relative;
    height: 12.667em;
    min-width: 0;
  }
  .formula {
    overflow-x: auto;
    overflow-y: hidden;
    animation: gd-scroll-cue linear both;
    animation-timeline: scroll(self inline);
    padding: 0.281em 0.561em;
    background: var(--gd-panel);
    border-radius: 8px;
    font-size: 0.95em;
    min-height: 3.2em;
    contain: content;
  }
  .formula .katex-display {
    margin: 0.4em 0;
  }
  .expression-error {
    margin: 0;
    padding: 0.47em 0.784em;
    font-family: var(--gd-mono);
    font-size: 0.85em;
    color: var(--gd-bad);
    background: var(--gd-panel);
    border-radius: 8px;
    overflow-x: auto;
  }
  /* A table that is still too wide scrolls sideways inside its box (with the scroll
     cue) rather than widen the figure. The box is a container: a table with
     stackedTableStyles reflows below a width of its own column, wherever that column is. */
  .table-box {
    overflow-x: auto;
    min-width: 0;
    container: table-box / inline-size;
    animation: gd-scroll-cue linear both;
    animation-timeline: scroll(self inline);
  }
  /*
   * The scroll cue: a shadow inside the edge where more content is hidden. A scroll-driven
   * animation (no script, no layout reads) runs with the box's own scroll position: at
   * the start only the end edge is shaded, at the end only the start edge. A box that
   * does not overflow has an inactive timeline, so the animation does not apply and no
   * edge is shaded. Browsers without scroll timelines still scroll, without the shadow.
   */
  @keyframes gd-scroll-cue {
    0% {
      box-shadow:
        inset 1.4em 0 1em -1em transparent,
        inset -1.4em 0 1em -1em var(--gd-scroll-cue);
    }
    8%,
    92% {
      box-shadow:
        inset 1.4em 0 1em -1em var(--gd-scroll-cue),
        inset -1.4em 0 1em -1em var(--gd-scroll-cue);
    }
    100% {
      box-shadow:
        inset 1.4em 0 1em -1em var(--gd-scroll-cue),
        inset -1.4em 0 1em -1em transparent;
    }
  }
  :host {
    --gd-scroll-cue: color-mix(in srgb, var(--gd-text) 35%, transparent);
  }
  table {
    border-collapse: collapse;
    width: 100%;
    font-size: 0.85em;
  }
  th,
  td {
    text-align: left;
    padding: 0.314em 0.471em;
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
  .settings > .more {
    flex-basis: 100%;
  }
  .more summary {
    cursor: pointer;
    font-size: 0.85em;
    color: var(--gd-muted);
    min-height: 2.196em;
  }
  .more .settings {
    padding: 0.533em 0 0;
  }
`;

/**
 * A table that reflows when its box is narrower than `width` (a CSS length in em): each
 * row becomes a block, its first cell a heading across it and every other cell a value
 * under its column's name, written from the cell's `data-label` (hidden from screen
 * readers, which read the column headers as before). Give the table the class `stacks`,
 * and the cells a reader looks for first (f, loss) the class `lead`: stacked, they come
 * first after the row's heading.
 */
export function stackedTableStyles(width: string) {
  return css`
    @container table-box (max-width: ${unsafeCSS(width)}) {
      table.stacks,
      table.stacks tbody {
        display: block;
      }
      table.stacks thead {
        position: absolute;
        width: 1px;
        height: 1px;
        overflow: hidden;
        clip-path: inset(50%);
        white-space: nowrap;
      }
      /* Values wrap as words do: none is narrower than its text (3.92×10⁻⁸ is wide). */
      table.stacks tr {
        display: flex;
        flex-wrap: wrap;
        gap: 0 0.941em;
        padding: 0.471em 0;
        border-bottom: 1px solid var(--gd-border);
      }
      table.stacks tr > * {
        display: block;
        flex: 1 1 4.5em;
        padding: 1px 0;
        border: 0;
      }
      table.stacks tr > :first-child {
        flex-basis: 100%;
        order: -2;
        color: var(--gd-text);
      }
      table.stacks tr > .lead {
        order: -1;
      }
      table.stacks td[data-label]::before {
        content: attr(data-label) / '';
        display: block;
        font-family: var(--gd-font);
        font-size: 0.85em;
        color: var(--gd-muted);
      }
    }
  `;
}
