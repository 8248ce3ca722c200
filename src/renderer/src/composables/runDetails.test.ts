import { describe, expect, it } from 'vitest';
import { rowNormalize, specName } from './runDetails';

describe('run details', () => {
  it('row-normalizes a confusion matrix, leaving empty rows at 0', () => {
    expect(
      rowNormalize([
        [3, 1],
        [0, 0],
      ]),
    ).toEqual([
      [0.75, 0.25],
      [0, 0],
    ]);
  });

  it('names a stored spec when it has a name', () => {
    expect(specName({ name: 'MLP' })).toBe('MLP');
    expect(specName(null)).toBeNull();
  });
});
