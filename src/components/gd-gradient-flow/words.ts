/**
 * What `<gd-gradient-flow>` says, in English and Spanish. Terms: vanishing / exploding
 * gradients, desvanecimiento / explosión del gradiente; layer / capa; clipping / recorte.
 */
import type { FlowVerdict, InitName } from '../../core/index.js';
import type { Lang } from '../../i18n/lang.js';

export interface FlowWords {
  title: (depth: number, activation: string) => string;
  subtitle: (shape: string, init: string, samples: number) => string;
  activations: { sigmoid: string; tanh: string; relu: string };
  inits: Record<InitName, string>;
  activationTitle: string;
  slopeTitle: string;
  /** The mark at the largest slope: "largest slope 1/4". */
  largestSlope: (value: string) => string;
  /** What the slope means for the error passed back. */
  slopeNote: { sigmoid: string; tanh: string; relu: string };
  barsTitle: string;
  barsLabel: string;
  layer: string;
  firstLayer: string;
  lastLayer: string;
  clipped: string;
  unclipped: string;
  verdict: Record<FlowVerdict, (ratio: string) => string>;
  weightRatio: (ratio: string) => string;
  /** After a diverged run: the gradients shown are the start's. */
  atStart: string;
  clipNote: (before: string, clip: string, after: string) => string;
  clipNoteUnder: (before: string, clip: string) => string;
  formulaTitle: string;
  formulaLayer: string;
  changesTitle: string;
  changesLabel: string;
  changesEmpty: string;
  /** Instead of the bars once training has diverged. */
  changesDiverged: string;
  loss: string;
  epochs: string;
  epochsPerSecond: (n: string) => string;
  depth: string;
  width: string;
  init: string;
  initScale: string;
  activation: string;
  clip: string;
  off: string;
  epochsField: string;
  doneSentence: (epochs: number, loss: string) => string;
  divergedSentence: (epoch: number) => string;
}

const en: FlowWords = {
  title: (depth, f) => `The gradient through ${depth} ${f} layer${depth === 1 ? '' : 's'}`,
  subtitle: (shape, init, m) => `${shape} network · ${init} · a batch of ${m}`,
  activations: { sigmoid: 'sigmoid', tanh: 'tanh', relu: 'ReLU' },
  inits: { xavier: 'Xavier (Glorot)', he: 'He', normal: 'Normal' },
  activationTitle: 'The activation f(z)',
  slopeTitle: "Its slope f′(z)",
  largestSlope: (v) => `largest slope ${v}`,
  slopeNote: {
    sigmoid: 'σ′(z) ≤ 1/4: every sigmoid layer passes back at most a quarter of the error it receives, times its weights.',
    tanh: 'tanh′(z) ≤ 1, and well below 1 once units saturate.',
    relu: 'ReLU′(z) is 1 where the unit is active and 0 where it is not: active units pass the error back unchanged, times their weights.',
  },
  barsTitle: 'Gradient norm of each layer’s weights, ‖∂L/∂Wₗ‖ (log scale)',
  barsLabel: 'Bars of each layer’s gradient norm, first layer first, on a logarithmic scale',
  layer: 'Layer',
  firstLayer: 'first',
  lastLayer: 'output',
  clipped: 'after clipping',
  unclipped: 'gradient',
  verdict: {
    vanishing: (r) => `Vanishing: the error reaching the first layer is ${r} of the error at the output (‖δ⁽¹⁾‖/‖δ⁽ᴸ⁾‖). The first layers barely learn.`,
    exploding: (r) => `Exploding: the error reaching the first layer is ${r} times the error at the output (‖δ⁽¹⁾‖/‖δ⁽ᴸ⁾‖). One step of gradient descent would throw the weights far away.`,
    stable: (r) => `Neither vanishing nor exploding: the error reaching the first layer is ${r} times the error at the output (‖δ⁽¹⁾‖/‖δ⁽ᴸ⁾‖).`,
  },
  atStart: 'Training diverged: its weights are no longer numbers, so the bars show the gradients at the start, which sent them off.',
  weightRatio: (r) => `First layer’s ‖∂L/∂W‖ over the last’s: ${r}.`,
  clipNote: (before, clip, after) => `Clipping: the whole gradient’s norm ${before} is above ${clip}, so every component is scaled down to norm ${after}.`,
  clipNoteUnder: (before, clip) => `Clipping at ${clip}: the gradient’s norm ${before} is below it, so nothing changes.`,
  formulaTitle: 'The error passed back to unit 1 of a layer, for the first example; then the layer’s error over the next layer’s, over the whole batch',
  formulaLayer: 'Layer',
  changesTitle: 'How much each layer’s weights moved, ‖ΔWₗ‖ / ‖Wₗ‖ (log scale)',
  changesLabel: 'Bars of each layer’s relative change of weights since the start of training, first layer first',
  changesEmpty: 'Press play to train: these bars show which layers learn.',
  changesDiverged: 'No bars: the weights are no longer numbers, so how far they moved is not a number either.',
  loss: 'Loss',
  epochs: 'epochs',
  epochsPerSecond: (n) => `${n} epochs/s`,
  depth: 'Hidden layers',
  width: 'Units per layer',
  init: 'Initial weights',
  initScale: 'Initial scale',
  activation: 'Activation',
  clip: 'Clip the gradient at',
  off: 'off',
  epochsField: 'Epochs',
  doneSentence: (e, loss) => `Done: ${e} epochs, loss ${loss}.`,
  divergedSentence: (e) => `Training diverged in epoch ${e}: the loss is no longer a finite number. Try clipping, a smaller rate or smaller initial weights.`,
};

