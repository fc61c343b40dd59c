/**
 * The colours and font a chart draws its text, grid and tooltips with. A canvas cannot
 * read CSS custom properties, so the element resolves its `--gd-*` properties (e.g. with
 * getComputedStyle) and passes plain colour strings here.
 */
export interface ChartTheme {
  /** Tick labels, axis titles, legend. */
  readonly text: string;
  /** Grid lines and axis borders. */
  readonly grid: string;
  /** A CSS font-family list for all chart text. */
  readonly font: string;
  /** Tick label size in CSS px (axis titles larger in proportion: 12 px beside 11); default 11. */
  readonly fontSize?: number;
  /** True on a dark background: tooltips turn light to stand out. */
  readonly dark: boolean;
}

export const LIGHT_CHART_THEME: ChartTheme = Object.freeze({
  text: '#3a3a3a',
  grid: 'rgba(0, 0, 0, 0.1)',
  font: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  dark: false,
});

export const DARK_CHART_THEME: ChartTheme = Object.freeze({
  text: '#d8d8d8',
  grid: 'rgba(255, 255, 255, 0.14)',
  font: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  dark: true,
});
