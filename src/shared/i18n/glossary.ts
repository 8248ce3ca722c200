import type { ActivationKind } from '../models/activationTable';
import type { LossName } from '../models/lossTable';
import type { INITIALIZER_METHODS, LayerType } from '../models/modelSpec';
import type { OptimizerName } from '../models/optimizerTable';
import type { Language } from './languages';
import { pluralForm } from './plural';

/**
 * The course's terms in es/pt/en, once: the interface (as the vue-i18n area `term`, see
 * `renderer/src/i18n/locales/terms.ts`), the exported report (`core/reports/reportText.ts`) and the CLI's hints all
 * name an optimizer, a loss, an activation, a layer or a part of the split from here, so they cannot drift apart
 * again (they once said "Mini-lote (+ momento)" and "SGD por minilotes" for the same option). Each group is typed
 * `satisfies Record<Kind, Term>` against its table in `src/shared/models`, so a new optimizer or activation without
 * its name in three languages fails to compile. docs/glossary.md is generated from this file.
 *
 * Spelling: a term is written as it reads inside a sentence (lower case except names and acronyms: "sigmoide",
 * "ReLU", "SGD por minilotes"); `termLabel` gives the form that starts a heading, an option or a table cell
 * ("Sigmoide"). Terms that are counted hold their plural forms as vue-i18n writes them, "época | épocas".
 */
export type Term = Readonly<Record<Language, string>>;

const OPTIMIZER_TERMS = {
  gd: { es: 'descenso de gradiente (lote completo)', pt: 'descida do gradiente (lote completo)', en: 'gradient descent (full batch)' },
  sgd: { es: 'SGD (una muestra por paso)', pt: 'SGD (uma amostra por passo)', en: 'SGD (one sample per step)' },
  minibatch: { es: 'SGD por minilotes', pt: 'SGD por minilotes', en: 'mini-batch SGD' },
  adam: { es: 'Adam', pt: 'Adam', en: 'Adam' },
  rmsprop: { es: 'RMSprop', pt: 'RMSprop', en: 'RMSprop' },
} as const satisfies Record<OptimizerName, Term>;

const LOSS_TERMS = {
  mse: { es: 'error cuadrático medio (MSE)', pt: 'erro quadrático médio (MSE)', en: 'mean squared error (MSE)' },
  mae: { es: 'error absoluto medio (MAE)', pt: 'erro absoluto médio (MAE)', en: 'mean absolute error (MAE)' },
  mape: {
    es: 'error porcentual absoluto medio (MAPE)',
    pt: 'erro percentual absoluto médio (MAPE)',
    en: 'mean absolute percentage error (MAPE)',
  },
  binaryCrossEntropy: { es: 'entropía cruzada binaria', pt: 'entropia cruzada binária', en: 'binary cross-entropy' },
  categoricalCrossEntropy: { es: 'entropía cruzada categórica', pt: 'entropia cruzada categórica', en: 'categorical cross-entropy' },
  hinge: { es: 'bisagra (hinge)', pt: 'dobradiça (hinge)', en: 'hinge' },
} as const satisfies Record<LossName, Term>;

const ACTIVATION_TERMS = {
  identity: { es: 'identidad (lineal)', pt: 'identidade (linear)', en: 'identity (linear)' },
  step: { es: 'escalón', pt: 'degrau', en: 'step' },
  sigmoid: { es: 'sigmoide', pt: 'sigmoide', en: 'sigmoid' },
  tanh: { es: 'tanh', pt: 'tanh', en: 'tanh' },
  arctan: { es: 'arctan', pt: 'arctan', en: 'arctan' },
  relu: { es: 'ReLU', pt: 'ReLU', en: 'ReLU' },
  leakyRelu: { es: 'Leaky ReLU', pt: 'Leaky ReLU', en: 'Leaky ReLU' },
  prelu: { es: 'PReLU', pt: 'PReLU', en: 'PReLU' },
  elu: { es: 'ELU', pt: 'ELU', en: 'ELU' },
  softplus: { es: 'softplus', pt: 'softplus', en: 'softplus' },
  softmax: { es: 'softmax', pt: 'softmax', en: 'softmax' },
} as const satisfies Record<ActivationKind, Term>;

const INITIALIZER_TERMS = {
  glorotUniform: { es: 'Glorot uniforme', pt: 'Glorot uniforme', en: 'Glorot uniform' },
  heNormal: { es: 'He normal', pt: 'He normal', en: 'He normal' },
  uniform: { es: 'uniforme (−1, 1)', pt: 'uniforme (−1, 1)', en: 'uniform (−1, 1)' },
  zeros: { es: 'ceros', pt: 'zeros', en: 'zeros' },
} as const satisfies Record<(typeof INITIALIZER_METHODS)[number], Term>;

