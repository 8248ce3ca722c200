import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventName } from '../../shared/contract';
import type { ExperimentResult } from '../../shared/contract/experiment';
import { createCore, type Core } from '../core/index';
import { readRun } from '../core/runs/readRun';
import { readRunStatus } from '../core/runs/runFolder';
import { dispatch } from './dispatch';

/**
 * Stop at every moment of an experiment: the stop is sent from inside the event that marks the moment, so it
 * lands exactly there. Before the run folder exists nothing is written; after, the folder is a valid stopped run.
 */

let core: Core;
let root: string;
let datasetId: string;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'sinapsis-stop-'));
  core = await createCore('cli', { runsRoot: root });
  const loaded = await dispatch(
    core,
    'dataset.builtin',
    { taskId: 'load', id: 'spirals', options: { samples: 300, noise: 0.1, seed: 1 } },
    () => undefined,
  );
  if (!loaded.ok) throw new Error(loaded.error.message);
  datasetId = (loaded.value as { datasetId: string }).datasetId;
});
afterAll(() => core.dispose());

const model = {
  name: 'spirals',
  inputShape: [2],
  layers: [
    { type: 'dense', units: 16, activation: 'tanh' },
    { type: 'output', units: 2, activation: 'softmax' },
  ],
};

type Moment = (name: EventName, payload: Record<string, unknown>) => boolean;
const phase =
  (wanted: string): Moment =>
  (name, payload) =>
    name === 'experiment.progress' && payload.phase === wanted;

/** Runs an experiment and stops it (train.stop, or task.cancel) the first time `moment` matches an event. */
async function stopAt(
  taskId: string,
  moment: Moment,
  options: { epochs?: number; split?: unknown; how?: 'train.stop' | 'train.pause' | 'task.cancel'; onEpoch?: () => void } = {},
) {
  let sent = false;
  let epochs = 0;
  const emit = ((name: EventName, payload: Record<string, unknown>) => {
    if (name === 'train.epoch') {
      epochs++;
      options.onEpoch?.();
    }
    if (!sent && moment(name, payload)) {
      sent = true;
      // dispatch runs the handler synchronously up to its first await, so the stop lands inside this event.
      void dispatch(core, options.how ?? 'train.stop', { taskId }, () => undefined);
    }
  }) as Parameters<typeof dispatch>[3];
  const before = new Set(readdirSync(root));
  const result = await dispatch(
    core,
    'experiment.run',
    {
      taskId,
      datasetId,
      features: { kind: 'columns' },
      ...(options.split ? { split: options.split } : {}),
      model,
      training: {
        optimizer: 'adam',
        learningRate: 0.01,
        epochs: options.epochs ?? 100_000,
        earlyStopping: { patience: 10_000, restoreBestWeights: true },
        seed: 1,
      },
    },
    emit,
  );
  expect(sent, `the moment came: ${JSON.stringify(result).slice(0, 400)}`).toBe(true);
  const created = readdirSync(root).filter((name) => !before.has(name));
  return { result, epochs, created };
}

async function expectValidStoppedRun(dir: string, epochs: number): Promise<void> {
  expect((await readRunStatus(dir))?.status).toBe('stopped');
  const run = await readRun(dir); // validates config.json and metrics.json against their schemas
  expect(run.metrics.status).toBe('stopped');
  expect(run.history).toHaveLength(epochs);
  expect(run.metrics.epochsRun).toBe(epochs);
  expect(existsSync(join(dir, 'report.html'))).toBe(true);
  if (epochs > 0) {
    expect(existsSync(join(dir, 'model', 'weights.bin'))).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, 'model', 'model.json'), 'utf8')).weightsManifest[0].paths).toEqual(['./weights.bin']);
  }
  expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
}

