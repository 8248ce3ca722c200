import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hogPipelineSchema } from '../../shared/contract/features';
import type { LabSession } from '../../shared/contract/project';
import { parseModelSpec } from '../../shared/models/modelSpec';
import { modelPresets } from '../../shared/models/presets';
import { trainingSettingsSchema } from '../../shared/models/trainingSettings';
import type { Caller } from '../core/caller';
import { createCore, type Core } from '../core/index';
import { dispatch } from './dispatch';

const session: LabSession = {
  setup: {
    dataset: null,
    features: null,
    hogPipeline: hogPipelineSchema.parse({}),
    scaling: 'zscore',
    split: { method: 'holdout', train: 0.7, validation: 0, test: 0.3, folds: 5, stratified: true },
    model: parseModelSpec(modelPresets.mlp320_18_10),
    followFeatures: true,
    training: trainingSettingsSchema.parse({ epochs: 12 }),
    backend: 'auto',
    augmentation: {
      enabled: false,
      copies: 1,
      form: { rotationDegrees: 10, shift: 10, zoom: 10, horizontalFlip: false, brightness: 0, contrast: 0, noise: 0 },
    },
  },
  view: 'entrenamiento',
  language: 'pt',
  projector: false,
  datasetId: 'a-loaded-dataset',
  project: null,
};
const ana: Caller = { role: 'student', studentId: 'ana' };
const bruno: Caller = { role: 'student', studentId: 'bruno' };

let core: Core;
let root: string;
beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'sinapsis-workspaces-'));
  core = await createCore('browser', { runsRoot: root, lab: { root: join(root, 'lab'), datasetBudgetBytes: 64 * 1024 ** 2 } });
  await core.workspaces.create('Ana', 'refuse');
  await core.workspaces.create('Bruno', 'refuse');
});
afterAll(async () => {
  core.dispose();
  await rm(root, { recursive: true, force: true });
});

describe('sessions and events per workspace', () => {
  it("keeps each student's session apart and tells only that student's pages", async () => {
    const anaEvents: string[] = [];
    const brunoEvents: string[] = [];
    const anaSpace = await core.workspaceOf(ana);
    const brunoSpace = await core.workspaceOf(bruno);
    anaSpace.pages.attach((name) => anaEvents.push(name));
    brunoSpace.pages.attach((name) => brunoEvents.push(name));
    const saved = await dispatch(core, 'session.save', { session, pageId: 'tab-1' }, anaSpace.pages.broadcast, ana);
    expect(saved).toEqual({ ok: true, value: { revision: 1 } });
    expect(anaEvents).toEqual(['session.changed']);
    expect(brunoEvents).toEqual([]);
    expect(await dispatch(core, 'session.get', {}, () => undefined, ana)).toEqual({ ok: true, value: { session, revision: 1 } });
    expect(await dispatch(core, 'session.get', {}, () => undefined, bruno)).toEqual({ ok: true, value: { session: null, revision: 0 } });
    expect(await dispatch(core, 'session.get', {}, () => undefined)).toEqual({ ok: true, value: { session: null, revision: 0 } });
    expect(anaSpace.live).not.toBe(brunoSpace.live);
  });

  it('opening the same project file twice keeps one recent entry; a bad file adds none', async () => {
    const project = {
      format: 'sinapsis-project',
      formatVersion: 1,
      name: 'Práctica 3',
      savedAt: '2026-12-07T10:00:00.000Z',
      app: '0.1.0',
      setup: session.setup,
      runs: [],
      assignment: null,
    };
    const text = JSON.stringify(project);
    const first = await dispatch(
      core,
      'project.open',
      { source: { kind: 'text', text, fileName: 'p.sinapsis.json' } },
      () => undefined,
      ana,
    );
    const second = await dispatch(
      core,
      'project.open',
      { source: { kind: 'text', text, fileName: 'p.sinapsis.json' } },
      () => undefined,
      ana,
    );
    expect(first.ok && second.ok && (first.value as { id: string }).id === (second.value as { id: string }).id).toBe(true);
    const bad = await dispatch(
      core,
      'project.open',
      { source: { kind: 'text', text: text.slice(0, 20), fileName: 'p.sinapsis.json' } },
      () => undefined,
      ana,
    );
    expect(bad).toMatchObject({ ok: false, error: { code: 'project-not-json' } });
    const listed = await dispatch(core, 'project.list', {}, () => undefined, ana);
    expect(listed.ok && (listed.value as { projects: unknown[] }).projects).toHaveLength(1);
    // Another student's recent list is their own.
    expect(await dispatch(core, 'project.list', {}, () => undefined, bruno)).toEqual({ ok: true, value: { projects: [] } });
  });
});