const LAYER_TERMS = {
  dense: { es: 'densa', pt: 'densa', en: 'dense' },
  conv2d: { es: 'convolución 2D', pt: 'convolução 2D', en: '2D convolution' },
  maxPool: { es: 'max pooling', pt: 'max pooling', en: 'max pooling' },
  avgPool: { es: 'average pooling', pt: 'average pooling', en: 'average pooling' },
  flatten: { es: 'aplanar', pt: 'achatar', en: 'flatten' },
  dropout: { es: 'dropout', pt: 'dropout', en: 'dropout' },
  batchNorm: { es: 'normalización por lotes', pt: 'normalização em lote', en: 'batch normalization' },
  output: { es: 'capa de salida', pt: 'camada de saída', en: 'output layer' },
} as const satisfies Record<LayerType, Term>;

/** The parts a split makes of the samples (`experimentSplit`'s train / validation / test). */
export type SplitPart = 'train' | 'validation' | 'test';
const SPLIT_PART_TERMS = {
  train: { es: 'entrenamiento', pt: 'treino', en: 'training' },
  validation: { es: 'validación', pt: 'validação', en: 'validation' },
  test: { es: 'prueba', pt: 'teste', en: 'test' },
} as const satisfies Record<SplitPart, Term>;
/** `metrics.json` keys its accuracy and loss per part as train / val / test. */
export const SPLIT_PART_OF = { train: 'train', val: 'validation', test: 'test' } as const satisfies Record<string, SplitPart>;

/** What Evaluación, the report and `metrics.json` measure. */
export type MetricName = 'loss' | 'accuracy' | 'precision' | 'recall' | 'f1' | 'support';
const METRIC_TERMS = {
  loss: { es: 'pérdida', pt: 'perda', en: 'loss' },
  accuracy: { es: 'exactitud', pt: 'acurácia', en: 'accuracy' },
  precision: { es: 'precisión', pt: 'precisão', en: 'precision' },
  recall: { es: 'exhaustividad', pt: 'revocação', en: 'recall' },
  f1: { es: 'F1', pt: 'F1', en: 'F1' },
  support: { es: 'soporte', pt: 'suporte', en: 'support' },
} as const satisfies Record<MetricName, Term>;

/** A concept of the course: its name (with plural forms when it is counted) and what it means, for docs/glossary.md. */
export interface Concept {
  term: Term;
  definition: Term;
}

