/**
 * What `<gd-network>` says, in English and Spanish (the words every figure shares are in
 * i18n/messages.ts). Terms follow the course: forward pass / propagación hacia adelante,
 * backward pass / propagación hacia atrás, loss / pérdida, mini-batch / mini-lote,
 * epoch / época, weight / peso, bias / sesgo.
 */
import type { Activation, InitName, NetworkDatasetName } from '../../core/index.js';
import type { Lang } from '../../i18n/lang.js';
import type { Phase } from '../../spec/gd-network.js';

export interface NetworkWords {
  datasets: Record<NetworkDatasetName, string>;
  /** Short names for the menu. */
  datasetChoices: Record<NetworkDatasetName, string>;
  activations: Record<Activation, string>;
  inits: Record<InitName, string>;
  losses: { mse: string; bce: string; cce: string };
  classesKey: string;
  dataset: string;
  layers: string;
  layersHint: string;
  activation: string;
  init: string;
  batchSize: string;
  epochsField: string;
  xAxis: string;
  epochs: string;
  updates: string;
  epoch: string;
  loss: string;
  accuracy: string;
  epochsPerSecond: (n: string) => string;
  /** "2–4–4–1 network". */
  shape: (sizes: string) => string;
  /** The drawing's text alternative. */
  networkLabel: (sizes: string, activation: string) => string;
  dataLabel: (name: string) => string;
  /** Under the columns of the drawing. */
  inputs: string;
  outputs: string;
  phases: Record<Exclude<Phase, 'idle'>, string>;
  nextPhase: string;
  /** What the phase shown computed. */
  explain: {
    idle: (m: number) => string;
    /** Training has ended: no next mini-batch. */
    done: string;
    forward: (m: number, example: number) => string;
    loss: (example: number, loss: string, batchLoss: string) => string;
    backward: (example: number) => string;
    update: (m: number, rule: string) => string;
  };
  /** The key of the drawing. */
  edgesWeights: string;
  edgesGradients: (example: number) => string;
  unitsActivations: (example: number) => string;
  unitsDeltas: (example: number) => string;
  positive: string;
  negative: string;
  parameter: string;
  /** A group of the parameter menu. */
  layer: (l: number) => string;
  chainTitle: string;
  tableTitle: string;
  tableCaption: (m: number) => string;
  /** Column heading: example i of the data set (counted from 1). */
  example: (i: number) => string;
  mean: string;
  moreExamples: (n: number) => string;
  traceExample: (i: number) => string;
  traced: string;
  /** A weight or bias named in words, for menus and tooltips. */
  weightName: (l: number, i: number, j: number) => string;
  biasName: (l: number, i: number) => string;
  doneSentence: (epochs: number, loss: string, accuracy: string | null) => string;
  divergedSentence: (epoch: number) => string;
  table: string;
}

