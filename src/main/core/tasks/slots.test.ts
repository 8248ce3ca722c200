import { describe, expect, it } from 'vitest';
import { SinapsisError } from '../../../shared/contract/errors';
import { Slots } from './slots';

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('Slots', () => {
  it('runs at most `size` at once, the rest in arrival order, each told its place whenever it changes', async () => {
    const slots = new Slots(2);
    const order: string[] = [];
    const positions: Record<string, number[]> = { c: [], d: [], e: [] };
    const a = await slots.acquire();
    const b = await slots.acquire();
    const waiting = ['c', 'd', 'e'].map((name) =>
      slots.acquire(undefined, (p) => positions[name].push(p)).then((release) => (order.push(name), release)),
    );
    await tick();
    expect(slots.running).toBe(2);
    expect(slots.waiting).toBe(3);
    expect(positions).toEqual({ c: [1], d: [2], e: [3] });
    a();
    a(); // releasing twice gives back one place only
    await tick();
    expect(order).toEqual(['c']);
    expect(positions).toEqual({ c: [1], d: [2, 1], e: [3, 2] });
    b();
    await tick();
    expect(order).toEqual(['c', 'd']);
    (await waiting[0])();
    await tick();
    expect(order).toEqual(['c', 'd', 'e']);
    (await waiting[1])();
    (await waiting[2])();
    expect(slots.running).toBe(0);
  });

  it('a waiter that is cancelled leaves the line and the ones behind move up', async () => {
    const slots = new Slots(1);
    const release = await slots.acquire();
    const controller = new AbortController();
    const behind: number[] = [];
    const cancelled = slots.acquire(controller.signal);
    const next = slots.acquire(undefined, (p) => behind.push(p));
    controller.abort(new Error('stopped'));
    await expect(cancelled).rejects.toThrow('stopped');
    expect(behind).toEqual([2, 1]);
    release();
    (await next)();
    expect(slots.running).toBe(0);
    await expect(slots.acquire(controller.signal)).rejects.toThrow('stopped');
  });

  it('refuses past `maxWaiting` with the given error', async () => {
    const slots = new Slots(1, { maxWaiting: 1, busy: () => new SinapsisError('pdf-busy', 'busy') });
    const release = await slots.acquire();
    const waiting = slots.acquire();
    await expect(slots.acquire()).rejects.toMatchObject({ code: 'pdf-busy' });
    release();
    (await waiting)();
    expect(() => new Slots(0)).toThrow(RangeError);
  });
});
