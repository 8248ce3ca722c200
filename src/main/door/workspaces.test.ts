import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExperimentResult } from '../../shared/contract/experiment';
import type { CallResult } from '../../shared/contract/wire';
import { modelPresets } from '../../shared/models/presets';
import { TEACHER, type Caller } from '../core/caller';
import { createCore, type Core } from '../core/index';
import { writeSampleRun } from '../core/runs/writeSampleRun.testdata';
import { dispatch } from './dispatch';

const SAMPLE_RUN = '20261122T101500Z-abc123';
const ana: Caller = { role: 'student', studentId: 'ana-garcia' };
const ben: Caller = { role: 'student', studentId: 'ben' };

function value<T>(result: CallResult): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}
const codeOf = (result: CallResult): string | null => (result.ok ? null : result.error.code);

/** A training long enough (5000 epochs of one sample a batch) to be stopped by hand while it runs. */
const longWineRun = (taskId: string, datasetId: string) => ({
  taskId,
  datasetId,
  features: { kind: 'columns' },
  scaling: 'zscore',
  split: { method: 'train-val-test' },
  model: modelPresets.wine13_8_4_3,
  training: { optimizer: 'sgd', learningRate: 0.001, epochs: 5000, batchSize: 1, seed: 3 },
});

describe('two cores in one process', () => {
  it('share no datasets, tasks or runs', async () => {
    const a = await createCore('cli', { runsRoot: mkdtempSync(join(tmpdir(), 'sinapsis-core-a-')) });
    const b = await createCore('cli', { runsRoot: mkdtempSync(join(tmpdir(), 'sinapsis-core-b-')) });
    const loaded = value<{ datasetId: string }>(
      await dispatch(a, 'dataset.builtin', { taskId: 'xor-a', id: 'xor', options: {} }, () => undefined),
    );
    const split = { datasetId: loaded.datasetId, method: 'holdout', train: 0.8, test: 0.2, seed: 1 };
    expect(codeOf(await dispatch(a, 'dataset.split', split, () => undefined))).toBeNull();
    expect(codeOf(await dispatch(b, 'dataset.split', split, () => undefined))).toBe('dataset-not-loaded');
    a.dispose();
    // Disposing frees what the core held: its datasets are gone.
    expect(codeOf(await dispatch(a, 'dataset.split', split, () => undefined))).toBe('dataset-not-loaded');
    b.dispose();
  });
});

