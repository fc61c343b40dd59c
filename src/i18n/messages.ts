/**
 * Every word the elements show, in English and Spanish. Numbers come in already
 * written in the reader's language (i18n/numbers.ts), except whole counts, whose
 * digits read the same in both. Terms follow the course
 * material: gradient descent / descenso del gradiente, learning rate / tasa de
 * aprendizaje, step / paso, iteration / iteración, start point / punto de inicio.
 */
import type { OptimizerName, Regime, StopReason } from '../core/index.js';
import type { Lang } from './lang.js';

export type Status = 'ready' | 'running' | 'paused' | StopReason;

/** What the learning-rate label says about one run, its numbers formatted for the reader. */
export interface RegimeWords {
  regime: Regime;
  /** 'curvature': the band comes from 1/L and 2/L; 'run': from the run alone. */
  basis: 'curvature' | 'run';
  /** Updates the run made. */
  updates: number;
  stop: StopReason;
  /** The step budget. */
  steps: number;
  /** The share of consecutive steps that reverse direction, as a percentage in the reader's numbers ("40 %"). */
  reversals: string;
  /** With the curvature: 1 − ηL, the factor along the steepest direction, e.g. "−0.8". */
  stiffFactor?: string;
  /** With the curvature: |1 − ηL|, e.g. "1.1". */
  stiffSize?: string;
  /** With the curvature: the curvatures μ (smallest) and L (largest), and L/μ. */
  smallest?: string;
  largest?: string;
  condition?: string;
  /** With the curvature: the share ημ of the shallow distance removed per step, as a percentage ("5 %"). */
  shallowPercent?: string;
  /** From a longer run: the step it left the picture at, or null if it did not within longerSteps. */
  divergedAt?: number | null;
  longerSteps?: number;
}

