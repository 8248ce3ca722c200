import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExperimentResult } from '../../shared/contract/experiment';
import { createSeededRandom } from '../../shared/didactic/seededRandom';
import type { ActivationSpec, ModelSpecInput } from '../../shared/models/modelSpec';
import { dispatch } from './dispatch';
import { builtinPaths } from '../core/datasets/builtins';
import { inspectImageFile } from '../core/datasets/images/inspectImageFile';
import { encodeNetpbm } from '../core/datasets/testing/minimalEncoders';
import { createCore, type Core } from '../core/index';
import { readPreprocessing, type PreprocessingFile } from '../core/inference/preprocessingFile';
import { rawFeatures } from '../core/inference/sampleFeatures';
import { exportRunModel } from '../core/modelExport/exportModel';

/**
 * Exports checked by the real runtimes against the run's own predictions.json: stock @tensorflow/tfjs in a fresh
 * Node process (the export's predict.mjs, which imports nothing else), ONNX Runtime (onnxruntime-node) and
 * Debian's python3-onnx checker, and Debian's PyTorch running the export's predict.py on the test images
 * (its own cv2/skimage preprocessing). Models: HOG + MLP with dropout, a CNN with batch norm, dropout, PReLU,
 * leaky ReLU, ELU(α) and 'same' padding (odd, so TensorFlow pads one side more), and table runs with every
 * other activation; and colour: CNNs on RGB pixels letterboxed ('pad') and centre-cropped ('crop'), and HOG of
 * colour images (skimage's channel_axis).
 */

const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
const ROOT = join(__dirname, '../../..');

function pythonHas(modules: string): boolean {
  return spawnSync(PYTHON, ['-c', `import ${modules}`]).status === 0;
}
const HAS_TORCH = pythonHas('torch, cv2, skimage');
const HAS_ONNX = pythonHas('onnx');

interface StoredPrediction {
  index: number;
  file: string | null;
  predictedClass: number;
  probabilities: number[];
}

let core: Core;
let root: string;
const runs: Record<string, ExperimentResult> = {};
const emit = (() => undefined) as Parameters<typeof dispatch>[3];

async function call<T>(method: string, payload: unknown): Promise<T> {
  const result = await dispatch(core, method, payload, emit);
  if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code, params: result.error.params });
  return result.value as T;
}

function predictionsOf(run: ExperimentResult): StoredPrediction[] {
  return (JSON.parse(readFileSync(join(run.dir, 'predictions.json'), 'utf8')) as { predictions: StoredPrediction[] }).predictions;
}

/** Compares probabilities row by row; the expected ones must differ between samples, or agreeing would prove little. */
function worstDifference(actual: readonly number[][], expected: readonly number[][]): number {
  expect(actual).toHaveLength(expected.length);
  const firstClass = expected.map((row) => row[0]);
  expect(Math.max(...firstClass) - Math.min(...firstClass)).toBeGreaterThan(0.01);
  let worst = 0;
  actual.forEach((row, r) => {
    expect(row).toHaveLength(expected[r].length);
    row.forEach((v, i) => (worst = Math.max(worst, Math.abs(v - expected[r][i]))));
  });
  return worst;
}

const WINE_CSV = builtinPaths.wine();
const wineLines = readFileSync(WINE_CSV, 'utf8').trim().split('\n');

/**
 * Colour photos of three hues, of three sizes and aspects (so 'crop' and 'pad' have work to do), as PPM files.
 * Each class's hue plus a brightness offset per image and noise per pixel.
 */
function writeHueFolder(folder: string, classes = 3): void {
  const hues = Object.fromEntries(
    Object.entries({ rojo: [170, 85, 85], verde: [85, 128, 85], azul: [100, 100, 186] } as Record<string, [number, number, number]>).slice(
      0,
      classes,
    ),
  );
  const sizes = [
    [10, 14],
    [14, 9],
    [12, 12],
  ];
  const random = createSeededRandom(7);
  for (const [name, colour] of Object.entries(hues)) {
    mkdirSync(join(folder, name), { recursive: true });
    for (let i = 0; i < 30; i++) {
      const [width, height] = sizes[i % sizes.length];
      const data = new Uint8Array(width * height * 3);
      const offset = Math.round(random.uniform(-40, 40));
      for (let p = 0; p < width * height; p++) {
        const noise = offset + Math.round(random.uniform(-30, 30));
        for (let c = 0; c < 3; c++) data[p * 3 + c] = Math.max(0, Math.min(255, colour[c] + noise));
      }
      writeFileSync(join(folder, name, `${i}.ppm`), encodeNetpbm(width, height, 3, data));
    }
  }
}

