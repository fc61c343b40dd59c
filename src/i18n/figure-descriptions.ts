/**
 * The words the Hugo shortcodes write themselves: the sentence shown without
 * JavaScript ("Interactive figure: Adam on the Rosenbrock surface. It needs
 * JavaScript."), in English and Spanish. Not part of the bundle: scripts/generate-spec.ts
 * writes them to data/gd_widgets/strings.json, which gd-widgets/strings.html returns.
 * Keyed by the core's catalogues, so a new surface, optimizer, data set or loss does not
 * type-check until it has its words here.
 *
 * optimizers names the update rule as a subject ("descenso del gradiente sobre ..."),
 * theOptimizers as it reads after a preposition ("cómo influye ... en el descenso del
 * gradiente"). The lr* entries are printf formats: lrHow takes the run ("gradient
 * descent on f(x) = x^2"), lrFrom and lrCompare the sentence so far and the rates.
 * decimal is the decimal separator of numbers in sentences (gd-widgets/number.html),
 * numberSeparator what stands between numbers in a list: "0,01; 0,45 y 0,9", where a
 * comma would read as a decimal one. raceBetween takes the racers joined in words and
 * the surface; emaForm a racer's name. trainerRun takes the modes joined in words, the
 * data set and the loss. networkRun takes the hidden layers (oneHiddenLayer or
 * hiddenLayers, each taking the units joined in words with unit or units after them),
 * what the network learns (networkTasks) and the loss: "a neural network with a hidden
 * layer of 6 units learning to separate a circle from a ring (loss: binary cross-entropy)".
 * flowRun takes the hidden layers, flowLayer (depth 1) or flowLayers, each taking the
 * depth and the activation's name (activations): "how the gradient flows back through
 * 10 sigmoid layers".
 */
import type { Activation, DatasetName, LossName, NetworkDatasetName, OptimizerName, SurfaceName } from '../core/index.js';
import type { BatchMode } from '../formula/batch-rules.js';

export interface FigureDescriptions {
  interactive: string;
  needsJS: string;
  openPage: string;
  on: string;
  learningRate: string;
  and: string;
  decimal: string;
  numberSeparator: string;
  lrHow: string;
  lrFrom: string;
  lrCompareOne: string;
  lrCompare: string;
  learningRates: string;
  raceBetween: string;
  emaForm: string;
  racers: Record<OptimizerName, string>;
  trainerRun: string;
  modes: Record<BatchMode, string>;
  networkRun: string;
  oneHiddenLayer: string;
  hiddenLayers: string;
  unit: string;
  units: string;
  networkTasks: Record<NetworkDatasetName, string>;
  flowRun: string;
  flowLayer: string;
  flowLayers: string;
  activations: Record<Activation, string>;
  datasets: Record<DatasetName, string>;
  losses: Record<LossName, string>;
  optimizers: Record<OptimizerName, string>;
  theOptimizers: Record<OptimizerName, string>;
  surfaces: Record<SurfaceName, string>;
}