const es: FlowWords = {
  title: (depth, f) => `El gradiente a través de ${depth} capa${depth === 1 ? '' : 's'} ${f}`,
  subtitle: (shape, init, m) => `red ${shape} · ${init} · un lote de ${m}`,
  activations: { sigmoid: 'sigmoide', tanh: 'tanh', relu: 'ReLU' },
  inits: { xavier: 'Xavier (Glorot)', he: 'He', normal: 'Normal' },
  activationTitle: 'La activación f(z)',
  slopeTitle: 'Su pendiente f′(z)',
  largestSlope: (v) => `pendiente máxima ${v}`,
  slopeNote: {
    sigmoid: 'σ′(z) ≤ 1/4: cada capa sigmoide devuelve como mucho la cuarta parte del error que recibe, por sus pesos.',
    tanh: 'tanh′(z) ≤ 1, y muy por debajo de 1 cuando las unidades se saturan.',
    relu: 'ReLU′(z) vale 1 donde la unidad está activa y 0 donde no: las unidades activas devuelven el error sin cambio, por sus pesos.',
  },
  barsTitle: 'Norma del gradiente de los pesos de cada capa, ‖∂L/∂Wₗ‖ (escala logarítmica)',
  barsLabel: 'Barras con la norma del gradiente de cada capa, de la primera a la última, en escala logarítmica',
  layer: 'Capa',
  firstLayer: 'primera',
  lastLayer: 'salida',
  clipped: 'tras el recorte',
  unclipped: 'gradiente',
  verdict: {
    vanishing: (r) => `Desvanecimiento: el error que llega a la primera capa es ${r} del error en la salida (‖δ⁽¹⁾‖/‖δ⁽ᴸ⁾‖). Las primeras capas apenas aprenden.`,
    exploding: (r) => `Explosión: el error que llega a la primera capa es ${r} veces el error en la salida (‖δ⁽¹⁾‖/‖δ⁽ᴸ⁾‖). Un paso de descenso del gradiente lanzaría los pesos muy lejos.`,
    stable: (r) => `Ni se desvanece ni explota: el error que llega a la primera capa es ${r} veces el error en la salida (‖δ⁽¹⁾‖/‖δ⁽ᴸ⁾‖).`,
  },
  atStart: 'El entrenamiento divergió: sus pesos ya no son números, así que las barras muestran los gradientes del inicio, que los lanzaron lejos.',
  weightRatio: (r) => `‖∂L/∂W‖ de la primera capa sobre el de la última: ${r}.`,
  clipNote: (before, clip, after) => `Recorte: la norma del gradiente completo, ${before}, supera ${clip}, así que cada componente se escala hasta la norma ${after}.`,
  clipNoteUnder: (before, clip) => `Recorte en ${clip}: la norma del gradiente, ${before}, es menor, así que nada cambia.`,
  formulaTitle: 'El error que vuelve a la unidad 1 de una capa, para el primer ejemplo; después, el error de la capa sobre el de la siguiente, en todo el lote',
  formulaLayer: 'Capa',
  changesTitle: 'Cuánto se movieron los pesos de cada capa, ‖ΔWₗ‖ / ‖Wₗ‖ (escala logarítmica)',
  changesLabel: 'Barras con el cambio relativo de los pesos de cada capa desde el inicio del entrenamiento, de la primera a la última',
  changesEmpty: 'Pulsa reproducir para entrenar: estas barras muestran qué capas aprenden.',
  changesDiverged: 'Sin barras: los pesos ya no son números, así que cuánto se movieron tampoco lo es.',
  loss: 'Pérdida',
  epochs: 'épocas',
  epochsPerSecond: (n) => `${n} épocas/s`,
  depth: 'Capas ocultas',
  width: 'Unidades por capa',
  init: 'Pesos iniciales',
  initScale: 'Escala inicial',
  activation: 'Activación',
  clip: 'Recortar el gradiente en',
  off: 'no',
  epochsField: 'Épocas',
  doneSentence: (e, loss) => `Listo: ${e} épocas, pérdida ${loss}.`,
  divergedSentence: (e) => `El entrenamiento divergió en la época ${e}: la pérdida ya no es un número finito. Prueba el recorte, una tasa menor o pesos iniciales más pequeños.`,
};

export const FLOW_WORDS: Readonly<Record<Lang, FlowWords>> = { en, es };
