import { describe, expect, it } from 'vitest';
import { methods, SinapsisError, type EventName, type MethodName } from '../../../shared/contract';
import type { CallContext } from '../context';
import { handlers } from '../handlers';
import { testContext } from '../testing/testContext';

type Outcome = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };
type Emit = (name: EventName, payload: unknown) => void;

/** What a door does (core may not import the doors): validate against the contract, call the handler, map errors. */
async function dispatch(core: { context: CallContext }, name: MethodName, request: unknown, emit: Emit): Promise<Outcome> {
  const parsed = methods[name].request.safeParse(request);
  if (!parsed.success) return { ok: false, error: { code: 'invalid-request', message: parsed.error.message } };
  const context: CallContext = { ...core.context, emit: emit as CallContext['emit'] };
  const handler = (handlers as unknown as Record<string, (r: unknown, c: CallContext) => Promise<unknown>>)[name];
  try {
    return { ok: true, value: await handler(parsed.data, context) };
  } catch (error) {
    if (error instanceof SinapsisError) return { ok: false, error: { code: error.code, message: error.message } };
    throw error;
  }
}

async function createCore(_door: 'cli'): Promise<{ context: CallContext; dispose(): void }> {
  const context = testContext();
  return { context, dispose: () => context.workspaces.dispose() };
}

/** The XOR table of the course exercise (seed 000), bipolar inputs, targets 0/1. */
const xor = { features: [[-1, -1], [-1, 1], [1, -1], [1, 1]], labels: [0, 1, 1, 0] };
const spec = { inputShape: [2], seed: 3, layers: [{ type: 'dense', units: 4, activation: 'tanh' }, { type: 'output', units: 1, activation: 'sigmoid' }] };

describe('train.* through the contract, in a worker thread', () => {
  it('trains XOR, streaming epoch events, and reports the engine', async () => {
    const core = await createCore('cli');
    const events: { name: EventName; payload: unknown }[] = [];
    const result = await dispatch(
      core,
      'train.start',
      { taskId: 'xor1', spec, settings: { loss: 'binaryCrossEntropy', optimizer: 'adam', learningRate: 0.05, epochs: 300, batchSize: 4 }, data: { kind: 'inline', ...xor } },
      (name, payload) => events.push({ name, payload }),
    );
    expect(result.ok, JSON.stringify(result).slice(0, 300)).toBe(true);
    if (!result.ok) return;
    const value = result.value as { engine: string; folds: { history: unknown[]; train: { accuracy: number } }[] };
    expect(value.engine).toBe('didactic');
    expect(value.folds[0].history).toHaveLength(300);
    expect(value.folds[0].train.accuracy).toBe(1);
    expect(events.filter((e) => e.name === 'train.epoch')).toHaveLength(300);
    expect(events.at(-1)?.name).toBe('train.done');
    core.dispose();
  }, 60_000);

  it('pause holds the worker, resume continues, stop ends it keeping the history', async () => {
    const core = await createCore('cli');
    const epochs: number[] = [];
    const features = Array.from({ length: 2000 }, (_, i) => [Math.sin(i), Math.cos(i * 1.3)]);
    const labels = features.map(([a, b]) => (a * b > 0 ? 1 : 0));
    const running = dispatch(
      core,
      'train.start',
      { taskId: 'long', spec, settings: { loss: 'binaryCrossEntropy', optimizer: 'sgd', epochs: 100_000 }, data: { kind: 'inline', features, labels } },
      (name, payload) => {
        if (name === 'train.epoch') epochs.push((payload as { epoch: number }).epoch);
      },
    );
    while (epochs.length < 2) await new Promise((r) => setTimeout(r, 20));
    expect((await dispatch(core, 'train.pause', { taskId: 'long' }, () => undefined)).ok).toBe(true);
    await new Promise((r) => setTimeout(r, 300));
    const whilePaused = epochs.length;
    await new Promise((r) => setTimeout(r, 500));
    expect(epochs.length).toBeLessThanOrEqual(whilePaused + 1);
    await dispatch(core, 'train.resume', { taskId: 'long' }, () => undefined);
    while (epochs.length < whilePaused + 2) await new Promise((r) => setTimeout(r, 20));
    await dispatch(core, 'train.stop', { taskId: 'long' }, () => undefined);
    const result = await running;
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const value = result.value as { stopped: boolean; folds: { status: string; history: unknown[] }[] };
    expect(value.stopped).toBe(true);
    expect(value.folds[0].status).toBe('stopped');
    expect(value.folds[0].history.length).toBe(epochs.length);
    expect((await dispatch(core, 'train.stop', { taskId: 'long' }, () => undefined)).ok).toBe(false);
    core.dispose();
  }, 60_000);

  it('bad input comes back as a contract error, not a crash', async () => {
    const core = await createCore('cli');
    const result = await dispatch(core, 'train.start', { taskId: 'bad', spec, settings: {}, data: { kind: 'inline', features: [[0, 1], [1, 0]], labels: [0, 2] } }, () => undefined);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('data-label-out-of-range');
      expect(result.error.message).toMatch(/only learn labels 0 and 1/);
    }
    const conv = await dispatch(core, 'model.describe', { spec: { inputShape: [28, 28, 1], layers: [{ type: 'conv2d', filters: 4, kernelSize: 5, strides: 2 }, { type: 'flatten' }, { type: 'output', units: 10 }] } }, () => undefined);
    expect(conv.ok).toBe(false);
    if (!conv.ok) expect(conv.error.message).toContain('(28 + 2·0 - 5) / 2 + 1 = 12.50');
    const perceptron = await dispatch(core, 'train.perceptron', { patterns: [{ input: [0, 0], target: 0 }, { input: [0, 1], target: 1 }, { input: [1, 0], target: 1 }, { input: [1, 1], target: 1 }], initialWeights: [0.5, 0.5], initialBias: 1, order: 'repeatUntilCorrect' }, () => undefined);
    expect(perceptron.ok).toBe(true);
    if (perceptron.ok) {
      const value = perceptron.value as { status: string; iterations: { error: number }[]; weights: number[]; bias: number };
      // The OR exercise of seed 001 with η = 1 (see SEED_001_OR_EXERCISE): 18 rows, ending at w = (1.5, 1.5), b = -1.
      expect(value.status).toBe('converged');
      expect(value.iterations).toHaveLength(18);
      expect([...value.weights, value.bias]).toEqual([1.5, 1.5, -1]);
    }
    const suggest = await dispatch(core, 'model.suggest', { features: 13, outputs: 3 }, () => undefined);
    expect(suggest.ok && (suggest.value as { hiddenParams: number }).hiddenParams).toBe(148);
    core.dispose();
  });
});
