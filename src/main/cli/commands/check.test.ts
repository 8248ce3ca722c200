import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinOptionsSchema } from '../../../shared/contract/datasets';
import { hogPipelineSchema } from '../../../shared/contract/features';
import { PROJECT_FORMAT, PROJECT_FORMAT_VERSION, type ProjectFile } from '../../../shared/contract/project';
import { parseModelSpec } from '../../../shared/models/modelSpec';
import { modelPresets } from '../../../shared/models/presets';
import { trainingSettingsSchema } from '../../../shared/models/trainingSettings';
import { runCli } from '../runCli';

function capture() {
  const io = { stdout: '', stderr: '', isTTY: false, out: (t: string) => void (io.stdout += t), err: (t: string) => void (io.stderr += t) };
  return io;
}

const root = mkdtempSync(join(tmpdir(), 'sinapsis-check-'));
const runs = join(root, 'entregas');
const assignmentFile = join(root, 'tarea.sinapsis.json');
const train = (name: string, seed: number) =>
  runCli(
    [
      'train',
      '--data',
      'builtin:blobs',
      '--epochs',
      '6',
      '--optimizer',
      'adam',
      '--lr',
      '0.05',
      '--seed',
      String(seed),
      '--out',
      join(runs, name),
    ],
    capture(),
  );

