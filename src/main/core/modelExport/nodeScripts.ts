/**
 * `predict.mjs` of the tfjs and ONNX exports: a runnable example that needs only the runtime's own npm package
 * (`@tensorflow/tfjs` or `onnxruntime-node`) and the files beside it. It reads a CSV of feature vectors before
 * scaling — `sinapsis hog <folder> --csv hog.csv` writes one for HOG runs; each row's last N cells are the
 * features, cells before them (file, label) name the sample — and prints each row's most probable class.
 */

const COMMON_HEAD = `import { readFileSync } from 'node:fs';

const here = new URL('.', import.meta.url);
const preprocessing = JSON.parse(readFileSync(new URL('preprocessing.json', here), 'utf8'));
const { classes, sampleShape } = preprocessing;
const length = preprocessing.features.length;

/** Each CSV row's last \`length\` cells as numbers; a first row whose last cell is not a number is the header. */
function readRows(path) {
  const lines = readFileSync(path, 'utf8').split(/\\r?\\n/).filter((line) => line.trim() !== '');
  const split = (line) => line.split(/[,;\\t]/);
  if (lines.length && !Number.isFinite(Number(split(lines[0]).at(-1)))) lines.shift();
  return lines.map((line, i) => {
    const cells = split(line);
    const values = cells.slice(-length).map(Number);
    if (values.length !== length || values.some((v) => !Number.isFinite(v))) throw new Error(\`\${path} line \${i + 1}: expected \${length} numbers at the end of the row\`);
    return { name: cells.slice(0, -length).join(' ') || \`row \${i + 1}\`, values };
  });
}

/** Class probabilities: softmax outputs as they are; one sigmoid output p as [1 - p, p]. */
function probabilitiesOf(outputs) {
  if (outputs.length === 1 && classes.length === 2) {
    const p = Math.min(1, Math.max(0, outputs[0]));
    return [1 - p, p];
  }
  return outputs;
}

const [path, flag] = process.argv.slice(2);
if (!path) {
  console.error('Usage: node predict.mjs features.csv [--json]');
  process.exit(2);
}
const rows = readRows(path);
`;

const COMMON_TAIL = `for (let r = 0; r < rows.length; r++) {
  if (classes.length === 0) {
    // A regression run: the output values themselves.
    const values = Array.from(outputs.slice(r * width, (r + 1) * width));
    console.log(flag === '--json' ? JSON.stringify({ name: rows[r].name, outputs: values }) : \`\${rows[r].name}\\t\${values.join(' ')}\`);
    continue;
  }
  const probabilities = probabilitiesOf(Array.from(outputs.slice(r * width, (r + 1) * width)));
  const best = probabilities.reduce((top, p, i) => (p > probabilities[top] ? i : top), 0);
  const label = classes[best] ?? String(best);
  if (flag === '--json') console.log(JSON.stringify({ name: rows[r].name, predicted: label, index: best, probabilities }));
  else console.log(\`\${rows[r].name}\\t\${label}\\t\${(probabilities[best] * 100).toFixed(1)} %\`);
}
`;

export const TFJS_PREDICT_MJS = `// node predict.mjs features.csv [--json]   (npm install @tensorflow/tfjs)
import * as tf from '@tensorflow/tfjs';
${COMMON_HEAD}
/** The scaler fitted on the run's training part, in float64, rounded to float32 as in training. */
function scale(values) {
  const { scaler } = preprocessing;
  if (!scaler) return values;
  const offset = scaler.kind === 'standard' ? scaler.mean : scaler.min;
  const divisor = scaler.kind === 'standard' ? scaler.std : scaler.range;
  return values.map((v, i) => (v - offset[i]) / divisor[i]);
}

const json = JSON.parse(readFileSync(new URL('model.json', here), 'utf8'));
const weights = readFileSync(new URL('weights.bin', here));
// In a browser this is just: await tf.loadLayersModel('model.json')
const model = await tf.loadLayersModel(
  tf.io.fromMemory({
    modelTopology: json.modelTopology,
    weightSpecs: json.weightsManifest.flatMap((group) => group.weights),
    weightData: weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.byteLength),
  }),
);
const input = tf.tensor(Float32Array.from(rows.flatMap((row) => scale(row.values))), [rows.length, ...sampleShape]);
const output = model.predict(input);
const width = output.shape[1];
const outputs = output.dataSync();
${COMMON_TAIL}`;

export const ONNX_PREDICT_MJS = `// node predict.mjs features.csv [--json]   (npm install onnxruntime-node)
import { fileURLToPath } from 'node:url';
import * as ort from 'onnxruntime-node';
${COMMON_HEAD}
// The scaler is inside model.onnx (its first Sub and Div nodes): the input is the features before scaling.
const session = await ort.InferenceSession.create(fileURLToPath(new URL('model.onnx', here)));
const input = new ort.Tensor('float32', Float32Array.from(rows.flatMap((row) => row.values)), [rows.length, ...sampleShape]);
const result = await session.run({ input });
const width = result.output.dims[1];
const outputs = result.output.data;
${COMMON_TAIL}`;
