/** `<gd-explorer>`'s contract: one optimizer on a 2-D surface, named or typed. */
import * as c from './common.js';
import type { ElementSpec } from './types.js';

const attributes = c.descentAttributes();

export const GD_EXPLORER = {
  tag: 'gd-explorer',
  className: 'GdExplorer',
  module: 'src/components/gd-explorer.ts',
  superclass: { name: 'DescentFigure', module: 'src/shared/descent-figure.ts' },
  summary:
    'One optimizer on a 2-D surface, named or typed as an expression: the heatmap and contours, the path with the next step at the current point, readouts, a loss chart and the update formula. Click or tap the plot to choose the start point.',
  shortcodeExamples: [
    '{{< gd-explorer surface="rosenbrock" optimizer="adam" lr="0.02" start="-1.2,1" caption="Adam on *Rosenbrock*" >}}',
  ],
  attributes,
  members: [
    ...c.DESCENT_MEMBERS.map((m) => (m.name === 'position' ? { ...m, type: '[number, number]' } : m)),
  ],
  events: [c.STEP_EVENT, c.STOP_EVENT],
  parts: [
    ...c.FIGURE_PARTS.filter((p) => p.name === 'frame'),
    { name: 'plot', doc: "The contour map's canvas." },
    ...c.FIGURE_PARTS.filter((p) => p.name !== 'frame'),
    { name: 'readouts', doc: 'Iteration, point, f, gradient norm and status.' },
  ],
  cssProperties: [
    { name: '--gd-accent', doc: 'The path and primary buttons.' },
    { name: '--gd-gradient', doc: 'The next-step arrow.' },
    ...c.FIGURE_CSS_PROPERTIES,
  ],
} as const satisfies ElementSpec;
