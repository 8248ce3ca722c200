import { describe, expect, it } from 'vitest';
import { parseValueList } from './valueList';

describe('parseValueList', () => {
  it('reads NumPy printouts and hand-written lists', () => {
    expect(parseValueList('[ 0.1   2.5e-3\n -4. ]')).toEqual({ values: [0.1, 0.0025, -4] });
    expect(parseValueList('1, 2; 3')).toEqual({ values: [1, 2, 3] });
    expect(parseValueList('')).toEqual({ values: [] });
  });

  it('names the first piece that is not a number', () => {
    expect(parseValueList('1 2 abc 4')).toEqual({ bad: 'abc' });
    expect(parseValueList('1 NaN')).toEqual({ bad: 'NaN' });
  });
});
