import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { EventName } from '../../shared/contract';
import type { ExperimentResult } from '../../shared/contract/experiment';
import { createCore, type Core } from '../core/index';
import { parseHistoryCsv } from '../core/runs/readRun';
import { readRunStatus } from '../core/runs/runFolder';
import { runConfigSchema } from '../../shared/contract/runs';
import { dispatch } from './dispatch';
import { spawnedWorkers } from './testing/workerSpy';

// Every worker thread the core starts is recorded, so the test can kill the trainer as a crash would.
vi.mock('../core/workers/spawnWorker', async (original) => (await import('./testing/workerSpy')).withWorkerSpy(await original()));

let core: Core;
let root: string;
const events: { name: EventName; payload: Record<string, unknown> }[] = [];
const emit = ((name: EventName, payload: Record<string, unknown>) => events.push({ name, payload })) as Parameters<typeof dispatch>[3];

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'sinapsis-worker-crash-'));
  core = await createCore('cli', { runsRoot: root });
});
afterAll(() => core.dispose());

const spiralsModel = {
  name: 'spirals',
  inputShape: [2],
  layers: [
    { type: 'dense', units: 16, activation: 'tanh' },
    { type: 'output', units: 2, activation: 'softmax' },
  ],
};

async function spirals(): Promise<string> {
  const result = await dispatch(
    core,
    'dataset.builtin',
    { taskId: `load-${Date.now()}`, id: 'spirals', options: { samples: 300, noise: 0.1, seed: 1 } },
    emit,
  );
  if (!result.ok) throw new Error(result.error.message);
  return (result.value as { datasetId: string }).datasetId;
}

const epochsOf = (taskId: string): number => events.filter((e) => e.name === 'train.epoch' && e.payload.taskId === taskId).length;

describe('the trainer worker killed mid-epoch', () => {
  it('ends experiment.run with a clear error, no worker left running, the run failed and its files valid', async () => {
    const datasetId = await spirals();
    const taskId = 'crash-run';
    const running = dispatch(
      core,
      'experiment.run',
      {
        taskId,
        datasetId,
        features: { kind: 'columns' },
        model: spiralsModel,
        training: { optimizer: 'sgd', learningRate: 0.01, epochs: 100_000, seed: 1 },
      },
      emit,
    );
    for (let waited = 0; epochsOf(taskId) < 20 && waited < 40_000; waited += 5) await new Promise((resolve) => setTimeout(resolve, 5));
    // history.csv is written (with fsync) as epochs go on; on a loaded machine the first write can lag a few epochs.
    const history = (): boolean => readdirSync(root).some((run) => existsSync(join(root, run, 'history.csv')));
    for (let waited = 0; !history() && waited < 20_000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
    const trainer = spawnedWorkers.filter((s) => s.name === 'trainer');
    expect(trainer).toHaveLength(1);
    // terminate() stops the thread at once, wherever it is, with no message: what a crash looks like from outside.
    await trainer[0].worker.terminate();

    const result = await running;
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'training-crashed', message: expect.stringMatching(/training worker ended unexpectedly/) },
    });
    expect(result.ok ? '' : result.error.message).not.toMatch(/\n\s+at /);
    expect(await trainer[0].exited).toBe(1);

    const [runId] = readdirSync(root);
    const dir = join(root, runId);
    expect(await readRunStatus(dir)).toMatchObject({ status: 'failed', message: expect.stringMatching(/worker ended unexpectedly/) });
    expect(runConfigSchema.safeParse(JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8'))).success).toBe(true);
    const rows = parseHistoryCsv(readFileSync(join(dir, 'history.csv'), 'utf8'));
    expect(rows.length).toBeGreaterThanOrEqual(1);
    expect(rows.map((row) => row.epoch)).toEqual(rows.map((_, i) => i + 1));
    expect(existsSync(join(dir, 'metrics.json'))).toBe(false);

    // The core keeps working: the next experiment trains in a new worker and completes.
    const again = await dispatch(
      core,
      'experiment.run',
      {
        taskId: 'after-crash',
        datasetId,
        features: { kind: 'columns' },
        model: spiralsModel,
        training: { optimizer: 'adam', learningRate: 0.05, epochs: 5, seed: 1 },
      },
      emit,
    );
    expect(again).toMatchObject({ ok: true, value: { status: 'completed' } });
    expect((again.ok ? (again.value as ExperimentResult) : null)?.epochsRun).toBe(5);
    // Every trainer started has ended: none is left running.
    const codes = await Promise.all(spawnedWorkers.filter((s) => s.name === 'trainer').map((s) => s.exited));
    expect(codes).toHaveLength(2);
  }, 90_000);
});