let huesFolder = '';
let twoHuesFolder = '';
type Data = 'digits' | 'wine' | 'hues' | 'twoHues';
const dataRoot = (data: Data): string => (data === 'hues' ? huesFolder : data === 'twoHues' ? twoHuesFolder : builtinPaths.digits());

/** The samples' features before scaling, as Sinapsis computes them, one row each: `name,f0,f1,...`. */
function featureCsv(run: ExperimentResult, preprocessing: PreprocessingFile, data: Data): string {
  return predictionsOf(run)
    .map((p) => {
      if (data === 'wine') return [`row${p.index}`, ...wineLines[1 + p.index].split(',').slice(0, 13)].join(',');
      const path = join(dataRoot(data), p.file ?? '');
      const inspection = inspectImageFile(path, new Uint8Array(readFileSync(path)));
      if (!inspection.ok) throw new Error(inspection.reason);
      return [p.file, ...rawFeatures({ kind: 'image', image: inspection.image }, preprocessing.features)].join(',');
    })
    .join('\n');
}

const dense = (units: number, activation: ActivationSpec) => ({ type: 'dense' as const, units, activation });

const hueCnn = (name: string): ModelSpecInput => ({
  name,
  inputShape: [8, 8, 3],
  layers: [
    { type: 'conv2d', filters: 4, kernelSize: 3, padding: 'same', activation: 'relu' },
    { type: 'batchNorm' },
    { type: 'maxPool', poolSize: 2 },
    { type: 'flatten' },
    { type: 'dropout', rate: 0.2 },
    { type: 'output', units: 3 },
  ],
});

const MODELS: Record<string, { data: Data; spec: ModelSpecInput; features: unknown; epochs: number; scaling?: string; loss?: string }> = {
  sigmoidOutput: {
    data: 'twoHues',
    features: { kind: 'pixels', resize: { width: 6, height: 6 }, keepShape: false, colorMode: 'rgb' },
    epochs: 4,
    loss: 'binaryCrossEntropy',
    spec: {
      name: 'two hues, one sigmoid output',
      inputShape: [108],
      layers: [dense(6, 'relu'), { type: 'output', units: 1, activation: 'sigmoid' }],
    },
  },
  colourCnnPad: {
    data: 'hues',
    features: { kind: 'pixels', resize: { width: 8, height: 8 }, keepShape: true, colorMode: 'rgb', resizeMode: 'pad' },
    epochs: 4,
    spec: hueCnn('colour CNN pad'),
  },
  colourCnnCrop: {
    data: 'hues',
    features: { kind: 'pixels', resize: { width: 8, height: 8 }, keepShape: true, colorMode: 'rgb', resizeMode: 'crop' },
    epochs: 4,
    scaling: 'minmax',
    spec: hueCnn('colour CNN crop'),
  },
  colourHog: {
    data: 'hues',
    features: { kind: 'hog', pipeline: { grayscale: false, resize: { width: 16, height: 16 } } },
    epochs: 4,
    spec: { name: 'colour HOG MLP', inputShape: [288], layers: [dense(12, 'tanh'), { type: 'output', units: 3 }] },
  },
  hogMlpDropout: {
    data: 'digits',
    features: { kind: 'hog' },
    epochs: 2,
    spec: {
      name: 'HOG MLP dropout',
      inputShape: [320],
      layers: [
        { type: 'dense', units: 24, activation: 'relu' },
        { type: 'dropout', rate: 0.3 },
        { type: 'output', units: 10 },
      ],
    },
  },
  cnnBatchNorm: {
    data: 'digits',
    features: { kind: 'pixels', resize: null, keepShape: true },
    epochs: 1,
    spec: {
      name: 'CNN BN dropout',
      inputShape: [20, 20, 1],
      layers: [
        { type: 'conv2d', filters: 4, kernelSize: 3, padding: 'same', activation: { kind: 'prelu', alpha: 0.2 } },
        { type: 'batchNorm' },
        { type: 'maxPool', poolSize: 3, strides: 2, padding: 'same' },
        { type: 'conv2d', filters: 6, kernelSize: [3, 2], padding: 'same', activation: { kind: 'leakyRelu', alpha: 0.1 } },
        { type: 'avgPool', poolSize: 3, strides: 2, padding: 'same' },
        { type: 'conv2d', filters: 6, kernelSize: 2, activation: 'tanh' },
        { type: 'flatten' },
        { type: 'batchNorm' },
        { type: 'dense', units: 12, activation: { kind: 'elu', alpha: 0.5 } },
        { type: 'dropout', rate: 0.2 },
        { type: 'output', units: 10 },
      ],
    },
  },
  tableActivations: {
    data: 'wine',
    features: { kind: 'columns' },
    epochs: 15,
    spec: {
      name: 'Wine activations',
      inputShape: [13],
      layers: [
        dense(8, 'sigmoid'),
        dense(8, 'tanh'),
        dense(8, 'softplus'),
        dense(8, { kind: 'elu', alpha: 1 }),
        dense(8, { kind: 'leakyRelu', alpha: 0.2 }),
        dense(8, { kind: 'prelu', alpha: 0.25 }),
        dense(8, 'relu'),
        dense(8, 'identity'),
        { type: 'output', units: 3 },
      ],
    },
  },
  tableArctanStep: {
    data: 'wine',
    features: { kind: 'columns' },
    epochs: 5,
    spec: { name: 'Wine arctan step', inputShape: [13], layers: [dense(8, 'arctan'), dense(8, 'step'), { type: 'output', units: 3 }] },
  },
};
const TFJS_MODELS = Object.keys(MODELS).filter((id) => id !== 'tableArctanStep');

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'sinapsis-model-export-'));
  process.env.SINAPSIS_CACHE_DIR = mkdtempSync(join(tmpdir(), 'sinapsis-cache-'));
  // predict.mjs imports the runtimes by bare name, found through this node_modules (the repository's).
  symlinkSync(join(ROOT, 'node_modules'), join(root, 'node_modules'));
  core = await createCore('cli', { runsRoot: join(root, 'runs') });
  const digits = (await call<{ datasetId: string }>('dataset.builtin', { taskId: 'load-digits', id: 'digits', options: {} })).datasetId;
  const wine = (await call<{ datasetId: string }>('dataset.builtin', { taskId: 'load-wine', id: 'wine', options: {} })).datasetId;
  huesFolder = join(root, 'hues');
  writeHueFolder(huesFolder);
  const hues = (await call<{ datasetId: string }>('dataset.openFolder', { taskId: 'open-hues', path: huesFolder })).datasetId;
  twoHuesFolder = join(root, 'two hues');
  writeHueFolder(twoHuesFolder, 2);
  const twoHues = (await call<{ datasetId: string }>('dataset.openFolder', { taskId: 'open-two-hues', path: twoHuesFolder })).datasetId;
  const datasets: Record<Data, string> = { digits, wine, hues, twoHues };
  for (const [id, model] of Object.entries(MODELS)) {
    runs[id] = await call<ExperimentResult>('experiment.run', {
      taskId: `train-${id}`,
      datasetId: datasets[model.data],
      features: model.features,
      scaling: model.scaling ?? 'zscore',
      split: { method: 'holdout', train: 0.85, test: 0.15 },
      model: model.spec,
      training: {
        optimizer: 'adam',
        learningRate: 0.01,
        epochs: model.epochs,
        batchSize: 32,
        seed: 3,
        ...(model.loss ? { loss: model.loss } : {}),
      },
    });
  }
}, 600_000);

