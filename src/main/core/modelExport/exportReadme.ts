import type { ModelExportFormat } from '../../../shared/contract/modelExport';
import type { Language } from '../../../shared/i18n/diagnosisText';
import type { PreprocessingFile } from '../inference/preprocessingFile';
import type { HogFeatureDetails, PixelFeatureDetails } from '../../../shared/contract/runs';
import { ONNX_INPUT, ONNX_OPSET, ONNX_OUTPUT } from './onnxExport';
import type { PortableModel } from './portableModel';

/**
 * The README.md of an export, in the report language: what each file is, what the input must be (the features,
 * their settings and the scaler, from preprocessing.json), what the output is, and a runnable example.
 */

export interface ReadmeFacts {
  format: ModelExportFormat;
  runId: string;
  modelName: string;
  version: string;
  preprocessing: PreprocessingFile;
  portable: PortableModel;
}

interface ReadmeText {
  title: (facts: ReadmeFacts) => string;
  intro: string;
  files: string;
  file: string;
  content: string;
  fileNames: Record<string, string>;
  input: string;
  hog: (d: HogFeatureDetails) => string;
  pixels: (d: PixelFeatureDetails, channels: number) => string;
  columns: (names: string[]) => string;
  scalerStandard: string;
  scalerMinMax: string;
  scalerNone: string;
  scalerFolded: (kind: 'standard' | 'minmax') => string;
  shape: (shape: string, layout: string) => string;
  output: string;
  outputText: (classes: string[], width: number) => string;
  run: string;
  runText: Record<ModelExportFormat, string>;
  /** Where such a CSV comes from, per feature kind (tfjs and ONNX examples). */
  csvSource: Record<PreprocessingFile['features']['kind'], string>;
  code: string;
  codeText: Record<ModelExportFormat, string>;
  dropout: string;
}

const list = (values: readonly unknown[]): string => values.map(String).join(', ');

