import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SinapsisError } from '../../../shared/contract/errors';
import { RUN_FORMAT_VERSION, runConfigFileSchema, runMetricsFileSchema, runPredictionsFileSchema } from '../../../shared/contract/runs';
import { readPreprocessing } from '../inference/preprocessingFile';
import { renderReportHtml } from '../reports/renderReportHtml';
import { sampleRun } from '../reports/sampleRun.testdata';
import { parseRunJson } from './parseRunJson';
import { readRunView } from './readRun';

/** A run folder as version 1 wrote it: config formatVersion 1 with pre-colour pixel details, the other files unversioned. */
const FORMAT_1 = join(__dirname, 'fixtures', 'format1');

describe('run-folder format', () => {
  it('opens a version 1 run folder, upgraded to the current format', async () => {
    const run = await readRunView(FORMAT_1);
    expect(run.status).toBe('completed');
    expect(run.config.formatVersion).toBe(RUN_FORMAT_VERSION);
    expect(run.config.features).toEqual({
      kind: 'pixels',
      length: 64,
      details: {
        width: 8,
        height: 8,
        channels: 1,
        colorMode: 'grayscale',
        resizeMode: 'stretch',
        grayscale: true,
        scale: '1/255',
        shape: 'vector',
        length: 64,
      },
    });
    expect(run.metrics).toMatchObject({
      formatVersion: RUN_FORMAT_VERSION,
      kfold: null,
      diagnosis: [],
      misclassified: [],
      accuracy: { test: 0.5 },
    });
    expect(run.history.map((row) => row.trainLoss)).toEqual([0.6, 0.2]);
    const preprocessing = await readPreprocessing(FORMAT_1);
    expect(preprocessing.features).toEqual(run.config.features);
    const predictions = parseRunJson(
      readFileSync(join(FORMAT_1, 'predictions.json'), 'utf8'),
      'predictions.json',
      runPredictionsFileSchema,
    );
    expect(predictions.predictions).toHaveLength(2);
    // The report reads the upgraded record like a new one.
    const html = renderReportHtml({ ...run, metrics: run.metrics!, notes: {}, thumbnails: new Map() }, 'en');
    expect(html).toContain('8×8 px');
  });

  it('reads the current format as it is (writing then reading changes nothing)', () => {
    const { config, metrics } = sampleRun();
    expect(runConfigFileSchema.parse(JSON.parse(JSON.stringify(config)))).toEqual(config);
    expect(runMetricsFileSchema.parse(JSON.parse(JSON.stringify(metrics)))).toEqual(metrics);
  });

  it('refuses a run of a newer format with what to do, and names the wrong field of a damaged one', () => {
    const { config } = sampleRun();
    const newer = (): unknown =>
      parseRunJson(JSON.stringify({ ...config, formatVersion: RUN_FORMAT_VERSION + 1 }), 'config.json', runConfigFileSchema);
    expect(newer).toThrow(SinapsisError);
    expect(newer).toThrow(/newer Sinapsis .*Update Sinapsis/);
    const damaged = (): unknown =>
      parseRunJson(JSON.stringify({ ...config, training: { ...config.training, optimizer: 'magic' } }), 'config.json', runConfigFileSchema);
    expect(damaged).toThrow(/config.json does not have the expected content \(training.optimizer/);
  });
});
