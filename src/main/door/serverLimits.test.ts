import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventName } from '../../shared/contract';
import { createCore, MAX_WAITING_PRINTS, type Core } from '../core/index';
import { Slots } from '../core/tasks/slots';
import { dispatch } from './dispatch';

/** The limits a lab server shares among its class: places to train, one Chromium for PDFs. */

let core: Core;
let root: string;
const events: { name: EventName; payload: Record<string, unknown> }[] = [];
const emit = ((name: EventName, payload: Record<string, unknown>) => events.push({ name, payload })) as Parameters<typeof dispatch>[3];

async function call(method: string, payload: unknown): Promise<{ ok: boolean; value?: unknown; error?: { code: string } }> {
  return dispatch(core, method, payload, emit);
}

const spiralsRun = (taskId: string, datasetId: string) => ({
  taskId,
  datasetId,
  features: { kind: 'columns' },
  split: { method: 'holdout' },
  model: {
    name: 'spirals',
    inputShape: [2],
    layers: [
      { type: 'dense', units: 8, activation: 'tanh' },
      { type: 'output', units: 2, activation: 'softmax' },
    ],
  },
  training: { optimizer: 'sgd', learningRate: 0.01, epochs: 100_000, seed: 1 },
});

const epochsOf = (taskId: string) => events.filter((e) => e.name === 'train.epoch' && e.payload.taskId === taskId).length;
const queuedPositions = (taskId: string) =>
  events
    .filter((e) => e.name === 'experiment.progress' && e.payload.taskId === taskId && e.payload.phase === 'queued')
    .map((e) => e.payload.position);

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'sinapsis-limits-'));
  process.env.SINAPSIS_CACHE_DIR = mkdtempSync(join(tmpdir(), 'sinapsis-limits-cache-'));
  core = await createCore('browser', { runsRoot: root, trainingSlots: new Slots(1) });
});
afterAll(() => core.dispose());

describe('the training queue', () => {
  it('with one place: the second training waits, told its place, starts when the first stops; one cancelled while waiting writes nothing', async () => {
    const loaded = await call('dataset.builtin', { taskId: 'load', id: 'spirals', options: { samples: 200, noise: 0.1, seed: 1 } });
    const datasetId = (loaded.value as { datasetId: string }).datasetId;
    const first = call('experiment.run', spiralsRun('first', datasetId));
    await expect.poll(() => epochsOf('first'), { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
    const second = call('experiment.run', spiralsRun('second', datasetId));
    const third = call('experiment.run', spiralsRun('third', datasetId));
    await expect.poll(() => queuedPositions('third'), { timeout: 10_000 }).toEqual([2]);
    expect(queuedPositions('second')).toEqual([1]);
    // Still waiting: no feature extraction, no epochs, no run folder of its own.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(epochsOf('second')).toBe(0);
    expect(readdirSync(root).filter((name) => !name.startsWith('.'))).toHaveLength(1);

    // Cancelled while waiting: refused as cancelled, and the one behind moves up.
    expect((await call('task.cancel', { taskId: 'third' })).value).toEqual({ cancelled: true });
    expect(await third).toMatchObject({ ok: false, error: { code: 'experiment-cancelled' } });

    expect((await call('train.stop', { taskId: 'first' })).ok).toBe(true);
    expect(await first).toMatchObject({ ok: true, value: { status: 'stopped' } });
    await expect.poll(() => epochsOf('second'), { timeout: 30_000 }).toBeGreaterThanOrEqual(1);
    expect((await call('train.stop', { taskId: 'second' })).ok).toBe(true);
    expect(await second).toMatchObject({ ok: true, value: { status: 'stopped' } });
    expect(readdirSync(root).filter((name) => !name.startsWith('.'))).toHaveLength(2);
    expect(core.services.trainingSlots.running).toBe(0);
  }, 90_000);
});

describe('one Chromium at a time', () => {
  it('PDFs are made one after another; a few wait, more are refused with pdf-busy', async () => {
    let running = 0;
    let most = 0;
    const slow = await createCore('browser', {
      runsRoot: root,
      printPdf: async () => {
        most = Math.max(most, ++running);
        await new Promise((resolve) => setTimeout(resolve, 50));
        running--;
        return new Uint8Array([37, 80, 68, 70]);
      },
    });
    try {
      const attempts = Array.from({ length: MAX_WAITING_PRINTS + 3 }, () =>
        slow.services.printPdf('<p>x</p>').then(
          () => 'ok',
          (error: { code?: string }) => error.code,
        ),
      );
      const outcomes = await Promise.all(attempts);
      expect(most).toBe(1);
      expect(outcomes.filter((o) => o === 'ok')).toHaveLength(MAX_WAITING_PRINTS + 1);
      expect(outcomes.filter((o) => o === 'pdf-busy')).toHaveLength(2);
      // Once the line is empty, the next one is made again.
      expect(await slow.services.printPdf('<p>y</p>')).toHaveLength(4);
    } finally {
      slow.dispose();
    }
  });
});
