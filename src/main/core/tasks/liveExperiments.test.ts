import { describe, expect, it } from 'vitest';
import { JOURNAL_BATCHES, LiveExperiments } from './liveExperiments';

const batch = (taskId: string, batchNo: number) =>
  ({
    name: 'train.batch',
    payload: {
      taskId,
      engine: 'didactic',
      fold: 0,
      epoch: 1,
      batch: batchNo,
      batches: 1,
      loss: 1,
      accuracy: null,
      learningRate: 0.1,
      elapsedMs: batchNo,
      etaMs: null,
    },
  }) as const;

describe('LiveExperiments', () => {
  it('replays a running experiment: epochs, the latest batches, then the latest phase', () => {
    const live = new LiveExperiments();
    live.begin('t1', 30);
    live.record({ name: 'experiment.progress', payload: { taskId: 't1', runId: 'r', phase: 'features', fold: null, folds: null } });
    for (let b = 1; b <= 3 * JOURNAL_BATCHES; b++) live.record(batch('t1', b) as never);
    live.record({ name: 'experiment.progress', payload: { taskId: 't1', runId: 'r', phase: 'training', fold: null, folds: null } });
    live.record(batch('other', 1) as never);
    const [snapshot] = live.snapshot();
    expect(snapshot).toMatchObject({ taskId: 't1', status: 'running', epochsPlanned: 30 });
    const batches = snapshot.events.filter((event) => event.name === 'train.batch');
    expect(batches).toHaveLength(JOURNAL_BATCHES);
    expect(batches[batches.length - 1].payload).toMatchObject({ batch: 3 * JOURNAL_BATCHES });
    expect(snapshot.events[snapshot.events.length - 1]).toMatchObject({ name: 'experiment.progress', payload: { phase: 'training' } });
  });

  it('knows which experiments are paused, and forgets ended ones', () => {
    const live = new LiveExperiments();
    live.begin('a', 5);
    live.begin('b', 5);
    live.setStatus('a', 'paused');
    expect(live.paused()).toEqual(['a']);
    live.end('a');
    expect(live.paused()).toEqual([]);
    expect(live.snapshot().map((entry) => entry.taskId)).toEqual(['b']);
  });
});