const text: Record<Language, ReadmeText> = {
  es: {
    title: (f) => `Modelo exportado de Sinapsis: ${f.modelName || f.runId}`,
    intro:
      'Exportado por Sinapsis {version} desde la ejecución `{runId}`. Las probabilidades de este modelo son las de `predictions.json` de esa ejecución.',
    files: 'Archivos',
    file: 'archivo',
    content: 'contenido',
    fileNames: {
      'model.json': 'topología del modelo TensorFlow.js, solo capas estándar (`tf.loadLayersModel` la lee sin código de Sinapsis)',
      'weights.bin': 'pesos entrenados (float32)',
      'model.onnx': `el modelo ONNX (opset ${ONNX_OPSET}), con el escalado incluido`,
      'model.py': 'la red como `nn.Sequential` de PyTorch, con las mismas capas en el mismo orden',
      'weights.npz': 'pesos entrenados como arrays de NumPy (`np.load(..., allow_pickle=False)`), ya en el formato de PyTorch',
      'predict.py': 'preprocesa imágenes (o filas) exactamente como la ejecución y clasifica',
      'predict.mjs': 'ejemplo ejecutable en Node: clasifica un CSV de características',
      'preprocessing.json': 'características, escalador ajustado en la parte de entrenamiento, forma de la entrada y nombres de las clases',
    },
    input: 'Entrada',
    hog: (d) =>
      `HOG como en \`skimage.feature.hog\`: ${d.grayscale === false ? 'imagen en color' : 'imagen en gris (`cv2.cvtColor(..., cv2.COLOR_RGB2GRAY)`)'}${d.resize ? `, redimensionada a ${d.resize[0]}×${d.resize[1]} con \`cv2.resize\` (${d.interpolation === 'area' ? 'INTER_AREA' : 'INTER_LINEAR'})` : ''}; orientations=${d.orientations}, pixels_per_cell=(${list(d.pixelsPerCell)}), cells_per_block=(${list(d.cellsPerBlock)}), block_norm="${d.blockNorm}", transform_sqrt=${d.transformSqrt ? 'True' : 'False'}; vector en float32.`,
    pixels: (d, c) =>
      `Píxeles ${c === 3 ? 'RGB' : 'en gris'} de ${d.width}×${d.height} (\`cv2.resize\` con INTER_AREA${d.resizeMode === 'crop' ? ', tras recortar al centro la proporción de ese tamaño' : d.resizeMode === 'pad' ? ', sin deformar, con bandas del color medio del borde' : ''}), divididos por 255, en float32 (alto × ancho × canal).`,
    columns: (names) => `Las columnas de la tabla, en este orden: ${names.join(', ')}.`,
    scalerStandard:
      'Luego el escalado z-score ajustado en la parte de entrenamiento: `(x - mean) / std` con `mean` y `std` de `preprocessing.json`.',
    scalerMinMax:
      'Luego el escalado min-max ajustado en la parte de entrenamiento: `(x - min) / range` con `min` y `range` de `preprocessing.json`.',
    scalerNone: 'Sin escalado.',
    scalerFolded: (k) =>
      `El escalado ${k === 'standard' ? 'z-score' : 'min-max'} de la parte de entrenamiento está dentro del modelo (sus dos primeros nodos, \`Sub\` y \`Div\`): dale las características sin escalar.`,
    shape: (s, l) => `Forma: \`${s}\` (${l}).`,
    output: 'Salida',
    outputText: (classes, width) =>
      classes.length
        ? `${width === 1 ? 'Un valor p (sigmoide): la probabilidad de la segunda clase' : 'Una probabilidad por clase'}; clases, en orden: ${classes.join(', ')}.`
        : 'Los valores de la capa de salida (regresión).',
    run: 'Ejemplo',
    csvSource: {
      hog: '`sinapsis hog <carpeta> --csv hog.csv` escribe uno así con los mismos ajustes HOG (dale los de arriba).',
      pixels:
        'Para píxeles, escribe una fila por imagen con sus valores en el orden de arriba; o usa la exportación PyTorch, cuyo `predict.py` lee las imágenes.',
      columns: 'Para una tabla, las columnas en el orden de arriba.',
    },
    runText: {
      tfjs: 'Con Node y `npm install @tensorflow/tfjs`, clasifica un CSV de características sin escalar (cada fila termina con las características de una muestra; las celdas anteriores la nombran):',
      onnx: 'Con Node y `npm install onnxruntime-node`, clasifica un CSV de características sin escalar (cada fila termina con las características de una muestra; las celdas anteriores la nombran):',
      pytorch:
        'Con Python 3, NumPy, OpenCV, scikit-image y PyTorch (Debian/Ubuntu: `apt install python3-torch python3-opencv python3-skimage`), clasifica imágenes o carpetas:',
    },
    code: 'Cargarlo en tu código',
    codeText: {
      tfjs: 'En el navegador o en Node, con TensorFlow.js:',
      onnx: 'En Python con `pip install onnxruntime` (o en Netron para verlo):',
      pytorch: 'En un cuaderno, para seguir desde el modelo entrenado:',
    },
    dropout: 'El dropout no cambia nada al predecir (es la identidad fuera del entrenamiento).',
  },
  pt: {
    title: (f) => `Modelo exportado do Sinapsis: ${f.modelName || f.runId}`,
    intro:
      'Exportado pelo Sinapsis {version} a partir da execução `{runId}`. As probabilidades deste modelo são as de `predictions.json` dessa execução.',
    files: 'Arquivos',
    file: 'arquivo',
    content: 'conteúdo',
    fileNames: {
      'model.json': 'topologia do modelo TensorFlow.js, só camadas padrão (`tf.loadLayersModel` a lê sem código do Sinapsis)',
      'weights.bin': 'pesos treinados (float32)',
      'model.onnx': `o modelo ONNX (opset ${ONNX_OPSET}), com a normalização incluída`,
      'model.py': 'a rede como `nn.Sequential` do PyTorch, com as mesmas camadas na mesma ordem',
      'weights.npz': 'pesos treinados como arrays do NumPy (`np.load(..., allow_pickle=False)`), já no formato do PyTorch',
      'predict.py': 'pré-processa imagens (ou linhas) exatamente como a execução e classifica',
      'predict.mjs': 'exemplo executável em Node: classifica um CSV de características',
      'preprocessing.json': 'características, normalizador ajustado na parte de treino, forma da entrada e nomes das classes',
    },
    input: 'Entrada',
    hog: (d) =>
      `HOG como em \`skimage.feature.hog\`: ${d.grayscale === false ? 'imagem colorida' : 'imagem em cinza (`cv2.cvtColor(..., cv2.COLOR_RGB2GRAY)`)'}${d.resize ? `, redimensionada para ${d.resize[0]}×${d.resize[1]} com \`cv2.resize\` (${d.interpolation === 'area' ? 'INTER_AREA' : 'INTER_LINEAR'})` : ''}; orientations=${d.orientations}, pixels_per_cell=(${list(d.pixelsPerCell)}), cells_per_block=(${list(d.cellsPerBlock)}), block_norm="${d.blockNorm}", transform_sqrt=${d.transformSqrt ? 'True' : 'False'}; vetor em float32.`,
    pixels: (d, c) =>
      `Pixels ${c === 3 ? 'RGB' : 'em cinza'} de ${d.width}×${d.height} (\`cv2.resize\` com INTER_AREA${d.resizeMode === 'crop' ? ', após recortar no centro a proporção desse tamanho' : d.resizeMode === 'pad' ? ', sem deformar, com faixas da cor média da borda' : ''}), divididos por 255, em float32 (altura × largura × canal).`,
    columns: (names) => `As colunas da tabela, nesta ordem: ${names.join(', ')}.`,
    scalerStandard:
      'Depois a normalização z-score ajustada na parte de treino: `(x - mean) / std` com `mean` e `std` de `preprocessing.json`.',
    scalerMinMax:
      'Depois a normalização min-max ajustada na parte de treino: `(x - min) / range` com `min` e `range` de `preprocessing.json`.',
    scalerNone: 'Sem normalização.',
    scalerFolded: (k) =>
      `A normalização ${k === 'standard' ? 'z-score' : 'min-max'} da parte de treino está dentro do modelo (seus dois primeiros nós, \`Sub\` e \`Div\`): passe as características sem normalizar.`,
    shape: (s, l) => `Forma: \`${s}\` (${l}).`,
    output: 'Saída',
    outputText: (classes, width) =>
      classes.length
        ? `${width === 1 ? 'Um valor p (sigmoide): a probabilidade da segunda classe' : 'Uma probabilidade por classe'}; classes, em ordem: ${classes.join(', ')}.`
        : 'Os valores da camada de saída (regressão).',
    run: 'Exemplo',
    csvSource: {
      hog: '`sinapsis hog <pasta> --csv hog.csv` escreve um assim com os mesmos ajustes HOG (passe os de cima).',
      pixels:
        'Para pixels, escreva uma linha por imagem com seus valores na ordem de cima; ou use a exportação PyTorch, cujo `predict.py` lê as imagens.',
      columns: 'Para uma tabela, as colunas na ordem de cima.',
    },
    runText: {
      tfjs: 'Com Node e `npm install @tensorflow/tfjs`, classifica um CSV de características sem normalizar (cada linha termina com as características de uma amostra; as células anteriores a nomeiam):',
      onnx: 'Com Node e `npm install onnxruntime-node`, classifica um CSV de características sem normalizar (cada linha termina com as características de uma amostra; as células anteriores a nomeiam):',
      pytorch:
        'Com Python 3, NumPy, OpenCV, scikit-image e PyTorch (Debian/Ubuntu: `apt install python3-torch python3-opencv python3-skimage`), classifica imagens ou pastas:',
    },
    code: 'Carregá-lo no seu código',
    codeText: {
      tfjs: 'No navegador ou no Node, com TensorFlow.js:',
      onnx: 'Em Python com `pip install onnxruntime` (ou no Netron para vê-lo):',
      pytorch: 'Num notebook, para continuar a partir do modelo treinado:',
    },
    dropout: 'O dropout não muda nada ao prever (é a identidade fora do treino).',
  },
  en: {
    title: (f) => `Model exported from Sinapsis: ${f.modelName || f.runId}`,
    intro: "Exported by Sinapsis {version} from run `{runId}`. This model gives the probabilities in that run's `predictions.json`.",
    files: 'Files',
    file: 'file',
    content: 'content',
    fileNames: {
      'model.json': 'TensorFlow.js model topology, standard layers only (`tf.loadLayersModel` reads it without Sinapsis code)',
      'weights.bin': 'trained weights (float32)',
      'model.onnx': `the ONNX model (opset ${ONNX_OPSET}), scaling included`,
      'model.py': 'the network as a PyTorch `nn.Sequential`, the same layers in the same order',
      'weights.npz': 'trained weights as NumPy arrays (`np.load(..., allow_pickle=False)`), already in PyTorch layout',
      'predict.py': 'preprocesses images (or rows) exactly as the run did, and classifies them',
      'predict.mjs': 'runnable Node example: classifies a CSV of features',
      'preprocessing.json': 'features, the scaler fitted on the training part, the input shape and the class names',
    },
    input: 'Input',
    hog: (d) =>
      `HOG as \`skimage.feature.hog\`: ${d.grayscale === false ? 'colour image' : 'grey image (`cv2.cvtColor(..., cv2.COLOR_RGB2GRAY)`)'}${d.resize ? `, resized to ${d.resize[0]}×${d.resize[1]} with \`cv2.resize\` (${d.interpolation === 'area' ? 'INTER_AREA' : 'INTER_LINEAR'})` : ''}; orientations=${d.orientations}, pixels_per_cell=(${list(d.pixelsPerCell)}), cells_per_block=(${list(d.cellsPerBlock)}), block_norm="${d.blockNorm}", transform_sqrt=${d.transformSqrt ? 'True' : 'False'}; a float32 vector.`,
    pixels: (d, c) =>
      `${c === 3 ? 'RGB' : 'Grey'} pixels at ${d.width}×${d.height} (\`cv2.resize\` with INTER_AREA${d.resizeMode === 'crop' ? ', after a centre crop to that aspect' : d.resizeMode === 'pad' ? ', aspect kept, bands of the mean border colour' : ''}), divided by 255, as float32 (height × width × channel).`,
    columns: (names) => `The table's columns, in this order: ${names.join(', ')}.`,
    scalerStandard:
      'Then the z-score scaling fitted on the training part: `(x - mean) / std` with `mean` and `std` from `preprocessing.json`.',
    scalerMinMax:
      'Then the min-max scaling fitted on the training part: `(x - min) / range` with `min` and `range` from `preprocessing.json`.',
    scalerNone: 'No scaling.',
    scalerFolded: (k) =>
      `The training part's ${k === 'standard' ? 'z-score' : 'min-max'} scaling is inside the model (its first two nodes, \`Sub\` and \`Div\`): give it the features unscaled.`,
    shape: (s, l) => `Shape: \`${s}\` (${l}).`,
    output: 'Output',
    outputText: (classes, width) =>
      classes.length
        ? `${width === 1 ? 'One value p (sigmoid): the probability of the second class' : 'One probability per class'}; classes, in order: ${classes.join(', ')}.`
        : "The output layer's values (regression).",
    run: 'Example',
    csvSource: {
      hog: '`sinapsis hog <folder> --csv hog.csv` writes one like it with the same HOG settings (give it the ones above).',
      pixels:
        'For pixels, write one row per image with its values in the order above; or use the PyTorch export, whose `predict.py` reads the images.',
      columns: 'For a table, the columns in the order above.',
    },
    runText: {
      tfjs: "With Node and `npm install @tensorflow/tfjs`, classify a CSV of unscaled features (each row ends with one sample's features; the cells before them name it):",
      onnx: "With Node and `npm install onnxruntime-node`, classify a CSV of unscaled features (each row ends with one sample's features; the cells before them name it):",
      pytorch:
        'With Python 3, NumPy, OpenCV, scikit-image and PyTorch (Debian/Ubuntu: `apt install python3-torch python3-opencv python3-skimage`), classify images or folders:',
    },
    code: 'Loading it in your code',
    codeText: {
      tfjs: 'In the browser or in Node, with TensorFlow.js:',
      onnx: 'In Python with `pip install onnxruntime` (or open it in Netron to look at it):',
      pytorch: 'In a notebook, to go on from the trained model:',
    },
    dropout: 'Dropout changes nothing at prediction time (it is the identity outside training).',
  },
};