describe('stopping an experiment at any moment', () => {
  it('while preparing or extracting features: refused as cancelled, no run folder', async () => {
    for (const [taskId, moment, how] of [
      ['stop-preparing', phase('preparing'), 'task.cancel'],
      ['stop-features', phase('features'), 'train.stop'],
    ] as const) {
      const { result, created } = await stopAt(taskId, moment, { how });
      expect(result, `${taskId}: ${JSON.stringify(result).slice(0, 400)}`).toMatchObject({
        ok: false,
        error: { code: 'experiment-cancelled' },
      });
      expect(created, taskId).toEqual([]);
    }
  }, 60_000);

  it('as training starts, before the first epoch ends: a stopped run with no epochs', async () => {
    const { result, created, epochs } = await stopAt('stop-training-start', phase('training'));
    expect(result, JSON.stringify(result).slice(0, 300)).toMatchObject({ ok: true, value: { status: 'stopped' } });
    expect(created).toHaveLength(1);
    await expectValidStoppedRun(join(root, created[0]), epochs);
  }, 60_000);

  it('in the middle of the first epoch (at a batch): the run keeps what was done', async () => {
    const { result, created, epochs } = await stopAt('stop-first-batch', (name) => name === 'train.batch');
    expect(result).toMatchObject({ ok: true, value: { status: 'stopped' } });
    await expectValidStoppedRun(join(root, created[0]), epochs);
    expect(epochs).toBeLessThanOrEqual(1);
  }, 60_000);

  it('after some epochs, while paused: history up to the stop, the best weights, status "stopped"', async () => {
    const taskId = 'stop-paused';
    let count = 0;
    let seen = 0;
    let seenAtStop = -1;
    let seenAfterPause = -2;
    const { result, created, epochs } = await stopAt(
      taskId,
      (name) => {
        if (name !== 'train.epoch' || ++count !== 5) return false;
        // Epochs posted before the pause took effect arrive within a few ms; after that the worker sleeps.
        setTimeout(() => (seenAfterPause = seen), 100);
        // Stop a while later, while it sleeps in its pause: no epoch may finish in between.
        setTimeout(() => {
          seenAtStop = seen;
          void dispatch(core, 'train.stop', { taskId }, () => undefined);
        }, 300);
        return true;
      },
      { how: 'train.pause', onEpoch: () => seen++ },
    );
    expect(result).toMatchObject({ ok: true, value: { status: 'stopped' } });
    // Epochs already posted when the pause came may still arrive (they are tiny here), but none during the pause.
    expect(epochs).toBeGreaterThanOrEqual(5);
    expect(seenAtStop).toBe(seenAfterPause);
    expect(epochs).toBe(seenAtStop);
    await expectValidStoppedRun(join(root, created[0]), epochs);
    const value = result.ok ? (result.value as ExperimentResult) : null;
    expect(value?.epochsRun).toBe(epochs);
  }, 60_000);

  it('in the second fold of a k-fold run: the folds trained so far are kept', async () => {
    const { result, created, epochs } = await stopAt(
      'stop-kfold',
      (name, payload) => name === 'train.epoch' && payload.fold === 1 && (payload.epoch as number) >= 2,
      {
        epochs: 30,
        split: { method: 'k-fold', folds: 3 },
      },
    );
    expect(result).toMatchObject({ ok: true, value: { status: 'stopped' } });
    const dir = join(root, created[0]);
    expect((await readRunStatus(dir))?.status).toBe('stopped');
    const run = await readRun(dir);
    // history.csv numbers folds from 1; events from 0.
    expect(run.history.filter((row) => row.fold === 1)).toHaveLength(30);
    expect(run.history.filter((row) => row.fold === 2).length).toBeGreaterThanOrEqual(2);
    expect(run.history.filter((row) => row.fold === 3)).toHaveLength(0);
    expect(run.history).toHaveLength(epochs);
  }, 60_000);

  it('after training, while evaluating or writing: the run is complete on disk and says "stopped"', async () => {
    for (const moment of ['evaluating', 'writing']) {
      const { result, created, epochs } = await stopAt(`stop-${moment}`, phase(moment), { epochs: 4, how: 'task.cancel' });
      expect(result, moment).toMatchObject({ ok: true });
      const dir = join(root, created[0]);
      const run = await readRun(dir);
      expect(run.history).toHaveLength(4);
      expect(epochs).toBe(4);
      expect(existsSync(join(dir, 'model', 'weights.bin'))).toBe(true);
      expect(['stopped', 'completed']).toContain((await readRunStatus(dir))?.status);
      expect((await readRunStatus(dir))?.status).toBe(run.metrics.status);
    }
  }, 60_000);
});
