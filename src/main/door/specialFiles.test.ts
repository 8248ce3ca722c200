import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodePng, Image } from 'image-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createI18n } from 'vue-i18n';
import { builtinOptionsSchema } from '../../shared/contract/datasets';
import { hogPipelineSchema } from '../../shared/contract/features';
import { PROJECT_FORMAT, PROJECT_FORMAT_VERSION, type ProjectFile } from '../../shared/contract/project';
import { trainingSettingsSchema } from '../../shared/models/trainingSettings';
import { buildMessages, LOCALES } from '../../renderer/src/i18n/messages';
import { runCli } from '../cli/runCli';
import { commands } from '../cli/commands';
import { createCore, type Core } from '../core/index';
import { dispatch } from './dispatch';
import { capture, scratch } from './testing/faults';

/**
 * Issue 21, "only regular files are read, by every CLI command and core reader": every path a command or a core
 * handler takes from the user is tried as /dev/zero, /dev/urandom, a FIFO and a folder (where a file belongs), and
 * every file Sinapsis reads back from a run or model folder as a FIFO, a link to /dev/zero and a folder. Each ends at
 * once (a FIFO that were opened would block until the test times out; /dev/zero read whole fills memory) with exit
 * 2 or a translated contract error naming the file and what to give instead, never "unexpected error".
 */

const dir = scratch('special-files');
const fifo = join(dir, 'pipe');
const folder = join(dir, 'a-folder');
const run = join(dir, 'run');
const imageRun = join(dir, 'image-run');
const image = join(dir, 'digit.png');
const images = join(dir, 'images');
const assignment = join(dir, 'tarea.sinapsis.json');
const SPECIALS = ['/dev/zero', '/dev/urandom', fifo];