/** Which files each format's folder holds (besides README.md), in the order the README lists them. */
export const EXPORT_FOLDER_FILES: Record<ModelExportFormat, readonly string[]> = {
  tfjs: ['model.json', 'weights.bin', 'predict.mjs', 'preprocessing.json'],
  onnx: ['model.onnx', 'predict.mjs', 'preprocessing.json'],
  pytorch: ['model.py', 'weights.npz', 'predict.py', 'preprocessing.json'],
};

function loadingCode(facts: ReadmeFacts): string {
  const shape = facts.portable.inputShape;
  const batch = `[1, ${shape.join(', ')}]`;
  switch (facts.format) {
    case 'tfjs':
      return `\`\`\`js
import * as tf from '@tensorflow/tfjs';
const model = await tf.loadLayersModel('model.json');            // served next to weights.bin
const x = tf.tensor(scaledFeatures, ${batch});                    // features after the scaler
const probabilities = model.predict(x).dataSync();
\`\`\``;
    case 'onnx':
      return `\`\`\`python
import numpy as np
import onnxruntime as ort
session = ort.InferenceSession("model.onnx")
x = np.asarray(features, dtype=np.float32).reshape(${batch.replace('[', '(').replace(']', ')')})   # unscaled features
probabilities = session.run(["${ONNX_OUTPUT}"], {"${ONNX_INPUT}": x})[0]
\`\`\``;
    case 'pytorch':
      return `\`\`\`python
from predict import load_model, image_features, predict_features
model = load_model()                                             # nn.Sequential, eval mode
probabilities = predict_features(model, image_features("digit.png"))
# or, from features you scaled yourself: model(torch.from_numpy(x))  x: float32 [batch, ${
        shape.length === 3 ? `${shape[2]}, ${shape[0]}, ${shape[1]}` : shape[0]
      }]
\`\`\``;
  }
}

