import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_RECENT_DATASETS, type RecentDataset } from '../../shared/contract/files';
import type { Caller } from '../core/caller';
import { pngOf } from '../core/datasets/testing/messyDataset';
import { realPathLoose } from '../core/files';
import { createCore, type Core } from '../core/index';
import { dispatch } from './dispatch';
import { labServices } from './labServer';

/** Inicio's recent datasets are kept by the core per workspace: each student sees their own, from any browser. */

let core: Core;
let data: string;
const ana: Caller = { role: 'student', studentId: 'ana' };
const ben: Caller = { role: 'student', studentId: 'ben' };
const emit = (() => undefined) as Parameters<typeof dispatch>[3];

async function call<T>(method: string, payload: unknown, caller: Caller): Promise<T> {
  const result = await dispatch(core, method, payload, emit, caller);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as T;
}

const recent = async (caller: Caller) => (await call<{ datasets: RecentDataset[] }>('files.recent', {}, caller)).datasets;

beforeAll(async () => {
  const base = realPathLoose(mkdtempSync(join(tmpdir(), 'sinapsis-recent-')));
  data = join(base, 'data');
  for (let d = 0; d < MAX_RECENT_DATASETS + 2; d++) {
    for (const name of ['a', 'b']) {
      mkdirSync(join(data, `set${d}`, name), { recursive: true });
      writeFileSync(join(data, `set${d}`, name, '1.png'), pngOf(6, 6, d * 10 + name.length));
    }
  }
  core = await createCore('browser', {
    runsRoot: join(base, 'runs'),
    ...labServices(
      { dataRoots: [data], students: null, workspacesRoot: join(base, 'workspaces'), datasetBudgetMb: 64 },
      'lab-unit-token-0123456789',
    ),
  });
  await core.workspaces.create('Ana', 'refuse');
  await core.workspaces.create('Ben', 'refuse');
});
afterAll(() => core.dispose());

describe('files.recent', () => {
  it('lists what each student opened, newest first, once each, at most MAX_RECENT_DATASETS; the others do not see it', async () => {
    expect(await recent(ana)).toEqual([]);
    for (let d = 0; d < MAX_RECENT_DATASETS + 2; d++)
      await call('dataset.openFolder', { taskId: `open-${d}`, path: join(data, `set${d}`) }, ana);
    await call('dataset.openFolder', { taskId: 'again', path: join(data, 'set3') }, ana);
    const list = await recent(ana);
    expect(list).toHaveLength(MAX_RECENT_DATASETS);
    expect(list[0]).toMatchObject({ path: join(data, 'set3'), name: 'set3', images: 2, classes: 2 });
    expect(list.filter((entry) => entry.path === join(data, 'set3'))).toHaveLength(1);
    expect(list[1].path).toBe(join(data, `set${MAX_RECENT_DATASETS + 1}`));
    expect(await recent(ben)).toEqual([]);
    expect(await recent({ role: 'teacher' })).toEqual([]);
  });

  it("keeps the list in the student's own state folder and survives a damaged file", async () => {
    const workspace = await core.workspaceOf(ana);
    expect(await readdir(workspace.folders.state)).toContain('recent-datasets.json');
    writeFileSync(join(workspace.folders.state, 'recent-datasets.json'), '{not json');
    expect(await recent(ana)).toEqual([]);
    await call('dataset.openFolder', { taskId: 'after-damage', path: join(data, 'set0') }, ana);
    expect((await recent(ana)).map((entry) => entry.name)).toEqual(['set0']);
  });
});