describe('a lab server: two students and the teacher in one core', () => {
  let core: Core;
  let teacherRuns: string;
  beforeAll(async () => {
    teacherRuns = mkdtempSync(join(tmpdir(), 'sinapsis-lab-teacher-'));
    core = await createCore('browser', {
      runsRoot: teacherRuns,
      lab: { root: mkdtempSync(join(tmpdir(), 'sinapsis-lab-')), datasetBudgetBytes: 64 * 1024 },
    });
    await core.workspaces.create('Ana García', 'refuse');
    await core.workspaces.create('Ben', 'refuse');
    await writeSampleRun((await core.workspaces.student('ana-garcia')).runsRoot);
  });
  afterAll(() => core.dispose());
  const call = (caller: Caller, method: string, payload: unknown, emit: (name: string, payload: unknown) => void = () => undefined) =>
    dispatch(core, method, payload, emit as never, caller);

  it('a name already in use cannot be signed in with again, whatever its accents or case', async () => {
    await expect(core.workspaces.create('ana garcia', 'refuse')).rejects.toMatchObject({
      code: 'workspace-name-taken',
      params: { name: 'Ana García' },
    });
    await expect(core.workspaces.create('  ', 'refuse')).rejects.toMatchObject({ code: 'workspace-name-invalid' });
    expect((await core.workspaces.create('Ana García', 'reuse')).id).toBe('ana-garcia');
  });

  it('each student has their own datasets', async () => {
    const loaded = value<{ datasetId: string }>(
      await call(ana, 'dataset.builtin', { taskId: 'circles', id: 'circles', options: { samples: 100 } }),
    );
    const split = { datasetId: loaded.datasetId, method: 'holdout', train: 0.8, test: 0.2, seed: 1 };
    expect(codeOf(await call(ana, 'dataset.split', split))).toBeNull();
    expect(codeOf(await call(ben, 'dataset.split', split))).toBe('dataset-not-loaded');
    expect(codeOf(await call(TEACHER, 'dataset.split', split))).toBe('dataset-not-loaded');
  });

  it('a dataset over the workspace memory budget is refused with the budget in the message', async () => {
    const result = await call(ben, 'dataset.builtin', { taskId: 'big', id: 'circles', options: { samples: 5000 } });
    expect(result).toMatchObject({ ok: false, error: { code: 'workspace-memory-full', params: { limitMb: 1 } } });
  });

  it("a student neither lists, reads, downloads nor exports another's runs; the teacher reads them, read-only", async () => {
    expect(value<{ runs: { runId: string }[] }>(await call(ana, 'runs.list', {})).runs.map((r) => r.runId)).toEqual([SAMPLE_RUN]);
    expect(value<{ runs: unknown[] }>(await call(ben, 'runs.list', {})).runs).toEqual([]);
    expect(codeOf(await call(ben, 'runs.get', { runId: SAMPLE_RUN }))).toBe('run-not-found');
    expect(codeOf(await call(ben, 'runs.get', { runId: SAMPLE_RUN, workspace: 'ana-garcia' }))).toBe('workspace-not-found');
    expect(codeOf(await call(ben, 'runs.list', { workspace: 'ana-garcia' }))).toBe('workspace-not-found');
    expect(codeOf(await call(ben, 'runs.file', { runId: SAMPLE_RUN, name: 'config.json' }))).toBe('run-not-found');
    expect(codeOf(await call(ben, 'runs.file', { runId: SAMPLE_RUN, name: 'config.json', workspace: 'ana-garcia' }))).toBe(
      'workspace-not-found',
    );
    expect(codeOf(await call(ben, 'report.export', { runId: SAMPLE_RUN, language: 'es', notes: { author: 'Ben' }, pdf: false }))).toBe(
      'run-not-found',
    );
    expect(codeOf(await call(ben, 'runs.predictions', { runId: SAMPLE_RUN }))).toBe('run-not-found');

    expect(
      value<{ runs: { runId: string }[] }>(await call(TEACHER, 'runs.list', { workspace: 'ana-garcia' })).runs.map((r) => r.runId),
    ).toEqual([SAMPLE_RUN]);
    expect(value<{ runId: string }>(await call(TEACHER, 'runs.get', { runId: SAMPLE_RUN, workspace: 'ana-garcia' })).runId).toBe(
      SAMPLE_RUN,
    );
    expect(codeOf(await call(TEACHER, 'runs.list', { workspace: 'nobody' }))).toBe('workspace-not-found');
    // Writes go to the teacher's own runs only: the student's run cannot be changed from there.
    expect(
      codeOf(await call(TEACHER, 'report.export', { runId: SAMPLE_RUN, language: 'es', notes: { author: 'Profe' }, pdf: false })),
    ).toBe('run-not-found');
    expect(value<{ runs: unknown[] }>(await call(TEACHER, 'runs.list', {})).runs).toEqual([]);
  });

  it('the teacher lists the workspaces and chooses the backend; a student may do neither', async () => {
    const listed = value<{ workspaces: { id: string; name: string; runs: number }[] }>(await call(TEACHER, 'workspace.list', {}));
    expect(listed.workspaces.map(({ id, name, runs }) => ({ id, name, runs }))).toEqual([
      { id: 'ana-garcia', name: 'Ana García', runs: 1 },
      { id: 'ben', name: 'Ben', runs: 0 },
    ]);
    expect(await call(ben, 'workspace.list', {})).toMatchObject({
      ok: false,
      error: { code: 'teacher-only', params: { action: 'list-workspaces' } },
    });
    expect(await call(ben, 'app.setBackend', { preference: 'cpu' })).toMatchObject({
      ok: false,
      error: { code: 'teacher-only', params: { action: 'set-backend' } },
    });
    expect(value(await call(ben, 'workspace.current', {}))).toEqual({
      mode: 'lab',
      role: 'student',
      workspace: { id: 'ben', name: 'Ben' },
    });
    expect(value(await call(TEACHER, 'workspace.current', {}))).toMatchObject({ mode: 'lab', role: 'teacher' });
  });

  it('a task or training id is only valid in the workspace that started it', async () => {
    const anaEvents: string[] = [];
    const demo = call(ana, 'app.demoProgress', { taskId: 'shared-id', steps: 200, intervalMs: 20 }, (name) => anaEvents.push(name));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(value<{ cancelled: boolean }>(await call(ben, 'task.cancel', { taskId: 'shared-id' })).cancelled).toBe(false);
    expect(value<{ cancelled: boolean }>(await call(TEACHER, 'task.cancel', { taskId: 'shared-id' })).cancelled).toBe(false);
    // Ben may use the same id for his own task meanwhile.
    expect(
      value<{ completed: boolean }>(await call(ben, 'app.demoProgress', { taskId: 'shared-id', steps: 1, intervalMs: 0 })).completed,
    ).toBe(true);
    expect(value<{ cancelled: boolean }>(await call(ana, 'task.cancel', { taskId: 'shared-id' })).cancelled).toBe(true);
    expect(value<{ completed: boolean }>(await demo).completed).toBe(false);
    expect(anaEvents.length).toBeGreaterThan(0);

    const wine = value<{ datasetId: string }>(await call(ana, 'dataset.builtin', { taskId: 'wine', id: 'wine', options: {} }));
    const training = call(ana, 'experiment.run', longWineRun('ana-train', wine.datasetId));
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(codeOf(await call(ben, 'train.stop', { taskId: 'ana-train' }))).toBe('training-not-running');
    expect(codeOf(await call(ben, 'train.pause', { taskId: 'ana-train' }))).toBe('training-not-running');
    expect(codeOf(await call(ana, 'train.stop', { taskId: 'ana-train' }))).toBeNull();
    const result = value<ExperimentResult>(await training);
    expect(result.status).toBe('stopped');
    expect(value<{ runs: unknown[] }>(await call(ben, 'runs.list', {})).runs).toEqual([]);
    expect(value<{ runs: unknown[] }>(await call(TEACHER, 'runs.list', { workspace: 'ana-garcia' })).runs).toHaveLength(2);
  }, 60_000);

  it("a student's second tab: sees Pause/Resume/Stop of the first, cannot start a second training", async () => {
    const wine = value<{ datasetId: string }>(await call(ben, 'dataset.builtin', { taskId: 'wine-ben', id: 'wine', options: {} }));
    const request = (taskId: string) => longWineRun(taskId, wine.datasetId);
    // Both of Ben's tabs are pages of his workspace: what one does, the other hears; Ana's pages hear nothing.
    const benSpace = await core.workspaces.student('ben');
    const anaSpace = await core.workspaces.student('ana-garcia');
    const secondTab: unknown[] = [];
    const anaHeard: string[] = [];
    const detach = [
      benSpace.pages.attach((name, payload) => (name === 'train.control' ? secondTab.push(payload) : undefined)),
      anaSpace.pages.attach((name) => anaHeard.push(name)),
    ];
    const firstTab = dispatch(core, 'experiment.run', request('ben-first'), benSpace.pages.broadcast, ben);
    await expect.poll(() => benSpace.live.size, { timeout: 20_000 }).toBe(1);
    const second = await dispatch(core, 'experiment.run', request('ben-second'), benSpace.pages.broadcast, ben);
    expect(codeOf(second)).toBe('training-already-running');
    // Still one training: the refused one took no place and left no run.
    expect(benSpace.live.snapshot().map((entry) => entry.taskId)).toEqual(['ben-first']);
    for (const method of ['train.pause', 'train.resume', 'train.stop'])
      expect(codeOf(await dispatch(core, method, { taskId: 'ben-first' }, benSpace.pages.broadcast, ben))).toBeNull();
    expect(secondTab).toEqual([
      { taskId: 'ben-first', status: 'paused' },
      { taskId: 'ben-first', status: 'running' },
      { taskId: 'ben-first', status: 'stopping' },
    ]);
    expect(value<ExperimentResult>(await firstTab).status).toBe('stopped');
    expect(value<{ runs: unknown[] }>(await call(ben, 'runs.list', {})).runs).toHaveLength(1);
    expect(anaHeard).toEqual([]);
    detach.forEach((off) => off());
  }, 60_000);
});
