import { describe, expect, it } from 'vitest';
import { firstClickOnly } from './clickGuard';

describe('firstClickOnly', () => {
  it('acts on a single click and a key press, never on the later clicks of a double click', () => {
    const calls: number[] = [];
    const handler = firstClickOnly(() => calls.push(calls.length));
    for (const detail of [1, 2, 3, 0, 1]) handler({ detail } as MouseEvent);
    expect(calls).toEqual([0, 1, 2]);
  });
});
