/**
 * The key to a classifier's data plot: each class's marker (its colour and shape, as the
 * data plot draws it) and name, under a title ("Class:", "Species:"). Shared by the
 * figures that plot classes (the batch trainer, the network).
 */
import { css, html } from 'lit';
import { classShape, defaultClassColor, markerPathData } from '../plot/index.js';

export interface ClassKey {
  /** "Class", "Species": the list's name, also shown before it. */
  title: string;
  /** One per class, in class order. */
  names: readonly string[];
  /** The page is dark: the markers take the dark palette, as the plot does. */
  dark: boolean;
  /** A class for each name, e.g. 'species' (italic, for Latin names). */
  nameClass?: string;
}

export function classKey(k: ClassKey) {
  return html`<ul class="plot-key classes" aria-label=${k.title}>
    <li class="key-title" aria-hidden="true">${k.title}:</li>
    ${k.names.map(
      (name, c) => html`<li class="class-name">
        <svg class="marker" viewBox="-6 -6 12 12" aria-hidden="true"><path d=${markerPathData(classShape(c), 4.2)} fill=${defaultClassColor(c, k.dark)}></path></svg
        ><span class=${k.nameClass ?? ''}>${name}</span>
      </li>`,
    )}
  </ul>`;
}

export const classKeyStyles = css`
  .plot-key .marker {
    width: 1.026em;
    height: 1.026em;
    overflow: visible;
  }
  .plot-key .marker path {
    stroke: var(--gd-bg);
    stroke-width: 1;
  }
  .plot-key .key-title {
    color: var(--gd-muted);
  }
  .plot-key .species {
    font-style: italic;
  }
`;