const en: NetworkWords = {
  datasets: {
    circle: 'A circle inside a ring',
    xor: 'XOR: opposite quadrants',
    spiral: 'Two spirals',
    moons: 'Two moons',
    blobs: 'Three blobs',
    sine: 'A sine curve (regression)',
  },
  datasetChoices: { circle: 'Circle', xor: 'XOR', spiral: 'Spiral', moons: 'Moons', blobs: 'Three blobs', sine: 'Sine' },
  activations: { sigmoid: 'sigmoid', tanh: 'tanh', relu: 'ReLU', linear: 'linear (none)' },
  inits: { xavier: 'Xavier (Glorot)', he: 'He', normal: 'Normal' },
  losses: { mse: 'squared error', bce: 'binary cross-entropy', cce: 'categorical cross-entropy' },
  classesKey: 'Class',
  dataset: 'Data',
  layers: 'Hidden layers',
  layersHint: 'units per layer, e.g. 4,4',
  activation: 'Activation',
  init: 'Initial weights',
  batchSize: 'Mini-batch size',
  epochsField: 'Epochs',
  xAxis: 'Loss against',
  epochs: 'epochs',
  updates: 'updates',
  epoch: 'Epoch',
  loss: 'Loss',
  accuracy: 'Accuracy',
  epochsPerSecond: (n) => `${n} epochs/s`,
  shape: (sizes) => `${sizes} network`,
  networkLabel: (sizes, f) => `A network with layers of ${sizes} units (hidden activation: ${f}); blue weights are positive, orange negative, thicker ones larger.`,
  dataLabel: (name) => `The data (${name}) with the network's prediction`,
  inputs: 'x',
  outputs: 'ŷ',
  phases: { forward: 'Forward pass', loss: 'Loss', backward: 'Backward pass', update: 'Update' },
  nextPhase: 'Next phase',
  explain: {
    idle: (m) =>
      `“Next phase” walks through one update on the next mini-batch of ${m}: forward pass, loss, backward pass, update. Click a weight (or a unit, for its bias) to follow its chain rule.`,
    done: 'Training is over: the chain rule and the table show the last mini-batch at the final weights. Reset to walk through an update from the start.',
    forward: (m, i) => `Forward pass: every unit computes z = Σ w·a + b from the layer below, then a = f(z), for each of the ${m} examples. Shown: example ${i}.`,
    loss: (i, l, L) => `Loss: example ${i} costs ℓ = ${l}; the mean over the mini-batch is L = ${L}.`,
    backward: (i) => `Backward pass: the error δ = ∂ℓ/∂z starts at the output and flows back by the chain rule; each weight's gradient is the δ of the unit it feeds times the activation it carries. Shown: example ${i}.`,
    update: (m, rule) => `Update: each weight moved against the mean of the ${m} examples' gradients (the table's last column), by ${rule}.`,
  },
  edgesWeights: 'weights',
  edgesGradients: (i) => `edges: ∂ℓ/∂w for example ${i}`,
  unitsActivations: (i) => `units: activations a for example ${i}`,
  unitsDeltas: (i) => `units: errors δ for example ${i}`,
  positive: 'positive',
  negative: 'negative',
  parameter: 'Parameter',
  layer: (l) => `Layer ${l}`,
  chainTitle: 'Chain rule',
  tableTitle: 'Gradients, example by example',
  tableCaption: (m) => `The gradient of each example of the mini-batch of ${m}, and their mean, the gradient the update uses`,
  example: (i) => `#${i}`,
  mean: 'Mean',
  moreExamples: (n) => `+${n}`,
  traceExample: (i) => `Trace example ${i}`,
  traced: 'traced',
  weightName: (l, i, j) => `weight from unit ${j} of layer ${l - 1} to unit ${i} of layer ${l}`,
  biasName: (l, i) => `bias of unit ${i} of layer ${l}`,
  doneSentence: (e, loss, acc) => `Done: ${e} epochs, loss ${loss}${acc ? `, accuracy ${acc}` : ''}.`,
  divergedSentence: (e) => `Training diverged in epoch ${e}: the loss is no longer a finite number. Try a smaller learning rate.`,
  table: 'Training so far',
};

