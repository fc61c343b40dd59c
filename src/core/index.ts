/**
 * The optimizer core: update rules, runs, surfaces and the expression language.
 * Pure TypeScript with no DOM: it runs in Node and in browsers (`gd-widgets/core`).
 */
export type { Domain, Objective, Surface, Vector } from './types.js';
export {
  DEFAULT_OPTIMIZER_OPTIONS,
  OPTIMIZER_NAMES,
  OPTIMIZER_SETTINGS,
  isAdaptive,
  readsSetting,
  clipFactor,
  createOptimizer,
  resolveOptimizerOptions,
} from './optimizers.js';
export type {
  Optimizer,
  OptimizerName,
  OptimizerOptions,
  OptimizerSetting,
  OptimizerState,
  ResolvedOptimizerOptions,
} from './optimizers.js';
export { UNBOUNDED_RADIUS, descend, hasDiverged, leashOf, norm } from './descend.js';
export type { Descent, DescendOptions, Leash, LeashDomain, StopReason } from './descend.js';
export type { UpdateRecord, UpdateState } from './update-record.js';
export { averageWeight, biasCorrectedMoments, biasCorrection, gradientTerm, gradientWeight, stepTerms } from './update-terms.js';
export type { RecordedState, RecordedUpdate, StepTerms } from './update-terms.js';
export { SURFACE_NAMES, getSurface, isSurfaceName } from './surfaces.js';
export type { SurfaceName } from './surfaces.js';
export { surfaceOf } from './surface-of.js';
export { ExpressionError, INVISIBLE_CHARACTERS, MAX_EXPRESSION_DEPTH, MAX_EXPRESSION_LENGTH, expressionVariables, parseSurface, variablePosition, variablesOf } from './expression/index.js';
export type { ExpressionVariable } from './expression/index.js';
export { DEFAULT_CURVE_DOMAIN, parseCurve } from './curve.js';
export { MIN_RELATIVE_WIDTH, isDrawableInterval } from './interval.js';
export type { Curve } from './curve.js';
export { MARK_TOLERANCE, REGIMES, classifyRegime, countReversals, overshoots, rateBand, readRegime, reversalFraction } from './regime.js';
export type { RateBand, RateTheory, Regime, RegimeContext, RegimeReading, Reversals } from './regime.js';
export {
  DEFAULT_HESSIAN_STEP,
  criticalRates,
  criticalRatesNear,
  findMinimum,
  hessian,
  largestEigenvalue,
  smallestEigenvalue,
  symmetricEigenvalues,
} from './curvature.js';
export type { CriticalRates, CriticalRatesAt } from './curvature.js';
export { createRandom, shuffle } from './random.js';
export type { Random } from './random.js';
export {
  DATASET_NAMES,
  DATASET_TASKS,
  DEFAULT_DATASET_OPTIONS,
  DEFAULT_FEATURES,
  NETWORK_DATASET_NAMES,
  NETWORK_DATASET_NOISE,
  featureScale,
  isDatasetName,
  isNetworkDatasetName,
  featuresOf,
  makeDataset,
  originalFeature,
  standardisedFeature,
} from './datasets.js';
export type { AnyDatasetName, Dataset, DatasetName, DatasetOptions, FeatureScale, NetworkDatasetName, Task } from './datasets.js';
export { LOSS_NAMES, TASK_LOSSES, TASK_MODELS, createModel, isLossName, sigmoid, softplus } from './models.js';
export type { BatchObjective, LinearFamilyKind, LossName, Model, ModelKind } from './models.js';
export {
  ACTIVATION_NAMES,
  DEFAULT_NETWORK_OPTIONS,
  INIT_NAMES,
  NETWORK_OUTPUT_NAMES,
  TASK_OUTPUTS,
  activate,
  activationSlope,
  biasIndex,
  checkSpec,
  createNetworkModel,
  forwardBackward,
  initialParameters,
  isActivation,
  layerGradientNorms,
  networkObjective,
  parameterCount,
  parameterPlace,
  weightIndex,
  MAX_HIDDEN_LAYERS,
  MAX_LAYER_UNITS,
} from './network.js';
export type { Activation, InitName, NetworkDefaults, NetworkModel, NetworkModelOptions, NetworkOutput, NetworkSpec, ParameterPlace, Pass } from './network.js';
export { DEFAULT_TRAIN_OPTIONS, PATH_MAX_DIM, Trainer, epochBatches } from './training.js';
export type { TrainHistory, TrainOptions } from './training.js';
export { lossSurfaceOf } from './loss-surface.js';
export type { LossSurface } from './loss-surface.js';
export { FLOW_THRESHOLD, flowVerdict, layerErrorNorms, layerWeightChanges } from './gradient-flow.js';
export type { FlowVerdict } from './gradient-flow.js';
