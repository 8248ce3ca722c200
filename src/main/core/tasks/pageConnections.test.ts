import { afterEach, describe, expect, it, vi } from 'vitest';
import { PageConnections, taskGraceMsFromEnv } from './pageConnections';

afterEach(() => vi.useRealTimers());

describe('PageConnections', () => {
  it('sends every event to every connected page', () => {
    const pages = new PageConnections(1000, () => undefined);
    const a: string[] = [];
    const b: string[] = [];
    pages.attach((name) => a.push(name));
    const leaveB = pages.attach((name) => b.push(name));
    pages.broadcast('experiment.progress', { taskId: 't', runId: 'r', phase: 'training', fold: null, folds: null });
    leaveB();
    pages.broadcast('experiment.progress', { taskId: 't', runId: 'r', phase: 'writing', fold: null, folds: null });
    expect(a).toEqual(['experiment.progress', 'experiment.progress']);
    expect(b).toEqual(['experiment.progress']);
  });

  it('calls abandoned only when no page came back within the grace period', () => {
    vi.useFakeTimers();
    const abandoned = vi.fn();
    const pages = new PageConnections(1000, abandoned);
    const leave = pages.attach(() => undefined);
    leave();
    vi.advanceTimersByTime(600);
    const leaveAgain = pages.attach(() => undefined); // the reload came back in time
    vi.advanceTimersByTime(2000);
    expect(abandoned).not.toHaveBeenCalled();
    leaveAgain();
    vi.advanceTimersByTime(999);
    expect(abandoned).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(abandoned).toHaveBeenCalledTimes(1);
  });

  it('reads the grace period from SINAPSIS_TASK_GRACE_SECONDS', () => {
    expect(taskGraceMsFromEnv({ SINAPSIS_TASK_GRACE_SECONDS: '1.5' })).toBe(1500);
    expect(taskGraceMsFromEnv({ SINAPSIS_TASK_GRACE_SECONDS: 'soon' })).toBe(10 * 60_000);
    expect(taskGraceMsFromEnv({})).toBe(10 * 60_000);
  });
});
