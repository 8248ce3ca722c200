import { describe, expect, it, vi } from 'vitest';
import { nextTick, ref } from 'vue';
import type { EmbeddingResult } from '../../../shared/contract/embedding';
import type { FeatureMapSlot } from './useFeatureMaps';

/** A contract client whose `embedding.compute` answers only when the test says so, and whose `task.cancel` rejects it. */
const fake = vi.hoisted(() => {
  type Pending = {
    payload: { taskId: string; source: unknown; method: string; seed: number };
    resolve: (v: unknown) => void;
    reject: (e: unknown) => void;
  };
  const state = { pending: [] as Pending[], cancelled: [] as string[], listener: null as ((event: unknown) => void) | null };
  const client = {
    call: (method: string, payload: Pending['payload']) => {
      if (method === 'task.cancel') {
        state.cancelled.push(payload.taskId);
        state.pending.find((p) => p.payload.taskId === payload.taskId)?.reject(new Error('cancelled'));
        return Promise.resolve({ cancelled: true });
      }
      return new Promise((resolve, reject) => state.pending.push({ payload, resolve, reject }));
    },
    on: (_event: string, listener: (event: unknown) => void) => {
      state.listener = listener;
      return () => (state.listener = null);
    },
  };
  return { state, client };
});
vi.mock('./useClient', () => ({ useClient: () => fake.client }));
vi.mock('./useErrorMessage', () => ({ useErrorMessage: () => (error: unknown) => `translated: ${String(error)}` }));

const { useFeatureMaps } = await import('./useFeatureMaps');

const result = (method: 'pca' | 'tsne' | 'umap'): EmbeddingResult => ({
  method,
  seed: 0,
  points: [{ x: 0, y: 0, index: 0, file: '0/a.png', classIndex: 0 }],
  classNames: ['0'],
  dimensions: 320,
  explainedVariance: null,
  layers: null,
  layer: null,
  seconds: 1,
});
const source = (layer: number) => ({ kind: 'run' as const, runId: 'r', datasetId: 'd', layer });
const flush = async () => {
  for (let i = 0; i < 5; i++) await nextTick();
};

describe('useFeatureMaps', () => {
  it('computes every map one after the other with the same method and seed, each its own task', async () => {
    fake.state.pending = [];
    const slots = ref<FeatureMapSlot[]>([
      { key: 'input', source: source(0) },
      { key: 'layer', source: source(1) },
    ]);
    const maps = useFeatureMaps(slots);
    maps.method.value = 'umap';
    maps.seed.value = 7;
    const done = maps.compute();
    await flush();
    expect(fake.state.pending).toHaveLength(1);
    expect(maps.computing.value).toBe('input');
    fake.state.pending[0].resolve(result('umap'));
    await flush();
    expect(fake.state.pending).toHaveLength(2);
    expect(maps.computing.value).toBe('layer');
    fake.state.pending[1].resolve(result('umap'));
    await done;
    const [first, second] = fake.state.pending.map((p) => p.payload);
    expect(first).toMatchObject({ method: 'umap', seed: 7, source: source(0) });
    expect(second).toMatchObject({ method: 'umap', seed: 7, source: source(1) });
    expect(first.taskId).not.toBe(second.taskId);
    expect(maps.maps.value.input.result?.method).toBe('umap');
    expect(maps.maps.value.layer.result?.method).toBe('umap');
    expect(maps.computing.value).toBeNull();
  });

  it('Cancel stops the current task and leaves the waiting maps unstarted', async () => {
    fake.state.pending = [];
    fake.state.cancelled = [];
    const slots = ref<FeatureMapSlot[]>([
      { key: 'input', source: source(0) },
      { key: 'layer', source: source(1) },
    ]);
    const maps = useFeatureMaps(slots);
    const done = maps.compute();
    await flush();
    await maps.cancel();
    await done;
    expect(fake.state.cancelled).toEqual([fake.state.pending[0].payload.taskId]);
    expect(fake.state.pending).toHaveLength(1);
    expect(maps.maps.value.input).toEqual({ result: null, error: null, cancelled: true, dataChanged: false });
    expect(maps.maps.value.layer.result).toBeNull();
  });

  it('shows a failure translated, and feeds the bar only with its own task’s progress', async () => {
    fake.state.pending = [];
    const slots = ref<FeatureMapSlot[]>([{ key: 'features', source: source(0) }]);
    const maps = useFeatureMaps(slots);
    const stop = maps.listenToProgress();
    const done = maps.compute();
    await flush();
    const taskId = fake.state.pending[0].payload.taskId;
    fake.state.listener?.({ taskId: 'someone-else', stage: 'optimise', done: 1, total: 2 });
    expect(maps.progress.value).toBeNull();
    fake.state.listener?.({ taskId, stage: 'neighbours', done: 3, total: 9 });
    expect(maps.progress.value).toMatchObject({ stage: 'neighbours', done: 3 });
    fake.state.pending[0].reject(new Error('too few samples'));
    await done;
    expect(maps.maps.value.features.error).toBe('translated: Error: too few samples');
    expect(maps.progress.value).toBeNull();
    stop();
  });

  it('drops an answer for a source that changed meanwhile, and keeps the maps whose source did not change', async () => {
    fake.state.pending = [];
    const slots = ref<FeatureMapSlot[]>([
      { key: 'input', source: source(0) },
      { key: 'layer', source: source(1) },
    ]);
    const maps = useFeatureMaps(slots);
    const done = maps.compute();
    await flush();
    fake.state.pending[0].resolve(result('tsne'));
    await flush();
    // The student picks another layer while the layer map is computed: its answer is for the old layer.
    slots.value = [slots.value[0], { key: 'layer', source: source(2) }];
    await flush();
    fake.state.pending[1].resolve(result('tsne'));
    await done;
    expect(maps.maps.value.input.result?.method).toBe('tsne');
    expect(maps.maps.value.layer.result).toBeNull();
    // ...and says why, so the panel does not silently go back to "press Compute".
    expect(maps.maps.value.layer.dataChanged).toBe(true);
    expect(maps.maps.value.input.dataChanged).toBe(false);
  });
});