// dispose also clears the core's loaded run models.
afterAll(() => core.dispose());

async function exported(id: string, format: 'tfjs' | 'onnx' | 'pytorch'): Promise<string> {
  const out = join(root, `${id}-${format}`);
  await exportRunModel(runs[id].dir, { format, language: 'es', outDir: out });
  return out;
}

describe('tfjs export', () => {
  it.each(TFJS_MODELS)(
    '%s loads in stock @tensorflow/tfjs in a fresh Node process and gives predictions.json to 1e-5',
    async (id) => {
      const dir = await exported(id, 'tfjs');
      const modelJson = readFileSync(join(dir, 'model.json'), 'utf8');
      expect(modelJson).not.toMatch(/Sinapsis(Dropout|Activation)/);
      const preprocessing = await readPreprocessing(runs[id].dir);
      writeFileSync(join(dir, 'features.csv'), featureCsv(runs[id], preprocessing, MODELS[id].data));
      const stdout = execFileSync(process.execPath, ['predict.mjs', 'features.csv', '--json'], {
        cwd: dir,
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      });
      const lines = stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as { index: number; probabilities: number[] });
      const expected = predictionsOf(runs[id]);
      expect(lines.map((l) => l.index)).toEqual(expected.map((p) => p.predictedClass));
      expect(
        worstDifference(
          lines.map((l) => l.probabilities),
          expected.map((p) => p.probabilities),
        ),
      ).toBeLessThanOrEqual(1e-5);
    },
    120_000,
  );

  it('refuses arctan and the step function, naming the layer, and writes nothing', async () => {
    const out = join(root, 'refused-tfjs');
    await expect(exportRunModel(runs.tableArctanStep.dir, { format: 'tfjs', language: 'es', outDir: out })).rejects.toMatchObject({
      code: 'export-tfjs-activation',
      params: { layer: 'L1_dense_activation', activation: 'arctan' },
    });
    expect(existsSync(out)).toBe(false);
  });
});