beforeAll(async () => {
  mkdirSync(runs);
  expect(await train('ana', 4)).toBe(0);
  expect(await train('bruno', 5)).toBe(0);
  // A copy of a good run whose metrics.json was edited by hand to look better.
  cpSync(join(runs, 'ana'), join(runs, 'carla'), { recursive: true });
  const metrics = JSON.parse(readFileSync(join(runs, 'carla', 'metrics.json'), 'utf8'));
  metrics.accuracy.test = 0.421;
  metrics.perClass[0].precision = 0.421;
  writeFileSync(join(runs, 'carla', 'metrics.json'), JSON.stringify(metrics));
  // Damaged runs: a torn config.json, and one without its predictions.
  mkdirSync(join(runs, 'dario'));
  writeFileSync(join(runs, 'dario', 'config.json'), '{"formatVersion": 1, "runId": ');
  cpSync(join(runs, 'ana'), join(runs, 'elena'), { recursive: true });
  rmSync(join(runs, 'elena', 'predictions.json'));

  const config = JSON.parse(readFileSync(join(runs, 'ana', 'config.json'), 'utf8'));
  const assignment: ProjectFile = {
    format: PROJECT_FORMAT,
    formatVersion: PROJECT_FORMAT_VERSION,
    name: 'Tarea manchas',
    savedAt: '2026-12-07T10:00:00.000Z',
    app: '0.1.0',
    setup: {
      dataset: {
        name: 'blobs',
        fingerprint: config.dataset.fingerprint,
        reference: { kind: 'builtin', id: 'blobs', options: builtinOptionsSchema.parse({}) },
      },
      features: { kind: 'columns' },
      hogPipeline: hogPipelineSchema.parse({}),
      scaling: config.preprocessing.scaling,
      split: { method: 'train-val-test', train: 0.7, validation: 0.15, test: 0.15, folds: 5, stratified: true },
      model: parseModelSpec(modelPresets.mlp320_18_10),
      followFeatures: true,
      training: trainingSettingsSchema.parse({ epochs: 6, seed: 4 }),
      backend: 'auto',
      augmentation: {
        enabled: false,
        copies: 1,
        form: { rotationDegrees: 10, shift: 10, zoom: 10, horizontalFlip: false, brightness: 0, contrast: 0, noise: 0 },
      },
    },
    runs: [],
    assignment: {
      title: { es: 'Manchas', pt: 'Manchas', en: 'Blobs' },
      instructions: { es: '', pt: '', en: '' },
      locks: {
        dataset: true,
        split: true,
        features: true,
        model: { kind: 'families', families: ['mlp', 'singleLayer'] },
        epochs: { min: 5, max: 10 },
      },
    },
  };
  writeFileSync(assignmentFile, JSON.stringify(assignment));
}, 120_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('sinapsis check', () => {
  it('passes a correct run, recomputing its metrics from predictions.json (accuracy as scikit-learn computes it)', async () => {
    const io = capture();
    expect(await runCli(['check', assignmentFile, join(runs, 'ana'), '--csv'], io), io.stderr).toBe(0);
    const [header, row] = io.stdout.trim().split('\n');
    expect(header).toBe('run,result,test_accuracy,problems');
    const [run, result, accuracy, problems] = row.split(',');
    expect([run, result, problems]).toEqual(['ana', 'ok', '']);
    const stored = JSON.parse(readFileSync(join(runs, 'ana', 'metrics.json'), 'utf8'));
    expect(Number(accuracy)).toBeCloseTo(stored.accuracy.test, 12);
    const script =
      'import json,sys; from sklearn.metrics import accuracy_score; p=json.load(open(sys.argv[1]))["predictions"]; print(accuracy_score([x["trueClass"] for x in p],[x["predictedClass"] for x in p]))';
    const sklearn = Number(execFileSync('/usr/bin/python3', ['-c', script, join(runs, 'ana', 'predictions.json')], { encoding: 'utf8' }));
    expect(Number(accuracy)).toBeCloseTo(sklearn, 12);
  });

  it('reports a run made with another seed: the seed and the split indices that differ', async () => {
    const io = capture();
    expect(await runCli(['check', assignmentFile, join(runs, 'bruno')], io)).toBe(3);
    expect(io.stdout).toContain('seed 5 (expected 4)');
    expect(io.stdout).toMatch(/split indices differ in "train"/);
    expect(io.stdout).toMatch(/split indices differ in "test"/);
    expect(io.stdout).toContain('0 of 1 runs pass.');
  });

  it('reports a hand-edited metrics.json with the exact values that do not match predictions.json', async () => {
    const io = capture();
    expect(await runCli(['check', assignmentFile, join(runs, 'carla')], io)).toBe(3);
    expect(io.stdout).toMatch(/metrics\.json test accuracy 0\.421 but predictions\.json gives [01][.\d]*/);
    expect(io.stdout).toMatch(/metrics\.json precision of "\S+" is 0\.421, predictions\.json gives [01][.\d]*/);
    expect(io.stdout).not.toContain('seed');
  });

  it('checks a folder of runs, one row each, unreadable ones included, without crashing', async () => {
    const io = capture();
    expect(await runCli(['check', assignmentFile, runs], io)).toBe(3);
    const lines = io.stdout.split('\n');
    const rowOf = (name: string) => lines.find((line) => line.startsWith(`${name} `)) ?? '';
    expect(rowOf('ana')).toMatch(/^ana\s+ok\s+\d+\.\d%/);
    expect(rowOf('bruno')).toMatch(/mismatch/);
    expect(rowOf('carla')).toMatch(/mismatch/);
    expect(rowOf('dario')).toMatch(/unreadable\s+—\s+config\.json is not valid JSON/);
    expect(rowOf('elena')).toMatch(/unreadable\s+—\s+predictions\.json is missing/);
    expect(io.stdout).toContain('1 of 5 runs pass.');
    const csv = capture();
    await runCli(['check', assignmentFile, runs, '--csv'], csv);
    expect(csv.stdout.trim().split('\n')).toHaveLength(6);
  });

  it('refuses an assignment file that is not one, with exit code 2 and nothing checked', async () => {
    writeFileSync(join(root, 'notas.json'), 'no es JSON');
    const io = capture();
    expect(await runCli(['check', join(root, 'notas.json'), runs], io)).toBe(2);
    expect(io.stderr).toContain('is not a Sinapsis project: it is not JSON text');
    expect(io.stdout).toBe('');
  });
});
