import { describe, expect, it } from 'vitest';
import { acquireHogPool, closeHogPool, releaseHogPool } from './hogWorkerPool';

describe('shared HOG worker pool', () => {
  it('is reused while idle, and closeHogPool stops it so the next extraction gets a fresh one', () => {
    const first = acquireHogPool(2);
    releaseHogPool(first, null);
    const again = acquireHogPool(2);
    expect(again).toBe(first);
    // In use: closing must not pull the workers from under a running extraction.
    closeHogPool();
    expect(again.broken).toBe(false);
    releaseHogPool(again, null);
    closeHogPool();
    expect(first.broken).toBe(true);
    const fresh = acquireHogPool(2);
    expect(fresh).not.toBe(first);
    releaseHogPool(fresh, null);
    closeHogPool();
  });
});
