import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SinapsisError } from '../../../shared/contract/errors';
import { methods } from '../../../shared/contract';
import { hogPipelineSchema } from '../../../shared/contract/features';
import { PROJECT_FORMAT, PROJECT_FORMAT_VERSION, type LabSetup, type ProjectFile } from '../../../shared/contract/project';
import { parseModelSpec } from '../../../shared/models/modelSpec';
import { modelPresets } from '../../../shared/models/presets';
import { trainingSettingsSchema } from '../../../shared/models/trainingSettings';
import { setupViolations } from '../../../shared/projects/assignmentRules';
import { parseProjectText, projectFileName } from './projectFile';
import { listProjects, readStoredProject, storeProject } from './projectStore';
import { readSession, resetSession, saveSession } from './sessionStore';

const setup: LabSetup = {
  dataset: { name: 'digits', fingerprint: 'abc123', reference: { kind: 'folder', path: '/datos/digits' } },
  features: null,
  hogPipeline: hogPipelineSchema.parse({}),
  scaling: 'zscore',
  split: { method: 'train-val-test', train: 0.7, validation: 0.15, test: 0.15, folds: 5, stratified: true },
  model: parseModelSpec(modelPresets.mlp320_18_10),
  followFeatures: true,
  training: trainingSettingsSchema.parse({ epochs: 30 }),
  backend: 'auto',
  augmentation: {
    enabled: false,
    copies: 1,
    form: { rotationDegrees: 10, shift: 10, zoom: 10, horizontalFlip: false, brightness: 0, contrast: 0, noise: 0 },
  },
};
const project: ProjectFile = {
  format: PROJECT_FORMAT,
  formatVersion: PROJECT_FORMAT_VERSION,
  name: 'Práctica 3',
  savedAt: '2026-12-07T10:00:00.000Z',
  app: '0.1.0',
  setup,
  runs: ['r1'],
  assignment: null,
};

function codeOf(work: () => unknown): string | undefined {
  try {
    work();
  } catch (error) {
    if (error instanceof SinapsisError) return error.code;
    throw error;
  }
  return undefined;
}

describe('project files', () => {
  it('read back what was written, and name the file safely', () => {
    expect(parseProjectText(JSON.stringify(project), 'p.sinapsis.json')).toEqual(project);
    expect(projectFileName('Práctica 3: HOG/MLP')).toBe('Practica-3-HOG-MLP.sinapsis.json');
    expect(projectFileName('///')).toBe('proyecto.sinapsis.json');
  });

  it('refuse text that is not JSON, JSON that is not a project, a newer format and a damaged field, each with its own code', () => {
    expect(codeOf(() => parseProjectText('{ nope', 'a.json'))).toBe('project-not-json');
    expect(codeOf(() => parseProjectText('[1, 2]', 'a.json'))).toBe('project-not-a-project');
    expect(codeOf(() => parseProjectText(JSON.stringify({ ...project, formatVersion: PROJECT_FORMAT_VERSION + 1 }), 'a.json'))).toBe(
      'project-newer-version',
    );
    try {
      parseProjectText(JSON.stringify({ ...project, setup: { ...setup, training: { ...setup.training, epochs: 0 } } }), 'a.json');
      expect.unreachable();
    } catch (error) {
      expect((error as SinapsisError).code).toBe('project-invalid');
      expect((error as SinapsisError).params).toMatchObject({ field: 'setup.training.epochs', file: 'a.json' });
    }
  });

  it('match the contract both ways (what project.save writes, project.open accepts)', () => {
    expect(methods['project.save'].request.safeParse({ project, id: null }).success).toBe(true);
    expect(methods['project.open'].response.safeParse({ id: 'x-1', project }).success).toBe(true);
  });
});

describe('the workspace folder', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sinapsis-projects-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('keeps the session as revisions, the last save winning, and forgets it on reset', async () => {
    expect(await readSession(dir)).toEqual({ session: null, revision: 0 });
    const session = { setup, view: 'modelo', language: 'pt' as const, projector: true, datasetId: null, project: null };
    const [a, b] = await Promise.all([saveSession(dir, session, 'tab-a'), saveSession(dir, { ...session, view: 'datos' }, 'tab-b')]);
    expect([a, b]).toEqual([1, 2]);
    expect(await readSession(dir)).toEqual({ session: { ...session, view: 'datos' }, revision: 2 });
    expect(JSON.parse(await readFile(join(dir, 'session.json'), 'utf8')).pageId).toBe('tab-b');
    expect(await resetSession(dir)).toBe(3);
    expect((await readSession(dir)).session).toBeNull();
  });

  it('lists recent projects newest first and leaves damaged copies out', async () => {
    await storeProject(dir, 'old-1', { ...project, name: 'Antiguo', savedAt: '2026-01-01T00:00:00.000Z' });
    await storeProject(dir, 'new-1', { ...project, name: 'Nuevo', savedAt: '2026-12-01T00:00:00.000Z', assignment: null });
    await writeFile(join(dir, 'broken.sinapsis.json'), '{');
    expect((await listProjects(dir)).map((p) => [p.id, p.name, p.runs])).toEqual([
      ['new-1', 'Nuevo', 1],
      ['old-1', 'Antiguo', 1],
    ]);
    expect((await readStoredProject(dir, 'old-1')).name).toBe('Antiguo');
    await expect(readStoredProject(dir, 'missing')).rejects.toMatchObject({ code: 'project-not-found' });
  });
});

describe('assignment locks', () => {
  const assignment = {
    title: { es: 'T', pt: '', en: '' },
    instructions: { es: '', pt: '', en: '' },
    locks: {
      dataset: true,
      split: true,
      features: true,
      model: { kind: 'families' as const, families: ['mlp' as const] },
      epochs: { min: 5, max: 10 },
    },
  };
  const handedOut = { ...setup, training: { ...setup.training, epochs: 8 } };

  it('accept the handed-out setup and report each change a lock forbids', () => {
    expect(setupViolations(handedOut, assignment, handedOut)).toEqual([]);
    const changed: LabSetup = {
      ...handedOut,
      dataset: { ...setup.dataset!, fingerprint: 'other' },
      split: { ...setup.split, train: 0.8 },
      training: { ...handedOut.training, seed: 99, epochs: 40 },
      scaling: 'none',
      model: { ...setup.model, layers: setup.model.layers.filter((layer) => layer.type !== 'dense') },
    };
    expect(setupViolations(changed, assignment, handedOut).map((v) => v.code)).toEqual([
      'dataset',
      'split',
      'seed',
      'features',
      'model-family',
      'epochs',
    ]);
  });

  it('a fixed model ignores the free-text name but not a layer', () => {
    const fixed = { ...assignment, locks: { ...assignment.locks, model: { kind: 'fixed' as const } } };
    expect(setupViolations({ ...handedOut, model: { ...handedOut.model, name: 'mine' } }, fixed, handedOut)).toEqual([]);
    const wider = {
      ...handedOut,
      model: { ...handedOut.model, layers: handedOut.model.layers.map((l) => (l.type === 'dense' ? { ...l, units: l.units + 1 } : l)) },
    };
    expect(setupViolations(wider, fixed, handedOut).map((v) => v.code)).toEqual(['model-fixed']);
  });
});
