import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createI18n } from 'vue-i18n';
import { SinapsisError } from '../../shared/contract/errors';
import { maxOf, minOf } from '../../shared/arrays';
import { modelSpecSchema } from '../../shared/models/modelSpec';
import { topConfusions } from '../../shared/evaluation/confusionSummary';
import { buildMessages, LOCALES } from '../../renderer/src/i18n/messages';
import { runCli } from '../cli/runCli';
import { createCore, type Core } from '../core/index';
import { decodeCsvText } from '../core/datasets/csv/decodeText';
import { checkMinimumData } from '../core/datasets/minimumData';
import { processIdentity, processIsAlive } from '../core/runs/liveness';
import { readRunView } from '../core/runs/readRun';
import { markInterruptedRuns, readRunStatus } from '../core/runs/runFolder';
import { renderReportHtml } from '../core/reports/renderReportHtml';
import { dispatch } from './dispatch';
import { canMount, capture, scratch, smallFileSystem } from './testing/faults';

/**
 * Issue 21 through the doors and core: interrupted and status-less runs open, liveness that a reused pid does not
 * fool, a read-only runs folder, text encodings, thousands of classes. Every code these paths answer with is a
 * contract error translated in es, pt and en, never `internal`.
 */

const codesSeen = new Set<string>();
const cores: Core[] = [];
afterAll(() => cores.forEach((core) => core.dispose()));

async function coreOn(runsRoot: string): Promise<Core> {
  const core = await createCore('browser', { runsRoot });
  cores.push(core);
  return core;
}

// The answers of several methods are checked field by field below; each is validated by dispatch against its schema.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function call(core: Core, method: string, payload: unknown): Promise<{ ok: true; value: any } | { ok: false; code: string }> {
  const result = await dispatch(core, method, payload, () => undefined);
  if (result.ok) return { ok: true, value: result.value };
  codesSeen.add(result.error.code);
  expect(result.error.code, result.error.message).not.toBe('internal');
  return { ok: false, code: result.error.code };
}

function thrownCode(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(SinapsisError);
    codesSeen.add((error as SinapsisError).code);
    return (error as SinapsisError).code;
  }
  throw new Error('expected a SinapsisError');
}

/** A short real run in `root`, returning its folder. */
async function trainedRun(root: string, name: string, epochs = 5): Promise<string> {
  const io = capture();
  const dir = join(root, name);
  expect(
    await runCli(['train', '--data', 'builtin:wine', '--epochs', String(epochs), '--optimizer', 'adam', '--lr', '0.01', '--out', dir], io),
    io.stderr,
  ).toBe(0);
  return dir;
}

/** What a process killed mid-run leaves: status running (a pid that is gone), no metrics.json. */
function interrupt(dir: string, status: Record<string, unknown>): void {
  rmSync(join(dir, 'metrics.json'));
  writeFileSync(
    join(dir, 'status.json'),
    JSON.stringify({ status: 'running', startedAt: new Date().toISOString(), host: hostname(), ...status }),
  );
}

describe('interrupted runs and runs without a status', () => {
  it('an interrupted run is listed, opens with its curves and settings, exports a report saying the epoch, and can be re-run', async () => {
    const root = scratch('interrupted');
    const dir = await trainedRun(root, 'killed', 6);
    interrupt(dir, { pid: 4194305 });
    const core = await coreOn(root);
    const list = await call(core, 'runs.list', {});
    expect(list.ok && list.value.runs.map((r: { runId: string; status: string }) => [r.runId, r.status])).toEqual([
      ['killed', 'incomplete'],
    ]);
    const got = await call(core, 'runs.get', { runId: 'killed' });
    if (!got.ok) throw new Error(got.code);
    expect(got.value.metrics).toBeNull();
    expect(got.value.status).toBe('incomplete');
    expect(got.value.history).toHaveLength(6);
    expect(got.value.history[5].epoch).toBe(6);
    // "Usar este modelo y sus ajustes" re-runs it with the same settings: the stored spec is a valid model.
    expect(modelSpecSchema.safeParse((got.value.config as { model: { spec: unknown } }).model.spec).success).toBe(true);
    const exported = await call(core, 'report.export', { runId: 'killed', language: 'es', notes: {}, pdf: false });
    expect(exported.ok).toBe(true);
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    expect(html).toContain('Interrumpida en la época 6');
    expect(html).toContain('<svg');
  }, 60_000);

  it('a valid run whose status.json is missing or torn stays listed with the status its metrics say', async () => {
    const root = scratch('statusless');
    const missing = await trainedRun(root, 'a-missing');
    const torn = await trainedRun(root, 'b-torn');
    rmSync(join(missing, 'status.json'));
    writeFileSync(join(torn, 'status.json'), '{"status": "comp');
    const noMetrics = await trainedRun(root, 'c-no-metrics');
    rmSync(join(noMetrics, 'status.json'));
    rmSync(join(noMetrics, 'metrics.json'));
    mkdirSync(join(root, 'd-not-a-run'));
    const core = await coreOn(root);
    const list = await call(core, 'runs.list', {});
    if (!list.ok) throw new Error(list.code);
    expect(list.value.runs.map((r: { runId: string; status: string }) => [r.runId, r.status])).toEqual([
      ['c-no-metrics', 'incomplete'],
      ['b-torn', 'completed'],
      ['a-missing', 'completed'],
    ]);
    const got = await call(core, 'runs.get', { runId: 'b-torn' });
    expect(got.ok && got.value.status).toBe('completed');
  }, 90_000);
});

