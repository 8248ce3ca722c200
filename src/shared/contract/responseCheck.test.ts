import { describe, expect, it } from 'vitest';
import { responseProblem, VALIDATE_RESPONSES } from './responseCheck';

describe('response check', () => {
  it('is on under the tests (import.meta.env.DEV), so every door test checks the core answers', () => {
    expect(VALIDATE_RESPONSES).toBe(true);
  });

  it('names the field of an answer that drifted from its schema, and passes one that fits', () => {
    expect(responseProblem('task.cancel', { cancelled: true })).toBeNull();
    expect(responseProblem('task.cancel', { cancelled: 'yes' })).toMatch(/^cancelled: /);
    expect(responseProblem('runs.list', { root: '/runs', runs: [{ runId: 'a' }], unwritable: null })).toMatch(/runs\.0\.status/);
  });
});
