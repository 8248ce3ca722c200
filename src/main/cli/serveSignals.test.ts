import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { parseHistoryCsv } from '../core/runs/readRun';
import { readRunStatus } from '../core/runs/runFolder';

/** `sinapsis serve` in its own process, stopped by a signal in the middle of a training started through its API. */

const bin = join(__dirname, '../../../bin/sinapsis.js');
const TOKEN = 'signal-test-token-0123456789';

interface Served {
  child: ChildProcess;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  output: { stdout: string; stderr: string };
  port: number;
  runsRoot: string;
}

async function serve(): Promise<Served> {
  const runsRoot = mkdtempSync(join(tmpdir(), 'sinapsis-signal-runs-'));
  const child = spawn(process.execPath, [bin, 'serve', '--port', '0'], {
    env: {
      ...process.env,
      SINAPSIS_TOKEN: TOKEN,
      SINAPSIS_RUNS_DIR: runsRoot,
      SINAPSIS_CACHE_DIR: mkdtempSync(join(tmpdir(), 'sinapsis-signal-cache-')),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const output = { stdout: '', stderr: '' };
  child.stderr!.on('data', (chunk: Buffer) => void (output.stderr += chunk.toString()));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start:\n${output.stdout}\n${output.stderr}`)), 60_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output.stdout += chunk.toString();
      const match = /at http:\/\/127\.0\.0\.1:(\d+)\//.exec(output.stdout);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
  });
  return { child, exited, output, port, runsRoot };
}

/** Connects, loads the spirals and starts a training of 100 000 epochs; resolves after `epochs` epochs. */
async function startLongTraining(port: number, epochs: number): Promise<WebSocket> {
  const socket = await new Promise<WebSocket>((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/api`, {
      origin: `http://127.0.0.1:${port}`,
      headers: { authorization: `token ${TOKEN}` },
    });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
  socket.on('error', () => undefined);
  let seenEpochs = 0;
  const results = new Map<number, (result: { ok: boolean; value?: { datasetId?: string } }) => void>();
  const reachedEpochs = new Promise<void>((resolve) => {
    socket.on('message', (data) => {
      const message = JSON.parse(data.toString());
      if (message.type === 'result') results.get(message.id)?.(message.result);
      if (message.type === 'event' && message.name === 'train.epoch' && ++seenEpochs === epochs) resolve();
    });
  });
  const call = (id: number, method: string, payload: unknown) =>
    new Promise<{ ok: boolean; value?: { datasetId?: string } }>((resolve) => {
      results.set(id, resolve);
      socket.send(JSON.stringify({ type: 'call', id, method, payload }));
    });
  const loaded = await call(1, 'dataset.builtin', {
    taskId: 'load-spirals',
    id: 'spirals',
    options: { samples: 400, noise: 0.1, seed: 1 },
  });
  expect(loaded.ok).toBe(true);
  void call(2, 'experiment.run', {
    taskId: 'long-run',
    datasetId: loaded.value!.datasetId,
    features: { kind: 'columns' },
    split: { method: 'train-val-test' },
    model: {
      name: 'spirals',
      inputShape: [2],
      layers: [
        { type: 'dense', units: 16, activation: 'tanh' },
        { type: 'output', units: 2, activation: 'softmax' },
      ],
    },
    training: { optimizer: 'sgd', learningRate: 0.01, epochs: 100_000, seed: 1 },
  });
  await reachedEpochs;
  return socket;
}

describe('stopping sinapsis serve with a signal', () => {
  it('SIGTERM mid-training: the run ends after its current batch and is saved as stopped, with its model and metrics; then serve exits 0', async () => {
    const served = await serve();
    try {
      await startLongTraining(served.port, 3);
      served.child.kill('SIGTERM');
      const exit = await served.exited;
      expect(exit, served.output.stderr).toEqual({ code: 0, signal: null });
      expect(served.output.stdout).toContain('saved as "stopped"');
      expect(served.output.stdout).toContain('Sinapsis stopped.');
      const runs = readdirSync(served.runsRoot).filter((name) => !name.startsWith('.'));
      expect(runs).toHaveLength(1);
      const dir = join(served.runsRoot, runs[0]);
      expect((await readRunStatus(dir))?.status).toBe('stopped');
      const metrics = JSON.parse(readFileSync(join(dir, 'metrics.json'), 'utf8')) as { status: string; accuracy: { test: number | null } };
      expect(metrics.status).toBe('stopped');
      expect(metrics.accuracy.test).not.toBeNull();
      expect(existsSync(join(dir, 'model', 'model.json'))).toBe(true);
      expect(existsSync(join(dir, 'model', 'weights.bin'))).toBe(true);
      const history = parseHistoryCsv(readFileSync(join(dir, 'history.csv'), 'utf8'));
      expect(history.length).toBeGreaterThanOrEqual(3);
      expect(history.length).toBeLessThan(100_000);
    } finally {
      served.child.kill('SIGKILL');
    }
  }, 120_000);

  it('a second signal while stopping quits at once (exit 130), saying so', async () => {
    const served = await serve();
    try {
      await startLongTraining(served.port, 2);
      served.child.kill('SIGTERM');
      served.child.kill('SIGINT');
      const exit = await served.exited;
      expect(exit.code).toBe(130);
      expect(served.output.stderr).toContain('quitting now');
    } finally {
      served.child.kill('SIGKILL');
    }
  }, 120_000);

  it('SIGHUP (the terminal closed) stops gracefully too', async () => {
    const served = await serve();
    try {
      await startLongTraining(served.port, 2);
      served.child.kill('SIGHUP');
      expect((await served.exited).code).toBe(0);
      const runs = readdirSync(served.runsRoot).filter((name) => !name.startsWith('.'));
      expect((await readRunStatus(join(served.runsRoot, runs[0])))?.status).toBe('stopped');
    } finally {
      served.child.kill('SIGKILL');
    }
  }, 120_000);
});