describe('liveness: a lock held by the running process (its boot and start time), not a bare pid check', () => {
  it('this process is alive; pid 1, a reused pid, a dead pid and a zombie are not', async () => {
    const now = new Date().toISOString();
    expect(processIsAlive({ pid: process.pid, startedAt: now, ...processIdentity() })).toBe(true);
    expect(processIdentity().processStart).toMatch(/^[0-9a-f-]+\/\d+$/);
    // A run of an older version (no start recorded) whose pid is now init's, or any process started after the run.
    expect(processIsAlive({ pid: 1, startedAt: now })).toBe(false);
    expect(processIsAlive({ pid: process.pid, startedAt: '2001-01-01T00:00:00Z' })).toBe(false);
    // Our pid, but another process's start time: the pid was reused.
    expect(processIsAlive({ pid: process.pid, startedAt: now, processStart: 'another-boot/1' })).toBe(false);
    expect(processIsAlive({ pid: 4194305, startedAt: now })).toBe(false);
    // A zombie: the shell's child exits and the shell (exec'd into sleep) never reaps it.
    const shell = spawn('sh', ['-c', 'sleep 0.05 & echo $!; exec sleep 3'], { stdio: ['ignore', 'pipe', 'ignore'] });
    const zombie = Number(await new Promise<string>((resolve) => shell.stdout.once('data', (d: Buffer) => resolve(d.toString()))));
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(readFileSync(`/proc/${zombie}/stat`, 'utf8')).toMatch(/\) Z /);
    expect(processIsAlive({ pid: zombie, startedAt: '2001-01-01T00:00:00Z' })).toBe(false);
    shell.kill();
  });

  it("a status.json with pid 1 or a reused pid is marked incomplete on the next start; this process's own run is not", async () => {
    const root = scratch('liveness');
    for (const [name, status] of [
      ['pid-1', { pid: 1 }],
      ['reused', { pid: process.pid, processStart: 'another-boot/1' }],
      ['mine', { pid: process.pid, ...processIdentity() }],
    ] as const) {
      mkdirSync(join(root, name));
      writeFileSync(
        join(root, name, 'status.json'),
        JSON.stringify({ status: 'running', startedAt: new Date().toISOString(), host: hostname(), ...status }),
      );
    }
    expect((await markInterruptedRuns(root)).marked).toEqual(['pid-1', 'reused']);
    expect((await readRunStatus(join(root, 'mine')))?.status).toBe('running');
  });
});

describe.skipIf(!canMount)('a read-only runs folder (a real tmpfs remounted read-only; needs root)', () => {
  it('serve starts on it, says it cannot record runs there, and still lists and opens its runs', async () => {
    const fs = smallFileSystem('4m');
    try {
      const dir = await trainedRun(fs.dir, 'old');
      interrupt(dir, { pid: 4194305 });
      fs.readOnly();
      const core = await coreOn(fs.dir);
      expect(core.runsFolderProblem?.code).toBe('run-read-only');
      codesSeen.add('run-read-only');
      const list = await call(core, 'runs.list', {});
      if (!list.ok) throw new Error(list.code);
      expect(list.value.unwritable).toMatchObject({ code: 'run-read-only', params: { path: fs.dir, reason: 'EROFS' } });
      // It could not be marked on disk; it is listed as incomplete all the same.
      expect(list.value.runs.map((r: { status: string }) => r.status)).toEqual(['incomplete']);
      expect((await readRunStatus(dir))?.status).toBe('running');
      expect((await readRunView(dir)).status).toBe('incomplete');
      const got = await call(core, 'runs.get', { runId: 'old' });
      expect(got.ok && got.value.history.length).toBe(5);
    } finally {
      fs.unmount();
    }
  }, 60_000);
});

