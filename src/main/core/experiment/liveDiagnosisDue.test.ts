import { describe, expect, it } from 'vitest';
import { liveDiagnosisDue } from './runExperiment';

describe('liveDiagnosisDue', () => {
  it('recomputes the live diagnosis at every early epoch, at the last one, and a bounded number of times in between', () => {
    const planned = 100_000;
    const due: number[] = [];
    for (let epoch = 1; epoch <= planned; epoch++) if (liveDiagnosisDue(epoch, due[due.length - 1] ?? 0, planned)) due.push(epoch);
    expect(due.slice(0, 50)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(due[due.length - 1]).toBe(planned);
    // 2 % growth between recomputations: about 430 of 100,000, so the work stays near-linear in the epochs.
    expect(due.length).toBeLessThan(600);
    // Never more than 2 % of the epochs so far between two recomputations.
    for (let i = 1; i < due.length; i++) expect(due[i] - due[i - 1]).toBeLessThanOrEqual(Math.ceil(due[i] / 50));
  });
});
