import { describe, expect, it } from 'vitest';
import { parseRow } from './rowInput';

describe('parseRow', () => {
  it('reads commas or spaces as separators, and decimal commas when semicolons separate', () => {
    expect(parseRow('13.2, 1.78 2.14', 3)).toEqual([13.2, 1.78, 2.14]);
    expect(parseRow('13,2; 1,78; -2', 3)).toEqual([13.2, 1.78, -2]);
    expect(parseRow(' 1e3 ;4 ', 2)).toEqual([1000, 4]);
  });

  it('refuses the wrong count, text and empty input', () => {
    expect(parseRow('1, 2', 3)).toBeNull();
    expect(parseRow('1, x, 3', 3)).toBeNull();
    expect(parseRow('   ', 1)).toBeNull();
  });
});