describe('text encodings', () => {
  const text = 'x;categoría;ação\n1;señal;2\n';
  it('reads UTF-8 with and without BOM, UTF-16 by its BOM and Windows-1252 with a notice; never U+FFFD', () => {
    const utf8 = Buffer.from(text, 'utf8');
    expect(decodeCsvText(utf8, 'a.csv')).toEqual({ text, encoding: 'utf-8' });
    expect(decodeCsvText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]), 'a.csv')).toEqual({ text, encoding: 'utf-8-bom' });
    expect(decodeCsvText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]), 'a.csv')).toEqual({
      text,
      encoding: 'utf-16le',
    });
    const be = Buffer.from(text, 'utf16le').swap16();
    expect(decodeCsvText(Buffer.concat([Buffer.from([0xfe, 0xff]), be]), 'a.csv')).toEqual({ text, encoding: 'utf-16be' });
    expect(decodeCsvText(Buffer.from(text, 'latin1'), 'a.csv')).toEqual({ text, encoding: 'windows-1252' });
    // Windows-1252's own characters beyond Latin-1: € and curly quotes.
    expect(decodeCsvText(Uint8Array.from([0x80, 0x3b, 0x93, 0x61, 0x94]), 'a.csv').text).toBe('€;“a”');
  });

  it('refuses what neither reading fits, naming the line', () => {
    expect(thrownCode(() => decodeCsvText(Uint8Array.from([0x61, 0x0a, 0x62, 0x81]), 'a.csv'))).toBe('csv-encoding-unknown');
    expect(thrownCode(() => decodeCsvText(Uint8Array.from([0xef, 0xbb, 0xbf, 0x61, 0x0a, 0xff]), 'a.csv'))).toBe('csv-encoding-invalid');
    expect(thrownCode(() => decodeCsvText(Buffer.from('a,b\n', 'utf16le'), 'a.csv'))).toBe('csv-binary');
  });
});

describe('minimum data and thousands of classes', () => {
  it('the minimum-data rule names the class and the numbers', () => {
    const split = { method: 'train-val-test' as const, folds: 5, stratified: true };
    const classes = (counts: number[]) => ({ names: counts.map((_, i) => `c${i}`), counts });
    expect(thrownCode(() => checkMinimumData({ samples: 5, classes: classes([5]), name: 'd' }, split))).toBe('data-one-class');
    expect(thrownCode(() => checkMinimumData({ samples: 6, classes: classes([5, 1]), name: 'd' }, split))).toBe('data-class-too-small');
    expect(thrownCode(() => checkMinimumData({ samples: 2, classes: null, name: 'd' }, split))).toBe('data-too-few-samples');
    expect(
      thrownCode(() => checkMinimumData({ samples: 4, classes: classes([2, 2]), name: 'd' }, { ...split, method: 'k-fold', folds: 5 })),
    ).toBe('data-too-few-samples');
    expect(() => checkMinimumData({ samples: 4, classes: classes([2, 2]), name: 'XOR' }, split)).not.toThrow();
  });

  it('a report of 2,000 classes renders (no spread into arguments) with a heatmap and the most frequent confusions', async () => {
    const n = 2000;
    const labels = Array.from({ length: n }, (_, i) => `k${i}`);
    const matrix = labels.map((_, i) => labels.map((__, j) => (i === j ? 3 : j === (i + 1) % n ? i % 7 : 0)));
    expect(maxOf(matrix.flat())).toBe(6);
    expect(minOf(new Array(300_000).fill(2))).toBe(2);
    const top = topConfusions(matrix, 3);
    expect(top.map((c) => [c.trueClass, c.predictedClass, c.count])).toEqual([
      [6, 7, 6],
      [13, 14, 6],
      [20, 21, 6],
    ]);
    const run = await readRunView(await trainedRun(scratch('classes'), 'wine', 2));
    if (!run.metrics) throw new Error('the run has metrics');
    const perClass = labels.map((label) => ({ label, precision: 0.5, recall: 0.5, f1: 0.5, support: 3 }));
    const html = renderReportHtml(
      {
        config: { ...run.config, dataset: { ...run.config.dataset, classes: labels, counts: labels.map(() => 3) } },
        metrics: { ...run.metrics, confusionMatrix: { labels, matrix, split: 'test' }, perClass },
        history: run.history,
        notes: {},
        thumbnails: new Map(),
      },
      'en',
    );
    expect(html).toMatch(/<img class="heatmap" src="data:image\/png;base64,/);
    expect(html).toContain('2000 classes, too many for a table');
    expect(html).toContain('<td>k6</td><td>k7</td><td>6</td><td>66.7%</td>');
  }, 60_000);
});

describe('every fault of issue 21 answers with a translated contract error', () => {
  it('each code seen above (and each write-failure code) has a message in es, pt and en', () => {
    for (const code of [
      'run-disk-full',
      'run-read-only',
      'run-permission-denied',
      'run-file-unwritable',
      'csv-one-class',
      'csv-nan-value',
      'csv-infinite-value',
      'csv-value-too-large',
    ])
      codesSeen.add(code);
    const i18n = createI18n({ legacy: false, locale: 'en', messages: buildMessages() });
    const missing = [...codesSeen].flatMap((code) =>
      LOCALES.filter((locale) => !i18n.global.te(`errors.${code}`, locale)).map((locale) => `${locale}:${code}`),
    );
    expect(missing).toEqual([]);
    expect(codesSeen.has('internal')).toBe(false);
  });
});