/** The course's vocabulary beyond the tables above, in the order a student meets it. */
const CONCEPTS = {
  sample: {
    term: { es: 'muestra | muestras', pt: 'amostra | amostras', en: 'sample | samples' },
    definition: {
      es: 'Un ejemplo del conjunto de datos: una imagen o una fila, con su clase o su valor objetivo.',
      pt: 'Um exemplo do conjunto de dados: uma imagem ou uma linha, com sua classe ou seu valor alvo.',
      en: 'One example of the dataset: an image or a row, with its class or its target value.',
    },
  },
  class: {
    term: { es: 'clase | clases', pt: 'classe | classes', en: 'class | classes' },
    definition: {
      es: 'La categoría que la red aprende a predecir (en una carpeta de imágenes, el nombre de la subcarpeta).',
      pt: 'A categoria que a rede aprende a prever (numa pasta de imagens, o nome da subpasta).',
      en: 'The category the network learns to predict (in an image folder, the name of the subfolder).',
    },
  },
  feature: {
    term: { es: 'característica | características', pt: 'característica | características', en: 'feature | features' },
    definition: {
      es: 'Un número que describe una muestra; el vector de características (HOG, píxeles o columnas) es la entrada de la red.',
      pt: 'Um número que descreve uma amostra; o vetor de características (HOG, pixels ou colunas) é a entrada da rede.',
      en: "A number describing a sample; the feature vector (HOG, pixels or columns) is the network's input.",
    },
  },
  neuron: {
    term: { es: 'neurona | neuronas', pt: 'neurônio | neurônios', en: 'neuron | neurons' },
    definition: {
      es: 'Calcula la suma ponderada de sus entradas más su bias y le aplica la función de activación f.',
      pt: 'Calcula a soma ponderada das suas entradas mais o seu bias e aplica a função de ativação f.',
      en: 'Computes the weighted sum of its inputs plus its bias and applies the activation function f to it.',
    },
  },
  weight: {
    term: { es: 'peso | pesos', pt: 'peso | pesos', en: 'weight | weights' },
    definition: {
      es: 'Un parámetro que el entrenamiento ajusta: multiplica una entrada de la neurona.',
      pt: 'Um parâmetro que o treinamento ajusta: multiplica uma entrada do neurônio.',
      en: 'A parameter that training adjusts: it multiplies one input of the neuron.',
    },
  },
  epoch: {
    term: { es: 'época | épocas', pt: 'época | épocas', en: 'epoch | epochs' },
    definition: {
      es: 'Una pasada completa por las muestras de entrenamiento.',
      pt: 'Uma passagem completa pelas amostras de treino.',
      en: 'One full pass over the training samples.',
    },
  },
  batch: {
    term: { es: 'lote | lotes', pt: 'lote | lotes', en: 'batch | batches' },
    definition: {
      es: 'Las muestras cuyo gradiente medio da una actualización de los pesos.',
      pt: 'As amostras cujo gradiente médio dá uma atualização dos pesos.',
      en: 'The samples whose mean gradient makes one update of the weights.',
    },
  },
  learningRate: {
    term: { es: 'tasa de aprendizaje', pt: 'taxa de aprendizado', en: 'learning rate' },
    definition: {
      es: 'η: cuánto se mueven los pesos en cada actualización, w ← w − η·∂J/∂w.',
      pt: 'η: quanto os pesos se movem em cada atualização, w ← w − η·∂J/∂w.',
      en: 'η: how far the weights move in each update, w ← w − η·∂J/∂w.',
    },
  },
  momentum: {
    term: { es: 'momento', pt: 'momento', en: 'momentum' },
    definition: {
      es: 'μ: la fracción de la actualización anterior que se suma a la nueva (v ← μ·v + g).',
      pt: 'μ: a fração da atualização anterior somada à nova (v ← μ·v + g).',
      en: 'μ: the share of the previous update added to the new one (v ← μ·v + g).',
    },
  },
  sensitivity: {
    term: { es: 'sensibilidad | sensibilidades', pt: 'sensibilidade | sensibilidades', en: 'sensitivity | sensitivities' },
    definition: {
      es: 'δ: la derivada de la pérdida respecto de la entrada neta de una neurona; la retropropagación la lleva hacia atrás capa a capa.',
      pt: 'δ: a derivada da perda em relação à entrada líquida de um neurônio; a retropropagação a leva para trás camada a camada.',
      en: "δ: the derivative of the loss with respect to a neuron's net input; backpropagation carries it back layer by layer.",
    },
  },
  fold: {
    term: { es: 'pliegue | pliegues', pt: 'dobra | dobras', en: 'fold | folds' },
    definition: {
      es: 'En la validación cruzada k-fold, una de las k partes: cada una se usa una vez para validar y k − 1 veces para entrenar.',
      pt: 'Na validação cruzada k-fold, uma das k partes: cada uma é usada uma vez para validar e k − 1 vezes para treinar.',
      en: 'In k-fold cross-validation, one of the k parts: each validates once and trains k − 1 times.',
    },
  },
  overfitting: {
    term: { es: 'sobreajuste', pt: 'sobreajuste', en: 'overfitting' },
    definition: {
      es: 'El modelo memoriza las muestras de entrenamiento: su pérdida baja mientras la de validación sube.',
      pt: 'O modelo memoriza as amostras de treino: sua perda cai enquanto a de validação sobe.',
      en: 'The model memorizes the training samples: their loss falls while the validation loss rises.',
    },
  },
  bias: {
    term: { es: 'sesgo', pt: 'viés', en: 'bias' },
    definition: {
      es: 'Error que el modelo comete ya con los datos de entrenamiento (sesgo alto: el modelo es demasiado simple).',
      pt: 'Erro que o modelo já comete com os dados de treino (viés alto: o modelo é simples demais).',
      en: 'The error the model makes on the training data itself (high bias: the model is too simple).',
    },
  },
  variance: {
    term: { es: 'varianza', pt: 'variância', en: 'variance' },
    definition: {
      es: 'Cuánto peor le va al modelo con datos que no vio que con los de entrenamiento (varianza alta: memoriza).',
      pt: 'Quanto pior o modelo se sai com dados que não viu do que com os de treino (variância alta: memoriza).',
      en: 'How much worse the model does on unseen data than on the training data (high variance: it memorizes).',
    },
  },
  earlyStopping: {
    term: { es: 'parada temprana', pt: 'parada antecipada', en: 'early stopping' },
    definition: {
      es: 'Detener el entrenamiento cuando la pérdida de validación deja de mejorar durante «paciencia» épocas.',
      pt: 'Parar o treinamento quando a perda de validação deixa de melhorar durante «paciência» épocas.',
      en: 'Stopping training when the validation loss has not improved for "patience" epochs.',
    },
  },
  augmentation: {
    term: { es: 'aumento de datos', pt: 'aumento de dados', en: 'data augmentation' },
    definition: {
      es: 'Variantes de las imágenes de entrenamiento (giros, desplazamientos, brillo…) que enseñan a la red a ignorarlos.',
      pt: 'Variantes das imagens de treino (rotações, deslocamentos, brilho…) que ensinam a rede a ignorá-los.',
      en: 'Variants of the training images (rotations, shifts, brightness…) that teach the network to ignore them.',
    },
  },
} as const satisfies Record<string, Concept>;
export type ConceptName = keyof typeof CONCEPTS;