const es: NetworkWords = {
  datasets: {
    circle: 'Un círculo dentro de un anillo',
    xor: 'XOR: cuadrantes opuestos',
    spiral: 'Dos espirales',
    moons: 'Dos lunas',
    blobs: 'Tres nubes',
    sine: 'Una curva seno (regresión)',
  },
  datasetChoices: { circle: 'Círculo', xor: 'XOR', spiral: 'Espiral', moons: 'Lunas', blobs: 'Tres nubes', sine: 'Seno' },
  activations: { sigmoid: 'sigmoide', tanh: 'tanh', relu: 'ReLU', linear: 'lineal (ninguna)' },
  inits: { xavier: 'Xavier (Glorot)', he: 'He', normal: 'Normal' },
  losses: { mse: 'error cuadrático', bce: 'entropía cruzada binaria', cce: 'entropía cruzada categórica' },
  classesKey: 'Clase',
  dataset: 'Datos',
  layers: 'Capas ocultas',
  layersHint: 'unidades por capa, p. ej. 4,4',
  activation: 'Activación',
  init: 'Pesos iniciales',
  batchSize: 'Tamaño del mini-lote',
  epochsField: 'Épocas',
  xAxis: 'Pérdida según',
  epochs: 'épocas',
  updates: 'actualizaciones',
  epoch: 'Época',
  loss: 'Pérdida',
  accuracy: 'Exactitud',
  epochsPerSecond: (n) => `${n} épocas/s`,
  shape: (sizes) => `red ${sizes}`,
  networkLabel: (sizes, f) => `Una red con capas de ${sizes} unidades (activación oculta: ${f}); los pesos azules son positivos, los naranjas negativos, los más gruesos más grandes.`,
  dataLabel: (name) => `Los datos (${name}) con la predicción de la red`,
  inputs: 'x',
  outputs: 'ŷ',
  phases: { forward: 'Propagación hacia adelante', loss: 'Pérdida', backward: 'Propagación hacia atrás', update: 'Actualización' },
  nextPhase: 'Siguiente fase',
  explain: {
    idle: (m) =>
      `«Siguiente fase» recorre una actualización con el próximo mini-lote de ${m}: propagación hacia adelante, pérdida, propagación hacia atrás, actualización. Haz clic en un peso (o en una unidad, para su sesgo) para seguir su regla de la cadena.`,
    done: 'El entrenamiento terminó: la regla de la cadena y la tabla muestran el último mini-lote con los pesos finales. Reinicia para recorrer una actualización desde el principio.',
    forward: (m, i) => `Propagación hacia adelante: cada unidad calcula z = Σ w·a + b con la capa de abajo y luego a = f(z), para cada uno de los ${m} ejemplos. Se muestra el ejemplo ${i}.`,
    loss: (i, l, L) => `Pérdida: el ejemplo ${i} cuesta ℓ = ${l}; la media del mini-lote es L = ${L}.`,
    backward: (i) => `Propagación hacia atrás: el error δ = ∂ℓ/∂z parte de la salida y retrocede por la regla de la cadena; el gradiente de cada peso es el δ de la unidad a la que llega por la activación que transporta. Se muestra el ejemplo ${i}.`,
    update: (m, rule) => `Actualización: cada peso se movió en contra de la media de los gradientes de los ${m} ejemplos (la última columna de la tabla), con ${rule}.`,
  },
  edgesWeights: 'pesos',
  edgesGradients: (i) => `aristas: ∂ℓ/∂w del ejemplo ${i}`,
  unitsActivations: (i) => `unidades: activaciones a del ejemplo ${i}`,
  unitsDeltas: (i) => `unidades: errores δ del ejemplo ${i}`,
  positive: 'positivo',
  negative: 'negativo',
  parameter: 'Parámetro',
  layer: (l) => `Capa ${l}`,
  chainTitle: 'Regla de la cadena',
  tableTitle: 'Gradientes, ejemplo a ejemplo',
  tableCaption: (m) => `El gradiente de cada ejemplo del mini-lote de ${m}, y su media, el gradiente que usa la actualización`,
  example: (i) => `n.º ${i}`,
  mean: 'Media',
  moreExamples: (n) => `+${n}`,
  traceExample: (i) => `Seguir el ejemplo n.º ${i}`,
  traced: 'seguido',
  weightName: (l, i, j) => `peso de la unidad ${j} de la capa ${l - 1} a la unidad ${i} de la capa ${l}`,
  biasName: (l, i) => `sesgo de la unidad ${i} de la capa ${l}`,
  doneSentence: (e, loss, acc) => `Listo: ${e} épocas, pérdida ${loss}${acc ? `, exactitud ${acc}` : ''}.`,
  divergedSentence: (e) => `El entrenamiento divergió en la época ${e}: la pérdida ya no es un número finito. Prueba una tasa de aprendizaje menor.`,
  table: 'El entrenamiento hasta ahora',
};

export const NETWORK_WORDS: Readonly<Record<Lang, NetworkWords>> = { en, es };
