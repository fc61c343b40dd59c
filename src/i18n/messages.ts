/**
 * Every word the elements show, in English and Spanish. Terms follow the course
 * material: gradient descent / descenso del gradiente, learning rate / tasa de
 * aprendizaje, step / paso, iteration / iteración, start point / punto de inicio.
 */
import type { OptimizerName, Regime, StopReason } from '../core/index.js';
import type { Lang } from './lang.js';

export type Status = 'ready' | 'running' | 'paused' | StopReason;

export interface Messages {
  play: string;
  pause: string;
  step: string;
  reset: string;
  speed: string;
  stepsPerSecond: (n: number) => string;
  learningRate: string;
  optimizer: string;
  surface: string;
  expression: string;
  momentum: string;
  ema: string;
  iteration: string;
  point: string;
  value: string;
  gradientNorm: string;
  status: string;
  statuses: Record<Status, string>;
  /** The stop reason in a sentence. */
  stopSentence: (stop: StopReason, iterations: number, tolerance: string, steps: number) => string;
  optimizerNames: Record<OptimizerName, string>;
  surfaceNames: Record<string, string>;
  chartIteration: string;
  chartValue: string;
  chartGradientNorm: string;
  plotLabel: (surface: string) => string;
  plotHint: string;
  chartLabel: string;
  formulaLabel: string;
  copyShortcode: string;
  copyHtml: string;
  copied: string;
  copyFailed: string;
  notePrefix: string;
  notANumber: (name: string, raw: string, fallback: string) => string;
  outOfRange: (name: string, raw: string, range: string, fallback: string) => string;
  notAChoice: (name: string, raw: string, choices: string, fallback: string) => string;
  notAPoint: (name: string, raw: string, fallback: string) => string;
  notADomain: (name: string, raw: string, fallback: string) => string;
  notAnInterval: (name: string, raw: string, fallback: string) => string;
  notARateList: (name: string, raw: string, fallback: string) => string;
  notALaneList: (name: string, raw: string, lanes: number) => string;
  badExpression: (message: string) => string;
  /** Range phrases for outOfRange: "between 0 and 1", "greater than 0", "a whole number from 1 to 5000". */
  rangeBetween: (min: string, max: string) => string;
  rangeAbove: (min: string) => string;
  rangeWhole: (min: string, max: string) => string;
  startOutside: string;
  movedStart: (point: string) => string;
  settings: string;
  /** A setting that is switched off, e.g. no gradient clipping. */
  off: string;
  /** The learning-rate lesson: a label and a sentence for each regime. */
  regimes: Record<Regime, string>;
  regimeSentence: (regime: Regime, updates: number, reversals: number, steps: number) => string;
  /** The marks on the learning-rate track. */
  criticalMarks: { optimal: string; limit: string; explain: (optimal: string, limit: string) => string };
  lossChartLabel: string;
  curveLabel: (f: string) => string;
  curveHint: string;
  compareHint: string;
  compareLabel: (lr: string) => string;
  trainer: {
    modes: { batch: string; sgd: string; minibatch: (b: number) => string };
    datasets: { linear: string; logistic: string; iris: string };
    losses: { mse: string; mae: string; bce: string; cce: string };
    done: string;
    mode: string;
    epoch: string;
    epochs: string;
    updates: string;
    examples: string;
    xAxis: string;
    loss: string;
    accuracy: string;
    dataset: string;
    batchSize: string;
    epochsField: string;
    epochsPerSecond: (n: number) => string;
    dataLabel: (name: string) => string;
    pathsLabel: string;
    pathsTitle: string;
    rulesTitle: string;
    doneSentence: (epochs: number) => string;
    table: string;
  };
  race: {
    velocity: string;
    lookahead: string;
    gradients: string;
    results: string;
    running: string;
    classical: string;
    nesterov: string;
    showLookahead: string;
    effective: (lr: string, beta: string, effective: string) => string;
  };
  decay: string;
  /** The key under the contour map. */
  /** The marks of a contour map: `step` is gradient descent's arrow, `nextStep` another optimizer's, `offPlot` the mark of an arrow that leaves the plot. */
  plotKey: { start: string; point: string; step: string; nextStep: string; offPlot: string; minimum: string };
  /** Said when the next step lands off the plot: where it lands. */
  stepOffPlot: (point: string) => string;
  moreSettings: string;
  maxSteps: string;
  tolerance: string;
  clip: string;
}

