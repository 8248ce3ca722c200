import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallResult } from '../../shared/contract/wire';
import type { Caller } from '../core/caller';
import type { FolderListing } from '../../shared/contract/files';
import { pathNotAllowed, realPathLoose } from '../core/files';
import { createCore, type Core } from '../core/index';
import { dispatch } from './dispatch';
import { labServices } from './labServer';
import { builtinDatasetsDir } from '../core/datasets/builtins';

// A lab server through the doors: a student may open the teacher's --data folders, the bundled datasets and their
// own workspace, and nothing else; every refusal is the same message, whether the path exists or not.
describe('lab server file policy through the contract', () => {
  let core: Core;
  let data: string;
  let secret: string;
  const ana: Caller = { role: 'student', studentId: 'ana' };
  beforeAll(async () => {
    const base = mkdtempSync(join(tmpdir(), 'sinapsis-labfiles-'));
    data = join(base, 'data');
    secret = join(base, 'teacher');
    mkdirSync(join(data, 'tables'), { recursive: true });
    mkdirSync(secret);
    writeFileSync(join(data, 'tables', 'ok.csv'), 'a,b,class\n1,2,x\n3,4,y\n5,6,x\n7,8,y\n');
    writeFileSync(join(secret, 'grades.csv'), 'name,grade\nAna,9\nBen,7\n');
    symlinkSync(join(secret, 'grades.csv'), join(data, 'tables', 'grades.csv'));
    execFileSync('mkfifo', [join(data, 'tables', 'pipe.csv')]);
    core = await createCore('browser', {
      runsRoot: join(base, 'runs'),
      ...labServices(
        { dataRoots: [data], students: null, workspacesRoot: join(base, 'workspaces'), datasetBudgetMb: 64 },
        'lab-unit-token-0123456789',
      ),
    });
    await core.workspaces.create('Ana', 'refuse');
  });
  afterAll(() => core.dispose());
  const call = (method: string, payload: unknown): Promise<CallResult> => dispatch(core, method, payload, () => undefined, ana);

  it('opens a CSV inside --data and the bundled digits', async () => {
    expect(await call('dataset.openCsv', { path: join(data, 'tables', 'ok.csv') })).toMatchObject({ ok: true });
    expect(await call('dataset.builtin', { taskId: 'digits', id: 'digits', options: {} })).toMatchObject({ ok: true });
  });

  it('refuses everything else with one message, nothing read', async () => {
    const paths = [
      '/etc/passwd',
      '/dev/zero',
      '/proc/self/status',
      join(data, 'tables', 'pipe.csv'),
      join(data, 'tables', 'grades.csv'),
      join(secret, 'grades.csv'),
      join(secret, 'missing.csv'),
      `${data}/../teacher/grades.csv`,
    ];
    for (const path of paths) {
      const result = await call('dataset.openCsv', { path });
      expect(result, path).toEqual({ ok: false, error: pathNotAllowed(resolve(path)).toContract() });
    }
    for (const path of [secret, '/etc', join(secret, 'missing')]) {
      const result = await call('dataset.openFolder', { taskId: `f-${path.length}`, path });
      expect(result, path).toEqual({ ok: false, error: pathNotAllowed(resolve(path)).toContract() });
    }
    expect(await call('model.import', { path: secret })).toMatchObject({ ok: false, error: { code: 'path-not-allowed' } });
  });

  it('browses only the allowed roots: the --data folders, the bundled datasets and her own folder', async () => {
    const start = await call('files.browse', {});
    const workspace = await core.workspaceOf(ana);
    expect(start.ok && (start.value as FolderListing).entries.map((e) => e.path)).toEqual([
      realPathLoose(data),
      realPathLoose(builtinDatasetsDir()),
      realPathLoose(workspace.folders.home ?? ''),
    ]);
    const tables = await call('files.browse', { path: join(data, 'tables') });
    // The link to the teacher's grades and the pipe are not listed; the CSV inside --data is.
    expect(tables.ok && (tables.value as FolderListing).entries.map((e) => e.name)).toEqual(['ok.csv']);
    for (const path of [secret, '/etc', `${data}/..`, join(secret, 'missing')]) {
      expect(await call('files.browse', { path }), path).toEqual({ ok: false, error: pathNotAllowed(path).toContract() });
    }
  });

  it("gives each workspace an upload folder that only its owner's policy allows", async () => {
    const workspace = await core.workspaceOf(ana);
    writeFileSync(join(workspace.uploadsDir, 'mine.csv'), 'a,b,class\n1,2,x\n3,4,y\n5,6,x\n7,8,y\n');
    expect(workspace.files.isAllowed(join(workspace.uploadsDir, 'mine.csv'))).toBe(true);
    expect(core.workspaces.owner.files.isAllowed(join(workspace.uploadsDir, 'mine.csv'))).toBe(false);
    expect(await call('dataset.openCsv', { path: join(workspace.uploadsDir, 'mine.csv') })).toMatchObject({ ok: true });
  });
});
