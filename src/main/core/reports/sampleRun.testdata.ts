import { classificationReport } from '../evaluation/classificationMetrics';
import { diagnoseCurves } from '../evaluation/curveDiagnosis';
import { biasVariance } from '../evaluation/diagnosis';
import { RUN_FORMAT_VERSION, type HistoryRow, type RunConfig, type RunMetrics } from '../../../shared/contract/runs';
import { modelSpecSchema } from '../../../shared/models/modelSpec';

/** A small but real run record (metrics computed, not typed in) for report tests. */
export function sampleRun(): { config: RunConfig; metrics: RunMetrics; history: HistoryRow[] } {
  const labels = ['cero', 'uno', 'dos'];
  const truth = [0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2];
  const predicted = [0, 0, 0, 1, 1, 1, 1, 1, 2, 2, 0, 2];
  const report = classificationReport(truth, predicted, labels);
  const history: HistoryRow[] = Array.from({ length: 12 }, (_, i) => ({
    fold: null,
    epoch: i + 1,
    trainLoss: 1.1 * Math.exp(-0.3 * i),
    trainAccuracy: Math.min(0.99, 0.4 + 0.06 * i),
    valLoss: 1.1 * Math.exp(-0.3 * Math.min(i, 5)) + 0.04 * Math.max(0, i - 5),
    valAccuracy: Math.min(0.9, 0.38 + 0.05 * i),
    learningRate: 0.1,
    seconds: 0.2 * (i + 1),
  }));
  const config: RunConfig = {
    formatVersion: RUN_FORMAT_VERSION,
    runId: '20261122T101500Z-abc123',
    createdAt: '2026-11-22T10:15:00.000Z',
    app: { name: 'Sinapsis', version: '0.1.0', tfjs: '4.22.0', node: '20.20.2', platform: 'linux x64', electron: null },
    backend: 'wasm',
    engine: 'didactic',
    dataset: {
      name: 'digits',
      kind: 'images',
      source: '/datos/dígitos con espacios',
      fingerprint: 'sha256:0123456789abcdef',
      classes: labels,
      counts: [4, 4, 4],
      samples: 12,
      problems: [{ file: 'uno/roto.png', reason: 'truncated PNG (unexpected end of data)' }],
    },
    features: {
      kind: 'hog',
      length: 320,
      details: {
        resize: [12, 24],
        grayscale: true,
        interpolation: 'linear',
        orientations: 8,
        pixelsPerCell: [4, 4],
        cellsPerBlock: [2, 2],
        blockNorm: 'L2-Hys',
        transformSqrt: false,
        length: 320,
      },
    },
    preprocessing: { scaling: 'zscore' },
    model: {
      spec: modelSpecSchema.parse({
        name: 'MLP 320-18-3',
        inputShape: [320],
        layers: [
          { type: 'dense', units: 18, activation: 'sigmoid' },
          { type: 'output', units: 3, activation: 'softmax' },
        ],
        seed: 3,
      }),
      layers: [
        { name: 'dense_1', type: 'dense', outputShape: [null, 18], params: 5778, activation: 'sigmoid' },
        { name: 'output', type: 'output', outputShape: [null, 3], params: 57, activation: 'softmax' },
      ],
      totalParams: 5835,
    },
    training: {
      optimizer: 'minibatch',
      learningRate: 0.1,
      momentum: 0.9,
      batchSize: 32,
      epochs: 12,
      loss: 'categoricalCrossEntropy',
      l2: 0.001,
      earlyStopping: null,
      seed: 7,
    },
    split: { kind: 'holdout', ratios: [0.7, 0.15, 0.15], indices: { train: [0, 1], val: [2], test: [3] } },
  };
  const metrics: RunMetrics = {
    formatVersion: RUN_FORMAT_VERSION,
    status: 'completed',
    accuracy: { train: 0.97, val: 0.9, test: report.accuracy },
    loss: { train: 0.05, val: 0.31, test: 0.42 },
    confusionMatrix: { labels, matrix: report.confusionMatrix, split: 'test' },
    perClass: report.perClass,
    macro: report.macro,
    weighted: report.weighted,
    backend: 'wasm',
    engine: 'didactic',
    seed: 7,
    datasetFingerprint: config.dataset.fingerprint,
    epochsRun: 12,
    bestEpoch: 6,
    seconds: 2.4,
    kfold: null,
    diagnosis: diagnoseCurves(history.map((h) => ({ epoch: h.epoch, trainLoss: h.trainLoss, valLoss: h.valLoss ?? undefined }))),
    biasVariance: biasVariance({ train: 0.97, val: 0.9, test: report.accuracy }),
    deadUnits: [],
    misclassified: [
      { index: 3, file: '/datos/cero/003.png', trueLabel: 'cero', predictedLabel: 'uno', probability: 0.71 },
      { index: 10, file: null, trueLabel: 'dos', predictedLabel: 'cero', probability: 0.55 },
    ],
  };
  return { config, metrics, history };
}
