/**
 * The chart layer: Chart.js line charts of losses for live data, with log axes that
 * never show values they cannot place.
 */
export { LIVE_CHART_THROTTLE_MS, LossChart } from './loss-chart.js';
export type { ChartScene, ChartSeries, LossChartLabels, LossChartOptions, LossSeries, YAxis } from './loss-chart.js';
export { allPositive, chooseAxisType, logTicksToKeep, plottablePoints } from './log-axis.js';
export type { AxisType, ChartPoint, NonPositivePolicy } from './log-axis.js';
export { DARK_CHART_THEME, LIGHT_CHART_THEME } from './theme.js';
export type { ChartTheme } from './theme.js';
export { chartLegend, legendStyles } from './legend.js';
export { hiddenBehind } from './coincide.js';
export type { CoincidenceScale } from './coincide.js';
export type { LegendEntry, SeriesTone } from './legend.js';