beforeAll(async () => {
  execFileSync('mkfifo', [fifo]);
  mkdirSync(folder);
  const io = capture();
  expect(await runCli(['train', '--data', 'builtin:xor', '--epochs', '3', '--out', run], io), io.stderr).toBe(0);
  writeFileSync(image, encodePng(new Image(8, 8, { colorModel: 'GREY', data: Uint8Array.from({ length: 64 }, (_, i) => (i * 37) % 256) })));
  ['a', 'b'].forEach((name, c) => {
    mkdirSync(join(images, name), { recursive: true });
    for (let i = 0; i < 3; i++) {
      writeFileSync(
        join(images, name, `${i}.png`),
        encodePng(new Image(8, 8, { colorModel: 'GREY', data: Uint8Array.from({ length: 64 }, (_, p) => (p * (c + 3) + i * 17) % 256) })),
      );
    }
  });
  expect(
    await runCli(
      ['train', '--data', images, '--features', 'pixels', '--size', '8x8', '--epochs', '1', '--split', '0.5,0.5', '--out', imageRun],
      io,
    ),
    io.stderr,
  ).toBe(0);
  const config = JSON.parse(readFileSync(join(run, 'config.json'), 'utf8'));
  const project: ProjectFile = {
    format: PROJECT_FORMAT,
    formatVersion: PROJECT_FORMAT_VERSION,
    name: 'Tarea XOR',
    savedAt: '2026-12-07T10:00:00.000Z',
    app: '0.1.0',
    setup: {
      dataset: {
        name: 'xor',
        fingerprint: config.dataset.fingerprint,
        reference: { kind: 'builtin', id: 'xor', options: builtinOptionsSchema.parse({}) },
      },
      features: { kind: 'columns' },
      hogPipeline: hogPipelineSchema.parse({}),
      scaling: config.preprocessing.scaling,
      split: { method: 'holdout', train: 0.75, validation: 0, test: 0.25, folds: 5, stratified: true },
      model: config.model.spec,
      followFeatures: true,
      training: trainingSettingsSchema.parse({ epochs: 3 }),
      backend: 'auto',
      augmentation: {
        enabled: false,
        copies: 1,
        form: { rotationDegrees: 10, shift: 10, zoom: 10, horizontalFlip: false, brightness: 0, contrast: 0, noise: 0 },
      },
    },
    runs: [],
    assignment: {
      title: { es: 'XOR', pt: 'XOR', en: 'XOR' },
      instructions: { es: '', pt: '', en: '' },
      locks: { dataset: true, split: false, features: false, model: { kind: 'free' }, epochs: null },
    },
  };
  writeFileSync(assignment, JSON.stringify(project));
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs one command line; it must end with `exit` (2 unless said) and a message matching `message`, no stack. */
async function expectRefused(args: string[], message: RegExp, exit = 2): Promise<void> {
  const io = capture();
  const code = await runCli(args, io);
  const said = io.stderr + io.stdout;
  expect(said, args.join(' ')).not.toMatch(/unexpected error|\n\s+at /);
  expect(code, `${args.join(' ')}\n${said}`).toBe(exit);
  expect(said, args.join(' ')).toMatch(message);
}

const escaped = (path: string) => path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const notRegular = (path: string) => new RegExp(`${escaped(path)} is not a regular file \\(a device, a pipe or a socket\\)`);

describe('every command refuses a device, a FIFO or a folder where it reads a file', () => {
  /** Each user path of each command, with the message for a special file there ({} is the path). */
  const table: { command: string; args: (path: string) => string[]; says: (path: string) => RegExp }[] = [
    { command: 'dataset', args: (p) => ['dataset', p], says: (p) => new RegExp(`${notRegular(p).source}\\. Give an image folder`) },
    { command: 'hog', args: (p) => ['hog', p], says: (p) => new RegExp(`${notRegular(p).source}\\. Give an image file`) },
    { command: 'predict', args: (p) => ['predict', run, p], says: (p) => new RegExp(`${notRegular(p).source}\\. Give an image file`) },
    {
      command: 'predict',
      args: (p) => ['predict', p, '--row', '1,0'],
      says: (p) => new RegExp(`${notRegular(p).source}, not a folder\\. Give a run folder`),
    },
    {
      command: 'predict',
      args: (p) => ['predict', p, images],
      says: (p) => new RegExp(`${notRegular(p).source}, not a folder\\. Give a run folder`),
    },
    {
      command: 'embed',
      args: (p) => ['embed', '--data', p],
      says: (p) => new RegExp(`${notRegular(p).source}\\. Give an image folder, a CSV file or builtin:NAME`),
    },
    {
      command: 'embed',
      args: (p) => ['embed', '--run', p],
      says: (p) => new RegExp(`${notRegular(p).source}, not a folder\\. Give a run folder`),
    },
    {
      command: 'train',
      args: (p) => ['train', '--data', p, '--out', join(dir, 'never')],
      says: (p) => new RegExp(`${notRegular(p).source}\\. Give an image folder, a CSV file or builtin:NAME`),
    },
    {
      command: 'train',
      args: (p) => ['train', '--data', 'builtin:xor', '--model', p, '--out', join(dir, 'never')],
      says: (p) => new RegExp(`${notRegular(p).source}\\. Give a JSON model file`),
    },
    {
      command: 'report',
      args: (p) => ['report', p],
      says: (p) => new RegExp(`${notRegular(p).source}, not a folder\\. Give a run folder`),
    },
    {
      command: 'export',
      args: (p) => ['export', p, '--format', 'onnx'],
      says: (p) => new RegExp(`${notRegular(p).source}, not a folder\\. Give a run folder`),
    },
    { command: 'check', args: (p) => ['check', p, run], says: (p) => new RegExp(`${notRegular(p).source}\\. Give the assignment file`) },
    {
      command: 'check',
      args: (p) => ['check', assignment, p],
      says: (p) => new RegExp(`${notRegular(p).source}, not a folder\\. Give run folders`),
    },
    {
      command: 'check',
      args: (p) => ['check', assignment, run, '--data', p],
      says: (p) => new RegExp(`${notRegular(p).source}\\. Give the assignment's image folder, CSV file or builtin:NAME`),
    },
    {
      command: 'serve',
      args: (p) => ['serve', '--lab', '--port', '0', '--students', p],
      says: (p) => new RegExp(`${notRegular(p).source}\\. Give --students a text file`),
    },
  ];

  it.each(SPECIALS)(
    '%s, as every path of every command',
    async (special) => {
      for (const row of table) await expectRefused(row.args(special), row.says(special));
    },
    60_000,
  );

  it('a folder where a file belongs', async () => {
    await expectRefused(['hog', folder], /a-folder is a folder: give --csv out\.csv/);
    await expectRefused(
      ['train', '--data', 'builtin:xor', '--model', folder, '--out', join(dir, 'never')],
      /--model ".*a-folder" is neither a preset .* nor a readable JSON model file/,
    );
    await expectRefused(['check', folder, run], /a-folder: is a folder; give the assignment file/);
    await expectRefused(['serve', '--lab', '--port', '0', '--students', folder], /a-folder: is a folder; give --students a text file/);
    await expectRefused(['report', image], /digit\.png is a file, not a folder\. Give a run folder/);
  });

  it('a kernel file (/proc) is refused as one, not as a file outside "the folders this server allows"', async () => {
    await expectRefused(
      ['dataset', '/proc/self/status'],
      /\/proc\/self\/status is a file of the kernel \(\/proc, \/sys\), not one saved on disk/,
    );
    await expectRefused(
      ['train', '--data', '/proc/self/environ', '--out', join(dir, 'never')],
      /\/proc\/self\/environ is a file of the kernel/,
    );
  });

  it('an output in place of a FIFO is refused, never written over (as root, over /dev/null it would replace the device)', async () => {
    await expectRefused(
      ['hog', image, '--picture', fifo],
      /pipe is not a regular file \(a device, a pipe or a socket\), so Sinapsis does not write over it/,
    );
    await expectRefused(['hog', images, '--csv', fifo], /pipe is not a regular file .* so Sinapsis does not write over it/);
    await expectRefused(['predict', imageRun, images, '--csv', fifo], /pipe is not a regular file .* so Sinapsis does not write over it/);
    await expectRefused(
      ['embed', '--data', 'builtin:wine', '--csv', fifo],
      /pipe is not a regular file .* so Sinapsis does not write over it/,
    );
    expect(statSync(fifo).isFIFO()).toBe(true);
  }, 60_000);

  it('the table covers every command that takes a path (info takes none)', () => {
    const covered = new Set([...table.map((row) => row.command), 'info']);
    expect(commands.map((c) => c.name).filter((name) => !covered.has(name))).toEqual([]);
  });
});

/** A copy of the run (in `into`, else beside it) whose `file` is replaced by `kind`. */
function runWith(file: string, kind: 'fifo' | 'link' | 'folder', into?: string): string {
  const copy = into ?? join(dir, `run-${file.replace('/', '-')}-${kind}`);
  rmSync(copy, { recursive: true, force: true });
  cpSync(run, copy, { recursive: true });
  rmSync(join(copy, file));
  if (kind === 'fifo') execFileSync('mkfifo', [join(copy, file)]);
  else if (kind === 'link') symlinkSync('/dev/zero', join(copy, file));
  else mkdirSync(join(copy, file));
  return copy;
}

const KINDS = ['fifo', 'link', 'folder'] as const;
const fileNotRegular = (file: string) =>
  new RegExp(`${escaped(file)} is not a regular file \\(a folder, a device, a pipe or a socket\\), so it was not read`);

describe('the files of a run folder Sinapsis reads back are read only when regular', () => {
  /** Which command reads which file of a run (check reads config, metrics and predictions and says so in its row). */
  const table: { file: string; args: (copy: string) => string[]; exit?: number }[] = [
    { file: 'config.json', args: (copy) => ['report', copy] },
    { file: 'metrics.json', args: (copy) => ['report', copy] },
    { file: 'history.csv', args: (copy) => ['report', copy] },
    { file: 'preprocessing.json', args: (copy) => ['export', copy, '--format', 'onnx', '--out', join(copy, 'onnx')] },
    { file: 'model/model.json', args: (copy) => ['export', copy, '--format', 'onnx', '--out', join(copy, 'onnx')] },
    { file: 'model/weights.bin', args: (copy) => ['predict', copy, '--row', '1,0'] },
    { file: 'preprocessing.json', args: (copy) => ['predict', copy, '--row', '1,0'] },
    { file: 'predictions.json', args: (copy) => ['check', assignment, copy], exit: 3 },
    { file: 'metrics.json', args: (copy) => ['check', assignment, copy], exit: 3 },
  ];

  it.each(KINDS)(
    'each file as a %s',
    async (kind) => {
      for (const row of table) await expectRefused(row.args(runWith(row.file, kind)), fileNotRegular(row.file), row.exit);
    },
    120_000,
  );
});

describe('core handlers that read a user-given path or a run folder', () => {
  const codesSeen = new Set<string>();
  let core: Core;
  const runsRoot = join(dir, 'runs');
  beforeAll(async () => {
    mkdirSync(runsRoot);
    core = await createCore('browser', { runsRoot });
  });
  afterAll(() => core.dispose());

  async function refused(method: string, payload: unknown, message: RegExp): Promise<void> {
    const result = await dispatch(core, method, payload, () => undefined);
    expect(result.ok, `${method} ${JSON.stringify(payload)}`).toBe(false);
    if (result.ok) return;
    codesSeen.add(result.error.code);
    expect(result.error.code).not.toBe('internal');
    expect(result.error.message).toMatch(message);
  }

  it('model.import of a folder whose model.json, weights, preprocessing.json or config.json is a FIFO, a link to /dev/zero or a folder', async () => {
    for (const kind of KINDS) {
      for (const file of ['model/model.json', 'model/weights.bin', 'preprocessing.json']) {
        // A weight file must also stay inside the model folder: a link to /dev/zero is refused for leading out.
        const says =
          file === 'model/weights.bin' && kind === 'link'
            ? /weight file "\.\/weights\.bin" is a link leading outside the model folder/
            : fileNotRegular(file.split('/').pop() ?? file);
        await refused('model.import', { path: runWith(file, kind), name: 'importado' }, says);
      }
      // config.json only links the import to its source run: unread (without blocking), the import goes on without it.
      const imported = await dispatch(core, 'model.import', { path: runWith('config.json', kind), name: 'importado' }, () => undefined);
      expect(imported.ok && (imported.value as { withPreprocessing: boolean }).withPreprocessing).toBe(true);
    }
  }, 60_000);

  it('runs.get, report.export and runs.file of a run whose files are no regular files', async () => {
    for (const kind of KINDS) {
      for (const file of ['config.json', 'metrics.json', 'history.csv']) {
        const runId = `get-${file}-${kind}`.replace(/[^a-z0-9-]/gi, '-');
        runWith(file, kind, join(runsRoot, runId));
        await refused('runs.get', { runId }, fileNotRegular(file));
        await refused('report.export', { runId, language: 'es', notes: {}, pdf: false }, fileNotRegular(file));
      }
    }
    // A download of a file that is not one is "missing", not read.
    const runId = 'file-fifo';
    runWith('per-class.csv', 'fifo', join(runsRoot, runId));
    await refused('runs.file', { runId, name: 'per-class.csv' }, /per-class\.csv is missing/);
  }, 60_000);

  it('runs.list keeps listing a run whose status.json or metrics.json is a FIFO (from its other files), without blocking', async () => {
    const runId = 'list-status-fifo';
    runWith('status.json', 'fifo', join(runsRoot, runId));
    const result = await dispatch(core, 'runs.list', {}, () => undefined);
    expect(result.ok).toBe(true);
    if (result.ok)
      expect((result.value as { runs: { runId: string; status: string }[] }).runs.find((r) => r.runId === runId)?.status).toBe('completed');
  });

  it('each code these answer with is translated in es, pt and en', () => {
    codesSeen.add('output-not-regular');
    codesSeen.add('run-file-unreadable');
    const i18n = createI18n({ legacy: false, locale: 'en', messages: buildMessages() });
    expect(
      [...codesSeen].flatMap((code) =>
        LOCALES.filter((locale) => !i18n.global.te(`errors.${code}`, locale)).map((locale) => `${locale}:${code}`),
      ),
    ).toEqual([]);
  });
});
