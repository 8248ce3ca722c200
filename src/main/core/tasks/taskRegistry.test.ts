import { describe, expect, it } from 'vitest';
import { SinapsisError } from '../../../shared/contract';
import { TaskRegistry } from './taskRegistry';

describe('TaskRegistry', () => {
  it('refuses a second task with the same id while the first runs, and frees the id afterwards', async () => {
    const tasks = new TaskRegistry();
    let release: () => void = () => undefined;
    const first = tasks.run('a', () => new Promise<void>((resolve) => (release = resolve)));
    expect(() => tasks.start('a')).toThrow(SinapsisError);
    release();
    await first;
    expect(() => tasks.start('a')).not.toThrow();
  });

  it('aborts the signal of the cancelled task only', () => {
    const tasks = new TaskRegistry();
    const a = tasks.start('a');
    const b = tasks.start('b');
    expect(tasks.cancel('a')).toBe(true);
    expect(a.aborted).toBe(true);
    expect(b.aborted).toBe(false);
    expect(tasks.cancel('missing')).toBe(false);
  });
});