const en: Messages = {
  play: 'Play',
  pause: 'Pause',
  step: 'Step',
  reset: 'Reset',
  speed: 'Speed',
  stepsPerSecond: (n) => `${n} steps/s`,
  learningRate: 'Learning rate',
  optimizer: 'Optimizer',
  surface: 'Surface',
  expression: 'f(x, y)',
  momentum: 'Momentum β',
  ema: 'Moving-average form',
  iteration: 'Iteration',
  point: 'Point',
  value: 'f',
  gradientNorm: '‖∇f‖',
  status: 'Status',
  statuses: {
    ready: 'Ready',
    running: 'Running',
    paused: 'Paused',
    converged: 'Converged',
    'max-steps': 'Step limit reached',
    diverged: 'Diverged',
  },
  stopSentence: (stop, k, tol, steps) =>
    stop === 'converged'
      ? `Converged after ${k} ${k === 1 ? 'step' : 'steps'}: the gradient norm fell below ${tol}.`
      : stop === 'diverged'
        ? `Diverged after ${k} ${k === 1 ? 'step' : 'steps'}: the point ran off towards infinity.`
        : `Stopped at the limit of ${steps} steps before the gradient norm fell below ${tol}.`,
  optimizerNames: {
    gd: 'Gradient descent',
    momentum: 'Momentum',
    nesterov: 'Nesterov',
    rmsprop: 'RMSprop',
    adam: 'Adam',
    adagrad: 'AdaGrad',
  },
  surfaceNames: {
    bowl: 'Bowl',
    ravine: 'Ravine',
    rosenbrock: 'Rosenbrock',
    himmelblau: 'Himmelblau',
    beale: 'Beale',
    booth: 'Booth',
    rastrigin: 'Rastrigin',
    saddle: 'Saddle',
    'six-hump-camel': 'Six-hump camel',
    ackley: 'Ackley',
  },
  chartIteration: 'iteration',
  chartValue: 'f',
  chartGradientNorm: '‖∇f‖',
  plotLabel: (s) => `Contour map of ${s} with the optimizer's path`,
  plotHint: 'Click or tap the map to choose a start point. Arrow keys move it; Space plays or pauses.',
  chartLabel: 'Loss and gradient norm against iteration',
  formulaLabel: 'Update rule with the current numbers',
  copyShortcode: 'Copy shortcode',
  copyHtml: 'Copy HTML',
  copied: 'Copied',
  copyFailed: 'Copy failed: select the text below',
  notePrefix: 'Note',
  notANumber: (name, raw, fb) => `${name}="${raw}" is not a number; using ${fb}.`,
  outOfRange: (name, raw, range, fb) => `${name}="${raw}" must be ${range}; using ${fb}.`,
  notAChoice: (name, raw, choices, fb) => `${name}="${raw}" is not one of ${choices}; using ${fb}.`,
  notAPoint: (name, raw, fb) => `${name}="${raw}" is not a point "x,y" inside the plot; using ${fb}.`,
  notADomain: (name, raw, fb) => `${name}="${raw}" is not "xmin,xmax,ymin,ymax" with min < max; using ${fb}.`,
  notAnInterval: (name, raw, fb) => `${name}="${raw}" is not "min,max" with min < max; using ${fb}.`,
  notARateList: (name, raw, fb) => `${name}="${raw}" is not a list of positive rates; using ${fb}.`,
  notALaneList: (name, raw, n) => `${name}="${raw}" is not ${n} numbers in range, one per optimizer; using the shared value.`,
  badExpression: (m) => `The expression cannot be read: ${m}.`,
  rangeBetween: (a, b) => `between ${a} and ${b}`,
  rangeAbove: (a) => `greater than ${a}`,
  rangeWhole: (a, b) => `a whole number from ${a} to ${b}`,
  startOutside: 'The start point lies outside the plot.',
  movedStart: (point) => `Start point moved to ${point}.`,
  settings: 'Settings',
  off: 'off',
  regimes: { 'too-low': 'Too low', 'just-right': 'Just right', 'too-high': 'Too high', diverges: 'Diverges' },
  regimeSentence: (r, k, rev, steps) =>
    r === 'too-low'
      ? `Small, steady steps: after ${steps} steps the minimum is still ahead.`
      : r === 'just-right'
        ? `Converged in ${k} ${k === 1 ? 'step' : 'steps'} without overshooting.`
        : r === 'too-high'
          ? `It overshoots: ${rev}% of the steps reverse direction, jumping across the minimum.`
          : `Every step overshoots further: the run blows up after ${k} ${k === 1 ? 'step' : 'steps'}.`,
  criticalMarks: {
    optimal: '1/L',
    limit: '2/L',
    explain: (o, l) => `With curvature L at the minimum, η = 1/L = ${o} is the fastest rate without overshoot; beyond 2/L = ${l} gradient descent diverges.`,
  },
  lossChartLabel: 'Loss against iteration',
  curveLabel: (f) => `The curve ${f} with the iterates and the steps between them`,
  curveHint: 'Drag the learning rate. Click or tap the plot to move the start; arrow keys move it too.',
  compareHint: 'Each rate runs from the same start. Press play to watch them side by side.',
  compareLabel: (lr) => `η = ${lr}`,
  trainer: {
    modes: { batch: 'Batch', sgd: 'Stochastic', minibatch: (b) => `Mini-batch (${b})` },
    datasets: { linear: 'Noisy line (linear regression)', logistic: 'Two clouds (logistic regression)', iris: 'Iris flowers (softmax regression)' },
    losses: { mse: 'mean squared error', mae: 'mean absolute error', bce: 'binary cross-entropy', cce: 'categorical cross-entropy' },
    done: 'Done',
    mode: 'Mode',
    epoch: 'Epoch',
    epochs: 'epochs',
    updates: 'updates',
    examples: 'examples seen',
    xAxis: 'Loss against',
    loss: 'Loss',
    accuracy: 'Accuracy',
    dataset: 'Data',
    batchSize: 'Mini-batch size',
    epochsField: 'Epochs',
    epochsPerSecond: (n) => `${n} epochs/s`,
    dataLabel: (name) => `The data (${name}) with each mode's current fit`,
    pathsLabel: 'The paths of the three modes in parameter space, over the contours of the full-data loss',
    pathsTitle: 'Parameter space: (w, b) over the loss contours',
    rulesTitle: 'One update of each mode',
    doneSentence: (e) => `Done: ${e} epochs of each mode.`,
    table: 'Each mode after the epochs so far',
  },
  race: {
    velocity: 'velocity',
    lookahead: 'look-ahead x + βv',
    gradients: '−η∇f at the look-ahead (bold) and at x',
    results: 'Results of the race',
    running: 'Running',
    classical: 'Classical momentum',
    nesterov: 'Nesterov: the gradient one step ahead',
    showLookahead: 'Show the look-ahead',
    effective: (lr, beta, eff) => `Moving-average form: each gradient enters the step with weight η(1 − β) = ${lr} × (1 − ${beta}) = ${eff}.`,
  },
  decay: 'Decay β',
  plotKey: { start: 'start', point: 'current point', step: 'next step −η∇f', nextStep: 'next step', offPlot: 'the step goes on off the plot', minimum: 'minimum' },
  stepOffPlot: (p) => `The next step lands off the plot, at ${p}.`,
  moreSettings: 'More settings',
  maxSteps: 'Most steps',
  tolerance: 'Tolerance of ‖∇f‖',
  clip: 'Clip ‖∇f‖ at',
};

