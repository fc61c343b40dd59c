/**
 * The surface plot layer: a canvas heatmap with contour lines, axes and optimizer
 * overlays, the pure maths under it, and the input that maps pointer and keys to points.
 */
export { CanvasPlot } from './canvas-plot.js';
export { SurfacePlot } from './surface-plot.js';
export type { PlotFrame, PlotScene, SceneArrow, SceneLabel, ScenePath, ScenePoint } from './surface-plot.js';
export { DARK_PLOT_THEME, LIGHT_PLOT_THEME, haloOf, markerOf } from './theme.js';
export type { PlotTheme } from './theme.js';
export { PlotInput, arrowKeyStep, KEY_STEP, KEY_STEP_LARGE } from './plot-input.js';
export type { PickInfo, PlotCoordinates, PlotInputHandlers } from './plot-input.js';
export { drawArrow, drawLabel, drawPath, drawPoint } from './overlays.js';
export type { ArrowDrawn, ArrowStyle, LabelStyle, PathStyle, PlotPoint, PointShape, PointStyle } from './overlays.js';
export { DEFAULT_TICK_SPACING, drawAxes, drawContours, drawHeatmap, yTickLabels } from './background.js';
export type { AxesStyle, ContourStyle } from './background.js';
export {
  DEFAULT_MARGINS,
  clampToDomain,
  heightForWidth,
  plotRect,
  plotTransform,
} from './transform.js';
export type { Margins, PlotTransform, Rect } from './transform.js';
export { niceTicks, tickCountFor, tickStep } from './ticks.js';
export { finiteExtent, gridX, gridY, sampleGrid } from './grid.js';
export type { Grid } from './grid.js';
export { SURFACE_SCALE_POWER, rankScale, surfaceScale } from './value-scale.js';
export type { ValueScale } from './value-scale.js';
export { contourLevels, contours, isolineEdges, isolines } from './contours.js';
export type { Isoline } from './contours.js';
export {
  VIRIDIS,
  VIRIDIS_DARK,
  VIRIDIS_LIGHT,
  VIRIDIS_STOPS,
  lightness,
  oklabToRgb,
  parseHex,
  rgbToOklab,
  surfaceColormap,
} from './colormap.js';
export type { Colormap, Rgb } from './colormap.js';
export { heatmapPixels } from './heatmap.js';
export { clipArrow, clipSegment, insideRect } from './clip.js';
export type { ArrowVisibility } from './clip.js';
export { coveredPaths, hiddenShares } from './path-cover.js';
export type { MapRegion } from './path-cover.js';
export { crisp } from './crisp.js';
export { CurvePlot } from './curve-plot.js';
export type {
  CurveDomain,
  CurveFrame,
  CurveGuide,
  CurvePath,
  CurvePoint,
  CurveScene,
  CurveStyle,
  PlotCurve,
} from './curve-plot.js';
export {
  PAD_FRACTION,
  RANGE_SAMPLES,
  axisExponent,
  breaksBetween,
  curveYRange,
  numericSlope,
  padRange,
  powerOfTenLabel,
  sampleCurve,
  valueRange,
} from './curve-math.js';
export { CLASS_COLORS_DARK, CLASS_COLORS_LIGHT, CLASS_SHAPES, DataPlot, classShape, defaultClassColor, markerPath, markerPathData } from './data-plot.js';
export type {
  ClassShape,
  DataBoundary,
  DataFrame,
  DataLine,
  DataScene,
  DataSet,
  LineCoefficients,
} from './data-plot.js';
export {
  BISECTIONS,
  DATA_PAD_FRACTION,
  axisRange,
  classCount,
  coincidentGroups,
  dataDomain,
  decisionBoundaries,
  labelGrid,
  labelOf,
  lineInDomain,
  regionPixels,
  separateLabels,
} from './data-math.js';
export type { ClassifierKind, LabelBox } from './data-math.js';