export const FIGURE_DESCRIPTIONS: Record<'en' | 'es', FigureDescriptions> = {
  en: {
    interactive: 'Interactive figure',
    needsJS: 'It needs JavaScript.',
    openPage: 'Use it on the page',
    on: 'on',
    learningRate: 'learning rate',
    and: 'and',
    decimal: '.',
    numberSeparator: ', ',
    lrHow: 'how the learning rate changes %s',
    lrFrom: '%s, starting at learning rate %s',
    lrCompareOne: '%s with learning rate %s',
    lrCompare: '%s with learning rates %s side by side',
    learningRates: 'learning rates',
    raceBetween: 'a race between %s on %s',
    emaForm: '%s in its moving-average form',
    racers: {
      gd: 'gradient descent',
      momentum: 'momentum',
      nesterov: 'Nesterov momentum',
      rmsprop: 'RMSprop',
      adam: 'Adam',
      adagrad: 'AdaGrad',
    },
    trainerRun: '%s gradient descent training %s (loss: %s)',
    modes: {
      batch: 'batch',
      sgd: 'stochastic',
      minibatch: 'mini-batch',
    },
    networkRun: 'a neural network with %s learning to %s (loss: %s)',
    oneHiddenLayer: 'a hidden layer of %s',
    hiddenLayers: 'hidden layers of %s',
    unit: 'unit',
    units: 'units',
    networkTasks: {
      circle: 'separate a circle from a ring',
      xor: 'separate the quadrants of an XOR pattern',
      spiral: 'separate two interleaved spirals',
      moons: 'separate two interleaved half-moons',
      blobs: 'sort points into three clusters',
      sine: 'fit a sine curve through noisy points',
    },
    flowRun: 'how the gradient flows back through %s',
    flowLayer: '%s %s layer',
    flowLayers: '%s %s layers',
    activations: {
      sigmoid: 'sigmoid',
      tanh: 'tanh',
      relu: 'ReLU',
      linear: 'linear',
    },
    datasets: {
      linear: 'a linear regression on noisy points',
      logistic: 'a logistic regression on two clouds of points',
      iris: 'a softmax regression on the Iris flowers',
    },
    losses: {
      mse: 'mean squared error',
      mae: 'mean absolute error',
      bce: 'binary cross-entropy',
      cce: 'categorical cross-entropy',
    },
    optimizers: {
      gd: 'gradient descent',
      momentum: 'gradient descent with momentum',
      nesterov: 'gradient descent with Nesterov momentum',
      rmsprop: 'RMSprop',
      adam: 'Adam',
      adagrad: 'AdaGrad',
    },
    theOptimizers: {
      gd: 'gradient descent',
      momentum: 'gradient descent with momentum',
      nesterov: 'gradient descent with Nesterov momentum',
      rmsprop: 'RMSprop',
      adam: 'Adam',
      adagrad: 'AdaGrad',
    },
    surfaces: {
      bowl: 'a bowl-shaped surface',
      ravine: 'a narrow ravine',
      rosenbrock: 'the Rosenbrock surface',
      himmelblau: 'Himmelblau\'s surface',
      beale: 'Beale\'s surface',
      booth: 'Booth\'s surface',
      rastrigin: 'the Rastrigin surface',
      saddle: 'a saddle surface',
      'six-hump-camel': 'the six-hump camel surface',
      ackley: 'the Ackley surface',
    },
  },
  es: {
    interactive: 'Figura interactiva',
    needsJS: 'Necesita JavaScript.',
    openPage: 'Úsala en la página',
    on: 'sobre',
    learningRate: 'tasa de aprendizaje',
    and: 'y',
    decimal: ',',
    numberSeparator: '; ',
    lrHow: 'cómo influye la tasa de aprendizaje en %s',
    lrFrom: '%s, empezando con tasa de aprendizaje %s',
    lrCompareOne: '%s con tasa de aprendizaje %s',
    lrCompare: '%s con tasas de aprendizaje %s lado a lado',
    learningRates: 'tasas de aprendizaje',
    raceBetween: 'carrera entre %s sobre %s',
    emaForm: '%s en su forma de media móvil',
    racers: {
      gd: 'descenso del gradiente',
      momentum: 'momento',
      nesterov: 'momento de Nesterov',
      rmsprop: 'RMSprop',
      adam: 'Adam',
      adagrad: 'AdaGrad',
    },
    trainerRun: 'descenso del gradiente %s entrenando %s (pérdida: %s)',
    modes: {
      batch: 'por lotes',
      sgd: 'estocástico',
      minibatch: 'por mini-lotes',
    },
    networkRun: 'una red neuronal con %s aprendiendo a %s (pérdida: %s)',
    oneHiddenLayer: 'una capa oculta de %s',
    hiddenLayers: 'capas ocultas de %s',
    unit: 'unidad',
    units: 'unidades',
    networkTasks: {
      circle: 'separar un círculo de un anillo',
      xor: 'separar los cuadrantes de un patrón XOR',
      spiral: 'separar dos espirales entrelazadas',
      moons: 'separar dos medias lunas entrelazadas',
      blobs: 'clasificar puntos en tres grupos',
      sine: 'ajustar una curva seno a puntos con ruido',
    },
    flowRun: 'cómo fluye el gradiente hacia atrás a través de %s',
    flowLayer: '%s capa %s',
    flowLayers: '%s capas %s',
    activations: {
      sigmoid: 'sigmoide',
      tanh: 'tanh',
      relu: 'ReLU',
      linear: 'lineal',
    },
    datasets: {
      linear: 'una regresión lineal sobre puntos con ruido',
      logistic: 'una regresión logística sobre dos nubes de puntos',
      iris: 'una regresión softmax sobre las flores iris',
    },
    losses: {
      mse: 'error cuadrático medio',
      mae: 'error absoluto medio',
      bce: 'entropía cruzada binaria',
      cce: 'entropía cruzada categórica',
    },
    optimizers: {
      gd: 'descenso del gradiente',
      momentum: 'descenso del gradiente con momento',
      nesterov: 'descenso del gradiente con momento de Nesterov',
      rmsprop: 'RMSprop',
      adam: 'Adam',
      adagrad: 'AdaGrad',
    },
    theOptimizers: {
      gd: 'el descenso del gradiente',
      momentum: 'el descenso del gradiente con momento',
      nesterov: 'el descenso del gradiente con momento de Nesterov',
      rmsprop: 'RMSprop',
      adam: 'Adam',
      adagrad: 'AdaGrad',
    },
    surfaces: {
      bowl: 'una superficie en forma de cuenco',
      ravine: 'un barranco estrecho',
      rosenbrock: 'la superficie de Rosenbrock',
      himmelblau: 'la superficie de Himmelblau',
      beale: 'la superficie de Beale',
      booth: 'la superficie de Booth',
      rastrigin: 'la superficie de Rastrigin',
      saddle: 'una superficie en silla de montar',
      'six-hump-camel': 'la superficie del camello de seis jorobas',
      ackley: 'la superficie de Ackley',
    },
  },
};