const es: Messages = {
  play: 'Reproducir',
  pause: 'Pausa',
  step: 'Paso',
  reset: 'Reiniciar',
  speed: 'Velocidad',
  stepsPerSecond: (n) => `${n} pasos/s`,
  learningRate: 'Tasa de aprendizaje',
  optimizer: 'Optimizador',
  surface: 'Superficie',
  expression: 'f(x, y)',
  momentum: 'Momento β',
  ema: 'Forma de media móvil',
  iteration: 'Iteración',
  point: 'Punto',
  value: 'f',
  gradientNorm: '‖∇f‖',
  status: 'Estado',
  statuses: {
    ready: 'Listo',
    running: 'En marcha',
    paused: 'En pausa',
    converged: 'Convergió',
    'max-steps': 'Límite de pasos',
    diverged: 'Divergió',
  },
  stopSentence: (stop, k, tol, steps) =>
    stop === 'converged'
      ? `Convergió tras ${k} ${k === 1 ? 'paso' : 'pasos'}: la norma del gradiente bajó de ${tol}.`
      : stop === 'diverged'
        ? `Divergió tras ${k} ${k === 1 ? 'paso' : 'pasos'}: el punto se escapó hacia el infinito.`
        : `Se detuvo en el límite de ${steps} pasos antes de que la norma del gradiente bajara de ${tol}.`,
  optimizerNames: {
    gd: 'Descenso del gradiente',
    momentum: 'Momento',
    nesterov: 'Nesterov',
    rmsprop: 'RMSprop',
    adam: 'Adam',
    adagrad: 'AdaGrad',
  },
  surfaceNames: {
    bowl: 'Cuenco',
    ravine: 'Barranco',
    rosenbrock: 'Rosenbrock',
    himmelblau: 'Himmelblau',
    beale: 'Beale',
    booth: 'Booth',
    rastrigin: 'Rastrigin',
    saddle: 'Silla de montar',
    'six-hump-camel': 'Camello de seis jorobas',
    ackley: 'Ackley',
  },
  chartIteration: 'iteración',
  chartValue: 'f',
  chartGradientNorm: '‖∇f‖',
  plotLabel: (s) => `Mapa de contorno de ${s} con la trayectoria del optimizador`,
  plotHint: 'Haz clic o toca el mapa para elegir el punto de inicio. Las flechas lo mueven; Espacio reproduce o pausa.',
  chartLabel: 'Pérdida y norma del gradiente por iteración',
  formulaLabel: 'Regla de actualización con los números actuales',
  copyShortcode: 'Copiar shortcode',
  copyHtml: 'Copiar HTML',
  copied: 'Copiado',
  copyFailed: 'No se pudo copiar: selecciona el texto de abajo',
  notePrefix: 'Nota',
  notANumber: (name, raw, fb) => `${name}="${raw}" no es un número; se usa ${fb}.`,
  outOfRange: (name, raw, range, fb) => `${name}="${raw}" debe ser ${range}; se usa ${fb}.`,
  notAChoice: (name, raw, choices, fb) => `${name}="${raw}" no es uno de ${choices}; se usa ${fb}.`,
  notAPoint: (name, raw, fb) => `${name}="${raw}" no es un punto "x,y" dentro del mapa; se usa ${fb}.`,
  notADomain: (name, raw, fb) => `${name}="${raw}" no es "xmin,xmax,ymin,ymax" con min < max; se usa ${fb}.`,
  notAnInterval: (name, raw, fb) => `${name}="${raw}" no es "min,max" con min < max; se usa ${fb}.`,
  notARateList: (name, raw, fb) => `${name}="${raw}" no es una lista de tasas positivas; se usa ${fb}.`,
  notALaneList: (name, raw, n) => `${name}="${raw}" no son ${n} números válidos, uno por optimizador; se usa el valor común.`,
  badExpression: (m) => `No se puede leer la expresión: ${m}.`,
  rangeBetween: (a, b) => `entre ${a} y ${b}`,
  rangeAbove: (a) => `mayor que ${a}`,
  rangeWhole: (a, b) => `un número entero de ${a} a ${b}`,
  startOutside: 'El punto de inicio está fuera del mapa.',
  movedStart: (point) => `Punto de inicio movido a ${point}.`,
  settings: 'Ajustes',
  off: 'desactivado',
  regimes: { 'too-low': 'Demasiado baja', 'just-right': 'Adecuada', 'too-high': 'Demasiado alta', diverges: 'Diverge' },
  regimeSentence: (r, k, rev, steps) =>
    r === 'too-low'
      ? `Pasos pequeños y constantes: tras ${steps} pasos el mínimo sigue por delante.`
      : r === 'just-right'
        ? `Convergió en ${k} ${k === 1 ? 'paso' : 'pasos'} sin pasarse.`
        : r === 'too-high'
          ? `Se pasa: el ${rev} % de los pasos cambia de sentido y salta de un lado al otro del mínimo.`
          : `Cada paso se pasa más que el anterior: la ejecución se dispara tras ${k} ${k === 1 ? 'paso' : 'pasos'}.`,
  criticalMarks: {
    optimal: '1/L',
    limit: '2/L',
    explain: (o, l) => `Con curvatura L en el mínimo, η = 1/L = ${o} es la tasa más rápida sin pasarse; por encima de 2/L = ${l} el descenso del gradiente diverge.`,
  },
  lossChartLabel: 'Pérdida por iteración',
  curveLabel: (f) => `La curva ${f} con los iterados y los pasos entre ellos`,
  curveHint: 'Arrastra la tasa de aprendizaje. Haz clic o toca el gráfico para mover el inicio; las flechas también lo mueven.',
  compareHint: 'Cada tasa parte del mismo inicio. Pulsa reproducir para verlas lado a lado.',
  compareLabel: (lr) => `η = ${lr}`,
  trainer: {
    modes: { batch: 'Lote', sgd: 'Estocástico', minibatch: (b) => `Mini-lote (${b})` },
    datasets: { linear: 'Recta con ruido (regresión lineal)', logistic: 'Dos nubes (regresión logística)', iris: 'Flores iris (regresión softmax)' },
    losses: { mse: 'error cuadrático medio', mae: 'error absoluto medio', bce: 'entropía cruzada binaria', cce: 'entropía cruzada categórica' },
    done: 'Terminado',
    mode: 'Modo',
    epoch: 'Época',
    epochs: 'épocas',
    updates: 'actualizaciones',
    examples: 'ejemplos vistos',
    xAxis: 'Pérdida según',
    loss: 'Pérdida',
    accuracy: 'Exactitud',
    dataset: 'Datos',
    batchSize: 'Tamaño del mini-lote',
    epochsField: 'Épocas',
    epochsPerSecond: (n) => `${n} épocas/s`,
    dataLabel: (name) => `Los datos (${name}) con el ajuste actual de cada modo`,
    pathsLabel: 'Las trayectorias de los tres modos en el espacio de parámetros, sobre los contornos de la pérdida con todos los datos',
    pathsTitle: 'Espacio de parámetros: (w, b) sobre los contornos de la pérdida',
    rulesTitle: 'Una actualización de cada modo',
    doneSentence: (e) => `Terminado: ${e} épocas de cada modo.`,
    table: 'Cada modo tras las épocas hechas',
  },
  race: {
    velocity: 'velocidad',
    lookahead: 'posición adelantada x + βv',
    gradients: '−η∇f en la posición adelantada (grueso) y en x',
    results: 'Resultados de la carrera',
    running: 'En marcha',
    classical: 'Momento clásico',
    nesterov: 'Nesterov: el gradiente un paso adelante',
    showLookahead: 'Mostrar la posición adelantada',
    effective: (lr, beta, eff) => `Forma de media móvil: cada gradiente entra en el paso con peso η(1 − β) = ${lr} × (1 − ${beta}) = ${eff}.`,
  },
  decay: 'Decaimiento β',
  plotKey: { start: 'inicio', point: 'punto actual', step: 'siguiente paso −η∇f', nextStep: 'siguiente paso', offPlot: 'el paso sigue fuera del gráfico', minimum: 'mínimo' },
  stepOffPlot: (p) => `El siguiente paso cae fuera del gráfico, en ${p}.`,
  moreSettings: 'Más ajustes',
  maxSteps: 'Pasos como máximo',
  tolerance: 'Tolerancia de ‖∇f‖',
  clip: 'Recortar ‖∇f‖ en',
};

export const MESSAGES: Record<Lang, Messages> = { en, es };
