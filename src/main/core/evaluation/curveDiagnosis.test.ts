import { describe, expect, it } from 'vitest';
import { diagnoseCurves, type EpochPoint } from './curveDiagnosis';

const curve = (train: number[], val?: number[]): EpochPoint[] =>
  train.map((trainLoss, i) => ({ epoch: i + 1, trainLoss, ...(val ? { valLoss: val[i] } : {}) }));

const codes = (points: EpochPoint[]) => diagnoseCurves(points).map((d) => d.code);

describe('curve diagnosis', () => {
  it('finds overfitting and the epoch where it started', () => {
    const train = [1.0, 0.7, 0.5, 0.4, 0.3, 0.25, 0.2, 0.15, 0.1, 0.08];
    const val = [1.0, 0.75, 0.6, 0.55, 0.58, 0.63, 0.7, 0.78, 0.86, 0.95];
    const [hint] = diagnoseCurves(curve(train, val));
    expect(hint.code).toBe('overfitting');
    expect(hint.params).toMatchObject({ bestEpoch: 4, epoch: 5, bestValLoss: 0.55, lastValLoss: 0.95 });
    expect(hint.message).toContain('epoch 5');
  });

  it('does not call a healthy curve overfitting', () => {
    const train = [1.0, 0.6, 0.4, 0.3, 0.26, 0.25, 0.248, 0.247];
    const val = [1.0, 0.65, 0.45, 0.36, 0.33, 0.32, 0.322, 0.321];
    expect(codes(curve(train, val))).toEqual([]);
  });

  it('flags NaN or huge losses as exploding gradients', () => {
    expect(codes(curve([1, 5, 80, Number.NaN]))).toEqual(['exploding']);
    const [hint] = diagnoseCurves(curve([0.7, 3, 200]));
    expect(hint).toMatchObject({ code: 'exploding', params: { epoch: 3 } });
  });

  it('a loss that is NaN from the first epoch is its own hint: there is no first loss to compare with', () => {
    const [hint] = diagnoseCurves(curve([Number.NaN]));
    expect(hint).toMatchObject({ code: 'diverged-at-start', severity: 'error', params: { epoch: 1 } });
    expect(JSON.parse(JSON.stringify(hint.params))).toEqual({ epoch: 1 });
    expect(hint.message).toContain('epoch 1');
  });

  it('flags a flat loss as no learning', () => {
    expect(codes(curve([0.6931, 0.693, 0.6931, 0.6929, 0.693, 0.693]))).toEqual(['no-learning']);
  });

  it('flags a loss still falling at the end as not converged', () => {
    const [hint] = diagnoseCurves(curve([1, 0.8, 0.64, 0.51, 0.41, 0.33]));
    expect(hint.code).toBe('not-converged');
    expect(hint.params.dropPercentPerEpoch).toBeGreaterThan(15);
  });

  it('does not advise more epochs when only the training loss still falls (the validation loss has levelled off)', () => {
    const train = [1, 0.8, 0.64, 0.51, 0.41, 0.33];
    expect(codes(curve(train, [1.05, 0.9, 0.82, 0.8, 0.8, 0.799]))).not.toContain('not-converged');
    expect(codes(curve(train, [1.05, 0.9, 0.78, 0.66, 0.56, 0.48]))).toContain('not-converged');
  });

  it('flags a long plateau then a drop as a slow start', () => {
    const train = [1, 0.999, 0.998, 0.997, 0.995, 0.99, 0.8, 0.5, 0.3, 0.2, 0.19, 0.189];
    expect(codes(curve(train))).toContain('slow-start');
    const hint = diagnoseCurves(curve(train)).find((d) => d.code === 'slow-start')!;
    expect(hint.params.untilEpoch).toBe(6);
  });

  it('flags a steadily rising loss as updates with the wrong sign', () => {
    expect(codes(curve([0.5, 0.55, 0.6, 0.62, 0.7, 0.75]))).toEqual(['rising-loss']);
  });
});
