import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImageSummary } from '../../shared/contract/datasets';
import type { ExperimentResult } from '../../shared/contract/experiment';
import type { InspectConvResult, PredictImageResult } from '../../shared/contract/inference';
import { createSeededRandom } from '../../shared/didactic/seededRandom';
import { encodeNetpbm } from '../core/datasets/testing/minimalEncoders';
import { toGray } from '../core/features/grayscale';
import { createCore, type Core } from '../core/index';
import { dispatch } from './dispatch';

/**
 * Colour end to end through the doors: a dataset whose classes differ only by hue, at exactly the same grey level
 * (OpenCV luma), so that a colour CNN must learn it and a grey one cannot.
 */

/** Three colours with the same OpenCV grey level (110): red, green and blue tints. */
const HUES: Record<string, [number, number, number]> = { rojo: [170, 85, 85], verde: [85, 128, 85], azul: [100, 100, 186] };
const SIDE = 8;
const PER_CLASS = 40;

let core: Core;
let folder: string;
let summary: ImageSummary;
const emit = (() => undefined) as Parameters<typeof dispatch>[3];

async function call<T>(method: string, payload: unknown): Promise<T> {
  const result = await dispatch(core, method, payload, emit);
  if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code, params: result.error.params });
  return result.value as T;
}

/**
 * One image of a class: its colour, plus a brightness offset per image and noise per pixel, both added equally to
 * red, green and blue. OpenCV's luma weights sum to exactly 1 in fixed point, so the grey image is the class's grey
 * level plus the same offsets: the grey images of all classes come from one distribution.
 */
function hueImage(colour: [number, number, number], random: ReturnType<typeof createSeededRandom>): Uint8Array {
  const data = new Uint8Array(SIDE * SIDE * 3);
  const offset = Math.round(random.uniform(-40, 40));
  for (let p = 0; p < SIDE * SIDE; p++) {
    const noise = offset + Math.round(random.uniform(-20, 20));
    for (let c = 0; c < 3; c++) data[p * 3 + c] = colour[c] + noise;
  }
  return data;
}

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'sinapsis-hues-'));
  process.env.SINAPSIS_CACHE_DIR = mkdtempSync(join(tmpdir(), 'sinapsis-cache-'));
  const random = createSeededRandom(11);
  for (const [name, colour] of Object.entries(HUES)) {
    mkdirSync(join(folder, name));
    for (let i = 0; i < PER_CLASS; i++)
      writeFileSync(join(folder, name, `${i}.ppm`), encodeNetpbm(SIDE, SIDE, 3, hueImage(colour, random)));
  }
  core = await createCore('cli', { runsRoot: mkdtempSync(join(tmpdir(), 'sinapsis-hue-runs-')) });
  summary = await call<ImageSummary>('dataset.openFolder', { taskId: 'open-hues', path: folder });
}, 60_000);
// dispose also clears the core's loaded run models.
afterAll(() => core.dispose());

const smallCnn = (channels: number) => ({
  name: 'hue CNN',
  inputShape: [SIDE, SIDE, channels],
  layers: [
    { type: 'conv2d', filters: 4, kernelSize: 3, activation: 'relu' },
    { type: 'maxPool', poolSize: 2 },
    { type: 'flatten' },
    { type: 'output', units: 3, activation: 'softmax' },
  ],
});

async function train(colorMode: 'auto' | 'grayscale', channels: number): Promise<ExperimentResult> {
  return call<ExperimentResult>('experiment.run', {
    taskId: `hues-${colorMode}`,
    datasetId: summary.datasetId,
    features: { kind: 'pixels', resize: null, keepShape: true, colorMode },
    scaling: 'channel',
    split: { method: 'holdout', train: 0.7, test: 0.3 },
    model: smallCnn(channels),
    training: { optimizer: 'adam', learningRate: 0.02, epochs: 25, batchSize: 16, seed: 5 },
  });
}

describe('colour end to end', () => {
  it('the classes really have one grey level: the same after OpenCV luma', () => {
    const greys = Object.values(HUES).map((colour) => toGray({ width: 1, height: 1, channels: 3, data: Uint8Array.from(colour) }).data[0]);
    expect(new Set(greys).size).toBe(1);
    expect(summary.channels.colour).toBe(3 * PER_CLASS);
  });

  it('auto trains in RGB ([8, 8, 3]) and a small CNN tells the hues apart; the run files carry the channels', async () => {
    const run = await train('auto', 3);
    expect(run.status).toBe('completed');
    expect(run.accuracy.test).toBeGreaterThanOrEqual(0.9);
    const preprocessing = JSON.parse(readFileSync(join(run.dir, 'preprocessing.json'), 'utf8')) as {
      sampleShape: number[];
      features: { details: Record<string, unknown> };
    };
    expect(preprocessing.sampleShape).toEqual([SIDE, SIDE, 3]);
    expect(preprocessing.features.details).toMatchObject({ channels: 3, colorMode: 'auto', resizeMode: 'stretch', grayscale: false });
    const report = readFileSync(join(run.dir, 'report.html'), 'utf8');
    expect(report).toContain('automático: 3 canal(es)');

    // Probar una imagen: a red file predicts red, and the filters of the first conv layer come as RGB squares.
    const redFile = join(folder, 'rojo', '0.ppm');
    const prediction = await call<PredictImageResult>('runs.predictImage', { runId: run.runId, source: { kind: 'file', path: redFile } });
    expect(prediction.features).toBe(SIDE * SIDE * 3);
    expect(prediction.top[0].label).toBe('rojo');
    const conv = await call<InspectConvResult>('runs.inspectConv', { runId: run.runId, source: { kind: 'file', path: redFile } });
    expect(conv.layers[0].kernelShape).toEqual([3, 3, 3, 4]);
    expect(conv.layers[0].filters.every((filter) => filter.rgb?.png.startsWith('data:image/png'))).toBe(true);
    expect(conv.input.width).toBe(SIDE);
  }, 180_000);

  it('grayscale throws the hue away: the same CNN on [8, 8, 1] stays near chance (1/3)', async () => {
    const run = await train('grayscale', 1);
    expect(run.status).toBe('completed');
    expect(run.accuracy.test).toBeLessThan(0.6);
  }, 180_000);

  it("a model whose input does not have the features' channels is refused with both shapes", async () => {
    await expect(train('auto', 1)).rejects.toMatchObject({ code: 'data-input-mismatch', params: { data: '8×8×3', model: '8×8×1' } });
  });
});