function runCommand(format: ModelExportFormat, tableRun: boolean): string {
  if (format === 'pytorch')
    return tableRun ? '```sh\npython3 predict.py --csv rows.csv\n```' : '```sh\npython3 predict.py image.png folder/\n```';
  return '```sh\nnode predict.mjs features.csv        # or: node predict.mjs features.csv --json\n```';
}

export function exportReadme(facts: ReadmeFacts, language: Language): string {
  const t = text[language];
  const { preprocessing, portable, format } = facts;
  const input = preprocessing.features;
  const features =
    input.kind === 'hog'
      ? t.hog(input.details)
      : input.kind === 'pixels'
        ? t.pixels(input.details, input.details.channels)
        : t.columns(input.details.columns);
  const scaler = preprocessing.scaler;
  const scaling =
    format === 'onnx' && scaler
      ? t.scalerFolded(scaler.kind)
      : !scaler
        ? t.scalerNone
        : scaler.kind === 'standard'
          ? t.scalerStandard
          : t.scalerMinMax;
  const image = portable.inputShape.length === 3;
  const shape =
    format === 'pytorch' && image
      ? t.shape(`[batch, ${portable.inputShape[2]}, ${portable.inputShape[0]}, ${portable.inputShape[1]}]`, 'NCHW')
      : t.shape(`[batch, ${portable.inputShape.join(', ')}]`, image ? 'NHWC' : format === 'onnx' ? `\`${ONNX_INPUT}\`` : 'vector');
  const outputWidth = portable.outputShape[portable.outputShape.length - 1];
  const hasDropout = portable.layers.some((layer) => layer.kind === 'dropout');
  const rows = [...EXPORT_FOLDER_FILES[format]].map((name) => `| \`${name}\` | ${t.fileNames[name]} |`);
  return [
    `# ${t.title(facts)}`,
    '',
    t.intro.replace('{version}', facts.version).replace('{runId}', facts.runId),
    '',
    `## ${t.files}`,
    '',
    `| ${t.file} | ${t.content} |`,
    '|---|---|',
    ...rows,
    '',
    `## ${t.input}`,
    '',
    features,
    scaling,
    shape,
    '',
    `## ${t.output}`,
    '',
    `${t.outputText(preprocessing.classes, outputWidth)}${format === 'onnx' ? ` (\`${ONNX_OUTPUT}\`, [batch, ${outputWidth}])` : ''}`,
    ...(hasDropout ? ['', t.dropout] : []),
    '',
    `## ${t.run}`,
    '',
    t.runText[format],
    '',
    runCommand(format, preprocessing.features.kind === 'columns'),
    '',
    ...(format === 'pytorch' ? [] : [t.csvSource[preprocessing.features.kind], '']),
    `## ${t.code}`,
    '',
    t.codeText[format],
    '',
    loadingCode(facts),
    '',
  ].join('\n');
}