/** Every group of named kinds, each keyed by the kinds of its table. */
export const TERMS = {
  optimizer: OPTIMIZER_TERMS,
  loss: LOSS_TERMS,
  activation: ACTIVATION_TERMS,
  initializer: INITIALIZER_TERMS,
  layer: LAYER_TERMS,
  splitPart: SPLIT_PART_TERMS,
  metric: METRIC_TERMS,
  concept: Object.fromEntries(Object.entries(CONCEPTS).map(([name, concept]) => [name, concept.term])) as {
    [C in ConceptName]: (typeof CONCEPTS)[C]['term'];
  },
} as const;
export type TermGroup = keyof typeof TERMS;
export type TermKey<G extends TermGroup> = keyof (typeof TERMS)[G] & string;

/** What the groups mean, as docs/glossary.md heads them. */
export const GROUP_TITLES = {
  optimizer: { es: 'Optimizadores', pt: 'Otimizadores', en: 'Optimizers' },
  loss: { es: 'Funciones de pérdida', pt: 'Funções de perda', en: 'Loss functions' },
  activation: { es: 'Funciones de activación', pt: 'Funções de ativação', en: 'Activation functions' },
  initializer: { es: 'Inicialización de pesos', pt: 'Inicialização dos pesos', en: 'Weight initialization' },
  layer: { es: 'Tipos de capa', pt: 'Tipos de camada', en: 'Layer types' },
  splitPart: { es: 'Partes de la división', pt: 'Partes da divisão', en: 'Parts of the split' },
  metric: { es: 'Métricas', pt: 'Métricas', en: 'Metrics' },
  concept: { es: 'Conceptos', pt: 'Conceitos', en: 'Concepts' },
} as const satisfies Record<TermGroup, Term>;

export { CONCEPTS };

/** Whether `key` names a kind of `group` (a run file from another version may hold a name this one does not know). */
export function isTermKey<G extends TermGroup>(group: G, key: string): key is TermKey<G> {
  return Object.hasOwn(TERMS[group], key);
}

/** The term in `language`, its singular form for counted ones ("época"). */
export function term<G extends TermGroup>(language: Language, group: G, key: TermKey<G>): string {
  const forms = TERMS[group][key] as Term;
  return pluralForm(forms[language], 1, language);
}

/** The term starting a heading, an option or a table cell: "Sigmoide", "Capa de salida", "SGD por minilotes". */
export function termLabel<G extends TermGroup>(language: Language, group: G, key: TermKey<G>): string {
  return capitalize(term(language, group, key), language);
}

/** A count with its noun in the language's plural rule: "1 época", "30 épocas" (`formatted` is the number as shown). */
export function countOf(language: Language, concept: ConceptName, count: number, formatted = String(count)): string {
  return `${formatted} ${pluralForm(TERMS.concept[concept][language], count, language)}`;
}

/** First letter in upper case, as the language writes it. */
export function capitalize(text: string, language: Language): string {
  return text.charAt(0).toLocaleUpperCase(language) + text.slice(1);
}

/** One language's terms as a message tree, `{ optimizer: { gd: '…' }, … }` (vue-i18n reads plural forms from " | "). */
export function termMessages(language: Language): { [G in TermGroup]: Record<TermKey<G>, string> } {
  return Object.fromEntries(
    Object.entries(TERMS).map(([group, terms]) => [
      group,
      Object.fromEntries(Object.entries(terms).map(([key, forms]) => [key, (forms as Term)[language]])),
    ]),
  ) as { [G in TermGroup]: Record<TermKey<G>, string> };
}
