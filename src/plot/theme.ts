/**
 * The colours and font the plot needs. The element reads them from its `--gd-*` custom
 * properties (getComputedStyle) and passes them to `SurfacePlot.setTheme`.
 */
export interface PlotTheme {
  /**
   * The page behind the figure. Paths, arrows, points and labels are outlined in it so
   * they read on any heatmap colour (unless `halo` says otherwise).
   */
  readonly background: string;
  /** Axis ticks, tick labels and axis names. */
  readonly text: string;
  /** Contour lines (usually translucent, e.g. 'rgba(255,255,255,0.45)'). */
  readonly contour: string;
  /** A CSS font-family list. */
  readonly fontFamily: string;
  /** True on a dark page: picks the dark heatmap colormap. */
  readonly dark: boolean;
  /** Tick label size in CSS px; default 11. */
  readonly fontSize?: number;
  /** The outline under overlays; default `background`. */
  readonly halo?: string;
  /** Start ring and minima stars; default by `dark`. */
  readonly marker?: string;
}

export const LIGHT_PLOT_THEME: PlotTheme = {
  background: '#ffffff',
  text: '#4a4a52',
  contour: 'rgba(24, 16, 48, 0.32)',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  dark: false,
};

export const DARK_PLOT_THEME: PlotTheme = {
  background: '#121214',
  text: '#b4b4bc',
  contour: 'rgba(0, 0, 0, 0.42)',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  dark: true,
};

/** The overlay outline for a theme: its `halo`, else the page background. */
export function haloOf(theme: PlotTheme): string {
  return theme.halo ?? theme.background;
}

/** The colour of the start ring and minima for a theme. */
export function markerOf(theme: PlotTheme): string {
  return theme.marker ?? (theme.dark ? '#f2f2f2' : '#ffffff');
}

/** Equal when every field of either is equal in the other (themes are flat records). */
export function sameFields(a: object, b: object): boolean {
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(ra), ...Object.keys(rb)]);
  for (const k of keys) if (ra[k] !== rb[k]) return false;
  return true;
}


/** The 2D context of a canvas; throws where the browser has none. */
export function context2d(canvas: HTMLCanvasElement): CanvasRenderingContext2D {
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas context');
  return ctx;
}