describe('ONNX export', () => {
  it.each(Object.keys(MODELS))(
    '%s runs in ONNX Runtime with predictions.json to 1e-4 and passes the onnx checker',
    async (id) => {
      const dir = await exported(id, 'onnx');
      const preprocessing = await readPreprocessing(runs[id].dir);
      const rows = featureCsv(runs[id], preprocessing, MODELS[id].data)
        .split('\n')
        .map((line) => line.split(',').slice(1).map(Number));
      const session = await ort.InferenceSession.create(join(dir, 'model.onnx'));
      expect(session.inputNames).toEqual(['input']);
      expect(session.outputNames).toEqual(['output']);
      const input = new ort.Tensor('float32', Float32Array.from(rows.flat()), [rows.length, ...preprocessing.sampleShape]);
      const { output } = await session.run({ input });
      const width = output.dims[1];
      const data = output.data as Float32Array;
      // One sigmoid output p is the probabilities [1 - p, p], as predictions.json writes it.
      const probabilities = rows.map((_, r) => (width === 1 ? [1 - data[r], data[r]] : Array.from(data.slice(r * width, (r + 1) * width))));
      const expected = predictionsOf(runs[id]);
      expect(
        worstDifference(
          probabilities,
          expected.map((p) => p.probabilities),
        ),
      ).toBeLessThanOrEqual(1e-4);
      if (HAS_ONNX) {
        const check = spawnSync(
          PYTHON,
          [
            '-c',
            'import onnx, sys; m = onnx.load(sys.argv[1]); onnx.checker.check_model(m, full_check=True); print(m.opset_import[0].version)',
            join(dir, 'model.onnx'),
          ],
          {
            encoding: 'utf8',
          },
        );
        expect(check.stderr).toBe('');
        expect(Number(check.stdout.trim())).toBeGreaterThanOrEqual(13);
      }
    },
    120_000,
  );
});

describe.skipIf(!HAS_TORCH)('PyTorch export', () => {
  it.each(Object.keys(MODELS))(
    "%s: predict.py on the run's test samples gives predictions.json's classes, probabilities to 1e-4",
    async (id) => {
      const dir = await exported(id, 'pytorch');
      const expected = predictionsOf(runs[id]);
      let args: string[];
      if (MODELS[id].data === 'wine') {
        writeFileSync(join(dir, 'rows.csv'), [wineLines[0], ...expected.map((p) => wineLines[1 + p.index])].join('\n'));
        args = ['--csv', 'rows.csv'];
      } else {
        args = expected.map((p) => join(dataRoot(MODELS[id].data), p.file ?? ''));
      }
      const result = spawnSync(PYTHON, ['predict.py', '--json', ...args], { cwd: dir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      expect(result.stderr).toBe('');
      const lines = result.stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as { index: number; probabilities: number[] });
      expect(lines.map((l) => l.index)).toEqual(expected.map((p) => p.predictedClass));
      expect(
        worstDifference(
          lines.map((l) => l.probabilities),
          expected.map((p) => p.probabilities),
        ),
      ).toBeLessThanOrEqual(1e-4);
    },
    180_000,
  );
});

describe('runs.exportModel', () => {
  it('writes the export into the run folder and a .zip that runs.file hands out, README in the asked language', async () => {
    const runId = runs.cnnBatchNorm.runId;
    const result = await call<{ dir: string; files: { name: string }[]; zip: { name: string; bytes: number } }>('runs.exportModel', {
      runId,
      format: 'onnx',
      language: 'pt',
    });
    expect(result.dir).toBe(join(runs.cnnBatchNorm.dir, 'export-onnx'));
    expect(result.files.map((f) => f.name)).toEqual(['README.md', 'model.onnx', 'predict.mjs', 'preprocessing.json']);
    const file = await call<{ base64: string; mime: string; bytes: number }>('runs.file', { runId, name: result.zip.name });
    expect(file.mime).toBe('application/zip');
    expect(file.bytes).toBe(result.zip.bytes);
    const entries = unzipSync(new Uint8Array(Buffer.from(file.base64, 'base64')));
    expect(Object.keys(entries).sort()).toEqual(result.files.map((f) => `${runId}-onnx/${f.name}`));
    expect(new TextDecoder().decode(entries[`${runId}-onnx/README.md`])).toContain('## Entrada');
    expect(
      Buffer.from(entries[`${runId}-onnx/preprocessing.json`]).equals(readFileSync(join(runs.cnnBatchNorm.dir, 'preprocessing.json'))),
    ).toBe(true);
    const refused = await dispatch(core, 'runs.exportModel', { runId: runs.tableArctanStep.runId, format: 'tfjs', language: 'es' }, emit);
    expect(refused).toMatchObject({ ok: false, error: { code: 'export-tfjs-activation', params: { activation: 'arctan' } } });
  }, 60_000);
});
