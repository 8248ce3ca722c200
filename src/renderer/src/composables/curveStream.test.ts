import { describe, expect, it } from 'vitest';
import { CurveStream, MAX_BATCH_POINTS, trainingFraction } from './curveStream';

const base = { engine: 'didactic', fold: 0, learningRate: 0.1, gradientNorms: [{ layer: 0, norm: 0.5 }], elapsedMs: 10, etaMs: 90 };
const epoch = (taskId: string, n: number, extra: object = {}) => ({
  taskId,
  ...base,
  epoch: n,
  trainLoss: 1 / n,
  trainAccuracy: 0.5,
  valLoss: 1.2 / n,
  valAccuracy: 0.4,
  ...extra,
});
const batch = (taskId: string, n: number, batches = 10) => ({ taskId, ...base, epoch: 1, batch: n, batches, loss: 2 / n, accuracy: null });

describe('CurveStream', () => {
  it('hands over changes once, however many events arrived', () => {
    const stream = new CurveStream('t1');
    expect(stream.take()).toBeNull();
    for (let i = 1; i <= 1000; i++) stream.batchEvent(batch('t1', i, 1000));
    stream.epochEvent(epoch('t1', 1));
    const snapshot = stream.take();
    expect(snapshot?.batches).toHaveLength(1000);
    expect(snapshot?.history.map((row) => row.epoch)).toEqual([1]);
    expect(snapshot?.progress).toMatchObject({ epoch: 1, epochFraction: 1, engine: 'didactic', etaMs: 90 });
    expect(stream.take()).toBeNull();
  });

  it('ignores other tasks and malformed events', () => {
    const stream = new CurveStream('t1');
    expect(stream.epochEvent(epoch('t2', 1))).toBe(false);
    expect(stream.batchEvent({ taskId: 't1', loss: 'NaN' })).toBe(false);
    expect(stream.take()).toBeNull();
  });

  it('keeps the run id, phase and folds of experiment.progress, and the diagnosis the core attaches', () => {
    const stream = new CurveStream('t1');
    stream.progressEvent({ taskId: 't1', runId: 'run-1', phase: 'features', fold: null, folds: null });
    stream.epochEvent(
      epoch('t1', 1, {
        diagnosis: [{ code: 'not-converged', severity: 'info', params: { lastEpochs: 3, dropPercentPerEpoch: 5 }, message: 'x' }],
      }),
    );
    const snapshot = stream.take()!;
    expect(snapshot.progress).toMatchObject({ runId: 'run-1', phase: 'features' });
    expect(snapshot.diagnosis?.[0].code).toBe('not-converged');
  });

  it('keeps only the latest batch points', () => {
    const stream = new CurveStream('t1');
    for (let i = 1; i <= MAX_BATCH_POINTS + 10; i++) stream.batchEvent(batch('t1', i, MAX_BATCH_POINTS + 10));
    const points = stream.take()!.batches;
    expect(points).toHaveLength(MAX_BATCH_POINTS);
    expect(points[points.length - 1].batch).toBe(MAX_BATCH_POINTS + 10);
  });
});

describe('trainingFraction', () => {
  it('counts folds, epochs and the batches of the current epoch', () => {
    const stream = new CurveStream('t');
    stream.batchEvent(batch('t', 5, 10));
    const progress = stream.take()!.progress;
    expect(trainingFraction(progress, 4, 1)).toBeCloseTo(0.5 / 4);
    expect(trainingFraction({ ...progress, foldIndex: 1, epoch: 4, epochFraction: 1 }, 4, 2)).toBe(1);
    expect(trainingFraction({ ...progress, epoch: 0 }, 4, 1)).toBe(0);
  });
});