export interface Messages {
  play: string;
  pause: string;
  step: string;
  reset: string;
  speed: string;
  /** `n` in the reader's numbers: a speed may be 2.5. */
  stepsPerSecond: (n: string) => string;
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
  /** The button that downloads a PNG of the figure, and what it says when that fails. */
  saveImage: string;
  saveImageFailed: string;
  chartLabel: string;
  formulaLabel: string;
  copyShortcode: string;
  copyHtml: string;
  copied: string;
  copyFailed: string;
  /** The label of the author tools' group (copy shortcode, copy HTML). */
  forAuthors: string;
  notePrefix: string;
  notANumber: (name: string, raw: string, fallback: string) => string;
  outOfRange: (name: string, raw: string, range: string, fallback: string) => string;
  notAChoice: (name: string, raw: string, choices: string, fallback: string) => string;
  notAPoint: (name: string, raw: string, fallback: string) => string;
  notADomain: (name: string, raw: string, fallback: string) => string;
  notAnInterval: (name: string, raw: string, fallback: string) => string;
  /** A domain or interval so narrow next to its values that it cannot be drawn. */
  tooNarrow: (name: string, raw: string, fallback: string) => string;
  notARateList: (name: string, raw: string, fallback: string) => string;
  notALaneList: (name: string, raw: string, lanes: number) => string;
  /** A list of whole numbers (a network's hidden layers) that is not 1 to `count` of them from 1 to `max`. */
  notALayerList: (name: string, raw: string, count: number, max: number, fallback: string) => string;
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
  regimeSentence: (words: RegimeWords) => string;
  /** The marks on the learning-rate track. */
  criticalMarks: {
    optimal: string;
    limit: string;
    explain: (optimal: string, limit: string) => string;
    /** Unequal curvatures μ < L: why no rate suits every direction. keep = 1 − μ/L as a percentage. */
    condition: (smallest: string, largest: string, condition: string, keep: string) => string;
  };
  /** A legend entry whose line lies under another's: "same curve as η = 0.1". */
  sameCurveAs: (other: string) => string;
  lossChartLabel: string;
  curveLabel: (f: string) => string;
  curveHint: string;
  /** The hint of a figure without its settings: no slider to drag. */
  curveHintWithoutSlider: string;
  compareHint: string;
  /** The hint of compared rates without the play row: no button to press. */
  compareHintWithoutButtons: string;
  compareLabel: (lr: string) => string;
  trainer: {
    modes: { batch: string; sgd: string; minibatch: (b: number) => string };
    datasets: { linear: string; logistic: string; iris: string };
    /** The data sets' short names, for the choice under "Data" (a phone's column fits them). */
    datasetChoices: { linear: string; logistic: string; iris: string };
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
    epochsPerSecond: (n: string) => string;
    dataLabel: (name: string) => string;
    pathsLabel: string;
    pathsTitle: string;
    rulesTitle: string;
    doneSentence: (epochs: number) => string;
    table: string;
    /** The key under the data plot: what the lines are, what the markers are. */
    fitsKey: string;
    classesKey: { logistic: string; iris: string };
    /** The axis names of a data set's features, by the core's English name ('petal length (cm)'). */
    featureNames: Record<string, string>;
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
    k === 0 && stop === 'converged'
      ? `No step to take: the gradient norm at the start is already below ${tol}.`
      : k === 0 && stop === 'diverged'
        ? 'No step can be taken: f is not defined (or not finite) at the start point.'
        : stop === 'converged'
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
  saveImage: 'Save image',
  saveImageFailed: 'Could not save the image',
  chartLabel: 'Loss and gradient norm against iteration',
  formulaLabel: 'Update rule with the current numbers',
  copyShortcode: 'Copy shortcode',
  copyHtml: 'Copy HTML',
  copied: 'Copied',
  copyFailed: 'Copy failed: select the text below',
  forAuthors: 'For authors',
  notePrefix: 'Note',
  notANumber: (name, raw, fb) => `${name}="${raw}" is not a number; using ${fb}.`,
  outOfRange: (name, raw, range, fb) => `${name}="${raw}" must be ${range}; using ${fb}.`,
  notAChoice: (name, raw, choices, fb) => `${name}="${raw}" is not one of ${choices}; using ${fb}.`,
  notAPoint: (name, raw, fb) => `${name}="${raw}" is not a point "x,y" inside the plot; using ${fb}.`,
  notADomain: (name, raw, fb) => `${name}="${raw}" is not "xmin,xmax,ymin,ymax" with min < max; using ${fb}.`,
  notAnInterval: (name, raw, fb) => `${name}="${raw}" is not "min,max" with min < max; using ${fb}.`,
  tooNarrow: (name, raw, fb) =>
    `${name}="${raw}" is too narrow next to its values to draw (each range must be wider than a billionth of its largest value); using ${fb}.`,
  notARateList: (name, raw, fb) => `${name}="${raw}" is not a list of positive rates; using ${fb}.`,
  notALaneList: (name, raw, n) => `${name}="${raw}" is not ${n} numbers in range, one per optimizer; using the shared value.`,
  notALayerList: (name, raw, count, max, fb) => `${name}="${raw}" is not 1 to ${count} whole numbers from 1 to ${max}; using ${fb}.`,
  badExpression: (m) => `The expression cannot be read: ${m}.`,
  rangeBetween: (a, b) => `between ${a} and ${b}`,
  rangeAbove: (a) => `greater than ${a}`,
  rangeWhole: (a, b) => `a whole number from ${a} to ${b}`,
  startOutside: 'The start point lies outside the plot.',
  movedStart: (point) => `Start point moved to ${point}.`,
  settings: 'Settings',
  off: 'off',
  regimes: {
    'no-steps': 'No steps',
    'too-low': 'Too low',
    'just-right': 'Just right',
    'ill-conditioned': 'No rate fits',
    'too-high': 'Too high',
    oscillates: 'Oscillates',
    diverges: 'Diverges',
  },
  regimeSentence: (w) => {
    const steps = (n: number) => `${n} ${n === 1 ? 'step' : 'steps'}`;
    switch (w.regime) {
      case 'no-steps':
        return w.stop === 'diverged'
          ? 'No step can be taken: f is not defined (or not finite) at the start point.'
          : 'No step to take: the gradient at the start is already below the tolerance (a flat spot or the minimum itself).';
      case 'too-low':
        return `Small, steady steps: after ${steps(w.steps)} the minimum is still ahead.`;
      case 'just-right':
        return `Converged in ${steps(w.updates)} without overshooting.`;
      case 'ill-conditioned':
        return `The steep direction (curvature ${w.largest}) is settled, but each step removes only ${w.shallowPercent} of the distance along the shallow one (curvature ${w.smallest}): after ${steps(w.steps)} the minimum is still ahead. A faster rate would overshoot the steep direction: with condition number ${w.condition}, no rate is just right here.`;
      case 'too-high':
        return w.basis === 'curvature'
          ? `Between 1/L and 2/L: each step jumps across the minimum, the jumps shrinking by a factor ${w.stiffSize} per step. ${w.stop === 'converged' ? `It still converged, in ${steps(w.updates)}.` : `It is still bouncing after ${steps(w.updates)}.`}`
          : `It overshoots: ${w.reversals} of the steps reverse direction, jumping across the minimum.`;
      case 'oscillates':
        return 'Exactly 2/L: each step lands as far on the other side of the minimum as it started, so it bounces back and forth for ever, neither converging nor diverging.';
      case 'diverges':
        if (w.stop === 'diverged') return `Every step overshoots further: the run blows up after ${steps(w.updates)}.`;
        return `${w.basis === 'curvature' ? `Past 2/L every jump across the minimum is ${w.stiffSize} times the last` : 'Every step overshoots a little further'}: it diverges, slowly. ${
          typeof w.divergedAt === 'number'
            ? `The ${steps(w.updates)} shown stay in the picture; it leaves it after ${steps(w.divergedAt)}.`
            : `Too slowly to leave the picture even in ${steps(w.longerSteps ?? w.updates)}.`
        }`;
    }
  },
  criticalMarks: {
    optimal: '1/L',
    limit: '2/L',
    explain: (o, l) => `With curvature L at the minimum, η = 1/L = ${o} is the fastest rate without overshoot; beyond 2/L = ${l} gradient descent diverges.`,
    condition: (mu, L, kappa, keep) =>
      `The curvature ranges from ${mu} to ${L} (condition number ${kappa}): even at η = 1/L the shallowest direction keeps ${keep} of its distance each step, and any faster rate overshoots the steepest one.`,
  },
  sameCurveAs: (other) => `same curve as ${other}`,
  lossChartLabel: 'Loss against iteration',
  curveLabel: (f) => `The curve ${f} with the iterates and the steps between them`,
  curveHint: 'Drag the learning rate. Click or tap the plot to move the start; arrow keys move it too.',
  curveHintWithoutSlider: 'Click or tap the plot to move the start; arrow keys move it too, and Space plays or pauses.',
  compareHint: 'Each rate runs from the same start. Press play to watch them side by side.',
  compareHintWithoutButtons: 'Each rate runs from the same start.',
  compareLabel: (lr) => `η = ${lr}`,
  trainer: {
    modes: { batch: 'Batch', sgd: 'Stochastic', minibatch: (b) => `Mini-batch (${b})` },
    datasets: { linear: 'Noisy line (linear regression)', logistic: 'Two clouds (logistic regression)', iris: 'Iris flowers (softmax regression)' },
    datasetChoices: { linear: 'Noisy line', logistic: 'Two clouds', iris: 'Iris flowers' },
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
    fitsKey: 'Fits',
    classesKey: { logistic: 'Class', iris: 'Species' },
    featureNames: {},
  },
  race: {
    velocity: 'momentum part of the step',
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
    k === 0 && stop === 'converged'
      ? `No hay paso que dar: la norma del gradiente en el punto de inicio ya es menor que ${tol}.`
      : k === 0 && stop === 'diverged'
        ? 'No se puede dar ningún paso: f no está definida (o no es finita) en el punto de inicio.'
        : stop === 'converged'
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
  saveImage: 'Guardar imagen',
  saveImageFailed: 'No se pudo guardar la imagen',
  chartLabel: 'Pérdida y norma del gradiente por iteración',
  formulaLabel: 'Regla de actualización con los números actuales',
  copyShortcode: 'Copiar shortcode',
  copyHtml: 'Copiar HTML',
  copied: 'Copiado',
  copyFailed: 'No se pudo copiar: selecciona el texto de abajo',
  forAuthors: 'Para autores',
  notePrefix: 'Nota',
  notANumber: (name, raw, fb) => `${name}="${raw}" no es un número; se usa ${fb}.`,
  outOfRange: (name, raw, range, fb) => `${name}="${raw}" debe ser ${range}; se usa ${fb}.`,
  notAChoice: (name, raw, choices, fb) => `${name}="${raw}" no es uno de ${choices}; se usa ${fb}.`,
  notAPoint: (name, raw, fb) => `${name}="${raw}" no es un punto "x,y" dentro del mapa; se usa ${fb}.`,
  notADomain: (name, raw, fb) => `${name}="${raw}" no es "xmin,xmax,ymin,ymax" con min < max; se usa ${fb}.`,
  notAnInterval: (name, raw, fb) => `${name}="${raw}" no es "min,max" con min < max; se usa ${fb}.`,
  tooNarrow: (name, raw, fb) =>
    `${name}="${raw}" es demasiado estrecho para sus valores y no se puede dibujar (cada rango debe medir más de una milmillonésima de su mayor valor); se usa ${fb}.`,
  notARateList: (name, raw, fb) => `${name}="${raw}" no es una lista de tasas positivas; se usa ${fb}.`,
  notALaneList: (name, raw, n) => `${name}="${raw}" no son ${n} números válidos, uno por optimizador; se usa el valor común.`,
  notALayerList: (name, raw, count, max, fb) => `${name}="${raw}" no son de 1 a ${count} números enteros entre 1 y ${max}; se usa ${fb}.`,
  badExpression: (m) => `No se puede leer la expresión: ${m}.`,
  rangeBetween: (a, b) => `entre ${a} y ${b}`,
  rangeAbove: (a) => `mayor que ${a}`,
  rangeWhole: (a, b) => `un número entero de ${a} a ${b}`,
  startOutside: 'El punto de inicio está fuera del mapa.',
  movedStart: (point) => `Punto de inicio movido a ${point}.`,
  settings: 'Ajustes',
  off: 'desactivado',
  regimes: {
    'no-steps': 'Sin pasos',
    'too-low': 'Demasiado baja',
    'just-right': 'Adecuada',
    'ill-conditioned': 'Ninguna tasa sirve',
    'too-high': 'Demasiado alta',
    oscillates: 'Oscila',
    diverges: 'Diverge',
  },
  regimeSentence: (w) => {
    const pasos = (n: number) => `${n} ${n === 1 ? 'paso' : 'pasos'}`;
    switch (w.regime) {
      case 'no-steps':
        return w.stop === 'diverged'
          ? 'No se puede dar ningún paso: f no está definida (o no es finita) en el punto de inicio.'
          : 'No hay paso que dar: el gradiente en el punto de inicio ya es menor que la tolerancia (una zona plana o el propio mínimo).';
      case 'too-low':
        return `Pasos pequeños y constantes: tras ${pasos(w.steps)} el mínimo sigue por delante.`;
      case 'just-right':
        return `Convergió en ${pasos(w.updates)} sin pasarse.`;
      case 'ill-conditioned':
        return `La dirección empinada (curvatura ${w.largest}) ya está resuelta, pero cada paso recorre solo el ${w.shallowPercent} de la distancia en la dirección suave (curvatura ${w.smallest}): tras ${pasos(w.steps)} el mínimo sigue por delante. Una tasa mayor se pasaría en la dirección empinada: con número de condición ${w.condition}, aquí ninguna tasa es adecuada.`;
      case 'too-high':
        return w.basis === 'curvature'
          ? `Entre 1/L y 2/L: cada paso salta al otro lado del mínimo y los saltos se encogen por un factor ${w.stiffSize} en cada paso. ${w.stop === 'converged' ? `Aun así convergió, en ${pasos(w.updates)}.` : `Sigue rebotando tras ${pasos(w.updates)}.`}`
          : `Se pasa: el ${w.reversals} de los pasos cambia de sentido y salta de un lado al otro del mínimo.`;
      case 'oscillates':
        return 'Justo en 2/L: cada paso cae tan lejos al otro lado del mínimo como estaba, así que rebota de un lado a otro para siempre, sin converger ni diverger.';
      case 'diverges':
        if (w.stop === 'diverged') return `Cada paso se pasa más que el anterior: la ejecución se dispara tras ${pasos(w.updates)}.`;
        return `${w.basis === 'curvature' ? `Más allá de 2/L cada salto al otro lado del mínimo es ${w.stiffSize} veces el anterior` : 'Cada paso se pasa un poco más'}: diverge, despacio. ${
          typeof w.divergedAt === 'number'
            ? `Los ${pasos(w.updates)} mostrados siguen en la imagen; sale de ella tras ${pasos(w.divergedAt)}.`
            : `Tan despacio que ni en ${pasos(w.longerSteps ?? w.updates)} sale de la imagen.`
        }`;
    }
  },
  criticalMarks: {
    optimal: '1/L',
    limit: '2/L',
    explain: (o, l) => `Con curvatura L en el mínimo, η = 1/L = ${o} es la tasa más rápida sin pasarse; por encima de 2/L = ${l} el descenso del gradiente diverge.`,
    condition: (mu, L, kappa, keep) =>
      `La curvatura va de ${mu} a ${L} (número de condición ${kappa}): incluso con η = 1/L la dirección más suave conserva el ${keep} de su distancia en cada paso, y cualquier tasa mayor se pasa en la más empinada.`,
  },
  sameCurveAs: (other) => `misma curva que ${other}`,
  lossChartLabel: 'Pérdida por iteración',
  curveLabel: (f) => `La curva ${f} con los iterados y los pasos entre ellos`,
  curveHint: 'Arrastra la tasa de aprendizaje. Haz clic o toca el gráfico para mover el inicio; las flechas también lo mueven.',
  curveHintWithoutSlider: 'Haz clic o toca el gráfico para mover el inicio; las flechas también lo mueven, y Espacio reproduce o pausa.',
  compareHint: 'Cada tasa parte del mismo inicio. Pulsa reproducir para verlas lado a lado.',
  compareHintWithoutButtons: 'Cada tasa parte del mismo inicio.',
  compareLabel: (lr) => `η = ${lr}`,
  trainer: {
    modes: { batch: 'Lote', sgd: 'Estocástico', minibatch: (b) => `Mini-lote (${b})` },
    datasets: { linear: 'Recta con ruido (regresión lineal)', logistic: 'Dos nubes (regresión logística)', iris: 'Flores iris (regresión softmax)' },
    datasetChoices: { linear: 'Recta con ruido', logistic: 'Dos nubes', iris: 'Flores iris' },
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
    fitsKey: 'Ajustes',
    classesKey: { logistic: 'Clase', iris: 'Especie' },
    featureNames: {
      'sepal length (cm)': 'longitud del sépalo (cm)',
      'sepal width (cm)': 'anchura del sépalo (cm)',
      'petal length (cm)': 'longitud del pétalo (cm)',
      'petal width (cm)': 'anchura del pétalo (cm)',
    },
  },
  race: {
    velocity: 'parte del paso debida al momento',
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
